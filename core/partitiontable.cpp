// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "partitiontable.h"

#include "crc32.h"
#include "image.h"
#include "partitiontypes.h"

#include <QUuid>
#include <QtEndian>

#include <algorithm>
#include <cstring>
#include <optional>
#include <variant>
#include <vector>

using namespace Qt::StringLiterals;

namespace AddCow
{

namespace
{

// MBR layout (the same in every EBR): four 16-byte slots from byte 446, 55 AA at 510.
constexpr quint32 MbrSlotsOffset = 446;
constexpr quint32 MbrSlotBytes = 16;
constexpr quint32 MbrSignatureOffset = 510;
constexpr quint32 MbrDiskSignatureOffset = 440;
// The first bytes hold the MBR and a GPT header at LBA 1 for 512- and for 4096-byte sectors.
constexpr quint64 FirstReadBytes = 2 * PartitionTable::LargeSectorBytes;

// GPT header fields (UEFI 2.x 5.3.2).
constexpr char GptSignature[8] = {'E', 'F', 'I', ' ', 'P', 'A', 'R', 'T'};
constexpr quint32 GptMinHeaderBytes = 92;
constexpr quint32 GptEntryNameOffset = 56;
constexpr int GptNameUnits = 36;

struct MbrSlot {
    quint8 bootIndicator = 0;
    quint8 type = 0;
    quint32 startLba = 0;
    quint32 sectors = 0;

    bool isUsed() const { return type != 0 && sectors != 0; }
};

MbrSlot mbrSlot(const char *sector, int slot)
{
    const char *entry = sector + MbrSlotsOffset + slot * MbrSlotBytes;
    return {quint8(entry[0]), quint8(entry[4]), qFromLittleEndian<quint32>(entry + 8), qFromLittleEndian<quint32>(entry + 12)};
}

bool hasMbrSignature(const char *sector)
{
    return quint8(sector[MbrSignatureOffset]) == 0x55 && quint8(sector[MbrSignatureOffset + 1]) == 0xaa;
}

// Mixed-endian GUID: three little-endian fields, then eight bytes as they are.
QString guidText(const char *bytes)
{
    const QUuid uuid(qFromLittleEndian<quint32>(bytes), qFromLittleEndian<quint16>(bytes + 4), qFromLittleEndian<quint16>(bytes + 6),
                     quint8(bytes[8]), quint8(bytes[9]), quint8(bytes[10]), quint8(bytes[11]),
                     quint8(bytes[12]), quint8(bytes[13]), quint8(bytes[14]), quint8(bytes[15]));
    return uuid.toString(QUuid::WithoutBraces).toUpper();
}

bool isZero(const char *bytes, quint64 length)
{
    return std::all_of(bytes, bytes + length, [](char c) { return c == 0; });
}

QString mbrTypeText(quint8 type)
{
    return u"0x%1"_s.arg(type, 2, 16, QLatin1Char('0'));
}

// lba * sectorBytes, saturating instead of wrapping (hostile LBAs are 64-bit).
quint64 lbaBytes(quint64 lba, quint32 sectorBytes)
{
    return lba > ~quint64(0) / sectorBytes ? ~quint64(0) : lba * sectorBytes;
}

quint64 saturatingAdd(quint64 a, quint64 b)
{
    return a > ~quint64(0) - b ? ~quint64(0) : a + b;
}

struct GptHeader {
    quint64 lba = 0;
    quint64 alternateLba = 0;
    quint64 firstUsableLba = 0;
    quint64 lastUsableLba = 0;
    QString diskGuid;
    quint64 entriesLba = 0;
    quint32 entryCount = 0;
    quint32 entrySizeBytes = 0;
    quint32 entriesCrc = 0;
    QByteArray entries;
};

/** Reads and checks one table; collects findings and partitions into table. */
class Parser
{
public:
    Parser(quint64 diskSizeBytes, const PartitionTable::ReadFunction &read)
        : m_diskSizeBytes(diskSizeBytes)
        , m_read(read)
    {
    }

    Result<PartitionTable> run()
    {
        if (m_diskSizeBytes < PartitionTable::SectorBytes)
            return m_table; // too small to hold even an MBR (a 0-byte disk has no table)
        const Result<QByteArray> first = readBytes(0, std::min(m_diskSizeBytes, FirstReadBytes));
        if (!first)
            return first.error();
        const QByteArray &bytes = first.value();
        const bool mbrSignature = hasMbrSignature(bytes.constData());
        const auto gptAt = [&bytes](quint64 offset) {
            return quint64(bytes.size()) >= offset + sizeof GptSignature && std::memcmp(bytes.constData() + offset, GptSignature, sizeof GptSignature) == 0;
        };
        int protectiveSlots = 0;
        int otherSlots = 0;
        if (mbrSignature) {
            for (int slot = 0; slot < 4; ++slot) {
                const MbrSlot entry = mbrSlot(bytes.constData(), slot);
                if (entry.type == PartitionTypes::ProtectiveType)
                    ++protectiveSlots;
                else if (entry.isUsed())
                    ++otherSlots;
            }
        }

        // The kernel's order: an MBR with a 0xee slot leads to the GPT; an MBR without one is
        // an MBR, even if an old GPT header is still at LBA 1; a GPT header without any MBR is
        // a GPT whose protective MBR was wiped.
        const bool gpt512 = gptAt(PartitionTable::SectorBytes);
        const bool gpt4096 = !gpt512 && gptAt(PartitionTable::LargeSectorBytes);
        if (protectiveSlots > 0 || (!mbrSignature && (gpt512 || gpt4096))) {
            m_table.scheme = PartitionTable::Scheme::Gpt;
            // A header at byte 4096 and none at 512 means 4096-byte sectors; the header's own
            // LBA field and CRC confirm it below.
            m_table.sectorSizeBytes = gpt4096 ? PartitionTable::LargeSectorBytes : PartitionTable::SectorBytes;
            if (!mbrSignature)
                add(Severity::Warning, PartitionProblem::GptWithoutProtectiveMbr, PartitionTableArea::Mbr, 0, PartitionTable::SectorBytes);
            else if (otherSlots > 0)
                add(Severity::Info, PartitionProblem::GptHybridMbr, PartitionTableArea::Mbr, MbrSlotsOffset, 4 * MbrSlotBytes, 0, 0, quint64(otherSlots));
            if (Result<void> parsed = parseGpt(); !parsed)
                return parsed.error();
        } else if (mbrSignature) {
            if (Result<void> parsed = parseMbr(bytes.constData()); !parsed)
                return parsed.error();
        }
        finish();
        return m_table;
    }

private:
    Result<QByteArray> readBytes(quint64 offsetBytes, quint64 lengthBytes)
    {
        Q_ASSERT(offsetBytes <= m_diskSizeBytes && lengthBytes <= m_diskSizeBytes - offsetBytes);
        QByteArray bytes(qsizetype(lengthBytes), Qt::Uninitialized);
        if (Result<void> read = m_read(offsetBytes, bytes.data(), lengthBytes); !read)
            return read.error();
        m_table.readRegions.append({offsetBytes, lengthBytes});
        return bytes;
    }

    bool fitsDisk(quint64 offsetBytes, quint64 lengthBytes) const
    {
        return offsetBytes <= m_diskSizeBytes && lengthBytes <= m_diskSizeBytes - offsetBytes;
    }

    void add(Severity severity, PartitionProblem problem, PartitionTableArea area, quint64 offsetBytes, quint64 lengthBytes,
             int partition = 0, int otherPartition = 0, quint64 value = 0, quint64 expected = 0)
    {
        m_table.findings.append({severity, problem, area, offsetBytes, lengthBytes, partition, otherPartition, value, expected});
    }

    void addForPartition(PartitionProblem problem, const Partition &partition, int otherPartition = 0, quint64 value = 0, quint64 expected = 0)
    {
        add(Severity::Error, problem, PartitionTableArea::Entry, partition.entryOffsetBytes, partition.entryLengthBytes,
            partition.number, otherPartition, value, expected);
    }

    // The disk's end in whole sectors: a partial last sector belongs to no partition.
    quint64 diskEndBytes() const { return m_diskSizeBytes / m_table.sectorSizeBytes * m_table.sectorSizeBytes; }

    Result<void> parseMbr(const char *sector)
    {
        m_table.scheme = PartitionTable::Scheme::Mbr;
        m_table.diskId = u"0x%1"_s.arg(qFromLittleEndian<quint32>(sector + MbrDiskSignatureOffset), 8, 16, QLatin1Char('0'));
        // A FAT or NTFS boot sector also ends in 55 AA; its bytes where the slots would be are
        // not boot indicators 0x00/0x80 (the kernel's test).
        for (int slot = 0; slot < 4; ++slot) {
            const quint8 indicator = mbrSlot(sector, slot).bootIndicator;
            if (indicator != 0x00 && indicator != 0x80) {
                m_table.scheme = PartitionTable::Scheme::None;
                m_table.diskId.clear();
                add(Severity::Warning, PartitionProblem::NotPartitionTable, PartitionTableArea::Mbr, MbrSlotsOffset + slot * MbrSlotBytes, 1,
                    slot + 1, 0, indicator);
                return {};
            }
        }

        std::optional<Partition> extended;
        for (int slot = 0; slot < 4; ++slot) {
            const MbrSlot entry = mbrSlot(sector, slot);
            if (!entry.isUsed())
                continue;
            Partition partition = mbrPartition(entry, slot + 1, entry.startLba, MbrSlotsOffset + slot * MbrSlotBytes);
            if (PartitionTypes::isExtendedType(entry.type)) {
                partition.kind = PartitionKind::Extended;
                if (extended)
                    add(Severity::Error, PartitionProblem::SeveralExtended, PartitionTableArea::Mbr, partition.entryOffsetBytes, MbrSlotBytes,
                        extended->number, partition.number);
                else
                    extended = partition;
            }
            m_table.partitions.append(partition);
        }
        m_tableRegions.append({0, PartitionTable::SectorBytes});
        if (extended && !m_table.isRefused())
            return walkEbrChain(*extended);
        return {};
    }

    Partition mbrPartition(const MbrSlot &entry, int number, quint64 startLba, quint64 entryOffsetBytes) const
    {
        Partition partition;
        partition.number = number;
        partition.kind = PartitionKind::Primary;
        partition.type = mbrTypeText(entry.type);
        if (const char *name = PartitionTypes::mbrTypeName(entry.type))
            partition.typeName = QString::fromLatin1(name);
        partition.startBytes = startLba * PartitionTable::SectorBytes;
        partition.lengthBytes = quint64(entry.sectors) * PartitionTable::SectorBytes;
        partition.bootable = entry.bootIndicator == 0x80;
        partition.entryOffsetBytes = entryOffsetBytes;
        partition.entryLengthBytes = MbrSlotBytes;
        return partition;
    }

    // The logical partitions: a chain of EBRs inside the extended partition. Each holds the
    // next logical partition (relative to itself) and a link to the next EBR (relative to the
    // extended partition's start). Bounded and loop-checked: hostile chains end with a finding.
    Result<void> walkEbrChain(const Partition &extended)
    {
        const quint64 extendedStartLba = extended.startBytes / PartitionTable::SectorBytes;
        const quint64 extendedEndLba = extended.endBytes() / PartitionTable::SectorBytes;
        std::vector<quint64> visited;
        quint64 ebrLba = extendedStartLba;
        int number = 5;
        for (int count = 0;; ++count) {
            if (count == PartitionTable::MaxEbrCount) {
                add(Severity::Error, PartitionProblem::EbrChainTooLong, PartitionTableArea::Ebr, ebrLba * PartitionTable::SectorBytes,
                    PartitionTable::SectorBytes, 0, 0, PartitionTable::MaxEbrCount);
                return {};
            }
            const quint64 ebrOffset = ebrLba * PartitionTable::SectorBytes;
            if (!fitsDisk(ebrOffset, PartitionTable::SectorBytes))
                return {}; // the extended partition passes the disk's end: finish() says so
            visited.push_back(ebrLba);
            m_tableRegions.append({ebrOffset, PartitionTable::SectorBytes});
            const Result<QByteArray> read = readBytes(ebrOffset, PartitionTable::SectorBytes);
            if (!read)
                return read.error();
            const char *ebr = read->constData();
            if (!hasMbrSignature(ebr)) {
                add(Severity::Error, PartitionProblem::EbrSignatureMissing, PartitionTableArea::Ebr, ebrOffset, PartitionTable::SectorBytes);
                return {};
            }
            const MbrSlot logical = mbrSlot(ebr, 0);
            if (logical.isUsed()) {
                Partition partition = mbrPartition(logical, number++, ebrLba + logical.startLba, ebrOffset + MbrSlotsOffset);
                partition.kind = PartitionKind::Logical;
                if (ebrLba + logical.startLba < extendedStartLba || ebrLba + logical.startLba + logical.sectors > extendedEndLba)
                    addForPartition(PartitionProblem::LogicalOutsideExtended, partition);
                m_table.partitions.append(partition);
            }
            const MbrSlot link = mbrSlot(ebr, 1);
            if (!link.isUsed() || !PartitionTypes::isExtendedType(link.type))
                return {};
            const quint64 next = extendedStartLba + link.startLba;
            if (next >= extendedEndLba) {
                add(Severity::Error, PartitionProblem::EbrLinkOutsideExtended, PartitionTableArea::Ebr, ebrOffset + MbrSlotsOffset + MbrSlotBytes,
                    MbrSlotBytes, 0, 0, next * PartitionTable::SectorBytes);
                return {};
            }
            if (std::find(visited.cbegin(), visited.cend(), next) != visited.cend()) {
                add(Severity::Error, PartitionProblem::EbrChainLoop, PartitionTableArea::Ebr, ebrOffset, PartitionTable::SectorBytes, 0, 0,
                    next * PartitionTable::SectorBytes);
                return {};
            }
            ebrLba = next;
        }
    }

    // One GPT header and its entry array, checked in the order the UEFI specification gives:
    // signature, header size, header CRC, its own LBA, then the entry array and its CRC.
    // Returns the first problem as a finding (severity decided by the caller), or the header.
    Result<std::variant<GptHeader, PartitionFinding>> loadGptHeader(quint64 lba, PartitionTableArea area)
    {
        const quint32 sector = m_table.sectorSizeBytes;
        const quint64 offset = lbaBytes(lba, sector);
        PartitionFinding problem{Severity::Error, PartitionProblem::GptHeaderMissing, area, offset, sector, 0, 0, 0, 0};
        const auto fail = [&problem](PartitionProblem code, quint64 value = 0, quint64 expected = 0) {
            problem.problem = code;
            problem.value = value;
            problem.expected = expected;
            return std::variant<GptHeader, PartitionFinding>(problem);
        };
        if (lba == 0 || !fitsDisk(offset, sector)) {
            problem.lengthBytes = 0;
            return fail(PartitionProblem::GptHeaderMissing);
        }
        const Result<QByteArray> read = readBytes(offset, sector);
        if (!read)
            return read.error();
        QByteArray bytes = read.value();
        if (std::memcmp(bytes.constData(), GptSignature, sizeof GptSignature) != 0)
            return fail(PartitionProblem::GptHeaderMissing);
        const quint32 headerBytes = qFromLittleEndian<quint32>(bytes.constData() + 12);
        if (headerBytes < GptMinHeaderBytes || headerBytes > sector)
            return fail(PartitionProblem::GptHeaderSize, headerBytes, sector);
        const quint32 storedCrc = qFromLittleEndian<quint32>(bytes.constData() + 16);
        std::memset(bytes.data() + 16, 0, 4);
        const quint32 computedCrc = crc32(QByteArrayView(bytes.constData(), headerBytes));
        if (storedCrc != computedCrc)
            return fail(PartitionProblem::GptHeaderCrc, storedCrc, computedCrc);
        const char *h = bytes.constData();
        GptHeader header;
        header.lba = qFromLittleEndian<quint64>(h + 24);
        if (header.lba != lba)
            return fail(PartitionProblem::GptHeaderLba, header.lba, lba);
        header.alternateLba = qFromLittleEndian<quint64>(h + 32);
        header.firstUsableLba = qFromLittleEndian<quint64>(h + 40);
        header.lastUsableLba = qFromLittleEndian<quint64>(h + 48);
        header.diskGuid = guidText(h + 56);
        header.entriesLba = qFromLittleEndian<quint64>(h + 72);
        header.entryCount = qFromLittleEndian<quint32>(h + 80);
        header.entrySizeBytes = qFromLittleEndian<quint32>(h + 84);
        header.entriesCrc = qFromLittleEndian<quint32>(h + 88);

        // 128 x 2^n bytes (UEFI), and not absurd.
        const quint32 entrySize = header.entrySizeBytes;
        if (entrySize < 128 || entrySize > PartitionTable::MaxEntrySizeBytes || (entrySize & (entrySize - 1)) != 0)
            return fail(PartitionProblem::GptEntrySize, entrySize, PartitionTable::MaxEntrySizeBytes);
        const quint64 arrayBytes = quint64(header.entryCount) * entrySize;
        if (arrayBytes > PartitionTable::MaxEntryArrayBytes)
            return fail(PartitionProblem::GptEntryCount, header.entryCount, PartitionTable::MaxEntryArrayBytes / entrySize);
        if (header.firstUsableLba > header.lastUsableLba)
            return fail(PartitionProblem::GptUsableRange, header.firstUsableLba, header.lastUsableLba);
        if (arrayBytes > 0) {
            // The array lies outside LBA 0, this header and the usable area, inside the disk.
            const quint64 arrayOffset = lbaBytes(header.entriesLba, sector);
            const quint64 arraySectors = (arrayBytes + sector - 1) / sector;
            const quint64 arrayEndLba = saturatingAdd(header.entriesLba, arraySectors);
            const bool coversHeader = header.entriesLba <= lba && lba < arrayEndLba;
            const bool coversUsable = header.entriesLba <= header.lastUsableLba && header.firstUsableLba < arrayEndLba;
            if (header.entriesLba == 0 || coversHeader || coversUsable || !fitsDisk(arrayOffset, arrayBytes))
                return fail(PartitionProblem::GptEntryArrayPlacement, header.entriesLba, arrayBytes);
            const Result<QByteArray> entries = readBytes(arrayOffset, arrayBytes);
            if (!entries)
                return entries.error();
            header.entries = entries.value();
        }
        const quint32 computedEntriesCrc = crc32(header.entries);
        if (header.entriesCrc != computedEntriesCrc) {
            problem.offsetBytes = lbaBytes(header.entriesLba, sector);
            problem.lengthBytes = arrayBytes;
            return fail(PartitionProblem::GptEntryArrayCrc, header.entriesCrc, computedEntriesCrc);
        }
        return std::variant<GptHeader, PartitionFinding>(header);
    }

    Result<void> parseGpt()
    {
        const quint32 sector = m_table.sectorSizeBytes;
        const quint64 diskSectors = m_diskSizeBytes / sector;
        if (diskSectors < 3) {
            add(Severity::Error, PartitionProblem::GptHeaderMissing, PartitionTableArea::GptPrimary, sector, 0);
            return {};
        }
        const quint64 lastLba = diskSectors - 1;

        const auto primaryRead = loadGptHeader(1, PartitionTableArea::GptPrimary);
        if (!primaryRead)
            return primaryRead.error();
        const GptHeader *primary = std::get_if<GptHeader>(&primaryRead.value());

        // The backup lives where the primary says, which is the disk's last LBA unless the
        // disk grew since; without a good primary, at the last LBA.
        quint64 backupLba = lastLba;
        if (primary && primary->alternateLba != lastLba) {
            add(Severity::Warning, PartitionProblem::GptBackupNotAtEnd, PartitionTableArea::GptBackup, lbaBytes(primary->alternateLba, sector), 0,
                0, 0, primary->alternateLba, lastLba);
            if (primary->alternateLba > 1 && primary->alternateLba < lastLba)
                backupLba = primary->alternateLba;
        }
        const auto backupRead = loadGptHeader(backupLba, PartitionTableArea::GptBackup);
        if (!backupRead)
            return backupRead.error();
        const GptHeader *backup = std::get_if<GptHeader>(&backupRead.value());

        const GptHeader *used = primary;
        if (primary && backup) {
            // Both good: they must describe one table (the backup's array sits elsewhere).
            if (backup->alternateLba != primary->lba || backup->diskGuid != primary->diskGuid || backup->firstUsableLba != primary->firstUsableLba
                || backup->lastUsableLba != primary->lastUsableLba || backup->entryCount != primary->entryCount
                || backup->entrySizeBytes != primary->entrySizeBytes || backup->entriesCrc != primary->entriesCrc)
                add(Severity::Warning, PartitionProblem::GptBackupDiffers, PartitionTableArea::GptBackup, lbaBytes(backupLba, sector), sector);
        } else if (primary) {
            PartitionFinding finding = std::get<PartitionFinding>(backupRead.value());
            finding.severity = Severity::Warning; // the primary is still good
            m_table.findings.append(finding);
        } else if (backup) {
            PartitionFinding finding = std::get<PartitionFinding>(primaryRead.value());
            finding.severity = Severity::Warning;
            m_table.findings.append(finding);
            add(Severity::Warning, PartitionProblem::GptUsingBackup, PartitionTableArea::GptBackup, lbaBytes(backupLba, sector), sector, 0, 0, backupLba);
            m_table.usesBackupGpt = true;
            used = backup;
        } else {
            m_table.findings.append(std::get<PartitionFinding>(primaryRead.value()));
            m_table.findings.append(std::get<PartitionFinding>(backupRead.value()));
            return {};
        }

        m_table.diskId = used->diskGuid;
        m_table.firstUsableLba = used->firstUsableLba;
        m_table.lastUsableLba = used->lastUsableLba;
        if (used->lastUsableLba > lastLba)
            add(Severity::Warning, PartitionProblem::GptUsableAreaPastEnd, used == primary ? PartitionTableArea::GptPrimary : PartitionTableArea::GptBackup,
                lbaBytes(used->lba, sector), sector, 0, 0, used->lastUsableLba, lastLba);
        parseGptEntries(*used);
        return {};
    }

    void parseGptEntries(const GptHeader &header)
    {
        const quint32 sector = m_table.sectorSizeBytes;
        const quint64 arrayOffset = lbaBytes(header.entriesLba, sector);
        for (quint32 i = 0; i < header.entryCount; ++i) {
            const char *entry = header.entries.constData() + quint64(i) * header.entrySizeBytes;
            if (isZero(entry, 16))
                continue; // type GUID 0: an unused entry
            Partition partition;
            partition.number = int(i) + 1;
            partition.kind = PartitionKind::Gpt;
            partition.type = guidText(entry);
            if (const char *name = PartitionTypes::gptTypeName(partition.type))
                partition.typeName = QString::fromLatin1(name);
            partition.uuid = guidText(entry + 16);
            const quint64 firstLba = qFromLittleEndian<quint64>(entry + 32);
            const quint64 lastLba = qFromLittleEndian<quint64>(entry + 40);
            partition.attributes = qFromLittleEndian<quint64>(entry + 48);
            partition.bootable = partition.attributes & 0x4; // legacy BIOS bootable
            for (int unit = 0; unit < GptNameUnits; ++unit) {
                const char16_t c = qFromLittleEndian<quint16>(entry + GptEntryNameOffset + 2 * unit);
                if (c == 0)
                    break;
                partition.name.append(QChar(c));
            }
            partition.entryOffsetBytes = arrayOffset + quint64(i) * header.entrySizeBytes;
            partition.entryLengthBytes = header.entrySizeBytes;
            if (lastLba < firstLba) {
                addForPartition(PartitionProblem::GptEntryEndsBeforeStart, partition, 0, lastLba, firstLba);
                continue;
            }
            if (lastLba >= m_diskSizeBytes / sector) { // also keeps the byte arithmetic below 2^64
                addForPartition(PartitionProblem::PartitionPastDiskEnd, partition, 0, lbaBytes(saturatingAdd(lastLba, 1), sector), diskEndBytes());
                continue;
            }
            partition.startBytes = lbaBytes(firstLba, sector);
            partition.lengthBytes = lbaBytes(lastLba - firstLba + 1, sector);
            if (firstLba < header.firstUsableLba || lastLba > header.lastUsableLba)
                addForPartition(PartitionProblem::GptEntryOutsideUsable, partition, 0, header.firstUsableLba, header.lastUsableLba);
            m_table.partitions.append(partition);
        }
    }

    // Checks every scheme shares: inside the disk, no two partitions on one level overlap,
    // none covers the MBR or an EBR. Then refuses the table if anything is an error.
    void finish()
    {
        const quint64 diskEnd = diskEndBytes();
        std::vector<const Partition *> outer; // GPT entries, MBR primaries with the extended one
        std::vector<const Partition *> logical;
        for (const Partition &partition : std::as_const(m_table.partitions)) {
            const quint64 end = saturatingAdd(partition.startBytes, partition.lengthBytes);
            if (end > diskEnd)
                addForPartition(PartitionProblem::PartitionPastDiskEnd, partition, 0, end, diskEnd);
            (partition.kind == PartitionKind::Logical ? logical : outer).push_back(&partition);
            // MBR and EBR sectors are table, not partition (GPT's usable range keeps its own out).
            for (const PartitionTable::Region &region : std::as_const(m_tableRegions)) {
                if (partition.kind == PartitionKind::Extended && region.offsetBytes != 0)
                    continue; // the extended partition holds the EBRs
                if (partition.startBytes < region.offsetBytes + region.lengthBytes && region.offsetBytes < end) {
                    PartitionFinding finding{Severity::Error, PartitionProblem::PartitionOverlapsTable, PartitionTableArea::Entry,
                                             region.offsetBytes, region.lengthBytes, partition.number, 0, 0, 0};
                    m_table.findings.append(finding);
                    break;
                }
            }
        }
        checkOverlaps(outer);
        checkOverlaps(logical);

        if (m_table.isRefused())
            m_table.partitions.clear();
        std::stable_sort(m_table.partitions.begin(), m_table.partitions.end(), [](const Partition &a, const Partition &b) {
            return a.number < b.number;
        });
    }

    // Sorted by start, a partition overlaps an earlier one iff it starts before the furthest
    // end so far: O(n log n) for GPT's thousands of entries.
    void checkOverlaps(std::vector<const Partition *> partitions)
    {
        std::sort(partitions.begin(), partitions.end(), [](const Partition *a, const Partition *b) {
            return a->startBytes < b->startBytes || (a->startBytes == b->startBytes && a->number < b->number);
        });
        const Partition *furthest = nullptr;
        for (const Partition *partition : partitions) {
            if (partition->lengthBytes == 0)
                continue;
            if (furthest && partition->startBytes < furthest->endBytes())
                addForPartition(PartitionProblem::PartitionsOverlap, *partition, furthest->number);
            if (!furthest || partition->endBytes() > furthest->endBytes())
                furthest = partition;
        }
    }

    quint64 m_diskSizeBytes;
    const PartitionTable::ReadFunction &m_read;
    PartitionTable m_table;
    QList<PartitionTable::Region> m_tableRegions; ///< MBR and EBR sectors
};

} // namespace

bool PartitionTable::isRefused() const
{
    return std::any_of(findings.cbegin(), findings.cend(), [](const PartitionFinding &finding) {
        return finding.severity == Severity::Error;
    });
}

bool PartitionTable::touchesTable(quint64 offsetBytes, quint64 lengthBytes) const
{
    return std::any_of(readRegions.cbegin(), readRegions.cend(), [=](const Region &region) {
        return offsetBytes < region.offsetBytes + region.lengthBytes && region.offsetBytes < offsetBytes + lengthBytes;
    });
}

Result<PartitionTable> PartitionTable::read(quint64 diskSizeBytes, const ReadFunction &read)
{
    return Parser(diskSizeBytes, read).run();
}

Result<PartitionTable> PartitionTable::read(const Image &image)
{
    return read(image.virtualSizeBytes(), [&image](quint64 offsetBytes, char *buffer, quint64 lengthBytes) {
        return image.read(offsetBytes, buffer, lengthBytes);
    });
}

PartitionTable PartitionTable::parse(QByteArrayView disk)
{
    Result<PartitionTable> table = read(quint64(disk.size()), [disk](quint64 offsetBytes, char *buffer, quint64 lengthBytes) -> Result<void> {
        std::memcpy(buffer, disk.data() + offsetBytes, lengthBytes);
        return {};
    });
    Q_ASSERT(table.ok()); // memory never fails to read
    return std::move(table).value();
}

QString partitionSchemeName(PartitionTable::Scheme scheme)
{
    switch (scheme) {
    case PartitionTable::Scheme::None:
        return u"none"_s;
    case PartitionTable::Scheme::Mbr:
        return u"mbr"_s;
    case PartitionTable::Scheme::Gpt:
        return u"gpt"_s;
    }
    return u"none"_s;
}

Result<quint64> countAllocatedClusters(const Image &image, const Partition &partition)
{
    const ClusterRange clusters = partition.clusters().intersected({0, image.clusterCount()});
    if (image.isAllAllocated())
        return clusters.count; // R14
    return image.countAllocated(clusters);
}

} // namespace AddCow
