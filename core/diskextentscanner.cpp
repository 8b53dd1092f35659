// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "diskextentscanner.h"

#include "backingreader.h"
#include "fileio.h"
#include "image.h"

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace AddCow
{

namespace
{

constexpr quint64 NoEnd = std::numeric_limits<quint64>::max();

void append(QList<DiskExtent> &extents, quint64 offsetBytes, quint64 lengthBytes, bool zero)
{
    if (lengthBytes == 0)
        return;
    if (!extents.isEmpty() && extents.last().zero == zero && extents.last().offsetBytes + extents.last().lengthBytes == offsetBytes)
        extents.last().lengthBytes += lengthBytes;
    else
        extents.append(DiskExtent{offsetBytes, lengthBytes, zero});
}

} // namespace

DiskExtentScanner::DiskExtentScanner(const Image &image)
    : m_image(image)
{
}

Result<DiskExtentScanner::FileSpan> DiskExtentScanner::spanAt(int fd, const QString &path, FileSpan &known, quint64 offsetBytes) const
{
    if (offsetBytes >= known.beginBytes && offsetBytes < known.endBytes)
        return known;
    // FileIo reports "no data from here on" (ENXIO) as the file's size, which may be <= offsetBytes.
    const qint64 data = FileIo::seekData(fd, offsetBytes);
    if (data < 0)
        return Error::fromErrno(path, u"cannot look for data (SEEK_DATA)"_s);
    if (quint64(data) < offsetBytes)
        return known = {offsetBytes, NoEnd, false}; // past the end: reads pad zeros
    if (quint64(data) > offsetBytes)
        return known = {offsetBytes, quint64(data), false};
    const qint64 hole = FileIo::seekHole(fd, offsetBytes);
    if (hole < 0)
        return Error::fromErrno(path, u"cannot look for holes (SEEK_HOLE)"_s);
    if (quint64(hole) <= offsetBytes)
        return known = {offsetBytes, NoEnd, false}; // offsetBytes is the end of the file
    return known = {offsetBytes, quint64(hole), true};
}

Result<QList<DiskExtent>> DiskExtentScanner::extents(quint64 offsetBytes, quint64 lengthBytes)
{
    QList<DiskExtent> extents;
    for (const MapRun &run : m_image.map(offsetBytes, lengthBytes)) {
        int fd = -1;
        const QString *path = nullptr;
        FileSpan *known = nullptr;
        switch (run.source) {
        case DataSource::Zero: // R13: no backing data here
        case DataSource::BackingZero: // the backing format records zeros (R9)
            append(extents, run.offsetBytes, run.lengthBytes, true);
            continue;
        case DataSource::Image:
            fd = m_image.imageFd();
            path = &m_image.imageFile().resolvedPath;
            known = &m_imageSpan;
            break;
        case DataSource::Backing:
            // A raw backing file's holes; a disk QEMU reads (no descriptor) is all data here.
            // No reader when the backing file cannot be read (Image::backingError()): reads will say so.
            fd = m_image.backingReader() ? m_image.backingReader()->fileDescriptor() : -1;
            path = &m_image.backingFile().resolvedPath;
            known = &m_backingSpan;
            break;
        }
        const quint64 runEnd = run.offsetBytes + run.lengthBytes;
        if (fd < 0) {
            append(extents, run.offsetBytes, run.lengthBytes, false);
            continue;
        }
        for (quint64 pos = run.offsetBytes; pos < runEnd;) {
            const Result<FileSpan> span = spanAt(fd, *path, *known, pos);
            if (!span)
                return span.error();
            const quint64 end = std::min(span->endBytes, runEnd);
            append(extents, pos, end - pos, !span->data);
            pos = end;
        }
    }
    return extents;
}

} // namespace AddCow
