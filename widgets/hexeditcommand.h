// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QPointer>
#include <QUndoCommand>

#include <optional>

namespace AddCow
{

class HexView;

/**
 * One pending byte edit in a HexView's overlay (nothing is written to disk until the owner saves).
 * Typing the two nibbles of one byte merges into one command.
 */
class HexEditCommand : public QUndoCommand
{
public:
    /** firstNibble: the high nibble was typed; the low nibble's command at the same offset merges into this one. */
    HexEditCommand(HexView *view, quint64 offsetBytes, char newValue, bool firstNibble, QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

    quint64 offsetBytes() const { return m_offsetBytes; }
    char newValue() const { return m_newValue; }

private:
    QPointer<HexView> m_view;
    quint64 m_offsetBytes;
    char m_newValue;
    std::optional<char> m_oldPending; ///< the overlay before this edit: nullopt = the byte on disk
    bool m_open;                      ///< still waiting for the low nibble
};

} // namespace AddCow
