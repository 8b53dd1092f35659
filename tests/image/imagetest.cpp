// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later

#include "imagetestutil.h"

#include "fileio.h"
#include "headerfield.h"
#include "image.h"

#include <QDir>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <cerrno>
#include <fcntl.h>
#include <thread>
#include <unistd.h>

using namespace AddCow;
using namespace ImageTest;
using namespace Qt::StringLiterals;

namespace
{

enum class OpenCase {
    NotAddCow,
    LaterLayout,
    Version2,
    UnknownFeature,
    BackingFormatQcow2,
    BackingFormatUnknown,
    TruncatedHeader,
    ShortBitmap,
    AddCowMissing,
    ImageMissing,
    BackingMissing,
    ImageIsAddCow,
    BackingIsImage,
    BackingHardLinkOfImage,
    ImageIsDirectory,
    ImageIsCharDeviceReadWrite,
};

enum class Named { AddCow, Image, Backing };

// Counts the reads FileIo does, to show that reads go by runs and that refused reads read nothing.
struct ReadCounter {
    std::atomic<int> reads{0};
    ReadCounter()
    {
        FileIo::setFaultHook([this](FileIo::Op op, int, const QString &) {
            if (op == FileIo::Op::Read)
                ++reads;
            return FileIo::Fault{};
        });
    }
    ~ReadCounter() { FileIo::setFaultHook({}); }
};

// The expected map of R13: per cluster source, split byte-exactly at the backing file's end.
QList<MapRun> modelMap(quint64 virtualSize, quint64 backingSize, bool hasBacking, const QByteArray &bits, bool allAllocated)
{
    QList<MapRun> runs;
    const auto add = [&runs](quint64 offset, quint64 length, DataSource source) {
        if (length == 0)
            return;
        if (!runs.isEmpty() && runs.last().source == source)
            runs.last().lengthBytes += length;
        else
            runs.append(MapRun{offset, length, source});
    };
    for (quint64 offset = 0; offset < virtualSize; offset += ClusterSizeBytes) {
        const quint64 end = std::min(offset + ClusterSizeBytes, virtualSize);
        if (allAllocated || bitOf(bits, offset / ClusterSizeBytes)) {
            add(offset, end - offset, DataSource::Image);
        } else if (hasBacking && offset < backingSize) {
            const quint64 split = std::min(end, backingSize);
            add(offset, split - offset, DataSource::Backing);
            add(split, end - split, DataSource::Zero);
        } else {
            add(offset, end - offset, DataSource::Zero);
        }
    }
    return runs;
}

} // namespace

Q_DECLARE_METATYPE(OpenCase)
Q_DECLARE_METATYPE(Named)
Q_DECLARE_METATYPE(AddCow::ErrorCode)
Q_DECLARE_METATYPE(AddCow::HeaderField)
Q_DECLARE_METATYPE(AddCow::Image::Access)

class ImageTestCase : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void openRefusals_data();
    void openRefusals();
    void openDescribesFiles();
    void unreadableBackingDegrades();
    void relativeNamesIgnoreWorkingDirectory();
    void twoPageHeader();
    void readMatchesModel_data();
    void readMatchesModel();
    void readPastEndFails();
    void rawFileReadsShortAtEnd();
    void concurrentReads();
    void sparse8TiBImage();
};

void ImageTestCase::openRefusals_data()
{
    QTest::addColumn<OpenCase>("openCase");
    QTest::addColumn<Image::Access>("access");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<Named>("named");
    QTest::addColumn<HeaderField>("field");
    QTest::addColumn<int>("rule");

    const auto ro = Image::Access::ReadOnly;
    const auto rw = Image::Access::ReadWrite;
    QTest::newRow("R2 not add-cow") << OpenCase::NotAddCow << ro << ErrorCode::NotAddCow << Named::AddCow << HeaderField::Magic << 2;
    QTest::newRow("R2 later ACOW layout") << OpenCase::LaterLayout << ro << ErrorCode::LaterAddCowLayout << Named::AddCow << HeaderField::Magic << 2;
    QTest::newRow("R3 version 2") << OpenCase::Version2 << ro << ErrorCode::UnsupportedVersion << Named::AddCow << HeaderField::Version << 3;
    QTest::newRow("R7 unknown feature bit") << OpenCase::UnknownFeature << rw << ErrorCode::UnsupportedFeature << Named::AddCow << HeaderField::Features << 7;
    QTest::newRow("R9 backing format qcow2 over raw bytes: QEMU's message") << OpenCase::BackingFormatQcow2 << ro << ErrorCode::QemuError << Named::Backing << HeaderField::BackingFormat << 9;
    QTest::newRow("R9 backing format QEMU does not know") << OpenCase::BackingFormatUnknown << ro << ErrorCode::UnsupportedFormat << Named::Backing << HeaderField::BackingFormat << 9;
    QTest::newRow("R1 header cut short") << OpenCase::TruncatedHeader << ro << ErrorCode::CorruptHeader << Named::AddCow << HeaderField::AddCowFile << 1;
    QTest::newRow("R12 bitmap bits missing") << OpenCase::ShortBitmap << ro << ErrorCode::CorruptBitmap << Named::AddCow << HeaderField::Bitmap << 12;
    QTest::newRow("add-cow file missing") << OpenCase::AddCowMissing << ro << ErrorCode::FileMissing << Named::AddCow << HeaderField::AddCowFile << 0;
    QTest::newRow("R16 image file missing") << OpenCase::ImageMissing << ro << ErrorCode::FileMissing << Named::Image << HeaderField::ImageFile << 16;
    QTest::newRow("R16 backing file missing") << OpenCase::BackingMissing << rw << ErrorCode::FileMissing << Named::Backing << HeaderField::BackingFile << 16;
    QTest::newRow("R17 image file is the add-cow file") << OpenCase::ImageIsAddCow << ro << ErrorCode::IdenticalFiles << Named::AddCow << HeaderField::ImageFile << 17;
    QTest::newRow("R17 backing file is the image file") << OpenCase::BackingIsImage << ro << ErrorCode::IdenticalFiles << Named::AddCow << HeaderField::BackingFile << 17;
    QTest::newRow("R17 backing file is a hard link of the image file") << OpenCase::BackingHardLinkOfImage << rw << ErrorCode::IdenticalFiles << Named::AddCow << HeaderField::BackingFile << 17;
    QTest::newRow("R16 image file is a directory") << OpenCase::ImageIsDirectory << ro << ErrorCode::InvalidArgument << Named::Image << HeaderField::ImageFile << 16;
    QTest::newRow("R16 image file is a device, read-write") << OpenCase::ImageIsCharDeviceReadWrite << rw << ErrorCode::InvalidArgument << Named::Image << HeaderField::ImageFile << 16;
}

void ImageTestCase::openRefusals()
{
    QFETCH(OpenCase, openCase);
    QFETCH(Image::Access, access);
    QFETCH(ErrorCode, code);
    QFETCH(Named, named);
    QFETCH(HeaderField, field);
    QFETCH(int, rule);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString addCow = dir.filePath(u"disk.add-cow"_s);
    QString image = dir.filePath(u"disk.raw"_s);
    const QString backing = dir.filePath(u"base.raw"_s);
    const quint64 size = 3 * ClusterSizeBytes;
    QRandomGenerator random(7);
    QVERIFY(writeFile(image, randomBytes(qsizetype(size), random)));
    QVERIFY(writeFile(backing, randomBytes(qsizetype(size), random)));
    QByteArray bytes = addCowBytes("disk.raw", "base.raw", size);

    switch (openCase) {
    case OpenCase::NotAddCow:
        bytes = randomBytes(8192, random);
        bytes[0] = 'X';
        break;
    case OpenCase::LaterLayout:
        std::memcpy(bytes.data(), "ACOW", 4);
        break;
    case OpenCase::Version2:
        bytes[8] = 2;
        break;
    case OpenCase::UnknownFeature:
        bytes[28] = 0x4;
        break;
    case OpenCase::BackingFormatQcow2:
        std::memcpy(bytes.data() + 48, "qcow2", 5);
        break;
    case OpenCase::BackingFormatUnknown:
        std::memcpy(bytes.data() + 48, "qcow9", 5);
        break;
    case OpenCase::TruncatedHeader:
        bytes.truncate(2000);
        break;
    case OpenCase::ShortBitmap: {
        // 2^20 + 1 clusters need 131073 bitmap bytes; the file stops one byte short (R12).
        const quint64 bigSize = ((quint64(1) << 20) + 1) * ClusterSizeBytes;
        QFile file(image);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.resize(qint64(bigSize)));
        bytes = addCowBytes("disk.raw", "base.raw", bigSize);
        bytes.truncate(qsizetype(4096 + bitmapBytesFor(clusterCountFor(bigSize)) - 1));
        break;
    }
    case OpenCase::AddCowMissing:
        break;
    case OpenCase::ImageMissing:
        QVERIFY(QFile::remove(image));
        break;
    case OpenCase::BackingMissing:
        QVERIFY(QFile::remove(backing));
        break;
    case OpenCase::ImageIsAddCow:
        bytes = addCowBytes("./disk.add-cow", "base.raw", size);
        break;
    case OpenCase::BackingIsImage:
        bytes = addCowBytes("disk.raw", "sub/../disk.raw", size);
        break;
    case OpenCase::BackingHardLinkOfImage:
        QVERIFY(QFile::remove(backing));
        QCOMPARE(::link(QFile::encodeName(image).constData(), QFile::encodeName(backing).constData()), 0);
        break;
    case OpenCase::ImageIsDirectory:
        QVERIFY(QFile::remove(image));
        QVERIFY(QDir(dir.path()).mkdir(u"disk.raw"_s));
        break;
    case OpenCase::ImageIsCharDeviceReadWrite:
        image = u"/dev/zero"_s;
        bytes = addCowBytes("/dev/zero", "base.raw", size);
        break;
    }
    if (openCase != OpenCase::AddCowMissing)
        QVERIFY(writeFile(addCow, bytes));

    const Result<Image> opened = Image::open(addCow, access);
    QVERIFY(!opened.ok());
    const Error &error = opened.error();
    QCOMPARE(int(error.code), int(code));
    const QString expectedPath = named == Named::AddCow ? addCow : named == Named::Image ? image : backing;
    QCOMPARE(error.path, expectedPath);
    QCOMPARE(error.field, std::optional<HeaderField>(field));
    QCOMPARE(error.rule, rule);
    QVERIFY2(error.message().contains(expectedPath), qPrintable(error.message()));
    if (openCase != OpenCase::AddCowMissing)
        QCOMPARE(readFile(addCow), bytes); // refusing writes nothing
}

void ImageTestCase::openDescribesFiles()
{
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkdir(u"base"_s));
    const QString addCow = dir.filePath(u"disk.add-cow"_s);
    QRandomGenerator random(11);
    const quint64 size = 5 * ClusterSizeBytes + 100;
    QVERIFY(writeFile(dir.filePath(u"disk.raw"_s), randomBytes(qsizetype(size), random)));
    QVERIFY(writeFile(dir.filePath(u"base/base.raw"_s), randomBytes(1000, random)));
    const QByteArray bits = randomBits(clusterCountFor(size), 50, random);
    QVERIFY(writeFile(addCow, addCowBytes("disk.raw", "base/base.raw", size, bits)));

    Result<Image> opened = Image::open(addCow);
    QVERIFY2(opened.ok(), qPrintable(opened.error().message()));
    const Image &image = opened.value();
    QCOMPARE(image.path(), addCow);
    QCOMPARE(image.access(), Image::Access::ReadOnly);
    QCOMPARE(image.imageFile().storedName, QByteArray("disk.raw"));
    QCOMPARE(image.imageFile().resolvedPath, dir.filePath(u"disk.raw"_s));
    QVERIFY(image.imageFile().exists);
    QCOMPARE(image.imageFile().sizeBytes, size);
    QCOMPARE(image.backingFile().storedName, QByteArray("base/base.raw"));
    QCOMPARE(image.backingFile().resolvedPath, dir.filePath(u"base/base.raw"_s));
    QCOMPARE(image.backingFile().sizeBytes, quint64(1000));
    QCOMPARE(image.virtualSizeBytes(), size); // R11
    QCOMPARE(image.clusterCount(), quint64(6));
    QCOMPARE(image.bitmap(), ClusterBitmap::fromBytes(bits, 6));
    QVERIFY(image.imageFd() >= 0);
    QVERIFY(image.backingFd() >= 0);
    QVERIFY(!image.isAllAllocated());

    // Moving keeps everything open; the moved-from image is only destroyed.
    Image moved = std::move(opened.value());
    QCOMPARE(moved.virtualSizeBytes(), size);
}

void ImageTestCase::unreadableBackingDegrades()
{
    // Issue 14: a missing backing file leaves the bitmap and the image file readable; clean
    // clusters fail with the backing file's error, never zeros (R13 would need the backing bytes).
    QTemporaryDir dir;
    const QString addCow = dir.filePath(u"disk.add-cow"_s);
    QRandomGenerator random(14);
    const quint64 size = 4 * ClusterSizeBytes;
    const QByteArray imageData = randomBytes(qsizetype(size), random);
    QVERIFY(writeFile(dir.filePath(u"disk.raw"_s), imageData));
    QByteArray bits(1, '\0');
    setBit(bits, 0);
    setBit(bits, 2);
    QVERIFY(writeFile(addCow, addCowBytes("disk.raw", "gone.raw", size, bits)));

    const Result<Image> strict = Image::open(addCow);
    QVERIFY(!strict.ok());
    QCOMPARE(strict.error().code, ErrorCode::FileMissing);
    const Result<Image> writable = Image::open(addCow, Image::Access::ReadWrite, Image::Contents::Everything, Image::UnreadableBacking::Degrade);
    QVERIFY(!writable.ok());
    QCOMPARE(writable.error().code, ErrorCode::InvalidArgument);

    Result<Image> opened = Image::open(addCow, Image::Access::ReadOnly, Image::Contents::Everything, Image::UnreadableBacking::Degrade);
    QVERIFY2(opened.ok(), qPrintable(opened.error().message()));
    Image &image = opened.value();
    QVERIFY(image.backingError());
    QCOMPARE(image.backingError()->code, ErrorCode::FileMissing);
    QCOMPARE(image.backingError()->field, HeaderField::BackingFile); // as open and check name it (R16)
    QVERIFY(!image.backingReader());
    QCOMPARE(image.bitmap(), ClusterBitmap::fromBytes(bits, 4));
    // Clean clusters are the backing file's, whose size is unknown: never zeros.
    QCOMPARE(image.sourceOfCluster(1), DataSource::Backing);
    QCOMPARE(image.sourceOfCluster(3), DataSource::Backing);
    const QList<MapRun> expectedMap = {{0, ClusterSizeBytes, DataSource::Image},
                                       {ClusterSizeBytes, ClusterSizeBytes, DataSource::Backing},
                                       {2 * ClusterSizeBytes, ClusterSizeBytes, DataSource::Image},
                                       {3 * ClusterSizeBytes, ClusterSizeBytes, DataSource::Backing}};
    QCOMPARE(image.map(), expectedMap);

    // Allocated clusters read from the image file; any read touching a clean one fails.
    const Result<QByteArray> allocated = image.read(2 * ClusterSizeBytes, ClusterSizeBytes);
    QVERIFY(allocated.ok());
    QCOMPARE(allocated.value(), imageData.mid(2 * ClusterSizeBytes, ClusterSizeBytes));
    for (const quint64 offset : {ClusterSizeBytes, ClusterSizeBytes - 10, 3 * ClusterSizeBytes + 5}) {
        const Result<QByteArray> clean = image.read(offset, 20);
        QVERIFY(!clean.ok());
        QCOMPARE(clean.error().code, ErrorCode::FileMissing);
    }
    char byte = 0;
    QCOMPARE(image.readClean(0, &byte, 1).error().code, ErrorCode::FileMissing);
    QVERIFY(image.readImageFile(0, &byte, 1).ok());
    QCOMPARE(image.readBackingFile(0, &byte, 1).value(), quint64(0));
    // No edit session: a partial write into a clean cluster would need its backing bytes (R18).
    const Result<QList<ClusterRange>> access = image.setAccess(Image::Access::ReadWrite);
    QVERIFY(!access.ok());
    QCOMPARE(image.access(), Image::Access::ReadOnly);

    // Once the file is there, the same option opens it whole.
    QVERIFY(writeFile(dir.filePath(u"gone.raw"_s), QByteArray(int(size), 'b')));
    const Result<Image> found = Image::open(addCow, Image::Access::ReadOnly, Image::Contents::Everything, Image::UnreadableBacking::Degrade);
    QVERIFY(found.ok());
    QVERIFY(!found->backingError());
    QCOMPARE(found->read(ClusterSizeBytes, 4).value(), QByteArray(4, 'b'));
}

void ImageTestCase::relativeNamesIgnoreWorkingDirectory()
{
    // R16: relative names resolve against the .add-cow file's directory, not the cwd; absolute stay.
    QTemporaryDir dir;
    QTemporaryDir elsewhere;
    QVERIFY(QDir(dir.path()).mkdir(u"images"_s));
    const QString addCow = dir.filePath(u"images/disk.add-cow"_s);
    const QString backingAbsolute = dir.filePath(u"base.raw"_s);
    QVERIFY(writeFile(dir.filePath(u"images/disk.raw"_s), QByteArray(4096, 'i')));
    QVERIFY(writeFile(backingAbsolute, QByteArray(4096, 'b')));
    QVERIFY(writeFile(elsewhere.filePath(u"disk.raw"_s), QByteArray(4096, 'x')));
    QVERIFY(writeFile(addCow, addCowBytes("disk.raw", QFile::encodeName(backingAbsolute), 4096)));

    const QString savedCwd = QDir::currentPath();
    QVERIFY(QDir::setCurrent(elsewhere.path()));
    const Result<Image> opened = Image::open(u"%1"_s.arg(addCow));
    QVERIFY(QDir::setCurrent(savedCwd));
    QVERIFY2(opened.ok(), qPrintable(opened.error().message()));
    QCOMPARE(opened->imageFile().resolvedPath, dir.filePath(u"images/disk.raw"_s));
    QCOMPARE(opened->backingFile().resolvedPath, backingAbsolute);
    QCOMPARE(resolveStoredName(addCow, "../base.raw"), backingAbsolute);
    QCOMPARE(resolveStoredName(addCow, "/abs/./x.raw"), u"/abs/x.raw"_s);
    const Result<QByteArray> data = opened->read(0, 4096);
    QVERIFY(data.ok());
    QCOMPARE(data.value(), QByteArray(4096, 'b')); // bit 0: the backing file, found by its absolute name
}

void ImageTestCase::twoPageHeader()
{
    // R1/R4: HEADER_SIZE = 4096 * header pages size; the bitmap starts there.
    QTemporaryDir dir;
    const QString addCow = dir.filePath(u"disk.add-cow"_s);
    QRandomGenerator random(21);
    const quint64 size = 20 * ClusterSizeBytes;
    const QByteArray imageData = randomBytes(qsizetype(size), random);
    const QByteArray backingData = randomBytes(qsizetype(size), random);
    const QByteArray bits = randomBits(clusterCountFor(size), 50, random);
    QVERIFY(writeFile(dir.filePath(u"disk.raw"_s), imageData));
    QVERIFY(writeFile(dir.filePath(u"base.raw"_s), backingData));
    QByteArray bytes = addCowBytes("disk.raw", "base.raw", size, bits);
    bytes[44] = 2;
    bytes.insert(4096, QByteArray(4096, '\0'));
    QVERIFY(writeFile(addCow, bytes));
    const Result<Image> opened = Image::open(addCow);
    QVERIFY2(opened.ok(), qPrintable(opened.error().message()));
    QCOMPARE(opened->header().headerSizeBytes(), quint64(8192));
    QCOMPARE(opened->bitmap().toBytes(), bits);
    const Result<QByteArray> disk = opened->read(0, size);
    QVERIFY(disk.ok());
    QVERIFY(disk.value() == modelDisk(imageData, backingData, true, bits, false));
}

void ImageTestCase::readMatchesModel_data()
{
    QTest::addColumn<quint64>("virtualSize");
    QTest::addColumn<qint64>("backingSize"); // -1: no backing file
    QTest::addColumn<bool>("allAllocated");
    QTest::addColumn<int>("percentSet");

    const quint64 c = ClusterSizeBytes;
    QTest::newRow("R13 random bits, backing as large as the disk") << 40 * c << qint64(40 * c) << false << 50;
    QTest::newRow("R13 backing file ends inside a cluster") << 40 * c << qint64(17 * c + 777) << false << 30;
    QTest::newRow("R13 backing file larger than the disk") << 9 * c << qint64(12 * c) << false << 40;
    QTest::newRow("R15 partial last cluster") << 21 * c + 4321 << qint64(21 * c + 4321) << false << 50;
    QTest::newRow("R15 partial last cluster, short backing") << 21 * c + 4321 << qint64(21 * c + 100) << false << 20;
    QTest::newRow("R13 no backing file") << 30 * c + 5 << qint64(-1) << false << 50;
    QTest::newRow("R13 all bits clear") << 30 * c << qint64(30 * c) << false << 0;
    QTest::newRow("R13 all bits set") << 30 * c << qint64(30 * c) << false << 100;
    QTest::newRow("R14 all allocated, backing file gone") << 30 * c + 9 << qint64(-2) << true << 10;
    QTest::newRow("R11 empty image file") << quint64(0) << qint64(100) << false << 0;
}

void ImageTestCase::readMatchesModel()
{
    QFETCH(quint64, virtualSize);
    QFETCH(qint64, backingSize);
    QFETCH(bool, allAllocated);
    QFETCH(int, percentSet);

    QTemporaryDir dir;
    QRandomGenerator random(quint32(virtualSize + quint64(backingSize) + quint64(percentSet)));
    const QString addCow = dir.filePath(u"disk.add-cow"_s);
    const QByteArray imageData = randomBytes(qsizetype(virtualSize), random);
    // -2: the header names a backing file, but ALL_ALLOCATED means it is never opened (R14).
    const bool hasBacking = backingSize != -1;
    const QByteArray backingData = backingSize >= 0 ? randomBytes(backingSize, random) : QByteArray();
    const QByteArray bits = randomBits(clusterCountFor(virtualSize), percentSet, random);
    QVERIFY(writeFile(dir.filePath(u"disk.raw"_s), imageData));
    if (backingSize >= 0)
        QVERIFY(writeFile(dir.filePath(u"base.raw"_s), backingData));
    QVERIFY(writeFile(addCow, addCowBytes("disk.raw", hasBacking ? QByteArray("base.raw") : QByteArray(), virtualSize, bits,
                                          allAllocated ? FeatureAllAllocated : 0)));

    const Result<Image> opened = Image::open(addCow);
    QVERIFY2(opened.ok(), qPrintable(opened.error().message()));
    const Image &image = opened.value();
    QCOMPARE(image.isAllAllocated(), allAllocated);
    if (allAllocated)
        QCOMPARE(image.backingFd(), -1);
    const QByteArray model = modelDisk(imageData, backingData, backingSize >= 0, bits, allAllocated);

    // The whole disk, read in runs: never more reads than runs that come from a file.
    const QList<MapRun> expectedMap = modelMap(virtualSize, quint64(std::max<qint64>(backingSize, 0)), backingSize >= 0, bits, allAllocated);
    const int fileRuns = int(std::count_if(expectedMap.cbegin(), expectedMap.cend(), [](const MapRun &run) {
        return run.source != DataSource::Zero;
    }));
    {
        ReadCounter counter;
        const Result<QByteArray> whole = image.read(0, virtualSize);
        QVERIFY(whole.ok());
        QVERIFY(whole.value() == model);
        QVERIFY2(counter.reads <= fileRuns, qPrintable(u"%1 reads for %2 runs"_s.arg(counter.reads.load()).arg(fileRuns)));
    }

    // Random ranges, including unaligned ones that cross cluster boundaries.
    for (int i = 0; i < 200 && virtualSize > 0; ++i) {
        const quint64 offset = random.bounded(virtualSize);
        const quint64 length = random.bounded(std::min<quint64>(virtualSize - offset, 3 * ClusterSizeBytes) + 1);
        QByteArray buffer(qsizetype(length), 'Z');
        const Result<void> result = image.read(offset, buffer.data(), length);
        QVERIFY(result.ok());
        QVERIFY2(buffer == model.mid(qsizetype(offset), qsizetype(length)), qPrintable(u"read %1+%2"_s.arg(offset).arg(length)));
    }

    // map(): merged runs that cover exactly the virtual disk.
    const QList<MapRun> map = image.map();
    QCOMPARE(map, expectedMap);
    quint64 covered = 0;
    for (int i = 0; i < map.size(); ++i) {
        QCOMPARE(map[i].offsetBytes, covered);
        QVERIFY(map[i].lengthBytes > 0);
        if (i > 0)
            QVERIFY(map[i].source != map[i - 1].source);
        covered += map[i].lengthBytes;
    }
    QCOMPARE(covered, virtualSize);
    for (quint64 cluster = 0; cluster < image.clusterCount(); ++cluster) {
        const DataSource expected = allAllocated || bitOf(bits, cluster) ? DataSource::Image
            : backingSize > 0 && cluster * ClusterSizeBytes < quint64(backingSize) ? DataSource::Backing
                                                                                    : DataSource::Zero;
        QCOMPARE(image.sourceOfCluster(cluster), expected);
    }

    // map() of a sub-range is clipped to it, and stays within the disk.
    if (virtualSize > 3 * ClusterSizeBytes) {
        const quint64 from = ClusterSizeBytes + 1000;
        const quint64 length = 2 * ClusterSizeBytes;
        const QList<MapRun> part = image.map(from, length);
        QVERIFY(!part.isEmpty());
        QCOMPARE(part.first().offsetBytes, from);
        QCOMPARE(part.last().offsetBytes + part.last().lengthBytes, from + length);
        const QList<MapRun> tail = image.map(virtualSize - 10, 1000);
        QVERIFY(!tail.isEmpty());
        QCOMPARE(tail.first().offsetBytes, virtualSize - 10);
        QCOMPARE(tail.last().offsetBytes + tail.last().lengthBytes, virtualSize);
    }
}

void ImageTestCase::readPastEndFails()
{
    // R15: past the end is an error, not zeros, and nothing is read.
    QTemporaryDir dir;
    const QString addCow = dir.filePath(u"disk.add-cow"_s);
    const quint64 size = 2 * ClusterSizeBytes + 10;
    QVERIFY(writeFile(dir.filePath(u"disk.raw"_s), QByteArray(qsizetype(size), 'i')));
    QVERIFY(writeFile(dir.filePath(u"base.raw"_s), QByteArray(qsizetype(size), 'b')));
    QVERIFY(writeFile(addCow, addCowBytes("disk.raw", "base.raw", size)));
    const Result<Image> opened = Image::open(addCow);
    QVERIFY(opened.ok());

    ReadCounter counter;
    char buffer[32];
    const struct {
        quint64 offset;
        quint64 length;
    } pastEnd[] = {{size - 10, 11}, {size, 1}, {size + 1, 0}, {~quint64(0) - 5, 10}, {0, size + 1}};
    for (const auto &range : pastEnd) {
        const Result<QByteArray> result = opened->read(range.offset, range.length);
        QVERIFY(!result.ok());
        QCOMPARE(int(result.error().code), int(ErrorCode::OutOfRange));
        QCOMPARE(result.error().rule, 15);
        QCOMPARE(result.error().path, addCow);
        if (range.length <= sizeof buffer)
            QCOMPARE(int(opened->read(range.offset, buffer, range.length).error().code), int(ErrorCode::OutOfRange));
    }
    QCOMPARE(counter.reads.load(), 0);
    QVERIFY(opened->read(size, 0).ok());
    const Result<QByteArray> last = opened->read(size - 10, 10);
    QVERIFY(last.ok());
    QCOMPARE(last.value(), QByteArray(10, 'b'));
    QVERIFY(opened->map(size, 100).isEmpty());
}

void ImageTestCase::rawFileReadsShortAtEnd()
{
    QTemporaryDir dir;
    const QString addCow = dir.filePath(u"disk.add-cow"_s);
    QVERIFY(writeFile(dir.filePath(u"disk.raw"_s), QByteArray(5000, 'i')));
    QVERIFY(writeFile(dir.filePath(u"base.raw"_s), QByteArray(3000, 'b')));
    QVERIFY(writeFile(addCow, addCowBytes("disk.raw", "base.raw", 5000)));
    const Result<Image> opened = Image::open(addCow);
    QVERIFY(opened.ok());
    char buffer[4096];
    Result<quint64> got = opened->readBackingFile(2000, buffer, sizeof buffer);
    QVERIFY(got.ok());
    QCOMPARE(got.value(), quint64(1000));
    QCOMPARE(QByteArray(buffer, 1000), QByteArray(1000, 'b'));
    got = opened->readBackingFile(3000, buffer, sizeof buffer);
    QVERIFY(got.ok());
    QCOMPARE(got.value(), quint64(0));
    got = opened->readImageFile(4000, buffer, sizeof buffer);
    QVERIFY(got.ok());
    QCOMPARE(got.value(), quint64(1000));
    QCOMPARE(QByteArray(buffer, 1000), QByteArray(1000, 'i'));
    // The virtual disk, unlike the raw backing file, shows zeros past the backing file's end (R13).
    const Result<QByteArray> disk = opened->read(2500, 1000);
    QVERIFY(disk.ok());
    QCOMPARE(disk.value(), QByteArray(500, 'b') + QByteArray(500, '\0'));
}

void ImageTestCase::concurrentReads()
{
    // Const methods are used from worker threads at once: pread only, no shared state.
    QTemporaryDir dir;
    QRandomGenerator random(99);
    const quint64 size = 64 * ClusterSizeBytes + 3;
    const QString addCow = dir.filePath(u"disk.add-cow"_s);
    const QByteArray imageData = randomBytes(qsizetype(size), random);
    const QByteArray backingData = randomBytes(qsizetype(size - 5 * ClusterSizeBytes), random);
    const QByteArray bits = randomBits(clusterCountFor(size), 50, random);
    QVERIFY(writeFile(dir.filePath(u"disk.raw"_s), imageData));
    QVERIFY(writeFile(dir.filePath(u"base.raw"_s), backingData));
    QVERIFY(writeFile(addCow, addCowBytes("disk.raw", "base.raw", size, bits)));
    const Result<Image> opened = Image::open(addCow);
    QVERIFY(opened.ok());
    const Image &image = opened.value();
    const QByteArray model = modelDisk(imageData, backingData, true, bits, false);

    std::atomic<int> mismatches{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            QRandomGenerator threadRandom{quint32(t)};
            for (int i = 0; i < 300; ++i) {
                const quint64 offset = threadRandom.bounded(size);
                const quint64 length = threadRandom.bounded(std::min<quint64>(size - offset, 200000) + 1);
                const Result<QByteArray> data = image.read(offset, length);
                if (!data.ok() || data.value() != model.mid(qsizetype(offset), qsizetype(length)))
                    ++mismatches;
                if (image.map(offset, length).isEmpty() != (length == 0))
                    ++mismatches;
            }
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    QCOMPARE(mismatches.load(), 0);
}

void ImageTestCase::sparse8TiBImage()
{
    // R11/R13 with 64-bit offsets: an 8 TiB sparse image file (a 16 MiB bitmap) opens quickly and
    // reads correctly past 4 GiB from all three sources.
    QTemporaryDir dir;
    const QString addCow = dir.filePath(u"big.add-cow"_s);
    const QString imagePath = dir.filePath(u"big.raw"_s);
    const QString backingPath = dir.filePath(u"base.raw"_s);
    const quint64 size = quint64(8) << 40;
    const quint64 backingSize = (quint64(6) << 30) + 12345;
    const quint64 imageCluster = (quint64(5) << 30) / ClusterSizeBytes + 3; // bit set, above 4 GiB
    const quint64 backingOffset = (quint64(9) << 29) + 100;                // 4.5 GiB, bit clear
    const quint64 lateCluster = (size - 1) / ClusterSizeBytes;             // the last cluster, bit set

    const auto makeSparse = [](const QString &path, quint64 length, const QList<QPair<quint64, QByteArray>> &writes) {
        const int fd = ::open(QFile::encodeName(path).constData(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        if (fd < 0 || ::ftruncate(fd, off_t(length)) != 0)
            return false;
        for (const auto &write : writes) {
            if (::pwrite(fd, write.second.constData(), size_t(write.second.size()), off_t(write.first)) != write.second.size())
                return false;
        }
        return ::close(fd) == 0;
    };
    const QByteArray imageBytes(100, 'I');
    const QByteArray backingBytes(100, 'B');
    const QByteArray lateBytes(50, 'L');
    if (!makeSparse(imagePath, size, {{imageCluster * ClusterSizeBytes + 10, imageBytes}, {size - 50, lateBytes}})) {
        if (errno == EFBIG)
            QSKIP("this file system cannot hold an 8 TiB sparse file");
        QFAIL("cannot make the sparse image file");
    }
    QVERIFY(makeSparse(backingPath, backingSize, {{backingOffset, backingBytes}}));
    const QByteArray header = Header::make("big.raw", "raw", "base.raw", "raw", 0).serialize();
    QByteArray imageBit(1, char(1u << (imageCluster % 8)));
    QByteArray lateBit(1, char(1u << (lateCluster % 8)));
    QVERIFY(makeSparse(addCow, header.size() + bitmapRegionBytesFor(clusterCountFor(size)),
                       {{0, header}, {header.size() + imageCluster / 8, imageBit}, {header.size() + lateCluster / 8, lateBit}}));

    QElapsedTimer timer;
    timer.start();
    const Result<Image> opened = Image::open(addCow, Image::Access::ReadWrite);
    QVERIFY2(opened.ok(), qPrintable(opened.error().message()));
    QVERIFY2(timer.elapsed() < 5000, qPrintable(u"open took %1 ms"_s.arg(timer.elapsed())));
    const Image &image = opened.value();
    QCOMPARE(image.virtualSizeBytes(), size);
    QCOMPARE(image.clusterCount(), size / ClusterSizeBytes);
    QCOMPARE(image.bitmap().countAllocated(), quint64(2));

    Result<QByteArray> data = image.read(imageCluster * ClusterSizeBytes, 200);
    QVERIFY(data.ok());
    QCOMPARE(data.value(), QByteArray(10, '\0') + imageBytes + QByteArray(90, '\0'));
    data = image.read(backingOffset - 10, 120);
    QVERIFY(data.ok());
    QCOMPARE(data.value(), QByteArray(10, '\0') + backingBytes + QByteArray(10, '\0'));
    data = image.read(backingSize - 5, 10); // the backing file ends: zeros (R13)
    QVERIFY(data.ok());
    QCOMPARE(data.value(), QByteArray(10, '\0'));
    data = image.read(size - 50, 50);
    QVERIFY(data.ok());
    QCOMPARE(data.value(), lateBytes);
    QCOMPARE(int(image.read(size - 1, 2).error().code), int(ErrorCode::OutOfRange));

    const QList<MapRun> map = image.map();
    const quint64 imageStart = imageCluster * ClusterSizeBytes;
    QVERIFY(imageStart + ClusterSizeBytes < backingSize);
    const QList<MapRun> expected = {
        {0, imageStart, DataSource::Backing},
        {imageStart, ClusterSizeBytes, DataSource::Image},
        {imageStart + ClusterSizeBytes, backingSize - imageStart - ClusterSizeBytes, DataSource::Backing},
        {backingSize, lateCluster * ClusterSizeBytes - backingSize, DataSource::Zero},
        {lateCluster * ClusterSizeBytes, ClusterSizeBytes, DataSource::Image},
    };
    QCOMPARE(map, expected);
    QVERIFY2(timer.elapsed() < 20000, qPrintable(u"took %1 ms"_s.arg(timer.elapsed())));
}

QTEST_GUILESS_MAIN(ImageTestCase)

#include "imagetest.moc"
