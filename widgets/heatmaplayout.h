// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "clusterrange.h"

#include <QList>
#include <QRect>
#include <QSize>
#include <QtGlobal>

#include <optional>

namespace AddCow
{

/**
 * Pure geometry of the cluster heatmap: a grid whose rows hold rowClusters() clusters each, a
 * power of two, so row n always starts at byte n * rowClusters() * 64 KiB whatever the window's
 * size. A cell is 2^clustersPerCellLog2() consecutive clusters of one row.
 *
 * The grid is drawn contentWidthPx() x contentHeightPx() layout pixels (device pixels in the
 * widget). Column i spans x in [i * W / columns, (i + 1) * W / columns) and row j spans y in
 * [j * H / rows, (j + 1) * H / rows): cells need not be a power of two pixels (or even a whole
 * number), so a fit fills the space; every cell is at least one pixel each way. Vertical
 * positions are 64-bit because a huge image is far taller than any int.
 */
class HeatmapLayout
{
public:
    static constexpr int MaxContentWidthPx = 1 << 30;
    static constexpr int MinRowClustersLog2 = 3; ///< 8 clusters (512 KiB) per row
    static constexpr int MaxRowClustersLog2 = 40;
    static constexpr int GridMinCellSizePx = 8; ///< cells at least this big get a one-pixel grid

    HeatmapLayout() = default;
    /**
     * rowClustersLog2 is clamped to [0, MaxRowClustersLog2], clustersPerCellLog2 to the row (and
     * to at most 2^30 columns); widthPx and heightPx are raised to one pixel per column and row.
     */
    HeatmapLayout(quint64 clusterCount, int rowClustersLog2, int clustersPerCellLog2, qint64 widthPx, quint64 heightPx);
    /** Cells of cellWidthPx x cellHeightPx pixels (fractions allowed, at least 1). */
    static HeatmapLayout withCellSize(quint64 clusterCount, int rowClustersLog2, int clustersPerCellLog2, double cellWidthPx, double cellHeightPx);

    /**
     * The layout that shows all clusterCount clusters in viewportPx, filling it as far as cells of
     * at most maxCellPx allow. rowClustersLog2 < 0 chooses the row length that fills the space
     * best with cells near square; otherwise rows keep that length, and when they are too many
     * for the height the map fills the width (square cells) and scrolls.
     */
    static HeatmapLayout fit(quint64 clusterCount, int rowClustersLog2, QSize viewportPx, double maxCellPx);

    quint64 clusterCount() const { return m_clusterCount; }
    int rowClustersLog2() const { return m_rowClustersLog2; }
    quint64 rowClusters() const { return quint64(1) << m_rowClustersLog2; }
    /** log2 of the clusters per cell (0 when a cell is one cluster). */
    int clustersPerCellLog2() const { return m_clustersPerCellLog2; }
    quint64 clustersPerCell() const { return quint64(1) << m_clustersPerCellLog2; }

    int columns() const { return m_columns; }
    quint64 rowCount() const { return m_rowCount; }
    quint64 cellCount() const { return m_cellCount; }
    int contentWidthPx() const { return m_widthPx; }
    quint64 contentHeightPx() const { return m_heightPx; }
    double cellWidthPx() const { return double(m_widthPx) / double(m_columns); }
    double cellHeightPx() const { return m_rowCount > 0 ? double(m_heightPx) / double(m_rowCount) : 1.0; }
    /** Every cell at least GridMinCellSizePx each way. */
    bool hasGrid() const;

    /** Left edge of column (0 to columns()), content pixels. */
    int columnLeftPx(int column) const;
    /** Top edge of row (0 to rowCount()), content pixels. */
    quint64 rowTopPx(quint64 row) const;
    /** The column holding x, for x in [0, contentWidthPx()). */
    int columnAtPx(int xPx) const;
    /** The row holding y, for y in [0, contentHeightPx()). */
    quint64 rowAtPx(quint64 yPx) const;
    /** Byte offset of the first cluster of row (R13: cluster n is at n * 64 KiB). */
    quint64 rowStartBytes(quint64 row) const;

    quint64 cellOfCluster(quint64 clusterIndex) const { return clusterIndex >> m_clustersPerCellLog2; }
    /** The clusters a cell covers, clamped to the last cluster (empty past the end). */
    ClusterRange clustersOfCell(quint64 cellIndex) const;
    quint64 rowOfCell(quint64 cellIndex) const { return cellIndex >> (m_rowClustersLog2 - m_clustersPerCellLog2); }
    int columnOfCell(quint64 cellIndex) const { return int(cellIndex & quint64(m_columns - 1)); }
    quint64 cellTopPx(quint64 cellIndex) const { return rowTopPx(rowOfCell(cellIndex)); }
    int cellLeftPx(quint64 cellIndex) const { return columnLeftPx(columnOfCell(cellIndex)); }

    /** The cell at content pixel (xPx, yPx); nothing outside the grid or past the last cell. */
    std::optional<quint64> cellAt(qint64 xPx, quint64 yPx) const;
    /** The clusters under content pixel (xPx, yPx); nothing outside the map. */
    std::optional<ClusterRange> clustersAt(qint64 xPx, quint64 yPx) const;
    /** The cell nearest to (xPx, yPx) in reading order, for drags that leave the map; needs a cell. */
    quint64 nearestCellAt(qint64 xPx, qint64 yPx) const;

    /**
     * Where range is drawn in a viewport showing content from (leftPx, topPx), sized viewportPx:
     * at most three rectangles (first partial row, full rows, last partial row) in viewport
     * pixels, clipped to the viewport plus one pixel.
     */
    QList<QRect> rectsForRange(ClusterRange range, qint64 leftPx, quint64 topPx, QSize viewportPx) const;

    bool operator==(const HeatmapLayout &other) const
    {
        return m_clusterCount == other.m_clusterCount && m_rowClustersLog2 == other.m_rowClustersLog2
            && m_clustersPerCellLog2 == other.m_clustersPerCellLog2 && m_widthPx == other.m_widthPx && m_heightPx == other.m_heightPx;
    }

private:
    quint64 m_clusterCount = 0;
    int m_rowClustersLog2 = 0;
    int m_clustersPerCellLog2 = 0;
    int m_columns = 1;
    quint64 m_rowCount = 0;
    quint64 m_cellCount = 0;
    int m_widthPx = 1;
    quint64 m_heightPx = 0;
};

} // namespace AddCow
