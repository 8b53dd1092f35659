// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "heatmaplegend.h"

#include "format.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QPixmap>

#include <cmath>

namespace AddCow
{

namespace
{

constexpr int SwatchPx = 14;
constexpr int RampStepPx = 12;

QPixmap swatch(const QColor &color, Qt::BrushStyle style = Qt::SolidPattern)
{
    QPixmap pixmap(SwatchPx, SwatchPx);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.fillRect(pixmap.rect(), QBrush(color, style));
    painter.setPen(color.darker(150));
    painter.drawRect(pixmap.rect().adjusted(0, 0, -1, -1));
    return pixmap;
}

template<typename Ramp>
QPixmap rampPixmap(const Ramp &ramp)
{
    QPixmap pixmap(int(ramp.size()) * RampStepPx, SwatchPx);
    QPainter painter(&pixmap);
    for (int i = 0; i < int(ramp.size()); ++i)
        painter.fillRect(QRect(i * RampStepPx, 0, RampStepPx, SwatchPx), QColor::fromRgb(ramp[i]));
    painter.setPen(QColor::fromRgb(ramp[0]).darker(150));
    painter.drawRect(pixmap.rect().adjusted(0, 0, -1, -1));
    return pixmap;
}

QLabel *textLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText);
    return label;
}

} // namespace

HeatmapLegend::HeatmapLegend(QWidget *parent)
    : QWidget(parent)
    , m_imageSwatch(new QLabel(this))
    , m_backingSwatch(new QLabel(this))
    , m_zeroSwatch(new QLabel(this))
    , m_unreadableSwatch(new QLabel(this))
    , m_backingRamp(new QLabel(this))
    , m_zeroRamp(new QLabel(this))
    , m_scale(textLabel(QString(), this))
{
    setAccessibleName(tr("Cluster map legend"));
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(6);

    const auto addItem = [&](int row, int column, QLabel *swatchLabel, const QString &text) {
        auto *box = new QHBoxLayout;
        box->setSpacing(4);
        box->addWidget(swatchLabel);
        box->addWidget(textLabel(text, this));
        box->addStretch();
        grid->addLayout(box, row, column);
    };
    addItem(0, 0, m_imageSwatch, tr("In the image file"));
    addItem(0, 1, m_backingSwatch, tr("From the backing file"));
    addItem(0, 2, m_zeroSwatch, tr("Zeros (past the backing file or none)"));
    addItem(0, 3, m_unreadableSwatch, tr("Unreadable (verify)"));

    // The ramps: share of clusters under a pixel that are in the image file.
    const auto addRamp = [&](int column, QLabel *rampLabel, const QString &text) {
        auto *box = new QHBoxLayout;
        box->setSpacing(4);
        box->addWidget(textLabel(text, this));
        box->addWidget(textLabel(tr("0%"), this));
        box->addWidget(rampLabel);
        box->addWidget(textLabel(tr("100%"), this));
        box->addStretch();
        grid->addLayout(box, 1, column, 1, 2);
    };
    addRamp(0, m_backingRamp, tr("Allocated share, backing file:"));
    addRamp(2, m_zeroRamp, tr("zeros:"));
    grid->addWidget(m_scale, 2, 0, 1, 4);
    m_backingRamp->setToolTip(tr("A pixel covering many clusters: its colour shows the share allocated in the image file. "
                                 "One allocated cluster is never shown as none."));
    m_zeroRamp->setToolTip(m_backingRamp->toolTip());
    setColors(HeatmapRenderer::Palette::standard(palette().color(QPalette::Base)));
}

void HeatmapLegend::setColors(const HeatmapRenderer::Palette &palette)
{
    m_imageSwatch->setPixmap(swatch(QColor::fromRgb(palette.image())));
    m_backingSwatch->setPixmap(swatch(QColor::fromRgb(palette.backing())));
    m_zeroSwatch->setPixmap(swatch(QColor::fromRgb(palette.zero())));
    m_unreadableSwatch->setPixmap(swatch(QColor::fromRgb(palette.unreadable), Qt::BDiagPattern));
    m_backingRamp->setPixmap(rampPixmap(palette.backingRamp));
    m_zeroRamp->setPixmap(rampPixmap(palette.zeroRamp));
}

void HeatmapLegend::setScale(const HeatmapLayout &layout, qreal devicePixelRatio)
{
    m_scale->setText(scaleDescription(layout, devicePixelRatio));
}

QString HeatmapLegend::scaleText() const
{
    return m_scale->text();
}

QString HeatmapLegend::scaleDescription(const HeatmapLayout &layout, qreal devicePixelRatio)
{
    const QLocale locale;
    if (layout.clustersPerCellLog2() == 0) {
        const QString side = locale.toString(layout.cellSizePx() / devicePixelRatio, 'g', 3);
        return tr("1 cluster (64 KiB) = %1 × %1 px").arg(side);
    }
    const quint64 clusters = layout.clustersPerCell();
    // A logical pixel holds devicePixelRatio^2 device pixels, but the layout is linear:
    // describe the device pixel, the unit the map is drawn in.
    return tr("1 px = %1 clusters (%2)").arg(locale.toString(clusters), locale.formattedDataSize(qint64(clusters * ClusterSizeBytes), 0));
}

} // namespace AddCow
