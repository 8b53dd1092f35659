// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "heatmaprenderer.h"

#include "sourcecolors.h"

#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <bit>
#include <cstring>
#include <vector>

namespace AddCow
{

namespace
{

QRgb mix(QRgb from, QRgb to, double t)
{
    const auto channel = [t](int a, int b) {
        return int(a + (b - a) * t + 0.5);
    };
    return qRgb(channel(qRed(from), qRed(to)), channel(qGreen(from), qGreen(to)), channel(qBlue(from), qBlue(to)));
}

QRgb gridShade(QRgb color)
{
    return qRgb(qRed(color) * 3 / 4, qGreen(color) * 3 / 4, qBlue(color) * 3 / 4);
}

std::array<QRgb, HeatmapRenderer::Palette::RampSteps + 1> makeRamp(QRgb clean, QRgb image)
{
    constexpr int steps = HeatmapRenderer::Palette::RampSteps;
    std::array<QRgb, steps + 1> ramp{};
    ramp[0] = clean;
    ramp[steps] = image;
    // Partial steps start a visible jump away from clean, so one allocated cluster shows.
    for (int s = 1; s < steps; ++s)
        ramp[s] = mix(clean, image, 0.25 + 0.6 * double(s - 1) / double(steps - 2));
    return ramp;
}

} // namespace

HeatmapRenderer::Palette HeatmapRenderer::Palette::standard(const QColor &background)
{
    Palette palette;
    palette.background = background.rgb();
    palette.unreadable = qRgb(0xda, 0x44, 0x53);
    const QRgb image = sourceColor(DataSource::Image).rgb();
    palette.backingRamp = makeRamp(sourceColor(DataSource::Backing).rgb(), image);
    palette.zeroRamp = makeRamp(sourceColor(DataSource::Zero).rgb(), image);
    return palette;
}

HeatmapRenderer::HeatmapRenderer(QObject *parent)
    : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<QImage>::finished, this, [this] {
        const QFuture<QImage> future = m_watcher.future();
        const bool canceled = future.isCanceled() || future.resultCount() == 0;
        const QImage image = canceled ? QImage() : future.result();
        const Frame frame = std::move(m_running);
        m_running = Frame();
        m_busy = false;
        Q_EMIT finished(image, frame, canceled);
    });
}

HeatmapRenderer::~HeatmapRenderer()
{
    m_watcher.cancel();
    m_watcher.waitForFinished();
}

QRgb HeatmapRenderer::cellColor(const Frame &frame, quint64 firstCluster, quint64 total, quint64 allocated)
{
    const int step = Palette::rampStep(allocated, total);
    // R13: clean clusters at or past the backing file's end read as zeros. A cell whose clean
    // clusters all lie there belongs to the zero family, even if it starts inside the file.
    bool zeroFamily = firstCluster >= frame.backingEndCluster;
    if (!zeroFamily && firstCluster + total > frame.backingEndCluster && frame.pyramid) {
        const ClusterRange inBacking{firstCluster, frame.backingEndCluster - firstCluster};
        zeroFamily = frame.pyramid->countAllocated(inBacking) == inBacking.count;
    }
    return zeroFamily ? frame.palette.zeroRamp[step] : frame.palette.backingRamp[step];
}

QImage HeatmapRenderer::render(const Frame &frame, const std::function<bool()> &isCanceled)
{
    const QRect region = frame.effectiveRegion();
    if (region.isEmpty())
        return QImage();
    QImage image(region.size(), QImage::Format_RGB32);
    image.setDevicePixelRatio(frame.devicePixelRatio);

    const HeatmapLayout &layout = frame.layout;
    const int cellSize = layout.cellSizePx();
    const int cellShift = std::countr_zero(unsigned(cellSize));
    const int clustersLog2 = layout.clustersPerCellLog2();
    const quint64 clustersPerCell = layout.clustersPerCell();
    const quint64 clusterCount = layout.clusterCount();
    const Palette &palette = frame.palette;
    constexpr int steps = Palette::RampSteps;

    // Whole cells of one family (the usual case) take their colour from a table indexed by
    // the allocated count when cells are small, or from the ramp step otherwise.
    constexpr int TableMaxLog2 = 10;
    std::vector<QRgb> backingTable;
    std::vector<QRgb> zeroTable;
    if (clustersLog2 <= TableMaxLog2) {
        backingTable.resize(clustersPerCell + 1);
        zeroTable.resize(clustersPerCell + 1);
        for (quint64 a = 0; a <= clustersPerCell; ++a) {
            backingTable[a] = palette.backingRamp[Palette::rampStep(a, clustersPerCell)];
            zeroTable[a] = palette.zeroRamp[Palette::rampStep(a, clustersPerCell)];
        }
    }
    const auto wholeCellColor = [&](const auto &ramp, quint64 allocated) {
        if (allocated == 0)
            return ramp[0];
        if (allocated == clustersPerCell)
            return ramp[steps];
        return ramp[1 + int((allocated * (steps - 1)) >> clustersLog2)]; // clustersPerCell is 2^clustersLog2
    };

    const int width = region.width();
    const int firstColumn = region.left() >> cellShift;
    const int endColumn = std::min(layout.columns(), ((region.right() + 1) + cellSize - 1) >> cellShift);
    const int spanColumns = std::max(0, endColumn - firstColumn);
    // Cells from this index on start at or past the backing file's end (R13).
    const quint64 firstZeroCell = (frame.backingEndCluster + clustersPerCell - 1) >> clustersLog2;
    const bool straddles = (frame.backingEndCluster & (clustersPerCell - 1)) != 0 && frame.backingEndCluster < clusterCount;
    const bool partialLast = (clusterCount & (clustersPerCell - 1)) != 0; // R15

    std::vector<quint64> counts(spanColumns);
    std::vector<QRgb> cellColors(spanColumns);
    std::vector<QRgb> line(cellSize > 1 ? width : 0);
    std::vector<QRgb> gridLine(cellSize > 1 ? width : 0);

    quint64 cachedRow = ~quint64(0);
    for (int y = region.top(); y <= region.bottom(); ++y) {
        if (isCanceled && ((y - region.top()) & 31) == 0 && isCanceled())
            return QImage();
        auto *out = reinterpret_cast<QRgb *>(image.scanLine(y - region.top()));
        const quint64 contentY = frame.topPx + quint64(y);
        const quint64 row = contentY >> cellShift;
        if (!frame.pyramid || row >= layout.rowCount()) {
            std::fill(out, out + width, palette.background);
            continue;
        }
        if (row != cachedRow) {
            cachedRow = row;
            // One pass per layout row: the counts of the visible cells, then their colours;
            // with one-pixel cells the colours go straight into the scan line.
            const quint64 firstCell = row * quint64(layout.columns()) + quint64(firstColumn);
            int cells = 0;
            if (firstCell < layout.cellCount())
                cells = int(std::min<quint64>(spanColumns, layout.cellCount() - firstCell));
            QRgb *colors = cellSize == 1 ? out + (firstColumn - region.left()) : cellColors.data();
            frame.pyramid->countAlignedBlocks(clustersLog2, firstCell, quint64(cells), counts.data());
            const int split = int(std::clamp<qint64>(qint64(firstZeroCell) - qint64(firstCell), 0, cells));
            if (!backingTable.empty()) {
                for (int i = 0; i < split; ++i)
                    colors[i] = backingTable[counts[i]];
                for (int i = split; i < cells; ++i)
                    colors[i] = zeroTable[counts[i]];
            } else {
                for (int i = 0; i < split; ++i)
                    colors[i] = wholeCellColor(palette.backingRamp, counts[i]);
                for (int i = split; i < cells; ++i)
                    colors[i] = wholeCellColor(palette.zeroRamp, counts[i]);
            }
            const auto recolor = [&](quint64 cell) {
                if (cell < firstCell || cell >= firstCell + quint64(cells))
                    return;
                const quint64 first = cell << clustersLog2;
                const int i = int(cell - firstCell);
                colors[i] = cellColor(frame, first, std::min(clustersPerCell, clusterCount - first), counts[i]);
            };
            // The cell the backing file ends in, and the partial last cell (R15).
            if (straddles)
                recolor(firstZeroCell - 1);
            if (partialLast)
                recolor(layout.cellCount() - 1);
            if (cellSize == 1) {
                std::fill(out, out + (firstColumn - region.left()), palette.background);
                std::fill(colors + cells, out + width, palette.background);
                cachedRow = ~quint64(0); // the next row is another layout row anyway
                continue;
            }
            // Cells of several pixels: build the pixel line once, with the grid.
            const bool grid = layout.hasGrid();
            std::fill(line.begin(), line.end(), palette.background);
            std::fill(gridLine.begin(), gridLine.end(), palette.background);
            for (int i = 0; i < cells; ++i) {
                const int cellLeft = (firstColumn + i) << cellShift;
                const int from = std::max(cellLeft, region.left()) - region.left();
                const int to = std::min(cellLeft + cellSize, region.right() + 1) - region.left();
                const QRgb color = cellColors[i];
                std::fill(line.begin() + from, line.begin() + to, color);
                if (!grid)
                    continue;
                const QRgb shade = gridShade(color);
                std::fill(gridLine.begin() + from, gridLine.begin() + to, shade);
                if (cellLeft + cellSize - 1 <= region.right())
                    line[cellLeft + cellSize - 1 - region.left()] = shade;
            }
        }
        if (cellSize == 1)
            continue; // written above
        const bool gridRow = layout.hasGrid() && (contentY & quint64(cellSize - 1)) == quint64(cellSize - 1);
        std::memcpy(out, gridRow ? gridLine.data() : line.data(), width * sizeof(QRgb));
    }
    return image;
}

void HeatmapRenderer::start(const Frame &frame)
{
    Q_ASSERT(!m_busy);
    m_running = frame;
    m_busy = true;
    m_watcher.setFuture(QtConcurrent::run(
        [](QPromise<QImage> &promise, const Frame &frame) {
            QImage image = render(frame, [&promise] {
                return promise.isCanceled();
            });
            if (!image.isNull())
                promise.addResult(std::move(image));
        },
        frame));
}

bool HeatmapRenderer::isBusy() const
{
    return m_busy;
}

void HeatmapRenderer::cancel()
{
    if (m_busy)
        m_watcher.cancel();
}

void HeatmapRenderer::waitForFinished()
{
    m_watcher.waitForFinished();
}

} // namespace AddCow
