// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "addcowcore_export.h"

#include <QByteArrayView>

namespace AddCow
{

/**
 * CRC-32 as GPT headers and entry arrays use it (UEFI 2.x 5.3.2; the zlib/IEEE 802.3 CRC:
 * reflected polynomial 0xEDB88320, initial value and final XOR 0xFFFFFFFF).
 * crc32("123456789") is 0xCBF43926.
 */
ADDCOWCORE_EXPORT quint32 crc32(QByteArrayView bytes);

} // namespace AddCow
