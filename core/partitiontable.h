// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "addcowcore_export.h"
#include "partition.h"
#include "partitionfinding.h"
#include "result.h"

#include <QByteArrayView>
#include <QList>
#include <QString>

#include <functional>

namespace AddCow
{

class Image;

/**
 * The partition table of a disk (the virtual disk of an image, or any raw disk), decoded into
 * plain values: an MBR with its primary, extended and logical partitions (the EBR chain), or a
 * GPT behind its protective MBR, with both headers and their CRC32s checked.
 *
 * Sectors are 512 bytes; a GPT is also found on 4096-byte sectors (its header at byte 4096, with
 * a valid CRC). Reading is bounded: the first 8 KiB, the GPT entry arrays (at most
 * MaxEntryArrayBytes each), the backup header and at most MaxEbrCount EBRs.
 *
 * A table that makes no sense (overlapping partitions, partitions past the disk's end, a looping
 * EBR chain, absurd sizes, bad CRCs with no good copy) is refused: it gets an error finding and
 * no partitions. Damage that leaves one good copy (a missing or damaged backup GPT, a damaged
 * primary with a good backup) is a warning, and the good copy is used.
 */
struct ADDCOWCORE_EXPORT PartitionTable {
    enum class Scheme {
        None, ///< no partition table: a blank or too small disk, a whole-disk file system
        Mbr,  ///< an MS-DOS partition table
        Gpt,  ///< a GUID partition table (with a protective MBR)
    };

    static constexpr quint32 SectorBytes = 512;
    static constexpr quint32 LargeSectorBytes = 4096;
    static constexpr int MaxEbrCount = 256;                     ///< longer EBR chains are refused
    static constexpr quint64 MaxEntryArrayBytes = 1024 * 1024;  ///< 8192 entries of 128 bytes
    static constexpr quint32 MaxEntrySizeBytes = 4096;

    Scheme scheme = Scheme::None;
    quint32 sectorSizeBytes = SectorBytes;
    /** MBR: the disk signature ("0x12345678"); GPT: the disk GUID, upper case. */
    QString diskId;
    /** In number order (MBR: the extended partition among the primaries, then the logical ones); empty when refused. */
    QList<Partition> partitions;
    PartitionFindings findings;
    /** GPT: the usable LBAs of the header in use; 0 otherwise. */
    quint64 firstUsableLba = 0;
    quint64 lastUsableLba = 0;
    bool usesBackupGpt = false; ///< the primary GPT was damaged and the backup is used

    /** A byte range of the disk. */
    struct Region {
        quint64 offsetBytes = 0;
        quint64 lengthBytes = 0;
        bool operator==(const Region &) const = default;
    };
    /**
     * Every byte range the parser read: a write that touches none of them cannot change the
     * result, a write that touches one may (a new table, a changed entry).
     */
    QList<Region> readRegions;

    bool isRefused() const; ///< an error finding: the table is not used
    bool touchesTable(quint64 offsetBytes, quint64 lengthBytes) const; ///< the range meets a readRegion

    /** Reads [offsetBytes, offsetBytes + lengthBytes) of the disk into buffer; never past diskSizeBytes. */
    using ReadFunction = std::function<Result<void>(quint64 offsetBytes, char *buffer, quint64 lengthBytes)>;

    /** Reads the table of a disk of diskSizeBytes. Fails only when read fails (I/O); a bad table is findings. */
    static Result<PartitionTable> read(quint64 diskSizeBytes, const ReadFunction &read);
    /** Reads the table of an image's virtual disk through Image::read (also on a HeaderOnly image). */
    static Result<PartitionTable> read(const Image &image);
    /** The table of a disk held in memory whole (tests, fuzzing). */
    static PartitionTable parse(QByteArrayView disk);
};

/** "none", "mbr" or "gpt". */
ADDCOWCORE_EXPORT QString partitionSchemeName(PartitionTable::Scheme scheme);

/**
 * Clusters of the partition's byte range whose bit is set (R13), every cluster of it with
 * ALL_ALLOCATED (R14). A cluster the partition shares with its neighbour counts for both.
 */
ADDCOWCORE_EXPORT Result<quint64> countAllocatedClusters(const Image &image, const Partition &partition);

} // namespace AddCow
