// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "commands.h"
#include "console.h"
#include "subcommandparser.h"

#include "image.h"
#include "qemuimg.h"
#include "partitiontable.h"
#include "sizeparser.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <optional>

using namespace Qt::StringLiterals;

namespace AddCow::Commands
{

namespace
{

// R5: names are bytes; show them as (lossy) UTF-8.
QString displayName(const QByteArray &storedName)
{
    return QString::fromUtf8(storedName);
}

QJsonValue nullIfEmpty(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QString hex(quint64 value)
{
    return u"0x"_s + QString::number(value, 16);
}

QString kindText(PartitionKind kind)
{
    switch (kind) {
    case PartitionKind::Primary:
        return u"primary"_s;
    case PartitionKind::Extended:
        return u"extended"_s;
    case PartitionKind::Logical:
        return u"logical"_s;
    case PartitionKind::Gpt:
        return u"gpt"_s;
    }
    return QString();
}

// The partitions of the virtual disk with their allocated clusters, in the order of the table.
struct PartitionsInfo {
    PartitionTable table;
    QList<quint64> allocated; ///< per partition
};

std::optional<PartitionsInfo> readPartitions(const Image &image)
{
    Result<PartitionTable> table = PartitionTable::read(image);
    if (!table) {
        Console::error(table.error());
        return std::nullopt;
    }
    PartitionsInfo info{std::move(table).value(), {}};
    for (const Partition &partition : std::as_const(info.table.partitions)) {
        const Result<quint64> allocated = countAllocatedClusters(image, partition);
        if (!allocated) {
            Console::error(allocated.error());
            return std::nullopt;
        }
        info.allocated.append(allocated.value());
    }
    return info;
}

QJsonObject partitionTableJson(const PartitionTable &table)
{
    QJsonObject object;
    object[u"scheme"_s] = partitionSchemeName(table.scheme);
    object[u"sector-size"_s] = qint64(table.sectorSizeBytes);
    object[u"disk-id"_s] = nullIfEmpty(table.diskId);
    object[u"refused"_s] = table.isRefused();
    QJsonArray findings;
    for (const PartitionFinding &finding : table.findings) {
        QJsonObject entry;
        entry[u"severity"_s] = severityName(finding.severity);
        entry[u"where"_s] = partitionTableAreaName(finding.area);
        entry[u"offset"_s] = qint64(finding.offsetBytes);
        entry[u"length"_s] = qint64(finding.lengthBytes);
        entry[u"message"_s] = finding.message();
        findings.append(entry);
    }
    object[u"findings"_s] = findings;
    return object;
}

QJsonArray partitionsJson(const PartitionsInfo &info)
{
    QJsonArray partitions;
    for (qsizetype i = 0; i < info.table.partitions.size(); ++i) {
        const Partition &partition = info.table.partitions.at(i);
        QJsonObject object;
        object[u"index"_s] = partition.number;
        object[u"name"_s] = partition.kind == PartitionKind::Gpt ? QJsonValue(partition.name) : QJsonValue(QJsonValue::Null);
        object[u"type"_s] = partition.type;
        object[u"type-name"_s] = nullIfEmpty(partition.typeName);
        object[u"kind"_s] = kindText(partition.kind);
        object[u"uuid"_s] = nullIfEmpty(partition.uuid);
        object[u"bootable"_s] = partition.bootable;
        object[u"start"_s] = qint64(partition.startBytes);
        object[u"length"_s] = qint64(partition.lengthBytes);
        object[u"allocated-clusters"_s] = qint64(info.allocated.at(i));
        partitions.append(object);
    }
    return partitions;
}

QString partitionsText(const PartitionsInfo &info)
{
    const PartitionTable &table = info.table;
    QString text;
    if (table.scheme == PartitionTable::Scheme::None) {
        text += u"partition table: none\n"_s;
    } else {
        text += u"partition table: %1, sector size %2, disk id %3\n"_s.arg(partitionSchemeName(table.scheme)).arg(table.sectorSizeBytes).arg(table.diskId);
    }
    for (const PartitionFinding &finding : table.findings)
        text += u"    %1: %2\n"_s.arg(severityName(finding.severity), finding.toString());
    if (table.isRefused())
        text += u"    the partition table is not used: it has errors\n"_s;
    for (qsizetype i = 0; i < table.partitions.size(); ++i) {
        const Partition &partition = table.partitions.at(i);
        QStringList notes;
        if (partition.kind == PartitionKind::Extended || partition.kind == PartitionKind::Logical)
            notes.append(kindText(partition.kind));
        if (partition.bootable)
            notes.append(u"bootable"_s);
        text += u"partition %1%2:%3\n"_s.arg(partition.number)
                    .arg(notes.isEmpty() ? QString() : u" ("_s + notes.join(u", "_s) + u')')
                    .arg(partition.name.isEmpty() ? QString() : u" "_s + partition.name);
        text += u"    type: %1%2\n"_s.arg(partition.type, partition.typeName.isEmpty() ? QString() : u" ("_s + partition.typeName + u')');
        text += u"    start: %1\n"_s.arg(SizeParser::formatHumanWithBytes(partition.startBytes));
        text += u"    length: %1\n"_s.arg(SizeParser::formatHumanWithBytes(partition.lengthBytes));
        text += u"    allocated clusters: %1 of %2\n"_s.arg(info.allocated.at(i)).arg(partition.clusters().count);
    }
    return text;
}

} // namespace

int info(const QStringList &arguments)
{
    SubcommandParser parser(u"info"_s, u"[--output=human|json] FILE"_s,
                            u"Shows the header of an add-cow image and what it resolves to: the stored file names and "
                            "the paths they lead to (relative names resolve against the .add-cow file's directory, R16), "
                            "the formats, the virtual size (the image file's size, R11), the cluster count and how many "
                            "clusters are allocated in the image file; then the partitions of the virtual disk's MBR or GPT with the "
                            "clusters allocated in each."_s);
    parser.addHumanJsonOutputOption();
    parser.addImageFileArgument();
    parser.addNotes(u"JSON keys"_s,
                    u"filename, format (\"add-cow\"), version, virtual-size, cluster-size, clusters, allocated-clusters, "
                    "all-allocated, header-size, bitmap-offset, bitmap-size (bytes of the rounded bitmap region), "
                    "features, optional-features, backing-filename and image-filename (as stored), "
                    "full-backing-filename and full-image-filename (absolute paths), backing-format, image-format, "
                    "backing-chain (the backing file and the files it is itself backed by, as QEMU reports them: "
                    "[{filename, format, virtual-size, actual-size, backing-filename, encrypted}, ...]; a raw backing "
                    "file is one layer), backing-chain-error (why it cannot be described), "
                    "partition-table (scheme \"none\", \"mbr\" or \"gpt\", sector-size, disk-id, refused, findings) and "
                    "partitions: the partitions of the virtual disk's MBR or GPT, each with index (the number Linux gives "
                    "it), name (GPT only), type (GPT type GUID, or the MBR type byte as \"0x83\"), type-name, kind "
                    "(primary, extended, logical, gpt), uuid (GPT only), bootable, start and length, and "
                    "allocated-clusters (clusters of that range whose bit is set). A table with errors is refused: its "
                    "partitions are not listed. Values that do not exist (no backing file) are null. Sizes and offsets "
                    "are in bytes."_s);
    if (const auto exitCode = parser.parse(arguments))
        return *exitCode;
    const QString output = parser.value(u"output"_s);
    const QString fileName = parser.positional().at(0);

    // The bitmap is counted where it lies, not loaded: info on an 8 TiB image costs less than
    // reading its .add-cow file once.
    std::optional<Image> opened = Console::openImage(fileName, Image::Access::ReadOnly, Image::Contents::HeaderOnly);
    if (!opened)
        return Console::Failure;
    const Image &image = *opened;
    const Header &header = image.header();
    const quint64 clusters = image.clusterCount();
    // R14: with ALL_ALLOCATED every cluster is in the image file, whatever the bitmap says.
    quint64 allocated = clusters;
    if (!image.isAllAllocated()) {
        const Result<quint64> counted = image.countAllocated();
        if (!counted) {
            Console::error(counted.error());
            return Console::Failure;
        }
        allocated = counted.value();
    }
    const quint64 headerSize = header.headerSizeBytes();
    const quint64 bitmapSize = bitmapRegionBytesFor(clusters);
    const bool hasBacking = header.hasBackingFile();
    const QString backingName = hasBacking ? displayName(image.backingFile().storedName) : QString();
    const QString backingPath = hasBacking ? image.backingFile().resolvedPath : QString();
    const QString backingFormat = hasBacking ? QString::fromLatin1(header.backingFormat()) : QString();
    const QString imageName = displayName(image.imageFile().storedName);
    const QString imagePath = image.imageFile().resolvedPath;
    const QString imageFormat = QString::fromLatin1(header.imageFormat());
    // R9: QEMU describes what it reads (raw needs no QEMU); a missing file has nothing to describe.
    std::optional<Result<QList<BackingLayer>>> chain;
    if (hasBacking && QFileInfo::exists(backingPath))
        chain = QemuImg::backingChain(backingPath, header.backingFormat());
    // The partition table is read through the image like any data (a few KiB; the bits of
    // those clusters come from the bitmap on disk). R9: a non-raw backing disk is read through
    // QEMU, which a header-only open does not start.
    std::optional<Image> withBackingDisk;
    if (hasBacking && backingFormat != u"raw"_s && QFileInfo::exists(backingPath)) {
        withBackingDisk = Console::openImage(fileName, Image::Access::ReadOnly, Image::Contents::Everything);
        if (!withBackingDisk)
            return Console::Failure;
    }
    const std::optional<PartitionsInfo> partitions = readPartitions(withBackingDisk ? *withBackingDisk : image);
    if (!partitions)
        return Console::Failure;

    if (output == u"json") {
        QJsonObject object;
        object[u"filename"_s] = fileName;
        object[u"format"_s] = u"add-cow"_s;
        object[u"version"_s] = qint64(header.version);
        object[u"virtual-size"_s] = qint64(image.virtualSizeBytes());
        object[u"cluster-size"_s] = qint64(ClusterSizeBytes);
        object[u"clusters"_s] = qint64(clusters);
        object[u"allocated-clusters"_s] = qint64(allocated);
        object[u"all-allocated"_s] = image.isAllAllocated();
        object[u"header-size"_s] = qint64(headerSize);
        object[u"bitmap-offset"_s] = qint64(headerSize);
        object[u"bitmap-size"_s] = qint64(bitmapSize);
        object[u"features"_s] = qint64(header.features);
        object[u"optional-features"_s] = qint64(header.optionalFeatures);
        object[u"backing-filename"_s] = nullIfEmpty(backingName);
        object[u"image-filename"_s] = imageName;
        object[u"full-backing-filename"_s] = nullIfEmpty(backingPath);
        object[u"full-image-filename"_s] = nullIfEmpty(imagePath);
        object[u"backing-format"_s] = nullIfEmpty(backingFormat);
        object[u"image-format"_s] = imageFormat;
        QJsonValue chainValue(QJsonValue::Null);
        QJsonValue chainError(QJsonValue::Null);
        if (chain && chain->ok()) {
            QJsonArray layers;
            for (const BackingLayer &layer : chain->value()) {
                layers.append(QJsonObject{{u"filename"_s, layer.fileName},
                                          {u"format"_s, QString::fromLatin1(layer.format)},
                                          {u"virtual-size"_s, qint64(layer.virtualSizeBytes)},
                                          {u"actual-size"_s, qint64(layer.actualSizeBytes)},
                                          {u"backing-filename"_s, nullIfEmpty(layer.backingFileName)},
                                          {u"encrypted"_s, layer.encrypted}});
            }
            chainValue = layers;
        } else if (chain) {
            chainError = chain->error().message();
        }
        object[u"backing-chain"_s] = chainValue;
        object[u"backing-chain-error"_s] = chainError;
        object[u"partition-table"_s] = partitionTableJson(partitions->table);
        object[u"partitions"_s] = partitionsJson(*partitions);
        Console::outBytes(QJsonDocument(object).toJson(QJsonDocument::Indented));
        return Console::flushOut() ? Console::Success : Console::Failure;
    }

    QString text;
    text += u"image: %1\n"_s.arg(fileName);
    text += u"file format: add-cow\n"_s;
    text += u"virtual size: %1\n"_s.arg(SizeParser::formatHumanWithBytes(image.virtualSizeBytes()));
    const QFileInfo addCowInfo(image.path());
    text += u"add-cow file size: %1\n"_s.arg(SizeParser::formatHumanWithBytes(quint64(addCowInfo.size())));
    text += u"cluster_size: %1\n"_s.arg(ClusterSizeBytes);
    if (hasBacking) {
        text += u"backing file: %1 (actual path: %2)\n"_s.arg(backingName, backingPath);
        text += u"backing file format: %1\n"_s.arg(backingFormat);
        if (chain && chain->ok()) {
            text += u"backing chain:\n"_s;
            for (const BackingLayer &layer : chain->value()) {
                text += u"    %1: %2, virtual size %3, disk size %4%5\n"_s.arg(layer.fileName, QString::fromLatin1(layer.format),
                                                                          SizeParser::formatHumanWithBytes(layer.virtualSizeBytes),
                                                                          SizeParser::formatHuman(layer.actualSizeBytes),
                                                                          layer.encrypted ? u", encrypted"_s : QString());
            }
        } else if (chain) {
            text += u"backing chain: cannot be described: %1\n"_s.arg(chain->error().message());
        }
    }
    text += u"Format specific information:\n"_s;
    text += u"    version: %1\n"_s.arg(header.version);
    text += u"    image file: %1 (actual path: %2)\n"_s.arg(imageName, imagePath);
    text += u"    image file format: %1\n"_s.arg(imageFormat);
    text += u"    features: %1%2\n"_s.arg(hex(header.features), image.isAllAllocated() ? u" (all allocated)"_s : QString());
    text += u"    optional features: %1\n"_s.arg(hex(header.optionalFeatures));
    text += u"    header size: %1\n"_s.arg(headerSize);
    text += u"    bitmap: offset %1, %2 bytes\n"_s.arg(headerSize).arg(bitmapSize);
    const double percent = clusters == 0 ? 100.0 : 100.0 * double(allocated) / double(clusters);
    text += u"    clusters: %1, allocated %2 (%3%)\n"_s.arg(clusters).arg(allocated).arg(percent, 0, 'f', 2);
    text += partitionsText(*partitions);
    Console::out(text);
    return Console::flushOut() ? Console::Success : Console::Failure;
}

} // namespace AddCow::Commands
