// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "addcowcore_export.h"
#include "changerun.h"

#include <QList>

#include <optional>

namespace AddCow
{

/**
 * The runs of a change scan (ChangeScan) of one image, in cluster order, kept current as parts
 * are scanned again after writes: replace() swaps the runs of a scanned range, rescanRange()
 * says which range a change of some clusters makes stale. Counts are kept as runs come and go.
 */
class ADDCOWCORE_EXPORT ChangeList
{
public:
    const QList<ChangeRun> &runs() const { return m_runs; }
    const ChangeRun &at(qsizetype index) const { return m_runs.at(index); }
    qsizetype size() const { return m_runs.size(); }
    bool isEmpty() const { return m_runs.isEmpty(); }
    void clear();

    quint64 changedRunCount() const { return m_changedRuns; }
    quint64 changedClusterCount() const { return m_changedClusters; }
    quint64 unchangedRunCount() const { return m_unchangedRuns; }
    quint64 unchangedClusterCount() const { return m_unchangedClusters; }

    /** Indexes [first, second) of the runs whose clusters intersect clusters. */
    std::pair<qsizetype, qsizetype> indexesIntersecting(ClusterRange clusters) const;
    /** The run holding clusterIndex, if any. */
    std::optional<qsizetype> indexOfCluster(quint64 clusterIndex) const;

    /**
     * What to scan again after the bits or bytes of changed changed: changed widened by one
     * cluster on each side (a run there may merge or split) and to the whole runs that touches,
     * clamped to clusterCount. Clusters outside changed keep their kind, so nothing further is stale.
     */
    ClusterRange rescanRange(ClusterRange changed, quint64 clusterCount) const;

    struct Replacement {
        qsizetype index = 0;    ///< where the removed runs were and the new ones are
        qsizetype removed = 0;
        qsizetype inserted = 0;
    };
    /** Removes every run that intersects scanned and inserts runs (inside scanned, in order) in their place. */
    Replacement replace(ClusterRange scanned, const QList<ChangeRun> &runs);

    /** The first changed run that starts after offsetBytes. */
    std::optional<qsizetype> nextChanged(quint64 offsetBytes) const;
    /** The last changed run that starts before offsetBytes. */
    std::optional<qsizetype> previousChanged(quint64 offsetBytes) const;

private:
    void count(const ChangeRun &run, int sign);

    QList<ChangeRun> m_runs;
    quint64 m_changedRuns = 0;
    quint64 m_changedClusters = 0;
    quint64 m_unchangedRuns = 0;
    quint64 m_unchangedClusters = 0;
};

} // namespace AddCow
