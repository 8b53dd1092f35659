// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "partition.h"
#include "partitionfinding.h"
#include "partitiontable.h"

#include <QColor>
#include <QString>

namespace AddCow
{

/**
 * Translated texts for what PartitionTable reports in English or as codes: findings, schemes,
 * kinds and type names; and the colour a partition has in the list and on the heatmap.
 */

/** The translated sentence of a finding, from its code and arguments (never from message()). */
QString partitionFindingText(const PartitionFinding &finding);

/** "MBR", "GPT" or "No partition table". */
QString partitionSchemeDisplayName(PartitionTable::Scheme scheme);

/** "Primary", "Extended", "Logical" or "GPT entry", translated. */
QString partitionKindDisplayName(PartitionKind kind);

/**
 * The type as a user reads it: the translated name of a known type ("Linux filesystem"),
 * with the MBR byte ("Linux (0x83)"); the type GUID or byte itself when it is unknown.
 */
QString partitionTypeDisplayName(const Partition &partition);

/** A label for a partition: "1: EFI system" (GPT name), "5: Linux (0x83)" (MBR type). */
QString partitionLabel(const Partition &partition);

/** Distinct colours for partitions, cycling; unlike the source colours of the heatmap. */
QColor partitionColor(int position);
/**
 * The colour of table.partitions[index] in the list and on the map: the partitions that hold
 * data take the colours in order; the extended container has none (an invalid QColor).
 */
QColor partitionColor(const PartitionTable &table, qsizetype index);

} // namespace AddCow
