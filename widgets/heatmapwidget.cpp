// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "heatmapwidget.h"

#include "format.h"
#include "heatmapkeyboardcontroller.h"
#include "heatmapmousecontroller.h"

#include <QGestureEvent>
#include <QHelpEvent>
#include <QLocale>
#include <QPaintEvent>
#include <QPainter>
#include <QScrollBar>
#include <QTimer>
#include <QToolTip>

#include <algorithm>
#include <bit>
#include <climits>
#include <cmath>
#include <cstring>

using namespace Qt::StringLiterals;

namespace AddCow
{

namespace
{

constexpr int FlashIntervalMs = 150;
constexpr int FlashTicks = 8;
constexpr qreal MinOverlayPx = 3.0; // overlays stay visible when a range is below a pixel

QRectF atLeast(QRectF rect, qreal minSide)
{
    if (rect.width() < minSide)
        rect.adjust(-(minSide - rect.width()) / 2, 0, (minSide - rect.width()) / 2, 0);
    if (rect.height() < minSide)
        rect.adjust(0, -(minSide - rect.height()) / 2, 0, (minSide - rect.height()) / 2);
    return rect;
}

QList<QRectF> scaled(const QList<QRect> &rects, qreal devicePixelRatio)
{
    QList<QRectF> out;
    out.reserve(rects.size());
    for (const QRect &rect : rects)
        out.append(QRectF(rect.x() / devicePixelRatio, rect.y() / devicePixelRatio, rect.width() / devicePixelRatio, rect.height() / devicePixelRatio));
    return out;
}

// Unreadable ranges: hatched red where there is room, solid red where there is not.
void paintUnreadable(QPainter &painter, const QList<QRectF> &rects, const QColor &color)
{
    for (const QRectF &raw : rects) {
        const QRectF rect = atLeast(raw, MinOverlayPx);
        if (rect.width() >= 6 && rect.height() >= 6)
            painter.fillRect(rect, QBrush(color, Qt::BDiagPattern));
        else
            painter.fillRect(rect, color);
        painter.setPen(QPen(color, 1));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(rect.adjusted(0.5, 0.5, -0.5, -0.5));
    }
}

QString hexOffset(quint64 offsetBytes)
{
    return u"0x"_s + QString::number(offsetBytes, 16);
}

} // namespace

HeatmapWidget::HeatmapWidget(QWidget *parent)
    : QAbstractScrollArea(parent)
    , m_palette(HeatmapRenderer::Palette::standard(palette().color(QPalette::Base)))
    , m_mouse(std::make_unique<HeatmapMouseController>(this))
    , m_keyboard(std::make_unique<HeatmapKeyboardController>(this))
{
    setFocusPolicy(Qt::StrongFocus);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // Always on: a bar that comes and goes would change the width and so the layout.
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    viewport()->grabGesture(Qt::PinchGesture);
    setAccessibleName(tr("Cluster map"));

    m_renderer = new HeatmapRenderer(this);
    connect(m_renderer, &HeatmapRenderer::finished, this, &HeatmapWidget::onFrameFinished);

    m_flashTimer = new QTimer(this);
    m_flashTimer->setInterval(FlashIntervalMs);
    connect(m_flashTimer, &QTimer::timeout, this, [this] {
        if (++m_flashTicks >= FlashTicks)
            m_flashTimer->stop();
        viewport()->update();
    });
    relayout(std::nullopt, 0);
    updateAccessibleDescription();
}

HeatmapWidget::~HeatmapWidget()
{
    m_renderer->cancel();
    m_renderer->waitForFinished();
}

qreal HeatmapWidget::dpr() const
{
    return viewport()->devicePixelRatioF();
}

QSize HeatmapWidget::viewportSizePx() const
{
    const qreal ratio = dpr();
    return QSize(int(std::ceil(viewport()->width() * ratio)), int(std::ceil(viewport()->height() * ratio)));
}

QPoint HeatmapWidget::toDevice(QPoint viewportPos) const
{
    const qreal ratio = dpr();
    return QPoint(int(std::floor(viewportPos.x() * ratio)), int(std::floor(viewportPos.y() * ratio)));
}

int HeatmapWidget::finestZoomLevel() const
{
    // 32 x 32 logical pixels: 2^5 device pixels per logical 32 at ratio 1, 2^6 at ratio 2.
    const int cellPx = std::max(1, qRound(32 * dpr()));
    return -(int(std::bit_width(unsigned(cellPx))) - 1);
}

int HeatmapWidget::coarsestZoomLevel() const
{
    const QSize size = viewportSizePx();
    return std::max(finestZoomLevel(), HeatmapLayout::fitZoomLevel(m_clusterCount, size.width(), size.height(), finestZoomLevel()));
}

QSize HeatmapWidget::sizeHint() const
{
    return QSize(480, 320);
}

QSize HeatmapWidget::minimumSizeHint() const
{
    return QSize(120, 80);
}

void HeatmapWidget::setImageData(const ClusterBitmap &bitmap, quint64 virtualSizeBytes, quint64 backingFileSizeBytes, bool allAllocated, bool hasBackingFile)
{
    m_renderer->cancel(); // a running frame keeps its own reference to the old pyramid
    m_pendingUpdates.clear();
    m_clusterCount = clusterCountFor(virtualSizeBytes); // R11, the partial last cluster included (R15)
    if (allAllocated) {
        m_pyramid = std::make_shared<ClusterPyramid>(ClusterPyramid::allAllocated(m_clusterCount)); // R14
    } else if (bitmap.clusterCount() == m_clusterCount) {
        m_pyramid = std::make_shared<ClusterPyramid>(bitmap);
    } else {
        // A caller's bitmap of another length: bits past the end are dropped (R12), missing ones clear.
        m_pyramid = std::make_shared<ClusterPyramid>(ClusterBitmap::fromBytes(bitmap.toBytes(), m_clusterCount));
    }
    m_virtualSizeBytes = virtualSizeBytes;
    m_backingFileSizeBytes = hasBackingFile ? backingFileSizeBytes : 0;
    m_allAllocated = allAllocated;
    m_hasBackingFile = hasBackingFile;
    // R13: a clean cluster reads from the backing file when it starts before the file's end.
    m_backingEndCluster = (hasBackingFile && !allAllocated) ? std::min(m_clusterCount, clusterCountFor(backingFileSizeBytes)) : 0;
    ++m_generation;
    m_frameValid = false;
    m_unreadable.clear();
    m_markedCluster.reset();
    m_flashTimer->stop();
    m_cursorCluster = 0;
    m_selectionAnchor = {};
    m_fitMode = true;
    m_topPx = 0;
    relayout(std::nullopt, 0);
    changeSelection({});
    updateAccessibleDescription();
    Q_EMIT zoomChanged(); // the zoom limits follow the image
}

void HeatmapWidget::clear()
{
    m_renderer->cancel();
    m_pendingUpdates.clear();
    m_pyramid.reset();
    m_clusterCount = 0;
    m_virtualSizeBytes = 0;
    m_backingFileSizeBytes = 0;
    m_backingEndCluster = 0;
    m_allAllocated = false;
    m_hasBackingFile = false;
    ++m_generation;
    m_frame = QImage();
    m_frameValid = false;
    m_unreadable.clear();
    m_markedCluster.reset();
    m_flashTimer->stop();
    m_cursorCluster = 0;
    m_selectionAnchor = {};
    m_fitMode = true;
    m_topPx = 0;
    relayout(std::nullopt, 0);
    changeSelection({});
    updateAccessibleDescription();
    viewport()->update();
    Q_EMIT zoomChanged();
}

void HeatmapWidget::markAllocated(ClusterRange range)
{
    if (!m_pyramid || m_allAllocated)
        return;
    range = range.intersected({0, m_clusterCount});
    if (range.isEmpty())
        return;
    // The running frame reads the pyramid: queue the change until it is done.
    if (m_renderer->isBusy() && m_renderer->runningFrame().pyramid == m_pyramid)
        m_pendingUpdates.push_back(range);
    else
        m_pyramid->markAllocated(range);
    QRect dirty;
    for (const QRect &rect : m_layout.rectsForRange(range, m_topPx, viewportSizePx().height()))
        dirty |= rect;
    markDirty(dirty);
    updateAccessibleDescription();
}

void HeatmapWidget::setUnreadableRanges(const QList<ClusterRange> &ranges)
{
    // Sorted, so painting looks only at the ranges on screen (verify may report thousands).
    m_unreadable = ranges;
    std::sort(m_unreadable.begin(), m_unreadable.end(), [](ClusterRange a, ClusterRange b) {
        return a.first < b.first;
    });
    viewport()->update();
}

void HeatmapWidget::changeSelection(ClusterRange range)
{
    range = range.intersected({0, m_clusterCount});
    if (range.isEmpty())
        range = {};
    if (range == m_selection)
        return;
    m_selection = range;
    viewport()->update();
    Q_EMIT selectionChanged(range);
}

void HeatmapWidget::setSelection(ClusterRange range)
{
    m_selectionAnchor = range;
    changeSelection(range);
}

void HeatmapWidget::selectCell(ClusterRange cellClusters, bool extend)
{
    if (cellClusters.isEmpty())
        return;
    if (extend && !m_selectionAnchor.isEmpty()) {
        const quint64 first = std::min(m_selectionAnchor.first, cellClusters.first);
        const quint64 end = std::max(m_selectionAnchor.end(), cellClusters.end());
        changeSelection({first, end - first});
    } else {
        m_selectionAnchor = cellClusters;
        changeSelection(cellClusters);
    }
    m_cursorCluster = cellClusters.first;
    viewport()->update();
}

void HeatmapWidget::moveCursorTo(quint64 clusterIndex, bool extendSelection)
{
    if (m_clusterCount == 0)
        return;
    clusterIndex = std::min(clusterIndex, m_clusterCount - 1);
    selectCell(m_layout.clustersOfCell(m_layout.cellOfCluster(clusterIndex)), extendSelection);
    ensureClusterVisible(clusterIndex);
}

void HeatmapWidget::ensureClusterVisible(quint64 clusterIndex)
{
    if (clusterIndex >= m_clusterCount)
        return;
    const quint64 top = m_layout.cellTopPx(m_layout.cellOfCluster(clusterIndex));
    const quint64 cellSize = quint64(m_layout.cellSizePx());
    const quint64 height = quint64(std::max(1, viewportSizePx().height()));
    if (top < m_topPx)
        scrollToPx(top);
    else if (top + cellSize > m_topPx + height)
        scrollToPx(top + cellSize > height ? top + cellSize - height : 0);
}

void HeatmapWidget::activateCluster(quint64 clusterIndex)
{
    if (clusterIndex < m_clusterCount)
        Q_EMIT clusterActivated(clusterIndex);
}

void HeatmapWidget::goToCluster(quint64 clusterIndex)
{
    if (clusterIndex >= m_clusterCount)
        return;
    const quint64 cell = m_layout.cellOfCluster(clusterIndex);
    m_cursorCluster = m_layout.clustersOfCell(cell).first;
    m_markedCluster = clusterIndex;
    const quint64 centre = m_layout.cellTopPx(cell) + quint64(m_layout.cellSizePx()) / 2;
    const quint64 half = quint64(viewportSizePx().height()) / 2;
    scrollToPx(centre > half ? centre - half : 0);
    m_flashTicks = 0;
    m_flashTimer->start();
    viewport()->update();
}

void HeatmapWidget::zoomIn()
{
    setZoomLevel(m_zoomLevel - 1);
}

void HeatmapWidget::zoomOut()
{
    setZoomLevel(m_zoomLevel + 1);
}

void HeatmapWidget::zoomToFit()
{
    const int oldLevel = m_zoomLevel;
    m_fitMode = true;
    m_topPx = 0;
    relayout(std::nullopt, 0);
    if (oldLevel != m_zoomLevel)
        Q_EMIT zoomChanged();
}

void HeatmapWidget::setZoomLevel(int zoomLevel, std::optional<QPoint> anchorPos)
{
    zoomLevel = std::clamp(zoomLevel, finestZoomLevel(), coarsestZoomLevel());
    if (zoomLevel == m_zoomLevel)
        return;
    m_fitMode = false;
    const QPoint anchor = anchorPos.value_or(viewport()->rect().center());
    const QPoint device = toDevice(anchor);
    std::optional<quint64> anchorCluster;
    if (m_clusterCount > 0) {
        const quint64 cell = m_layout.nearestCellAt(device.x(), qint64(m_topPx) + device.y());
        anchorCluster = m_layout.clustersOfCell(cell).first;
    }
    m_zoomAnchor = anchor;
    m_zoomLevel = zoomLevel;
    relayout(anchorCluster, std::max(0, device.y()));
    Q_EMIT zoomChanged();
}

void HeatmapWidget::relayout(std::optional<quint64> anchorCluster, int anchorYPx)
{
    const QSize size = viewportSizePx();
    if (m_fitMode)
        m_zoomLevel = coarsestZoomLevel();
    m_zoomLevel = std::clamp(m_zoomLevel, finestZoomLevel(), coarsestZoomLevel());
    m_layout = HeatmapLayout(m_clusterCount, size.width(), m_zoomLevel);
    if (anchorCluster && m_clusterCount > 0) {
        const quint64 top = m_layout.cellTopPx(m_layout.cellOfCluster(std::min(*anchorCluster, m_clusterCount - 1)));
        m_topPx = top > quint64(anchorYPx) ? top - quint64(anchorYPx) : 0;
    }
    m_topPx = std::min(m_topPx, maxTopPx());
    updateScrollBar();
    scheduleFrame();
    viewport()->update();
}

quint64 HeatmapWidget::maxTopPx() const
{
    const quint64 content = m_layout.contentHeightPx();
    const quint64 height = quint64(std::max(0, viewportSizePx().height()));
    return content > height ? content - height : 0;
}

int HeatmapWidget::visibleRowCount() const
{
    return std::max(1, viewportSizePx().height() / m_layout.cellSizePx());
}

void HeatmapWidget::updateScrollBar()
{
    // 64-bit content on an int scroll bar: one bar step is m_scrollUnitPx pixels, a power of
    // two chosen so the range stays below 2^30.
    const quint64 maxTop = maxTopPx();
    quint64 unit = 1;
    while ((maxTop + unit - 1) / unit > (quint64(1) << 30))
        unit <<= 1;
    m_scrollUnitPx = unit;
    const quint64 height = quint64(std::max(1, viewportSizePx().height()));
    const quint64 lineStep = std::max<quint64>(quint64(m_layout.cellSizePx()), quint64(20 * dpr()));
    QScrollBar *bar = verticalScrollBar();
    m_syncingScrollBar = true;
    bar->setRange(0, int((maxTop + unit - 1) / unit));
    bar->setPageStep(int(std::max<quint64>(1, height / unit)));
    bar->setSingleStep(int(std::max<quint64>(1, lineStep / unit)));
    bar->setValue(m_topPx >= maxTop ? bar->maximum() : int(m_topPx / unit));
    m_syncingScrollBar = false;
}

void HeatmapWidget::scrollContentsBy(int dx, int dy)
{
    Q_UNUSED(dx)
    Q_UNUSED(dy)
    if (m_syncingScrollBar)
        return;
    const QScrollBar *bar = verticalScrollBar();
    const quint64 maxTop = maxTopPx();
    const quint64 top = bar->value() >= bar->maximum() ? maxTop : std::min(maxTop, quint64(std::max(0, bar->value())) * m_scrollUnitPx);
    if (top == m_topPx)
        return;
    m_topPx = top;
    scheduleFrame();
    viewport()->update();
}

void HeatmapWidget::scrollToPx(quint64 topPx)
{
    topPx = std::min(topPx, maxTopPx());
    if (topPx == m_topPx)
        return;
    m_topPx = topPx;
    updateScrollBar();
    scheduleFrame();
    viewport()->update();
}

HeatmapWidget::FrameKey HeatmapWidget::currentKey() const
{
    return FrameKey{m_zoomLevel, m_layout.widthPx(), viewportSizePx(), m_topPx, m_generation};
}

HeatmapWidget::FrameKey HeatmapWidget::keyOf(const HeatmapRenderer::Frame &frame) const
{
    return FrameKey{frame.layout.zoomLevel(), frame.layout.widthPx(), frame.sizePx, frame.topPx, frame.serial};
}

HeatmapRenderer::Frame HeatmapWidget::makeFrame(QRect regionPx) const
{
    HeatmapRenderer::Frame frame;
    frame.pyramid = m_pyramid;
    frame.layout = m_layout;
    frame.backingEndCluster = m_backingEndCluster;
    frame.topPx = m_topPx;
    frame.sizePx = viewportSizePx();
    frame.regionPx = regionPx;
    frame.devicePixelRatio = dpr();
    frame.palette = m_palette;
    frame.serial = m_generation;
    return frame;
}

bool HeatmapWidget::hasCurrentFrame() const
{
    if (!m_pyramid)
        return true;
    return m_frameValid && m_frameKey == currentKey() && m_dirtyPx.isEmpty() && m_pendingUpdates.empty() && !m_renderer->isBusy();
}

void HeatmapWidget::scheduleFrame()
{
    kickRenderer();
}

void HeatmapWidget::markDirty(QRect regionPx)
{
    if (regionPx.isEmpty())
        return;
    m_dirtyPx |= regionPx;
    kickRenderer();
}

void HeatmapWidget::applyPendingUpdates()
{
    if (!m_pyramid)
        return;
    for (const ClusterRange &range : m_pendingUpdates)
        m_pyramid->markAllocated(range);
    m_pendingUpdates.clear();
}

void HeatmapWidget::kickRenderer()
{
    if (!m_pyramid || !isVisible())
        return; // showEvent() asks again
    if (m_renderer->isBusy()) {
        // A frame for another zoom, size or image is useless: stop it. A frame for another
        // scroll position still helps (it is shown moved), so let it finish.
        const HeatmapRenderer::Frame &running = m_renderer->runningFrame();
        if (running.layout.zoomLevel() != m_zoomLevel || running.sizePx != viewportSizePx() || running.serial != m_generation)
            m_renderer->cancel();
        return;
    }
    applyPendingUpdates();
    const QSize size = viewportSizePx();
    if (size.isEmpty())
        return;
    if (!m_frameValid || !(m_frameKey == currentKey())) {
        m_dirtyPx = QRect();
        m_renderer->start(makeFrame(QRect()));
        return;
    }
    const QRect region = m_dirtyPx & QRect(QPoint(0, 0), size);
    m_dirtyPx = QRect();
    if (!region.isEmpty())
        m_renderer->start(makeFrame(region));
}

void HeatmapWidget::onFrameFinished(const QImage &image, const HeatmapRenderer::Frame &frame, bool canceled)
{
    if (!canceled && !image.isNull() && frame.serial == m_generation) {
        const QRect region = frame.effectiveRegion();
        if (region == QRect(QPoint(0, 0), frame.sizePx)) {
            m_frame = image;
            m_frameKey = keyOf(frame);
            m_frameValid = true;
            viewport()->update();
            Q_EMIT frameRendered();
        } else if (m_frameValid && keyOf(frame) == m_frameKey && m_frame.format() == image.format()) {
            // Only the dirty part was drawn: copy its rows into the frame, repaint that part.
            for (int y = 0; y < region.height(); ++y) {
                std::memcpy(m_frame.scanLine(region.top() + y) + region.left() * sizeof(QRgb), image.constScanLine(y), region.width() * sizeof(QRgb));
            }
            const qreal ratio = frame.devicePixelRatio;
            const QRectF logical(region.x() / ratio, region.y() / ratio, region.width() / ratio, region.height() / ratio);
            viewport()->update(logical.toAlignedRect().adjusted(-1, -1, 1, 1));
            Q_EMIT frameRendered();
        }
    }
    kickRenderer();
}

QList<QRectF> HeatmapWidget::viewportRectsFor(ClusterRange range) const
{
    return scaled(m_layout.rectsForRange(range, m_topPx, viewportSizePx().height()), dpr());
}

void HeatmapWidget::paintEvent(QPaintEvent *event)
{
    QPainter painter(viewport());
    painter.fillRect(event->rect(), QColor::fromRgb(m_palette.background));
    if (m_frameValid && !m_frame.isNull() && m_frameKey.generation == m_generation) {
        const qreal ratio = dpr();
        if (m_frameKey.zoomLevel == m_zoomLevel && m_frameKey.widthPx == m_layout.widthPx()) {
            // Same layout: the old frame moved by the scroll distance (exact).
            const qint64 shiftPx = qint64(m_frameKey.topPx) - qint64(m_topPx);
            if (std::abs(shiftPx) < qint64(m_frame.height()))
                painter.drawImage(QPointF(0, shiftPx / ratio), m_frame);
        } else if (m_frameKey.zoomLevel != m_zoomLevel) {
            // Another zoom: the old frame scaled around the zoom anchor until the new one is ready.
            const qreal scale = std::ldexp(1.0, m_frameKey.zoomLevel - m_zoomLevel);
            const QRectF source(QPointF(0, 0), m_frame.deviceIndependentSize());
            const QRectF target(m_zoomAnchor + (source.topLeft() - m_zoomAnchor) * scale, source.size() * scale);
            painter.drawImage(target, m_frame);
        } else {
            painter.drawImage(QPointF(0, 0), m_frame);
        }
    }
    if (!m_pyramid)
        return;

    painter.setRenderHint(QPainter::Antialiasing, false);
    // Verify results: unreadable ranges, hatched red; only those that can be on screen.
    if (!m_unreadable.isEmpty() && m_clusterCount > 0) {
        const QSize size = viewportSizePx();
        const quint64 firstVisible = m_layout.clustersOfCell(m_layout.nearestCellAt(0, qint64(m_topPx))).first;
        const quint64 lastVisible = m_layout.clustersOfCell(m_layout.nearestCellAt(size.width(), qint64(m_topPx) + size.height())).end();
        for (const ClusterRange &range : std::as_const(m_unreadable)) {
            if (range.first >= lastVisible)
                break;
            if (range.end() <= firstVisible)
                continue;
            paintUnreadable(painter, viewportRectsFor(range), QColor::fromRgb(m_palette.unreadable));
        }
    }

    if (!m_selection.isEmpty()) {
        QColor fill = palette().color(QPalette::Highlight);
        fill.setAlpha(90);
        const QColor outline = palette().color(QPalette::Highlight);
        for (const QRectF &raw : viewportRectsFor(m_selection)) {
            const QRectF rect = atLeast(raw, MinOverlayPx);
            painter.fillRect(rect, fill);
            painter.setPen(QPen(outline, 1));
            painter.setBrush(Qt::NoBrush);
            painter.drawRect(rect.adjusted(0.5, 0.5, -0.5, -0.5));
        }
    }

    if (hasFocus() && m_cursorCluster < m_clusterCount) {
        const QList<QRectF> rects = viewportRectsFor({m_cursorCluster, 1});
        if (!rects.isEmpty()) {
            const QRectF rect = atLeast(rects.first(), 5);
            painter.setPen(QPen(palette().color(QPalette::Text), 1, Qt::DotLine));
            painter.setBrush(Qt::NoBrush);
            painter.drawRect(rect.adjusted(0.5, 0.5, -0.5, -0.5));
        }
    }

    // goToCluster: a double outline (dark and light) that flashes, then stays.
    if (m_markedCluster && (!m_flashTimer->isActive() || m_flashTicks % 2 == 0)) {
        const QList<QRectF> rects = viewportRectsFor({*m_markedCluster, 1});
        if (!rects.isEmpty()) {
            const QRectF rect = atLeast(rects.first(), 9);
            painter.setBrush(Qt::NoBrush);
            painter.setPen(QPen(Qt::black, 3));
            painter.drawRect(rect.adjusted(-1, -1, 1, 1));
            painter.setPen(QPen(Qt::white, 1));
            painter.drawRect(rect.adjusted(-1, -1, 1, 1));
        }
    }
}

void HeatmapWidget::showEvent(QShowEvent *event)
{
    QAbstractScrollArea::showEvent(event);
    scheduleFrame();
}

void HeatmapWidget::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    std::optional<quint64> anchor;
    if (m_clusterCount > 0)
        anchor = m_layout.clustersOfCell(m_layout.nearestCellAt(0, qint64(m_topPx))).first;
    const int oldLevel = m_zoomLevel;
    const int oldCoarsest = m_layout.widthPx() > 0 ? HeatmapLayout::fitZoomLevel(m_clusterCount, m_layout.widthPx(), m_lastHeightPx, finestZoomLevel()) : 0;
    relayout(anchor, 0);
    m_lastHeightPx = viewportSizePx().height();
    if (oldLevel != m_zoomLevel || oldCoarsest != coarsestZoomLevel())
        Q_EMIT zoomChanged(); // the level, or how far one can zoom out
}

bool HeatmapWidget::viewportEvent(QEvent *event)
{
    switch (event->type()) {
    case QEvent::ToolTip: {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString text = toolTipTextAt(help->pos());
        if (text.isEmpty()) {
            QToolTip::hideText();
            event->ignore();
        } else {
            QToolTip::showText(help->globalPos(), text, viewport());
        }
        return true;
    }
    case QEvent::Gesture:
        if (m_mouse->gesture(static_cast<QGestureEvent *>(event)))
            return true;
        break;
    case QEvent::NativeGesture:
        if (m_mouse->nativeGesture(static_cast<QNativeGestureEvent *>(event)))
            return true;
        break;
    default:
        break;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

void HeatmapWidget::mousePressEvent(QMouseEvent *event)
{
    if (!m_mouse->mousePress(event))
        QAbstractScrollArea::mousePressEvent(event);
}

void HeatmapWidget::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_mouse->mouseMove(event))
        QAbstractScrollArea::mouseMoveEvent(event);
}

void HeatmapWidget::mouseReleaseEvent(QMouseEvent *event)
{
    if (!m_mouse->mouseRelease(event))
        QAbstractScrollArea::mouseReleaseEvent(event);
}

void HeatmapWidget::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (!m_mouse->mouseDoubleClick(event))
        QAbstractScrollArea::mouseDoubleClickEvent(event);
}

void HeatmapWidget::wheelEvent(QWheelEvent *event)
{
    if (!m_mouse->wheel(event))
        QAbstractScrollArea::wheelEvent(event);
}

void HeatmapWidget::keyPressEvent(QKeyEvent *event)
{
    if (!m_keyboard->keyPress(event))
        QAbstractScrollArea::keyPressEvent(event);
}

void HeatmapWidget::focusInEvent(QFocusEvent *event)
{
    QAbstractScrollArea::focusInEvent(event);
    viewport()->update();
}

void HeatmapWidget::focusOutEvent(QFocusEvent *event)
{
    QAbstractScrollArea::focusOutEvent(event);
    viewport()->update();
}

void HeatmapWidget::changeEvent(QEvent *event)
{
    QAbstractScrollArea::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange) {
        m_palette = HeatmapRenderer::Palette::standard(palette().color(QPalette::Base));
        ++m_generation;
        m_frameValid = false;
        scheduleFrame();
        viewport()->update();
    }
}

DataSource HeatmapWidget::sourceOfCluster(quint64 clusterIndex) const
{
    // R13, R14
    if (m_pyramid && m_pyramid->isAllocated(clusterIndex))
        return DataSource::Image;
    return clusterIndex < m_backingEndCluster ? DataSource::Backing : DataSource::Zero;
}

std::optional<ClusterRange> HeatmapWidget::clustersAt(QPoint viewportPos) const
{
    if (!m_pyramid || m_clusterCount == 0)
        return std::nullopt;
    const QPoint device = toDevice(viewportPos);
    if (device.y() < 0)
        return std::nullopt;
    return m_layout.clustersAt(device.x(), m_topPx + quint64(device.y()));
}

ClusterRange HeatmapWidget::nearestClustersAt(QPoint viewportPos) const
{
    if (m_clusterCount == 0)
        return {};
    const QPoint device = toDevice(viewportPos);
    return m_layout.clustersOfCell(m_layout.nearestCellAt(device.x(), qint64(m_topPx) + device.y()));
}

QString HeatmapWidget::toolTipTextAt(QPoint viewportPos) const
{
    const std::optional<ClusterRange> range = clustersAt(viewportPos);
    if (!range || range->isEmpty())
        return QString();
    const QLocale locale;
    const quint64 firstByte = range->first * ClusterSizeBytes;
    const quint64 endByte = std::min(range->end() * ClusterSizeBytes, m_virtualSizeBytes); // R15: partial last cluster
    QStringList lines;
    if (range->count == 1)
        lines << tr("Cluster %1").arg(locale.toString(range->first));
    else
        lines << tr("Clusters %1 to %2 (%3 clusters)").arg(locale.toString(range->first), locale.toString(range->end() - 1), locale.toString(range->count));
    lines << tr("Bytes %1 to %2 (%3)").arg(hexOffset(firstByte), hexOffset(endByte - 1), locale.formattedDataSize(qint64(endByte - firstByte)));

    if (range->count == 1) {
        switch (sourceOfCluster(range->first)) {
        case DataSource::Image:
            lines << (m_allAllocated ? tr("Source: image file (all allocated)") : tr("Source: image file"));
            break;
        case DataSource::Backing:
            if (m_backingFileSizeBytes < endByte)
                lines << tr("Source: backing file, zeros from byte %1").arg(hexOffset(m_backingFileSizeBytes));
            else
                lines << tr("Source: backing file");
            break;
        case DataSource::Zero:
            lines << (m_hasBackingFile ? tr("Source: zeros (past the end of the backing file)") : tr("Source: zeros (no backing file)"));
            break;
        }
    } else {
        // A pixel block at coarse zoom: how its clusters split between the three sources.
        const quint64 allocated = m_pyramid->countAllocated(*range);
        const ClusterRange inBacking = range->intersected({0, m_backingEndCluster});
        const quint64 fromBacking = inBacking.count - m_pyramid->countAllocated(inBacking);
        const quint64 zeros = range->count - allocated - fromBacking;
        const double percent = 100.0 * double(allocated) / double(range->count);
        const QString percentText = (allocated > 0 && percent < 0.1) ? tr("under 0.1") : locale.toString(percent, 'f', 1);
        lines << tr("Allocated in the image file: %1 of %2 clusters (%3%)").arg(locale.toString(allocated), locale.toString(range->count), percentText);
        lines << tr("From the backing file: %1, zeros: %2").arg(locale.toString(fromBacking), locale.toString(zeros));
    }

    quint64 unreadable = 0;
    for (const ClusterRange &bad : m_unreadable)
        unreadable += bad.intersected(*range).count;
    if (unreadable > 0)
        lines << tr("Unreadable: %n cluster(s) failed verification", nullptr, int(std::min<quint64>(unreadable, INT_MAX)));
    return lines.join(u'\n');
}

void HeatmapWidget::updateAccessibleDescription()
{
    if (!m_pyramid) {
        setAccessibleDescription(tr("No image open."));
        return;
    }
    const QLocale locale;
    const quint64 allocated = m_pyramid->countAllocated();
    const quint64 inBacking = m_backingEndCluster - m_pyramid->countAllocated({0, m_backingEndCluster});
    const quint64 zeros = m_clusterCount - allocated - inBacking;
    setAccessibleDescription(tr("Map of %1 clusters of 64 KiB: %2 in the image file, %3 from the backing file, %4 zeros. "
                                "Arrow keys move the cursor, Shift extends the selection, plus and minus zoom, 0 fits the whole map.")
                                 .arg(locale.toString(m_clusterCount), locale.toString(allocated), locale.toString(inBacking), locale.toString(zeros)));
}

QImage HeatmapWidget::renderImage(int maxSidePx) const
{
    if (!m_pyramid || m_clusterCount == 0 || maxSidePx < 1)
        return QImage();
    // The finest zoom whose roughly square layout fits maxSidePx x maxSidePx.
    HeatmapLayout layout;
    for (int level = HeatmapLayout::FinestZoomLevel; level <= HeatmapLayout::CoarsestZoomLevel; ++level) {
        const HeatmapLayout probe(m_clusterCount, maxSidePx, level);
        if (probe.columns() * probe.cellSizePx() > maxSidePx)
            continue; // cells bigger than the picture
        const auto square = quint64(std::ceil(std::sqrt(double(probe.cellCount()))));
        const int columns = int(std::clamp<quint64>(square, 1, quint64(probe.columns())));
        layout = HeatmapLayout(m_clusterCount, columns * probe.cellSizePx(), level);
        if (layout.contentHeightPx() <= quint64(maxSidePx))
            break;
    }
    HeatmapRenderer::Frame frame;
    frame.pyramid = m_pyramid;
    frame.layout = layout;
    frame.backingEndCluster = m_backingEndCluster;
    frame.sizePx = QSize(layout.contentWidthPx(), int(layout.contentHeightPx()));
    frame.palette = m_palette;
    QImage image = HeatmapRenderer::render(frame);
    if (!m_unreadable.isEmpty()) {
        QPainter painter(&image);
        for (const ClusterRange &range : m_unreadable)
            paintUnreadable(painter, scaled(layout.rectsForRange(range, 0, image.height()), 1.0), QColor::fromRgb(m_palette.unreadable));
    }
    return image;
}

} // namespace AddCow
