// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "backingdiskhexdatasource.h"

#include "backingreader.h"

namespace AddCow
{

BackingDiskHexDataSource::BackingDiskHexDataSource(std::shared_ptr<const Image> image)
    : m_image(std::move(image))
{
}

quint64 BackingDiskHexDataSource::sizeBytes() const
{
    return m_image->backingReader() ? m_image->backingSizeBytes() : 0;
}

qint64 BackingDiskHexDataSource::read(quint64 offsetBytes, char *buffer, quint64 lengthBytes) const
{
    const BackingReader *reader = m_image->backingReader();
    const quint64 size = sizeBytes();
    if (!reader || offsetBytes >= size)
        return 0;
    const quint64 length = std::min(lengthBytes, size - offsetBytes);
    return reader->read(offsetBytes, buffer, length) ? qint64(length) : -1;
}

quint64 BackingDiskHexDataSource::nextDataOffset(quint64 offsetBytes) const
{
    const BackingReader *reader = m_image->backingReader();
    const quint64 size = sizeBytes();
    if (!reader || offsetBytes >= size)
        return size;
    if (reader->fileDescriptor() >= 0)
        return seekData(reader->fileDescriptor(), offsetBytes, size);
    const Result<QList<BackingExtent>> extents = reader->extents(offsetBytes, size - offsetBytes);
    if (!extents)
        return offsetBytes; // cannot tell: claim data
    for (const BackingExtent &extent : extents.value()) {
        if (!extent.zero)
            return std::max(extent.offsetBytes, offsetBytes);
    }
    return size;
}

QList<MapRun> BackingDiskHexDataSource::sourceRuns(quint64 offsetBytes, quint64 lengthBytes) const
{
    const quint64 virtualSize = m_image->virtualSizeBytes();
    if (offsetBytes >= virtualSize)
        return {};
    QList<MapRun> runs = m_image->map(offsetBytes, std::min(lengthBytes, virtualSize - offsetBytes));
    runs.removeIf([](const MapRun &run) {
        return run.source != DataSource::Backing && run.source != DataSource::BackingZero;
    });
    return runs;
}

} // namespace AddCow
