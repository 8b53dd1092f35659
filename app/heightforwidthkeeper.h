// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QObject>

class QWidget;

namespace AddCow
{

/**
 * Keeps a widget at least as tall as its layout needs at its current width. Word-wrapped labels
 * have a height for each width, but wizard pages and top-level dialogs do not ask for it: without
 * this their second and third lines were cut off ("Resolves to:", a wrapped error). The minimum
 * only grows, so the window never jumps back and forth while the user types.
 */
class HeightForWidthKeeper : public QObject
{
    Q_OBJECT

public:
    /** Watches widget (and is deleted with it). */
    explicit HeightForWidthKeeper(QWidget *widget);

    /** Applies the height the layout needs now (call after changing texts). */
    void update();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *m_widget;
};

} // namespace AddCow
