// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "clusterbitmap.h"
#include "clusterrange.h"
#include "largememory.h"

#include <QtGlobal>

#include <atomic>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <vector>

namespace AddCow
{

/**
 * Allocated-cluster counts of a COW bitmap (R13) per aligned block, so that a heatmap frame
 * costs O(pixels) at any zoom instead of walking every cluster.
 *
 * The bitmap is shared, never copied (the image owns it). Blocks of up to 64 clusters are
 * counted straight from its words; stored levels hold the counts of blocks of 2^7, 2^9, 2^11,
 * ... clusters (one byte per 128 clusters, then the smallest integer that holds a full block):
 * together about a tenth of the bitmap's size.
 *
 * Counting runs in chunks of 2^ChunkClustersLog2 clusters that any number of threads take in
 * turn (buildChunks()). A chunk's counts can be used as soon as it is done (isCounted()), so a
 * frame paints what is counted while the rest is still being counted; levels whose blocks span
 * chunks are summed when the last chunk is done (isComplete()).
 *
 * Threads: frames read counts and bitmap words while the GUI thread recounts changed ranges
 * (update()) and writers set bits; all of these are relaxed atomic accesses, so a reader sees
 * each word and count old or new, never torn, and update() catches up with every change.
 * With ALL_ALLOCATED (R14) there is no bitmap: every cluster counts as allocated.
 */
class ClusterPyramid
{
public:
    static constexpr int WordClustersLog2 = 6; ///< one 64-bit bitmap word
    static constexpr int FirstLevelLog2 = 7; ///< the finest stored level: 128 clusters, one byte
    static constexpr int BranchFactorLog2 = 2; ///< each level groups 4 blocks of the level below
    static constexpr int ChunkClustersLog2 = 21; ///< unit of counting: 256 KiB of bitmap

    /** No clusters; complete. */
    ClusterPyramid();
    /** Shares bitmap; nothing is counted until build() or buildChunks(). */
    explicit ClusterPyramid(std::shared_ptr<const ClusterBitmap> bitmap);
    /** R14: every one of clusterCount clusters is in the image file; no bitmap, complete. */
    static std::shared_ptr<ClusterPyramid> allAllocated(quint64 clusterCount);

    ClusterPyramid(const ClusterPyramid &) = delete;
    ClusterPyramid &operator=(const ClusterPyramid &) = delete;

    quint64 clusterCount() const { return m_clusterCount; }
    bool isAllAllocated() const { return m_allAllocated; }
    /** The shared bitmap (null with ALL_ALLOCATED or when empty). */
    const std::shared_ptr<const ClusterBitmap> &bitmap() const { return m_bitmap; }
    bool isAllocated(quint64 clusterIndex) const;

    /** Counts every chunk on the calling thread. */
    void build();
    /**
     * Counts chunks not yet taken until none is left, maxChunks are done or cancelBuild() is
     * called. Several threads may run it at once; the one that counts the last chunk completes
     * the levels.
     */
    void buildChunks(quint64 maxChunks = ~quint64(0));
    void cancelBuild() { m_canceled.store(true, std::memory_order_relaxed); }
    bool isComplete() const { return m_complete.load(std::memory_order_acquire); }
    quint64 chunkCount() const { return m_chunkCount; }
    quint64 countedChunkCount() const { return m_countedChunks.load(std::memory_order_acquire); }
    /** Whether the counts of every block in range are known (ranges within a word always are). */
    bool isCounted(ClusterRange range) const;
    bool isChunkCounted(quint64 chunkIndex) const;

    /** Allocated clusters in range, clamped to clusterCount(); any alignment; exact while building too. */
    quint64 countAllocated(ClusterRange range) const;
    quint64 countAllocated() const { return countAllocated({0, m_clusterCount}); }

    /**
     * Fills out[i] with the allocated clusters of the aligned block firstBlock + i of
     * 2^log2BlockClusters clusters, for i in [0, blockCount). Blocks past the end count 0.
     * Exact for blocks of at most 64 clusters and for counted blocks (isCounted()).
     * Cost: a few lookups per block, sequential in memory.
     */
    void countAlignedBlocks(int log2BlockClusters, quint64 firstBlock, quint64 blockCount, quint64 *out) const;

    /**
     * The run of clusters around clusterIndex whose bits equal its bit (everything with
     * ALL_ALLOCATED); uniform blocks are skipped a level at a time.
     */
    ClusterRange runAround(quint64 clusterIndex) const;

    /** The bits of range changed in the shared bitmap: recounts the blocks covering it at every level. */
    void update(ClusterRange range);

    /** Stored levels; 0 when empty or ALL_ALLOCATED. */
    int levelCount() const { return int(m_levels.size()); }
    /** log2 of the clusters per block of level (0-based): 7, 9, 11, ... */
    static int levelBlockLog2(int level) { return FirstLevelLog2 + BranchFactorLog2 * level; }
    quint64 levelBlockCount(int level) const { return m_levels[level].blockCount; }
    /** The stored count of block blockIndex of level. */
    quint64 levelCountAt(int level, quint64 blockIndex) const;

    /** Heap bytes held by the counts (the shared bitmap not included). */
    quint64 memoryBytes() const;

private:
    /** Zeroed memory for counters (allocateLargeZeroed). */
    static LargeMemory allocateCounts(quint64 bytes);

    struct Level {
        int blockLog2 = FirstLevelLog2;
        int countBytes = 1; ///< the smallest unsigned integer that holds 2^blockLog2: 1, 2, 4 or 8
        quint64 blockCount = 0;
        /** blockCount zeroed counters, whose pages are touched only when counted (on the counting threads). */
        LargeMemory counts;
        template<typename T>
        T *as() const { return static_cast<T *>(counts.get()); }
    };

    quint64 wordAt(quint64 wordIndex) const;
    quint64 countAt(const Level &level, quint64 blockIndex) const;
    /** Recounts blocks [firstBlock, endBlock) of level from the words or the level below. */
    void recount(int level, quint64 firstBlock, quint64 endBlock);
    /** Recounts the blocks of levels [0, endLevel) that cover clusters [first, end). */
    void recountClusters(quint64 first, quint64 end, int firstLevel, int endLevel);
    void countChunk(quint64 chunkIndex);
    /** The finest level whose counts can be used now, for blocks of at most 2^log2 clusters; -1 for none. */
    int usableLevel(int log2BlockClusters) const;
    quint64 countWordBits(quint64 firstCluster, quint64 endCluster) const;
    /** The biggest counted block [pos, pos + size) or [pos - size, pos) whose bits all equal allocated; 0 for none. */
    quint64 uniformBlockAt(quint64 pos, bool forward, bool allocated) const;

    quint64 m_clusterCount = 0;
    bool m_allAllocated = false;
    std::shared_ptr<const ClusterBitmap> m_bitmap;
    const quint64 *m_words = nullptr;
    quint64 m_wordCount = 0;
    std::vector<Level> m_levels;
    int m_chunkLevels = 0; ///< levels [0, m_chunkLevels) have blocks no bigger than a chunk

    quint64 m_chunkCount = 0;
    std::unique_ptr<std::atomic<bool>[]> m_chunkCounted;
    std::vector<bool> m_chunkDirty; ///< changed while being counted; guarded by m_mutex
    std::atomic<quint64> m_nextChunk{0};
    std::atomic<quint64> m_countedChunks{0};
    std::atomic<bool> m_complete{false};
    std::atomic<bool> m_canceled{false};
    mutable std::mutex m_mutex; ///< orders update() against chunk completion
};

} // namespace AddCow
