// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "addcowcore_export.h"
#include "clusterrange.h"

#include <condition_variable>
#include <mutex>
#include <vector>

namespace AddCow
{

/**
 * Locks on ranges of clusters, so that copy-on-write fills and writes that touch the same clean
 * cluster run one after the other (R21), while writers of other clusters go on in parallel, as
 * the cluster locks of nbdkit's cow filter. A holder takes its whole range at once and holds no
 * other, so two holders never wait for each other.
 */
class ADDCOWCORE_EXPORT ClusterRangeLock
{
public:
    /** Holds a range until destroyed. Move-only. */
    class ADDCOWCORE_EXPORT Holder
    {
    public:
        Holder(Holder &&other) noexcept;
        Holder &operator=(Holder &&other) = delete;
        Holder(const Holder &) = delete;
        ~Holder();

    private:
        friend class ClusterRangeLock;
        Holder(ClusterRangeLock *lock, ClusterRange range);
        ClusterRangeLock *m_lock;
        ClusterRange m_range;
    };

    ClusterRangeLock() = default;
    ClusterRangeLock(const ClusterRangeLock &) = delete;
    ClusterRangeLock &operator=(const ClusterRangeLock &) = delete;

    /** Waits until no holder has a cluster of range, then holds range. An empty range holds nothing. */
    [[nodiscard]] Holder lock(ClusterRange range);
    /** Ranges held now (for tests). */
    qsizetype heldCount() const;

private:
    void unlock(ClusterRange range);
    bool overlapsHeld(ClusterRange range) const;

    mutable std::mutex m_mutex;
    std::condition_variable m_released;
    std::vector<ClusterRange> m_held;
};

} // namespace AddCow
