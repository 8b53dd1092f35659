// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "clusterpyramid.h"

#include "largememory.h"

#include <algorithm>
#include <bit>
#include <limits>


namespace AddCow
{

namespace
{

// Frames read what the GUI thread and writers change: relaxed atomics, plain moves on x86.
template<typename T>
T loadRelaxed(const T &value)
{
    return std::atomic_ref<T>(const_cast<T &>(value)).load(std::memory_order_relaxed);
}

template<typename T>
void storeRelaxed(T &target, T value)
{
    std::atomic_ref<T>(target).store(value, std::memory_order_relaxed);
}

// The x86-64 baseline has no POPCNT instruction: the loops that count whole words pick the
// POPCNT clone at load time where the CPU has one (a software popcount is several times slower).
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__SANITIZE_ADDRESS__)
#define ADDCOW_POPCNT_CLONES __attribute__((target_clones("popcnt", "default")))
#else
#define ADDCOW_POPCNT_CLONES
#endif

quint64 loadWord(const quint64 *words, quint64 wordCount, quint64 index)
{
    return index < wordCount ? loadRelaxed(words[index]) : 0;
}

// Level 0: blocks of two words, one byte each.
ADDCOW_POPCNT_CLONES
void countWordPairs(const quint64 *words, quint64 wordCount, quint64 firstBlock, quint64 endBlock, quint8 *counts)
{
    for (quint64 b = firstBlock; b < endBlock; ++b) {
        const int count = std::popcount(loadWord(words, wordCount, 2 * b)) + std::popcount(loadWord(words, wordCount, 2 * b + 1));
        storeRelaxed(counts[b], quint8(count));
    }
}

// Level 0 (pairs of words, one byte) and level 1 (groups of four pairs, two bytes) together, for
// level 1 blocks [firstQuad, endQuad).
ADDCOW_POPCNT_CLONES
void countWordOctets(const quint64 *words, quint64 wordCount, quint8 *pairs, quint64 pairCount, quint16 *quads, quint64 firstQuad, quint64 endQuad)
{
    for (quint64 q = firstQuad; q < endQuad; ++q) {
        int sum = 0;
        for (quint64 p = q * 4; p < std::min(q * 4 + 4, pairCount); ++p) {
            const int count = std::popcount(loadWord(words, wordCount, 2 * p)) + std::popcount(loadWord(words, wordCount, 2 * p + 1));
            storeRelaxed(pairs[p], quint8(count));
            sum += count;
        }
        storeRelaxed(quads[q], quint16(sum));
    }
}

// Set bits in words [first, end).
ADDCOW_POPCNT_CLONES
quint64 countWords(const quint64 *words, quint64 wordCount, quint64 first, quint64 end)
{
    end = std::min(end, wordCount);
    quint64 sum = 0;
    for (quint64 w = first; w < end; ++w)
        sum += quint64(std::popcount(loadRelaxed(words[w])));
    return sum;
}

// out[i] = set bits in groups of 2^ratioLog2 words, from group firstGroup on.
ADDCOW_POPCNT_CLONES
void countWordGroups(const quint64 *words, quint64 wordCount, int ratioLog2, quint64 firstGroup, quint64 groupCount, quint64 *out)
{
    for (quint64 i = 0; i < groupCount; ++i) {
        const quint64 begin = (firstGroup + i) << ratioLog2;
        const quint64 end = std::min(begin + (quint64(1) << ratioLog2), wordCount);
        quint64 sum = 0;
        for (quint64 w = begin; w < end; ++w)
            sum += quint64(std::popcount(loadRelaxed(words[w])));
        out[i] = sum;
    }
}

// Calls f with the counters of level as the integer type they are stored in.
template<typename L, typename F>
decltype(auto) withCounts(const L &level, F &&f)
{
    switch (level.countBytes) {
    case 1:
        return f(level.template as<quint8>());
    case 2:
        return f(level.template as<quint16>());
    case 4:
        return f(level.template as<quint32>());
    default:
        return f(level.template as<quint64>());
    }
}

// Each block of a level: the sum of its 2^BranchFactorLog2 children below.
template<typename Child, typename Parent>
void sumChildren(const Child *children, quint64 childCount, Parent *counts, quint64 firstBlock, quint64 endBlock)
{
    for (quint64 b = firstBlock; b < endBlock; ++b) {
        const quint64 begin = b << ClusterPyramid::BranchFactorLog2;
        const quint64 end = std::min(begin + (quint64(1) << ClusterPyramid::BranchFactorLog2), childCount);
        quint64 sum = 0;
        for (quint64 c = begin; c < end; ++c)
            sum += loadRelaxed(children[c]);
        storeRelaxed(counts[b], Parent(sum));
    }
}

// Each aligned field of 2^log2Width bits (log2Width < 6) replaced by the number of set bits in it.
quint64 swarCounts(quint64 x, int log2Width)
{
    if (log2Width >= 1)
        x = x - ((x >> 1) & 0x5555555555555555ULL);
    if (log2Width >= 2)
        x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
    if (log2Width >= 3)
        x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0fULL;
    if (log2Width >= 4)
        x = (x + (x >> 8)) & 0x00ff00ff00ff00ffULL;
    if (log2Width >= 5)
        x = (x + (x >> 16)) & 0x0000ffff0000ffffULL;
    return x;
}

// Sums groups of 2^ratioLog2 consecutive counts into out; groups past the end are 0.
template<typename T>
void sumGroups(const T *counts, quint64 blockCount, int ratioLog2, quint64 firstGroup, quint64 groupCount, quint64 *out)
{
    const quint64 ratio = quint64(1) << ratioLog2;
    for (quint64 i = 0; i < groupCount; ++i) {
        const quint64 begin = (firstGroup + i) << ratioLog2;
        if (begin >= blockCount || (firstGroup + i) > (std::numeric_limits<quint64>::max() >> ratioLog2)) {
            std::fill(out + i, out + groupCount, 0);
            return;
        }
        const quint64 end = std::min(begin + ratio, blockCount);
        quint64 sum = 0;
        for (quint64 b = begin; b < end; ++b)
            sum += loadRelaxed(counts[b]);
        out[i] = sum;
    }
}

} // namespace

ClusterPyramid::ClusterPyramid()
{
    m_complete.store(true);
}

ClusterPyramid::ClusterPyramid(std::shared_ptr<const ClusterBitmap> bitmap)
    : m_clusterCount(bitmap ? bitmap->clusterCount() : 0)
    , m_bitmap(std::move(bitmap))
{
    if (m_clusterCount == 0) {
        m_complete.store(true);
        return;
    }
    m_words = m_bitmap->words();
    m_wordCount = m_bitmap->wordCount();
    // Levels up to a single block; counters that fit a full block (128 clusters: one byte).
    quint64 blockCount = (m_clusterCount + (quint64(1) << FirstLevelLog2) - 1) >> FirstLevelLog2;
    for (int level = 0;; ++level) {
        Level l;
        l.blockLog2 = levelBlockLog2(level);
        l.blockCount = blockCount;
        const quint64 maxCount = quint64(1) << l.blockLog2;
        l.countBytes = maxCount <= std::numeric_limits<quint8>::max() ? 1
            : maxCount <= std::numeric_limits<quint16>::max()          ? 2
            : maxCount <= std::numeric_limits<quint32>::max()          ? 4
                                                                       : 8;
        l.counts = allocateCounts(blockCount * quint64(l.countBytes));
        if (l.blockLog2 <= ChunkClustersLog2)
            m_chunkLevels = level + 1;
        m_levels.push_back(std::move(l));
        if (blockCount == 1)
            break;
        blockCount = (blockCount + (1u << BranchFactorLog2) - 1) >> BranchFactorLog2;
    }
    m_chunkCount = (m_clusterCount + (quint64(1) << ChunkClustersLog2) - 1) >> ChunkClustersLog2;
    m_chunkCounted = std::make_unique<std::atomic<bool>[]>(m_chunkCount);
    for (quint64 k = 0; k < m_chunkCount; ++k)
        m_chunkCounted[k].store(false, std::memory_order_relaxed);
    m_chunkDirty.assign(m_chunkCount, false);
}

LargeMemory ClusterPyramid::allocateCounts(quint64 bytes)
{
    // Big levels in 2 MiB pages: a 64 TiB image's counts are 13 MiB, thousands of 4 KiB page
    // faults otherwise, which cost more than the counting on a busy virtual machine.
    return makeLargeMemory(std::size_t(bytes), true);
}

std::shared_ptr<ClusterPyramid> ClusterPyramid::allAllocated(quint64 clusterCount)
{
    auto pyramid = std::make_shared<ClusterPyramid>();
    pyramid->m_clusterCount = clusterCount;
    pyramid->m_allAllocated = true; // R14: the bitmap is not consulted
    return pyramid;
}

quint64 ClusterPyramid::wordAt(quint64 wordIndex) const
{
    return wordIndex < m_wordCount ? loadRelaxed(m_words[wordIndex]) : 0;
}

quint64 ClusterPyramid::countAt(const Level &level, quint64 blockIndex) const
{
    return withCounts(level, [blockIndex](const auto *counts) {
        return quint64(loadRelaxed(counts[blockIndex]));
    });
}

quint64 ClusterPyramid::levelCountAt(int level, quint64 blockIndex) const
{
    return countAt(m_levels[level], blockIndex);
}

quint64 ClusterPyramid::memoryBytes() const
{
    quint64 bytes = m_chunkCount * (sizeof(std::atomic<bool>) + 1);
    for (const Level &level : m_levels)
        bytes += level.blockCount * quint64(level.countBytes);
    return bytes;
}

void ClusterPyramid::recount(int level, quint64 firstBlock, quint64 endBlock)
{
    Level &l = m_levels[level];
    endBlock = std::min(endBlock, l.blockCount);
    if (level == 0) {
        // Two words per block; the bitmap keeps bits past clusterCount() at 0 (R12).
        countWordPairs(m_words, m_wordCount, firstBlock, endBlock, l.as<quint8>());
        return;
    }
    const Level &below = m_levels[level - 1];
    withCounts(below, [&](const auto *children) {
        withCounts(l, [&](auto *counts) {
            sumChildren(children, below.blockCount, counts, firstBlock, endBlock);
        });
    });
}

void ClusterPyramid::recountClusters(quint64 first, quint64 end, int firstLevel, int endLevel)
{
    for (int level = firstLevel; level < endLevel; ++level) {
        const int log2 = m_levels[level].blockLog2;
        recount(level, first >> log2, ((end - 1) >> log2) + 1);
    }
}

void ClusterPyramid::countChunk(quint64 chunkIndex)
{
    const quint64 first = chunkIndex << ChunkClustersLog2;
    const quint64 end = std::min(m_clusterCount, first + (quint64(1) << ChunkClustersLog2));
    int level = 0;
    if (m_chunkLevels >= 2) {
        // The two finest levels in one pass over the words (each word is read once).
        const Level &pairs = m_levels[0];
        const Level &quads = m_levels[1];
        const quint64 firstQuad = first >> quads.blockLog2;
        const quint64 endQuad = std::min(quads.blockCount, ((end - 1) >> quads.blockLog2) + 1);
        countWordOctets(m_words, m_wordCount, pairs.as<quint8>(), pairs.blockCount, quads.as<quint16>(), firstQuad, endQuad);
        level = 2;
    }
    recountClusters(first, end, level, m_chunkLevels);
}

void ClusterPyramid::build()
{
    buildChunks();
}

void ClusterPyramid::buildChunks(quint64 maxChunks)
{
    if (m_allAllocated || isComplete())
        return;
    for (quint64 done = 0; done < maxChunks; ++done) {
        if (m_canceled.load(std::memory_order_relaxed))
            return;
        const quint64 chunk = m_nextChunk.fetch_add(1, std::memory_order_relaxed);
        if (chunk >= m_chunkCount)
            return;
        for (;;) {
            {
                const std::lock_guard lock(m_mutex);
                m_chunkDirty[chunk] = false;
            }
            countChunk(chunk);
            const std::lock_guard lock(m_mutex);
            if (m_chunkDirty[chunk])
                continue; // update() came while we counted: count again
            m_chunkCounted[chunk].store(true, std::memory_order_release);
            if (m_countedChunks.fetch_add(1, std::memory_order_acq_rel) + 1 == m_chunkCount) {
                // The last chunk: the levels whose blocks span chunks, from the chunk level.
                recountClusters(0, m_clusterCount, m_chunkLevels, levelCount());
                m_complete.store(true, std::memory_order_release);
            }
            break;
        }
    }
}

bool ClusterPyramid::isChunkCounted(quint64 chunkIndex) const
{
    return chunkIndex < m_chunkCount && m_chunkCounted[chunkIndex].load(std::memory_order_acquire);
}

bool ClusterPyramid::isCounted(ClusterRange range) const
{
    if (m_allAllocated || isComplete())
        return true;
    const ClusterRange clamped = range.intersected({0, m_clusterCount});
    if (clamped.isEmpty())
        return true;
    if ((clamped.first >> WordClustersLog2) == ((clamped.end() - 1) >> WordClustersLog2))
        return true; // within one word: counted from the bitmap itself
    for (quint64 k = clamped.first >> ChunkClustersLog2; k <= (clamped.end() - 1) >> ChunkClustersLog2; ++k) {
        if (!isChunkCounted(k))
            return false;
    }
    return true;
}

bool ClusterPyramid::isAllocated(quint64 clusterIndex) const
{
    if (clusterIndex >= m_clusterCount)
        return false;
    if (m_allAllocated)
        return true;
    return (wordAt(clusterIndex >> 6) >> (clusterIndex & 63)) & 1;
}

quint64 ClusterPyramid::countWordBits(quint64 firstCluster, quint64 endCluster) const
{
    // [firstCluster, endCluster) lies within one word.
    const quint64 width = endCluster - firstCluster;
    if (width == 0)
        return 0;
    const quint64 mask = width >= 64 ? ~quint64(0) : ((quint64(1) << width) - 1);
    return std::popcount((wordAt(firstCluster >> 6) >> (firstCluster & 63)) & mask);
}

int ClusterPyramid::usableLevel(int log2BlockClusters) const
{
    if (log2BlockClusters < FirstLevelLog2 || m_levels.empty())
        return -1;
    const int wanted = (log2BlockClusters - FirstLevelLog2) / BranchFactorLog2;
    // Levels above the chunk level are summed only when the last chunk is counted.
    const int built = isComplete() ? levelCount() : m_chunkLevels;
    return std::min(wanted, built - 1);
}

quint64 ClusterPyramid::countAllocated(ClusterRange range) const
{
    const ClusterRange clamped = range.intersected({0, m_clusterCount});
    if (clamped.isEmpty())
        return 0;
    if (m_allAllocated)
        return clamped.count;
    quint64 pos = clamped.first;
    const quint64 end = clamped.end();
    // Blocks may reach past the last cluster when the range ends there: those bits are 0 (R12).
    const bool toTheEnd = end == m_clusterCount;
    const bool complete = isComplete();
    quint64 sum = 0;
    while (pos < end) {
        if ((pos & 63) != 0 || (end - pos < 64 && !toTheEnd)) {
            const quint64 next = std::min(end, (pos | 63) + 1);
            sum += countWordBits(pos, next);
            pos = next;
            continue;
        }
        // The biggest aligned block at pos inside the range whose count is known.
        int level = -1;
        const bool counted = complete || isChunkCounted(pos >> ChunkClustersLog2);
        const int top = counted ? (complete ? levelCount() : m_chunkLevels) : 0;
        while (level + 1 < top) {
            const quint64 size = quint64(1) << m_levels[level + 1].blockLog2;
            if ((pos & (size - 1)) != 0 || (end - pos < size && !toTheEnd))
                break;
            ++level;
        }
        if (level < 0) {
            // One word before the next level block, or, not counted yet, whole words up to the
            // next chunk or the range's end.
            const quint64 stop = counted ? pos + 64 : std::min(end, ((pos >> ChunkClustersLog2) + 1) << ChunkClustersLog2);
            const quint64 words = toTheEnd && stop == end ? (stop - pos + 63) >> 6 : (stop - pos) >> 6;
            sum += countWords(m_words, m_wordCount, pos >> 6, (pos >> 6) + std::max<quint64>(words, 1));
            pos += std::max<quint64>(words, 1) << 6;
            continue;
        }
        const int log2 = m_levels[level].blockLog2;
        sum += countAt(m_levels[level], pos >> log2);
        pos += quint64(1) << log2;
    }
    return sum;
}

void ClusterPyramid::countAlignedBlocks(int log2BlockClusters, quint64 firstBlock, quint64 blockCount, quint64 *out) const
{
    if (blockCount == 0)
        return;
    const quint64 blockClusters = quint64(1) << log2BlockClusters;
    if (m_allAllocated) {
        const quint64 totalBlocks = (m_clusterCount >> log2BlockClusters) + ((m_clusterCount & (blockClusters - 1)) ? 1 : 0);
        for (quint64 i = 0; i < blockCount; ++i) {
            const quint64 block = firstBlock + i;
            out[i] = block < totalBlocks ? std::min(blockClusters, m_clusterCount - (block << log2BlockClusters)) : 0;
        }
        return;
    }
    if (log2BlockClusters < WordClustersLog2) {
        // Several blocks per word: load each word once, then shift and mask.
        const quint64 mask = (quint64(1) << blockClusters) - 1;
        quint64 i = 0;
        while (i < blockCount) {
            const quint64 cluster = (firstBlock + i) << log2BlockClusters;
            const int shift = int(cluster & 63);
            const quint64 n = std::min<quint64>(quint64(64 - shift) >> log2BlockClusters, blockCount - i);
            // Sideways addition up to fields of blockClusters bits: afterwards each field holds
            // the count of its own block.
            quint64 bits = swarCounts(wordAt(cluster >> 6), log2BlockClusters) >> shift;
            for (quint64 j = 0; j < n; ++j, bits >>= blockClusters)
                out[i + j] = bits & mask;
            i += n;
        }
        return;
    }
    const int level = usableLevel(log2BlockClusters);
    if (level < 0) {
        // 64 clusters, or no stored level fits: popcounts of whole words.
        countWordGroups(m_words, m_wordCount, log2BlockClusters - WordClustersLog2, firstBlock, blockCount, out);
        return;
    }
    const Level &l = m_levels[level];
    const int ratioLog2 = log2BlockClusters - l.blockLog2;
    withCounts(l, [&](const auto *counts) {
        sumGroups(counts, l.blockCount, ratioLog2, firstBlock, blockCount, out);
    });
}

quint64 ClusterPyramid::uniformBlockAt(quint64 pos, bool forward, bool allocated) const
{
    const bool complete = isComplete();
    for (int level = levelCount() - 1; level >= 0; --level) {
        if (!complete && level >= m_chunkLevels)
            continue;
        const int log2 = m_levels[level].blockLog2;
        const quint64 size = quint64(1) << log2;
        if ((pos & (size - 1)) != 0 || (!forward && pos < size))
            continue;
        const quint64 block = (forward ? pos : pos - size) >> log2;
        if (block >= m_levels[level].blockCount || (!complete && !isChunkCounted((block << log2) >> ChunkClustersLog2)))
            continue;
        // Past the last cluster the bits are 0: a full block there is never "all allocated".
        const quint64 count = countAt(m_levels[level], block);
        if (allocated ? count == size : count == 0)
            return size;
    }
    return 0;
}

ClusterRange ClusterPyramid::runAround(quint64 clusterIndex) const
{
    if (clusterIndex >= m_clusterCount)
        return {m_clusterCount, 0};
    if (m_allAllocated)
        return {0, m_clusterCount};
    const bool allocated = isAllocated(clusterIndex);
    // Bits that differ from the run's state are set in differing(word).
    const auto differing = [&](quint64 word) {
        return allocated ? ~word : word;
    };

    quint64 end = clusterIndex + 1;
    while (end < m_clusterCount) {
        const unsigned shift = unsigned(end & 63);
        if (shift == 0) {
            if (const quint64 size = uniformBlockAt(end, true, allocated)) {
                end += size;
                continue;
            }
        }
        const quint64 bits = differing(wordAt(end >> 6)) >> shift;
        if (bits != 0) {
            end += quint64(std::countr_zero(bits));
            break;
        }
        end += 64 - shift;
    }
    end = std::min(end, m_clusterCount);

    quint64 first = clusterIndex;
    while (first > 0) {
        const unsigned within = unsigned(first & 63); // bits of the word below first that we look at
        if (within == 0) {
            if (const quint64 size = uniformBlockAt(first, false, allocated)) {
                first -= size;
                continue;
            }
        }
        const quint64 wordStart = (first - 1) & ~quint64(63);
        const unsigned count = within == 0 ? 64 : within;
        const quint64 mask = count >= 64 ? ~quint64(0) : (quint64(1) << count) - 1;
        const quint64 bits = differing(wordAt(wordStart >> 6)) & mask;
        if (bits != 0) {
            first = wordStart + quint64(63 - std::countl_zero(bits)) + 1;
            break;
        }
        first = wordStart;
    }
    return {first, end - first};
}

void ClusterPyramid::update(ClusterRange range)
{
    const ClusterRange clamped = range.intersected({0, m_clusterCount});
    if (clamped.isEmpty() || m_allAllocated || m_levels.empty())
        return;
    const std::lock_guard lock(m_mutex);
    const quint64 firstChunk = clamped.first >> ChunkClustersLog2;
    const quint64 lastChunk = (clamped.end() - 1) >> ChunkClustersLog2;
    for (quint64 k = firstChunk; k <= lastChunk; ++k) {
        if (!m_chunkCounted[k].load(std::memory_order_relaxed)) {
            m_chunkDirty[k] = true; // being counted (or not yet): the counter looks again
            continue;
        }
        const quint64 first = std::max(clamped.first, k << ChunkClustersLog2);
        const quint64 end = std::min(clamped.end(), (k + 1) << ChunkClustersLog2);
        recountClusters(first, end, 0, m_chunkLevels);
    }
    if (m_complete.load(std::memory_order_relaxed))
        recountClusters(clamped.first, clamped.end(), m_chunkLevels, levelCount());
}

} // namespace AddCow
