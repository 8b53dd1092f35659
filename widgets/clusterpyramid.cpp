// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "clusterpyramid.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <limits>

namespace AddCow
{

namespace
{

int countBytesFor(quint64 maxCount)
{
    if (maxCount <= std::numeric_limits<quint8>::max())
        return 1;
    if (maxCount <= std::numeric_limits<quint16>::max())
        return 2;
    if (maxCount <= std::numeric_limits<quint32>::max())
        return 4;
    return 8;
}

template<typename T>
T loadCount(const quint8 *counts, quint64 index)
{
    T value;
    std::memcpy(&value, counts + index * sizeof(T), sizeof(T));
    return value;
}

template<typename T>
void storeCount(quint8 *counts, quint64 index, quint64 value)
{
    const T narrow = T(value);
    std::memcpy(counts + index * sizeof(T), &narrow, sizeof(T));
}

// Sums groups of 2^ratioLog2 consecutive counts of one level into out; groups past the end are 0.
template<typename T>
void sumGroups(const quint8 *counts, quint64 blockCount, int ratioLog2, quint64 firstGroup, quint64 groupCount, quint64 *out)
{
    const quint64 ratio = quint64(1) << ratioLog2;
    for (quint64 i = 0; i < groupCount; ++i) {
        const quint64 group = firstGroup + i;
        if (group > (blockCount >> ratioLog2)) {
            std::fill(out + i, out + groupCount, 0);
            return;
        }
        const quint64 begin = group << ratioLog2;
        const quint64 end = std::min(begin + ratio, blockCount);
        quint64 sum = 0;
        for (quint64 b = begin; b < end; ++b)
            sum += loadCount<T>(counts, b);
        out[i] = sum;
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

} // namespace

ClusterPyramid::ClusterPyramid(const ClusterBitmap &bitmap)
    : m_clusterCount(bitmap.clusterCount())
    , m_words(bitmap.words(), bitmap.words() + bitmap.wordCount())
{
    // The bitmap keeps bits past clusterCount() at 0 (R12); the counts below rely on it.
    m_words.resize((m_clusterCount + 63) / 64, 0);
    buildLevels();
}

ClusterPyramid ClusterPyramid::allAllocated(quint64 clusterCount)
{
    ClusterPyramid pyramid;
    pyramid.m_clusterCount = clusterCount;
    pyramid.m_allAllocated = true; // R14: the bitmap is not consulted
    return pyramid;
}

quint64 ClusterPyramid::levelBlockClusters(int level)
{
    return quint64(1) << (WordClustersLog2 + BranchFactorLog2 * (level - 1));
}

quint64 ClusterPyramid::levelBlockCount(int level) const
{
    return m_levels[level - 1].blockCount;
}

quint64 ClusterPyramid::levelCountAt(int level, quint64 blockIndex) const
{
    return countAt(m_levels[level - 1], blockIndex);
}

quint64 ClusterPyramid::memoryBytes() const
{
    quint64 bytes = m_words.capacity() * sizeof(quint64);
    for (const Level &level : m_levels)
        bytes += level.counts.capacity();
    return bytes;
}

quint64 ClusterPyramid::countAt(const Level &level, quint64 blockIndex) const
{
    switch (level.countBytes) {
    case 1:
        return loadCount<quint8>(level.counts.data(), blockIndex);
    case 2:
        return loadCount<quint16>(level.counts.data(), blockIndex);
    case 4:
        return loadCount<quint32>(level.counts.data(), blockIndex);
    default:
        return loadCount<quint64>(level.counts.data(), blockIndex);
    }
}

void ClusterPyramid::setCountAt(Level &level, quint64 blockIndex, quint64 value)
{
    switch (level.countBytes) {
    case 1:
        storeCount<quint8>(level.counts.data(), blockIndex, value);
        break;
    case 2:
        storeCount<quint16>(level.counts.data(), blockIndex, value);
        break;
    case 4:
        storeCount<quint32>(level.counts.data(), blockIndex, value);
        break;
    default:
        storeCount<quint64>(level.counts.data(), blockIndex, value);
        break;
    }
}

void ClusterPyramid::buildLevels()
{
    m_levels.clear();
    quint64 blockCount = m_words.size(); // level 1: one count per word
    for (int level = 1; blockCount > 0; ++level) {
        if (level > 1)
            blockCount = (blockCount + (1u << BranchFactorLog2) - 1) >> BranchFactorLog2;
        Level l;
        l.countBytes = countBytesFor(levelBlockClusters(level));
        l.blockCount = blockCount;
        l.counts.resize(blockCount * l.countBytes);
        m_levels.push_back(std::move(l));
        recount(level, 0, blockCount);
        if (blockCount == 1)
            break;
    }
}

void ClusterPyramid::recount(int level, quint64 firstBlock, quint64 endBlock)
{
    Level &l = m_levels[level - 1];
    if (level == 1) {
        // Straight from the bitmap, a word at a time with popcount (64 fits a byte).
        const quint64 *words = m_words.data();
        quint8 *counts = l.counts.data();
        for (quint64 b = firstBlock; b < endBlock; ++b)
            counts[b] = quint8(std::popcount(words[b]));
        return;
    }
    const Level &below = m_levels[level - 2];
    for (quint64 b = firstBlock; b < endBlock; ++b) {
        const quint64 childBegin = b << BranchFactorLog2;
        const quint64 childEnd = std::min(childBegin + (1u << BranchFactorLog2), below.blockCount);
        quint64 sum = 0;
        for (quint64 c = childBegin; c < childEnd; ++c)
            sum += countAt(below, c);
        setCountAt(l, b, sum);
    }
}

bool ClusterPyramid::isAllocated(quint64 clusterIndex) const
{
    if (clusterIndex >= m_clusterCount)
        return false;
    if (m_allAllocated)
        return true;
    return (m_words[clusterIndex >> 6] >> (clusterIndex & 63)) & 1;
}

quint64 ClusterPyramid::countWordBits(quint64 firstCluster, quint64 endCluster) const
{
    // [firstCluster, endCluster) lies within one word.
    const quint64 width = endCluster - firstCluster;
    if (width == 0)
        return 0;
    const quint64 mask = width >= 64 ? ~quint64(0) : ((quint64(1) << width) - 1);
    return std::popcount((m_words[firstCluster >> 6] >> (firstCluster & 63)) & mask);
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
    // Blocks may reach past the last cluster when the range ends there: those bits are 0.
    const bool toTheEnd = end == m_clusterCount;
    quint64 sum = 0;
    while (pos < end) {
        if ((pos & 63) != 0 || (end - pos < 64 && !toTheEnd)) {
            const quint64 next = std::min(end, (pos | 63) + 1);
            sum += countWordBits(pos, next);
            pos = next;
            continue;
        }
        int level = 0; // 0: a single word
        while (level < levelCount()) {
            const quint64 size = levelBlockClusters(level + 1);
            if ((pos & (size - 1)) != 0 || (end - pos < size && !toTheEnd))
                break;
            ++level;
        }
        if (level == 0) {
            sum += quint64(std::popcount(m_words[pos >> 6]));
            pos += 64;
            continue;
        }
        const quint64 size = levelBlockClusters(level);
        sum += countAt(m_levels[level - 1], pos / size);
        pos += size;
    }
    return sum;
}

void ClusterPyramid::countAlignedBlocks(int log2BlockClusters, quint64 firstBlock, quint64 blockCount, quint64 *out) const
{
    if (blockCount == 0)
        return;
    const quint64 blockClusters = quint64(1) << log2BlockClusters;
    if (m_allAllocated) {
        for (quint64 i = 0; i < blockCount; ++i) {
            const quint64 block = firstBlock + i;
            if (block >= (m_clusterCount + blockClusters - 1) >> log2BlockClusters) {
                out[i] = 0;
                continue;
            }
            const quint64 begin = block << log2BlockClusters;
            out[i] = std::min(blockClusters, m_clusterCount - begin);
        }
        return;
    }
    if (log2BlockClusters < WordClustersLog2) {
        // Several blocks per word: load each word once, then shift and mask.
        const quint64 mask = (quint64(1) << blockClusters) - 1;
        const quint64 wordCount = m_words.size();
        const quint64 *words = m_words.data();
        quint64 i = 0;
        while (i < blockCount) {
            const quint64 cluster = (firstBlock + i) << log2BlockClusters;
            const quint64 word = cluster >> 6;
            const int shift = int(cluster & 63);
            const quint64 n = std::min<quint64>(quint64(64 - shift) >> log2BlockClusters, blockCount - i);
            // Sideways addition up to fields of blockClusters bits (no popcount instruction
            // needed): afterwards each field holds the count of its own block.
            quint64 bits = word < wordCount ? swarCounts(words[word], log2BlockClusters) >> shift : 0;
            for (quint64 j = 0; j < n; ++j, bits >>= blockClusters)
                out[i + j] = bits & mask;
            i += n;
        }
        return;
    }
    // The coarsest level whose blocks are not larger than the requested ones.
    const int wanted = 1 + (log2BlockClusters - WordClustersLog2) / BranchFactorLog2;
    const int level = std::min(wanted, levelCount());
    if (level == 0) {
        // No levels (an empty bitmap): popcounts of whole words.
        const int ratioLog2 = log2BlockClusters - WordClustersLog2;
        const quint64 wordCount = m_words.size();
        const quint64 *words = m_words.data();
        for (quint64 i = 0; i < blockCount; ++i) {
            const quint64 block = firstBlock + i;
            quint64 sum = 0;
            if (block <= (wordCount >> ratioLog2)) {
                const quint64 begin = block << ratioLog2;
                const quint64 end = std::min(begin + (quint64(1) << ratioLog2), wordCount);
                for (quint64 w = begin; w < end; ++w)
                    sum += quint64(std::popcount(words[w]));
            }
            out[i] = sum;
        }
        return;
    }
    const Level &l = m_levels[level - 1];
    const int ratioLog2 = log2BlockClusters - (WordClustersLog2 + BranchFactorLog2 * (level - 1));
    switch (l.countBytes) {
    case 1:
        sumGroups<quint8>(l.counts.data(), l.blockCount, ratioLog2, firstBlock, blockCount, out);
        break;
    case 2:
        sumGroups<quint16>(l.counts.data(), l.blockCount, ratioLog2, firstBlock, blockCount, out);
        break;
    case 4:
        sumGroups<quint32>(l.counts.data(), l.blockCount, ratioLog2, firstBlock, blockCount, out);
        break;
    default:
        sumGroups<quint64>(l.counts.data(), l.blockCount, ratioLog2, firstBlock, blockCount, out);
        break;
    }
}

void ClusterPyramid::markAllocated(ClusterRange range)
{
    const ClusterRange clamped = range.intersected({0, m_clusterCount});
    if (clamped.isEmpty() || m_allAllocated)
        return;
    // R13: set the bits, word by word (partial words masked, bits past the end stay 0).
    const quint64 firstWord = clamped.first >> 6;
    const quint64 lastWord = (clamped.end() - 1) >> 6;
    for (quint64 w = firstWord; w <= lastWord; ++w) {
        const quint64 begin = std::max(clamped.first, w << 6);
        const quint64 end = std::min(clamped.end(), (w + 1) << 6);
        const quint64 width = end - begin;
        const quint64 mask = width >= 64 ? ~quint64(0) : ((quint64(1) << width) - 1) << (begin & 63);
        m_words[w] |= mask;
    }
    // Recount the touched blocks of every level, bottom up.
    quint64 first = firstWord;
    quint64 last = lastWord;
    for (int level = 1; level <= levelCount(); ++level) {
        recount(level, first, last + 1);
        first >>= BranchFactorLog2;
        last >>= BranchFactorLog2;
    }
}

} // namespace AddCow
