// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "appicons.h"

#include <QHash>
#include <QIconEngine>
#include <QPainter>

#include <array>

using namespace Qt::StringLiterals;

namespace AddCow
{

namespace
{

const QString applicationName = QStringLiteral("org.addcow.AddCowStudio");
// The sizes of the bundled PNGs (resources/CMakeLists.txt: ADDCOW_ICON_SIZES).
constexpr std::array<int, 8> applicationPngSizes{16, 22, 24, 32, 48, 64, 128, 256};

/**
 * The bundled application icon, read only when a pixmap of it is asked for (issue 13): a QIcon
 * of the SVG and the eight PNGs decodes all eight PNGs and loads the SVG icon engine as it is
 * made, 12-36 ms on an idle machine and 100-550 ms under load before the window's first frame.
 * A size up to 256 is drawn from the smallest PNG at least that big (crisp, and there without an
 * SVG plugin), a bigger one from the SVG; each file is read once, when first needed.
 */
class ApplicationIconEngine : public QIconEngine
{
public:
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return iconFor(size).pixmap(size, mode, state);
    }

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override
    {
        const qreal ratio = painter->device() ? painter->device()->devicePixelRatio() : 1.0;
        iconFor(rect.size() * ratio).paint(painter, rect, Qt::AlignCenter, mode, state);
    }

    QSize actualSize(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return iconFor(size).actualSize(size, mode, state);
    }

    QList<QSize> availableSizes(QIcon::Mode, QIcon::State) override
    {
        QList<QSize> sizes;
        for (const int size : applicationPngSizes)
            sizes.append(QSize(size, size));
        return sizes;
    }

    QIconEngine *clone() const override
    {
        auto *engine = new ApplicationIconEngine;
        engine->m_icons = m_icons;
        return engine;
    }

    QString key() const override
    {
        return u"AddCowApplicationIconEngine"_s;
    }

    QString iconName() override
    {
        return applicationName;
    }

    bool isNull() override
    {
        return false;
    }

private:
    /** The icon of the file drawn at size: one PNG (its own size is the key) or the SVG (key 0). */
    QIcon iconFor(const QSize &size)
    {
        const int wanted = qMax(size.width(), size.height());
        int key = 0;
        for (const int pngSize : applicationPngSizes) {
            if (pngSize >= wanted) {
                key = pngSize;
                break;
            }
        }
        auto icon = m_icons.find(key);
        if (icon == m_icons.end()) {
            const QString path = key == 0 ? u":/icons/app/"_s + applicationName + u".svg"_s
                                          : u":/icons/app/%1/"_s.arg(key) + applicationName + u".png"_s;
            icon = m_icons.insert(key, QIcon(path));
        }
        return icon.value();
    }

    QHash<int, QIcon> m_icons;
};

} // namespace

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
    return QIcon::fromTheme(applicationName, QIcon(new ApplicationIconEngine));
}

} // namespace AddCow
