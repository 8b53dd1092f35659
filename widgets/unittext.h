// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>

namespace AddCow
{

/**
 * A span of time as people say it, translated: "23 h 42 min", "5 min 3 s", "42 s". Never a
 * clock reading such as "23:42:36", which looks like a time of day. Negative counts as 0.
 */
QString durationText(qint64 seconds);

/**
 * An amount of data, translated: "1 byte", "512 bytes" (plural forms, %n) below 1 KiB, else
 * QLocale's IEC form ("1.50 GiB"). QLocale alone says "1 bytes".
 */
QString dataSizeText(quint64 bytes);

} // namespace AddCow
