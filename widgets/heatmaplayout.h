// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "clusterrange.h"

#include <QList>
#include <QRect>
#include <QtGlobal>

#include <optional>

namespace AddCow
{

/**
 * Pure geometry of the cluster heatmap: a linear, row-major layout of cells that wraps at the
 * map's width. All lengths are layout pixels (device pixels in the widget); vertical positions
 * are 64-bit because a huge image is far taller than any int.
 *
 * The zoom level z picks the cell: for z < 0 a cell is one cluster drawn as a square of 2^-z
 * pixels; for z >= 0 a cell is one pixel covering 2^z consecutive clusters (aligned to 2^z, so
 * the last cell may hold fewer). Zoom steps are factors of two.
 */
class HeatmapLayout
{
public:
    static constexpr int FinestZoomLevel = -5; ///< 32 x 32 pixel cells at a device pixel ratio of 1
    static constexpr int CoarsestZoomLevel = 56; ///< 2^56 clusters per pixel: more than any image
    static constexpr int GridMinCellSizePx = 8; ///< cells at least this big get a one-pixel grid

    HeatmapLayout() = default;
    HeatmapLayout(quint64 clusterCount, int widthPx, int zoomLevel);

    quint64 clusterCount() const { return m_clusterCount; }
    int widthPx() const { return m_widthPx; }
    int zoomLevel() const { return m_zoomLevel; }

    /** Side of one cell in pixels (1 when a pixel covers several clusters). */
    int cellSizePx() const { return m_cellSizePx; }
    /** log2 of the clusters per cell (0 when a cell is one cluster). */
    int clustersPerCellLog2() const { return m_clustersPerCellLog2; }
    quint64 clustersPerCell() const { return quint64(1) << m_clustersPerCellLog2; }
    bool hasGrid() const { return m_cellSizePx >= GridMinCellSizePx; }

    int columns() const { return m_columns; }
    quint64 cellCount() const { return m_cellCount; }
    quint64 rowCount() const { return m_rowCount; }
    /** columns() * cellSizePx(): the used part of widthPx(). */
    int contentWidthPx() const { return m_columns * m_cellSizePx; }
    quint64 contentHeightPx() const { return m_rowCount * quint64(m_cellSizePx); }

    quint64 cellOfCluster(quint64 clusterIndex) const { return clusterIndex >> m_clustersPerCellLog2; }
    /** The clusters a cell covers, clamped to the last cluster (empty past the end). */
    ClusterRange clustersOfCell(quint64 cellIndex) const;
    quint64 rowOfCell(quint64 cellIndex) const { return cellIndex / quint64(m_columns); }
    int columnOfCell(quint64 cellIndex) const { return int(cellIndex % quint64(m_columns)); }
    /** Top of the cell's row, content pixels. */
    quint64 cellTopPx(quint64 cellIndex) const { return rowOfCell(cellIndex) * quint64(m_cellSizePx); }
    int cellLeftPx(quint64 cellIndex) const { return columnOfCell(cellIndex) * m_cellSizePx; }

    /** The cell at content pixel (xPx, yPx); nothing right of the columns or past the last cell. */
    std::optional<quint64> cellAt(qint64 xPx, quint64 yPx) const;
    /** The clusters under content pixel (xPx, yPx); nothing outside the map. */
    std::optional<ClusterRange> clustersAt(qint64 xPx, quint64 yPx) const;
    /** The cell nearest to (xPx, yPx) in reading order, for drags that leave the map; needs a cell. */
    quint64 nearestCellAt(qint64 xPx, qint64 yPx) const;

    /**
     * Where range is drawn in a viewport that shows content rows [topPx, topPx + heightPx):
     * at most three rectangles (first partial row, full rows, last partial row) in viewport
     * pixels, clipped vertically to the viewport (plus one pixel).
     */
    QList<QRect> rectsForRange(ClusterRange range, quint64 topPx, int heightPx) const;

    /** The finest level >= finestLevel at which all clusterCount clusters fit in widthPx x heightPx. */
    static int fitZoomLevel(quint64 clusterCount, int widthPx, int heightPx, int finestLevel = FinestZoomLevel);

    bool operator==(const HeatmapLayout &other) const
    {
        return m_clusterCount == other.m_clusterCount && m_widthPx == other.m_widthPx && m_zoomLevel == other.m_zoomLevel;
    }

private:
    quint64 m_clusterCount = 0;
    int m_widthPx = 0;
    int m_zoomLevel = 0;
    int m_cellSizePx = 1;
    int m_clustersPerCellLog2 = 0;
    int m_columns = 1;
    quint64 m_cellCount = 0;
    quint64 m_rowCount = 0;
};

} // namespace AddCow
