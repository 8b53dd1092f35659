// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "addcowcore_export.h"

#include <QString>

#include <functional>
#include <sys/types.h>

/**
 * Every system call the core makes on image files goes through here, so that tests can make
 * any of them fail (fault injection) and so that EINTR and short transfers are handled once.
 * All functions return -1 / false with errno set on failure, like the calls they wrap.
 */
namespace AddCow::FileIo
{

enum class Op { Open, Read, Write, Sync, Truncate, Rename, CopyRange, Remove };

/** What a fault hook asks for: run the call, fail it with an errno, or (writes only) write half. */
struct Fault {
    int errnoValue = 0;      ///< non-zero: fail with this errno without doing anything
    bool shortWrite = false; ///< Write/CopyRange: transfer only half, then fail with ENOSPC
};

/** Test hook, called before every operation with the path or fd it concerns. Empty: no faults. */
using FaultHook = std::function<Fault(Op op, int fd, const QString &path)>;
ADDCOWCORE_EXPORT void setFaultHook(FaultHook hook);

/** A call that read, changed or made durable a file, as a trace hook sees it once it succeeded. */
struct Call {
    Op op = Op::Write;       ///< Read, Write, CopyRange, Sync or Truncate
    int fd = -1;
    QString path;            ///< the path fd was opened with
    quint64 offsetBytes = 0; ///< Read, Write, CopyRange: where the bytes are; Truncate: the new size
    quint64 lengthBytes = 0; ///< Read: bytes read; Write, CopyRange: bytes written
};

/**
 * Test hook, called after every successful readFull, writeFull, copyRange, dataSync, fullSync and
 * truncate, on the thread that made the call, so tests can check the order of writes and syncs
 * (R18, R19, R21) and what was read (holes are not).
 */
using TraceHook = std::function<void(const Call &call)>;
ADDCOWCORE_EXPORT void setTraceHook(TraceHook hook);

/**
 * Never blocks on a FIFO: the file is opened O_NONBLOCK, which stays set on FIFOs, sockets and
 * character devices (hostile names, R17's neighbours) and is cleared on regular files and block
 * devices unless the caller asked for it.
 */
ADDCOWCORE_EXPORT int open(const QString &path, int flags, mode_t mode = 0644);
ADDCOWCORE_EXPORT int close(int fd);
/** Reads until lengthBytes or end of file. @return bytes read, -1 on error */
ADDCOWCORE_EXPORT qint64 readFull(int fd, char *buffer, quint64 lengthBytes, quint64 offsetBytes);
/** Writes all of lengthBytes or fails. */
ADDCOWCORE_EXPORT bool writeFull(int fd, const char *buffer, quint64 lengthBytes, quint64 offsetBytes);
/**
 * Makes [offsetBytes, offsetBytes + lengthBytes) of a regular file read as zeros without growing
 * it: punches a hole when mayDeallocate (the file gets sparser), else FALLOC_FL_ZERO_RANGE (the
 * blocks stay allocated); either falls back to the other, then to writing zeros, where the file
 * system lacks it. The fault hook sees it as Op::Write.
 */
ADDCOWCORE_EXPORT bool zeroRange(int fd, quint64 offsetBytes, quint64 lengthBytes, bool mayDeallocate);
ADDCOWCORE_EXPORT bool dataSync(int fd); ///< fdatasync
/**
 * Starts writing back the dirty pages of bytes [offsetBytes, offsetBytes + lengthBytes) and
 * returns without waiting (sync_file_range SYNC_FILE_RANGE_WRITE), so that the device works
 * while the caller copies on and a later dataSync has little left to wait for. Makes nothing
 * durable: only dataSync does. The fault hook sees Op::Sync.
 */
ADDCOWCORE_EXPORT bool startWriteback(int fd, quint64 offsetBytes, quint64 lengthBytes);
/** Waits until the writeback of bytes [offsetBytes, offsetBytes + lengthBytes) is done; durable it is not. */
ADDCOWCORE_EXPORT bool waitForWriteback(int fd, quint64 offsetBytes, quint64 lengthBytes);
ADDCOWCORE_EXPORT bool fullSync(int fd); ///< fsync
/** fsyncs the directory that holds path, so a rename or create in it is durable. */
ADDCOWCORE_EXPORT bool syncDirectoryOf(const QString &path);
ADDCOWCORE_EXPORT bool truncate(int fd, quint64 sizeBytes);
ADDCOWCORE_EXPORT bool rename(const QString &from, const QString &to);
/**
 * Renames from to to unless to exists (then fails with EEXIST): renameat2(RENAME_NOREPLACE),
 * or link() + unlink() where the file system lacks it. The fault hook sees Op::Rename on to.
 */
ADDCOWCORE_EXPORT bool renameNoReplace(const QString &from, const QString &to);
ADDCOWCORE_EXPORT bool remove(const QString &path);
/** Copies lengthBytes with copy_file_range where it works, else large pread/pwrite. */
ADDCOWCORE_EXPORT bool copyRange(int fromFd, quint64 fromOffsetBytes, int toFd, quint64 toOffsetBytes, quint64 lengthBytes);
/** lseek SEEK_DATA / SEEK_HOLE; @return the offset, or fileSize when there is no more data / -1 on error */
ADDCOWCORE_EXPORT qint64 seekData(int fd, quint64 fromOffsetBytes);
ADDCOWCORE_EXPORT qint64 seekHole(int fd, quint64 fromOffsetBytes);
/**
 * Makes fd refer to newFd's open file (dup3, close-on-exec) and closes newFd. Threads using fd
 * switch files atomically; fd's old open file description, and its locks, go once nothing else
 * refers to it. On failure both stay open.
 */
ADDCOWCORE_EXPORT bool replaceDescriptor(int fd, int newFd);
/** Size in bytes of an open file, -1 on error. */
ADDCOWCORE_EXPORT qint64 fileSize(int fd);
/** Size in bytes of the file at path, as fileSize tells it (a block device's size, not 0); -1 on error. */
ADDCOWCORE_EXPORT qint64 fileSizeAt(const QString &path);

} // namespace AddCow::FileIo
