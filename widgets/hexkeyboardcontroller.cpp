// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "hexkeyboardcontroller.h"

#include "hexlayout.h"
#include "hexview.h"

#include <QKeyEvent>
#include <QUndoStack>

namespace AddCow
{

HexKeyboardController::HexKeyboardController(HexView *view)
    : m_view(view)
{
}

bool HexKeyboardController::keyPress(QKeyEvent *event)
{
    const auto Row = quint64(m_view->hexLayout().bytesPerRow());
    if (event->matches(QKeySequence::Copy)) {
        m_view->copySelection();
        return true;
    }
    QUndoStack *undoStack = m_view->undoStack();
    if (undoStack && event->matches(QKeySequence::Undo)) {
        undoStack->undo();
        return true;
    }
    if (undoStack && event->matches(QKeySequence::Redo)) {
        undoStack->redo();
        return true;
    }
    const quint64 total = m_view->totalSizeBytes();
    if (total == 0)
        return false;
    const bool extend = event->modifiers() & Qt::ShiftModifier;
    const bool control = event->modifiers() & Qt::ControlModifier;
    const quint64 cursor = m_view->cursorOffset();
    const quint64 pageRows = quint64(m_view->pageRows());
    const quint64 page = pageRows * Row;
    const quint64 rowStart = cursor - cursor % Row;
    const quint64 topRow = m_view->topOffset() / Row;
    switch (event->key()) {
    case Qt::Key_Left:
        m_view->moveCursor(cursor > 0 ? cursor - 1 : 0, extend);
        return true;
    case Qt::Key_Right:
        m_view->moveCursor(cursor + 1, extend);
        return true;
    case Qt::Key_Up:
        m_view->moveCursor(cursor >= Row ? cursor - Row : cursor, extend);
        return true;
    case Qt::Key_Down:
        m_view->moveCursor(total - 1 - cursor >= Row ? cursor + Row : cursor, extend);
        return true;
    case Qt::Key_PageUp:
        m_view->setTopRow(topRow >= pageRows ? topRow - pageRows : 0);
        m_view->moveCursor(cursor >= page ? cursor - page : cursor % Row, extend);
        return true;
    case Qt::Key_PageDown: {
        quint64 target = total - 1 - cursor >= page ? cursor + page : cursor;
        if (target == cursor && total - 1 - cursor >= Row)
            target = cursor + (total - 1 - cursor) / Row * Row; // last row, same column
        m_view->setTopRow(topRow + pageRows);
        m_view->moveCursor(target, extend);
        return true;
    }
    case Qt::Key_Home:
        m_view->moveCursor(control ? 0 : rowStart, extend);
        return true;
    case Qt::Key_End:
        m_view->moveCursor(control ? total - 1 : std::min(rowStart + Row - 1, total - 1), extend);
        return true;
    default:
        return typeText(event);
    }
}

bool HexKeyboardController::typeText(QKeyEvent *event)
{
    if (!m_view->isEditable() || (event->modifiers() & Qt::ControlModifier) || event->text().isEmpty())
        return false;
    bool used = false;
    const QString text = event->text();
    for (const QChar ch : text) {
        if (m_view->isCursorInAscii()) {
            if (ch.unicode() >= 0x20 && ch.unicode() < 0x7f) {
                m_view->typeByte(char(ch.unicode()));
                used = true;
            }
            continue;
        }
        bool isHex = false;
        const int digit = QStringView(&ch, 1).toInt(&isHex, 16);
        if (isHex) {
            m_view->typeHexDigit(digit);
            used = true;
        }
    }
    return used;
}

} // namespace AddCow
