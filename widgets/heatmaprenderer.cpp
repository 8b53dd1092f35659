// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "heatmaprenderer.h"

#include "largememory.h"
#include "sourcecolors.h"

#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cstring>
#include <utility>
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

// Walks sorted, disjoint ranges forward: whether [first, end) lies inside one of them.
class RangeCursor
{
public:
    explicit RangeCursor(const QList<ClusterRange> *ranges)
        : m_ranges(ranges)
    {
    }
    void seek(quint64 cluster)
    {
        if (!m_ranges)
            return;
        m_index = std::lower_bound(m_ranges->cbegin(), m_ranges->cend(), cluster, [](ClusterRange range, quint64 c) {
                      return range.end() <= c;
                  })
            - m_ranges->cbegin();
    }
    bool covers(quint64 first, quint64 end)
    {
        if (!m_ranges)
            return false;
        while (m_index < m_ranges->size() && m_ranges->at(m_index).end() <= first)
            ++m_index;
        return m_index < m_ranges->size() && m_ranges->at(m_index).first <= first && m_ranges->at(m_index).end() >= end;
    }

private:
    const QList<ClusterRange> *m_ranges;
    qsizetype m_index = 0;
};

// An RGB32 image whose pixels live in allocateLarge() memory: a 1600x1000 frame (6.1 MiB) is
// a few 2 MiB page faults instead of 1563 of 4 KiB, which cost 14 us each on a busy virtual
// machine (22 ms a frame, seven times the drawing; issue 13). Released when its last copy goes.
QImage frameImage(QSize size)
{
    const qsizetype bytesPerLine = qsizetype(size.width()) * qsizetype(sizeof(QRgb));
    const std::size_t bytes = std::size_t(bytesPerLine) * std::size_t(size.height());
    void *pixels = allocateLarge(bytes);
    return QImage(
        static_cast<uchar *>(pixels), size.width(), size.height(), bytesPerLine, QImage::Format_RGB32,
        [](void *info) {
            auto *memory = static_cast<std::pair<void *, std::size_t> *>(info);
            releaseLarge(memory->first, memory->second);
            delete memory;
        },
        new std::pair<void *, std::size_t>(pixels, bytes));
}

} // namespace

HeatmapRenderer::Palette HeatmapRenderer::Palette::standard(const QColor &background, const QColor &text)
{
    Palette palette;
    palette.background = background.rgb();
    palette.pending = mix(background.rgb(), text.rgb(), 0.12);
    palette.unreadable = qRgb(0xda, 0x44, 0x53);
    palette.image = sourceColor(DataSource::Image).rgb();
    palette.backing = sourceColor(DataSource::Backing).rgb();
    palette.zero = sourceColor(DataSource::Zero).rgb();
    palette.backingZero = backingZeroColor().rgb();
    palette.backingUnavailable = qRgb(0x5a, 0x44, 0x36); // dark brown: backing data, but none to show
    // Purple to indigo, evenly spaced on a line in OKLab from L 0.60 to L 0.42: apart from
    // orange, grey, teal and the image file's blue by lightness or hue for every kind of colour
    // vision, so one allocated cluster among clean ones never looks clean, and a nearly full
    // block never looks full (numbers in heatmaprenderertest).
    palette.ramp = {qRgb(0xa1, 0x5c, 0xd1), qRgb(0x90, 0x58, 0xc8), qRgb(0x7f, 0x54, 0xbf), qRgb(0x6e, 0x50, 0xb7),
                    qRgb(0x5e, 0x4b, 0xae), qRgb(0x4d, 0x46, 0xa5), qRgb(0x3b, 0x40, 0x9c)};
    return palette;
}

HeatmapRenderer::HeatmapRenderer(QObject *parent)
    : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, [this] {
        const QFuture<Outcome> future = m_watcher.future();
        const bool canceled = future.isCanceled() || future.resultCount() == 0;
        const Outcome outcome = canceled ? Outcome() : future.result();
        const Frame frame = std::move(m_running);
        m_running = Frame();
        m_busy = false;
        Q_EMIT finished(outcome, frame, canceled || outcome.image.isNull());
    });
}

HeatmapRenderer::~HeatmapRenderer()
{
    m_watcher.cancel();
    m_watcher.waitForFinished();
}

QRgb HeatmapRenderer::cleanColor(const Frame &frame, ClusterRange cell)
{
    // R13: clean clusters at or past the backing file's end read as zeros.
    if (cell.first >= frame.backingEndCluster)
        return frame.palette.zero;
    if (frame.backingZeroRanges) {
        RangeCursor cursor(frame.backingZeroRanges.get());
        cursor.seek(cell.first);
        if (cursor.covers(cell.first, std::min(cell.end(), frame.backingEndCluster)))
            return frame.palette.backingZero;
    }
    return frame.palette.backing;
}

HeatmapRenderer::Outcome HeatmapRenderer::renderFrame(const Frame &frame, const std::function<bool()> &isCanceled)
{
    Outcome outcome;
    const QRect region = frame.effectiveRegion();
    if (region.isEmpty())
        return outcome;
    QImage image = frameImage(region.size());
    image.setDevicePixelRatio(frame.devicePixelRatio);

    const HeatmapLayout &layout = frame.layout;
    const Palette &palette = frame.palette;
    const ClusterPyramid *pyramid = frame.pyramid.get();
    const int clustersLog2 = layout.clustersPerCellLog2();
    const quint64 clustersPerCell = layout.clustersPerCell();
    const quint64 clusterCount = layout.clusterCount();
    const quint64 columns = quint64(layout.columns());
    const int width = region.width();

    // The columns under the region, and where each starts in region pixels.
    const qint64 firstX = frame.leftPx + region.left();
    const qint64 endX = std::min<qint64>(firstX + width, layout.contentWidthPx());
    int firstColumn = 0;
    int endColumn = 0;
    if (pyramid && firstX < endX && endX > 0) {
        firstColumn = layout.columnAtPx(int(std::max<qint64>(firstX, 0)));
        endColumn = layout.columnAtPx(int(endX - 1)) + 1;
    }
    const int spanColumns = endColumn - firstColumn;
    std::vector<int> edges(spanColumns + 1);
    for (int i = 0; i <= spanColumns; ++i)
        edges[i] = int(std::clamp<qint64>(qint64(layout.columnLeftPx(firstColumn + i)) - firstX, 0, width));
    const bool grid = layout.hasGrid();

    // Whole cells of few clusters (the usual case) take their ramp step from a table, bigger
    // ones by a shift: Palette::rampStep() for a power of two, without its division per cell.
    constexpr int TableMaxLog2 = 10;
    std::vector<quint8> stepTable;
    if (clustersLog2 <= TableMaxLog2) {
        stepTable.resize(clustersPerCell + 1);
        for (quint64 a = 0; a <= clustersPerCell; ++a)
            stepTable[a] = quint8(Palette::rampStep(a, clustersPerCell));
    }
    const auto wholeCellStep = [&stepTable, clustersPerCell, clustersLog2](quint64 allocated) {
        if (!stepTable.empty())
            return int(stepTable[std::min(allocated, clustersPerCell)]);
        if (allocated == 0)
            return 0;
        if (allocated >= clustersPerCell)
            return Palette::RampSteps;
        return 1 + int((allocated * (Palette::RampSteps - 1)) >> clustersLog2);
    };
    // Cells from this index on start at or past the backing file's end (R13).
    const quint64 firstZeroCell = (frame.backingEndCluster + clustersPerCell - 1) >> clustersLog2;
    const bool partialLast = (clusterCount & (clustersPerCell - 1)) != 0; // R15
    // While the pyramid is being built, blocks of more than a word may not be counted yet.
    const bool checkCounted = pyramid && !pyramid->isComplete() && clustersLog2 > ClusterPyramid::WordClustersLog2;
    RangeCursor zeroRanges(frame.backingZeroRanges.get());

    std::vector<quint64> counts(spanColumns);
    std::vector<QRgb> line(width);
    std::vector<QRgb> gridLine(width);

    quint64 cachedRow = ~quint64(0);
    for (int y = region.top(); y <= region.bottom(); ++y) {
        if (isCanceled && ((y - region.top()) & 31) == 0 && isCanceled())
            return Outcome();
        auto *out = reinterpret_cast<QRgb *>(image.scanLine(y - region.top()));
        const quint64 contentY = frame.topPx + quint64(y);
        if (!pyramid || contentY >= layout.contentHeightPx() || spanColumns <= 0) {
            std::fill(out, out + width, palette.background);
            continue;
        }
        const quint64 row = layout.rowAtPx(contentY);
        if (row != cachedRow) {
            cachedRow = row;
            // One pass per layout row: the counts of the visible cells, their colours, the pixels.
            const quint64 firstCell = row * columns + quint64(firstColumn);
            int cells = 0;
            if (firstCell < layout.cellCount())
                cells = int(std::min<quint64>(quint64(spanColumns), layout.cellCount() - firstCell));
            pyramid->countAlignedBlocks(clustersLog2, firstCell, quint64(cells), counts.data());
            std::fill(line.begin(), line.end(), palette.background);
            std::fill(gridLine.begin(), gridLine.end(), palette.background);
            zeroRanges.seek(firstCell << clustersLog2);
            for (int i = 0; i < cells; ++i) {
                const quint64 cell = firstCell + quint64(i);
                const quint64 firstCluster = cell << clustersLog2;
                int step;
                if (partialLast && cell == layout.cellCount() - 1)
                    step = Palette::rampStep(counts[i], clusterCount - firstCluster);
                else
                    step = wholeCellStep(counts[i]);
                QRgb color;
                if (checkCounted && !pyramid->isCounted(layout.clustersOfCell(cell))) {
                    color = palette.pending;
                    outcome.pendingShown = true;
                } else if (step > 0) {
                    color = palette.stepColor(step, palette.image);
                } else if (cell >= firstZeroCell) {
                    color = palette.zero;
                } else {
                    const quint64 cleanEnd = std::min(firstCluster + clustersPerCell, frame.backingEndCluster);
                    color = zeroRanges.covers(firstCluster, cleanEnd) ? palette.backingZero : palette.backing;
                }
                const int from = edges[i];
                const int to = edges[i + 1];
                if (from >= to)
                    continue;
                std::fill(line.begin() + from, line.begin() + to, color);
                if (!grid)
                    continue;
                const QRgb shade = gridShade(color);
                std::fill(gridLine.begin() + from, gridLine.begin() + to, shade);
                // The cell's last pixel column, when it is inside the region.
                if (qint64(layout.columnLeftPx(firstColumn + i + 1)) - firstX == to)
                    line[to - 1] = gridLine[to - 1] = shade;
            }
        }
        const bool gridRow = grid && contentY + 1 == layout.rowTopPx(row + 1);
        std::memcpy(out, gridRow ? gridLine.data() : line.data(), width * sizeof(QRgb));
    }
    outcome.image = std::move(image);
    return outcome;
}

void HeatmapRenderer::start(const Frame &frame)
{
    Q_ASSERT(!m_busy);
    m_running = frame;
    m_busy = true;
    m_watcher.setFuture(QtConcurrent::run(
        [](QPromise<Outcome> &promise, const Frame &frame) {
            Outcome outcome = renderFrame(frame, [&promise] {
                return promise.isCanceled();
            });
            if (!outcome.image.isNull())
                promise.addResult(std::move(outcome));
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
