// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "addcowcore_export.h"
#include "findingcode.h"

#include <optional>
#include <sys/types.h>

namespace AddCow
{

/** What kind of file a name leads to: regular files may be written, block devices only read. */
enum class FileKind { Regular, BlockDevice, Directory, Other };

/** The kind of a file from its st_mode. */
ADDCOWCORE_EXPORT FileKind fileKindOf(mode_t mode);

/**
 * R16: directories and special files are refused; a block device only when it is to be written.
 * The one decision Image::open and create both make; nullopt when the kind is fine.
 */
ADDCOWCORE_EXPORT std::optional<FindingCode> fileKindProblem(FileKind kind, bool forWriting);

} // namespace AddCow
