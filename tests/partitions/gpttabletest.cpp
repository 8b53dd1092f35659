// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
// GPT tables: disks made by sfdisk (fdisk for 4096-byte sectors), compared with what util-linux
// reads, then damaged: backup missing or damaged, primary damaged, absurd headers, bad entries.
#include "partitiontestutil.h"

#include "crc32.h"
#include "partitiontable.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <cstring>

using namespace AddCow;
using namespace PartitionTest;
using namespace Qt::StringLiterals;

class GptTableTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void crc32KnownValues();
    void gptWith128Entries();
    void protectiveMbr();
    void hybridMbr();
    void withoutProtectiveMbr();
    void backupMissingOrDamaged_data();
    void backupMissingOrDamaged();
    void primaryDamagedUsesBackup_data();
    void primaryDamagedUsesBackup();
    void bothDamagedIsRefused();
    void diskGrew();
    void diskShrank();
    void hostileEntries_data();
    void hostileEntries();
    void absurdHeaders_data();
    void absurdHeaders();
    void largeSectors();
    void randomDamage();

private:
    QByteArray damagedBoth(void (*damage)(QByteArray &disk, quint64 headerOffset)) const;

    QTemporaryDir m_dir;
    QString m_gptPath;
    QByteArray m_gpt; ///< 16 MiB, 5 partitions, 128 entries
    PartitionTable m_good;
};

void GptTableTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_gptPath = m_dir.filePath(u"gpt.img"_s);
    // Entries 1, 2, 3, 5 and 128 used: a gap in the numbering and the array's last entry.
    QVERIFY(makeDisk(m_gptPath, 16 * 1024 * 1024,
                     "label: gpt\nlabel-id: 6A2C5F4E-1B3D-4C8A-9E7F-0123456789AB\n"
                     "1 : size=2M, type=U, name=\"EFI system\"\n"
                     "2 : size=4M, type=L, name=\"root fs\", attrs=\"LegacyBIOSBootable\"\n"
                     "3 : size=1M, type=S\n"
                     "5 : size=2M, type=933AC7E1-2EB4-4F13-B844-0E14E2AEF915, name=\"Données ü 家\"\n"
                     "128 : type=E6D6D379-F507-44C2-A23C-238F2A3DF928, name=\"last entry\"\n")); // to the end
    m_gpt = readFile(m_gptPath);
    QCOMPARE(m_gpt.size(), 16 * 1024 * 1024);
    m_good = PartitionTable::parse(m_gpt);
}

void GptTableTest::crc32KnownValues()
{
    QCOMPARE(crc32({}), 0u);
    QCOMPARE(crc32("123456789"), 0xCBF43926u); // the check value of CRC-32/ISO-HDLC
    QCOMPARE(crc32("The quick brown fox jumps over the lazy dog"), 0x414FA339u);
    // sfdisk's own header: the stored CRC is what crc32 computes over it with the field zeroed.
    QByteArray header = m_gpt.mid(512, 92);
    const quint32 stored = qFromLittleEndian<quint32>(header.constData() + 16);
    qToLittleEndian(quint32(0), header.data() + 16);
    QCOMPARE(crc32(header), stored);
}

void GptTableTest::gptWith128Entries()
{
    QVERIFY2(m_good.findings.isEmpty(), qPrintable(findingsText(m_good)));
    QString why;
    QVERIFY2(sameAsSfdisk(m_good, sfdiskJson(m_gptPath), &why), qPrintable(why));
    QCOMPARE(m_good.scheme, PartitionTable::Scheme::Gpt);
    QCOMPARE(m_good.sectorSizeBytes, 512u);
    QCOMPARE(m_good.diskId, u"6A2C5F4E-1B3D-4C8A-9E7F-0123456789AB"_s);
    QVERIFY(!m_good.usesBackupGpt);

    QCOMPARE(m_good.partitions.size(), 5);
    QList<int> numbers;
    for (const Partition &p : m_good.partitions)
        numbers.append(p.number);
    QCOMPARE(numbers, (QList<int>{1, 2, 3, 5, 128}));
    const Partition &efi = m_good.partitions.at(0);
    QCOMPARE(efi.kind, PartitionKind::Gpt);
    QCOMPARE(efi.type, u"C12A7328-F81F-11D2-BA4B-00A0C93EC93B"_s);
    QCOMPARE(efi.typeName, u"EFI System"_s);
    QCOMPARE(efi.name, u"EFI system"_s);
    QCOMPARE(efi.startBytes, quint64(1024 * 1024));
    QCOMPARE(efi.lengthBytes, quint64(2 * 1024 * 1024));
    QCOMPARE(efi.entryOffsetBytes, quint64(1024)); // LBA 2, entry 0
    QCOMPARE(efi.entryLengthBytes, 128u);
    QVERIFY(m_good.partitions.at(1).bootable);
    QCOMPARE(m_good.partitions.at(1).attributes, quint64(0x4));
    QCOMPARE(m_good.partitions.at(2).typeName, u"Linux swap"_s);
    QVERIFY(m_good.partitions.at(2).name.isEmpty());
    QCOMPARE(m_good.partitions.at(3).name, u"Données ü 家"_s); // UTF-16LE, not Latin-1
    QCOMPARE(m_good.partitions.at(3).typeName, u"Linux home"_s);
    QCOMPARE(m_good.partitions.at(4).entryOffsetBytes, quint64(1024 + 127 * 128));

    // Both headers and both 128-entry arrays were read (16 KiB each), nothing of the partitions.
    quint64 arrays = 0;
    for (const PartitionTable::Region &region : m_good.readRegions)
        arrays += region.lengthBytes == 128 * 128 ? 1 : 0;
    QCOMPARE(arrays, quint64(2));
    QVERIFY(m_good.touchesTable(1024 + 4 * 128, 1));                       // entry 5
    QVERIFY(m_good.touchesTable(quint64(m_gpt.size()) - 512, 1));          // backup header
    QVERIFY(!m_good.touchesTable(m_good.partitions.at(1).startBytes, 65536));
}

void GptTableTest::protectiveMbr()
{
    // sfdisk wrote a protective MBR: one slot of type 0xee from LBA 1 over the whole disk.
    QCOMPARE(quint8(m_gpt.at(446 + 4)), quint8(0xee));
    QCOMPARE(qFromLittleEndian<quint32>(m_gpt.constData() + 446 + 8), 1u);
    QCOMPARE(quint8(m_gpt.at(510)), quint8(0x55));
    // ...which leads to the GPT and is not listed as a partition of its own.
    QCOMPARE(m_good.scheme, PartitionTable::Scheme::Gpt);
    for (const Partition &p : m_good.partitions)
        QVERIFY(p.type != u"0xee"_s);
}

void GptTableTest::hybridMbr()
{
    QByteArray disk = m_gpt;
    setMbrSlot(disk, 0, 1, 0x80, 0x0c, 2048, 4096); // the EFI partition once more, as FAT32
    const PartitionTable table = PartitionTable::parse(disk);
    QVERIFY(hasProblem(table, PartitionProblem::GptHybridMbr, Severity::Info));
    QCOMPARE(table.findings.size(), 1);
    QCOMPARE(table.partitions, m_good.partitions);
}

void GptTableTest::withoutProtectiveMbr()
{
    QByteArray disk = m_gpt;
    std::fill(disk.begin(), disk.begin() + 512, '\0');
    const PartitionTable table = PartitionTable::parse(disk);
    QCOMPARE(table.scheme, PartitionTable::Scheme::Gpt);
    QVERIFY(hasProblem(table, PartitionProblem::GptWithoutProtectiveMbr, Severity::Warning));
    QCOMPARE(table.partitions, m_good.partitions);

    // An MBR without a 0xee slot wins over a stale GPT header (as the kernel decides).
    setMbrSlot(disk, 0, 0, 0, 0x83, 2048, 4096);
    const PartitionTable mbr = PartitionTable::parse(disk);
    QCOMPARE(mbr.scheme, PartitionTable::Scheme::Mbr);
    QCOMPARE(mbr.partitions.size(), 1);
}

void GptTableTest::backupMissingOrDamaged_data()
{
    QTest::addColumn<QByteArray>("disk");
    QTest::addColumn<PartitionProblem>("problem");
    const quint64 backup = backupHeaderOffset(m_gpt);

    QByteArray disk = m_gpt;
    std::fill(disk.begin() + qsizetype(backup), disk.begin() + qsizetype(backup + 512), '\0');
    QTest::newRow("backup header overwritten with zeros") << disk << PartitionProblem::GptHeaderMissing;

    disk = m_gpt;
    disk[qsizetype(backup + 40)] = char(disk.at(qsizetype(backup + 40)) ^ 1);
    QTest::newRow("backup header damaged") << disk << PartitionProblem::GptHeaderCrc;

    disk = m_gpt;
    const quint64 backupEntry = gptEntryOffset(disk, backup, 1);
    disk[qsizetype(backupEntry + 60)] = 'X';
    QTest::newRow("backup entries damaged") << disk << PartitionProblem::GptEntryArrayCrc;

    disk = m_gpt;
    disk[qsizetype(gptEntryOffset(disk, backup, 1) + 60)] = 'X';
    fixGptCrcs(disk, backup);
    QTest::newRow("backup differs, with good CRCs") << disk << PartitionProblem::GptBackupDiffers;
}

void GptTableTest::backupMissingOrDamaged()
{
    QFETCH(QByteArray, disk);
    QFETCH(PartitionProblem, problem);
    const PartitionTable table = PartitionTable::parse(disk);
    QVERIFY2(hasProblem(table, problem, Severity::Warning), qPrintable(findingsText(table)));
    QCOMPARE(table.findings.first().area, PartitionTableArea::GptBackup);
    QVERIFY(!table.isRefused());
    QVERIFY(!table.usesBackupGpt);
    QCOMPARE(table.partitions, m_good.partitions); // the primary is still used
}

void GptTableTest::primaryDamagedUsesBackup_data()
{
    QTest::addColumn<QByteArray>("disk");
    QTest::addColumn<PartitionProblem>("problem");

    QByteArray disk = m_gpt;
    std::fill(disk.begin() + 512, disk.begin() + 1024, '\0');
    QTest::newRow("primary header overwritten") << disk << PartitionProblem::GptHeaderMissing;

    disk = m_gpt;
    disk[512 + 48] = char(disk.at(512 + 48) + 1);
    QTest::newRow("primary header damaged") << disk << PartitionProblem::GptHeaderCrc;

    disk = m_gpt;
    disk[1024 + 128 + 60] = 'X';
    QTest::newRow("primary entries damaged") << disk << PartitionProblem::GptEntryArrayCrc;
}

void GptTableTest::primaryDamagedUsesBackup()
{
    QFETCH(QByteArray, disk);
    QFETCH(PartitionProblem, problem);
    const PartitionTable table = PartitionTable::parse(disk);
    QVERIFY2(hasProblem(table, problem, Severity::Warning), qPrintable(findingsText(table)));
    QVERIFY(hasProblem(table, PartitionProblem::GptUsingBackup, Severity::Warning));
    QVERIFY(table.usesBackupGpt);
    QVERIFY(!table.isRefused());
    QCOMPARE(table.partitions.size(), m_good.partitions.size());
    for (qsizetype i = 0; i < table.partitions.size(); ++i) {
        const Partition &p = table.partitions.at(i);
        const Partition &expected = m_good.partitions.at(i);
        QCOMPARE(p.number, expected.number);
        QCOMPARE(p.startBytes, expected.startBytes);
        QCOMPARE(p.lengthBytes, expected.lengthBytes);
        QCOMPARE(p.name, expected.name);
        QVERIFY(p.entryOffsetBytes > quint64(disk.size()) / 2); // from the backup array at the end
    }
}

QByteArray GptTableTest::damagedBoth(void (*damage)(QByteArray &disk, quint64 headerOffset)) const
{
    QByteArray disk = m_gpt;
    damage(disk, 512);
    damage(disk, backupHeaderOffset(disk));
    return disk;
}

void GptTableTest::bothDamagedIsRefused()
{
    const QByteArray disk = damagedBoth([](QByteArray &bytes, quint64 header) {
        bytes[qsizetype(header + 20)] = char(0x77); // reserved bytes, covered by the CRC
    });
    const PartitionTable table = PartitionTable::parse(disk);
    QCOMPARE(table.scheme, PartitionTable::Scheme::Gpt);
    QVERIFY(table.isRefused());
    QVERIFY(table.partitions.isEmpty());
    QCOMPARE(table.findings.size(), 2);
    QCOMPARE(table.findings.at(0).area, PartitionTableArea::GptPrimary);
    QCOMPARE(table.findings.at(1).area, PartitionTableArea::GptBackup);
    QCOMPARE(table.findings.at(0).problem, PartitionProblem::GptHeaderCrc);
}

void GptTableTest::diskGrew()
{
    // qemu-img resize: the backup stays where it was, the disk's last LBA moved on.
    QByteArray disk = m_gpt + QByteArray(1024 * 1024, '\0');
    const PartitionTable table = PartitionTable::parse(disk);
    QVERIFY2(hasProblem(table, PartitionProblem::GptBackupNotAtEnd, Severity::Warning), qPrintable(findingsText(table)));
    QCOMPARE(table.findings.size(), 1); // the backup was found where the primary says
    QCOMPARE(table.partitions, m_good.partitions);
}

void GptTableTest::diskShrank()
{
    // The last partition (entry 128) reaches the last usable LBA: cut 2 MiB and it passes the end.
    const QByteArray disk = m_gpt.first(m_gpt.size() - 2 * 1024 * 1024);
    const PartitionTable table = PartitionTable::parse(disk);
    QVERIFY2(hasProblem(table, PartitionProblem::PartitionPastDiskEnd, Severity::Error), qPrintable(findingsText(table)));
    QVERIFY(hasProblem(table, PartitionProblem::GptUsableAreaPastEnd, Severity::Warning));
    QVERIFY(hasProblem(table, PartitionProblem::GptHeaderMissing, Severity::Warning)); // the backup is gone
    QVERIFY(table.partitions.isEmpty());
}

void GptTableTest::hostileEntries_data()
{
    QTest::addColumn<QByteArray>("disk");
    QTest::addColumn<PartitionProblem>("problem");
    // Entries changed in both arrays with both CRCs fixed: a consistent, nonsense table.
    const auto both = [this](auto change) {
        QByteArray disk = m_gpt;
        for (const quint64 header : {quint64(512), backupHeaderOffset(disk)}) {
            change(disk, header);
            fixGptCrcs(disk, header);
        }
        return disk;
    };
    const auto setLbas = [](QByteArray &disk, quint64 header, int index, quint64 first, quint64 last) {
        const quint64 entry = gptEntryOffset(disk, header, index);
        qToLittleEndian(first, disk.data() + entry + 32);
        qToLittleEndian(last, disk.data() + entry + 40);
    };
    const quint64 start1 = m_good.partitions.at(0).startBytes / 512;
    const quint64 start2 = m_good.partitions.at(1).startBytes / 512;
    QTest::newRow("overlapping entries") << both([&](QByteArray &d, quint64 h) { setLbas(d, h, 1, start1 + 100, start2 + 100); })
                                         << PartitionProblem::PartitionsOverlap;
    QTest::newRow("two entries on the same sectors") << both([&](QByteArray &d, quint64 h) { setLbas(d, h, 1, start1, start1 + 2047); })
                                                     << PartitionProblem::PartitionsOverlap;
    QTest::newRow("entry over the primary header") << both([&](QByteArray &d, quint64 h) { setLbas(d, h, 0, 1, 2047); })
                                                   << PartitionProblem::GptEntryOutsideUsable;
    QTest::newRow("entry past the last usable LBA") << both([&](QByteArray &d, quint64 h) { setLbas(d, h, 127, 32700, 32760); })
                                                    << PartitionProblem::GptEntryOutsideUsable;
    QTest::newRow("entry at an absurd LBA") << both([&](QByteArray &d, quint64 h) { setLbas(d, h, 127, ~quint64(0) - 10, ~quint64(0)); })
                                            << PartitionProblem::PartitionPastDiskEnd;
    QTest::newRow("entry ending before it starts") << both([&](QByteArray &d, quint64 h) { setLbas(d, h, 2, start2 + 9000, start2 + 10); })
                                                   << PartitionProblem::GptEntryEndsBeforeStart;
}

void GptTableTest::hostileEntries()
{
    QFETCH(QByteArray, disk);
    QFETCH(PartitionProblem, problem);
    const PartitionTable table = PartitionTable::parse(disk);
    QVERIFY2(hasProblem(table, problem, Severity::Error), qPrintable(findingsText(table)));
    QVERIFY(table.isRefused());
    QVERIFY(table.partitions.isEmpty());
    QVERIFY(!table.usesBackupGpt);
    const PartitionFinding &finding = *std::find_if(table.findings.cbegin(), table.findings.cend(), [&](const PartitionFinding &f) {
        return f.problem == problem;
    });
    QCOMPARE(finding.area, PartitionTableArea::Entry);
    QVERIFY(finding.partition > 0);
    QCOMPARE(finding.offsetBytes, gptEntryOffset(disk, 512, finding.partition - 1)); // points at the entry
}

void GptTableTest::absurdHeaders_data()
{
    QTest::addColumn<int>("field");
    QTest::addColumn<quint64>("value");
    QTest::addColumn<int>("width");
    QTest::addColumn<PartitionProblem>("problem");
    QTest::newRow("header size 12") << 12 << quint64(12) << 4 << PartitionProblem::GptHeaderSize;
    QTest::newRow("header size past the sector") << 12 << quint64(513) << 4 << PartitionProblem::GptHeaderSize;
    QTest::newRow("its own LBA wrong") << 24 << quint64(7) << 8 << PartitionProblem::GptHeaderLba;
    QTest::newRow("usable range reversed") << 40 << quint64(32750) << 8 << PartitionProblem::GptUsableRange;
    QTest::newRow("entries in LBA 0") << 72 << quint64(0) << 8 << PartitionProblem::GptEntryArrayPlacement;
    QTest::newRow("entries in the usable area") << 72 << quint64(4096) << 8 << PartitionProblem::GptEntryArrayPlacement;
    QTest::newRow("entries past the disk's end") << 72 << quint64(1) << 8 << PartitionProblem::GptEntryArrayPlacement;
    QTest::newRow("a million entries") << 80 << quint64(1000000) << 4 << PartitionProblem::GptEntryCount;
    QTest::newRow("4 billion entries") << 80 << quint64(0xffffffff) << 4 << PartitionProblem::GptEntryCount;
    QTest::newRow("entry size 100") << 84 << quint64(100) << 4 << PartitionProblem::GptEntrySize;
    QTest::newRow("entry size 0") << 84 << quint64(0) << 4 << PartitionProblem::GptEntrySize;
    QTest::newRow("entry size 384 (not a power of two)") << 84 << quint64(384) << 4 << PartitionProblem::GptEntrySize;
    QTest::newRow("entry size 1 MiB") << 84 << quint64(1 << 20) << 4 << PartitionProblem::GptEntrySize;
}

void GptTableTest::absurdHeaders()
{
    QFETCH(int, field);
    QFETCH(quint64, value);
    QFETCH(int, width);
    QFETCH(PartitionProblem, problem);
    const auto change = [&](QByteArray &disk, quint64 header, bool backup) {
        quint64 stored = value;
        if (QByteArrayView(QTest::currentDataTag()) == "entries past the disk's end")
            stored = quint64(disk.size()) / 512 - 2; // the array's 32 sectors cannot fit there
        if (backup && field == 24)
            stored = 9;
        if (width == 4)
            qToLittleEndian(quint32(stored), disk.data() + header + field);
        else
            qToLittleEndian(stored, disk.data() + header + field);
        // A valid CRC, so the check that fails is the one under test.
        const quint32 headerBytes = std::min<quint32>(qFromLittleEndian<quint32>(disk.constData() + header + 12), 512);
        qToLittleEndian(quint32(0), disk.data() + header + 16);
        qToLittleEndian(crc32(QByteArrayView(disk.constData() + header, headerBytes)), disk.data() + header + 16);
    };

    // Only the primary: a warning, and the backup is used.
    QByteArray disk = m_gpt;
    change(disk, 512, false);
    const PartitionTable fallback = PartitionTable::parse(disk);
    QVERIFY2(hasProblem(fallback, problem, Severity::Warning), qPrintable(findingsText(fallback)));
    QVERIFY(fallback.usesBackupGpt);
    QCOMPARE(fallback.partitions.size(), m_good.partitions.size());

    // Both: refused.
    change(disk, backupHeaderOffset(disk), true);
    const PartitionTable refused = PartitionTable::parse(disk);
    QVERIFY2(hasProblem(refused, problem, Severity::Error), qPrintable(findingsText(refused)));
    QVERIFY(refused.isRefused());
    QVERIFY(refused.partitions.isEmpty());
    quint64 readBytes = 0;
    for (const PartitionTable::Region &region : refused.readRegions)
        readBytes += region.lengthBytes;
    QVERIFY(readBytes <= 8192 + 2 * (512 + PartitionTable::MaxEntryArrayBytes));
}

void GptTableTest::largeSectors()
{
    // fdisk -b 4096: LBA 1 is byte 4096; sfdisk (512 only) cannot read it, fdisk -l can.
    const QString path = m_dir.filePath(u"gpt4k.img"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly) && file.resize(64 * 1024 * 1024));
    file.close();
    QVERIFY(runTool(u"fdisk"_s, {u"-b"_s, u"4096"_s, path}, "g\nn\n1\n\n+8M\nn\n2\n\n+20M\nt\n2\n19\nw\n"));
    QByteArray listing;
    QVERIFY(runTool(u"fdisk"_s, {u"-b"_s, u"4096"_s, u"-l"_s, u"-o"_s, u"Device,Start,Sectors,Type-UUID,UUID"_s, path}, {}, &listing));

    const QByteArray disk = readFile(path);
    const PartitionTable table = PartitionTable::parse(disk);
    QVERIFY2(table.findings.isEmpty(), qPrintable(findingsText(table)));
    QCOMPARE(table.scheme, PartitionTable::Scheme::Gpt);
    QCOMPARE(table.sectorSizeBytes, 4096u);
    QCOMPARE(table.partitions.size(), 2);
    // fdisk's lines: "/tmp/.../gpt4k.img1   256  2048 0FC63DAF-... F4D7468A-..."
    int checked = 0;
    for (const QByteArray &line : listing.split('\n')) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() != 5 || !fields.at(0).startsWith(QFile::encodeName(path)))
            continue;
        const int number = nodeNumber(QString::fromUtf8(fields.at(0)));
        const Partition &p = table.partitions.at(number - 1);
        QCOMPARE(p.startBytes, fields.at(1).toULongLong() * 4096);
        QCOMPARE(p.lengthBytes, fields.at(2).toULongLong() * 4096);
        QCOMPARE(p.type, QString::fromLatin1(fields.at(3)));
        QCOMPARE(p.uuid, QString::fromLatin1(fields.at(4)));
        ++checked;
    }
    QCOMPARE(checked, 2);
    QCOMPARE(table.partitions.at(1).typeName, u"Linux swap"_s);
}

void GptTableTest::randomDamage()
{
    // Random bytes in the headers and arrays (CRCs fixed half of the time, so the checks behind
    // them are reached): never a crash, reads bounded, and an accepted table is sane.
    QRandomGenerator random(15);
    const quint64 backup = backupHeaderOffset(m_gpt);
    QByteArray disk = m_gpt;
    // Damage in place and put the table sectors back afterwards: copying the disk every round would be the whole test.
    const quint64 backupArray = gptEntryOffset(m_gpt, backup, 0);
    const QList<std::pair<quint64, quint64>> tableBytes = {{512, 512 + 128 * 128}, {backupArray, 128 * 128 + 512}};
    for (int round = 0; round < 2000; ++round) {
        for (const auto &[offset, length] : tableBytes)
            std::memcpy(disk.data() + offset, m_gpt.constData() + offset, length);
        const int flips = 1 + int(random.bounded(8));
        for (int f = 0; f < flips; ++f) {
            const bool inBackup = random.bounded(3) == 0;
            const quint64 header = inBackup ? backup : 512;
            const quint64 offset = random.bounded(2) ? header + random.bounded(92) : gptEntryOffset(m_gpt, header, int(random.bounded(6))) + random.bounded(128);
            disk[qsizetype(offset)] = char(random.generate());
        }
        if (random.bounded(2)) {
            for (const quint64 header : {quint64(512), backup}) {
                if (qFromLittleEndian<quint64>(disk.constData() + header + 72) < quint64(disk.size()) / 512)
                    fixGptCrcs(disk, header);
            }
        }
        const PartitionTable table = PartitionTable::parse(disk);
        quint64 readBytes = 0;
        for (const PartitionTable::Region &region : table.readRegions)
            readBytes += region.lengthBytes;
        QVERIFY(readBytes <= 8192 + 2 * (512 + PartitionTable::MaxEntryArrayBytes));
        if (table.isRefused()) {
            QVERIFY(table.partitions.isEmpty());
            continue;
        }
        quint64 previousEnd = 0;
        QList<Partition> sorted = table.partitions;
        std::sort(sorted.begin(), sorted.end(), [](const Partition &a, const Partition &b) { return a.startBytes < b.startBytes; });
        for (const Partition &p : sorted) {
            QVERIFY(p.startBytes >= previousEnd);
            QVERIFY(p.endBytes() <= quint64(disk.size()));
            QVERIFY(p.startBytes >= table.firstUsableLba * 512 && p.endBytes() <= (table.lastUsableLba + 1) * 512);
            previousEnd = p.endBytes();
        }
    }
}

QTEST_GUILESS_MAIN(GptTableTest)
#include "gpttabletest.moc"
