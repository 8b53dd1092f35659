// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "clusterrange.h"

#include <QColor>
#include <QList>
#include <QMetaType>
#include <QString>

namespace AddCow
{

/**
 * A labelled range of clusters drawn over the heatmap (a partition, a file system, a region the
 * user cares about): a bar beside the rows it covers, its outline on the map and a tag at its
 * start. Hovering shows label and range; a click selects its clusters.
 */
struct HeatmapBand {
    ClusterRange range;
    QString label; ///< shown as it is: translate it before
    QColor color;
    QString toolTip; ///< extra lines for the tooltip (type, file system); may be empty

    bool operator==(const HeatmapBand &) const = default;
};

} // namespace AddCow

Q_DECLARE_METATYPE(AddCow::HeatmapBand)
