// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "heatmaplayout.h"
#include "heatmaprenderer.h"

#include <QWidget>

class QLabel;

namespace AddCow
{

/**
 * The key to the heatmap: one swatch per source (image file, backing file, zeros), the
 * unreadable hatch, the allocated-fraction ramps used when a pixel covers many clusters,
 * and the current scale.
 */
class HeatmapLegend : public QWidget
{
    Q_OBJECT

public:
    explicit HeatmapLegend(QWidget *parent = nullptr);

    void setColors(const HeatmapRenderer::Palette &palette);
    /** Shows what one cell or pixel stands for at layout's zoom (layout in device pixels). */
    void setScale(const HeatmapLayout &layout, qreal devicePixelRatio);
    QString scaleText() const;

    /** "1 cluster (64 KiB) = 32 x 32 px" or "1 px = 1,024 clusters (64 MiB)", translated. */
    static QString scaleDescription(const HeatmapLayout &layout, qreal devicePixelRatio);

private:
    QLabel *m_imageSwatch;
    QLabel *m_backingSwatch;
    QLabel *m_zeroSwatch;
    QLabel *m_unreadableSwatch;
    QLabel *m_backingRamp;
    QLabel *m_zeroRamp;
    QLabel *m_scale;
};

} // namespace AddCow
