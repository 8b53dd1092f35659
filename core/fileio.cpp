// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later

#include "fileio.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <fcntl.h>
#include <linux/falloc.h>
#include <memory>
#include <mutex>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace AddCow::FileIo
{

namespace
{

// The hook is installed by tests while worker threads may be reading: it is swapped as a
// shared_ptr under a mutex, and an atomic flag keeps the no-hook path free of locking.
std::mutex s_hookMutex;
std::shared_ptr<const FaultHook> s_hook;
std::atomic_bool s_hookSet{false};

std::mutex s_traceMutex;
std::shared_ptr<const TraceHook> s_trace;
std::atomic_bool s_traceSet{false};

// The path each open fd was opened with, so a hook can tell the image file from the .add-cow file.
std::mutex s_pathMutex;
QHash<int, QString> s_paths;

QString pathOf(int fd)
{
    std::lock_guard lock(s_pathMutex);
    return s_paths.value(fd);
}

Fault consult(Op op, int fd, const QString &path)
{
    if (!s_hookSet.load(std::memory_order_acquire))
        return {};
    std::shared_ptr<const FaultHook> hook;
    {
        std::lock_guard lock(s_hookMutex);
        hook = s_hook;
    }
    if (!hook || !*hook)
        return {};
    return (*hook)(op, fd, path.isEmpty() && fd >= 0 ? pathOf(fd) : path);
}

Fault consult(Op op, int fd)
{
    return consult(op, fd, QString());
}

// Tells the trace hook about a call that succeeded; returns done so callers can pass results on.
bool trace(bool done, Op op, int fd, quint64 offsetBytes = 0, quint64 lengthBytes = 0)
{
    if (!done || !s_traceSet.load(std::memory_order_acquire))
        return done;
    std::shared_ptr<const TraceHook> hook;
    {
        std::lock_guard lock(s_traceMutex);
        hook = s_trace;
    }
    if (hook && *hook) {
        const int savedErrno = errno;
        (*hook)(Call{op, fd, pathOf(fd), offsetBytes, lengthBytes});
        errno = savedErrno;
    }
    return done;
}

// Largest chunk handed to one pread/pwrite: Linux transfers at most about 2 GiB per call anyway.
constexpr quint64 MaxChunkBytes = quint64(1) << 30;

// Writes until everything is written or a call fails; EINTR is retried.
bool pwriteAll(int fd, const char *buffer, quint64 lengthBytes, quint64 offsetBytes)
{
    while (lengthBytes > 0) {
        const ssize_t written = ::pwrite(fd, buffer, std::min(lengthBytes, MaxChunkBytes), off_t(offsetBytes));
        if (written < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        if (written == 0) {
            errno = ENOSPC;
            return false;
        }
        buffer += written;
        lengthBytes -= quint64(written);
        offsetBytes += quint64(written);
    }
    return true;
}

qint64 preadAll(int fd, char *buffer, quint64 lengthBytes, quint64 offsetBytes)
{
    quint64 done = 0;
    while (done < lengthBytes) {
        const ssize_t got = ::pread(fd, buffer + done, std::min(lengthBytes - done, MaxChunkBytes), off_t(offsetBytes + done));
        if (got < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        if (got == 0)
            break;
        done += quint64(got);
    }
    return qint64(done);
}

// Copies with pread/pwrite in large chunks, for file systems where copy_file_range does not work.
bool copyByBuffer(int fromFd, quint64 fromOffsetBytes, int toFd, quint64 toOffsetBytes, quint64 lengthBytes)
{
    constexpr quint64 BufferBytes = 4 * 1024 * 1024;
    std::vector<char> buffer(std::min(lengthBytes, BufferBytes));
    while (lengthBytes > 0) {
        const quint64 chunk = std::min(lengthBytes, BufferBytes);
        const qint64 got = preadAll(fromFd, buffer.data(), chunk, fromOffsetBytes);
        if (got < 0)
            return false;
        if (got == 0) {
            errno = ENODATA; // the source ended before lengthBytes were copied
            return false;
        }
        if (!pwriteAll(toFd, buffer.data(), quint64(got), toOffsetBytes))
            return false;
        fromOffsetBytes += quint64(got);
        toOffsetBytes += quint64(got);
        lengthBytes -= quint64(got);
    }
    return true;
}

bool copyAll(int fromFd, quint64 fromOffsetBytes, int toFd, quint64 toOffsetBytes, quint64 lengthBytes)
{
    while (lengthBytes > 0) {
        loff_t in = loff_t(fromOffsetBytes);
        loff_t out = loff_t(toOffsetBytes);
        const ssize_t copied = ::copy_file_range(fromFd, &in, toFd, &out, std::min(lengthBytes, MaxChunkBytes), 0);
        if (copied < 0) {
            if (errno == EINTR)
                continue;
            if (errno == EXDEV || errno == EINVAL || errno == ENOSYS || errno == EOPNOTSUPP || errno == EBADF)
                return copyByBuffer(fromFd, fromOffsetBytes, toFd, toOffsetBytes, lengthBytes);
            return false;
        }
        if (copied == 0) {
            errno = ENODATA; // the source ended before lengthBytes were copied
            return false;
        }
        fromOffsetBytes += quint64(copied);
        toOffsetBytes += quint64(copied);
        lengthBytes -= quint64(copied);
    }
    return true;
}

} // namespace

void setFaultHook(FaultHook hook)
{
    std::lock_guard lock(s_hookMutex);
    s_hook = hook ? std::make_shared<const FaultHook>(std::move(hook)) : nullptr;
    s_hookSet.store(bool(s_hook), std::memory_order_release);
}

void setTraceHook(TraceHook hook)
{
    std::lock_guard lock(s_traceMutex);
    s_trace = hook ? std::make_shared<const TraceHook>(std::move(hook)) : nullptr;
    s_traceSet.store(bool(s_trace), std::memory_order_release);
}

int open(const QString &path, int flags, mode_t mode)
{
    if (const Fault fault = consult(Op::Open, -1, path); fault.errnoValue) {
        errno = fault.errnoValue;
        return -1;
    }
    const QByteArray encoded = QFile::encodeName(path);
    int fd;
    do {
        fd = ::open(encoded.constData(), flags | O_CLOEXEC | O_NONBLOCK, mode);
    } while (fd < 0 && errno == EINTR);
    if (fd >= 0 && !(flags & O_NONBLOCK)) {
        // A header may name a FIFO: opening it must not wait for a writer. Files that can hold
        // an image get their blocking mode back; the callers refuse the others by their kind.
        struct stat status;
        if (::fstat(fd, &status) == 0 && (S_ISREG(status.st_mode) || S_ISBLK(status.st_mode) || S_ISDIR(status.st_mode))) {
            const int fileFlags = ::fcntl(fd, F_GETFL);
            if (fileFlags >= 0)
                ::fcntl(fd, F_SETFL, fileFlags & ~O_NONBLOCK);
        }
    }
    if (fd >= 0) {
        std::lock_guard lock(s_pathMutex);
        s_paths.insert(fd, path);
    }
    return fd;
}

int close(int fd)
{
    if (fd < 0) {
        errno = EBADF;
        return -1;
    }
    {
        std::lock_guard lock(s_pathMutex);
        s_paths.remove(fd);
    }
    // Linux releases the fd even when close reports EINTR: never retry it.
    return ::close(fd);
}

qint64 readFull(int fd, char *buffer, quint64 lengthBytes, quint64 offsetBytes)
{
    if (const Fault fault = consult(Op::Read, fd); fault.errnoValue) {
        errno = fault.errnoValue;
        return -1;
    }
    const qint64 got = preadAll(fd, buffer, lengthBytes, offsetBytes);
    trace(got >= 0, Op::Read, fd, offsetBytes, quint64(std::max<qint64>(got, 0)));
    return got;
}

bool writeFull(int fd, const char *buffer, quint64 lengthBytes, quint64 offsetBytes)
{
    const Fault fault = consult(Op::Write, fd);
    if (fault.shortWrite) {
        pwriteAll(fd, buffer, lengthBytes / 2, offsetBytes);
        errno = ENOSPC;
        return false;
    }
    if (fault.errnoValue) {
        errno = fault.errnoValue;
        return false;
    }
    return trace(pwriteAll(fd, buffer, lengthBytes, offsetBytes), Op::Write, fd, offsetBytes, lengthBytes);
}

bool zeroRange(int fd, quint64 offsetBytes, quint64 lengthBytes, bool mayDeallocate)
{
    const Fault fault = consult(Op::Write, fd);
    if (fault.errnoValue || fault.shortWrite) {
        errno = fault.shortWrite ? ENOSPC : fault.errnoValue;
        return false;
    }
    if (lengthBytes == 0)
        return true;
    // As nbdkit's file plugin: keep the allocation unless the caller allows a hole.
    const int punch = FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE;
    const int zero = FALLOC_FL_ZERO_RANGE | FALLOC_FL_KEEP_SIZE;
    for (const int mode : {mayDeallocate ? punch : zero, mayDeallocate ? zero : punch}) {
        int rc;
        do {
            rc = ::fallocate(fd, mode, off_t(offsetBytes), off_t(lengthBytes));
        } while (rc < 0 && errno == EINTR);
        if (rc == 0)
            return true;
        if (errno != EOPNOTSUPP && errno != ENOSYS && errno != ENODEV && errno != EINVAL)
            return false;
    }
    constexpr quint64 ChunkBytes = 1024 * 1024;
    const std::vector<char> zeros(std::min(lengthBytes, ChunkBytes), '\0');
    while (lengthBytes > 0) {
        const quint64 chunk = std::min(lengthBytes, ChunkBytes);
        if (!pwriteAll(fd, zeros.data(), chunk, offsetBytes))
            return false;
        offsetBytes += chunk;
        lengthBytes -= chunk;
    }
    return true;
}

bool dataSync(int fd)
{
    if (const Fault fault = consult(Op::Sync, fd); fault.errnoValue) {
        errno = fault.errnoValue;
        return false;
    }
    int rc;
    do {
        rc = ::fdatasync(fd);
    } while (rc < 0 && errno == EINTR);
    return trace(rc == 0, Op::Sync, fd);
}

static bool syncFileRange(int fd, quint64 offsetBytes, quint64 lengthBytes, unsigned int flags)
{
    if (const Fault fault = consult(Op::Sync, fd); fault.errnoValue) {
        errno = fault.errnoValue;
        return false;
    }
    int rc;
    do {
        rc = ::sync_file_range(fd, off64_t(offsetBytes), off64_t(lengthBytes), flags);
    } while (rc < 0 && errno == EINTR);
    return rc == 0;
}

bool startWriteback(int fd, quint64 offsetBytes, quint64 lengthBytes)
{
    return syncFileRange(fd, offsetBytes, lengthBytes, SYNC_FILE_RANGE_WRITE);
}

bool waitForWriteback(int fd, quint64 offsetBytes, quint64 lengthBytes)
{
    return syncFileRange(fd, offsetBytes, lengthBytes, SYNC_FILE_RANGE_WAIT_BEFORE | SYNC_FILE_RANGE_WRITE | SYNC_FILE_RANGE_WAIT_AFTER);
}

bool fullSync(int fd)
{
    if (const Fault fault = consult(Op::Sync, fd); fault.errnoValue) {
        errno = fault.errnoValue;
        return false;
    }
    int rc;
    do {
        rc = ::fsync(fd);
    } while (rc < 0 && errno == EINTR);
    return trace(rc == 0, Op::Sync, fd);
}

bool syncDirectoryOf(const QString &path)
{
    const QString directory = QFileInfo(path).absolutePath();
    const int fd = open(directory, O_RDONLY | O_DIRECTORY);
    if (fd < 0)
        return false;
    const bool synced = fullSync(fd);
    const int savedErrno = errno;
    close(fd);
    errno = savedErrno;
    return synced;
}

bool truncate(int fd, quint64 sizeBytes)
{
    if (const Fault fault = consult(Op::Truncate, fd); fault.errnoValue) {
        errno = fault.errnoValue;
        return false;
    }
    int rc;
    do {
        rc = ::ftruncate(fd, off_t(sizeBytes));
    } while (rc < 0 && errno == EINTR);
    return trace(rc == 0, Op::Truncate, fd, sizeBytes);
}

// The hook sees the destination: that is the name a test knows (the source is usually a temporary).
bool rename(const QString &from, const QString &to)
{
    if (const Fault fault = consult(Op::Rename, -1, to); fault.errnoValue) {
        errno = fault.errnoValue;
        return false;
    }
    return ::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) == 0;
}

bool renameNoReplace(const QString &from, const QString &to)
{
    if (const Fault fault = consult(Op::Rename, -1, to); fault.errnoValue) {
        errno = fault.errnoValue;
        return false;
    }
    const QByteArray fromName = QFile::encodeName(from);
    const QByteArray toName = QFile::encodeName(to);
    if (::renameat2(AT_FDCWD, fromName.constData(), AT_FDCWD, toName.constData(), RENAME_NOREPLACE) == 0)
        return true;
    if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP)
        return false;
    // No RENAME_NOREPLACE here: link() fails with EEXIST just the same.
    if (::link(fromName.constData(), toName.constData()) != 0)
        return false;
    ::unlink(fromName.constData());
    return true;
}

bool remove(const QString &path)
{
    if (const Fault fault = consult(Op::Remove, -1, path); fault.errnoValue) {
        errno = fault.errnoValue;
        return false;
    }
    return ::unlink(QFile::encodeName(path).constData()) == 0;
}

// The hook sees the destination fd: that is the file a failed copy leaves changed.
bool copyRange(int fromFd, quint64 fromOffsetBytes, int toFd, quint64 toOffsetBytes, quint64 lengthBytes)
{
    const Fault fault = consult(Op::CopyRange, toFd);
    if (fault.shortWrite) {
        copyAll(fromFd, fromOffsetBytes, toFd, toOffsetBytes, lengthBytes / 2);
        errno = ENOSPC;
        return false;
    }
    if (fault.errnoValue) {
        errno = fault.errnoValue;
        return false;
    }
    return trace(copyAll(fromFd, fromOffsetBytes, toFd, toOffsetBytes, lengthBytes), Op::CopyRange, toFd, toOffsetBytes, lengthBytes);
}

// lseek is treated as a read for fault injection: it asks the file system what the file holds.
static qint64 seekTo(int fd, quint64 fromOffsetBytes, int whence)
{
    if (const Fault fault = consult(Op::Read, fd); fault.errnoValue) {
        errno = fault.errnoValue;
        return -1;
    }
    const off_t result = ::lseek(fd, off_t(fromOffsetBytes), whence);
    if (result >= 0)
        return qint64(result);
    if (errno == ENXIO) // no data (SEEK_DATA) or offset past the end: report the file's size
        return fileSize(fd);
    return -1;
}

qint64 seekData(int fd, quint64 fromOffsetBytes)
{
    return seekTo(fd, fromOffsetBytes, SEEK_DATA);
}

qint64 seekHole(int fd, quint64 fromOffsetBytes)
{
    return seekTo(fd, fromOffsetBytes, SEEK_HOLE);
}

bool replaceDescriptor(int fd, int newFd)
{
    if (fd < 0 || newFd < 0 || fd == newFd) {
        errno = EBADF;
        return false;
    }
    int rc;
    do {
        rc = ::dup3(newFd, fd, O_CLOEXEC);
    } while (rc < 0 && errno == EINTR);
    if (rc < 0)
        return false;
    {
        std::lock_guard lock(s_pathMutex);
        s_paths.insert(fd, s_paths.value(newFd));
    }
    close(newFd);
    return true;
}

qint64 fileSize(int fd)
{
    struct stat status;
    if (::fstat(fd, &status) != 0)
        return -1;
    if (S_ISBLK(status.st_mode)) { // a block device's st_size is 0; its end is its size
        const off_t end = ::lseek(fd, 0, SEEK_END);
        return end < 0 ? -1 : qint64(end);
    }
    return qint64(status.st_size);
}

qint64 fileSizeAt(const QString &path)
{
    const int fd = open(path, O_RDONLY);
    if (fd < 0)
        return -1;
    const qint64 size = fileSize(fd);
    const int savedErrno = errno;
    close(fd);
    errno = savedErrno;
    return size;
}

} // namespace AddCow::FileIo
