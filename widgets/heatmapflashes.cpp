// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "heatmapflashes.h"

#include <algorithm>

namespace AddCow
{

void HeatmapFlashes::add(ClusterRange range, qint64 nowMs)
{
    if (range.isEmpty())
        return;
    // Keep the list sorted and disjoint: the new range swallows those it touches and restarts.
    auto first = std::lower_bound(m_flashes.begin(), m_flashes.end(), range.first, [](const Flash &flash, quint64 cluster) {
        return flash.range.end() < cluster;
    });
    auto last = first;
    ClusterRange merged = range;
    while (last != m_flashes.end() && last->range.first <= range.end()) {
        const quint64 begin = std::min(merged.first, last->range.first);
        const quint64 end = std::max(merged.end(), last->range.end());
        merged = {begin, end - begin};
        ++last;
    }
    first = m_flashes.erase(first, last);
    m_flashes.insert(first, Flash{merged, nowMs});

    if (int(m_flashes.size()) <= MaxRanges)
        return;
    // Too many: merge neighbours pairwise (the gap between them flashes too), newest start wins.
    std::vector<Flash> halved;
    halved.reserve(m_flashes.size() / 2 + 1);
    for (size_t i = 0; i < m_flashes.size(); i += 2) {
        if (i + 1 == m_flashes.size()) {
            halved.push_back(m_flashes[i]);
            break;
        }
        const Flash &a = m_flashes[i];
        const Flash &b = m_flashes[i + 1];
        halved.push_back(Flash{{a.range.first, b.range.end() - a.range.first}, std::max(a.startMs, b.startMs)});
    }
    m_flashes = std::move(halved);
}

bool HeatmapFlashes::prune(qint64 nowMs)
{
    std::erase_if(m_flashes, [nowMs](const Flash &flash) {
        return nowMs - flash.startMs >= DurationMs;
    });
    return !m_flashes.empty();
}

double HeatmapFlashes::strength(const Flash &flash, qint64 nowMs)
{
    const double t = double(nowMs - flash.startMs) / DurationMs;
    if (t <= 0)
        return 1.0;
    if (t >= 1)
        return 0.0;
    return (1.0 - t) * (1.0 - t); // quick fade, long tail
}

} // namespace AddCow
