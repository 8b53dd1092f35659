// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "filesystemroom.h"

#include "format.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QList>

#include <cerrno>
#include <fcntl.h>
#include <limits>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace AddCow::FileSystemRoom
{

namespace
{

Error roomError(const QString &path, int errnoValue, const QString &detail)
{
    Error error;
    error.code = ErrorCode::Io;
    error.path = path;
    error.errnoValue = errnoValue;
    error.detail = detail;
    return error;
}

// An unnamed file in directory (O_TMPFILE): nothing to clean up, nothing left after a crash.
// File systems without O_TMPFILE get a named one, removed at once.
int temporaryFileIn(const QString &directory)
{
    const QByteArray encoded = QFile::encodeName(directory);
    int fd = ::open(encoded.constData(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
    if (fd >= 0 || (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL))
        return fd;
    QByteArray name = encoded + "/.addcow-room-XXXXXX";
    fd = ::mkostemp(name.data(), O_CLOEXEC);
    if (fd >= 0)
        ::unlink(name.constData());
    return fd;
}

} // namespace

Result<quint64> freeBytes(const QString &directory)
{
    struct statvfs status;
    if (::statvfs(QFile::encodeName(directory).constData(), &status) != 0)
        return Error::fromErrno(directory, u"cannot read the free space"_s);
    return quint64(status.f_bavail) * quint64(status.f_frsize);
}

Result<bool> takesFileOf(const QString &directory, quint64 sizeBytes)
{
    if (sizeBytes > quint64(std::numeric_limits<off_t>::max()))
        return false; // no file on this system can be that large
    const int fd = temporaryFileIn(directory);
    if (fd < 0)
        return Error::fromErrno(directory, u"cannot create a file to probe the largest file size"_s);
    // A sparse file: no blocks are allocated, only the size is asked for.
    const int rc = ::ftruncate(fd, off_t(sizeBytes));
    const int errnoValue = errno;
    ::close(fd);
    if (rc == 0)
        return true;
    if (errnoValue == EFBIG || errnoValue == EINVAL)
        return false;
    errno = errnoValue;
    return Error::fromErrno(directory, u"cannot probe the largest file size"_s);
}

Result<void> check(const QList<PlannedFile> &files)
{
    struct Need {
        QString directory;
        quint64 spaceBytes = 0;
        QStringList paths;
    };
    QHash<quint64, Need> needs; // by device
    for (const PlannedFile &file : files) {
        const QString directory = QFileInfo(file.path).absolutePath();
        const Result<bool> takes = takesFileOf(directory, file.sizeBytes);
        if (!takes)
            return takes.error();
        if (!takes.value())
            return roomError(file.path, EFBIG, u"the file system of %1 cannot hold a file of %2 bytes"_s.arg(directory).arg(file.sizeBytes));
        struct stat status;
        if (::stat(QFile::encodeName(directory).constData(), &status) != 0)
            return Error::fromErrno(directory, u"cannot read the folder"_s);
        Need &need = needs[quint64(status.st_dev)];
        need.directory = directory;
        need.spaceBytes += file.spaceBytes;
        need.paths.append(file.path);
    }
    for (const Need &need : std::as_const(needs)) {
        const Result<quint64> available = freeBytes(need.directory);
        if (!available)
            return available.error();
        if (need.spaceBytes > available.value())
            return roomError(need.paths.join(u", "_s), ENOSPC,
                             u"needs %1 bytes on the file system of %2, which has %3 bytes free"_s.arg(need.spaceBytes).arg(need.directory).arg(available.value()));
    }
    return {};
}

Result<void> checkCreate(const QString &addCowPath, const QString &imagePath, quint64 imageSizeBytes, bool newImage, bool preallocate)
{
    const quint64 addCowBytes = headerSizeFor(1) + bitmapRegionBytesFor(clusterCountFor(imageSizeBytes)); // R11, R20
    QList<PlannedFile> files{{QFileInfo(addCowPath).absoluteFilePath(), addCowBytes, addCowBytes}};
    if (newImage)
        files.append({QFileInfo(imagePath).absoluteFilePath(), imageSizeBytes, preallocate ? imageSizeBytes : 0});
    return check(files);
}

} // namespace AddCow::FileSystemRoom
