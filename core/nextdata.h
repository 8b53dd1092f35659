// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "addcowcore_export.h"

#include <QtGlobal>

namespace AddCow
{

class Image;

/**
 * "Next data offset", once, for everything that skips what reads as zeros (`addcow compare`,
 * the hex views' search): the answer may be early (data that is all zeros counts as data) but
 * never late, so a caller that skips to it misses no non-zero byte.
 */

/**
 * The first offset in [offsetBytes, endBytes) of fd that may hold data (SEEK_DATA), endBytes when
 * only holes (or the file's end) follow. offsetBytes when fd is -1 or SEEK_DATA fails: data assumed.
 */
ADDCOWCORE_EXPORT quint64 nextDataInFile(int fd, quint64 offsetBytes, quint64 endBytes);

/**
 * The first offset at or after offsetBytes where image's virtual disk may hold a non-zero byte,
 * its virtual size when none. R13: zero runs (and backing-zero runs) are skipped, image and raw
 * backing runs are asked for their file's data (SEEK_DATA); a backing disk read through QEMU
 * counts as data wherever it did not report zeros. Walks the map a window at a time, so a
 * fragmented 8 TiB disk never builds a huge list.
 */
ADDCOWCORE_EXPORT quint64 nextDataOffset(const Image &image, quint64 offsetBytes);

} // namespace AddCow
