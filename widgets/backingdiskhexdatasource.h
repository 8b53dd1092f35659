// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "hexdatasource.h"

#include <memory>

namespace AddCow
{

/**
 * The backing disk of an open image as the guest sees it (Image::backingReader(), R9): for a
 * qcow2 backing file the disk it holds, not its qcow2 bytes (AttachedFileHexDataSource shows
 * those). Marks the bytes the virtual disk takes from it.
 */
class BackingDiskHexDataSource : public HexDataSource
{
public:
    explicit BackingDiskHexDataSource(std::shared_ptr<const Image> image);

    /** The backing disk's virtual size (R13). */
    quint64 sizeBytes() const override;
    qint64 read(quint64 offsetBytes, char *buffer, quint64 lengthBytes) const override;
    /** Skips what the backing format reports as zeros (NBD block status), or a raw file's holes. */
    quint64 nextDataOffset(quint64 offsetBytes) const override;
    /** R13: the virtual disk's runs taken from the backing disk (backing and backing-zero) in the range. */
    QList<MapRun> sourceRuns(quint64 offsetBytes, quint64 lengthBytes) const override;

private:
    std::shared_ptr<const Image> m_image;
};

} // namespace AddCow
