// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later

#include "imagetestutil.h"

#include "fileio.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

using namespace AddCow;
using namespace ImageTest;
using namespace Qt::StringLiterals;

class FileIoTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { FileIo::setFaultHook({}); }
    void readAndWrite();
    void faultsAreInjected();
    void copyRange();
    void dataAndHoles();
    void renameRemoveAndSync();
};

void FileIoTest::readAndWrite()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"f.raw"_s);
    const int fd = FileIo::open(path, O_RDWR | O_CREAT, 0600);
    QVERIFY(fd >= 0);
    QCOMPARE(::fcntl(fd, F_GETFD) & FD_CLOEXEC, FD_CLOEXEC); // always O_CLOEXEC
    QRandomGenerator random(1);
    const QByteArray data = randomBytes(300000, random);
    QVERIFY(FileIo::writeFull(fd, data.constData(), quint64(data.size()), (quint64(5) << 30)));
    QCOMPARE(FileIo::fileSize(fd), qint64((quint64(5) << 30) + 300000)); // 64-bit offsets
    QByteArray back(400000, 'x');
    // Reads stop at the end of the file and say how much they got.
    QCOMPARE(FileIo::readFull(fd, back.data(), 400000, (quint64(5) << 30)), qint64(300000));
    QVERIFY(back.left(300000) == data);
    QCOMPARE(FileIo::readFull(fd, back.data(), 10, (quint64(6) << 30)), qint64(0));
    QVERIFY(FileIo::truncate(fd, 1000));
    QCOMPARE(FileIo::fileSize(fd), qint64(1000));
    QVERIFY(FileIo::dataSync(fd));
    QVERIFY(FileIo::fullSync(fd));
    QCOMPARE(FileIo::close(fd), 0);
    QCOMPARE(FileIo::open(dir.filePath(u"missing"_s), O_RDONLY), -1);
    QCOMPARE(errno, ENOENT);
}

void FileIoTest::faultsAreInjected()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"f.raw"_s);
    QVERIFY(writeFile(path, QByteArray(1000, 'o')));
    QList<QPair<FileIo::Op, QString>> seen;
    FileIo::Fault next;
    FileIo::setFaultHook([&](FileIo::Op op, int, const QString &file) {
        seen.append({op, file});
        return std::exchange(next, FileIo::Fault{});
    });

    const int fd = FileIo::open(path, O_RDWR);
    QVERIFY(fd >= 0);
    // A short write writes the first half, then fails with ENOSPC.
    next.shortWrite = true;
    QVERIFY(!FileIo::writeFull(fd, QByteArray(1000, 'n').constData(), 1000, 0));
    QCOMPARE(errno, ENOSPC);
    QCOMPARE(readFile(path), QByteArray(500, 'n') + QByteArray(500, 'o'));
    // An errno fault does nothing and fails with that errno.
    next.errnoValue = EIO;
    QVERIFY(!FileIo::writeFull(fd, QByteArray(1000, 'x').constData(), 1000, 0));
    QCOMPARE(errno, EIO);
    next.errnoValue = EIO;
    char buffer[10];
    QCOMPARE(FileIo::readFull(fd, buffer, 10, 0), qint64(-1));
    QCOMPARE(errno, EIO);
    next.errnoValue = ENOSPC;
    QVERIFY(!FileIo::dataSync(fd));
    next.errnoValue = EROFS;
    QVERIFY(!FileIo::truncate(fd, 0));
    QCOMPARE(errno, EROFS);
    QCOMPARE(readFile(path), QByteArray(500, 'n') + QByteArray(500, 'o'));
    FileIo::close(fd);
    next.errnoValue = EACCES;
    QCOMPARE(FileIo::open(path, O_RDONLY), -1);
    QCOMPARE(errno, EACCES);

    // The hook is told the path even for calls that only take an fd.
    const QList<FileIo::Op> ops = {FileIo::Op::Open, FileIo::Op::Write, FileIo::Op::Write, FileIo::Op::Read,
                                   FileIo::Op::Sync, FileIo::Op::Truncate, FileIo::Op::Open};
    QCOMPARE(seen.size(), ops.size());
    for (int i = 0; i < ops.size(); ++i) {
        QCOMPARE(seen[i].first, ops[i]);
        QCOMPARE(seen[i].second, path);
    }
}

void FileIoTest::copyRange()
{
    QTemporaryDir dir;
    QRandomGenerator random(2);
    const QByteArray data = randomBytes(3 * 1024 * 1024 + 5, random);
    QVERIFY(writeFile(dir.filePath(u"from"_s), data));
    const int from = FileIo::open(dir.filePath(u"from"_s), O_RDONLY);
    const int to = FileIo::open(dir.filePath(u"to"_s), O_RDWR | O_CREAT);
    QVERIFY(from >= 0 && to >= 0);
    QVERIFY(FileIo::copyRange(from, 100, to, 7, quint64(data.size()) - 100));
    QVERIFY(readFile(dir.filePath(u"to"_s)) == QByteArray(7, '\0') + data.mid(100));
    // The source ending early is an error, not a silent short copy.
    QVERIFY(!FileIo::copyRange(from, quint64(data.size()) - 10, to, 0, 20));
    QCOMPARE(errno, ENODATA);

    FileIo::setFaultHook([](FileIo::Op op, int, const QString &) {
        FileIo::Fault fault;
        fault.shortWrite = op == FileIo::Op::CopyRange;
        return fault;
    });
    QVERIFY(FileIo::truncate(to, 0));
    QVERIFY(!FileIo::copyRange(from, 0, to, 0, 1000));
    QCOMPARE(errno, ENOSPC);
    QCOMPARE(readFile(dir.filePath(u"to"_s)), data.left(500));
    FileIo::close(from);
    FileIo::close(to);
}

void FileIoTest::dataAndHoles()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"sparse"_s);
    const int fd = FileIo::open(path, O_RDWR | O_CREAT);
    QVERIFY(fd >= 0);
    const quint64 size = quint64(64) << 20;
    const quint64 dataAt = quint64(32) << 20;
    QVERIFY(FileIo::truncate(fd, size));
    QVERIFY(FileIo::writeFull(fd, QByteArray(65536, 'd').constData(), 65536, dataAt));
    const qint64 data = FileIo::seekData(fd, 0);
    // File systems may report holes coarsely, but never skip data.
    QVERIFY(data >= 0 && quint64(data) <= dataAt);
    const qint64 hole = FileIo::seekHole(fd, dataAt);
    QVERIFY(quint64(hole) >= dataAt + 65536 && quint64(hole) <= size);
    // No data after the last: the file's size.
    QCOMPARE(FileIo::seekData(fd, dataAt + (quint64(8) << 20)), qint64(size));
    QCOMPARE(FileIo::seekHole(fd, size), qint64(size));
    FileIo::close(fd);
}

void FileIoTest::renameRemoveAndSync()
{
    QTemporaryDir dir;
    const QString a = dir.filePath(u"a"_s);
    const QString b = dir.filePath(u"b"_s);
    QVERIFY(writeFile(a, "content"));
    QString hookPath;
    FileIo::setFaultHook([&hookPath](FileIo::Op op, int, const QString &path) {
        if (op == FileIo::Op::Rename)
            hookPath = path;
        return FileIo::Fault{};
    });
    QVERIFY(FileIo::rename(a, b));
    QCOMPARE(hookPath, b); // the hook sees the destination
    QVERIFY(!QFileInfo::exists(a));
    QCOMPARE(readFile(b), QByteArray("content"));
    QVERIFY(FileIo::syncDirectoryOf(b));
    QVERIFY(FileIo::remove(b));
    QVERIFY(!QFileInfo::exists(b));
    QVERIFY(!FileIo::remove(b));
    QCOMPARE(errno, ENOENT);
}

QTEST_GUILESS_MAIN(FileIoTest)

#include "fileiotest.moc"
