// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "commitjob.h"
#include "findingsview.h"
#include "heatmapview.h"
#include "heatmapwidget.h"
#include "hexchangesview.h"
#include "hexdatasource.h"
#include "hexpanel.h"
#include "hexview.h"
#include "image.h"
#include "jobmanager.h"
#include "mainwindow.h"
#include "recentfiles.h"
#include "summarystrip.h"
#include "testimages.h"

#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QScreen>
#include <QScrollBar>
#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QUrl>

#include <algorithm>
#include <atomic>

using namespace AddCow;

namespace
{
/** Holds until released or cancelled, so a job is running while the window closes. */
class HoldingJob : public Job
{
public:
    QString description() const override { return QStringLiteral("holding job"); }
    Result<void> run(JobContext &context) override
    {
        while (!release.load()) {
            if (context.isCancelled())
                return Error::make(ErrorCode::Cancelled, {}, QStringLiteral("cancelled"));
            QThread::msleep(2);
        }
        return {};
    }
    std::atomic_bool release{false};
};

void answerNextMessageBox(QMessageBox::StandardButton button, bool *seen)
{
    QTimer::singleShot(0, [button, seen] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return;
        *seen = true;
        QTest::mouseClick(box->button(button), Qt::LeftButton);
    });
}

bool waitForOpen(MainWindow &window)
{
    QSignalSpy changed(&window, &MainWindow::imageChanged);
    QSignalSpy failed(&window, &MainWindow::openFailed);
    return QTest::qWaitFor([&] { return !window.isLoading() && (changed.size() + failed.size()) > 0; }, 20000);
}
}

class MainWindowTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void menusForEveryone();
    void opensImage();
    void hexViewsShowWholeRows_data();
    void hexViewsShowWholeRows();
    void olderWindowLayoutIsNotRestored();
    void headerOnly_data();
    void headerOnly();
    void missingBackingFileDegrades();
    void notAddCow_data();
    void notAddCow();
    void recentFilesPersist();
    void newestOpenWins();
    void selectionReachesStatusBar();
    void dropOpensImage();
    void commitUpdatesHeatmapLive();
    void editAndWrite();
    void closeWithRunningJobAsks();
    void programOpensImage();
    void versionNeedsNoDisplay_data();
    void versionNeedsNoDisplay();
    void fitsSmallScreens();
    void firstFrameKeepsItsSize();
};

void MainWindowTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void MainWindowTest::init()
{
    MainWindow::settings()->clear();
}

void MainWindowTest::menusForEveryone()
{
    MainWindow window;
    for (const char *name : {"fileMenu", "editMenu", "viewMenu", "imageMenu", "helpMenu"})
        QVERIFY2(window.findChild<QMenu *>(QString::fromLatin1(name)), name);
    QVERIFY(window.findChild<QToolBar *>(QStringLiteral("mainToolBar")));
    QVERIFY(window.jobManager());
    QVERIFY(window.heatmap());
    QVERIFY(window.hexPanel());
    QVERIFY(window.headerView());
    // Every menu action has a shortcut.
    const QList<QMenu *> menus = window.findChildren<QMenu *>();
    for (QMenu *menu : menus) {
        const QList<QAction *> actions = menu->actions();
        for (QAction *action : actions) {
            if (action->isSeparator() || action->menu())
                continue;
            QVERIFY2(!action->shortcut().isEmpty(), qPrintable(action->text()));
        }
    }
}

void MainWindowTest::opensImage()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    TestImages::Options options;
    options.allocated = {{0, 4}, {100, 10}};
    const QString path = TestImages::make(dir.path(), options);
    QVERIFY(!path.isEmpty());

    MainWindow window;
    window.show();
    QSignalSpy changed(&window, &MainWindow::imageChanged);
    window.openImage(path);
    QVERIFY(waitForOpen(window));
    QCOMPARE(changed.size(), 1);
    QVERIFY(window.image());
    QVERIFY(!window.isHeaderOnly());
    QVERIFY(window.unavailableReason().isEmpty());
    QCOMPARE(window.imagePath(), path);
    QCOMPARE(window.image()->clusterCount(), AddCow::clusterCountFor(options.virtualBytes));
    QVERIFY(window.windowTitle().contains(QStringLiteral("disk.add-cow")));
    QCOMPARE(window.findChild<QStackedWidget *>(QStringLiteral("centralStack"))->currentWidget()->objectName(), QStringLiteral("mainSplitter"));
    QVERIFY(window.heatmap()->hasImageData());
    QCOMPARE(window.heatmap()->clusterCount(), window.image()->clusterCount());
    QCOMPARE(window.heatmap()->sourceOfCluster(100), DataSource::Image); // R13
    QCOMPARE(window.heatmap()->sourceOfCluster(50), DataSource::Backing);
    QCOMPARE(window.heatmap()->sourceOfCluster(120), DataSource::Zero); // past the 6 MiB backing file
    QVERIFY(window.hexPanel()->isEnabled());
    QVERIFY(window.findChild<QAction *>(QStringLiteral("goToAction"))->isEnabled());
    QVERIFY(window.findChild<QAction *>(QStringLiteral("exportHeatmapAction"))->isEnabled());
    QVERIFY(!window.summaryStrip()->isHeaderOnly());
    QVERIFY(window.findingsView()->findings().isEmpty());
}

void MainWindowTest::hexViewsShowWholeRows_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addColumn<int>("bytesPerRow");
    QTest::newRow("1600x1000: 16 bytes a row") << QSize(1600, 1000) << 16;
    QTest::newRow("1366x768: 8 bytes a row (issue 14: the ASCII columns were cut off)") << QSize(1366, 768) << 8;
}

void MainWindowTest::hexViewsShowWholeRows()
{
    QFETCH(QSize, size);
    QFETCH(int, bytesPerRow);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = TestImages::make(dir.path());
    QVERIFY(!path.isEmpty());

    MainWindow window;
    window.setWindowState(Qt::WindowNoState); // first start maximizes; the offscreen screen is small
    window.resize(size);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.openImage(path);
    QVERIFY(waitForOpen(window));
    // The hex panel spans the window; each of the three views shows its bytes (Auto: as many
    // as fit) and the ASCII column without scrolling sideways.
    QVERIFY(window.hexPanel()->width() >= window.width() - 32);
    QTRY_COMPARE(window.hexPanel()->bytesPerRow(), bytesPerRow);
    for (HexView *view : {window.hexPanel()->backingView(), window.hexPanel()->imageView(), window.hexPanel()->virtualDiskView()}) {
        QCOMPARE(view->hexLayout().offsetDigits(), HexLayout::MinOffsetDigits); // a small disk: 8 digits
        QTRY_VERIFY2(view->viewport()->width() >= view->hexLayout().totalWidth(),
                     qPrintable(QStringLiteral("%1 < %2").arg(view->viewport()->width()).arg(view->hexLayout().totalWidth())));
        QCOMPARE(view->horizontalScrollBar()->maximum(), 0);
    }
}

void MainWindowTest::olderWindowLayoutIsNotRestored()
{
    // A layout saved by the version with the hex panel beside the map is not forced on the
    // new dock arrangement: the window starts with its own layout instead.
    {
        MainWindow window;
        auto s = MainWindow::settings();
        s->setValue(QStringLiteral("MainWindow/state"), window.saveState()); // version 0
    }
    MainWindow window;
    auto *hexDock = window.findChild<QDockWidget *>(QStringLiteral("hexDock"));
    QVERIFY(hexDock);
    QCOMPARE(window.dockWidgetArea(hexDock), Qt::BottomDockWidgetArea);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.close();
    // What it saves is the new version, which a new window restores.
    const QByteArray saved = MainWindow::settings()->value(QStringLiteral("MainWindow/state")).toByteArray();
    QVERIFY(!saved.isEmpty());
    MainWindow again;
    QVERIFY(!again.restoreState(saved, 0));
    QVERIFY(again.restoreState(saved, 2));
}

void MainWindowTest::headerOnly_data()
{
    QTest::addColumn<int>("what");
    QTest::newRow("R3 version 2") << 3;
    QTest::newRow("R6 image file missing") << 6;
    QTest::newRow("R7 unknown feature bit") << 7;
    QTest::newRow("R12 bitmap bits missing") << 12;
    // A backing file replaced by a directory (issue 11) degrades: missingBackingFileDegrades.
}

// A half-broken image still shows its header and findings; what needs the disk is off, with the reason.
void MainWindowTest::headerOnly()
{
    QFETCH(int, what);
    QTemporaryDir dir;
    TestImages::Options options;
    if (what == 3)
        options.version = 2;
    if (what == 6)
        options.createImageFile = false;
    if (what == 7)
        options.features = 0x4;
    const QString path = TestImages::make(dir.path(), options);
    QVERIFY(!path.isEmpty());
    if (what == 12) {
        QFile file(path);
        QVERIFY(file.resize(4096 + 8)); // 128 clusters need 16 bitmap bytes
    }

    MainWindow window;
    window.show();
    QSignalSpy failed(&window, &MainWindow::openFailed);
    window.openImage(path);
    QVERIFY(waitForOpen(window));
    QCOMPARE(failed.size(), 0);
    QVERIFY(!window.image());
    QVERIFY(window.isHeaderOnly());
    QCOMPARE(window.imagePath(), path);
    const QString reason = window.unavailableReason();
    QVERIFY(!reason.isEmpty());

    QVERIFY(window.summaryStrip()->isHeaderOnly());
    QVERIFY(!window.findingsView()->findings().isEmpty());
    QVERIFY(hasErrors(window.findings()));
    bool ruleFound = false;
    for (const Finding &finding : window.findings())
        ruleFound = ruleFound || finding.rule() == what;
    QVERIFY2(ruleFound || what == 6, "the broken rule is among the findings");

    QVERIFY(!window.heatmap()->hasImageData());
    QVERIFY(!window.heatmapView()->isEnabled());
    QVERIFY(!window.hexPanel()->isEnabled());
    auto *stack = window.findChild<QStackedWidget *>(QStringLiteral("centralStack"));
    QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("placeholderPage"));
    QVERIFY(window.findChild<QLabel *>(QStringLiteral("placeholderText"))->text().contains(reason));
    for (const char *name : {"goToAction", "exportHeatmapAction", "exportMapJsonAction", "exportMapCsvAction", "zoomInAction"}) {
        QAction *action = window.findChild<QAction *>(QString::fromLatin1(name));
        QVERIFY2(!action->isEnabled(), name);
        QVERIFY2(action->toolTip().contains(reason), name);
    }
    QVERIFY(window.findChild<QAction *>(QStringLiteral("reloadAction"))->isEnabled());
    QCOMPARE(window.recentFiles()->files().value(0), path);
}

// Issue 14 item 3: without its backing file the bits and the raw image are still shown; what the
// virtual disk takes from the backing file is marked, never shown as bytes, and what needs it is off.
void MainWindowTest::missingBackingFileDegrades()
{
    QTemporaryDir dir;
    TestImages::Options options;
    options.allocated = {{0, 4}, {100, 10}};
    const QString path = TestImages::make(dir.path(), options);
    QVERIFY(!path.isEmpty());
    const QString backing = dir.filePath(QStringLiteral("disk-base.raw"));
    QVERIFY(QFile::rename(backing, dir.filePath(QStringLiteral("elsewhere.raw"))));

    MainWindow window;
    window.show();
    window.openImage(path);
    QVERIFY(waitForOpen(window));
    QVERIFY(window.image());
    QVERIFY(!window.isHeaderOnly());
    QVERIFY(window.image()->backingError());
    const QString reason = window.backingUnavailableReason();
    QVERIFY(reason.contains(QStringLiteral("disk-base.raw")));
    QCOMPARE(window.findChild<QStackedWidget *>(QStringLiteral("centralStack"))->currentWidget()->objectName(), QStringLiteral("mainSplitter"));

    // The map: the bits, clean clusters drawn as a backing file that cannot be read, not as zeros.
    QVERIFY(window.heatmap()->hasImageData());
    QVERIFY(window.heatmapView()->isEnabled());
    QCOMPARE(window.heatmap()->sourceOfCluster(100), DataSource::Image);
    QCOMPARE(window.heatmap()->sourceOfCluster(50), DataSource::Backing);
    QCOMPARE(window.heatmap()->sourceOfCluster(120), DataSource::Backing); // its size is unknown: not zeros
    QVERIFY(window.heatmap()->colors().isBackingUnavailable);
    QCOMPARE(window.heatmap()->colors().backing, window.heatmap()->colors().backingUnavailable);

    // The raw image file reads whole; the virtual disk reads its allocated clusters only.
    HexPanel *hex = window.hexPanel();
    QVERIFY(hex->isEnabled());
    std::shared_ptr<const HexDataSource> raw = hex->imageView()->dataSource();
    std::shared_ptr<const HexDataSource> disk = hex->virtualDiskView()->dataSource();
    QVERIFY(raw && disk);
    QByteArray bytes(16, '\0');
    QCOMPARE(raw->read(50 * ClusterSizeBytes, bytes.data(), 16), qint64(16));
    QCOMPARE(disk->read(100 * ClusterSizeBytes, bytes.data(), 16), qint64(16));
    QCOMPARE(bytes.at(0), TestImages::imageByte(100 * ClusterSizeBytes));
    QCOMPARE(disk->read(50 * ClusterSizeBytes, bytes.data(), 16), qint64(-1));  // never zeros or stale bytes
    QCOMPARE(disk->read(120 * ClusterSizeBytes, bytes.data(), 16), qint64(-1));
    QCOMPARE(hex->backingView()->dataSource()->sizeBytes(), quint64(0));
    QVERIFY(hex->findChild<QLabel *>(QStringLiteral("backingTitle"))->text().contains(QStringLiteral("cannot be read")));
    // Changes: nothing to compare written clusters with, said as such, not as a failed scan.
    auto *changes = window.findChild<HexChangesView *>();
    QVERIFY(changes);
    QVERIFY2(changes->summaryText().contains(QStringLiteral("backing file cannot be read")), qPrintable(changes->summaryText()));
    QVERIFY(!changes->summaryText().contains(QStringLiteral("failed")));

    // Actions that need the backing data are off and say why; those that need only the bits stay.
    auto *bar = window.findChild<QWidget *>(QStringLiteral("backingUnavailableBar"));
    QVERIFY(bar && bar->isVisible());
    QVERIFY(window.findChild<QLabel *>(QStringLiteral("backingUnavailableLabel"))->text().contains(reason));
    for (const char *name : {"allowEditingAction", "commitAction", "verifyAction", "serveAction"}) {
        QAction *action = window.findChild<QAction *>(QString::fromLatin1(name));
        QVERIFY2(action, name);
        QVERIFY2(!action->isEnabled(), name);
        QVERIFY2(action->toolTip().contains(reason), qPrintable(action->toolTip()));
    }
    for (const char *name : {"goToAction", "exportHeatmapAction", "exportMapJsonAction", "exportMapCsvAction"})
        QVERIFY2(window.findChild<QAction *>(QString::fromLatin1(name))->isEnabled(), name);
    QAction *locate = window.findChild<QAction *>(QStringLiteral("locateBackingAction"));
    QVERIFY(locate && locate->isEnabled());
    QTRY_VERIFY(window.findChild<QToolButton *>(QStringLiteral("backingBarLocateButton"))->isVisible());

    // Issue 11: the Findings panel is never clean beside a disk that cannot be read, here with
    // a directory in the backing file's place (R16); the map and the raw image still show.
    QVERIFY(hasErrors(window.findings()));
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("disk-base.raw")));
    window.reloadImage();
    QTRY_VERIFY_WITH_TIMEOUT(!window.isLoading() && window.image() && window.image()->backingError(), 20000);
    QVERIFY(hasErrors(window.findings()));
    bool r16 = false;
    for (const Finding &finding : window.findings())
        r16 = r16 || (finding.severity == Severity::Error && finding.rule() == 16);
    QVERIFY(r16);
    QVERIFY(window.heatmap()->hasImageData());
    QVERIFY(QDir(dir.path()).rmdir(QStringLiteral("disk-base.raw")));

    // The file is back (here: the watcher sees it): the image opens whole again.
    QVERIFY(QFile::rename(dir.filePath(QStringLiteral("elsewhere.raw")), backing));
    window.reloadImage();
    QTRY_VERIFY_WITH_TIMEOUT(window.image() && !window.image()->backingError(), 20000);
    QVERIFY(window.backingUnavailableReason().isEmpty());
    QTRY_VERIFY(!bar->isVisible());
    QVERIFY(!window.heatmap()->colors().isBackingUnavailable);
    QCOMPARE(window.heatmap()->sourceOfCluster(120), DataSource::Zero);
    QVERIFY(window.findChild<QAction *>(QStringLiteral("allowEditingAction"))->isEnabled());
}

void MainWindowTest::notAddCow_data()
{
    QTest::addColumn<QByteArray>("contents");
    QTest::newRow("R2 not add-cow") << QByteArray("QFI\xfb").append(QByteArray(8188, '\0'));
    QTest::newRow("R2 later ACOW layout") << QByteArray("ACOW").append(QByteArray(8188, '\0'));
}

void MainWindowTest::notAddCow()
{
    QFETCH(QByteArray, contents);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("other.add-cow"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(contents);
    file.close();

    MainWindow window;
    window.show();
    QSignalSpy failed(&window, &MainWindow::openFailed);
    window.openImage(path);
    QVERIFY(waitForOpen(window));
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.first().first().toString(), path);
    auto *box = window.findChild<QMessageBox *>(QStringLiteral("openErrorBox"));
    QVERIFY(box);
    QVERIFY(box->isVisible());
    QVERIFY(box->text().contains(QStringLiteral("other.add-cow")));
    QVERIFY(!box->informativeText().isEmpty());
    box->accept();
    QVERIFY(window.imagePath().isEmpty());
    QVERIFY(!window.image());
    QVERIFY(window.recentFiles()->files().isEmpty());
}

void MainWindowTest::recentFilesPersist()
{
    QTemporaryDir dir;
    const QString first = TestImages::make(dir.path(), {}, QStringLiteral("first"));
    const QString second = TestImages::make(dir.path(), {}, QStringLiteral("second"));
    QVERIFY(!first.isEmpty() && !second.isEmpty());
    {
        MainWindow window;
        window.openImage(first);
        QVERIFY(waitForOpen(window));
        window.openImage(second);
        QVERIFY(waitForOpen(window));
        QCOMPARE(window.recentFiles()->files(), (QStringList{second, first}));
    }
    {
        MainWindow window;
        QCOMPARE(window.recentFiles()->files(), (QStringList{second, first}));
        auto *recent = window.findChild<QMenu *>(QStringLiteral("recentMenu"));
        QVERIFY(recent);
        QCOMPARE(recent->actions().first()->data().toString(), second);
        // The list keeps at most ten, newest first.
        for (int i = 0; i < 12; ++i)
            window.recentFiles()->add(dir.filePath(QStringLiteral("n%1.add-cow").arg(i)));
        QCOMPARE(window.recentFiles()->files().size(), RecentFiles::maxCount());
        QCOMPARE(window.recentFiles()->files().first(), dir.filePath(QStringLiteral("n11.add-cow")));
        window.findChild<QAction *>(QStringLiteral("clearRecentAction"))->trigger();
    }
    {
        MainWindow window;
        QVERIFY(window.recentFiles()->files().isEmpty());
    }
}

// Opening runs in the background; a second request while the first runs replaces it without waiting.
void MainWindowTest::newestOpenWins()
{
    QTemporaryDir dir;
    const QString first = TestImages::make(dir.path(), {}, QStringLiteral("first"));
    const QString second = TestImages::make(dir.path(), {}, QStringLiteral("second"));
    MainWindow window;
    QSignalSpy changed(&window, &MainWindow::imageChanged);
    window.openImage(first);
    QVERIFY(window.isLoading());
    window.openImage(second);
    QTRY_VERIFY_WITH_TIMEOUT(!window.isLoading(), 20000);
    QTest::qWait(100); // a dropped first result must not arrive late either
    QCOMPARE(changed.size(), 1);
    QCOMPARE(window.imagePath(), second);
    QCOMPARE(window.image()->path(), second);
}

void MainWindowTest::selectionReachesStatusBar()
{
    QTemporaryDir dir;
    const QString path = TestImages::make(dir.path());
    MainWindow window;
    window.show();
    window.openImage(path);
    QVERIFY(waitForOpen(window));
    window.showClusters(ClusterRange{5, 3});
    QCOMPARE(window.heatmap()->selection(), (ClusterRange{5, 3}));
    const QString text = window.findChild<QLabel *>(QStringLiteral("selectionLabel"))->text();
    QVERIFY2(text.contains(QStringLiteral("5")) && text.contains(QStringLiteral("7")), qPrintable(text));
    // Past the end: clamped (R15), never selected beyond the disk.
    window.showClusters(ClusterRange{126, 10});
    QCOMPARE(window.heatmap()->selection(), (ClusterRange{126, 2}));
}

void MainWindowTest::dropOpensImage()
{
    QTemporaryDir dir;
    const QString path = TestImages::make(dir.path());
    MainWindow window;
    window.show();
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path)});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &drop);
    QVERIFY(waitForOpen(window));
    QCOMPARE(window.imagePath(), path);
    QVERIFY(window.image());

    QMimeData other;
    other.setUrls({QUrl::fromLocalFile(dir.filePath(QStringLiteral("notes.txt")))});
    QDragEnterEvent refused(QPoint(10, 10), Qt::CopyAction, &other, Qt::LeftButton, Qt::NoModifier);
    refused.ignore();
    QApplication::sendEvent(&window, &refused);
    QVERIFY(!refused.isAccepted());
}

// R19: while a commit of the shown image runs, its clusters turn "image" in the heatmap.
void MainWindowTest::commitUpdatesHeatmapLive()
{
    QTemporaryDir dir;
    TestImages::Options options;
    options.allocated = {{10, 2}};
    const QString path = TestImages::make(dir.path(), options);
    MainWindow window;
    window.show();
    window.openImage(path);
    QVERIFY(waitForOpen(window));
    QCOMPARE(window.heatmap()->sourceOfCluster(0), DataSource::Backing);

    quint64 liveClusters = 0;
    connect(window.jobManager(), &JobManager::jobClustersAllocated, this, [&](int, ClusterRange range) { liveClusters += range.count; });
    QSignalSpy finished(window.jobManager(), &JobManager::jobFinished);
    const int id = window.jobManager()->start(std::make_shared<CommitJob>(path), QStringLiteral("Commit"), path);
    QVERIFY(finished.wait(30000));
    QCOMPARE(window.jobManager()->state(id), JobState::Done);
    QVERIFY(liveClusters > 0);
    // Updates that arrive while a frame renders are applied with the next frame.
    QTRY_VERIFY_WITH_TIMEOUT(window.heatmap()->hasCurrentFrame(), 10000);
    // Every cluster the commit reported is now drawn as coming from the image file.
    for (quint64 c = 0; c < window.heatmap()->clusterCount(); ++c) {
        if (window.heatmap()->sourceOfCluster(c) != DataSource::Image && window.heatmap()->sourceOfCluster(c) != DataSource::Zero)
            QFAIL(qPrintable(QStringLiteral("cluster %1 still drawn from the backing file").arg(c)));
    }
}

// R18: a byte typed into the virtual disk is written copy-on-write; the heatmap follows.
void MainWindowTest::editAndWrite()
{
    QTemporaryDir dir;
    TestImages::Options options;
    const QString path = TestImages::make(dir.path(), options);
    MainWindow window;
    window.show();
    window.openImage(path);
    QVERIFY(waitForOpen(window));
    QAction *save = window.findChild<QAction *>(QStringLiteral("saveEditsAction"));
    QVERIFY(!save->isEnabled());

    // Issue 14: Ctrl+E and Ctrl+S reach the window while the hex view has focus.
    QVERIFY(QTest::qWaitForWindowActive(&window));
    HexView *view = window.hexPanel()->virtualDiskView();
    view->setFocus();
    QTest::keyClick(view, Qt::Key_E, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(window.isEditing(), 10000);
    QVERIFY(save->isEnabled());

    constexpr quint64 cluster = 20;
    constexpr quint64 offset = cluster * ClusterSizeBytes + 100;
    view->goToOffset(offset);
    view->setFocus();
    QTest::keyClicks(view, QStringLiteral("5a"));
    QVERIFY(window.hexPanel()->hasPendingEdits());
    QTest::keyClick(view, Qt::Key_S, Qt::ControlModifier);
    QVERIFY(!window.hexPanel()->hasPendingEdits());
    QTRY_VERIFY_WITH_TIMEOUT(window.heatmap()->hasCurrentFrame(), 10000);
    QCOMPARE(window.heatmap()->sourceOfCluster(cluster), DataSource::Image);

    // The cluster now lives in the image file: the typed byte, the rest copied from the backing file.
    QFile image(dir.filePath(QStringLiteral("disk.raw")));
    QVERIFY(image.open(QIODevice::ReadOnly));
    QVERIFY(image.seek(qint64(cluster * ClusterSizeBytes)));
    const QByteArray written = image.read(qint64(ClusterSizeBytes));
    QByteArray expected = TestImages::expectedDisk(options).mid(qint64(cluster * ClusterSizeBytes), qint64(ClusterSizeBytes));
    expected[100] = '\x5a';
    QCOMPARE(written, expected);
    Result<Image> reopened = Image::open(path);
    QVERIFY(reopened.ok());
    QCOMPARE(reopened->sourceOfCluster(cluster), DataSource::Image);
    QCOMPARE(reopened->sourceOfCluster(cluster + 1), DataSource::Backing);
}

void MainWindowTest::closeWithRunningJobAsks()
{
    MainWindow window;
    window.show();
    auto job = std::make_shared<HoldingJob>();
    const int id = window.jobManager()->start(job, QStringLiteral("holding"));

    bool asked = false;
    answerNextMessageBox(QMessageBox::No, &asked);
    QVERIFY(!window.close());
    QVERIFY(asked);
    QVERIFY(window.isVisible());
    QCOMPARE(window.jobManager()->state(id), JobState::Running);

    asked = false;
    answerNextMessageBox(QMessageBox::Yes, &asked);
    QVERIFY(window.close());
    QVERIFY(asked);
    QVERIFY(window.jobManager()->isCancelRequested(id));
    QVERIFY(window.jobManager()->waitForAll(1000)); // the job thread has returned
}

// The real program, started as a user would, opens an image and keeps running.
void MainWindowTest::programOpensImage()
{
    QTemporaryDir dir;
    const QString path = TestImages::make(dir.path());
    QProcess program;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
    program.setProcessEnvironment(environment);
    program.start(QStringLiteral(ADDCOW_STUDIO_BINARY), {path});
    QVERIFY2(program.waitForStarted(5000), qPrintable(program.errorString()));
    QVERIFY2(!program.waitForFinished(1000), program.readAllStandardError().constData()); // still running after a second
    QCOMPARE(program.state(), QProcess::Running);
    // Opening ends with the file in Open Recent, saved at once; on a busy machine that takes a while.
    const QString settingsPath = dir.filePath(QStringLiteral("config/AddCow/AddCow Studio.conf"));
    QVERIFY(QTest::qWaitFor([&] {
        return QSettings(settingsPath, QSettings::IniFormat).value(QStringLiteral("RecentFiles/files")).toStringList().value(0) == path;
    }, 20000));
    program.terminate();
    if (!program.waitForFinished(5000)) {
        program.kill();
        program.waitForFinished(5000);
    }
    const QByteArray errors = program.readAllStandardError();
    QVERIFY2(!errors.contains("cannot open"), errors.constData());
    // It remembered the file it opened.
    QSettings settings(dir.filePath(QStringLiteral("config/AddCow/AddCow Studio.conf")), QSettings::IniFormat);
    QCOMPARE(settings.value(QStringLiteral("RecentFiles/files")).toStringList().value(0), path);
}

void MainWindowTest::versionNeedsNoDisplay_data()
{
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("expected");
    QTest::newRow("--version") << QStringLiteral("--version") << QStringLiteral("AddCow Studio");
    QTest::newRow("--help") << QStringLiteral("--help") << QStringLiteral("--dark");
}

// Issue 14 item 8: --version and --help print and exit without a display, never abort.
void MainWindowTest::versionNeedsNoDisplay()
{
    QFETCH(QString, option);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    QProcess program;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"})
        environment.remove(QString::fromLatin1(name));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
    program.setProcessEnvironment(environment);
    program.start(QStringLiteral(ADDCOW_STUDIO_BINARY), {option, QStringLiteral("--lang=C")});
    QVERIFY(program.waitForFinished(10000));
    QCOMPARE(program.exitStatus(), QProcess::NormalExit);
    QCOMPARE(program.exitCode(), 0);
    const QString out = QString::fromLocal8Bit(program.readAllStandardOutput());
    QVERIFY2(out.contains(expected), qPrintable(out + QString::fromLocal8Bit(program.readAllStandardError())));
}

namespace
{
// A directory whose file system holds a sparse file of sizeBytes (ext4 stops at 16 TiB; tmpfs does not).
QString sparseDirFor(const QTemporaryDir &dir, quint64 sizeBytes)
{
    for (const QString &candidate : {dir.path(), QStringLiteral("/dev/shm")}) {
        QFile probe(candidate + QStringLiteral("/sparse-probe"));
        if (!probe.open(QIODevice::WriteOnly))
            continue;
        const bool ok = probe.resize(qint64(sizeBytes));
        probe.remove();
        if (ok)
            return candidate;
    }
    return {};
}
}

// Issue 13: no text in the window (file names, a 64 TiB disk's byte and cluster counts, the scale)
// sets its minimum size; it fits an 800x600 screen with or without an image.
void MainWindowTest::fitsSmallScreens()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    TestImages::Options options;
    options.virtualBytes = quint64(64) << 40;
    options.allocated = {{0, 4}};
    const QString parent = sparseDirFor(dir, options.virtualBytes);
    if (parent.isEmpty())
        QSKIP("no file system here holds a 64 TiB sparse file");
    QTemporaryDir imageDir(parent + QStringLiteral("/addcow-fits-XXXXXX"));
    QVERIFY(imageDir.isValid());
    const QString path = TestImages::make(imageDir.path(), options, QStringLiteral("a-disk-image-with-a-rather-long-file-name-as-people-give-them-2026-12-02"));
    QVERIFY(!path.isEmpty());

    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QSize limit(800, 600);
    QVERIFY2(window.minimumSizeHint().width() <= limit.width() && window.minimumSizeHint().height() <= limit.height(),
             qPrintable(QStringLiteral("no image: %1x%2").arg(window.minimumSizeHint().width()).arg(window.minimumSizeHint().height())));
    window.openImage(path);
    QVERIFY(waitForOpen(window));
    QVERIFY(window.image());
    QCOMPARE(window.image()->virtualSizeBytes(), options.virtualBytes);
    QTRY_VERIFY(!window.findChild<QLabel *>(QStringLiteral("zoomLabel"))->text().isEmpty());
    QVERIFY(window.summaryStrip()->virtualSizeText().contains(QStringLiteral("64")));
    QApplication::processEvents();
    QVERIFY2(window.minimumSizeHint().width() <= limit.width() && window.minimumSizeHint().height() <= limit.height(),
             qPrintable(QStringLiteral("64 TiB image: %1x%2").arg(window.minimumSizeHint().width()).arg(window.minimumSizeHint().height())));
    // The window really goes that small, and the texts are still there whole (the tooltips).
    window.setWindowState(Qt::WindowNoState);
    window.resize(limit);
    QTRY_COMPARE(window.size(), limit);
    QCOMPARE(window.findChild<QLabel *>(QStringLiteral("zoomLabel"))->toolTip(), window.heatmap()->scaleText());
}

// Issue 13: on the offscreen platform's 800x800 screen the window is laid out once before its first
// frame; the heatmap view keeps the size it had when that frame was rendered (no second layout).
void MainWindowTest::firstFrameKeepsItsSize()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    TestImages::Options options;
    options.allocated = {{0, 4}, {100, 10}};
    const QString path = TestImages::make(dir.path(), options, QStringLiteral("a-disk-image-with-a-rather-long-file-name-as-people-give-them"));
    QVERIFY(!path.isEmpty());

    MainWindow window; // first start: maximized on the 800x800 screen
    QSignalSpy rendered(window.heatmap(), &HeatmapWidget::frameRendered);
    window.show();
    window.openImage(path);
    QVERIFY(waitForOpen(window));
    QVERIFY(rendered.wait(10000) || !rendered.isEmpty());
    auto *view = window.findChild<HeatmapView *>();
    QVERIFY(view);
    const QSize atFirstFrame = view->size();
    const QSize windowAtFirstFrame = window.size();
    QTest::qWait(300);
    QCOMPARE(view->size(), atFirstFrame);
    QCOMPARE(window.size(), windowAtFirstFrame);
    QVERIFY(window.width() <= window.screen()->availableGeometry().width());
}

QTEST_MAIN(MainWindowTest)
#include "mainwindowtest.moc"

