// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QtGlobal>

namespace AddCow
{

/** A half-open range [offsetBytes, offsetBytes + lengthBytes) of the virtual disk. */
struct ByteRange {
    quint64 offsetBytes = 0;
    quint64 lengthBytes = 0;
    constexpr quint64 endBytes() const { return offsetBytes + lengthBytes; }
    bool operator==(const ByteRange &) const = default;
};

} // namespace AddCow
