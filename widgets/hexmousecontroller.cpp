// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "hexmousecontroller.h"

#include "hexlayout.h"
#include "hexview.h"

#include <QMouseEvent>

namespace AddCow
{

HexMouseController::HexMouseController(HexView *view)
    : m_view(view)
{
}

bool HexMouseController::press(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return false;
    bool inAscii = false;
    const std::optional<quint64> offset = m_view->offsetAt(event->position().toPoint(), &inAscii);
    if (!offset)
        return false;
    m_view->setFocus(Qt::MouseFocusReason);
    m_view->m_cursorInAscii = inAscii;
    m_dragging = true;
    const bool extend = event->modifiers() & Qt::ShiftModifier;
    m_view->moveCursor(*offset, extend);
    if (!extend)
        m_view->m_anchorOffset = *offset;
    return true;
}

bool HexMouseController::move(QMouseEvent *event)
{
    if (!m_dragging || !(event->buttons() & Qt::LeftButton))
        return false;
    const QPoint position = event->position().toPoint();
    // Dragging past the top or bottom edge scrolls a row at a time.
    if (position.y() < 0)
        m_view->scrollRows(-1);
    else if (position.y() >= m_view->viewport()->height())
        m_view->scrollRows(1);
    const std::optional<quint64> offset = m_view->offsetAt(position, nullptr);
    if (offset && *offset != m_view->cursorOffset())
        m_view->dragSelectionTo(*offset);
    return true;
}

bool HexMouseController::release(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return false;
    m_dragging = false;
    return true;
}

} // namespace AddCow
