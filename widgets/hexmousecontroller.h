// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

class QMouseEvent;

namespace AddCow
{

class HexView;

/** Mouse input of a HexView: click places the cursor, drag and Shift+click select. */
class HexMouseController
{
public:
    explicit HexMouseController(HexView *view);
    /** Each returns true when the event was used. Points are in viewport coordinates. */
    bool press(QMouseEvent *event);
    bool move(QMouseEvent *event);
    bool release(QMouseEvent *event);

private:
    HexView *m_view;
    bool m_dragging = false;
};

} // namespace AddCow
