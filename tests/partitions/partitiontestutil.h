// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "crc32.h"
#include "partitiontable.h"

#include <QByteArray>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QStringList>
#include <QTest>
#include <QtEndian>

#include <algorithm>

/**
 * Disks with real partition tables for the partition tests: made by util-linux's sfdisk (and
 * fdisk for 4096-byte sectors), read back with `sfdisk --json` as the peer, and byte-level
 * helpers to damage them the way the tests need.
 */
namespace PartitionTest
{

using namespace Qt::StringLiterals;

/** sfdisk and fdisk live in /usr/sbin, which a normal user's PATH may lack. */
inline QString tool(const QString &name)
{
    QString path = QStandardPaths::findExecutable(name);
    if (path.isEmpty())
        path = QStandardPaths::findExecutable(name, {u"/usr/sbin"_s, u"/sbin"_s});
    return path;
}

inline bool runTool(const QString &name, const QStringList &arguments, const QByteArray &input, QByteArray *output = nullptr)
{
    const QString program = tool(name);
    if (program.isEmpty()) {
        qWarning("%s is not installed (Debian package fdisk)", qPrintable(name));
        return false;
    }
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForStarted())
        return false;
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        qWarning("%s %s failed: %s", qPrintable(name), qPrintable(arguments.join(u' ')), process.readAllStandardError().constData());
        return false;
    }
    if (output)
        *output = process.readAllStandardOutput();
    return true;
}

/** A sparse file of sizeBytes partitioned by an sfdisk script. */
inline bool makeDisk(const QString &path, quint64 sizeBytes, const QByteArray &script)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || !file.resize(qint64(sizeBytes)))
        return false;
    file.close();
    return runTool(u"sfdisk"_s, {u"--quiet"_s, u"--no-reread"_s, u"--no-tell-kernel"_s, path}, script);
}

/** What `sfdisk --json` says about a disk: the "partitiontable" object (empty when it fails). */
inline QJsonObject sfdiskJson(const QString &path)
{
    QByteArray output;
    if (!runTool(u"sfdisk"_s, {u"--json"_s, path}, {}, &output))
        return {};
    return QJsonDocument::fromJson(output).object().value(u"partitiontable"_s).toObject();
}

inline QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

inline bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

/** The number sfdisk gives a partition: the digits at the end of its node ("disk.img5" -> 5). */
inline int nodeNumber(const QString &node)
{
    qsizetype digits = node.size();
    while (digits > 0 && node.at(digits - 1).isDigit())
        --digits;
    return node.mid(digits).toInt();
}

/**
 * Compares a table with sfdisk's JSON of the same disk: label, id, sector size, and per
 * partition number, start, size, type, uuid and name. QVERIFY-style: call with QVERIFY.
 */
inline bool sameAsSfdisk(const AddCow::PartitionTable &table, const QJsonObject &sfdisk, QString *why)
{
    const auto fail = [why](const QString &text) {
        *why = text;
        return false;
    };
    const QString label = sfdisk.value(u"label"_s).toString();
    const QString expectedScheme = label == u"dos" ? u"mbr"_s : label;
    if (AddCow::partitionSchemeName(table.scheme) != expectedScheme)
        return fail(u"scheme %1, sfdisk %2"_s.arg(AddCow::partitionSchemeName(table.scheme), label));
    if (table.diskId.compare(sfdisk.value(u"id"_s).toString(), Qt::CaseInsensitive) != 0)
        return fail(u"disk id %1, sfdisk %2"_s.arg(table.diskId, sfdisk.value(u"id"_s).toString()));
    const quint64 sector = quint64(sfdisk.value(u"sectorsize"_s).toInteger(512));
    if (table.sectorSizeBytes != sector)
        return fail(u"sector size %1, sfdisk %2"_s.arg(table.sectorSizeBytes).arg(sector));
    if (label == u"gpt") {
        if (table.firstUsableLba != quint64(sfdisk.value(u"firstlba"_s).toInteger()) || table.lastUsableLba != quint64(sfdisk.value(u"lastlba"_s).toInteger()))
            return fail(u"usable LBAs %1-%2, sfdisk %3-%4"_s.arg(table.firstUsableLba).arg(table.lastUsableLba)
                            .arg(sfdisk.value(u"firstlba"_s).toInteger()).arg(sfdisk.value(u"lastlba"_s).toInteger()));
    }
    const QJsonArray partitions = sfdisk.value(u"partitions"_s).toArray();
    if (partitions.size() != table.partitions.size())
        return fail(u"%1 partitions, sfdisk %2"_s.arg(table.partitions.size()).arg(partitions.size()));
    for (const QJsonValue &value : partitions) {
        const QJsonObject expected = value.toObject();
        const int number = nodeNumber(expected.value(u"node"_s).toString());
        const auto found = std::find_if(table.partitions.cbegin(), table.partitions.cend(), [number](const AddCow::Partition &p) {
            return p.number == number;
        });
        if (found == table.partitions.cend())
            return fail(u"no partition %1"_s.arg(number));
        const AddCow::Partition &p = *found;
        const quint64 start = quint64(expected.value(u"start"_s).toInteger()) * sector;
        const quint64 length = quint64(expected.value(u"size"_s).toInteger()) * sector;
        if (p.startBytes != start || p.lengthBytes != length)
            return fail(u"partition %1 at %2+%3, sfdisk %4+%5"_s.arg(number).arg(p.startBytes).arg(p.lengthBytes).arg(start).arg(length));
        QString type = expected.value(u"type"_s).toString();
        if (label == u"dos")
            type = u"0x%1"_s.arg(type.toUInt(nullptr, 16), 2, 16, QLatin1Char('0'));
        if (p.type.compare(type, Qt::CaseInsensitive) != 0)
            return fail(u"partition %1 type %2, sfdisk %3"_s.arg(number).arg(p.type, type));
        if (p.uuid.compare(expected.value(u"uuid"_s).toString(), Qt::CaseInsensitive) != 0)
            return fail(u"partition %1 uuid %2, sfdisk %3"_s.arg(number).arg(p.uuid, expected.value(u"uuid"_s).toString()));
        if (p.name != expected.value(u"name"_s).toString())
            return fail(u"partition %1 name '%2', sfdisk '%3'"_s.arg(number).arg(p.name, expected.value(u"name"_s).toString()));
        if (p.bootable != expected.value(u"bootable"_s).toBool() && label == u"dos")
            return fail(u"partition %1 bootable %2"_s.arg(number).arg(p.bootable));
    }
    return true;
}

inline bool hasProblem(const AddCow::PartitionTable &table, AddCow::PartitionProblem problem, AddCow::Severity severity)
{
    return std::any_of(table.findings.cbegin(), table.findings.cend(), [=](const AddCow::PartitionFinding &f) {
        return f.problem == problem && f.severity == severity;
    });
}

inline QString findingsText(const AddCow::PartitionTable &table)
{
    QStringList lines;
    for (const AddCow::PartitionFinding &finding : table.findings)
        lines.append(AddCow::severityName(finding.severity) + u": "_s + finding.toString());
    return lines.join(u'\n');
}

// MBR bytes: slot n (0-3) at 446 + 16n.
inline void setMbrSlot(QByteArray &disk, quint64 sectorOffset, int slot, quint8 boot, quint8 type, quint32 startLba, quint32 sectors)
{
    char *entry = disk.data() + sectorOffset + 446 + 16 * slot;
    std::fill(entry, entry + 16, '\0');
    entry[0] = char(boot);
    entry[4] = char(type);
    qToLittleEndian(startLba, entry + 8);
    qToLittleEndian(sectors, entry + 12);
    disk[qsizetype(sectorOffset + 510)] = char(0x55);
    disk[qsizetype(sectorOffset + 511)] = char(0xaa);
}

/** Recomputes the entry array CRC and then the header CRC of the GPT header at headerOffset (512-byte sectors). */
inline void fixGptCrcs(QByteArray &disk, quint64 headerOffset, quint32 sector = 512)
{
    char *header = disk.data() + headerOffset;
    const quint64 entriesLba = qFromLittleEndian<quint64>(header + 72);
    const quint64 arrayBytes = quint64(qFromLittleEndian<quint32>(header + 80)) * qFromLittleEndian<quint32>(header + 84);
    if (entriesLba * sector + arrayBytes <= quint64(disk.size()))
        qToLittleEndian(AddCow::crc32(QByteArrayView(disk.constData() + entriesLba * sector, qsizetype(arrayBytes))), header + 88);
    const quint32 headerBytes = std::min<quint32>(qFromLittleEndian<quint32>(header + 12), sector);
    qToLittleEndian(quint32(0), header + 16);
    qToLittleEndian(AddCow::crc32(QByteArrayView(header, headerBytes)), header + 16);
}

/** The offset of the backup GPT header (the disk's last 512-byte sector). */
inline quint64 backupHeaderOffset(const QByteArray &disk)
{
    return quint64(disk.size()) / 512 * 512 - 512;
}

/** Byte offset of GPT entry index (0-based) in the array the header at headerOffset points to. */
inline quint64 gptEntryOffset(const QByteArray &disk, quint64 headerOffset, int index, quint32 sector = 512)
{
    const char *header = disk.constData() + headerOffset;
    return qFromLittleEndian<quint64>(header + 72) * sector + quint64(index) * qFromLittleEndian<quint32>(header + 84);
}

} // namespace PartitionTest
