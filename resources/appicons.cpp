// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "appicons.h"

using namespace Qt::StringLiterals;

namespace AddCow
{

QString AppIcons::themeName(Action action)
{
    switch (action) {
    case Action::Open:
        return u"document-open"_s;
    case Action::NewImage:
        return u"document-new"_s;
    case Action::Commit:
        return u"vcs-commit"_s;
    case Action::Verify:
        return u"checkmark"_s;
    case Action::ZoomIn:
        return u"zoom-in"_s;
    case Action::ZoomOut:
        return u"zoom-out"_s;
    case Action::ZoomFit:
        return u"zoom-fit-best"_s;
    }
    return {};
}

QString AppIcons::bundledPath(Action action)
{
    return u":/icons/actions/"_s + themeName(action) + u".svg"_s;
}

QIcon AppIcons::action(Action action)
{
    return QIcon::fromTheme(themeName(action), QIcon(bundledPath(action)));
}

QIcon AppIcons::application()
{
    static const QString name = u"org.addcow.AddCowStudio"_s;
    QIcon bundled(u":/icons/app/"_s + name + u".svg"_s);
    // PNGs too: crisp at small sizes, and there when no SVG image plugin is installed.
    for (const int size : {16, 22, 24, 32, 48, 64, 128, 256})
        bundled.addFile(u":/icons/app/%1/"_s.arg(size) + name + u".png"_s, QSize(size, size));
    return QIcon::fromTheme(name, bundled);
}

} // namespace AddCow
