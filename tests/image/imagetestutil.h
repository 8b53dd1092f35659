// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "format.h"
#include "header.h"

#include <QByteArray>
#include <QFile>
#include <QList>
#include <QRandomGenerator>
#include <QString>

#include <cstring>
#include <fcntl.h>
#include <unistd.h>
#include <utility>

/**
 * Fixtures for the image tests: .add-cow files built byte by byte (not with CreateJob, so these
 * tests only depend on the header code), random data, and an in-test model of the virtual disk.
 */
namespace ImageTest
{

inline bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(bytes) == bytes.size();
}

/** A sparse file of sizeBytes with data (bytes 'd') only in the given (offset, length) ranges. */
inline bool writeSparse(const QString &path, quint64 sizeBytes, const QList<std::pair<quint64, quint64>> &dataRanges)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDWR | O_CREAT | O_TRUNC, 0644);
    if (fd < 0 || ::ftruncate(fd, off_t(sizeBytes)) != 0)
        return false;
    bool ok = true;
    for (const auto &[offset, length] : dataRanges) {
        const QByteArray data(qsizetype(length), 'd');
        ok = ok && ::pwrite(fd, data.constData(), size_t(length), off_t(offset)) == ssize_t(length);
    }
    return ::close(fd) == 0 && ok;
}

inline QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

inline QByteArray randomBytes(qsizetype sizeBytes, QRandomGenerator &random)
{
    QByteArray bytes(sizeBytes, Qt::Uninitialized);
    qsizetype i = 0;
    for (; i + 4 <= sizeBytes; i += 4) {
        const quint32 value = random.generate();
        std::memcpy(bytes.data() + i, &value, 4);
    }
    for (; i < sizeBytes; ++i)
        bytes[i] = char(random.generate());
    return bytes;
}

/** Bitmap bytes (R13: LSB first) for clusterCount clusters with random bits, set with probability percent/100. */
inline QByteArray randomBits(quint64 clusterCount, int percent, QRandomGenerator &random)
{
    QByteArray bits(qsizetype(AddCow::bitmapBytesFor(clusterCount)), '\0');
    for (quint64 c = 0; c < clusterCount; ++c) {
        if (int(random.bounded(100)) < percent)
            bits[qsizetype(c / 8)] = char(uchar(bits[qsizetype(c / 8)]) | (1u << (c % 8)));
    }
    return bits;
}

inline bool bitOf(const QByteArray &bits, quint64 cluster)
{
    return qsizetype(cluster / 8) < bits.size() && (uchar(bits[qsizetype(cluster / 8)]) >> (cluster % 8)) & 1;
}

inline void setBit(QByteArray &bits, quint64 cluster)
{
    bits[qsizetype(cluster / 8)] = char(uchar(bits[qsizetype(cluster / 8)]) | (1u << (cluster % 8)));
}

/**
 * A whole .add-cow file: header from Header::make (R20) and the bitmap region of R11 for
 * virtualSizeBytes, its first bytes taken from bits.
 */
inline QByteArray addCowBytes(const QByteArray &imageName, const QByteArray &backingName, quint64 virtualSizeBytes,
                              const QByteArray &bits = {}, quint64 features = 0)
{
    const AddCow::Header header = AddCow::Header::make(imageName, QByteArrayLiteral("raw"), backingName,
                                                       backingName.isEmpty() ? QByteArray() : QByteArrayLiteral("raw"), features);
    QByteArray bytes = header.serialize();
    QByteArray region(qsizetype(AddCow::bitmapRegionBytesFor(AddCow::clusterCountFor(virtualSizeBytes))), '\0');
    std::memcpy(region.data(), bits.constData(), std::min(bits.size(), region.size()));
    return bytes + region;
}

/**
 * The model of R13/R14: what the virtual disk holds, byte by byte, computed independently of
 * Image. The virtual size is the image data's size (R11).
 */
inline QByteArray modelDisk(const QByteArray &imageData, const QByteArray &backingData, bool hasBacking,
                            const QByteArray &bits, bool allAllocated)
{
    QByteArray disk(imageData.size(), '\0');
    for (qsizetype i = 0; i < disk.size(); i += qsizetype(AddCow::ClusterSizeBytes)) {
        const qsizetype length = std::min<qsizetype>(AddCow::ClusterSizeBytes, disk.size() - i);
        const quint64 cluster = quint64(i) / AddCow::ClusterSizeBytes;
        if (allAllocated || bitOf(bits, cluster)) {
            std::memcpy(disk.data() + i, imageData.constData() + i, length);
        } else if (hasBacking && i < backingData.size()) {
            std::memcpy(disk.data() + i, backingData.constData() + i, std::min(length, backingData.size() - i));
        }
    }
    return disk;
}

/** One write of the crash test's plan: the helper and the test derive the same from (seed, index). */
struct PlannedWrite {
    quint64 offsetBytes = 0;
    QByteArray data;
};

inline PlannedWrite plannedWrite(quint32 seed, int index, quint64 virtualSizeBytes, quint64 maxLengthBytes)
{
    QRandomGenerator random(seed * 7919u + quint32(index));
    PlannedWrite write;
    write.offsetBytes = random.bounded(virtualSizeBytes);
    const quint64 length = std::min<quint64>(virtualSizeBytes - write.offsetBytes, random.bounded(maxLengthBytes) + 1);
    write.data = randomBytes(qsizetype(length), random);
    return write;
}

/** Random bytes that never contain marker (a byte that only unwritten image file areas hold). */
inline QByteArray randomBytesWithout(qsizetype sizeBytes, QRandomGenerator &random, char marker)
{
    QByteArray bytes = randomBytes(sizeBytes, random);
    bytes.replace(marker, char(marker ^ 0x5a));
    return bytes;
}

/**
 * The three files of an image in a directory: disk.add-cow, disk.raw (virtualSizeBytes of
 * imageFill: the garbage a clean cluster's image bytes may hold, R13) and base.raw
 * (backingBytes; no backing file when null).
 */
inline bool makeImageFiles(const QString &directory, quint64 virtualSizeBytes, const QByteArray &backingBytes, char imageFill = '\xee',
                           const QByteArray &bits = {})
{
    const bool hasBacking = !backingBytes.isNull();
    return writeFile(directory + QStringLiteral("/disk.raw"), QByteArray(qsizetype(virtualSizeBytes), imageFill))
        && (!hasBacking || writeFile(directory + QStringLiteral("/base.raw"), backingBytes))
        && writeFile(directory + QStringLiteral("/disk.add-cow"),
                     addCowBytes("disk.raw", hasBacking ? QByteArray("base.raw") : QByteArray(), virtualSizeBytes, bits));
}

/** The bitmap bytes on disk of the .add-cow file at path (header of one page, R4/R20). */
inline QByteArray bitmapOnDisk(const QString &addCowPath, quint64 clusterCount)
{
    return readFile(addCowPath).mid(4096, qsizetype(AddCow::bitmapBytesFor(clusterCount)));
}

} // namespace ImageTest
