// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later

#include "imagetestutil.h"

#include "filelock.h"
#include "image.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <fcntl.h>
#include <unistd.h>

using namespace AddCow;
using namespace ImageTest;
using namespace Qt::StringLiterals;

namespace
{

struct Files {
    QTemporaryDir dir;
    QString addCow;
    QString image;
    QString backing;
};

// Two 1 MiB raw files of zeros and the .add-cow file over them, written by the test itself:
// the tests of our own locks need no QEMU.
bool makeFiles(Files &files)
{
    files.addCow = files.dir.filePath(u"disk.add-cow"_s);
    files.image = files.dir.filePath(u"disk.raw"_s);
    files.backing = files.dir.filePath(u"base.raw"_s);
    for (const QString &path : {files.image, files.backing}) {
        if (!writeFile(path, QByteArray(1 << 20, '\0')))
            return false;
    }
    return writeFile(files.addCow, addCowBytes("disk.raw", "base.raw", 1 << 20));
}

// The QEMU-interop rows need qemu-io, the peer whose locks we must honour; the rest run without it.
#define REQUIRE_QEMU_IO()                                                                                                      \
    do {                                                                                                                       \
        if (QStandardPaths::findExecutable(u"qemu-io"_s).isEmpty())                                                          \
            QSKIP("qemu-io (qemu-utils) is needed as the locking peer");                                                       \
    } while (false)

bool waitUntilHeld(const QString &path, bool held)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 15000) {
        const Result<bool> state = FileLock::isHeldForWriting(path);
        if (state.ok() && state.value() == held)
            return true;
        QThread::msleep(20);
    }
    return false;
}

// Runs qemu-io with one command; returns its exit code and puts its output in output.
int qemuIo(const QStringList &arguments, QString *output)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(u"qemu-io"_s, arguments);
    if (!process.waitForFinished(30000))
        return -1;
    *output = QString::fromUtf8(process.readAll());
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

} // namespace

class LockTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // QEMU interop.
    void runningQemuMakesOpenBusy();
    void ourLockKeepsQemuOut();
    void readOnlyExportKeepsQemuWritersOut();
    // Our own locks only.
    void twoWritersInOneProcess();
    void readersAndForbiddenRead();
    void busyNamesTheHolder();
    void readOnlyExportKeepsWritersOut();
};

void LockTest::runningQemuMakesOpenBusy()
{
    REQUIRE_QEMU_IO();
    Files files;
    QVERIFY(makeFiles(files));

    // qemu-io with its stdin kept open waits for commands, holding the image open for writing.
    QProcess qemu;
    qemu.start(u"qemu-io"_s, {u"-f"_s, u"raw"_s, files.image});
    QVERIFY(qemu.waitForStarted());
    QVERIFY2(waitUntilHeld(files.image, true), "qemu-io never took its write lock");

    const Result<Image> busy = Image::open(files.addCow, Image::Access::ReadWrite);
    QVERIFY(!busy.ok());
    QCOMPARE(int(busy.error().code), int(ErrorCode::Busy));
    QCOMPARE(busy.error().path, files.image);
    QVERIFY(busy.error().message().contains(files.image));
    // Who holds it, by name and process id (from /proc: OFD locks carry no pid).
    QVERIFY2(busy.error().message().contains(u"qemu-io (pid %1)"_s.arg(qemu.processId())), qPrintable(busy.error().message()));
    // Inspecting takes no lock and is allowed.
    QVERIFY(Image::open(files.addCow, Image::Access::ReadOnly).ok());
    // The failed open released what it had taken: the .add-cow file is not left locked.
    QCOMPARE(FileLock::isHeldForWriting(files.addCow).value(), false);

    qemu.write("quit\n");
    qemu.closeWriteChannel();
    QVERIFY(qemu.waitForFinished(15000));
    QVERIFY(waitUntilHeld(files.image, false));
    const Result<Image> opened = Image::open(files.addCow, Image::Access::ReadWrite);
    QVERIFY2(opened.ok(), qPrintable(opened.error().message()));
}

void LockTest::ourLockKeepsQemuOut()
{
    REQUIRE_QEMU_IO();
    Files files;
    QVERIFY(makeFiles(files));
    QString output;
    {
        const Result<Image> opened = Image::open(files.addCow, Image::Access::ReadWrite);
        QVERIFY2(opened.ok(), qPrintable(opened.error().message()));
        QCOMPARE(FileLock::isHeldForWriting(files.image).value(), true);
        QCOMPARE(FileLock::isHeldForWriting(files.addCow).value(), true);
        QCOMPARE(FileLock::isHeldForWriting(files.backing).value(), false);

        // Neither the image file nor the .add-cow file can be written by QEMU meanwhile.
        for (const QString &path : {files.image, files.addCow}) {
            const int exitCode = qemuIo({u"-f"_s, u"raw"_s, u"-c"_s, u"write -P 0x55 0 512"_s, path}, &output);
            QVERIFY2(exitCode != 0 && output.contains(u"lock"_s), qPrintable(output));
        }
        // The backing file is only read, so QEMU may still read it.
        QCOMPARE(qemuIo({u"-r"_s, u"-f"_s, u"raw"_s, u"-c"_s, u"read 0 512"_s, files.backing}, &output), 0);
    }
    QCOMPARE(readFile(files.image), QByteArray(1 << 20, '\0'));

    // Closed: the locks are gone and QEMU writes.
    QCOMPARE(FileLock::isHeldForWriting(files.image).value(), false);
    QCOMPARE(qemuIo({u"-f"_s, u"raw"_s, u"-c"_s, u"write -P 0x55 0 512"_s, files.image}, &output), 0);
    QCOMPARE(readFile(files.image).left(512), QByteArray(512, '\x55'));
}

void LockTest::twoWritersInOneProcess()
{
    // Open file description locks conflict between two opens in the same process too.
    Files files;
    QVERIFY(makeFiles(files));
    const Result<Image> first = Image::open(files.addCow, Image::Access::ReadWrite);
    QVERIFY(first.ok());
    const Result<Image> second = Image::open(files.addCow, Image::Access::ReadWrite);
    QVERIFY(!second.ok());
    QCOMPARE(int(second.error().code), int(ErrorCode::Busy));
    QCOMPARE(second.error().path, files.addCow);
}

void LockTest::readersAndForbiddenRead()
{
    Files files;
    QVERIFY(makeFiles(files));
    const int holder = ::open(QFile::encodeName(files.image).constData(), O_RDONLY | O_CLOEXEC);
    const int reader = ::open(QFile::encodeName(files.image).constData(), O_RDONLY | O_CLOEXEC);
    QVERIFY(holder >= 0 && reader >= 0);

    // Readers share: two read locks, and a writer is still allowed (QEMU's default sharing).
    QVERIFY(FileLock::lockForReading(holder, files.image).ok());
    QVERIFY(FileLock::lockForReading(reader, files.image).ok());
    QCOMPARE(FileLock::isHeldForWriting(files.image).value(), false);

    // A holder that does not share consistent read (byte 200) keeps readers and writers out.
    struct flock forbid = {};
    forbid.l_type = F_RDLCK;
    forbid.l_whence = SEEK_SET;
    forbid.l_start = 200;
    forbid.l_len = 1;
    QCOMPARE(::fcntl(holder, F_OFD_SETLK, &forbid), 0);
    const int third = ::open(QFile::encodeName(files.image).constData(), O_RDONLY | O_CLOEXEC);
    const Result<void> refused = FileLock::lockForReading(third, files.image);
    QVERIFY(!refused.ok());
    QCOMPARE(int(refused.error().code), int(ErrorCode::Busy));
    QCOMPARE(int(FileLock::lockForWriting(third, files.image).error().code), int(ErrorCode::Busy));
    ::close(holder);
    QVERIFY(FileLock::lockForWriting(third, files.image).ok());
    ::close(third);
    ::close(reader);
}

void LockTest::busyNamesTheHolder()
{
    Files files;
    QVERIFY(makeFiles(files));
    const Result<Image> first = Image::open(files.addCow, Image::Access::ReadWrite);
    QVERIFY(first.ok());
    const Result<Image> second = Image::open(files.addCow, Image::Access::ReadWrite);
    QVERIFY(!second.ok());
    const QString expected = u"another process has the file open for writing: this process ("_s;
    QVERIFY2(second.error().message().contains(expected), qPrintable(second.error().message()));
    QVERIFY2(second.error().message().contains(u"pid %1)"_s.arg(::getpid())), qPrintable(second.error().message()));
}

void LockTest::readOnlyExportKeepsQemuWritersOut()
{
    REQUIRE_QEMU_IO();
    Files files;
    QVERIFY(makeFiles(files));
    // A read-only export keeps QEMU's writers out too; QEMU's readers share it.
    Result<Image> exported = Image::open(files.addCow, Image::Access::ReadOnly);
    QVERIFY(exported.ok());
    QVERIFY(exported->lockAgainstWriters().ok());
    QString output;
    const int exitCode = qemuIo({u"-f"_s, u"raw"_s, u"-c"_s, u"write -P 0x55 0 512"_s, files.image}, &output);
    QVERIFY2(exitCode != 0 && output.contains(u"lock"_s), qPrintable(output));
    QCOMPARE(qemuIo({u"-r"_s, u"-f"_s, u"raw"_s, u"-c"_s, u"read 0 512"_s, files.image}, &output), 0);
}

void LockTest::readOnlyExportKeepsWritersOut()
{
    Files files;
    QVERIFY(makeFiles(files));
    {
        // A read-only export: shared with other readers, no writer.
        Result<Image> exported = Image::open(files.addCow, Image::Access::ReadOnly);
        QVERIFY(exported.ok());
        QVERIFY(exported->lockAgainstWriters().ok());
        Result<Image> second = Image::open(files.addCow, Image::Access::ReadOnly);
        QVERIFY(second.ok());
        QVERIFY(second->lockAgainstWriters().ok());

        const Result<Image> writer = Image::open(files.addCow, Image::Access::ReadWrite);
        QVERIFY(!writer.ok());
        QCOMPARE(int(writer.error().code), int(ErrorCode::Busy));
        QVERIFY2(writer.error().message().contains(u"does not allow writing"_s), qPrintable(writer.error().message()));
    }
    {
        // And the other way: a writer holds the image, a read-only export is refused.
        const Result<Image> writer = Image::open(files.addCow, Image::Access::ReadWrite);
        QVERIFY(writer.ok());
        Result<Image> exported = Image::open(files.addCow, Image::Access::ReadOnly);
        QVERIFY(exported.ok());
        const Result<void> locked = exported->lockAgainstWriters();
        QVERIFY(!locked.ok());
        QCOMPARE(int(locked.error().code), int(ErrorCode::Busy));
        QVERIFY2(locked.error().message().contains(u"open for writing: this process"_s), qPrintable(locked.error().message()));
    }
    QVERIFY(Image::open(files.addCow, Image::Access::ReadWrite).ok());
}

QTEST_GUILESS_MAIN(LockTest)

#include "locktest.moc"
