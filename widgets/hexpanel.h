// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "clusterrange.h"
#include "hexsearch.h"
#include "result.h"

#include <QFutureWatcher>
#include <QWidget>

#include <memory>
#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QToolButton;
class QUndoStack;

namespace AddCow
{

class HexDataSource;
class HexView;
class Image;

/**
 * Backing file | raw image file | virtual disk, side by side in three HexViews that scroll
 * together (the Link toggle unlinks them). Go to offset, next/previous difference between the
 * backing and the raw image file, and search in the virtual disk run in the background and can
 * be cancelled. With setWritable(true) the virtual disk view takes typed edits as pending bytes
 * (undo/redo through undoStack()); savePendingEdits() writes them with Image::write (R18).
 */
class HexPanel : public QWidget
{
    Q_OBJECT
public:
    enum class SearchMode { HexBytes, Text };

    explicit HexPanel(QWidget *parent = nullptr);
    ~HexPanel() override;

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

    /** Moves every view's cursor to offsetBytes and shows it. */
    void goToOffset(quint64 offsetBytes);
    /** Scrolls every view to range and highlights its bytes. */
    void showClusterRange(ClusterRange range);

    void setLinked(bool linked);
    bool isLinked() const;

    /** Lets the user type into the virtual disk view; edits stay pending until savePendingEdits(). false drops them. */
    void setWritable(bool writable);
    bool isWritable() const { return m_writable; }
    QUndoStack *undoStack() const { return m_undoStack; }
    bool hasPendingEdits() const;
    /**
     * Writes the pending edits through the writable image (Image::write: R18 copy-on-write, R15),
     * emits clustersWritten() for each write that allocated clusters, then drops the edits and
     * the undo history and shows the disk as written. On failure the edits not written stay pending.
     */
    Result<void> savePendingEdits();

    /** Starts a background search for the next difference between backing and raw image file. */
    void findNextDifference();
    void findPreviousDifference();
    /** Starts a background search in the virtual disk after the cursor (or selection start). */
    void findInVirtualDisk(const QByteArray &pattern);
    void cancelSearch();
    bool isSearchRunning() const;

    HexView *backingView() const { return m_backingView; }
    HexView *imageView() const { return m_imageView; }
    HexView *virtualDiskView() const { return m_virtualView; }

    /** "0x1f00", "7936", "4K", "1M", "2G", "1T" (binary multiples; optional "iB"). */
    static std::optional<quint64> parseOffset(const QString &text);
    /** "de ad be ef" or "deadbeef"; nullopt when not whole hex bytes. */
    static std::optional<QByteArray> parseHexPattern(const QString &text);

Q_SIGNALS:
    void clustersWritten(AddCow::ClusterRange range);
    void offsetChanged(quint64 offsetBytes);
    /** A background search ended: found (and selected), or not found / cancelled. */
    void searchFinished(bool found);

private:
    enum class SearchKind { None, Difference, Pattern };

    void applyImage(std::shared_ptr<Image> image, bool keepPosition);
    /** The backing column: the disk the guest sees, or (File Bytes) the backing file's own bytes. */
    void showBackingBytes();
    void startSearch(SearchKind kind, QFuture<HexSearch::Match> future);
    void onSearchFinished();
    void syncTopOffset(HexView *from, quint64 offsetBytes);
    HexView *currentView() const;
    void goToEntered();
    void searchEntered();
    void showStatus(const QString &text);

    void reopenReadOnly();
    void readOnlyReopened();

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
    QLabel *m_backingTitle;
    QToolButton *m_backingFileButton;
    QLabel *m_imageTitle;
    QLabel *m_virtualTitle;
    QLineEdit *m_goToEdit;
    QToolButton *m_linkButton;
    QToolButton *m_previousDifferenceButton;
    QToolButton *m_nextDifferenceButton;
    QLineEdit *m_searchEdit;
    QComboBox *m_searchModeCombo;
    QToolButton *m_findButton;
    QProgressBar *m_progressBar;
    QToolButton *m_cancelButton;
    QLabel *m_statusLabel;
    QUndoStack *m_undoStack;

    QFutureWatcher<HexSearch::Match> m_searchWatcher;
    QFutureWatcher<std::shared_ptr<Image>> m_reopenWatcher;
    SearchKind m_searchKind = SearchKind::None;
    bool m_syncing = false;
    bool m_writable = false;
};

} // namespace AddCow
