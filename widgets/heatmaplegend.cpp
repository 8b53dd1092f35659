// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "heatmaplegend.h"

#include "format.h"

#include <QLocale>
#include <QPaintEvent>
#include <QPainter>

#include <cmath>

namespace AddCow
{

namespace
{

constexpr int SwatchPx = 14;
constexpr int RampStepPx = 10;
constexpr int GapPx = 4; // swatch to text
constexpr int ItemGapPx = 16; // between items
constexpr int LineGapPx = 4;

} // namespace

HeatmapLegend::HeatmapLegend(QWidget *parent)
    : QWidget(parent)
{
    setAccessibleName(tr("Cluster map legend"));
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    setColors(HeatmapRenderer::Palette::standard(palette().color(QPalette::Base), palette().color(QPalette::Text)));
}

QList<HeatmapLegend::Item> HeatmapLegend::items(const HeatmapRenderer::Palette &palette)
{
    QList<Item> items;
    items.append(Item{tr("In the image file"), QColor::fromRgb(palette.image), Qt::SolidPattern, {}, {}, {}});
    items.append(Item{palette.isBackingUnavailable ? tr("Backing file cannot be read") : tr("From the backing file"), QColor::fromRgb(palette.backing),
                      Qt::SolidPattern, {}, {}, {}});
    items.append(Item{tr("Backing file reads zeros"), QColor::fromRgb(palette.backingZero), Qt::SolidPattern, {}, {}, {}});
    items.append(Item{tr("Zeros (past the backing file, or none)"), QColor::fromRgb(palette.zero), Qt::SolidPattern, {}, {}, {}});
    Item ramp{tr("Partly in the image file:"), QColor(), Qt::SolidPattern, std::vector<QRgb>(palette.ramp.begin(), palette.ramp.end()), tr("a few"), tr("nearly all")};
    items.append(ramp);
    items.append(Item{tr("Unreadable (verify)"), QColor::fromRgb(palette.unreadable), Qt::BDiagPattern, {}, {}, {}});
    return items;
}

int HeatmapLegend::paint(QPainter *painter, const QRect &target, const QList<Item> &items, const QString &scale, const QFont &font, const QColor &text)
{
    const QFontMetrics metrics(font);
    const int lineHeight = std::max(SwatchPx, metrics.height());
    // Each item's width: swatch (or low words, ramp, high words) and text.
    const auto itemWidth = [&](const Item &item) {
        if (item.ramp.empty())
            return SwatchPx + GapPx + metrics.horizontalAdvance(item.text);
        return metrics.horizontalAdvance(item.text) + GapPx + metrics.horizontalAdvance(item.rampLow) + GapPx + int(item.ramp.size()) * RampStepPx + GapPx
            + metrics.horizontalAdvance(item.rampHigh);
    };
    if (painter) {
        painter->save();
        painter->setFont(font);
    }
    int x = target.left();
    int y = target.top();
    for (const Item &item : items) {
        const int width = itemWidth(item);
        if (x > target.left() && x + width > target.right() + 1) {
            x = target.left();
            y += lineHeight + LineGapPx;
        }
        if (painter) {
            const int swatchTop = y + (lineHeight - SwatchPx) / 2;
            const QRect textBox(0, y, 0, lineHeight);
            const auto drawText = [&](int left, const QString &words) {
                painter->setPen(text);
                painter->drawText(QRect(left, textBox.top(), metrics.horizontalAdvance(words) + 1, lineHeight), Qt::AlignLeft | Qt::AlignVCenter, words);
                return left + metrics.horizontalAdvance(words);
            };
            if (item.ramp.empty()) {
                const QRect swatch(x, swatchTop, SwatchPx, SwatchPx);
                painter->fillRect(swatch, QBrush(item.color, item.style));
                painter->setPen(item.color.darker(150));
                painter->drawRect(swatch.adjusted(0, 0, -1, -1));
                drawText(x + SwatchPx + GapPx, item.text);
            } else {
                int left = drawText(x, item.text) + GapPx;
                left = drawText(left, item.rampLow) + GapPx;
                for (size_t i = 0; i < item.ramp.size(); ++i)
                    painter->fillRect(QRect(left + int(i) * RampStepPx, swatchTop, RampStepPx, SwatchPx), QColor::fromRgb(item.ramp[i]));
                painter->setPen(QColor::fromRgb(item.ramp.back()).darker(150));
                painter->drawRect(QRect(left, swatchTop, int(item.ramp.size()) * RampStepPx, SwatchPx).adjusted(0, 0, -1, -1));
                drawText(left + int(item.ramp.size()) * RampStepPx + GapPx, item.rampHigh);
            }
        }
        x += width + ItemGapPx;
    }
    int height = y + lineHeight - target.top();
    if (!scale.isEmpty()) {
        if (painter) {
            painter->setPen(text);
            painter->drawText(QRect(target.left(), target.top() + height + LineGapPx, target.width(), metrics.height()), Qt::AlignLeft | Qt::AlignVCenter, scale);
        }
        height += LineGapPx + metrics.height();
    }
    if (painter)
        painter->restore();
    return height;
}

QString HeatmapLegend::scaleDescription(const HeatmapLayout &layout, qreal devicePixelRatio)
{
    const QLocale locale;
    // Whole pixels as they are, a fit's uneven cells to a tenth.
    const auto pixels = [&locale](double value) {
        return locale.toString(value, 'f', std::abs(value - std::round(value)) < 0.05 ? 0 : 1);
    };
    const QString width = pixels(layout.cellWidthPx() / devicePixelRatio);
    const QString height = pixels(layout.cellHeightPx() / devicePixelRatio);
    const quint64 rowClusters = layout.rowClusters();
    const QString row = tr("%1 clusters (%2) per row")
                            .arg(locale.toString(qulonglong(rowClusters)), locale.formattedDataSize(qint64(std::min<quint64>(rowClusters, quint64(1) << 46) * ClusterSizeBytes), 0));
    if (layout.clustersPerCellLog2() == 0)
        return tr("1 cluster (64 KiB) = %1 × %2 px, %3").arg(width, height, row);
    const quint64 clusters = layout.clustersPerCell();
    return tr("1 cell = %1 clusters (%2) = %3 × %4 px, %5")
        .arg(locale.toString(qulonglong(clusters)), locale.formattedDataSize(qint64(std::min<quint64>(clusters, quint64(1) << 46) * ClusterSizeBytes), 0), width,
             height, row);
}

void HeatmapLegend::setColors(const HeatmapRenderer::Palette &palette)
{
    m_items = items(palette);
    updateGeometry();
    update();
}

int HeatmapLegend::heightForWidth(int width) const
{
    return paint(nullptr, QRect(0, 0, std::max(1, width), 0), m_items, QString(), font(), QColor());
}

QSize HeatmapLegend::sizeHint() const
{
    return QSize(480, heightForWidth(480));
}

QSize HeatmapLegend::minimumSizeHint() const
{
    return QSize(120, heightForWidth(width() > 0 ? width() : 480));
}

void HeatmapLegend::paintEvent(QPaintEvent *event)
{
    Q_UNUSED(event)
    QPainter painter(this);
    paint(&painter, rect(), m_items, QString(), font(), palette().color(QPalette::WindowText));
}

} // namespace AddCow
