// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "headerrewrite.h"

#include <QString>
#include <QUndoCommand>

#include <functional>

namespace AddCow
{

/**
 * One change of the stored file names of an .add-cow file. redo() applies the new names,
 * undo() the old ones, each through apply (which rewrites the header atomically, rewriteNames).
 */
class NameChangeCommand : public QUndoCommand
{
public:
    using ApplyFunction = std::function<void(const QString &addCowPath, const NameChange &change)>;

    NameChangeCommand(QString addCowPath, NameChange before, NameChange after, ApplyFunction apply);

    void undo() override;
    void redo() override;

    QString addCowPath() const { return m_addCowPath; }
    const NameChange &before() const { return m_before; }
    const NameChange &after() const { return m_after; }

private:
    QString m_addCowPath;
    NameChange m_before;
    NameChange m_after;
    ApplyFunction m_apply;
};

} // namespace AddCow
