// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "heatmapaxis.h"

#include "format.h"
#include "heatmapwidget.h"

#include <QHelpEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPaintEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <bit>
#include <cmath>

using namespace Qt::StringLiterals;

namespace AddCow
{

namespace
{

constexpr int LaneStepPx = 8; // bar of 6 px plus a gap of 2
constexpr int BarWidthPx = 6;
constexpr int TickLengthPx = 4;
constexpr int PaddingPx = 4;
constexpr int MinBarHeightPx = 3;

int gutterWidth(const QList<HeatmapBand> &bands)
{
    const QList<int> lanes = HeatmapAxis::bandLanes(bands);
    const int laneCount = lanes.isEmpty() ? 0 : *std::max_element(lanes.cbegin(), lanes.cend()) + 1;
    return laneCount > 0 ? laneCount * LaneStepPx + PaddingPx : 0;
}

// The bar of band index within target, logical pixels; empty when off screen.
QRect bandBar(const QRect &target, const HeatmapAxis::Scene &scene, int index, int lane)
{
    const HeatmapLayout &layout = scene.layout;
    const ClusterRange range = scene.bands.at(index).range.intersected({0, layout.clusterCount()});
    if (range.isEmpty())
        return QRect();
    const quint64 firstRow = layout.rowOfCell(layout.cellOfCluster(range.first));
    const quint64 lastRow = layout.rowOfCell(layout.cellOfCluster(range.end() - 1));
    const qreal ratio = scene.devicePixelRatio;
    const double top = (double(layout.rowTopPx(firstRow)) - double(scene.topPx)) / ratio;
    const double bottom = (double(layout.rowTopPx(lastRow + 1)) - double(scene.topPx)) / ratio;
    if (bottom < 0 || top > target.height())
        return QRect();
    int y0 = target.top() + int(std::floor(std::max(top, -1.0)));
    int y1 = target.top() + int(std::ceil(std::min(bottom, double(target.height()) + 1)));
    if (y1 - y0 < MinBarHeightPx) {
        y0 -= (MinBarHeightPx - (y1 - y0)) / 2;
        y1 = y0 + MinBarHeightPx;
    }
    const int gutterLeft = target.right() + 1 - gutterWidth(scene.bands);
    return QRect(gutterLeft + PaddingPx / 2 + lane * LaneStepPx, y0, BarWidthPx, y1 - y0);
}

} // namespace

HeatmapAxis::HeatmapAxis(HeatmapWidget *heatmap)
    : QWidget(heatmap)
    , m_heatmap(heatmap)
{
    setMouseTracking(true);
    setAccessibleName(tr("Offsets of the map's rows"));
}

int HeatmapAxis::tickStepLog2(const HeatmapLayout &layout, double minSpacingPx)
{
    // Every 2^k rows: offsets stay round numbers.
    const double rowHeight = layout.cellHeightPx();
    int k = 0;
    while (k < 62 && double(quint64(1) << k) * rowHeight < minSpacingPx)
        ++k;
    return k;
}

QList<HeatmapAxis::Tick> HeatmapAxis::ticks(const HeatmapLayout &layout, quint64 topPx, quint64 heightPx, double minSpacingPx)
{
    QList<Tick> ticks;
    if (layout.rowCount() == 0 || heightPx == 0 || topPx >= layout.contentHeightPx())
        return ticks;
    const quint64 step = quint64(1) << tickStepLog2(layout, minSpacingPx);
    const quint64 stepBytes = layout.rowStartBytes(step);
    // Rows whose top edge is in view.
    quint64 firstRow = layout.rowAtPx(topPx);
    if (layout.rowTopPx(firstRow) < topPx)
        ++firstRow;
    const quint64 lastRow = layout.rowAtPx(std::min(topPx + heightPx, layout.contentHeightPx()) - 1);
    for (quint64 row = (firstRow + step - 1) / step * step; row <= lastRow; row += step) {
        const quint64 offset = layout.rowStartBytes(row);
        ticks.append(Tick{row, offset, offsetText(offset, stepBytes)});
        if (row > ~quint64(0) - step)
            break;
    }
    return ticks;
}

QString HeatmapAxis::offsetText(quint64 offsetBytes, quint64 stepBytes)
{
    if (offsetBytes == 0)
        return tr("0");
    struct Unit {
        int log2;
        QString format;
    };
    const Unit units[] = {{60, tr("%1 EiB")}, {50, tr("%1 PiB")}, {40, tr("%1 TiB")}, {30, tr("%1 GiB")}, {20, tr("%1 MiB")}, {10, tr("%1 KiB")}};
    const QLocale locale;
    // A multiple of 2^s times 100 is a multiple of 2^(s + 2): steps of 2^s bytes show exactly in
    // two decimals of 2^(s + 2)-byte units (10 has one factor 2, 100 two).
    const int stepTwos = std::countr_zero(stepBytes == 0 ? offsetBytes : stepBytes);
    const int twos = std::countr_zero(offsetBytes);
    for (const Unit &unit : units) {
        if (stepTwos + 2 < unit.log2)
            continue;
        for (int decimals = 0; decimals <= 2; ++decimals) {
            if (twos + decimals >= unit.log2)
                return unit.format.arg(locale.toString(std::ldexp(double(offsetBytes), -unit.log2), 'f', decimals));
        }
    }
    return tr("%1 B").arg(locale.toString(qulonglong(offsetBytes)));
}

QList<int> HeatmapAxis::bandLanes(const QList<HeatmapBand> &bands)
{
    QList<int> order(bands.size());
    for (int i = 0; i < bands.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        return bands.at(a).range.first < bands.at(b).range.first;
    });
    QList<int> lanes(bands.size(), 0);
    QList<quint64> laneEnds;
    for (const int index : order) {
        const ClusterRange range = bands.at(index).range;
        int lane = 0;
        while (lane < laneEnds.size() && laneEnds.at(lane) > range.first)
            ++lane;
        if (lane == laneEnds.size())
            laneEnds.append(0);
        laneEnds[lane] = range.end();
        lanes[index] = lane;
    }
    return lanes;
}

int HeatmapAxis::preferredWidth(const QFontMetrics &metrics, const HeatmapLayout &layout, const QList<HeatmapBand> &bands, qreal devicePixelRatio)
{
    // The widest label at this layout's step (and the steps next to it, for a fit that scales
    // a little): the last ones are the longest numbers.
    int labelWidth = metrics.horizontalAdvance(tr("%1 MiB").arg(QLocale().toString(888.88, 'f', 2)));
    if (layout.rowCount() > 0) {
        const int k = tickStepLog2(layout, labelSpacingPx(metrics, devicePixelRatio));
        for (int step = std::max(0, k - 1); step <= std::min(62, k + 1); ++step) {
            const quint64 rows = quint64(1) << step;
            const quint64 stepBytes = layout.rowStartBytes(rows);
            const quint64 lastLabel = (layout.rowCount() - 1) / rows * rows;
            for (quint64 i = 0; i < 4 && lastLabel >= i * rows; ++i)
                labelWidth = std::max(labelWidth, metrics.horizontalAdvance(offsetText(layout.rowStartBytes(lastLabel - i * rows), stepBytes)));
        }
    }
    return PaddingPx + labelWidth + TickLengthPx + PaddingPx + gutterWidth(bands);
}

void HeatmapAxis::paint(QPainter &painter, const QRect &target, const Scene &scene)
{
    painter.save();
    painter.setClipRect(target);
    painter.fillRect(target, scene.background);
    painter.setFont(scene.font);
    const QFontMetrics metrics(scene.font);
    const int gutter = gutterWidth(scene.bands);
    const int labelRight = target.right() + 1 - gutter - PaddingPx;
    painter.setPen(scene.line);
    painter.drawLine(QPoint(labelRight + PaddingPx - 1, target.top()), QPoint(labelRight + PaddingPx - 1, target.bottom()));

    const qreal ratio = scene.devicePixelRatio;
    const quint64 heightPx = quint64(std::ceil(target.height() * ratio));
    const QList<Tick> ticks = HeatmapAxis::ticks(scene.layout, scene.topPx, heightPx, labelSpacingPx(metrics, ratio));
    for (const Tick &tick : ticks) {
        const int y = target.top() + int(std::floor((double(scene.layout.rowTopPx(tick.row)) - double(scene.topPx)) / ratio));
        painter.setPen(scene.line);
        painter.drawLine(QPoint(labelRight, y), QPoint(labelRight + TickLengthPx - 1, y));
        const QRect textRect(target.left() + PaddingPx, y, labelRight - 2 - target.left() - PaddingPx, metrics.height());
        if (textRect.bottom() > target.bottom())
            continue;
        painter.setPen(scene.text);
        painter.drawText(textRect, Qt::AlignRight | Qt::AlignTop, tick.text);
    }

    const QList<int> lanes = bandLanes(scene.bands);
    for (int i = 0; i < scene.bands.size(); ++i) {
        const QRect bar = bandBar(target, scene, i, lanes.at(i));
        if (bar.isEmpty())
            continue;
        const QColor color = scene.bands.at(i).color;
        painter.fillRect(bar, color);
        painter.setPen(color.darker(140));
        painter.drawRect(bar.adjusted(0, 0, -1, -1));
    }
    painter.restore();
}

std::optional<int> HeatmapAxis::bandAt(const QRect &target, const Scene &scene, QPoint pos)
{
    const QList<int> lanes = bandLanes(scene.bands);
    // The innermost (last drawn, shortest) band wins where bars meet.
    std::optional<int> found;
    for (int i = 0; i < scene.bands.size(); ++i) {
        if (bandBar(target, scene, i, lanes.at(i)).adjusted(-1, 0, 1, 0).contains(pos)) {
            if (!found || scene.bands.at(i).range.count < scene.bands.at(*found).range.count)
                found = i;
        }
    }
    return found;
}

HeatmapAxis::Scene HeatmapAxis::scene() const
{
    Scene scene;
    scene.layout = m_heatmap->layout();
    scene.topPx = m_heatmap->topPx();
    scene.devicePixelRatio = devicePixelRatioF();
    scene.bands = m_heatmap->bands();
    scene.font = font();
    scene.text = palette().color(QPalette::WindowText);
    scene.line = palette().color(QPalette::Mid);
    scene.background = palette().color(QPalette::Window);
    return scene;
}

QSize HeatmapAxis::sizeHint() const
{
    return QSize(preferredWidth(fontMetrics(), m_heatmap->layout(), m_heatmap->bands(), devicePixelRatioF()), 0);
}

void HeatmapAxis::paintEvent(QPaintEvent *event)
{
    Q_UNUSED(event)
    QPainter painter(this);
    if (!m_heatmap->hasImageData()) {
        painter.fillRect(rect(), palette().color(QPalette::Window));
        return;
    }
    paint(painter, rect(), scene());
}

void HeatmapAxis::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        if (const std::optional<int> band = bandAt(rect(), scene(), event->position().toPoint())) {
            Q_EMIT bandClicked(*band);
            event->accept();
            return;
        }
    }
    QWidget::mousePressEvent(event);
}

void HeatmapAxis::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && m_heatmap->hasImageData() && bandAt(rect(), scene(), event->position().toPoint())) {
        event->accept();
        return;
    }
    QWidget::mouseReleaseEvent(event);
}

void HeatmapAxis::mouseMoveEvent(QMouseEvent *event)
{
    const bool overBand = m_heatmap->hasImageData() && bandAt(rect(), scene(), event->position().toPoint()).has_value();
    if (overBand)
        setCursor(Qt::PointingHandCursor);
    else
        unsetCursor();
    QWidget::mouseMoveEvent(event);
}

bool HeatmapAxis::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const std::optional<int> band = m_heatmap->hasImageData() ? bandAt(rect(), scene(), help->pos()) : std::nullopt;
        if (band)
            QToolTip::showText(help->globalPos(), m_heatmap->bandToolTip(*band), this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

} // namespace AddCow
