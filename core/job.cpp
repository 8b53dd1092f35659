// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "job.h"

namespace AddCow
{

JobContext::JobContext(const std::atomic_bool *cancelFlag)
    : m_cancel(cancelFlag)
{
}

void JobContext::setProgress(quint64 doneBytes, quint64 totalBytes) const
{
    if (m_progress)
        m_progress(doneBytes, totalBytes);
}

void JobContext::allocated(ClusterRange range) const
{
    if (m_clusters && !range.isEmpty())
        m_clusters(range);
}

Job::~Job() = default;

} // namespace AddCow
