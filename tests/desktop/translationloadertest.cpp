// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "aboutdialog.h"
#include "mainwindow.h"
#include "summarystrip.h"
#include "translationloader.h"

#include <QAction>
#include <QLibraryInfo>
#include <QMenu>
#include <QMenuBar>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace AddCow;
using namespace Qt::StringLiterals;

class TranslationLoaderTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void languageFromArguments_data();
    void languageFromArguments();
    void chooseLanguage();
    void embeddedLanguages();
    void germanMainWindow();
    void germanWidget();
    void chineseMainWindow();
    void englishInstallsNothing();
    void unknownLanguage();
    void qtTranslation();
    void programLangOption();

private:
    static QString menuTitle(const MainWindow &window, const QString &objectName);
};

void TranslationLoaderTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

QString TranslationLoaderTest::menuTitle(const MainWindow &window, const QString &objectName)
{
    const auto *menu = window.findChild<QMenu *>(objectName);
    return menu ? menu->title() : QString();
}

void TranslationLoaderTest::languageFromArguments_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("language");
    QTest::newRow("none") << QStringList{u"addcow-studio"_s} << QString();
    QTest::newRow("separate value") << QStringList{u"addcow-studio"_s, u"--lang"_s, u"de"_s} << u"de"_s;
    QTest::newRow("with equals") << QStringList{u"addcow-studio"_s, u"--lang=zh_CN"_s, u"x.add-cow"_s} << u"zh_CN"_s;
    QTest::newRow("after the file") << QStringList{u"addcow-studio"_s, u"x.add-cow"_s, u"--lang"_s, u"de"_s} << u"de"_s;
    QTest::newRow("missing value") << QStringList{u"addcow-studio"_s, u"--lang"_s} << QString();
    QTest::newRow("after --") << QStringList{u"addcow-studio"_s, u"--"_s, u"--lang"_s, u"de"_s} << QString();
    QTest::newRow("program name is not an option") << QStringList{u"--lang=de"_s} << QString();
}

void TranslationLoaderTest::languageFromArguments()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, language);
    QCOMPARE(TranslationLoader::languageFromArguments(arguments), language);
}

void TranslationLoaderTest::chooseLanguage()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QSettings settings(dir.filePath(u"settings.ini"_s), QSettings::IniFormat);

    // Nothing stored, no override: the system's language.
    QCOMPARE(TranslationLoader::chooseLanguage(QString(), settings), QLocale::system().name());
    // A stored choice wins over the system, the command line over both.
    TranslationLoader::storeLanguage(settings, u"zh_CN"_s);
    QCOMPARE(TranslationLoader::chooseLanguage(QString(), settings), u"zh_CN"_s);
    QCOMPARE(TranslationLoader::chooseLanguage(u"de"_s, settings), u"de"_s);
    // The override is not stored.
    QCOMPARE(settings.value(TranslationLoader::settingsKey()).toString(), u"zh_CN"_s);
    // Storing nothing goes back to the system's language.
    TranslationLoader::storeLanguage(settings, QString());
    QVERIFY(!settings.contains(TranslationLoader::settingsKey()));
    QCOMPARE(TranslationLoader::chooseLanguage(QString(), settings), QLocale::system().name());
}

void TranslationLoaderTest::embeddedLanguages()
{
    const QStringList languages = TranslationLoader::availableLanguages();
    QVERIFY2(languages.contains(u"de"_s), qPrintable(languages.join(u' ')));
    QVERIFY2(languages.contains(u"zh_CN"_s), qPrintable(languages.join(u' ')));
}

void TranslationLoaderTest::germanMainWindow()
{
    TranslationLoader loader;
    QVERIFY(loader.load(u"de"_s));
    QCOMPARE(loader.language(), u"de"_s);
    QCOMPARE(QLocale().language(), QLocale::German);

    MainWindow window;
    QCOMPARE(menuTitle(window, u"fileMenu"_s), u"&Datei"_s);
    QCOMPARE(menuTitle(window, u"editMenu"_s), u"&Bearbeiten"_s);
    QCOMPARE(menuTitle(window, u"viewMenu"_s), u"&Ansicht"_s);
    QCOMPARE(menuTitle(window, u"helpMenu"_s), u"&Hilfe"_s);
    const auto *open = window.findChild<QAction *>(u"openAction"_s);
    QVERIFY(open);
    QCOMPARE(open->text(), u"&Öffnen …"_s);
    const auto *whatIs = window.findChild<QAction *>(u"whatIsAddCowAction"_s);
    QVERIFY(whatIs);
    QCOMPARE(whatIs->text(), u"&Was ist add-cow?"_s);

    AboutDialog about;
    QCOMPARE(about.windowTitle(), u"Über AddCow Studio"_s);
}

void TranslationLoaderTest::germanWidget()
{
    // A widget from widgets/ (the summary strip), not only app/.
    TranslationLoader loader;
    QVERIFY(loader.load(u"de_DE"_s)); // falls back from de_DE to the de translation
    SummaryStrip strip;
    strip.clear();
    QCOMPARE(strip.virtualSizeText(), u"Kein Image"_s);
}

void TranslationLoaderTest::chineseMainWindow()
{
    TranslationLoader loader;
    QVERIFY(loader.load(u"zh_CN"_s));
    MainWindow window;
    QCOMPARE(menuTitle(window, u"fileMenu"_s), u"文件(&F)"_s);
    QCOMPARE(menuTitle(window, u"helpMenu"_s), u"帮助(&H)"_s);
}

void TranslationLoaderTest::englishInstallsNothing()
{
    TranslationLoader loader;
    QVERIFY(loader.load(u"de"_s));
    // Loading again replaces the earlier translation instead of stacking on it.
    QVERIFY(loader.load(u"en_GB"_s));
    QVERIFY(!loader.hasQtTranslation());
    MainWindow window;
    QCOMPARE(menuTitle(window, u"fileMenu"_s), u"&File"_s);
    QVERIFY(loader.load(u"C"_s));
    QCOMPARE(QCoreApplication::translate("AddCow::MainWindow", "&File"), u"&File"_s);
}

void TranslationLoaderTest::unknownLanguage()
{
    TranslationLoader loader;
    QVERIFY(!loader.load(u"xx"_s));
    QVERIFY(!loader.load(u"fr"_s)); // a real language without a translation
    MainWindow window;
    QCOMPARE(menuTitle(window, u"fileMenu"_s), u"&File"_s);
}

void TranslationLoaderTest::qtTranslation()
{
    const QString qtbase = QLibraryInfo::path(QLibraryInfo::TranslationsPath) + u"/qtbase_de.qm"_s;
    if (!QFile::exists(qtbase))
        QSKIP("Qt's German translation is not installed (qt6-translations-l10n)");
    TranslationLoader loader;
    QVERIFY(loader.load(u"de"_s));
    QVERIFY(loader.hasQtTranslation());
    // A text of Qt's own dialogs, translated by qtbase_de.qm.
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), u"Abbrechen"_s);
    QVERIFY(loader.load(u"C"_s));
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), u"Cancel"_s);
}

void TranslationLoaderTest::programLangOption()
{
    // The program as users start it: --lang de translates even the command-line help.
    QTemporaryDir home;
    QVERIFY(home.isValid());
    QProcess program;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    env.insert(u"XDG_CONFIG_HOME"_s, home.path());
    env.insert(u"LANG"_s, u"C.UTF-8"_s);
    env.remove(u"LANGUAGE"_s);
    env.remove(u"LC_ALL"_s);
    program.setProcessEnvironment(env);

    program.start(QStringLiteral(ADDCOW_STUDIO_BINARY), {u"--lang"_s, u"de"_s, u"--help"_s});
    QVERIFY(program.waitForFinished(30000));
    const QString german = QString::fromUtf8(program.readAllStandardOutput());
    QVERIFY2(german.contains(u"add-cow-Disk-Images untersuchen, prüfen und bearbeiten."_s), qPrintable(german));

    program.start(QStringLiteral(ADDCOW_STUDIO_BINARY), {u"--help"_s});
    QVERIFY(program.waitForFinished(30000));
    const QString english = QString::fromUtf8(program.readAllStandardOutput());
    QVERIFY2(english.contains(u"Inspect, check and edit add-cow disk images."_s), qPrintable(english));
}

QTEST_MAIN(TranslationLoaderTest)

#include "translationloadertest.moc"
