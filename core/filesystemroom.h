// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "addcowcore_export.h"
#include "result.h"

#include <QList>
#include <QString>

namespace AddCow
{

/**
 * Whether files fit where they are to be created, asked before anything is written: the largest
 * file the file system takes (probed with an unnamed temporary file and ftruncate, which is exact
 * where pathconf is not: ext4 with 4 KiB blocks stops at 16 TiB) and its free space.
 */
namespace FileSystemRoom
{

/** One file a create will make. */
struct PlannedFile {
    QString path;            ///< absolute; the file need not exist, its folder must
    quint64 sizeBytes = 0;   ///< the file's size
    quint64 spaceBytes = 0;  ///< bytes that need blocks: what is written now, or will be as the disk fills
};

/** Bytes an unprivileged user may still allocate on the file system holding directory. */
ADDCOWCORE_EXPORT Result<quint64> freeBytes(const QString &directory);

/** True when the file system holding directory takes a file of sizeBytes (EFBIG otherwise). */
ADDCOWCORE_EXPORT Result<bool> takesFileOf(const QString &directory, quint64 sizeBytes);

/**
 * Checks every planned file against its file system's largest file, and the space they need
 * together on each file system against its free space. Fails with ErrorCode::Io and errno EFBIG
 * or ENOSPC, naming the file, what it needs and what there is.
 */
ADDCOWCORE_EXPORT Result<void> check(const QList<PlannedFile> &files);

/**
 * R20 create, asked before anything is written (by `addcow create`, CreateJob and the wizard):
 * the .add-cow file of HEADER_SIZE plus the bitmap region of R11 (its blocks are needed as the
 * disk fills, so they must be free now), and a new image file of imageSizeBytes (its blocks
 * counted only when preallocated; a sparse image is thin on purpose).
 */
ADDCOWCORE_EXPORT Result<void> checkCreate(const QString &addCowPath, const QString &imagePath, quint64 imageSizeBytes, bool newImage, bool preallocate);

} // namespace FileSystemRoom

} // namespace AddCow
