// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "heatmapkeyboardcontroller.h"

#include "heatmapwidget.h"

#include <QKeyEvent>

namespace AddCow
{

HeatmapKeyboardController::HeatmapKeyboardController(HeatmapWidget *widget)
    : m_widget(widget)
{
}

bool HeatmapKeyboardController::keyPress(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        m_widget->zoomIn();
        event->accept();
        return true;
    case Qt::Key_Minus:
        m_widget->zoomOut();
        event->accept();
        return true;
    case Qt::Key_0:
        m_widget->zoomToFit();
        event->accept();
        return true;
    default:
        break;
    }

    const quint64 clusterCount = m_widget->clusterCount();
    if (clusterCount == 0)
        return false;
    const HeatmapLayout &layout = m_widget->layout();
    const quint64 cell = layout.cellOfCluster(m_widget->cursorCluster());
    const quint64 lastCell = layout.cellCount() - 1;
    const quint64 columns = quint64(layout.columns());
    const quint64 page = quint64(m_widget->visibleRowCount()) * columns;
    const bool extend = event->modifiers() & Qt::ShiftModifier;
    const bool control = event->modifiers() & Qt::ControlModifier;

    quint64 target = cell;
    switch (event->key()) {
    case Qt::Key_Left:
        target = cell > 0 ? cell - 1 : 0;
        break;
    case Qt::Key_Right:
        target = std::min(cell + 1, lastCell);
        break;
    case Qt::Key_Up:
        target = cell >= columns ? cell - columns : cell;
        break;
    case Qt::Key_Down:
        target = cell + columns <= lastCell ? cell + columns : cell;
        break;
    case Qt::Key_PageUp:
        target = cell >= page ? cell - page : cell % columns;
        break;
    case Qt::Key_PageDown:
        target = std::min(cell + page, lastCell);
        break;
    case Qt::Key_Home:
        target = control ? 0 : cell - cell % columns;
        break;
    case Qt::Key_End:
        target = control ? lastCell : std::min(cell - cell % columns + columns - 1, lastCell);
        break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        m_widget->activateCluster(m_widget->cursorCluster());
        event->accept();
        return true;
    case Qt::Key_Escape:
        if (m_widget->selection().isEmpty())
            return false;
        m_widget->setSelection({});
        event->accept();
        return true;
    default:
        return false;
    }
    m_widget->moveCursorTo(layout.clustersOfCell(target).first, extend);
    event->accept();
    return true;
}

} // namespace AddCow
