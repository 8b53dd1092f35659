// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "commands.h"
#include "console.h"
#include "subcommandparser.h"

#include "image.h"
#include "qemuimg.h"
#include "sizeparser.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

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

} // namespace

int info(const QStringList &arguments)
{
    SubcommandParser parser(u"info"_s, u"[--output=human|json] FILE"_s,
                            u"Shows the header of an add-cow image and what it resolves to: the stored file names and "
                            "the paths they lead to (relative names resolve against the .add-cow file's directory, R16), "
                            "the formats, the virtual size (the image file's size, R11), the cluster count and how many "
                            "clusters are allocated in the image file."_s);
    parser.addHumanJsonOutputOption();
    parser.addImageFileArgument();
    parser.addNotes(u"JSON keys"_s,
                    u"filename, format (\"add-cow\"), version, virtual-size, cluster-size, clusters, allocated-clusters, "
                    "all-allocated, header-size, bitmap-offset, bitmap-size (bytes of the rounded bitmap region), "
                    "features, optional-features, backing-filename and image-filename (as stored), "
                    "full-backing-filename and full-image-filename (absolute paths), backing-format, image-format, "
                    "backing-chain (the backing file and the files it is itself backed by, as QEMU reports them: "
                    "[{filename, format, virtual-size, actual-size, backing-filename, encrypted}, ...]; a raw backing "
                    "file is one layer) and backing-chain-error (why it cannot be described). "
                    "Values that do not exist (no backing file) are null. Sizes and offsets are in bytes."_s);
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
    Console::out(text);
    return Console::flushOut() ? Console::Success : Console::Failure;
}

} // namespace AddCow::Commands
