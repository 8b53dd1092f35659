// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "addcowcore_export.h"
#include "clusterrange.h"
#include "result.h"

#include <QString>

#include <optional>

namespace AddCow
{

/**
 * Counts the set bits of the bitmap of clusterCount clusters that starts at bitmapOffsetBytes
 * in the open .add-cow file fd, without loading it, so that counting costs no more than
 * reading the file once: holes in the file are clear bits and are not read (SEEK_DATA), data
 * is read in chunks and counted a word at a time, a large bitmap in two halves at once.
 *
 * Bits at or past clusterCount are ignored (R12). Bitmap bytes missing at the end of the file
 * count as clear: whether that is allowed is the caller's rule (R12 for open, a finding for
 * check). Fails with an Io error naming path when reading fails, CorruptBitmap (BitmapEndsEarly)
 * when the file shrinks meanwhile.
 */
ADDCOWCORE_EXPORT Result<quint64> countAllocatedOnDisk(int fd, const QString &path, quint64 bitmapOffsetBytes, quint64 clusterCount);
/** The same for the clusters of range only (a partition), clamped to clusterCount. */
ADDCOWCORE_EXPORT Result<quint64> countAllocatedOnDisk(int fd, const QString &path, quint64 bitmapOffsetBytes, quint64 clusterCount, ClusterRange range);

/**
 * The index of the last set bit in the bitmap bytes [fromByte, endByte) (counted from the bitmap
 * start at bitmapOffsetBytes) of the open .add-cow file fd, without loading them: holes are
 * skipped (SEEK_DATA). nullopt when every bit there is clear. Check uses it for R12's spare bits.
 */
ADDCOWCORE_EXPORT Result<std::optional<quint64>> lastSetBitOnDisk(int fd, const QString &path, quint64 bitmapOffsetBytes, quint64 fromByte,
                                                                  quint64 endByte);

} // namespace AddCow
