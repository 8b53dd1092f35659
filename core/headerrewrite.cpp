// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later

#include "headerrewrite.h"

#include "atomicfile.h"
#include "fileio.h"
#include "filelock.h"
#include "formatprobe.h"
#include "header.h"
#include "headerfield.h"
#include "headerparser.h"
#include "image.h"
#include "namesfit.h"
#include "qemuimg.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QtEndian>

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <utility>

using namespace Qt::StringLiterals;

namespace AddCow
{

namespace
{

// Closes an fd on every return path.
class FdGuard
{
public:
    explicit FdGuard(int fd)
        : m_fd(fd)
    {
    }
    ~FdGuard()
    {
        if (m_fd >= 0)
            FileIo::close(m_fd);
    }
    FdGuard(const FdGuard &) = delete;
    FdGuard &operator=(const FdGuard &) = delete;
    int get() const { return m_fd; }
    /** Closes now and reports whether close succeeded. */
    bool close()
    {
        const int fd = m_fd;
        m_fd = -1;
        return FileIo::close(fd) == 0;
    }

private:
    int m_fd;
};

Error rewriteError(ErrorCode code, const QString &path, HeaderField field, int rule, const QString &detail)
{
    Error error;
    error.code = code;
    error.path = path;
    error.field = field;
    error.rule = rule;
    error.detail = detail;
    return error;
}

// R20's way: the new file beside the old one, newBytes as its header, then the bitmap region
// as it is; made durable and renamed into place, so a crash leaves the old or the new file.
Result<void> replaceHeader(int original, const QString &path, mode_t mode, quint64 fileSizeBytes, quint64 oldHeaderSize, const QByteArray &newBytes)
{
    AtomicFile file(path);
    if (Result<void> opened = file.open(mode & 07777); !opened)
        return opened.error();
    if (!FileIo::writeFull(file.fd(), newBytes.constData(), quint64(newBytes.size()), 0))
        return Error::fromErrno(file.temporaryPath(), u"cannot write the new header"_s);
    if (fileSizeBytes > oldHeaderSize) {
        if (!FileIo::copyRange(original, oldHeaderSize, file.fd(), quint64(newBytes.size()), fileSizeBytes - oldHeaderSize))
            return Error::fromErrno(file.temporaryPath(), u"cannot copy the bitmap"_s);
    }
    return file.commit(AtomicFile::Replace::Existing);
}

} // namespace

bool isNameField(HeaderField field)
{
    switch (field) {
    case HeaderField::BackingFileNameOffset:
    case HeaderField::BackingFileNameSize:
    case HeaderField::ImageFileNameOffset:
    case HeaderField::ImageFileNameSize:
    case HeaderField::BackingFormat:
    case HeaderField::ImageFormat:
    case HeaderField::NameArea:
    case HeaderField::BackingFileName:
    case HeaderField::ImageFileName:
        return true;
    default:
        return false;
    }
}

bool repairableNames(const HeaderParse &parse, bool *imageNameBroken, bool *backingNameBroken, bool *backingFormatBroken)
{
    bool image = false;
    bool backing = false;
    bool format = false;
    bool any = false;
    for (const Finding &finding : parse.findings) {
        if (finding.severity != Severity::Error)
            continue;
        if (!isNameField(finding.field))
            return false; // magic, version, sizes, features: not a name repair
        any = true;
        switch (finding.field) {
        case HeaderField::ImageFileNameOffset:
        case HeaderField::ImageFileNameSize:
        case HeaderField::ImageFileName:
            image = true;
            break;
        case HeaderField::BackingFileNameOffset:
        case HeaderField::BackingFileNameSize:
        case HeaderField::BackingFileName:
            backing = true;
            break;
        case HeaderField::BackingFormat:
            format = true;
            break;
        default: // the image format becomes raw; the name area is rewritten whole
            break;
        }
    }
    if (!any || !parse.complete)
        return false;
    if (imageNameBroken)
        *imageNameBroken = image;
    if (backingNameBroken)
        *backingNameBroken = backing;
    if (backingFormatBroken)
        *backingFormatBroken = format;
    return true;
}

Result<NameChange> backingNameChange(const QString &addCowPath, const QByteArray &newBackingName, const std::optional<QByteArray> &format)
{
    const QString path = QDir::cleanPath(QFileInfo(addCowPath).absoluteFilePath());
    NameChange change;
    change.backingFileName = newBackingName;
    if (newBackingName.isEmpty()) {
        if (format && !format->isEmpty())
            return rewriteError(ErrorCode::InvalidArgument, path, HeaderField::BackingFormat, 9,
                                u"a backing format needs a backing file: the format is empty without one"_s);
        change.backingFormat = QByteArray();
        return change;
    }
    if (format) {
        change.backingFormat = *format;
        return change;
    }
    const QString resolved = resolveStoredName(path, newBackingName); // R16
    if (QFileInfo::exists(resolved)) {
        Result<QByteArray> probed = probeFormat(resolved);
        if (!probed)
            return probed.error();
        change.backingFormat = probed.value();
        return change;
    }
    // Nothing to probe: keep the stored format; there must be one.
    const Result<HeaderParse> parsed = readHeader(path);
    if (!parsed)
        return parsed.error();
    if (parsed->header.backingFormat().isEmpty())
        return rewriteError(ErrorCode::FileMissing, path, HeaderField::BackingFormat, 9,
                            u"the new backing file %1 does not exist and no backing format is stored; give one"_s.arg(resolved));
    change.backingFormat = parsed->header.backingFormat();
    return change;
}

Result<void> rewriteNames(const QString &addCowPath, const NameChange &change)
{
    const QString path = QDir::cleanPath(QFileInfo(addCowPath).absoluteFilePath());
    // Hardening: renaming over a symbolic link would replace the link, not the file it names.
    struct stat linkStatus;
    if (::lstat(QFile::encodeName(path).constData(), &linkStatus) == 0 && S_ISLNK(linkStatus.st_mode))
        return rewriteError(ErrorCode::InvalidArgument, path, HeaderField::AddCowFile, 0,
                            u"is a symbolic link; rewrite the file it points to instead"_s);
    FdGuard original(FileIo::open(path, O_RDONLY));
    if (original.get() < 0) {
        if (errno == ENOENT)
            return rewriteError(ErrorCode::FileMissing, path, HeaderField::AddCowFile, 0, u"the .add-cow file does not exist"_s);
        return Error::fromErrno(path, u"cannot open the .add-cow file"_s);
    }
    // Nobody may be writing the image while its header changes under them.
    if (Result<void> locked = FileLock::lockForWriting(original.get(), path); !locked)
        return locked.error();
    struct stat status;
    if (::fstat(original.get(), &status) != 0)
        return Error::fromErrno(path, u"cannot read the .add-cow file's status"_s);
    if (!S_ISREG(status.st_mode))
        return rewriteError(ErrorCode::InvalidArgument, path, HeaderField::AddCowFile, 0, u"is not a regular file"_s);
    const quint64 fileSizeBytes = quint64(status.st_size);

    // The old header, read whole (R4).
    const Result<HeaderParse> read = readHeader(original.get(), path);
    if (!read)
        return read.error();
    const HeaderParse &oldParse = read.value();
    bool imageBroken = false;
    bool backingBroken = false;
    bool formatBroken = false;
    const bool repair = repairableNames(oldParse, &imageBroken, &backingBroken, &formatBroken);
    if (std::optional<Error> error = oldParse.firstError(); error && !repair && !change.headerBytes)
        return *error;
    const Header &old = oldParse.header;
    const quint64 oldHeaderSize = old.headerSizeBytes();
    if (change.headerBytes) // undo of a repair: the header as it was, whatever it holds
        return replaceHeader(original.get(), path, status.st_mode, fileSizeBytes, oldHeaderSize, *change.headerBytes);
    // A repair needs a new value for every broken name: what the parse found is the reason.
    const auto brokenFinding = [&oldParse](bool image) {
        for (const Finding &finding : oldParse.findings) {
            const HeaderField f = finding.field;
            const bool isImage = f == HeaderField::ImageFileNameOffset || f == HeaderField::ImageFileNameSize || f == HeaderField::ImageFileName;
            const bool isBacking = f == HeaderField::BackingFileNameOffset || f == HeaderField::BackingFileNameSize || f == HeaderField::BackingFileName
                || f == HeaderField::BackingFormat;
            if (finding.severity == Severity::Error && (image ? isImage : isBacking))
                return finding;
        }
        return oldParse.findings.constFirst();
    };
    if (repair && imageBroken && !change.imageFileName)
        return Error::fromFinding(path, brokenFinding(true));
    if (repair && backingBroken && !change.backingFileName)
        return Error::fromFinding(path, brokenFinding(false));
    if (repair && formatBroken && !change.backingFormat && !(change.backingFileName && change.backingFileName->isEmpty()))
        return Error::fromFinding(path, brokenFinding(false));

    // The new names: unset members stay; removing the backing file removes its format (R9).
    const QByteArray imageName = change.imageFileName.value_or(old.imageFileName);
    const QByteArray backingName = change.backingFileName.value_or(old.backingFileName);
    QByteArray backingFormat = change.backingFormat.value_or(old.backingFormat());
    if (backingName.isEmpty() && !change.backingFormat)
        backingFormat.clear();
    // R5: both names live in one page, from byte 80 on.
    if (Result<void> fit = checkNamesFit(path, imageName, backingName); !fit)
        return fit.error();
    if (change.backingFormat && change.backingFormat->size() > qsizetype(FormatFieldBytes))
        return rewriteError(ErrorCode::CorruptHeader, path, HeaderField::BackingFormat, 9,
                            u"the backing format is %1 bytes; the field holds %2"_s.arg(change.backingFormat->size()).arg(FormatFieldBytes));

    // R9: raw is the only image format; a repair writes it where the stored one is broken.
    const QByteArray imageFormat = repair && old.imageFormat() != "raw" ? QByteArrayLiteral("raw") : old.imageFormat();
    const Header header = Header::make(imageName, imageFormat, backingName, backingFormat, old.features);
    const QByteArray newBytes = header.serialize();
    const HeaderParse newParse = parseHeader(newBytes, path);
    if (std::optional<Error> error = newParse.firstError())
        return *error;
    if (Result<void> distinct = checkDistinctFiles(path, resolveStoredName(path, imageName), backingName.isEmpty() ? QString() : resolveStoredName(path, backingName));
        !distinct)
        return distinct.error();

    // Hardening: names may not lead to devices, FIFOs or sockets (a backing block device is read-only, so allowed).
    for (const auto &[name, isBacking] : {std::pair{imageName, false}, std::pair{backingName, true}}) {
        struct stat named;
        if (name.isEmpty() || ::stat(QFile::encodeName(resolveStoredName(path, name)).constData(), &named) != 0)
            continue;
        if (!S_ISREG(named.st_mode) && !(isBacking && S_ISBLK(named.st_mode)))
            return rewriteError(ErrorCode::InvalidArgument, path, isBacking ? HeaderField::BackingFileName : HeaderField::ImageFileName, 0,
                                u"'%1' leads to %2, which is not a regular file"_s.arg(QString::fromUtf8(name), resolveStoredName(path, name)));
    }

    // R9: a new backing format other than raw must be one QEMU reads the backing file as (when
    // the file is there to ask about; rebase -u may name one that comes later).
    if (change.backingFormat && !backingName.isEmpty() && backingFormat != "raw") {
        const QString backingPath = resolveStoredName(path, backingName);
        if (QFileInfo::exists(backingPath)) {
            if (Result<QList<BackingLayer>> readable = QemuImg::readableChain(backingPath, backingFormat); !readable) {
                Error error = readable.error();
                error.field = HeaderField::BackingFormat;
                return error;
            }
        }
    }

    return replaceHeader(original.get(), path, status.st_mode, fileSizeBytes, oldHeaderSize, newBytes);
}

} // namespace AddCow
