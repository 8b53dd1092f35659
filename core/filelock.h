// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "addcowcore_export.h"
#include "result.h"

#include <QString>

namespace AddCow
{

/**
 * QEMU-compatible image locking: open file description locks on byte 100 + permission bit
 * ("I hold it") and 200 + permission bit ("I do not share it"), as QEMU's file-posix does.
 */
namespace FileLock
{
/** Takes QEMU's locks for consistent read + write, not sharing write. Busy when another holder conflicts. */
ADDCOWCORE_EXPORT Result<void> lockForWriting(int fd, const QString &path);
/**
 * Takes QEMU's locks for consistent read, not sharing write (a read-only export: nobody may
 * change what it serves). Busy when another process holds the file for writing.
 */
ADDCOWCORE_EXPORT Result<void> lockForReadingExclusively(int fd, const QString &path);
/** Takes QEMU's lock for consistent read, sharing everything. Busy when another process forbids reading. */
ADDCOWCORE_EXPORT Result<void> lockForReading(int fd, const QString &path);
/** True when another process holds path open for writing under QEMU's locking (probe only). */
ADDCOWCORE_EXPORT Result<bool> isHeldForWriting(const QString &path);
}

} // namespace AddCow
