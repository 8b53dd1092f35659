// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "addcow_version.h"
#include "appicons.h"
#include "firstframereporter.h"
#include "imagedocument.h"
#include "mainwindow.h"
#include "translationloader.h"

#include <QApplication>
#include <QByteArrayView>
#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QPalette>
#include <QSettings>
#include <QStyleFactory>

#ifdef __GLIBC__
#include <malloc.h>
#endif

using namespace Qt::StringLiterals;

namespace
{
/** Fusion with a dark palette, for --dark (screenshots, desktops without a dark theme). */
void useDarkPalette()
{
    QApplication::setStyle(QStyleFactory::create(u"Fusion"_s));
    QPalette dark;
    const QColor window(0x2b, 0x2d, 0x30);
    const QColor base(0x1e, 0x1f, 0x22);
    const QColor text(0xe6, 0xe6, 0xe6);
    const QColor disabledText(0x80, 0x80, 0x80);
    dark.setColor(QPalette::Window, window);
    dark.setColor(QPalette::WindowText, text);
    dark.setColor(QPalette::Base, base);
    dark.setColor(QPalette::AlternateBase, window);
    dark.setColor(QPalette::ToolTipBase, base);
    dark.setColor(QPalette::ToolTipText, text);
    dark.setColor(QPalette::PlaceholderText, disabledText);
    dark.setColor(QPalette::Text, text);
    dark.setColor(QPalette::Button, window);
    dark.setColor(QPalette::ButtonText, text);
    dark.setColor(QPalette::BrightText, Qt::red);
    dark.setColor(QPalette::Light, window.lighter(150));
    dark.setColor(QPalette::Midlight, window.lighter(125));
    dark.setColor(QPalette::Mid, window.lighter(160));
    dark.setColor(QPalette::Dark, window.darker(150));
    dark.setColor(QPalette::Shadow, Qt::black);
    dark.setColor(QPalette::Highlight, QColor(0x3d, 0xae, 0xe9));
    dark.setColor(QPalette::HighlightedText, base);
    dark.setColor(QPalette::Link, QColor(0x6c, 0xc4, 0xf5));
    dark.setColor(QPalette::LinkVisited, QColor(0xb0, 0x8c, 0xe8));
    for (const QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        dark.setColor(QPalette::Disabled, role, disabledText);
    QApplication::setPalette(dark);
}

/** The program's names, which QSettings and the translations need, for any kind of application object. */
void setApplicationNames()
{
    QCoreApplication::setOrganizationName(u"AddCow"_s);
    QCoreApplication::setApplicationName(u"AddCow Studio"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(ADDCOW_VERSION_STRING));
}

/** True when argv only asks for text (--help, --version): no window, so no display is needed. */
bool asksOnlyForText(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArrayView argument(argv[i]);
        if (argument == "--help" || argument == "-h" || argument == "--help-all" || argument == "--version" || argument == "-v" || argument == "-?")
            return true;
    }
    return false;
}

/** Translations first (--lang CODE, else the stored choice, else the system's), then the options. */
struct CommandLine {
    QCommandLineParser parser;
    QCommandLineOption langOption{u"lang"_s, QCoreApplication::translate("main", "Show the program in LANGUAGE (for example de or zh_CN) instead of the system's language."),
                                  QCoreApplication::translate("main", "LANGUAGE")};
    QCommandLineOption darkOption{u"dark"_s, QCoreApplication::translate("main", "Use a dark colour scheme (the Fusion style with a dark palette).")};

    CommandLine()
    {
        parser.setApplicationDescription(QCoreApplication::translate("main", "Inspect, check and edit add-cow disk images."));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addPositionalArgument(u"image"_s, QCoreApplication::translate("main", "The .add-cow file to open."), u"[image.add-cow]"_s);
        parser.addOption(langOption);
        parser.addOption(darkOption);
    }
};

/**
 * The image argv names, as the parser will find it later (the first argument that is not an
 * option nor an option's value), when it is a file; empty otherwise. Read before any
 * QCoreApplication exists, so its load can start first (issue 13).
 */
QString imageArgument(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArrayView argument(argv[i]);
        if (argument == "--lang" || argument == "-platform" || argument == "-style" || argument == "-stylesheet" || argument == "-session"
            || argument == "-qwindowgeometry" || argument == "-qwindowtitle" || argument == "-qwindowicon" || argument == "-display") {
            ++i; // its value
            continue;
        }
        if (argument.startsWith("-"))
            continue;
        const QString path = QFile::decodeName(argv[i]);
        return QFileInfo(path).isFile() ? path : QString();
    }
    return QString();
}

void loadTranslations(AddCow::TranslationLoader &translations)
{
    translations.load(AddCow::TranslationLoader::chooseLanguage(AddCow::TranslationLoader::languageFromArguments(QCoreApplication::arguments()),
                                                                *AddCow::MainWindow::settings()));
}
}

int main(int argc, char *argv[])
{
#ifdef __GLIBC__
    // Issue 11: glibc raises its mmap threshold each time a big block is freed, after which the
    // map's frames (6 MiB images at 1600x1000) and other big buffers come from the heap and stay
    // resident when freed: 10-25 MiB over the bitmap plus 64 MiB at 64 TiB. A fixed threshold
    // gives such blocks back to the system when they are freed.
    mallopt(M_MMAP_THRESHOLD, 256 * 1024);
#endif
    AddCow::FirstFrameReporter::mark("main");
    if (asksOnlyForText(argc, argv)) {
        // Printed before any QApplication exists: works without a display (scripts, help2man, ssh).
        QCoreApplication app(argc, argv);
        setApplicationNames();
        AddCow::TranslationLoader translations(&app);
        loadTranslations(translations);
        CommandLine commandLine;
        commandLine.parser.process(app); // prints and exits
        return 0;
    }
    // The image's bitmap is read on a worker thread while Qt and the window start up on this
    // one (issue 13: the first frame of a 64 TiB image within 0.3 s); openImage() below takes
    // this load over.
    AddCow::ImageDocument::startOpening(imageArgument(argc, argv));

    QApplication app(argc, argv);
    AddCow::FirstFrameReporter::mark("application");
    setApplicationNames();
    QApplication::setDesktopFileName(u"org.addcow.AddCowStudio"_s);
    QApplication::setWindowIcon(AddCow::AppIcons::application());

    AddCow::TranslationLoader translations(&app);
    loadTranslations(translations);
    CommandLine commandLine;
    commandLine.parser.process(app);
    if (commandLine.parser.isSet(commandLine.darkOption) || qEnvironmentVariableIntValue("ADDCOW_DARK") == 1)
        useDarkPalette();

    AddCow::FirstFrameReporter::mark("translations");
    AddCow::MainWindow window;
    AddCow::FirstFrameReporter::mark("window");
    if (AddCow::FirstFrameReporter::isRequested())
        new AddCow::FirstFrameReporter(&window, !commandLine.parser.positionalArguments().isEmpty());
    window.show();
    AddCow::FirstFrameReporter::mark("shown");
    if (const QStringList images = commandLine.parser.positionalArguments(); !images.isEmpty())
        window.openImage(images.first());
    AddCow::FirstFrameReporter::mark("opening");
    return app.exec();
}
