// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "hexdatasource.h"

#include <memory>

namespace AddCow
{

/** The backing file of an open image, as a file (Image::readBackingFile); marks the bytes the virtual disk takes from it. */
class BackingFileHexDataSource : public HexDataSource
{
public:
    explicit BackingFileHexDataSource(std::shared_ptr<const Image> image);

    quint64 sizeBytes() const override;
    qint64 read(quint64 offsetBytes, char *buffer, quint64 lengthBytes) const override;
    quint64 nextDataOffset(quint64 offsetBytes) const override;
    quint64 nextHoleOffset(quint64 offsetBytes) const override;
    /** R13: the virtual disk's Backing runs in the range. */
    QList<MapRun> sourceRuns(quint64 offsetBytes, quint64 lengthBytes) const override;

private:
    std::shared_ptr<const Image> m_image;
};

} // namespace AddCow
