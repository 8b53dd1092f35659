// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "clusterbitmap.h"
#include "clusterrange.h"

#include <QtGlobal>

#include <vector>

namespace AddCow
{

/**
 * Allocated-cluster counts of a COW bitmap (R13) at several block sizes, so that a heatmap
 * frame costs O(pixels) at any zoom instead of walking every cluster.
 *
 * Level 0 is the bitmap itself (64-bit words, one bit per cluster). Level 1 holds one byte per
 * word, its popcount; each further level groups 4 blocks of the one below (256, 1024, 4096,
 * ... clusters). Counts are stored in the smallest unsigned integer that holds a full block
 * (8, 16, 32 or 64 bits): about 21 % on top of the bitmap. The byte level keeps frames of
 * 64 to 128 clusters per pixel from reading the whole bitmap.
 *
 * With ALL_ALLOCATED (R14) no bitmap is kept: every cluster counts as allocated.
 * Not thread-safe for writing: reads from several threads are fine while nobody mutates.
 */
class ClusterPyramid
{
public:
    static constexpr int BranchFactorLog2 = 2; ///< each level groups 4 blocks of the level below
    static constexpr int WordClustersLog2 = 6; ///< one 64-bit bitmap word

    ClusterPyramid() = default;
    /** Copies the bitmap word by word and counts every level with popcount. */
    explicit ClusterPyramid(const ClusterBitmap &bitmap);
    /** R14: every one of clusterCount clusters is in the image file; no bitmap is stored. */
    static ClusterPyramid allAllocated(quint64 clusterCount);

    quint64 clusterCount() const { return m_clusterCount; }
    bool isAllAllocated() const { return m_allAllocated; }
    bool isAllocated(quint64 clusterIndex) const;

    /** Allocated clusters in range, clamped to clusterCount(); any alignment. */
    quint64 countAllocated(ClusterRange range) const;
    quint64 countAllocated() const { return countAllocated({0, m_clusterCount}); }

    /**
     * Fills out[i] with the allocated clusters of the aligned block firstBlock + i of
     * 2^log2BlockClusters clusters, for i in [0, blockCount). Blocks past the end count 0.
     * Cost: at most 2^BranchFactorLog2 - 1 lookups per block, sequential in memory.
     */
    void countAlignedBlocks(int log2BlockClusters, quint64 firstBlock, quint64 blockCount, quint64 *out) const;

    /** R13: sets the bits of range (clamped) and updates every level above them. */
    void markAllocated(ClusterRange range);

    /** Levels above the bitmap (level 1 counts words); 0 when empty or ALL_ALLOCATED. */
    int levelCount() const { return int(m_levels.size()); }
    /** Clusters per block of level (>= 1): 64 * 4^(level - 1). */
    static quint64 levelBlockClusters(int level);
    quint64 levelBlockCount(int level) const;
    /** The stored count of block blockIndex of level (>= 1). */
    quint64 levelCountAt(int level, quint64 blockIndex) const;

    /** Heap bytes held (bitmap copy plus counts). */
    quint64 memoryBytes() const;

private:
    struct Level {
        int countBytes = 1; ///< 1, 2, 4 or 8
        quint64 blockCount = 0;
        std::vector<quint8> counts; ///< blockCount little counters of countBytes each
    };

    quint64 countAt(const Level &level, quint64 blockIndex) const;
    void setCountAt(Level &level, quint64 blockIndex, quint64 value);
    void buildLevels();
    void recount(int level, quint64 firstBlock, quint64 endBlock);
    quint64 countWordBits(quint64 firstCluster, quint64 endCluster) const;

    quint64 m_clusterCount = 0;
    bool m_allAllocated = false;
    std::vector<quint64> m_words;
    std::vector<Level> m_levels; ///< m_levels[0] is level 1
};

} // namespace AddCow
