// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

class QKeyEvent;

namespace AddCow
{

class HexView;

/**
 * Keyboard input of a HexView, apart from its painting: cursor moves (arrows, PgUp/PgDn,
 * Home/End, Ctrl+Home/End; Shift selects), copy, undo/redo, and typing while editable.
 */
class HexKeyboardController
{
public:
    explicit HexKeyboardController(HexView *view);
    /** @return true when the key was used */
    bool keyPress(QKeyEvent *event);

private:
    bool typeText(QKeyEvent *event);

    HexView *m_view;
};

} // namespace AddCow
