// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "nextdata.h"

#include "backingreader.h"
#include "fileio.h"
#include "image.h"

#include <algorithm>

namespace AddCow
{

namespace
{
// How much of the map one step looks at.
constexpr quint64 MapWindowBytes = quint64(1) << 32;
}

quint64 nextDataInFile(int fd, quint64 offsetBytes, quint64 endBytes)
{
    if (offsetBytes >= endBytes)
        return endBytes;
    if (fd < 0)
        return offsetBytes;
    // FileIo reports "no data from here on" (ENXIO) as the file's size, which may lie before offsetBytes.
    const qint64 data = FileIo::seekData(fd, offsetBytes);
    if (data < 0)
        return offsetBytes;
    if (quint64(data) < offsetBytes)
        return endBytes;
    return std::min(quint64(data), endBytes);
}

quint64 nextDataOffset(const Image &image, quint64 offsetBytes)
{
    const quint64 size = image.virtualSizeBytes();
    quint64 position = offsetBytes;
    while (position < size) {
        const QList<MapRun> runs = image.map(position, std::min(MapWindowBytes, size - position));
        if (runs.isEmpty())
            return position;
        for (const MapRun &run : runs) {
            const quint64 start = std::max(run.offsetBytes, position);
            const quint64 end = run.offsetBytes + run.lengthBytes;
            if (start >= end || run.source == DataSource::Zero || run.source == DataSource::BackingZero)
                continue; // R13: zeros
            const BackingReader *reader = image.backingReader();
            const int fd = run.source == DataSource::Image ? image.imageFd() : (reader ? reader->fileDescriptor() : -1);
            if (fd < 0)
                return start; // a backing disk read through QEMU (its zeros are backing-zero runs), or one that cannot be read
            if (const quint64 data = nextDataInFile(fd, start, end); data < end)
                return data;
        }
        const quint64 next = runs.constLast().offsetBytes + runs.constLast().lengthBytes;
        if (next <= position)
            return position; // a map that does not advance: claim data rather than loop
        position = next;
    }
    return size;
}

} // namespace AddCow
