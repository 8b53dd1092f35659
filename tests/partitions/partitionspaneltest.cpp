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
#include "partitionsview.h"

#include <QAction>
#include <QDir>
#include <QDockWidget>
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

QTEST_MAIN(PartitionsPanelTest)
#include "partitionspaneltest.moc"
