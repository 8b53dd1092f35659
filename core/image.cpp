// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later

#include "image.h"

#include "backingreader.h"
#include "addcowcore_debug.h"
#include "bitmapcount.h"
#include "clusterrangelock.h"
#include "fileio.h"
#include "filekind.h"
#include "filelock.h"
#include "format.h"
#include "formatprobe.h"
#include "headerfield.h"
#include "headerparser.h"
#include "imagecheck.h"
#include "qemuimg.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QtEndian>

#include <algorithm>
#include <atomic>
#include <bit>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <map>
#include <mutex>
#include <sys/stat.h>
#include <utility>
#include <vector>

using namespace Qt::StringLiterals;

namespace AddCow
{

namespace
{

Error makeError(ErrorCode code, const QString &path, HeaderField field, int rule, const QString &detail)
{
    Error error;
    error.code = code;
    error.path = path;
    error.field = field;
    error.rule = rule;
    error.detail = detail;
    return error;
}

Error ioError(const QString &path, const QString &what)
{
    return Error::fromErrno(path, what);
}

struct FileIdentity {
    bool exists = false;
    dev_t device = 0;
    ino_t inode = 0;
    bool operator==(const FileIdentity &other) const
    {
        return exists && other.exists && device == other.device && inode == other.inode;
    }
};

FileIdentity identityOf(const QString &path)
{
    struct stat status;
    if (path.isEmpty() || ::stat(QFile::encodeName(path).constData(), &status) != 0)
        return {};
    return {true, status.st_dev, status.st_ino};
}

FileIdentity identityOf(int fd)
{
    struct stat status;
    if (fd < 0 || ::fstat(fd, &status) != 0)
        return {};
    return {true, status.st_dev, status.st_ino};
}

FileKind kindOf(int fd)
{
    struct stat status;
    if (::fstat(fd, &status) != 0)
        return FileKind::Other;
    return fileKindOf(status.st_mode);
}

// A finding about a file the header names: field is ImageFile or BackingFile; the caller places
// it on the name's bytes.
Finding fileFinding(Severity severity, FindingCode code, HeaderField field, const FileRef &file, int errnoValue = 0)
{
    FindingArguments arguments{FindingArgument::ofField(field), FindingArgument::ofName(file.storedName), FindingArgument::ofPath(file.resolvedPath)};
    if (code == FindingCode::FileCannotBeOpened)
        arguments << FindingArgument::ofErrno(errnoValue);
    return Finding{severity, code, field, 0, 0, FindingArgument::ofPath(file.resolvedPath), arguments};
}

// R16: opens a file the header names (read-write only when forWriting) and records its size;
// fd keeps the descriptor even when a later check fails. Returns what makes it unusable.
std::optional<Finding> openNamedFile(FileRef &file, int &fd, HeaderField field, bool forWriting)
{
    fd = FileIo::open(file.resolvedPath, forWriting ? O_RDWR : O_RDONLY);
    if (fd < 0) {
        const int error = errno;
        return fileFinding(Severity::Error, error == ENOENT ? FindingCode::FileMissing : FindingCode::FileCannotBeOpened, field, file, error);
    }
    if (const std::optional<FindingCode> problem = fileKindProblem(kindOf(fd), forWriting))
        return fileFinding(Severity::Error, *problem, field, file);
    const qint64 size = FileIo::fileSize(fd);
    if (size < 0)
        return fileFinding(Severity::Error, FindingCode::FileCannotBeOpened, field, file, errno);
    file.exists = true;
    file.sizeBytes = quint64(size);
    return std::nullopt;
}

// R14: with ALL_ALLOCATED the backing file is not needed and never opened. Its size is still
// shown; when checking, what open would have found is an info or a warning, never an error.
std::optional<Finding> describeUnneededBacking(FileRef &file, bool checking)
{
    struct stat status;
    if (::stat(QFile::encodeName(file.resolvedPath).constData(), &status) != 0) {
        if (errno != ENOENT)
            return fileFinding(Severity::Warning, FindingCode::FileCannotBeOpened, HeaderField::BackingFile, file, errno);
        return Finding{Severity::Info, FindingCode::BackingFileNotNeeded, HeaderField::BackingFile, 0, 0, FindingArgument::ofPath(file.resolvedPath),
                       {FindingArgument::ofName(file.storedName), FindingArgument::ofPath(file.resolvedPath)}};
    }
    file.exists = true;
    file.sizeBytes = quint64(status.st_size);
    if (!checking)
        return std::nullopt;
    if (const std::optional<FindingCode> problem = fileKindProblem(fileKindOf(status.st_mode), false))
        return fileFinding(Severity::Warning, *problem, HeaderField::BackingFile, file);
    const int fd = FileIo::open(file.resolvedPath, O_RDONLY);
    if (fd < 0)
        return fileFinding(Severity::Warning, FindingCode::FileCannotBeOpened, HeaderField::BackingFile, file, errno);
    FileIo::close(fd);
    return std::nullopt;
}

// What only check reports, none of it a refusal: the .add-cow file's length against the image
// file's size (R11, R12), bits past the last cluster (R12), clear bits under ALL_ALLOCATED (R14)
// and a backing file longer than the disk (R11).
Result<Findings> warningsOnly(int addCowFd, const QString &path, const Header &h, quint64 addCowBytes, quint64 virtualSizeBytes,
                              std::optional<quint64> backingDiskBytes, const ClusterBitmap *bitmap)
{
    using Arg = FindingArgument;
    Findings findings;
    const quint64 headerSize = h.headerSizeBytes();
    const quint64 clusters = clusterCountFor(virtualSizeBytes);
    const quint64 bitmapBytes = bitmapBytesFor(clusters);
    const quint64 regionBytes = bitmapRegionBytesFor(clusters);
    const quint64 presentBytes = addCowBytes > headerSize ? addCowBytes - headerSize : 0;
    if (addCowBytes >= headerSize + bitmapBytes && addCowBytes < headerSize + regionBytes) {
        findings << Finding{Severity::Warning, FindingCode::BitmapRegionShort, HeaderField::AddCowFile, headerSize, presentBytes, Arg::ofNumber(addCowBytes),
                            {Arg::ofNumber(addCowBytes), Arg::ofNumber(headerSize + regionBytes)}};
    } else if (addCowBytes > headerSize + regionBytes) {
        const quint64 maxOldSize = presentBytes * 8 * ClusterSizeBytes;
        const quint64 minOldSize = presentBytes > BitmapAlignmentBytes ? maxOldSize - BitmapAlignmentBytes * 8 * ClusterSizeBytes + 1 : 0;
        findings << Finding{Severity::Warning, FindingCode::AddCowFileTooLong, HeaderField::AddCowFile, headerSize, presentBytes, Arg::ofNumber(addCowBytes),
                            {Arg::ofNumber(addCowBytes), Arg::ofNumber(headerSize + regionBytes), Arg::ofNumber(virtualSizeBytes),
                             Arg::ofNumber(presentBytes), Arg::ofNumber(minOldSize), Arg::ofNumber(maxOldSize)}};
    }

    // R12: bits at or past `clusters` must be 0.
    const Result<std::optional<quint64>> spare = lastSetBitOnDisk(addCowFd, path, headerSize, clusters / 8, presentBytes);
    if (!spare)
        return spare.error();
    if (const std::optional<quint64> lastBit = spare.value(); lastBit && *lastBit >= clusters) {
        findings << Finding{Severity::Warning, FindingCode::SpareBitsSet, HeaderField::Bitmap, headerSize + clusters / 8, *lastBit / 8 - clusters / 8 + 1,
                            Arg::ofNumber(*lastBit),
                            {Arg::ofNumber(clusters ? clusters - 1 : 0), Arg::ofNumber(*lastBit), Arg::ofNumber((*lastBit + 1) * ClusterSizeBytes),
                             Arg::ofNumber(virtualSizeBytes)}};
    }

    // R14: ALL_ALLOCATED makes the bitmap irrelevant; clear bits under it are fine.
    if (h.isAllAllocated() && clusters > 0) {
        const Result<quint64> set = bitmap ? Result<quint64>(bitmap->countAllocated()) : countAllocatedOnDisk(addCowFd, path, headerSize, clusters);
        if (!set)
            return set.error();
        if (set.value() < clusters)
            findings << Finding{Severity::Info, FindingCode::AllAllocatedWithClearBits, HeaderField::Features, 28, 8, Arg::ofNumber(clusters - set.value()),
                                {Arg::ofNumber(clusters - set.value()), Arg::ofNumber(clusters)}};
    }

    // R11: the virtual size is the image file's; a longer backing disk has an invisible tail.
    if (backingDiskBytes && *backingDiskBytes > virtualSizeBytes)
        findings << Finding{Severity::Warning, FindingCode::BackingFileLargerThanDisk, HeaderField::BackingFile, h.backingFileNameOffset,
                            h.backingFileNameSize, Arg::ofNumber(*backingDiskBytes),
                            {Arg::ofNumber(*backingDiskBytes), Arg::ofNumber(virtualSizeBytes), Arg::ofNumber(*backingDiskBytes - virtualSizeBytes)}};
    return findings;
}

// R9: QEMU's refusal of the backing file as a finding on the backing format field; nullopt when
// the system failed rather than the file (then open and check both fail with it).
std::optional<Finding> backingRefusalFinding(const Error &refusal, const QByteArray &format)
{
    const FindingArgument value = FindingArgument::ofFormat(format);
    if (refusal.finding)
        return Finding{Severity::Error, *refusal.finding, HeaderField::BackingFormat, BackingFormatOffset, FormatFieldBytes, value, refusal.arguments};
    if (refusal.code == ErrorCode::QemuError || refusal.code == ErrorCode::UnsupportedFormat)
        return Finding{Severity::Error, FindingCode::QemuCannotReadAs, HeaderField::BackingFormat, BackingFormatOffset, FormatFieldBytes, value,
                       {value, FindingArgument::ofText(refusal.detail)}};
    return std::nullopt;
}

// Sets the bits of range in bytes, which hold the bitmap from byte firstByte on (R13 order).
void setBitsInBytes(QByteArray &bytes, quint64 firstByte, ClusterRange range)
{
    quint64 cluster = range.first;
    const quint64 end = range.end();
    while (cluster < end && cluster % 8 != 0) {
        bytes[qsizetype(cluster / 8 - firstByte)] = char(uchar(bytes[qsizetype(cluster / 8 - firstByte)]) | (1u << (cluster % 8)));
        ++cluster;
    }
    const quint64 wholeBytes = (end - cluster) / 8;
    if (wholeBytes > 0) {
        std::memset(bytes.data() + (cluster / 8 - firstByte), 0xff, wholeBytes);
        cluster += wholeBytes * 8;
    }
    while (cluster < end) {
        bytes[qsizetype(cluster / 8 - firstByte)] = char(uchar(bytes[qsizetype(cluster / 8 - firstByte)]) | (1u << (cluster % 8)));
        ++cluster;
    }
}

} // namespace

const char *dataSourceName(DataSource source)
{
    switch (source) {
    case DataSource::Image:
        return "image";
    case DataSource::Backing:
        return "backing";
    case DataSource::Zero:
        return "zero";
    case DataSource::BackingZero:
        return "backing-zero";
    }
    return "zero";
}

QString resolveStoredName(const QString &addCowPath, const QByteArray &storedName)
{
    // R5/R16: names are bytes; lossy UTF-8 only to make a path. Relative to the .add-cow file.
    const QString name = QString::fromUtf8(storedName);
    if (name.isEmpty())
        return {};
    QString resolved = QDir::cleanPath(QDir::isAbsolutePath(name) ? name : QFileInfo(addCowPath).absoluteDir().absolutePath() + u'/' + name);
    // cleanPath keeps ".." above the root ("/../../etc"); the system treats it as "/", and so
    // must the path shown to the user and compared by R17.
    while (resolved.startsWith(u"/../"))
        resolved.remove(0, 3);
    if (resolved == u"/..")
        resolved = u"/"_s;
    return resolved;
}

bool isSameFile(const QString &a, const QString &b)
{
    if (a.isEmpty() || b.isEmpty())
        return false;
    if (QDir::cleanPath(QFileInfo(a).absoluteFilePath()) == QDir::cleanPath(QFileInfo(b).absoluteFilePath()))
        return true;
    const QString canonicalA = QFileInfo(a).canonicalFilePath();
    if (!canonicalA.isEmpty() && canonicalA == QFileInfo(b).canonicalFilePath())
        return true;
    const FileIdentity idA = identityOf(a);
    return idA.exists && idA == identityOf(b);
}

Findings distinctFilesFindings(const QString &addCowPath, const QString &imagePath, const QString &backingPath)
{
    // R17: three different files (isSameFile), named by their absolute cleaned paths.
    const auto cleaned = [](const QString &path) {
        return path.isEmpty() ? QString() : QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    };
    const QString image = cleaned(imagePath);
    const QString backing = cleaned(backingPath);
    Findings findings;
    const auto add = [&findings](FindingCode code, HeaderField field, const FindingArguments &arguments) {
        findings << Finding{Severity::Error, code, field, 0, 0, arguments.constFirst(), arguments};
    };
    if (isSameFile(imagePath, addCowPath))
        add(FindingCode::ImageFileIsAddCowFile, HeaderField::ImageFile, {FindingArgument::ofPath(image)});
    if (isSameFile(backingPath, addCowPath))
        add(FindingCode::BackingFileIsAddCowFile, HeaderField::BackingFile, {FindingArgument::ofPath(backing)});
    if (isSameFile(backingPath, imagePath))
        add(FindingCode::BackingFileIsImageFile, HeaderField::BackingFile, {FindingArgument::ofPath(backing), FindingArgument::ofPath(image)});
    return findings;
}

Result<void> checkDistinctFiles(const QString &addCowPath, const QString &imagePath, const QString &backingPath)
{
    const Findings findings = distinctFilesFindings(addCowPath, imagePath, backingPath);
    if (findings.isEmpty())
        return {};
    return Error::fromFinding(addCowPath, findings.constFirst());
}

// Bits [fromBit, toBit) of a bitmap word, 0 <= fromBit < toBit <= 64.
constexpr quint64 wordMask(unsigned fromBit, unsigned toBit)
{
    const quint64 upper = toBit >= 64 ? ~quint64(0) : (quint64(1) << toBit) - 1;
    return upper & ~((quint64(1) << fromBit) - 1);
}

// The bits of range that lie in bitmap word wordIndex.
quint64 rangeMaskInWord(ClusterRange range, quint64 wordIndex)
{
    const ClusterRange inWord = range.intersected({wordIndex * 64, 64});
    if (inWord.isEmpty())
        return 0;
    return wordMask(unsigned(inWord.first - wordIndex * 64), unsigned(inWord.end() - wordIndex * 64));
}

/** Bits of bitmap words: word index -> mask (R21's clusters written but not flushed). */
using WordMasks = std::map<quint64, quint64>;

struct Image::Private {
    ~Private()
    {
        // Writes acknowledged in WriteBack are not lost on a clean close: a last flush.
        if (addCowFd >= 0 && !writesFailed.load() && !dirtyWords.empty()) {
            if (Result<void> flushed = flushDirty(std::nullopt); !flushed)
                qCWarning(ADDCOW_CORE) << "closing without a last flush:" << flushed.error().message();
        }
        backingReader.reset(); // a raw reader reads through backingFd
        for (int fd : {addCowFd, imageFd, backingFd}) {
            if (fd >= 0)
                FileIo::close(fd);
        }
    }

    QString path;
    Access access = Access::ReadOnly;
    Header header;
    FileRef backing;
    FileRef image;
    quint64 headerSizeBytes = 0;
    quint64 virtualSizeBytes = 0;
    quint64 clusterCount = 0;
    quint64 backingDataBytes = 0; ///< the backing disk's virtual size when opened, 0 when not opened
    std::unique_ptr<BackingReader> backingReader; ///< R9: the backing disk; null when not opened
    ClusterBitmap backingZero; ///< clusters the backing format reports as zeros
    bool knowsBackingZero = false;
    std::optional<Error> backingError; ///< UnreadableBacking::Degrade: why clean clusters cannot be read
    ClusterBitmap bitmap;
    bool hasBitmap = false;
    int addCowFd = -1;
    int imageFd = -1;
    int backingFd = -1;

    // Many threads (R21). Reads take no lock: they load bitmap words atomically. Writers of clean
    // clusters hold them in clusterLocks from the copy-on-write fill until their bits are set.
    std::atomic_bool allAllocated{false}; ///< R14, as header.features; commit may set it under readers
    WriteMode writeMode = WriteMode::Durable;
    ClusterRangeLock clusterLocks;
    std::mutex bitmapWriteMutex;    ///< one writer of bitmap bytes on disk at a time
    mutable std::mutex stateMutex;  ///< dirtyWords and syncFailure
    WordMasks dirtyWords;           ///< WriteBack: bits set in memory, not yet on disk
    std::optional<Error> syncFailure; ///< WriteBack: a sync of the image file failed; sticky
    std::atomic_bool writesFailed{false}; ///< syncFailure is set (checked without the mutex)

    /** A run of one source: [offsetBytes, endBytes). */
    struct Run {
        quint64 endBytes;
        DataSource source;
    };

    // R13/R14: the source at offsetBytes and how far it reaches, at most to limitBytes.
    // Works on whole runs of same-state clusters (ClusterBitmap::runAt), never cluster by cluster.
    Run runAt(quint64 offsetBytes, quint64 limitBytes) const { return runAt(offsetBytes, limitBytes, bitmap, 0); }

    // The same with bits that start at cluster bitsFirstCluster: the bitmap, or a window of it
    // read from disk for a HeaderOnly image (loadBits).
    Run runAt(quint64 offsetBytes, quint64 limitBytes, const ClusterBitmap &bits, quint64 bitsFirstCluster) const
    {
        if (allAllocated.load(std::memory_order_relaxed))
            return {limitBytes, DataSource::Image};
        const quint64 cluster = offsetBytes / ClusterSizeBytes;
        const quint64 limitCluster = (limitBytes - 1) / ClusterSizeBytes + 1;
        const quint64 bitsCluster = cluster - bitsFirstCluster;
        const bool set = bits.test(bitsCluster);
        const ClusterRange run = bits.runAt(bitsCluster, limitCluster - bitsFirstCluster);
        // Bits only go from 0 to 1. If this one changed while runAt looked, runAt may have measured
        // the other state's run: take this cluster alone, as it was first seen.
        const bool unchanged = bits.test(bitsCluster) == set;
        const quint64 runEndCluster = unchanged ? std::max(run.end() + bitsFirstCluster, cluster + 1) : cluster + 1;
        const quint64 runEnd = std::min(runEndCluster * ClusterSizeBytes, limitBytes);
        if (set) {
            // Pairs with the release that set the bit after its data was written (R21).
            std::atomic_thread_fence(std::memory_order_acquire);
            return {runEnd, DataSource::Image};
        }
        if (backingError) // the backing disk's size is unknown: every clean cluster is its
            return {runEnd, DataSource::Backing};
        if (!backingReader || offsetBytes >= backingDataBytes)
            return {runEnd, DataSource::Zero};
        const quint64 backingEnd = std::min(runEnd, backingDataBytes);
        if (!knowsBackingZero)
            return {backingEnd, DataSource::Backing};
        const ClusterRange same = backingZero.runAt(cluster, limitCluster);
        const quint64 sameEnd = std::min(std::max(same.end(), cluster + 1) * ClusterSizeBytes, backingEnd);
        return {sameEnd, backingZero.test(cluster) ? DataSource::BackingZero : DataSource::Backing};
    }

    // HeaderOnly: the bits of range from the .add-cow file, as a bitmap that starts at the
    // returned first cluster (range.first rounded down to a whole bitmap byte, R13).
    Result<std::pair<ClusterBitmap, quint64>> loadBits(ClusterRange range) const
    {
        const quint64 firstByte = range.first / 8;
        const quint64 byteCount = (range.end() - 1) / 8 - firstByte + 1;
        QByteArray bytes(qsizetype(byteCount), Qt::Uninitialized);
        if (Result<void> read = readPadded(addCowFd, path, headerSizeBytes + firstByte, bytes.data(), byteCount); !read)
            return read.error();
        return std::pair(ClusterBitmap::fromBytes(bytes, range.end() - firstByte * 8), firstByte * 8);
    }

    // Reads [offsetBytes, +length) of a file; bytes past its end read as zero (the file shrank).
    Result<void> readPadded(int fd, const QString &filePath, quint64 offsetBytes, char *buffer, quint64 lengthBytes) const
    {
        const qint64 got = FileIo::readFull(fd, buffer, lengthBytes, offsetBytes);
        if (got < 0)
            return ioError(filePath, u"cannot read %1 bytes at offset %2"_s.arg(lengthBytes).arg(offsetBytes));
        if (quint64(got) < lengthBytes)
            std::memset(buffer + got, 0, lengthBytes - quint64(got));
        return {};
    }

    // R13: the bytes a clean cluster shows: the backing disk's, zeros past its end or without one.
    Result<void> readClean(quint64 offsetBytes, char *buffer, quint64 lengthBytes) const
    {
        if (backingError) // never zeros in place of bytes that cannot be read
            return *backingError;
        if (!backingReader) {
            std::memset(buffer, 0, lengthBytes);
            return {};
        }
        return backingReader->read(offsetBytes, buffer, lengthBytes);
    }

    std::optional<Error> checkRange(quint64 offsetBytes, quint64 lengthBytes) const
    {
        // R15: the virtual disk ends at the virtual size; past it is an error, not zeros.
        if (offsetBytes > virtualSizeBytes || lengthBytes > virtualSizeBytes - offsetBytes)
            return makeError(ErrorCode::OutOfRange, path, HeaderField::ImageFile, 15,
                             u"bytes %1 to %2 pass the end of the %3-byte virtual disk"_s.arg(offsetBytes).arg(offsetBytes + lengthBytes).arg(virtualSizeBytes));
        return std::nullopt;
    }

    std::optional<Error> checkWritable() const
    {
        if (access != Access::ReadWrite)
            return makeError(ErrorCode::ReadOnly, path, HeaderField::AddCowFile, 0, u"the image is open read-only"_s);
        if (writesFailed.load(std::memory_order_relaxed)) {
            std::lock_guard lock(stateMutex);
            return syncFailure;
        }
        return std::nullopt;
    }

    // Re-reads the words of the bitmap that hold range and, with apply, takes over the bits inside
    // range that differ from memory. Reads only the data of the file: bitmap bytes in holes are zeros.
    Result<QList<ClusterRange>> reloadBits(ClusterRange range, bool apply)
    {
        QList<ClusterRange> changed;
        range = range.intersected({0, clusterCount});
        if (range.isEmpty())
            return changed;
        const quint64 bitmapBytes = bitmapBytesFor(clusterCount);
        const quint64 firstWord = range.first / 64;
        const quint64 endWord = (range.end() + 63) / 64;
        constexpr quint64 ChunkWords = 128 * 1024; // 1 MiB of bitmap: 8 Mi clusters per read
        std::vector<quint64> disk;
        for (quint64 chunkWord = firstWord; chunkWord < endWord; chunkWord += ChunkWords) {
            const quint64 words = std::min(ChunkWords, endWord - chunkWord);
            const quint64 chunkOffset = headerSizeBytes + chunkWord * 8;
            const quint64 chunkEnd = chunkOffset + std::min(words * 8, bitmapBytes - chunkWord * 8);
            disk.assign(words, 0);
            char *bytes = reinterpret_cast<char *>(disk.data());
            for (quint64 position = chunkOffset; position < chunkEnd;) {
                const qint64 data = FileIo::seekData(addCowFd, position);
                if (data < 0)
                    return ioError(path, u"cannot look for data in the bitmap"_s);
                if (quint64(data) >= chunkEnd || quint64(data) < position)
                    break; // only a hole (or the end of the file) is left: zeros
                const qint64 hole = FileIo::seekHole(addCowFd, quint64(data));
                if (hole < 0)
                    return ioError(path, u"cannot look for holes in the bitmap"_s);
                const quint64 readEnd = quint64(hole) > quint64(data) ? std::min(quint64(hole), chunkEnd) : chunkEnd;
                const qint64 got = FileIo::readFull(addCowFd, bytes + (quint64(data) - chunkOffset), readEnd - quint64(data), quint64(data));
                if (got < 0)
                    return ioError(path, u"cannot read the bitmap"_s);
                position = readEnd;
            }
            for (quint64 i = 0; i < words; ++i) {
                const quint64 w = chunkWord + i;
                const unsigned fromBit = w == firstWord ? unsigned(range.first % 64) : 0;
                const unsigned toBit = w == endWord - 1 ? unsigned((range.end() - 1) % 64 + 1) : 64;
                const quint64 mask = (toBit >= 64 ? ~quint64(0) : (quint64(1) << toBit) - 1) & ~((quint64(1) << fromBit) - 1);
                const quint64 diskWord = qFromLittleEndian(disk[i]); // R13: byte k of the word holds clusters 8k..8k+7
                const quint64 difference = apply ? bitmap.assignWord(w, diskWord, mask) : bitmap.diffWord(w, diskWord, mask);
                if (difference == 0)
                    continue;
                const quint64 first = w * 64 + quint64(std::countr_zero(difference));
                const quint64 end = w * 64 + 64 - quint64(std::countl_zero(difference));
                if (!changed.isEmpty() && changed.last().end() + 64 > first)
                    changed.last().count = end - changed.last().first;
                else
                    changed.append({first, end - first});
            }
        }
        return changed;
    }

    // The bitmap bytes [firstByte, firstByte + byteCount) as they are on disk: the bits in memory
    // without those still waiting for a flush (R21). Needs stateMutex.
    QByteArray onDiskBitmapBytes(quint64 firstByte, quint64 byteCount) const
    {
        QByteArray bytes = bitmap.toBytes(firstByte, byteCount);
        const quint64 endByte = firstByte + byteCount;
        for (auto it = dirtyWords.lower_bound(firstByte / 8); it != dirtyWords.end() && it->first * 8 < endByte; ++it) {
            for (quint64 b = 0; b < 8; ++b) {
                const quint64 byte = it->first * 8 + b;
                if (byte >= firstByte && byte < endByte)
                    bytes[qsizetype(byte - firstByte)] = char(uchar(bytes[qsizetype(byte - firstByte)]) & ~uchar(it->second >> (8 * b)));
            }
        }
        return bytes;
    }

    // Writes the bitmap bytes that hold range (not empty) with its bits set, as they are on disk
    // otherwise; no sync, memory unchanged. Needs bitmapWriteMutex.
    Result<void> writeBits(ClusterRange range)
    {
        const quint64 firstByte = range.first / 8;
        const quint64 byteCount = (range.end() - 1) / 8 - firstByte + 1;
        QByteArray bytes;
        {
            std::lock_guard lock(stateMutex);
            bytes = onDiskBitmapBytes(firstByte, byteCount);
        }
        setBitsInBytes(bytes, firstByte, range);
        if (!FileIo::writeFull(addCowFd, bytes.constData(), quint64(bytes.size()), headerSizeBytes + firstByte))
            return ioError(path, u"cannot write the bitmap"_s);
        return {};
    }

    // R19: ALL_ALLOCATED only once allocated (bits on disk, counted by the caller) is every cluster.
    std::optional<Error> notAllAllocated(quint64 allocated) const
    {
        if (allocated == clusterCount)
            return std::nullopt;
        return makeError(ErrorCode::InvalidArgument, path, HeaderField::Features, 19,
                         u"%1 of %2 clusters are still read from the backing file"_s.arg(clusterCount - allocated).arg(clusterCount));
    }

    // Writes the features field with ALL_ALLOCATED set; no sync, memory unchanged.
    Result<void> writeAllAllocatedFeature()
    {
        char bytes[8];
        qToLittleEndian(header.features | FeatureAllAllocated, bytes);
        if (!FileIo::writeFull(addCowFd, bytes, sizeof bytes, headerFieldInfo(HeaderField::Features).offsetBytes))
            return ioError(path, u"cannot write the features field"_s);
        return {};
    }

    // R18/R19: writes the bitmap bytes that hold range with its bits set, then makes the
    // .add-cow file durable. Memory is updated only once the bits are on disk.
    Result<void> storeBits(ClusterRange range)
    {
        if (range.isEmpty())
            return {};
        std::lock_guard writing(bitmapWriteMutex);
        if (Result<void> written = writeBits(range); !written)
            return written;
        if (!FileIo::dataSync(addCowFd))
            return ioError(path, u"cannot make the bitmap durable"_s);
        bitmap.setRange(range, true);
        return {};
    }

    // R21, WriteBack: the data of range is in the image file (not durable yet); reads may take it
    // from there now, and the next flush writes the bits of the clusters that were clean.
    // The caller holds range in clusterLocks, so no one else changes these bits meanwhile.
    void setBitsUnflushed(ClusterRange range)
    {
        if (range.isEmpty())
            return;
        std::lock_guard lock(stateMutex);
        for (quint64 w = range.first / 64; w <= (range.end() - 1) / 64; ++w) {
            if (const quint64 newBits = rangeMaskInWord(range, w) & ~bitmap.word(w))
                dirtyWords[w] |= newBits;
        }
        bitmap.setRange(range, true); // release: the data is written before the bit is seen
    }

    void returnUnflushed(const WordMasks &words)
    {
        std::lock_guard lock(stateMutex);
        for (const auto &[word, mask] : words)
            dirtyWords[word] |= mask;
    }

    // R21: flush. Takes the unflushed bits (of only, or all) before the sync: their writes have
    // returned, so the fdatasync that follows covers their data. Bits set after that wait.
    Result<void> flushDirty(std::optional<ClusterRange> only)
    {
        std::lock_guard writing(bitmapWriteMutex);
        WordMasks taken;
        {
            std::lock_guard lock(stateMutex);
            if (syncFailure)
                return *syncFailure;
            if (only) {
                if (!only->isEmpty()) {
                    const quint64 lastWord = (only->end() - 1) / 64;
                    for (auto it = dirtyWords.lower_bound(only->first / 64); it != dirtyWords.end() && it->first <= lastWord;) {
                        if (const quint64 mask = it->second & rangeMaskInWord(*only, it->first)) {
                            taken.emplace(it->first, mask);
                            it->second &= ~mask;
                        }
                        it = it->second == 0 ? dirtyWords.erase(it) : std::next(it);
                    }
                }
            } else {
                taken.swap(dirtyWords);
            }
        }
        if (!FileIo::dataSync(imageFd)) {
            Error error = ioError(image.resolvedPath, u"cannot make the image file durable"_s);
            returnUnflushed(taken);
            if (writeMode == WriteMode::WriteBack) {
                // The kernel may have dropped the data it could not write: no later sync can
                // vouch for it, so no bit may follow it to disk (R21).
                std::lock_guard lock(stateMutex);
                Error sticky = error;
                sticky.rule = 21;
                sticky.detail = u"an earlier flush of the image file failed (%1); writes since the last flush may be lost, reopen the image"_s.arg(QString::fromLocal8Bit(std::strerror(error.errnoValue)));
                syncFailure = sticky;
                writesFailed.store(true);
            }
            return error;
        }
        if (taken.empty())
            return {};
        // Words a few apart go out as one write: the bytes between are rewritten as they are.
        constexpr quint64 MaxGapWords = 64;
        const quint64 bitmapBytes = bitmapBytesFor(clusterCount);
        for (auto it = taken.cbegin(); it != taken.cend();) {
            const quint64 firstWord = it->first;
            quint64 lastWord = firstWord;
            for (++it; it != taken.cend() && it->first - lastWord <= MaxGapWords; ++it)
                lastWord = it->first;
            const quint64 firstByte = firstWord * 8;
            const quint64 byteCount = std::min((lastWord + 1) * 8, bitmapBytes) - firstByte;
            QByteArray bytes;
            {
                std::lock_guard lock(stateMutex);
                bytes = onDiskBitmapBytes(firstByte, byteCount); // taken bits included: no longer dirty
            }
            if (!FileIo::writeFull(addCowFd, bytes.constData(), byteCount, headerSizeBytes + firstByte)) {
                Error error = ioError(path, u"cannot write the bitmap"_s);
                returnUnflushed(taken);
                return error;
            }
        }
        if (!FileIo::dataSync(addCowFd)) {
            Error error = ioError(path, u"cannot make the bitmap durable"_s);
            returnUnflushed(taken);
            return error;
        }
        return {};
    }

    // Puts [offsetBytes, +lengthBytes) of the virtual disk into the image file: bytes from data
    // at the same offset (data starts at dataOffsetBytes), or zeros when data is null.
    Result<void> putBytes(quint64 offsetBytes, quint64 lengthBytes, const char *data, quint64 dataOffsetBytes, WriteFlags flags)
    {
        const bool done = data ? FileIo::writeFull(imageFd, data + (offsetBytes - dataOffsetBytes), lengthBytes, offsetBytes)
                               : FileIo::zeroRange(imageFd, offsetBytes, lengthBytes, flags.testFlag(MayDeallocate));
        if (!done)
            return ioError(image.resolvedPath, data ? u"cannot write the image file"_s : u"cannot write zeros to the image file"_s);
        return {};
    }

    // After a write that set no new bits: durable at once (Durable), or with Fua (WriteBack).
    Result<void> settleInPlace(ClusterRange touched, WriteFlags flags)
    {
        if (writeMode == WriteMode::WriteBack)
            return flags.testFlag(Fua) ? flushDirty(touched) : Result<void>();
        if (!FileIo::dataSync(imageFd))
            return ioError(image.resolvedPath, u"cannot make the image file durable"_s);
        return {};
    }

    Result<ClusterRange> writeData(quint64 offsetBytes, quint64 lengthBytes, const char *data, WriteFlags flags);
};

Result<ClusterRange> Image::Private::writeData(quint64 offsetBytes, quint64 lengthBytes, const char *data, WriteFlags flags)
{
    if (const auto error = checkWritable())
        return *error;
    if (const auto error = checkRange(offsetBytes, lengthBytes))
        return *error;
    const ClusterRange touched = ClusterRange::forBytes(offsetBytes, lengthBytes);
    if (lengthBytes == 0)
        return touched;

    // R14: the image file alone is the disk. Bits already set: the bytes change in place, as on
    // any disk, with no copy-on-write and no lock.
    if (allAllocated.load(std::memory_order_relaxed) || bitmap.countAllocated(touched) == touched.count) {
        std::atomic_thread_fence(std::memory_order_acquire); // see the data of whoever set the bits
        if (Result<void> put = putBytes(offsetBytes, lengthBytes, data, offsetBytes, flags); !put)
            return put.error();
        if (Result<void> settled = settleInPlace(touched, flags); !settled)
            return settled.error();
        return ClusterRange{touched.first, 0};
    }

    // R21: copy-on-write fills and writes into the same clean cluster, one at a time. Bits are
    // tested again under the lock: another writer may have allocated a cluster meanwhile.
    ClusterRange newlySet;
    {
        const ClusterRangeLock::Holder held = clusterLocks.lock(touched);

        // R18, step 1: the parts of clean touched clusters this write does not cover get the
        // bytes they show now (backing data, zeros past its end), clamped to the virtual size.
        // Only the first and the last touched cluster can be partly covered.
        const quint64 endBytes = offsetBytes + lengthBytes;
        struct Gap {
            quint64 offsetBytes;
            quint64 lengthBytes;
        };
        std::vector<Gap> gaps;
        const quint64 firstClusterStart = touched.first * ClusterSizeBytes;
        if (!bitmap.test(touched.first) && offsetBytes > firstClusterStart)
            gaps.push_back({firstClusterStart, offsetBytes - firstClusterStart});
        const quint64 lastCluster = touched.end() - 1;
        const quint64 lastClusterEnd = std::min((lastCluster + 1) * ClusterSizeBytes, virtualSizeBytes);
        if (!bitmap.test(lastCluster) && endBytes < lastClusterEnd)
            gaps.push_back({endBytes, lastClusterEnd - endBytes});
        QByteArray gapBytes;
        for (const Gap &gap : gaps) {
            gapBytes.resize(qsizetype(gap.lengthBytes));
            if (Result<void> result = readClean(gap.offsetBytes, gapBytes.data(), gap.lengthBytes); !result)
                return result.error();
            if (!FileIo::writeFull(imageFd, gapBytes.constData(), gap.lengthBytes, gap.offsetBytes))
                return ioError(image.resolvedPath, u"cannot copy backing data into the image file"_s);
        }

        // R18, step 2: the new data (whole clean clusters of zeros never read the backing file).
        if (Result<void> put = putBytes(offsetBytes, lengthBytes, data, offsetBytes, flags); !put)
            return put.error();

        // The clusters that were clean. Those between the first and the last clean one were
        // written whole or are already set.
        const std::optional<quint64> firstClean = bitmap.findNext(touched.first, false);
        if (firstClean && *firstClean < touched.end()) {
            const quint64 lastClean = bitmap.findPrevious(lastCluster, false).value_or(*firstClean);
            newlySet = ClusterRange{*firstClean, lastClean - *firstClean + 1};
        } else {
            newlySet = ClusterRange{touched.first, 0};
        }

        if (writeMode == WriteMode::Durable) {
            // R18, step 3: data durable, then the bits, then the bits durable.
            if (!FileIo::dataSync(imageFd))
                return ioError(image.resolvedPath, u"cannot make the image file durable"_s);
            if (Result<void> stored = storeBits(newlySet); !stored)
                return stored.error();
            return newlySet;
        }
        setBitsUnflushed(newlySet);
    }
    if (flags.testFlag(Fua)) {
        if (Result<void> flushed = flushDirty(touched); !flushed)
            return flushed.error();
    }
    return newlySet;
}

Image::Image()
    : d(std::make_unique<Private>())
{
}

Image::Image(Image &&other) noexcept = default;
Image &Image::operator=(Image &&other) noexcept = default;
Image::~Image() = default;

Result<Image> Image::open(const QString &addCowPath, Access access, Contents contents, UnreadableBacking unreadableBacking)
{
    return openOrCheck(addCowPath, access, contents, nullptr, unreadableBacking);
}

Result<ImageCheck> Image::check(const QString &addCowPath, Access access, Contents contents)
{
    ImageCheck check;
    Result<Image> opened = openOrCheck(addCowPath, access, contents, &check, UnreadableBacking::Fail);
    if (!opened)
        return opened.error();
    if (!check.error)
        check.image = std::make_shared<Image>(std::move(opened).value());
    return check;
}

// The one validating pass. Every rule that decides whether an image can be used is checked
// here, once, in QEMU cow.c's order; open stops at the first error, check (qcow2's BDRV_O_CHECK)
// records every finding and goes on as far as the files allow, adding what only warns.
Result<Image> Image::openOrCheck(const QString &addCowPath, Access access, Contents contents, ImageCheck *check, UnreadableBacking unreadableBacking)
{
    Image image;
    Private &d = *image.d;
    d.path = QDir::cleanPath(QFileInfo(addCowPath).absoluteFilePath());
    d.access = access;
    const bool forWriting = access == Access::ReadWrite;
    if (forWriting && contents == Contents::HeaderOnly)
        return makeError(ErrorCode::InvalidArgument, d.path, HeaderField::AddCowFile, 0, u"cannot write an image opened without its bitmap"_s);
    if (forWriting && unreadableBacking == UnreadableBacking::Degrade)
        return makeError(ErrorCode::InvalidArgument, d.path, HeaderField::BackingFile, 0, u"cannot write an image whose backing file may be unreadable"_s);
    // Degrade (open only): the backing disk's error is kept, the rest of the image opens.
    const bool degrade = unreadableBacking == UnreadableBacking::Degrade && !check;
    const auto keepBackingError = [&d](Error error) {
        d.backingReader.reset(); // a raw reader reads through backingFd
        d.backingDataBytes = 0;
        d.backingError = std::move(error);
    };

    // Without a readable .add-cow file there is nothing to check: both fail alike.
    d.addCowFd = FileIo::open(d.path, forWriting ? O_RDWR : O_RDONLY);
    if (d.addCowFd < 0) {
        if (errno == ENOENT)
            return makeError(ErrorCode::FileMissing, d.path, HeaderField::AddCowFile, 0, u"the .add-cow file does not exist"_s);
        return ioError(d.path, u"cannot open the .add-cow file"_s);
    }
    // The .add-cow file is always a regular file, even for reading.
    if (kindOf(d.addCowFd) != FileKind::Regular)
        return makeError(ErrorCode::InvalidArgument, d.path, HeaderField::AddCowFile, 0, u"is not a regular file"_s);
    const qint64 addCowSize = FileIo::fileSize(d.addCowFd);
    if (addCowSize < 0)
        return ioError(d.path, u"cannot read the size of the .add-cow file"_s);

    // R1-R10
    Result<HeaderParse> read = readHeader(d.addCowFd, d.path);
    if (!read)
        return read.error();
    HeaderParse &parse = read.value();
    std::optional<Error> first = parse.firstError();
    if (first && (first->code == ErrorCode::NotAddCow || first->code == ErrorCode::LaterAddCowLayout))
        return *first; // R2: another format; none of the rules below applies to it
    if (first && !check)
        return *first;

    Findings fileFindings;
    // Records a finding about the files; true when open must stop at it (its first error).
    const auto found = [&](const Finding &finding, const QString &errorPath) {
        if (check)
            fileFindings.append(finding);
        if (finding.severity != Severity::Error)
            return false;
        if (!first)
            first = Error::fromFinding(errorPath, finding);
        return !check;
    };
    // Open returns at its first error; reaching the end, check says what it found.
    const auto finish = [&]() -> Result<Image> {
        if (check) {
            check->findings = parse.findings + fileFindings;
            check->error = first;
            check->parse = std::move(parse);
        }
        return std::move(image);
    };

    d.header = parse.header;
    const Header &h = d.header;
    d.headerSizeBytes = h.headerSizeBytes();
    const bool headerSizeKnown = parse.complete && h.headerPagesSize >= 1 && h.headerPagesSize <= MaxHeaderPagesSize; // R1, R4
    const bool allAllocated = h.isAllAllocated();
    d.allAllocated.store(allAllocated);

    // R16: names resolve against the .add-cow file's directory. A name the header cannot hold
    // (R5) resolves to nothing; its finding is the header's.
    d.image.storedName = h.imageFileName;
    d.image.resolvedPath = resolveStoredName(d.path, h.imageFileName);
    if (h.hasBackingFile()) {
        d.backing.storedName = h.backingFileName;
        d.backing.resolvedPath = resolveStoredName(d.path, h.backingFileName);
    }
    const auto placed = [&h](Finding finding) {
        const bool backing = finding.field == HeaderField::BackingFile;
        finding.offsetBytes = backing ? h.backingFileNameOffset : h.imageFileNameOffset;
        finding.lengthBytes = backing ? h.backingFileNameSize : h.imageFileNameSize;
        return finding;
    };

    // R17, by path and by the identity of files that exist.
    const Findings sameFiles = distinctFilesFindings(d.path, d.image.resolvedPath, d.backing.resolvedPath);
    for (const Finding &finding : sameFiles) {
        if (found(placed(finding), d.path))
            return *first;
    }

    // The image file: R11 makes its size the virtual size.
    bool imageOpened = false;
    if (!d.image.resolvedPath.isEmpty()) {
        if (const std::optional<Finding> problem = openNamedFile(d.image, d.imageFd, HeaderField::ImageFile, forWriting)) {
            if (found(placed(*problem), d.image.resolvedPath))
                return *first;
        } else {
            imageOpened = true;
        }
    }
    d.virtualSizeBytes = d.image.sizeBytes;
    d.clusterCount = clusterCountFor(d.virtualSizeBytes);

    // R14: with ALL_ALLOCATED the backing file is described but never opened; check says what
    // it would have found, without refusing.
    if (!d.backing.resolvedPath.isEmpty()) {
        if (allAllocated) {
            if (const std::optional<Finding> problem = describeUnneededBacking(d.backing, check != nullptr))
                found(placed(*problem), d.backing.resolvedPath);
        } else if (const std::optional<Finding> problem = openNamedFile(d.backing, d.backingFd, HeaderField::BackingFile, false)) {
            if (degrade) {
                if (d.backingFd >= 0) { // a directory, say: nothing of it is shown
                    FileIo::close(d.backingFd);
                    d.backingFd = -1;
                }
                keepBackingError(Error::fromFinding(d.backing.resolvedPath, placed(*problem)));
            } else if (found(placed(*problem), d.backing.resolvedPath)) {
                return *first;
            }
        }
    }

    // R17 once more on what was opened: a path check cannot see hard links that appeared meanwhile.
    if (sameFiles.isEmpty()) {
        const FileIdentity addCowId = identityOf(d.addCowFd);
        const FileIdentity imageId = identityOf(d.imageFd);
        const FileIdentity backingId = identityOf(d.backingFd);
        const auto same = [&](FindingCode code, HeaderField field, FindingArguments arguments) {
            return found(placed(Finding{Severity::Error, code, field, 0, 0, arguments.constFirst(), arguments}), d.path);
        };
        const FindingArgument imagePath = FindingArgument::ofPath(d.image.resolvedPath);
        const FindingArgument backingPath = FindingArgument::ofPath(d.backing.resolvedPath);
        if (imageId == addCowId && same(FindingCode::ImageFileIsAddCowFile, HeaderField::ImageFile, {imagePath}))
            return *first;
        if (backingId == addCowId && same(FindingCode::BackingFileIsAddCowFile, HeaderField::BackingFile, {backingPath}))
            return *first;
        if (backingId == imageId && same(FindingCode::BackingFileIsImageFile, HeaderField::BackingFile, {backingPath, imagePath}))
            return *first;
    }

    // Locks only for an image that will be used: another writer is no finding but a refusal,
    // for check as for open.
    if (forWriting && !first) {
        if (Result<void> locked = FileLock::lockForWriting(d.addCowFd, d.path); !locked)
            return locked.error();
        if (Result<void> locked = FileLock::lockForWriting(d.imageFd, d.image.resolvedPath); !locked)
            return locked.error();
        if (d.backingFd >= 0) {
            if (Result<void> locked = FileLock::lockForReading(d.backingFd, d.backing.resolvedPath); !locked)
                return locked.error();
        }
    }

    // R11/R12: the bitmap bits must all be there.
    const quint64 bitmapBytes = bitmapBytesFor(d.clusterCount);
    const quint64 presentBytes = quint64(addCowSize) > d.headerSizeBytes ? quint64(addCowSize) - d.headerSizeBytes : 0;
    const bool lengthKnown = imageOpened && headerSizeKnown;
    if (lengthKnown && quint64(addCowSize) < d.headerSizeBytes + bitmapBytes) {
        const FindingArguments arguments{FindingArgument::ofNumber(quint64(addCowSize)), FindingArgument::ofNumber(d.virtualSizeBytes),
                                         FindingArgument::ofNumber(d.headerSizeBytes + bitmapBytes), FindingArgument::ofNumber(bitmapBytes),
                                         FindingArgument::ofNumber(d.clusterCount)};
        if (found(Finding{Severity::Error, FindingCode::BitmapBitsMissing, HeaderField::Bitmap, d.headerSizeBytes, presentBytes,
                          FindingArgument::ofNumber(quint64(addCowSize)), arguments},
                  d.path))
            return *first;
    }

    // R9: the backing disk in its stored format, never probed: raw natively, any other through
    // QEMU. An image that will not be used (check past an error) and a HeaderOnly image read no
    // data through QEMU, so they start no qemu-nbd: QEMU is only asked whether it can read the
    // file. QEMU's refusal is a finding of check and open's error; a failing system is an error
    // of both. A header whose backing format is already an error (R9) is not asked about.
    const QByteArray backingFormat = h.backingFormat();
    std::optional<quint64> backingDiskBytes; // R11/R13: the backing disk's virtual size, when known
    const bool backingFormatBroken = std::any_of(parse.findings.cbegin(), parse.findings.cend(), [](const Finding &finding) {
        return finding.severity == Severity::Error && finding.field == HeaderField::BackingFormat;
    });
    if (d.backingFd >= 0 && !backingFormatBroken) {
        std::optional<Error> refusal;
        if (!first && (contents == Contents::Everything || backingFormat == "raw")) {
            if (Result<std::unique_ptr<BackingReader>> reader = BackingReader::open(d.backing.resolvedPath, backingFormat, d.backingFd)) {
                d.backingReader = std::move(reader).value();
                d.backingDataBytes = d.backingReader->sizeBytes();
                backingDiskBytes = d.backingDataBytes;
            } else {
                refusal = reader.error();
            }
        } else if (backingFormat != "raw") {
            if (const Result<QList<BackingLayer>> readable = QemuImg::readableChain(d.backing.resolvedPath, backingFormat))
                backingDiskBytes = readable->constFirst().virtualSizeBytes;
            else
                refusal = readable.error();
        } else {
            backingDiskBytes = d.backing.sizeBytes;
        }
        if (refusal && degrade) {
            const std::optional<Finding> finding = backingRefusalFinding(*refusal, backingFormat);
            if (refusal->path.isEmpty())
                refusal->path = d.backing.resolvedPath;
            keepBackingError(finding ? Error::fromFinding(d.backing.resolvedPath, *finding) : *refusal);
        } else if (refusal) {
            const std::optional<Finding> finding = backingRefusalFinding(*refusal, backingFormat);
            if (!finding) {
                if (refusal->path.isEmpty())
                    refusal->path = d.backing.resolvedPath;
                return *refusal;
            }
            if (found(*finding, d.backing.resolvedPath))
                return *first;
        }
        // A raw backing file is read as raw bytes whatever they look like: worth a warning.
        if (check && backingFormat == "raw") {
            if (const Result<QByteArray> looksLike = probeFormat(d.backing.resolvedPath); looksLike && looksLike.value() != "raw")
                fileFindings << Finding{Severity::Warning, FindingCode::RawBackingLooksLikeFormat, HeaderField::BackingFormat, BackingFormatOffset,
                                        FormatFieldBytes, FindingArgument::ofFormat(backingFormat),
                                        {FindingArgument::ofText(QString::fromLatin1(looksLike.value()))}};
        }
    } else if (d.backing.exists && backingFormat == "raw") {
        backingDiskBytes = d.backing.sizeBytes; // R14: described, not opened
    }

    // Read straight into the bitmap's word storage: no second buffer for a 128 MiB bitmap, and
    // no zeroing before the read (issue 13). Only the last word's bytes past the bitmap's end
    // are not read: zero them (R12).
    if (!first && contents == Contents::Everything) {
        ClusterBitmap::Words bitmapWords((bitmapBytes + 7) / 8);
        if (!bitmapWords.empty())
            bitmapWords.back() = 0;
        const qint64 got = FileIo::readFull(d.addCowFd, reinterpret_cast<char *>(bitmapWords.data()), bitmapBytes, d.headerSizeBytes);
        if (got < 0)
            return ioError(d.path, u"cannot read the bitmap"_s);
        if (quint64(got) < bitmapBytes) {
            // R12: the file shrank since its length was checked.
            const FindingArguments arguments{FindingArgument::ofNumber(d.headerSizeBytes + quint64(got)),
                                             FindingArgument::ofNumber(d.headerSizeBytes + bitmapBytes)};
            if (found(Finding{Severity::Error, FindingCode::BitmapEndsEarly, HeaderField::Bitmap, d.headerSizeBytes + quint64(got), 0, {}, arguments},
                      d.path))
                return *first;
        } else {
            d.bitmap = ClusterBitmap::fromLittleEndianWords(std::move(bitmapWords), d.clusterCount);
            d.hasBitmap = true;
        }
    }

    // Where the backing format reports zeros, once: map() and sourceOfCluster() then stay lookups.
    if (d.hasBitmap && d.backingReader && d.backingReader->knowsZeros()) {
        const quint64 visibleBytes = std::min(d.backingDataBytes, d.virtualSizeBytes);
        Result<QList<BackingExtent>> extents = d.backingReader->extents(0, visibleBytes);
        if (!extents) {
            Error error = extents.error();
            error.field = HeaderField::BackingFile;
            if (!degrade)
                return error;
            keepBackingError(std::move(error));
            return finish();
        }
        d.backingZero = ClusterBitmap(d.clusterCount);
        for (const BackingExtent &extent : extents.value()) {
            if (!extent.zero)
                continue;
            // Whole clusters only; the last one needs its bytes up to the backing disk's end.
            const quint64 extentEnd = extent.offsetBytes + extent.lengthBytes;
            const quint64 firstZero = (extent.offsetBytes + ClusterSizeBytes - 1) / ClusterSizeBytes;
            const quint64 end = extentEnd >= visibleBytes ? clusterCountFor(visibleBytes) : extentEnd / ClusterSizeBytes;
            if (end > firstZero)
                d.backingZero.setRange(ClusterRange{firstZero, end - firstZero});
        }
        d.knowsBackingZero = true;
    }

    if (check && lengthKnown) {
        const Result<Findings> warnings =
            warningsOnly(d.addCowFd, d.path, h, quint64(addCowSize), d.virtualSizeBytes, backingDiskBytes, d.hasBitmap ? &d.bitmap : nullptr);
        if (!warnings)
            return warnings.error();
        fileFindings += warnings.value();
    }
    return finish();
}

QString Image::path() const
{
    return d->path;
}

Image::Access Image::access() const
{
    return d->access;
}

Result<QList<ClusterRange>> Image::setAccess(Access access)
{
    if (access == d->access)
        return QList<ClusterRange>{};
    const bool forWriting = access == Access::ReadWrite;
    // R21: what was written back must be durable before the write locks go.
    if (!forWriting) {
        if (Result<void> flushed = d->flushDirty(std::nullopt); !flushed)
            return flushed.error();
    }
    if (forWriting && !d->hasBitmap)
        return makeError(ErrorCode::InvalidArgument, d->path, HeaderField::AddCowFile, 0, u"cannot write an image opened without its bitmap"_s);
    if (forWriting && d->backingError) // R18: a write into a clean cluster copies its backing bytes
        return *d->backingError;

    // New descriptors first: until they replace the old ones, nothing about the image changes.
    struct Reopened {
        int *target;
        int fd = -1;
        QString path;
        HeaderField field;
    };
    std::vector<Reopened> files = {{&d->addCowFd, -1, d->path, HeaderField::AddCowFile},
                                   {&d->imageFd, -1, d->image.resolvedPath, HeaderField::ImageFile}};
    if (d->backingFd >= 0) // the read lock an open for writing takes on it goes with ReadOnly
        files.push_back({&d->backingFd, -1, d->backing.resolvedPath, HeaderField::BackingFile});
    auto closeAll = [&files] {
        for (Reopened &file : files) {
            if (file.fd >= 0)
                FileIo::close(file.fd);
        }
    };
    for (Reopened &file : files) {
        const bool writable = forWriting && file.target != &d->backingFd;
        // Going read-only reopens what is open, even a file removed meanwhile: releasing the
        // locks must not depend on the names still leading to the files.
        const QString openPath = forWriting ? file.path : u"/proc/self/fd/%1"_s.arg(*file.target);
        file.fd = FileIo::open(openPath, writable ? O_RDWR : O_RDONLY);
        if (file.fd < 0) {
            const Error error = ioError(file.path, writable ? u"cannot open the file for writing"_s : u"cannot open the file again"_s);
            closeAll();
            return error;
        }
        if (!(identityOf(file.fd) == identityOf(*file.target))) {
            closeAll();
            return makeError(ErrorCode::InvalidArgument, file.path, file.field, 0, u"the file was replaced since the image was opened; open the image again"_s);
        }
        if (const std::optional<FindingCode> problem = fileKindProblem(kindOf(file.fd), writable)) {
            closeAll();
            const QByteArray name = file.field == HeaderField::AddCowFile ? QFile::encodeName(file.path)
                : file.field == HeaderField::ImageFile                    ? d->image.storedName
                                                                          : d->backing.storedName;
            return Error::fromFinding(file.path, fileFinding(Severity::Error, *problem, file.field, FileRef{name, file.path, true, 0}));
        }
    }
    // R11: the virtual size is the image file's size when opened; a bitmap of another size is not this image's.
    if (const qint64 size = FileIo::fileSize(files[1].fd); forWriting && (size < 0 || quint64(size) != d->virtualSizeBytes)) {
        closeAll();
        return makeError(ErrorCode::InvalidArgument, d->image.resolvedPath, HeaderField::ImageFile, 11,
                         u"the image file is now %1 bytes, %2 when the image was opened; open the image again"_s.arg(size).arg(d->virtualSizeBytes));
    }

    QList<ClusterRange> changed;
    if (forWriting) {
        for (Reopened &file : files) {
            const Result<void> locked = file.target == &d->backingFd ? FileLock::lockForReading(file.fd, file.path) : FileLock::lockForWriting(file.fd, file.path);
            if (!locked) {
                closeAll();
                return locked.error();
            }
        }
        // Under the write lock nobody else changes the bitmap any more: what is on disk now is
        // what every later write of ours starts from (a stale bit would be written back cleared).
        Result<QList<ClusterRange>> reloaded = d->reloadBits({0, d->clusterCount}, true);
        if (!reloaded) {
            closeAll();
            return reloaded.error();
        }
        changed = std::move(reloaded.value());
    }
    for (Reopened &file : files) {
        if (!FileIo::replaceDescriptor(*file.target, file.fd)) {
            const Error error = ioError(file.path, u"cannot switch to the reopened file"_s);
            closeAll();
            return error;
        }
        file.fd = -1;
    }
    d->access = access;
    return changed;
}

Result<QList<ClusterRange>> Image::reloadBitmap(ClusterRange range)
{
    if (d->access == Access::ReadWrite)
        return makeError(ErrorCode::InvalidArgument, d->path, HeaderField::Bitmap, 0, u"the bitmap of an image open for writing is not re-read"_s);
    if (!d->hasBitmap)
        return makeError(ErrorCode::InvalidArgument, d->path, HeaderField::Bitmap, 0, u"the image was opened without its bitmap"_s);
    return d->reloadBits(range, true);
}

Result<QList<ClusterRange>> Image::diffBitmap(ClusterRange range) const
{
    if (!d->hasBitmap)
        return makeError(ErrorCode::InvalidArgument, d->path, HeaderField::Bitmap, 0, u"the image was opened without its bitmap"_s);
    return d->reloadBits(range, false);
}

const Header &Image::header() const
{
    return d->header;
}

std::optional<Error> Image::backingError() const
{
    return d->backingError;
}

void Image::closeBackingDisk()
{
    if (!d->backingReader)
        return;
    d->backingReader.reset(); // waits until a qemu-nbd has exited
    d->backingError = Error::make(ErrorCode::InvalidArgument, d->backing.resolvedPath, u"the backing disk was closed after its data was read"_s);
}

const FileRef &Image::backingFile() const
{
    return d->backing;
}

const FileRef &Image::imageFile() const
{
    return d->image;
}

quint64 Image::virtualSizeBytes() const
{
    return d->virtualSizeBytes;
}

quint64 Image::backingSizeBytes() const
{
    return d->backingDataBytes;
}

const BackingReader *Image::backingReader() const
{
    return d->backingReader.get();
}

const ClusterBitmap *Image::backingZeroClusters() const
{
    return d->knowsBackingZero ? &d->backingZero : nullptr;
}

quint64 Image::clusterCount() const
{
    return d->clusterCount;
}

bool Image::hasBitmap() const
{
    return d->hasBitmap;
}

const ClusterBitmap &Image::bitmap() const
{
    Q_ASSERT(d->hasBitmap);
    return d->bitmap;
}

bool Image::isAllAllocated() const
{
    return d->allAllocated.load(std::memory_order_relaxed);
}

Result<quint64> Image::countAllocated() const
{
    if (d->hasBitmap)
        return d->bitmap.countAllocated();
    return countAllocatedOnDisk(d->addCowFd, d->path, d->headerSizeBytes, d->clusterCount);
}

Result<quint64> Image::countAllocated(ClusterRange range) const
{
    if (d->hasBitmap)
        return d->bitmap.countAllocated(range);
    return countAllocatedOnDisk(d->addCowFd, d->path, d->headerSizeBytes, d->clusterCount, range);
}

DataSource Image::sourceOfCluster(quint64 clusterIndex) const
{
    Q_ASSERT(d->hasBitmap || d->allAllocated.load(std::memory_order_relaxed));
    if (d->allAllocated.load(std::memory_order_relaxed))
        return DataSource::Image;
    if (clusterIndex >= d->clusterCount)
        return DataSource::Zero;
    if (d->bitmap.test(clusterIndex))
        return DataSource::Image;
    if (d->backingError)
        return DataSource::Backing;
    if (!d->backingReader || clusterIndex * ClusterSizeBytes >= d->backingDataBytes)
        return DataSource::Zero;
    if (d->knowsBackingZero && d->backingZero.test(clusterIndex))
        return DataSource::BackingZero;
    return DataSource::Backing;
}

QList<MapRun> Image::map(quint64 offsetBytes, quint64 lengthBytes) const
{
    Q_ASSERT(d->hasBitmap || d->allAllocated.load(std::memory_order_relaxed));
    QList<MapRun> runs;
    if (offsetBytes >= d->virtualSizeBytes)
        return runs;
    const quint64 end = offsetBytes + std::min(lengthBytes, d->virtualSizeBytes - offsetBytes);
    quint64 position = offsetBytes;
    while (position < end) {
        const Private::Run run = d->runAt(position, end);
        if (!runs.isEmpty() && runs.last().source == run.source)
            runs.last().lengthBytes += run.endBytes - position;
        else
            runs.append(MapRun{position, run.endBytes - position, run.source});
        position = run.endBytes;
    }
    return runs;
}

Result<void> Image::read(quint64 offsetBytes, char *buffer, quint64 lengthBytes) const
{
    if (const auto error = d->checkRange(offsetBytes, lengthBytes))
        return *error;
    // Without the bitmap in memory, the bits of the clusters read come from disk.
    std::pair<ClusterBitmap, quint64> window;
    const ClusterBitmap *bits = &d->bitmap;
    if (!d->hasBitmap && !d->allAllocated.load(std::memory_order_relaxed) && lengthBytes > 0) {
        Result<std::pair<ClusterBitmap, quint64>> loaded = d->loadBits(ClusterRange::forBytes(offsetBytes, lengthBytes));
        if (!loaded)
            return loaded.error();
        window = std::move(loaded).value();
        bits = &window.first;
    }
    const quint64 end = offsetBytes + lengthBytes;
    quint64 position = offsetBytes;
    while (position < end) {
        const Private::Run run = d->runAt(position, end, *bits, window.second);
        char *target = buffer + (position - offsetBytes);
        const quint64 length = run.endBytes - position;
        switch (run.source) {
        case DataSource::Image:
            if (Result<void> result = d->readPadded(d->imageFd, d->image.resolvedPath, position, target, length); !result)
                return result;
            break;
        case DataSource::Backing:
            if (d->backingError)
                return *d->backingError;
            if (Result<void> result = d->backingReader->read(position, target, length); !result)
                return result;
            break;
        case DataSource::Zero:
            // HeaderOnly starts no qemu-nbd (R9): a clean cluster of a non-raw backing disk is unknown here.
            if (!d->hasBitmap && d->backingFd >= 0 && !d->backingReader)
                return makeError(ErrorCode::InvalidArgument, d->backing.resolvedPath, HeaderField::BackingFormat, 0,
                                 u"a header-only open does not read a %1 backing disk"_s.arg(QString::fromLatin1(d->header.backingFormat())));
            Q_FALLTHROUGH();
        case DataSource::BackingZero: // the backing format says so: no need to ask it for the bytes
            std::memset(target, 0, length);
            break;
        }
        position = run.endBytes;
    }
    return {};
}

Result<QByteArray> Image::read(quint64 offsetBytes, quint64 lengthBytes) const
{
    if (const auto error = d->checkRange(offsetBytes, lengthBytes))
        return *error;
    QByteArray bytes(qsizetype(lengthBytes), Qt::Uninitialized);
    if (Result<void> result = read(offsetBytes, bytes.data(), lengthBytes); !result)
        return result.error();
    return bytes;
}

Result<quint64> Image::readBackingFile(quint64 offsetBytes, char *buffer, quint64 lengthBytes) const
{
    if (d->backingFd < 0)
        return quint64(0);
    const qint64 got = FileIo::readFull(d->backingFd, buffer, lengthBytes, offsetBytes);
    if (got < 0)
        return ioError(d->backing.resolvedPath, u"cannot read the backing file"_s);
    return quint64(got);
}

Result<quint64> Image::readImageFile(quint64 offsetBytes, char *buffer, quint64 lengthBytes) const
{
    if (d->imageFd < 0)
        return quint64(0);
    const qint64 got = FileIo::readFull(d->imageFd, buffer, lengthBytes, offsetBytes);
    if (got < 0)
        return ioError(d->image.resolvedPath, u"cannot read the image file"_s);
    return quint64(got);
}

Result<void> Image::readClean(quint64 offsetBytes, char *buffer, quint64 lengthBytes) const
{
    if (const auto error = d->checkRange(offsetBytes, lengthBytes))
        return *error;
    return d->readClean(offsetBytes, buffer, lengthBytes);
}

Result<ClusterRange> Image::write(quint64 offsetBytes, QByteArrayView data, WriteFlags flags)
{
    return d->writeData(offsetBytes, quint64(data.size()), data.data(), flags);
}

Result<ClusterRange> Image::writeZeroes(quint64 offsetBytes, quint64 lengthBytes, WriteFlags flags)
{
    return d->writeData(offsetBytes, lengthBytes, nullptr, flags);
}

Result<void> Image::setWriteMode(WriteMode mode)
{
    if (mode == d->writeMode)
        return {};
    if (d->writeMode == WriteMode::WriteBack && d->access == Access::ReadWrite) {
        if (Result<void> flushed = d->flushDirty(std::nullopt); !flushed)
            return flushed;
    }
    d->writeMode = mode;
    return {};
}

Image::WriteMode Image::writeMode() const
{
    return d->writeMode;
}

Result<void> Image::flush()
{
    if (d->access != Access::ReadWrite)
        return {}; // nothing was written
    return d->flushDirty(std::nullopt);
}

quint64 Image::unflushedClusterCount() const
{
    std::lock_guard lock(d->stateMutex);
    quint64 count = 0;
    for (const auto &[word, mask] : d->dirtyWords)
        count += quint64(std::popcount(mask));
    return count;
}

Result<void> Image::markAllocated(ClusterRange range)
{
    if (const auto error = d->checkWritable())
        return *error;
    if (range.end() > d->clusterCount || range.end() < range.first)
        return makeError(ErrorCode::OutOfRange, d->path, HeaderField::Bitmap, 15,
                         u"clusters %1 to %2 pass the last cluster %3"_s.arg(range.first).arg(range.end()).arg(d->clusterCount));
    return d->storeBits(range);
}

Result<void> Image::setAllAllocated()
{
    if (const auto error = d->checkWritable())
        return *error;
    if (d->allAllocated.load(std::memory_order_relaxed))
        return {};
    // R19: only once every cluster is in the image file, its bit on disk.
    if (Result<void> flushed = d->flushDirty(std::nullopt); !flushed)
        return flushed;
    std::lock_guard writing(d->bitmapWriteMutex);
    if (const auto error = d->notAllAllocated(d->bitmap.countAllocated()))
        return *error;
    if (Result<void> written = d->writeAllAllocatedFeature(); !written)
        return written;
    if (!FileIo::dataSync(d->addCowFd))
        return ioError(d->path, u"cannot make the features field durable"_s);
    d->header.features |= FeatureAllAllocated;
    d->allAllocated.store(true);
    return {};
}

Result<void> Image::completeAllocation(ClusterRange lastBits)
{
    if (const auto error = d->checkWritable())
        return *error;
    if (lastBits.end() > d->clusterCount || lastBits.end() < lastBits.first)
        return makeError(ErrorCode::OutOfRange, d->path, HeaderField::Bitmap, 15,
                         u"clusters %1 to %2 pass the last cluster %3"_s.arg(lastBits.first).arg(lastBits.end()).arg(d->clusterCount));
    if (d->allAllocated.load(std::memory_order_relaxed))
        return {};
    if (unflushedClusterCount() > 0) {
        if (Result<void> flushed = d->flushDirty(std::nullopt); !flushed)
            return flushed;
    }
    std::lock_guard writing(d->bitmapWriteMutex);
    // R19: every cluster outside lastBits has its bit on disk already.
    if (const auto error = d->notAllAllocated(d->bitmap.countAllocated() + (lastBits.count - d->bitmap.countAllocated(lastBits))))
        return *error;
    if (!lastBits.isEmpty()) {
        if (Result<void> written = d->writeBits(lastBits); !written)
            return written;
    }
    if (Result<void> written = d->writeAllAllocatedFeature(); !written)
        return written;
    // One sync for both: whichever of them reaches the disk first, the disk reads the same, as
    // ALL_ALLOCATED only vouches for data already durable (R19).
    if (!FileIo::dataSync(d->addCowFd))
        return ioError(d->path, u"cannot make the bitmap and the features field durable"_s);
    d->bitmap.setRange(lastBits, true);
    d->header.features |= FeatureAllAllocated;
    d->allAllocated.store(true);
    return {};
}

Result<void> Image::lockAgainstWriters()
{
    if (d->access == Access::ReadWrite)
        return {}; // the write locks already keep other writers out
    if (Result<void> locked = FileLock::lockForReadingExclusively(d->addCowFd, d->path); !locked)
        return locked;
    if (Result<void> locked = FileLock::lockForReadingExclusively(d->imageFd, d->image.resolvedPath); !locked)
        return locked;
    if (d->backingFd >= 0)
        return FileLock::lockForReading(d->backingFd, d->backing.resolvedPath);
    return {};
}

int Image::backingFd() const
{
    return d->backingFd;
}

int Image::imageFd() const
{
    return d->imageFd;
}

} // namespace AddCow
