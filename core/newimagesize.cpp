// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "newimagesize.h"

namespace AddCow
{

Result<quint64> newImageSize(const QString &imagePath, std::optional<quint64> existingImageBytes, std::optional<quint64> sizeBytes,
                             std::optional<quint64> backingDiskBytes, bool force)
{
    using Arg = FindingArgument;
    quint64 size = 0;
    if (existingImageBytes) {
        // R20: an existing image file is never truncated, never grown.
        if (sizeBytes && *sizeBytes != *existingImageBytes)
            return Error::fromCode(imagePath, FindingCode::ImageFileSizeFixed, {Arg::ofNumber(*existingImageBytes), Arg::ofNumber(*sizeBytes)});
        size = *existingImageBytes;
    } else {
        if (!sizeBytes && !backingDiskBytes)
            return Error::fromCode(imagePath, FindingCode::ImageSizeNeeded, {});
        size = sizeBytes ? *sizeBytes : *backingDiskBytes; // R20: the backing disk's size by default
    }
    // R11: no size is too small to be a disk. R20: the backing disk's tail must stay visible.
    const quint64 backing = backingDiskBytes.value_or(0);
    if (size < backing && !force)
        return Error::fromCode(imagePath, FindingCode::ImageSmallerThanBacking, {Arg::ofNumber(size), Arg::ofNumber(backing), Arg::ofNumber(backing - size)});
    return size;
}

} // namespace AddCow
