// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "aboutdialog.h"
#include "addcow_version.h"
#include "appicons.h"
#include "languagedialog.h"
#include "mainwindow.h"
#include "translationloader.h"
#include "whatisaddcowdiagram.h"
#include "whatisaddcowdialog.h"

#include <QAction>
#include <QApplication>
#include <QImage>
#include <QLabel>
#include <QMenu>
#include <QComboBox>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace AddCow;
using namespace Qt::StringLiterals;

namespace
{
// Pixels drawn more than half opaque: an icon that is drawn, not blank.
int opaquePixels(const QImage &image)
{
    int opaque = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            opaque += image.pixelColor(x, y).alpha() > 128;
    return opaque;
}
} // namespace

class HelpDialogsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void aboutShowsBuildVersion();
    void bundledIcons_data();
    void bundledIcons();
    void applicationIcon();
    void diagramFollowsPalette_data();
    void diagramFollowsPalette();
    void diagramIsAccessible();
    void helpMenu();
    void f1OpensWhatIs();
    void menuActionsHaveShortcuts();
    void shortcutsAreUnique();
    void languageDialogStoresChoice();

private:
    static double meanLightness(const QImage &image);
};

void HelpDialogsTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

double HelpDialogsTest::meanLightness(const QImage &image)
{
    double sum = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            sum += image.pixelColor(x, y).lightnessF();
    return sum / (double(image.width()) * image.height());
}

void HelpDialogsTest::aboutShowsBuildVersion()
{
    AboutDialog about;
    QCOMPARE(AboutDialog::versionString(), QStringLiteral(ADDCOW_VERSION_STRING));
    const auto *title = about.findChild<QLabel *>(u"aboutTitle"_s);
    QVERIFY(title);
    QVERIFY2(title->text().contains(QStringLiteral(ADDCOW_VERSION_STRING)), qPrintable(title->text()));
    const auto *details = about.findChild<QLabel *>(u"aboutDetails"_s);
    QVERIFY(details);
    QVERIFY(details->text().contains(QString::fromLatin1(qVersion())));
    QVERIFY(details->text().contains(u"GPL-2.0-or-later"_s));
    const auto *icon = about.findChild<QLabel *>(u"aboutIcon"_s);
    QVERIFY(icon);
    QVERIFY(!icon->pixmap().isNull());
}

void HelpDialogsTest::bundledIcons_data()
{
    QTest::addColumn<AppIcons::Action>("action");
    QTest::addColumn<QString>("themeName");
    QTest::newRow("open") << AppIcons::Action::Open << u"document-open"_s;
    QTest::newRow("new image") << AppIcons::Action::NewImage << u"document-new"_s;
    QTest::newRow("commit") << AppIcons::Action::Commit << u"vcs-commit"_s;
    QTest::newRow("verify") << AppIcons::Action::Verify << u"checkmark"_s;
    QTest::newRow("zoom in") << AppIcons::Action::ZoomIn << u"zoom-in"_s;
    QTest::newRow("zoom out") << AppIcons::Action::ZoomOut << u"zoom-out"_s;
    QTest::newRow("zoom fit") << AppIcons::Action::ZoomFit << u"zoom-fit-best"_s;
}

void HelpDialogsTest::bundledIcons()
{
    QFETCH(AppIcons::Action, action);
    QFETCH(QString, themeName);
    QCOMPARE(AppIcons::themeName(action), themeName);
    // The fallback exists and renders (as SVG when the image plugin is there) at any size.
    QVERIFY2(QFile::exists(AppIcons::bundledPath(action)), qPrintable(AppIcons::bundledPath(action)));
    // Without any icon theme the bundled file is used.
    const QString theme = QIcon::themeName();
    QIcon::setThemeName(u"addcow-no-such-theme"_s);
    const QIcon icon = AppIcons::action(action);
    QIcon::setThemeName(theme);
    for (const int size : {16, 22, 48}) {
        const QImage image = icon.pixmap(QSize(size, size)).toImage();
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), QSize(size, size));
        QVERIFY2(opaquePixels(image) > size * size / 10, "the icon is drawn, not blank");
    }
}

void HelpDialogsTest::applicationIcon()
{
    // The bundled icon, not a theme's (the test's theme could have one of that name).
    const QString theme = QIcon::themeName();
    QIcon::setThemeName(u"addcow-no-such-theme"_s);
    const QIcon icon = AppIcons::application();
    QIcon::setThemeName(theme);
    QVERIFY(!icon.isNull());
    const QList<QSize> pngSizes{{16, 16}, {22, 22}, {24, 24}, {32, 32}, {48, 48}, {64, 64}, {128, 128}, {256, 256}};
    QCOMPARE(icon.availableSizes(), pngSizes); // what a window manager is given (xcb: _NET_WM_ICON)
    // Each size of the PNGs is that PNG, pixel for pixel.
    for (const QSize &size : pngSizes) {
        const QImage png(u":/icons/app/%1/org.addcow.AddCowStudio.png"_s.arg(size.width()));
        QCOMPARE(png.size(), size);
        QCOMPARE(icon.pixmap(size).toImage().convertToFormat(QImage::Format_ARGB32_Premultiplied), png.convertToFormat(QImage::Format_ARGB32_Premultiplied));
    }
    // Sizes in between are scaled from the next bigger PNG, bigger ones drawn from the SVG.
    for (const int size : {20, 40, 100, 512}) {
        const QImage image = icon.pixmap(QSize(size, size)).toImage();
        QCOMPARE(image.size(), QSize(size, size));
        QVERIFY2(opaquePixels(image) > size * size / 10, "the icon is drawn, not blank");
    }
    QCOMPARE(icon.pixmap(QSize(64, 64), 2.0).size(), QSize(128, 128)); // high DPI: the 128 PNG
    QVERIFY(icon.pixmap(QSize(48, 48), QIcon::Disabled).toImage() != icon.pixmap(QSize(48, 48)).toImage());

    // A window without an application icon (tests) sets the icon itself...
    QVERIFY(QApplication::windowIcon().isNull());
    {
        MainWindow window;
        QCOMPARE(window.windowIcon().pixmap(QSize(48, 48)).toImage(), icon.pixmap(QSize(48, 48)).toImage());
    }
    // ... and with the one main() sets, every window and dialog has it.
    QApplication::setWindowIcon(AppIcons::application());
    MainWindow window;
    QCOMPARE(window.windowIcon().pixmap(QSize(48, 48)).toImage(), icon.pixmap(QSize(48, 48)).toImage());
    AboutDialog about(&window);
    QCOMPARE(about.windowIcon().pixmap(QSize(32, 32)).toImage(), icon.pixmap(QSize(32, 32)).toImage());
    QApplication::setWindowIcon(QIcon());
}

void HelpDialogsTest::diagramFollowsPalette_data()
{
    QTest::addColumn<bool>("dark");
    QTest::newRow("light") << false;
    QTest::newRow("dark") << true;
}

void HelpDialogsTest::diagramFollowsPalette()
{
    QFETCH(bool, dark);
    QPalette palette;
    const QColor window = dark ? QColor(0x20, 0x20, 0x22) : QColor(0xf4, 0xf4, 0xf4);
    const QColor text = dark ? QColor(0xee, 0xee, 0xee) : QColor(0x10, 0x10, 0x10);
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::Base, window);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Text, text);

    WhatIsAddCowDialog dialog;
    dialog.setPalette(palette);
    dialog.resize(dialog.sizeHint());
    WhatIsAddCowDiagram *diagram = dialog.diagram();
    diagram->resize(diagram->sizeHint());
    const QImage image = diagram->grab().toImage();
    QVERIFY(!image.isNull());
    const double lightness = meanLightness(image);
    // Background and cell bases come from the palette: a dark theme gives a dark picture.
    if (dark)
        QVERIFY2(lightness < 0.45, qPrintable(QString::number(lightness)));
    else
        QVERIFY2(lightness > 0.55, qPrintable(QString::number(lightness)));
    // The labels use the palette's text colour: some pixels are close to it.
    bool textSeen = false;
    for (int y = 0; y < image.height() && !textSeen; ++y)
        for (int x = 0; x < image.width() / 3 && !textSeen; ++x) {
            const QColor c = image.pixelColor(x, y);
            textSeen = qAbs(c.lightnessF() - text.lightnessF()) < 0.1;
        }
    QVERIFY(textSeen);
}

void HelpDialogsTest::diagramIsAccessible()
{
    WhatIsAddCowDiagram diagram;
    QVERIFY(!diagram.accessibleName().isEmpty());
    QVERIFY(diagram.accessibleDescription().contains(u"bit 1"_s));
    QCOMPARE(diagram.rowLabels().size(), 4);
    QCOMPARE(diagram.bits().size(), 8);
    QVERIFY(diagram.bits().contains(true) && diagram.bits().contains(false));
    QVERIFY(diagram.sizeHint().isValid());
}

void HelpDialogsTest::helpMenu()
{
    MainWindow window;
    const auto *help = window.findChild<QMenu *>(u"helpMenu"_s);
    QVERIFY(help);
    QStringList names;
    for (const QAction *action : help->actions())
        names.append(action->objectName());
    QVERIFY2(names.contains(u"whatIsAddCowAction"_s), qPrintable(names.join(u' ')));
    QVERIFY2(names.contains(u"aboutAction"_s), qPrintable(names.join(u' ')));
    QVERIFY2(names.contains(u"switchLanguageAction"_s), qPrintable(names.join(u' ')));

    auto *about = window.findChild<QAction *>(u"aboutAction"_s);
    about->trigger();
    auto *dialog = window.findChild<AboutDialog *>();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    dialog->close();
    QTRY_VERIFY(!window.findChild<AboutDialog *>()); // deleted on close
}

void HelpDialogsTest::f1OpensWhatIs()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.activateWindow();
    QVERIFY(!window.findChild<WhatIsAddCowDialog *>());
    QTest::keyClick(&window, Qt::Key_F1);
    auto *page = window.findChild<WhatIsAddCowDialog *>();
    QVERIFY(page);
    QTRY_VERIFY(page->isVisible());
    QCOMPARE(page->windowTitle(), u"What is add-cow?"_s);
    page->close();
}

void HelpDialogsTest::menuActionsHaveShortcuts()
{
    // Everything in the menus can be reached from the keyboard: a shortcut, or a submenu.
    MainWindow window;
    QStringList gaps;
    const QList<QMenu *> menus = window.findChildren<QMenu *>();
    for (const QMenu *menu : menus) {
        if (menu->objectName() == u"recentMenu"_s)
            continue; // filled from the history; its entries carry Ctrl+Alt+1..9
        for (const QAction *action : menu->actions()) {
            if (action->isSeparator() || action->menu() || !action->isVisible())
                continue;
            if (action->shortcut().isEmpty())
                gaps.append(menu->title() + u" > "_s + action->text() + u" ("_s + action->objectName() + u')');
        }
    }
    QVERIFY2(gaps.isEmpty(), qPrintable(u"menu entries without a shortcut: "_s + gaps.join(u", "_s)));
}

void HelpDialogsTest::shortcutsAreUnique()
{
    // Two actions on one key: Qt triggers neither ("ambiguous shortcut").
    MainWindow window;
    QHash<QKeySequence, QString> owners;
    QStringList clashes;
    for (const QAction *action : window.findChildren<QAction *>()) {
        for (const QKeySequence &key : action->shortcuts()) {
            const QString name = action->objectName().isEmpty() ? action->text() : action->objectName();
            const auto it = owners.constFind(key);
            if (it != owners.constEnd() && it.value() != name)
                clashes.append(key.toString() + u": "_s + it.value() + u" / "_s + name);
            owners.insert(key, name);
        }
    }
    QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(u", "_s)));
}

void HelpDialogsTest::languageDialogStoresChoice()
{
    MainWindow::settings()->remove(TranslationLoader::settingsKey()); // test-mode settings
    MainWindow window;
    window.findChild<QAction *>(u"switchLanguageAction"_s)->trigger();
    auto *dialog = window.findChild<LanguageDialog *>();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    auto *combo = dialog->findChild<QComboBox *>(u"languageCombo"_s);
    QVERIFY(combo);
    QCOMPARE(dialog->selectedLanguage(), QString()); // nothing stored: the system's language
    QStringList codes;
    for (int i = 0; i < combo->count(); ++i)
        codes.append(combo->itemData(i).toString());
    QCOMPARE(codes, (QStringList{QString(), u"en"_s, u"de"_s, u"zh_CN"_s}));
    QCOMPARE(combo->itemText(codes.indexOf(u"de"_s)), u"Deutsch"_s); // each language in its own name
    QVERIFY(combo->itemText(codes.indexOf(u"zh_CN"_s)).startsWith(u"简体中文"_s));

    QSignalSpy chosen(dialog, &LanguageDialog::languageChosen);
    combo->setCurrentIndex(codes.indexOf(u"de"_s));
    QTest::keyClick(combo, Qt::Key_Return); // the OK button is the default
    QCOMPARE(chosen.count(), 1);
    QCOMPARE(chosen.first().first().toString(), u"de"_s);
    QCOMPARE(LanguageDialog::storedLanguage(), u"de"_s);
    // The next start picks it up, and --lang still wins.
    QCOMPARE(TranslationLoader::chooseLanguage(QString(), *MainWindow::settings()), u"de"_s);
    QCOMPARE(TranslationLoader::chooseLanguage(u"zh_CN"_s, *MainWindow::settings()), u"zh_CN"_s);

    // Opened again it shows the stored choice; Cancel changes nothing.
    LanguageDialog again;
    QCOMPARE(again.selectedLanguage(), u"de"_s);
    again.selectLanguage(QString());
    again.reject();
    QCOMPARE(LanguageDialog::storedLanguage(), u"de"_s);
    again.selectLanguage(QString());
    again.accept();
    QVERIFY(!MainWindow::settings()->contains(TranslationLoader::settingsKey()));
}

QTEST_MAIN(HelpDialogsTest)

#include "helpdialogstest.moc"
