// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "rawbackingreader.h"

#include "fileio.h"

#include <cstring>

using namespace Qt::StringLiterals;

namespace AddCow
{

RawBackingReader::RawBackingReader(const QString &path, int fd, quint64 sizeBytes)
    : BackingReader(path, "raw", sizeBytes)
    , m_fd(fd)
{
}

Result<void> RawBackingReader::read(quint64 offsetBytes, char *buffer, quint64 lengthBytes) const
{
    const quint64 size = sizeBytes();
    const quint64 inDisk = offsetBytes < size ? std::min(lengthBytes, size - offsetBytes) : 0;
    quint64 got = 0;
    if (inDisk > 0) {
        const qint64 read = FileIo::readFull(m_fd, buffer, inDisk, offsetBytes);
        if (read < 0)
            return Error::fromErrno(path(), u"cannot read %1 bytes at offset %2 of the backing file"_s.arg(inDisk).arg(offsetBytes));
        got = quint64(read);
    }
    // R13: zeros past the end, also where the file shrank since it was opened.
    std::memset(buffer + got, 0, lengthBytes - got);
    return {};
}

Result<QList<BackingExtent>> RawBackingReader::extents(quint64 offsetBytes, quint64 lengthBytes) const
{
    const quint64 size = sizeBytes();
    if (offsetBytes >= size || lengthBytes == 0)
        return QList<BackingExtent>{};
    return QList<BackingExtent>{{offsetBytes, std::min(lengthBytes, size - offsetBytes), false}};
}

} // namespace AddCow
