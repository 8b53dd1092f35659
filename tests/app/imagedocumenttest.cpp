// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "filelock.h"
#include "headerrewrite.h"
#include "image.h"
#include "imagedocument.h"
#include "testimages.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

#include <unistd.h>

using namespace AddCow;
using namespace Qt::StringLiterals;

namespace
{

constexpr quint64 Cluster = ClusterSizeBytes;

/** The count a fresh open finds on disk: what `addcow info` reports. */
quint64 allocatedOnDisk(const QString &path)
{
    Result<Image> image = Image::open(path);
    if (!image)
        return ~quint64(0);
    return image->isAllAllocated() ? image->clusterCount() : image->countAllocated().value();
}

bool heldForWriting(const QString &path)
{
    const Result<bool> held = FileLock::isHeldForWriting(path);
    return held.ok() && held.value();
}

bool waitForLoad(ImageDocument &document)
{
    return QTest::qWaitFor([&] { return !document.isLoading(); }, 20000);
}

/** Writes through an Image of its own, as another process (a terminal's `addcow write`) would. */
void writeElsewhere(const QString &path, quint64 offsetBytes, const QByteArray &data)
{
    Result<Image> other = Image::open(path, Image::Access::ReadWrite);
    QVERIFY2(other.ok(), qPrintable(other.error().message()));
    QVERIFY(other->write(offsetBytes, data).ok());
}

} // namespace

/** ImageDocument: the one open image every view observes. */
class ImageDocumentTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void opensAndCounts();
    void headerOnlyKeepsTheHeader();
    void failedOpenKeepsWhatWasShown();
    void newestOpenWins();
    void earlyLoadIsTakenOver();
    void earlyLoadOfAnotherFileIsDropped();
    void closeReleasesEverything();
    void editSessionOffAndOnAgain();
    void writeAnnouncesBytesAndBits();
    void lockHeldElsewhereRefusesEditing();
    void upgradeTakesOverBitsWrittenMeanwhile();
    void reloadClustersAnnouncesOnlyChanges();
    void outsideBitmapWriteIsFollowed();
    void outsideDataWriteIsAnnounced();
    void outsideHeaderRewriteReloads();
    void vanishedAndReplacedFilesAreReported();
    void missingFileComingBackReloads();

private:
    QTemporaryDir m_dir;
    QString m_path;
    TestImages::Options m_options;
};

void ImageDocumentTest::init()
{
    QVERIFY(m_dir.isValid());
    m_options = {};
    m_options.virtualBytes = 256 * Cluster;
    m_options.backingBytes = 128 * Cluster;
    m_options.allocated = {{10, 5}, {100, 1}};
    const QString sub = m_dir.filePath(QString::fromLatin1(QTest::currentTestFunction()));
    QVERIFY(QDir().mkpath(sub));
    m_path = TestImages::make(sub, m_options);
    QVERIFY(!m_path.isEmpty());
}

void ImageDocumentTest::opensAndCounts()
{
    ImageDocument document;
    QSignalSpy replaced(&document, &ImageDocument::imageReplaced);
    QSignalSpy loading(&document, &ImageDocument::loadingChanged);
    document.open(m_path);
    QVERIFY(document.isLoading());
    QCOMPARE(document.loadingPath(), m_path);
    QVERIFY(document.path().isEmpty()); // the previous state until the load is done
    QVERIFY(waitForLoad(document));
    QCOMPARE(replaced.size(), 1);
    QCOMPARE(loading.size(), 2);
    QCOMPARE(document.path(), m_path);
    QVERIFY(document.image());
    QVERIFY(!document.isHeaderOnly());
    QVERIFY(!document.imageError());
    QVERIFY(document.findings().isEmpty());
    QVERIFY(!document.isWritable());
    QCOMPARE(document.allocatedClusters(), quint64(6));
    QCOMPARE(document.headerBytes().size(), qsizetype(HeaderPageBytes));
    QCOMPARE(document.headerParse().header.imageFileName, QByteArray("disk.raw"));
    QCOMPARE(document.fileWatcher()->files(),
             (QStringList{m_path, document.image()->imageFile().resolvedPath, document.image()->backingFile().resolvedPath}));
}

void ImageDocumentTest::headerOnlyKeepsTheHeader()
{
    QVERIFY(QFile::remove(QFileInfo(m_path).dir().filePath(u"disk.raw"_s)));
    ImageDocument document;
    document.open(m_path);
    QVERIFY(waitForLoad(document));
    QCOMPARE(document.path(), m_path);
    QVERIFY(!document.image());
    QVERIFY(document.isHeaderOnly());
    QVERIFY(document.imageError());
    QCOMPARE(document.imageError()->code, ErrorCode::FileMissing);
    QCOMPARE(document.allocatedClusters(), quint64(0));
    QCOMPARE(document.headerParse().header.imageFileName, QByteArray("disk.raw"));
    QSignalSpy failed(&document, &ImageDocument::accessFailed);
    document.setWritable(true);
    QCOMPARE(failed.size(), 1);
    QVERIFY(!document.isWritable());
}

void ImageDocumentTest::failedOpenKeepsWhatWasShown()
{
    ImageDocument document;
    document.open(m_path);
    QVERIFY(waitForLoad(document));
    const std::shared_ptr<Image> shown = document.image();

    const QString junk = m_dir.filePath(u"junk.add-cow"_s);
    QFile file(junk);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(8192, 'x'));
    file.close();
    QSignalSpy failed(&document, &ImageDocument::openFailed);
    QSignalSpy replaced(&document, &ImageDocument::imageReplaced);
    document.open(junk);
    QVERIFY(waitForLoad(document));
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.at(0).at(0).toString(), junk);
    QCOMPARE(failed.at(0).at(1).value<Error>().code, ErrorCode::NotAddCow); // R2
    QCOMPARE(replaced.size(), 0);
    QCOMPARE(document.path(), m_path);
    QCOMPARE(document.image(), shown);
}

void ImageDocumentTest::newestOpenWins()
{
    const QString second = TestImages::make(QFileInfo(m_path).absolutePath(), m_options, u"second"_s);
    ImageDocument document;
    QSignalSpy replaced(&document, &ImageDocument::imageReplaced);
    document.open(m_path);
    document.open(second);
    QVERIFY(waitForLoad(document));
    QTest::qWait(50); // the first load's result, if it comes later, must change nothing
    QCOMPARE(document.path(), second);
    QCOMPARE(document.image()->path(), second);
    QCOMPARE(replaced.size(), 1);
}

void ImageDocumentTest::earlyLoadIsTakenOver()
{
    // Issue 13: main() starts reading the image before the window exists; open() then takes
    // that load over instead of reading again, and a write that came in between is still seen.
    ImageDocument::startOpening(m_path);
    QVERIFY(QThreadPool::globalInstance()->waitForDone(20000)); // the early load is done
    writeElsewhere(m_path, 150 * Cluster + 3, "terminal");
    ImageDocument document;
    document.fileWatcher()->setMinimumIntervalMs(0);
    QSignalSpy clusters(&document, &ImageDocument::clustersChanged);
    document.open(m_path);
    QVERIFY(waitForLoad(document));
    QCOMPARE(document.path(), m_path);
    QCOMPARE(document.allocatedClusters(), quint64(6)); // the bits as the early load read them
    QTRY_COMPARE_WITH_TIMEOUT(clusters.size(), 1, 10000);
    QCOMPARE(clusters.at(0).at(0).value<ClusterRange>(), (ClusterRange{150, 1}));
    QCOMPARE(document.allocatedClusters(), quint64(7));
    QCOMPARE(document.image()->read(150 * Cluster + 3, 8).value(), QByteArray("terminal"));

    // Taken once: the next open reads the file again.
    ImageDocument again;
    again.open(m_path);
    QVERIFY(waitForLoad(again));
    QCOMPARE(again.allocatedClusters(), quint64(7));
}

void ImageDocumentTest::earlyLoadOfAnotherFileIsDropped()
{
    const QString second = TestImages::make(QFileInfo(m_path).absolutePath(), m_options, u"second"_s);
    ImageDocument::startOpening(m_path);
    ImageDocument document;
    QSignalSpy replaced(&document, &ImageDocument::imageReplaced);
    document.open(second);
    QVERIFY(waitForLoad(document));
    QCOMPARE(document.path(), second);
    QCOMPARE(document.image()->path(), second);
    QCOMPARE(replaced.size(), 1);
    ImageDocument::startOpening(QString()); // nothing to read: nothing happens
    ImageDocument other;
    other.open(m_path);
    QVERIFY(waitForLoad(other));
    QCOMPARE(other.path(), m_path);
}

void ImageDocumentTest::closeReleasesEverything()
{
    ImageDocument document;
    document.open(m_path);
    QVERIFY(waitForLoad(document));
    document.setWritable(true);
    QTRY_VERIFY(document.isWritable());
    QVERIFY(heldForWriting(m_path));
    QSignalSpy replaced(&document, &ImageDocument::imageReplaced);
    QSignalSpy access(&document, &ImageDocument::accessChanged);
    const std::weak_ptr<Image> weak = document.image();
    document.close();
    QCOMPARE(replaced.size(), 1);
    QCOMPARE(access.size(), 1);
    QVERIFY(document.path().isEmpty());
    QVERIFY(!document.image());
    QVERIFY(!document.isWritable());
    QVERIFY(weak.expired());
    QVERIFY(!heldForWriting(m_path));
    QVERIFY(document.fileWatcher()->files().isEmpty());
}

void ImageDocumentTest::editSessionOffAndOnAgain()
{
    // Issue 14 item 1: Ctrl+E, type, Ctrl+S, off, on again must work, with one Image throughout.
    ImageDocument document;
    document.open(m_path);
    QVERIFY(waitForLoad(document));
    Image *const image = document.image().get();
    QSignalSpy access(&document, &ImageDocument::accessChanged);
    QSignalSpy failed(&document, &ImageDocument::accessFailed);
    for (int round = 0; round < 3; ++round) {
        document.setWritable(true);
        QVERIFY(document.isChangingAccess());
        QVERIFY(!document.isWritable());
        QTRY_VERIFY(document.isWritable());
        QVERIFY(!document.isChangingAccess());
        QVERIFY(heldForWriting(m_path));
        QVERIFY(document.write(quint64(round) * Cluster, "edit").ok());
        document.setWritable(false);
        QVERIFY(!document.isWritable());
        QVERIFY(!heldForWriting(m_path)); // at once: Commit can run now
        QVERIFY(!heldForWriting(document.image()->imageFile().resolvedPath));
        QVERIFY(!document.write(0, "x").ok());
    }
    QCOMPARE(failed.size(), 0);
    QCOMPARE(access.size(), 3 * 3); // changing, writable, read-only
    QCOMPARE(document.image().get(), image);
    QCOMPARE(document.allocatedClusters(), allocatedOnDisk(m_path));
    QCOMPARE(document.allocatedClusters(), quint64(9));
}

void ImageDocumentTest::writeAnnouncesBytesAndBits()
{
    ImageDocument document;
    document.open(m_path);
    QVERIFY(waitForLoad(document));
    document.setWritable(true);
    QTRY_VERIFY(document.isWritable());
    QSignalSpy clusters(&document, &ImageDocument::clustersChanged);
    QSignalSpy data(&document, &ImageDocument::dataChanged);

    // Into an allocated cluster: bytes change, bits do not.
    QVERIFY(document.write(11 * Cluster + 5, "abc").ok());
    QCOMPARE(clusters.size(), 0);
    QCOMPARE(data.size(), 1);
    QCOMPARE(data.at(0).at(0).toULongLong(), 11 * Cluster + 5);
    QCOMPARE(data.at(0).at(1).toULongLong(), quint64(3));
    QCOMPARE(document.allocatedClusters(), quint64(6));

    // Across clusters 14 (allocated) to 16 (clean): 15 and 16 get their bits (R18).
    QVERIFY(document.write(15 * Cluster - 1, QByteArray(qsizetype(Cluster + 2), 'z')).ok());
    QCOMPARE(clusters.size(), 1);
    QCOMPARE(clusters.at(0).at(0).value<ClusterRange>(), (ClusterRange{15, 2}));
    QCOMPARE(document.allocatedClusters(), quint64(8));
    QCOMPARE(document.allocatedClusters(), allocatedOnDisk(m_path));

    // R15: past the end nothing is written and nothing announced.
    data.clear();
    QVERIFY(!document.write(256 * Cluster - 1, "xy").ok());
    QCOMPARE(data.size(), 0);
    QCOMPARE(document.allocatedClusters(), quint64(8));
}

void ImageDocumentTest::lockHeldElsewhereRefusesEditing()
{
    ImageDocument document;
    document.open(m_path);
    QVERIFY(waitForLoad(document));
    QSignalSpy failed(&document, &ImageDocument::accessFailed);
    {
        Result<Image> other = Image::open(m_path, Image::Access::ReadWrite);
        QVERIFY(other.ok());
        document.setWritable(true);
        QTRY_COMPARE(failed.size(), 1);
        QCOMPARE(failed.at(0).at(0).value<Error>().code, ErrorCode::Busy);
        QVERIFY(!document.isWritable());
        QVERIFY(!document.isChangingAccess());
    }
    // The failed try left no lock behind, and a new try works.
    QVERIFY(!heldForWriting(m_path));
    document.setWritable(true);
    QTRY_VERIFY(document.isWritable());
}

void ImageDocumentTest::upgradeTakesOverBitsWrittenMeanwhile()
{
    ImageDocument document;
    document.open(m_path);
    QVERIFY(waitForLoad(document));
    document.fileWatcher()->clear(); // only the upgrade may notice
    writeElsewhere(m_path, 200 * Cluster, "x");
    QSignalSpy clusters(&document, &ImageDocument::clustersChanged);
    document.setWritable(true);
    QTRY_VERIFY(document.isWritable());
    QCOMPARE(clusters.size(), 1);
    QCOMPARE(clusters.at(0).at(0).value<ClusterRange>(), (ClusterRange{200, 1}));
    QCOMPARE(document.allocatedClusters(), quint64(7));
    QVERIFY(document.write(201 * Cluster, "y").ok());
    QCOMPARE(allocatedOnDisk(m_path), quint64(8)); // cluster 200 survived our bitmap write
}

void ImageDocumentTest::reloadClustersAnnouncesOnlyChanges()
{
    ImageDocument document;
    document.open(m_path);
    QVERIFY(waitForLoad(document));
    document.fileWatcher()->clear();
    writeElsewhere(m_path, 50 * Cluster, QByteArray(qsizetype(3 * Cluster), 'c')); // a job's batch: 50-52
    QSignalSpy clusters(&document, &ImageDocument::clustersChanged);
    QSignalSpy data(&document, &ImageDocument::dataChanged);
    QVERIFY(document.reloadClusters({0, 256}).ok());
    QCOMPARE(clusters.size(), 1);
    QCOMPARE(clusters.at(0).at(0).value<ClusterRange>(), (ClusterRange{50, 3}));
    QCOMPARE(data.size(), 1);
    QCOMPARE(data.at(0).at(0).toULongLong(), 50 * Cluster);
    QCOMPARE(data.at(0).at(1).toULongLong(), 3 * Cluster);
    QCOMPARE(document.allocatedClusters(), quint64(9));
    QCOMPARE(document.allocatedClusters(), allocatedOnDisk(m_path));
    QVERIFY(document.reloadClusters({0, 256}).ok());
    QCOMPARE(clusters.size(), 1);
}

void ImageDocumentTest::outsideBitmapWriteIsFollowed()
{
    // A terminal's `addcow write` while the image is open: noticed, only the changed range re-read.
    ImageDocument document;
    document.fileWatcher()->setMinimumIntervalMs(0);
    document.open(m_path);
    QVERIFY(waitForLoad(document));
    QSignalSpy clusters(&document, &ImageDocument::clustersChanged);
    QSignalSpy replaced(&document, &ImageDocument::imageReplaced);
    writeElsewhere(m_path, 150 * Cluster + 3, "terminal");
    QTRY_COMPARE_WITH_TIMEOUT(clusters.size(), 1, 10000);
    QCOMPARE(clusters.at(0).at(0).value<ClusterRange>(), (ClusterRange{150, 1}));
    QCOMPARE(document.allocatedClusters(), quint64(7));
    QCOMPARE(document.image()->read(150 * Cluster + 3, 8).value(), QByteArray("terminal"));
    QCOMPARE(replaced.size(), 0);
    QCOMPARE(document.outsideChange(), ImageDocument::OutsideChange::None);
}

void ImageDocumentTest::outsideDataWriteIsAnnounced()
{
    ImageDocument document;
    document.fileWatcher()->setMinimumIntervalMs(0);
    document.open(m_path);
    QVERIFY(waitForLoad(document));
    QSignalSpy data(&document, &ImageDocument::dataChanged);
    QSignalSpy clusters(&document, &ImageDocument::clustersChanged);
    writeElsewhere(m_path, 10 * Cluster, "rewritten"); // an allocated cluster: no bit changes
    QTRY_VERIFY_WITH_TIMEOUT(!data.isEmpty(), 10000);
    QCOMPARE(clusters.size(), 0);
    QCOMPARE(document.image()->read(10 * Cluster, 9).value(), QByteArray("rewritten"));
}

void ImageDocumentTest::outsideHeaderRewriteReloads()
{
    ImageDocument document;
    document.fileWatcher()->setMinimumIntervalMs(0);
    document.open(m_path);
    QVERIFY(waitForLoad(document));
    QSignalSpy replaced(&document, &ImageDocument::imageReplaced);
    QSignalSpy header(&document, &ImageDocument::headerChanged);
    // `addcow rebase -u` in a terminal: an atomic rewrite (a new inode under the same name) ...
    const QString dir = QFileInfo(m_path).absolutePath();
    QVERIFY(QFile::copy(dir + u"/disk-base.raw"_s, dir + u"/copy-base.raw"_s));
    NameChange change;
    change.backingFileName = QByteArray("copy-base.raw");
    QVERIFY(rewriteNames(m_path, change).ok());
    QTRY_COMPARE_WITH_TIMEOUT(document.outsideChange(), ImageDocument::OutsideChange::Replaced, 10000);
    QCOMPARE(document.outsideChangePath(), m_path);
    QCOMPARE(replaced.size(), 0); // the user decides
    document.reload();
    QVERIFY(waitForLoad(document));
    QCOMPARE(replaced.size(), 1);
    QCOMPARE(header.size(), 1);
    QCOMPARE(document.outsideChange(), ImageDocument::OutsideChange::None);
    QCOMPARE(document.headerParse().header.backingFileName, QByteArray("copy-base.raw"));

    // ... and a header changed in place (what a commit's ALL_ALLOCATED does) reloads by itself.
    QFile file(m_path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(file.seek(36)); // R8: optional features, a warning
    QVERIFY(file.putChar(char(1)));
    file.close();
    QTRY_COMPARE_WITH_TIMEOUT(replaced.size(), 2, 10000);
    QVERIFY(waitForLoad(document));
    QCOMPARE(header.size(), 2);
    QCOMPARE(document.headerParse().header.optionalFeatures, quint64(1));
}

void ImageDocumentTest::vanishedAndReplacedFilesAreReported()
{
    ImageDocument document;
    document.fileWatcher()->setMinimumIntervalMs(0);
    document.open(m_path);
    QVERIFY(waitForLoad(document));
    QSignalSpy outside(&document, &ImageDocument::outsideChangeDetected);
    const QString imagePath = document.image()->imageFile().resolvedPath;
    const QString kept = imagePath + u".kept"_s;
    QVERIFY(QFile::rename(imagePath, kept));
    QTRY_COMPARE_WITH_TIMEOUT(document.outsideChange(), ImageDocument::OutsideChange::Vanished, 10000);
    QCOMPARE(document.outsideChangePath(), imagePath);
    QVERIFY(document.image()->read(10 * Cluster, 1).ok()); // the open files are still read

    QVERIFY(QFile::copy(kept, imagePath));
    QTRY_COMPARE_WITH_TIMEOUT(document.outsideChange(), ImageDocument::OutsideChange::Replaced, 10000);
    document.reload();
    QVERIFY(waitForLoad(document));
    QCOMPARE(document.outsideChange(), ImageDocument::OutsideChange::None);
    QVERIFY(outside.size() >= 3);
}

void ImageDocumentTest::missingFileComingBackReloads()
{
    const QString backing = QFileInfo(m_path).dir().filePath(u"disk-base.raw"_s);
    QVERIFY(QFile::rename(backing, backing + u".away"_s));
    ImageDocument document;
    document.fileWatcher()->setMinimumIntervalMs(0);
    document.open(m_path);
    QVERIFY(waitForLoad(document));
    QVERIFY(!document.isHeaderOnly()); // the bitmap and the image file are read without it
    QVERIFY(document.backingError());
    QCOMPARE(document.backingError()->code, ErrorCode::FileMissing);
    QVERIFY(QFile::rename(backing + u".away"_s, backing));
    QTRY_VERIFY_WITH_TIMEOUT(document.image() && !document.backingError(), 10000);
    QVERIFY(!document.isHeaderOnly());
}

QTEST_GUILESS_MAIN(ImageDocumentTest)
#include "imagedocumenttest.moc"
