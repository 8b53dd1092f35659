// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "heatmapband.h"
#include "heatmaplayout.h"

#include <QColor>
#include <QFont>
#include <QList>
#include <QString>
#include <QWidget>

#include <optional>

class QPainter;

namespace AddCow
{

class HeatmapWidget;

/**
 * The strip left of the cluster map: byte offsets of row starts in readable units (like the
 * offset column of a hex editor or a disk-map tool), and the bands as bars beside the rows they
 * cover, one lane per overlapping band. The same painting is used on screen and in the PNG export.
 */
class HeatmapAxis : public QWidget
{
    Q_OBJECT

public:
    /** A labelled row start. */
    struct Tick {
        quint64 row = 0;
        quint64 offsetBytes = 0;
        QString text;
    };

    /** Everything the strip shows; layout lengths are device pixels, the target logical. */
    struct Scene {
        HeatmapLayout layout;
        quint64 topPx = 0; ///< content row of the strip's top, device pixels
        qreal devicePixelRatio = 1.0;
        QList<HeatmapBand> bands;
        QFont font;
        QColor text;
        QColor line;
        QColor background;
    };

    explicit HeatmapAxis(HeatmapWidget *heatmap);

    /** log2 of the rows between labels: the fewest that keeps labels minSpacingPx apart. */
    static int tickStepLog2(const HeatmapLayout &layout, double minSpacingPx);
    /** Rows to label between content rows [topPx, topPx + heightPx): every 2^tickStepLog2() rows. */
    static QList<Tick> ticks(const HeatmapLayout &layout, quint64 topPx, quint64 heightPx, double minSpacingPx);
    /**
     * "0", "16 MiB", "1.5 GiB", "62 TiB": offsetBytes in the largest binary unit that shows every
     * multiple of stepBytes exactly in two decimals, so neighbouring labels share their unit.
     */
    static QString offsetText(quint64 offsetBytes, quint64 stepBytes);
    /** The lane of each band: overlapping bands get separate lanes (sorted by start). */
    static QList<int> bandLanes(const QList<HeatmapBand> &bands);
    /**
     * Width in logical pixels for the labels of layout (the widest there can be at its label
     * step, whatever the scroll position) and the lanes of bands.
     */
    static int preferredWidth(const QFontMetrics &metrics, const HeatmapLayout &layout, const QList<HeatmapBand> &bands, qreal devicePixelRatio = 1.0);
    /** The spacing of labels for a font, device pixels. */
    static double labelSpacingPx(const QFontMetrics &metrics, qreal devicePixelRatio) { return metrics.height() * 1.6 * devicePixelRatio; }
    /** Paints scene into target (logical pixels) of painter. */
    static void paint(QPainter &painter, const QRect &target, const Scene &scene);
    /** The band bar at a point of target (logical), if any. */
    static std::optional<int> bandAt(const QRect &target, const Scene &scene, QPoint pos);

    QSize sizeHint() const override;

Q_SIGNALS:
    void bandClicked(int index);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    bool event(QEvent *event) override;

private:
    Scene scene() const;

    HeatmapWidget *m_heatmap;
};

} // namespace AddCow
