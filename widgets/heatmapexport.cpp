// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "heatmapexport.h"

#include "heatmapaxis.h"
#include "heatmaplegend.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace AddCow
{

namespace
{

constexpr int MarginPx = 8;

QColor textColorOn(const QColor &background)
{
    return qGray(background.rgb()) > 140 ? QColor(Qt::black) : QColor(Qt::white);
}

} // namespace

HeatmapExport::HeatmapExport(std::shared_ptr<const ClusterPyramid> pyramid, const HeatmapLayout &layout)
    : m_pyramid(std::move(pyramid))
    , m_layout(layout)
{
}

HeatmapLayout HeatmapExport::layoutFor(const HeatmapLayout &screen, int maxSidePx, double scaleToLogical)
{
    const quint64 clusterCount = screen.clusterCount();
    const quint64 maxSide = quint64(std::max(1, maxSidePx));
    int rows = screen.rowClustersLog2();
    int cells = screen.clustersPerCellLog2();
    // Longer rows only when there are more rows than pixels (each row needs one).
    while (HeatmapLayout(clusterCount, rows, cells, 0, 0).rowCount() > maxSide && rows < HeatmapLayout::MaxRowClustersLog2) {
        ++rows;
        ++cells;
    }
    // Coarser cells while the columns are more than the pixels.
    while (quint64(HeatmapLayout(clusterCount, rows, cells, 0, 0).columns()) > maxSide && cells < rows)
        ++cells;
    const HeatmapLayout shape(clusterCount, rows, cells, 0, 0);
    double width = std::max(1.0, screen.cellWidthPx() * scaleToLogical);
    double height = std::max(1.0, screen.cellHeightPx() * scaleToLogical);
    // Cells of the screen's size, shrunk alike both ways until the picture fits.
    const double shrink = std::min({1.0, double(maxSide) / (double(shape.columns()) * width), double(maxSide) / (double(shape.rowCount()) * height)});
    width = std::max(1.0, width * shrink);
    height = std::max(1.0, height * shrink);
    HeatmapLayout layout = HeatmapLayout::withCellSize(clusterCount, rows, cells, width, height);
    if (quint64(layout.contentWidthPx()) > maxSide || layout.contentHeightPx() > maxSide)
        layout = HeatmapLayout(clusterCount, rows, cells, std::min<qint64>(layout.contentWidthPx(), qint64(maxSide)), std::min<quint64>(layout.contentHeightPx(), maxSide));
    return layout;
}

QImage HeatmapExport::renderMap() const
{
    if (!m_pyramid || m_layout.clusterCount() == 0)
        return QImage();
    HeatmapRenderer::Frame frame;
    frame.pyramid = m_pyramid;
    frame.layout = m_layout;
    frame.backingEndCluster = m_backingEndCluster;
    frame.backingZeroRanges = m_backingZeroRanges;
    frame.sizePx = QSize(m_layout.contentWidthPx(), int(std::min<quint64>(m_layout.contentHeightPx(), quint64(INT_MAX))));
    frame.palette = m_palette;
    QImage image = HeatmapRenderer::render(frame);
    if (image.isNull())
        return image;
    QPainter painter(&image);
    const QSize size = image.size();
    const QColor red = QColor::fromRgb(m_palette.unreadable);
    for (const ClusterRange &range : m_unreadable) {
        for (const QRect &rect : m_layout.rectsForRange(range, 0, 0, size)) {
            const QRect visible = rect.width() < 3 || rect.height() < 3 ? rect.adjusted(-1, -1, 1, 1) : rect;
            painter.fillRect(visible, visible.width() >= 6 && visible.height() >= 6 ? QBrush(red, Qt::BDiagPattern) : QBrush(red));
            painter.setPen(red);
            painter.drawRect(visible.adjusted(0, 0, -1, -1));
        }
    }
    for (const HeatmapBand &band : m_bands) {
        QPainterPath outline;
        for (const QRect &rect : m_layout.rectsForRange(band.range, 0, 0, size))
            outline.addRect(rect);
        outline = outline.simplified();
        painter.setPen(QPen(textColorOn(band.color), 3));
        painter.drawPath(outline);
        painter.setPen(QPen(band.color, 1.5));
        painter.drawPath(outline);
    }
    return image;
}

QImage HeatmapExport::render() const
{
    const QImage map = renderMap();
    if (map.isNull())
        return map;
    const QFontMetrics metrics(m_font);
    const int axisWidth = HeatmapAxis::preferredWidth(metrics, m_layout, m_bands);
    const int width = MarginPx + axisWidth + map.width() + MarginPx;
    const QList<HeatmapLegend::Item> items = HeatmapLegend::items(m_palette);
    const QString scale = HeatmapLegend::scaleDescription(m_layout, 1.0);
    const QRect legendArea(MarginPx, MarginPx + map.height() + MarginPx, width - 2 * MarginPx, 0);
    const int legendHeight = HeatmapLegend::paint(nullptr, legendArea, items, scale, m_font, m_widgetPalette.color(QPalette::WindowText));
    QImage picture(width, MarginPx + map.height() + MarginPx + legendHeight + MarginPx, QImage::Format_RGB32);
    picture.fill(m_widgetPalette.color(QPalette::Window));
    QPainter painter(&picture);
    HeatmapAxis::Scene scene;
    scene.layout = m_layout;
    scene.bands = m_bands;
    scene.font = m_font;
    scene.text = m_widgetPalette.color(QPalette::WindowText);
    scene.line = m_widgetPalette.color(QPalette::Mid);
    scene.background = m_widgetPalette.color(QPalette::Window);
    HeatmapAxis::paint(painter, QRect(MarginPx, MarginPx, axisWidth, map.height()), scene);
    painter.drawImage(QPoint(MarginPx + axisWidth, MarginPx), map);
    HeatmapLegend::paint(&painter, legendArea.adjusted(0, 0, 0, legendHeight), items, scale, m_font, m_widgetPalette.color(QPalette::WindowText));
    return picture;
}

} // namespace AddCow
