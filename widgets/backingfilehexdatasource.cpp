// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "backingfilehexdatasource.h"

namespace AddCow
{

BackingFileHexDataSource::BackingFileHexDataSource(std::shared_ptr<const Image> image)
    : m_image(std::move(image))
{
}

quint64 BackingFileHexDataSource::sizeBytes() const
{
    const FileRef &file = m_image->backingFile();
    return file.exists ? file.sizeBytes : 0;
}

qint64 BackingFileHexDataSource::read(quint64 offsetBytes, char *buffer, quint64 lengthBytes) const
{
    const Result<quint64> result = m_image->readBackingFile(offsetBytes, buffer, lengthBytes);
    return result ? qint64(result.value()) : -1;
}

quint64 BackingFileHexDataSource::nextDataOffset(quint64 offsetBytes) const
{
    return seekData(m_image->backingFd(), offsetBytes, sizeBytes());
}

quint64 BackingFileHexDataSource::nextHoleOffset(quint64 offsetBytes) const
{
    return seekHole(m_image->backingFd(), offsetBytes, sizeBytes());
}

QList<MapRun> BackingFileHexDataSource::sourceRuns(quint64 offsetBytes, quint64 lengthBytes) const
{
    const quint64 virtualSize = m_image->virtualSizeBytes();
    if (offsetBytes >= virtualSize)
        return {};
    QList<MapRun> runs = m_image->map(offsetBytes, std::min(lengthBytes, virtualSize - offsetBytes));
    runs.removeIf([](const MapRun &run) {
        return run.source != DataSource::Backing;
    });
    return runs;
}

} // namespace AddCow
