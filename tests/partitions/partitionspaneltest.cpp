// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
// The Partitions dock in the main window: filled when an image opens, cleared when it closes;
// a click selects the partition's clusters on the map and shows its start in the hex views, and
// a selection on the map selects the partition it is in.
#include "partitiontestutil.h"

#include "../image/imagetestutil.h"

#include "heatmapwidget.h"
#include "hexpanel.h"
#include "hexview.h"
#include "imagedocument.h"
#include "mainwindow.h"
#include "partitiontablereader.h"
#include "partitiontext.h"
#include "partitionsview.h"

#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace AddCow;
using namespace PartitionTest;
using namespace Qt::StringLiterals;

namespace
{
constexpr quint64 DiskBytes = 16 * 1024 * 1024;

bool waitForOpen(MainWindow &window)
{
    QSignalSpy changed(&window, &MainWindow::imageChanged);
    return QTest::qWaitFor([&] { return !window.isLoading() && !changed.isEmpty(); }, 20000);
}
}

class PartitionsPanelTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void listsThePartitionsOfTheShownImage();
    void clickShowsThePartition();
    void mapSelectionSelectsThePartition();
    void followsTheEditSession();
    void bandsOnTheHeatmap_data();
    void bandsOnTheHeatmap();

private:
    PartitionsView *viewOf(MainWindow &window) const;
    bool openAndWait(MainWindow &window, PartitionsView *view);

    QTemporaryDir m_dir;
    QString m_addCow;
    PartitionTable m_table;
};

void PartitionsPanelTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString base = m_dir.filePath(u"base.raw"_s);
    QVERIFY(makeDisk(base, DiskBytes, "label: gpt\nsize=2M, type=U, name=\"EFI system\"\nsize=6M, type=L, name=\"root\"\ntype=S, name=\"swap\"\n"));
    m_table = PartitionTable::parse(readFile(base));
    QCOMPARE(m_table.partitions.size(), 3);
    // Three clusters of the root partition are written (in the image file).
    QByteArray bits(qsizetype(bitmapBytesFor(clusterCountFor(DiskBytes))), '\0');
    for (quint64 c = 0; c < 3; ++c)
        ImageTest::setBit(bits, m_table.partitions.at(1).clusters().first + 10 + c);
    m_addCow = m_dir.filePath(u"disk.add-cow"_s);
    QVERIFY(writeFile(m_addCow, ImageTest::addCowBytes("disk.raw", "base.raw", DiskBytes, bits)));
    QFile image(m_dir.filePath(u"disk.raw"_s));
    QVERIFY(image.open(QIODevice::WriteOnly) && image.resize(qint64(DiskBytes)));
}

PartitionsView *PartitionsPanelTest::viewOf(MainWindow &window) const
{
    auto *dock = window.findChild<QDockWidget *>(u"partitionsDock"_s);
    return dock ? qobject_cast<PartitionsView *>(dock->widget()) : nullptr;
}

bool PartitionsPanelTest::openAndWait(MainWindow &window, PartitionsView *view)
{
    window.openImage(m_addCow);
    if (!waitForOpen(window))
        return false;
    return QTest::qWaitFor([view] { return !view->isShowingPlaceholder(); }, 20000);
}

void PartitionsPanelTest::listsThePartitionsOfTheShownImage()
{
    MainWindow window;
    window.resize(1600, 1000);
    window.show();
    PartitionsView *view = viewOf(window);
    QVERIFY(view);
    QCOMPARE(view->placeholderText(), u"No image open"_s);
    // A tab beside the findings, toggled from the View menu.
    auto *findings = window.findChild<QDockWidget *>(u"findingsDock"_s);
    QVERIFY(window.tabifiedDockWidgets(findings).contains(window.findChild<QDockWidget *>(u"partitionsDock"_s)));
    // The hex panel's tool views are tabs of their own below those, not more tabs in that row.
    auto *inspector = window.findChild<QDockWidget *>(u"hexInspectorViewDock"_s);
    QVERIFY(inspector);
    QVERIFY(!window.tabifiedDockWidgets(findings).contains(inspector));
    QVERIFY(window.tabifiedDockWidgets(inspector).contains(window.findChild<QDockWidget *>(u"hexChangesViewDock"_s)));
    QAction *toggle = window.findChild<QAction *>(u"partitionsDockToggleAction"_s);
    QVERIFY(toggle);
    QCOMPARE(toggle->shortcut(), QKeySequence(Qt::ALT | Qt::Key_0));

    QVERIFY(openAndWait(window, view));
    QCOMPARE(view->table().partitions, m_table.partitions);
    QCOMPARE(view->allocatedClusters(), (QList<quint64>{0, 3, 0}));
    QCOMPARE(view->treeView()->model()->rowCount(), 3);

    window.closeImage();
    QCOMPARE(view->placeholderText(), u"No image open"_s);
    QVERIFY(view->table().partitions.isEmpty());
}

void PartitionsPanelTest::clickShowsThePartition()
{
    MainWindow window;
    window.resize(1600, 1000);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    PartitionsView *view = viewOf(window);
    QVERIFY(openAndWait(window, view));
    window.findChild<QDockWidget *>(u"partitionsDock"_s)->raise();

    QTreeView *tree = view->treeView();
    view->treeView()->sortByColumn(PartitionsView::NumberColumn, Qt::AscendingOrder);
    const QRect row = tree->visualRect(tree->model()->index(1, PartitionsView::NameColumn));
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, row.center());
    const Partition &root = m_table.partitions.at(1);
    QCOMPARE(window.heatmap()->selection(), root.clusters());
    QCOMPARE(window.hexPanel()->virtualDiskView()->cursorOffset(), root.startBytes);
}

void PartitionsPanelTest::mapSelectionSelectsThePartition()
{
    MainWindow window;
    window.resize(1600, 1000);
    window.show();
    PartitionsView *view = viewOf(window);
    QVERIFY(openAndWait(window, view));
    QSignalSpy selected(view, &PartitionsView::partitionSelected);
    const Partition &swap = m_table.partitions.at(2);
    window.showClusters(ClusterRange{swap.clusters().first + 5, 2});
    QCOMPARE(view->partitionAt(view->treeView()->currentIndex())->number, 3);
    QVERIFY(selected.isEmpty()); // following the map asks the map for nothing
    window.showClusters(ClusterRange{0, 1}); // before the first partition
    QVERIFY(view->treeView()->selectionModel()->selectedRows().isEmpty());
}

void PartitionsPanelTest::followsTheEditSession()
{
    // A copy of the disk in a folder of its own, since this test writes.
    QDir folder(m_dir.path());
    QVERIFY(folder.mkpath(u"edit"_s) && folder.cd(u"edit"_s));
    QVERIFY(QFile::copy(m_dir.filePath(u"base.raw"_s), folder.filePath(u"base.raw"_s)));
    QVERIFY(QFile::copy(m_dir.filePath(u"disk.raw"_s), folder.filePath(u"disk.raw"_s)));
    QVERIFY(QFile::copy(m_addCow, folder.filePath(u"disk.add-cow"_s)));

    MainWindow window;
    window.resize(1600, 1000);
    window.show();
    PartitionsView *view = viewOf(window);
    window.openImage(folder.filePath(u"disk.add-cow"_s));
    QVERIFY(waitForOpen(window));
    QVERIFY(QTest::qWaitFor([view] { return !view->isShowingPlaceholder(); }, 20000));
    QCOMPARE(view->allocatedClusters(), (QList<quint64>{0, 3, 0}));

    // Written in the edit session: swap's first cluster is counted at once, without reopening.
    window.document()->setWritable(true);
    QVERIFY(QTest::qWaitFor([&] { return window.isEditing(); }, 10000));
    const Partition &swap = m_table.partitions.at(2);
    QVERIFY(window.document()->write(swap.startBytes, "written").ok());
    QVERIFY(QTest::qWaitFor([view] { return view->allocatedClusters() == QList<quint64>{0, 3, 1}; }, 10000));
}

void PartitionsPanelTest::bandsOnTheHeatmap_data()
{
    QTest::addColumn<QByteArray>("script");
    QTest::addColumn<int>("bands");
    QTest::newRow("gpt") << QByteArray("label: gpt\nsize=2M, type=U, name=\"EFI system\"\nsize=6M, type=L, name=\"root\"\ntype=S, name=\"swap\"\n") << 3;
    // Partitions after the extended one are its logical partitions (5, 6); the container has no band.
    QTest::newRow("mbr extended") << QByteArray("label: dos\nsize=2M, type=83, bootable\nsize=10M, type=5\nsize=3M, type=83\ntype=82\n") << 3;
}

/** The app gives the heatmap one labelled band per partition that holds data: sfdisk's table, cluster for cluster. */
void PartitionsPanelTest::bandsOnTheHeatmap()
{
    QFETCH(QByteArray, script);
    QFETCH(int, bands);
    QDir folder(m_dir.path());
    const QString name = QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-');
    QVERIFY(folder.mkpath(name) && folder.cd(name));
    QVERIFY(makeDisk(folder.filePath(u"base.raw"_s), DiskBytes, script));
    QVERIFY(writeFile(folder.filePath(u"disk.add-cow"_s), ImageTest::addCowBytes("disk.raw", "base.raw", DiskBytes)));
    QFile image(folder.filePath(u"disk.raw"_s));
    QVERIFY(image.open(QIODevice::WriteOnly) && image.resize(qint64(DiskBytes)));
    image.close();
    const QJsonObject sfdisk = sfdiskJson(folder.filePath(u"base.raw"_s));
    const quint64 sector = quint64(sfdisk.value(u"sectorsize"_s).toInteger(512));
    QJsonArray expected;
    for (const QJsonValue &value : sfdisk.value(u"partitions"_s).toArray()) {
        const QString type = value.toObject().value(u"type"_s).toString();
        if (type != u"5"_s && type != u"f"_s && type != u"85"_s) // MBR extended containers
            expected.append(value);
    }
    QCOMPARE(expected.size(), bands);

    MainWindow window;
    window.resize(1600, 1000);
    window.show();
    PartitionsView *view = viewOf(window);
    window.openImage(folder.filePath(u"disk.add-cow"_s));
    QVERIFY(waitForOpen(window));
    QVERIFY(QTest::qWaitFor([&] { return !window.heatmap()->bands().isEmpty(); }, 20000));
    const PartitionTable &table = view->table();
    const QList<HeatmapBand> shown = window.heatmap()->bands();
    QCOMPARE(shown.size(), expected.size());
    for (qsizetype i = 0; i < shown.size(); ++i) {
        const QJsonObject partition = expected.at(i).toObject();
        const int number = nodeNumber(partition.value(u"node"_s).toString());
        const quint64 start = quint64(partition.value(u"start"_s).toInteger()) * sector;
        const quint64 length = quint64(partition.value(u"size"_s).toInteger()) * sector;
        const HeatmapBand &band = shown.at(i);
        QCOMPARE(band.range, ClusterRange::forBytes(start, length));
        QVERIFY2(band.label.startsWith(u"%1: "_s.arg(number)), qPrintable(band.label));
        if (partition.contains(u"name"_s))
            QVERIFY2(band.label.endsWith(partition.value(u"name"_s).toString()), qPrintable(band.label));
        // In the colour the list gives the partition.
        qsizetype index = 0;
        while (index < table.partitions.size() && table.partitions.at(index).number != number)
            ++index;
        QVERIFY(index < table.partitions.size());
        QVERIFY(band.color.isValid());
        QCOMPARE(band.color, partitionColor(table, index));
    }

    // A click on a band selects its clusters, and so its partition in the list.
    window.heatmap()->selectBand(1);
    QCOMPARE(window.heatmap()->selection(), shown.at(1).range);
    QCOMPARE(view->partitionAt(view->treeView()->currentIndex())->number, nodeNumber(expected.at(1).toObject().value(u"node"_s).toString()));

    // The table is gone (the guest wiped the disk's first sectors): so are the bands.
    window.document()->setWritable(true);
    QVERIFY(QTest::qWaitFor([&] { return window.isEditing(); }, 10000));
    QVERIFY(window.document()->write(0, QByteArray(4096, '\0')).ok());
    QVERIFY(QTest::qWaitFor([&] { return window.heatmap()->bands().isEmpty(); }, 10000));
    QCOMPARE(view->table().scheme, PartitionTable::Scheme::None);

    window.closeImage();
    QVERIFY(window.heatmap()->bands().isEmpty());
}

QTEST_MAIN(PartitionsPanelTest)
#include "partitionspaneltest.moc"
