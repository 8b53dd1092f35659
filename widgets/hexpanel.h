// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "clusterrange.h"
#include "hexsearch.h"
#include "result.h"

#include <QFutureWatcher>
#include <QPointer>
#include <QWidget>

#include <memory>
#include <optional>

class QAction;
class QBoxLayout;
class QHBoxLayout;
class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
class QProgressBar;
class QSplitter;
class QToolButton;
class QUndoStack;

namespace AddCow
{

class HexBookmarksModel;
class HexBookmarksView;
class HexChangeMarker;
class HexChangesModel;
class HexChangesView;
class HexDataSource;
class HexInspectorView;
class HexSearchResultsModel;
class HexSearchResultsView;
class HexView;
class Image;
class ImageDocument;
struct ChangeRun;
struct HexBookmark;

/**
 * Backing file | raw image file | virtual disk, side by side in three HexViews that scroll
 * together (the Link toggle unlinks them), 8, 16 or 32 bytes a row (Auto: the most that fit).
 * The bytes writes changed (R13: bit 1 and different from the backing file) are marked red and
 * listed in the Changes view, scanned in the background; Previous/Next change go by run.
 * Go to offset; search any of the three views for hex bytes or UTF-8/UTF-16 text, ignoring
 * case, wrapping around, or Find All into a list, in the background with Cancel. A data
 * inspector decodes the bytes at the cursor; bookmarks are kept per image. The Changes,
 * Inspector, Bookmarks and Search Results views are the panel's children until the owner
 * places them (docks). With setWritable(true) the virtual disk view takes typed edits as
 * pending bytes (undo/redo through undoStack()); savePendingEdits() writes them with
 * Image::write (R18).
 */
class HexPanel : public QWidget
{
    Q_OBJECT
public:
    enum class SearchMode { HexBytes, Utf8, Utf16LE, Utf16BE };
    /** Which of the three views a search looks in. */
    enum class SearchScope { VirtualDisk, ImageFile, BackingFile };
    struct SearchOptions {
        SearchMode mode = SearchMode::HexBytes;
        SearchScope scope = SearchScope::VirtualDisk;
        bool ignoreCase = false;
        bool wrapAround = true;
    };
    /** setBytesPerRow(Auto): the most of 32, 16 and 8 that let the three views fit side by side. */
    static constexpr int AutoBytesPerRow = 0;

    explicit HexPanel(QWidget *parent = nullptr);
    ~HexPanel() override;

    /**
     * Follows document: shows its image (again after every imageReplaced()), and repaints and
     * scans for changes what its clustersChanged() and dataChanged() name (a commit, edits, other
     * programs' writes). During its edit session savePendingEdits() writes through it
     * (ImageDocument::write). Null stops following and clears.
     */
    void setDocument(ImageDocument *document);
    ImageDocument *document() const;
    /** Shows image's three byte streams; null clears. Pending edits and the undo history are dropped. */
    void setImage(std::shared_ptr<Image> image);
    /**
     * The image opened with Access::ReadWrite that savePendingEdits() writes through (null: none).
     * After a save the views read through it (its bitmap is current); when it is released, the
     * image is opened again read-only in the background so its write locks go.
     */
    void setWritableImage(std::shared_ptr<Image> image);
    void clear();
    /** Forgets cached bytes and repaints (the files changed, e.g. during a commit). */
    void refresh();
    /** The bits of clusters changed: repaints them and scans them for changes again. */
    void clustersChanged(ClusterRange range);
    /** Virtual-disk bytes changed (in the image file or through the bits): repaints and scans them again. */
    void dataChanged(quint64 offsetBytes, quint64 lengthBytes);

    /** Moves every view's cursor to offsetBytes and shows it. */
    void goToOffset(quint64 offsetBytes);
    /** Shows cluster clusterIndex's first byte in every view and highlights the cluster. */
    void goToCluster(quint64 clusterIndex);
    /** Scrolls every view to range and highlights its bytes. */
    void showClusterRange(ClusterRange range);

    void setLinked(bool linked);
    bool isLinked() const;
    /** 8, 16, 32 or AutoBytesPerRow; kept in QSettings. */
    void setBytesPerRow(int bytes);
    int bytesPerRowSetting() const { return m_bytesPerRowSetting; }
    /** What the views show now (Auto resolved). */
    int bytesPerRow() const;

    /** Lets the user type into the virtual disk view; edits stay pending until savePendingEdits(). false drops them. */
    void setWritable(bool writable);
    bool isWritable() const { return m_writable; }
    QUndoStack *undoStack() const { return m_undoStack; }
    bool hasPendingEdits() const;
    /**
     * Writes the pending edits through the document in its edit session (setDocument()), else
     * through the writable image (Image::write: R18 copy-on-write, R15),
     * emits clustersWritten() for each write that allocated clusters, then drops the edits and
     * the undo history and shows the disk as written. On failure the edits not written stay pending.
     */
    Result<void> savePendingEdits();

    /** Selects the next changed run after the cursor in every view (from the Changes list). */
    void findNextChange();
    void findPreviousChange();
    /** Selects the changed run's differing bytes in every view. */
    void showChange(const ChangeRun &run);

    void setSearchOptions(const SearchOptions &options);
    SearchOptions searchOptions() const;
    /** What text means in options' mode; nullopt when a hex pattern is not whole hex bytes. */
    static std::optional<HexSearchPattern> patternFor(const QString &text, const SearchOptions &options);
    /** Starts a background search for the next match after the cursor of scope's view (wrapping if asked). */
    void findNext(const HexSearchPattern &pattern, SearchScope scope, bool wrapAround);
    /** Starts a background Find All in scope's view; the hits fill searchResultsView(). */
    void findAll(const HexSearchPattern &pattern, SearchScope scope);
    /** The search field's text with the options set in the tool bar. */
    void findNextEntered();
    void findAllEntered();
    void cancelSearch();
    bool isSearchRunning() const;

    /** Bookmarks the selection (or the byte at the cursor) of the view last used. */
    void addBookmark();
    void goToBookmark(const HexBookmark &bookmark);

    HexView *backingView() const { return m_backingView; }
    HexView *imageView() const { return m_imageView; }
    HexView *virtualDiskView() const { return m_virtualView; }
    HexView *viewFor(SearchScope scope) const;
    /** The view with focus, else the one used last. */
    HexView *currentView() const;

    /** Views for the owner to place, e.g. in docks. Children of the panel (hidden) until then. */
    HexChangesView *changesView() const;
    HexChangesModel *changesModel() const { return m_changesModel; }
    HexInspectorView *inspectorView() const;
    HexBookmarksView *bookmarksView() const;
    HexBookmarksModel *bookmarksModel() const { return m_bookmarksModel; }
    HexSearchResultsView *searchResultsView() const;
    HexSearchResultsModel *searchResultsModel() const { return m_resultsModel; }
    /** The status line under the views (what the last action found). */
    QString statusText() const;

    /** "0x1f00", "7936", "4K", "1M", "2G", "1T" (binary multiples; optional "iB"). */
    static std::optional<quint64> parseOffset(const QString &text);
    /** "de ad be ef" or "deadbeef"; nullopt when not whole hex bytes. */
    static std::optional<QByteArray> parseHexPattern(const QString &text);

    /** Small and independent of the image: the tool rows stack where the panel is narrow (issue 13). */
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void clustersWritten(AddCow::ClusterRange range);
    void offsetChanged(quint64 offsetBytes);
    /** A background Find Next ended: found (and selected), or not found / cancelled. */
    void searchFinished(bool found);
    /** A view's context menu asked to show these clusters in the heatmap. */
    void showInHeatmapRequested(AddCow::ClusterRange range);
    /** One of the views above has something new to show (Find All started): the owner may raise it. */
    void toolViewRequested(QWidget *view);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    /** keepPosition: the cursor stays; keepChanges: the same files again, the changes found still hold. */
    void applyImage(std::shared_ptr<Image> image, bool keepPosition, bool keepChanges);
    /** The backing column: the disk the guest sees, or (File Bytes) the backing file's own bytes. */
    void showBackingBytes();
    void onSearchFinished();
    void syncTopOffset(HexView *from, quint64 offsetBytes);
    void goToEntered();
    void showStatus(const QString &text);
    void showChangeAt(int row);
    void updateInspector();
    void applyBytesPerRow();
    /** Go-to and search in one row if the panel is wide enough for both, else one above the other. */
    void updateToolRows();
    void addContextMenuItems(QMenu *menu);
    void askForCluster(quint64 suggestedCluster);
    QString viewName(const HexView *view) const;
    QString scopeName(SearchScope scope) const;
    std::shared_ptr<const HexDataSource> sourceFor(SearchScope scope) const;

    void reopenReadOnly();
    void readOnlyReopened();

    QPointer<ImageDocument> m_document;
    std::shared_ptr<Image> m_image;
    std::shared_ptr<Image> m_writableImage;
    std::shared_ptr<const HexDataSource> m_backingSource; ///< the backing disk (R9): what differences compare
    std::shared_ptr<const HexDataSource> m_backingFileSource; ///< its file's own bytes, when they differ (not raw)
    std::shared_ptr<const HexDataSource> m_imageSource;
    std::shared_ptr<const HexDataSource> m_virtualSource;

    HexView *m_backingView;
    HexView *m_imageView;
    HexView *m_virtualView;
    HexView *m_lastView;
    QSplitter *m_splitter;
    QBoxLayout *m_toolRows = nullptr;
    QHBoxLayout *m_goToRow = nullptr;
    QHBoxLayout *m_searchRow = nullptr;
    QLabel *m_backingTitle;
    QToolButton *m_backingFileButton;
    QLabel *m_imageTitle;
    QLabel *m_virtualTitle;
    QLineEdit *m_goToEdit;
    QToolButton *m_linkButton;
    QComboBox *m_bytesPerRowCombo;
    QToolButton *m_previousChangeButton;
    QToolButton *m_nextChangeButton;
    QLineEdit *m_searchEdit;
    QComboBox *m_searchModeCombo;
    QComboBox *m_searchScopeCombo;
    QToolButton *m_searchOptionsButton;
    QAction *m_ignoreCaseAction;
    QAction *m_wrapAroundAction;
    QToolButton *m_findButton;
    QToolButton *m_findAllButton;
    QProgressBar *m_progressBar;
    QToolButton *m_cancelButton;
    QLabel *m_statusLabel;
    QUndoStack *m_undoStack;

    HexChangesModel *m_changesModel;
    HexBookmarksModel *m_bookmarksModel;
    HexSearchResultsModel *m_resultsModel;
    QPointer<HexChangesView> m_changesView;
    QPointer<HexInspectorView> m_inspectorView;
    QPointer<HexBookmarksView> m_bookmarksView;
    QPointer<HexSearchResultsView> m_resultsView;
    std::shared_ptr<HexChangeMarker> m_changeMarker;

    QFutureWatcher<HexSearch::Match> m_searchWatcher;
    QFutureWatcher<std::shared_ptr<Image>> m_reopenWatcher;
    HexView *m_searchView = nullptr; ///< where the running Find Next looks
    SearchScope m_resultsScope = SearchScope::VirtualDisk; ///< where the Find All hits are
    int m_bytesPerRowSetting = AutoBytesPerRow;
    bool m_syncing = false;
    bool m_writable = false;
};

} // namespace AddCow
