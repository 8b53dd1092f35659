// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "imagedocument.h"

#include "addcowwidgets_debug.h"
#include "format.h"
#include "loadedimage.h"

#include <QFile>
#include <QFileInfo>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace AddCow
{

namespace
{

// Changed bitmap ranges closer than this are re-read together: one small read instead of many.
constexpr quint64 ReloadGapClusters = 32768; // 4 KiB of bitmap

quint64 allocatedOf(const Image &image)
{
    // R14: with ALL_ALLOCATED every cluster is read from the image file, as `addcow info` counts.
    return image.isAllAllocated() ? image.clusterCount() : image.bitmap().countAllocated();
}

Error documentError(const QString &path, const QString &detail)
{
    Error error;
    error.code = ErrorCode::InvalidArgument;
    error.path = path;
    error.detail = detail;
    return error;
}

} // namespace

/** What the loading thread hands over: the image and its first count (a 64 TiB bitmap is 128 MiB to count). */
struct ImageDocument::Loaded {
    LoadedImage image;
    quint64 allocated = 0;
    ImageFileWatcher::FileState addCowBefore; ///< the .add-cow file before it was read
};

/** A load started by startOpening(); taken by the first open() of its path. */
struct ImageDocument::EarlyLoad {
    QString path;
    QFuture<Loaded> future;
};

ImageDocument::EarlyLoad &ImageDocument::earlyLoad()
{
    static EarlyLoad early; // the GUI thread's only: startOpening() and open() run there
    return early;
}

ImageDocument::ImageDocument(QObject *parent)
    : QObject(parent)
    , m_loaded(std::make_unique<LoadedImage>())
    , m_fileWatcher(new ImageFileWatcher(this))
{
    connect(&m_accessWatcher, &QFutureWatcher<Result<QList<ClusterRange>>>::finished, this, &ImageDocument::accessOpened);
    connect(&m_diffWatcher, &QFutureWatcher<Result<QList<ClusterRange>>>::finished, this, &ImageDocument::bitmapDiffFinished);
    connect(m_fileWatcher, &ImageFileWatcher::filesChanged, this, &ImageDocument::filesChanged);
}

ImageDocument::~ImageDocument()
{
    // Loads still running finish on their thread; their watchers die with us and report nothing.
    m_accessWatcher.disconnect(this);
    m_diffWatcher.disconnect(this);
    m_accessWatcher.waitForFinished();
    m_diffWatcher.waitForFinished();
    releaseWriteAccess();
}

QString ImageDocument::path() const
{
    return m_loaded->path;
}

std::shared_ptr<Image> ImageDocument::image() const
{
    return m_loaded->image;
}

const HeaderParse &ImageDocument::headerParse() const
{
    return m_loaded->parse;
}

QByteArray ImageDocument::headerBytes() const
{
    return m_loaded->headerBytes;
}

const Findings &ImageDocument::findings() const
{
    return m_loaded->findings;
}

QList<BackingLayer> ImageDocument::backingChain() const
{
    return m_loaded->backingChain;
}

std::optional<Error> ImageDocument::imageError() const
{
    if (m_loaded->path.isEmpty() || m_loaded->image)
        return std::nullopt;
    return m_loaded->imageError;
}

std::optional<Error> ImageDocument::backingError() const
{
    return m_loaded->image ? m_loaded->image->backingError() : std::nullopt;
}

bool ImageDocument::isHeaderOnly() const
{
    return !m_loaded->path.isEmpty() && !m_loaded->image;
}

bool ImageDocument::isLoading() const
{
    return m_currentLoad != nullptr;
}

QString ImageDocument::loadingPath() const
{
    return isLoading() ? m_loadingPath : QString();
}

bool ImageDocument::isWritable() const
{
    return m_writable;
}

bool ImageDocument::isChangingAccess() const
{
    return m_accessImage && m_accessImage == m_loaded->image;
}

quint64 ImageDocument::allocatedClusters() const
{
    return m_loaded->image ? m_allocated : 0;
}

ImageDocument::OutsideChange ImageDocument::outsideChange() const
{
    return m_outsideChange;
}

QString ImageDocument::outsideChangePath() const
{
    return m_outsideChangePath;
}

// ---- Opening -----------------------------------------------------------------------------

void ImageDocument::open(const QString &path)
{
    if (path.isEmpty())
        return;
    const QString absolute = QFileInfo(path).absoluteFilePath();
    qCDebug(ADDCOW_WIDGETS) << "opening" << absolute;
    m_loadingPath = absolute;
    // The bitmap of a big image is 128 MiB: never on the GUI thread. An older load still
    // running is not waited for; its result is dropped.
    auto *watcher = new QFutureWatcher<Loaded>(this);
    m_currentLoad = watcher;
    connect(watcher, &QFutureWatcher<Loaded>::finished, this, [this, watcher] { loadFinished(watcher); });
    EarlyLoad &early = earlyLoad();
    // Started before the window was made (startOpening()): the same load, further along.
    watcher->setFuture(early.path == absolute ? early.future : startLoad(absolute));
    early = EarlyLoad{};
    Q_EMIT loadingChanged();
}

void ImageDocument::startOpening(const QString &path)
{
    if (path.isEmpty())
        return;
    const QString absolute = QFileInfo(path).absoluteFilePath();
    earlyLoad() = EarlyLoad{absolute, startLoad(absolute)};
}

QFuture<ImageDocument::Loaded> ImageDocument::startLoad(const QString &absolutePath)
{
    return QtConcurrent::run([absolutePath] {
        // Stat first: a change while the bitmap is being read is then seen by the first check.
        const ImageFileWatcher::FileState before = ImageFileWatcher::stateOf(absolutePath);
        Loaded loaded{LoadedImage::load(absolutePath), 0, before};
        if (loaded.image.image)
            loaded.allocated = allocatedOf(*loaded.image.image);
        return loaded;
    });
}

void ImageDocument::reload()
{
    if (!m_loaded->path.isEmpty())
        open(m_loaded->path);
}

void ImageDocument::close()
{
    const bool wasLoading = isLoading();
    m_currentLoad = nullptr; // a load in flight is dropped when it ends
    apply(Loaded{});
    if (wasLoading)
        Q_EMIT loadingChanged();
}

void ImageDocument::loadFinished(QFutureWatcher<Loaded> *watcher)
{
    watcher->deleteLater();
    if (watcher != m_currentLoad)
        return; // superseded by a newer open() or a close()
    m_currentLoad = nullptr;
    if (watcher->future().resultCount() == 0) {
        Q_EMIT loadingChanged();
        return;
    }
    Loaded loaded = watcher->result();
    if (loaded.image.fatalError) {
        // Not add-cow at all, or unreadable: what was shown before stays.
        Error error = *loaded.image.fatalError;
        qCWarning(ADDCOW_WIDGETS) << "cannot open" << loaded.image.path << error.message();
        Q_EMIT loadingChanged();
        Q_EMIT openFailed(loaded.image.path, error);
        return;
    }
    apply(std::move(loaded));
    Q_EMIT loadingChanged();
}

void ImageDocument::apply(Loaded loaded)
{
    const bool wasWritable = m_writable || isChangingAccess();
    const bool samePath = !loaded.image.path.isEmpty() && loaded.image.path == m_loaded->path;
    const QByteArray oldHeader = m_loaded->headerBytes;
    releaseWriteAccess(); // an upgrade still running is undone when it ends (accessOpened)

    *m_loaded = std::move(loaded.image);
    m_allocated = loaded.allocated;
    const bool hadOutsideChange = std::exchange(m_outsideChange, OutsideChange::None) != OutsideChange::None;
    m_outsideChangePath.clear();

    // Watch what the header names, also when the image cannot be opened: a missing file that
    // comes back is worth a new try.
    QStringList files;
    if (!m_loaded->path.isEmpty()) {
        files.append(m_loaded->path);
        if (const std::shared_ptr<Image> &image = m_loaded->image) {
            files.append(image->imageFile().resolvedPath);
            files.append(image->backingFile().resolvedPath);
        } else {
            files.append(resolveStoredName(m_loaded->path, m_loaded->parse.header.imageFileName));
            files.append(resolveStoredName(m_loaded->path, m_loaded->parse.header.backingFileName));
        }
    }
    m_fileWatcher->setFiles(files, {{m_loaded->path, loaded.addCowBefore}});

    Q_EMIT imageReplaced();
    if (samePath && oldHeader != m_loaded->headerBytes)
        Q_EMIT headerChanged();
    if (wasWritable)
        Q_EMIT accessChanged();
    if (hadOutsideChange)
        Q_EMIT outsideChangeDetected();
}

// ---- Edit sessions -----------------------------------------------------------------------

void ImageDocument::setWritable(bool writable)
{
    const std::shared_ptr<Image> image = m_loaded->image;
    if (!writable) {
        if (!m_writable)
            return;
        // Opening for reading is cheap and must not wait: Commit is possible again at once.
        const Result<QList<ClusterRange>> released = image->setAccess(Image::Access::ReadOnly);
        if (!released) {
            // Still open for writing and still locked: the session goes on, truthfully.
            Q_EMIT accessFailed(released.error());
            return;
        }
        m_writable = false;
        m_fileWatcher->rebase(); // our own writes are not news
        Q_EMIT accessChanged();
        return;
    }
    if (m_writable || m_accessImage || isLoading())
        return;
    if (!image) {
        Q_EMIT accessFailed(documentError(m_loaded->path, u"the image cannot be opened, so it cannot be edited"_s));
        return;
    }
    // Reopening for writing re-reads the whole bitmap under the new lock: off the GUI thread.
    m_accessImage = image;
    m_accessWatcher.setFuture(QtConcurrent::run([image] { return image->setAccess(Image::Access::ReadWrite); }));
    Q_EMIT accessChanged();
}

void ImageDocument::accessOpened()
{
    const std::shared_ptr<Image> image = std::exchange(m_accessImage, nullptr);
    if (m_accessWatcher.future().resultCount() == 0 || !image)
        return;
    const Result<QList<ClusterRange>> opened = m_accessWatcher.result();
    if (image != m_loaded->image) {
        // Another file (or a reload) came meanwhile: the old image lets go of its locks now,
        // not whenever its last reader drops it.
        if (opened)
            (void)image->setAccess(Image::Access::ReadOnly);
        return;
    }
    if (!opened) {
        Q_EMIT accessChanged();
        Q_EMIT accessFailed(opened.error());
        return;
    }
    m_writable = true;
    // Another process may have set bits while we were read-only: the re-read took them over.
    if (!opened.value().isEmpty()) {
        m_allocated = allocatedOf(*image);
        for (const ClusterRange &range : opened.value()) {
            Q_EMIT clustersChanged(range);
            announceData(range);
        }
    }
    Q_EMIT accessChanged();
}

void ImageDocument::releaseWriteAccess()
{
    if (!m_writable)
        return;
    m_writable = false;
    if (m_loaded->image) {
        if (const Result<QList<ClusterRange>> released = m_loaded->image->setAccess(Image::Access::ReadOnly); !released)
            qCWarning(ADDCOW_WIDGETS) << "cannot release the write locks" << released.error().message();
    }
}

Result<ClusterRange> ImageDocument::write(quint64 offsetBytes, QByteArrayView data)
{
    const std::shared_ptr<Image> image = m_loaded->image;
    if (!image || !m_writable)
        return documentError(m_loaded->path, u"the image is not open for editing"_s);
    const quint64 lengthBytes = quint64(data.size());
    const ClusterRange touched = ClusterRange::forBytes(offsetBytes, lengthBytes).intersected({0, image->clusterCount()});
    const bool countBits = !image->isAllAllocated();
    const quint64 before = countBits ? image->bitmap().countAllocated(touched) : 0;
    const Result<ClusterRange> written = image->write(offsetBytes, data); // R18
    if (!written) {
        // Nothing past the end was written (R15); a failure inside may have written data but no bits.
        if (written.error().code != ErrorCode::OutOfRange && lengthBytes > 0)
            Q_EMIT dataChanged(offsetBytes, lengthBytes);
        return written;
    }
    if (countBits)
        m_allocated = m_allocated - before + image->bitmap().countAllocated(touched);
    if (lengthBytes > 0)
        Q_EMIT dataChanged(offsetBytes, lengthBytes);
    if (!written.value().isEmpty())
        Q_EMIT clustersChanged(written.value());
    return written;
}

// ---- Changes made elsewhere --------------------------------------------------------------

Result<void> ImageDocument::reloadClusters(ClusterRange range)
{
    const std::shared_ptr<Image> image = m_loaded->image;
    if (!image || m_writable || isChangingAccess())
        return {}; // nothing to read into, or we hold the write lock: memory is the truth
    range = range.intersected({0, image->clusterCount()});
    if (range.isEmpty())
        return {};
    const bool countBits = !image->isAllAllocated();
    const quint64 before = countBits ? image->bitmap().countAllocated(range) : 0;
    const Result<QList<ClusterRange>> changed = image->reloadBitmap(range);
    if (!changed)
        return changed.error();
    if (countBits)
        m_allocated = m_allocated - before + image->bitmap().countAllocated(range);
    for (const ClusterRange &run : changed.value()) {
        Q_EMIT clustersChanged(run);
        announceData(run);
    }
    return {};
}

void ImageDocument::setFindings(const Findings &findings)
{
    m_loaded->findings = findings;
    Q_EMIT findingsChanged();
}

void ImageDocument::announceData(ClusterRange range)
{
    // R13: a cluster whose bit changed reads from another file now.
    const std::shared_ptr<Image> &image = m_loaded->image;
    if (!image || range.isEmpty())
        return;
    const quint64 offset = range.first * ClusterSizeBytes;
    if (offset >= image->virtualSizeBytes())
        return;
    Q_EMIT dataChanged(offset, std::min(range.end() * ClusterSizeBytes, image->virtualSizeBytes()) - offset);
}

void ImageDocument::setOutsideChange(OutsideChange change, const QString &path)
{
    if (m_outsideChange == change && m_outsideChangePath == path)
        return;
    m_outsideChange = change;
    m_outsideChangePath = path;
    Q_EMIT outsideChangeDetected();
}

void ImageDocument::filesChanged(const QList<ImageFileWatcher::FileChange> &changes)
{
    if (m_loaded->path.isEmpty() || isLoading())
        return;
    const std::shared_ptr<Image> image = m_loaded->image;
    if (!image || image->backingError()) {
        // Header-only or no backing disk: whatever changed may make the image usable (a missing file is back).
        reload();
        return;
    }
    const QString &addCowPath = m_loaded->path;
    const QString &imagePath = image->imageFile().resolvedPath;
    bool reread = false;
    bool bitmapChanged = false;
    bool dataChangedAnywhere = false;
    for (const ImageFileWatcher::FileChange &change : changes) {
        qCDebug(ADDCOW_WIDGETS) << "changed on disk:" << change.path << change.change;
        switch (change.change) {
        case ImageFileWatcher::Change::Vanished:
            setOutsideChange(OutsideChange::Vanished, change.path);
            continue;
        case ImageFileWatcher::Change::Replaced:
        case ImageFileWatcher::Change::Appeared:
            setOutsideChange(OutsideChange::Replaced, change.path);
            continue;
        case ImageFileWatcher::Change::Resized:
            if (change.path == imagePath) {
                // R11: the virtual size is the image file's size: another disk now.
                if (m_writable)
                    setOutsideChange(OutsideChange::Replaced, change.path);
                else
                    reread = true;
                continue;
            }
            break;
        case ImageFileWatcher::Change::Modified:
            break;
        }
        if (change.path == addCowPath)
            bitmapChanged = true;
        else
            dataChangedAnywhere = true;
    }
    if (m_writable)
        return; // we hold the write locks: the changes are our own and were announced as made

    if (bitmapChanged && !reread) {
        // A header rewritten in place (rebase, ALL_ALLOCATED at the end of a commit): open again.
        QFile file(addCowPath);
        if (file.open(QIODevice::ReadOnly) && file.read(m_loaded->headerBytes.size()) != m_loaded->headerBytes)
            reread = true;
    }
    if (reread) {
        reload();
        return;
    }
    if (dataChangedAnywhere)
        Q_EMIT dataChanged(0, image->virtualSizeBytes());
    if (bitmapChanged)
        startBitmapDiff();
}

void ImageDocument::startBitmapDiff()
{
    const std::shared_ptr<Image> image = m_loaded->image;
    if (!image || !image->hasBitmap() || m_writable)
        return;
    if (m_diffWatcher.isRunning()) {
        m_diffAgain = true;
        return;
    }
    // Reading and comparing a 16 MiB bitmap is milliseconds, a 128 MiB one is not: off the GUI thread.
    m_diffImage = image;
    m_diffWatcher.setFuture(QtConcurrent::run([image] { return image->diffBitmap({0, image->clusterCount()}); }));
}

void ImageDocument::bitmapDiffFinished()
{
    const std::shared_ptr<Image> image = std::exchange(m_diffImage, nullptr);
    if (!image || image != m_loaded->image || m_diffWatcher.future().resultCount() == 0) {
        // A diff of an image no longer shown: the one shown may be waiting for its turn.
        if (std::exchange(m_diffAgain, false))
            startBitmapDiff();
        return;
    }
    const Result<QList<ClusterRange>> differing = m_diffWatcher.result();
    if (!differing) {
        qCWarning(ADDCOW_WIDGETS) << "cannot compare the bitmap with the file" << differing.error().message();
    } else {
        // The bits themselves are re-read here, on the GUI thread that owns every change to them.
        QList<ClusterRange> ranges;
        for (const ClusterRange &range : differing.value()) {
            if (!ranges.isEmpty() && ranges.last().end() + ReloadGapClusters > range.first)
                ranges.last().count = range.end() - ranges.last().first;
            else
                ranges.append(range);
        }
        for (const ClusterRange &range : std::as_const(ranges)) {
            if (const Result<void> reloaded = reloadClusters(range); !reloaded) {
                qCWarning(ADDCOW_WIDGETS) << "cannot re-read the bitmap" << reloaded.error().message();
                break;
            }
        }
    }
    if (std::exchange(m_diffAgain, false))
        startBitmapDiff();
}

} // namespace AddCow
