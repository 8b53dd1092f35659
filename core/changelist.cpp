// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "changelist.h"

#include "clusterbitmap.h"
#include "format.h"

#include <algorithm>

namespace AddCow
{

void ChangeList::setAllocation(const ClusterBitmap *bitmap, quint64 clusterCount, quint64 virtualSizeBytes)
{
    m_bitmap = bitmap;
    m_virtualSizeBytes = virtualSizeBytes;
    if (clusterCount != m_clusterCount) {
        m_clusterCount = clusterCount;
        clear();
    }
    m_cache = {};
}

void ChangeList::clear()
{
    m_changed.clear();
    m_changedClusters = 0;
    m_scanned.clear();
    const quint64 blocks = (m_clusterCount + BlockClusters - 1) / BlockClusters;
    m_blocks.assign(blocks, BlockCount{});
    m_tree.assign(blocks, 0);
    m_unchangedRuns = m_unchangedClusters = 0;
    m_cache = {};
}

bool ChangeList::isAllocated(quint64 clusterIndex) const
{
    return clusterIndex < m_clusterCount && (!m_bitmap || m_bitmap->test(clusterIndex));
}

bool ChangeList::isUnchanged(quint64 clusterIndex) const
{
    if (!isAllocated(clusterIndex))
        return false;
    auto scanned = m_scanned.upper_bound(clusterIndex);
    if (scanned == m_scanned.begin() || std::prev(scanned)->second <= clusterIndex)
        return false;
    const auto [from, to] = changedIndexesIntersecting(ClusterRange{clusterIndex, 1});
    return from == to;
}

std::optional<ClusterRange> ChangeList::nextUnchanged(quint64 from, quint64 limit) const
{
    limit = std::min(limit, m_clusterCount);
    quint64 cluster = from;
    while (cluster < limit) {
        if (m_bitmap) {
            // Only up to limit: recounting a block must not walk the rest of a sparse bitmap.
            const std::optional<quint64> allocated = m_bitmap->findNext(cluster, true, limit);
            if (!allocated)
                return std::nullopt;
            cluster = *allocated;
        }
        auto scanned = m_scanned.upper_bound(cluster);
        if (scanned == m_scanned.begin() || std::prev(scanned)->second <= cluster) {
            if (scanned == m_scanned.end() || scanned->first >= limit)
                return std::nullopt;
            cluster = scanned->first;
            continue;
        }
        --scanned;
        const auto changed = std::partition_point(m_changed.cbegin(), m_changed.cend(), [&](const ChangeRun &run) {
            return run.clusters.end() <= cluster;
        });
        if (changed != m_changed.cend() && changed->clusters.first <= cluster) {
            cluster = changed->clusters.end();
            continue;
        }
        quint64 end = std::min(limit, scanned->second);
        if (changed != m_changed.cend())
            end = std::min(end, changed->clusters.first);
        if (m_bitmap)
            end = m_bitmap->runAt(cluster, end).end(); // one walk of the bitmap: its own
        return ClusterRange{cluster, end - cluster};
    }
    return std::nullopt;
}

ChangeRun ChangeList::unchangedRun(quint64 firstCluster) const
{
    const ClusterRange clusters = nextUnchanged(firstCluster, m_clusterCount).value_or(ClusterRange{firstCluster, 0});
    const quint64 offset = clusters.first * ClusterSizeBytes;
    const quint64 end = std::min(clusters.end() * ClusterSizeBytes, m_virtualSizeBytes); // R15: partial last cluster
    return ChangeRun{ChangeRun::Kind::Unchanged, clusters, offset, end > offset ? end - offset : 0};
}

template<typename Function>
void ChangeList::forEachUnchangedStart(quint64 from, quint64 to, Function &&function) const
{
    const bool continues = from > 0 && isUnchanged(from - 1);
    quint64 cluster = from;
    while (const std::optional<ClusterRange> stretch = nextUnchanged(cluster, to)) {
        function(*stretch, !(continues && stretch->first == from));
        cluster = stretch->end();
    }
}

void ChangeList::addToTree(quint64 block, qint64 delta)
{
    for (quint64 i = block + 1; i <= m_tree.size(); i += i & (~i + 1))
        m_tree[i - 1] += quint64(delta);
}

quint64 ChangeList::unchangedRunsBeforeBlock(quint64 block) const
{
    quint64 sum = 0;
    for (quint64 i = std::min<quint64>(block, m_tree.size()); i > 0; i -= i & (~i + 1))
        sum += m_tree[i - 1];
    return sum;
}

void ChangeList::recountBlocks(quint64 firstBlock, quint64 endBlock)
{
    m_cache = {};
    endBlock = std::min<quint64>(endBlock, m_blocks.size());
    for (quint64 block = firstBlock; block < endBlock; ++block) {
        BlockCount count;
        const quint64 from = block * BlockClusters;
        forEachUnchangedStart(from, from + BlockClusters, [&](ClusterRange stretch, bool starts) {
            count.runs += starts ? 1 : 0;
            count.clusters += quint32(stretch.count);
        });
        BlockCount &old = m_blocks[block];
        m_unchangedRuns += quint64(count.runs) - old.runs;
        m_unchangedClusters += quint64(count.clusters) - old.clusters;
        if (count.runs != old.runs)
            addToTree(block, qint64(count.runs) - qint64(old.runs));
        old = count;
    }
}

quint64 ChangeList::runsBefore(quint64 clusterIndex, bool withUnchanged) const
{
    const auto changed = std::partition_point(m_changed.cbegin(), m_changed.cend(), [&](const ChangeRun &run) {
        return run.clusters.first < clusterIndex;
    });
    quint64 runs = quint64(changed - m_changed.cbegin());
    if (!withUnchanged)
        return runs;
    const quint64 block = clusterIndex / BlockClusters;
    runs += unchangedRunsBeforeBlock(block);
    forEachUnchangedStart(block * BlockClusters, std::min(clusterIndex, m_clusterCount), [&](ClusterRange, bool starts) {
        runs += starts ? 1 : 0;
    });
    return runs;
}

quint64 ChangeList::runsBeforeBlock(quint64 block) const
{
    return runsBefore(block * BlockClusters, true);
}

const std::vector<ChangeRun> &ChangeList::blockRuns(quint64 block) const
{
    if (m_cache.block == block)
        return m_cache.runs;
    m_cache.block = block;
    m_cache.runs.clear();
    const quint64 from = block * BlockClusters;
    const quint64 to = std::min(from + BlockClusters, m_clusterCount);
    auto changed = std::partition_point(m_changed.cbegin(), m_changed.cend(), [&](const ChangeRun &run) {
        return run.clusters.first < from;
    });
    forEachUnchangedStart(from, to, [&](ClusterRange stretch, bool starts) {
        if (!starts)
            return;
        for (; changed != m_changed.cend() && changed->clusters.first < stretch.first; ++changed)
            m_cache.runs.push_back(*changed);
        m_cache.runs.push_back(unchangedRun(stretch.first));
    });
    for (; changed != m_changed.cend() && changed->clusters.first < to; ++changed)
        m_cache.runs.push_back(*changed);
    return m_cache.runs;
}

ChangeRun ChangeList::runAt(quint64 index) const
{
    if (index >= runCount() || m_blocks.empty())
        return {};
    // The last block whose runs before it are at most index: runs before a block only grow.
    quint64 low = 0;
    quint64 high = m_blocks.size();
    while (high - low > 1) {
        const quint64 middle = low + (high - low) / 2;
        if (runsBeforeBlock(middle) <= index)
            low = middle;
        else
            high = middle;
    }
    const std::vector<ChangeRun> &runs = blockRuns(low);
    const quint64 inBlock = index - runsBeforeBlock(low);
    return inBlock < runs.size() ? runs[inBlock] : ChangeRun{};
}

std::optional<quint64> ChangeList::indexOfCluster(quint64 clusterIndex, bool withUnchanged) const
{
    const auto [from, to] = changedIndexesIntersecting(ClusterRange{clusterIndex, 1});
    if (from < to)
        return withUnchanged ? runsBefore(m_changed.at(from).clusters.first, true) : quint64(from);
    if (!withUnchanged || !isUnchanged(clusterIndex))
        return std::nullopt;
    // The unchanged run's start: after the last unallocated cluster, changed run or unscanned cluster before it.
    quint64 first = 0;
    if (m_bitmap) {
        if (const std::optional<quint64> hole = clusterIndex > 0 ? m_bitmap->findPrevious(clusterIndex - 1, false) : std::nullopt)
            first = *hole + 1;
    }
    first = std::max(first, std::prev(m_scanned.upper_bound(clusterIndex))->first);
    if (from > 0)
        first = std::max(first, m_changed.at(from - 1).clusters.end());
    return runsBefore(first, true);
}

std::pair<qsizetype, qsizetype> ChangeList::changedIndexesIntersecting(ClusterRange clusters) const
{
    // Runs never overlap and are sorted, so their ends are sorted too.
    const auto first = std::partition_point(m_changed.cbegin(), m_changed.cend(), [&](const ChangeRun &run) {
        return run.clusters.end() <= clusters.first;
    });
    const auto last = std::partition_point(first, m_changed.cend(), [&](const ChangeRun &run) {
        return run.clusters.first < clusters.end();
    });
    return {first - m_changed.cbegin(), last - m_changed.cbegin()};
}

ClusterRange ChangeList::rescanRange(ClusterRange changed, quint64 clusterCount) const
{
    quint64 first = changed.first > 0 ? changed.first - 1 : 0;
    quint64 end = std::min(changed.end() + 1, clusterCount);
    if (first >= end)
        return ClusterRange{std::min(first, clusterCount), 0};
    const auto [from, to] = changedIndexesIntersecting(ClusterRange{first, end - first});
    if (from < to) {
        first = std::min(first, m_changed.at(from).clusters.first);
        end = std::max(end, m_changed.at(to - 1).clusters.end());
    }
    return ClusterRange{first, end - first};
}

ClusterRange ChangeList::affectedBy(ClusterRange scanned) const
{
    quint64 first = scanned.first;
    // A cluster's run starts there or not by its own kind and its left neighbour's: one more on the right.
    quint64 end = scanned.end() + 1;
    const auto [from, to] = changedIndexesIntersecting(scanned);
    if (from < to) {
        first = std::min(first, m_changed.at(from).clusters.first);
        end = std::max(end, m_changed.at(to - 1).clusters.end() + 1);
    }
    first = first / BlockClusters * BlockClusters;
    end = std::min((end + BlockClusters - 1) / BlockClusters * BlockClusters, m_clusterCount);
    return first < end ? ClusterRange{first, end - first} : ClusterRange{std::min(first, m_clusterCount), 0};
}

void ChangeList::replace(ClusterRange scanned, const QList<ChangeRun> &runs)
{
    scanned = scanned.intersected(ClusterRange{0, m_clusterCount});
    if (scanned.isEmpty())
        return;
    const ClusterRange affected = affectedBy(scanned);
    const auto [from, to] = changedIndexesIntersecting(scanned);
    for (qsizetype i = from; i < to; ++i)
        m_changedClusters -= m_changed.at(i).clusters.count;
    m_changed.remove(from, to - from);
    const qsizetype inserted = std::count_if(runs.cbegin(), runs.cend(), [](const ChangeRun &run) {
        return run.isChanged(); // the bitmap says where the unchanged runs are
    });
    m_changed.insert(from, inserted, ChangeRun());
    qsizetype at = from;
    for (const ChangeRun &run : runs) {
        Q_ASSERT(run.clusters.first >= scanned.first && run.clusters.end() <= scanned.end());
        if (!run.isChanged())
            continue;
        m_changed[at++] = run;
        m_changedClusters += run.clusters.count;
    }

    // Merge scanned into the scanned ranges it overlaps or touches.
    quint64 first = scanned.first;
    quint64 end = scanned.end();
    auto it = m_scanned.upper_bound(first);
    if (it != m_scanned.begin() && std::prev(it)->second >= first)
        --it;
    while (it != m_scanned.end() && it->first <= end) {
        first = std::min(first, it->first);
        end = std::max(end, it->second);
        it = m_scanned.erase(it);
    }
    m_scanned.emplace(first, end);

    recountBlocks(affected.first / BlockClusters, (affected.end() + BlockClusters - 1) / BlockClusters);
}

void ChangeList::allocationChanged(ClusterRange clusters)
{
    const ClusterRange affected = affectedBy(clusters.intersected(ClusterRange{0, m_clusterCount}));
    recountBlocks(affected.first / BlockClusters, (affected.end() + BlockClusters - 1) / BlockClusters);
}

QList<ChangeRun> ChangeList::runs() const
{
    QList<ChangeRun> all;
    for (quint64 block = 0; block < m_blocks.size(); ++block) {
        for (const ChangeRun &run : blockRuns(block))
            all.append(run);
    }
    return all;
}

std::optional<qsizetype> ChangeList::nextChanged(quint64 offsetBytes) const
{
    const auto it = std::partition_point(m_changed.cbegin(), m_changed.cend(), [&](const ChangeRun &run) {
        return run.offsetBytes <= offsetBytes;
    });
    if (it == m_changed.cend())
        return std::nullopt;
    return it - m_changed.cbegin();
}

std::optional<qsizetype> ChangeList::previousChanged(quint64 offsetBytes) const
{
    const auto it = std::partition_point(m_changed.cbegin(), m_changed.cend(), [&](const ChangeRun &run) {
        return run.offsetBytes < offsetBytes;
    });
    if (it == m_changed.cbegin())
        return std::nullopt;
    return it - m_changed.cbegin() - 1;
}

} // namespace AddCow
