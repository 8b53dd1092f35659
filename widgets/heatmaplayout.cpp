// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "heatmaplayout.h"

#include <algorithm>

namespace AddCow
{

HeatmapLayout::HeatmapLayout(quint64 clusterCount, int widthPx, int zoomLevel)
    : m_clusterCount(clusterCount)
    , m_widthPx(std::max(1, widthPx))
    , m_zoomLevel(std::clamp(zoomLevel, -10, CoarsestZoomLevel))
{
    if (m_zoomLevel < 0) {
        m_cellSizePx = 1 << -m_zoomLevel;
        m_clustersPerCellLog2 = 0;
    } else {
        m_cellSizePx = 1;
        m_clustersPerCellLog2 = m_zoomLevel;
    }
    m_columns = std::max(1, m_widthPx / m_cellSizePx);
    // R15: the last cluster may be partial, it is still a whole cell; the last cell may hold
    // fewer than clustersPerCell() clusters.
    m_cellCount = (m_clusterCount >> m_clustersPerCellLog2) + ((m_clusterCount & (clustersPerCell() - 1)) ? 1 : 0);
    m_rowCount = (m_cellCount + quint64(m_columns) - 1) / quint64(m_columns);
}

ClusterRange HeatmapLayout::clustersOfCell(quint64 cellIndex) const
{
    if (cellIndex >= m_cellCount)
        return {m_clusterCount, 0};
    const quint64 first = cellIndex << m_clustersPerCellLog2;
    return {first, std::min(clustersPerCell(), m_clusterCount - first)};
}

std::optional<quint64> HeatmapLayout::cellAt(qint64 xPx, quint64 yPx) const
{
    if (xPx < 0 || xPx >= contentWidthPx())
        return std::nullopt;
    const quint64 row = yPx / quint64(m_cellSizePx);
    if (row >= m_rowCount)
        return std::nullopt;
    const quint64 cell = row * quint64(m_columns) + quint64(xPx / m_cellSizePx);
    if (cell >= m_cellCount)
        return std::nullopt;
    return cell;
}

std::optional<ClusterRange> HeatmapLayout::clustersAt(qint64 xPx, quint64 yPx) const
{
    const std::optional<quint64> cell = cellAt(xPx, yPx);
    if (!cell)
        return std::nullopt;
    return clustersOfCell(*cell);
}

quint64 HeatmapLayout::nearestCellAt(qint64 xPx, qint64 yPx) const
{
    if (m_cellCount == 0)
        return 0;
    if (yPx < 0)
        return 0;
    const quint64 row = quint64(yPx) / quint64(m_cellSizePx);
    if (row >= m_rowCount)
        return m_cellCount - 1;
    const qint64 column = std::clamp<qint64>(xPx / m_cellSizePx, 0, m_columns - 1);
    return std::min(row * quint64(m_columns) + quint64(xPx < 0 ? 0 : column), m_cellCount - 1);
}

QList<QRect> HeatmapLayout::rectsForRange(ClusterRange range, quint64 topPx, int heightPx) const
{
    QList<QRect> rects;
    const ClusterRange clamped = range.intersected({0, m_clusterCount});
    if (clamped.isEmpty() || heightPx <= 0)
        return rects;
    const quint64 firstCell = cellOfCluster(clamped.first);
    const quint64 lastCell = cellOfCluster(clamped.end() - 1);
    const quint64 firstRow = rowOfCell(firstCell);
    const quint64 lastRow = rowOfCell(lastCell);
    const quint64 cellSize = quint64(m_cellSizePx);
    // Rows visible in the viewport, with one row of margin on each side.
    const quint64 visibleFirstRow = topPx / cellSize;
    const quint64 visibleEndRow = (topPx + quint64(heightPx)) / cellSize + 1;

    const auto addRows = [&](quint64 rowBegin, quint64 rowEnd, int columnBegin, int columnEnd) {
        rowBegin = std::max(rowBegin, visibleFirstRow);
        rowEnd = std::min(rowEnd, visibleEndRow);
        if (rowBegin >= rowEnd || columnBegin >= columnEnd)
            return;
        const qint64 top = qint64(rowBegin * cellSize) - qint64(topPx);
        const qint64 bottom = qint64(rowEnd * cellSize) - qint64(topPx);
        const int clippedTop = int(std::max<qint64>(top, -1));
        const int clippedBottom = int(std::min<qint64>(bottom, qint64(heightPx) + 1));
        rects.append(QRect(columnBegin * m_cellSizePx, clippedTop, (columnEnd - columnBegin) * m_cellSizePx, clippedBottom - clippedTop));
    };

    const int firstColumn = columnOfCell(firstCell);
    const int lastColumn = columnOfCell(lastCell);
    if (firstRow == lastRow) {
        addRows(firstRow, firstRow + 1, firstColumn, lastColumn + 1);
        return rects;
    }
    addRows(firstRow, firstRow + 1, firstColumn, m_columns);
    addRows(firstRow + 1, lastRow, 0, m_columns);
    addRows(lastRow, lastRow + 1, 0, lastColumn + 1);
    return rects;
}

int HeatmapLayout::fitZoomLevel(quint64 clusterCount, int widthPx, int heightPx, int finestLevel)
{
    for (int level = finestLevel; level < CoarsestZoomLevel; ++level) {
        if (HeatmapLayout(clusterCount, widthPx, level).contentHeightPx() <= quint64(std::max(1, heightPx)))
            return level;
    }
    return CoarsestZoomLevel;
}

} // namespace AddCow
