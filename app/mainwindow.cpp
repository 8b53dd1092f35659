// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "mainwindow.h"

#include "aboutdialog.h"
#include "addcowapp_debug.h"
#include "appicons.h"
#include "commitdialog.h"
#include "commitdonedialog.h"
#include "createwizard.h"
#include "findingsview.h"
#include "firstframereporter.h"
#include "format.h"
#include "gotodialog.h"
#include "headerview.h"
#include "heatmapview.h"
#include "heatmapwidget.h"
#include "hexbookmarksview.h"
#include "hexchangesmodel.h"
#include "hexchangesview.h"
#include "hexinspectorview.h"
#include "hexpanel.h"
#include "hexsearchresultsview.h"
#include "hexview.h"
#include "imageactions.h"
#include "image.h"
#include "jobmanager.h"
#include "jobpanel.h"
#include "languagedialog.h"
#include "mapexportjob.h"
#include "partitionspanel.h"
#include "recentfiles.h"
#include "serveactions.h"
#include "ruletext.h"
#include "summarystrip.h"
#include "whatisaddcowdialog.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFrame>
#include <QHBoxLayout>
#include <QImage>
#include <QKeySequence>
#include <QSignalBlocker>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>
#include <QUrl>
#include <QVBoxLayout>

#include <limits>
#include <map>
#include <vector>

using namespace Qt::StringLiterals;

namespace AddCow
{

namespace
{
constexpr int BusyIndicatorDelayMs = 150; // small files open without a flash of the busy page
constexpr int CloseWaitMs = 3000;         // how long quitting waits for cancelled jobs
constexpr int ChangesScanHoldMaxMs = 2000; // the Changes scan waits at most this long for the map's counted frame
// saveState() version: 2 since the hex panel is a bottom dock and the other docks are tabs on the right.
constexpr int WindowStateVersion = 2;

QString hexOffset(quint64 offsetBytes)
{
    return u"0x"_s + QString::number(offsetBytes, 16);
}

QString noImageText()
{
    return MainWindow::tr("Open an add-cow image with File › Open (%1), pick one from File › Open Recent, or drop a .add-cow file here.")
        .arg(QKeySequence(QKeySequence::Open).toString(QKeySequence::NativeText));
}
}

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_jobManager(new JobManager(this))
    , m_recentFiles(new RecentFiles(this))
    , m_document(new ImageDocument(this))
    , m_busyDelay(new QTimer(this))
{
    setObjectName(u"mainWindow"_s);
    setWindowTitle(tr("AddCow Studio"));
    if (QApplication::windowIcon().isNull()) // main() sets it for every window (tests do not)
        setWindowIcon(AppIcons::application());
    setAcceptDrops(true);
    m_busyDelay->setSingleShot(true);
    m_busyDelay->setInterval(BusyIndicatorDelayMs);
    connect(m_busyDelay, &QTimer::timeout, this, [this] {
        if (!isLoading())
            return;
        m_stack->setCurrentWidget(m_busyPage);
        m_busyIndicator->show();
    });
    connect(m_document, &ImageDocument::loadingChanged, this, &MainWindow::loadingChanged);
    connect(m_document, &ImageDocument::openFailed, this, &MainWindow::documentOpenFailed);
    connect(m_document, &ImageDocument::clustersChanged, this, &MainWindow::showClustersChanged);
    connect(m_document, &ImageDocument::accessChanged, this, &MainWindow::accessChanged);
    connect(m_document, &ImageDocument::accessFailed, this, &MainWindow::accessFailed);
    connect(m_document, &ImageDocument::outsideChangeDetected, this, &MainWindow::showOutsideChange);

    createWidgets();
    // After the views' own connections: the summary strip has its new texts (and height) when
    // imageReplaced() settles the layout for the heatmap's first frame (issue 13).
    connect(m_document, &ImageDocument::imageReplaced, this, &MainWindow::imageReplaced);
    createActions();
    createMenus();
    auto *imageActions = new ImageActions(this); // File › New Image, Image › Commit/Verify/Edit File Names, Locate Backing File
    new ServeActions(this); // Image › Serve to a Virtual Machine
    // The placeholder offers to locate a backing file that is missing, right where it says so.
    m_locateBackingButton->setDefaultAction(imageActions->locateBackingAction());
    m_locateBackingButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_backingBarLocateButton->setDefaultAction(imageActions->locateBackingAction());
    m_backingBarLocateButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    connect(imageActions->locateBackingAction(), &QAction::changed, this, [this, imageActions] {
        m_locateBackingButton->setVisible(imageActions->locateBackingAction()->isEnabled() && isHeaderOnly());
        m_backingBarLocateButton->setVisible(imageActions->locateBackingAction()->isEnabled());
    });
    new PartitionsPanel(this); // the Partitions dock (before readSettings, which restores its place)

    connect(m_recentFiles, &RecentFiles::changed, this, [this] {
        updateRecentMenu();
        auto s = settings();
        m_recentFiles->save(*s);
    });
    connect(m_jobManager, &JobManager::jobClustersAllocated, this, &MainWindow::clustersAllocated);
    connect(m_jobManager, &JobManager::jobStarted, this, [this] {
        m_jobsDock->show();
        m_jobsDock->raise();
        statusBar()->showMessage(tr("Job started; see the Jobs panel"), 3000);
    });

    readSettings();
    updateRecentMenu();
    showPlaceholder(tr("No image open"), noImageText());
    updateActions();
}

MainWindow::~MainWindow()
{
    // The views go first; the document must not tell them anything on its way out.
    m_document->disconnect(this);
}

std::unique_ptr<QSettings> MainWindow::settings()
{
    return std::make_unique<QSettings>(u"AddCow"_s, u"AddCow Studio"_s);
}

void MainWindow::createWidgets()
{
    m_summaryStrip = new SummaryStrip(this);
    m_summaryStrip->setDocument(m_document);

    // Says what another program did to the open files that needs the user's word (reopen).
    m_outsideChangeBar = new QFrame(this);
    m_outsideChangeBar->setObjectName(u"outsideChangeBar"_s);
    static_cast<QFrame *>(m_outsideChangeBar)->setFrameShape(QFrame::StyledPanel);
    m_outsideChangeBar->setAutoFillBackground(true);
    m_outsideChangeBar->setBackgroundRole(QPalette::ToolTipBase);
    m_outsideChangeBar->setForegroundRole(QPalette::ToolTipText);
    auto *outsideIcon = new QLabel(m_outsideChangeBar);
    const int iconExtent = style()->pixelMetric(QStyle::PM_SmallIconSize);
    outsideIcon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(iconExtent, iconExtent));
    m_outsideChangeLabel = new QLabel(m_outsideChangeBar);
    m_outsideChangeLabel->setObjectName(u"outsideChangeLabel"_s);
    m_outsideChangeLabel->setWordWrap(true);
    m_outsideChangeLabel->setTextFormat(Qt::PlainText);
    m_reopenButton = new QPushButton(tr("&Reopen"), m_outsideChangeBar);
    m_reopenButton->setObjectName(u"reopenButton"_s);
    connect(m_reopenButton, &QPushButton::clicked, this, [this] {
        if (confirmDiscardEdits())
            reloadImage();
    });
    auto *outsideLayout = new QHBoxLayout(m_outsideChangeBar);
    outsideLayout->addWidget(outsideIcon);
    outsideLayout->addWidget(m_outsideChangeLabel, 1);
    outsideLayout->addWidget(m_reopenButton);
    m_outsideChangeBar->hide();

    // The backing file cannot be read: what is shown, what is not, and where to find it (issue 14).
    m_backingBar = new QFrame(this);
    m_backingBar->setObjectName(u"backingUnavailableBar"_s);
    static_cast<QFrame *>(m_backingBar)->setFrameShape(QFrame::StyledPanel);
    m_backingBar->setAutoFillBackground(true);
    m_backingBar->setBackgroundRole(QPalette::ToolTipBase);
    m_backingBar->setForegroundRole(QPalette::ToolTipText);
    auto *backingIcon = new QLabel(m_backingBar);
    backingIcon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(iconExtent, iconExtent));
    m_backingBarLabel = new QLabel(m_backingBar);
    m_backingBarLabel->setObjectName(u"backingUnavailableLabel"_s);
    m_backingBarLabel->setWordWrap(true);
    m_backingBarLabel->setTextFormat(Qt::PlainText);
    m_backingBarLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_backingBarLocateButton = new QToolButton(m_backingBar);
    m_backingBarLocateButton->setObjectName(u"backingBarLocateButton"_s);
    auto *backingLayout = new QHBoxLayout(m_backingBar);
    backingLayout->addWidget(backingIcon, 0, Qt::AlignTop);
    backingLayout->addWidget(m_backingBarLabel, 1);
    backingLayout->addWidget(m_backingBarLocateButton, 0, Qt::AlignVCenter);
    m_backingBar->hide();

    // Page shown when there is no disk to show: nothing open, or header-only mode with the reason.
    m_placeholderPage = new QWidget(this);
    m_placeholderPage->setObjectName(u"placeholderPage"_s);
    m_placeholderTitle = new QLabel(m_placeholderPage);
    m_placeholderTitle->setObjectName(u"placeholderTitle"_s);
    m_placeholderTitle->setAlignment(Qt::AlignCenter);
    m_placeholderTitle->setWordWrap(true); // a long file name must not widen the window (issue 13)
    QFont titleFont = m_placeholderTitle->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_placeholderTitle->setFont(titleFont);
    m_placeholderText = new QLabel(m_placeholderPage);
    m_placeholderText->setObjectName(u"placeholderText"_s);
    m_placeholderText->setAlignment(Qt::AlignCenter);
    m_placeholderText->setWordWrap(true);
    m_placeholderText->setTextFormat(Qt::PlainText);
    m_placeholderText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_placeholderText->setForegroundRole(QPalette::PlaceholderText);
    auto *placeholderLayout = new QVBoxLayout(m_placeholderPage);
    placeholderLayout->addStretch(1);
    placeholderLayout->addWidget(m_placeholderTitle);
    placeholderLayout->addWidget(m_placeholderText);
    m_locateBackingButton = new QToolButton(m_placeholderPage);
    m_locateBackingButton->setObjectName(u"locateBackingButton"_s);
    m_locateBackingButton->hide();
    placeholderLayout->addWidget(m_locateBackingButton, 0, Qt::AlignHCenter);
    placeholderLayout->addStretch(2);
    placeholderLayout->setContentsMargins(48, 24, 48, 24);

    m_busyPage = new QWidget(this);
    m_busyPage->setObjectName(u"busyPage"_s);
    m_busyLabel = new QLabel(m_busyPage);
    m_busyLabel->setAlignment(Qt::AlignCenter);
    m_busyLabel->setWordWrap(true);
    auto *busyBar = new QProgressBar(m_busyPage);
    busyBar->setRange(0, 0);
    busyBar->setMaximumWidth(fontMetrics().averageCharWidth() * 40);
    auto *busyLayout = new QVBoxLayout(m_busyPage);
    busyLayout->addStretch(1);
    busyLayout->addWidget(m_busyLabel);
    busyLayout->addWidget(busyBar, 0, Qt::AlignHCenter);
    busyLayout->addStretch(2);

    m_heatmapView = new HeatmapView(this);
    m_hexPanel = new HexPanel(this);
    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setObjectName(u"mainSplitter"_s);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_heatmapView);

    m_stack = new QStackedWidget(this);
    m_stack->setObjectName(u"centralStack"_s);
    m_stack->addWidget(m_placeholderPage);
    m_stack->addWidget(m_busyPage);
    m_stack->addWidget(m_splitter);

    auto *central = new QWidget(this);
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    centralLayout->addWidget(m_summaryStrip);
    centralLayout->addWidget(m_outsideChangeBar);
    centralLayout->addWidget(m_backingBar);
    centralLayout->addWidget(m_stack, 1);
    setCentralWidget(central);

    // The three hex views need the whole width for 16 bytes and ASCII each: the hex panel is a
    // bottom dock that owns both bottom corners. Header, findings and jobs are tabs on the right
    // of the map.
    m_hexDock = new QDockWidget(tr("Hex"), this);
    m_hexDock->setObjectName(u"hexDock"_s);
    m_hexDock->setWidget(m_hexPanel);
    setCorner(Qt::BottomLeftCorner, Qt::BottomDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::BottomDockWidgetArea);
    addDockWidget(Qt::BottomDockWidgetArea, m_hexDock);

    m_headerView = new HeaderView(this);
    m_headerView->setDocument(m_document);
    m_headerDock = new QDockWidget(tr("Header"), this);
    m_headerDock->setObjectName(u"headerDock"_s);
    m_headerDock->setWidget(m_headerView);
    addDockWidget(Qt::RightDockWidgetArea, m_headerDock);

    m_findingsView = new FindingsView(this);
    m_findingsView->setDocument(m_document);
    m_findingsDock = new QDockWidget(tr("Findings"), this);
    m_findingsDock->setObjectName(u"findingsDock"_s);
    m_findingsDock->setWidget(m_findingsView);
    tabifyDockWidget(m_headerDock, m_findingsDock);

    m_jobPanel = new JobPanel(m_jobManager, this);
    m_jobsDock = new QDockWidget(tr("Jobs"), this);
    m_jobsDock->setObjectName(u"jobsDock"_s);
    m_jobsDock->setWidget(m_jobPanel);
    tabifyDockWidget(m_findingsDock, m_jobsDock);

    // The hex panel's tool views, tabs of their own under the header, findings and jobs: seven
    // tabs in one row would not show their titles.
    QDockWidget *previous = nullptr;
    const std::pair<QWidget *, QString> hexTools[] = {{m_hexPanel->changesView(), tr("Changes")},
                                                      {m_hexPanel->inspectorView(), tr("Inspector")},
                                                      {m_hexPanel->bookmarksView(), tr("Bookmarks")},
                                                      {m_hexPanel->searchResultsView(), tr("Search Results")}};
    for (const auto &[view, title] : hexTools) {
        auto *dock = new QDockWidget(title, this);
        dock->setObjectName(view->objectName() + u"Dock"_s);
        dock->setWidget(view);
        view->show();
        if (previous)
            tabifyDockWidget(previous, dock);
        else // below the header's tabs (splitDockWidget on a tabbed dock would add a tab)
            addDockWidget(Qt::RightDockWidgetArea, dock, Qt::Vertical);
        m_hexToolDocks.append(dock);
        previous = dock;
    }
    m_hexToolDocks.first()->raise();
    m_headerDock->raise();

    m_selectionLabel = new QLabel(this);
    m_selectionLabel->setObjectName(u"selectionLabel"_s);
    m_offsetLabel = new QLabel(this);
    m_offsetLabel->setObjectName(u"offsetLabel"_s);
    m_zoomLabel = new QLabel(this);
    m_zoomLabel->setObjectName(u"zoomLabel"_s);
    // The scale text is long ("1 pixel = ... clusters ..."): it may be cut where the window is
    // narrow, the tooltip keeps it whole, and it does not set the window's minimum width (issue 13).
    m_zoomLabel->setMinimumWidth(fontMetrics().averageCharWidth() * 12);
    m_busyIndicator = new QProgressBar(this);
    m_busyIndicator->setObjectName(u"busyIndicator"_s);
    m_busyIndicator->setRange(0, 0);
    m_busyIndicator->setMaximumWidth(fontMetrics().averageCharWidth() * 16);
    m_busyIndicator->hide();
    statusBar()->addPermanentWidget(m_busyIndicator);
    statusBar()->addPermanentWidget(m_selectionLabel);
    statusBar()->addPermanentWidget(m_offsetLabel);
    statusBar()->addPermanentWidget(m_zoomLabel);

    HeatmapWidget *map = heatmap();
    connect(map, &HeatmapWidget::selectionChanged, this, [this](ClusterRange range) {
        if (m_hexPanel->isEnabled() && !range.isEmpty())
            m_hexPanel->showClusterRange(range);
        showSelection(range);
    });
    connect(map, &HeatmapWidget::clusterActivated, this, [this](quint64 clusterIndex) {
        showClusters(ClusterRange{clusterIndex, 1});
    });
    connect(map, &HeatmapWidget::frameRendered, this, [this] {
        // Right after the paint of the frame with every block counted, which is already posted (issue 13).
        if (m_changesScanHeld && heatmap()->hasImageData() && heatmap()->hasCurrentFrame())
            QTimer::singleShot(0, this, &MainWindow::releaseChangesScan);
    });
    connect(map, &HeatmapWidget::zoomChanged, this, &MainWindow::updateZoomLabel);
    connect(map, &HeatmapWidget::exportRequested, this, &MainWindow::exportHeatmap);
    connect(map, &HeatmapWidget::rowClustersChanged, this, [](int log2) {
        // Not when readSettings() restores the stored value: starting writes no file (issue 13).
        auto s = settings();
        if (s->value(u"Heatmap/rowClustersLog2"_s) != log2)
            s->setValue(u"Heatmap/rowClustersLog2"_s, log2);
    });
    connect(m_hexPanel, &HexPanel::offsetChanged, this, &MainWindow::showOffset);
    // The hex panel shows the document's image and follows its writes and reloaded bits.
    m_hexPanel->setDocument(m_document);
    connect(m_hexPanel, &HexPanel::showInHeatmapRequested, this, [this](ClusterRange range) {
        heatmap()->goToCluster(range.first);
        const QSignalBlocker blocker(heatmap()); // the hex views stay on the byte the user chose
        heatmap()->setSelection(range);
        showSelection(range);
    });
    connect(m_hexPanel, &HexPanel::toolViewRequested, this, [this](QWidget *view) {
        for (QDockWidget *dock : std::as_const(m_hexToolDocks)) {
            if (dock->widget() == view) {
                dock->show();
                dock->raise();
            }
        }
    });
    connect(m_headerView, &HeaderView::fieldSelected, this, [this](HeaderField field) {
        const HeaderFieldInfo &info = headerFieldInfo(field);
        if (info.lengthBytes > 0)
            statusBar()->showMessage(tr("%1: bytes %2–%3").arg(fieldDisplayName(field)).arg(info.offsetBytes).arg(info.offsetBytes + info.lengthBytes - 1), 5000);
        else
            statusBar()->showMessage(fieldDisplayName(field), 5000);
    });
    connect(m_findingsView, &FindingsView::fieldActivated, this, [this](HeaderField field) {
        m_headerDock->show();
        m_headerDock->raise();
        m_headerView->selectField(field);
    });
    connect(m_findingsView, &FindingsView::rangeActivated, this, &MainWindow::findingRangeActivated);
}

void MainWindow::createActions()
{
    auto make = [this](const QString &objectName, const QString &text, const QKeySequence &shortcut, QStyle::StandardPixmap icon = QStyle::SP_CustomBase) {
        auto *action = new QAction(text, this);
        action->setObjectName(objectName);
        action->setShortcut(shortcut);
        action->setShortcutContext(Qt::WindowShortcut);
        if (icon != QStyle::SP_CustomBase)
            action->setIcon(style()->standardIcon(icon));
        return action;
    };

    m_openAction = make(u"openAction"_s, tr("&Open…"), QKeySequence::Open, QStyle::SP_DialogOpenButton);
    m_openAction->setIcon(AppIcons::action(AppIcons::Action::Open));
    m_openAction->setToolTip(tr("Open an add-cow image"));
    connect(m_openAction, &QAction::triggered, this, &MainWindow::open);

    m_reloadAction = make(u"reloadAction"_s, tr("&Reload"), QKeySequence::Refresh, QStyle::SP_BrowserReload);
    m_reloadAction->setToolTip(tr("Read the image again from disk"));
    connect(m_reloadAction, &QAction::triggered, this, &MainWindow::reloadImage);

    m_closeAction = make(u"closeImageAction"_s, tr("&Close Image"), QKeySequence::Close, QStyle::SP_DialogCloseButton);
    connect(m_closeAction, &QAction::triggered, this, [this] {
        if (confirmDiscardEdits())
            closeImage();
    });

    m_clearRecentAction = make(u"clearRecentAction"_s, tr("&Clear List"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Delete));
    connect(m_clearRecentAction, &QAction::triggered, m_recentFiles, &RecentFiles::clear);

    m_exportHeatmapAction = make(u"exportHeatmapAction"_s, tr("Export Heatmap as &PNG…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    connect(m_exportHeatmapAction, &QAction::triggered, this, &MainWindow::exportHeatmap);
    m_exportJsonAction = make(u"exportMapJsonAction"_s, tr("Export Map as &JSON…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_J));
    connect(m_exportJsonAction, &QAction::triggered, this, [this] { exportMap(true); });
    m_exportCsvAction = make(u"exportMapCsvAction"_s, tr("Export Map as &CSV…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V));
    connect(m_exportCsvAction, &QAction::triggered, this, [this] { exportMap(false); });

    // Not every platform theme binds QKeySequence::Quit; Ctrl+Q is what users expect then.
    const QKeySequence quitKey = QKeySequence(QKeySequence::Quit).isEmpty() ? QKeySequence(Qt::CTRL | Qt::Key_Q) : QKeySequence(QKeySequence::Quit);
    m_quitAction = make(u"quitAction"_s, tr("&Quit"), quitKey);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_goToAction = make(u"goToAction"_s, tr("&Go To…"), QKeySequence(Qt::CTRL | Qt::Key_G), QStyle::SP_ArrowForward);
    m_goToAction->setToolTip(tr("Go to a cluster or an offset of the virtual disk"));
    connect(m_goToAction, &QAction::triggered, this, &MainWindow::goTo);

    m_editingAction = make(u"allowEditingAction"_s, tr("Allow &Editing"), QKeySequence(Qt::CTRL | Qt::Key_E));
    m_editingAction->setCheckable(true);
    connect(m_editingAction, &QAction::triggered, this, &MainWindow::setEditing);
    m_saveEditsAction = make(u"saveEditsAction"_s, tr("&Write Edits to Disk"), QKeySequence::Save, QStyle::SP_DialogSaveButton);
    connect(m_saveEditsAction, &QAction::triggered, this, &MainWindow::saveEdits);

    m_undoAction = m_hexPanel->undoStack()->createUndoAction(this, tr("&Undo"));
    m_undoAction->setObjectName(u"undoAction"_s);
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_redoAction = m_hexPanel->undoStack()->createRedoAction(this, tr("&Redo"));
    m_redoAction->setObjectName(u"redoAction"_s);
    m_redoAction->setShortcut(QKeySequence::Redo);

    m_zoomInAction = make(u"zoomInAction"_s, tr("Zoom &In"), QKeySequence::ZoomIn);
    m_zoomInAction->setIcon(AppIcons::action(AppIcons::Action::ZoomIn));
    connect(m_zoomInAction, &QAction::triggered, this, [this] { heatmap()->zoomIn(); });
    m_zoomOutAction = make(u"zoomOutAction"_s, tr("Zoom &Out"), QKeySequence::ZoomOut);
    m_zoomOutAction->setIcon(AppIcons::action(AppIcons::Action::ZoomOut));
    connect(m_zoomOutAction, &QAction::triggered, this, [this] { heatmap()->zoomOut(); });
    m_zoomFitAction = make(u"zoomFitAction"_s, tr("Zoom to &Fit"), QKeySequence(Qt::CTRL | Qt::Key_0));
    m_zoomFitAction->setIcon(AppIcons::action(AppIcons::Action::ZoomFit));
    connect(m_zoomFitAction, &QAction::triggered, this, [this] { heatmap()->zoomToFit(); });

    m_aboutAction = make(u"aboutAction"_s, tr("&About AddCow Studio"), QKeySequence(Qt::SHIFT | Qt::Key_F1));
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, [this] {
        auto *about = new AboutDialog(this);
        about->setAttribute(Qt::WA_DeleteOnClose);
        about->open();
    });
    m_aboutQtAction = make(u"aboutQtAction"_s, tr("About &Qt"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F1));
    m_aboutQtAction->setMenuRole(QAction::AboutQtRole);
    connect(m_aboutQtAction, &QAction::triggered, qApp, &QApplication::aboutQt);
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(tr("&File"));
    m_fileMenu->setObjectName(u"fileMenu"_s);
    m_fileMenu->addAction(m_openAction);
    m_recentMenu = m_fileMenu->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(u"recentMenu"_s);
    m_recentMenu->setToolTipsVisible(true);
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::updateRecentMenu); // files come and go
    m_fileMenu->addAction(m_reloadAction);
    m_fileMenu->addAction(m_closeAction);
    m_fileMenu->addSeparator();
    QMenu *exportMenu = m_fileMenu->addMenu(tr("&Export"));
    exportMenu->setObjectName(u"exportMenu"_s);
    exportMenu->addAction(m_exportHeatmapAction);
    exportMenu->addAction(m_exportJsonAction);
    exportMenu->addAction(m_exportCsvAction);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_quitAction);

    m_editMenu = menuBar()->addMenu(tr("&Edit"));
    m_editMenu->setObjectName(u"editMenu"_s);
    m_editMenu->addAction(m_undoAction);
    m_editMenu->addAction(m_redoAction);
    m_editMenu->addSeparator();
    m_editMenu->addAction(m_editingAction);
    m_editMenu->addAction(m_saveEditsAction);
    m_editMenu->addSeparator();
    m_editMenu->addAction(m_goToAction);

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    m_viewMenu->setObjectName(u"viewMenu"_s);
    m_viewMenu->addAction(m_zoomInAction);
    m_viewMenu->addAction(m_zoomOutAction);
    m_viewMenu->addAction(m_zoomFitAction);
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(heatmap()->shorterRowsAction());
    m_viewMenu->addAction(heatmap()->longerRowsAction());
    m_viewMenu->addAction(heatmap()->automaticRowsAction());
    m_viewMenu->addSeparator();
    const std::pair<QDockWidget *, Qt::Key> docks[] = {{m_headerDock, Qt::Key_1},      {m_findingsDock, Qt::Key_2},     {m_jobsDock, Qt::Key_3},
                                                       {m_hexDock, Qt::Key_5},         {m_hexToolDocks.at(0), Qt::Key_6}, {m_hexToolDocks.at(1), Qt::Key_7},
                                                       {m_hexToolDocks.at(2), Qt::Key_8}, {m_hexToolDocks.at(3), Qt::Key_9}};
    for (const auto &[dock, key] : docks) {
        QAction *toggle = dock->toggleViewAction();
        toggle->setObjectName(dock->objectName() + u"ToggleAction"_s);
        toggle->setShortcut(QKeySequence(Qt::ALT | key));
        m_viewMenu->addAction(toggle);
    }

    m_imageMenu = menuBar()->addMenu(tr("&Image"));
    m_imageMenu->setObjectName(u"imageMenu"_s);

    m_helpMenu = menuBar()->addMenu(tr("&Help"));
    m_helpMenu->setObjectName(u"helpMenu"_s);
    QAction *whatIsAction = m_helpMenu->addAction(tr("&What is add-cow?"));
    whatIsAction->setObjectName(u"whatIsAddCowAction"_s);
    whatIsAction->setShortcut(QKeySequence(Qt::Key_F1));
    whatIsAction->setShortcutContext(Qt::WindowShortcut);
    connect(whatIsAction, &QAction::triggered, this, [this] {
        auto *page = new WhatIsAddCowDialog(this);
        page->setAttribute(Qt::WA_DeleteOnClose);
        page->open();
    });
    QAction *languageAction = m_helpMenu->addAction(tr("Switch Application &Language…"));
    languageAction->setObjectName(u"switchLanguageAction"_s);
    languageAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    languageAction->setShortcutContext(Qt::WindowShortcut);
    connect(languageAction, &QAction::triggered, this, [this] {
        auto *dialog = new LanguageDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    m_helpMenu->addSeparator();
    m_helpMenu->addAction(m_aboutAction);
    m_helpMenu->addAction(m_aboutQtAction);

    m_toolBar = addToolBar(tr("Main Toolbar"));
    m_toolBar->setObjectName(u"mainToolBar"_s);
    m_toolBar->addAction(m_openAction);
    m_toolBar->addAction(m_reloadAction);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_goToAction);
    QAction *toolBarToggle = m_toolBar->toggleViewAction();
    toolBarToggle->setObjectName(u"mainToolBarToggleAction"_s);
    toolBarToggle->setShortcut(QKeySequence(Qt::ALT | Qt::Key_4));
    m_viewMenu->addAction(toolBarToggle);
}

void MainWindow::readSettings()
{
    auto s = settings();
    m_recentFiles->load(*s);
    s->beginGroup(u"MainWindow"_s);
    if (!restoreGeometry(s->value(u"geometry"_s).toByteArray())) {
        // First start: the three hex views want the whole width of the screen.
        const QRect available = screen() ? screen()->availableGeometry() : QRect(0, 0, 1600, 1000);
        setGeometry(available);
        setWindowState(windowState() | Qt::WindowMaximized);
    }
    m_stateRestored = restoreState(s->value(u"state"_s).toByteArray(), WindowStateVersion);
    s->endGroup();
    heatmap()->setRowClustersLog2(s->value(u"Heatmap/rowClustersLog2"_s, HeatmapWidget::AutomaticRows).toInt());
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (m_stateRestored)
        return;
    // First start (or a layout from an older version): the hex panel gets two fifths of the
    // height, the header tabs a third of the width beside the map.
    m_stateRestored = true;
    resizeDocks({m_hexDock}, {height() * 42 / 100}, Qt::Vertical);
    resizeDocks({m_headerDock}, {width() * 34 / 100}, Qt::Horizontal);
    resizeDocks({m_headerDock, m_hexToolDocks.first()}, {height() * 30 / 100, height() * 25 / 100}, Qt::Vertical);
}

void MainWindow::writeSettings()
{
    auto s = settings();
    s->beginGroup(u"MainWindow"_s);
    s->setValue(u"geometry"_s, saveGeometry());
    s->setValue(u"state"_s, saveState(WindowStateVersion));
    s->remove(u"splitter"_s); // the map and the hex panel were a splitter before version 2
    s->endGroup();
    m_recentFiles->save(*s);
}

HeatmapWidget *MainWindow::heatmap() const
{
    return m_heatmapView->heatmap();
}

void MainWindow::open()
{
    const QString dir = imagePath().isEmpty() ? QString() : QFileInfo(imagePath()).absolutePath();
    const QString path = QFileDialog::getOpenFileName(this,
                                                      tr("Open add-cow Image"),
                                                      dir,
                                                      tr("add-cow images (*.add-cow);;All files (*)"));
    if (!path.isEmpty() && confirmDiscardEdits())
        openImage(path);
}

void MainWindow::openImage(const QString &path)
{
    if (path.isEmpty())
        return;
    const QString absolute = QFileInfo(path).absoluteFilePath();
    qCDebug(ADDCOW_APP) << "opening" << absolute;
    m_busyLabel->setText(tr("Opening %1…").arg(QDir::toNativeSeparators(absolute)));
    statusBar()->showMessage(tr("Opening %1…").arg(QFileInfo(absolute).fileName()));
    // With nothing shown yet, say what is happening at once, not "No image open".
    if (m_document->path().isEmpty())
        showPlaceholder(tr("Opening %1…").arg(QFileInfo(absolute).fileName()), QDir::toNativeSeparators(absolute));
    m_busyDelay->start();
    holdChangesScan();
    m_document->open(absolute);
}

void MainWindow::reloadImage()
{
    m_document->reload();
}

void MainWindow::closeImage()
{
    m_document->close();
}

// Issue 13: the map of a big image comes first. The Changes list's scan of a 128 MiB bitmap
// (and the model rows it adds on this thread) would compete with the map's counting for the
// CPU, which on two cores took it from 0.1 s of counting to most of a second, so it starts
// once the map has painted a frame with every block counted, or at once when there is no map
// to wait for.
void MainWindow::holdChangesScan()
{
    if (m_changesScanHeld || !isVisible())
        return; // a hidden window paints no frame to wait for
    m_changesScanHeld = true;
    m_hexPanel->changesModel()->suspend();
    // At the latest: a map with no room to paint in must not keep the list empty.
    QTimer::singleShot(ChangesScanHoldMaxMs, this, &MainWindow::releaseChangesScan);
}

void MainWindow::releaseChangesScan()
{
    if (!m_changesScanHeld)
        return;
    m_changesScanHeld = false;
    m_hexPanel->changesModel()->unsuspend();
}

void MainWindow::loadingChanged()
{
    // No new frame to wait for: no map (header-only, closed), or the one shown stays (a failed open).
    if (!isLoading() && (!heatmap()->hasImageData() || heatmap()->hasCurrentFrame()))
        releaseChangesScan();
    if (!isLoading()) {
        m_busyDelay->stop();
        m_busyIndicator->hide();
        if (m_stack->currentWidget() == m_busyPage || (m_document->path().isEmpty() && m_stack->currentWidget() == m_placeholderPage))
            imageReplaced(); // a failed open: back to what is shown
    }
    updateActions();
}

void MainWindow::documentOpenFailed(const QString &path, const Error &error)
{
    // Not add-cow at all, or unreadable: what was shown before stays.
    releaseChangesScan();
    statusBar()->clearMessage();
    const QString message = errorText(error);
    if (error.code == ErrorCode::FileMissing)
        m_recentFiles->remove(path);
    auto *box = new QMessageBox(QMessageBox::Critical,
                                tr("Cannot Open Image"),
                                tr("%1 cannot be opened.").arg(QDir::toNativeSeparators(path)),
                                QMessageBox::Ok,
                                this);
    box->setObjectName(u"openErrorBox"_s);
    box->setInformativeText(message);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    Q_EMIT openFailed(path, message);
}

void MainWindow::imageReplaced()
{
    m_unavailableReason.clear();
    m_backingUnavailableReason.clear();
    m_backingBar->hide();
    m_selectionLabel->clear();
    m_offsetLabel->clear();
    m_hexPanel->setWritable(false);
    m_editingAction->setChecked(false);
    showOutsideChange();
    const QString path = m_document->path();

    if (path.isEmpty()) {
        setWindowTitle(tr("AddCow Studio"));
        heatmap()->clear();
        showPlaceholder(tr("No image open"), noImageText());
        updateActions();
        updateZoomLabel();
        Q_EMIT imageChanged();
        return;
    }

    FirstFrameReporter::mark("loaded"); // the document's load ended, on the GUI thread
    m_recentFiles->add(path);
    statusBar()->clearMessage();
    const QString fileName = QFileInfo(path).fileName();
    setWindowTitle(tr("%1 — AddCow Studio").arg(fileName));
    const Findings &findings = m_document->findings();
    if (const std::shared_ptr<Image> image = m_document->image()) {
        m_stack->setCurrentWidget(m_splitter);
        // The summary strip's new texts may stack its lines: let the layout settle (a resize can
        // invalidate it once more) before the heatmap takes its size for the first frame, so that
        // frame is not thrown away by a second layout (issue 13).
        for (int pass = 0; pass < 3 && layout()->activate(); ++pass) {
        }
        heatmap()->setImage(image); // shares the image's bitmap, counted in the background
        heatmap()->zoomToFit();
        if (const std::optional<Error> backingError = m_document->backingError()) {
            // The bits and the image file are known; what clean clusters hold is not.
            m_backingUnavailableReason = errorText(*backingError);
            m_backingBarLabel->setText(tr("The backing file cannot be read: %1\nThe map and the raw image file are shown; the bytes the virtual disk "
                                          "takes from the backing file are not (·· in the hex views).")
                                           .arg(m_backingUnavailableReason));
            m_backingBar->show();
            statusBar()->showMessage(tr("Opened %1 without its backing file").arg(fileName), 10000);
        } else {
            statusBar()->showMessage(hasErrors(findings) || hasWarnings(findings) ? tr("Opened %1; see the Findings panel for what the check found").arg(fileName)
                                                                                  : tr("Opened %1; no problems found").arg(fileName),
                                     5000);
        }
    } else {
        // Header-only mode: everything the header tells, every broken rule marked, no disk.
        heatmap()->clear();
        const std::optional<Error> error = m_document->imageError();
        m_unavailableReason = error ? errorText(*error) : tr("The image cannot be opened.");
        showPlaceholder(tr("Only the header of %1 can be shown").arg(fileName),
                        tr("The virtual disk cannot be read, so the map and the hex views are off:\n%1\n\n"
                           "The Header and Findings panels show what is stored and every rule it breaks.")
                            .arg(m_unavailableReason));
        m_findingsDock->show();
        m_findingsDock->raise();
        statusBar()->showMessage(tr("Opened %1 header-only; the disk cannot be read").arg(fileName), 10000);
    }
    updateActions();
    updateZoomLabel();
    Q_EMIT imageChanged();
}

void MainWindow::showClustersChanged(ClusterRange range)
{
    // The heatmap reads the image's own bitmap: recount the blocks of range, flash what is allocated.
    heatmap()->updateClusters(range);
}

void MainWindow::accessChanged()
{
    const bool editing = isEditing();
    m_editingAction->setChecked(editing || m_document->isChangingAccess());
    if (m_hexPanel->isWritable() != editing)
        m_hexPanel->setWritable(editing);
    if (m_document->isChangingAccess())
        statusBar()->showMessage(tr("Opening %1 for writing…").arg(QFileInfo(imagePath()).fileName()));
    else if (editing)
        statusBar()->showMessage(tr("Editing: type into the virtual disk view, then Edit › Write Edits to Disk (%1)")
                                     .arg(m_saveEditsAction->shortcut().toString(QKeySequence::NativeText)),
                                 10000);
    else
        statusBar()->clearMessage();
    updateActions();
}

void MainWindow::accessFailed(const Error &error)
{
    m_editingAction->setChecked(isEditing());
    updateActions();
    auto *box = new QMessageBox(QMessageBox::Warning,
                                tr("Allow Editing"),
                                isEditing() ? tr("%1 stays open for writing.").arg(QDir::toNativeSeparators(imagePath()))
                                            : tr("%1 cannot be opened for writing.").arg(QDir::toNativeSeparators(imagePath())),
                                QMessageBox::Ok,
                                this);
    box->setObjectName(u"editErrorBox"_s);
    box->setInformativeText(errorText(error));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::showOutsideChange()
{
    const QString file = QDir::toNativeSeparators(m_document->outsideChangePath());
    switch (m_document->outsideChange()) {
    case ImageDocument::OutsideChange::None:
        m_outsideChangeBar->hide();
        return;
    case ImageDocument::OutsideChange::Vanished:
        m_outsideChangeLabel->setText(tr("%1 was removed or renamed by another program. What is shown is the file as it was opened.").arg(file));
        break;
    case ImageDocument::OutsideChange::Replaced:
        m_outsideChangeLabel->setText(tr("%1 was replaced or changed by another program. Reopen the image to see it as it is now.").arg(file));
        break;
    }
    m_outsideChangeBar->show();
}

void MainWindow::showPlaceholder(const QString &title, const QString &text)
{
    m_placeholderTitle->setText(title);
    m_placeholderText->setText(text);
    m_stack->setCurrentWidget(m_placeholderPage);
}

void MainWindow::updateActions()
{
    const bool loading = isLoading();
    const bool hasFile = !imagePath().isEmpty();
    const bool hasDisk = image() != nullptr;
    QString reason;
    if (!hasFile)
        reason = tr("No image is open");
    else if (!hasDisk)
        reason = tr("Only the header can be shown: %1").arg(m_unavailableReason);

    m_reloadAction->setEnabled(hasFile && !loading);
    m_closeAction->setEnabled(hasFile && !loading);
    m_heatmapView->setEnabled(hasDisk);
    m_hexPanel->setEnabled(hasDisk);

    // Actions that need the virtual disk: disabled, with the reason as their tooltip.
    const QList<std::pair<QAction *, QString>> diskActions = {
        {m_goToAction, tr("Go to a cluster or an offset of the virtual disk")},
        {m_exportHeatmapAction, tr("Save the whole map as a PNG picture")},
        {m_exportJsonAction, tr("Save the runs of image, backing and zero data as JSON")},
        {m_exportCsvAction, tr("Save the runs of image, backing and zero data as CSV")},
        {m_zoomInAction, tr("Show fewer clusters per block")},
        {m_zoomOutAction, tr("Show more clusters per block")},
        {m_zoomFitAction, tr("Fit the whole disk in the map")},
    };
    for (const auto &[action, tip] : diskActions) {
        action->setEnabled(hasDisk && !loading);
        action->setToolTip(hasDisk ? tip : reason);
        action->setStatusTip(action->toolTip());
    }
    // R18: a write into a clean cluster copies the backing bytes around it.
    const bool canEdit = hasDisk && m_backingUnavailableReason.isEmpty();
    m_editingAction->setEnabled(canEdit && !loading && !m_document->isChangingAccess());
    m_editingAction->setToolTip(canEdit ? tr("Open the image for writing and type into the virtual disk view (copy-on-write, R18)")
                                : hasDisk ? tr("The backing file cannot be read, and writes copy its bytes: %1").arg(m_backingUnavailableReason)
                                          : reason);
    m_saveEditsAction->setEnabled(isEditing());
    m_saveEditsAction->setToolTip(isEditing() ? tr("Write the pending edits to the image file, then set their bitmap bits (R18)")
                                              : tr("Allow editing first (Edit › Allow Editing)"));
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = m_recentFiles->files();
    int number = 1;
    for (const QString &file : files) {
        // Alt+number for the first nine entries, as editors do.
        QString label = number < 10 ? u"&%1  %2"_s.arg(number).arg(QDir::toNativeSeparators(file))
                                    : QDir::toNativeSeparators(file);
        // A file that is gone (or on a drive not mounted now) stays listed, marked, until cleared.
        const bool exists = QFileInfo::exists(file);
        if (!exists)
            label = tr("%1 (missing)").arg(label);
        QAction *action = m_recentMenu->addAction(label);
        action->setData(file);
        action->setEnabled(exists);
        if (!exists)
            action->setToolTip(tr("%1 does not exist any more.").arg(QDir::toNativeSeparators(file)));
        if (number < 10)
            action->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key(Qt::Key_0 + number)));
        connect(action, &QAction::triggered, this, [this, file] {
            if (confirmDiscardEdits())
                openImage(file);
        });
        ++number;
    }
    if (!files.isEmpty())
        m_recentMenu->addSeparator();
    m_recentMenu->addAction(m_clearRecentAction);
    m_clearRecentAction->setEnabled(!files.isEmpty());
    m_recentMenu->setEnabled(true);
}

void MainWindow::updateZoomLabel()
{
    if (!image()) {
        m_zoomLabel->clear();
        m_zoomLabel->setToolTip(QString());
        return;
    }
    m_zoomLabel->setText(heatmap()->scaleText());
    m_zoomLabel->setToolTip(m_zoomLabel->text());
    m_zoomInAction->setEnabled(heatmap()->canZoomIn() && !isLoading());
    m_zoomOutAction->setEnabled(heatmap()->canZoomOut() && !isLoading());
}

void MainWindow::showSelection(ClusterRange range)
{
    if (range.isEmpty() || !image()) {
        m_selectionLabel->clear();
        return;
    }
    const QLocale locale;
    const quint64 firstByte = range.first * ClusterSizeBytes;
    const quint64 endByte = std::min(range.end() * ClusterSizeBytes, image()->virtualSizeBytes());
    const QString bytes = tr("bytes %1–%2").arg(hexOffset(firstByte), hexOffset(endByte ? endByte - 1 : 0));
    if (range.count == 1) {
        m_selectionLabel->setText(tr("Cluster %1 (%2, %3)")
                                      .arg(locale.toString(qulonglong(range.first)),
                                           QString::fromLatin1(dataSourceName(image()->sourceOfCluster(range.first))),
                                           bytes));
    } else {
        m_selectionLabel->setText(tr("Clusters %1–%2 (%3 clusters, %4)")
                                      .arg(locale.toString(qulonglong(range.first)),
                                           locale.toString(qulonglong(range.end() - 1)),
                                           locale.toString(qulonglong(range.count)),
                                           bytes));
    }
}

void MainWindow::showOffset(quint64 offsetBytes)
{
    m_offsetLabel->setText(tr("Offset %1 (cluster %2)").arg(hexOffset(offsetBytes), QLocale().toString(qulonglong(offsetBytes / ClusterSizeBytes))));
}

void MainWindow::showClusters(ClusterRange range)
{
    if (!image())
        return;
    range = range.intersected(ClusterRange{0, image()->clusterCount()});
    if (range.isEmpty())
        return;
    heatmap()->goToCluster(range.first);
    heatmap()->setSelection(range);
    m_hexPanel->showClusterRange(range);
    showSelection(range);
}

void MainWindow::goTo()
{
    if (!image())
        return;
    GoToDialog dialog(image()->clusterCount(), image()->virtualSizeBytes(), this);
    if (dialog.exec() != QDialog::Accepted || !dialog.value())
        return;
    if (dialog.target() == GoToDialog::Target::Cluster) {
        showClusters(ClusterRange{dialog.clusterIndex(), 1});
    } else {
        const quint64 offset = dialog.offsetBytes();
        heatmap()->goToCluster(offset / ClusterSizeBytes);
        heatmap()->setSelection(ClusterRange{offset / ClusterSizeBytes, 1});
        m_hexPanel->goToOffset(offset);
        showOffset(offset);
    }
}

void MainWindow::findingRangeActivated(quint64 offsetBytes, quint64 lengthBytes)
{
    const quint64 headerBytes = m_document->headerParse().header.headerSizeBytes();
    if (!image() || offsetBytes < headerBytes)
        return; // header bytes: fieldActivated already selected the row
    // R13: bitmap byte n holds clusters 8n to 8n+7.
    const quint64 firstCluster = (offsetBytes - headerBytes) * 8;
    const ClusterRange range = ClusterRange{firstCluster, std::max<quint64>(lengthBytes, 1) * 8}.intersected({0, image()->clusterCount()});
    if (!range.isEmpty())
        showClusters(range);
}

void MainWindow::clustersAllocated(int jobId, ClusterRange range)
{
    // A commit of the image shown: its bits are being set on disk right now (R19); the document
    // reads them in and every view follows.
    if (image() && isSameFile(m_jobManager->addCowPath(jobId), imagePath())) {
        if (const Result<void> reloaded = m_document->reloadClusters(range); !reloaded)
            qCWarning(ADDCOW_APP) << "cannot re-read the bitmap" << reloaded.error().message();
    }
}

bool MainWindow::confirmDiscardEdits()
{
    if (!m_hexPanel->hasPendingEdits())
        return true;
    const auto answer = QMessageBox::warning(this,
                                             tr("Unsaved Changes"),
                                             tr("The virtual disk has edits that are not written yet. Write them now?"),
                                             QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel,
                                             QMessageBox::Save);
    if (answer == QMessageBox::Cancel)
        return false;
    if (answer == QMessageBox::Discard) {
        m_hexPanel->setWritable(false); // drops them
        m_hexPanel->setWritable(isEditing());
        return true;
    }
    const Result<void> saved = writePendingEdits();
    if (!saved.ok()) {
        QMessageBox::critical(this, tr("Unsaved Changes"), tr("The edits could not be written:\n%1").arg(errorText(saved.error())));
        return false;
    }
    return true;
}

void MainWindow::setEditing(bool editing)
{
    if (!editing) {
        if (!confirmDiscardEdits()) {
            m_editingAction->setChecked(true);
            return;
        }
        m_hexPanel->setWritable(false);
        m_document->setWritable(false); // releases the write locks at once; accessChanged follows
        m_editingAction->setChecked(isEditing());
        return;
    }
    if (!image() || isEditing() || m_document->isChangingAccess())
        return;
    // Takes the write locks on the image already shown (one bitmap), off the GUI thread.
    m_document->setWritable(true);
}

Result<void> MainWindow::writePendingEdits()
{
    // Through the document's edit session (R18 copy-on-write per run of edits); what failed stays pending.
    return m_hexPanel->savePendingEdits();
}

void MainWindow::saveEdits()
{
    if (!isEditing() || !m_hexPanel->hasPendingEdits())
        return;
    const qsizetype count = qsizetype(m_hexPanel->virtualDiskView()->pendingEdits().size());
    const Result<void> saved = writePendingEdits();
    if (!saved.ok()) {
        QMessageBox::critical(this, tr("Write Edits"), tr("The edits could not be written:\n%1").arg(errorText(saved.error())));
        return;
    }
    statusBar()->showMessage(tr("Wrote %n edited byte(s)", nullptr, int(std::min<qsizetype>(count, std::numeric_limits<int>::max()))), 5000);
}

void MainWindow::exportHeatmap()
{
    if (!image())
        return;
    const QString suggested = QFileInfo(imagePath()).completeBaseName() + u"-map.png"_s;
    QString path = QFileDialog::getSaveFileName(this,
                                                tr("Export Heatmap"),
                                                QFileInfo(imagePath()).absoluteDir().filePath(suggested),
                                                tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += u".png"_s;
    const QImage picture = heatmap()->exportImage(); // the grid as on screen, with axis and legend
    if (picture.isNull() || !picture.save(path, "PNG")) {
        QMessageBox::warning(this, tr("Export Heatmap"), tr("Could not write %1.").arg(QDir::toNativeSeparators(path)));
        return;
    }
    statusBar()->showMessage(tr("Saved the heatmap to %1").arg(QDir::toNativeSeparators(path)), 5000);
}

void MainWindow::exportMap(bool json)
{
    if (!image())
        return;
    const QString suffix = json ? u"json"_s : u"csv"_s;
    const QString suggested = QFileInfo(imagePath()).completeBaseName() + u"-map."_s + suffix;
    QString path = QFileDialog::getSaveFileName(this,
                                                json ? tr("Export Map as JSON") : tr("Export Map as CSV"),
                                                QFileInfo(imagePath()).absoluteDir().filePath(suggested),
                                                json ? tr("JSON files (*.json)") : tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += u'.' + suffix;
    // A map with millions of runs takes a while: run it as a job.
    auto job = std::make_shared<MapExportJob>(image(), path, json ? MapExport::Format::Json : MapExport::Format::Csv);
    m_jobManager->start(job,
                        json ? tr("Export the map of %1 as JSON").arg(QFileInfo(imagePath()).fileName())
                             : tr("Export the map of %1 as CSV").arg(QFileInfo(imagePath()).fileName()),
                        imagePath());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_jobManager->hasRunningJobs()) {
        // Jobs already being cancelled need no question, only a short wait.
        bool uncancelled = false;
        const QList<int> ids = m_jobManager->jobIds();
        for (int id : ids)
            uncancelled = uncancelled || (m_jobManager->state(id) == JobState::Running && !m_jobManager->isCancelRequested(id));
        if (uncancelled) {
            const auto answer = QMessageBox::warning(this,
                                                     tr("Jobs Are Running"),
                                                     tr("Some jobs have not finished. Cancel them and quit?\n\n"
                                                        "Cancelled jobs leave the files consistent; a commit can be resumed later."),
                                                     QMessageBox::Yes | QMessageBox::No,
                                                     QMessageBox::No);
            if (answer != QMessageBox::Yes) {
                event->ignore();
                return;
            }
        }
        m_jobManager->cancelAll();
        if (!m_jobManager->waitForAll(CloseWaitMs))
            qCWarning(ADDCOW_APP) << "jobs still running" << CloseWaitMs << "ms after cancel";
    }
    if (!confirmDiscardEdits()) {
        event->ignore();
        return;
    }
    writeSettings();
    event->accept();
}

QStringList MainWindow::droppedImages(const QMimeData *mime)
{
    QStringList paths;
    if (!mime || !mime->hasUrls())
        return paths;
    const QList<QUrl> urls = mime->urls();
    for (const QUrl &url : urls) {
        if (url.isLocalFile() && url.toLocalFile().endsWith(u".add-cow"_s, Qt::CaseInsensitive))
            paths.append(url.toLocalFile());
    }
    return paths;
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!droppedImages(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QStringList paths = droppedImages(event->mimeData());
    if (paths.isEmpty())
        return;
    event->acceptProposedAction();
    if (confirmDiscardEdits())
        openImage(paths.first());
}

} // namespace AddCow
