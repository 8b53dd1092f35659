// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "format.h"
#include "heatmaplayout.h"

#include <QTest>

using namespace AddCow;

class HeatmapLayoutTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cellGeometry_data()
    {
        QTest::addColumn<int>("zoomLevel");
        QTest::addColumn<int>("cellSizePx");
        QTest::addColumn<quint64>("clustersPerCell");
        QTest::newRow("32 px cells") << -5 << 32 << quint64(1);
        QTest::newRow("2 px cells") << -1 << 2 << quint64(1);
        QTest::newRow("1 cluster per pixel") << 0 << 1 << quint64(1);
        QTest::newRow("1024 clusters per pixel") << 10 << 1 << quint64(1024);
    }
    void cellGeometry()
    {
        QFETCH(int, zoomLevel);
        QFETCH(int, cellSizePx);
        QFETCH(quint64, clustersPerCell);
        const HeatmapLayout layout(100000, 1600, zoomLevel);
        QCOMPARE(layout.cellSizePx(), cellSizePx);
        QCOMPARE(layout.clustersPerCell(), clustersPerCell);
        QCOMPARE(layout.columns(), 1600 / cellSizePx);
        QCOMPARE(layout.hasGrid(), cellSizePx >= 8);
        const quint64 cells = (100000 + clustersPerCell - 1) / clustersPerCell;
        QCOMPARE(layout.cellCount(), cells);
        QCOMPARE(layout.rowCount(), (cells + layout.columns() - 1) / layout.columns());
        QCOMPARE(layout.contentHeightPx(), layout.rowCount() * quint64(cellSizePx));
    }

    void pixelClusterRoundTrip_data()
    {
        QTest::addColumn<quint64>("clusterCount");
        QTest::addColumn<int>("widthPx");
        QTest::addColumn<int>("zoomLevel");
        QTest::newRow("small, 32 px cells") << quint64(1000) << 500 << -5;
        QTest::newRow("small, 8 px cells, odd width") << quint64(1000) << 333 << -3;
        QTest::newRow("1 Gi clusters, 1 px") << (quint64(1) << 30) << 1600 << 0;
        QTest::newRow("1 Gi clusters, 64 per px") << (quint64(1) << 30) << 1600 << 6;
        QTest::newRow("1 Gi clusters, fit") << (quint64(1) << 30) << 1600 << HeatmapLayout::fitZoomLevel(quint64(1) << 30, 1600, 1000);
        QTest::newRow("2^48 clusters (16 EiB), 16 px cells") << (quint64(1) << 48) << 1600 << -4;
        QTest::newRow("2^48 clusters, 2^20 per px") << (quint64(1) << 48) << 1919 << 20;
        QTest::newRow("R15 odd count, 2^40 + 3, 8 per px") << ((quint64(1) << 40) + 3) << 1000 << 3;
    }
    void pixelClusterRoundTrip()
    {
        QFETCH(quint64, clusterCount);
        QFETCH(int, widthPx);
        QFETCH(int, zoomLevel);
        const HeatmapLayout layout(clusterCount, widthPx, zoomLevel);
        const quint64 probes[] = {0, 1, 63, 64, 12345, clusterCount / 3, clusterCount / 2 + 7, clusterCount - 2, clusterCount - 1};
        for (quint64 cluster : probes) {
            if (cluster >= clusterCount)
                continue;
            const quint64 cell = layout.cellOfCluster(cluster);
            const int x = layout.cellLeftPx(cell);
            const quint64 y = layout.cellTopPx(cell);
            // Every pixel of the cell leads back to it and to a range holding the cluster.
            for (int dx : {0, layout.cellSizePx() - 1}) {
                for (int dy : {0, layout.cellSizePx() - 1}) {
                    const std::optional<ClusterRange> range = layout.clustersAt(x + dx, y + quint64(dy));
                    QVERIFY(range);
                    QVERIFY2(range->contains(cluster), qPrintable(QString::number(cluster)));
                    QCOMPARE(range->first, cell * layout.clustersPerCell());
                    QCOMPARE(range->count, std::min(layout.clustersPerCell(), clusterCount - range->first));
                    QCOMPARE(layout.cellAt(x + dx, y + quint64(dy)), std::optional<quint64>(cell));
                }
            }
            // The 64-bit position really is past 32 bits for huge indexes.
            if (cluster > (quint64(1) << 40) && layout.clustersPerCell() == 1)
                QVERIFY(y > quint64(std::numeric_limits<int>::max()));
        }
        // Nothing right of the columns or below the last row.
        QVERIFY(!layout.clustersAt(layout.contentWidthPx(), 0));
        QVERIFY(!layout.clustersAt(-1, 0));
        QVERIFY(!layout.clustersAt(0, layout.contentHeightPx()));
        // Past the last cell of the last row.
        const quint64 lastCell = layout.cellCount() - 1;
        if (layout.columnOfCell(lastCell) < layout.columns() - 1)
            QVERIFY(!layout.clustersAt(layout.cellLeftPx(lastCell) + layout.cellSizePx(), layout.cellTopPx(lastCell)));
    }

    void partialLastCellIsWhole() // R15
    {
        // 10 clusters and a bit: 11 clusters, the last one partial, is a whole cell.
        const quint64 clusterCount = clusterCountFor(10 * ClusterSizeBytes + 512);
        QCOMPARE(clusterCount, quint64(11));
        const HeatmapLayout cells(clusterCount, 320, -5);
        QCOMPARE(cells.cellCount(), quint64(11));
        QCOMPARE(cells.clustersAt(0 * 32, 32), std::optional<ClusterRange>(ClusterRange{10, 1}));
        // 4 clusters per pixel: the third pixel holds clusters 8, 9, 10 only.
        const HeatmapLayout coarse(clusterCount, 100, 2);
        QCOMPARE(coarse.cellCount(), quint64(3));
        QCOMPARE(coarse.clustersAt(2, 0), std::optional<ClusterRange>(ClusterRange{8, 3}));
        QVERIFY(!coarse.clustersAt(3, 0));
    }

    void nearestCellClampsDrags()
    {
        const HeatmapLayout layout(1000, 320, -5); // 10 columns, 100 rows
        QCOMPARE(layout.nearestCellAt(-50, 40), quint64(10)); // left of row 1: its first cell
        QCOMPARE(layout.nearestCellAt(5000, 40), quint64(19)); // right of row 1: its last cell
        QCOMPARE(layout.nearestCellAt(10, -5), quint64(0));
        QCOMPARE(layout.nearestCellAt(10, 1'000'000), quint64(999));
    }

    void rectsForRange()
    {
        const HeatmapLayout layout(1000, 320, -5); // 10 columns of 32 px
        // One row.
        QCOMPARE(layout.rectsForRange({12, 3}, 0, 320), QList<QRect>{QRect(64, 32, 96, 32)});
        // Across three rows: tail of row 1, all of row 2, head of row 3.
        const QList<QRect> rects = layout.rectsForRange({15, 18}, 0, 320);
        QCOMPARE(rects.size(), 3);
        QCOMPARE(rects[0], QRect(160, 32, 160, 32));
        QCOMPARE(rects[1], QRect(0, 64, 320, 32));
        QCOMPARE(rects[2], QRect(0, 96, 96, 32));
        // Scrolled: viewport coordinates, far rows clipped to the viewport.
        const QList<QRect> all = layout.rectsForRange({0, 1000}, 32 * 50, 100);
        QCOMPARE(all.size(), 1);
        QVERIFY(all[0].top() >= -1 && all[0].bottom() <= 101);
        QVERIFY(layout.rectsForRange({0, 10}, 32 * 50, 100).isEmpty());
        // Huge content: no int overflow.
        const HeatmapLayout huge(quint64(1) << 40, 1600, -5);
        const quint64 cluster = (quint64(1) << 40) - 5;
        const quint64 top = huge.cellTopPx(huge.cellOfCluster(cluster));
        const QList<QRect> far = huge.rectsForRange({cluster, 1}, top - 64, 200);
        QCOMPARE(far.size(), 1);
        QCOMPARE(far[0].top(), 64);
        QCOMPARE(far[0].left(), huge.cellLeftPx(huge.cellOfCluster(cluster)));
    }

    void fitZoomLevel()
    {
        // 100 clusters fit at 32 px cells; 1 Gi clusters need 1024 per pixel in 1600 x 1000.
        QCOMPARE(HeatmapLayout::fitZoomLevel(100, 1600, 1000), -5);
        const int level = HeatmapLayout::fitZoomLevel(quint64(1) << 30, 1600, 1000);
        QCOMPARE(level, 10);
        QVERIFY(HeatmapLayout(quint64(1) << 30, 1600, level).contentHeightPx() <= 1000);
        QVERIFY(HeatmapLayout(quint64(1) << 30, 1600, level - 1).contentHeightPx() > 1000);
    }
};

QTEST_MAIN(HeatmapLayoutTest)

#include "heatmaplayouttest.moc"
