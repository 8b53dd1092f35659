// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "header.h"
#include "hexdatasource.h"
#include "hexpanel.h"
#include "hextestsources.h"
#include "hexview.h"
#include "image.h"

#include <QFile>
#include <QLineEdit>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace AddCow;

namespace
{
constexpr quint64 Cluster = ClusterSizeBytes;

QByteArray randomBytes(qsizetype size, quint32 seed)
{
    QRandomGenerator random(seed);
    QByteArray bytes(size, Qt::Uninitialized);
    for (auto &byte : bytes)
        byte = char(random.bounded(256));
    return bytes;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}
} // namespace

/**
 * A real image, built byte by byte: a backing file of 3 1/8 clusters, a raw image file of
 * 5 clusters + 100 bytes (R15: partial last cluster), bits set for clusters 1 and 3 (R13).
 * Cluster 2 of the raw file holds stale bytes that the virtual disk must not show; cluster 4
 * is past the backing file's end, so it reads as zeros.
 */
class HexPanelTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void parseOffset_data();
    void parseOffset();
    void parseHexPattern_data();
    void parseHexPattern();
    void showsTheThreeFiles();
    void marksWhereTheVirtualDiskReads_data();
    void marksWhereTheVirtualDiskReads();
    void scrollsTogetherUnlessUnlinked();
    void goToAndClusterRange();
    void nextAndPreviousDifference();
    void searchVirtualDisk();
    void cancelSearch();
    void editUndoRedoSave();
    void saveWithoutWritableImageFails();

private:
    std::shared_ptr<Image> openImage(Image::Access access);
    QTemporaryDir *m_dir = nullptr;
    QString m_addCowPath;
    QString m_backingPath;
    QString m_rawPath;
    QByteArray m_backing;
    QByteArray m_raw;
    quint64 m_virtualSize = 0;
    std::unique_ptr<HexPanel> m_panel;
};

void HexPanelTest::init()
{
    m_dir = new QTemporaryDir;
    QVERIFY(m_dir->isValid());
    m_backingPath = m_dir->filePath(QStringLiteral("backing.img"));
    m_rawPath = m_dir->filePath(QStringLiteral("raw.img"));
    m_addCowPath = m_dir->filePath(QStringLiteral("disk.add-cow"));
    m_virtualSize = 5 * Cluster + 100;
    m_backing = randomBytes(qsizetype(3 * Cluster + 8192), 7);
    m_backing.replace(1000, 13, "HELLO-BACKING");
    m_raw = randomBytes(qsizetype(m_virtualSize), 8);
    m_raw.replace(qsizetype(2 * Cluster + 300), 12, "STALE-NEEDLE"); // bit 0: not on the virtual disk
    m_raw.replace(200000, 5, "\xca\xfe\xba\xbe\x01"); // cluster 3, bit 1
    m_raw.replace(qsizetype(4 * Cluster), qsizetype(Cluster + 100), QByteArray(qsizetype(Cluster + 100), '\0'));
    QVERIFY(writeFile(m_backingPath, m_backing));
    QVERIFY(writeFile(m_rawPath, m_raw));

    const Header header = Header::make("raw.img", "raw", "backing.img", "raw", 0); // R16: relative names
    const quint64 clusters = clusterCountFor(m_virtualSize);
    QByteArray bitmap(qsizetype(bitmapRegionBytesFor(clusters)), '\0'); // R11
    bitmap[0] = char((1 << 1) | (1 << 3)); // R13: clusters 1 and 3 in the image file
    QVERIFY(writeFile(m_addCowPath, header.serialize() + bitmap));

    m_panel = std::make_unique<HexPanel>();
    m_panel->resize(1800, 600);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
}

void HexPanelTest::cleanup()
{
    m_panel.reset();
    delete m_dir;
    m_dir = nullptr;
}

std::shared_ptr<Image> HexPanelTest::openImage(Image::Access access)
{
    Result<Image> image = Image::open(m_addCowPath, access);
    if (!image) {
        qWarning() << image.error().message();
        return nullptr;
    }
    return std::make_shared<Image>(std::move(image).value());
}

void HexPanelTest::parseOffset_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<std::optional<quint64>>("offset");
    QTest::newRow("hex") << QStringLiteral("0x1f00") << std::optional<quint64>(0x1f00);
    QTest::newRow("hex upper") << QStringLiteral("0XFF") << std::optional<quint64>(255);
    QTest::newRow("hex ending in b") << QStringLiteral("0x1b") << std::optional<quint64>(0x1b);
    QTest::newRow("decimal") << QStringLiteral("4096") << std::optional<quint64>(4096);
    QTest::newRow("spaces") << QStringLiteral("  12 ") << std::optional<quint64>(12);
    QTest::newRow("K") << QStringLiteral("4K") << std::optional<quint64>(4096);
    QTest::newRow("k") << QStringLiteral("4k") << std::optional<quint64>(4096);
    QTest::newRow("KiB") << QStringLiteral("4KiB") << std::optional<quint64>(4096);
    QTest::newRow("M") << QStringLiteral("3M") << std::optional<quint64>(3 << 20);
    QTest::newRow("G") << QStringLiteral("5G") << std::optional<quint64>(quint64(5) << 30);
    QTest::newRow("T") << QStringLiteral("8T") << std::optional<quint64>(quint64(8) << 40);
    QTest::newRow("hex with suffix") << QStringLiteral("0x10K") << std::optional<quint64>(16384);
    QTest::newRow("64-bit") << QStringLiteral("0xffffffffffffffff") << std::optional<quint64>(~quint64(0));
    QTest::newRow("empty") << QString() << std::optional<quint64>();
    QTest::newRow("bare 0x") << QStringLiteral("0x") << std::optional<quint64>();
    QTest::newRow("words") << QStringLiteral("abc") << std::optional<quint64>();
    QTest::newRow("unknown suffix") << QStringLiteral("1Q") << std::optional<quint64>();
    QTest::newRow("negative") << QStringLiteral("-5") << std::optional<quint64>();
    QTest::newRow("too big") << QStringLiteral("99999999999999999999") << std::optional<quint64>();
    QTest::newRow("too big with suffix") << QStringLiteral("16777216T") << std::optional<quint64>();
}

void HexPanelTest::parseOffset()
{
    QFETCH(QString, text);
    QFETCH(std::optional<quint64>, offset);
    QCOMPARE(HexPanel::parseOffset(text), offset);
}

void HexPanelTest::parseHexPattern_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<std::optional<QByteArray>>("bytes");
    QTest::newRow("spaced") << QStringLiteral("de ad be ef") << std::optional<QByteArray>(QByteArray::fromHex("deadbeef"));
    QTest::newRow("packed") << QStringLiteral("DEADbeef") << std::optional<QByteArray>(QByteArray::fromHex("deadbeef"));
    QTest::newRow("zero") << QStringLiteral("00") << std::optional<QByteArray>(QByteArray(1, '\0'));
    QTest::newRow("odd digits") << QStringLiteral("abc") << std::optional<QByteArray>();
    QTest::newRow("not hex") << QStringLiteral("zz") << std::optional<QByteArray>();
    QTest::newRow("empty") << QStringLiteral("  ") << std::optional<QByteArray>();
}

void HexPanelTest::parseHexPattern()
{
    QFETCH(QString, text);
    QFETCH(std::optional<QByteArray>, bytes);
    QCOMPARE(HexPanel::parseHexPattern(text), bytes);
}

void HexPanelTest::showsTheThreeFiles()
{
    std::shared_ptr<Image> image = openImage(Image::Access::ReadOnly);
    QVERIFY(image);
    m_panel->setImage(image);
    QCOMPARE(m_panel->backingView()->dataSource()->sizeBytes(), quint64(m_backing.size()));
    QCOMPARE(m_panel->imageView()->dataSource()->sizeBytes(), quint64(m_raw.size()));
    QCOMPARE(m_panel->virtualDiskView()->dataSource()->sizeBytes(), m_virtualSize);
    // All three line up to the longest; the backing file's bytes past its end are absent.
    for (HexView *view : {m_panel->backingView(), m_panel->imageView(), m_panel->virtualDiskView()})
        QCOMPARE(view->totalSizeBytes(), m_virtualSize);
    const quint64 past = quint64(m_backing.size()) + 10;
    QCOMPARE(m_panel->backingView()->byteAt(past), std::nullopt);
    QCOMPARE(m_panel->imageView()->byteAt(past), std::optional<char>(m_raw.at(qsizetype(past))));
    QCOMPARE(m_panel->backingView()->byteAt(1000), std::optional<char>('H'));
    // R13: the virtual disk takes cluster 0 from the backing file, 1 from the raw file, 2 from the
    // backing file again (not the stale raw bytes), 4 is past the backing file's end: zeros.
    HexView *disk = m_panel->virtualDiskView();
    QCOMPARE(disk->byteAt(10), std::optional<char>(m_backing.at(10)));
    QCOMPARE(disk->byteAt(Cluster + 10), std::optional<char>(m_raw.at(qsizetype(Cluster + 10))));
    QCOMPARE(disk->byteAt(2 * Cluster + 300), std::optional<char>(m_backing.at(qsizetype(2 * Cluster + 300))));
    QCOMPARE(disk->byteAt(4 * Cluster + 5), std::optional<char>('\0'));
    QCOMPARE(disk->byteAt(m_virtualSize - 1), std::optional<char>('\0'));
    QCOMPARE(disk->byteAt(m_virtualSize), std::nullopt); // R15

    m_panel->clear();
    QVERIFY(!m_panel->virtualDiskView()->dataSource());
}

void HexPanelTest::marksWhereTheVirtualDiskReads_data()
{
    QTest::addColumn<int>("viewIndex");
    QTest::addColumn<QList<MapRun>>("runs");
    QTest::newRow("R13 backing file: clusters 0 and 2") << 0
                                                        << QList<MapRun>{{0, Cluster, DataSource::Backing}, {2 * Cluster, Cluster, DataSource::Backing}};
    QTest::newRow("R13 raw image file: clusters 1 and 3") << 1
                                                          << QList<MapRun>{{Cluster, Cluster, DataSource::Image}, {3 * Cluster, Cluster, DataSource::Image}};
    QTest::newRow("R13 virtual disk: every run")
        << 2
        << QList<MapRun>{{0, Cluster, DataSource::Backing},
                         {Cluster, Cluster, DataSource::Image},
                         {2 * Cluster, Cluster, DataSource::Backing},
                         {3 * Cluster, Cluster, DataSource::Image},
                         {4 * Cluster, Cluster + 100, DataSource::Zero}};
}

void HexPanelTest::marksWhereTheVirtualDiskReads()
{
    QFETCH(int, viewIndex);
    QFETCH(QList<MapRun>, runs);
    std::shared_ptr<Image> image = openImage(Image::Access::ReadOnly);
    QVERIFY(image);
    m_panel->setImage(image);
    HexView *view = QList<HexView *>{m_panel->backingView(), m_panel->imageView(), m_panel->virtualDiskView()}.at(viewIndex);
    QCOMPARE(view->dataSource()->sourceRuns(0, m_virtualSize + 1000), runs);
    // Only the asked range is mapped.
    const QList<MapRun> part = view->dataSource()->sourceRuns(Cluster - 16, 32);
    for (const MapRun &run : part)
        QVERIFY(run.offsetBytes >= Cluster - 16 && run.offsetBytes + run.lengthBytes <= Cluster + 16);
    // The marking shows: the view paints differently without it.
    view->goToOffset(Cluster - 64);
    const QImage marked = view->grab().toImage();
    view->setSourceMarkingEnabled(false);
    QVERIFY(view->grab().toImage() != marked);
}

void HexPanelTest::scrollsTogetherUnlessUnlinked()
{
    std::shared_ptr<Image> image = openImage(Image::Access::ReadOnly);
    QVERIFY(image);
    m_panel->setImage(image);
    QVERIFY(m_panel->isLinked());
    m_panel->imageView()->verticalScrollBar()->setValue(100);
    QCOMPARE(m_panel->imageView()->topOffset(), quint64(1600));
    QCOMPARE(m_panel->backingView()->topOffset(), quint64(1600));
    QCOMPARE(m_panel->virtualDiskView()->topOffset(), quint64(1600));
    m_panel->setLinked(false);
    m_panel->backingView()->verticalScrollBar()->setValue(200);
    QCOMPARE(m_panel->backingView()->topOffset(), quint64(3200));
    QCOMPARE(m_panel->imageView()->topOffset(), quint64(1600));
    m_panel->setLinked(true);
    m_panel->virtualDiskView()->setTopOffset(4800);
    QCOMPARE(m_panel->backingView()->topOffset(), quint64(4800));
    QCOMPARE(m_panel->imageView()->topOffset(), quint64(4800));
}

void HexPanelTest::goToAndClusterRange()
{
    std::shared_ptr<Image> image = openImage(Image::Access::ReadOnly);
    QVERIFY(image);
    m_panel->setImage(image);
    QSignalSpy offsetSpy(m_panel.get(), &HexPanel::offsetChanged);
    m_panel->goToOffset(0x2345);
    for (HexView *view : {m_panel->backingView(), m_panel->imageView(), m_panel->virtualDiskView()}) {
        QCOMPARE(view->cursorOffset(), quint64(0x2345));
        QCOMPARE(view->topOffset(), quint64(0x2340));
    }
    QVERIFY(!offsetSpy.isEmpty());
    QCOMPARE(offsetSpy.last().at(0).toULongLong(), quint64(0x2345));

    // The Go to field takes hex, decimal and suffixes.
    auto *goTo = m_panel->findChild<QLineEdit *>();
    QVERIFY(goTo);
    goTo->setText(QStringLiteral("128K"));
    QTest::keyClick(goTo, Qt::Key_Return);
    QCOMPARE(m_panel->virtualDiskView()->cursorOffset(), quint64(128 * 1024));

    m_panel->showClusterRange(ClusterRange{4, 2}); // R15: the last cluster is partial
    for (HexView *view : {m_panel->backingView(), m_panel->imageView(), m_panel->virtualDiskView()}) {
        QCOMPARE(view->highlightedOffset(), 4 * Cluster);
        QCOMPARE(view->highlightedLength(), m_virtualSize - 4 * Cluster);
        QCOMPARE(view->cursorOffset(), 4 * Cluster);
        QCOMPARE(view->topOffset(), 4 * Cluster);
    }
    m_panel->showClusterRange(ClusterRange{1, 1});
    QCOMPARE(m_panel->imageView()->highlightedLength(), Cluster);
    QCOMPARE(m_panel->imageView()->topOffset(), Cluster);
}

void HexPanelTest::nextAndPreviousDifference()
{
    std::shared_ptr<Image> image = openImage(Image::Access::ReadOnly);
    QVERIFY(image);
    m_panel->setImage(image);
    // The model: run starts where backing and raw differ, and the raw file's tail past the backing file.
    const quint64 minSize = std::min<quint64>(m_backing.size(), m_raw.size());
    const auto differs = [&](quint64 p) {
        return p >= minSize || m_backing.at(qsizetype(p)) != m_raw.at(qsizetype(p));
    };
    QList<quint64> starts;
    for (quint64 p = 0; p < quint64(m_raw.size()) && starts.size() < 3; ++p) {
        if (differs(p) && (p == 0 || !differs(p - 1)))
            starts.append(p);
    }
    QCOMPARE(starts.size(), 3);

    QSignalSpy finished(m_panel.get(), &HexPanel::searchFinished);
    for (const quint64 start : starts) {
        m_panel->findNextDifference();
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.last().at(0).toBool(), true);
        QCOMPARE(m_panel->imageView()->selectionStart(), start);
        QCOMPARE(m_panel->backingView()->selectionStart(), start);
    }
    m_panel->findPreviousDifference();
    QVERIFY(finished.wait(10000));
    QCOMPARE(m_panel->imageView()->selectionStart(), starts.at(1));

    // Near the backing file's end: the next run starts at or after the cursor; the raw file's tail
    // (absent in the backing file) counts as different.
    for (const quint64 from : {minSize - 1, minSize}) {
        std::optional<quint64> expected;
        for (quint64 p = from; p < quint64(m_raw.size()) && !expected; ++p) {
            if (differs(p) && (p == 0 || !differs(p - 1)))
                expected = p;
        }
        m_panel->goToOffset(from);
        m_panel->findNextDifference();
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.last().at(0).toBool(), expected.has_value());
        if (expected)
            QCOMPARE(m_panel->imageView()->selectionStart(), *expected);
    }
}

void HexPanelTest::searchVirtualDisk()
{
    std::shared_ptr<Image> image = openImage(Image::Access::ReadOnly);
    QVERIFY(image);
    m_panel->setImage(image);
    QSignalSpy finished(m_panel.get(), &HexPanel::searchFinished);

    m_panel->findInVirtualDisk("HELLO-BACKING"); // text in cluster 0, from the backing file
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.last().at(0).toBool(), true);
    QCOMPARE(m_panel->virtualDiskView()->selectionStart(), quint64(1000));
    QCOMPARE(m_panel->virtualDiskView()->selectionLength(), quint64(13));

    m_panel->virtualDiskView()->goToOffset(0);
    m_panel->findInVirtualDisk("STALE-NEEDLE"); // R13: raw bytes under a 0 bit are not on the disk
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.last().at(0).toBool(), false);

    // Through the UI: hex bytes in cluster 3 (bit 1).
    m_panel->virtualDiskView()->goToOffset(0);
    const QList<QLineEdit *> edits = m_panel->findChildren<QLineEdit *>();
    QLineEdit *searchEdit = nullptr;
    for (QLineEdit *edit : edits) {
        if (edit->accessibleName() == HexPanel::tr("Search pattern"))
            searchEdit = edit;
    }
    QVERIFY(searchEdit);
    searchEdit->setText(QStringLiteral("ca fe ba be 01"));
    QTest::keyClick(searchEdit, Qt::Key_Return);
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.last().at(0).toBool(), true);
    QCOMPARE(m_panel->virtualDiskView()->selectionStart(), quint64(200000));
    QCOMPARE(m_panel->virtualDiskView()->selectionLength(), quint64(5));
}

void HexPanelTest::cancelSearch()
{
    std::shared_ptr<Image> image = openImage(Image::Access::ReadOnly);
    QVERIFY(image);
    m_panel->setImage(image);
    QSignalSpy finished(m_panel.get(), &HexPanel::searchFinished);
    m_panel->findInVirtualDisk("HELLO-BACKING");
    m_panel->cancelSearch(); // may already be done on a tiny disk: either way it ends, once
    QVERIFY(!m_panel->isSearchRunning());
    QTRY_COMPARE(finished.count(), 1);
}

void HexPanelTest::editUndoRedoSave()
{
    std::shared_ptr<Image> image = openImage(Image::Access::ReadOnly);
    QVERIFY(image);
    m_panel->setImage(image);
    image.reset();
    std::shared_ptr<Image> writable = openImage(Image::Access::ReadWrite);
    QVERIFY(writable);
    m_panel->setWritableImage(writable);
    m_panel->setWritable(true);
    HexView *disk = m_panel->virtualDiskView();
    QVERIFY(disk->isEditable());
    QVERIFY(!m_panel->backingView()->isEditable());

    // Two bytes in cluster 2 (bit 0: read from the backing file), one at the very end (cluster 5).
    const quint64 offset = 2 * Cluster + 10;
    disk->setFocus();
    disk->goToOffset(offset);
    QTest::keyClicks(disk, QStringLiteral("abcd"));
    disk->goToOffset(m_virtualSize - 1);
    QTest::keyClicks(disk, QStringLiteral("77"));
    QVERIFY(m_panel->hasPendingEdits());
    QCOMPARE(m_panel->undoStack()->count(), 3);
    m_panel->undoStack()->undo();
    QCOMPARE(disk->pendingEdits().size(), size_t(2));
    m_panel->undoStack()->undo();
    QCOMPARE(disk->pendingEdits().size(), size_t(1));
    m_panel->undoStack()->redo();
    m_panel->undoStack()->redo();
    QCOMPARE(disk->pendingEdits().size(), size_t(3));
    QCOMPARE(disk->byteAt(offset), std::optional<char>(char(0xab)));
    // Nothing is on disk yet.
    QCOMPARE(readFile(m_rawPath), m_raw);

    QSignalSpy written(m_panel.get(), &HexPanel::clustersWritten);
    const Result<void> saved = m_panel->savePendingEdits();
    QVERIFY2(saved, qPrintable(saved.error().message()));
    QVERIFY(!m_panel->hasPendingEdits());
    QCOMPARE(m_panel->undoStack()->count(), 0);
    QList<ClusterRange> ranges;
    for (const QList<QVariant> &arguments : written)
        ranges.append(arguments.at(0).value<ClusterRange>());
    QCOMPARE(ranges, (QList<ClusterRange>{{2, 1}, {5, 1}}));
    // The view shows the written disk, from the image written through.
    QCOMPARE(disk->byteAt(offset + 1), std::optional<char>(char(0xcd)));
    QCOMPARE(disk->cursorOffset(), m_virtualSize - 1);

    // Editing ends: the writable image is released and the views read a fresh read-only image,
    // so nothing holds the write lock any more.
    m_panel->setWritable(false);
    QVERIFY(!disk->isEditable());
    m_panel->setWritableImage(nullptr);
    const auto *writableSource = disk->dataSource().get();
    writable.reset();
    QTRY_VERIFY(disk->dataSource().get() != writableSource);
    QCOMPARE(disk->byteAt(offset), std::optional<char>(char(0xab)));
    QCOMPARE(disk->cursorOffset(), m_virtualSize - 1);
    QVERIFY(openImage(Image::Access::ReadWrite));

    // An independent reader sees the new bytes; R18: the rest of cluster 2 was copied from the
    // backing file, cluster 5 (past the backing file's end) is zeros, and the bits are set.
    std::shared_ptr<Image> reread = openImage(Image::Access::ReadOnly);
    QVERIFY(reread);
    QVERIFY(reread->bitmap().test(2));
    QVERIFY(reread->bitmap().test(5));
    QVERIFY(!reread->bitmap().test(0));
    QVERIFY(!reread->bitmap().test(4));
    const Result<QByteArray> cluster2 = reread->read(2 * Cluster, Cluster);
    QVERIFY(cluster2);
    QByteArray expected = m_backing.mid(qsizetype(2 * Cluster), qsizetype(Cluster));
    expected[10] = char(0xab);
    expected[11] = char(0xcd);
    QCOMPARE(cluster2.value(), expected);
    const Result<QByteArray> tail = reread->read(5 * Cluster, 100);
    QVERIFY(tail);
    QByteArray expectedTail(100, '\0');
    expectedTail[99] = char(0x77);
    QCOMPARE(tail.value(), expectedTail);
    QCOMPARE(readFile(m_rawPath).mid(qsizetype(2 * Cluster), qsizetype(Cluster)), expected);
    // The backing file is never written.
    QCOMPARE(readFile(m_backingPath), m_backing);
}

void HexPanelTest::saveWithoutWritableImageFails()
{
    std::shared_ptr<Image> image = openImage(Image::Access::ReadOnly);
    QVERIFY(image);
    m_panel->setImage(image);
    m_panel->setWritable(true);
    m_panel->virtualDiskView()->setFocus();
    QTest::keyClicks(m_panel->virtualDiskView(), QStringLiteral("00"));
    QVERIFY(m_panel->hasPendingEdits());
    const Result<void> saved = m_panel->savePendingEdits();
    QVERIFY(!saved);
    QVERIFY(m_panel->hasPendingEdits()); // nothing lost
    m_panel->setWritableImage(image); // read-only: still refused
    QVERIFY(!m_panel->savePendingEdits());
    QVERIFY(m_panel->hasPendingEdits());
    QCOMPARE(readFile(m_rawPath), m_raw);
    m_panel->setWritable(false); // the user discards them
    QVERIFY(!m_panel->hasPendingEdits());
    QCOMPARE(m_panel->undoStack()->count(), 0);
}

QTEST_MAIN(HexPanelTest)
#include "hexpaneltest.moc"
