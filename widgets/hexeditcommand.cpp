// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "hexeditcommand.h"

#include "hexview.h"

namespace AddCow
{

HexEditCommand::HexEditCommand(HexView *view, quint64 offsetBytes, char newValue, bool firstNibble, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_view(view)
    , m_offsetBytes(offsetBytes)
    , m_newValue(newValue)
    , m_oldPending(view->pendingByte(offsetBytes))
    , m_open(firstNibble)
{
    setText(HexView::tr("Edit byte at 0x%1").arg(offsetBytes, 0, 16));
}

void HexEditCommand::redo()
{
    if (m_view)
        m_view->setPendingByte(m_offsetBytes, m_newValue);
}

void HexEditCommand::undo()
{
    if (m_view)
        m_view->setPendingByte(m_offsetBytes, m_oldPending);
}

int HexEditCommand::id() const
{
    return 0x4845; // "HE"
}

bool HexEditCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const HexEditCommand *>(other);
    if (!m_open || next->m_open || next->m_offsetBytes != m_offsetBytes || next->m_view != m_view)
        return false;
    m_newValue = next->m_newValue;
    m_open = false;
    return true;
}

} // namespace AddCow
