// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QIcon>
#include <QString>

namespace AddCow
{

/**
 * The icons of AddCow Studio. Actions use the icon theme's icon of the freedesktop name when
 * the theme has one, and the SVG bundled in the resources (":/icons/actions/NAME.svg")
 * otherwise, so a desktop without the theme still shows every toolbar button.
 */
class AppIcons
{
public:
    enum class Action {
        Open,     ///< document-open
        NewImage, ///< document-new
        Commit,   ///< vcs-commit
        Verify,   ///< checkmark
        ZoomIn,   ///< zoom-in
        ZoomOut,  ///< zoom-out
        ZoomFit,  ///< zoom-fit-best
    };

    /** The theme icon for action, falling back to the bundled SVG. */
    static QIcon action(Action action);
    /** The icon theme name used for action, e.g. "zoom-in". */
    static QString themeName(Action action);
    /** The resource path of the bundled fallback for action. */
    static QString bundledPath(Action action);
    /**
     * The application icon (theme "org.addcow.AddCowStudio", else the bundled PNGs and, above
     * 256 pixels, the SVG). Cheap to make: the bundled files are read when a pixmap is drawn.
     */
    static QIcon application();
};

} // namespace AddCow
