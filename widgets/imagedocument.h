// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "backinglayer.h"
#include "clusterrange.h"
#include "finding.h"
#include "headerparser.h"
#include "image.h"
#include "imagefilewatcher.h"
#include "result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>

namespace AddCow
{

struct LoadedImage;

/**
 * The open .add-cow file and everything known about it: the one Image (hence the one bitmap in
 * memory) every view reads, its header parse, its findings and whether an edit session holds
 * it for writing. Views observe it and repaint what its signals name, as Okteta's views follow
 * their byte array model; nobody pushes copies into them.
 *
 * Opening and re-reading run off the GUI thread. An edit session changes the access of the same
 * Image (Image::setAccess), so there is never a second bitmap. Changes other programs make to
 * the files are noticed (ImageFileWatcher): changed bitmap ranges are re-read and announced,
 * changed data is announced, a changed header or image size opens the file again, and a file
 * that vanished or was replaced is reported (outsideChange()) for the user to reopen.
 * QtCore only.
 */
class ImageDocument : public QObject
{
    Q_OBJECT

public:
    /** What another program did that the document does not follow by itself. */
    enum class OutsideChange {
        None,
        Vanished, ///< a file of the image was removed (the open files are still read)
        Replaced, ///< a name now leads to another file, or changed size while we write
    };
    Q_ENUM(OutsideChange)

    explicit ImageDocument(QObject *parent = nullptr);
    ~ImageDocument() override;

    QString path() const;                 ///< the .add-cow file (absolute), empty when closed
    std::shared_ptr<Image> image() const; ///< null when closed or header-only
    const HeaderParse &headerParse() const;
    /** The first HEADER_SIZE bytes of the .add-cow file (fewer when it is shorter). */
    QByteArray headerBytes() const;
    const Findings &findings() const;
    /** R9: the backing chain as QEMU reports it; empty without a backing file or when QEMU cannot describe it. */
    QList<BackingLayer> backingChain() const;
    /** Why image() is null although path() is set (header-only); nullopt otherwise. */
    std::optional<Error> imageError() const;
    bool isHeaderOnly() const;
    /**
     * Why the backing disk cannot be read although image() is set (missing, unreadable, no QEMU
     * for its format): the bitmap and the image file are shown, clean clusters are not
     * (Image::backingError()). nullopt otherwise.
     */
    std::optional<Error> backingError() const;
    /** True while open() or reload() runs; path() is still the previous file then. */
    bool isLoading() const;
    QString loadingPath() const;
    /** An edit session holds the write locks: write() works. */
    bool isWritable() const;
    /** setWritable(true) is opening the files for writing. */
    bool isChangingAccess() const;
    /**
     * Clusters read from the image file, as `addcow info` counts them: all of them with
     * ALL_ALLOCATED (R14), else the bits set. Kept current through every change the document
     * announces. 0 when there is no image.
     */
    quint64 allocatedClusters() const;
    OutsideChange outsideChange() const;
    QString outsideChangePath() const; ///< the file outsideChange() concerns
    ImageFileWatcher *fileWatcher() const { return m_fileWatcher; }

    /** Starts opening path in the background; imageReplaced() or openFailed() follows. The newest request wins. */
    void open(const QString &path);
    /**
     * Starts reading path in the background before any document or application object exists:
     * main() calls it first thing for the image named on the command line, so the bitmap's read
     * (128 MiB at 64 TiB) overlaps Qt's start-up (issue 13). The next open() of the same file,
     * on the same thread, takes this load over instead of starting another.
     */
    static void startOpening(const QString &path);
    /** Opens the current file again. */
    void reload();
    /** Shows nothing; releases the files and their locks. */
    void close();

    /**
     * Starts or ends an edit session. true opens the files for writing in the background and
     * takes the write locks (accessChanged(), or accessFailed() and still read-only); false
     * releases them at once. The caller deals with edits not written yet.
     */
    void setWritable(bool writable);
    /** Writes the virtual disk (R18) during an edit session; announces the bytes and bits it changed. */
    Result<ClusterRange> write(quint64 offsetBytes, QByteArrayView data);

    /**
     * Re-reads bitmap bytes for range from disk into the image's bitmap (another process or a
     * job wrote them), then emits clustersChanged for what really changed. During an edit
     * session the bitmap in memory is the truth and nothing is read.
     */
    Result<void> reloadClusters(ClusterRange range);
    /** Replaces the findings (a verify found more than the open did). */
    void setFindings(const Findings &findings);

Q_SIGNALS:
    void loadingChanged();
    /** path cannot be shown at all (not add-cow, unreadable); what was shown before stays. */
    void openFailed(const QString &path, const AddCow::Error &error);
    /** Opened, reloaded or closed: everything may have changed. */
    void imageReplaced();
    /** Bits changed (a commit, an edit, another process). */
    void clustersChanged(AddCow::ClusterRange range);
    /** Virtual-disk bytes changed. */
    void dataChanged(quint64 offsetBytes, quint64 lengthBytes);
    /** A reload of the same file brought another header (after imageReplaced()). */
    void headerChanged();
    void findingsChanged();
    /** isWritable() or isChangingAccess() changed. */
    void accessChanged();
    /** setWritable() could not change the access; the document says what access it has. */
    void accessFailed(const AddCow::Error &error);
    /** outsideChange() changed. */
    void outsideChangeDetected();

private:
    struct Loaded;
    struct EarlyLoad;
    static EarlyLoad &earlyLoad();
    static QFuture<Loaded> startLoad(const QString &absolutePath);
    void loadFinished(QFutureWatcher<Loaded> *watcher);
    void apply(Loaded loaded);
    void accessOpened();
    void releaseWriteAccess();
    void filesChanged(const QList<ImageFileWatcher::FileChange> &changes);
    void startBitmapDiff();
    void bitmapDiffFinished();
    void announceData(ClusterRange range);
    void setOutsideChange(OutsideChange change, const QString &path);

    std::unique_ptr<LoadedImage> m_loaded;
    quint64 m_allocated = 0;
    bool m_writable = false;
    OutsideChange m_outsideChange = OutsideChange::None;
    QString m_outsideChangePath;
    QString m_loadingPath;
    QFutureWatcher<Loaded> *m_currentLoad = nullptr; ///< the newest open request; older results are dropped
    QFutureWatcher<Result<QList<ClusterRange>>> m_accessWatcher;
    std::shared_ptr<Image> m_accessImage; ///< the image setWritable(true) is upgrading
    QFutureWatcher<Result<QList<ClusterRange>>> m_diffWatcher;
    std::shared_ptr<Image> m_diffImage;
    bool m_diffAgain = false;
    ImageFileWatcher *m_fileWatcher;
};

} // namespace AddCow
