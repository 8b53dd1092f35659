// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later

#include "imagetestutil.h"

#include "filelock.h"
#include "image.h"

#include <QElapsedTimer>
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

constexpr quint64 Cluster = ClusterSizeBytes;

struct Fixture {
    QTemporaryDir dir;
    QString addCow;
    QString imagePath;
    QString backingPath;

    explicit Fixture(quint64 virtualSize = 64 * Cluster, const QByteArray &bits = {})
    {
        QRandomGenerator random(7);
        addCow = dir.filePath(u"disk.add-cow"_s);
        imagePath = dir.filePath(u"disk.raw"_s);
        backingPath = dir.filePath(u"base.raw"_s);
        writeFile(imagePath, QByteArray(qsizetype(virtualSize), '\0'));
        writeFile(backingPath, randomBytes(qsizetype(virtualSize), random));
        writeFile(addCow, addCowBytes("disk.raw", "base.raw", virtualSize, bits));
    }

    /** Sets bitmap byte byteIndex on disk behind every Image's back. */
    void pokeBitmapByte(quint64 byteIndex, char value) const
    {
        QFile file(addCow);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.seek(qint64(HeaderPageBytes + byteIndex)));
        QCOMPARE(file.write(&value, 1), qint64(1));
    }
};

Image openImage(const QString &path, Image::Access access = Image::Access::ReadOnly)
{
    Result<Image> opened = Image::open(path, access);
    if (!opened)
        qFatal("%s", qPrintable(opened.error().message()));
    return std::move(opened).value();
}

bool heldForWriting(const QString &path)
{
    const Result<bool> held = FileLock::isHeldForWriting(path);
    return held.ok() && held.value();
}

} // namespace

/** Image::setAccess (an edit session on the image already shown) and Image::reloadBitmap. */
class AccessTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void editingOffAndOnAgain();
    void writeLockOfAnotherHolderRefuses();
    void upgradeRereadsTheBitmapFirst();
    void replacedFileRefusesUpgrade();
    void resizedImageFileRefusesUpgrade();
    void downgradeAfterTheFilesWereRemoved();
    void reloadFindsWhatChanged();
    void reloadOnlyInsideRange();
    void reloadRefusesReadWrite();
    void reloadSkipsHolesOfABigBitmap();
};

void AccessTest::editingOffAndOnAgain()
{
    Fixture fixture;
    Image image = openImage(fixture.addCow);
    QVERIFY(!heldForWriting(fixture.addCow));
    const ClusterBitmap *bitmap = &image.bitmap();

    for (int round = 0; round < 3; ++round) {
        const Result<QList<ClusterRange>> upgraded = image.setAccess(Image::Access::ReadWrite);
        QVERIFY2(upgraded.ok(), qPrintable(upgraded.error().message()));
        QVERIFY(upgraded.value().isEmpty()); // nobody else wrote
        QCOMPARE(image.access(), Image::Access::ReadWrite);
        QVERIFY(heldForWriting(fixture.addCow));
        QVERIFY(heldForWriting(fixture.imagePath));

        const Result<ClusterRange> written = image.write(quint64(round) * Cluster + 10, "edit");
        QVERIFY2(written.ok(), qPrintable(written.error().message()));
        QCOMPARE(written.value(), (ClusterRange{quint64(round), 1}));

        QVERIFY(image.setAccess(Image::Access::ReadOnly).ok());
        QCOMPARE(image.access(), Image::Access::ReadOnly);
        QVERIFY(!heldForWriting(fixture.addCow));
        QVERIFY(!heldForWriting(fixture.imagePath));
        QVERIFY(!image.write(0, "x").ok());
        // Another writer may now take the image: the locks are really gone.
        QVERIFY(Image::open(fixture.addCow, Image::Access::ReadWrite).ok());
    }
    // One bitmap all along, and it matches a fresh open.
    QCOMPARE(&image.bitmap(), bitmap);
    QCOMPARE(image.bitmap(), openImage(fixture.addCow).bitmap());
    QCOMPARE(image.read(Cluster + 10, 4).value(), QByteArray("edit"));
}

void AccessTest::writeLockOfAnotherHolderRefuses()
{
    Fixture fixture;
    Image image = openImage(fixture.addCow);
    {
        Image other = openImage(fixture.addCow, Image::Access::ReadWrite);
        const Result<QList<ClusterRange>> refused = image.setAccess(Image::Access::ReadWrite);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::Busy);
        QCOMPARE(image.access(), Image::Access::ReadOnly);
        QVERIFY(!image.write(0, "x").ok());
    }
    // The refusal left nothing held: once the other writer is gone it works.
    QVERIFY(!heldForWriting(fixture.addCow));
    QVERIFY(image.setAccess(Image::Access::ReadWrite).ok());
}

void AccessTest::upgradeRereadsTheBitmapFirst()
{
    Fixture fixture;
    Image image = openImage(fixture.addCow);
    {
        Image other = openImage(fixture.addCow, Image::Access::ReadWrite);
        QVERIFY(other.write(5 * Cluster, "other").ok());
    }
    QVERIFY(!image.bitmap().test(5)); // stale
    const Result<QList<ClusterRange>> upgraded = image.setAccess(Image::Access::ReadWrite);
    QVERIFY(upgraded.ok());
    QCOMPARE(upgraded.value(), (QList<ClusterRange>{{5, 1}}));
    QVERIFY(image.bitmap().test(5));
    // R18: our next write stores bitmap bytes from memory; the other writer's bit survives it.
    QVERIFY(image.write(6 * Cluster, "ours").ok());
    const Image fresh = openImage(fixture.addCow);
    QVERIFY(fresh.bitmap().test(5));
    QVERIFY(fresh.bitmap().test(6));
    QCOMPARE(fresh.read(5 * Cluster, 5).value(), QByteArray("other"));
}

void AccessTest::replacedFileRefusesUpgrade()
{
    Fixture fixture;
    Image image = openImage(fixture.addCow);
    const QString other = fixture.dir.filePath(u"other.raw"_s);
    QVERIFY(writeFile(other, QByteArray(qsizetype(64 * Cluster), 'z')));
    QVERIFY(::rename(QFile::encodeName(other).constData(), QFile::encodeName(fixture.imagePath).constData()) == 0);
    const Result<QList<ClusterRange>> refused = image.setAccess(Image::Access::ReadWrite);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, ErrorCode::InvalidArgument);
    QCOMPARE(refused.error().path, fixture.imagePath);
    QCOMPARE(image.access(), Image::Access::ReadOnly);
    QVERIFY(!heldForWriting(fixture.addCow)); // the .add-cow file's new descriptor went too
}

void AccessTest::resizedImageFileRefusesUpgrade()
{
    Fixture fixture;
    Image image = openImage(fixture.addCow);
    QVERIFY(QFile::resize(fixture.imagePath, qint64(65 * Cluster)));
    const Result<QList<ClusterRange>> refused = image.setAccess(Image::Access::ReadWrite);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().rule, 11); // R11: the virtual size is the size when opened
    QCOMPARE(image.access(), Image::Access::ReadOnly);
}

void AccessTest::downgradeAfterTheFilesWereRemoved()
{
    Fixture fixture;
    Image image = openImage(fixture.addCow);
    QVERIFY(image.setAccess(Image::Access::ReadWrite).ok());
    const QString keep = fixture.dir.filePath(u"kept.add-cow"_s);
    QVERIFY(::link(QFile::encodeName(fixture.addCow).constData(), QFile::encodeName(keep).constData()) == 0);
    QVERIFY(QFile::remove(fixture.addCow));
    QVERIFY(QFile::remove(fixture.imagePath));
    const Result<QList<ClusterRange>> downgraded = image.setAccess(Image::Access::ReadOnly);
    QVERIFY2(downgraded.ok(), qPrintable(downgraded.error().message()));
    QCOMPARE(image.access(), Image::Access::ReadOnly);
    QVERIFY(!heldForWriting(keep));
    QVERIFY(image.read(0, 16).ok()); // still the same open files
}

void AccessTest::reloadFindsWhatChanged()
{
    Fixture fixture(1000 * Cluster);
    Image image = openImage(fixture.addCow);
    {
        Image other = openImage(fixture.addCow, Image::Access::ReadWrite);
        QVERIFY(other.write(3 * Cluster, QByteArray(qsizetype(2 * Cluster), 'a')).ok());   // 3, 4
        QVERIFY(other.write(40 * Cluster + 1, "b").ok());                                   // 40: 36 clusters after 4
        QVERIFY(other.write(300 * Cluster, "c").ok());                                      // 300
        QVERIFY(other.write(999 * Cluster, "d").ok());                                      // the last cluster
    }
    // diffBitmap says the same, and changes nothing.
    const Result<QList<ClusterRange>> differing = image.diffBitmap({0, image.clusterCount()});
    QVERIFY(differing.ok());
    QCOMPARE(differing.value(), (QList<ClusterRange>{{3, 38}, {300, 1}, {999, 1}}));
    QCOMPARE(image.bitmap().countAllocated(), quint64(0));
    const Result<QList<ClusterRange>> reloaded = image.reloadBitmap({0, image.clusterCount()});
    QVERIFY2(reloaded.ok(), qPrintable(reloaded.error().message()));
    // 3-4 and 40 are less than 64 clusters apart: one run.
    QCOMPARE(reloaded.value(), (QList<ClusterRange>{{3, 38}, {300, 1}, {999, 1}}));
    QCOMPARE(image.bitmap(), openImage(fixture.addCow).bitmap());
    QCOMPARE(image.bitmap().countAllocated(), quint64(5));
    QCOMPARE(image.read(999 * Cluster, 1).value(), QByteArray("d"));
    // Nothing changed since: nothing to report.
    QVERIFY(image.reloadBitmap({0, image.clusterCount()}).value().isEmpty());

    // A bit cleared on disk (the file was rewritten in place) is cleared in memory too.
    fixture.pokeBitmapByte(300 / 8, 0);
    QCOMPARE(image.reloadBitmap({0, image.clusterCount()}).value(), (QList<ClusterRange>{{300, 1}}));
    QVERIFY(!image.bitmap().test(300));
}

void AccessTest::reloadOnlyInsideRange()
{
    Fixture fixture(256 * Cluster);
    Image image = openImage(fixture.addCow);
    fixture.pokeBitmapByte(0, char(0xff));  // clusters 0-7
    fixture.pokeBitmapByte(16, char(0x01)); // cluster 128
    const Result<QList<ClusterRange>> reloaded = image.reloadBitmap({2, 4});
    QVERIFY(reloaded.ok());
    QCOMPARE(reloaded.value(), (QList<ClusterRange>{{2, 4}}));
    for (quint64 c = 0; c < 256; ++c)
        QCOMPARE(image.bitmap().test(c), c >= 2 && c < 6);
    // Past the last cluster: clamped, not an error.
    QCOMPARE(image.reloadBitmap({100, 1000}).value(), (QList<ClusterRange>{{128, 1}}));
}

void AccessTest::reloadRefusesReadWrite()
{
    Fixture fixture;
    Image image = openImage(fixture.addCow, Image::Access::ReadWrite);
    const Result<QList<ClusterRange>> refused = image.reloadBitmap({0, 1});
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, ErrorCode::InvalidArgument);
}

void AccessTest::reloadSkipsHolesOfABigBitmap()
{
    // 8 TiB: a 16 MiB bitmap, sparse on disk but for two written bytes.
    QTemporaryDir dir;
    const quint64 virtualSize = quint64(8) << 40;
    const QString addCow = dir.filePath(u"big.add-cow"_s);
    const QString imagePath = dir.filePath(u"big.raw"_s);
    QFile image(imagePath);
    QVERIFY(image.open(QIODevice::WriteOnly));
    if (!image.resize(qint64(virtualSize)))
        QSKIP("the file system cannot hold an 8 TiB sparse file");
    image.close();
    const QByteArray header = addCowBytes("big.raw", {}, 0);
    QVERIFY(writeFile(addCow, header.left(qsizetype(HeaderPageBytes))));
    QVERIFY(QFile::resize(addCow, qint64(HeaderPageBytes + bitmapRegionBytesFor(clusterCountFor(virtualSize)))));
    Image opened = openImage(addCow);
    QCOMPARE(opened.clusterCount(), quint64(1) << 27);

    QFile file(addCow);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(file.seek(qint64(HeaderPageBytes + 12345678)));
    QVERIFY(file.putChar(char(0x80)));
    file.close();

    QElapsedTimer timer;
    timer.start();
    const Result<QList<ClusterRange>> reloaded = opened.reloadBitmap({0, opened.clusterCount()});
    QVERIFY(reloaded.ok());
    QCOMPARE(reloaded.value(), (QList<ClusterRange>{{12345678 * 8 + 7, 1}}));
    qInfo("reloading the bitmap of an 8 TiB image took %lld ms", qint64(timer.elapsed()));
}

QTEST_GUILESS_MAIN(AccessTest)
#include "accesstest.moc"
