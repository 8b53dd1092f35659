// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
// MBR tables: disks made by sfdisk and compared with `sfdisk --json`, then damaged byte by byte.
#include "partitiontestutil.h"

#include "partitiontable.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace AddCow;
using namespace PartitionTest;
using namespace Qt::StringLiterals;

class MbrTableTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void emptyDisks_data();
    void emptyDisks();
    void primaryExtendedAndLogical();
    void bootSectorIsNoTable();
    void hostileTables_data();
    void hostileTables();
    void ebrChainLoops_data();
    void ebrChainLoops();
    void ebrChainTooLong();
    void readsAreBounded();

private:
    QTemporaryDir m_dir;
    QString m_mbrPath;
    QByteArray m_mbr; ///< 16 MiB: 1, 2 (bootable), 3 extended (5, 6, 7 inside), 4
};

void MbrTableTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_mbrPath = m_dir.filePath(u"mbr.img"_s);
    QVERIFY(makeDisk(m_mbrPath, 16 * 1024 * 1024,
                     "label: dos\nlabel-id: 0x5eed1234\n"
                     ",2M,83\n,1M,82,*\n,9M,5\n,2M,c\n"
                     ",2M,83\n,3M,7\n,,8e\n"));
    m_mbr = readFile(m_mbrPath);
    QCOMPARE(m_mbr.size(), 16 * 1024 * 1024);
}

void MbrTableTest::emptyDisks_data()
{
    QTest::addColumn<QByteArray>("disk");
    QTest::newRow("0-byte disk") << QByteArray();
    QTest::newRow("1-byte disk") << QByteArray(1, '\x55');
    QTest::newRow("511 bytes, too small for an MBR") << QByteArray(511, '\0');
    QTest::newRow("1 MiB of zeros") << QByteArray(1024 * 1024, '\0');
    QByteArray noSignature = m_mbr.first(1024 * 1024);
    noSignature[510] = 0;
    QTest::newRow("MBR slots without 55 AA") << noSignature;
}

void MbrTableTest::emptyDisks()
{
    QFETCH(QByteArray, disk);
    const PartitionTable table = PartitionTable::parse(disk);
    QCOMPARE(table.scheme, PartitionTable::Scheme::None);
    QVERIFY(table.partitions.isEmpty());
    QVERIFY2(table.findings.isEmpty(), qPrintable(findingsText(table)));
}

void MbrTableTest::primaryExtendedAndLogical()
{
    const PartitionTable table = PartitionTable::parse(m_mbr);
    QVERIFY2(table.findings.isEmpty(), qPrintable(findingsText(table)));
    QString why;
    QVERIFY2(sameAsSfdisk(table, sfdiskJson(m_mbrPath), &why), qPrintable(why));

    QCOMPARE(table.partitions.size(), 7);
    QCOMPARE(table.diskId, u"0x5eed1234"_s);
    const Partition &swap = table.partitions.at(1);
    QCOMPARE(swap.number, 2);
    QCOMPARE(swap.type, u"0x82"_s);
    QCOMPARE(swap.typeName, u"Linux swap / Solaris"_s);
    QVERIFY(swap.bootable);
    QCOMPARE(swap.entryOffsetBytes, quint64(446 + 16));
    const Partition &extended = table.partitions.at(2);
    QCOMPARE(extended.kind, PartitionKind::Extended);
    QVERIFY(!extended.holdsData());
    QCOMPARE(table.partitions.at(3).kind, PartitionKind::Primary);
    QCOMPARE(table.partitions.at(3).type, u"0x0c"_s);
    for (int i = 4; i < 7; ++i) {
        const Partition &logical = table.partitions.at(i);
        QCOMPARE(logical.number, i + 1);
        QCOMPARE(logical.kind, PartitionKind::Logical);
        QVERIFY(logical.name.isEmpty()); // MBR partitions have no names
        QVERIFY(logical.startBytes >= extended.startBytes && logical.endBytes() <= extended.endBytes());
        // Its entry is slot 0 of the EBR just before it.
        QVERIFY(logical.entryOffsetBytes < logical.startBytes);
        QCOMPARE(logical.entryOffsetBytes % 512, quint64(446));
    }
    QCOMPARE(table.partitions.at(6).typeName, u"Linux LVM"_s);
    // The MBR and the three EBRs were read, nothing else.
    QCOMPARE(table.readRegions.size(), 4);
    QVERIFY(table.touchesTable(446, 16));
    QVERIFY(table.touchesTable(table.partitions.at(5).entryOffsetBytes, 1));
    QVERIFY(!table.touchesTable(table.partitions.at(0).startBytes, 4096));
}

void MbrTableTest::bootSectorIsNoTable()
{
    // A FAT boot sector ends in 55 AA too, with boot code where the slots would be.
    QByteArray disk(1024 * 1024, '\0');
    disk[0] = char(0xeb);
    disk[1] = char(0x3c);
    disk[2] = char(0x90);
    setMbrSlot(disk, 0, 1, 0x29, 0x83, 2048, 100);
    const PartitionTable table = PartitionTable::parse(disk);
    QCOMPARE(table.scheme, PartitionTable::Scheme::None);
    QVERIFY(table.partitions.isEmpty());
    QVERIFY(hasProblem(table, PartitionProblem::NotPartitionTable, Severity::Warning));
    QVERIFY(!table.isRefused());
    QCOMPARE(table.findings.first().partition, 2);
    QCOMPARE(table.findings.first().value, quint64(0x29));
}

void MbrTableTest::hostileTables_data()
{
    QTest::addColumn<QByteArray>("disk");
    QTest::addColumn<PartitionProblem>("problem");

    const quint64 sectors = quint64(m_mbr.size()) / 512;
    QByteArray disk = m_mbr.first(4 * 1024 * 1024); // the table says 16 MiB
    QTest::newRow("partitions past the disk's end (truncated disk)") << disk << PartitionProblem::PartitionPastDiskEnd;

    disk = m_mbr;
    setMbrSlot(disk, 0, 3, 0, 0x83, 4096, 4096); // inside slot 1 (sectors 2048-6143)
    QTest::newRow("overlapping primaries") << disk << PartitionProblem::PartitionsOverlap;

    disk = m_mbr;
    setMbrSlot(disk, 0, 3, 0, 0x83, quint32(sectors - 100), 200);
    QTest::newRow("primary past the end") << disk << PartitionProblem::PartitionPastDiskEnd;

    disk = m_mbr;
    setMbrSlot(disk, 0, 3, 0, 0x83, 0xffffff00u, 0xffffffffu);
    QTest::newRow("absurd start and size") << disk << PartitionProblem::PartitionPastDiskEnd;

    disk = m_mbr;
    setMbrSlot(disk, 0, 0, 0, 0x83, 0, 2048);
    QTest::newRow("partition covering the MBR") << disk << PartitionProblem::PartitionOverlapsTable;

    disk = m_mbr;
    setMbrSlot(disk, 0, 3, 0, 0x0f, 28000, 1000);
    QTest::newRow("two extended partitions") << disk << PartitionProblem::SeveralExtended;

    // The first EBR sits at the extended partition's start; its slot 0 is the first logical.
    const Partition extended = PartitionTable::parse(m_mbr).partitions.at(2);
    const quint64 ebr = extended.startBytes;
    disk = m_mbr;
    disk[qsizetype(ebr + 511)] = 0;
    QTest::newRow("EBR without 55 AA") << disk << PartitionProblem::EbrSignatureMissing;

    disk = m_mbr;
    setMbrSlot(disk, ebr, 0, 0, 0x83, 2048, 200000); // reaches past the extended partition
    QTest::newRow("logical partition outside the extended one") << disk << PartitionProblem::LogicalOutsideExtended;

    disk = m_mbr;
    setMbrSlot(disk, ebr, 1, 0, 0x05, 900000, 2048);
    QTest::newRow("EBR link outside the extended partition") << disk << PartitionProblem::EbrLinkOutsideExtended;

    disk = m_mbr;
    const quint64 secondEbr = PartitionTable::parse(m_mbr).partitions.at(5).entryOffsetBytes - 446;
    setMbrSlot(disk, ebr, 0, 0, 0x83, 2048, quint32((secondEbr + 512 - ebr) / 512)); // covers the next EBR
    QTest::newRow("logical partition covering the next EBR") << disk << PartitionProblem::PartitionOverlapsTable;
}

void MbrTableTest::hostileTables()
{
    QFETCH(QByteArray, disk);
    QFETCH(PartitionProblem, problem);
    const PartitionTable table = PartitionTable::parse(disk);
    QCOMPARE(table.scheme, PartitionTable::Scheme::Mbr);
    QVERIFY2(hasProblem(table, problem, Severity::Error), qPrintable(findingsText(table)));
    QVERIFY(table.isRefused());
    QVERIFY(table.partitions.isEmpty()); // refused: nothing is shown as if it were right
    for (const PartitionFinding &finding : table.findings)
        QVERIFY(!finding.message().isEmpty());
}

void MbrTableTest::ebrChainLoops_data()
{
    QTest::addColumn<int>("linkingLogical"); // index in partitions of the logical whose EBR gets the bad link
    QTest::addColumn<quint32>("relativeTarget"); // where it links, relative to the extended partition
    QTest::newRow("EBR links to itself") << 4 << 0u;
    QTest::newRow("last EBR links back to the first") << 6 << 0u;
    QTest::newRow("last EBR links back to the second") << 6 << 1u;
}

void MbrTableTest::ebrChainLoops()
{
    QFETCH(int, linkingLogical);
    QFETCH(quint32, relativeTarget);
    const PartitionTable good = PartitionTable::parse(m_mbr);
    const Partition extended = good.partitions.at(2);
    const quint64 ebr = good.partitions.at(linkingLogical).entryOffsetBytes - 446;
    quint32 target = 0; // relative LBA of the first EBR
    if (relativeTarget == 1)
        target = quint32((good.partitions.at(5).entryOffsetBytes - 446 - extended.startBytes) / 512);
    QByteArray disk = m_mbr;
    setMbrSlot(disk, ebr, 1, 0, 0x05, target, 2048);
    const PartitionTable table = PartitionTable::parse(disk);
    QVERIFY2(hasProblem(table, PartitionProblem::EbrChainLoop, Severity::Error), qPrintable(findingsText(table)));
    QVERIFY(table.partitions.isEmpty());
    QVERIFY(table.readRegions.size() <= 5);
}

void MbrTableTest::ebrChainTooLong()
{
    // 300 EBRs, each holding a one-sector logical partition and linking to the next: longer
    // than MaxEbrCount. The walk stops there with an error, having read a bounded number.
    const int ebrs = 300;
    QByteArray disk(2 * 1024 * 1024, '\0');
    setMbrSlot(disk, 0, 0, 0, 0x05, 2048, quint32(2 * ebrs));
    for (int i = 0; i < ebrs; ++i) {
        const quint64 ebr = (2048 + 2 * quint64(i)) * 512;
        setMbrSlot(disk, ebr, 0, 0, 0x83, 1, 1);
        if (i + 1 < ebrs)
            setMbrSlot(disk, ebr, 1, 0, 0x05, quint32(2 * (i + 1)), 2);
    }
    const PartitionTable table = PartitionTable::parse(disk);
    QVERIFY2(hasProblem(table, PartitionProblem::EbrChainTooLong, Severity::Error), qPrintable(findingsText(table)));
    QCOMPARE(table.readRegions.size(), 1 + PartitionTable::MaxEbrCount);

    // One fewer than the limit is a valid, long chain.
    QByteArray shorter(2 * 1024 * 1024, '\0');
    const int allowed = PartitionTable::MaxEbrCount;
    setMbrSlot(shorter, 0, 0, 0, 0x05, 2048, quint32(2 * allowed));
    for (int i = 0; i < allowed; ++i) {
        const quint64 ebr = (2048 + 2 * quint64(i)) * 512;
        setMbrSlot(shorter, ebr, 0, 0, 0x83, 1, 1);
        if (i + 1 < allowed)
            setMbrSlot(shorter, ebr, 1, 0, 0x05, quint32(2 * (i + 1)), 2);
    }
    const PartitionTable longChain = PartitionTable::parse(shorter);
    QVERIFY2(longChain.findings.isEmpty(), qPrintable(findingsText(longChain)));
    QCOMPARE(longChain.partitions.size(), 1 + allowed);
    QCOMPARE(longChain.partitions.last().number, 4 + allowed);
}

void MbrTableTest::readsAreBounded()
{
    // Random damage to the MBR and the EBRs: never a crash, never an endless walk, and a table
    // that is not refused is sane (inside the disk, no overlaps on one level).
    const PartitionTable good = PartitionTable::parse(m_mbr);
    QList<quint64> sectors{0};
    for (const Partition &p : good.partitions) {
        if (p.kind == PartitionKind::Logical)
            sectors.append(p.entryOffsetBytes - 446);
    }
    QRandomGenerator random(15);
    QByteArray disk = m_mbr;
    for (int round = 0; round < 3000; ++round) {
        // Damage in place and undo afterwards: copying the disk every round would be the whole test.
        QList<std::pair<qsizetype, char>> undo;
        const int flips = 1 + int(random.bounded(6));
        for (int f = 0; f < flips; ++f) {
            const quint64 sector = sectors.at(random.bounded(sectors.size()));
            const qsizetype offset = qsizetype(sector + 446 + random.bounded(66));
            undo.prepend({offset, disk.at(offset)});
            disk[offset] = char(random.generate());
        }
        const PartitionTable table = PartitionTable::parse(disk);
        for (const auto &[offset, byte] : std::as_const(undo))
            disk[offset] = byte;
        quint64 readBytes = 0;
        for (const PartitionTable::Region &region : table.readRegions)
            readBytes += region.lengthBytes;
        QVERIFY(readBytes <= 8192 + 512 * quint64(PartitionTable::MaxEbrCount));
        if (table.isRefused()) {
            QVERIFY(table.partitions.isEmpty());
            continue;
        }
        for (const Partition &p : table.partitions) {
            QVERIFY(p.endBytes() <= quint64(disk.size()));
            QVERIFY(p.lengthBytes > 0);
        }
    }
}

QTEST_GUILESS_MAIN(MbrTableTest)
#include "mbrtabletest.moc"
