// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "heatmaprenderer.h"

#include <QTest>

using namespace AddCow;

namespace
{

HeatmapRenderer::Frame frameFor(std::shared_ptr<const ClusterPyramid> pyramid, int widthPx, int heightPx, int zoomLevel, quint64 backingEndCluster)
{
    HeatmapRenderer::Frame frame;
    frame.layout = HeatmapLayout(pyramid->clusterCount(), widthPx, zoomLevel);
    frame.pyramid = std::move(pyramid);
    frame.backingEndCluster = backingEndCluster;
    frame.sizePx = QSize(widthPx, heightPx);
    frame.palette = HeatmapRenderer::Palette::standard(Qt::white);
    return frame;
}

// The colour inside the cell of clusterIndex (away from its grid lines).
QRgb cellPixel(const QImage &image, const HeatmapLayout &layout, quint64 clusterIndex)
{
    const quint64 cell = layout.cellOfCluster(clusterIndex);
    return image.pixel(layout.cellLeftPx(cell) + layout.cellSizePx() / 2, int(layout.cellTopPx(cell)) + layout.cellSizePx() / 2);
}

} // namespace

class HeatmapRendererTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rampNeverHidesOneCluster()
    {
        using P = HeatmapRenderer::Palette;
        QCOMPARE(P::rampStep(0, 1 << 20), 0);
        QCOMPARE(P::rampStep(1, quint64(1) << 40), 1);
        QCOMPARE(P::rampStep((quint64(1) << 40) - 1, quint64(1) << 40), P::RampSteps - 1);
        QCOMPARE(P::rampStep(quint64(1) << 40, quint64(1) << 40), P::RampSteps);
        const P palette = P::standard(Qt::white);
        QVERIFY(palette.backingRamp[1] != palette.backingRamp[0]);
        QVERIFY(palette.zeroRamp[1] != palette.zeroRamp[0]);
        QVERIFY(palette.backingRamp[1] != palette.zeroRamp[1]);
    }

    void singleClusterInOneGiIsNotEmpty_data()
    {
        QTest::addColumn<int>("zoomLevel");
        QTest::newRow("R13 fit 1600x1000 (1024 per px)") << HeatmapLayout::fitZoomLevel(quint64(1) << 30, 1600, 1000);
        QTest::newRow("R13 2^20 per px") << 20;
        QTest::newRow("R13 2^30 per px: one pixel for all") << 30;
    }
    void singleClusterInOneGiIsNotEmpty()
    {
        QFETCH(int, zoomLevel);
        static std::shared_ptr<const ClusterPyramid> pyramid = [] {
            ClusterBitmap bitmap(quint64(1) << 30);
            bitmap.set(777777777);
            return std::make_shared<const ClusterPyramid>(bitmap);
        }();
        const quint64 lonely = 777777777;
        const HeatmapRenderer::Frame frame = frameFor(pyramid, 1600, 1000, zoomLevel, 0);
        const QImage image = HeatmapRenderer::render(frame);
        QCOMPARE(image.size(), QSize(1600, 1000));
        const quint64 cell = frame.layout.cellOfCluster(lonely);
        const int x = frame.layout.cellLeftPx(cell);
        const int y = int(frame.layout.cellTopPx(cell));
        // No backing file: clean clusters are zeros; the lonely one lifts its pixel to step 1.
        QCOMPARE(image.pixel(x, y), frame.palette.zeroRamp[1]);
        if (cell > 0) {
            const quint64 before = cell - 1;
            QCOMPARE(image.pixel(frame.layout.cellLeftPx(before), int(frame.layout.cellTopPx(before))), frame.palette.zero());
        }
        // Past the last cell: background.
        if (frame.layout.contentHeightPx() < 1000)
            QCOMPARE(image.pixel(0, 999), frame.palette.background);
    }

    void sourcesAtCellZoom() // R13, R15
    {
        // 20 clusters; the backing file covers clusters 0-7 and half of 8; 3 and 12 allocated.
        ClusterBitmap bitmap(20);
        bitmap.set(3);
        bitmap.set(12);
        const auto pyramid = std::make_shared<const ClusterPyramid>(bitmap);
        const HeatmapRenderer::Frame frame = frameFor(pyramid, 320, 100, -5, 9);
        const QImage image = HeatmapRenderer::render(frame);
        const HeatmapRenderer::Palette &colors = frame.palette;
        QCOMPARE(cellPixel(image, frame.layout, 0), colors.backing());
        QCOMPARE(cellPixel(image, frame.layout, 3), colors.image());
        QCOMPARE(cellPixel(image, frame.layout, 8), colors.backing()); // partly in the backing file
        QCOMPARE(cellPixel(image, frame.layout, 9), colors.zero());
        QCOMPARE(cellPixel(image, frame.layout, 12), colors.image());
        QCOMPARE(cellPixel(image, frame.layout, 19), colors.zero()); // the last cluster, a whole cell
        // Grid: the last pixel column and row of a 32 px cell are darker.
        QVERIFY(image.pixel(31, 5) != colors.backing());
        QVERIFY(image.pixel(5, 31) != colors.backing());
        // Right of cluster 19 in row 1 (10 columns): clusters 10-19 fill it; row 2 is empty.
        QCOMPARE(image.pixel(16, 64 + 16), colors.background);
    }

    void partialLastClusterIsWholeCell() // R15
    {
        // 4.5 clusters of data: 5 clusters, the last partial, allocated.
        ClusterBitmap bitmap(5);
        bitmap.set(4);
        const auto pyramid = std::make_shared<const ClusterPyramid>(bitmap);
        const HeatmapRenderer::Frame frame = frameFor(pyramid, 320, 64, -5, 5);
        const QImage image = HeatmapRenderer::render(frame);
        for (int x = 4 * 32; x < 4 * 32 + 31; ++x)
            QCOMPARE(image.pixel(x, 10), frame.palette.image());
        QCOMPARE(image.pixel(5 * 32 + 10, 10), frame.palette.background);
        // At 4 clusters per pixel the second pixel holds only cluster 4: fully allocated.
        const HeatmapRenderer::Frame coarse = frameFor(pyramid, 10, 1, 2, 5);
        const QImage coarseImage = HeatmapRenderer::render(coarse);
        QCOMPARE(coarseImage.pixel(0, 0), coarse.palette.backing());
        QCOMPARE(coarseImage.pixel(1, 0), coarse.palette.image());
        QCOMPARE(coarseImage.pixel(2, 0), coarse.palette.background);
    }

    void allAllocatedIsAllImage() // R14
    {
        const auto pyramid = std::make_shared<const ClusterPyramid>(ClusterPyramid::allAllocated(12345));
        for (int level : {-5, 0, 3, 13}) {
            HeatmapRenderer::Frame frame = frameFor(pyramid, 320, 240, level, 0);
            const QImage image = HeatmapRenderer::render(frame);
            QCOMPARE(image.pixel(frame.layout.cellSizePx() / 2, frame.layout.cellSizePx() / 2), frame.palette.image());
            // The last cluster, scrolled to the top of the frame.
            const quint64 last = frame.layout.cellOfCluster(12344);
            frame.topPx = frame.layout.cellTopPx(last);
            const QImage end = HeatmapRenderer::render(frame);
            QCOMPARE(end.pixel(frame.layout.cellLeftPx(last) + frame.layout.cellSizePx() / 2, frame.layout.cellSizePx() / 2), frame.palette.image());
            if (frame.layout.columnOfCell(last) + 1 < frame.layout.columns())
                QCOMPARE(end.pixel(frame.layout.cellLeftPx(last + 1) + frame.layout.cellSizePx() / 2, frame.layout.cellSizePx() / 2), frame.palette.background);
        }
    }

    void backingAndZeroFamiliesAtCoarseZoom() // R13
    {
        // 64 clusters, 8 per pixel; the backing file ends inside pixel 2 (cluster 19).
        ClusterBitmap bitmap(64);
        bitmap.setRange({16, 3}); // pixel 2: clusters 16-18 (all the backing part) allocated
        bitmap.set(40); // pixel 5: past the backing end, one allocated
        bitmap.set(1); // pixel 0: inside the backing file
        const auto pyramid = std::make_shared<const ClusterPyramid>(bitmap);
        const HeatmapRenderer::Frame frame = frameFor(pyramid, 8, 1, 3, 19);
        const QImage image = HeatmapRenderer::render(frame);
        const HeatmapRenderer::Palette &colors = frame.palette;
        QCOMPARE(image.pixel(0, 0), colors.backingRamp[1]);
        QCOMPARE(image.pixel(1, 0), colors.backing());
        // Pixel 2 starts in the backing file but its clean clusters are all past its end.
        QCOMPARE(image.pixel(2, 0), colors.zeroRamp[HeatmapRenderer::Palette::rampStep(3, 8)]);
        QCOMPARE(image.pixel(3, 0), colors.zero());
        QCOMPARE(image.pixel(5, 0), colors.zeroRamp[1]);
    }

    void matchesPerCellReference_data()
    {
        QTest::addColumn<int>("zoomLevel");
        for (int level : {-4, -3, -1, 0, 1, 3, 5, 6, 7, 8, 9, 12})
            QTest::newRow(qPrintable(QStringLiteral("R13 level %1").arg(level))) << level;
    }
    void matchesPerCellReference()
    {
        // Every pixel against a slow reference: the exact count of its clusters and cellColor().
        QFETCH(int, zoomLevel);
        const quint64 clusterCount = 50003; // R15: not a multiple of any cell
        ClusterBitmap bitmap(clusterCount);
        quint64 state = 12345;
        for (quint64 c = 0; c < clusterCount; ++c) {
            state = state * 6364136223846793005ULL + 1442695040888963407ULL;
            if ((state >> 60) == 0 || (c / 3000) % 3 == 1)
                bitmap.set(c);
        }
        const auto pyramid = std::make_shared<const ClusterPyramid>(bitmap);
        HeatmapRenderer::Frame frame = frameFor(pyramid, 257, 120, zoomLevel, 12345);
        frame.topPx = frame.layout.contentHeightPx() > 240 ? frame.layout.contentHeightPx() / 2 - 7 : 0;
        const QImage image = HeatmapRenderer::render(frame);
        const int cellSize = frame.layout.cellSizePx();
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x) {
                const quint64 contentY = frame.topPx + quint64(y);
                if (frame.layout.hasGrid() && (x % cellSize == cellSize - 1 || contentY % cellSize == quint64(cellSize - 1)))
                    continue; // grid lines
                const std::optional<ClusterRange> range = frame.layout.clustersAt(x, contentY);
                const QRgb expected = range ? HeatmapRenderer::cellColor(frame, range->first, range->count, bitmap.countAllocated(*range)) : frame.palette.background;
                if (image.pixel(x, y) != expected) {
                    qWarning() << "pixel" << x << y << "clusters" << (range ? range->first : 0) << (range ? range->count : 0);
                    QCOMPARE(image.pixel(x, y), expected);
                }
            }
        }
    }

    void regionMatchesFullFrame()
    {
        ClusterBitmap bitmap(50000);
        for (quint64 c = 0; c < 50000; c += 7)
            bitmap.set(c);
        bitmap.setRange({1000, 5000});
        const auto pyramid = std::make_shared<const ClusterPyramid>(bitmap);
        for (int level : {-3, 0, 2}) {
            HeatmapRenderer::Frame frame = frameFor(pyramid, 333, 200, level, 30000);
            frame.topPx = 37;
            const QImage full = HeatmapRenderer::render(frame);
            frame.regionPx = QRect(45, 61, 100, 50);
            const QImage part = HeatmapRenderer::render(frame);
            QCOMPARE(part.size(), QSize(100, 50));
            QCOMPARE(part, full.copy(45, 61, 100, 50));
        }
    }

    void cancelStopsRendering()
    {
        const auto pyramid = std::make_shared<const ClusterPyramid>(ClusterBitmap(100000));
        const HeatmapRenderer::Frame frame = frameFor(pyramid, 400, 400, 0, 0);
        QVERIFY(HeatmapRenderer::render(frame, [] {
                    return true;
                }).isNull());
    }

    void rendersOffTheGuiThread()
    {
        ClusterBitmap bitmap(100000);
        bitmap.setRange({0, 50000});
        const auto pyramid = std::make_shared<const ClusterPyramid>(bitmap);
        HeatmapRenderer renderer;
        int finishedCount = 0;
        QImage image;
        quint64 serial = 0;
        bool canceled = true;
        connect(&renderer, &HeatmapRenderer::finished, this, [&](const QImage &rendered, const HeatmapRenderer::Frame &done, bool wasCanceled) {
            ++finishedCount;
            image = rendered;
            serial = done.serial;
            canceled = wasCanceled;
        });
        HeatmapRenderer::Frame frame = frameFor(pyramid, 400, 300, 0, 0);
        frame.serial = 42;
        renderer.start(frame);
        QVERIFY(renderer.isBusy());
        QTRY_COMPARE_WITH_TIMEOUT(finishedCount, 1, 10000);
        QVERIFY(!renderer.isBusy());
        QVERIFY(!canceled);
        QCOMPARE(serial, quint64(42));
        QCOMPARE(image, HeatmapRenderer::render(frame));
    }
};

QTEST_MAIN(HeatmapRendererTest)

#include "heatmaprenderertest.moc"
