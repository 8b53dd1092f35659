// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "image.h"

#include <QList>
#include <QtGlobal>

namespace AddCow
{

/**
 * The bytes one hex view shows: a file or the virtual disk.
 * All methods are thread-safe: background searches read while the view paints.
 */
class HexDataSource
{
public:
    virtual ~HexDataSource();

    /** Size in bytes; offsets at or past it are absent. */
    virtual quint64 sizeBytes() const = 0;
    /**
     * Reads up to lengthBytes at offsetBytes.
     * @return bytes read: fewer than lengthBytes when the source ends first (the rest is absent), -1 on error
     */
    virtual qint64 read(quint64 offsetBytes, char *buffer, quint64 lengthBytes) const = 0;

    /**
     * The first offset at or after offsetBytes that may hold a non-zero byte: every byte before it
     * reads as zero (a hole). sizeBytes() when there is no more data. The default knows no holes.
     */
    virtual quint64 nextDataOffset(quint64 offsetBytes) const;
    /** The first offset at or after offsetBytes that starts a hole, sizeBytes() if none. Default: sizeBytes(). */
    virtual quint64 nextHoleOffset(quint64 offsetBytes) const;

    /**
     * Where the virtual disk takes the bytes at these offsets from (R13), for marking:
     * only runs that concern this source. Callers ask for the visible range only. Default: none.
     */
    virtual QList<MapRun> sourceRuns(quint64 offsetBytes, quint64 lengthBytes) const;

protected:
    /** lseek SEEK_DATA on fd, clamped to sizeBytes; offsetBytes itself when the file system cannot tell. */
    static quint64 seekData(int fd, quint64 offsetBytes, quint64 sizeBytes);
    /** lseek SEEK_HOLE on fd, clamped to sizeBytes. */
    static quint64 seekHole(int fd, quint64 offsetBytes, quint64 sizeBytes);
};

} // namespace AddCow
