// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later

#include "imagetestutil.h"

#include "fileio.h"
#include "image.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <unistd.h>

using namespace AddCow;
using namespace ImageTest;
using namespace Qt::StringLiterals;

namespace
{

// Records every FileIo operation with the file it concerns, to check R18's order.
struct OpRecorder {
    QStringList ops;
    OpRecorder()
    {
        FileIo::setFaultHook([this](FileIo::Op op, int, const QString &path) {
            static const char *const names[] = {"open", "read", "write", "sync", "truncate", "rename", "copy", "remove"};
            ops.append(QString::fromLatin1(names[int(op)]) + u' ' + QFileInfo(path).fileName());
            return FileIo::Fault{};
        });
    }
    ~OpRecorder() { FileIo::setFaultHook({}); }
    int count(const QString &prefix) const
    {
        return int(std::count_if(ops.cbegin(), ops.cend(), [&prefix](const QString &op) {
            return op.startsWith(prefix);
        }));
    }
};

struct Fixture {
    QTemporaryDir dir;
    QString addCow;
    QString imagePath;
    QString backingPath;
    QByteArray imageData;
    QByteArray backingData;
    QByteArray bits;
    bool hasBacking = true;

    Fixture(quint64 virtualSize, qint64 backingSize, int percentSet, quint64 features, quint32 seed)
    {
        QRandomGenerator random(seed);
        addCow = dir.filePath(u"disk.add-cow"_s);
        imagePath = dir.filePath(u"disk.raw"_s);
        backingPath = dir.filePath(u"base.raw"_s);
        hasBacking = backingSize >= 0;
        // Garbage in the image file: R13 says its bytes in clean clusters mean nothing.
        imageData = randomBytes(qsizetype(virtualSize), random);
        backingData = hasBacking ? randomBytes(backingSize, random) : QByteArray();
        bits = randomBits(clusterCountFor(virtualSize), percentSet, random);
        writeFile(imagePath, imageData);
        if (hasBacking)
            writeFile(backingPath, backingData);
        writeFile(addCow, addCowBytes("disk.raw", hasBacking ? QByteArray("base.raw") : QByteArray(), virtualSize, bits, features));
    }
    QByteArray snapshot() const { return readFile(addCow) + readFile(imagePath) + readFile(backingPath); }
};

// Writes the whole disk into the image file, as a commit's copies would (the bits stay as they are).
bool writeDiskIntoImageFile(const QString &imagePath, const QByteArray &disk)
{
    const int fd = ::open(QFile::encodeName(imagePath).constData(), O_WRONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool written = ::pwrite(fd, disk.constData(), size_t(disk.size()), 0) == ssize_t(disk.size());
    return ::close(fd) == 0 && written;
}

} // namespace

class WriteTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writeMatchesModel_data();
    void writeMatchesModel();
    void writeOrderIsCrashSafe();
    void writePastEndChangesNothing();
    void readOnlyRefusesWriting();
    void markAllocatedThenAllAllocated();
    void completeAllocationInOneSync();
};

void WriteTest::writeMatchesModel_data()
{
    QTest::addColumn<quint64>("virtualSize");
    QTest::addColumn<qint64>("backingSize");
    QTest::addColumn<int>("percentSet");
    QTest::addColumn<bool>("allAllocated");
    QTest::addColumn<int>("maxWriteBytes");

    const quint64 c = ClusterSizeBytes;
    QTest::newRow("R18 small partial-cluster writes") << 24 * c << qint64(24 * c) << 30 << false << 3000;
    QTest::newRow("R18 unaligned writes across cluster boundaries") << 24 * c << qint64(24 * c) << 30 << false << int(3 * c + 17);
    QTest::newRow("R18 backing file ends inside a cluster") << 24 * c << qint64(9 * c + 1234) << 20 << false << int(2 * c);
    QTest::newRow("R18 no backing file: copy-on-write of zeros") << 16 * c << qint64(-1) << 20 << false << int(c + 99);
    QTest::newRow("R18 partial last cluster clamped to the virtual size") << 5 * c + 777 << qint64(6 * c) << 0 << false << int(c / 2);
    QTest::newRow("R14 all allocated writes straight to the image file") << 10 * c + 3 << qint64(10 * c) << 0 << true << int(2 * c);
}

void WriteTest::writeMatchesModel()
{
    QFETCH(quint64, virtualSize);
    QFETCH(qint64, backingSize);
    QFETCH(int, percentSet);
    QFETCH(bool, allAllocated);
    QFETCH(int, maxWriteBytes);

    Fixture fixture(virtualSize, backingSize, percentSet, allAllocated ? FeatureAllAllocated : 0, quint32(maxWriteBytes));
    QRandomGenerator random{quint32(virtualSize)};
    QByteArray model = modelDisk(fixture.imageData, fixture.backingData, fixture.hasBacking, fixture.bits, allAllocated);
    QByteArray bits = fixture.bits;

    Result<Image> opened = Image::open(fixture.addCow, Image::Access::ReadWrite);
    QVERIFY2(opened.ok(), qPrintable(opened.error().message()));
    Image &image = opened.value();

    for (int i = 0; i < 60; ++i) {
        quint64 offset = random.bounded(virtualSize);
        if (i % 5 == 0) // some writes end exactly at the end of the disk (R15)
            offset = virtualSize - std::min<quint64>(virtualSize, random.bounded(maxWriteBytes) + 1);
        const quint64 length = std::min<quint64>(virtualSize - offset, random.bounded(maxWriteBytes) + 1);
        const QByteArray data = randomBytes(qsizetype(length), random);

        // The clusters whose bits this write sets: clean ones among those it touches.
        const ClusterRange touched = ClusterRange::forBytes(offset, length);
        quint64 firstClean = touched.end();
        quint64 lastClean = 0;
        for (quint64 c = touched.first; c < touched.end() && !allAllocated; ++c) {
            if (!bitOf(bits, c)) {
                firstClean = std::min(firstClean, c);
                lastClean = c;
            }
            setBit(bits, c);
        }

        const Result<ClusterRange> written = image.write(offset, data);
        QVERIFY2(written.ok(), qPrintable(written.error().message()));
        if (firstClean == touched.end())
            QVERIFY(written.value().isEmpty());
        else
            QCOMPARE(written.value(), (ClusterRange{firstClean, lastClean - firstClean + 1}));
        model.replace(qsizetype(offset), qsizetype(length), data);

        const Result<QByteArray> whole = image.read(0, virtualSize);
        QVERIFY(whole.ok());
        QVERIFY2(whole.value() == model, qPrintable(u"after write %1: %2+%3"_s.arg(i).arg(offset).arg(length)));
    }

    // On disk: the image file kept its size, the backing file is untouched, the bitmap matches.
    QCOMPARE(QFileInfo(fixture.imagePath).size(), qint64(virtualSize));
    if (fixture.hasBacking)
        QCOMPARE(readFile(fixture.backingPath), fixture.backingData);
    const QByteArray addCowOnDisk = readFile(fixture.addCow);
    QCOMPARE(addCowOnDisk.mid(4096, bits.size()), allAllocated ? fixture.bits : bits);

    // A fresh open reads the same disk.
    opened = Image::open(fixture.addCow);
    QVERIFY(opened.ok());
    const Result<QByteArray> reopened = opened->read(0, virtualSize);
    QVERIFY(reopened.ok());
    QVERIFY(reopened.value() == model);
}

void WriteTest::writeOrderIsCrashSafe()
{
    // R18: backing data and new data reach the image file and are synced before the bit is written,
    // and the bitmap is synced after.
    Fixture fixture(4 * ClusterSizeBytes, 4 * ClusterSizeBytes, 0, 0, 3);
    Result<Image> opened = Image::open(fixture.addCow, Image::Access::ReadWrite);
    QVERIFY(opened.ok());
    OpRecorder recorder;
    const Result<ClusterRange> written = opened->write(ClusterSizeBytes - 100, QByteArray(ClusterSizeBytes, 'n'));
    QVERIFY(written.ok());
    QCOMPARE(written.value(), (ClusterRange{0, 2}));
    const QStringList expected = {
        u"read base.raw"_s,       // the start of cluster 0 the write does not cover
        u"write disk.raw"_s,
        u"read base.raw"_s,       // the end of cluster 1
        u"write disk.raw"_s,
        u"write disk.raw"_s,      // the new data
        u"sync disk.raw"_s,
        u"write disk.add-cow"_s,  // bits 0 and 1
        u"sync disk.add-cow"_s,
    };
    QCOMPARE(recorder.ops, expected);

    // Writing again to clusters whose bits are set needs no copy and no bitmap update.
    recorder.ops.clear();
    const Result<ClusterRange> again = opened->write(10, QByteArray(100, 'm'));
    QVERIFY(again.ok());
    QVERIFY(again.value().isEmpty());
    QCOMPARE(recorder.ops, (QStringList{u"write disk.raw"_s, u"sync disk.raw"_s}));
}

void WriteTest::writePastEndChangesNothing()
{
    // R15: checked first; a refused write writes nothing at all.
    const quint64 size = 3 * ClusterSizeBytes + 50;
    Fixture fixture(size, qint64(size), 30, 0, 5);
    const QByteArray before = fixture.snapshot();
    Result<Image> opened = Image::open(fixture.addCow, Image::Access::ReadWrite);
    QVERIFY(opened.ok());
    OpRecorder recorder;
    const struct {
        quint64 offset;
        qsizetype length;
    } pastEnd[] = {{size - 5, 10}, {size, 1}, {size + ClusterSizeBytes, 1}, {~quint64(0) - 3, 10}, {0, qsizetype(size + 1)}};
    for (const auto &range : pastEnd) {
        const Result<ClusterRange> result = opened->write(range.offset, QByteArray(range.length, 'x'));
        QVERIFY(!result.ok());
        QCOMPARE(int(result.error().code), int(ErrorCode::OutOfRange));
        QCOMPARE(result.error().rule, 15);
    }
    QVERIFY(recorder.ops.isEmpty());
    QCOMPARE(fixture.snapshot(), before);
    QVERIFY(opened->write(size, QByteArray()).ok()); // an empty write at the end is no write
    QCOMPARE(fixture.snapshot(), before);
}

void WriteTest::readOnlyRefusesWriting()
{
    Fixture fixture(3 * ClusterSizeBytes, 3 * ClusterSizeBytes, 30, 0, 9);
    const QByteArray before = fixture.snapshot();
    OpRecorder recorder;
    Result<Image> opened = Image::open(fixture.addCow, Image::Access::ReadOnly);
    QVERIFY(opened.ok());
    QVERIFY(opened->read(0, 1000).ok());
    const Result<ClusterRange> written = opened->write(0, QByteArray(10, 'x'));
    QVERIFY(!written.ok());
    QCOMPARE(int(written.error().code), int(ErrorCode::ReadOnly));
    QVERIFY(!opened->markAllocated({0, 1}).ok());
    QVERIFY(!opened->setAllAllocated().ok());
    QCOMPARE(recorder.count(u"write"_s) + recorder.count(u"sync"_s) + recorder.count(u"truncate"_s), 0);
    QCOMPARE(fixture.snapshot(), before);
}

void WriteTest::markAllocatedThenAllAllocated()
{
    // R19 building blocks: data first (as commit does), then bits, then ALL_ALLOCATED.
    const quint64 size = 20 * ClusterSizeBytes + 10;
    Fixture fixture(size, qint64(size), 25, 0, 13);
    const QByteArray model = modelDisk(fixture.imageData, fixture.backingData, true, fixture.bits, false);
    Result<Image> opened = Image::open(fixture.addCow, Image::Access::ReadWrite);
    QVERIFY(opened.ok());
    Image &image = opened.value();

    // Out of range, or not every bit set yet: refused.
    QCOMPARE(int(image.markAllocated({20, 2}).error().code), int(ErrorCode::OutOfRange));
    const Result<void> early = image.setAllAllocated();
    QVERIFY(!early.ok());
    QCOMPARE(early.error().rule, 19);

    QVERIFY(writeDiskIntoImageFile(fixture.imagePath, model));

    QVERIFY(image.markAllocated({3, 9}).ok());
    QCOMPARE(image.bitmap().countAllocated(ClusterRange{3, 9}), quint64(9));
    QVERIFY(image.markAllocated({0, 21}).ok());
    QVERIFY(image.bitmap().isAllAllocated());
    QByteArray onDisk = readFile(fixture.addCow);
    QCOMPARE(onDisk.mid(4096, 3), QByteArray("\xff\xff\x1f", 3)); // 21 bits; bits past the end stay 0 (R12)
    QVERIFY(!image.isAllAllocated());
    QVERIFY(image.setAllAllocated().ok());
    QVERIFY(image.isAllAllocated());
    onDisk = readFile(fixture.addCow);
    QCOMPARE(int(onDisk[28]) & 1, 1);

    opened = Image::open(fixture.addCow);
    QVERIFY(opened.ok());
    QVERIFY(opened->isAllAllocated());
    QCOMPARE(opened->backingFd(), -1); // R14
    const Result<QByteArray> after = opened->read(0, size);
    QVERIFY(after.ok());
    QVERIFY(after.value() == model); // R19: reads the same before and after
}

void WriteTest::completeAllocationInOneSync()
{
    // R19's last step as commit takes it: the last bits and ALL_ALLOCATED, one sync.
    const quint64 size = 20 * ClusterSizeBytes + 10;
    Fixture fixture(size, qint64(size), 25, 0, 13);
    const QByteArray model = modelDisk(fixture.imageData, fixture.backingData, true, fixture.bits, false);
    Result<Image> opened = Image::open(fixture.addCow, Image::Access::ReadWrite);
    QVERIFY(opened.ok());
    Image &image = opened.value();
    QVERIFY(writeDiskIntoImageFile(fixture.imagePath, model));

    // Clean clusters outside the last bits: refused, nothing written.
    QCOMPARE(int(image.completeAllocation({20, 2}).error().code), int(ErrorCode::OutOfRange));
    QVERIFY(image.markAllocated({0, 5}).ok());
    const QByteArray beforeRefusal = readFile(fixture.addCow);
    const Result<void> early = image.completeAllocation({10, 11});
    QVERIFY(!early.ok());
    QCOMPARE(early.error().rule, 19);
    QVERIFY(readFile(fixture.addCow) == beforeRefusal);
    QVERIFY(!image.isAllAllocated());

    QList<FileIo::Op> addCowCalls;
    FileIo::setTraceHook([&](const FileIo::Call &call) {
        if (call.path == fixture.addCow)
            addCowCalls.append(call.op);
    });
    const Result<void> completed = image.completeAllocation({5, 16});
    FileIo::setTraceHook({});
    QVERIFY(completed.ok());
    QCOMPARE(addCowCalls, (QList<FileIo::Op>{FileIo::Op::Write, FileIo::Op::Write, FileIo::Op::Sync})); // bits, features, one sync
    QVERIFY(image.isAllAllocated());
    QVERIFY(image.bitmap().isAllAllocated());
    const QByteArray onDisk = readFile(fixture.addCow);
    QCOMPARE(onDisk.mid(4096, 3), QByteArray("\xff\xff\x1f", 3)); // bits past the end stay 0 (R12)
    QCOMPARE(int(onDisk[28]) & 1, 1);

    opened = Image::open(fixture.addCow);
    QVERIFY(opened.ok());
    QVERIFY(opened->isAllAllocated());
    const Result<QByteArray> after = opened->read(0, size);
    QVERIFY(after.ok());
    QVERIFY(after.value() == model); // R19: reads the same before and after
}

QTEST_GUILESS_MAIN(WriteTest)

#include "writetest.moc"
