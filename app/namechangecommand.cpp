// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "namechangecommand.h"

#include <QCoreApplication>

namespace AddCow
{

NameChangeCommand::NameChangeCommand(QString addCowPath, NameChange before, NameChange after, ApplyFunction apply)
    : m_addCowPath(std::move(addCowPath))
    , m_before(std::move(before))
    , m_after(std::move(after))
    , m_apply(std::move(apply))
{
    setText(QCoreApplication::translate("AddCow::NameChangeCommand", "File Name Change"));
}

void NameChangeCommand::undo()
{
    m_apply(m_addCowPath, m_before);
}

void NameChangeCommand::redo()
{
    m_apply(m_addCowPath, m_after);
}

} // namespace AddCow
