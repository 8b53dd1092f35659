// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "hexdatasource.h"

#include <memory>

namespace AddCow
{

/**
 * The image file (raw) or the backing file of an open image, as a file (Image::readImageFile,
 * Image::readBackingFile); marks the bytes the virtual disk takes from it.
 */
class AttachedFileHexDataSource : public HexDataSource
{
public:
    /** @param file DataSource::Image for the image file, DataSource::Backing for the backing file */
    AttachedFileHexDataSource(std::shared_ptr<const Image> image, DataSource file);

    quint64 sizeBytes() const override;
    qint64 read(quint64 offsetBytes, char *buffer, quint64 lengthBytes) const override;
    quint64 nextDataOffset(quint64 offsetBytes) const override;
    quint64 nextHoleOffset(quint64 offsetBytes) const override;
    /** R13: the virtual disk's runs taken from this file (for the image file: bit 1 or R14) in the range. */
    QList<MapRun> sourceRuns(quint64 offsetBytes, quint64 lengthBytes) const override;

private:
    const FileRef &fileRef() const;
    int fd() const;

    std::shared_ptr<const Image> m_image;
    DataSource m_file;
};

} // namespace AddCow
