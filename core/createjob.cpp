// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "createjob.h"

#include "atomicfile.h"
#include "createrefusals.h"
#include "fileio.h"
#include "filesystemroom.h"
#include "format.h"
#include "header.h"
#include "image.h"
#include "namesfit.h"
#include "newimagesize.h"
#include "qemuimg.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <fcntl.h>
#include <optional>
#include <utility>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace AddCow
{

namespace
{

constexpr quint64 PreallocateChunkBytes = 4 * 1024 * 1024;

QString display(const QByteArray &storedName)
{
    return QString::fromUtf8(storedName);
}

Error makeError(ErrorCode code, const QString &path, int rule, const QString &detail, std::optional<HeaderField> field = {})
{
    Error error;
    error.code = code;
    error.path = path;
    error.rule = rule;
    error.detail = detail;
    error.field = field;
    return error;
}

Error cancelledError(const QString &path)
{
    return makeError(ErrorCode::Cancelled, path, 0, u"cancelled"_s);
}

/** (device, inode) of an existing file, nullopt when it does not exist. */
std::optional<std::pair<dev_t, ino_t>> fileIdentity(const QString &path)
{
    struct stat st;
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return std::nullopt;
    return std::pair{st.st_dev, st.st_ino};
}

/** R9: a stored format is 1-16 bytes of 0x21-0x7e. */
bool isValidFormat(const QByteArray &format)
{
    if (format.isEmpty() || format.size() > qsizetype(FormatFieldBytes))
        return false;
    return std::all_of(format.begin(), format.end(), [](char c) {
        return c >= 0x21 && c <= 0x7e;
    });
}

/** Removes what a failed or cancelled create made, closing the descriptors first. */
class Cleanup
{
public:
    ~Cleanup()
    {
        closeAll();
        if (m_done)
            return;
        if (!m_placedPath.isEmpty())
            FileIo::remove(m_placedPath);
        if (!m_createdImagePath.isEmpty())
            FileIo::remove(m_createdImagePath);
    }
    void closeAll()
    {
        for (int *fd : {&imageFd, &backingFd}) {
            if (*fd >= 0)
                FileIo::close(*fd);
            *fd = -1;
        }
    }
    /** The new file is in place. If it replaced one, it stays on failure, and so does the image file it names. */
    void renamed(const QString &finalPath, bool replacedAFile)
    {
        if (replacedAFile)
            m_createdImagePath.clear();
        else
            m_placedPath = finalPath;
    }
    void setCreatedImage(const QString &path) { m_createdImagePath = path; }
    void done() { m_done = true; }

    int imageFd = -1;
    int backingFd = -1;

private:
    QString m_placedPath;
    QString m_createdImagePath;
    bool m_done = false;
};

} // namespace

CreateJob::CreateJob(CreateOptions options)
    : m_options(std::move(options))
{
}

QString CreateJob::description() const
{
    const QString name = QFileInfo(m_options.addCowPath).fileName();
    if (m_options.backingFileName.isEmpty())
        return u"Create %1 for %2"_s.arg(name, display(m_options.imageFileName));
    return u"Create %1 for %2 over %3"_s.arg(name, display(m_options.imageFileName), display(m_options.backingFileName));
}

Result<void> CreateJob::run(JobContext &context)
{
    Report &report = context.report();
    const CreateOptions &o = m_options;
    if (o.addCowPath.isEmpty())
        return makeError(ErrorCode::InvalidArgument, {}, 0, u"no .add-cow file name given"_s);
    const QString addCowPath = QFileInfo(o.addCowPath).absoluteFilePath();
    const bool hasBacking = !o.backingFileName.isEmpty();

    // R6: the image file name is required; R5: names are NUL-free and fit the first header page.
    if (o.imageFileName.isEmpty())
        return makeError(ErrorCode::InvalidArgument, addCowPath, 6, u"an image file name is required"_s, HeaderField::ImageFileName);
    if (Result<void> fit = checkNamesFit(addCowPath, o.imageFileName, o.backingFileName); !fit)
        return fit.error();
    if (!hasBacking && !o.backingFormat.isEmpty())
        return makeError(ErrorCode::InvalidArgument, addCowPath, 9, u"a backing format needs a backing file"_s, HeaderField::BackingFormat);

    // R16: relative names resolve against the .add-cow file's directory.
    const QString imagePath = resolveStoredName(addCowPath, o.imageFileName);
    const QString backingPath = hasBacking ? resolveStoredName(addCowPath, o.backingFileName) : QString();

    // R16, R17, R20: which files create may use, decided as the wizard decides it.
    const CreateName image{o.imageFileName, imagePath};
    const std::optional<CreateName> backing = hasBacking ? std::optional(CreateName{o.backingFileName, backingPath}) : std::nullopt;
    if (Result<void> usable = checkCreateFiles(addCowPath, image, backing, o.overwrite); !usable)
        return usable.error();
    const auto addCowId = fileIdentity(addCowPath);
    const auto imageId = fileIdentity(imagePath);

    Cleanup cleanup;
    quint64 backingSizeBytes = 0;
    QByteArray backingFormat = o.backingFormat;
    if (hasBacking) {
        cleanup.backingFd = FileIo::open(backingPath, O_RDONLY | O_CLOEXEC);
        if (cleanup.backingFd < 0)
            return Error::fromErrno(backingPath, u"cannot open the backing file"_s);
        const qint64 size = FileIo::fileSize(cleanup.backingFd);
        if (size < 0)
            return Error::fromErrno(backingPath, u"cannot read the size of the backing file"_s);
        backingSizeBytes = quint64(size);
        report.addFile(backingPath);
        if (!backingFormat.isEmpty() && !isValidFormat(backingFormat))
            return makeError(ErrorCode::InvalidArgument, backingPath, 9,
                             u"backing format '%1' is not 1-16 printable ASCII characters"_s.arg(QString::fromUtf8(backingFormat)), HeaderField::BackingFormat);
        // R9: probing happens only here, at creation, and the result is stored; raw is read
        // natively, any other format QEMU must read (or say why not). R20: the backing file's
        // size is its disk's virtual size.
        Result<QList<BackingLayer>> chain = QemuImg::describeForCreate(backingPath, backingFormat);
        if (!chain) {
            Error error = chain.error();
            if (!error.field)
                error.field = HeaderField::BackingFormat;
            return error;
        }
        const BackingLayer &top = chain->constFirst();
        if (backingFormat.isEmpty())
            report.info(u"Probed the backing file's format: %1"_s.arg(QString::fromLatin1(top.format)));
        backingFormat = top.format;
        if (!isValidFormat(backingFormat))
            return makeError(ErrorCode::UnsupportedFormat, backingPath, 9, u"unsupported backing format '%1'"_s.arg(QString::fromUtf8(backingFormat)),
                             HeaderField::BackingFormat);
        backingSizeBytes = top.virtualSizeBytes;
        if (backingFormat == "raw") {
            report.info(u"Backing file %1 (raw, %2 bytes)"_s.arg(backingPath).arg(backingSizeBytes));
        } else {
            report.info(u"Backing file %1 (%2, a %3-byte disk in a %4-byte file)"_s.arg(backingPath, QString::fromLatin1(backingFormat))
                            .arg(backingSizeBytes)
                            .arg(top.actualSizeBytes));
            for (qsizetype i = 1; i < chain->size(); ++i)
                report.info(u"  backed by %1 (%2)"_s.arg(chain->at(i).fileName, QString::fromLatin1(chain->at(i).format)));
        }
    }

    if (context.isCancelled())
        return cancelledError(addCowPath);

    // The image file: an existing one is used as it is (R20), a missing one is created.
    std::optional<quint64> existingImageBytes;
    if (imageId) {
        cleanup.imageFd = FileIo::open(imagePath, O_RDONLY | O_CLOEXEC);
        if (cleanup.imageFd < 0)
            return Error::fromErrno(imagePath, u"cannot open the image file"_s);
        const qint64 size = FileIo::fileSize(cleanup.imageFd);
        if (size < 0)
            return Error::fromErrno(imagePath, u"cannot read the size of the image file"_s);
        existingImageBytes = quint64(size);
    }
    // R11/R20: the size, decided as the wizard decides it.
    const Result<quint64> sized = newImageSize(imagePath, existingImageBytes, o.sizeBytes, hasBacking ? std::optional(backingSizeBytes) : std::nullopt, o.force);
    if (!sized)
        return sized.error();
    const quint64 imageSizeBytes = sized.value();
    if (imageSizeBytes < backingSizeBytes)
        report.warning(u"Forced: the image file (%1 bytes) is smaller than the backing file (%2 bytes); the backing file's last %3 bytes are not visible"_s
                           .arg(imageSizeBytes)
                           .arg(backingSizeBytes)
                           .arg(backingSizeBytes - imageSizeBytes));

    const quint64 headerSizeBytes = headerSizeFor(1);
    const quint64 clusters = clusterCountFor(imageSizeBytes);
    const quint64 bitmapRegionBytes = bitmapRegionBytesFor(clusters);
    const quint64 addCowSizeBytes = headerSizeBytes + bitmapRegionBytes; // R11
    const quint64 preallocateBytes = (!imageId && o.preallocate) ? imageSizeBytes : 0;
    // Before anything is written: a file the file system cannot hold (EFBIG) or a bitmap that
    // cannot fill in would only fail later, at the worst moment.
    if (Result<void> room = FileSystemRoom::checkCreate(addCowPath, imagePath, imageSizeBytes, !imageId, o.preallocate); !room)
        return room.error();
    const quint64 totalBytes = preallocateBytes + headerSizeBytes;
    context.setProgress(0, totalBytes);

    if (!imageId) {
        cleanup.imageFd = FileIo::open(imagePath, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
        if (cleanup.imageFd < 0) {
            if (errno == EEXIST)
                return makeError(ErrorCode::AlreadyExists, imagePath, 20, u"%1 appeared while creating"_s.arg(imagePath));
            return Error::fromErrno(imagePath, u"cannot create the image file"_s);
        }
        cleanup.setCreatedImage(imagePath);
        report.addFile(imagePath);
        if (!FileIo::truncate(cleanup.imageFd, imageSizeBytes))
            return Error::fromErrno(imagePath, u"cannot set the size of the new image file"_s);
        if (o.preallocate) {
            const QByteArray zeros(qsizetype(std::min(PreallocateChunkBytes, std::max<quint64>(imageSizeBytes, 1))), '\0');
            for (quint64 offset = 0; offset < imageSizeBytes;) {
                if (context.isCancelled())
                    return cancelledError(imagePath);
                const quint64 length = std::min<quint64>(zeros.size(), imageSizeBytes - offset);
                if (!FileIo::writeFull(cleanup.imageFd, zeros.constData(), length, offset))
                    return Error::fromErrno(imagePath, u"cannot preallocate the image file"_s);
                offset += length;
                context.setProgress(offset, totalBytes);
            }
        }
        if (!FileIo::dataSync(cleanup.imageFd))
            return Error::fromErrno(imagePath, u"cannot make the new image file durable"_s);
        report.info(u"Created image file %1: %2 bytes, %3"_s.arg(imagePath).arg(imageSizeBytes).arg(o.preallocate ? u"preallocated"_s : u"sparse"_s));
    } else {
        report.addFile(imagePath);
        report.info(u"Using existing image file %1 as it is: %2 bytes"_s.arg(imagePath).arg(imageSizeBytes));
    }

    if (context.isCancelled())
        return cancelledError(addCowPath);

    // R14: without a backing file every cluster is in the image file.
    const quint64 features = hasBacking ? 0 : FeatureAllAllocated;
    const Header header = Header::make(o.imageFileName, "raw", o.backingFileName, backingFormat, features);
    const QByteArray headerBytes = header.serialize();
    if (quint64(headerBytes.size()) != headerSizeBytes)
        return makeError(ErrorCode::InvalidArgument, addCowPath, 1, u"the header does not serialize to %1 bytes"_s.arg(headerSizeBytes));

    // R20: the .add-cow file is written whole to a temporary file beside it, then renamed.
    AtomicFile addCowFile(addCowPath);
    if (Result<void> opened = addCowFile.open(); !opened)
        return opened.error();
    if (!FileIo::writeFull(addCowFile.fd(), headerBytes.constData(), headerBytes.size(), 0))
        return Error::fromErrno(addCowFile.temporaryPath(), u"cannot write the header"_s);
    // The zeroed bitmap region is left sparse: extending the file reads as zeros.
    if (!FileIo::truncate(addCowFile.fd(), addCowSizeBytes))
        return Error::fromErrno(addCowFile.temporaryPath(), u"cannot size the bitmap region"_s);
    context.setProgress(totalBytes, totalBytes);

    if (context.isCancelled())
        return cancelledError(addCowPath);

    const bool replaced = o.overwrite && addCowId.has_value();
    const Result<void> placed = addCowFile.commit(o.overwrite ? AtomicFile::Replace::Existing : AtomicFile::Replace::Never);
    // Past the rename a failure removes the new file, unless it replaced one the user asked to replace.
    if (addCowFile.isRenamed()) {
        cleanup.renamed(addCowPath, replaced);
        report.addFile(addCowPath);
    }
    if (!placed)
        return placed.error();
    if (!imageId && QFileInfo(imagePath).absolutePath() != QFileInfo(addCowPath).absolutePath() && !FileIo::syncDirectoryOf(imagePath))
        return Error::fromErrno(imagePath, u"cannot make the directory of the image file durable"_s);

    cleanup.done();
    report.info(u"Wrote %1: %2 bytes (header %3 + bitmap region %4 for %5 clusters, all clear)"_s.arg(addCowPath)
                    .arg(addCowSizeBytes)
                    .arg(headerSizeBytes)
                    .arg(bitmapRegionBytes)
                    .arg(clusters));
    report.info(u"Header: image file name '%1', image format raw%2%3"_s.arg(display(o.imageFileName))
                    .arg(hasBacking ? u", backing file name '%1', backing format %2"_s.arg(display(o.backingFileName), QString::fromLatin1(backingFormat))
                                    : u", no backing file"_s)
                    .arg(features & FeatureAllAllocated ? u", ALL_ALLOCATED set (R14)"_s : QString()));
    if (replaced)
        report.warning(u"Replaced the existing %1"_s.arg(addCowPath));
    return {};
}

} // namespace AddCow
