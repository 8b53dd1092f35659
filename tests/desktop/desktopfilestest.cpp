// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include <QDir>
#include <QFile>
#include <QMimeDatabase>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

/** The .desktop, AppStream and shared-mime-info files, checked by the freedesktop tools themselves. */
class DesktopFilesTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void desktopFileValidates();
    void metainfoValidates();
    void mimeXmlIsWellFormed();
    void mimeTypeRecognised_data();
    void mimeTypeRecognised();
    void filesAgree();

private:
    static QString resource(const QString &name) { return QStringLiteral(ADDCOW_RESOURCES_DIR) + u'/' + name; }
    static QString tool(const char *name);
    static QByteArray run(const QString &program, const QStringList &arguments, int *exitCode);
    static QByteArray readFile(const QString &path);
};

QString DesktopFilesTest::tool(const char *name)
{
    return QStandardPaths::findExecutable(QString::fromLatin1(name));
}

QByteArray DesktopFilesTest::run(const QString &program, const QStringList &arguments, int *exitCode)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    if (!process.waitForFinished(60000)) {
        *exitCode = -1;
        return process.errorString().toUtf8();
    }
    *exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return process.readAll();
}

QByteArray DesktopFilesTest::readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void DesktopFilesTest::desktopFileValidates()
{
    const QString validator = tool("desktop-file-validate");
    if (validator.isEmpty())
        QFAIL("desktop-file-validate is missing: install desktop-file-utils (scripts/quickstart.sh does)");
    int exitCode = 0;
    const QByteArray output = run(validator, {resource(u"org.addcow.AddCowStudio.desktop"_s)}, &exitCode);
    QVERIFY2(exitCode == 0, output.constData());
    // Not even hints: they point at menus showing the entry twice and the like.
    QVERIFY2(output.trimmed().isEmpty(), output.constData());
}

void DesktopFilesTest::metainfoValidates()
{
    const QString validator = tool("appstreamcli");
    if (validator.isEmpty())
        QFAIL("appstreamcli is missing: install appstream (scripts/quickstart.sh does)");
    int exitCode = 0;
    const QByteArray output = run(validator, {u"validate"_s, u"--no-net"_s, resource(u"org.addcow.AddCowStudio.metainfo.xml"_s)}, &exitCode);
    QVERIFY2(exitCode == 0, output.constData());
    QVERIFY2(output.contains("Validation was successful"), output.constData());
}

void DesktopFilesTest::mimeXmlIsWellFormed()
{
    const QString xmllint = tool("xmllint");
    if (xmllint.isEmpty())
        QFAIL("xmllint is missing: install libxml2-utils (scripts/quickstart.sh does)");
    for (const QString &name : {u"org.addcow.AddCowStudio.mime.xml"_s, u"org.addcow.AddCowStudio.metainfo.xml"_s}) {
        int exitCode = 0;
        const QByteArray output = run(xmllint, {u"--noout"_s, resource(name)}, &exitCode);
        QVERIFY2(exitCode == 0, output.constData());
    }
}

void DesktopFilesTest::mimeTypeRecognised_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<bool>("addCow");
    const QByteArray header = QByteArray("ADD_COW\xff", 8) + QByteArray("\x01\0\0\0", 4) + QByteArray(4096 - 12, '\0');
    // R2: the magic at offset 0 is enough, whatever the name.
    QTest::newRow("R2 magic, no extension") << u"disk"_s << header << true;
    QTest::newRow("R2 magic, unknown extension") << u"disk.xyzzy"_s << header << true;
    QTest::newRow("R2 magic and extension") << u"disk.add-cow"_s << header << true;
    QTest::newRow("R2 wrong magic, no extension") << u"notacow"_s << QByteArray("ADD_COX\xff", 8) + QByteArray(4088, '\0') << false;
    QTest::newRow("R2 later ACOW layout, no extension") << u"acow"_s << QByteArray("ACOW") + QByteArray(4092, '\0') << false;
    QTest::newRow("magic not at offset 0") << u"shifted"_s << QByteArray(1, ' ') + header << false;
}

void DesktopFilesTest::mimeTypeRecognised()
{
    QFETCH(QString, fileName);
    QFETCH(QByteArray, content);
    QFETCH(bool, addCow);

    const QString updater = tool("update-mime-database");
    if (updater.isEmpty())
        QFAIL("update-mime-database is missing: install shared-mime-info (scripts/quickstart.sh does)");

    // A private XDG data dir holding only our package, compiled by the real tool.
    QTemporaryDir data;
    QVERIFY(data.isValid());
    QVERIFY(QDir().mkpath(data.filePath(u"mime/packages"_s)));
    QVERIFY(QFile::copy(resource(u"org.addcow.AddCowStudio.mime.xml"_s), data.filePath(u"mime/packages/addcow-studio.xml"_s)));
    int exitCode = 0;
    const QByteArray output = run(updater, {data.filePath(u"mime"_s)}, &exitCode);
    QVERIFY2(exitCode == 0, output.constData());
    QVERIFY2(!output.contains("rror") && !output.contains("arning"), output.constData());
    QVERIFY(QFile::exists(data.filePath(u"mime/mime.cache"_s)));

    QTemporaryDir files;
    QVERIFY(files.isValid());
    QFile file(files.filePath(fileName));
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(content), content.size());
    file.close();

    // Ask Qt's MIME database (what file dialogs use) in a fresh process that sees only our data dir
    // plus the system's, as a file manager would after installation.
    QProcess probe;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"XDG_DATA_DIRS"_s, data.path() + u":/usr/local/share:/usr/share"_s);
    env.insert(u"XDG_DATA_HOME"_s, data.path());
    probe.setProcessEnvironment(env);
    probe.start(QCoreApplication::applicationFilePath(), {u"--probe"_s, file.fileName()});
    QVERIFY(probe.waitForFinished(30000));
    const QString mimeType = QString::fromUtf8(probe.readAllStandardOutput()).trimmed();
    if (addCow)
        QCOMPARE(mimeType, u"application/x-add-cow"_s);
    else
        QVERIFY2(mimeType != u"application/x-add-cow"_s, qPrintable(mimeType));
}

void DesktopFilesTest::filesAgree()
{
    // The desktop file opens the MIME type, and the metainfo points at the desktop file.
    const QByteArray desktop = readFile(resource(u"org.addcow.AddCowStudio.desktop"_s));
    const QByteArray metainfo = readFile(resource(u"org.addcow.AddCowStudio.metainfo.xml"_s));
    const QByteArray mime = readFile(resource(u"org.addcow.AddCowStudio.mime.xml"_s));
    QVERIFY(desktop.contains("\nMimeType=application/x-add-cow;"));
    QVERIFY(desktop.contains("\nIcon=org.addcow.AddCowStudio\n"));
    QVERIFY(desktop.contains("\nExec=addcow-studio %f\n"));
    QVERIFY(metainfo.contains("<launchable type=\"desktop-id\">org.addcow.AddCowStudio.desktop</launchable>"));
    QVERIFY(metainfo.contains("<mediatype>application/x-add-cow</mediatype>"));
    QVERIFY(mime.contains("<mime-type type=\"application/x-add-cow\">"));
    QVERIFY(mime.contains("<glob pattern=\"*.add-cow\"/>"));
}

static int probeMain(int argc, char **argv)
{
    // desktopfilestest --probe FILE: prints the MIME type Qt finds for FILE by name and content.
    QCoreApplication app(argc, argv);
    const QMimeType type = QMimeDatabase().mimeTypeForFile(QString::fromLocal8Bit(argv[2]));
    fputs(type.name().toUtf8().constData(), stdout);
    fputc('\n', stdout);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc == 3 && qstrcmp(argv[1], "--probe") == 0)
        return probeMain(argc, argv);
    QCoreApplication app(argc, argv);
    DesktopFilesTest test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "desktopfilestest.moc"
