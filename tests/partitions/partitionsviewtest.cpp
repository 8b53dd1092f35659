// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
// The Partitions list and its background reader: what the rows say, what clicking asks for,
// what a broken or missing table shows, and that reading and counting run off the GUI thread.
#include "partitiontestutil.h"

#include "../image/imagetestutil.h"

#include "image.h"
#include "imagedocument.h"
#include "partitiontablereader.h"
#include "partitiontext.h"
#include "partitionsview.h"

#include <QAction>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTreeView>

using namespace AddCow;
using namespace PartitionTest;
using namespace Qt::StringLiterals;

namespace
{
constexpr quint64 DiskBytes = 16 * 1024 * 1024;

QString cell(const PartitionsView &view, int row, int column)
{
    return view.treeView()->model()->index(row, column).data().toString();
}
}

class PartitionsViewTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void gptRows();
    void mbrRows();
    void clickSelectsPartition();
    void contextMenuShowsEntry();
    void allocatedUpdates();
    void placeholders_data();
    void placeholders();
    void findingsAreShownTranslated();
    void everyFindingHasText();
    void readerReadsOffTheGuiThread();
    void newestReadWins();
    void recountAfterWrites();
    void followsTheDocument();
    void narrowListKeepsAllocatedInView();

private:
    QTemporaryDir m_dir;
    QByteArray m_gpt;
    QByteArray m_mbr;
    QString m_addCow;
};

void PartitionsViewTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString gpt = m_dir.filePath(u"base.raw"_s);
    QVERIFY(makeDisk(gpt, DiskBytes,
                     "label: gpt\nsize=2M, type=U, name=\"EFI system\"\nsize=6M, type=L, name=\"root\"\n"
                     "size=1M, type=933AC7E1-2EB4-4F13-B844-0E14E2AEF915\ntype=S, name=\"swap\"\n"));
    m_gpt = readFile(gpt);
    const QString mbr = m_dir.filePath(u"mbr.raw"_s);
    QVERIFY(makeDisk(mbr, DiskBytes, "label: dos\n,2M,83,*\n,8M,5\n,2M,c\n,2M,83\n,3M,83\n,,8e\n"));
    m_mbr = readFile(mbr);
    // An add-cow image over the GPT disk, every cluster clean.
    m_addCow = m_dir.filePath(u"disk.add-cow"_s);
    QVERIFY(writeFile(m_addCow, ImageTest::addCowBytes("disk.raw", "base.raw", DiskBytes)));
    QFile image(m_dir.filePath(u"disk.raw"_s));
    QVERIFY(image.open(QIODevice::WriteOnly) && image.resize(qint64(DiskBytes)));
}

void PartitionsViewTest::gptRows()
{
    PartitionsView view;
    const PartitionTable table = PartitionTable::parse(m_gpt);
    view.setTable(table, {0, 17, 0, 3});
    QVERIFY(!view.isShowingPlaceholder());
    QCOMPARE(view.treeView()->model()->rowCount(), 4);
    QCOMPARE(view.summaryText(), u"GPT, 512-byte sectors, 4 partitions"_s);
    QCOMPARE(cell(view, 0, PartitionsView::NumberColumn), u"1"_s);
    QCOMPARE(cell(view, 0, PartitionsView::NameColumn), u"EFI system"_s);
    QCOMPARE(cell(view, 0, PartitionsView::TypeColumn), u"EFI System"_s);
    QCOMPARE(cell(view, 0, PartitionsView::StartColumn), u"1 MiB"_s);
    QCOMPARE(cell(view, 0, PartitionsView::SizeColumn), u"2 MiB"_s);
    QCOMPARE(cell(view, 1, PartitionsView::AllocatedColumn), u"17 of 96 (18 %)"_s);
    QCOMPARE(cell(view, 2, PartitionsView::NameColumn), QString()); // a GPT entry without a name
    QCOMPARE(cell(view, 2, PartitionsView::TypeColumn), u"Linux home"_s);
    QCOMPARE(cell(view, 3, PartitionsView::TypeColumn), u"Linux swap"_s);
    // The type GUID and the partition GUID are in the tooltip.
    const QString tip = view.treeView()->model()->index(0, PartitionsView::TypeColumn).data(Qt::ToolTipRole).toString();
    QVERIFY(tip.contains(u"C12A7328-F81F-11D2-BA4B-00A0C93EC93B"_s));
    QVERIFY(tip.contains(table.partitions.at(0).uuid));
    // The swatch is the partition's colour on the map.
    const QIcon swatch = view.treeView()->model()->index(1, PartitionsView::NumberColumn).data(Qt::DecorationRole).value<QIcon>();
    const QImage pixels = swatch.pixmap(16, 16).toImage();
    QCOMPARE(pixels.pixelColor(pixels.width() / 2, pixels.height() / 2), partitionColor(table, 1));

    // Sorted by size, descending: root (6 MiB) first, then swap (the rest, a little less).
    view.treeView()->sortByColumn(PartitionsView::SizeColumn, Qt::DescendingOrder);
    QCOMPARE(cell(view, 0, PartitionsView::NameColumn), u"root"_s);
    QCOMPARE(cell(view, 1, PartitionsView::NameColumn), u"swap"_s);
    QCOMPARE(view.partitionAt(view.treeView()->model()->index(1, 0))->number, 4);
}

void PartitionsViewTest::mbrRows()
{
    PartitionsView view;
    const PartitionTable table = PartitionTable::parse(m_mbr);
    QCOMPARE(table.partitions.size(), 6);
    view.setTable(table, QList<quint64>(6, 0));
    QCOMPARE(view.summaryText(), u"MBR, 512-byte sectors, 5 partitions"_s); // the extended container holds none itself
    view.treeView()->sortByColumn(PartitionsView::NumberColumn, Qt::AscendingOrder);
    // MBR partitions have no names: the kind of slot is shown instead, in italics.
    QCOMPARE(cell(view, 0, PartitionsView::NameColumn), u"Primary"_s);
    QVERIFY(view.treeView()->model()->index(0, PartitionsView::NameColumn).data(Qt::FontRole).value<QFont>().italic());
    QCOMPARE(cell(view, 1, PartitionsView::NameColumn), u"Extended"_s);
    QCOMPARE(cell(view, 4, PartitionsView::NameColumn), u"Logical"_s);
    QCOMPARE(cell(view, 0, PartitionsView::TypeColumn), u"Linux (0x83)"_s);
    QCOMPARE(cell(view, 2, PartitionsView::TypeColumn), u"W95 FAT32 (LBA) (0x0c)"_s);
    QCOMPARE(cell(view, 5, PartitionsView::TypeColumn), u"Linux LVM (0x8e)"_s);
    QVERIFY(view.treeView()->model()->index(0, PartitionsView::TypeColumn).data(Qt::ToolTipRole).toString().contains(u"Bootable"_s));
    // The extended container has no colour of its own.
    QVERIFY(!partitionColor(table, 1).isValid());
    QCOMPARE(partitionColor(table, 2), partitionColor(1));
}

void PartitionsViewTest::clickSelectsPartition()
{
    PartitionsView view;
    view.resize(700, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const PartitionTable table = PartitionTable::parse(m_gpt);
    view.setTable(table, QList<quint64>(4, 0));
    QSignalSpy selected(&view, &PartitionsView::partitionSelected);
    QTreeView *tree = view.treeView();
    const QRect row1 = tree->visualRect(tree->model()->index(1, PartitionsView::NameColumn));
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, row1.center());
    QCOMPARE(selected.size(), 1);
    QCOMPARE(selected.last().at(0).value<Partition>().number, 2);
    QCOMPARE(selected.last().at(0).value<Partition>().clusters(), table.partitions.at(1).clusters());
    // Clicking it again asks again (the map may have been moved meanwhile); arrows walk the list.
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, row1.center());
    QCOMPARE(selected.size(), 2);
    QTest::keyClick(tree, Qt::Key_Down);
    QCOMPARE(selected.size(), 3);
    QCOMPARE(selected.last().at(0).value<Partition>().number, 3);
    // Selecting from outside (the map) moves the row but asks for nothing.
    view.selectPartition(4);
    QCOMPARE(selected.size(), 3);
    QCOMPARE(view.partitionAt(tree->currentIndex())->number, 4);
    view.selectPartition(0);
    QVERIFY(tree->selectionModel()->selectedRows().isEmpty());
}

void PartitionsViewTest::contextMenuShowsEntry()
{
    PartitionsView view;
    const PartitionTable table = PartitionTable::parse(m_gpt);
    view.setTable(table, QList<quint64>(4, 0));
    QVERIFY(!view.createContextMenu()); // no current row
    view.treeView()->setCurrentIndex(view.treeView()->model()->index(1, 0));
    QSignalSpy offsets(&view, &PartitionsView::offsetRequested);
    QSignalSpy selected(&view, &PartitionsView::partitionSelected);
    std::unique_ptr<QMenu> menu(view.createContextMenu());
    QVERIFY(menu);
    menu->findChild<QAction *>(u"showPartitionEntryAction"_s)->trigger();
    QCOMPARE(offsets.size(), 1);
    QCOMPARE(offsets.last().at(0).toULongLong(), quint64(1024 + 128)); // entry 2 of the array at LBA 2
    QCOMPARE(offsets.last().at(1).toULongLong(), quint64(128));
    menu->findChild<QAction *>(u"showPartitionStartAction"_s)->trigger();
    QCOMPARE(offsets.last().at(0).toULongLong(), table.partitions.at(1).startBytes);
    const qsizetype before = selected.size();
    menu->findChild<QAction *>(u"selectPartitionClustersAction"_s)->trigger();
    QCOMPARE(selected.size(), before + 1);
}

void PartitionsViewTest::allocatedUpdates()
{
    PartitionsView view;
    view.setTable(PartitionTable::parse(m_gpt), {0, 0, 0, 0});
    view.treeView()->sortByColumn(PartitionsView::NumberColumn, Qt::AscendingOrder);
    QCOMPARE(cell(view, 0, PartitionsView::AllocatedColumn), u"0 of 32 (0 %)"_s);
    view.setAllocatedClusters({32, 1, 0, 5});
    QCOMPARE(cell(view, 0, PartitionsView::AllocatedColumn), u"32 of 32 (100 %)"_s);
    // One cluster of 96 is 1.04 %; of many it would still never read as 0 %.
    QCOMPARE(cell(view, 1, PartitionsView::AllocatedColumn), u"1 of 96 (1 %)"_s);
    view.setAllocatedClusters({1, 2}); // does not match the table: ignored
    QCOMPARE(cell(view, 0, PartitionsView::AllocatedColumn), u"32 of 32 (100 %)"_s);

    // A large partition: one written cluster is never "0 %", one clean cluster never "100 %".
    PartitionTable big;
    big.scheme = PartitionTable::Scheme::Gpt;
    Partition p;
    p.number = 1;
    p.kind = PartitionKind::Gpt;
    p.startBytes = 1024 * 1024;
    p.lengthBytes = 1024 * 1024 * 1024; // 16384 clusters
    big.partitions = {p};
    view.setTable(big, {1});
    QVERIFY2(cell(view, 0, PartitionsView::AllocatedColumn).endsWith(u"(0.01 %)"_s), qPrintable(cell(view, 0, PartitionsView::AllocatedColumn)));
    view.setAllocatedClusters({16383});
    QVERIFY(cell(view, 0, PartitionsView::AllocatedColumn).endsWith(u"(99.99 %)"_s));
}

void PartitionsViewTest::placeholders_data()
{
    QTest::addColumn<QByteArray>("disk");
    QTest::addColumn<QString>("placeholder");
    QTest::addColumn<QString>("summary");
    QTest::newRow("blank disk") << QByteArray(1024 * 1024, '\0') << u"No partition table on this disk"_s << u"No partition table"_s;
    QTest::newRow("0-byte disk") << QByteArray() << u"No partition table on this disk"_s << u"No partition table"_s;
    QByteArray overlapping = m_mbr;
    setMbrSlot(overlapping, 0, 3, 0, 0x83, 4096, 4096);
    QTest::newRow("refused") << overlapping << u"The partition table has errors and is not used."_s << u"MBR, 512-byte sectors, 0 partitions"_s;
    QByteArray empty(1024 * 1024, '\0');
    setMbrSlot(empty, 0, 0, 0, 0, 0, 0);
    QTest::newRow("MBR without partitions") << empty << u"The partition table lists no partitions"_s << u"MBR, 512-byte sectors, 0 partitions"_s;
}

void PartitionsViewTest::placeholders()
{
    QFETCH(QByteArray, disk);
    QFETCH(QString, placeholder);
    QFETCH(QString, summary);
    PartitionsView view;
    QCOMPARE(view.placeholderText(), u"No image open"_s);
    view.setReading(true);
    QVERIFY(view.isShowingPlaceholder());
    QCOMPARE(view.placeholderText(), u"Reading the partition table…"_s);
    view.setTable(PartitionTable::parse(disk), {});
    QVERIFY(view.isShowingPlaceholder());
    QCOMPARE(view.placeholderText(), placeholder);
    QCOMPARE(view.summaryText(), summary);

    // An unreadable disk says why.
    Error error;
    error.code = ErrorCode::Io;
    error.path = u"/images/base.raw"_s;
    error.errnoValue = EIO;
    view.setError(error);
    QVERIFY(view.isShowingPlaceholder());
    QVERIFY(view.placeholderText().contains(u"/images/base.raw"_s));
    QCOMPARE(view.summaryText(), u"The partition table cannot be read."_s);
    view.clear();
    QCOMPARE(view.placeholderText(), u"No image open"_s);
}

void PartitionsViewTest::findingsAreShownTranslated()
{
    QByteArray disk = m_gpt;
    const quint64 backup = backupHeaderOffset(disk);
    std::fill(disk.begin() + qsizetype(backup), disk.end(), '\0');
    PartitionsView view;
    view.setTable(PartitionTable::parse(disk), QList<quint64>(4, 0));
    QVERIFY(!view.isShowingPlaceholder()); // a warning: the table is still used
    const QLabel *problems = view.findChild<QLabel *>(u"partitionsProblems"_s);
    QVERIFY(problems && !problems->isHidden());
    QVERIFY2(problems->text().contains(u"<b>Warning:</b> There is no GPT header (signature “EFI PART”) at byte %1."_s.arg(backup)),
             qPrintable(problems->text()));
}

void PartitionsViewTest::everyFindingHasText()
{
    // The translated sentence says what the English one says: the same numbers, for every code.
    const QRegularExpression number(u"(0x[0-9a-f]+|\\d+)"_s);
    const auto numbers = [&](const QString &text) {
        QStringList found;
        for (const QRegularExpressionMatch &match : number.globalMatch(text))
            found.append(match.captured(1));
        found.sort();
        return found;
    };
    for (int code = 0; code <= int(PartitionProblem::PartitionsOverlap); ++code) {
        PartitionFinding finding;
        finding.problem = PartitionProblem(code);
        finding.offsetBytes = 123456;
        finding.partition = 7;
        finding.otherPartition = 3;
        finding.value = 0xbeef;
        finding.expected = 99;
        const QString text = partitionFindingText(finding);
        QVERIFY2(!text.isEmpty() && text != finding.message(), qPrintable(u"code %1"_s.arg(code)));
        QStringList english = numbers(finding.message());
        english.removeAll(u"510"_s); // "bytes 510-511" is spelled with a dash in one, an en dash in the other
        english.removeAll(u"511"_s);
        english.removeAll(u"92"_s);
        QStringList translated = numbers(text);
        translated.removeAll(u"510"_s);
        translated.removeAll(u"511"_s);
        translated.removeAll(u"92"_s);
        english.removeAll(u"1"_s);
        translated.removeAll(u"1"_s);
        QVERIFY2(english == translated, qPrintable(u"code %1: '%2' vs '%3'"_s.arg(code).arg(finding.message(), text)));
    }
}

void PartitionsViewTest::readerReadsOffTheGuiThread()
{
    Result<Image> opened = Image::open(m_addCow);
    QVERIFY(opened.ok());
    auto image = std::make_shared<Image>(std::move(opened).value());
    PartitionTableReader reader;
    QSignalSpy read(&reader, &PartitionTableReader::tableRead);
    reader.read(image);
    QVERIFY(reader.isReading());
    QVERIFY(read.wait(10000));
    QVERIFY(!reader.isReading());
    QVERIFY(!reader.scan().error);
    QVERIFY(reader.scan().table);
    QCOMPARE(reader.scan().table->partitions, PartitionTable::parse(m_gpt).partitions);
    QCOMPARE(reader.scan().allocatedClusters, QList<quint64>(4, 0));
    reader.clear();
    QVERIFY(!reader.scan().table);
}

void PartitionsViewTest::newestReadWins()
{
    // Two images: the second read() wins even if the first finishes later.
    const QString otherAddCow = m_dir.filePath(u"other.add-cow"_s);
    QVERIFY(writeFile(otherAddCow, ImageTest::addCowBytes("other.raw", {}, DiskBytes, {}, FeatureAllAllocated)));
    QVERIFY(writeFile(m_dir.filePath(u"other.raw"_s), m_mbr));
    auto first = std::make_shared<Image>(Image::open(m_addCow).value());
    auto second = std::make_shared<Image>(Image::open(otherAddCow).value());
    PartitionTableReader reader;
    QSignalSpy read(&reader, &PartitionTableReader::tableRead);
    reader.read(first);
    reader.read(second);
    QVERIFY(read.wait(10000));
    QTest::qWait(50);
    QCOMPARE(read.size(), 1);
    QCOMPARE(reader.scan().table->scheme, PartitionTable::Scheme::Mbr);
    // R14: every cluster of each partition is in the image file.
    for (qsizetype i = 0; i < reader.scan().table->partitions.size(); ++i)
        QCOMPARE(reader.scan().allocatedClusters.at(i), reader.scan().table->partitions.at(i).clusters().count);

    // clear() while reading: nothing is reported.
    reader.read(first);
    reader.clear();
    QTest::qWait(300);
    QCOMPARE(read.size(), 1);
}

void PartitionsViewTest::recountAfterWrites()
{
    Result<Image> opened = Image::open(m_addCow, Image::Access::ReadWrite);
    QVERIFY(opened.ok());
    auto image = std::make_shared<Image>(std::move(opened).value());
    PartitionTableReader reader;
    QSignalSpy read(&reader, &PartitionTableReader::tableRead);
    QSignalSpy counted(&reader, &PartitionTableReader::allocationCounted);
    reader.read(image);
    QVERIFY(read.wait(10000));
    const Partition root = reader.scan().table->partitions.at(1);
    // Many small changes in a row (a commit's batches): one recount covers them.
    for (int i = 0; i < 5; ++i) {
        QVERIFY(image->write(root.startBytes + quint64(i) * ClusterSizeBytes, "x").ok());
        reader.recount();
    }
    QVERIFY(counted.wait(10000));
    QTest::qWait(400);
    QCOMPARE(counted.size(), 1);
    QCOMPARE(reader.scan().allocatedClusters, (QList<quint64>{0, 5, 0, 0}));
}

void PartitionsViewTest::followsTheDocument()
{
    // A copy, since this test writes.
    const QString addCow = m_dir.filePath(u"follow.add-cow"_s);
    QVERIFY(writeFile(addCow, ImageTest::addCowBytes("follow.raw", "base.raw", DiskBytes)));
    QFile imageFile(m_dir.filePath(u"follow.raw"_s));
    QVERIFY(imageFile.open(QIODevice::WriteOnly) && imageFile.resize(qint64(DiskBytes)));
    imageFile.close();

    ImageDocument document;
    QSignalSpy replaced(&document, &ImageDocument::imageReplaced);
    document.open(addCow);
    QVERIFY(replaced.wait(10000));
    PartitionTableReader reader;
    QSignalSpy read(&reader, &PartitionTableReader::tableRead);
    QSignalSpy counted(&reader, &PartitionTableReader::allocationCounted);
    reader.setDocument(&document);
    QVERIFY(read.wait(10000));
    QCOMPARE(reader.scan().table->scheme, PartitionTable::Scheme::Gpt);
    const Partition root = reader.scan().table->partitions.at(1);

    QSignalSpy access(&document, &ImageDocument::accessChanged);
    document.setWritable(true);
    QVERIFY(QTest::qWaitFor([&] { return document.isWritable(); }, 10000));

    // Data in a partition: counted again, the table is not read again.
    QVERIFY(document.write(root.startBytes + 3 * ClusterSizeBytes, "data").ok());
    QVERIFY(counted.wait(10000));
    QCOMPARE(reader.scan().allocatedClusters.at(1), quint64(1));
    QCOMPARE(read.size(), 1);

    // The guest replaces the protective MBR with an MBR of one partition: read again.
    QByteArray sector(512, '\0');
    setMbrSlot(sector, 0, 0, 0, 0x83, 2048, 8192);
    QVERIFY(document.write(0, sector).ok());
    QVERIFY(read.wait(10000));
    QCOMPARE(reader.scan().table->scheme, PartitionTable::Scheme::Mbr);
    QCOMPARE(reader.scan().table->partitions.size(), 1);
    QCOMPARE(reader.scan().allocatedClusters, QList<quint64>{1});

    // Closed: nothing to show.
    QSignalSpy cleared(&reader, &PartitionTableReader::cleared);
    document.close();
    QVERIFY(!cleared.isEmpty() || cleared.wait(10000));
    QVERIFY(!reader.scan().table);
}

/** At 1366x768 the dock is narrow: names and types are cut, the allocated counts stay in view. */
void PartitionsViewTest::narrowListKeepsAllocatedInView()
{
    PartitionsView view;
    const PartitionTable table = PartitionTable::parse(m_gpt);
    view.setTable(table, {0, 17, 0, 3});
    view.resize(1000, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QTreeView *tree = view.treeView();
    const int nameWidth = tree->header()->sectionSize(PartitionsView::NameColumn);
    QVERIFY(nameWidth >= tree->fontMetrics().horizontalAdvance(u"EFI system"_s)); // wide: the names whole

    view.resize(420, 300); // about the Partitions dock at 1366x768
    QTRY_VERIFY(tree->header()->sectionSize(PartitionsView::NameColumn) < nameWidth);
    int allocatedWidth = 0;
    for (int row = 0; row < tree->model()->rowCount(); ++row)
        allocatedWidth = std::max(allocatedWidth, tree->fontMetrics().horizontalAdvance(cell(view, row, PartitionsView::AllocatedColumn)));
    const int allocatedEnd = tree->header()->sectionPosition(PartitionsView::AllocatedColumn) + allocatedWidth;
    QVERIFY2(allocatedEnd <= tree->viewport()->width(), qPrintable(u"%1 > %2"_s.arg(allocatedEnd).arg(tree->viewport()->width())));
    QCOMPARE(tree->model()->index(0, PartitionsView::NameColumn).data(Qt::ToolTipRole).toString(), u"EFI system"_s);
}

QTEST_MAIN(PartitionsViewTest)
#include "partitionsviewtest.moc"
