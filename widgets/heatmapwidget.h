// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "clusterbitmap.h"
#include "clusterpyramid.h"
#include "clusterrange.h"
#include "heatmapband.h"
#include "heatmapflashes.h"
#include "heatmaplayout.h"
#include "heatmaprenderer.h"
#include "image.h"

#include <QAbstractScrollArea>
#include <QElapsedTimer>
#include <QImage>
#include <QList>
#include <QThreadPool>

#include <memory>
#include <optional>

class QAction;
class QMenu;
class QTimer;

namespace AddCow
{

class HeatmapAxis;
class HeatmapExport;
class HeatmapKeyboardController;
class HeatmapMouseController;

/**
 * The cluster map: one cell per 64 KiB cluster in a grid of rows of a fixed, power-of-two
 * number of clusters, coloured by where the virtual disk reads it from (R13): the image file,
 * the backing file, backing zeros or zeros; the row offsets on an axis at the left.
 *
 * The grid never changes on resize. Its row length is either chosen (setRowClustersLog2(), the
 * grid then only scales on zoom) or automatic: Fit picks the row length that fills the view,
 * and zooming keeps the map's width by halving or doubling the rows. Zoom runs from 32 x 32
 * pixel cells down to many clusters per pixel; then a pixel shows the allocated fraction of its
 * clusters on a ramp (never clean when one is allocated).
 *
 * The image's bitmap is shared, never copied: the ClusterPyramid over it is counted in the
 * background and frames paint what is counted while the rest follows. Frames are rendered off
 * the GUI thread; while one renders the last is shown moved or scaled. Selection, bands,
 * unreadable ranges, newly allocated clusters (a short flash) and the goToCluster mark are
 * painted on top. Input is handled by HeatmapMouseController and HeatmapKeyboardController.
 */
class HeatmapWidget : public QAbstractScrollArea
{
    Q_OBJECT

public:
    static constexpr int AutomaticRows = -1; ///< setRowClustersLog2(): rows chosen to fill the view

    explicit HeatmapWidget(QWidget *parent = nullptr);
    ~HeatmapWidget() override;

    /**
     * Shows image: its bitmap is shared (never copied) and counted in the background. Clean
     * clusters below the backing file's end come from it, the rest are zeros (R13);
     * ALL_ALLOCATED puts every cluster in the image file (R14). Null clears the map.
     */
    void setImage(std::shared_ptr<const Image> image);
    /**
     * Shows a copy of bitmap, for callers without an Image. virtualSizeBytes gives the cluster
     * count (R11, partial last cluster included).
     */
    void setImageData(const AddCow::ClusterBitmap &bitmap, quint64 virtualSizeBytes, quint64 backingFileSizeBytes, bool allAllocated, bool hasBackingFile);
    void clear();
    /**
     * The bits of range changed in the shown bitmap (a commit, an edit, another process): the
     * counts of the blocks covering it are redone and only that part is drawn again; clusters
     * that are allocated now flash briefly.
     */
    void updateClusters(AddCow::ClusterRange range);
    /** For setImageData(): sets the bits of range in the widget's copy, then updateClusters(range). */
    void markAllocated(AddCow::ClusterRange range);
    /** Verify results: drawn hatched red. */
    void setUnreadableRanges(const QList<AddCow::ClusterRange> &ranges);
    QList<AddCow::ClusterRange> unreadableRanges() const { return m_unreadable; }
    /** Clean clusters whose backing data reads as zeros (holes, zero clusters of the backing disk). */
    void setBackingZeroRanges(const QList<AddCow::ClusterRange> &ranges);

    /** Labelled cluster ranges drawn beside and over the grid (partitions, for one). */
    void setBands(const QList<AddCow::HeatmapBand> &bands);
    QList<AddCow::HeatmapBand> bands() const { return m_bands; }
    /** Label, range and extra lines of band index. */
    QString bandToolTip(int index) const;
    /** Selects the clusters of band index (the same as clicking its bar). */
    void selectBand(int index);

    void setSelection(AddCow::ClusterRange range);
    AddCow::ClusterRange selection() const { return m_selection; }
    /** Scrolls the cluster into the middle of the view, moves the cursor there and flashes a mark. */
    void goToCluster(quint64 clusterIndex);
    std::optional<quint64> markedCluster() const { return m_markedCluster; }

    /** log2 of the clusters per row, or AutomaticRows. Applies at once (as a Fit when automatic). */
    void setRowClustersLog2(int log2);
    int rowClustersSetting() const { return m_rowSetting; }
    /** The row lengths offered (log2, or AutomaticRows) with their names, for menus and combo boxes. */
    static QList<std::pair<int, QString>> rowClustersChoices();
    /** Fills menu with the row length choices, the current one checked (on aboutToShow, say). */
    void fillRowClustersMenu(QMenu *menu);
    /** Halve and double the row length (Ctrl+[, Ctrl+]), and back to automatic (Ctrl+Shift+R), for menus. */
    QAction *shorterRowsAction() const { return m_shorterRows; }
    QAction *longerRowsAction() const { return m_longerRows; }
    QAction *automaticRowsAction() const { return m_automaticRows; }

    void zoomIn();
    void zoomOut();
    /** Shows the whole map filling the view; kept (scaled, never re-flowed) on resize until the user zooms. */
    void zoomToFit();
    /** Zooms steps levels in (> 0) or out, keeping the cluster under anchorPos (viewport coordinates) there. */
    void zoomBy(int steps, std::optional<QPoint> anchorPos = std::nullopt);
    bool isFitMode() const { return m_fitMode; }
    bool canZoomIn() const;
    bool canZoomOut() const;
    /** Rounded log2 of the clusters per horizontal pixel: < 0 for cells wider than a pixel. */
    int zoomLevel() const;
    /** "1 cluster = 9 × 8 px, 128 clusters (8 MiB) per row", translated. */
    QString scaleText() const;

    /**
     * The map as a picture: the same grid as on screen (row length, cell size), the whole image,
     * with the axis, the bands and the legend. When the whole map would pass maxSidePx, cells
     * shrink first, then rows get longer. Null when nothing is shown.
     */
    QImage exportImage(int maxSidePx = 8192) const;
    /** The map only, without axis and legend, in the layout exportImage() uses. */
    QImage renderImage(int maxSidePx = 8192) const;

    // Geometry and state for the controllers, the legend and tests.
    quint64 clusterCount() const { return m_clusterCount; }
    quint64 virtualSizeBytes() const { return m_virtualSizeBytes; }
    bool hasImageData() const { return bool(m_pyramid); }
    const ClusterPyramid *pyramid() const { return m_pyramid.get(); }
    /** The layout in device pixels. */
    const HeatmapLayout &layout() const { return m_layout; }
    const HeatmapRenderer::Palette &colors() const { return m_palette; }
    /** R13: where a cluster is read from. */
    DataSource sourceOfCluster(quint64 clusterIndex) const;
    /** Whether clusterIndex is in the backing-zero ranges (setBackingZeroRanges()). */
    bool readsBackingZero(quint64 clusterIndex) const;
    /** Clean clusters drawn as backing data that cannot be read, in the map, its export and the legend. */
    void setBackingUnavailable(bool unavailable);
    /** The clusters under a viewport position (logical pixels), if any. */
    std::optional<ClusterRange> clustersAt(QPoint viewportPos) const;
    /** The clusters of the cell nearest to a viewport position in reading order (drags). */
    ClusterRange nearestClustersAt(QPoint viewportPos) const;
    /** Where a cluster range is drawn, viewport logical coordinates. */
    QList<QRectF> viewportRectsFor(ClusterRange range) const;
    /** The tooltip for a viewport position: cluster(s), byte range, source, allocated count, bands. */
    QString toolTipTextAt(QPoint viewportPos) const;
    /** The run of clusters sharing the source of clusterIndex (image file or not), within the disk. */
    ClusterRange runAt(quint64 clusterIndex) const;

    /** Content pixels scrolled off the top and the left (device pixels). */
    quint64 topPx() const { return m_topPx; }
    qint64 leftPx() const { return m_leftPx; }
    quint64 maxTopPx() const;
    qint64 maxLeftPx() const;
    void scrollToPx(quint64 topPx);
    void scrollToXPx(qint64 leftPx);
    /** Rows of cells fully visible. */
    int visibleRowCount() const;
    QSize viewportSizePx() const;

    /** The keyboard cursor: first cluster of the current cell. */
    quint64 cursorCluster() const { return m_cursorCluster; }
    /** Moves the cursor to the cell holding clusterIndex and selects it (extend: up to it). */
    void moveCursorTo(quint64 clusterIndex, bool extendSelection);
    /** Selects the clusters of one cell, or extends the selection from its anchor to them. */
    void selectCell(ClusterRange cellClusters, bool extend);
    void ensureClusterVisible(quint64 clusterIndex);
    void activateCluster(quint64 clusterIndex);

    /** The flashes of newly allocated clusters now running (tests). */
    const HeatmapFlashes &flashes() const { return m_flashes; }
    /** The context menu for a viewport position (tests; shown on right click). */
    QMenu *createContextMenu(QPoint viewportPos, QWidget *parent);

    /** True once the frame on screen matches the current state, every cell counted (tests, benchmarks). */
    bool hasCurrentFrame() const;
    QImage currentFrame() const { return m_frame; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void selectionChanged(AddCow::ClusterRange range);
    void clusterActivated(quint64 clusterIndex);
    void zoomChanged();
    /** The row length setting changed (setRowClustersLog2). */
    void rowClustersChanged(int log2);
    /** A rendered frame (or part of one) reached the screen. */
    void frameRendered();
    /** The user asked for a PNG of the map (context menu). */
    void exportRequested();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    void changeEvent(QEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    HeatmapExport exportFor(int maxSidePx) const;
    struct FrameKey {
        HeatmapLayout layout;
        QSize sizePx;
        qint64 leftPx = 0;
        quint64 topPx = 0;
        quint64 generation = 0;
        bool operator==(const FrameKey &) const = default;
    };

    qreal dpr() const;
    double maxCellPx() const;
    FrameKey currentKey() const;
    FrameKey keyOf(const HeatmapRenderer::Frame &frame) const;
    HeatmapRenderer::Frame makeFrame(QRect regionPx) const;
    QPoint toDevice(QPoint viewportPos) const;
    void showPyramid(std::shared_ptr<ClusterPyramid> pyramid, quint64 virtualSizeBytes, quint64 backingFileSizeBytes, bool allAllocated, bool hasBackingFile);
    void pollPyramidBuild();
    /**
     * Applies layout keeping the cluster under anchor (viewport device pixels) there. Widens or
     * narrows the axis for the layout's labels first (a fit then fills what is left), unless
     * this is a resize.
     */
    void applyLayout(HeatmapLayout layout, std::optional<QPoint> anchorDevicePx, bool resizing = false);
    int axisWidthFor(const HeatmapLayout &layout) const;
    HeatmapLayout fitLayout(bool chooseRows) const;
    HeatmapLayout zoomedLayout(const HeatmapLayout &from, bool in) const;
    void updateScrollBars();
    void updateRowActions();
    void updateAxis();
    void scheduleFrame();
    void markDirty(QRect regionPx);
    void kickRenderer();
    void onFrameFinished(const HeatmapRenderer::Outcome &outcome, const HeatmapRenderer::Frame &frame, bool canceled);
    void updateAccessibleDescription();
    void changeSelection(ClusterRange range);
    void paintBands(QPainter &painter) const;
    void paintFlashes(QPainter &painter, qint64 nowMs) const;
    /** A cluster range that can be on screen now, for culling overlays. */
    ClusterRange visibleClusters() const;

    std::shared_ptr<const Image> m_image; ///< keeps the shared bitmap alive (setImage)
    std::shared_ptr<ClusterBitmap> m_ownBitmap; ///< setImageData's copy, markAllocated writes it
    std::shared_ptr<ClusterPyramid> m_pyramid;
    quint64 m_clusterCount = 0;
    quint64 m_generation = 0;
    quint64 m_virtualSizeBytes = 0;
    quint64 m_backingFileSizeBytes = 0;
    quint64 m_backingEndCluster = 0;
    bool m_allAllocated = false;
    bool m_hasBackingFile = false;
    bool m_backingUnavailable = false; ///< the image's backing file cannot be read (Image::backingError())
    std::shared_ptr<const QList<ClusterRange>> m_backingZeroRanges;
    HeatmapRenderer::Palette m_palette;
    QThreadPool m_buildPool; ///< counts pyramids, apart from the pool that renders frames
    QTimer *m_buildTimer = nullptr;
    quint64 m_countedChunks = 0;

    HeatmapLayout m_layout;
    int m_rowSetting = AutomaticRows;
    QAction *m_shorterRows = nullptr;
    QAction *m_longerRows = nullptr;
    QAction *m_automaticRows = nullptr;
    bool m_fitMode = true;
    quint64 m_topPx = 0;
    qint64 m_leftPx = 0;
    quint64 m_scrollUnitPx = 1; ///< device pixels per scroll bar step (64-bit content on an int bar)
    bool m_syncingScrollBars = false;
    HeatmapAxis *m_axis = nullptr;
    int m_axisWidth = 0;
    bool m_settingMargins = false;

    ClusterRange m_selection;
    ClusterRange m_selectionAnchor;
    quint64 m_cursorCluster = 0;
    QList<ClusterRange> m_unreadable;
    QList<HeatmapBand> m_bands;
    std::optional<quint64> m_markedCluster;
    QTimer *m_markTimer = nullptr;
    int m_markTicks = 0;
    HeatmapFlashes m_flashes;
    QTimer *m_flashTimer = nullptr;
    QElapsedTimer m_clock;

    HeatmapRenderer *m_renderer = nullptr;
    QImage m_frame;
    FrameKey m_frameKey;
    bool m_frameValid = false;
    bool m_framePending = false; ///< the frame shows blocks not counted yet
    QRect m_dirtyPx;
    QPointF m_zoomAnchor; ///< logical viewport point the last zoom kept still, to scale a stale frame

    std::unique_ptr<HeatmapMouseController> m_mouse;
    std::unique_ptr<HeatmapKeyboardController> m_keyboard;
};

} // namespace AddCow
