// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later

#include "filelock.h"

#include "fileio.h"

#include <QDir>
#include <QFile>
#include <QList>

#include <cerrno>
#include <fcntl.h>
#include <initializer_list>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

using namespace Qt::StringLiterals;

namespace AddCow::FileLock
{

namespace
{

// QEMU block/file-posix.c: byte RAW_LOCK_PERM_BASE + bit is read-locked by a user that holds the
// permission, byte RAW_LOCK_SHARED_BASE + bit by a user that does not let others have it.
constexpr off_t PermissionBase = 100;
constexpr off_t SharedBase = 200;

// QEMU's BlockPermission bit numbers.
constexpr int ConsistentRead = 0;
constexpr int Write = 1;

// Probes one byte with F_OFD_GETLK: true when another open file description holds a lock on it.
// Locks of our own open file description never conflict with the probe, as in QEMU.
bool isLockedByOthers(int fd, off_t byte, int *errnoValue)
{
    struct flock probe = {};
    probe.l_type = F_WRLCK;
    probe.l_whence = SEEK_SET;
    probe.l_start = byte;
    probe.l_len = 1;
    if (::fcntl(fd, F_OFD_GETLK, &probe) != 0) {
        *errnoValue = errno;
        return false;
    }
    *errnoValue = 0;
    return probe.l_type != F_UNLCK;
}

// Takes a shared lock on one byte; other holders of shared locks on it are fine.
bool lockShared(int fd, off_t byte)
{
    struct flock lock = {};
    lock.l_type = F_RDLCK;
    lock.l_whence = SEEK_SET;
    lock.l_start = byte;
    lock.l_len = 1;
    int rc;
    do {
        rc = ::fcntl(fd, F_OFD_SETLK, &lock);
    } while (rc != 0 && errno == EINTR);
    return rc == 0;
}

void unlock(int fd, off_t byte)
{
    struct flock lock = {};
    lock.l_type = F_UNLCK;
    lock.l_whence = SEEK_SET;
    lock.l_start = byte;
    lock.l_len = 1;
    ::fcntl(fd, F_OFD_SETLK, &lock);
}

// True when a "lock:" line of /proc/PID/fdinfo/FD covers byte: "lock:\t1: OFDLCK ADVISORY  READ -1 fe:00:123 100 101".
bool fdInfoLocks(const QByteArray &fdInfo, off_t byte)
{
    for (const QByteArray &line : fdInfo.split('\n')) {
        if (!line.startsWith("lock:"))
            continue;
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() < 2)
            continue;
        bool startOk = false;
        const qlonglong start = fields.at(fields.size() - 2).toLongLong(&startOk);
        bool endOk = false;
        const qlonglong end = fields.last().toLongLong(&endOk); // "EOF" for a lock to the end
        if (startOk && start <= byte && (!endOk || byte <= end))
            return true;
    }
    return false;
}

// Who holds a lock on byte of the file fd is open on: "nbdkit (pid 1234)", from /proc. OFD locks
// belong to no process (F_OFD_GETLK says pid -1), but fdinfo lists them under the fd that holds
// them. Processes of other users cannot be looked at: then the result is empty.
QString describeHolders(int fd, off_t byte)
{
    struct stat file;
    if (::fstat(fd, &file) != 0)
        return {};
    QStringList holders;
    const QStringList pids = QDir(u"/proc"_s).entryList({u"[0-9]*"_s}, QDir::Dirs);
    for (const QString &pid : pids) {
        const QString fdDir = u"/proc/"_s + pid + u"/fd"_s;
        const QStringList fds = QDir(fdDir).entryList(QDir::Files | QDir::System | QDir::NoDotAndDotDot);
        for (const QString &entry : fds) {
            struct stat target;
            if (::stat(QFile::encodeName(fdDir + u'/' + entry).constData(), &target) != 0 || target.st_dev != file.st_dev || target.st_ino != file.st_ino)
                continue;
            QFile info(u"/proc/"_s + pid + u"/fdinfo/"_s + entry);
            if (!info.open(QIODevice::ReadOnly) || !fdInfoLocks(info.readAll(), byte))
                continue;
            QFile comm(u"/proc/"_s + pid + u"/comm"_s);
            const QString name = comm.open(QIODevice::ReadOnly) ? QString::fromLocal8Bit(comm.readAll().trimmed()) : u"?"_s;
            const QString holder = pid.toLongLong() == qlonglong(::getpid()) ? u"this process (%1, pid %2)"_s.arg(name, pid) : u"%1 (pid %2)"_s.arg(name, pid);
            if (!holders.contains(holder))
                holders.append(holder);
        }
    }
    return holders.join(u", "_s);
}

Error busy(const QString &path, const QString &detail)
{
    Error error;
    error.code = ErrorCode::Busy;
    error.path = path;
    error.detail = detail;
    return error;
}

Error lockIoError(const QString &path, int errnoValue)
{
    errno = errnoValue;
    return Error::fromErrno(path, u"cannot lock the file"_s);
}

// Checks for conflicts, then takes the shared locks on bytes; on failure releases what it took.
Result<void> lockBytes(int fd, const QString &path, std::initializer_list<off_t> conflicting, std::initializer_list<off_t> bytes)
{
    for (const off_t byte : conflicting) {
        int errnoValue = 0;
        const bool locked = isLockedByOthers(fd, byte, &errnoValue);
        if (errnoValue)
            return lockIoError(path, errnoValue);
        if (locked) {
            const QString holders = describeHolders(fd, byte);
            const QString who = holders.isEmpty() ? QString() : u": "_s + holders;
            if (byte == PermissionBase + Write)
                return busy(path, u"another process has the file open for writing"_s + who);
            if (byte == SharedBase + Write)
                return busy(path, u"another process does not allow writing to the file"_s + who);
            return busy(path, u"another process does not allow reading the file"_s + who);
        }
    }
    QList<off_t> taken;
    for (const off_t byte : bytes) {
        if (!lockShared(fd, byte)) {
            const int errnoValue = errno;
            for (const off_t done : std::as_const(taken))
                unlock(fd, done);
            if (errnoValue == EAGAIN || errnoValue == EACCES)
                return busy(path, u"another process locked the file at the same time"_s);
            return lockIoError(path, errnoValue);
        }
        taken.append(byte);
    }
    return {};
}

} // namespace

Result<void> lockForWriting(int fd, const QString &path)
{
    // We want consistent read and write (bytes 100, 101) and do not share write (201): anyone
    // who holds write (101) or does not share read or write (200, 201) conflicts.
    return lockBytes(fd, path, {PermissionBase + Write, SharedBase + ConsistentRead, SharedBase + Write},
                     {PermissionBase + ConsistentRead, PermissionBase + Write, SharedBase + Write});
}

Result<void> lockForReadingExclusively(int fd, const QString &path)
{
    // We want consistent read (100) and do not share write (201), as QEMU's read-only users do:
    // a writer (101) or anyone not sharing read (200) conflicts, and no writer can come later.
    return lockBytes(fd, path, {PermissionBase + Write, SharedBase + ConsistentRead},
                     {PermissionBase + ConsistentRead, SharedBase + Write});
}

Result<void> lockForReading(int fd, const QString &path)
{
    // We want consistent read (100) and share everything: only a holder of 200 conflicts.
    return lockBytes(fd, path, {SharedBase + ConsistentRead}, {PermissionBase + ConsistentRead});
}

Result<bool> isHeldForWriting(const QString &path)
{
    const int fd = FileIo::open(path, O_RDONLY);
    if (fd < 0)
        return Error::fromErrno(path, u"cannot open the file"_s);
    int errnoValue = 0;
    const bool held = isLockedByOthers(fd, PermissionBase + Write, &errnoValue);
    FileIo::close(fd);
    if (errnoValue)
        return lockIoError(path, errnoValue);
    return held;
}

} // namespace AddCow::FileLock
