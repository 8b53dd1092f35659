// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "changescan.h"
#include "header.h"
#include "hexbookmarksmodel.h"
#include "hexchangemarker.h"
#include "hexchangesmodel.h"
#include "hexchangesview.h"
#include "rowlistview.h"
#include "hexdatasource.h"
#include "hexinspectormodel.h"
#include "hexinspectorview.h"
#include "hexpanel.h"
#include "hexsearchresultsmodel.h"
#include "hexsearchresultsview.h"
#include "hextestimage.h"
#include "hextestsources.h"
#include "hexview.h"
#include "image.h"
#include "imagedocument.h"

#include <QAction>
#include <QFile>
#include <QLineEdit>
#include <QMenu>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QUndoStack>

using namespace AddCow;

using HexTest::Cluster;
using HexTest::readFile;

/** The panel on a real image built byte by byte (HexTest::ImageFixture). */
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
    void changesListAndNavigation();
    void redMarksFollowTheChanges();
    void changesFollowSavedEdits();
    void searchOptions_data();
    void searchOptions();
    void findAllListsEveryHit();
    void cancelSearch();
    void bytesPerRowSetting();
    void contextMenuActions();
    void inspectorFollowsTheCursor();
    void followsTheDocument();
    void editUndoRedoSave();
    void saveWithoutWritableImageFails();

private:
    std::shared_ptr<Image> openImage(Image::Access access);
    std::unique_ptr<HexTest::ImageFixture> m_fixture;
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
    m_fixture = std::make_unique<HexTest::ImageFixture>();
    QVERIFY(m_fixture->make());
    m_backingPath = m_fixture->backingPath;
    m_rawPath = m_fixture->rawPath;
    m_addCowPath = m_fixture->addCowPath;
    m_backing = m_fixture->backing;
    m_raw = m_fixture->raw;
    m_virtualSize = m_fixture->virtualSize;

    m_panel = std::make_unique<HexPanel>();
    m_panel->setBytesPerRow(16); // the offsets below count 16-byte rows
    m_panel->resize(1800, 600);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
}

void HexPanelTest::cleanup()
{
    m_panel.reset();
    m_fixture.reset();
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
    auto *goTo = m_panel->findChild<QLineEdit *>(QStringLiteral("goToEdit"));
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

namespace
{
/** Changed runs as the definition gives them: bit 1 and bytes unlike the clean disk (R13). */
QList<ChangeRun> expectedChanges(const QByteArray &disk, const QByteArray &clean, const QList<quint64> &allocated)
{
    QList<ChangeRun> runs;
    for (const quint64 c : allocated) {
        const quint64 begin = c * Cluster;
        const quint64 end = std::min<quint64>(begin + Cluster, quint64(disk.size()));
        std::optional<quint64> first;
        quint64 last = 0;
        for (quint64 i = begin; i < end; ++i) {
            if (disk.at(qsizetype(i)) != clean.at(qsizetype(i))) {
                first = first ? first : i;
                last = i;
            }
        }
        const ChangeRun run = first ? ChangeRun{ChangeRun::Kind::Changed, {c, 1}, *first, last + 1 - *first}
                                    : ChangeRun{ChangeRun::Kind::Unchanged, {c, 1}, begin, end - begin};
        if (!runs.isEmpty() && runs.last().clusters.end() == c && runs.last().kind == run.kind) {
            runs.last().clusters.count += 1;
            runs.last().lengthBytes = run.endBytes() - runs.last().offsetBytes;
        } else {
            runs.append(run);
        }
    }
    return runs;
}
} // namespace

void HexPanelTest::changesListAndNavigation()
{
    std::shared_ptr<Image> image = openImage(Image::Access::ReadOnly);
    QVERIFY(image);
    m_panel->setImage(image);
    HexChangesModel *changes = m_panel->changesModel();
    QTRY_VERIFY(changes->isComplete());
    const QList<ChangeRun> expected = expectedChanges(m_fixture->virtualDisk(), m_fixture->cleanDisk(), {1, 3});
    QCOMPARE(expected.size(), 2);
    QCOMPARE(changes->changes().runs(), expected);
    QCOMPARE(changes->rowCount(), 2);
    QVERIFY2(m_panel->changesView()->summaryText().startsWith(QStringLiteral("2 change(s) in 2 cluster(s)")), qPrintable(m_panel->changesView()->summaryText()));

    // Next/Previous go by run, from the cursor, and select the run's differing bytes in all three views.
    m_panel->goToOffset(0);
    m_panel->findNextChange();
    for (HexView *view : {m_panel->backingView(), m_panel->imageView(), m_panel->virtualDiskView()}) {
        QCOMPARE(view->selectionStart(), expected.at(0).offsetBytes);
        QCOMPARE(view->selectionLength(), expected.at(0).lengthBytes);
    }
    QVERIFY2(m_panel->statusText().startsWith(QStringLiteral("Change 1 of 2")), qPrintable(m_panel->statusText()));
    QCOMPARE(m_panel->changesView()->listView()->currentRow(), 0);
    m_panel->findNextChange();
    QCOMPARE(m_panel->virtualDiskView()->selectionStart(), expected.at(1).offsetBytes);
    QVERIFY(m_panel->statusText().startsWith(QStringLiteral("Change 2 of 2")));
    m_panel->findNextChange(); // issue 14: no clean cluster, no tail past the backing file's end counts
    QCOMPARE(m_panel->statusText(), QStringLiteral("No more changes after the cursor."));
    QCOMPARE(m_panel->virtualDiskView()->selectionStart(), expected.at(1).offsetBytes);
    m_panel->findPreviousChange();
    QCOMPARE(m_panel->virtualDiskView()->selectionStart(), expected.at(0).offsetBytes);
    m_panel->findPreviousChange();
    QCOMPARE(m_panel->statusText(), QStringLiteral("No more changes before the cursor."));

    // A click in the list goes to that run.
    RowListView *list = m_panel->changesView()->listView();
    list->show();
    list->scrollToRow(1);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->rowRect(1).center());
    QCOMPARE(list->currentRow(), 1);
    QCOMPARE(m_panel->imageView()->selectionStart(), expected.at(1).offsetBytes);
}

/**
 * The red marks follow the same definition, byte by byte: only in clusters whose bit is 1, where
 * the image file's byte differs from the clean one. The stale bytes of cluster 2 (bit 0) and the
 * zeros past the backing file's end are not marked, though the files differ there.
 */
void HexPanelTest::redMarksFollowTheChanges()
{
    std::shared_ptr<Image> image = openImage(Image::Access::ReadOnly);
    QVERIFY(image);
    HexChangeMarker marker(image);
    std::vector<bool> marks;
    marker.changedBytes(0, m_virtualSize + 50, marks);
    QCOMPARE(marks.size(), size_t(m_virtualSize + 50));
    const QByteArray disk = m_fixture->virtualDisk();
    const QByteArray clean = m_fixture->cleanDisk();
    quint64 marked = 0;
    for (quint64 i = 0; i < m_virtualSize + 50; ++i) {
        const quint64 c = i / Cluster;
        const bool expected = i < m_virtualSize && (c == 1 || c == 3) && disk.at(qsizetype(i)) != clean.at(qsizetype(i));
        QVERIFY2(marks[size_t(i)] == expected, qPrintable(QString::number(i)));
        marked += expected ? 1 : 0;
    }
    QVERIFY(marked > Cluster); // random bytes: most of two clusters
    // Exactly the bytes of the changed runs: every marked byte lies in one, and each run's ends are marked.
    JobContext context;
    QList<ChangeRun> runs;
    QVERIFY(ChangeScan::scan(*image, {0, image->clusterCount()}, context, [&](const ChangeScan::Batch &batch) {
        runs.append(batch.runs);
    }));
    for (const ChangeRun &run : runs) {
        QVERIFY(marks[size_t(run.offsetBytes)]);
        QVERIFY(marks[size_t(run.endBytes() - 1)]);
    }
    // A part in the middle of a window asks for only that part.
    marker.changedBytes(2 * Cluster - 8, 16, marks);
    for (int i = 0; i < 16; ++i)
        QCOMPARE(marks[size_t(i)], i < 8 && disk.at(qsizetype(2 * Cluster - 8 + i)) != clean.at(qsizetype(2 * Cluster - 8 + i)));

    // The views paint the marks: the same view without a marker looks different.
    m_panel->setImage(image);
    HexView *view = m_panel->imageView();
    view->goToOffset(Cluster);
    const QImage marked_ = view->grab().toImage();
    view->setChangeMarker(nullptr);
    QVERIFY(view->grab().toImage() != marked_);
}

/** Saving edits scans only what they touched: a cluster written with its own bytes is allocated, unchanged. */
void HexPanelTest::changesFollowSavedEdits()
{
    m_panel->setImage(openImage(Image::Access::ReadOnly));
    HexChangesModel *changes = m_panel->changesModel();
    QTRY_VERIFY(changes->isComplete());
    std::shared_ptr<Image> writable = openImage(Image::Access::ReadWrite);
    QVERIFY(writable);
    m_panel->setWritableImage(writable);
    m_panel->setWritable(true);
    HexView *disk = m_panel->virtualDiskView();
    disk->setPendingByte(2 * Cluster + 5, m_backing.at(qsizetype(2 * Cluster + 5))); // the byte it has: unchanged
    disk->setPendingByte(10, char(~m_backing.at(10)));                               // cluster 0 changes
    const Result<void> saved = m_panel->savePendingEdits();
    QVERIFY2(saved, qPrintable(saved.error().message()));
    QTRY_VERIFY(changes->isComplete());
    QByteArray after = m_fixture->virtualDisk();
    after[10] = char(~m_backing.at(10));
    const QList<ChangeRun> expected = expectedChanges(after, m_fixture->cleanDisk(), {0, 1, 2, 3});
    QCOMPARE(changes->changes().runs(), expected);
    QCOMPARE(expected.size(), 3); // clusters 0-1 changed, 2 unchanged, 3 changed
    QCOMPARE(expected.at(0).offsetBytes, quint64(10));
    QCOMPARE(changes->changes().unchangedClusterCount(), quint64(1));
    QVERIFY(m_panel->changesView()->summaryText().contains(QStringLiteral("1 cluster(s) allocated, unchanged")));
    // The list hides allocated, unchanged runs unless asked.
    QCOMPARE(m_panel->changesView()->listView()->model()->rowCount(), 2);
    m_panel->changesView()->setShowUnchanged(true);
    QCOMPARE(m_panel->changesView()->listView()->model()->rowCount(), 3);
    QCOMPARE(m_panel->changesView()->listView()->model()->index(1, 0).data().toString(), QStringLiteral("Allocated, unchanged"));

    // Someone else writes (here the test, through the image the panel shows): clustersChanged
    // scans again. Cluster 4 joins cluster 3's run.
    QVERIFY(writable->write(4 * Cluster + 9, QByteArrayLiteral("X")));
    m_panel->clustersChanged({4, 1});
    QTRY_VERIFY(changes->isComplete());
    after[qsizetype(4 * Cluster + 9)] = 'X';
    QCOMPARE(changes->changes().runs(), expectedChanges(after, m_fixture->cleanDisk(), {0, 1, 2, 3, 4}));
    QCOMPARE(changes->changes().runs().last().clusters, (ClusterRange{3, 2}));
    QCOMPARE(changes->changes().runs().last().endBytes(), 4 * Cluster + 10);
    // The rows told to the view after the rescan are the runs, unchanged ones included.
    const QList<ChangeRun> runs = changes->changes().runs();
    QCOMPARE(m_panel->changesView()->listView()->model()->rowCount(), runs.size());
    for (int row = 0; row < runs.size(); ++row)
        QCOMPARE(changes->run(row), runs.at(row));
}

void HexPanelTest::searchOptions_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("mode");
    QTest::addColumn<int>("scope");
    QTest::addColumn<bool>("ignoreCase");
    QTest::addColumn<bool>("wrapAround");
    QTest::addColumn<quint64>("from");
    QTest::addColumn<qint64>("found"); // -1: not found
    QTest::addColumn<bool>("wrapped");
    using Mode = HexPanel::SearchMode;
    using Scope = HexPanel::SearchScope;
    const auto needle = qint64(HexTest::ImageFixture::needleOffset());
    QTest::newRow("hex across a cluster boundary") << QStringLiteral("4e 45 45 44 4c 45") << int(Mode::HexBytes) << int(Scope::VirtualDisk) << false
                                                   << false << quint64(0) << needle << false;
    QTest::newRow("text across a cluster boundary") << QStringLiteral("NEEDLE") << int(Mode::Utf8) << int(Scope::VirtualDisk) << false << false
                                                    << quint64(0) << needle << false;
    QTest::newRow("case matters") << QStringLiteral("needle") << int(Mode::Utf8) << int(Scope::VirtualDisk) << false << true << quint64(0)
                                  << qint64(-1) << false;
    QTest::newRow("ignoring case") << QStringLiteral("needle") << int(Mode::Utf8) << int(Scope::VirtualDisk) << true << false << quint64(0)
                                   << needle << false;
    QTest::newRow("R13: stale raw bytes are not on the virtual disk") << QStringLiteral("STALE-NEEDLE") << int(Mode::Utf8) << int(Scope::VirtualDisk)
                                                                      << false << true << quint64(0) << qint64(-1) << false;
    QTest::newRow("in the raw image file they are") << QStringLiteral("NEEDLE") << int(Mode::Utf8) << int(Scope::ImageFile) << false << false
                                                    << quint64(0) << qint64(2 * Cluster + 306) << false;
    QTest::newRow("UTF-16 LE ignoring case") << QStringLiteral("GRÜßE") << int(Mode::Utf16LE) << int(Scope::VirtualDisk) << true << false
                                             << quint64(0) << qint64(3000) << false;
    QTest::newRow("UTF-16 LE case matters") << QStringLiteral("GRÜßE") << int(Mode::Utf16LE) << int(Scope::BackingFile) << false << true
                                            << quint64(0) << qint64(-1) << false;
    QTest::newRow("UTF-16 BE in the backing file") << QStringLiteral("disk") << int(Mode::Utf16BE) << int(Scope::BackingFile) << true << false
                                                   << quint64(0) << qint64(5000) << false;
    QTest::newRow("the raw file's last bytes") << QStringLiteral("ENDTXT") << int(Mode::Utf8) << int(Scope::ImageFile) << false << false
                                               << quint64(4 * Cluster) << qint64(5 * Cluster + 100 - 6) << false;
    QTest::newRow("the backing file's last bytes") << QStringLiteral("bakend") << int(Mode::Utf8) << int(Scope::BackingFile) << true << false
                                                   << quint64(Cluster) << qint64(3 * Cluster + 8192 - 6) << false;
    QTest::newRow("the backing file's last bytes, wrapping from past them")
        << QStringLiteral("BAKEND") << int(Mode::Utf8) << int(Scope::BackingFile) << false << true << quint64(3 * Cluster + 8190)
        << qint64(3 * Cluster + 8192 - 6) << true;
    QTest::newRow("past the cursor, no wrap") << QStringLiteral("HELLO-BACKING") << int(Mode::Utf8) << int(Scope::VirtualDisk) << false << false
                                              << quint64(2000) << qint64(-1) << false;
    QTest::newRow("past the cursor, wrap around") << QStringLiteral("HELLO-BACKING") << int(Mode::Utf8) << int(Scope::VirtualDisk) << false
                                                  << true << quint64(2000) << qint64(1000) << true;
    QTest::newRow("hex in a written cluster") << QStringLiteral("cafebabe01") << int(Mode::HexBytes) << int(Scope::VirtualDisk) << false << false
                                              << quint64(0) << qint64(200000) << false;
}

void HexPanelTest::searchOptions()
{
    QFETCH(QString, text);
    QFETCH(int, mode);
    QFETCH(int, scope);
    QFETCH(bool, ignoreCase);
    QFETCH(bool, wrapAround);
    QFETCH(quint64, from);
    QFETCH(qint64, found);
    QFETCH(bool, wrapped);
    m_panel->setImage(openImage(Image::Access::ReadOnly));
    HexPanel::SearchOptions options;
    options.mode = HexPanel::SearchMode(mode);
    options.scope = HexPanel::SearchScope(scope);
    options.ignoreCase = ignoreCase;
    options.wrapAround = wrapAround;
    m_panel->setSearchOptions(options);
    QCOMPARE(m_panel->searchOptions().scope, options.scope);
    HexView *view = m_panel->viewFor(options.scope);
    view->goToOffset(from);

    // Through the tool bar, as a user would: type, press Return.
    auto *search = m_panel->findChild<QLineEdit *>(QStringLiteral("searchEdit"));
    QVERIFY(search);
    search->setText(text);
    QSignalSpy finished(m_panel.get(), &HexPanel::searchFinished);
    QTest::keyClick(search, Qt::Key_Return);
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.last().at(0).toBool(), found >= 0);
    if (found < 0) {
        QCOMPARE(m_panel->statusText(), QStringLiteral("Not found."));
        return;
    }
    const std::optional<HexSearchPattern> pattern = HexPanel::patternFor(text, options);
    QVERIFY(pattern);
    QCOMPARE(view->selectionStart(), quint64(found));
    QCOMPARE(view->selectionLength(), pattern->lengthBytes());
    QCOMPARE(m_panel->statusText().contains(QStringLiteral("wrapping")), wrapped);
    // F3 goes on from the match, with the same options.
    QTest::keyClick(m_panel.get(), Qt::Key_F3);
    QVERIFY(finished.wait(10000));
    if (finished.last().at(0).toBool())
        QVERIFY(view->selectionStart() != quint64(found) || wrapAround);
}

void HexPanelTest::findAllListsEveryHit()
{
    m_panel->setImage(openImage(Image::Access::ReadOnly));
    HexPanel::SearchOptions options;
    options.mode = HexPanel::SearchMode::Utf8;
    QSignalSpy raised(m_panel.get(), &HexPanel::toolViewRequested);
    const auto findAll = [&](HexPanel::SearchScope scope) {
        options.scope = scope;
        m_panel->findAll(*HexPanel::patternFor(QStringLiteral("MARK"), options), scope);
        HexSearchResultsModel *results = m_panel->searchResultsModel();
        if (!QTest::qWaitFor([&] {
                return !results->isRunning();
            }))
            qWarning("the search did not finish");
        QList<quint64> offsets;
        for (const HexSearch::Match &match : results->matches())
            offsets.append(match.offsetBytes);
        return offsets;
    };
    QCOMPARE(findAll(HexPanel::SearchScope::VirtualDisk), HexTest::ImageFixture::markOnVirtualDisk());
    QCOMPARE(raised.count(), 1);
    QCOMPARE(raised.last().at(0).value<QWidget *>(), m_panel->searchResultsView());
    QVERIFY2(m_panel->searchResultsView()->summaryText().startsWith(QStringLiteral("4 hit(s) in the virtual disk")),
             qPrintable(m_panel->searchResultsView()->summaryText()));
    QCOMPARE(findAll(HexPanel::SearchScope::ImageFile), (QList<quint64>{Cluster + 200, 2 * Cluster + 500, 3 * Cluster + 60000}));
    QCOMPARE(findAll(HexPanel::SearchScope::BackingFile), (QList<quint64>{100, 2 * Cluster + 7}));
    // The list shows offset, cluster and the bytes; activating a hit selects it in its view.
    QAbstractItemModel *model = m_panel->searchResultsView()->treeView()->model();
    QCOMPARE(model->index(1, HexSearchResultsModel::OffsetColumn).data().toString(), QStringLiteral("0x20007"));
    QCOMPARE(model->index(1, HexSearchResultsModel::ClusterColumn).data().toString(), QStringLiteral("2"));
    QVERIFY(model->index(1, HexSearchResultsModel::BytesColumn).data().toString().startsWith(QStringLiteral("MARK")));
    Q_EMIT m_panel->searchResultsView()->treeView()->activated(model->index(1, 0));
    QCOMPARE(m_panel->backingView()->selectionStart(), 2 * Cluster + 7);
    QCOMPARE(m_panel->backingView()->selectionLength(), quint64(4));
}

void HexPanelTest::cancelSearch()
{
    std::shared_ptr<Image> image = openImage(Image::Access::ReadOnly);
    QVERIFY(image);
    m_panel->setImage(image);
    QSignalSpy finished(m_panel.get(), &HexPanel::searchFinished);
    m_panel->findNext(HexSearchPattern::fromBytes("HELLO-BACKING"), HexPanel::SearchScope::VirtualDisk, false);
    m_panel->cancelSearch(); // may already be done on a tiny disk: either way it ends, once
    QVERIFY(!m_panel->isSearchRunning());
    QTRY_COMPARE(finished.count(), 1);
}

void HexPanelTest::bytesPerRowSetting()
{
    m_panel->setImage(openImage(Image::Access::ReadOnly));
    m_panel->goToOffset(0x1234);
    for (const int bytes : {8, 32, 16}) {
        m_panel->setBytesPerRow(bytes);
        QCOMPARE(m_panel->bytesPerRowSetting(), bytes);
        for (HexView *view : {m_panel->backingView(), m_panel->imageView(), m_panel->virtualDiskView()}) {
            QCOMPARE(view->bytesPerRow(), bytes);
            QCOMPARE(view->cursorOffset(), quint64(0x1234));
            QCOMPARE(view->topOffset() % quint64(bytes), quint64(0));
        }
        // Kept for the next start.
        QCOMPARE(QSettings().value(QStringLiteral("HexPanel/bytesPerRow")).toInt(), bytes);
        HexPanel other;
        QCOMPARE(other.bytesPerRowSetting(), bytes);
    }
    // Auto: the most that let the three views fit side by side.
    m_panel->setBytesPerRow(HexPanel::AutoBytesPerRow);
    m_panel->resize(1366, 600);
    QTRY_COMPARE(m_panel->bytesPerRow(), 8);
    for (HexView *view : {m_panel->backingView(), m_panel->imageView(), m_panel->virtualDiskView()}) {
        QTRY_VERIFY(view->viewport()->width() >= view->hexLayout().totalWidth());
        QCOMPARE(view->horizontalScrollBar()->maximum(), 0);
    }
    m_panel->resize(1800, 600);
    QTRY_COMPARE(m_panel->bytesPerRow(), 16);
    m_panel->resize(3000, 600);
    QTRY_COMPARE(m_panel->bytesPerRow(), 32);
    // And from the context menu.
    std::unique_ptr<QMenu> menu(m_panel->virtualDiskView()->createContextMenu(0));
    auto *eight = menu->findChild<QAction *>(QStringLiteral("bytesPerRow8Action"));
    QVERIFY(eight);
    eight->trigger();
    QCOMPARE(m_panel->bytesPerRowSetting(), 8);
    QCOMPARE(m_panel->bytesPerRow(), 8);
}

void HexPanelTest::contextMenuActions()
{
    std::shared_ptr<Image> image = openImage(Image::Access::ReadOnly);
    m_panel->setImage(image);
    HexView *view = m_panel->imageView();
    view->setSelection(Cluster - 2, 4); // clusters 0 and 1
    QSignalSpy heatmap(m_panel.get(), &HexPanel::showInHeatmapRequested);
    std::unique_ptr<QMenu> menu(view->createContextMenu(Cluster - 1));
    menu->findChild<QAction *>(QStringLiteral("showInHeatmapAction"))->trigger();
    QCOMPARE(heatmap.count(), 1);
    QCOMPARE(heatmap.last().at(0).value<ClusterRange>(), (ClusterRange{0, 2}));
    view->setSelection(m_virtualSize - 1, 1);
    menu.reset(view->createContextMenu(m_virtualSize - 1));
    menu->findChild<QAction *>(QStringLiteral("showInHeatmapAction"))->trigger();
    QCOMPARE(heatmap.last().at(0).value<ClusterRange>(), (ClusterRange{5, 1}));

    // Add Bookmark from the menu takes the selection.
    view->setSelection(0x500, 3);
    menu.reset(view->createContextMenu(0x501));
    menu->findChild<QAction *>(QStringLiteral("addBookmarkAction"))->trigger();
    QCOMPARE(m_panel->bookmarksModel()->rowCount(), 1);
    QCOMPARE(m_panel->bookmarksModel()->bookmark(0).offsetBytes, quint64(0x500));
    QCOMPARE(m_panel->bookmarksModel()->bookmark(0).lengthBytes, quint64(3));

    // Go to Cluster… asks (a dialog); goToCluster() is what it calls.
    QSignalSpy goTo(view, &HexView::goToClusterRequested);
    menu.reset(view->createContextMenu(3 * Cluster + 5));
    QVERIFY(menu->findChild<QAction *>(QStringLiteral("goToClusterAction")));
    m_panel->goToCluster(3);
    for (HexView *each : {m_panel->backingView(), m_panel->imageView(), m_panel->virtualDiskView()}) {
        QCOMPARE(each->cursorOffset(), 3 * Cluster);
        QCOMPARE(each->highlightedOffset(), 3 * Cluster);
        QCOMPARE(each->highlightedLength(), Cluster);
    }
    m_panel->goToCluster(1000); // past the end: the last cluster
    QCOMPARE(m_panel->virtualDiskView()->cursorOffset(), 5 * Cluster);
}

void HexPanelTest::inspectorFollowsTheCursor()
{
    m_panel->setImage(openImage(Image::Access::ReadOnly));
    HexInspectorView *inspector = m_panel->inspectorView();
    HexView *view = m_panel->backingView();
    view->setFocus();
    view->goToOffset(3000); // "Grüße" in UTF-16LE
    QCOMPARE(inspector->model()->offsetBytes(), quint64(3000));
    QCOMPARE(inspector->model()->bytes(), m_backing.mid(3000, HexInspectorModel::MaxBytes));
    // The text goes on into the random bytes after it, up to a NUL or 16 characters.
    QVERIFY(inspector->model()->index(int(HexInspectorModel::Type::Utf16), HexInspectorModel::LittleEndianColumn).data().toString().startsWith(
        QStringLiteral("\"Grüße")));
    QVERIFY(inspector->locationText().startsWith(QStringLiteral("Backing file, offset 0xbb8")));
    // Near the end of a source: fewer bytes, and wide types show a dash.
    m_panel->imageView()->setFocus();
    m_panel->imageView()->goToOffset(m_virtualSize - 3);
    QCOMPARE(inspector->model()->bytes(), m_raw.right(3));
    QCOMPARE(inspector->model()->index(int(HexInspectorModel::Type::Unsigned32), HexInspectorModel::LittleEndianColumn).data().toString(),
             QStringLiteral("\u2014"));
    // Pending edits are what the inspector reads.
    m_panel->setWritable(true);
    HexView *disk = m_panel->virtualDiskView();
    disk->setFocus();
    disk->goToOffset(0);
    disk->setPendingByte(0, char(0x7f));
    QCOMPARE(inspector->model()->bytes().at(0), char(0x7f));
    QCOMPARE(inspector->model()->index(int(HexInspectorModel::Type::Signed8), HexInspectorModel::LittleEndianColumn).data().toString(),
             QStringLiteral("127"));
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

/**
 * With an ImageDocument the panel shows its image and follows what it announces: bits another
 * program set (reloadClusters), and edits written through the document's edit session.
 */
void HexPanelTest::followsTheDocument()
{
    ImageDocument document;
    m_panel->setDocument(&document);
    QCOMPARE(m_panel->document(), &document);
    QSignalSpy replaced(&document, &ImageDocument::imageReplaced);
    document.open(m_addCowPath);
    QVERIFY(replaced.wait(10000));
    HexView *disk = m_panel->virtualDiskView();
    QCOMPARE(disk->dataSource()->sizeBytes(), m_virtualSize);
    HexChangesModel *changes = m_panel->changesModel();
    QTRY_VERIFY(changes->isComplete());
    QCOMPARE(changes->changes().runs(), expectedChanges(m_fixture->virtualDisk(), m_fixture->cleanDisk(), {1, 3}));
    QCOMPARE(disk->byteAt(10), std::optional<char>(m_backing.at(10)));

    // Another program writes into cluster 0 (R18: copy-on-write, its bit set).
    {
        std::shared_ptr<Image> other = openImage(Image::Access::ReadWrite);
        QVERIFY(other);
        QVERIFY(other->write(10, QByteArrayLiteral("Z")));
    }
    QVERIFY(document.reloadClusters({0, 1}));
    QTRY_VERIFY(changes->isComplete());
    QByteArray after = m_fixture->virtualDisk();
    after[10] = 'Z';
    QTRY_COMPARE(changes->changes().runs(), expectedChanges(after, m_fixture->cleanDisk(), {0, 1, 3}));
    QCOMPARE(disk->byteAt(10), std::optional<char>('Z')); // the cached bytes went with the change

    // An edit session of the document: the panel writes through it.
    document.setWritable(true);
    QTRY_VERIFY_WITH_TIMEOUT(document.isWritable(), 10000);
    m_panel->setWritable(true);
    disk->setPendingByte(2 * Cluster + 5, m_backing.at(qsizetype(2 * Cluster + 5))); // allocated, unchanged
    const Result<void> saved = m_panel->savePendingEdits();
    QVERIFY2(saved, qPrintable(saved.error().message()));
    QVERIFY(!m_panel->hasPendingEdits());
    QTRY_VERIFY(changes->isComplete());
    QCOMPARE(changes->changes().runs(), expectedChanges(after, m_fixture->cleanDisk(), {0, 1, 2, 3}));
    QCOMPARE(changes->changes().unchangedClusterCount(), quint64(1));
    std::shared_ptr<Image> reread = openImage(Image::Access::ReadOnly);
    QVERIFY(reread && reread->bitmap().test(2));

    m_panel->setDocument(nullptr);
    QVERIFY(!disk->dataSource());
}

QTEST_MAIN(HexPanelTest)
#include "hexpaneltest.moc"
