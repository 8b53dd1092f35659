// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "hexdatasource.h"

#include "nextdata.h"

#include <cerrno>
#include <unistd.h>

namespace AddCow
{

HexDataSource::~HexDataSource() = default;

quint64 HexDataSource::nextDataOffset(quint64 offsetBytes) const
{
    return std::min(offsetBytes, sizeBytes());
}

quint64 HexDataSource::nextHoleOffset(quint64 offsetBytes) const
{
    Q_UNUSED(offsetBytes)
    return sizeBytes();
}

QList<MapRun> HexDataSource::sourceRuns(quint64 offsetBytes, quint64 lengthBytes) const
{
    Q_UNUSED(offsetBytes)
    Q_UNUSED(lengthBytes)
    return {};
}

quint64 HexDataSource::seekData(int fd, quint64 offsetBytes, quint64 sizeBytes)
{
    return nextDataInFile(fd, offsetBytes, sizeBytes);
}

quint64 HexDataSource::seekHole(int fd, quint64 offsetBytes, quint64 sizeBytes)
{
    if (offsetBytes >= sizeBytes || fd < 0)
        return sizeBytes;
    const off_t found = ::lseek(fd, off_t(offsetBytes), SEEK_HOLE);
    if (found < 0)
        return sizeBytes;
    return std::min(quint64(found), sizeBytes);
}

} // namespace AddCow
