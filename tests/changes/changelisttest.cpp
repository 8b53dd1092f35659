// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "changelist.h"
#include "format.h"

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
} // namespace

class ChangeListTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void replaceKeepsOrderAndCounts();
    void indexesIntersecting();
    void nextAndPreviousChanged();
    void rescanRangeWidensToWholeRuns();
};

void ChangeListTest::replaceKeepsOrderAndCounts()
{
    ChangeList list;
    ChangeList::Replacement r = list.replace({0, 100}, {changed(2, 3, 10, 20), unchanged(5, 1), changed(10, 1), unchanged(50, 40)});
    QCOMPARE(r.index, 0);
    QCOMPARE(r.removed, 0);
    QCOMPARE(r.inserted, 4);
    QCOMPARE(list.changedRunCount(), 2u);
    QCOMPARE(list.changedClusterCount(), 4u);
    QCOMPARE(list.unchangedRunCount(), 2u);
    QCOMPARE(list.unchangedClusterCount(), 41u);

    // Clusters 4-11 scanned again: the runs touching them (2-4, 5, 10) go, the new ones take their place.
    r = list.replace({4, 8}, {changed(4, 2)});
    QCOMPARE(r.index, 0);
    QCOMPARE(r.removed, 3);
    QCOMPARE(r.inserted, 1);
    QCOMPARE(list.size(), 2);
    QCOMPARE(list.at(0), changed(4, 2));
    QCOMPARE(list.at(1), unchanged(50, 40));
    QCOMPARE(list.changedRunCount(), 1u);
    QCOMPARE(list.changedClusterCount(), 2u);
    QCOMPARE(list.unchangedClusterCount(), 40u);

    r = list.replace({20, 0}, {});
    QCOMPARE(r.removed, 0);
    QCOMPARE(r.inserted, 0);
    list.clear();
    QVERIFY(list.isEmpty());
    QCOMPARE(list.changedRunCount() + list.unchangedRunCount() + list.changedClusterCount() + list.unchangedClusterCount(), 0u);
}

void ChangeListTest::indexesIntersecting()
{
    ChangeList list;
    list.replace({0, 100}, {changed(2, 3), unchanged(5, 1), changed(10, 1)});
    QCOMPARE(list.indexesIntersecting({0, 2}), std::make_pair(qsizetype(0), qsizetype(0)));
    QCOMPARE(list.indexesIntersecting({4, 1}), std::make_pair(qsizetype(0), qsizetype(1)));
    QCOMPARE(list.indexesIntersecting({4, 2}), std::make_pair(qsizetype(0), qsizetype(2)));
    QCOMPARE(list.indexesIntersecting({6, 4}), std::make_pair(qsizetype(2), qsizetype(2)));
    QCOMPARE(list.indexesIntersecting({0, 1000}), std::make_pair(qsizetype(0), qsizetype(3)));
    QCOMPARE(list.indexOfCluster(3), std::optional<qsizetype>(0));
    QCOMPARE(list.indexOfCluster(5), std::optional<qsizetype>(1));
    QCOMPARE(list.indexOfCluster(7), std::nullopt);
}

void ChangeListTest::nextAndPreviousChanged()
{
    ChangeList list;
    // Changed runs start at their first differing byte, inside their first cluster.
    list.replace({0, 100}, {changed(2, 3, 100), unchanged(5, 1), unchanged(7, 1), changed(10, 1, 7)});
    const quint64 first = 2 * Cluster + 100;
    const quint64 second = 10 * Cluster + 7;
    QCOMPARE(list.nextChanged(0), std::optional<qsizetype>(0));
    QCOMPARE(list.nextChanged(first - 1), std::optional<qsizetype>(0));
    QCOMPARE(list.nextChanged(first), std::optional<qsizetype>(3)); // skips the unchanged runs
    QCOMPARE(list.nextChanged(5 * Cluster), std::optional<qsizetype>(3));
    QCOMPARE(list.nextChanged(second), std::nullopt);
    QCOMPARE(list.previousChanged(second + 1), std::optional<qsizetype>(3));
    QCOMPARE(list.previousChanged(second), std::optional<qsizetype>(0));
    QCOMPARE(list.previousChanged(3 * Cluster), std::optional<qsizetype>(0)); // inside a run: its start
    QCOMPARE(list.previousChanged(first), std::nullopt);
    QCOMPARE(ChangeList().nextChanged(0), std::nullopt);
}

void ChangeListTest::rescanRangeWidensToWholeRuns()
{
    ChangeList list;
    list.replace({0, 100}, {changed(2, 3), unchanged(5, 1), changed(10, 1), unchanged(12, 8)});
    // One cluster each side, then whole runs: 3 touches 2-4; widened 2-4 touches nothing more.
    QCOMPARE(list.rescanRange({3, 1}, 100), (ClusterRange{2, 3}));
    // 6 widened to 5-7 touches the unchanged run 5 only: cluster 5 keeps its kind, so the
    // changed run before it cannot merge with anything new.
    QCOMPARE(list.rescanRange({6, 1}, 100), (ClusterRange{5, 3}));
    // 11 widened to 10-12 touches 10 and 12-19.
    QCOMPARE(list.rescanRange({11, 1}, 100), (ClusterRange{10, 10}));
    QCOMPARE(list.rescanRange({0, 1}, 100), (ClusterRange{0, 2}));
    QCOMPARE(list.rescanRange({99, 1}, 100), (ClusterRange{98, 2}));
    QCOMPARE(list.rescanRange({40, 3}, 100), (ClusterRange{39, 5}));
    QCOMPARE(ChangeList().rescanRange({0, 1}, 0), (ClusterRange{0, 0}));
}

QTEST_GUILESS_MAIN(ChangeListTest)
#include "changelisttest.moc"
