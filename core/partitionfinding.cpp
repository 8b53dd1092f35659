// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "partitionfinding.h"

using namespace Qt::StringLiterals;

namespace AddCow
{

namespace
{

QString hex(quint64 value)
{
    return u"0x"_s + QString::number(value, 16);
}

} // namespace

QString PartitionFinding::message() const
{
    switch (problem) {
    case PartitionProblem::NotPartitionTable:
        return u"bytes 510-511 hold 55 AA, but slot %1 has boot indicator %2 (only 0x00 and 0x80 are valid): a boot sector, not a partition table"_s
            .arg(partition)
            .arg(hex(value));
    case PartitionProblem::SeveralExtended:
        return u"slots %1 and %2 are both extended partitions; an MBR has at most one"_s.arg(partition).arg(otherPartition);
    case PartitionProblem::EbrSignatureMissing:
        return u"the extended boot record at byte %1 does not end in 55 AA"_s.arg(offsetBytes);
    case PartitionProblem::EbrChainLoop:
        return u"the extended boot record at byte %1 links back to the one at byte %2: the chain loops"_s.arg(offsetBytes).arg(value);
    case PartitionProblem::EbrChainTooLong:
        return u"the chain of extended boot records is longer than %1"_s.arg(value);
    case PartitionProblem::EbrLinkOutsideExtended:
        return u"the extended boot record at byte %1 links to byte %2, outside the extended partition"_s.arg(offsetBytes).arg(value);
    case PartitionProblem::LogicalOutsideExtended:
        return u"logical partition %1 reaches outside the extended partition"_s.arg(partition);
    case PartitionProblem::GptWithoutProtectiveMbr:
        return u"a GPT header is at LBA 1, but there is no protective MBR"_s;
    case PartitionProblem::GptHybridMbr:
        return u"the protective MBR lists %1 other partitions too (a hybrid MBR); only the GPT is used"_s.arg(value);
    case PartitionProblem::GptHeaderMissing:
        return u"no GPT header (signature \"EFI PART\") at byte %1"_s.arg(offsetBytes);
    case PartitionProblem::GptHeaderSize:
        return u"header size %1 is not between 92 and the sector size %2"_s.arg(value).arg(expected);
    case PartitionProblem::GptHeaderCrc:
        return u"stored header CRC32 %1, computed %2"_s.arg(hex(value), hex(expected));
    case PartitionProblem::GptHeaderLba:
        return u"the header says it is at LBA %1, but it is at LBA %2"_s.arg(value).arg(expected);
    case PartitionProblem::GptEntrySize:
        return u"entry size %1 is not 128 times a power of two up to %2"_s.arg(value).arg(expected);
    case PartitionProblem::GptEntryCount:
        return u"%1 entries, more than the %2 this program reads"_s.arg(value).arg(expected);
    case PartitionProblem::GptUsableRange:
        return u"first usable LBA %1 is past last usable LBA %2"_s.arg(value).arg(expected);
    case PartitionProblem::GptEntryArrayPlacement:
        return u"the entry array at LBA %1 (%2 bytes) overlaps the header or the usable area, or passes the disk's end"_s.arg(value).arg(expected);
    case PartitionProblem::GptEntryArrayCrc:
        return u"stored entry array CRC32 %1, computed %2"_s.arg(hex(value), hex(expected));
    case PartitionProblem::GptUsingBackup:
        return u"the primary GPT is damaged; the backup at LBA %1 is used"_s.arg(value);
    case PartitionProblem::GptBackupNotAtEnd:
        return u"the backup header is at LBA %1, not at the disk's last LBA %2 (the disk grew?)"_s.arg(value).arg(expected);
    case PartitionProblem::GptBackupDiffers:
        return u"the backup GPT does not describe the same partitions as the primary"_s;
    case PartitionProblem::GptUsableAreaPastEnd:
        return u"last usable LBA %1 is past the disk's last LBA %2 (the disk shrank?)"_s.arg(value).arg(expected);
    case PartitionProblem::GptEntryEndsBeforeStart:
        return u"partition %1 ends at LBA %2, before it starts at LBA %3"_s.arg(partition).arg(value).arg(expected);
    case PartitionProblem::GptEntryOutsideUsable:
        return u"partition %1 is not inside the usable LBAs %2-%3"_s.arg(partition).arg(value).arg(expected);
    case PartitionProblem::PartitionOverlapsTable:
        return u"partition %1 covers the partition table at byte %2"_s.arg(partition).arg(offsetBytes);
    case PartitionProblem::PartitionPastDiskEnd:
        return u"partition %1 ends at byte %2, past the disk's end at byte %3"_s.arg(partition).arg(value).arg(expected);
    case PartitionProblem::PartitionsOverlap:
        return u"partitions %1 and %2 overlap"_s.arg(partition).arg(otherPartition);
    }
    return QString();
}

QString PartitionFinding::toString() const
{
    QString text = partitionTableAreaName(area);
    if (area == PartitionTableArea::Entry && partition > 0)
        text += u" %1"_s.arg(partition);
    if (lengthBytes > 0)
        text += u" (bytes %1-%2)"_s.arg(offsetBytes).arg(offsetBytes + lengthBytes - 1);
    return text + u": "_s + message();
}

QString partitionTableAreaName(PartitionTableArea area)
{
    switch (area) {
    case PartitionTableArea::Mbr:
        return u"MBR"_s;
    case PartitionTableArea::Ebr:
        return u"extended boot record"_s;
    case PartitionTableArea::GptPrimary:
        return u"GPT primary header"_s;
    case PartitionTableArea::GptBackup:
        return u"GPT backup header"_s;
    case PartitionTableArea::Entry:
        return u"partition"_s;
    }
    return QString();
}

} // namespace AddCow
