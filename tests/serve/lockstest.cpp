// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later

// The export holds QEMU's locks for its whole life, both ways; a bad image stops nbdkit with
// the error the validating open names, the one 'addcow check' reports.

#include "servetestutil.h"

#include "image.h"

#include <QStandardPaths>
#include <QTest>
#include <QtEndian>

#include <fcntl.h>
#include <unistd.h>

using namespace AddCow;
using namespace ServeTest;

namespace
{

// Why nbdkit did not start; empty when it did (then it is stopped again).
QString serveError(const Disk &disk, bool readOnly = false, const QString &socket = {})
{
    QString error;
    auto server = serve(disk, readOnly, &error, socket);
    return server ? QString() : error;
}

// True when some process holds QEMU's "write" permission lock (byte 101) on path. Only looks:
// taking a lock, as opening or serving would, could make the holder's own open fail.
bool writeLockHeld(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    struct flock lock = {};
    lock.l_type = F_WRLCK;
    lock.l_whence = SEEK_SET;
    lock.l_start = 101;
    lock.l_len = 1;
    const bool held = ::fcntl(fd, F_OFD_GETLK, &lock) == 0 && lock.l_type != F_UNLCK;
    ::close(fd);
    return held;
}

} // namespace

class LocksTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void exportKeepsWritersOut();
    void readOnlyExportSharesWithReaders();
    // QEMU interop: the rest needs nbdkit and our own locks only.
    void exportKeepsQemuWritersOut();
    void exportRefusesAnImageAnotherWriterHolds();
    void badImageStopsNbdkitWithTheNamedError_data();
    void badImageStopsNbdkitWithTheNamedError();
};

void LocksTest::initTestCase()
{
    if (QStandardPaths::findExecutable(u"nbdkit"_s).isEmpty())
        QFAIL("nbdkit is needed (scripts/quickstart.sh installs it)");
}

// The QEMU-interop rows need qemu-io, the peer whose locks we must honour.
#define REQUIRE_QEMU_IO()                                                                                                      \
    do {                                                                                                                       \
        if (QStandardPaths::findExecutable(u"qemu-io"_s).isEmpty())                                                          \
            QSKIP("qemu-io (qemu-utils) is needed as the locking peer");                                                       \
    } while (false)

void LocksTest::exportKeepsWritersOut()
{
    Disk disk(4 * C, qint64(4 * C));
    QVERIFY(disk.made);
    QString error;
    auto server = serve(disk, false, &error);
    QVERIFY2(server, qPrintable(error));
    const QString holder = u"nbdkit (pid %1)"_s.arg(server->pid());

    // Commit, writes (the hex editor's path) and header edits open the image for writing: refused,
    // naming who holds it.
    for (const QStringList &arguments : {QStringList{u"commit"_s, disk.addCow}, QStringList{u"rebase"_s, u"-u"_s, u"-b"_s, u"other.raw"_s, disk.addCow}}) {
        const Run refused = addcow(arguments);
        QVERIFY2(refused.exitCode != 0 && refused.err.contains(holder.toUtf8()), refused.all().constData());
    }
    const Result<Image> writer = Image::open(disk.addCow, Image::Access::ReadWrite);
    QVERIFY(!writer.ok());
    QCOMPARE(int(writer.error().code), int(ErrorCode::Busy));
    QVERIFY2(writer.error().message().contains(holder), qPrintable(writer.error().message()));
    // Reading (inspecting) is fine.
    QVERIFY(Image::open(disk.addCow, Image::Access::ReadOnly).ok());
    QCOMPARE(addcow({u"check"_s, disk.addCow}).exitCode, 0);

    // Stopped: the locks are gone.
    QVERIFY(server->stop());
    QVERIFY(Image::open(disk.addCow, Image::Access::ReadWrite).ok());
}

void LocksTest::exportKeepsQemuWritersOut()
{
    REQUIRE_QEMU_IO();
    Disk disk(4 * C, qint64(4 * C));
    QVERIFY(disk.made);
    for (const bool readOnly : {false, true}) {
        QString error;
        auto server = serve(disk, readOnly, &error);
        QVERIFY2(server, qPrintable(error));
        // QEMU cannot write the image file while it is exported, read-write or read-only.
        const Run qemu = run(u"qemu-io"_s, {u"-f"_s, u"raw"_s, u"-c"_s, u"write -P 1 0 512"_s, disk.image});
        QVERIFY2(qemu.exitCode != 0 && qemu.all().contains("lock"), qemu.all().constData());
        QVERIFY(server->stop());
    }
}

void LocksTest::exportRefusesAnImageAnotherWriterHolds()
{
    REQUIRE_QEMU_IO();
    Disk disk(4 * C, qint64(4 * C));
    QVERIFY(disk.made);
    for (const bool readOnly : {false, true}) {
        // qemu-io with its stdin open holds the image file for writing until it quits.
        QProcess qemu;
        qemu.start(u"qemu-io"_s, {u"-f"_s, u"raw"_s, disk.image});
        QVERIFY(qemu.waitForStarted());
        // Wait for qemu-io's lock without taking one: a probe of ours could make its open fail.
        QVERIFY2(QTest::qWaitFor([&] { return writeLockHeld(disk.image) || qemu.state() != QProcess::Running; }, 60000),
                 "qemu-io did not lock the image file");
        QVERIFY2(qemu.state() == QProcess::Running, qemu.readAll().constData());
        const QString error = serveError(disk, readOnly);
        const QString holder = u"qemu-io (pid %1)"_s.arg(qemu.processId());
        QVERIFY2(error.contains(u"another process has the file open for writing: "_s + holder), qPrintable(error));
        QVERIFY2(error.contains(disk.image), qPrintable(error));
        qemu.write("quit\n");
        qemu.closeWriteChannel();
        QVERIFY(qemu.waitForFinished(15000));
    }
}

void LocksTest::readOnlyExportSharesWithReaders()
{
    Disk disk(4 * C, qint64(4 * C));
    QVERIFY(disk.made);
    QString error;
    auto server = serve(disk, true, &error);
    QVERIFY2(server, qPrintable(error));
    // A second read-only export of the same image (another socket) shares it.
    auto second = serve(disk, true, &error, disk.dir.filePath(u"second.sock"_s));
    QVERIFY2(second, qPrintable(error));
    // No writer: neither ours nor a writable export (QEMU's: exportKeepsQemuWritersOut).
    const Run write = addcow({u"commit"_s, disk.addCow});
    QVERIFY2(write.exitCode != 0 && write.err.contains("does not allow writing"), write.all().constData());
    const QString writable = serveError(disk, false, disk.dir.filePath(u"writable.sock"_s));
    QVERIFY2(writable.contains(u"does not allow writing"_s), qPrintable(writable));
}

void LocksTest::badImageStopsNbdkitWithTheNamedError_data()
{
    QTest::addColumn<int>("offset");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("removeFile");
    QTest::addColumn<int>("rule");

    QByteArray version(4, '\0');
    qToLittleEndian<quint32>(2, version.data());
    QByteArray features(8, '\0');
    qToLittleEndian<quint64>(0x4, features.data());
    QByteArray pages(4, '\0');
    qToLittleEndian<quint32>(0, pages.data());
    QTest::newRow("R2 not an add-cow file") << 0 << QByteArray("QFI\xfb", 4) << QString() << 2;
    QTest::newRow("R3 unsupported version") << 8 << version << QString() << 3;
    QTest::newRow("R4 header pages size 0") << 44 << pages << QString() << 4;
    QTest::newRow("R7 unknown feature bit") << 28 << features << QString() << 7;
    QTest::newRow("R16 the image file is missing") << 0 << QByteArray() << u"disk.raw"_s << 16;
}

void LocksTest::badImageStopsNbdkitWithTheNamedError()
{
    QFETCH(int, offset);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, removeFile);
    QFETCH(int, rule);
    Disk disk(4 * C, qint64(4 * C));
    QVERIFY(disk.made);
    if (!bytes.isEmpty()) {
        QByteArray file = readFile(disk.addCow);
        file.replace(offset, bytes.size(), bytes);
        QVERIFY(writeFile(disk.addCow, file));
    }
    if (!removeFile.isEmpty())
        QVERIFY(QFile::remove(disk.dir.filePath(removeFile)));

    // The one validating open names the error; nbdkit prints that very line and does not start.
    const Result<Image> opened = Image::open(disk.addCow, Image::Access::ReadWrite);
    QVERIFY(!opened.ok());
    QCOMPARE(opened.error().rule, rule);
    const QString error = serveError(disk);
    QVERIFY(!error.isEmpty());
    const QString log = QString::fromLocal8Bit(readFile(disk.log()));
    QVERIFY2(log.contains(opened.error().message()), qPrintable(log));
    QVERIFY(!QFile::exists(disk.socket()));
    // 'addcow check' reports the same rule.
    const Run check = addcow({u"check"_s, disk.addCow});
    QVERIFY(check.exitCode != 0);
    QVERIFY2(check.all().contains(u"R%1"_s.arg(rule).toUtf8()), check.all().constData());
}

QTEST_GUILESS_MAIN(LocksTest)

#include "lockstest.moc"
