// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "heatmapband.h"
#include "partitiontable.h"

#include <QList>

namespace AddCow
{

/**
 * The partitions of table as labelled bands for the heatmap (HeatmapWidget::setBands): one per
 * partition that holds data, in table order, over the clusters that hold any of its bytes, with
 * its label and colour from the Partitions list. The extended container gets no band: its
 * logical partitions have theirs. A refused table has no partitions and so no bands.
 */
QList<HeatmapBand> partitionBands(const PartitionTable &table);

} // namespace AddCow
