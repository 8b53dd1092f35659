// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "addcowcore_export.h"
#include "result.h"

#include <QList>

namespace AddCow
{

class Image;

/** A run of the virtual disk: bytes to read, or bytes known to read as zeros without reading. */
struct DiskExtent {
    quint64 offsetBytes = 0;
    quint64 lengthBytes = 0;
    bool zero = false;
    bool operator==(const DiskExtent &) const = default;
};

/**
 * Tells which parts of an image's virtual disk read as zeros, so that readers of huge sparse
 * disks never read gigabytes of holes: clean clusters with no backing data (R13), and holes
 * (SEEK_DATA / SEEK_HOLE) in the image or backing file behind a run. Remembers the last span
 * it learned of each file, so a walk in order costs few lseeks.
 * Needs the image's bitmap, as Image::map() does; the image must outlive the scanner.
 */
class ADDCOWCORE_EXPORT DiskExtentScanner
{
public:
    explicit DiskExtentScanner(const Image &image);

    /**
     * Extents of bytes [offsetBytes, offsetBytes + lengthBytes), in order, neighbours of one kind
     * merged. Fails when an lseek does (the caller decides: verify reads such bytes, commit stops).
     */
    Result<QList<DiskExtent>> extents(quint64 offsetBytes, quint64 lengthBytes);

private:
    /** What one file holds from some offset on: data or a hole, up to endBytes. */
    struct FileSpan {
        quint64 beginBytes = 0;
        quint64 endBytes = 0;
        bool data = true;
    };
    Result<FileSpan> spanAt(int fd, const QString &path, FileSpan &known, quint64 offsetBytes) const;

    const Image &m_image;
    FileSpan m_imageSpan;
    FileSpan m_backingSpan;
};

} // namespace AddCow
