// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "addcowcore_export.h"
#include "changerun.h"

#include <QList>

#include <map>
#include <optional>
#include <vector>

namespace AddCow
{

class ClusterBitmap;

/**
 * The result of a change scan (ChangeScan) of one image, kept current as parts are scanned
 * again after writes. Only changed runs are stored (issue 11): the allocated, unchanged runs
 * are the allocated clusters (the bitmap, one truth) of the scanned part minus the changed
 * runs, found by walking the bitmap. Their counts are kept per block of BlockClusters clusters
 * (a Fenwick tree of run counts), so any run of the whole list ("all runs": changed and
 * unchanged, in cluster order) is found by index in one block's walk, without storing them.
 */
class ADDCOWCORE_EXPORT ChangeList
{
public:
    /** Clusters per block of the unchanged-run index: one walk of at most 256 bitmap words. */
    static constexpr quint64 BlockClusters = 16384;

    /**
     * Where allocation comes from: bitmap (not owned; it must outlive its use here, and the
     * caller calls allocationChanged() after changing its bits), or every cluster when null
     * (ALL_ALLOCATED, R14). Keeps the runs; forgets them when clusterCount changes.
     */
    void setAllocation(const ClusterBitmap *bitmap, quint64 clusterCount, quint64 virtualSizeBytes);
    /** Forgets every run and what was scanned; keeps the allocation. */
    void clear();

    /** The changed runs, in cluster order: all that is stored. */
    const QList<ChangeRun> &changedRuns() const { return m_changed; }
    /** Every run, changed and unchanged, in cluster order: O(runs), for tests and small images. */
    QList<ChangeRun> runs() const;

    quint64 changedRunCount() const { return quint64(m_changed.size()); }
    quint64 changedClusterCount() const { return m_changedClusters; }
    quint64 unchangedRunCount() const { return m_unchangedRuns; }
    quint64 unchangedClusterCount() const { return m_unchangedClusters; }
    /** Runs in the all-runs order: changed and unchanged. */
    quint64 runCount() const { return changedRunCount() + unchangedRunCount(); }

    /** Run index of the all-runs order; a default run when out of range (bits changed unannounced). */
    ChangeRun runAt(quint64 index) const;
    /** How many runs of the all-runs order (withUnchanged) or changed runs start before clusterIndex. */
    quint64 runsBefore(quint64 clusterIndex, bool withUnchanged) const;
    /** The index (all-runs order when withUnchanged, else changed order) of the run holding clusterIndex. */
    std::optional<quint64> indexOfCluster(quint64 clusterIndex, bool withUnchanged) const;

    /** Changed-run indexes [first, second) of the changed runs whose clusters intersect clusters. */
    std::pair<qsizetype, qsizetype> changedIndexesIntersecting(ClusterRange clusters) const;

    /**
     * What to scan again after the bits or bytes of changed changed: changed widened by one
     * cluster on each side (a changed run there may merge or split) and to the whole changed
     * runs that touches, clamped to clusterCount. Unchanged runs are not stored, so they need
     * not be scanned whole.
     */
    ClusterRange rescanRange(ClusterRange changed, quint64 clusterCount) const;

    /**
     * The clusters whose runs (in either order) replace(scanned) or allocationChanged(scanned)
     * may change: whole blocks, every run starting outside it stays as it is.
     */
    ClusterRange affectedBy(ClusterRange scanned) const;
    /** Marks scanned as scanned, replaces the changed runs intersecting it by the changed ones of runs (in order, inside scanned). */
    void replace(ClusterRange scanned, const QList<ChangeRun> &runs);
    /** The bits of clusters changed (or may have): counts the unchanged runs around them again. */
    void allocationChanged(ClusterRange clusters);

    /** The index of the first changed run that starts after offsetBytes. */
    std::optional<qsizetype> nextChanged(quint64 offsetBytes) const;
    /** The index of the last changed run that starts before offsetBytes. */
    std::optional<qsizetype> previousChanged(quint64 offsetBytes) const;

    /** Whether clusterIndex is allocated, scanned and in no changed run. */
    bool isUnchanged(quint64 clusterIndex) const;

private:
    bool isAllocated(quint64 clusterIndex) const;
    /** The first maximal stretch of unchanged clusters at or after from, cut at limit. */
    std::optional<ClusterRange> nextUnchanged(quint64 from, quint64 limit) const;
    ChangeRun unchangedRun(quint64 firstCluster) const;
    /** Unchanged runs starting in [from, to) and, for the stats, their clusters in it. */
    template<typename Function>
    void forEachUnchangedStart(quint64 from, quint64 to, Function &&function) const;
    void recountBlocks(quint64 firstBlock, quint64 endBlock);
    quint64 unchangedRunsBeforeBlock(quint64 block) const;
    quint64 runsBeforeBlock(quint64 block) const;
    void addToTree(quint64 block, qint64 delta);
    const std::vector<ChangeRun> &blockRuns(quint64 block) const;

    const ClusterBitmap *m_bitmap = nullptr;
    quint64 m_clusterCount = 0;
    quint64 m_virtualSizeBytes = 0;

    QList<ChangeRun> m_changed;
    quint64 m_changedClusters = 0;
    std::map<quint64, quint64> m_scanned; ///< scanned cluster ranges: first -> end, disjoint, not touching

    struct BlockCount {
        quint32 runs = 0;     ///< unchanged runs starting in the block
        quint32 clusters = 0; ///< unchanged clusters in the block
    };
    std::vector<BlockCount> m_blocks;
    std::vector<quint64> m_tree; ///< Fenwick tree over m_blocks[].runs
    quint64 m_unchangedRuns = 0;
    quint64 m_unchangedClusters = 0;

    struct BlockCache {
        quint64 block = ~quint64(0);
        std::vector<ChangeRun> runs; ///< all runs starting in the block, in order
    };
    mutable BlockCache m_cache;
};

} // namespace AddCow
