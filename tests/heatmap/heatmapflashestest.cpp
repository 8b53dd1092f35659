// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "heatmapflashes.h"

#include <QTest>

using namespace AddCow;

class HeatmapFlashesTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fadesOut()
    {
        HeatmapFlashes flashes;
        QVERIFY(flashes.isEmpty());
        flashes.add({10, 5}, 1000);
        QCOMPARE(flashes.flashes().size(), size_t(1));
        const HeatmapFlashes::Flash flash = flashes.flashes().front();
        QCOMPARE(HeatmapFlashes::strength(flash, 1000), 1.0);
        const double half = HeatmapFlashes::strength(flash, 1000 + HeatmapFlashes::DurationMs / 2);
        QVERIFY(half > 0 && half < 1);
        QVERIFY(HeatmapFlashes::strength(flash, 1000 + HeatmapFlashes::DurationMs / 4) > half);
        QCOMPARE(HeatmapFlashes::strength(flash, 1000 + HeatmapFlashes::DurationMs), 0.0);
        QVERIFY(flashes.prune(1000 + HeatmapFlashes::DurationMs - 1));
        QVERIFY(!flashes.prune(1000 + HeatmapFlashes::DurationMs));
        QVERIFY(flashes.isEmpty());
    }

    void touchingRangesMergeAndRestart()
    {
        HeatmapFlashes flashes;
        flashes.add({10, 5}, 0);
        flashes.add({100, 5}, 10);
        flashes.add({15, 3}, 500); // touches the first: one flash 10-17, restarted
        QCOMPARE(flashes.flashes().size(), size_t(2));
        QCOMPARE(flashes.flashes()[0].range, (ClusterRange{10, 8}));
        QCOMPARE(flashes.flashes()[0].startMs, qint64(500));
        QCOMPARE(flashes.flashes()[1].range, (ClusterRange{100, 5}));
        flashes.add({5, 200}, 600); // swallows both
        QCOMPARE(flashes.flashes().size(), size_t(1));
        QCOMPARE(flashes.flashes()[0].range, (ClusterRange{5, 200}));
        flashes.add({}, 700);
        QCOMPARE(flashes.flashes().size(), size_t(1));
    }

    void stormStaysBounded()
    {
        // A VM writing scattered clusters: thousands of ranges, never more than MaxRanges kept,
        // sorted and disjoint, and every written cluster still covered.
        HeatmapFlashes flashes;
        for (quint64 i = 0; i < 5000; ++i)
            flashes.add({(i * 7919) % 100000 * 3, 1}, qint64(i));
        QVERIFY(int(flashes.flashes().size()) <= HeatmapFlashes::MaxRanges);
        for (size_t i = 1; i < flashes.flashes().size(); ++i)
            QVERIFY(flashes.flashes()[i - 1].range.end() <= flashes.flashes()[i].range.first);
        for (quint64 i = 4990; i < 5000; ++i) {
            const quint64 cluster = (i * 7919) % 100000 * 3;
            QVERIFY(std::any_of(flashes.flashes().cbegin(), flashes.flashes().cend(), [&](const HeatmapFlashes::Flash &flash) {
                return flash.range.contains(cluster);
            }));
        }
    }
};

QTEST_GUILESS_MAIN(HeatmapFlashesTest)

#include "heatmapflashestest.moc"
