// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "verifyjob.h"

#include "bitmapcount.h"
#include "diskstreamreader.h"
#include "clusterbitmap.h"
#include "fileio.h"
#include "format.h"
#include "formatprobe.h"
#include "headerparser.h"
#include "image.h"
#include "qemuimg.h"
#include "sha256.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <bit>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <optional>
#include <sys/stat.h>
#include <utility>

using namespace Qt::StringLiterals;

namespace AddCow
{

namespace
{

// Progress is reported, and cancel checked, at least once per this much of the disk: 4 MiB
// hash in a few milliseconds, so cancel stops well within half a second.
constexpr quint64 ProgressStepBytes = 4 * 1024 * 1024;
constexpr quint64 BitmapReadChunkBytes = 1024 * 1024;

/** A file the header names, as checkImage sees it. */
struct NamedFile {
    QByteArray storedName;
    QString resolvedPath;
    std::optional<std::pair<dev_t, ino_t>> identity;
    quint64 sizeBytes = 0;
    bool exists() const { return identity.has_value(); }
};

NamedFile lookUp(const QString &addCowPath, const QByteArray &storedName)
{
    NamedFile file;
    file.storedName = storedName;
    file.resolvedPath = resolveStoredName(addCowPath, storedName); // R16
    struct stat st;
    if (::stat(QFile::encodeName(file.resolvedPath).constData(), &st) == 0) {
        file.identity = std::pair{st.st_dev, st.st_ino};
        file.sizeBytes = quint64(st.st_size);
    }
    return file;
}

bool sameFile(const NamedFile &a, const QString &bPath, const std::optional<std::pair<dev_t, ino_t>> &bIdentity)
{
    return QDir::cleanPath(a.resolvedPath) == QDir::cleanPath(bPath) || (a.identity && bIdentity && *a.identity == *bIdentity);
}

class Checker
{
public:
    explicit Checker(Findings findings)
        : findings(std::move(findings))
    {
    }

    /** Adds a finding unless the header parser already reported this code on this field. */
    void add(Severity severity, FindingCode code, HeaderField field, quint64 offsetBytes, quint64 lengthBytes, const FindingArgument &value,
             const FindingArguments &arguments = {})
    {
        for (const Finding &f : std::as_const(findings)) {
            if (f.code == code && f.field == field)
                return;
        }
        findings.append(Finding{severity, code, field, offsetBytes, lengthBytes, value, arguments});
    }

    Findings findings;
};

/** Closes an fd from FileIo::open when it goes out of scope. */
struct FdGuard {
    int fd = -1;
    ~FdGuard()
    {
        if (fd >= 0)
            FileIo::close(fd);
    }
};

/** The index of the last set bit in the .add-cow bytes [fromByte, endByte), counting from the bitmap start. */
Result<std::optional<quint64>> lastSetBit(int fd, const QString &path, quint64 bitmapStart, quint64 fromByte, quint64 endByte)
{
    std::optional<quint64> last;
    QByteArray buffer(qsizetype(BitmapReadChunkBytes), '\0');
    quint64 pos = fromByte;
    while (pos < endByte) {
        const qint64 data = FileIo::seekData(fd, bitmapStart + pos);
        if (data < 0)
            return Error::fromErrno(path, u"cannot look for data in the bitmap"_s);
        if (quint64(data) >= bitmapStart + endByte)
            break;
        pos = std::max(pos, quint64(data) - bitmapStart);
        const quint64 length = std::min(BitmapReadChunkBytes, endByte - pos);
        const qint64 got = FileIo::readFull(fd, buffer.data(), length, bitmapStart + pos);
        if (got < 0)
            return Error::fromErrno(path, u"cannot read the bitmap"_s);
        if (got == 0)
            break;
        for (qint64 i = got - 1; i >= 0; --i) {
            const auto byte = quint8(buffer[i]);
            if (byte) {
                last = (pos + quint64(i)) * 8 + quint64(7 - std::countl_zero(byte));
                break;
            }
        }
        pos += quint64(got);
    }
    return last;
}

Error cancelledError(const QString &path)
{
    Error error;
    error.code = ErrorCode::Cancelled;
    error.path = path;
    error.detail = u"verify cancelled"_s;
    return error;
}

} // namespace

Result<Findings> checkImage(const QString &addCowPath)
{
    const QString path = QFileInfo(addCowPath).absoluteFilePath();
    Result<HeaderParse> parsed = readHeader(path);
    if (!parsed)
        return parsed.error();
    const HeaderParse &parse = parsed.value();
    // R2: not add-cow at all (or the later V18-V20 layout): nothing else to check.
    if (const std::optional<Error> first = parse.firstError();
        first && (first->code == ErrorCode::NotAddCow || first->code == ErrorCode::LaterAddCowLayout))
        return *first;

    Checker check(parse.findings);
    const Header &h = parse.header;

    FdGuard addCow;
    addCow.fd = FileIo::open(path, O_RDONLY | O_CLOEXEC);
    if (addCow.fd < 0)
        return Error::fromErrno(path, u"cannot open the .add-cow file"_s);
    const qint64 addCowLength = FileIo::fileSize(addCow.fd);
    if (addCowLength < 0)
        return Error::fromErrno(path, u"cannot read the size of the .add-cow file"_s);
    struct stat addCowStat;
    std::optional<std::pair<dev_t, ino_t>> addCowIdentity;
    if (::stat(QFile::encodeName(path).constData(), &addCowStat) == 0)
        addCowIdentity = std::pair{addCowStat.st_dev, addCowStat.st_ino};

    const bool headerPagesValid = h.headerPagesSize >= 1 && h.headerPagesSize <= MaxHeaderPagesSize; // R4
    const quint64 headerSize = h.headerSizeBytes();

    // R16: the names resolve against the .add-cow file's directory and the files exist.
    std::optional<NamedFile> image;
    if (!h.imageFileName.isEmpty()) {
        image = lookUp(path, h.imageFileName);
        const FindingArguments named{FindingArgument::ofField(HeaderField::ImageFile), FindingArgument::ofName(h.imageFileName),
                                     FindingArgument::ofPath(image->resolvedPath)};
        if (!image->exists()) {
            check.add(Severity::Error, FindingCode::FileMissing, HeaderField::ImageFile, h.imageFileNameOffset, h.imageFileNameSize,
                      FindingArgument::ofPath(image->resolvedPath), named);
        } else if (FdGuard probe{FileIo::open(image->resolvedPath, O_RDONLY | O_CLOEXEC)}; probe.fd < 0) {
            check.add(Severity::Error, FindingCode::FileCannotBeOpened, HeaderField::ImageFile, h.imageFileNameOffset, h.imageFileNameSize,
                      FindingArgument::ofPath(image->resolvedPath), named + FindingArguments{FindingArgument::ofErrno(errno)});
        }
    }
    std::optional<NamedFile> backing;
    if (h.hasBackingFile() && !h.backingFileName.isEmpty()) {
        backing = lookUp(path, h.backingFileName);
        const FindingArgument where = FindingArgument::ofPath(backing->resolvedPath);
        const FindingArguments named{FindingArgument::ofField(HeaderField::BackingFile), FindingArgument::ofName(h.backingFileName), where};
        if (!backing->exists()) {
            // R14: with ALL_ALLOCATED the backing file is never opened, so it may be gone (R19).
            if (h.isAllAllocated())
                check.add(Severity::Info, FindingCode::BackingFileNotNeeded, HeaderField::BackingFile, h.backingFileNameOffset,
                          h.backingFileNameSize, where, {FindingArgument::ofName(h.backingFileName), where});
            else
                check.add(Severity::Error, FindingCode::FileMissing, HeaderField::BackingFile, h.backingFileNameOffset, h.backingFileNameSize,
                          where, named);
        } else if (FdGuard probe{FileIo::open(backing->resolvedPath, O_RDONLY | O_CLOEXEC)}; probe.fd < 0) {
            check.add(h.isAllAllocated() ? Severity::Warning : Severity::Error, FindingCode::FileCannotBeOpened, HeaderField::BackingFile,
                      h.backingFileNameOffset, h.backingFileNameSize, where, named + FindingArguments{FindingArgument::ofErrno(errno)});
        }
    }

    // R17: three different files, by resolved path and by (device, inode).
    if (image && sameFile(*image, path, addCowIdentity))
        check.add(Severity::Error, FindingCode::ImageFileIsAddCowFile, HeaderField::ImageFile, h.imageFileNameOffset, h.imageFileNameSize,
                  FindingArgument::ofPath(image->resolvedPath), {FindingArgument::ofPath(image->resolvedPath)});
    if (backing && sameFile(*backing, path, addCowIdentity))
        check.add(Severity::Error, FindingCode::BackingFileIsAddCowFile, HeaderField::BackingFile, h.backingFileNameOffset, h.backingFileNameSize,
                  FindingArgument::ofPath(backing->resolvedPath), {FindingArgument::ofPath(backing->resolvedPath)});
    if (image && backing && sameFile(*backing, image->resolvedPath, image->identity))
        check.add(Severity::Error, FindingCode::BackingFileIsImageFile, HeaderField::BackingFile, h.backingFileNameOffset, h.backingFileNameSize,
                  FindingArgument::ofPath(backing->resolvedPath),
                  {FindingArgument::ofPath(backing->resolvedPath), FindingArgument::ofPath(image->resolvedPath)});

    // R9: only raw can be the image format.
    const QByteArray imageFormat = h.imageFormat();
    if (!imageFormat.isEmpty() && imageFormat != "raw")
        check.add(Severity::Error, FindingCode::UnsupportedImageFormat, HeaderField::ImageFormat, 64, FormatFieldBytes,
                  FindingArgument::ofFormat(imageFormat), {FindingArgument::ofFormat(imageFormat)});
    // R9: a raw backing file is read as raw bytes whatever they look like; any other format is
    // QEMU's to read, and QEMU says whether it can. Not asked with ALL_ALLOCATED (R14).
    const QByteArray backingFormat = h.backingFormat();
    std::optional<quint64> backingDiskBytes; // R13: the backing disk's virtual size
    if (backing && backing->exists() && backingFormat == "raw")
        backingDiskBytes = backing->sizeBytes;
    if (backing && backing->exists() && !backingFormat.isEmpty() && !h.isAllAllocated()) {
        const FindingArgument formatValue = FindingArgument::ofFormat(backingFormat);
        if (backingFormat == "raw") {
            const Result<QByteArray> looksLike = probeFormat(backing->resolvedPath);
            if (looksLike && looksLike.value() != "raw")
                check.add(Severity::Warning, FindingCode::RawBackingLooksLikeFormat, HeaderField::BackingFormat, 48, FormatFieldBytes, formatValue,
                          {FindingArgument::ofText(QString::fromLatin1(looksLike.value()))});
        } else if (const Result<QList<BackingLayer>> readable = QemuImg::readableChain(backing->resolvedPath, backingFormat); !readable) {
            const Error &refusal = readable.error();
            if (refusal.finding)
                check.add(Severity::Error, *refusal.finding, HeaderField::BackingFormat, 48, FormatFieldBytes, formatValue, refusal.arguments);
            else
                check.add(Severity::Error, FindingCode::QemuCannotReadAs, HeaderField::BackingFormat, 48, FormatFieldBytes, formatValue,
                          {formatValue, FindingArgument::ofText(refusal.detail)});
        } else {
            backingDiskBytes = readable->constFirst().virtualSizeBytes;
        }
    }

    // R11, R12: the bitmap against the image file's size.
    if (parse.complete && headerPagesValid && image && image->exists()) {
        const quint64 length = quint64(addCowLength);
        const quint64 virtualSize = image->sizeBytes;
        const quint64 clusters = clusterCountFor(virtualSize);
        const quint64 bitmapBytes = bitmapBytesFor(clusters);
        const quint64 regionBytes = bitmapRegionBytesFor(clusters);
        const quint64 presentBytes = length > headerSize ? length - headerSize : 0;
        if (length < headerSize + bitmapBytes) {
            check.add(Severity::Error, FindingCode::BitmapBitsMissing, HeaderField::Bitmap, headerSize, presentBytes, FindingArgument::ofNumber(length),
                      {FindingArgument::ofNumber(length), FindingArgument::ofNumber(virtualSize), FindingArgument::ofNumber(headerSize + bitmapBytes),
                       FindingArgument::ofNumber(bitmapBytes), FindingArgument::ofNumber(clusters)});
        } else if (length < headerSize + regionBytes) {
            check.add(Severity::Warning, FindingCode::BitmapRegionShort, HeaderField::AddCowFile, headerSize, presentBytes,
                      FindingArgument::ofNumber(length), {FindingArgument::ofNumber(length), FindingArgument::ofNumber(headerSize + regionBytes)});
        } else if (length > headerSize + regionBytes) {
            const quint64 maxOldSize = presentBytes * 8 * ClusterSizeBytes;
            check.add(Severity::Warning, FindingCode::AddCowFileTooLong, HeaderField::AddCowFile, headerSize, presentBytes,
                      FindingArgument::ofNumber(length),
                      {FindingArgument::ofNumber(length), FindingArgument::ofNumber(headerSize + regionBytes), FindingArgument::ofNumber(virtualSize),
                       FindingArgument::ofNumber(presentBytes),
                       FindingArgument::ofNumber(presentBytes > BitmapAlignmentBytes ? maxOldSize - BitmapAlignmentBytes * 8 * ClusterSizeBytes + 1 : 0),
                       FindingArgument::ofNumber(maxOldSize)});
        }

        // R12: bits at or past `clusters` must be 0.
        Result<std::optional<quint64>> spare = lastSetBit(addCow.fd, path, headerSize, clusters / 8, presentBytes);
        if (!spare)
            return spare.error();
        if (const std::optional<quint64> lastBit = spare.value(); lastBit && *lastBit >= clusters) {
            check.add(Severity::Warning, FindingCode::SpareBitsSet, HeaderField::Bitmap, headerSize + clusters / 8, *lastBit / 8 - clusters / 8 + 1,
                      FindingArgument::ofNumber(*lastBit),
                      {FindingArgument::ofNumber(clusters ? clusters - 1 : 0), FindingArgument::ofNumber(*lastBit),
                       FindingArgument::ofNumber((*lastBit + 1) * ClusterSizeBytes), FindingArgument::ofNumber(virtualSize)});
        }

        // R14: ALL_ALLOCATED makes the bitmap irrelevant; clear bits under it are fine.
        if (h.isAllAllocated() && clusters > 0) {
            Result<quint64> set = countAllocatedOnDisk(addCow.fd, path, headerSize, clusters); // missing bytes: clear bits
            if (!set)
                return set.error();
            if (set.value() < clusters)
                check.add(Severity::Info, FindingCode::AllAllocatedWithClearBits, HeaderField::Features, 28, 8,
                          FindingArgument::ofNumber(clusters - set.value()),
                          {FindingArgument::ofNumber(clusters - set.value()), FindingArgument::ofNumber(clusters)});
        }

        // R11: the virtual size is the image file's; a longer backing disk has an invisible tail.
        if (backingDiskBytes && *backingDiskBytes > virtualSize)
            check.add(Severity::Warning, FindingCode::BackingFileLargerThanDisk, HeaderField::BackingFile, h.backingFileNameOffset,
                      h.backingFileNameSize, FindingArgument::ofNumber(*backingDiskBytes),
                      {FindingArgument::ofNumber(*backingDiskBytes), FindingArgument::ofNumber(virtualSize),
                       FindingArgument::ofNumber(*backingDiskBytes - virtualSize)});
    }
    return check.findings;
}

VerifyJob::VerifyJob(QString addCowPath, bool readData)
    : m_addCowPath(std::move(addCowPath))
    , m_readData(readData)
{
}

QString VerifyJob::description() const
{
    const QString name = QFileInfo(m_addCowPath).fileName();
    return m_readData ? u"Verify %1 and read its whole disk"_s.arg(name) : u"Check %1"_s.arg(name);
}

Result<void> VerifyJob::run(JobContext &context)
{
    Report &report = context.report();
    m_result = VerifyResult{};
    report.addFile(m_addCowPath);

    Result<Findings> checked = checkImage(m_addCowPath);
    if (!checked) {
        report.error(checked.error().message());
        return checked.error();
    }
    m_result.findings = checked.value();
    for (const Finding &finding : std::as_const(m_result.findings))
        report.add(finding.severity, finding.toString());
    if (m_result.findings.isEmpty())
        report.info(u"Every rule checked holds"_s);
    if (!m_readData)
        return {};

    Result<Image> opened = Image::open(m_addCowPath, Image::Access::ReadOnly);
    if (!opened) {
        report.error(u"Cannot read the disk: %1"_s.arg(opened.error().message()));
        return opened.error();
    }
    const Image image = std::move(opened).value();
    report.addFile(image.imageFile().resolvedPath);
    if (!image.isAllAllocated() && !image.backingFile().storedName.isEmpty())
        report.addFile(image.backingFile().resolvedPath);

    const quint64 virtualSize = image.virtualSizeBytes();
    Sha256 hash;
    QString firstReadError;
    context.setProgress(0, virtualSize);
    {
        // A thread reads ahead while this one hashes; zeros (holes, no backing data) are hashed
        // from a small buffer without reading them, so an 8 TiB sparse disk costs hashing only.
        DiskStreamReader reader(image, 0, virtualSize);
        quint64 reported = 0;
        auto cancelled = [&](quint64 doneBytes) {
            if (doneBytes - reported >= ProgressStepBytes || doneBytes == virtualSize) {
                context.setProgress(doneBytes, virtualSize);
                reported = doneBytes;
            }
            if (!context.isCancelled())
                return false;
            report.warning(u"Cancelled after reading %1 of %2 bytes"_s.arg(doneBytes).arg(virtualSize));
            return true;
        };
        while (const std::optional<DiskStreamReader::Piece> piece = reader.next()) {
            if (piece->data) {
                hash.addData(piece->data, piece->lengthBytes);
                if (cancelled(piece->offsetBytes + piece->lengthBytes))
                    return cancelledError(image.path());
                continue;
            }
            for (quint64 pos = piece->offsetBytes, end = piece->offsetBytes + piece->lengthBytes; pos < end;) {
                const quint64 length = std::min(ProgressStepBytes - pos % ProgressStepBytes, end - pos);
                hash.addZeros(length);
                pos += length;
                if (cancelled(pos))
                    return cancelledError(image.path());
            }
        }
        m_result.unreadable = reader.unreadable();
        if (const std::optional<Error> &error = reader.firstReadError())
            firstReadError = error->message();
    }

    m_result.sha256 = hash.result();
    if (m_result.sha256.isEmpty()) {
        Error error;
        error.code = ErrorCode::InvalidArgument;
        error.path = image.path();
        error.detail = u"OpenSSL's libcrypto could not compute SHA-256"_s;
        report.error(error.message());
        return error;
    }
    m_result.dataChecked = true;
    quint64 unreadableBytes = 0;
    for (const ByteRange &range : std::as_const(m_result.unreadable)) {
        unreadableBytes += range.lengthBytes;
        report.error(u"Bytes %1-%2 of the virtual disk (%3 bytes) cannot be read"_s.arg(range.offsetBytes)
                         .arg(range.offsetBytes + range.lengthBytes - 1)
                         .arg(range.lengthBytes));
    }
    if (!firstReadError.isEmpty())
        report.error(u"First read error: %1"_s.arg(firstReadError));
    const QString hex = QString::fromLatin1(m_result.sha256.toHex());
    if (unreadableBytes)
        report.warning(u"SHA-256 of the %1-byte virtual disk, with its %2 unreadable bytes counted as zeros: %3"_s.arg(virtualSize).arg(unreadableBytes).arg(hex));
    else
        report.info(u"Read all %1 bytes of the virtual disk; SHA-256 %2"_s.arg(virtualSize).arg(hex));
    return {};
}

} // namespace AddCow
