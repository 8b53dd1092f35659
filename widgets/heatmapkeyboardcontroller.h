// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

class QKeyEvent;

namespace AddCow
{

class HeatmapWidget;

/**
 * Keyboard navigation of the heatmap: arrows, Page Up/Down, Home/End move the cursor cell
 * (Shift extends the selection), +/- zoom, 0 fits, Enter activates, Escape clears the selection.
 */
class HeatmapKeyboardController
{
public:
    explicit HeatmapKeyboardController(HeatmapWidget *widget);

    /** Returns true when it used the event. */
    bool keyPress(QKeyEvent *event);

private:
    HeatmapWidget *m_widget;
};

} // namespace AddCow
