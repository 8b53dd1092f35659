// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later

// Write-back (R21): writes acknowledged before they are durable, flush, FUA, write-zeroes.

#include "imagetestutil.h"

#include "fileio.h"
#include "image.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <mutex>
#include <unistd.h>

using namespace AddCow;
using namespace ImageTest;
using namespace Qt::StringLiterals;

namespace
{

constexpr quint64 C = ClusterSizeBytes;

// Records every FileIo operation with the name of the file it concerns.
struct OpRecorder {
    std::mutex mutex;
    QStringList ops;
    OpRecorder()
    {
        FileIo::setFaultHook([this](FileIo::Op op, int, const QString &path) {
            static const char *const names[] = {"open", "read", "write", "sync", "truncate", "rename", "copy", "remove"};
            std::lock_guard lock(mutex);
            ops.append(QString::fromLatin1(names[int(op)]) + u' ' + QFileInfo(path).fileName());
            return FileIo::Fault{};
        });
    }
    ~OpRecorder() { FileIo::setFaultHook({}); }
    QStringList take()
    {
        std::lock_guard lock(mutex);
        return std::exchange(ops, {});
    }
};

// A directory with an image of clusterCount clusters over a backing file of backingBytes bytes.
struct Files {
    QTemporaryDir dir;
    QString addCow;
    QString imagePath;
    QByteArray backing;
    quint64 virtualSize;

    Files(quint64 virtualSizeBytes, qint64 backingBytes, const QByteArray &bits = {})
        : virtualSize(virtualSizeBytes)
    {
        QRandomGenerator random{quint32(virtualSizeBytes)};
        backing = backingBytes < 0 ? QByteArray() : randomBytesWithout(backingBytes, random, '\xee');
        makeImageFiles(dir.path(), virtualSizeBytes, backing, '\xee', bits);
        addCow = dir.filePath(u"disk.add-cow"_s);
        imagePath = dir.filePath(u"disk.raw"_s);
    }
    // The virtual disk before any write: backing data, zeros past its end (R13).
    QByteArray initialDisk() const
    {
        QByteArray disk(qsizetype(virtualSize), '\0');
        std::memcpy(disk.data(), backing.constData(), std::min<qsizetype>(backing.size(), disk.size()));
        return disk;
    }
    QByteArray bitsOnDisk() const { return bitmapOnDisk(addCow, clusterCountFor(virtualSize)); }
};

Result<Image> openWriteBack(const QString &addCow)
{
    Result<Image> image = Image::open(addCow, Image::Access::ReadWrite);
    if (image.ok()) {
        if (Result<void> mode = image->setWriteMode(Image::WriteMode::WriteBack); !mode)
            return mode.error();
    }
    return image;
}

QByteArray readDisk(const Image &image)
{
    const Result<QByteArray> bytes = image.read(0, image.virtualSizeBytes());
    return bytes.ok() ? bytes.value() : QByteArray();
}

bool isHole(const QString &path, quint64 offsetBytes, quint64 lengthBytes)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY);
    const off_t data = ::lseek(fd, off_t(offsetBytes), SEEK_DATA);
    ::close(fd);
    return data < 0 || quint64(data) >= offsetBytes + lengthBytes;
}

} // namespace

class WriteBackTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writeIsAcknowledgedBeforeItIsDurable();
    void fuaFlushesItsOwnClusters();
    void fuaCoversAnEarlierUnflushedWriteToItsCluster();
    void closingAndLeavingWriteBackFlush();
    void writeZeroes_data();
    void writeZeroes();
    void writeZeroesOfWholeCleanClustersReadsNoBackingData();
    void imageSyncFailureIsSticky();
    void bitmapWriteFailureIsRetried();
    void outOfRangeWritesNothing();
};

void WriteBackTest::writeIsAcknowledgedBeforeItIsDurable()
{
    Files files(8 * C, qint64(8 * C));
    Result<Image> image = openWriteBack(files.addCow);
    QVERIFY2(image.ok(), qPrintable(image.error().message()));
    QByteArray model = files.initialDisk();

    OpRecorder recorder;
    const QByteArray data(1000, 'w');
    const Result<ClusterRange> written = image->write(2 * C + 500, data);
    QVERIFY(written.ok());
    QCOMPARE(written.value(), (ClusterRange{2, 1}));
    model.replace(qsizetype(2 * C + 500), data.size(), data);
    // R21: copy-on-write in the image file, no sync, no bit on disk; memory reads the new data.
    QCOMPARE(recorder.take(), (QStringList{u"read base.raw"_s, u"write disk.raw"_s, u"read base.raw"_s, u"write disk.raw"_s, u"write disk.raw"_s}));
    QVERIFY(image->bitmap().test(2));
    QCOMPARE(files.bitsOnDisk(), QByteArray(1, '\0'));
    QCOMPARE(image->unflushedClusterCount(), quint64(1));
    QVERIFY(readDisk(image.value()) == model);
    recorder.take(); // the reads of that check

    // Flush: the image file durable, then the bit, then the .add-cow file durable.
    QVERIFY(image->flush().ok());
    QCOMPARE(recorder.take(), (QStringList{u"sync disk.raw"_s, u"write disk.add-cow"_s, u"sync disk.add-cow"_s}));
    QCOMPARE(files.bitsOnDisk(), QByteArray(1, '\x04'));
    QCOMPARE(image->unflushedClusterCount(), quint64(0));

    // A flush with nothing new still makes in-place writes durable, and writes no bitmap.
    QVERIFY(image->write(2 * C, QByteArray(10, 'x')).ok());
    QCOMPARE(recorder.take(), (QStringList{u"write disk.raw"_s}));
    QVERIFY(image->flush().ok());
    QCOMPARE(recorder.take(), (QStringList{u"sync disk.raw"_s}));
    model.replace(qsizetype(2 * C), 10, QByteArray(10, 'x'));

    Result<Image> reopened = Image::open(files.addCow);
    QVERIFY(reopened.ok());
    QVERIFY(readDisk(reopened.value()) == model);
}

void WriteBackTest::fuaFlushesItsOwnClusters()
{
    Files files(8 * C, qint64(8 * C));
    Result<Image> image = openWriteBack(files.addCow);
    QVERIFY(image.ok());
    QVERIFY(image->write(1 * C + 7, QByteArray(100, 'a')).ok());
    OpRecorder recorder;
    const Result<ClusterRange> fua = image->write(5 * C, QByteArray(int(C), 'b'), Image::Fua);
    QVERIFY(fua.ok());
    QCOMPARE(fua.value(), (ClusterRange{5, 1}));
    QCOMPARE(recorder.take(), (QStringList{u"write disk.raw"_s, u"sync disk.raw"_s, u"write disk.add-cow"_s, u"sync disk.add-cow"_s}));
    // Bit 5 is durable with its data; bit 1 waits for a flush.
    QCOMPARE(files.bitsOnDisk(), QByteArray(1, '\x20'));
    QCOMPARE(image->unflushedClusterCount(), quint64(1));
    QVERIFY(image->flush().ok());
    QCOMPARE(files.bitsOnDisk(), QByteArray(1, '\x22'));
}

void WriteBackTest::fuaCoversAnEarlierUnflushedWriteToItsCluster()
{
    // A FUA write into a cluster whose copy-on-write is not flushed yet: without its bit, the
    // FUA data would read as backing data after a crash.
    Files files(4 * C, qint64(4 * C));
    Result<Image> image = openWriteBack(files.addCow);
    QVERIFY(image.ok());
    QVERIFY(image->write(3 * C + 10, QByteArray(10, 'a')).ok());
    const Result<ClusterRange> fua = image->write(3 * C + 100, QByteArray(10, 'b'), Image::Fua);
    QVERIFY(fua.ok());
    QVERIFY(fua.value().isEmpty()); // the bit was set in memory already
    QCOMPARE(files.bitsOnDisk(), QByteArray(1, '\x08'));
    QCOMPARE(image->unflushedClusterCount(), quint64(0));
}

void WriteBackTest::closingAndLeavingWriteBackFlush()
{
    Files files(4 * C, qint64(4 * C));
    {
        Result<Image> image = openWriteBack(files.addCow);
        QVERIFY(image.ok());
        QVERIFY(image->write(0, QByteArray(10, 'a')).ok());
        QVERIFY(image->setWriteMode(Image::WriteMode::Durable).ok());
        QCOMPARE(files.bitsOnDisk(), QByteArray(1, '\x01'));
        QVERIFY(image->setWriteMode(Image::WriteMode::WriteBack).ok());
        QVERIFY(image->write(C, QByteArray(10, 'b')).ok());
        QCOMPARE(files.bitsOnDisk(), QByteArray(1, '\x01'));
    }
    // Closed with an unflushed write: a clean close loses nothing.
    QCOMPARE(files.bitsOnDisk(), QByteArray(1, '\x03'));
}

void WriteBackTest::writeZeroes_data()
{
    QTest::addColumn<bool>("writeBack");
    QTest::addColumn<quint64>("offset");
    QTest::addColumn<quint64>("length");
    QTest::addColumn<int>("flags");
    QTest::addColumn<quint64>("features");

    for (const bool writeBack : {false, true}) {
        const char *mode = writeBack ? "write-back" : "durable";
        QTest::addRow("R18 %s: whole clean clusters", mode) << writeBack << 2 * C << 3 * C << int(Image::NoWriteFlags) << quint64(0);
        QTest::addRow("R18 %s: whole clean clusters, holes allowed", mode) << writeBack << 2 * C << 3 * C << int(Image::MayDeallocate) << quint64(0);
        QTest::addRow("R18 %s: unaligned, copy-on-write at both ends", mode) << writeBack << C + 4000 << 3 * C << int(Image::MayDeallocate) << quint64(0);
        QTest::addRow("R18 %s: inside one clean cluster", mode) << writeBack << 6 * C + 10 << quint64(100) << int(Image::NoWriteFlags) << quint64(0);
        QTest::addRow("R18 %s: allocated clusters in place", mode) << writeBack << quint64(512) << C << int(Image::MayDeallocate) << quint64(0);
        QTest::addRow("R18 %s: to the end of a partial last cluster", mode) << writeBack << 7 * C << C / 2 + 123 << int(Image::MayDeallocate) << quint64(0);
        QTest::addRow("R14 %s: all allocated", mode) << writeBack << C - 1 << 2 * C << int(Image::MayDeallocate) << FeatureAllAllocated;
    }
}

void WriteBackTest::writeZeroes()
{
    QFETCH(bool, writeBack);
    QFETCH(quint64, offset);
    QFETCH(quint64, length);
    QFETCH(int, flags);
    QFETCH(quint64, features);

    // Clusters 0 and 1 allocated; the disk ends half-way into cluster 7.
    const quint64 virtualSize = 7 * C + C / 2 + 123;
    Files files(virtualSize, qint64(6 * C), QByteArray(1, '\x03'));
    if (features) {
        QByteArray bytes = readFile(files.addCow);
        bytes[28] = char(features);
        QVERIFY(writeFile(files.addCow, bytes));
    }
    Result<Image> image = Image::open(files.addCow, Image::Access::ReadWrite);
    QVERIFY(image.ok());
    if (writeBack)
        QVERIFY(image->setWriteMode(Image::WriteMode::WriteBack).ok());
    QByteArray model = readDisk(image.value());

    const Result<ClusterRange> zeroed = image->writeZeroes(offset, length, Image::WriteFlags(flags));
    QVERIFY2(zeroed.ok(), qPrintable(zeroed.error().message()));
    model.replace(qsizetype(offset), qsizetype(length), QByteArray(qsizetype(length), '\0'));
    QVERIFY(readDisk(image.value()) == model);
    QVERIFY(image->flush().ok());

    // Whole clusters zeroed with holes allowed are holes of the image file.
    const quint64 firstWhole = (offset + C - 1) / C * C;
    const quint64 endWhole = (offset + length) / C * C;
    if ((flags & Image::MayDeallocate) && endWhole > firstWhole)
        QVERIFY(isHole(files.imagePath, firstWhole, endWhole - firstWhole));

    Result<Image> reopened = Image::open(files.addCow);
    QVERIFY(reopened.ok());
    QVERIFY(readDisk(reopened.value()) == model);
    if (!features) {
        for (quint64 c = offset / C; c <= (offset + length - 1) / C; ++c)
            QVERIFY(reopened->bitmap().test(c));
    }
}

void WriteBackTest::writeZeroesOfWholeCleanClustersReadsNoBackingData()
{
    Files files(8 * C, qint64(8 * C));
    Result<Image> image = openWriteBack(files.addCow);
    QVERIFY(image.ok());
    FileIo::setFaultHook([](FileIo::Op op, int, const QString &path) {
        FileIo::Fault fault;
        if (op == FileIo::Op::Read && QFileInfo(path).fileName() == u"base.raw")
            fault.errnoValue = EIO;
        return fault;
    });
    const Result<ClusterRange> zeroed = image->writeZeroes(C, 4 * C, Image::MayDeallocate | Image::Fua);
    QVERIFY2(zeroed.ok(), qPrintable(zeroed.error().message()));
    QCOMPARE(zeroed.value(), (ClusterRange{1, 4}));
    // A partial clean cluster does need the backing file: that read fails here.
    QVERIFY(!image->writeZeroes(6 * C + 1, 10).ok());
    FileIo::setFaultHook({});
    QCOMPARE(files.bitsOnDisk(), QByteArray(1, '\x1e'));
    QVERIFY(isHole(files.imagePath, C, 4 * C));
    QCOMPARE(image->read(C, 4 * C).value(), QByteArray(int(4 * C), '\0'));
}

void WriteBackTest::imageSyncFailureIsSticky()
{
    Files files(4 * C, qint64(4 * C));
    Result<Image> image = openWriteBack(files.addCow);
    QVERIFY(image.ok());
    QVERIFY(image->write(C + 3, QByteArray(10, 'a')).ok());
    FileIo::setFaultHook([](FileIo::Op op, int, const QString &path) {
        FileIo::Fault fault;
        if (op == FileIo::Op::Sync && QFileInfo(path).fileName() == u"disk.raw")
            fault.errnoValue = EIO;
        return fault;
    });
    const Result<void> flushed = image->flush();
    FileIo::setFaultHook({});
    QVERIFY(!flushed.ok());
    QCOMPARE(flushed.error().errnoValue, EIO);
    QCOMPARE(QFileInfo(flushed.error().path).fileName(), u"disk.raw"_s);
    // R21: the data may be lost, so its bit never reaches the disk, not even after a good sync.
    QCOMPARE(files.bitsOnDisk(), QByteArray(1, '\0'));
    const Result<void> again = image->flush();
    QVERIFY(!again.ok());
    QCOMPARE(again.error().rule, 21);
    const Result<ClusterRange> write = image->write(0, QByteArray(10, 'b'));
    QVERIFY(!write.ok());
    QCOMPARE(write.error().rule, 21);
    QVERIFY2(write.error().message().contains(u"reopen"_s), qPrintable(write.error().message()));
    QCOMPARE(files.bitsOnDisk(), QByteArray(1, '\0'));
    // Reading goes on.
    QVERIFY(image->read(0, 4 * C).ok());
}

void WriteBackTest::bitmapWriteFailureIsRetried()
{
    Files files(4 * C, qint64(4 * C));
    Result<Image> image = openWriteBack(files.addCow);
    QVERIFY(image.ok());
    QVERIFY(image->write(C + 3, QByteArray(10, 'a')).ok());
    for (const FileIo::Op failing : {FileIo::Op::Write, FileIo::Op::Sync}) {
        FileIo::setFaultHook([failing](FileIo::Op op, int, const QString &path) {
            FileIo::Fault fault;
            if (op == failing && QFileInfo(path).fileName() == u"disk.add-cow")
                fault.errnoValue = ENOSPC;
            return fault;
        });
        const Result<void> flushed = image->flush();
        FileIo::setFaultHook({});
        QVERIFY(!flushed.ok());
        QCOMPARE(flushed.error().errnoValue, ENOSPC);
        QCOMPARE(image->unflushedClusterCount(), quint64(1));
    }
    QVERIFY(image->flush().ok());
    QCOMPARE(files.bitsOnDisk(), QByteArray(1, '\x02'));
    QCOMPARE(image->unflushedClusterCount(), quint64(0));
}

void WriteBackTest::outOfRangeWritesNothing()
{
    Files files(4 * C, qint64(4 * C));
    Result<Image> image = openWriteBack(files.addCow);
    QVERIFY(image.ok());
    const QByteArray before = readFile(files.imagePath) + readFile(files.addCow);
    OpRecorder recorder;
    for (const auto &[offset, length] : {std::pair{4 * C - 10, quint64(11)}, std::pair{4 * C, quint64(1)}, std::pair{~quint64(0) - 5, quint64(10)}}) {
        const Result<ClusterRange> write = image->write(offset, QByteArray(qsizetype(length), 'x'));
        QVERIFY(!write.ok());
        QCOMPARE(int(write.error().code), int(ErrorCode::OutOfRange));
        QCOMPARE(write.error().rule, 15);
        const Result<ClusterRange> zero = image->writeZeroes(offset, length, Image::Fua);
        QVERIFY(!zero.ok());
        QCOMPARE(int(zero.error().code), int(ErrorCode::OutOfRange));
    }
    QVERIFY(recorder.take().isEmpty());
    QCOMPARE(readFile(files.imagePath) + readFile(files.addCow), before);
}

QTEST_GUILESS_MAIN(WriteBackTest)

#include "writebacktest.moc"
