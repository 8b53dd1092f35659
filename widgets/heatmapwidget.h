// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "clusterbitmap.h"
#include "clusterpyramid.h"
#include "clusterrange.h"
#include "heatmaplayout.h"
#include "heatmaprenderer.h"
#include "image.h"

#include <QAbstractScrollArea>
#include <QImage>
#include <QList>

#include <memory>
#include <optional>
#include <vector>

class QTimer;

namespace AddCow
{

class HeatmapKeyboardController;
class HeatmapMouseController;

/**
 * The cluster map: one cell per 64 KiB cluster in a linear, row-major layout, coloured by
 * where the virtual disk reads it from (R13): the image file, the backing file, or zeros.
 *
 * Zoom runs from 32 x 32 pixel cells with a grid down to many clusters per pixel; then a pixel
 * shows the allocated fraction of its clusters on a ramp (never empty when one is allocated).
 * Frames come from a ClusterPyramid, rendered off the GUI thread; while one renders the last
 * frame is shown moved or scaled. Selection, unreadable ranges and the goToCluster mark are
 * painted on top. Input is handled by HeatmapMouseController and HeatmapKeyboardController.
 */
class HeatmapWidget : public QAbstractScrollArea
{
    Q_OBJECT

public:
    explicit HeatmapWidget(QWidget *parent = nullptr);
    ~HeatmapWidget() override;

    /**
     * Shows a bitmap (copied). virtualSizeBytes gives the cluster count (R11, partial last
     * cluster included); clean clusters below the backing file's end come from it, the rest
     * are zeros (R13); allAllocated puts every cluster in the image file (R14).
     */
    void setImageData(const AddCow::ClusterBitmap &bitmap, quint64 virtualSizeBytes, quint64 backingFileSizeBytes, bool allAllocated, bool hasBackingFile);
    void clear();
    /** Live update (commit, writes): the range is now in the image file; repaints only it. */
    void markAllocated(AddCow::ClusterRange range);
    /** Verify results: drawn hatched red. */
    void setUnreadableRanges(const QList<AddCow::ClusterRange> &ranges);
    QList<AddCow::ClusterRange> unreadableRanges() const { return m_unreadable; }

    void setSelection(AddCow::ClusterRange range);
    AddCow::ClusterRange selection() const { return m_selection; }
    /** Scrolls the cluster into the middle of the view, moves the cursor there and flashes a mark. */
    void goToCluster(quint64 clusterIndex);
    std::optional<quint64> markedCluster() const { return m_markedCluster; }

    void zoomIn();
    void zoomOut();
    /** The finest zoom at which the whole map fits; kept on resize until the user zooms. */
    void zoomToFit();
    /** Changes the zoom level keeping the cluster under anchorPos (viewport coordinates) there. */
    void setZoomLevel(int zoomLevel, std::optional<QPoint> anchorPos = std::nullopt);
    /** See HeatmapLayout: < 0 cells of 2^-level pixels, >= 0 2^level clusters per pixel. */
    int zoomLevel() const { return m_zoomLevel; }
    int finestZoomLevel() const;
    int coarsestZoomLevel() const;
    bool isFitMode() const { return m_fitMode; }
    bool canZoomIn() const { return m_zoomLevel > finestZoomLevel(); }
    bool canZoomOut() const { return m_zoomLevel < coarsestZoomLevel(); }

    /** Whole map for PNG export, at most maxSidePx on each side, at the finest zoom that fits. */
    QImage renderImage(int maxSidePx = 4096) const;

    // Geometry and state for the controllers, the legend and tests.
    quint64 clusterCount() const { return m_clusterCount; }
    quint64 virtualSizeBytes() const { return m_virtualSizeBytes; }
    bool hasImageData() const { return bool(m_pyramid); }
    const ClusterPyramid *pyramid() const { return m_pyramid.get(); }
    /** The layout in device pixels (the viewport's width times the device pixel ratio). */
    const HeatmapLayout &layout() const { return m_layout; }
    const HeatmapRenderer::Palette &colors() const { return m_palette; }
    /** R13: where a cluster is read from. */
    DataSource sourceOfCluster(quint64 clusterIndex) const;
    /** The clusters under a viewport position (logical pixels), if any. */
    std::optional<ClusterRange> clustersAt(QPoint viewportPos) const;
    /** The clusters of the cell nearest to a viewport position in reading order (drags). */
    ClusterRange nearestClustersAt(QPoint viewportPos) const;
    /** Where a cluster range is drawn, viewport logical coordinates. */
    QList<QRectF> viewportRectsFor(ClusterRange range) const;
    /** The tooltip for a viewport position: cluster(s), byte range, source, allocated count. */
    QString toolTipTextAt(QPoint viewportPos) const;

    /** Content pixels scrolled off the top (device pixels). */
    quint64 topPx() const { return m_topPx; }
    quint64 maxTopPx() const;
    void scrollToPx(quint64 topPx);
    /** Rows of cells fully visible. */
    int visibleRowCount() const;

    /** The keyboard cursor: first cluster of the current cell. */
    quint64 cursorCluster() const { return m_cursorCluster; }
    /** Moves the cursor to the cell holding clusterIndex and selects it (extend: up to it). */
    void moveCursorTo(quint64 clusterIndex, bool extendSelection);
    /** Selects the clusters of one cell, or extends the selection from its anchor to them. */
    void selectCell(ClusterRange cellClusters, bool extend);
    void ensureClusterVisible(quint64 clusterIndex);
    void activateCluster(quint64 clusterIndex);

    /** True once the frame on screen matches the current state (tests, benchmarks). */
    bool hasCurrentFrame() const;
    QImage currentFrame() const { return m_frame; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void selectionChanged(AddCow::ClusterRange range);
    void clusterActivated(quint64 clusterIndex);
    void zoomChanged();
    /** A rendered frame (or part of one) reached the screen. */
    void frameRendered();

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

private:
    struct FrameKey {
        int zoomLevel = 0;
        int widthPx = 0;
        QSize sizePx;
        quint64 topPx = 0;
        quint64 generation = 0;
        bool operator==(const FrameKey &) const = default;
    };

    qreal dpr() const;
    QSize viewportSizePx() const;
    FrameKey currentKey() const;
    FrameKey keyOf(const HeatmapRenderer::Frame &frame) const;
    HeatmapRenderer::Frame makeFrame(QRect regionPx) const;
    QPoint toDevice(QPoint viewportPos) const;
    void relayout(std::optional<quint64> anchorCluster, int anchorYPx);
    void updateScrollBar();
    void scheduleFrame();
    void markDirty(QRect regionPx);
    void kickRenderer();
    void onFrameFinished(const QImage &image, const HeatmapRenderer::Frame &frame, bool canceled);
    void applyPendingUpdates();
    void updateAccessibleDescription();
    void changeSelection(ClusterRange range);

    std::shared_ptr<ClusterPyramid> m_pyramid;
    quint64 m_clusterCount = 0;
    quint64 m_generation = 0;
    quint64 m_virtualSizeBytes = 0;
    quint64 m_backingFileSizeBytes = 0;
    quint64 m_backingEndCluster = 0;
    bool m_allAllocated = false;
    bool m_hasBackingFile = false;
    HeatmapRenderer::Palette m_palette;

    HeatmapLayout m_layout;
    int m_zoomLevel = HeatmapLayout::FinestZoomLevel;
    bool m_fitMode = true;
    quint64 m_topPx = 0;
    int m_lastHeightPx = 0; ///< viewport height at the last resize, device pixels
    quint64 m_scrollUnitPx = 1; ///< device pixels per scroll bar step (64-bit content on an int bar)
    bool m_syncingScrollBar = false;

    ClusterRange m_selection;
    ClusterRange m_selectionAnchor;
    quint64 m_cursorCluster = 0;
    QList<ClusterRange> m_unreadable;
    std::optional<quint64> m_markedCluster;
    QTimer *m_flashTimer = nullptr;
    int m_flashTicks = 0;

    HeatmapRenderer *m_renderer = nullptr;
    QImage m_frame;
    FrameKey m_frameKey;
    bool m_frameValid = false;
    QRect m_dirtyPx;
    std::vector<ClusterRange> m_pendingUpdates;
    QPointF m_zoomAnchor; ///< logical viewport point the last zoom kept still, to scale a stale frame

    std::unique_ptr<HeatmapMouseController> m_mouse;
    std::unique_ptr<HeatmapKeyboardController> m_keyboard;
};

} // namespace AddCow
