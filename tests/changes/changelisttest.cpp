// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "changelist.h"
#include "clusterbitmap.h"
#include "format.h"

#include <QRandomGenerator>
#include <QTest>

using namespace AddCow;

namespace
{
constexpr quint64 Cluster = ClusterSizeBytes;

ChangeRun changed(quint64 first, quint64 count, quint64 skipBytes = 0, quint64 trimBytes = 0)
{
    return ChangeRun{ChangeRun::Kind::Changed, {first, count}, first * Cluster + skipBytes, count * Cluster - skipBytes - trimBytes};
}

ChangeRun unchanged(quint64 first, quint64 count)
{
    return ChangeRun{ChangeRun::Kind::Unchanged, {first, count}, first * Cluster, count * Cluster};
}

ClusterBitmap bitmapOf(quint64 clusterCount, const QList<ClusterRange> &allocated)
{
    ClusterBitmap bitmap(clusterCount);
    for (const ClusterRange &range : allocated)
        bitmap.setRange(range);
    return bitmap;
}

/**
 * The runs as the scan would list them, cluster by cluster: changed runs as given, and the
 * allocated, scanned clusters outside them merged into maximal unchanged runs.
 */
QList<ChangeRun> bruteForce(const ClusterBitmap &bitmap, const QList<ChangeRun> &changedRuns, const std::vector<bool> &scanned, quint64 virtualSize)
{
    QList<ChangeRun> runs;
    qsizetype next = 0;
    for (quint64 c = 0; c < bitmap.clusterCount();) {
        if (next < changedRuns.size() && changedRuns.at(next).clusters.first == c) {
            runs.append(changedRuns.at(next));
            c = changedRuns.at(next++).clusters.end();
            continue;
        }
        if (bitmap.test(c) && scanned[c]) {
            if (!runs.isEmpty() && !runs.last().isChanged() && runs.last().clusters.end() == c)
                runs.last().clusters.count += 1;
            else
                runs.append(unchanged(c, 1));
            runs.last().lengthBytes = std::min((c + 1) * Cluster, virtualSize) - runs.last().offsetBytes;
        }
        ++c;
    }
    return runs;
}

/** Every way into the list agrees with expected. */
void checkList(const ChangeList &list, const QList<ChangeRun> &expected, quint64 clusterCount)
{
    QCOMPARE(list.runs(), expected);
    QCOMPARE(list.runCount(), quint64(expected.size()));
    quint64 changedRuns = 0, changedClusters = 0, unchangedRuns = 0, unchangedClusters = 0;
    for (const ChangeRun &run : expected) {
        (run.isChanged() ? changedRuns : unchangedRuns) += 1;
        (run.isChanged() ? changedClusters : unchangedClusters) += run.clusters.count;
    }
    QCOMPARE(list.changedRunCount(), changedRuns);
    QCOMPARE(list.changedClusterCount(), changedClusters);
    QCOMPARE(list.unchangedRunCount(), unchangedRuns);
    QCOMPARE(list.unchangedClusterCount(), unchangedClusters);
    // Only the changed runs are stored.
    QCOMPARE(quint64(list.changedRuns().size()), changedRuns);

    // By index, backwards (no help from the block cache), and by cluster.
    for (qsizetype i = expected.size() - 1; i >= 0; --i)
        QCOMPARE(list.runAt(quint64(i)), expected.at(i));
    QCOMPARE(list.runAt(quint64(expected.size())), ChangeRun{});
    // Every cluster of a small list; of a big one the edges of words, blocks and runs and a sample.
    QRandomGenerator random{quint32(clusterCount)};
    const auto checked = [&](quint64 c, qsizetype index) {
        if (clusterCount <= 4096 || c % 64 == 0 || c % 64 == 63 || c + 1 == clusterCount || random.bounded(200) == 0)
            return true;
        return index < expected.size() && (expected.at(index).clusters.first == c || expected.at(index).clusters.end() == c + 1)
            && random.bounded(20) == 0;
    };
    qsizetype index = 0;
    qsizetype changedIndex = 0;
    for (quint64 c = 0; c < clusterCount; ++c) {
        while (index < expected.size() && expected.at(index).clusters.end() <= c)
            changedIndex += expected.at(index++).isChanged() ? 1 : 0;
        if (!checked(c, index))
            continue;
        const bool inRun = index < expected.size() && expected.at(index).clusters.first <= c;
        QCOMPARE(list.indexOfCluster(c, true), inRun ? std::optional<quint64>(index) : std::nullopt);
        const bool inChanged = inRun && expected.at(index).isChanged();
        QCOMPARE(list.indexOfCluster(c, false), inChanged ? std::optional<quint64>(changedIndex) : std::nullopt);
        QCOMPARE(list.isUnchanged(c), inRun && !inChanged);
        if (inRun && expected.at(index).clusters.first == c)
            QCOMPARE(list.runsBefore(c, true), quint64(index));
    }
}

/** Allocated stretches of bitmap, some of them (or parts) changed: what a scan could find. */
QList<ChangeRun> randomChanges(const ClusterBitmap &bitmap, QRandomGenerator &random)
{
    QList<ChangeRun> runs;
    for (quint64 c = 0; c < bitmap.clusterCount();) {
        if (!bitmap.test(c) || random.bounded(3) != 0) {
            ++c;
            continue;
        }
        const ClusterRange stretch = bitmap.runAt(c, c + 1 + random.bounded(5));
        // Changed runs start at their first differing byte.
        runs.append(changed(stretch.first, stretch.count, random.bounded(100), random.bounded(100)));
        c = stretch.end() + 1; // a scan merges touching changed clusters
    }
    return runs;
}

/** Hands changedRuns to list in batches tiling [0, clusterCount), split where no run is. */
void scanInBatches(ChangeList &list, const QList<ChangeRun> &changedRuns, quint64 clusterCount, QRandomGenerator &random)
{
    quint64 start = 0;
    qsizetype next = 0;
    while (start < clusterCount) {
        quint64 end = std::min(clusterCount, start + 1 + random.bounded(quint64(3 * ChangeList::BlockClusters)));
        // Batches end where a run starts, as ChangeScan's do.
        for (qsizetype i = next; i < changedRuns.size() && changedRuns.at(i).clusters.first < end; ++i) {
            const ClusterRange clusters = changedRuns.at(i).clusters;
            if (clusters.end() > end) {
                end = clusters.first > start ? clusters.first : clusters.end();
                break;
            }
        }
        QList<ChangeRun> batch;
        for (; next < changedRuns.size() && changedRuns.at(next).clusters.first < end; ++next)
            batch.append(changedRuns.at(next));
        list.replace(ClusterRange{start, end - start}, batch);
        start = end;
    }
}
} // namespace

class ChangeListTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void storesOnlyChangedRuns();
    void unscannedClustersAreNotListed();
    void allAllocatedWithoutBitmap();
    void nextAndPreviousChanged();
    void rescanRangeWidensToWholeChangedRuns();
    void matchesBruteForce_data();
    void matchesBruteForce();
    void farRowsOfAFragmentedBitmap();
    void sparseBitmapOfAHugeDisk();
};

void ChangeListTest::storesOnlyChangedRuns()
{
    const ClusterBitmap bitmap = bitmapOf(100, {{2, 4}, {10, 1}, {50, 40}});
    ChangeList list;
    list.setAllocation(&bitmap, 100, 100 * Cluster);
    // The scan's unchanged runs are not kept: the bitmap says where they are.
    list.replace({0, 100}, {changed(2, 3, 10, 20), unchanged(5, 1), changed(10, 1), unchanged(50, 40)});
    QCOMPARE(list.changedRuns(), (QList<ChangeRun>{changed(2, 3, 10, 20), changed(10, 1)}));
    QCOMPARE(list.changedRunCount(), 2u);
    QCOMPARE(list.changedClusterCount(), 4u);
    QCOMPARE(list.unchangedRunCount(), 2u);
    QCOMPARE(list.unchangedClusterCount(), 41u);
    QCOMPARE(list.runs(), (QList<ChangeRun>{changed(2, 3, 10, 20), unchanged(5, 1), changed(10, 1), unchanged(50, 40)}));

    // Clusters 4-11 scanned again: the changed runs touching them (2-4, 10) go, the new one takes their place.
    list.replace({2, 10}, {changed(4, 2)});
    QCOMPARE(list.runs(), (QList<ChangeRun>{unchanged(2, 2), changed(4, 2), unchanged(10, 1), unchanged(50, 40)}));
    QCOMPARE(list.changedClusterCount(), 2u);
    QCOMPARE(list.unchangedRunCount(), 3u);
    QCOMPARE(list.unchangedClusterCount(), 43u);

    list.replace({20, 0}, {});
    QCOMPARE(list.runCount(), 4u);
    list.clear();
    QCOMPARE(list.runCount(), 0u);
    QCOMPARE(list.changedRunCount() + list.unchangedRunCount() + list.changedClusterCount() + list.unchangedClusterCount(), 0u);
}

void ChangeListTest::unscannedClustersAreNotListed()
{
    ClusterBitmap bitmap = bitmapOf(200, {{0, 200}});
    ChangeList list;
    list.setAllocation(&bitmap, 200, 200 * Cluster - 100); // R15: a partial last cluster
    QCOMPARE(list.runCount(), 0u);
    list.replace({0, 50}, {changed(10, 5)});
    QCOMPARE(list.runs(), (QList<ChangeRun>{unchanged(0, 10), changed(10, 5), unchanged(15, 35)}));
    list.replace({50, 150}, {});
    ChangeRun last = unchanged(15, 185);
    last.lengthBytes -= 100;
    QCOMPARE(list.runs(), (QList<ChangeRun>{unchanged(0, 10), changed(10, 5), last}));

    // Bits cleared: the unchanged runs follow the bitmap once told.
    bitmap.setRange({100, 20}, false);
    list.allocationChanged({100, 20});
    last = unchanged(120, 80);
    last.lengthBytes -= 100;
    QCOMPARE(list.runs(), (QList<ChangeRun>{unchanged(0, 10), changed(10, 5), unchanged(15, 85), last}));
}

void ChangeListTest::allAllocatedWithoutBitmap()
{
    ChangeList list;
    list.setAllocation(nullptr, 70000, 70000 * Cluster); // R14: every cluster is the image file's
    list.replace({0, 70000}, {changed(0, 1), changed(65535, 2)});
    QCOMPARE(list.runs(), (QList<ChangeRun>{changed(0, 1), unchanged(1, 65534), changed(65535, 2), unchanged(65537, 4463)}));
    QCOMPARE(list.runAt(3), unchanged(65537, 4463));
    QCOMPARE(list.indexOfCluster(69999, true), std::optional<quint64>(3));
    QCOMPARE(list.indexOfCluster(40000, true), std::optional<quint64>(1));
}

void ChangeListTest::nextAndPreviousChanged()
{
    const ClusterBitmap bitmap = bitmapOf(100, {{2, 4}, {7, 1}, {10, 1}});
    ChangeList list;
    list.setAllocation(&bitmap, 100, 100 * Cluster);
    // Changed runs start at their first differing byte, inside their first cluster.
    list.replace({0, 100}, {changed(2, 3, 100), changed(10, 1, 7)});
    const quint64 first = 2 * Cluster + 100;
    const quint64 second = 10 * Cluster + 7;
    // Indexes of changed runs: the unchanged ones are not among them.
    QCOMPARE(list.nextChanged(0), std::optional<qsizetype>(0));
    QCOMPARE(list.nextChanged(first - 1), std::optional<qsizetype>(0));
    QCOMPARE(list.nextChanged(first), std::optional<qsizetype>(1));
    QCOMPARE(list.nextChanged(5 * Cluster), std::optional<qsizetype>(1));
    QCOMPARE(list.nextChanged(second), std::nullopt);
    QCOMPARE(list.previousChanged(second + 1), std::optional<qsizetype>(1));
    QCOMPARE(list.previousChanged(second), std::optional<qsizetype>(0));
    QCOMPARE(list.previousChanged(3 * Cluster), std::optional<qsizetype>(0)); // inside a run: its start
    QCOMPARE(list.previousChanged(first), std::nullopt);
    QCOMPARE(ChangeList().nextChanged(0), std::nullopt);
    // Their rows among all runs: 2-4, 5, 7, 10.
    QCOMPARE(list.runsBefore(10, true), 3u);
    QCOMPARE(list.runsBefore(10, false), 1u);
}

void ChangeListTest::rescanRangeWidensToWholeChangedRuns()
{
    const ClusterBitmap bitmap = bitmapOf(100, {{2, 4}, {10, 1}, {12, 8}});
    ChangeList list;
    list.setAllocation(&bitmap, 100, 100 * Cluster);
    list.replace({0, 100}, {changed(2, 3), changed(10, 1)});
    // One cluster each side, then whole changed runs: 3 touches 2-4; widened 2-4 touches nothing more.
    QCOMPARE(list.rescanRange({3, 1}, 100), (ClusterRange{2, 3}));
    // 6 widened to 5-7 touches no changed run: cluster 5 keeps its kind, so the changed run
    // before it cannot merge with anything new.
    QCOMPARE(list.rescanRange({6, 1}, 100), (ClusterRange{5, 3}));
    // 11 widened to 10-12 touches 10; the unchanged run 12-19 is not stored, so it need not be scanned whole.
    QCOMPARE(list.rescanRange({11, 1}, 100), (ClusterRange{10, 3}));
    QCOMPARE(list.rescanRange({0, 1}, 100), (ClusterRange{0, 2}));
    QCOMPARE(list.rescanRange({99, 1}, 100), (ClusterRange{98, 2}));
    QCOMPARE(list.rescanRange({40, 3}, 100), (ClusterRange{39, 5}));
    QCOMPARE(ChangeList().rescanRange({0, 1}, 0), (ClusterRange{0, 0}));
}

void ChangeListTest::matchesBruteForce_data()
{
    QTest::addColumn<quint64>("clusterCount");
    QTest::addColumn<int>("pattern");
    QTest::addColumn<quint32>("seed");
    // pattern: 0 empty, 1 all allocated, 2 word edges and first/last cluster, 3 random sparse, 4 random dense, 5 alternating
    QTest::newRow("empty") << quint64(5000) << 0 << 1u;
    QTest::newRow("all allocated") << quint64(40000) << 1 << 2u;
    QTest::newRow("word edges") << quint64(3 * 64 * 64 + 1) << 2 << 3u;
    QTest::newRow("word edges, block edges") << quint64(3 * ChangeList::BlockClusters + 65) << 2 << 4u;
    QTest::newRow("one cluster") << quint64(1) << 1 << 5u;
    QTest::newRow("sparse") << quint64(70001) << 3 << 6u;
    QTest::newRow("dense") << quint64(50000) << 4 << 7u;
    QTest::newRow("dense 2") << quint64(2 * ChangeList::BlockClusters) << 4 << 8u;
    QTest::newRow("alternating") << quint64(40000) << 5 << 9u;
}

void ChangeListTest::matchesBruteForce()
{
    QFETCH(quint64, clusterCount);
    QFETCH(int, pattern);
    QFETCH(quint32, seed);
    QRandomGenerator random(seed);
    ClusterBitmap bitmap(clusterCount);
    for (quint64 c = 0; c < clusterCount; ++c) {
        bool bit = false;
        switch (pattern) {
        case 1:
            bit = true;
            break;
        case 2: // the bits either side of every word and block edge, and the first and last clusters
            bit = c % 64 == 0 || c % 64 == 63 || c % ChangeList::BlockClusters == 0 || c % ChangeList::BlockClusters == ChangeList::BlockClusters - 1
                || c == clusterCount - 1 || (c / 64) % 7 == 3;
            break;
        case 3:
            bit = random.bounded(20) == 0;
            break;
        case 4:
            bit = random.bounded(10) != 0;
            break;
        case 5:
            bit = c % 2 == 1;
            break;
        default:
            break;
        }
        bitmap.set(c, bit);
    }
    const quint64 virtualSize = clusterCount * Cluster - (seed % 2 ? 512 : 0); // R15 partial last cluster
    ChangeList list;
    list.setAllocation(&bitmap, clusterCount, virtualSize);
    QList<ChangeRun> changedRuns = randomChanges(bitmap, random);
    scanInBatches(list, changedRuns, clusterCount, random);
    std::vector<bool> scanned(clusterCount, true);
    checkList(list, bruteForce(bitmap, changedRuns, scanned, virtualSize), clusterCount);
    if (QTest::currentTestFailed())
        return;

    // Writes: bits of a few ranges change, the list is told, then the widened ranges are scanned again.
    for (int round = 0; round < 4; ++round) {
        const quint64 first = random.bounded(clusterCount);
        const ClusterRange written{first, std::min<quint64>(clusterCount - first, 1 + random.bounded(200))};
        bitmap.setRange(written, round % 2 == 0);
        list.allocationChanged(written);
        // Until scanned again, the changed runs stay and the unchanged ones follow the bitmap.
        checkList(list, bruteForce(bitmap, changedRuns, scanned, virtualSize), clusterCount);
        if (QTest::currentTestFailed())
            return;

        const ClusterRange rescan = list.rescanRange(written, clusterCount);
        QList<ChangeRun> found;
        ClusterBitmap inside(clusterCount);
        inside.setRange(rescan);
        for (quint64 c = rescan.first; c < rescan.end();) {
            if (!bitmap.test(c) || random.bounded(2) == 0) {
                ++c;
                continue;
            }
            const ClusterRange stretch = bitmap.runAt(c, std::min(rescan.end(), c + 1 + random.bounded(3)));
            found.append(changed(stretch.first, stretch.count));
            c = stretch.end() + 1;
        }
        // Changed runs just outside rescan may not touch one found inside (a scan would have merged them).
        if (!found.isEmpty() && found.first().clusters.first == rescan.first && rescan.first > 0 && list.indexOfCluster(rescan.first - 1, false))
            found.removeFirst();
        if (!found.isEmpty() && found.last().clusters.end() == rescan.end() && list.indexOfCluster(rescan.end(), false))
            found.removeLast();
        list.replace(rescan, found);
        QList<ChangeRun> kept;
        for (const ChangeRun &run : std::as_const(changedRuns)) {
            if (run.clusters.end() <= rescan.first)
                kept.append(run);
        }
        kept.append(found);
        for (const ChangeRun &run : std::as_const(changedRuns)) {
            if (run.clusters.first >= rescan.end())
                kept.append(run);
        }
        changedRuns = kept;
        checkList(list, bruteForce(bitmap, changedRuns, scanned, virtualSize), clusterCount);
        if (QTest::currentTestFailed())
            return;
    }
}

void ChangeListTest::farRowsOfAFragmentedBitmap()
{
    // 2^21 clusters (128 GiB), every other one allocated: 2^20 runs, of which every 1000th is changed.
    constexpr quint64 Count = quint64(1) << 21;
    ClusterBitmap bitmap(Count);
    for (quint64 c = 1; c < Count; c += 2)
        bitmap.set(c);
    QList<ChangeRun> changedRuns;
    for (quint64 c = 1; c < Count; c += 2000)
        changedRuns.append(changed(c, 1, 5, 5));
    ChangeList list;
    list.setAllocation(&bitmap, Count, Count * Cluster);
    list.replace({0, Count}, changedRuns);
    QCOMPARE(list.runCount(), Count / 2);
    QCOMPARE(list.changedRuns().size(), changedRuns.size()); // stored: the changed runs only
    QCOMPARE(list.unchangedClusterCount(), Count / 2 - quint64(changedRuns.size()));

    // Rows far down, in any order: run n is cluster 2n + 1.
    QRandomGenerator random(11);
    for (int i = 0; i < 300; ++i) {
        const quint64 row = i == 0 ? Count / 2 - 1 : 100000 + random.bounded(Count / 2 - 100000);
        const ChangeRun run = list.runAt(row);
        QCOMPARE(run.clusters, (ClusterRange{2 * row + 1, 1}));
        QCOMPARE(run.isChanged(), row % 1000 == 0);
        QCOMPARE(list.indexOfCluster(2 * row + 1, true), std::optional<quint64>(row));
        QCOMPARE(list.runsBefore(2 * row + 1, true), row);
    }
    // A changed run far down: its row among all runs, its index among the changed ones.
    const qsizetype far = changedRuns.size() - 3;
    QCOMPARE(list.nextChanged(changedRuns.at(far - 1).offsetBytes), std::optional<qsizetype>(far));
    QCOMPARE(list.runsBefore(changedRuns.at(far).clusters.first, true), quint64(far) * 1000);
}

/**
 * 2^28 clusters (16 TiB, a 32 MiB bitmap) with three allocated, scanned in 256 batches as the
 * Changes list's scan hands them over. Each batch recounts its blocks; a block's count once
 * walked the bitmap to its next allocated cluster, the whole empty rest of it, for each of the
 * 16384 blocks: hours. Now each block walks only itself.
 */
void ChangeListTest::sparseBitmapOfAHugeDisk()
{
    constexpr quint64 Count = quint64(1) << 28;
    ClusterBitmap bitmap(Count);
    for (const quint64 c : {quint64(0), Count / 2, Count - 1})
        bitmap.set(c);
    const QList<ChangeRun> changedRuns{changed(Count / 2, 1, 0, 9)};
    ChangeList list;
    list.setAllocation(&bitmap, Count, Count * Cluster);
    constexpr quint64 Batch = Count / 256;
    for (quint64 start = 0; start < Count; start += Batch)
        list.replace({start, Batch}, start == Count / 2 ? changedRuns : QList<ChangeRun>{});
    QCOMPARE(list.runCount(), 3u);
    QCOMPARE(list.unchangedRunCount(), 2u);
    QCOMPARE(list.unchangedClusterCount(), 2u);
    QCOMPARE(list.runAt(0).clusters, (ClusterRange{0, 1}));
    QVERIFY(list.runAt(1).isChanged());
    QCOMPARE(list.runAt(2).clusters, (ClusterRange{Count - 1, 1}));
    QCOMPARE(list.indexOfCluster(Count - 1, true), std::optional<quint64>(2));
    // A cluster allocated later, in the middle of nowhere: only its block is counted again.
    bitmap.set(Count / 4);
    list.allocationChanged({Count / 4, 1});
    QCOMPARE(list.runCount(), 4u);
    QCOMPARE(list.runAt(1).clusters, (ClusterRange{Count / 4, 1}));
}

QTEST_GUILESS_MAIN(ChangeListTest)
#include "changelisttest.moc"
