// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "addcowcore_export.h"
#include "clusterbitmap.h"
#include "finding.h"
#include "header.h"
#include "imagecheck.h"
#include "result.h"

#include <QByteArray>
#include <QFlags>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace AddCow
{

class BackingReader;

/** Where the virtual disk takes a byte from (R13). */
enum class DataSource {
    Image,       ///< bit 1 or ALL_ALLOCATED: the image file
    Backing,     ///< bit 0, inside the backing disk
    Zero,        ///< bit 0, past the backing disk's end or no backing file
    BackingZero, ///< bit 0, inside the backing disk where its format says it reads as zeros (NBD block status)
};
ADDCOWCORE_EXPORT const char *dataSourceName(DataSource source); ///< "image", "backing", "zero", "backing-zero"

/** A run of the virtual disk that comes from one source. */
struct MapRun {
    quint64 offsetBytes = 0;
    quint64 lengthBytes = 0;
    DataSource source = DataSource::Zero;
    bool operator==(const MapRun &) const = default;
};

/** A file the header names: what is stored and where it leads (R16). */
struct FileRef {
    QByteArray storedName;  ///< as in the header, raw bytes (R5)
    QString resolvedPath;   ///< absolute, resolved against the .add-cow file's directory (R16)
    bool exists = false;
    quint64 sizeBytes = 0;  ///< 0 when missing
};

/** R16: resolves a stored name against the directory holding addCowPath; absolute names stay. */
ADDCOWCORE_EXPORT QString resolveStoredName(const QString &addCowPath, const QByteArray &storedName);

/**
 * R17: true when a and b name the same file: the same absolute cleaned path, the same canonical
 * path (symbolic links), or the same (device, inode) for files that exist (hard links, bind
 * mounts). False when either is empty. The one test of "same file" that core, the CLI and the
 * app all use.
 */
ADDCOWCORE_EXPORT bool isSameFile(const QString &a, const QString &b);

/**
 * R17: what makes the .add-cow file, the image file and the backing file fewer than three
 * different files (same resolved path, or same (device, inode) for files that exist), as
 * findings on ImageFile / BackingFile; empty when they are distinct. Paths are resolved
 * (absolute); imagePath or backingPath is empty when there is none.
 */
ADDCOWCORE_EXPORT Findings distinctFilesFindings(const QString &addCowPath, const QString &imagePath, const QString &backingPath);

/** R17 as a refusal: the first of distinctFilesFindings() as an IdenticalFiles error. */
ADDCOWCORE_EXPORT Result<void> checkDistinctFiles(const QString &addCowPath, const QString &imagePath, const QString &backingPath);

/**
 * An open add-cow image: header, bitmap and the two data files.
 * Move-only; closing releases the files and their locks.
 *
 * Threads: once open, one Image may be read and written from many threads at once (an NBD
 * export): reads, write(), writeZeroes(), flush(), map() and the bitmap's bits. Writes that
 * touch the same clean cluster are serialized (R21); everything else runs in parallel.
 * setWriteMode(), moving and closing need the other threads to be done.
 */
class ADDCOWCORE_EXPORT Image
{
public:
    /** When a write is durable. */
    enum class WriteMode {
        Durable,   ///< R18: every write is durable when it returns (the CLI, the hex editor)
        WriteBack, ///< R21: a write is durable after the next flush(), or at once with Fua
    };

    enum WriteFlag {
        NoWriteFlags = 0,
        Fua = 1,           ///< WriteBack: this write is durable when it returns (NBD FUA)
        MayDeallocate = 2, ///< writeZeroes may punch holes in the image file (NBD_CMD_FLAG_NO_HOLE unset)
    };
    Q_DECLARE_FLAGS(WriteFlags, WriteFlag)

    enum class Access {
        ReadOnly,  ///< inspect and read; nothing is ever written
        ReadWrite, ///< write (R18) and commit (R19); takes QEMU-compatible write locks
    };

    /** Whether open loads the bitmap into memory. */
    enum class Contents {
        Everything, ///< header, files and bitmap: everything below works
        HeaderOnly, ///< ReadOnly, to describe the image (addcow info): the bitmap stays on disk
                    ///< (R12 is still checked); countAllocated() and read() look at the bits they need there
    };

    /** What open does when the backing disk cannot be read (missing, unreadable, no QEMU for its format). */
    enum class UnreadableBacking {
        Fail,    ///< open fails with the backing file's error
        Degrade, ///< ReadOnly: the image opens with its bitmap and image file; backingError() keeps the
                 ///< error and every read of a clean cluster fails with it (never wrong bytes)
    };

    /**
     * Opens path, parses and validates the header (R1-R10), resolves and opens the files
     * (R16, R17, the backing file only when R14 does not apply) and loads the bitmap (R11, R12)
     * unless contents is HeaderOnly. Fails with the first error; Busy when another process
     * holds a write lock (ReadWrite); InvalidArgument for ReadWrite with HeaderOnly, and for
     * ReadWrite with UnreadableBacking::Degrade (a write may need the backing bytes, R18).
     */
    static Result<Image> open(const QString &addCowPath, Access access = Access::ReadOnly, Contents contents = Contents::Everything,
                              UnreadableBacking unreadableBacking = UnreadableBacking::Fail);

    /**
     * The same pass as open() in check mode: every rule is checked and every finding kept
     * (errors, and warnings and infos open does not look for), going on past errors as far as
     * the files allow; when there is no error the image is open as open() would have opened it.
     * For any files, check's error is exactly open's. Fails only where open fails before any
     * rule applies: the .add-cow file cannot be read or is not add-cow (R2), or (ReadWrite)
     * another process holds a write lock (Busy).
     */
    static Result<ImageCheck> check(const QString &addCowPath, Access access = Access::ReadOnly, Contents contents = Contents::Everything);

    Image(Image &&other) noexcept;
    Image &operator=(Image &&other) noexcept;
    ~Image();

    QString path() const; ///< absolute path of the .add-cow file
    Access access() const;
    /**
     * Changes the access of the open image in place, keeping its one bitmap in memory (an edit
     * session of an image already shown). ReadWrite reopens the .add-cow and image files for
     * writing and takes QEMU's write locks (Busy when another process holds them), then re-reads
     * the bitmap from disk: another process may have set bits while the image was read-only.
     * ReadOnly reopens them for reading, which releases the locks. The files must still be the
     * ones opened (same device and inode, the image file's size unchanged: R11), else
     * InvalidArgument. On failure the image keeps its access and nothing is written.
     * Reads on other threads may go on meanwhile; writes must not.
     * @return the clusters whose bits the re-read changed
     */
    Result<QList<ClusterRange>> setAccess(Access access);
    const Header &header() const;
    const FileRef &backingFile() const; ///< storedName empty when there is none
    const FileRef &imageFile() const;

    quint64 virtualSizeBytes() const; ///< R11: the image file's size when opened
    /**
     * The backing disk's virtual size in bytes (R13: zeros past it): the file's size for raw, what
     * QEMU reports for other formats (R9). 0 without a backing file, with ALL_ALLOCATED (R14) or
     * when opened HeaderOnly with a non-raw backing file (nothing reads it then).
     */
    quint64 backingSizeBytes() const;
    /**
     * Why the backing disk cannot be read, for an image opened with UnreadableBacking::Degrade
     * or after closeBackingDisk(); nullopt when it can (or there is none). Then clean clusters are DataSource::Backing
     * everywhere (the backing disk's size is unknown), their reads fail with this error and
     * backingReader() is null; the backing file's own bytes are read when it could be opened.
     */
    std::optional<Error> backingError() const;
    /** The backing disk, as the guest sees it; null when it is not open (see backingSizeBytes()). */
    const BackingReader *backingReader() const;
    /**
     * Stops reading the backing disk, for a job that has read all it needs from it: a non-raw
     * one's qemu-nbd exits now (R9), beside what the job still does (commit: its last sync),
     * not when the image closes. Reads of clean clusters, and writes into part of one (R18),
     * then fail with backingError() (never zeros, R13), and map() shows them as
     * DataSource::Backing; nothing else changes. No other thread may be reading the image meanwhile.
     */
    void closeBackingDisk();
    /**
     * The clusters whose backing bytes all read as zeros by the backing format's own account
     * (DataSource::BackingZero); null when the backing reader cannot tell (raw, see RawBackingReader).
     * Learnt once at open from NBD block status; the backing file is read-only, so it stays true.
     */
    const ClusterBitmap *backingZeroClusters() const;
    quint64 clusterCount() const;
    bool hasBitmap() const; ///< false when opened HeaderOnly
    /** The bitmap in memory. Needs hasBitmap(), as do sourceOfCluster() and map(). */
    const ClusterBitmap &bitmap() const;
    bool isAllAllocated() const; ///< R14
    /**
     * Clusters whose bit is 1 (ALL_ALLOCATED not applied): counted in memory, or for a
     * HeaderOnly image on disk without loading the bitmap (countAllocatedOnDisk).
     */
    Result<quint64> countAllocated() const;
    /** The same for the clusters of range (clamped to clusterCount()), e.g. a partition. */
    Result<quint64> countAllocated(ClusterRange range) const;

    /**
     * Re-reads the bits of range (clamped to the clusters) from the .add-cow file into memory:
     * bits another process, or a job with an Image of its own, wrote. Bitmap bytes in holes of
     * the file are compared as zeros without reading them. Not for a ReadWrite image
     * (InvalidArgument): while it holds the write lock its bitmap in memory is the truth.
     * Safe while other threads read the bitmap.
     * @return the clusters whose bits changed, in ascending runs (runs less than 64 clusters
     *         apart are merged)
     */
    Result<QList<ClusterRange>> reloadBitmap(ClusterRange range);
    /** Like reloadBitmap(), without changing memory: the clusters whose bits differ on disk. */
    Result<QList<ClusterRange>> diffBitmap(ClusterRange range) const;

    /** R13/R14: where cluster clusterIndex is read from. */
    DataSource sourceOfCluster(quint64 clusterIndex) const;
    /** Runs of one source covering [offsetBytes, offsetBytes + lengthBytes), adjacent same sources merged. */
    QList<MapRun> map(quint64 offsetBytes, quint64 lengthBytes) const;
    QList<MapRun> map() const { return map(0, virtualSizeBytes()); }

    /**
     * Reads the virtual disk (R13-R15), in runs of same-source clusters. Past the end: OutOfRange.
     * A HeaderOnly image reads the bits of the clusters it touches from disk first: fine for a
     * partition table or a sector, not meant for streaming the disk.
     */
    Result<void> read(quint64 offsetBytes, char *buffer, quint64 lengthBytes) const;
    Result<QByteArray> read(quint64 offsetBytes, quint64 lengthBytes) const;

    /**
     * Reads the backing / image file itself (not the virtual disk), for hex views: for a qcow2
     * backing file its qcow2 bytes (backingReader() reads the disk they hold).
     * @return bytes read: fewer than lengthBytes when the file ends first, 0 past its end or when absent
     */
    Result<quint64> readBackingFile(quint64 offsetBytes, char *buffer, quint64 lengthBytes) const;
    Result<quint64> readImageFile(quint64 offsetBytes, char *buffer, quint64 lengthBytes) const;
    /**
     * R13: the bytes the virtual disk shows here where the bits are 0, whatever the bits are:
     * the backing file's bytes, zeros past its end or without a backing file (or with R14's
     * backing file not opened). What a written cluster is compared with. Past the end: OutOfRange.
     */
    Result<void> readClean(quint64 offsetBytes, char *buffer, quint64 lengthBytes) const;

    /**
     * Writes the virtual disk with copy-on-write: in the crash-safe order of R18 (Durable), or
     * acknowledged before it is durable, the bits following at the next flush (WriteBack, R21).
     * Fails without writing anything when the range passes the end (R15) or access is ReadOnly.
     * @return the clusters whose bits this write set in memory (possibly empty)
     */
    Result<ClusterRange> write(quint64 offsetBytes, QByteArrayView data, WriteFlags flags = NoWriteFlags);
    /**
     * Writes zeros like write(), without reading the backing file for whole clean clusters and
     * without writing zero bytes where the file system can zero a range (fallocate).
     */
    Result<ClusterRange> writeZeroes(quint64 offsetBytes, quint64 lengthBytes, WriteFlags flags = NoWriteFlags);

    /** Durable by default. Leaving WriteBack flushes first. Not while other threads write. */
    Result<void> setWriteMode(WriteMode mode);
    WriteMode writeMode() const;
    /**
     * R21: makes every write that returned before this call durable: fdatasync of the image
     * file, then the bitmap bytes of the clusters those writes allocated, then fdatasync of the
     * .add-cow file. Bits of writes still running are left for the next flush. Once a sync of the
     * image file has failed in WriteBack, every later write and flush fails (the lost data
     * cannot be found again): reopen the image.
     */
    Result<void> flush();
    /** Clusters allocated in memory whose bits are not on disk yet (WriteBack). */
    quint64 unflushedClusterCount() const;

    /**
     * R19 building block: sets the bits of range in memory and on disk and makes the
     * .add-cow file durable. The caller has already made the data durable in the image file.
     */
    Result<void> markAllocated(ClusterRange range);
    /** R19: sets ALL_ALLOCATED in the header on disk once every bit is set, durably. */
    Result<void> setAllAllocated();
    /**
     * R19's last step with one sync: writes the bits of lastBits (whose data the caller has made
     * durable) and ALL_ALLOCATED, then makes the .add-cow file durable once. Every cluster outside
     * lastBits has its bit set already. A crash between leaves the same disk: ALL_ALLOCATED only
     * says the image file alone is the disk, which its durable data already is.
     */
    Result<void> completeAllocation(ClusterRange lastBits);

    /**
     * For a ReadOnly image that is served (a read-only NBD export): takes QEMU's locks for
     * consistent read without sharing write on the .add-cow and image files, and for reading
     * on the backing file, held until the image is closed. Busy, naming the holder, when another
     * process writes them; no one can open them for writing afterwards.
     */
    Result<void> lockAgainstWriters();

    /**
     * The files' descriptors. -1 when not open. The backing file's bytes are the backing disk's
     * only when its format is raw: bulk copies take backingReader()->fileDescriptor().
     */
    int backingFd() const;
    int imageFd() const;

private:
    Image();
    static Result<Image> openOrCheck(const QString &addCowPath, Access access, Contents contents, ImageCheck *check, UnreadableBacking unreadableBacking);
    struct Private;
    std::unique_ptr<Private> d;
};

Q_DECLARE_OPERATORS_FOR_FLAGS(Image::WriteFlags)

} // namespace AddCow
