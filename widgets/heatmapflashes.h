// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "clusterrange.h"

#include <QtGlobal>

#include <vector>

namespace AddCow
{

/**
 * Clusters that have just become allocated (a VM writing through the NBD export, a commit, an
 * edit), each fading out over DurationMs. Bounded: past MaxRanges neighbouring ranges merge, so a
 * storm of scattered writes costs no more than a few hundred rectangles per paint.
 */
class HeatmapFlashes
{
public:
    static constexpr int DurationMs = 1200;
    static constexpr int MaxRanges = 256;

    struct Flash {
        ClusterRange range;
        qint64 startMs = 0;
    };

    void add(ClusterRange range, qint64 nowMs);
    /** Drops what has faded by nowMs; true while anything is left. */
    bool prune(qint64 nowMs);
    void clear() { m_flashes.clear(); }
    bool isEmpty() const { return m_flashes.empty(); }
    /** Sorted by first cluster, disjoint. */
    const std::vector<Flash> &flashes() const { return m_flashes; }

    /** 1 when the flash starts, falling to 0 at DurationMs. */
    static double strength(const Flash &flash, qint64 nowMs);

private:
    std::vector<Flash> m_flashes;
};

} // namespace AddCow
