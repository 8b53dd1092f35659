// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "heatmapmousecontroller.h"

#include "heatmapwidget.h"

#include <QGestureEvent>
#include <QMouseEvent>
#include <QNativeGestureEvent>
#include <QPinchGesture>
#include <QWheelEvent>

#include <cmath>

namespace AddCow
{

namespace
{
constexpr int WheelStepAngle = 120; // eighths of a degree per zoom step, one notch of a mouse wheel
}

HeatmapMouseController::HeatmapMouseController(HeatmapWidget *widget)
    : m_widget(widget)
{
}

bool HeatmapMouseController::mousePress(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    const bool panButton = event->button() == Qt::MiddleButton || (event->button() == Qt::LeftButton && (event->modifiers() & Qt::ControlModifier));
    if (panButton) {
        m_mode = Mode::Panning;
        m_pressPos = pos;
        m_pressTopPx = m_widget->topPx();
        m_pressLeftPx = m_widget->leftPx();
        m_widget->viewport()->setCursor(Qt::ClosedHandCursor);
        event->accept();
        return true;
    }
    if (event->button() != Qt::LeftButton)
        return false;
    const std::optional<ClusterRange> cell = m_widget->clustersAt(pos);
    if (!cell) {
        // Outside the map: a plain click clears the selection, Shift+click extends to the nearest cell.
        if (event->modifiers() & Qt::ShiftModifier) {
            m_widget->selectCell(m_widget->nearestClustersAt(pos), true);
            m_mode = Mode::Selecting;
        } else {
            m_widget->setSelection({});
        }
        event->accept();
        return true;
    }
    m_mode = Mode::Selecting;
    m_widget->selectCell(*cell, event->modifiers() & Qt::ShiftModifier);
    event->accept();
    return true;
}

bool HeatmapMouseController::mouseMove(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    switch (m_mode) {
    case Mode::Panning: {
        const qreal ratio = m_widget->devicePixelRatioF();
        const qint64 dyPx = qint64(std::floor((pos.y() - m_pressPos.y()) * ratio));
        const qint64 dxPx = qint64(std::floor((pos.x() - m_pressPos.x()) * ratio));
        m_widget->scrollToPx(quint64(std::max<qint64>(0, qint64(m_pressTopPx) - dyPx)));
        m_widget->scrollToXPx(m_pressLeftPx - dxPx);
        event->accept();
        return true;
    }
    case Mode::Selecting: {
        // Past the top or bottom edge: scroll by the overshoot, so a drag can select far.
        const int height = m_widget->viewport()->height();
        const int overshoot = pos.y() < 0 ? pos.y() : (pos.y() >= height ? pos.y() - height + 1 : 0);
        if (overshoot != 0) {
            const qint64 deltaPx = qint64(std::ceil(overshoot * m_widget->devicePixelRatioF()));
            m_widget->scrollToPx(quint64(std::max<qint64>(0, qint64(m_widget->topPx()) + deltaPx)));
        }
        // Rubber band in reading order: from the anchor cell to the cell under the pointer.
        m_widget->selectCell(m_widget->nearestClustersAt(pos), true);
        event->accept();
        return true;
    }
    case Mode::Idle:
        break;
    }
    return false;
}

bool HeatmapMouseController::mouseRelease(QMouseEvent *event)
{
    if (m_mode == Mode::Idle)
        return event->button() == Qt::LeftButton; // the press (outside the map) was ours too
    if (m_mode == Mode::Panning)
        m_widget->viewport()->unsetCursor();
    m_mode = Mode::Idle;
    event->accept();
    return true;
}

bool HeatmapMouseController::mouseDoubleClick(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return false;
    const std::optional<ClusterRange> cell = m_widget->clustersAt(event->position().toPoint());
    if (!cell)
        return false;
    m_widget->activateCluster(cell->first);
    event->accept();
    return true;
}

bool HeatmapMouseController::wheel(QWheelEvent *event)
{
    // Ctrl+wheel zooms around the pointer; a plain wheel scrolls (the scroll area does it).
    if (!(event->modifiers() & Qt::ControlModifier))
        return false;
    m_wheelAngle += event->angleDelta().y();
    const int steps = m_wheelAngle / WheelStepAngle;
    if (steps != 0) {
        m_wheelAngle -= steps * WheelStepAngle;
        m_widget->zoomBy(steps, event->position().toPoint());
    }
    event->accept();
    return true;
}

int HeatmapMouseController::applyScale(qreal log2Scale, QPoint anchor)
{
    m_pinchLog2 += log2Scale;
    const int steps = int(m_pinchLog2); // toward zero: a whole factor of two per level
    if (steps != 0) {
        m_pinchLog2 -= steps;
        m_widget->zoomBy(steps, anchor);
    }
    return steps;
}

bool HeatmapMouseController::gesture(QGestureEvent *event)
{
    auto *pinch = static_cast<QPinchGesture *>(event->gesture(Qt::PinchGesture));
    if (!pinch)
        return false;
    if (pinch->state() == Qt::GestureStarted)
        m_pinchLog2 = 0;
    if (pinch->changeFlags() & QPinchGesture::ScaleFactorChanged && pinch->scaleFactor() > 0) {
        const QPoint anchor = m_widget->viewport()->mapFromGlobal(pinch->centerPoint().toPoint());
        applyScale(std::log2(pinch->scaleFactor()), anchor);
    }
    event->accept(pinch);
    return true;
}

bool HeatmapMouseController::nativeGesture(QNativeGestureEvent *event)
{
    switch (event->gestureType()) {
    case Qt::BeginNativeGesture:
        m_pinchLog2 = 0;
        event->accept();
        return true;
    case Qt::ZoomNativeGesture:
        // value() is the scale change since the last event (0.1 means 10 % bigger).
        if (event->value() > -1.0)
            applyScale(std::log2(1.0 + event->value()), event->position().toPoint());
        event->accept();
        return true;
    case Qt::SmartZoomNativeGesture:
        if (m_widget->isFitMode())
            m_widget->zoomBy(64, event->position().toPoint()); // as far in as it goes
        else
            m_widget->zoomToFit();
        event->accept();
        return true;
    default:
        return false;
    }
}

} // namespace AddCow
