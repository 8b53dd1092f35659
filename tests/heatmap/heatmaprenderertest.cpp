// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "heatmaprenderer.h"

#include <QSet>
#include <QTest>

#include <vector>

using namespace AddCow;

namespace
{

std::shared_ptr<ClusterPyramid> builtPyramid(std::shared_ptr<const ClusterBitmap> bitmap)
{
    auto pyramid = std::make_shared<ClusterPyramid>(std::move(bitmap));
    pyramid->build();
    return pyramid;
}

HeatmapRenderer::Frame frameFor(std::shared_ptr<const ClusterPyramid> pyramid, const HeatmapLayout &layout, QSize sizePx, quint64 backingEndCluster)
{
    HeatmapRenderer::Frame frame;
    frame.layout = layout;
    frame.pyramid = std::move(pyramid);
    frame.backingEndCluster = backingEndCluster;
    frame.sizePx = sizePx;
    frame.palette = HeatmapRenderer::Palette::standard(Qt::white, Qt::black);
    return frame;
}

// The colour inside the cell of clusterIndex (away from its grid lines).
QRgb cellPixel(const QImage &image, const HeatmapLayout &layout, quint64 clusterIndex)
{
    const quint64 cell = layout.cellOfCluster(clusterIndex);
    const int x = (layout.cellLeftPx(cell) + layout.columnLeftPx(layout.columnOfCell(cell) + 1)) / 2;
    const int y = int((layout.cellTopPx(cell) + layout.rowTopPx(layout.rowOfCell(cell) + 1)) / 2);
    return image.pixel(x, y);
}

// The colour a cell must have: by the exact count of its clusters, else where it reads from.
QRgb expectedColor(const HeatmapRenderer::Frame &frame, const ClusterBitmap &bitmap, ClusterRange cell)
{
    const int step = HeatmapRenderer::Palette::rampStep(bitmap.countAllocated(cell), cell.count);
    return step > 0 ? frame.palette.stepColor(step, frame.palette.image) : HeatmapRenderer::cleanColor(frame, cell);
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
        const P palette = P::standard(Qt::white, Qt::black);
        QCOMPARE(palette.stepColor(0, palette.zero), palette.zero);
        QCOMPARE(palette.stepColor(1, palette.zero), palette.ramp[0]);
        QCOMPARE(palette.stepColor(P::RampSteps, palette.zero), palette.image);
        for (const QRgb step : palette.ramp) {
            for (const QRgb source : {palette.image, palette.backing, palette.zero, palette.backingZero})
                QVERIFY(step != source);
        }
    }

    void singleClusterIn64TiBIsNotEmpty_data()
    {
        QTest::addColumn<int>("rowLog2");
        QTest::addColumn<int>("cellLog2");
        QTest::newRow("R13 fit 1600x1000 (2048 per cell)") << 21 << 11;
        QTest::newRow("R13 2^20 per cell") << 26 << 20;
        QTest::newRow("R13 2^30 per cell: one cell for all") << 30 << 30;
    }
    void singleClusterIn64TiBIsNotEmpty()
    {
        QFETCH(int, rowLog2);
        QFETCH(int, cellLog2);
        const quint64 lonely = 777777777;
        static std::shared_ptr<const ClusterPyramid> pyramid = [lonely] {
            auto bitmap = std::make_shared<ClusterBitmap>(quint64(1) << 30);
            bitmap->set(lonely);
            return builtPyramid(bitmap);
        }();
        const HeatmapLayout layout = HeatmapLayout::withCellSize(quint64(1) << 30, rowLog2, cellLog2, 1.5625, 1.9);
        const HeatmapRenderer::Frame frame = frameFor(pyramid, layout, QSize(1600, 1000), 0);
        const QImage image = HeatmapRenderer::render(frame);
        QCOMPARE(image.size(), QSize(1600, 1000));
        // No backing file: clean clusters are zeros; the lonely one lifts its cell to step 1.
        QCOMPARE(cellPixel(image, layout, lonely), frame.palette.ramp[0]);
        const quint64 cell = layout.cellOfCluster(lonely);
        if (cell > 0)
            QCOMPARE(cellPixel(image, layout, (cell - 1) << cellLog2), frame.palette.zero);
        // Past the last row: background.
        if (layout.contentHeightPx() < 1000)
            QCOMPARE(image.pixel(0, 999), frame.palette.background);
    }

    void sourcesAtCellZoom() // R13, R15
    {
        // 20 clusters, 8 per row; the backing file covers clusters 0-7 and half of 8; 3 and 12 allocated.
        auto bitmap = std::make_shared<ClusterBitmap>(20);
        bitmap->set(3);
        bitmap->set(12);
        const HeatmapLayout layout = HeatmapLayout::withCellSize(20, 3, 0, 32, 32);
        const HeatmapRenderer::Frame frame = frameFor(builtPyramid(bitmap), layout, QSize(320, 120), 9);
        const QImage image = HeatmapRenderer::render(frame);
        const HeatmapRenderer::Palette &colors = frame.palette;
        QCOMPARE(cellPixel(image, layout, 0), colors.backing);
        QCOMPARE(cellPixel(image, layout, 3), colors.image);
        QCOMPARE(cellPixel(image, layout, 8), colors.backing); // partly in the backing file
        QCOMPARE(cellPixel(image, layout, 9), colors.zero);
        QCOMPARE(cellPixel(image, layout, 12), colors.image);
        QCOMPARE(cellPixel(image, layout, 19), colors.zero); // the last cluster, a whole cell
        // Grid: the last pixel column and row of a 32 px cell are darker.
        QVERIFY(image.pixel(31, 5) != colors.backing);
        QVERIFY(image.pixel(5, 31) != colors.backing);
        // Row 2 holds clusters 16-19: the rest of it is background, and so is the right of the grid.
        QCOMPARE(image.pixel(4 * 32 + 16, 64 + 16), colors.background);
        QCOMPARE(image.pixel(8 * 32 + 16, 16), colors.background);
    }

    void backingZeroRangesShowAsTheirOwnSource()
    {
        // 16 clusters, backing file over all of them; its data reads as zeros in 4-7 and 10.
        auto bitmap = std::make_shared<ClusterBitmap>(16);
        bitmap->set(5);
        const HeatmapLayout layout = HeatmapLayout::withCellSize(16, 4, 0, 10, 10);
        HeatmapRenderer::Frame frame = frameFor(builtPyramid(bitmap), layout, QSize(160, 10), 16);
        frame.backingZeroRanges = std::make_shared<const QList<ClusterRange>>(QList<ClusterRange>{{4, 4}, {10, 1}});
        const QImage image = HeatmapRenderer::render(frame);
        QCOMPARE(cellPixel(image, layout, 3), frame.palette.backing);
        QCOMPARE(cellPixel(image, layout, 4), frame.palette.backingZero);
        QCOMPARE(cellPixel(image, layout, 5), frame.palette.image);
        QCOMPARE(cellPixel(image, layout, 7), frame.palette.backingZero);
        QCOMPARE(cellPixel(image, layout, 9), frame.palette.backing);
        QCOMPARE(cellPixel(image, layout, 10), frame.palette.backingZero);
        // Cells of 4: 4-7 hold an allocated cluster (ramp); 8-11 are only partly backing zeros.
        const HeatmapLayout coarse = HeatmapLayout::withCellSize(16, 4, 2, 10, 10);
        frame.layout = coarse;
        frame.sizePx = QSize(40, 10);
        const QImage coarseImage = HeatmapRenderer::render(frame);
        QCOMPARE(cellPixel(coarseImage, coarse, 4), frame.palette.ramp[HeatmapRenderer::Palette::rampStep(1, 4) - 1]);
        QCOMPARE(cellPixel(coarseImage, coarse, 8), frame.palette.backing);
        QCOMPARE(HeatmapRenderer::cleanColor(frame, {4, 4}), frame.palette.backingZero);
        QCOMPARE(HeatmapRenderer::cleanColor(frame, {8, 4}), frame.palette.backing);
    }

    void partialLastClusterIsWholeCell() // R15
    {
        // 4.5 clusters of data: 5 clusters, the last partial, allocated.
        auto bitmap = std::make_shared<ClusterBitmap>(5);
        bitmap->set(4);
        const auto pyramid = builtPyramid(bitmap);
        const HeatmapLayout cells = HeatmapLayout::withCellSize(5, 3, 0, 32, 32);
        const HeatmapRenderer::Frame frame = frameFor(pyramid, cells, QSize(320, 64), 5);
        const QImage image = HeatmapRenderer::render(frame);
        for (int x = 4 * 32; x < 4 * 32 + 31; ++x)
            QCOMPARE(image.pixel(x, 10), frame.palette.image);
        QCOMPARE(image.pixel(5 * 32 + 10, 10), frame.palette.background);
        // Cells of 4 clusters: the second holds only cluster 4, fully allocated.
        const HeatmapLayout coarse = HeatmapLayout::withCellSize(5, 3, 2, 1, 1);
        const HeatmapRenderer::Frame coarseFrame = frameFor(pyramid, coarse, QSize(10, 1), 5);
        const QImage coarseImage = HeatmapRenderer::render(coarseFrame);
        QCOMPARE(coarseImage.pixel(0, 0), coarseFrame.palette.backing);
        QCOMPARE(coarseImage.pixel(1, 0), coarseFrame.palette.image);
        QCOMPARE(coarseImage.pixel(2, 0), coarseFrame.palette.background);
    }

    void allAllocatedIsAllImage() // R14
    {
        const auto pyramid = ClusterPyramid::allAllocated(12345);
        for (const int cellLog2 : {0, 3, 8, 13}) {
            const HeatmapLayout layout = HeatmapLayout::withCellSize(12345, 13, cellLog2, cellLog2 == 0 ? 4 : 1, 4);
            HeatmapRenderer::Frame frame = frameFor(pyramid, layout, QSize(320, 240), 0);
            const QImage image = HeatmapRenderer::render(frame);
            QCOMPARE(cellPixel(image, layout, 0), frame.palette.image);
            // The last cluster, scrolled to the top left of the frame.
            const quint64 last = layout.cellOfCluster(12344);
            frame.topPx = layout.cellTopPx(last);
            frame.leftPx = std::max(0, layout.cellLeftPx(last) - 8);
            const QImage end = HeatmapRenderer::render(frame);
            QCOMPARE(end.pixel(layout.cellLeftPx(last) - int(frame.leftPx), 1), frame.palette.image);
            if (layout.columnOfCell(last) + 1 < layout.columns())
                QCOMPARE(end.pixel(layout.cellLeftPx(last + 1) - int(frame.leftPx), 1), frame.palette.background);
        }
    }

    void matchesPerCellReference_data()
    {
        QTest::addColumn<int>("rowLog2");
        QTest::addColumn<int>("cellLog2");
        QTest::addColumn<double>("cellWidth");
        QTest::addColumn<double>("cellHeight");
        QTest::addColumn<qint64>("leftPx");
        for (const int cellLog2 : {0, 1, 3, 5, 6, 7, 8, 9, 12}) {
            const double width = cellLog2 == 0 ? 9.3 : (cellLog2 < 6 ? 3 : 1.4);
            QTest::newRow(qPrintable(QStringLiteral("R13 cells of 2^%1").arg(cellLog2))) << std::max(cellLog2 + 5, 9) << cellLog2 << width << 7.5 << qint64(0);
        }
        QTest::newRow("R13 scrolled sideways") << 10 << 0 << 4.0 << 4.0 << qint64(1033);
    }
    void matchesPerCellReference()
    {
        // Every pixel against a slow reference: the exact count of its cell's clusters.
        QFETCH(int, rowLog2);
        QFETCH(int, cellLog2);
        QFETCH(double, cellWidth);
        QFETCH(double, cellHeight);
        QFETCH(qint64, leftPx);
        const quint64 clusterCount = 50003; // R15: not a multiple of any cell
        auto bitmap = std::make_shared<ClusterBitmap>(clusterCount);
        quint64 state = 12345;
        for (quint64 c = 0; c < clusterCount; ++c) {
            state = state * 6364136223846793005ULL + 1442695040888963407ULL;
            if ((state >> 60) == 0 || (c / 3000) % 3 == 1)
                bitmap->set(c);
        }
        const HeatmapLayout layout = HeatmapLayout::withCellSize(clusterCount, rowLog2, cellLog2, cellWidth, cellHeight);
        HeatmapRenderer::Frame frame = frameFor(builtPyramid(bitmap), layout, QSize(257, 120), 12345);
        frame.topPx = layout.contentHeightPx() > 240 ? layout.contentHeightPx() / 2 - 7 : 0;
        frame.leftPx = leftPx;
        const QImage image = HeatmapRenderer::render(frame);
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x) {
                const quint64 contentY = frame.topPx + quint64(y);
                const qint64 contentX = frame.leftPx + x;
                const std::optional<quint64> cell = layout.cellAt(contentX, contentY);
                if (layout.hasGrid() && cell
                    && (contentX + 1 == layout.columnLeftPx(layout.columnOfCell(*cell) + 1) || contentY + 1 == layout.rowTopPx(layout.rowOfCell(*cell) + 1)))
                    continue; // grid lines
                const QRgb expected = cell ? expectedColor(frame, *bitmap, layout.clustersOfCell(*cell)) : frame.palette.background;
                if (image.pixel(x, y) != expected) {
                    qWarning() << "pixel" << x << y << "cell" << (cell ? *cell : 0);
                    QCOMPARE(image.pixel(x, y), expected);
                }
            }
        }
    }

    void fitZoomMatchesPerCellReference_data()
    {
        QTest::addColumn<quint64>("clusterCount");
        QTest::addColumn<int>("pattern");
        // 2^30 clusters (64 TiB) fit 1600x1000 in cells of 2048 clusters, the bench's coldest zoom;
        // 2^28 + 4099 (R15: a partial last cell) in cells of 512.
        for (const quint64 clusterCount : {quint64(1) << 30, (quint64(1) << 28) + 4099}) {
            const QString size = clusterCount == (quint64(1) << 30) ? QStringLiteral("64 TiB") : QStringLiteral("16 TiB + 4099");
            QTest::newRow(qPrintable(QStringLiteral("R13 %1, runs and random words").arg(size))) << clusterCount << 0;
            QTest::newRow(qPrintable(QStringLiteral("R13 %1, lonely clusters").arg(size))) << clusterCount << 1;
            QTest::newRow(qPrintable(QStringLiteral("R13 %1, all allocated but a few").arg(size))) << clusterCount << 2;
        }
    }
    void fitZoomMatchesPerCellReference()
    {
        // A whole 1600x1000 frame at the fit zoom, every pixel against the exact count of its
        // cell's clusters (clean cells: backing file, backing zeros or zeros, R13).
        QFETCH(quint64, clusterCount);
        QFETCH(int, pattern);
        const quint64 wordCount = (clusterCount + 63) / 64;
        std::vector<quint64> words(wordCount, pattern == 2 ? ~quint64(0) : 0);
        quint64 state = 4242 + quint64(pattern);
        const auto next = [&state] {
            state = state * 6364136223846793005ULL + 1442695040888963407ULL;
            return state ^ (state >> 29);
        };
        for (quint64 w = 0; w < wordCount; ++w) {
            if (pattern == 0) {
                const quint64 kind = (w >> 9) % 5; // runs of 512 words: full, clean, random, clean, a few bits
                words[w] = kind == 0 ? ~quint64(0) : kind == 2 ? next() : kind == 4 ? (next() & next() & next() & next()) : 0;
            } else if (pattern == 1 && (next() >> 52) == 0) {
                words[w] = quint64(1) << (next() & 63);
            } else if (pattern == 2 && (next() >> 54) == 0) {
                words[w] &= ~(quint64(1) << (next() & 63));
            }
        }
        auto bitmap = std::make_shared<ClusterBitmap>(ClusterBitmap::fromLittleEndianWords(words, clusterCount));
        words = {};
        const QSize sizePx(1600, 1000);
        const HeatmapLayout layout = HeatmapLayout::fit(clusterCount, -1, sizePx, 32);
        HeatmapRenderer::Frame frame = frameFor(builtPyramid(bitmap), layout, sizePx, clusterCount / 3 + 1234);
        // Backing zeros: whole cells, a part of a cell, and a range up to the backing file's end.
        const quint64 cellClusters = layout.clustersPerCell();
        frame.backingZeroRanges = std::make_shared<const QList<ClusterRange>>(QList<ClusterRange>{
            {cellClusters * 10, cellClusters * 40}, {cellClusters * 100 + 5, cellClusters}, {clusterCount / 3 - cellClusters * 7, cellClusters * 7 + 1234}});
        const QImage image = HeatmapRenderer::render(frame);
        QCOMPARE(image.size(), sizePx);
        QVERIFY(!layout.hasGrid());

        std::vector<QRgb> cellColors(layout.cellCount());
        for (quint64 cell = 0; cell < layout.cellCount(); ++cell)
            cellColors[cell] = expectedColor(frame, *bitmap, layout.clustersOfCell(cell));
        std::vector<int> columnOfX(sizePx.width(), -1);
        for (int x = 0; x < std::min(sizePx.width(), layout.contentWidthPx()); ++x)
            columnOfX[x] = layout.columnAtPx(x);
        int mismatches = 0;
        for (int y = 0; y < sizePx.height(); ++y) {
            const bool rowInside = quint64(y) < layout.contentHeightPx();
            const quint64 row = rowInside ? layout.rowAtPx(quint64(y)) : 0;
            const auto *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
            for (int x = 0; x < sizePx.width(); ++x) {
                const quint64 cell = row * quint64(layout.columns()) + quint64(columnOfX[x]);
                const QRgb expected = rowInside && columnOfX[x] >= 0 && cell < layout.cellCount() ? cellColors[cell] : frame.palette.background;
                if (line[x] != expected && ++mismatches <= 5)
                    qWarning() << "pixel" << x << y << "cell" << cell << Qt::hex << line[x] << "expected" << expected;
            }
        }
        QCOMPARE(mismatches, 0);
        // Not a frame of one colour: the kinds of cells each bitmap has are there.
        const QSet<QRgb> colors(cellColors.cbegin(), cellColors.cend());
        if (pattern == 0)
            QVERIFY(colors.size() >= 5);
        if (pattern == 1)
            QVERIFY(colors.contains(frame.palette.backingZero) && colors.contains(frame.palette.backing) && colors.contains(frame.palette.zero)
                    && colors.contains(frame.palette.ramp[0]));
        if (pattern == 2) // nearly full cells are never drawn full
            QVERIFY(colors.contains(frame.palette.image) && colors.contains(frame.palette.ramp[HeatmapRenderer::Palette::RampSteps - 2]));
    }

    void regionMatchesFullFrame()
    {
        auto bitmap = std::make_shared<ClusterBitmap>(50000);
        for (quint64 c = 0; c < 50000; c += 7)
            bitmap->set(c);
        bitmap->setRange({1000, 5000});
        const auto pyramid = builtPyramid(bitmap);
        for (const int cellLog2 : {0, 2, 4}) {
            const HeatmapLayout layout = HeatmapLayout::withCellSize(50000, 9, cellLog2, cellLog2 == 0 ? 8.6 : 2.5, 8.6);
            HeatmapRenderer::Frame frame = frameFor(pyramid, layout, QSize(333, 200), 30000);
            frame.topPx = 37;
            frame.leftPx = cellLog2 == 0 ? 501 : 0;
            const QImage full = HeatmapRenderer::render(frame);
            frame.regionPx = QRect(45, 61, 100, 50);
            const QImage part = HeatmapRenderer::render(frame);
            QCOMPARE(part.size(), QSize(100, 50));
            QCOMPARE(part, full.copy(45, 61, 100, 50));
        }
    }

    void pendingUntilCounted()
    {
        // Three chunks; only the first is counted: cells of more than a word past it are
        // painted pending, and the outcome says so; counted and word-sized cells are exact.
        const quint64 chunk = quint64(1) << ClusterPyramid::ChunkClustersLog2;
        auto bitmap = std::make_shared<ClusterBitmap>(3 * chunk);
        bitmap->setRange({0, 100});
        bitmap->setRange({2 * chunk, 100});
        auto pyramid = std::make_shared<ClusterPyramid>(bitmap);
        pyramid->buildChunks(1);
        const HeatmapLayout layout = HeatmapLayout::withCellSize(3 * chunk, ClusterPyramid::ChunkClustersLog2, 12, 1, 4); // 512 cells per row, one chunk per row
        const HeatmapRenderer::Frame frame = frameFor(pyramid, layout, QSize(512, 12), 0);
        HeatmapRenderer::Outcome outcome = HeatmapRenderer::renderFrame(frame);
        QVERIFY(outcome.pendingShown);
        QCOMPARE(outcome.image.pixel(0, 1), frame.palette.ramp[0]); // 100 of 4096: counted, step 1
        QCOMPARE(outcome.image.pixel(0, 9), frame.palette.pending); // chunk 2, not counted
        QCOMPARE(outcome.image.pixel(100, 5), frame.palette.pending);
        // Word-sized cells are read from the bitmap itself: never pending.
        const HeatmapLayout fine = HeatmapLayout::withCellSize(3 * chunk, 12, 6, 1, 1);
        HeatmapRenderer::Frame fineFrame = frameFor(pyramid, fine, QSize(64, 4), 0);
        fineFrame.topPx = fine.rowTopPx((2 * chunk) >> 12);
        outcome = HeatmapRenderer::renderFrame(fineFrame);
        QVERIFY(!outcome.pendingShown);
        QCOMPARE(outcome.image.pixel(0, 0), fineFrame.palette.image);
        QCOMPARE(outcome.image.pixel(1, 0), fineFrame.palette.ramp[HeatmapRenderer::Palette::rampStep(36, 64) - 1]);
        pyramid->buildChunks();
        outcome = HeatmapRenderer::renderFrame(frame);
        QVERIFY(!outcome.pendingShown);
        QCOMPARE(outcome.image.pixel(0, 9), frame.palette.ramp[0]);
    }

    void cancelStopsRendering()
    {
        const auto pyramid = builtPyramid(std::make_shared<ClusterBitmap>(100000));
        const HeatmapRenderer::Frame frame = frameFor(pyramid, HeatmapLayout::withCellSize(100000, 9, 0, 1, 1), QSize(400, 400), 0);
        QVERIFY(HeatmapRenderer::renderFrame(frame, [] {
                    return true;
                }).image.isNull());
    }

    void rendersOffTheGuiThread()
    {
        auto bitmap = std::make_shared<ClusterBitmap>(100000);
        bitmap->setRange({0, 50000});
        const auto pyramid = builtPyramid(bitmap);
        HeatmapRenderer renderer;
        int finishedCount = 0;
        QImage image;
        quint64 serial = 0;
        bool canceled = true;
        connect(&renderer, &HeatmapRenderer::finished, this, [&](const HeatmapRenderer::Outcome &outcome, const HeatmapRenderer::Frame &done, bool wasCanceled) {
            ++finishedCount;
            image = outcome.image;
            serial = done.serial;
            canceled = wasCanceled;
        });
        HeatmapRenderer::Frame frame = frameFor(pyramid, HeatmapLayout::withCellSize(100000, 9, 0, 1, 1), QSize(400, 300), 0);
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
