// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "addcowcore_export.h"
#include "finding.h"

#include <QList>
#include <QString>

namespace AddCow
{

/** What is wrong with a partition table. The arguments each code uses are listed with it. */
enum class PartitionProblem {
    // MBR
    NotPartitionTable,      ///< 55 AA is there but slot `partition` has boot indicator `value` (not 0x00/0x80): a boot sector, not an MBR
    SeveralExtended,        ///< slots `partition` and `otherPartition` are both extended partitions
    EbrSignatureMissing,    ///< the EBR at offsetBytes does not end in 55 AA
    EbrChainLoop,           ///< the EBR at offsetBytes links to the EBR at byte `value`, which the chain has already passed
    EbrChainTooLong,        ///< more than `value` EBRs in the chain
    EbrLinkOutsideExtended, ///< the EBR at offsetBytes links to byte `value`, outside the extended partition
    LogicalOutsideExtended, ///< logical partition `partition` reaches outside the extended partition
    // GPT
    GptWithoutProtectiveMbr, ///< a GPT header at LBA 1, but no MBR signature (and so no protective MBR)
    GptHybridMbr,            ///< the protective MBR also lists `value` other partitions (a hybrid MBR; they are ignored)
    GptHeaderMissing,        ///< no "EFI PART" signature at offsetBytes, where a header must be
    GptHeaderSize,           ///< header size `value` is not between 92 and the sector size `expected`
    GptHeaderCrc,            ///< stored header CRC32 `value`, computed `expected`
    GptHeaderLba,            ///< the header's own LBA field is `value`, but it was found at LBA `expected`
    GptEntrySize,            ///< entry size `value` is not 128 times a power of two up to `expected`
    GptEntryCount,           ///< `value` entries: more than the `expected` a table may have
    GptUsableRange,          ///< first usable LBA `value` is past the last usable LBA `expected`
    GptEntryArrayPlacement,  ///< the entry array at LBA `value` (`expected` bytes) overlaps the header or the usable area, or passes the disk's end
    GptEntryArrayCrc,        ///< stored entry array CRC32 `value`, computed `expected`
    GptUsingBackup,          ///< the primary header or its entries are damaged: the backup at LBA `value` is used
    GptBackupNotAtEnd,       ///< the backup header is at LBA `value`, not at the disk's last LBA `expected` (the disk grew?)
    GptBackupDiffers,        ///< the backup header or its entries do not describe the same table as the primary
    GptUsableAreaPastEnd,    ///< last usable LBA `value` is past the disk's last LBA `expected` (the disk shrank?)
    GptEntryEndsBeforeStart, ///< partition `partition` ends at LBA `value`, before it starts at LBA `expected`
    GptEntryOutsideUsable,   ///< partition `partition` is not inside the usable LBAs `value` to `expected`
    // Both
    PartitionOverlapsTable,  ///< partition `partition` covers table bytes at offsetBytes (MBR, EBR, GPT header or entries)
    PartitionPastDiskEnd,    ///< partition `partition` ends at byte `value`, past the disk's end at byte `expected`
    PartitionsOverlap,       ///< partitions `partition` and `otherPartition` share bytes
};

/** Which structure a finding is about. */
enum class PartitionTableArea {
    Mbr,        ///< the MBR sector (LBA 0)
    Ebr,        ///< an extended boot record of the logical partition chain
    GptPrimary, ///< the primary GPT header (LBA 1) and its entry array
    GptBackup,  ///< the backup GPT header (the disk's last LBA) and its entry array
    Entry,      ///< one partition's entry
};

/**
 * One problem found in a partition table: a code with typed arguments, rendered in English by
 * message() for the CLI and translated by the GUI from the code. Errors make the table
 * unusable (PartitionTable::partitions is then empty); warnings and infos do not.
 */
struct ADDCOWCORE_EXPORT PartitionFinding {
    Severity severity = Severity::Error;
    PartitionProblem problem = PartitionProblem::NotPartitionTable;
    PartitionTableArea area = PartitionTableArea::Mbr;
    quint64 offsetBytes = 0; ///< the disk bytes concerned (a sector, an entry)
    quint64 lengthBytes = 0;
    int partition = 0;       ///< partition number, 0 when none
    int otherPartition = 0;
    quint64 value = 0;       ///< see PartitionProblem
    quint64 expected = 0;

    /** English sentence, e.g. "stored header CRC32 0x1234abcd, computed 0x5678ef01". */
    QString message() const;
    /** "GPT backup header (bytes 67108352-67108863): message" */
    QString toString() const;

    bool operator==(const PartitionFinding &) const = default;
};

using PartitionFindings = QList<PartitionFinding>;

/** English name of an area, e.g. "GPT backup header". */
ADDCOWCORE_EXPORT QString partitionTableAreaName(PartitionTableArea area);

} // namespace AddCow
