// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "changelist.h"

#include <algorithm>

namespace AddCow
{

void ChangeList::clear()
{
    m_runs.clear();
    m_changedRuns = m_changedClusters = m_unchangedRuns = m_unchangedClusters = 0;
}

void ChangeList::count(const ChangeRun &run, int sign)
{
    quint64 &runs = run.isChanged() ? m_changedRuns : m_unchangedRuns;
    quint64 &clusters = run.isChanged() ? m_changedClusters : m_unchangedClusters;
    if (sign > 0) {
        runs += 1;
        clusters += run.clusters.count;
    } else {
        runs -= 1;
        clusters -= run.clusters.count;
    }
}

std::pair<qsizetype, qsizetype> ChangeList::indexesIntersecting(ClusterRange clusters) const
{
    // Runs never overlap and are sorted, so their ends are sorted too.
    const auto first = std::partition_point(m_runs.cbegin(), m_runs.cend(), [&](const ChangeRun &run) {
        return run.clusters.end() <= clusters.first;
    });
    const auto last = std::partition_point(first, m_runs.cend(), [&](const ChangeRun &run) {
        return run.clusters.first < clusters.end();
    });
    return {first - m_runs.cbegin(), last - m_runs.cbegin()};
}

std::optional<qsizetype> ChangeList::indexOfCluster(quint64 clusterIndex) const
{
    const auto [first, last] = indexesIntersecting(ClusterRange{clusterIndex, 1});
    if (first == last)
        return std::nullopt;
    return first;
}

ClusterRange ChangeList::rescanRange(ClusterRange changed, quint64 clusterCount) const
{
    quint64 first = changed.first > 0 ? changed.first - 1 : 0;
    quint64 end = std::min(changed.end() + 1, clusterCount);
    if (first >= end)
        return ClusterRange{std::min(first, clusterCount), 0};
    const auto [from, to] = indexesIntersecting(ClusterRange{first, end - first});
    if (from < to) {
        first = std::min(first, m_runs.at(from).clusters.first);
        end = std::max(end, m_runs.at(to - 1).clusters.end());
    }
    return ClusterRange{first, end - first};
}

ChangeList::Replacement ChangeList::replace(ClusterRange scanned, const QList<ChangeRun> &runs)
{
    const auto [from, to] = indexesIntersecting(scanned);
    for (qsizetype i = from; i < to; ++i)
        count(m_runs.at(i), -1);
    m_runs.remove(from, to - from);
    m_runs.insert(from, runs.size(), ChangeRun());
    for (qsizetype i = 0; i < runs.size(); ++i) {
        Q_ASSERT(runs.at(i).clusters.first >= scanned.first && runs.at(i).clusters.end() <= scanned.end());
        m_runs[from + i] = runs.at(i);
        count(runs.at(i), +1);
    }
    return Replacement{from, to - from, runs.size()};
}

std::optional<qsizetype> ChangeList::nextChanged(quint64 offsetBytes) const
{
    auto it = std::partition_point(m_runs.cbegin(), m_runs.cend(), [&](const ChangeRun &run) {
        return run.offsetBytes <= offsetBytes;
    });
    for (; it != m_runs.cend(); ++it) {
        if (it->isChanged())
            return it - m_runs.cbegin();
    }
    return std::nullopt;
}

std::optional<qsizetype> ChangeList::previousChanged(quint64 offsetBytes) const
{
    auto it = std::partition_point(m_runs.cbegin(), m_runs.cend(), [&](const ChangeRun &run) {
        return run.offsetBytes < offsetBytes;
    });
    while (it != m_runs.cbegin()) {
        --it;
        if (it->isChanged())
            return it - m_runs.cbegin();
    }
    return std::nullopt;
}

} // namespace AddCow
