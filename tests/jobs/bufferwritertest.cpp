// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later

// BufferWriter: what it writes lands where asked, in the order started; a failed write is
// reported by the next wait() with its range and errno, once; destroying it waits for the write.
// With a write-behind window it starts each write's writeback and waits for the ones before; a
// failed writeback is told as such.

#include "bufferwriter.h"
#include "fileio.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <cerrno>
#include <fcntl.h>
#include <vector>

using namespace AddCow;
using namespace Qt::StringLiterals;

namespace
{

struct FaultGuard {
    ~FaultGuard()
    {
        FileIo::setFaultHook({});
        FileIo::setTraceHook({});
    }
};

QByteArray contents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class BufferWriterTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writesInOrder()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"out.raw"_s);
        const int fd = FileIo::open(path, O_RDWR | O_CREAT | O_CLOEXEC);
        QVERIFY(fd >= 0);
        QByteArray expected(3 * 65536, '\0');
        const QByteArray buffers[2] = {QByteArray(65536, 'a'), QByteArray(65536, 'b')}; // outlive the writer
        {
            BufferWriter writer(fd);
            QVERIFY(!writer.wait()); // nothing started: nothing to wait for
            // Out of file order, alternating buffers, as commit does.
            const quint64 offsets[] = {2 * 65536, 0, 65536};
            for (int i = 0; i < 3; ++i) {
                const QByteArray &buffer = buffers[i % 2];
                QVERIFY(!writer.wait());
                writer.start(buffer.constData(), quint64(buffer.size()), offsets[i]);
                expected.replace(qsizetype(offsets[i]), buffer.size(), buffer);
            }
            // The destructor waits for the last write.
        }
        FileIo::close(fd);
        QCOMPARE(contents(path), expected);
    }

    void failureReportedOnce()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"out.raw"_s);
        const int fd = FileIo::open(path, O_RDWR | O_CREAT | O_CLOEXEC);
        QVERIFY(fd >= 0);
        FaultGuard guard;
        FileIo::setFaultHook([fd](FileIo::Op op, int callFd, const QString &) {
            return op == FileIo::Op::Write && callFd == fd ? FileIo::Fault{EIO, false} : FileIo::Fault{};
        });
        const QByteArray buffer(4096, 'x');
        BufferWriter writer(fd);
        writer.start(buffer.constData(), quint64(buffer.size()), 8192);
        const std::optional<BufferWriter::Failure> failure = writer.wait();
        QVERIFY(failure);
        QCOMPARE(failure->step, BufferWriter::Failure::Step::Write);
        QCOMPARE(failure->offsetBytes, quint64(8192));
        QCOMPARE(failure->lengthBytes, quint64(4096));
        QCOMPARE(failure->errnoValue, EIO);
        QVERIFY(!writer.wait()); // told once
        FileIo::setFaultHook({});
        writer.start(buffer.constData(), quint64(buffer.size()), 0);
        QVERIFY(!writer.wait());
        FileIo::close(fd);
        QCOMPARE(contents(path), buffer);
    }

    // Commit's use over NBD: writes with a write-behind window.
    void writesWithWriteBehind()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"out.raw"_s);
        const int fd = FileIo::open(path, O_RDWR | O_CREAT | O_CLOEXEC);
        QVERIFY(fd >= 0);
        FaultGuard guard;
        std::atomic_int writebackCalls{0}; // sync_file_range asks the fault hook as a Sync, and is not traced
        FileIo::setFaultHook([&](FileIo::Op op, int callFd, const QString &) {
            if (op == FileIo::Op::Sync && callFd == fd)
                ++writebackCalls;
            return FileIo::Fault{};
        });
        std::vector<FileIo::Op> ops; // only the writer thread calls on fd while it runs
        FileIo::setTraceHook([&](const FileIo::Call &call) {
            if (call.fd == fd)
                ops.push_back(call.op);
        });
        const QByteArray buffers[2] = {QByteArray(65536, 'a'), QByteArray(65536, 'b')};
        QByteArray expected(4 * 65536, '\0');
        BufferWriter writer(fd, 65536); // a window of one buffer: each write waits for the one before
        for (int i = 0; i < 4; ++i) {
            QVERIFY(!writer.wait());
            writer.start(buffers[i % 2].constData(), 65536, quint64(i) * 65536);
            expected.replace(i * 65536, 65536, buffers[i % 2]);
        }
        QVERIFY(!writer.wait());
        const std::vector<FileIo::Op> expectedOps(4, FileIo::Op::Write);
        QVERIFY(ops == expectedOps);
        // Four starts, and three waits, each for the write before.
        QCOMPARE(writebackCalls.load(), 4 + 3);
        FileIo::setFaultHook({});
        FileIo::setTraceHook({});
        FileIo::close(fd);
        QCOMPARE(contents(path), expected);
    }

    void writebackFailureTold()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const int fd = FileIo::open(dir.filePath(u"out.raw"_s), O_RDWR | O_CREAT | O_CLOEXEC);
        QVERIFY(fd >= 0);
        FaultGuard guard;
        FileIo::setFaultHook([fd](FileIo::Op op, int callFd, const QString &) {
            return op == FileIo::Op::Sync && callFd == fd ? FileIo::Fault{EIO, false} : FileIo::Fault{};
        });
        const QByteArray buffer(4096, 'x');
        BufferWriter writer(fd, 65536);
        writer.start(buffer.constData(), quint64(buffer.size()), 4096);
        const std::optional<BufferWriter::Failure> failure = writer.wait();
        QVERIFY(failure);
        QCOMPARE(failure->step, BufferWriter::Failure::Step::Writeback); // written, its writeback not started
        QCOMPARE(failure->offsetBytes, quint64(4096));
        QCOMPARE(failure->lengthBytes, quint64(4096));
        QCOMPARE(failure->errnoValue, EIO);
        QVERIFY(!writer.wait()); // told once
        FileIo::setFaultHook({});
        FileIo::close(fd);
    }
};

QTEST_GUILESS_MAIN(BufferWriterTest)
#include "bufferwritertest.moc"
