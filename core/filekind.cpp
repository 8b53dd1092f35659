// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "filekind.h"

#include <sys/stat.h>

namespace AddCow
{

FileKind fileKindOf(mode_t mode)
{
    if (S_ISREG(mode))
        return FileKind::Regular;
    if (S_ISBLK(mode))
        return FileKind::BlockDevice;
    if (S_ISDIR(mode))
        return FileKind::Directory;
    return FileKind::Other;
}

std::optional<FindingCode> fileKindProblem(FileKind kind, bool forWriting)
{
    switch (kind) {
    case FileKind::Regular:
        return std::nullopt;
    case FileKind::BlockDevice:
        return forWriting ? std::optional(FindingCode::FileIsBlockDevice) : std::nullopt;
    case FileKind::Directory:
        return FindingCode::FileIsDirectory;
    case FileKind::Other:
        return FindingCode::FileIsSpecial;
    }
    return FindingCode::FileIsSpecial;
}

} // namespace AddCow
