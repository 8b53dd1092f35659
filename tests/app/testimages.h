// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "clusterbitmap.h"
#include "format.h"
#include "header.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QList>
#include <QString>

/**
 * Builds add-cow file sets for the app tests with core calls only (Header::make + serialize,
 * ClusterBitmap), so the tests do not depend on the create job or the CLI.
 */
namespace TestImages
{

/** The byte at offset of the backing file the fixtures write. */
inline char backingByte(quint64 offsetBytes)
{
    return char('a' + (offsetBytes / 4096) % 26);
}

/** The byte at offset of an allocated cluster in the image file. */
inline char imageByte(quint64 offsetBytes)
{
    return char('A' + (offsetBytes / 512) % 26);
}

/** A file of sizeBytes: patterned data in its first dataBytes, sparse after that. */
inline bool writeFile(const QString &path, quint64 sizeBytes, quint64 dataBytes, char (*byteAt)(quint64))
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    QByteArray chunk;
    for (quint64 offset = 0; offset < std::min(sizeBytes, dataBytes); offset += quint64(chunk.size())) {
        chunk.resize(qsizetype(std::min<quint64>(1 << 20, std::min(sizeBytes, dataBytes) - offset)));
        for (qsizetype i = 0; i < chunk.size(); ++i)
            chunk[i] = byteAt(offset + quint64(i));
        if (file.write(chunk) != chunk.size())
            return false;
    }
    return file.resize(qint64(sizeBytes)); // ftruncate: the rest stays sparse
}

struct Options {
    quint64 virtualBytes = 8 * 1024 * 1024;
    quint64 backingBytes = 6 * 1024 * 1024; ///< 0: no backing file
    quint64 backingDataBytes = ~quint64(0);  ///< patterned bytes at the start of the backing file
    QList<AddCow::ClusterRange> allocated;   ///< clusters whose bit is set (R13), patterned in the image file
    quint64 features = 0;                    ///< R7
    quint64 optionalFeatures = 0;            ///< R8
    quint32 version = AddCow::SupportedVersion; ///< R3
    bool createImageFile = true;             ///< false: leave the image file missing
};

/** Writes base.raw, disk.raw and disk.add-cow into dir. @return the .add-cow path, empty on failure */
inline QString make(const QString &dir, const Options &options = {}, const QString &baseName = QStringLiteral("disk"))
{
    const QDir d(dir);
    const bool hasBacking = options.backingBytes > 0;
    const QByteArray imageName = (baseName + QStringLiteral(".raw")).toUtf8();
    const QByteArray backingName = hasBacking ? (baseName + QStringLiteral("-base.raw")).toUtf8() : QByteArray();
    if (hasBacking && !writeFile(d.filePath(QString::fromUtf8(backingName)), options.backingBytes, options.backingDataBytes, backingByte))
        return {};
    if (options.createImageFile) {
        if (!writeFile(d.filePath(QString::fromUtf8(imageName)), options.virtualBytes, 0, imageByte))
            return {};
        QFile image(d.filePath(QString::fromUtf8(imageName)));
        if (!image.open(QIODevice::ReadWrite))
            return {};
        for (const AddCow::ClusterRange &range : options.allocated) {
            const quint64 first = range.first * AddCow::ClusterSizeBytes;
            const quint64 end = std::min(range.end() * AddCow::ClusterSizeBytes, options.virtualBytes);
            QByteArray data(qsizetype(end - first), '\0');
            for (qsizetype i = 0; i < data.size(); ++i)
                data[i] = imageByte(first + quint64(i));
            if (!image.seek(qint64(first)) || image.write(data) != data.size())
                return {};
        }
    }

    AddCow::Header header = AddCow::Header::make(imageName, QByteArrayLiteral("raw"), backingName,
                                                 hasBacking ? QByteArrayLiteral("raw") : QByteArray(), options.features);
    header.optionalFeatures = options.optionalFeatures;
    header.version = options.version;
    const quint64 clusters = AddCow::clusterCountFor(options.virtualBytes);
    AddCow::ClusterBitmap bitmap(clusters);
    for (const AddCow::ClusterRange &range : options.allocated)
        bitmap.setRange(range);
    QByteArray bytes = header.serialize();
    QByteArray bitmapBytes = bitmap.toBytes();
    bitmapBytes.resize(qsizetype(AddCow::bitmapRegionBytesFor(clusters)), '\0'); // R11
    bytes += bitmapBytes;

    const QString path = d.filePath(baseName + QStringLiteral(".add-cow"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
        return {};
    return path;
}

/** The virtual disk make() describes, computed independently of the core's reader (R13). */
inline QByteArray expectedDisk(const Options &options)
{
    QByteArray disk(qsizetype(options.virtualBytes), '\0');
    const quint64 backingData = std::min(options.backingBytes, options.backingDataBytes);
    for (quint64 i = 0; i < std::min<quint64>(backingData, options.virtualBytes); ++i)
        disk[qsizetype(i)] = backingByte(i);
    for (const AddCow::ClusterRange &range : options.allocated) {
        const quint64 first = range.first * AddCow::ClusterSizeBytes;
        const quint64 end = std::min(range.end() * AddCow::ClusterSizeBytes, options.virtualBytes);
        for (quint64 i = first; i < end; ++i)
            disk[qsizetype(i)] = imageByte(i);
    }
    return disk;
}

} // namespace TestImages
