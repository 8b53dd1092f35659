// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "clusterrange.h"

#include <QPoint>
#include <QtGlobal>

class QGestureEvent;
class QMouseEvent;
class QNativeGestureEvent;
class QWheelEvent;

namespace AddCow
{

class HeatmapWidget;

/**
 * Turns pointer input on the heatmap into actions: click and drag select a cluster range
 * (Shift extends), middle or Ctrl+left drag pans, double click activates a cluster,
 * Ctrl+wheel and pinch gestures zoom around the pointer. It never paints.
 */
class HeatmapMouseController
{
public:
    explicit HeatmapMouseController(HeatmapWidget *widget);

    /** Each returns true when it used the event. Positions are viewport coordinates. */
    bool mousePress(QMouseEvent *event);
    bool mouseMove(QMouseEvent *event);
    bool mouseRelease(QMouseEvent *event);
    bool mouseDoubleClick(QMouseEvent *event);
    bool wheel(QWheelEvent *event);
    bool gesture(QGestureEvent *event);
    bool nativeGesture(QNativeGestureEvent *event);

    bool isPanning() const { return m_mode == Mode::Panning; }

private:
    enum class Mode { Idle, Selecting, Panning };

    /** Zooms one level per factor of two of accumulated scale; returns the levels applied. */
    int applyScale(qreal log2Scale, QPoint anchor);

    HeatmapWidget *m_widget;
    Mode m_mode = Mode::Idle;
    QPoint m_pressPos;
    quint64 m_pressTopPx = 0;
    qint64 m_pressLeftPx = 0;
    int m_wheelAngle = 0; ///< eighths of a degree not yet turned into zoom steps
    qreal m_pinchLog2 = 0; ///< log2 of pinch scale not yet turned into zoom steps
};

} // namespace AddCow
