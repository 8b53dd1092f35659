// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "format.h"

#include <QMetaType>
#include <QtGlobal>

#include <algorithm>

namespace AddCow
{

/** A half-open range [first, first + count) of cluster indexes. */
struct ClusterRange {
    quint64 first = 0; ///< cluster index
    quint64 count = 0; ///< clusters

    constexpr quint64 end() const { return first + count; }
    constexpr bool isEmpty() const { return count == 0; }
    constexpr bool contains(quint64 clusterIndex) const { return clusterIndex >= first && clusterIndex < end(); }
    constexpr ClusterRange intersected(ClusterRange other) const
    {
        const quint64 b = std::max(first, other.first);
        const quint64 e = std::min(end(), other.end());
        return e > b ? ClusterRange{b, e - b} : ClusterRange{b, 0};
    }
    /** The clusters touched by the bytes [offsetBytes, offsetBytes + lengthBytes). */
    static constexpr ClusterRange forBytes(quint64 offsetBytes, quint64 lengthBytes)
    {
        if (lengthBytes == 0)
            return {offsetBytes / ClusterSizeBytes, 0};
        const quint64 firstCluster = offsetBytes / ClusterSizeBytes;
        const quint64 lastCluster = (offsetBytes + lengthBytes - 1) / ClusterSizeBytes;
        return {firstCluster, lastCluster - firstCluster + 1};
    }
    constexpr bool operator==(const ClusterRange &) const = default;
};

} // namespace AddCow

Q_DECLARE_METATYPE(AddCow::ClusterRange)
