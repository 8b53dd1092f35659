// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "clusterrangelock.h"

#include <algorithm>

namespace AddCow
{

ClusterRangeLock::Holder::Holder(ClusterRangeLock *lock, ClusterRange range)
    : m_lock(lock)
    , m_range(range)
{
}

ClusterRangeLock::Holder::Holder(Holder &&other) noexcept
    : m_lock(std::exchange(other.m_lock, nullptr))
    , m_range(other.m_range)
{
}

ClusterRangeLock::Holder::~Holder()
{
    if (m_lock)
        m_lock->unlock(m_range);
}

ClusterRangeLock::Holder ClusterRangeLock::lock(ClusterRange range)
{
    if (range.isEmpty())
        return Holder(nullptr, range);
    std::unique_lock lock(m_mutex);
    m_released.wait(lock, [this, range] {
        return !overlapsHeld(range);
    });
    m_held.push_back(range);
    return Holder(this, range);
}

qsizetype ClusterRangeLock::heldCount() const
{
    std::lock_guard lock(m_mutex);
    return qsizetype(m_held.size());
}

void ClusterRangeLock::unlock(ClusterRange range)
{
    {
        std::lock_guard lock(m_mutex);
        const auto it = std::find(m_held.begin(), m_held.end(), range);
        Q_ASSERT(it != m_held.end());
        if (it != m_held.end())
            m_held.erase(it);
    }
    // Waiters may want any part of the range: wake them all, each checks its own.
    m_released.notify_all();
}

bool ClusterRangeLock::overlapsHeld(ClusterRange range) const
{
    return std::any_of(m_held.cbegin(), m_held.cend(), [range](ClusterRange held) {
        return !held.intersected(range).isEmpty();
    });
}

} // namespace AddCow
