// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "header.h"
#include "image.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtEndian>

#include <memory>

namespace HexTest
{

constexpr quint64 Cluster = AddCow::ClusterSizeBytes;

inline QByteArray randomBytes(qsizetype size, quint32 seed)
{
    QRandomGenerator random(seed);
    QByteArray bytes(size, Qt::Uninitialized);
    for (auto &byte : bytes)
        byte = char(random.bounded(256));
    return bytes;
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

inline QByteArray utf16(const QString &text, bool littleEndian)
{
    QByteArray bytes(text.size() * 2, Qt::Uninitialized);
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (littleEndian)
            qToLittleEndian(text.at(i).unicode(), bytes.data() + 2 * i);
        else
            qToBigEndian(text.at(i).unicode(), bytes.data() + 2 * i);
    }
    return bytes;
}

/**
 * A real image, built byte by byte: a backing file of 3 1/8 clusters, a raw image file of
 * 5 clusters + 100 bytes (R15: partial last cluster), bits set for clusters 1 and 3 (R13).
 * Cluster 2 of the raw file holds stale bytes that the virtual disk must not show; cluster 4
 * is past the backing file's end, so it reads as zeros. Known things to find:
 * - "HELLO-BACKING" at 1000 (backing, cluster 0); "ca fe ba be 01" at 200000 (raw, cluster 3)
 * - "NEEDLE" across the boundary of clusters 1 and 2 of the virtual disk: "NEE" at the end of
 *   raw cluster 1, "DLE" at the start of backing cluster 2
 * - "MARK" at 100 (backing), Cluster + 200 (raw), 2 * Cluster + 7 (backing), 3 * Cluster + 60000
 *   (raw) on the virtual disk, and stale at 2 * Cluster + 500 in the raw file only
 * - "Grüße" in UTF-16LE at 3000 and "Disk" in UTF-16BE at 5000 (backing, cluster 0)
 * - "ENDTXT" in the raw file's last 6 bytes (cluster 5, bit 0: not on the virtual disk)
 * - "BAKEND" in the backing file's last 6 bytes (cluster 3, bit 1: not on the virtual disk)
 * - "STALE-NEEDLE" at 2 * Cluster + 300 (raw, cluster 2, bit 0: not on the virtual disk)
 */
struct ImageFixture {
    QTemporaryDir dir;
    QString addCowPath;
    QString backingPath;
    QString rawPath;
    QByteArray backing;
    QByteArray raw;
    quint64 virtualSize = 5 * Cluster + 100;

    static QList<quint64> markOnVirtualDisk() { return {100, Cluster + 200, 2 * Cluster + 7, 3 * Cluster + 60000}; }
    static quint64 needleOffset() { return 2 * Cluster - 3; }

    bool make()
    {
        if (!dir.isValid())
            return false;
        backingPath = dir.filePath(QStringLiteral("backing.img"));
        rawPath = dir.filePath(QStringLiteral("raw.img"));
        addCowPath = dir.filePath(QStringLiteral("disk.add-cow"));
        backing = randomBytes(qsizetype(3 * Cluster + 8192), 7);
        backing.replace(1000, 13, "HELLO-BACKING");
        backing.replace(100, 4, "MARK");
        backing.replace(qsizetype(2 * Cluster + 7), 4, "MARK");
        backing.replace(qsizetype(2 * Cluster), 3, "DLE");
        const QByteArray gruesse = utf16(QStringLiteral("Grüße"), true);
        backing.replace(3000, gruesse.size(), gruesse);
        const QByteArray disk = utf16(QStringLiteral("Disk"), false);
        backing.replace(5000, disk.size(), disk);
        backing.replace(backing.size() - 6, 6, "BAKEND");
        raw = randomBytes(qsizetype(virtualSize), 8);
        raw.replace(qsizetype(2 * Cluster + 300), 12, "STALE-NEEDLE"); // bit 0: not on the virtual disk
        raw.replace(qsizetype(2 * Cluster + 500), 4, "MARK");
        raw.replace(200000, 5, "\xca\xfe\xba\xbe\x01"); // cluster 3, bit 1
        raw.replace(qsizetype(Cluster + 200), 4, "MARK");
        raw.replace(qsizetype(3 * Cluster + 60000), 4, "MARK");
        raw.replace(qsizetype(2 * Cluster - 3), 3, "NEE");
        raw.replace(qsizetype(4 * Cluster), qsizetype(Cluster + 100), QByteArray(qsizetype(Cluster + 100), '\0'));
        raw.replace(raw.size() - 6, 6, "ENDTXT");
        if (!writeFile(backingPath, backing) || !writeFile(rawPath, raw))
            return false;
        const AddCow::Header header = AddCow::Header::make("raw.img", "raw", "backing.img", "raw", 0); // R16: relative names
        const quint64 clusters = AddCow::clusterCountFor(virtualSize);
        QByteArray bitmap(qsizetype(AddCow::bitmapRegionBytesFor(clusters)), '\0'); // R11
        bitmap[0] = char((1 << 1) | (1 << 3)); // R13: clusters 1 and 3 in the image file
        return writeFile(addCowPath, header.serialize() + bitmap);
    }

    std::shared_ptr<AddCow::Image> open(AddCow::Image::Access access = AddCow::Image::Access::ReadOnly) const
    {
        AddCow::Result<AddCow::Image> image = AddCow::Image::open(addCowPath, access);
        if (!image) {
            qWarning() << image.error().message();
            return nullptr;
        }
        return std::make_shared<AddCow::Image>(std::move(image).value());
    }

    /** The virtual disk's bytes as R13 says: from the files, by the bits (1 and 3 set). */
    QByteArray virtualDisk() const
    {
        QByteArray disk(qsizetype(virtualSize), '\0');
        for (quint64 c = 0; c * Cluster < virtualSize; ++c) {
            const auto begin = qsizetype(c * Cluster);
            const qsizetype length = std::min<qsizetype>(qsizetype(Cluster), disk.size() - begin);
            if (c == 1 || c == 3)
                disk.replace(begin, length, raw.mid(begin, length));
            else if (begin < backing.size())
                disk.replace(begin, std::min(length, backing.size() - begin), backing.mid(begin, length));
        }
        return disk;
    }
    /** R13: what the disk showed with every bit 0. */
    QByteArray cleanDisk() const
    {
        QByteArray disk(qsizetype(virtualSize), '\0');
        disk.replace(0, backing.size(), backing);
        return disk;
    }
};

} // namespace HexTest
