// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "addcowcore_export.h"
#include "result.h"

#include <QList>

namespace AddCow
{

class Image;

/** A run of the virtual disk as NBD block status sees it. */
struct BlockStatusRun {
    quint64 offsetBytes = 0;
    quint64 lengthBytes = 0;
    bool zero = false; ///< reads as zeros and nothing is stored for it (NBD: hole and zero); else data
    bool operator==(const BlockStatusRun &) const = default;
};

/**
 * Block status of [offsetBytes, offsetBytes + lengthBytes) of the virtual disk (clamped to its
 * end), adjacent runs of the same kind merged. Zero: clean clusters past the backing file's end
 * or without one (R13), holes of the backing file in clean clusters, and holes of the image file
 * in allocated clusters (SEEK_DATA / SEEK_HOLE). Everything else is data.
 * Stops after maxRuns runs; the caller asks again from where the last one ends.
 * Safe while other threads write (a run may be reported as data that a writer just zeroed).
 */
ADDCOWCORE_EXPORT Result<QList<BlockStatusRun>> blockStatus(const Image &image, quint64 offsetBytes, quint64 lengthBytes, qsizetype maxRuns = 1024);

} // namespace AddCow
