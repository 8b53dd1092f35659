// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "clusterrange.h"

#include <QMetaType>
#include <QString>

namespace AddCow
{

/** Where a partition's entry lives. */
enum class PartitionKind {
    Primary,  ///< one of the four MBR slots
    Extended, ///< an MBR slot of type 0x05, 0x0f or 0x85: the container of the logical partitions
    Logical,  ///< an MBR partition described by an EBR inside the extended partition
    Gpt,      ///< a GPT entry
};

/** One partition of a disk's MBR or GPT, decoded into plain values. Offsets are in bytes of the disk. */
struct Partition {
    /**
     * The number Linux and sfdisk give it: MBR slots 1-4 (empty slots keep their number),
     * logical partitions from 5 in chain order; GPT the entry's position in the array + 1.
     */
    int number = 0;
    PartitionKind kind = PartitionKind::Primary;
    /** GPT: the partition name (UTF-16LE, up to 36 code units); empty for MBR, which has none. */
    QString name;
    /** GPT: the type GUID, upper case ("0FC63DAF-8483-4772-8E79-3D69D8477DE4"); MBR: the type byte ("0x83"). */
    QString type;
    /** The English name of a well-known type ("Linux filesystem", "EFI System"); empty when unknown. */
    QString typeName;
    /** GPT: the unique partition GUID, upper case; empty for MBR. */
    QString uuid;
    quint64 startBytes = 0;
    quint64 lengthBytes = 0;
    bool bootable = false;     ///< MBR: boot indicator 0x80; GPT: legacy BIOS bootable (attribute bit 2)
    quint64 attributes = 0;    ///< GPT attribute bits
    quint64 entryOffsetBytes = 0; ///< where the entry that describes it is on the disk
    quint32 entryLengthBytes = 0; ///< 16 for MBR slots and EBR entries, the entry size for GPT

    quint64 endBytes() const { return startBytes + lengthBytes; }
    /** The clusters holding any byte of the partition (R11: 64 KiB each); the first and last may be shared. */
    ClusterRange clusters() const { return ClusterRange::forBytes(startBytes, lengthBytes); }
    /** True for partitions that hold data, false for the extended container. */
    bool holdsData() const { return kind != PartitionKind::Extended; }

    bool operator==(const Partition &) const = default;
};

} // namespace AddCow

Q_DECLARE_METATYPE(AddCow::Partition)
