// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "heatmaplayout.h"
#include "heatmaprenderer.h"

#include <QColor>
#include <QList>
#include <QString>
#include <QWidget>

#include <vector>

class QPainter;

namespace AddCow
{

/**
 * The key to the heatmap: one swatch per source (image file, backing file, backing zeros,
 * zeros), the ramp of partly allocated cells, the unreadable hatch, and the scale. Items wrap
 * to the width. The same painting is used on screen and in the PNG export.
 */
class HeatmapLegend : public QWidget
{
    Q_OBJECT

public:
    struct Item {
        QString text;
        QColor color;
        Qt::BrushStyle style = Qt::SolidPattern;
        std::vector<QRgb> ramp; ///< a ramp from ramp[0] to ramp.back() instead of one colour
        QString rampLow; ///< the words either side of a ramp
        QString rampHigh;
    };

    explicit HeatmapLegend(QWidget *parent = nullptr);

    /** The items for palette, in the order they are shown. */
    static QList<Item> items(const HeatmapRenderer::Palette &palette);
    /**
     * Lays items (then scale, when not empty) out in rows within target's width and paints them
     * when painter is not null. Returns the height used.
     */
    static int paint(QPainter *painter, const QRect &target, const QList<Item> &items, const QString &scale, const QFont &font, const QColor &text);
    /** "1 cluster (64 KiB) = 9 × 8 px" or "1 px = 1,024 clusters (64 MiB)", translated. */
    static QString scaleDescription(const HeatmapLayout &layout, qreal devicePixelRatio);

    void setColors(const HeatmapRenderer::Palette &palette);
    const QList<Item> &shownItems() const { return m_items; }

    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QList<Item> m_items;
};

} // namespace AddCow
