// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "clusterpyramid.h"
#include "heatmapband.h"
#include "heatmaplayout.h"
#include "heatmaprenderer.h"

#include <QFont>
#include <QImage>
#include <QList>
#include <QPalette>

#include <memory>

namespace AddCow
{

/**
 * The cluster map as a picture of the whole image: the grid as on screen (row length and cell
 * size), the row offsets on the axis, band bars and outlines, unreadable ranges hatched, and the
 * legend with the scale below. Painted by the same code as the screen (renderer, axis, legend).
 */
class HeatmapExport
{
public:
    HeatmapExport(std::shared_ptr<const ClusterPyramid> pyramid, const HeatmapLayout &layout);

    /**
     * The layout of a picture of the whole map like screen (device pixels; scaleToLogical turns
     * them into picture pixels): the same rows and cells, the cells shrunk when the picture would
     * pass maxSidePx, then coarser cells, and rows made longer only when there are more rows
     * than maxSidePx.
     */
    static HeatmapLayout layoutFor(const HeatmapLayout &screen, int maxSidePx, double scaleToLogical);

    void setBackingEndCluster(quint64 clusterIndex) { m_backingEndCluster = clusterIndex; }
    void setBackingZeroRanges(std::shared_ptr<const QList<ClusterRange>> ranges) { m_backingZeroRanges = std::move(ranges); }
    void setPalette(const HeatmapRenderer::Palette &palette) { m_palette = palette; }
    void setUnreadableRanges(const QList<ClusterRange> &ranges) { m_unreadable = ranges; }
    void setBands(const QList<HeatmapBand> &bands) { m_bands = bands; }
    void setFont(const QFont &font) { m_font = font; }
    /** Window and text colours for the axis and the legend. */
    void setWidgetPalette(const QPalette &palette) { m_widgetPalette = palette; }

    const HeatmapLayout &layout() const { return m_layout; }
    /** The map alone, with unreadable ranges and band outlines. */
    QImage renderMap() const;
    /** Axis, map and legend. */
    QImage render() const;

private:
    std::shared_ptr<const ClusterPyramid> m_pyramid;
    HeatmapLayout m_layout;
    quint64 m_backingEndCluster = 0;
    std::shared_ptr<const QList<ClusterRange>> m_backingZeroRanges;
    HeatmapRenderer::Palette m_palette;
    QList<ClusterRange> m_unreadable;
    QList<HeatmapBand> m_bands;
    QFont m_font;
    QPalette m_widgetPalette;
};

} // namespace AddCow
