// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "partitionbands.h"

#include "partitiontext.h"

#include <QCoreApplication>
#include <QLocale>

namespace AddCow
{

namespace
{
class PartitionBands
{
    Q_DECLARE_TR_FUNCTIONS(PartitionBands)
};
}

QList<HeatmapBand> partitionBands(const PartitionTable &table)
{
    QList<HeatmapBand> bands;
    for (qsizetype index = 0; index < table.partitions.size(); ++index) {
        const Partition &partition = table.partitions.at(index);
        if (!partition.holdsData() || partition.lengthBytes == 0)
            continue;
        HeatmapBand band;
        band.range = partition.clusters();
        band.label = partitionLabel(partition);
        band.color = partitionColor(table, index);
        const QLocale locale;
        band.toolTip = PartitionBands::tr("%1 partition of type %2\nBytes %3 to %4 (%5)")
                           .arg(partitionSchemeDisplayName(table.scheme), partitionTypeDisplayName(partition), locale.toString(partition.startBytes),
                                locale.toString(partition.endBytes() - 1), locale.formattedDataSize(qint64(partition.lengthBytes)));
        bands.append(band);
    }
    return bands;
}

} // namespace AddCow
