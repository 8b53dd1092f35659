// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later

// Limits (issue 6): a 64 TiB virtual disk, a 256-page (1 MiB) header, odd sizes end to end
// (create, write, read, commit, check), and an image file whose size changed since creation.

#include "commitjob.h"
#include "createjob.h"
#include "format.h"
#include "header.h"
#include "headerparser.h"
#include "image.h"
#include "verifyjob.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <memory>
#include <unistd.h>

using namespace AddCow;
using namespace Qt::StringLiterals;

namespace
{

constexpr quint64 Cluster = ClusterSizeBytes;
constexpr quint64 TiB = quint64(1) << 40;

bool writeAt(const QString &path, quint64 offsetBytes, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::ReadWrite) && file.seek(qint64(offsetBytes)) && file.write(data) == data.size();
}

QByteArray readAt(const QString &path, quint64 offsetBytes, quint64 lengthBytes)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || !file.seek(qint64(offsetBytes)))
        return {};
    return file.read(qint64(lengthBytes));
}

QByteArray randomBytes(QRandomGenerator &random, qsizetype length)
{
    QByteArray bytes(length, Qt::Uninitialized);
    for (char &c : bytes)
        c = char(random.generate());
    return bytes;
}

Result<void> create(const QString &addCow, const QByteArray &imageName, const QByteArray &backingName, std::optional<quint64> sizeBytes)
{
    CreateOptions options;
    options.addCowPath = addCow;
    options.imageFileName = imageName;
    options.backingFileName = backingName;
    options.backingFormat = backingName.isEmpty() ? QByteArray() : QByteArray("raw");
    options.sizeBytes = sizeBytes;
    options.force = true;
    JobContext context;
    return CreateJob(options).run(context);
}

/** A temporary directory whose file system holds a sparse file of sizeBytes (ext4 stops at 16 TiB; tmpfs does not). */
std::unique_ptr<QTemporaryDir> directoryForSparse(quint64 sizeBytes)
{
    const QStringList candidates{QDir::tempPath(), u"/dev/shm"_s};
    for (const QString &base : candidates) {
        if (!QFileInfo(base).isDir())
            continue;
        auto dir = std::make_unique<QTemporaryDir>(base + u"/addcow-limits-XXXXXX"_s);
        if (!dir->isValid())
            continue;
        const QByteArray probe = QFile::encodeName(dir->filePath(u"probe"_s));
        const int fd = ::open(probe.constData(), O_RDWR | O_CREAT, 0600);
        const bool fits = fd >= 0 && ::ftruncate(fd, off_t(sizeBytes)) == 0;
        if (fd >= 0)
            ::close(fd);
        ::unlink(probe.constData());
        if (fits)
            return dir;
    }
    return nullptr;
}

bool hasRule(const Findings &findings, int rule, Severity severity)
{
    return std::any_of(findings.begin(), findings.end(), [&](const Finding &f) {
        return f.rule() == rule && f.severity == severity;
    });
}

QString describe(const Findings &findings)
{
    QStringList lines;
    for (const Finding &f : findings)
        lines << f.toString();
    return lines.join(u'\n');
}

} // namespace

class LimitsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // R11/R15/R18 at 64 TiB: 2^30 clusters, a 128 MiB bitmap, offsets past 2^45.
    void virtualSize64TiB()
    {
        const quint64 size = 64 * TiB;
        const std::unique_ptr<QTemporaryDir> dir = directoryForSparse(size);
        if (!dir)
            QSKIP("no file system here holds a 64 TiB sparse file (ext4 stops at 16 TiB, and /dev/shm is missing)");
        const QString addCow = dir->filePath(u"huge.add-cow"_s);
        const QString backing = dir->filePath(u"base.raw"_s);
        QRandomGenerator random(64);
        const QByteArray backingTail = randomBytes(random, 3000);
        // A backing file that ends 1000 bytes into the last cluster's neighbour, far out.
        QVERIFY(writeAt(backing, size - 2 * Cluster - 2000, backingTail));
        const Result<void> created = create(addCow, "huge.raw", "base.raw", size);
        QVERIFY2(created.ok(), qPrintable(created.error().message()));
        QCOMPARE(QFileInfo(addCow).size(), qint64(headerSizeFor(1) + bitmapRegionBytesFor(clusterCountFor(size)))); // R11
        QCOMPARE(QFileInfo(dir->filePath(u"huge.raw"_s)).size(), qint64(size));

        {
            const Result<Image> image = Image::open(addCow, Image::Access::ReadWrite);
            QVERIFY2(image.ok(), qPrintable(image.error().message()));
            QCOMPARE(image->virtualSizeBytes(), size);
            QCOMPARE(image->clusterCount(), quint64(1) << 30);
            // R13: the (sparse) backing file up to its end, zeros after it.
            const QList<MapRun> runs = image->map();
            QCOMPARE(runs.size(), 2);
            QCOMPARE(runs[0], (MapRun{0, size - 2 * Cluster + 1000, DataSource::Backing}));
            QCOMPARE(runs[1], (MapRun{size - 2 * Cluster + 1000, 2 * Cluster - 1000, DataSource::Zero}));
            // R15: the last byte reads, the one after it does not.
            const Result<QByteArray> last = image->read(size - 1, 1);
            QVERIFY(last.ok());
            QCOMPARE(last.value(), QByteArray(1, '\0'));
            QVERIFY(!image->read(size, 1).ok());
            QCOMPARE(image->read(size - 2 * Cluster - 2000, 3000).value(), backingTail);
        }
        {
            // R18: write the last cluster and the end of the one before it, which copies backing data in.
            Result<Image> image = Image::open(addCow, Image::Access::ReadWrite);
            QVERIFY(image.ok());
            const QByteArray data = randomBytes(random, qsizetype(Cluster + 100));
            const Result<ClusterRange> written = image->write(size - Cluster - 100, data);
            QVERIFY2(written.ok(), qPrintable(written.error().message()));
            QCOMPARE(written.value(), (ClusterRange{(quint64(1) << 30) - 2, 2}));
            QVERIFY(!image->write(size - 10, QByteArray(11, 'x')).ok()); // R15
        }
        const Result<Image> image = Image::open(addCow);
        QVERIFY(image.ok());
        QCOMPARE(image->bitmap().countAllocated(), quint64(2));
        QCOMPARE(image->read(size - 2 * Cluster - 2000, 3000).value(), backingTail); // R18: copied, not lost
        QCOMPARE(image->read(size - 1, 1).value().size(), 1);
        QCOMPARE(image->read(size - Cluster - 100, Cluster + 100).value(), readAt(dir->filePath(u"huge.raw"_s), size - Cluster - 100, Cluster + 100));
        const Result<ImageCheck> findings = Image::check(addCow);
        QVERIFY(findings.ok());
        QVERIFY2(!hasErrors(findings->findings), qPrintable(describe(findings->findings)));
        // The bits are the last two of the 128 MiB bitmap (R13).
        QCOMPARE(readAt(addCow, headerSizeFor(1) + (quint64(1) << 27) - 1, 1), QByteArray(1, '\xc0'));
    }

    // R4: header pages size 256 (a 1 MiB header) with names deep inside it, end to end.
    void headerOf256Pages()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString addCow = dir.filePath(u"deep.add-cow"_s);
        const QString imagePath = dir.filePath(u"disk.raw"_s);
        const QString backingPath = dir.filePath(u"base.raw"_s);
        QRandomGenerator random(256);
        const quint64 size = 5 * Cluster + 77;
        const QByteArray backingData = randomBytes(random, qsizetype(size));
        QVERIFY(writeAt(backingPath, 0, backingData));
        QVERIFY(writeAt(imagePath, 0, randomBytes(random, qsizetype(size)))); // garbage under clean clusters

        const quint64 headerSize = headerSizeFor(MaxHeaderPagesSize);
        QCOMPARE(headerSize, quint64(1) << 20);
        QByteArray bytes = Header::make("x", "raw", "y", "raw", 0).serialize();
        bytes.resize(qsizetype(headerSize), '\0');
        qToLittleEndian<quint32>(MaxHeaderPagesSize, bytes.data() + 44);
        std::memset(bytes.data() + 80, 0, 8); // the names made by Header::make, moved below
        const QByteArray imageName = "disk.raw";
        const QByteArray backingName = "./base.raw";
        const quint32 imageOffset = quint32(headerSize - imageName.size()); // ends exactly at HEADER_SIZE (R5)
        const quint32 backingOffset = quint32(headerSize / 2);
        qToLittleEndian<quint32>(backingOffset, bytes.data() + 12);
        qToLittleEndian<quint32>(quint32(backingName.size()), bytes.data() + 16);
        qToLittleEndian<quint32>(imageOffset, bytes.data() + 20);
        qToLittleEndian<quint32>(quint32(imageName.size()), bytes.data() + 24);
        std::memcpy(bytes.data() + backingOffset, backingName.constData(), size_t(backingName.size()));
        std::memcpy(bytes.data() + imageOffset, imageName.constData(), size_t(imageName.size()));
        const QByteArray data = randomBytes(random, 1000);
        QByteArray expected = backingData;
        expected.replace(qsizetype(2 * Cluster + 10), data.size(), data);
        const HeaderParse parse = parseHeader(bytes);
        QVERIFY2(!parse.hasErrors() && parse.complete, parse.findings.isEmpty() ? "" : qPrintable(parse.findings.first().toString()));
        QFile file(addCow);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(bytes + QByteArray(qsizetype(BitmapAlignmentBytes), '\0')), qint64(headerSize + BitmapAlignmentBytes));
        file.close();

        const Result<ImageCheck> checked = Image::check(addCow);
        QVERIFY(checked.ok());
        QVERIFY2(checked->findings.isEmpty(), qPrintable(describe(checked->findings)));
        {
            Result<Image> image = Image::open(addCow, Image::Access::ReadWrite);
            QVERIFY2(image.ok(), qPrintable(image.error().message()));
            QCOMPARE(image->header().headerPagesSize, MaxHeaderPagesSize);
            QCOMPARE(image->imageFile().storedName, imageName);
            QCOMPARE(image->backingFile().resolvedPath, backingPath);
            QCOMPARE(image->read(0, size).value(), backingData); // R13: every bit clear
            QVERIFY(image->write(2 * Cluster + 10, data).ok());
            QCOMPARE(image->read(0, size).value(), expected);
        }
        // The bit is written after the 1 MiB header (R11, R13), not after one page.
        QCOMPARE(readAt(addCow, headerSize, 1), QByteArray(1, '\x04'));
        QCOMPARE(readAt(addCow, headerSizeFor(1), 1), QByteArray(1, '\0'));

        JobContext context;
        const Result<void> committed = CommitJob(addCow).run(context);
        QVERIFY2(committed.ok(), qPrintable(committed.error().message()));
        QCOMPARE(readAt(imagePath, 0, size), expected); // R19: the image file alone is the disk
        const Result<Image> committedImage = Image::open(addCow);
        QVERIFY(committedImage.ok() && committedImage->isAllAllocated());
    }

    // Odd sizes through create, write, read, commit and check (R11, R15, R18, R19).
    void oddSizesEndToEnd_data()
    {
        QTest::addColumn<quint64>("sizeBytes");
        QTest::addColumn<quint64>("backingBytes");
        QTest::newRow("R11 0-byte image file") << quint64(0) << quint64(0);
        QTest::newRow("R11 1-byte image file") << quint64(1) << quint64(1);
        QTest::newRow("R15 partial last cluster") << 3 * Cluster + 17 << 2 * Cluster + 5;
        QTest::newRow("R15 partial last cluster, backing ends inside it") << 3 * Cluster + 17 << 3 * Cluster + 3;
        QTest::newRow("R11 exactly one cluster, empty backing") << Cluster << quint64(0);
    }

    void oddSizesEndToEnd()
    {
        QFETCH(quint64, sizeBytes);
        QFETCH(quint64, backingBytes);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString addCow = dir.filePath(u"odd.add-cow"_s);
        const QString imagePath = dir.filePath(u"odd.raw"_s);
        const QString backingPath = dir.filePath(u"base.raw"_s);
        QRandomGenerator random(quint32(sizeBytes * 7 + backingBytes));
        const QByteArray backingData = randomBytes(random, qsizetype(backingBytes));
        QFile backingFile(backingPath);
        QVERIFY(backingFile.open(QIODevice::WriteOnly));
        QCOMPARE(backingFile.write(backingData), qint64(backingBytes));
        backingFile.close();

        const Result<void> created = create(addCow, "odd.raw", "base.raw", sizeBytes);
        QVERIFY2(created.ok(), qPrintable(created.error().message()));
        QCOMPARE(QFileInfo(imagePath).size(), qint64(sizeBytes));
        QCOMPARE(QFileInfo(addCow).size(), qint64(headerSizeFor(1) + bitmapRegionBytesFor(clusterCountFor(sizeBytes))));

        QByteArray expected = backingData.left(qsizetype(sizeBytes));
        expected.resize(qsizetype(sizeBytes), '\0'); // R13: zeros past the backing file's end
        {
            Result<Image> image = Image::open(addCow, Image::Access::ReadWrite);
            QVERIFY2(image.ok(), qPrintable(image.error().message()));
            QCOMPARE(image->read(0, sizeBytes).value(), expected);
            QVERIFY(!image->read(sizeBytes, 1).ok()); // R15
            QVERIFY(!image->write(sizeBytes, QByteArray(1, 'x')).ok());
            if (sizeBytes > 0) {
                // The very last byte: R18 copies the rest of its (partial) cluster from the backing file.
                QVERIFY(image->write(sizeBytes - 1, QByteArray(1, '\x5a')).ok());
                expected[qsizetype(sizeBytes - 1)] = '\x5a';
                QCOMPARE(image->read(0, sizeBytes).value(), expected);
            }
        }
        const Result<ImageCheck> before = Image::check(addCow);
        QVERIFY(before.ok());
        QVERIFY2(!hasErrors(before->findings), qPrintable(describe(before->findings)));

        JobContext context;
        const Result<void> committed = CommitJob(addCow).run(context);
        QVERIFY2(committed.ok(), qPrintable(committed.error().message()));
        QCOMPARE(readAt(imagePath, 0, sizeBytes + 1), expected); // R19, and never grown
        QCOMPARE(QFileInfo(imagePath).size(), qint64(sizeBytes));
        const Result<Image> image = Image::open(addCow);
        QVERIFY(image.ok());
        QVERIFY(image->isAllAllocated());
        QCOMPARE(image->read(0, sizeBytes).value(), expected);
        const Result<ImageCheck> after = Image::check(addCow);
        QVERIFY(after.ok());
        QVERIFY2(!hasErrors(after->findings), qPrintable(describe(after->findings)));
    }

    // The raw image file changed size after creation: check says so.
    void imageFileResized_data()
    {
        QTest::addColumn<quint64>("createdBytes");
        QTest::addColumn<quint64>("resizedBytes");
        QTest::addColumn<int>("setCluster"); ///< a bit set before resizing, -1 for none
        QTest::addColumn<int>("rule");
        QTest::addColumn<int>("severity");
        // Grown past what the bitmap holds: bits are missing, and Image::open refuses it.
        QTest::newRow("R12 grown past its bitmap") << 10 * Cluster << 8 * 65536 * Cluster + 1 << -1 << 12 << int(Severity::Error);
        // Shrunk below a set bit: that bit now counts a cluster that is not there.
        QTest::newRow("R12 shrunk below a set bit") << 20 * Cluster << 5 * Cluster + 1 << 17 << 12 << int(Severity::Warning);
        // Shrunk so far that the bitmap region is longer than the new size needs.
        QTest::newRow("R11 shrunk below its bitmap region") << 8 * 65536 * Cluster + 1 << 3 * Cluster << -1 << 11 << int(Severity::Warning);
    }

    void imageFileResized()
    {
        QFETCH(quint64, createdBytes);
        QFETCH(quint64, resizedBytes);
        QFETCH(int, setCluster);
        QFETCH(int, rule);
        QFETCH(int, severity);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString addCow = dir.filePath(u"disk.add-cow"_s);
        const QString imagePath = dir.filePath(u"disk.raw"_s);
        QVERIFY(writeAt(dir.filePath(u"base.raw"_s), 0, QByteArray(1000, 'b')));
        const Result<void> created = create(addCow, "disk.raw", "base.raw", createdBytes);
        QVERIFY2(created.ok(), qPrintable(created.error().message()));
        {
            const Result<ImageCheck> fresh = Image::check(addCow);
            QVERIFY(fresh.ok());
            QVERIFY2(fresh->findings.isEmpty(), qPrintable(describe(fresh->findings)));
        }
        if (setCluster >= 0) {
            Result<Image> image = Image::open(addCow, Image::Access::ReadWrite);
            QVERIFY(image.ok());
            QVERIFY(image->write(quint64(setCluster) * Cluster, QByteArray(10, 'w')).ok());
        }
        QVERIFY(QFile::resize(imagePath, qint64(resizedBytes)));

        const Result<ImageCheck> findings = Image::check(addCow);
        QVERIFY(findings.ok());
        QVERIFY2(hasRule(findings->findings, rule, Severity(severity)), qPrintable(describe(findings->findings)));
        const Result<Image> image = Image::open(addCow);
        QCOMPARE(image.ok(), Severity(severity) != Severity::Error);
    }

    // Limitation, asserted so it stays known: growing within the same bitmap region leaves no
    // trace in the files (every new bit is 0, as a fresh create would write), so no rule can see it.
    void growthWithinItsRegionReadsAsBacking()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString addCow = dir.filePath(u"disk.add-cow"_s);
        const QByteArray backing(int(12 * Cluster), 'b');
        QVERIFY(writeAt(dir.filePath(u"base.raw"_s), 0, backing));
        QVERIFY(create(addCow, "disk.raw", "base.raw", std::nullopt).ok());
        QVERIFY(QFile::resize(dir.filePath(u"disk.raw"_s), qint64(20 * Cluster)));
        const Result<ImageCheck> findings = Image::check(addCow);
        QVERIFY(findings.ok());
        QVERIFY(!hasErrors(findings->findings));
        const Result<Image> image = Image::open(addCow);
        QVERIFY(image.ok());
        QCOMPARE(image->virtualSizeBytes(), 20 * Cluster); // R11
        QCOMPARE(image->read(0, 12 * Cluster).value(), backing);
        QCOMPARE(image->read(12 * Cluster, 8 * Cluster).value(), QByteArray(int(8 * Cluster), '\0')); // R13: past the backing file
    }
};

QTEST_GUILESS_MAIN(LimitsTest)
#include "limitstest.moc"
