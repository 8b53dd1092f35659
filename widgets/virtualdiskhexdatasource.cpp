// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "virtualdiskhexdatasource.h"

#include "backingreader.h"

namespace AddCow
{

namespace
{
// How much of the map one step of nextDataOffset looks at, so a fragmented 8 TiB disk never builds a huge list.
constexpr quint64 MapWindowBytes = quint64(1) << 32;
}

VirtualDiskHexDataSource::VirtualDiskHexDataSource(std::shared_ptr<const Image> image)
    : m_image(std::move(image))
{
}

quint64 VirtualDiskHexDataSource::sizeBytes() const
{
    return m_image->virtualSizeBytes();
}

qint64 VirtualDiskHexDataSource::read(quint64 offsetBytes, char *buffer, quint64 lengthBytes) const
{
    const quint64 size = sizeBytes();
    if (offsetBytes >= size)
        return 0;
    lengthBytes = std::min(lengthBytes, size - offsetBytes);
    const Result<void> result = m_image->read(offsetBytes, buffer, lengthBytes);
    return result ? qint64(lengthBytes) : -1;
}

quint64 VirtualDiskHexDataSource::nextDataOffset(quint64 offsetBytes) const
{
    const quint64 size = sizeBytes();
    quint64 position = offsetBytes;
    while (position < size) {
        const QList<MapRun> runs = m_image->map(position, std::min(MapWindowBytes, size - position));
        if (runs.isEmpty())
            return position;
        for (const MapRun &run : runs) {
            const quint64 start = std::max(run.offsetBytes, position);
            const quint64 end = run.offsetBytes + run.lengthBytes;
            if (start >= end)
                continue;
            if (run.source == DataSource::Zero || run.source == DataSource::BackingZero)
                continue; // R13: zeros
            const BackingReader *reader = m_image->backingReader();
            const int fd = run.source == DataSource::Image ? m_image->imageFd() : (reader ? reader->fileDescriptor() : -1);
            if (fd < 0)
                return start; // a backing disk read through QEMU (its zeros are backing-zero runs), or one that cannot be read
            const quint64 fileSize = run.source == DataSource::Image ? m_image->imageFile().sizeBytes : m_image->backingFile().sizeBytes;
            const quint64 data = seekData(fd, start, std::min(end, fileSize));
            if (data < std::min(end, fileSize))
                return data;
        }
        const quint64 next = runs.constLast().offsetBytes + runs.constLast().lengthBytes;
        if (next <= position)
            return position; // a map that does not advance: claim data rather than loop
        position = next;
    }
    return size;
}

QList<MapRun> VirtualDiskHexDataSource::sourceRuns(quint64 offsetBytes, quint64 lengthBytes) const
{
    const quint64 size = sizeBytes();
    if (offsetBytes >= size)
        return {};
    return m_image->map(offsetBytes, std::min(lengthBytes, size - offsetBytes));
}

} // namespace AddCow
