// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later

// Counting the bitmap where it lies (countAllocatedOnDisk, Image::Contents::HeaderOnly): holes,
// partial bytes, two halves at once, read errors and a file that shrinks while it is counted.

#include "imagetestutil.h"

#include "bitmapcount.h"
#include "clusterbitmap.h"
#include "fileio.h"
#include "image.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <bit>
#include <cerrno>
#include <fcntl.h>
#include <thread>
#include <unistd.h>

using namespace AddCow;
using namespace ImageTest;
using namespace Qt::StringLiterals;

namespace
{

constexpr quint64 MiB = 1024 * 1024;

quint64 naiveCount(QByteArrayView bytes)
{
    quint64 count = 0;
    for (char byte : bytes)
        count += quint64(std::popcount(uchar(byte)));
    return count;
}

// The count the loaded bitmap gives for the bytes the file holds from bitmapOffset on.
quint64 expectedCount(const QByteArray &file, quint64 bitmapOffset, quint64 clusterCount)
{
    const QByteArray present = quint64(file.size()) > bitmapOffset ? file.mid(qsizetype(bitmapOffset)) : QByteArray();
    return ClusterBitmap::fromBytes(present, clusterCount).countAllocated();
}

// Writes chunks of bytes at offsets into a file of fileBytes, leaving the rest as holes.
bool writeSparse(const QString &path, quint64 fileBytes, const QList<QPair<quint64, QByteArray>> &chunks, QByteArray *model)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || !file.resize(qint64(fileBytes)))
        return false;
    model->fill('\0', qsizetype(fileBytes));
    for (const auto &[offset, bytes] : chunks) {
        if (!file.seek(qint64(offset)) || file.write(bytes) != bytes.size())
            return false;
        std::memcpy(model->data() + offset, bytes.constData(), size_t(bytes.size()));
    }
    return true;
}

Result<quint64> countFile(const QString &path, quint64 bitmapOffset, quint64 clusterCount)
{
    const int fd = FileIo::open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return Error::fromErrno(path, u"cannot open"_s);
    Result<quint64> counted = countAllocatedOnDisk(fd, path, bitmapOffset, clusterCount);
    FileIo::close(fd);
    return counted;
}

} // namespace

class BitmapCountTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { FileIo::setFaultHook({}); }

    void countSetBitsAtAnyAlignment()
    {
        QRandomGenerator random(7);
        const QByteArray bytes = randomBytes(300, random);
        for (qsizetype start = 0; start < 16; ++start) {
            for (qsizetype length : {0, 1, 7, 8, 9, 31, 32, 33, 100, 284}) {
                const QByteArrayView view(bytes.constData() + start, length);
                QCOMPARE(ClusterBitmap::countSetBits(view), naiveCount(view));
            }
        }
    }

    void countOnDisk_data()
    {
        QTest::addColumn<quint64>("clusterCount");
        QTest::addColumn<quint64>("fileBytes"); // of the whole file, header page included
        QTest::addColumn<QList<QPair<quint64, QByteArray>>>("chunks");

        constexpr quint64 Header = 4096;
        QRandomGenerator random(11);
        auto ones = [](qsizetype n) { return QByteArray(n, char(0xff)); };
        QTest::newRow("no clusters") << quint64(0) << Header << QList<QPair<quint64, QByteArray>>{};
        QTest::newRow("1 cluster, spare bits set (R12)") << quint64(1) << Header + 512 << QList<QPair<quint64, QByteArray>>{{Header, ones(512)}};
        QTest::newRow("7 clusters") << quint64(7) << Header + 512 << QList<QPair<quint64, QByteArray>>{{Header, ones(1)}};
        QTest::newRow("8 clusters") << quint64(8) << Header + 512 << QList<QPair<quint64, QByteArray>>{{Header, ones(2)}};
        QTest::newRow("65 clusters, random") << quint64(65) << Header + 512 << QList<QPair<quint64, QByteArray>>{{Header, randomBytes(512, random)}};
        QTest::newRow("dense random, 3000001 clusters")
            << quint64(3000001) << Header + 375 * 1024 << QList<QPair<quint64, QByteArray>>{{Header, randomBytes(375 * 1024, random)}};
        // Holes read as clear bits and are skipped (SEEK_DATA), data runs anywhere between.
        QTest::newRow("holes between data") << quint64(64 * 8 * MiB) << Header + 64 * MiB
                                            << QList<QPair<quint64, QByteArray>>{{Header, ones(3)},
                                                                                 {Header + 5 * MiB + 17, randomBytes(70000, random)},
                                                                                 {Header + 64 * MiB - 9, ones(9)}};
        // From 4 MiB of bitmap on, two threads count a half each; the halves meet at a page.
        QTest::newRow("two halves, all data")
            << quint64(24 * 8 * MiB) << Header + 24 * MiB
            << QList<QPair<quint64, QByteArray>>{{Header, randomBytes(qsizetype(24 * MiB), random)}};
        QTest::newRow("two halves, data across the middle and holes")
            << quint64(16 * 8 * MiB + 5) << Header + 16 * MiB + 1
            << QList<QPair<quint64, QByteArray>>{{Header + 100, ones(3)},
                                                 {Header + 8 * MiB - 4096 - 3, randomBytes(2 * 4096 + 6, random)},
                                                 {Header + 16 * MiB - 2, ones(3)}};
        QTest::newRow("two halves, the file ends in the first")
            << quint64(40 * 8 * MiB) << Header + 3 * MiB << QList<QPair<quint64, QByteArray>>{{Header + MiB, randomBytes(qsizetype(2 * MiB), random)}};
        // The file ends inside the bitmap: the missing bytes count as clear (open refuses it, R12).
        QTest::newRow("file ends early") << quint64(4096 * 8) << Header + 1000
                                         << QList<QPair<quint64, QByteArray>>{{Header, randomBytes(1000, random)}};
        QTest::newRow("file ends in the last byte") << quint64(4096 * 8 + 3) << Header + 4096 + 1
                                                    << QList<QPair<quint64, QByteArray>>{{Header + 4090, ones(7)}};
    }

    void countOnDisk()
    {
        QFETCH(quint64, clusterCount);
        QFETCH(quint64, fileBytes);
        using Chunks = QList<QPair<quint64, QByteArray>>;
        QFETCH(Chunks, chunks);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"bitmap.add-cow"_s);
        QByteArray model;
        QVERIFY(writeSparse(path, fileBytes, chunks, &model));
        const quint64 expected = expectedCount(model, 4096, clusterCount);

        const Result<quint64> counted = countFile(path, 4096, clusterCount);
        QVERIFY2(counted.ok(), qPrintable(counted.error().message()));
        QCOMPARE(counted.value(), expected);
    }

    // A read that fails in either half, on either thread, is the count's error.
    void readErrorsAreReported_data()
    {
        QTest::addColumn<quint64>("bitmapBytes");
        QTest::addColumn<bool>("failOnCallingThread"); // the first half, or the one thread
        QTest::addColumn<bool>("failOnOtherThread");   // the second half
        QTest::newRow("one thread") << quint64(64 * 1024) << true << false;
        QTest::newRow("first half") << 8 * MiB << true << false;
        QTest::newRow("second half") << 8 * MiB << false << true;
    }

    void readErrorsAreReported()
    {
        QFETCH(quint64, bitmapBytes);
        QFETCH(bool, failOnCallingThread);
        QFETCH(bool, failOnOtherThread);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"bitmap.add-cow"_s);
        QByteArray model;
        QVERIFY(writeSparse(path, 4096 + bitmapBytes, {{4096, QByteArray(qsizetype(bitmapBytes), char(0x0f))}}, &model));
        const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
        QVERIFY(fd >= 0);
        const std::thread::id callingThread = std::this_thread::get_id();
        std::atomic_int failed{0};
        FileIo::setFaultHook([&](FileIo::Op op, int, const QString &) {
            FileIo::Fault fault;
            const bool onCallingThread = std::this_thread::get_id() == callingThread;
            if (op == FileIo::Op::Read && (onCallingThread ? failOnCallingThread : failOnOtherThread)) {
                fault.errnoValue = EIO;
                ++failed;
            }
            return fault;
        });
        const Result<quint64> counted = countAllocatedOnDisk(fd, path, 4096, bitmapBytes * 8);
        FileIo::setFaultHook({});
        ::close(fd);
        QVERIFY(failed > 0);
        QVERIFY(!counted);
        QCOMPARE(counted.error().code, ErrorCode::Io);
        QCOMPARE(counted.error().errnoValue, EIO);
        QCOMPARE(counted.error().path, path);
    }

    // Another process truncates the .add-cow file between finding its data and reading it:
    // an error naming the file, not a count of what happened to be left.
    void fileShrinksWhileCounting()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"bitmap.add-cow"_s);
        QByteArray model;
        QVERIFY(writeSparse(path, 4096 + 2 * MiB, {{4096, QByteArray(qsizetype(2 * MiB), char(0x11))}}, &model));
        // Every seek and read reaches the fault hook as a Read; the last two are the two 1 MiB
        // chunks. A first count learns how many there are, the second truncates at the first chunk.
        int reads = 0;
        FileIo::setFaultHook([&](FileIo::Op op, int, const QString &) {
            reads += op == FileIo::Op::Read ? 1 : 0;
            return FileIo::Fault();
        });
        QVERIFY(countFile(path, 4096, 2 * MiB * 8).ok());
        const int firstChunkRead = reads - 1;
        reads = 0;
        FileIo::setFaultHook([&](FileIo::Op op, int, const QString &) {
            if (op == FileIo::Op::Read && ++reads == firstChunkRead)
                QFile::resize(path, 4096 + 1000);
            return FileIo::Fault();
        });
        const Result<quint64> counted = countFile(path, 4096, 2 * MiB * 8);
        FileIo::setFaultHook({});
        QCOMPARE(reads, firstChunkRead);
        QVERIFY(!counted);
        QCOMPARE(counted.error().code, ErrorCode::CorruptBitmap); // R12: bits went missing
        QCOMPARE(counted.error().finding, std::optional<FindingCode>(FindingCode::BitmapEndsEarly));
        QCOMPARE(counted.error().path, path);

        // Counted again, the shorter file gives what it holds.
        const Result<quint64> again = countFile(path, 4096, 2 * MiB * 8);
        QVERIFY(again.ok());
        QCOMPARE(again.value(), 1000 * 2);
    }

    // Image::Contents::HeaderOnly: what `addcow info` opens. Same checks, no bitmap in memory.
    void headerOnlyImage()
    {
        QTemporaryDir dir;
        const quint64 virtualSize = 3000 * ClusterSizeBytes + 512;
        const quint64 clusters = clusterCountFor(virtualSize);
        QRandomGenerator random(3);
        const QByteArray bits = randomBits(clusters, 40, random);
        const QString addCow = dir.filePath(u"disk.add-cow"_s);
        QVERIFY(writeFile(addCow, addCowBytes("disk.raw", {}, virtualSize, bits)));
        QFile image(dir.filePath(u"disk.raw"_s));
        QVERIFY(image.open(QIODevice::WriteOnly) && image.resize(qint64(virtualSize)));
        const quint64 firstSet = ClusterBitmap::fromBytes(bits, clusters).findNext(0, true).value_or(0);
        const QList<quint64> readOffsets{0, virtualSize - 16, firstSet * ClusterSizeBytes + ClusterSizeBytes - 8};
        for (const quint64 offset : readOffsets) { // bytes that show only where the bit is set (R13)
            QVERIFY(image.seek(qint64(offset)));
            QVERIFY(image.write(QByteArray(16, '\xab')) == 16);
        }
        image.close();

        const Result<Image> whole = Image::open(addCow);
        QVERIFY(whole.ok());
        Result<Image> headerOnly = Image::open(addCow, Image::Access::ReadOnly, Image::Contents::HeaderOnly);
        QVERIFY2(headerOnly.ok(), qPrintable(headerOnly.error().message()));
        QVERIFY(whole->hasBitmap());
        QVERIFY(!headerOnly->hasBitmap());
        QCOMPARE(headerOnly->clusterCount(), clusters);
        const Result<quint64> inMemory = whole->countAllocated();
        const Result<quint64> onDisk = headerOnly->countAllocated();
        QVERIFY(inMemory.ok() && onDisk.ok());
        QCOMPARE(onDisk.value(), inMemory.value());
        QCOMPARE(onDisk.value(), whole->bitmap().countAllocated());
        QCOMPARE(onDisk.value(), naiveCount(ClusterBitmap::fromBytes(bits, clusters).toBytes()));

        // Reading the disk takes the bits of the clusters read from disk (a partition table for
        // addcow info): the same bytes as through the loaded bitmap, around its first set bit too.
        for (const quint64 offset : readOffsets) {
            const Result<QByteArray> read = headerOnly->read(offset, 16);
            QVERIFY2(read, qPrintable(read ? QString() : read.error().message()));
            QCOMPARE(read.value(), whole->read(offset, 16).value());
        }

        // Writing needs it too: HeaderOnly is for reading only.
        const Result<Image> writable = Image::open(addCow, Image::Access::ReadWrite, Image::Contents::HeaderOnly);
        QVERIFY(!writable);
        QCOMPARE(writable.error().code, ErrorCode::InvalidArgument);

        // R12 is still checked: a bitmap cut short is an error before anything is counted.
        QVERIFY(QFile::resize(addCow, qint64(4096 + bitmapBytesFor(clusters) - 1)));
        const Result<Image> cut = Image::open(addCow, Image::Access::ReadOnly, Image::Contents::HeaderOnly);
        QVERIFY(!cut);
        QCOMPARE(cut.error().code, ErrorCode::CorruptBitmap);
        QCOMPARE(cut.error().rule, 12);
    }
};

QTEST_GUILESS_MAIN(BitmapCountTest)
#include "bitmapcounttest.moc"
