// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "hexdatasource.h"

#include <memory>

namespace AddCow
{

/** The merged virtual disk of an open image (Image::read, R13-R15); every run is marked with its source. */
class VirtualDiskHexDataSource : public HexDataSource
{
public:
    explicit VirtualDiskHexDataSource(std::shared_ptr<const Image> image);

    /** R11: the virtual size. */
    quint64 sizeBytes() const override;
    /** R15: clamped to the virtual size, so nothing past the end is ever asked for. */
    qint64 read(quint64 offsetBytes, char *buffer, quint64 lengthBytes) const override;
    /** Skips zero runs and holes of the file each run is read from. */
    quint64 nextDataOffset(quint64 offsetBytes) const override;
    QList<MapRun> sourceRuns(quint64 offsetBytes, quint64 lengthBytes) const override;

private:
    std::shared_ptr<const Image> m_image;
};

} // namespace AddCow
