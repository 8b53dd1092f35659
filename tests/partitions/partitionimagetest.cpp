// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
// Partition tables on an add-cow image's virtual disk: read through Image::read from the backing
// file, from the image file after writes, and from an image opened HeaderOnly (as addcow info
// does), with the allocated clusters of each partition.
#include "partitiontestutil.h"

#include "../image/imagetestutil.h"

#include "fileio.h"
#include "header.h"
#include "image.h"
#include "partitiontable.h"

#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <set>

using namespace AddCow;
using namespace PartitionTest;
using namespace Qt::StringLiterals;

namespace
{
constexpr quint64 DiskBytes = 16 * 1024 * 1024;
const QByteArray BaseScript = "label: gpt\nlabel-id: 0B7C1D2E-3F40-4152-8364-758697A8B9CA\n"
                              "size=2M, type=U, name=\"EFI system\"\n"
                              "size=6M, type=L, name=\"root\"\n"
                              "type=S, name=\"swap\"\n";
}

class PartitionImageTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void tableOnTheBackingFile();
    void tableRewrittenIntoTheImageFile();
    void allocatedClustersPerPartition();
    void headerOnlyReadsTheSame();
    void headerOnlyRefusesANonRawBackingDisk();
    void allAllocatedCountsEveryCluster();
    void headerOnlyReadMatchesLoadedBitmap();
    void countOnDiskMatchesMemory();
    void readErrorIsAnError();

private:
    /** The .add-cow file over m_backingPath with a sparse image file and the given bits. */
    void makeImage(const QByteArray &bits = {}, quint64 features = 0);

    QTemporaryDir m_dir;
    QString m_backingPath;
    QString m_imagePath;
    QString m_addCowPath;
};

void PartitionImageTest::init()
{
    QVERIFY(m_dir.isValid());
    m_backingPath = m_dir.filePath(u"base.raw"_s);
    m_imagePath = m_dir.filePath(u"disk.raw"_s);
    m_addCowPath = m_dir.filePath(u"disk.add-cow"_s);
    QFile::remove(m_imagePath);
    QVERIFY(makeDisk(m_backingPath, DiskBytes, BaseScript));
    makeImage();
}

void PartitionImageTest::makeImage(const QByteArray &bits, quint64 features)
{
    QVERIFY(writeFile(m_addCowPath, ImageTest::addCowBytes("disk.raw", "base.raw", DiskBytes, bits, features)));
    QFile image(m_imagePath);
    QVERIFY(image.open(QIODevice::WriteOnly | QIODevice::Truncate) && image.resize(qint64(DiskBytes)));
}

void PartitionImageTest::tableOnTheBackingFile()
{
    // Every cluster is clean: the table is the backing file's (R13).
    Result<Image> image = Image::open(m_addCowPath);
    QVERIFY2(image.ok(), qPrintable(image.error().message()));
    const Result<PartitionTable> table = PartitionTable::read(image.value());
    QVERIFY2(table.ok(), qPrintable(table.error().message()));
    QVERIFY2(table->findings.isEmpty(), qPrintable(findingsText(table.value())));
    QString why;
    QVERIFY2(sameAsSfdisk(table.value(), sfdiskJson(m_backingPath), &why), qPrintable(why));
    for (const Partition &p : table->partitions)
        QCOMPARE(countAllocatedClusters(image.value(), p).value(), quint64(0));
}

void PartitionImageTest::tableRewrittenIntoTheImageFile()
{
    // The guest repartitions: a copy of the disk gets a new table from sfdisk, and its table
    // sectors (the first 34 and the last 33) are written into the virtual disk. The table then
    // comes from the image file; the partitions' data still from the backing file.
    const QString changedPath = m_dir.filePath(u"changed.raw"_s);
    QVERIFY(QFile::copy(m_backingPath, changedPath));
    QVERIFY(runTool(u"sfdisk"_s, {u"--quiet"_s, u"--no-reread"_s, u"--no-tell-kernel"_s, changedPath},
                    "label: gpt\nlabel-id: 0B7C1D2E-3F40-4152-8364-758697A8B9CA\n"
                    "size=2M, type=U, name=\"EFI system\"\n"
                    "size=4M, type=L, name=\"root\"\n"
                    "size=2M, type=L, name=\"home\"\n"
                    "type=S, name=\"swap\"\n"));
    const QByteArray changed = readFile(changedPath);
    {
        Result<Image> writable = Image::open(m_addCowPath, Image::Access::ReadWrite);
        QVERIFY2(writable.ok(), qPrintable(writable.error().message()));
        QVERIFY(writable->write(0, changed.first(34 * 512)).ok());
        QVERIFY(writable->write(DiskBytes - 33 * 512, changed.last(33 * 512)).ok());
    }
    Result<Image> image = Image::open(m_addCowPath);
    QVERIFY(image.ok());
    QCOMPARE(image->sourceOfCluster(0), DataSource::Image);
    QCOMPARE(image->sourceOfCluster(image->clusterCount() - 1), DataSource::Image);
    const Result<PartitionTable> table = PartitionTable::read(image.value());
    QVERIFY(table.ok());
    QVERIFY2(table->findings.isEmpty(), qPrintable(findingsText(table.value())));
    QString why;
    QVERIFY2(sameAsSfdisk(table.value(), sfdiskJson(changedPath), &why), qPrintable(why));
    QCOMPARE(table->partitions.size(), 4);
    QCOMPARE(table->partitions.at(2).name, u"home"_s);

    // Only the primary rewritten: the backup (still the backing file's) no longer matches.
    Result<Image> again = Image::open(m_addCowPath, Image::Access::ReadWrite);
    QVERIFY(again.ok());
    QVERIFY(again->write(DiskBytes - 33 * 512, readFile(m_backingPath).last(33 * 512)).ok());
    const Result<PartitionTable> mixed = PartitionTable::read(again.value());
    QVERIFY(mixed.ok());
    QVERIFY2(hasProblem(mixed.value(), PartitionProblem::GptBackupDiffers, Severity::Warning), qPrintable(findingsText(mixed.value())));
    QCOMPARE(mixed->partitions.size(), 4);
}

void PartitionImageTest::allocatedClustersPerPartition()
{
    Result<Image> writable = Image::open(m_addCowPath, Image::Access::ReadWrite);
    QVERIFY(writable.ok());
    const PartitionTable table = PartitionTable::read(writable.value()).value();
    QCOMPARE(table.partitions.size(), 3);
    // Writes that the model below counts independently: in partition 2 (three clusters, one
    // write across a cluster boundary), one cluster of partition 3, and the table's cluster 0.
    const Partition &root = table.partitions.at(1);
    const Partition &swap = table.partitions.at(2);
    const QList<std::pair<quint64, quint64>> writes = {
        {root.startBytes + 100, 10},
        {root.startBytes + 5 * ClusterSizeBytes - 3, 6},
        {swap.startBytes + 7 * ClusterSizeBytes, 512},
        {0, 512},
    };
    std::set<quint64> written;
    for (const auto &[offset, length] : writes) {
        QVERIFY(writable->write(offset, QByteArray(qsizetype(length), 'w')).ok());
        for (quint64 c = offset / ClusterSizeBytes; c <= (offset + length - 1) / ClusterSizeBytes; ++c)
            written.insert(c);
    }
    for (const Partition &p : table.partitions) {
        quint64 expected = 0;
        for (quint64 c : written)
            expected += (c * ClusterSizeBytes < p.endBytes() && p.startBytes < (c + 1) * ClusterSizeBytes) ? 1 : 0;
        QCOMPARE(countAllocatedClusters(writable.value(), p).value(), expected);
    }
    QCOMPARE(countAllocatedClusters(writable.value(), root).value(), quint64(3));
    QCOMPARE(countAllocatedClusters(writable.value(), swap).value(), quint64(1));
    QCOMPARE(countAllocatedClusters(writable.value(), table.partitions.at(0)).value(), quint64(0));
}

void PartitionImageTest::headerOnlyReadsTheSame()
{
    // Scatter allocated clusters, including the table's, over a table copied into the image file.
    QRandomGenerator random(15);
    const quint64 clusters = clusterCountFor(DiskBytes);
    QByteArray bits = ImageTest::randomBits(clusters, 30, random);
    ImageTest::setBit(bits, 0);
    makeImage(bits);
    QFile image(m_imagePath);
    QVERIFY(image.open(QIODevice::ReadWrite));
    image.write(readFile(m_backingPath).first(ClusterSizeBytes));
    image.close();

    Result<Image> loaded = Image::open(m_addCowPath);
    Result<Image> headerOnly = Image::open(m_addCowPath, Image::Access::ReadOnly, Image::Contents::HeaderOnly);
    QVERIFY(loaded.ok() && headerOnly.ok());
    QVERIFY(!headerOnly->hasBitmap());
    const Result<PartitionTable> fromMemory = PartitionTable::read(loaded.value());
    const Result<PartitionTable> fromDisk = PartitionTable::read(headerOnly.value());
    QVERIFY(fromMemory.ok() && fromDisk.ok());
    QCOMPARE(fromDisk->partitions, fromMemory->partitions);
    QCOMPARE(fromDisk->findings, fromMemory->findings);
    QCOMPARE(fromMemory->partitions.size(), 3);
    for (const Partition &p : fromMemory->partitions) {
        const quint64 inMemory = countAllocatedClusters(loaded.value(), p).value();
        QCOMPARE(countAllocatedClusters(headerOnly.value(), p).value(), inMemory);
        quint64 model = 0;
        for (quint64 c = p.clusters().first; c < p.clusters().end(); ++c)
            model += ImageTest::bitOf(bits, c) ? 1 : 0;
        QCOMPARE(inMemory, model);
    }
}

void PartitionImageTest::allAllocatedCountsEveryCluster()
{
    makeImage({}, FeatureAllAllocated);
    QVERIFY(writeFile(m_imagePath, readFile(m_backingPath))); // R14: the image file alone is the disk
    for (const Image::Contents contents : {Image::Contents::Everything, Image::Contents::HeaderOnly}) {
        Result<Image> image = Image::open(m_addCowPath, Image::Access::ReadOnly, contents);
        QVERIFY(image.ok());
        const PartitionTable table = PartitionTable::read(image.value()).value();
        QCOMPARE(table.partitions.size(), 3);
        for (const Partition &p : table.partitions)
            QCOMPARE(countAllocatedClusters(image.value(), p).value(), p.clusters().count);
    }
}

void PartitionImageTest::headerOnlyReadMatchesLoadedBitmap()
{
    // Image::read on a HeaderOnly image reads the bits it needs from disk: byte for byte the
    // same as with the bitmap in memory, for reads at any alignment.
    QRandomGenerator random(7);
    const quint64 clusters = clusterCountFor(DiskBytes);
    makeImage(ImageTest::randomBits(clusters, 50, random));
    QVERIFY(writeFile(m_imagePath, ImageTest::randomBytes(qsizetype(DiskBytes), random)));
    Result<Image> loaded = Image::open(m_addCowPath);
    Result<Image> headerOnly = Image::open(m_addCowPath, Image::Access::ReadOnly, Image::Contents::HeaderOnly);
    QVERIFY(loaded.ok() && headerOnly.ok());
    for (int i = 0; i < 200; ++i) {
        const quint64 offset = random.bounded(DiskBytes);
        const quint64 length = std::min<quint64>(DiskBytes - offset, random.bounded(40 * ClusterSizeBytes) + 1);
        const Result<QByteArray> a = loaded->read(offset, length);
        const Result<QByteArray> b = headerOnly->read(offset, length);
        QVERIFY(a.ok() && b.ok());
        QVERIFY2(a.value() == b.value(), qPrintable(u"read at %1 + %2"_s.arg(offset).arg(length)));
    }
    QVERIFY(headerOnly->read(DiskBytes - 1, 1).ok());
    QVERIFY(!headerOnly->read(DiskBytes, 1).ok()); // R15
    QVERIFY(headerOnly->read(DiskBytes, 0).ok());
}

void PartitionImageTest::countOnDiskMatchesMemory()
{
    // Image::countAllocated(range) on disk (HeaderOnly) and in memory, for ranges at every
    // alignment: within one bitmap byte, across bytes, from and to byte boundaries, clamped.
    QRandomGenerator random(3);
    const quint64 clusters = clusterCountFor(DiskBytes) - 3; // a partial last bitmap byte
    const quint64 virtualBytes = clusters * ClusterSizeBytes - 100;
    QVERIFY(writeFile(m_addCowPath, ImageTest::addCowBytes("disk.raw", "base.raw", virtualBytes, ImageTest::randomBits(clusters, 40, random))));
    QFile image(m_imagePath);
    QVERIFY(image.open(QIODevice::WriteOnly | QIODevice::Truncate) && image.resize(qint64(virtualBytes)));
    image.close();
    Result<Image> loaded = Image::open(m_addCowPath);
    Result<Image> headerOnly = Image::open(m_addCowPath, Image::Access::ReadOnly, Image::Contents::HeaderOnly);
    QVERIFY(loaded.ok() && headerOnly.ok());
    QCOMPARE(loaded->clusterCount(), clusters);
    QList<ClusterRange> ranges = {{0, 0}, {0, 1}, {3, 2}, {5, 3}, {8, 8}, {7, 10}, {0, clusters}, {clusters - 5, 5}, {clusters - 1, 100}, {clusters + 4, 10}};
    for (int i = 0; i < 300; ++i) {
        const quint64 first = random.bounded(clusters);
        ranges.append({first, random.bounded(clusters - first) + 1});
    }
    for (const ClusterRange &range : std::as_const(ranges)) {
        quint64 model = 0;
        for (quint64 c = range.first; c < std::min(range.end(), clusters); ++c)
            model += loaded->bitmap().test(c) ? 1 : 0;
        QCOMPARE(loaded->countAllocated(range).value(), model);
        QCOMPARE(headerOnly->countAllocated(range).value(), model);
    }
}

void PartitionImageTest::readErrorIsAnError()
{
    Result<Image> image = Image::open(m_addCowPath);
    QVERIFY(image.ok());
    FileIo::setFaultHook([](FileIo::Op op, int, const QString &) {
        return op == FileIo::Op::Read ? FileIo::Fault{EIO} : FileIo::Fault{};
    });
    const Result<PartitionTable> table = PartitionTable::read(image.value());
    FileIo::setFaultHook({});
    QVERIFY(!table.ok());
    QCOMPARE(table.error().code, ErrorCode::Io);
    QCOMPARE(table.error().errnoValue, EIO);
}

/**
 * R9: a header-only open starts no qemu-nbd, so the clean clusters of a qcow2 backing disk are
 * unknown to it: read() says so instead of answering zeros (addcow info opens fully for these).
 */
void PartitionImageTest::headerOnlyRefusesANonRawBackingDisk()
{
    QTemporaryDir dir;
    const QString qcow2 = dir.filePath(u"base.qcow2"_s);
    QProcess convert;
    convert.start(u"qemu-img"_s, {u"convert"_s, u"-f"_s, u"raw"_s, u"-O"_s, u"qcow2"_s, m_backingPath, qcow2});
    QVERIFY(convert.waitForFinished(60000) && convert.exitCode() == 0);
    const quint64 size = quint64(QFileInfo(m_backingPath).size());
    const Header header = Header::make("disk.raw", "raw", "base.qcow2", "qcow2", 0);
    QByteArray region(qsizetype(bitmapRegionBytesFor(clusterCountFor(size))), '\0');
    region[0] = 0x02; // cluster 1 is in the image file
    QVERIFY(writeFile(dir.filePath(u"disk.add-cow"_s), header.serialize() + region));
    QFile raw(dir.filePath(u"disk.raw"_s));
    QVERIFY(raw.open(QIODevice::WriteOnly) && raw.resize(qint64(size)));
    raw.close();

    const Result<Image> image = Image::open(dir.filePath(u"disk.add-cow"_s), Image::Access::ReadOnly, Image::Contents::HeaderOnly);
    QVERIFY2(image, qPrintable(image ? QString() : image.error().message()));
    const Result<QByteArray> clean = image->read(0, 512);
    QVERIFY(!clean);
    QCOMPARE(clean.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(clean.error().message().contains(u"qcow2"_s), qPrintable(clean.error().message()));
    const Result<QByteArray> written = image->read(ClusterSizeBytes, 512); // the image file's own bytes
    QVERIFY(written);
    QCOMPARE(written.value(), QByteArray(512, '\0'));
    // Opened whole, the same bytes come through QEMU.
    const Result<Image> whole = Image::open(dir.filePath(u"disk.add-cow"_s));
    QVERIFY2(whole, qPrintable(whole ? QString() : whole.error().message()));
    QCOMPARE(whole->read(0, 512).value(), readFile(m_backingPath).first(512));
}

QTEST_GUILESS_MAIN(PartitionImageTest)
#include "partitionimagetest.moc"
