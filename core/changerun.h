// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "clusterrange.h"

#include <QMetaType>

namespace AddCow
{

/**
 * Consecutive allocated clusters (bit 1, R13) of one kind: changed, where the bytes differ
 * from what the clusters showed while their bits were 0 (the backing file's bytes, zeros past
 * its end or without one), or allocated but unchanged (written with the same bytes).
 */
struct ChangeRun {
    enum class Kind { Changed, Unchanged };

    Kind kind = Kind::Changed;
    ClusterRange clusters;
    /** Changed: the first differing byte. Unchanged: the clusters' first byte. */
    quint64 offsetBytes = 0;
    /** Changed: up to and including the last differing byte. Unchanged: the clusters' bytes (R15: clamped to the virtual size). */
    quint64 lengthBytes = 0;

    constexpr quint64 endBytes() const { return offsetBytes + lengthBytes; }
    constexpr bool isChanged() const { return kind == Kind::Changed; }
    constexpr bool operator==(const ChangeRun &) const = default;
};

} // namespace AddCow

Q_DECLARE_METATYPE(AddCow::ChangeRun)
