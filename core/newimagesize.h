// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "addcowcore_export.h"
#include "result.h"

#include <QString>

#include <optional>

namespace AddCow
{

/**
 * R11/R20: the virtual size a create gives the disk, or why it refuses: the one decision that
 * `addcow create` (CreateJob) and the New Image wizard both make.
 *
 * An existing image file is used as it is, its size is the virtual size (R11) and a different
 * size asked for is refused (never resized, R20). A new one takes sizeBytes, else the backing
 * disk's virtual size; with neither there is nothing to size it by. An image smaller than the
 * backing disk would drop the backing disk's tail: refused unless forced (R20).
 *
 * Every size is a disk, 0 bytes too: R11 gives it 0 clusters and an empty bitmap, Image::open
 * and check accept it, and QEMU creates and opens such disks.
 *
 * @param imagePath names the image file in errors
 * @param existingImageBytes the existing image file's size; nullopt when it is to be created
 * @param backingDiskBytes the backing disk's virtual size (R9, R13); nullopt without a backing file
 */
ADDCOWCORE_EXPORT Result<quint64> newImageSize(const QString &imagePath, std::optional<quint64> existingImageBytes, std::optional<quint64> sizeBytes,
                                               std::optional<quint64> backingDiskBytes, bool force);

} // namespace AddCow
