// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "clusterrange.h"
#include "finding.h"
#include "headerparser.h"
#include "imagedocument.h"

#include <QMainWindow>

#include <memory>

class QAction;
class QDockWidget;
class QLabel;
class QMenu;
class QMimeData;
class QProgressBar;
class QPushButton;
class QSettings;
class QSplitter;
class QStackedWidget;
class QTimer;
class QToolBar;
class QToolButton;

namespace AddCow
{

class FindingsView;
class HeaderView;
class HeatmapView;
class HeatmapWidget;
class HexPanel;
class Image;
class JobManager;
class JobPanel;
class RecentFiles;
class SummaryStrip;

/**
 * The AddCow Studio window: summary strip on top, the heatmap in the middle with tabbed docks
 * for the header, the findings and the jobs beside it, and the hex panel across the whole width
 * below. The open image is an ImageDocument the views observe; the window wires actions to it.
 * Opening reads the header and checks the file set off the GUI thread; a corrupt image that
 * still has a header opens header-only, with the heatmap, hex panel and the actions that need
 * the disk disabled and the reason shown.
 *
 * Menus (object names): fileMenu, editMenu, viewMenu, imageMenu, helpMenu; toolbar mainToolBar.
 * Other parts of the app add their actions there and follow imageChanged().
 */
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /** The settings every part of the app uses (organisation "AddCow", application "AddCow Studio"). */
    static std::unique_ptr<QSettings> settings();

    JobManager *jobManager() const { return m_jobManager; }
    /** The open image every view follows. */
    ImageDocument *document() const { return m_document; }
    /** Starts opening path in the background; imageChanged() or openFailed() follows. */
    void openImage(const QString &path);
    /** Opens the current file again (after a commit, a header edit, ...). */
    void reloadImage();
    /** Shows nothing. */
    void closeImage();
    /** The .add-cow file shown (also in header-only mode); empty when none. */
    QString imagePath() const { return m_document->path(); }
    /** The open image; null when none is open or it could only be shown header-only. */
    std::shared_ptr<AddCow::Image> image() const { return m_document->image(); }
    /** True while a file is being opened. */
    bool isLoading() const { return m_document->isLoading(); }
    /** True when the virtual disk takes edits: an edit session holds the image's write locks. */
    bool isEditing() const { return m_document->isWritable(); }
    /** True when a file's header is shown but its disk cannot be read. */
    bool isHeaderOnly() const { return m_document->isHeaderOnly(); }
    /** Translated reason the disk cannot be shown; empty when it can. */
    QString unavailableReason() const { return m_unavailableReason; }
    /** Why the backing disk cannot be read although the image is shown (clean clusters unknown); empty when it can. */
    QString backingUnavailableReason() const { return m_backingUnavailableReason; }
    const AddCow::HeaderParse &headerParse() const { return m_document->headerParse(); }
    const AddCow::Findings &findings() const { return m_document->findings(); }

    HeatmapWidget *heatmap() const;
    HeatmapView *heatmapView() const { return m_heatmapView; }
    HexPanel *hexPanel() const { return m_hexPanel; }
    HeaderView *headerView() const { return m_headerView; }
    FindingsView *findingsView() const { return m_findingsView; }
    SummaryStrip *summaryStrip() const { return m_summaryStrip; }
    JobPanel *jobPanel() const { return m_jobPanel; }
    RecentFiles *recentFiles() const { return m_recentFiles; }

public Q_SLOTS:
    /** File > Open: asks for a file. */
    void open();
    /** Edit > Go To (Ctrl+G): asks for a cluster or an offset. */
    void goTo();
    /**
     * Edit > Allow Editing: takes the image's write locks (R18) and lets the hex panel take
     * edits; off writes or drops pending edits (asking first) and releases the locks.
     */
    void setEditing(bool editing);
    /** Edit > Write Edits to Disk: writes the hex panel's pending edits through the document. */
    Result<void> writePendingEdits();
    /** Selects clusters in the heatmap and shows them in the hex panel. */
    void showClusters(AddCow::ClusterRange range);

Q_SIGNALS:
    /** A file finished opening (fully or header-only), was reloaded or closed. */
    void imageChanged();
    /** path could not be opened at all; message is translated. */
    void openFailed(const QString &path, const QString &message);

protected:
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createWidgets();
    void createActions();
    void createMenus();
    void readSettings();
    void writeSettings();
    void updateRecentMenu();
    void updateActions();
    void updateZoomLabel();
    void loadingChanged();
    void holdChangesScan();
    void releaseChangesScan();
    void documentOpenFailed(const QString &path, const AddCow::Error &error);
    void imageReplaced();
    void showClustersChanged(AddCow::ClusterRange range);
    void accessChanged();
    void accessFailed(const AddCow::Error &error);
    void showOutsideChange();
    void showPlaceholder(const QString &title, const QString &text);
    void showSelection(AddCow::ClusterRange range);
    void showOffset(quint64 offsetBytes);
    void findingRangeActivated(quint64 offsetBytes, quint64 lengthBytes);
    void clustersAllocated(int jobId, AddCow::ClusterRange range);
    bool confirmDiscardEdits();
    void saveEdits();
    void exportHeatmap();
    void exportMap(bool json);
    static QStringList droppedImages(const QMimeData *mime);

    JobManager *m_jobManager;
    RecentFiles *m_recentFiles;
    ImageDocument *m_document;
    QString m_unavailableReason;
    QString m_backingUnavailableReason;
    bool m_stateRestored = false;
    bool m_changesScanHeld = false; ///< until the map's first frame of the image opening is on screen
    QTimer *m_busyDelay;

    SummaryStrip *m_summaryStrip = nullptr;
    QWidget *m_outsideChangeBar = nullptr;
    QLabel *m_outsideChangeLabel = nullptr;
    QPushButton *m_reopenButton = nullptr;
    QWidget *m_backingBar = nullptr;
    QLabel *m_backingBarLabel = nullptr;
    QToolButton *m_backingBarLocateButton = nullptr;
    QStackedWidget *m_stack = nullptr;
    QWidget *m_placeholderPage = nullptr;
    QLabel *m_placeholderTitle = nullptr;
    QLabel *m_placeholderText = nullptr;
    QToolButton *m_locateBackingButton = nullptr;
    QWidget *m_busyPage = nullptr;
    QLabel *m_busyLabel = nullptr;
    QSplitter *m_splitter = nullptr;
    HeatmapView *m_heatmapView = nullptr;
    HexPanel *m_hexPanel = nullptr;
    HeaderView *m_headerView = nullptr;
    FindingsView *m_findingsView = nullptr;
    JobPanel *m_jobPanel = nullptr;
    QDockWidget *m_hexDock = nullptr;
    QDockWidget *m_headerDock = nullptr;
    QDockWidget *m_findingsDock = nullptr;
    QDockWidget *m_jobsDock = nullptr;
    QList<QDockWidget *> m_hexToolDocks; ///< Changes, Inspector, Bookmarks, Search Results
    QToolBar *m_toolBar = nullptr;

    QLabel *m_selectionLabel = nullptr;
    QLabel *m_offsetLabel = nullptr;
    QLabel *m_zoomLabel = nullptr;
    QProgressBar *m_busyIndicator = nullptr;

    QMenu *m_fileMenu = nullptr;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_editMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_imageMenu = nullptr;
    QMenu *m_helpMenu = nullptr;

    QAction *m_openAction = nullptr;
    QAction *m_reloadAction = nullptr;
    QAction *m_closeAction = nullptr;
    QAction *m_clearRecentAction = nullptr;
    QAction *m_exportHeatmapAction = nullptr;
    QAction *m_exportJsonAction = nullptr;
    QAction *m_exportCsvAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_goToAction = nullptr;
    QAction *m_editingAction = nullptr;
    QAction *m_saveEditsAction = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QAction *m_zoomInAction = nullptr;
    QAction *m_zoomOutAction = nullptr;
    QAction *m_zoomFitAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_aboutQtAction = nullptr;
};

} // namespace AddCow
