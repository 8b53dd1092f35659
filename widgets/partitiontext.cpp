// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "partitiontext.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace AddCow
{

namespace
{

// Gives lupdate a context for the free functions below.
class PartitionText
{
    Q_DECLARE_TR_FUNCTIONS(PartitionText)
};

QString hex(quint64 value)
{
    return u"0x"_s + QString::number(value, 16);
}

} // namespace

QString partitionFindingText(const PartitionFinding &f)
{
    switch (f.problem) {
    case PartitionProblem::NotPartitionTable:
        return PartitionText::tr("Bytes 510–511 hold 55 AA, but slot %1 has boot indicator %2 (only 0x00 and 0x80 are valid): "
                                 "this is a boot sector, not a partition table.")
            .arg(f.partition)
            .arg(hex(f.value));
    case PartitionProblem::SeveralExtended:
        return PartitionText::tr("Slots %1 and %2 are both extended partitions; an MBR has at most one.").arg(f.partition).arg(f.otherPartition);
    case PartitionProblem::EbrSignatureMissing:
        return PartitionText::tr("The extended boot record at byte %1 does not end in 55 AA.").arg(f.offsetBytes);
    case PartitionProblem::EbrChainLoop:
        return PartitionText::tr("The extended boot record at byte %1 links back to the one at byte %2: the chain loops.").arg(f.offsetBytes).arg(f.value);
    case PartitionProblem::EbrChainTooLong:
        return PartitionText::tr("The chain of extended boot records is longer than %1.").arg(f.value);
    case PartitionProblem::EbrLinkOutsideExtended:
        return PartitionText::tr("The extended boot record at byte %1 links to byte %2, outside the extended partition.").arg(f.offsetBytes).arg(f.value);
    case PartitionProblem::LogicalOutsideExtended:
        return PartitionText::tr("Logical partition %1 reaches outside the extended partition.").arg(f.partition);
    case PartitionProblem::GptWithoutProtectiveMbr:
        return PartitionText::tr("A GPT header is at LBA 1, but there is no protective MBR.");
    case PartitionProblem::GptHybridMbr:
        return PartitionText::tr("The protective MBR lists %1 other partitions too (a hybrid MBR); only the GPT is used.").arg(f.value);
    case PartitionProblem::GptHeaderMissing:
        return PartitionText::tr("There is no GPT header (signature “EFI PART”) at byte %1.").arg(f.offsetBytes);
    case PartitionProblem::GptHeaderSize:
        return PartitionText::tr("The header size %1 is not between 92 and the sector size %2.").arg(f.value).arg(f.expected);
    case PartitionProblem::GptHeaderCrc:
        return PartitionText::tr("The header's stored CRC32 is %1, but its bytes give %2.").arg(hex(f.value), hex(f.expected));
    case PartitionProblem::GptHeaderLba:
        return PartitionText::tr("The header says it is at LBA %1, but it is at LBA %2.").arg(f.value).arg(f.expected);
    case PartitionProblem::GptEntrySize:
        return PartitionText::tr("The entry size %1 is not 128 times a power of two up to %2.").arg(f.value).arg(f.expected);
    case PartitionProblem::GptEntryCount:
        return PartitionText::tr("%1 entries: more than the %2 this program reads.").arg(f.value).arg(f.expected);
    case PartitionProblem::GptUsableRange:
        return PartitionText::tr("The first usable LBA %1 is past the last usable LBA %2.").arg(f.value).arg(f.expected);
    case PartitionProblem::GptEntryArrayPlacement:
        return PartitionText::tr("The entry array at LBA %1 (%2 bytes) overlaps the header or the usable area, or passes the disk's end.")
            .arg(f.value)
            .arg(f.expected);
    case PartitionProblem::GptEntryArrayCrc:
        return PartitionText::tr("The entry array's stored CRC32 is %1, but its bytes give %2.").arg(hex(f.value), hex(f.expected));
    case PartitionProblem::GptUsingBackup:
        return PartitionText::tr("The primary GPT is damaged; the backup at LBA %1 is used.").arg(f.value);
    case PartitionProblem::GptBackupNotAtEnd:
        return PartitionText::tr("The backup header is at LBA %1, not at the disk's last LBA %2 (the disk grew?).").arg(f.value).arg(f.expected);
    case PartitionProblem::GptBackupDiffers:
        return PartitionText::tr("The backup GPT does not describe the same partitions as the primary.");
    case PartitionProblem::GptUsableAreaPastEnd:
        return PartitionText::tr("The last usable LBA %1 is past the disk's last LBA %2 (the disk shrank?).").arg(f.value).arg(f.expected);
    case PartitionProblem::GptEntryEndsBeforeStart:
        return PartitionText::tr("Partition %1 ends at LBA %2, before it starts at LBA %3.").arg(f.partition).arg(f.value).arg(f.expected);
    case PartitionProblem::GptEntryOutsideUsable:
        return PartitionText::tr("Partition %1 is not inside the usable LBAs %2–%3.").arg(f.partition).arg(f.value).arg(f.expected);
    case PartitionProblem::PartitionOverlapsTable:
        return PartitionText::tr("Partition %1 covers the partition table at byte %2.").arg(f.partition).arg(f.offsetBytes);
    case PartitionProblem::PartitionPastDiskEnd:
        return PartitionText::tr("Partition %1 ends at byte %2, past the disk's end at byte %3.").arg(f.partition).arg(f.value).arg(f.expected);
    case PartitionProblem::PartitionsOverlap:
        return PartitionText::tr("Partitions %1 and %2 overlap.").arg(f.partition).arg(f.otherPartition);
    }
    return f.message();
}

QString partitionSchemeDisplayName(PartitionTable::Scheme scheme)
{
    switch (scheme) {
    case PartitionTable::Scheme::None:
        return PartitionText::tr("No partition table");
    case PartitionTable::Scheme::Mbr:
        return PartitionText::tr("MBR");
    case PartitionTable::Scheme::Gpt:
        return PartitionText::tr("GPT");
    }
    return QString();
}

QString partitionKindDisplayName(PartitionKind kind)
{
    switch (kind) {
    case PartitionKind::Primary:
        return PartitionText::tr("Primary");
    case PartitionKind::Extended:
        return PartitionText::tr("Extended");
    case PartitionKind::Logical:
        return PartitionText::tr("Logical");
    case PartitionKind::Gpt:
        return PartitionText::tr("GPT entry");
    }
    return QString();
}

QString partitionTypeDisplayName(const Partition &partition)
{
    // Type names come from core in English, marked for lupdate in the context "PartitionTypes".
    const QString name = partition.typeName.isEmpty() ? QString()
                                                      : QCoreApplication::translate("PartitionTypes", partition.typeName.toUtf8().constData());
    if (partition.kind == PartitionKind::Gpt)
        return name.isEmpty() ? partition.type : name;
    return name.isEmpty() ? partition.type : PartitionText::tr("%1 (%2)", "MBR type name (type byte)").arg(name, partition.type);
}

QString partitionLabel(const Partition &partition)
{
    if (!partition.name.isEmpty())
        return PartitionText::tr("%1: %2", "partition number: name").arg(partition.number).arg(partition.name);
    return PartitionText::tr("%1: %2", "partition number: type").arg(partition.number).arg(partitionTypeDisplayName(partition));
}

QColor partitionColor(int position)
{
    // Saturated enough to read on the source colours (blue, orange, grey, teal), distinct from
    // each other and from those (the bands sit on the map).
    static const QColor colors[] = {
        QColor(0x8e, 0x44, 0xad), // purple
        QColor(0x27, 0xae, 0x60), // green
        QColor(0xc0, 0x39, 0x2b), // red
        QColor(0x8b, 0x57, 0x2a), // brown (not teal: backing-zero clusters are)
        QColor(0xd4, 0xac, 0x0d), // yellow
        QColor(0x2c, 0x3e, 0x50), // navy
        QColor(0xe8, 0x43, 0x93), // pink
        QColor(0x7f, 0x8c, 0x1d), // olive
    };
    constexpr int count = int(sizeof colors / sizeof colors[0]);
    return colors[((position % count) + count) % count];
}

QColor partitionColor(const PartitionTable &table, qsizetype index)
{
    if (index < 0 || index >= table.partitions.size() || !table.partitions.at(index).holdsData())
        return QColor();
    int position = 0;
    for (qsizetype i = 0; i < index; ++i)
        position += table.partitions.at(i).holdsData() ? 1 : 0;
    return partitionColor(position);
}

} // namespace AddCow
