// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later

// DiskExtentScanner: which parts of the virtual disk read as zeros without being read (R13: no
// backing data; holes in the image or backing file). Zero must never be wrong, and holes of a
// known layout must be found.

#include "diskextentscanner.h"
#include "fileio.h"
#include "jobstestutil.h"

#include <QTemporaryDir>
#include <QTest>

#include <cerrno>

using namespace AddCow;
using namespace JobsTest;
using namespace Qt::StringLiterals;

namespace
{

constexpr quint64 MiB = 1024 * 1024;

struct HookGuard {
    ~HookGuard() { FileIo::setFaultHook({}); }
};

/** Writes a MiB of random data at each offset (MiB-aligned: exact holes whatever the file system's block size). */
bool writeMiBs(const QString &path, quint64 sizeBytes, const QList<quint64> &offsets, QRandomGenerator &random)
{
    if (!resizeFile(path, sizeBytes))
        return false;
    for (const quint64 offset : offsets) {
        if (!writeAt(path, offset, randomBytes(random, MiB)))
            return false;
    }
    return true;
}

QList<DiskExtent> extentsOf(const QString &addCow, quint64 offsetBytes, quint64 lengthBytes)
{
    const Result<Image> image = Image::open(addCow);
    if (!image) {
        qWarning() << image.error().message();
        return {};
    }
    DiskExtentScanner scanner(image.value());
    const Result<QList<DiskExtent>> extents = scanner.extents(offsetBytes, lengthBytes);
    if (!extents)
        qWarning() << extents.error().message();
    return extents ? extents.value() : QList<DiskExtent>{};
}

} // namespace

namespace AddCow
{
// Found by QTest through argument-dependent lookup, for readable failures.
char *toString(const DiskExtent &extent)
{
    return qstrdup(qPrintable(u"{%1, %2, %3}"_s.arg(extent.offsetBytes).arg(extent.lengthBytes).arg(extent.zero ? u"zero"_s : u"data"_s)));
}
} // namespace AddCow

class DiskExtentScannerTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_layered;   ///< 16 MiB disk over a 10 MiB backing file, clusters 64-127 allocated
    QString m_allocated; ///< 16 MiB ALL_ALLOCATED disk (no backing file)

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QRandomGenerator random(11);
        // Backing: data [0,1M) [3M,4M) [8M,9M); holes between; ends at 10M.
        QVERIFY(writeMiBs(m_dir.filePath(u"base.raw"_s), 10 * MiB, {0, 3 * MiB, 8 * MiB}, random));
        // Image: data [4M,5M) [7M,8M) and garbage [12M,13M) under clean clusters.
        QVERIFY(writeMiBs(m_dir.filePath(u"disk.raw"_s), 16 * MiB, {4 * MiB, 7 * MiB, 12 * MiB}, random));
        CreateOptions options;
        options.addCowPath = m_dir.filePath(u"disk.add-cow"_s);
        options.imageFileName = "disk.raw";
        options.backingFileName = "base.raw";
        options.backingFormat = "raw";
        QVERIFY(create(options).ok());
        QVERIFY(writeAt(options.addCowPath, headerSizeFor(1) + 8, QByteArray(8, char(0xff)))); // clusters 64-127: [4M,8M)
        m_layered = options.addCowPath;

        QVERIFY(writeMiBs(m_dir.filePath(u"alone.raw"_s), 16 * MiB, {4 * MiB, 7 * MiB, 12 * MiB}, random));
        CreateOptions alone;
        alone.addCowPath = m_dir.filePath(u"alone.add-cow"_s);
        alone.imageFileName = "alone.raw";
        QVERIFY(create(alone).ok()); // R14: no backing file sets ALL_ALLOCATED
        m_allocated = alone.addCowPath;
    }

    void knownLayout_data()
    {
        QTest::addColumn<QString>("which");
        QTest::addColumn<quint64>("offset");
        QTest::addColumn<quint64>("length");
        QTest::addColumn<QList<DiskExtent>>("expected");
        QTest::newRow("R13 backing holes, image holes, no backing data past its end")
            << u"layered"_s << quint64(0) << 16 * MiB
            << QList<DiskExtent>{{0, MiB, false}, {MiB, 2 * MiB, true}, {3 * MiB, 2 * MiB, false}, {5 * MiB, 2 * MiB, true}, {7 * MiB, 2 * MiB, false}, {9 * MiB, 7 * MiB, true}};
        QTest::newRow("R13 a window inside runs")
            << u"layered"_s << quint64(MiB + MiB / 2) << 5 * MiB
            << QList<DiskExtent>{{MiB + MiB / 2, MiB + MiB / 2, true}, {3 * MiB, 2 * MiB, false}, {5 * MiB, MiB + MiB / 2, true}};
        QTest::newRow("R14 holes of the image file alone")
            << u"allocated"_s << quint64(0) << 16 * MiB
            << QList<DiskExtent>{{0, 4 * MiB, true}, {4 * MiB, MiB, false}, {5 * MiB, 2 * MiB, true}, {7 * MiB, MiB, false}, {8 * MiB, 4 * MiB, true}, {12 * MiB, MiB, false}, {13 * MiB, 3 * MiB, true}};
        QTest::newRow("R15 an empty range") << u"layered"_s << quint64(16 * MiB) << quint64(0) << QList<DiskExtent>{};
    }

    void knownLayout()
    {
        QFETCH(QString, which);
        QFETCH(quint64, offset);
        QFETCH(quint64, length);
        QFETCH(QList<DiskExtent>, expected);
        QCOMPARE(extentsOf(which == u"layered" ? m_layered : m_allocated, offset, length), expected);
    }

    // When an lseek fails the scanner says so, naming the file; it never guesses zeros.
    void lseekFailureIsAnError()
    {
        HookGuard guard;
        const Result<Image> image = Image::open(m_allocated);
        QVERIFY(image.ok());
        const QString imagePath = image->imageFile().resolvedPath;
        FileIo::setFaultHook([imagePath](FileIo::Op op, int, const QString &path) {
            FileIo::Fault fault;
            if (op == FileIo::Op::Read && path == imagePath)
                fault.errnoValue = EIO;
            return fault;
        });
        DiskExtentScanner scanner(image.value());
        const Result<QList<DiskExtent>> extents = scanner.extents(0, 16 * MiB);
        QVERIFY(!extents.ok());
        QCOMPARE(extents.error().code, ErrorCode::Io);
        QCOMPARE(extents.error().errnoValue, EIO);
        QCOMPARE(extents.error().path, imagePath);
    }

    // Random files with unaligned extents: the extents tile the range in order, neighbours differ,
    // and every zero extent reads as zeros through Image::read.
    void zeroIsNeverWrong_data()
    {
        QTest::addColumn<quint32>("seed");
        QTest::addColumn<quint64>("backingSize");
        for (quint32 seed = 1; seed <= 4; ++seed)
            QTest::addRow("R13 random layout %u", seed) << seed << quint64(seed % 2 ? 5 * MiB + 77 : 12 * MiB + 999);
    }

    void zeroIsNeverWrong()
    {
        QFETCH(quint32, seed);
        QFETCH(quint64, backingSize);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QRandomGenerator random(seed);
        const quint64 size = 12 * MiB + 999;
        QVERIFY(makeSparseRandomFile(dir.filePath(u"b.raw"_s), backingSize, 40, random));
        QVERIFY(makeSparseRandomFile(dir.filePath(u"i.raw"_s), size, 40, random));
        CreateOptions options;
        options.addCowPath = dir.filePath(u"d.add-cow"_s);
        options.imageFileName = "i.raw";
        options.backingFileName = "b.raw";
        options.backingFormat = "raw";
        options.force = true;
        QVERIFY(create(options).ok());
        QVERIFY(writeRandomBitmap(options.addCowPath, clusterCountFor(size), 50, 20, random));

        const Result<Image> image = Image::open(options.addCowPath);
        QVERIFY(image.ok());
        DiskExtentScanner scanner(image.value());
        quint64 zeroBytes = 0;
        // In windows, as readers use it, one of them unaligned.
        for (quint64 window = 0; window < size;) {
            const quint64 length = std::min<quint64>(window == 0 ? 3 * MiB + 5 : 4 * MiB, size - window);
            const Result<QList<DiskExtent>> scanned = scanner.extents(window, length);
            QVERIFY(scanned.ok());
            const QList<DiskExtent> &extents = scanned.value();
            quint64 pos = window;
            for (qsizetype i = 0; i < extents.size(); ++i) {
                const DiskExtent &extent = extents.at(i);
                QCOMPARE(extent.offsetBytes, pos);
                QVERIFY(extent.lengthBytes > 0);
                if (i > 0)
                    QVERIFY(extent.zero != extents.at(i - 1).zero);
                if (extent.zero) {
                    const Result<QByteArray> bytes = image->read(extent.offsetBytes, extent.lengthBytes);
                    QVERIFY(bytes.ok());
                    QVERIFY2(bytes->count('\0') == bytes->size(), qPrintable(u"bytes %1+%2 are not zero"_s.arg(extent.offsetBytes).arg(extent.lengthBytes)));
                    zeroBytes += extent.lengthBytes;
                }
                pos += extent.lengthBytes;
            }
            QCOMPARE(pos, window + length);
            window += length;
        }
        QVERIFY(zeroBytes > 0); // 60% of each file is holes: some must be found
    }
};

QTEST_GUILESS_MAIN(DiskExtentScannerTest)
#include "diskextentscannertest.moc"
