// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "heatmapwidget.h"

#include "format.h"
#include "heatmapaxis.h"
#include "heatmapexport.h"
#include "heatmapkeyboardcontroller.h"
#include "heatmaplegend.h"
#include "heatmapmousecontroller.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QGestureEvent>
#include <QHelpEvent>
#include <QLocale>
#include <QMenu>
#include <QPaintEvent>
#include <QPainter>
#include <QPainterPath>
#include <QScrollBar>
#include <QThread>
#include <QTimer>
#include <QToolTip>

#include <algorithm>
#include <bit>
#include <cerrno>
#include <climits>
#include <cmath>
#include <cstring>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace AddCow
{

namespace
{

constexpr int MarkIntervalMs = 150;
constexpr int MarkTicks = 8;
constexpr int FlashFrameMs = 33;
constexpr int BuildPollMs = 30;
constexpr qreal MinOverlayPx = 3.0; // overlays stay visible when a range is below a pixel
constexpr double FinestCellPx = 32.0; // logical pixels
// Pyramids of at most this many chunks are counted at once on the GUI thread (< 1 ms).
constexpr quint64 SynchronousChunks = 2;
// How much nicer than the rest of the process the counting threads run (Linux nice steps).
constexpr int CountingNiceSteps = 10;

// Issue 13: the counting threads take what the GUI thread and the frame renderer leave of the
// CPU. On two cores they otherwise took turns with the window's first paints and the first
// frame's rendering (hundreds of preemptions of the GUI thread before the first frame). Once per
// thread of the build pool, which counts nothing else.
void yieldToForegroundThreads()
{
#ifdef Q_OS_LINUX
    static thread_local bool lowered = false;
    if (lowered)
        return;
    lowered = true;
    const pid_t thread = gettid();
    errno = 0;
    const int nice = getpriority(PRIO_PROCESS, id_t(thread));
    if (errno == 0)
        setpriority(PRIO_PROCESS, id_t(thread), std::min(19, nice + CountingNiceSteps));
#endif
}

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

// The outline of up to three stacked rectangles (a range over several rows) as one shape.
QPainterPath outlineOf(const QList<QRectF> &rects, qreal minSide)
{
    QPainterPath path;
    for (const QRectF &rect : rects)
        path.addRect(atLeast(rect, minSide));
    return path.simplified();
}

QString hexOffset(quint64 offsetBytes)
{
    return u"0x"_s + QString::number(offsetBytes, 16);
}

QColor textColorOn(const QColor &background)
{
    return qGray(background.rgb()) > 140 ? QColor(Qt::black) : QColor(Qt::white);
}

} // namespace

HeatmapWidget::HeatmapWidget(QWidget *parent)
    : QAbstractScrollArea(parent)
    , m_palette(HeatmapRenderer::Palette::standard(palette().color(QPalette::Base), palette().color(QPalette::Text)))
    , m_mouse(std::make_unique<HeatmapMouseController>(this))
    , m_keyboard(std::make_unique<HeatmapKeyboardController>(this))
{
    setFocusPolicy(Qt::StrongFocus);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    // Always on: a bar that comes and goes would change the width a fit fills.
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    viewport()->grabGesture(Qt::PinchGesture);
    setAccessibleName(tr("Cluster map"));
    m_clock.start();

    m_axis = new HeatmapAxis(this);
    connect(m_axis, &HeatmapAxis::bandClicked, this, &HeatmapWidget::selectBand);

    m_renderer = new HeatmapRenderer(this);
    connect(m_renderer, &HeatmapRenderer::finished, this, &HeatmapWidget::onFrameFinished);
    m_buildPool.setMaxThreadCount(std::max(1, QThread::idealThreadCount()));

    m_buildTimer = new QTimer(this);
    m_buildTimer->setInterval(BuildPollMs);
    connect(m_buildTimer, &QTimer::timeout, this, &HeatmapWidget::pollPyramidBuild);

    m_markTimer = new QTimer(this);
    m_markTimer->setInterval(MarkIntervalMs);
    connect(m_markTimer, &QTimer::timeout, this, [this] {
        if (++m_markTicks >= MarkTicks)
            m_markTimer->stop();
        viewport()->update();
    });
    m_flashTimer = new QTimer(this);
    m_flashTimer->setInterval(FlashFrameMs);
    connect(m_flashTimer, &QTimer::timeout, this, [this] {
        if (!m_flashes.prune(m_clock.elapsed()))
            m_flashTimer->stop();
        viewport()->update();
    });
    m_shorterRows = new QAction(tr("&Shorter Rows"), this);
    m_shorterRows->setObjectName(u"shorterRowsAction"_s);
    m_shorterRows->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_BracketLeft));
    m_shorterRows->setToolTip(tr("Half as many clusters per row of the map"));
    connect(m_shorterRows, &QAction::triggered, this, [this] {
        setRowClustersLog2(std::max(HeatmapLayout::MinRowClustersLog2, m_layout.rowClustersLog2() - 1));
    });
    m_longerRows = new QAction(tr("&Longer Rows"), this);
    m_longerRows->setObjectName(u"longerRowsAction"_s);
    m_longerRows->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_BracketRight));
    m_longerRows->setToolTip(tr("Twice as many clusters per row of the map"));
    connect(m_longerRows, &QAction::triggered, this, [this] {
        setRowClustersLog2(std::min(HeatmapLayout::MaxRowClustersLog2, m_layout.rowClustersLog2() + 1));
    });
    m_automaticRows = new QAction(tr("&Automatic Row Length"), this);
    m_automaticRows->setObjectName(u"automaticRowsAction"_s);
    m_automaticRows->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_automaticRows->setCheckable(true);
    m_automaticRows->setToolTip(tr("Rows as long as fills the view at Fit; zooming in halves them"));
    connect(m_automaticRows, &QAction::triggered, this, [this](bool on) {
        setRowClustersLog2(on ? AutomaticRows : m_layout.rowClustersLog2());
    });
    for (QAction *action : {m_shorterRows, m_longerRows, m_automaticRows})
        action->setShortcutContext(Qt::WindowShortcut);

    applyLayout(fitLayout(true), std::nullopt);
    updateAccessibleDescription();
    updateRowActions();
}

HeatmapWidget::~HeatmapWidget()
{
    if (m_pyramid)
        m_pyramid->cancelBuild();
    m_renderer->cancel();
    m_renderer->waitForFinished();
    m_buildPool.waitForDone();
}

qreal HeatmapWidget::dpr() const
{
    return viewport()->devicePixelRatioF();
}

double HeatmapWidget::maxCellPx() const
{
    return FinestCellPx * dpr();
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

QSize HeatmapWidget::sizeHint() const
{
    return QSize(480, 320);
}

QSize HeatmapWidget::minimumSizeHint() const
{
    return QSize(160, 80);
}

void HeatmapWidget::setImage(std::shared_ptr<const Image> image)
{
    if (!image || (!image->hasBitmap() && !image->isAllAllocated())) {
        clear();
        return;
    }
    const quint64 clusterCount = image->clusterCount();
    std::shared_ptr<ClusterPyramid> pyramid;
    if (image->isAllAllocated())
        pyramid = ClusterPyramid::allAllocated(clusterCount); // R14
    else // the image's own bitmap; the aliasing pointer keeps the image alive while frames read it
        pyramid = std::make_shared<ClusterPyramid>(std::shared_ptr<const ClusterBitmap>(image, &image->bitmap()));
    m_ownBitmap.reset();
    m_image = std::move(image);
    // A backing file that cannot be read: every clean cluster is its, its size unknown, drawn as
    // unavailable, never as backing data or zeros (issue 14).
    const bool backingUnavailable = m_image->backingError().has_value();
    showPyramid(std::move(pyramid), m_image->virtualSizeBytes(), backingUnavailable ? m_image->virtualSizeBytes() : m_image->backingSizeBytes(),
                m_image->isAllAllocated(), !m_image->backingFile().storedName.isEmpty());
    setBackingUnavailable(backingUnavailable);
    // Where the backing format told the image at open that it reads as zeros (a qcow2 base's
    // unallocated clusters): the fourth source, in runs, as the renderer takes them.
    if (const ClusterBitmap *zeros = m_image->backingZeroClusters()) {
        QList<ClusterRange> runs;
        for (std::optional<quint64> first = zeros->findNext(0, true); first; first = zeros->findNext(runs.last().end(), true))
            runs.append(zeros->runAt(*first));
        setBackingZeroRanges(runs);
    }
}

void HeatmapWidget::setImageData(const ClusterBitmap &bitmap, quint64 virtualSizeBytes, quint64 backingFileSizeBytes, bool allAllocated, bool hasBackingFile)
{
    const quint64 clusterCount = clusterCountFor(virtualSizeBytes); // R11, the partial last cluster included (R15)
    m_image.reset();
    setBackingUnavailable(false);
    m_ownBitmap.reset();
    std::shared_ptr<ClusterPyramid> pyramid;
    if (allAllocated) {
        pyramid = ClusterPyramid::allAllocated(clusterCount); // R14: the bitmap is not consulted
    } else {
        // A caller's bitmap of another length: bits past the end are dropped (R12), missing ones clear.
        m_ownBitmap = std::make_shared<ClusterBitmap>(bitmap.clusterCount() == clusterCount ? bitmap : ClusterBitmap::fromBytes(bitmap.toBytes(), clusterCount));
        pyramid = std::make_shared<ClusterPyramid>(std::shared_ptr<const ClusterBitmap>(m_ownBitmap));
    }
    showPyramid(std::move(pyramid), virtualSizeBytes, backingFileSizeBytes, allAllocated, hasBackingFile);
}

void HeatmapWidget::showPyramid(std::shared_ptr<ClusterPyramid> pyramid, quint64 virtualSizeBytes, quint64 backingFileSizeBytes, bool allAllocated, bool hasBackingFile)
{
    m_renderer->cancel(); // a running frame keeps its own reference to the old pyramid
    if (m_pyramid)
        m_pyramid->cancelBuild();
    m_pyramid = std::move(pyramid);
    m_clusterCount = m_pyramid->clusterCount();
    m_virtualSizeBytes = virtualSizeBytes;
    m_backingFileSizeBytes = hasBackingFile ? backingFileSizeBytes : 0;
    m_allAllocated = allAllocated;
    m_hasBackingFile = hasBackingFile;
    // R13: a clean cluster reads from the backing file when it starts before the file's end.
    m_backingEndCluster = (hasBackingFile && !allAllocated) ? std::min(m_clusterCount, clusterCountFor(backingFileSizeBytes)) : 0;
    m_backingZeroRanges.reset();
    ++m_generation;
    m_frameValid = false;
    m_framePending = false;
    m_unreadable.clear();
    m_bands.clear();
    m_flashes.clear();
    m_flashTimer->stop();
    m_markedCluster.reset();
    m_markTimer->stop();
    m_cursorCluster = 0;
    m_selectionAnchor = {};

    // Count in the background, several threads taking chunks in turn; frames paint what is counted.
    m_countedChunks = 0;
    if (m_pyramid->chunkCount() <= SynchronousChunks) {
        m_pyramid->build();
        m_buildTimer->stop();
    } else {
        const int threads = m_buildPool.maxThreadCount();
        for (int i = 0; i < threads; ++i) {
            m_buildPool.start([pyramid = m_pyramid] {
                yieldToForegroundThreads();
                pyramid->buildChunks();
            });
        }
        m_buildTimer->start();
    }

    m_fitMode = true;
    m_topPx = 0;
    m_leftPx = 0;
    applyLayout(fitLayout(true), std::nullopt);
    changeSelection({});
    updateAccessibleDescription();
    updateRowActions();
    Q_EMIT zoomChanged(); // the zoom limits follow the image
}

void HeatmapWidget::pollPyramidBuild()
{
    if (!m_pyramid) {
        m_buildTimer->stop();
        return;
    }
    const quint64 counted = m_pyramid->countedChunkCount();
    const bool complete = m_pyramid->isComplete();
    if (counted == m_countedChunks && !complete)
        return;
    m_countedChunks = counted;
    if (complete) {
        m_buildTimer->stop();
        updateAccessibleDescription();
    }
    // Paint what is counted now: the whole frame again (the old one stays up meanwhile).
    if (m_framePending || !m_frameValid)
        markDirty(QRect(QPoint(0, 0), viewportSizePx()));
}

void HeatmapWidget::setBackingUnavailable(bool unavailable)
{
    if (m_backingUnavailable == unavailable)
        return;
    m_backingUnavailable = unavailable;
    const HeatmapRenderer::Palette standard = HeatmapRenderer::Palette::standard(palette().color(QPalette::Base), palette().color(QPalette::Text));
    m_palette = unavailable ? standard.withBackingUnavailable() : standard;
    ++m_generation;
    m_frameValid = false;
    scheduleFrame();
    viewport()->update();
}

void HeatmapWidget::clear()
{
    m_renderer->cancel();
    if (m_pyramid)
        m_pyramid->cancelBuild();
    m_buildTimer->stop();
    m_pyramid.reset();
    m_image.reset();
    m_ownBitmap.reset();
    m_clusterCount = 0;
    m_virtualSizeBytes = 0;
    m_backingFileSizeBytes = 0;
    m_backingEndCluster = 0;
    m_allAllocated = false;
    m_hasBackingFile = false;
    setBackingUnavailable(false);
    m_backingZeroRanges.reset();
    ++m_generation;
    m_frame = QImage();
    m_frameValid = false;
    m_framePending = false;
    m_unreadable.clear();
    m_bands.clear();
    m_flashes.clear();
    m_flashTimer->stop();
    m_markedCluster.reset();
    m_markTimer->stop();
    m_cursorCluster = 0;
    m_selectionAnchor = {};
    m_fitMode = true;
    m_topPx = 0;
    m_leftPx = 0;
    applyLayout(fitLayout(true), std::nullopt);
    changeSelection({});
    updateAccessibleDescription();
    updateRowActions();
    viewport()->update();
    Q_EMIT zoomChanged();
}

void HeatmapWidget::markAllocated(ClusterRange range)
{
    range = range.intersected({0, m_clusterCount});
    if (range.isEmpty() || !m_pyramid || m_allAllocated)
        return;
    if (m_ownBitmap)
        m_ownBitmap->setRange(range); // R13
    updateClusters(range);
}

void HeatmapWidget::updateClusters(ClusterRange range)
{
    range = range.intersected({0, m_clusterCount});
    if (range.isEmpty() || !m_pyramid)
        return;
    m_pyramid->update(range);
    if (m_pyramid->countAllocated(range) > 0) {
        m_flashes.add(range, m_clock.elapsed());
        if (!m_flashTimer->isActive())
            m_flashTimer->start();
    }
    QRect dirty;
    for (const QRect &rect : m_layout.rectsForRange(range, m_leftPx, m_topPx, viewportSizePx()))
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

void HeatmapWidget::setBackingZeroRanges(const QList<ClusterRange> &ranges)
{
    auto sorted = std::make_shared<QList<ClusterRange>>(ranges);
    std::sort(sorted->begin(), sorted->end(), [](ClusterRange a, ClusterRange b) {
        return a.first < b.first;
    });
    m_backingZeroRanges = sorted->isEmpty() ? nullptr : std::move(sorted);
    ++m_generation;
    m_frameValid = false;
    scheduleFrame();
}

void HeatmapWidget::setBands(const QList<HeatmapBand> &bands)
{
    m_bands = bands;
    applyLayout(m_layout, std::nullopt); // the axis may need room for the bars
    viewport()->update();
}

QString HeatmapWidget::bandToolTip(int index) const
{
    if (index < 0 || index >= m_bands.size())
        return QString();
    const HeatmapBand &band = m_bands.at(index);
    const QLocale locale;
    const ClusterRange range = band.range.intersected({0, m_clusterCount});
    QStringList lines;
    lines << band.label;
    if (!range.isEmpty()) {
        const quint64 firstByte = range.first * ClusterSizeBytes;
        const quint64 endByte = std::min(range.end() * ClusterSizeBytes, m_virtualSizeBytes);
        lines << tr("Clusters %1 to %2 (%3)").arg(locale.toString(range.first), locale.toString(range.end() - 1), locale.formattedDataSize(qint64(endByte - firstByte)));
        if (m_pyramid)
            lines << tr("Allocated in the image file: %1 of %2 clusters").arg(locale.toString(m_pyramid->countAllocated(range)), locale.toString(range.count));
    }
    if (!band.toolTip.isEmpty())
        lines << band.toolTip;
    lines << tr("Click to select its clusters");
    return lines.join(u'\n');
}

void HeatmapWidget::selectBand(int index)
{
    if (index < 0 || index >= m_bands.size())
        return;
    const ClusterRange range = m_bands.at(index).range.intersected({0, m_clusterCount});
    if (range.isEmpty())
        return;
    setSelection(range);
    m_cursorCluster = range.first;
    ensureClusterVisible(range.first);
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
    const quint64 cell = m_layout.cellOfCluster(clusterIndex);
    const QSize size = viewportSizePx();
    const quint64 top = m_layout.cellTopPx(cell);
    const quint64 bottom = m_layout.rowTopPx(m_layout.rowOfCell(cell) + 1);
    const quint64 height = quint64(std::max(1, size.height()));
    if (top < m_topPx)
        scrollToPx(top);
    else if (bottom > m_topPx + height)
        scrollToPx(bottom > height ? bottom - height : 0);
    const qint64 left = m_layout.cellLeftPx(cell);
    const qint64 right = m_layout.columnLeftPx(m_layout.columnOfCell(cell) + 1);
    if (left < m_leftPx)
        scrollToXPx(left);
    else if (right > m_leftPx + size.width())
        scrollToXPx(right - size.width());
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
    const QSize size = viewportSizePx();
    const quint64 centreY = (m_layout.cellTopPx(cell) + m_layout.rowTopPx(m_layout.rowOfCell(cell) + 1)) / 2;
    const quint64 halfHeight = quint64(size.height()) / 2;
    scrollToPx(centreY > halfHeight ? centreY - halfHeight : 0);
    const qint64 centreX = (qint64(m_layout.cellLeftPx(cell)) + m_layout.columnLeftPx(m_layout.columnOfCell(cell) + 1)) / 2;
    scrollToXPx(std::max<qint64>(0, centreX - size.width() / 2));
    m_markTicks = 0;
    m_markTimer->start();
    viewport()->update();
}

void HeatmapWidget::setRowClustersLog2(int log2)
{
    log2 = log2 < 0 ? AutomaticRows : std::clamp(log2, HeatmapLayout::MinRowClustersLog2, HeatmapLayout::MaxRowClustersLog2);
    if (log2 == m_rowSetting)
        return;
    m_rowSetting = log2;
    // A new grid: shown whole, as a Fit shows it.
    m_fitMode = true;
    applyLayout(fitLayout(true), std::nullopt);
    updateRowActions();
    Q_EMIT rowClustersChanged(log2);
    Q_EMIT zoomChanged();
}

void HeatmapWidget::updateRowActions()
{
    const bool shown = m_clusterCount > 0;
    m_automaticRows->setChecked(m_rowSetting == AutomaticRows);
    m_automaticRows->setEnabled(shown);
    m_shorterRows->setEnabled(shown && m_layout.rowClustersLog2() > HeatmapLayout::MinRowClustersLog2);
    m_longerRows->setEnabled(shown && m_layout.rowCount() > 1);
}

void HeatmapWidget::zoomIn()
{
    zoomBy(1);
}

void HeatmapWidget::zoomOut()
{
    zoomBy(-1);
}

void HeatmapWidget::zoomToFit()
{
    m_fitMode = true;
    m_topPx = 0;
    m_leftPx = 0;
    applyLayout(fitLayout(true), std::nullopt);
    Q_EMIT zoomChanged();
}

HeatmapLayout HeatmapWidget::fitLayout(bool chooseRows) const
{
    int rows = m_rowSetting;
    if (rows == AutomaticRows && !chooseRows && m_layout.clusterCount() == m_clusterCount && m_clusterCount > 0)
        rows = m_layout.rowClustersLog2(); // a resize scales the grid, it never re-flows it
    return HeatmapLayout::fit(m_clusterCount, rows, viewportSizePx(), maxCellPx());
}

HeatmapLayout HeatmapWidget::zoomedLayout(const HeatmapLayout &from, bool in) const
{
    // Automatic rows keep the map's width: rows halve as cells get bigger. Chosen rows never
    // change: the map gets wider (and scrolls sideways).
    const bool keepWidth = m_rowSetting == AutomaticRows;
    int rows = from.rowClustersLog2();
    int cells = from.clustersPerCellLog2();
    double width = from.cellWidthPx();
    double height = from.cellHeightPx();
    if (in) {
        if (cells > 0) {
            --cells;
            if (cells == 0) // cells of one cluster: as tall as wide
                height = std::max(height, width);
        } else if (keepWidth) {
            // Twice as big each way in half as many columns: the width stays, so the last step
            // is the one that keeps the cells at most maxCellPx.
            if (width * 2 > maxCellPx() + 1e-9 || rows <= HeatmapLayout::MinRowClustersLog2)
                return from;
            width *= 2;
            height = std::min(height * 2, maxCellPx());
        } else {
            // Twice as big each way, or as big as cells get (a fit's long cells end up square).
            if (width >= maxCellPx() - 1e-9 && height >= maxCellPx() - 1e-9)
                return from;
            width = std::min(2 * width, maxCellPx());
            height = std::min(2 * height, maxCellPx());
        }
        if (keepWidth && rows > HeatmapLayout::MinRowClustersLog2)
            --rows;
    } else {
        if (cells == 0 && width >= 2 - 1e-9 && height >= 2 - 1e-9) {
            width /= 2;
            height /= 2;
        } else {
            if (!keepWidth && cells >= rows)
                return from;
            ++cells;
        }
        if (keepWidth && rows < HeatmapLayout::MaxRowClustersLog2)
            ++rows;
    }
    return HeatmapLayout::withCellSize(m_clusterCount, rows, cells, width, height);
}

bool HeatmapWidget::canZoomIn() const
{
    return m_clusterCount > 0 && !(zoomedLayout(m_layout, true) == m_layout);
}

bool HeatmapWidget::canZoomOut() const
{
    if (m_clusterCount == 0)
        return false;
    // Out only while the map does not fit, and only if that makes it smaller where it does not.
    const QSize view = viewportSizePx();
    const HeatmapLayout next = zoomedLayout(m_layout, false);
    const bool tooWide = m_layout.contentWidthPx() > view.width();
    const bool tooTall = m_layout.contentHeightPx() > quint64(std::max(0, view.height()));
    return (tooWide && next.contentWidthPx() < m_layout.contentWidthPx()) || (tooTall && next.contentHeightPx() < m_layout.contentHeightPx());
}

void HeatmapWidget::zoomBy(int steps, std::optional<QPoint> anchorPos)
{
    if (steps == 0 || m_clusterCount == 0)
        return;
    const HeatmapLayout old = m_layout;
    for (int i = 0; i < std::abs(steps); ++i) {
        if (steps > 0 ? !canZoomIn() : !canZoomOut())
            break;
        m_layout = zoomedLayout(m_layout, steps > 0);
    }
    HeatmapLayout target = m_layout;
    m_layout = old;
    if (target == old)
        return;
    // Out as far as the whole map fits: that is the Fit, cells filling the view.
    const QSize view = viewportSizePx();
    m_fitMode = steps < 0 && target.contentWidthPx() <= view.width() && target.contentHeightPx() <= quint64(std::max(0, view.height()));
    if (m_fitMode)
        target = fitLayout(true);
    const QPoint anchor = anchorPos.value_or(viewport()->rect().center());
    m_zoomAnchor = anchor;
    applyLayout(target, toDevice(anchor));
    updateRowActions();
    Q_EMIT zoomChanged();
}

int HeatmapWidget::zoomLevel() const
{
    return m_layout.clustersPerCellLog2() - int(std::lround(std::log2(std::max(1.0, m_layout.cellWidthPx()))));
}

QString HeatmapWidget::scaleText() const
{
    if (m_clusterCount == 0)
        return QString();
    return HeatmapLegend::scaleDescription(m_layout, dpr());
}

int HeatmapWidget::axisWidthFor(const HeatmapLayout &layout) const
{
    return HeatmapAxis::preferredWidth(m_axis->fontMetrics(), layout, m_bands, dpr());
}

void HeatmapWidget::applyLayout(HeatmapLayout layout, std::optional<QPoint> anchorDevicePx, bool resizing)
{
    if (!resizing && !m_settingMargins) {
        const int axisWidth = axisWidthFor(layout);
        if (axisWidth != m_axisWidth) {
            m_axisWidth = axisWidth;
            m_settingMargins = true; // the resize this brings must not come back here
            setViewportMargins(axisWidth, 0, 0, 0);
            m_settingMargins = false;
            if (m_fitMode) // the same rows, filling the new width
                layout = HeatmapLayout::fit(m_clusterCount, layout.rowClustersLog2(), viewportSizePx(), maxCellPx());
        }
    }
    // The cluster under the anchor, and where in its cell, before the change.
    std::optional<quint64> anchorCluster;
    double fractionX = 0;
    double fractionY = 0;
    if (anchorDevicePx && m_clusterCount > 0 && m_layout.clusterCount() == m_clusterCount) {
        const qint64 x = m_leftPx + anchorDevicePx->x();
        const qint64 y = qint64(m_topPx) + anchorDevicePx->y();
        const quint64 cell = m_layout.nearestCellAt(x, y);
        anchorCluster = m_layout.clustersOfCell(cell).first;
        const int column = m_layout.columnOfCell(cell);
        const qint64 left = m_layout.columnLeftPx(column);
        const qint64 right = m_layout.columnLeftPx(column + 1);
        const quint64 row = m_layout.rowOfCell(cell);
        const qint64 top = qint64(m_layout.rowTopPx(row));
        const qint64 bottom = qint64(m_layout.rowTopPx(row + 1));
        fractionX = right > left ? std::clamp(double(x - left) / double(right - left), 0.0, 1.0) : 0;
        fractionY = bottom > top ? std::clamp(double(y - top) / double(bottom - top), 0.0, 1.0) : 0;
    }
    m_layout = layout;
    if (anchorCluster) {
        const quint64 cell = m_layout.cellOfCluster(std::min(*anchorCluster, m_clusterCount - 1));
        const int column = m_layout.columnOfCell(cell);
        const double x = m_layout.columnLeftPx(column) + fractionX * (m_layout.columnLeftPx(column + 1) - m_layout.columnLeftPx(column));
        const quint64 row = m_layout.rowOfCell(cell);
        const double y = double(m_layout.rowTopPx(row)) + fractionY * double(m_layout.rowTopPx(row + 1) - m_layout.rowTopPx(row));
        m_leftPx = std::max<qint64>(0, qint64(std::llround(x)) - anchorDevicePx->x());
        const double top = y - anchorDevicePx->y();
        m_topPx = top > 0 ? quint64(std::llround(top)) : 0;
    }
    m_topPx = std::min(m_topPx, maxTopPx());
    m_leftPx = std::clamp<qint64>(m_leftPx, 0, maxLeftPx());
    updateScrollBars();
    updateAxis();
    scheduleFrame();
    viewport()->update();
}

quint64 HeatmapWidget::maxTopPx() const
{
    const quint64 content = m_layout.contentHeightPx();
    const quint64 height = quint64(std::max(0, viewportSizePx().height()));
    return content > height ? content - height : 0;
}

qint64 HeatmapWidget::maxLeftPx() const
{
    return std::max<qint64>(0, qint64(m_layout.contentWidthPx()) - viewportSizePx().width());
}

int HeatmapWidget::visibleRowCount() const
{
    return std::max(1, int(double(viewportSizePx().height()) / std::max(1.0, m_layout.cellHeightPx())));
}

void HeatmapWidget::updateScrollBars()
{
    // 64-bit content on an int scroll bar: one bar step is m_scrollUnitPx pixels, a power of
    // two chosen so the range stays below 2^30.
    const quint64 maxTop = maxTopPx();
    quint64 unit = 1;
    while ((maxTop + unit - 1) / unit > (quint64(1) << 30))
        unit <<= 1;
    m_scrollUnitPx = unit;
    const QSize size = viewportSizePx();
    const quint64 height = quint64(std::max(1, size.height()));
    const quint64 lineStep = std::max<quint64>(quint64(std::ceil(m_layout.cellHeightPx())), quint64(20 * dpr()));
    m_syncingScrollBars = true;
    QScrollBar *bar = verticalScrollBar();
    bar->setRange(0, int((maxTop + unit - 1) / unit));
    bar->setPageStep(int(std::max<quint64>(1, height / unit)));
    bar->setSingleStep(int(std::max<quint64>(1, lineStep / unit)));
    bar->setValue(m_topPx >= maxTop ? bar->maximum() : int(m_topPx / unit));
    QScrollBar *across = horizontalScrollBar();
    across->setRange(0, int(maxLeftPx()));
    across->setPageStep(std::max(1, size.width()));
    across->setSingleStep(std::max(1, int(std::max(std::ceil(m_layout.cellWidthPx()), 20 * dpr()))));
    across->setValue(int(m_leftPx));
    m_syncingScrollBars = false;
}

void HeatmapWidget::updateAxis()
{
    const QRect view = viewport()->geometry();
    const int width = m_axis->sizeHint().width();
    m_axis->setGeometry(view.left() - width, view.top(), width, view.height());
    m_axis->update();
}

void HeatmapWidget::scrollContentsBy(int dx, int dy)
{
    Q_UNUSED(dx)
    Q_UNUSED(dy)
    if (m_syncingScrollBars)
        return;
    const QScrollBar *bar = verticalScrollBar();
    const quint64 maxTop = maxTopPx();
    const quint64 top = bar->value() >= bar->maximum() ? maxTop : std::min(maxTop, quint64(std::max(0, bar->value())) * m_scrollUnitPx);
    const qint64 left = std::clamp<qint64>(horizontalScrollBar()->value(), 0, maxLeftPx());
    if (top == m_topPx && left == m_leftPx)
        return;
    m_topPx = top;
    m_leftPx = left;
    m_axis->update();
    scheduleFrame();
    viewport()->update();
}

void HeatmapWidget::scrollToPx(quint64 topPx)
{
    topPx = std::min(topPx, maxTopPx());
    if (topPx == m_topPx)
        return;
    m_topPx = topPx;
    updateScrollBars();
    m_axis->update();
    scheduleFrame();
    viewport()->update();
}

void HeatmapWidget::scrollToXPx(qint64 leftPx)
{
    leftPx = std::clamp<qint64>(leftPx, 0, maxLeftPx());
    if (leftPx == m_leftPx)
        return;
    m_leftPx = leftPx;
    updateScrollBars();
    scheduleFrame();
    viewport()->update();
}

HeatmapWidget::FrameKey HeatmapWidget::currentKey() const
{
    return FrameKey{m_layout, viewportSizePx(), m_leftPx, m_topPx, m_generation};
}

HeatmapWidget::FrameKey HeatmapWidget::keyOf(const HeatmapRenderer::Frame &frame) const
{
    return FrameKey{frame.layout, frame.sizePx, frame.leftPx, frame.topPx, frame.serial};
}

HeatmapRenderer::Frame HeatmapWidget::makeFrame(QRect regionPx) const
{
    HeatmapRenderer::Frame frame;
    frame.pyramid = m_pyramid;
    frame.layout = m_layout;
    frame.backingEndCluster = m_backingEndCluster;
    frame.backingZeroRanges = m_backingZeroRanges;
    frame.leftPx = m_leftPx;
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
    return m_frameValid && !m_framePending && m_frameKey == currentKey() && m_dirtyPx.isEmpty() && !m_renderer->isBusy();
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

void HeatmapWidget::kickRenderer()
{
    if (!m_pyramid || !isVisible())
        return; // showEvent() asks again
    // Issue 13: until the window is on screen its layout may still change this view's size (an
    // image opened while the window starts up), and a frame drawn now would be thrown away. Its
    // first paint asks again.
    if (!window()->testAttribute(Qt::WA_Mapped))
        return;
    if (m_renderer->isBusy()) {
        // A frame for another layout, size or image is useless: stop it. A frame for another
        // scroll position still helps (it is shown moved), so let it finish.
        const HeatmapRenderer::Frame &running = m_renderer->runningFrame();
        if (!(running.layout == m_layout) || running.sizePx != viewportSizePx() || running.serial != m_generation)
            m_renderer->cancel();
        return;
    }
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

void HeatmapWidget::onFrameFinished(const HeatmapRenderer::Outcome &outcome, const HeatmapRenderer::Frame &frame, bool canceled)
{
    const QImage &image = outcome.image;
    if (!canceled && !image.isNull() && frame.serial == m_generation) {
        const QRect region = frame.effectiveRegion();
        if (region == QRect(QPoint(0, 0), frame.sizePx)) {
            m_frame = image;
            m_frameKey = keyOf(frame);
            m_frameValid = true;
            m_framePending = outcome.pendingShown;
            viewport()->update();
            Q_EMIT frameRendered();
        } else if (m_frameValid && keyOf(frame) == m_frameKey && m_frame.format() == image.format()) {
            // Only the dirty part was drawn: copy its rows into the frame, repaint that part.
            for (int y = 0; y < region.height(); ++y) {
                std::memcpy(m_frame.scanLine(region.top() + y) + region.left() * sizeof(QRgb), image.constScanLine(y), region.width() * sizeof(QRgb));
            }
            m_framePending = m_framePending && (outcome.pendingShown || region != QRect(QPoint(0, 0), frame.sizePx));
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
    return scaled(m_layout.rectsForRange(range, m_leftPx, m_topPx, viewportSizePx()), dpr());
}

ClusterRange HeatmapWidget::visibleClusters() const
{
    if (m_clusterCount == 0)
        return {};
    const QSize size = viewportSizePx();
    const quint64 first = m_layout.clustersOfCell(m_layout.nearestCellAt(0, qint64(m_topPx))).first;
    const quint64 end = m_layout.clustersOfCell(m_layout.nearestCellAt(m_layout.contentWidthPx(), qint64(m_topPx) + size.height())).end();
    return {first, end - first};
}

void HeatmapWidget::paintEvent(QPaintEvent *event)
{
    QPainter painter(viewport());
    painter.fillRect(event->rect(), QColor::fromRgb(m_palette.background));
    if (m_frameValid && !m_frame.isNull() && m_frameKey.generation == m_generation) {
        const qreal ratio = dpr();
        const HeatmapLayout &shown = m_frameKey.layout;
        if (shown == m_layout) {
            // Same layout: the old frame moved by the scroll distance (exact).
            const qint64 dy = qint64(m_frameKey.topPx) - qint64(m_topPx);
            const qint64 dx = m_frameKey.leftPx - m_leftPx;
            if (std::abs(dy) < qint64(m_frame.height()) && std::abs(dx) < qint64(m_frame.width()))
                painter.drawImage(QPointF(dx / ratio, dy / ratio), m_frame);
        } else if (shown.clusterCount() == m_layout.clusterCount()) {
            // Another zoom: the old frame scaled around the zoom anchor until the new one is ready.
            const double scaleX = (m_layout.cellWidthPx() / double(m_layout.clustersPerCell())) / (shown.cellWidthPx() / double(shown.clustersPerCell()));
            const double scaleY = m_layout.cellHeightPx() / shown.cellHeightPx() * double(shown.rowClusters()) / double(m_layout.rowClusters());
            const QRectF source(QPointF(0, 0), m_frame.deviceIndependentSize());
            const QPointF topLeft(m_zoomAnchor.x() - m_zoomAnchor.x() * scaleX, m_zoomAnchor.y() - m_zoomAnchor.y() * scaleY);
            painter.drawImage(QRectF(topLeft, QSizeF(source.width() * scaleX, source.height() * scaleY)), m_frame);
        }
    }
    if (!m_pyramid)
        return;
    if (!m_frameValid)
        kickRenderer(); // the first paint of the window: its size is known now

    painter.setRenderHint(QPainter::Antialiasing, false);
    const ClusterRange visible = visibleClusters();
    // Verify results: unreadable ranges, hatched red; only those that can be on screen.
    if (!m_unreadable.isEmpty()) {
        const QColor red = QColor::fromRgb(m_palette.unreadable);
        for (const ClusterRange &range : std::as_const(m_unreadable)) {
            if (range.first >= visible.end())
                break;
            if (range.end() <= visible.first)
                continue;
            for (const QRectF &raw : viewportRectsFor(range)) {
                const QRectF rect = atLeast(raw, MinOverlayPx);
                painter.fillRect(rect, rect.width() >= 6 && rect.height() >= 6 ? QBrush(red, Qt::BDiagPattern) : QBrush(red));
                painter.setPen(QPen(red, 1));
                painter.setBrush(Qt::NoBrush);
                painter.drawRect(rect.adjusted(0.5, 0.5, -0.5, -0.5));
            }
        }
    }

    paintFlashes(painter, m_clock.elapsed());
    paintBands(painter);

    if (!m_selection.isEmpty()) {
        QColor fill = palette().color(QPalette::Highlight);
        fill.setAlpha(90);
        const QList<QRectF> rects = viewportRectsFor(m_selection);
        for (const QRectF &raw : rects)
            painter.fillRect(atLeast(raw, MinOverlayPx), fill);
        painter.setPen(QPen(palette().color(QPalette::Highlight), 1));
        painter.setBrush(Qt::NoBrush);
        painter.drawPath(outlineOf(rects, MinOverlayPx).translated(0.5, 0.5));
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

    // goToCluster: a double outline (dark and light) that blinks, then stays.
    if (m_markedCluster && (!m_markTimer->isActive() || m_markTicks % 2 == 0)) {
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

void HeatmapWidget::paintFlashes(QPainter &painter, qint64 nowMs) const
{
    if (m_flashes.isEmpty())
        return;
    // A light fill that fades, over the cells that just became allocated: drawn from the list
    // of ranges, never by touching the frame, so it costs the same at every zoom.
    const ClusterRange visible = visibleClusters();
    const QColor glow = palette().color(QPalette::Base).lightness() > 128 ? QColor(0xff, 0xf1, 0x76) : QColor(0xff, 0xff, 0xff);
    for (const HeatmapFlashes::Flash &flash : m_flashes.flashes()) {
        if (flash.range.end() <= visible.first || flash.range.first >= visible.end())
            continue;
        const double strength = HeatmapFlashes::strength(flash, nowMs);
        if (strength <= 0)
            continue;
        QColor fill = glow;
        fill.setAlphaF(0.85 * strength);
        for (const QRectF &raw : viewportRectsFor(flash.range))
            painter.fillRect(atLeast(raw, MinOverlayPx), fill);
    }
}

void HeatmapWidget::paintBands(QPainter &painter) const
{
    if (m_bands.isEmpty())
        return;
    const ClusterRange visible = visibleClusters();
    QList<QRectF> tags;
    const QFontMetrics metrics(font());
    for (const HeatmapBand &band : m_bands) {
        const ClusterRange range = band.range.intersected({0, m_clusterCount});
        if (range.isEmpty() || range.end() <= visible.first || range.first >= visible.end())
            continue;
        const QList<QRectF> rects = viewportRectsFor(range);
        // Its outline, in its colour over a dark-and-light edge so it shows on any cell.
        const QPainterPath outline = outlineOf(rects, MinOverlayPx);
        painter.setBrush(Qt::NoBrush);
        painter.setPen(QPen(textColorOn(band.color), 3));
        painter.drawPath(outline);
        painter.setPen(QPen(band.color, 1.5));
        painter.drawPath(outline);
        // A tag with its label at its first cell, when that is on screen and free.
        const QList<QRectF> first = viewportRectsFor({range.first, 1});
        if (first.isEmpty() || band.label.isEmpty())
            continue;
        const QString text = metrics.elidedText(band.label, Qt::ElideRight, 200);
        QRectF tag(first.first().topLeft(), QSizeF(metrics.horizontalAdvance(text) + 8, metrics.height() + 2));
        tag.moveLeft(std::clamp(tag.left(), 0.0, std::max(0.0, viewport()->width() - tag.width())));
        tag.moveTop(std::clamp(tag.top(), 0.0, std::max(0.0, viewport()->height() - tag.height())));
        if (std::any_of(tags.cbegin(), tags.cend(), [&](const QRectF &other) {
                return other.intersects(tag);
            }))
            continue;
        tags.append(tag);
        painter.fillRect(tag, band.color);
        painter.setPen(textColorOn(band.color));
        painter.drawText(tag.adjusted(4, 1, -4, -1), Qt::AlignLeft | Qt::AlignVCenter, text);
    }
}

void HeatmapWidget::showEvent(QShowEvent *event)
{
    QAbstractScrollArea::showEvent(event);
    updateAxis();
    scheduleFrame();
}

void HeatmapWidget::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    // The grid stays: a fit scales to the new size (re-choosing rows only before it was ever
    // painted), a zoomed map keeps its cells and scrolls.
    const bool canChooseRows = !m_frameValid;
    if (m_fitMode)
        applyLayout(fitLayout(canChooseRows), std::nullopt, !canChooseRows);
    else
        applyLayout(m_layout, std::nullopt, true);
    Q_EMIT zoomChanged(); // the zoom limits follow the viewport
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
        m_palette = HeatmapRenderer::Palette::standard(palette().color(QPalette::Base), palette().color(QPalette::Text));
        if (m_backingUnavailable)
            m_palette = m_palette.withBackingUnavailable();
        ++m_generation;
        m_frameValid = false;
        scheduleFrame();
        viewport()->update();
        m_axis->update();
    } else if (event->type() == QEvent::FontChange) {
        applyLayout(m_layout, std::nullopt);
    }
}

void HeatmapWidget::contextMenuEvent(QContextMenuEvent *event)
{
    const QPoint pos = viewport()->mapFrom(this, event->pos());
    QMenu *menu = createContextMenu(pos, this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(event->globalPos());
    event->accept();
}

QMenu *HeatmapWidget::createContextMenu(QPoint viewportPos, QWidget *parent)
{
    auto *menu = new QMenu(parent);
    menu->setObjectName(u"heatmapContextMenu"_s);
    const QLocale locale;
    const std::optional<ClusterRange> cell = clustersAt(viewportPos);
    const auto add = [menu](const QString &objectName, const QString &text, auto slot) {
        QAction *action = menu->addAction(text);
        action->setObjectName(objectName);
        QObject::connect(action, &QAction::triggered, menu, slot);
        return action;
    };
    if (cell) {
        const quint64 first = cell->first;
        const QString cellText = cell->count == 1 ? tr("Select Cluster %1").arg(locale.toString(first))
                                                  : tr("Select Clusters %1–%2").arg(locale.toString(first), locale.toString(cell->end() - 1));
        add(u"selectCellAction"_s, cellText, [this, range = *cell] {
            selectCell(range, false);
        });
        const ClusterRange run = runAt(first);
        const QString source = sourceOfCluster(first) == DataSource::Image ? tr("in the image file") : tr("not in the image file");
        add(u"selectRunAction"_s, tr("Select the Run of %1 Clusters %2").arg(locale.toString(run.count), source), [this, run] {
            setSelection(run);
            m_cursorCluster = run.first;
        });
        for (int i = 0; i < m_bands.size(); ++i) {
            if (m_bands.at(i).range.contains(first)) {
                add(u"selectBandAction"_s, tr("Select %1").arg(m_bands.at(i).label), [this, i] {
                    selectBand(i);
                });
            }
        }
        add(u"showInHexAction"_s, tr("Show in Hex Views"), [this, first] {
            activateCluster(first);
        });
        menu->addSeparator();
        const quint64 offset = first * ClusterSizeBytes;
        add(u"copyOffsetAction"_s, tr("Copy Offset %1").arg(hexOffset(offset)), [offset] {
            QApplication::clipboard()->setText(hexOffset(offset));
        });
        add(u"copyClusterAction"_s, tr("Copy Cluster Index %1").arg(first), [first] {
            QApplication::clipboard()->setText(QString::number(first));
        });
        menu->addSeparator();
    }
    QAction *in = add(u"zoomInHereAction"_s, cell ? tr("Zoom In Here") : tr("Zoom In"), [this, viewportPos] {
        zoomBy(1, viewportPos);
    });
    in->setEnabled(canZoomIn());
    QAction *out = add(u"zoomOutHereAction"_s, tr("Zoom Out"), [this, viewportPos] {
        zoomBy(-1, viewportPos);
    });
    out->setEnabled(canZoomOut());
    add(u"zoomFitAction"_s, tr("Fit the Whole Map"), [this] {
        zoomToFit();
    });
    QMenu *rows = menu->addMenu(tr("Clusters per Row"));
    rows->setObjectName(u"rowClustersMenu"_s);
    fillRowClustersMenu(rows);
    menu->addSeparator();
    add(u"exportPngAction"_s, tr("Export as PNG…"), [this] {
        Q_EMIT exportRequested();
    });
    return menu;
}

QList<std::pair<int, QString>> HeatmapWidget::rowClustersChoices()
{
    const QLocale locale;
    QList<std::pair<int, QString>> choices;
    choices.append({AutomaticRows, tr("Automatic (fill the view)")});
    for (int log2 = HeatmapLayout::MinRowClustersLog2; log2 <= 20; ++log2) {
        const quint64 clusters = quint64(1) << log2;
        choices.append({log2, tr("%1 clusters (%2)").arg(locale.toString(qulonglong(clusters)), locale.formattedDataSize(qint64(clusters * ClusterSizeBytes), 0))});
    }
    return choices;
}

void HeatmapWidget::fillRowClustersMenu(QMenu *menu)
{
    menu->clear();
    auto *group = new QActionGroup(menu);
    for (const auto &[log2, text] : rowClustersChoices()) {
        QAction *action = menu->addAction(text);
        action->setCheckable(true);
        action->setChecked(m_rowSetting == log2);
        action->setData(log2);
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, log2 = log2] {
            setRowClustersLog2(log2);
        });
    }
}

DataSource HeatmapWidget::sourceOfCluster(quint64 clusterIndex) const
{
    // R13, R14
    if (m_pyramid && m_pyramid->isAllocated(clusterIndex))
        return DataSource::Image;
    if (clusterIndex >= m_backingEndCluster)
        return DataSource::Zero;
    return readsBackingZero(clusterIndex) ? DataSource::BackingZero : DataSource::Backing;
}

bool HeatmapWidget::readsBackingZero(quint64 clusterIndex) const
{
    if (!m_backingZeroRanges)
        return false;
    // Sorted by first cluster and disjoint: the one range that may hold clusterIndex is the last starting at or before it.
    const auto after = std::upper_bound(m_backingZeroRanges->cbegin(), m_backingZeroRanges->cend(), clusterIndex, [](quint64 cluster, ClusterRange range) {
        return cluster < range.first;
    });
    return after != m_backingZeroRanges->cbegin() && std::prev(after)->contains(clusterIndex);
}

ClusterRange HeatmapWidget::runAt(quint64 clusterIndex) const
{
    if (!m_pyramid || clusterIndex >= m_clusterCount)
        return {};
    ClusterRange run = m_pyramid->runAround(clusterIndex);
    // Clean runs end where the backing file does (R13): backing data on one side, zeros on the other.
    if (sourceOfCluster(clusterIndex) != DataSource::Image && m_backingEndCluster > run.first && m_backingEndCluster < run.end())
        run = clusterIndex < m_backingEndCluster ? run.intersected({0, m_backingEndCluster}) : run.intersected({m_backingEndCluster, m_clusterCount});
    return run;
}

std::optional<ClusterRange> HeatmapWidget::clustersAt(QPoint viewportPos) const
{
    if (!m_pyramid || m_clusterCount == 0)
        return std::nullopt;
    const QPoint device = toDevice(viewportPos);
    if (device.y() < 0)
        return std::nullopt;
    return m_layout.clustersAt(m_leftPx + device.x(), m_topPx + quint64(device.y()));
}

ClusterRange HeatmapWidget::nearestClustersAt(QPoint viewportPos) const
{
    if (m_clusterCount == 0)
        return {};
    const QPoint device = toDevice(viewportPos);
    return m_layout.clustersOfCell(m_layout.nearestCellAt(m_leftPx + device.x(), qint64(m_topPx) + device.y()));
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
        case DataSource::BackingZero:
            lines << tr("Source: backing file, which reads as zeros here");
            break;
        case DataSource::Backing:
            if (m_backingUnavailable)
                lines << tr("Source: backing file, which cannot be read");
            else if (m_backingFileSizeBytes < endByte)
                lines << tr("Source: backing file, zeros from byte %1").arg(hexOffset(m_backingFileSizeBytes));
            else
                lines << tr("Source: backing file");
            break;
        case DataSource::Zero:
            lines << (m_hasBackingFile ? tr("Source: zeros (past the end of the backing file)") : tr("Source: zeros (no backing file)"));
            break;
        }
    } else if (!m_pyramid->isCounted(*range)) {
        lines << tr("Counting allocated clusters…");
    } else {
        // A pixel block at coarse zoom: how its clusters split between the sources.
        const quint64 allocated = m_pyramid->countAllocated(*range);
        const ClusterRange inBacking = range->intersected({0, m_backingEndCluster});
        const quint64 fromBacking = inBacking.count - m_pyramid->countAllocated(inBacking);
        const quint64 zeros = range->count - allocated - fromBacking;
        const double percent = 100.0 * double(allocated) / double(range->count);
        const QString percentText = (allocated > 0 && percent < 0.1) ? tr("under 0.1") : locale.toString(percent, 'f', 1);
        lines << tr("Allocated in the image file: %1 of %2 clusters (%3%)").arg(locale.toString(allocated), locale.toString(range->count), percentText);
        if (m_backingUnavailable)
            lines << tr("From the backing file, which cannot be read: %1").arg(locale.toString(fromBacking));
        else
            lines << tr("From the backing file: %1, zeros: %2").arg(locale.toString(fromBacking), locale.toString(zeros));
    }

    quint64 unreadable = 0;
    for (const ClusterRange &bad : m_unreadable)
        unreadable += bad.intersected(*range).count;
    if (unreadable > 0)
        lines << tr("Unreadable: %n cluster(s) failed verification", nullptr, int(std::min<quint64>(unreadable, INT_MAX)));
    for (const HeatmapBand &band : m_bands) {
        if (!band.range.intersected(*range).isEmpty())
            lines << band.label;
    }
    return lines.join(u'\n');
}

void HeatmapWidget::updateAccessibleDescription()
{
    if (!m_pyramid) {
        setAccessibleDescription(tr("No image open."));
        return;
    }
    const QLocale locale;
    if (!m_pyramid->isComplete()) {
        setAccessibleDescription(tr("Map of %1 clusters of 64 KiB; counting allocated clusters.").arg(locale.toString(m_clusterCount)));
        return;
    }
    const quint64 allocated = m_pyramid->countAllocated();
    const quint64 inBacking = m_backingEndCluster - m_pyramid->countAllocated({0, m_backingEndCluster});
    const quint64 zeros = m_clusterCount - allocated - inBacking;
    setAccessibleDescription(tr("Map of %1 clusters of 64 KiB: %2 in the image file, %3 from the backing file, %4 zeros. "
                                "Arrow keys move the cursor, Shift extends the selection, plus and minus zoom, 0 fits the whole map.")
                                 .arg(locale.toString(m_clusterCount), locale.toString(allocated), locale.toString(inBacking), locale.toString(zeros)));
}

// The export and the map-only picture share one setup: the screen's grid and every overlay.
HeatmapExport HeatmapWidget::exportFor(int maxSidePx) const
{
    HeatmapExport picture(m_pyramid, HeatmapExport::layoutFor(m_layout, maxSidePx, 1.0 / dpr()));
    picture.setBackingEndCluster(m_backingEndCluster);
    picture.setBackingZeroRanges(m_backingZeroRanges);
    picture.setPalette(m_palette);
    picture.setUnreadableRanges(m_unreadable);
    picture.setBands(m_bands);
    return picture;
}

QImage HeatmapWidget::renderImage(int maxSidePx) const
{
    if (!m_pyramid || m_clusterCount == 0 || maxSidePx < 1)
        return QImage();
    return exportFor(maxSidePx).renderMap();
}

QImage HeatmapWidget::exportImage(int maxSidePx) const
{
    if (!m_pyramid || m_clusterCount == 0 || maxSidePx < 1)
        return QImage();
    HeatmapExport picture = exportFor(maxSidePx);
    picture.setFont(font());
    picture.setWidgetPalette(palette());
    return picture.render();
}

} // namespace AddCow
