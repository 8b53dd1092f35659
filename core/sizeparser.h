// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "addcowcore_export.h"
#include "result.h"

#include <QString>
#include <QStringView>

/**
 * Sizes and offsets as people type and read them: "4096", "64K", "1.5G", "8T", and offsets
 * also in hexadecimal, "0x1f000".
 * Suffixes are binary (K = 1024) as in qemu-img; "B" and an "iB" spelling are accepted.
 */
namespace AddCow::SizeParser
{

/**
 * Parses a non-negative size: digits with an optional fraction, an optional suffix
 * B, K, M, G, T, P, E (any case, optionally followed by "iB" or "B").
 * A fraction must come out as a whole number of bytes ("1.5K" is 1536, "0.3K" is refused).
 * @return bytes, or InvalidArgument naming the text when it is malformed or overflows 2^64-1
 */
ADDCOWCORE_EXPORT Result<quint64> parse(QStringView text);

/**
 * Parses an offset or a length on a virtual disk as qemu-io and the app's Go To take them:
 * "0x" (or "0X") followed by hexadecimal digits only (no suffix, no fraction), or else
 * anything parse() takes ("4096", "64K").
 * @return bytes, or InvalidArgument naming the text when it is malformed or overflows 2^64-1
 */
ADDCOWCORE_EXPORT Result<quint64> parseOffset(QStringView text);

/** "1.5 GiB", "64 KiB", "512 bytes": at most two decimals, binary units, like qemu-img info. */
ADDCOWCORE_EXPORT QString formatHuman(quint64 sizeBytes);

/** "1 GiB (1073741824 bytes)", as qemu-img info shows a virtual size. */
ADDCOWCORE_EXPORT QString formatHumanWithBytes(quint64 sizeBytes);

} // namespace AddCow::SizeParser
