// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "format.h"
#include "heatmaplayout.h"

#include <QTest>

#include <limits>

using namespace AddCow;

namespace
{

double filledShare(const HeatmapLayout &layout, QSize viewport)
{
    const double width = std::min<double>(layout.contentWidthPx(), viewport.width());
    const double height = std::min<double>(double(layout.contentHeightPx()), viewport.height());
    return width * height / (double(viewport.width()) * viewport.height());
}

} // namespace

class HeatmapLayoutTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void gridShape_data()
    {
        QTest::addColumn<quint64>("clusterCount");
        QTest::addColumn<int>("rowLog2");
        QTest::addColumn<int>("cellLog2");
        QTest::addColumn<int>("columns");
        QTest::addColumn<quint64>("rows");
        QTest::addColumn<quint64>("cells");
        QTest::newRow("128 per row, cells of one cluster") << quint64(4096) << 7 << 0 << 128 << quint64(32) << quint64(4096);
        QTest::newRow("128 per row, cells of 8") << quint64(4096) << 7 << 3 << 16 << quint64(32) << quint64(512);
        QTest::newRow("R15 partial last row") << quint64(1000) << 6 << 0 << 64 << quint64(16) << quint64(1000);
        QTest::newRow("R15 partial last cell") << quint64(1001) << 6 << 2 << 16 << quint64(16) << quint64(251);
        QTest::newRow("a row longer than the disk") << quint64(5) << 3 << 0 << 8 << quint64(1) << quint64(5);
        QTest::newRow("64 TiB, 2^21 per row") << (quint64(1) << 30) << 21 << 11 << 1024 << quint64(512) << (quint64(1) << 19);
        QTest::newRow("cells never wider than the row") << quint64(4096) << 5 << 9 << 1 << quint64(128) << quint64(128);
    }
    void gridShape()
    {
        QFETCH(quint64, clusterCount);
        QFETCH(int, rowLog2);
        QFETCH(int, cellLog2);
        QFETCH(int, columns);
        QFETCH(quint64, rows);
        QFETCH(quint64, cells);
        const HeatmapLayout layout = HeatmapLayout::withCellSize(clusterCount, rowLog2, cellLog2, 3, 2);
        QCOMPARE(layout.rowClusters(), quint64(1) << rowLog2);
        QCOMPARE(layout.columns(), columns);
        QCOMPARE(layout.rowCount(), rows);
        QCOMPARE(layout.cellCount(), cells);
        QCOMPARE(layout.contentWidthPx(), columns * 3);
        QCOMPARE(layout.contentHeightPx(), rows * 2);
        QCOMPARE(layout.clustersPerCell() * quint64(layout.columns()), layout.rowClusters());
        // Row n starts at byte n * rowClusters * 64 KiB, whatever the pixels.
        QCOMPARE(layout.rowStartBytes(1), layout.rowClusters() * ClusterSizeBytes);
        QCOMPARE(layout.rowStartBytes(rows - 1), (rows - 1) * layout.rowClusters() * ClusterSizeBytes);
    }

    void unevenCellsTileThePixels_data()
    {
        QTest::addColumn<int>("columns");
        QTest::addColumn<int>("widthPx");
        QTest::newRow("1024 columns in 1600 px") << 1024 << 1600;
        QTest::newRow("128 columns in 1100 px") << 128 << 1100;
        QTest::newRow("one pixel each") << 256 << 256;
        QTest::newRow("7 px each") << 16 << 112;
    }
    void unevenCellsTileThePixels()
    {
        QFETCH(int, columns);
        QFETCH(int, widthPx);
        // Fit fills with cells that are not a power of two: every pixel column belongs to
        // exactly one column, every column has at least one pixel, in order.
        const int rowLog2 = std::countr_zero(unsigned(columns));
        const HeatmapLayout layout(quint64(columns) * 600, rowLog2, 0, widthPx, 1000);
        QCOMPARE(layout.columns(), columns);
        QCOMPARE(layout.columnLeftPx(0), 0);
        QCOMPARE(layout.columnLeftPx(columns), widthPx);
        for (int c = 0; c < columns; ++c)
            QVERIFY(layout.columnLeftPx(c + 1) - layout.columnLeftPx(c) >= widthPx / columns);
        for (int x = 0; x < widthPx; ++x) {
            const int c = layout.columnAtPx(x);
            QVERIFY2(layout.columnLeftPx(c) <= x && x < layout.columnLeftPx(c + 1), qPrintable(QString::number(x)));
        }
        for (quint64 y = 0; y < 1000; ++y) {
            const quint64 r = layout.rowAtPx(y);
            QVERIFY(layout.rowTopPx(r) <= y && y < layout.rowTopPx(r + 1));
        }
    }

    void pixelClusterRoundTrip_data()
    {
        QTest::addColumn<quint64>("clusterCount");
        QTest::addColumn<int>("rowLog2");
        QTest::addColumn<int>("cellLog2");
        QTest::addColumn<double>("cellPx");
        QTest::newRow("32 px cells") << quint64(1000) << 4 << 0 << 32.0;
        QTest::newRow("8.6 px cells") << quint64(4099) << 7 << 0 << 8.6;
        QTest::newRow("1.56 px, 2048 clusters each") << (quint64(1) << 30) << 21 << 11 << 1.5625;
        QTest::newRow("64 PiB of 32 px cells") << (quint64(1) << 40) << 6 << 0 << 32.0;
    }
    void pixelClusterRoundTrip()
    {
        QFETCH(quint64, clusterCount);
        QFETCH(int, rowLog2);
        QFETCH(int, cellLog2);
        QFETCH(double, cellPx);
        const HeatmapLayout layout = HeatmapLayout::withCellSize(clusterCount, rowLog2, cellLog2, cellPx, cellPx);
        // Clusters near the start, the middle and the end land in the cell drawn at their pixels.
        for (const quint64 cluster : {quint64(0), quint64(1), clusterCount / 3, clusterCount / 2 + 17, clusterCount - 1}) {
            const quint64 cell = layout.cellOfCluster(cluster);
            const qint64 x = layout.cellLeftPx(cell);
            const quint64 y = layout.cellTopPx(cell);
            const std::optional<ClusterRange> range = layout.clustersAt(x, y);
            QVERIFY(range);
            QVERIFY2(range->contains(cluster), qPrintable(QString::number(cluster)));
            QCOMPARE(range->first, cell * layout.clustersPerCell());
            QCOMPARE(range->count, std::min(layout.clustersPerCell(), clusterCount - range->first));
            // The cell's last pixel too.
            const qint64 lastX = layout.columnLeftPx(layout.columnOfCell(cell) + 1) - 1;
            const quint64 lastY = layout.rowTopPx(layout.rowOfCell(cell) + 1) - 1;
            QCOMPARE(layout.cellAt(lastX, lastY), std::optional<quint64>(cell));
        }
        QVERIFY(!layout.clustersAt(layout.contentWidthPx(), 0));
        QVERIFY(!layout.clustersAt(-1, 0));
        QVERIFY(!layout.clustersAt(0, layout.contentHeightPx()));
        if (clusterCount > (quint64(1) << 36))
            QVERIFY(layout.contentHeightPx() > quint64(std::numeric_limits<int>::max()));
    }

    void partialLastRowIsBlank() // R15
    {
        // 11 clusters, 8 per row: the second row holds 3; the cells after them are no cells.
        const HeatmapLayout layout = HeatmapLayout::withCellSize(11, 3, 0, 10, 10);
        QCOMPARE(layout.rowCount(), quint64(2));
        QCOMPARE(layout.clustersAt(25, 15), std::optional<ClusterRange>(ClusterRange{10, 1}));
        QVERIFY(!layout.clustersAt(35, 15));
        const HeatmapLayout coarse = HeatmapLayout::withCellSize(11, 3, 2, 10, 10);
        QCOMPARE(coarse.cellCount(), quint64(3));
        QCOMPARE(coarse.clustersAt(1, 15), std::optional<ClusterRange>(ClusterRange{8, 3}));
        QVERIFY(!coarse.clustersAt(11, 15));
    }

    void nearestCellClampsDrags()
    {
        const HeatmapLayout layout = HeatmapLayout::withCellSize(1000, 4, 0, 32, 32); // 16 per row
        QCOMPARE(layout.nearestCellAt(-50, 40), quint64(16)); // left of row 1: its first cell
        QCOMPARE(layout.nearestCellAt(5000, 40), quint64(31)); // right of row 1: its last cell
        QCOMPARE(layout.nearestCellAt(10, -5), quint64(0));
        QCOMPARE(layout.nearestCellAt(10, 1'000'000), quint64(999));
    }

    void rectsForRange()
    {
        const HeatmapLayout layout = HeatmapLayout::withCellSize(1000, 3, 0, 32, 32); // 8 per row, 256 px wide
        const QSize viewport(400, 320);
        QCOMPARE(layout.rectsForRange({10, 3}, 0, 0, viewport), QList<QRect>{QRect(64, 32, 96, 32)});
        const QList<QRect> rects = layout.rectsForRange({13, 18}, 0, 0, viewport);
        QCOMPARE(rects.size(), 3);
        QCOMPARE(rects[0], QRect(160, 32, 96, 32)); // 13-15
        QCOMPARE(rects[1], QRect(0, 64, 256, 32)); // 16-23
        QCOMPARE(rects[2], QRect(0, 96, 224, 32)); // 24-30
        // Scrolled: down and to the right, clipped to the viewport plus one pixel.
        QCOMPARE(layout.rectsForRange({10, 3}, 40, 20, viewport), QList<QRect>{QRect(24, 12, 96, 32)});
        const QList<QRect> all = layout.rectsForRange({0, 1000}, 0, 0, QSize(400, 100));
        QCOMPARE(all.size(), 1);
        QVERIFY(all[0].top() >= -1 && all[0].bottom() <= 101);
        QVERIFY(layout.rectsForRange({0, 10}, 0, 32 * 50, viewport).isEmpty());
        // Far down a huge map: positions relative to the viewport, not the content.
        const HeatmapLayout huge = HeatmapLayout::withCellSize(quint64(1) << 40, 6, 0, 32, 32);
        const quint64 cluster = (quint64(1) << 39) + 5;
        const quint64 top = huge.cellTopPx(huge.cellOfCluster(cluster)) - 64;
        const QList<QRect> far = huge.rectsForRange({cluster, 1}, 0, top, QSize(2048, 400));
        QCOMPARE(far.size(), 1);
        QCOMPARE(far[0].top(), 64);
        QCOMPARE(far[0].left(), huge.cellLeftPx(huge.cellOfCluster(cluster)));
    }

    void hasGridOnlyForBigCells()
    {
        QVERIFY(HeatmapLayout::withCellSize(1000, 4, 0, 8, 8).hasGrid());
        QVERIFY(!HeatmapLayout::withCellSize(1000, 4, 0, 7.9, 8).hasGrid());
        QVERIFY(!HeatmapLayout::withCellSize(1000, 4, 0, 32, 7).hasGrid());
    }

    void fitFillsTheView_data()
    {
        QTest::addColumn<quint64>("clusterCount");
        QTest::addColumn<QSize>("viewport");
        QTest::addColumn<double>("minimumShare");
        // The demo image (256 MiB) in the map of a 1600x1000 and a 1366x768 window.
        QTest::newRow("demo, 1600x1000 window") << quint64(4096) << QSize(1100, 400) << 0.95;
        QTest::newRow("demo, 1366x768 window") << quint64(4096) << QSize(850, 260) << 0.95;
        QTest::newRow("3 GiB") << quint64(49152) << QSize(1100, 400) << 0.9;
        QTest::newRow("R15 3 GiB and a bit") << quint64(49153) << QSize(1100, 400) << 0.9;
        QTest::newRow("8 TiB") << (quint64(1) << 27) << QSize(1100, 400) << 0.9;
        QTest::newRow("64 TiB, 1600x1000") << (quint64(1) << 30) << QSize(1600, 1000) << 0.9;
        QTest::newRow("64 TiB, odd shape") << (quint64(1) << 30) << QSize(977, 333) << 0.9;
        QTest::newRow("R15 64 TiB and a cluster") << (quint64(1) << 30) + 1 << QSize(1600, 1000) << 0.9;
    }
    void fitFillsTheView()
    {
        QFETCH(quint64, clusterCount);
        QFETCH(QSize, viewport);
        QFETCH(double, minimumShare);
        // No 60 % blank: the whole map fits, and fills most of the view.
        const HeatmapLayout layout = HeatmapLayout::fit(clusterCount, -1, viewport, 32);
        QVERIFY(layout.contentWidthPx() <= viewport.width());
        QVERIFY(layout.contentHeightPx() <= quint64(viewport.height()));
        QVERIFY2(filledShare(layout, viewport) >= minimumShare,
                 qPrintable(QStringLiteral("%1 per row, %2 x %3 px").arg(layout.rowClusters()).arg(layout.contentWidthPx()).arg(layout.contentHeightPx())));
        // Cells near square: at most twice as long one way as the other.
        QVERIFY(layout.cellWidthPx() <= 2.01 * layout.cellHeightPx() + 1);
        QVERIFY(layout.cellHeightPx() <= 2.01 * layout.cellWidthPx() + 1);
    }

    void fitKeepsChosenRows()
    {
        // Rows of 256 clusters: the grid stays, only the cells scale with the view.
        const quint64 clusterCount = 4096;
        const HeatmapLayout wide = HeatmapLayout::fit(clusterCount, 8, QSize(1100, 400), 32);
        const HeatmapLayout narrow = HeatmapLayout::fit(clusterCount, 8, QSize(700, 300), 32);
        QCOMPARE(wide.rowClusters(), quint64(256));
        QCOMPARE(narrow.rowClusters(), quint64(256));
        QCOMPARE(wide.rowCount(), quint64(16));
        QVERIFY(wide.contentWidthPx() <= 1100 && narrow.contentWidthPx() <= 700);
        QVERIFY(wide.contentWidthPx() > 1000);
        // Narrower than the row's clusters: coarser cells, the same rows.
        const HeatmapLayout tiny = HeatmapLayout::fit(clusterCount, 8, QSize(100, 300), 32);
        QCOMPARE(tiny.rowClusters(), quint64(256));
        QVERIFY(tiny.clustersPerCellLog2() >= 2);
        QVERIFY(tiny.contentWidthPx() <= 100);
        // More rows than pixels: the width is filled with square cells and the map scrolls.
        const HeatmapLayout tall = HeatmapLayout::fit(quint64(1) << 20, 6, QSize(640, 400), 32);
        QCOMPARE(tall.rowCount(), quint64(1) << 14);
        QCOMPARE(tall.contentWidthPx(), 640);
        QCOMPARE(tall.cellHeightPx(), 10.0);
        QVERIFY(tall.contentHeightPx() > 400);
    }
};

QTEST_GUILESS_MAIN(HeatmapLayoutTest)

#include "heatmaplayouttest.moc"
