// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "heatmaplayout.h"

#include "format.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace AddCow
{

namespace
{

__extension__ typedef unsigned __int128 u128; // products of 64-bit positions and sizes

// floor(index * total / parts): the edge before index when total pixels are shared by parts.
quint64 edgeOf(quint64 index, quint64 total, quint64 parts)
{
    return quint64(u128(index) * total / parts);
}

// The part holding pixel p: the largest index whose edge is <= p (total >= parts, p < total).
quint64 partAt(quint64 p, quint64 total, quint64 parts)
{
    return quint64((u128(p + 1) * parts - 1) / total);
}

int ceilLog2(quint64 value)
{
    return value <= 1 ? 0 : int(std::bit_width(value - 1));
}

} // namespace

HeatmapLayout::HeatmapLayout(quint64 clusterCount, int rowClustersLog2, int clustersPerCellLog2, qint64 widthPx, quint64 heightPx)
    : m_clusterCount(clusterCount)
    , m_rowClustersLog2(std::clamp(rowClustersLog2, 0, MaxRowClustersLog2))
{
    // At most 2^30 columns, so that every column is a pixel of an int-wide map.
    m_clustersPerCellLog2 = std::clamp(clustersPerCellLog2, std::max(0, m_rowClustersLog2 - 30), m_rowClustersLog2);
    m_columns = 1 << (m_rowClustersLog2 - m_clustersPerCellLog2);
    // R15: the last cluster may be partial, it is still a whole cell; the last cell and the last
    // row may hold fewer clusters.
    m_rowCount = (m_clusterCount >> m_rowClustersLog2) + ((m_clusterCount & (rowClusters() - 1)) ? 1 : 0);
    m_cellCount = (m_clusterCount >> m_clustersPerCellLog2) + ((m_clusterCount & (clustersPerCell() - 1)) ? 1 : 0);
    m_widthPx = int(std::clamp<qint64>(widthPx, m_columns, std::max(m_columns, MaxContentWidthPx)));
    m_heightPx = std::max(heightPx, m_rowCount);
}

HeatmapLayout HeatmapLayout::withCellSize(quint64 clusterCount, int rowClustersLog2, int clustersPerCellLog2, double cellWidthPx, double cellHeightPx)
{
    const HeatmapLayout shape(clusterCount, rowClustersLog2, clustersPerCellLog2, 0, 0);
    const double width = std::ceil(double(shape.columns()) * std::max(1.0, cellWidthPx) - 1e-9);
    const double height = std::ceil(double(shape.rowCount()) * std::max(1.0, cellHeightPx) - 1e-9);
    return HeatmapLayout(clusterCount, shape.rowClustersLog2(), shape.clustersPerCellLog2(), qint64(std::min(width, double(MaxContentWidthPx))),
                         quint64(std::min(height, 0x1p62)));
}

HeatmapLayout HeatmapLayout::fit(quint64 clusterCount, int rowClustersLog2, QSize viewportPx, double maxCellPx)
{
    const int viewWidth = std::max(1, viewportPx.width());
    const quint64 viewHeight = quint64(std::max(1, viewportPx.height()));
    maxCellPx = std::max(1.0, maxCellPx);

    // The fit with rows of 2^r clusters, and how much of the viewport it fills.
    struct Candidate {
        HeatmapLayout layout;
        bool fitsHeight = false;
        double filled = 0; ///< share of the viewport's area
        double skew = 0; ///< |log2(cell width / cell height)|
    };
    const auto fitRows = [&](int r) {
        const HeatmapLayout shape(clusterCount, r, 0, 0, 0);
        // The finest cells whose columns fit the width.
        int c = 0;
        while (c < shape.rowClustersLog2() && (shape.rowClusters() >> c) > quint64(viewWidth))
            ++c;
        const HeatmapLayout cells(clusterCount, r, c, 0, 0);
        const double widthRoom = std::min(maxCellPx, double(viewWidth) / double(cells.columns()));
        Candidate candidate;
        double cellWidth = widthRoom;
        double cellHeight = 1.0;
        if (cells.rowCount() <= viewHeight) {
            candidate.fitsHeight = true;
            const double heightRoom = std::min(maxCellPx, double(viewHeight) / double(cells.rowCount()));
            // Cells at most twice as long one way as the other: a map, not a bar code.
            cellWidth = std::min(widthRoom, 2.0 * heightRoom);
            cellHeight = std::max(1.0, std::min(heightRoom, 2.0 * widthRoom));
        } else if (c == 0) {
            cellWidth = cellHeight = std::floor(widthRoom); // square cells, the map scrolls
        }
        cellWidth = std::max(1.0, cellWidth);
        // Whole pixels where the viewport allows, so that a fit renders without rounding drift.
        candidate.layout = withCellSize(clusterCount, r, c, cellWidth, cellHeight);
        const double usedHeight = std::min<double>(double(candidate.layout.contentHeightPx()), double(viewHeight));
        candidate.filled = double(candidate.layout.contentWidthPx()) / viewWidth * usedHeight / double(viewHeight);
        candidate.skew = std::abs(std::log2(candidate.layout.cellWidthPx() / candidate.layout.cellHeightPx()));
        return candidate;
    };

    if (rowClustersLog2 >= 0 || clusterCount == 0)
        return fitRows(std::max(0, rowClustersLog2)).layout;

    // Choose the row length: fill the most, then the squarest cells, then the shorter rows.
    const int longest = std::clamp(ceilLog2(clusterCount), MinRowClustersLog2, MaxRowClustersLog2);
    std::optional<Candidate> best;
    for (int r = MinRowClustersLog2; r <= longest; ++r) {
        const Candidate candidate = fitRows(r);
        if (!best) {
            best = candidate;
            continue;
        }
        if (candidate.fitsHeight != best->fitsHeight) {
            if (candidate.fitsHeight)
                best = candidate;
            continue;
        }
        constexpr double SameFill = 0.02;
        if (candidate.filled > best->filled + SameFill || (candidate.filled > best->filled - SameFill && candidate.skew < best->skew - 0.01))
            best = candidate;
    }
    return best->layout;
}

bool HeatmapLayout::hasGrid() const
{
    return m_widthPx / m_columns >= GridMinCellSizePx && (m_rowCount == 0 || m_heightPx / m_rowCount >= quint64(GridMinCellSizePx));
}

int HeatmapLayout::columnLeftPx(int column) const
{
    return int(edgeOf(quint64(std::clamp(column, 0, m_columns)), quint64(m_widthPx), quint64(m_columns)));
}

quint64 HeatmapLayout::rowTopPx(quint64 row) const
{
    if (m_rowCount == 0)
        return 0;
    return edgeOf(std::min(row, m_rowCount), m_heightPx, m_rowCount);
}

int HeatmapLayout::columnAtPx(int xPx) const
{
    return int(partAt(quint64(std::clamp(xPx, 0, m_widthPx - 1)), quint64(m_widthPx), quint64(m_columns)));
}

quint64 HeatmapLayout::rowAtPx(quint64 yPx) const
{
    if (m_rowCount == 0)
        return 0;
    return partAt(std::min(yPx, m_heightPx - 1), m_heightPx, m_rowCount);
}

quint64 HeatmapLayout::rowStartBytes(quint64 row) const
{
    return (row << m_rowClustersLog2) * ClusterSizeBytes;
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
    if (xPx < 0 || xPx >= m_widthPx || yPx >= m_heightPx || m_cellCount == 0)
        return std::nullopt;
    const quint64 cell = (rowAtPx(yPx) << (m_rowClustersLog2 - m_clustersPerCellLog2)) + quint64(columnAtPx(int(xPx)));
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
    if (m_cellCount == 0 || yPx < 0)
        return 0;
    if (quint64(yPx) >= m_heightPx)
        return m_cellCount - 1;
    const quint64 row = rowAtPx(quint64(yPx));
    const int column = xPx < 0 ? 0 : columnAtPx(int(std::min<qint64>(xPx, m_widthPx - 1)));
    return std::min((row << (m_rowClustersLog2 - m_clustersPerCellLog2)) + quint64(column), m_cellCount - 1);
}

QList<QRect> HeatmapLayout::rectsForRange(ClusterRange range, qint64 leftPx, quint64 topPx, QSize viewportPx) const
{
    QList<QRect> rects;
    const ClusterRange clamped = range.intersected({0, m_clusterCount});
    if (clamped.isEmpty() || viewportPx.isEmpty())
        return rects;
    const quint64 firstCell = cellOfCluster(clamped.first);
    const quint64 lastCell = cellOfCluster(clamped.end() - 1);
    const quint64 firstRow = rowOfCell(firstCell);
    const quint64 lastRow = rowOfCell(lastCell);
    // Rows that can be on screen, with one row of margin on each side.
    const quint64 visibleFirstRow = rowAtPx(topPx);
    const quint64 visibleEndRow = rowAtPx(topPx + quint64(viewportPx.height())) + 2;

    const auto addRows = [&](quint64 rowBegin, quint64 rowEnd, int columnBegin, int columnEnd) {
        rowBegin = std::max(rowBegin, visibleFirstRow);
        rowEnd = std::min(rowEnd, visibleEndRow);
        if (rowBegin >= rowEnd || columnBegin >= columnEnd)
            return;
        const qint64 top = qint64(rowTopPx(rowBegin)) - qint64(topPx);
        const qint64 bottom = qint64(rowTopPx(rowEnd)) - qint64(topPx);
        const qint64 left = qint64(columnLeftPx(columnBegin)) - leftPx;
        const qint64 right = qint64(columnLeftPx(columnEnd)) - leftPx;
        const int clippedTop = int(std::max<qint64>(top, -1));
        const int clippedBottom = int(std::min<qint64>(bottom, qint64(viewportPx.height()) + 1));
        const int clippedLeft = int(std::max<qint64>(left, -1));
        const int clippedRight = int(std::min<qint64>(right, qint64(viewportPx.width()) + 1));
        if (clippedTop >= clippedBottom || clippedLeft >= clippedRight)
            return;
        rects.append(QRect(clippedLeft, clippedTop, clippedRight - clippedLeft, clippedBottom - clippedTop));
    };

    const int firstColumn = columnOfCell(firstCell);
    const int lastColumn = columnOfCell(lastCell);
    if (firstRow == lastRow) {
        addRows(firstRow, firstRow + 1, firstColumn, lastColumn + 1);
        return rects;
    }
    // Whole first and last rows join the full rows in between.
    const quint64 fullBegin = firstColumn == 0 ? firstRow : firstRow + 1;
    const quint64 fullEnd = lastColumn == m_columns - 1 ? lastRow + 1 : lastRow;
    if (firstColumn != 0)
        addRows(firstRow, firstRow + 1, firstColumn, m_columns);
    addRows(fullBegin, fullEnd, 0, m_columns);
    if (lastColumn != m_columns - 1)
        addRows(lastRow, lastRow + 1, 0, lastColumn + 1);
    return rects;
}

} // namespace AddCow
