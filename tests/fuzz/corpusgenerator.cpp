// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
// Writes the seed corpus: for every rule R1-R20 valid and violating variants, named after the
// rule, as header bytes (corpus/header) and as whole file sets (corpus/image, FuzzEntryPoints::ImageInput).
// Usage: corpusgenerator <tests/fuzz/corpus>
#include "fuzzentrypoints.h"

#include "crc32.h"
#include "format.h"
#include "header.h"

#include <QDir>
#include <QFile>
#include <QtEndian>

#include <cstdio>
#include <cstring>
#include <tuple>

using namespace AddCow;
using namespace FuzzEntryPoints;
using namespace Qt::StringLiterals;

namespace
{

constexpr quint32 Cluster = quint32(ClusterSizeBytes);

struct Variant {
    const char *name;
    ImageInput input;
};

QByteArray header(const QByteArray &imageName = "disk.raw", const QByteArray &backingName = "base.raw", quint64 features = 0)
{
    return Header::make(imageName, "raw", backingName, backingName.isEmpty() ? QByteArray() : QByteArray("raw"), features).serialize();
}

void put32(QByteArray &bytes, qsizetype offset, quint32 value)
{
    qToLittleEndian(value, bytes.data() + offset);
}

void put64(QByteArray &bytes, qsizetype offset, quint64 value)
{
    qToLittleEndian(value, bytes.data() + offset);
}

// A file set: the header, then bitmapBytes of bitmap (the R11 region is 64 KiB; shorter is an R12 warning).
ImageInput files(const QByteArray &headerBytes, quint32 imageSize, QByteArray bitmap, quint32 backingSize = 0, quint8 flags = 0)
{
    ImageInput input;
    input.flags = flags;
    input.imageSizeBytes = imageSize;
    input.backingSizeBytes = backingSize;
    input.readOffsetBytes = imageSize / 3 + (imageSize / 7 << 14);
    input.addCowBytes = headerBytes + bitmap;
    for (int i = 0; i < 300; ++i)
        input.imageBytes.append(char(0xa0 + i % 50));
    return input;
}

ImageInput overBacking(const QByteArray &headerBytes, quint32 size = 16 * Cluster, QByteArray bitmap = QByteArray(2, '\0'))
{
    return files(headerBytes, size, bitmap, size, ImageInput::MakeBacking | ImageInput::FillBacking);
}

// Small disks (128 sectors) with partition tables, for the partition table reader.
void putMbrSlot(QByteArray &disk, qsizetype sector, int slot, quint8 type, quint32 startLba, quint32 sectors)
{
    const qsizetype entry = sector * 512 + 446 + 16 * slot;
    disk[entry + 4] = char(type);
    put32(disk, entry + 8, startLba);
    put32(disk, entry + 12, sectors);
    disk[sector * 512 + 510] = char(0x55);
    disk[sector * 512 + 511] = char(0xaa);
}

QByteArray mbrDisk(bool ebrLoop)
{
    QByteArray disk(64 * 1024, '\0');
    putMbrSlot(disk, 0, 0, 0x83, 2, 18);
    putMbrSlot(disk, 0, 1, 0x05, 21, 107); // extended: EBRs at 21 and 41
    putMbrSlot(disk, 21, 0, 0x83, 1, 19);
    putMbrSlot(disk, 21, 1, 0x05, 20, 87);
    putMbrSlot(disk, 41, 0, 0x07, 1, 86);
    if (ebrLoop)
        putMbrSlot(disk, 41, 1, 0x05, 0, 107);
    return disk;
}

QByteArray gptDisk()
{
    QByteArray disk(64 * 1024, '\0');
    putMbrSlot(disk, 0, 0, 0xee, 1, 127); // protective MBR
    const char efiType[16] = {'\x28', '\x73', '\x2a', '\xc1', '\x1f', '\xf8', '\xd2', '\x11', '\xba', '\x4b', '\x00', '\xa0', '\xc9', '\x3e', '\xc9', '\x3b'};
    const char linuxType[16] = {'\xaf', '\x3d', '\xc6', '\x0f', '\x83', '\x84', '\x72', '\x47', '\x8e', '\x79', '\x3d', '\x69', '\xd8', '\x47', '\x7d', '\xe4'};
    for (const qsizetype array : {2 * 512, 95 * 512}) {
        std::memcpy(disk.data() + array, efiType, 16);
        disk[array + 16] = 1;
        put64(disk, array + 32, 34);
        put64(disk, array + 40, 63);
        disk[array + 56] = 'f';
        std::memcpy(disk.data() + array + 128, linuxType, 16);
        disk[array + 128 + 16] = 2;
        put64(disk, array + 128 + 32, 64);
        put64(disk, array + 128 + 40, 94);
    }
    for (const auto &[lba, alternate, entries] : {std::tuple{1, 127, 2}, std::tuple{127, 1, 95}}) {
        const qsizetype h = lba * 512;
        std::memcpy(disk.data() + h, "EFI PART", 8);
        put32(disk, h + 8, 0x00010000);
        put32(disk, h + 12, 92);
        put64(disk, h + 24, quint64(lba));
        put64(disk, h + 32, quint64(alternate));
        put64(disk, h + 40, 34);
        put64(disk, h + 48, 94);
        disk[h + 56] = 7; // disk GUID
        put64(disk, h + 72, quint64(entries));
        put32(disk, h + 80, 128);
        put32(disk, h + 84, 128);
        put32(disk, h + 88, crc32(QByteArrayView(disk.constData() + entries * 512, 128 * 128)));
        put32(disk, h + 16, crc32(QByteArrayView(disk.constData() + h, 92)));
    }
    return disk;
}

ImageInput partitioned(const QByteArray &disk)
{
    ImageInput input = files(header("disk.raw", {}, FeatureAllAllocated), quint32(disk.size()), QByteArray(1, '\0'));
    input.imageBytes = disk;
    return input;
}

QList<Variant> variants()
{
    QList<Variant> list;
    const QByteArray valid = header();
    auto mutated = [&](auto change) {
        QByteArray bytes = valid;
        change(bytes);
        return bytes;
    };

    list.append({"R1-valid", overBacking(valid)});
    list.append({"R1-header-cut-short", overBacking(valid.left(100), 16 * Cluster, {})});
    list.append({"R2-bad-magic", overBacking(mutated([](QByteArray &b) { b[7] = 'x'; }))});
    list.append({"R2-later-acow-layout", overBacking(mutated([](QByteArray &b) { std::memcpy(b.data(), "ACOW\x01\x00\x00\x00", 8); }))});
    list.append({"R3-version-2", overBacking(mutated([](QByteArray &b) { put32(b, 8, 2); }))});
    list.append({"R4-pages-0", overBacking(mutated([](QByteArray &b) { put32(b, 44, 0); }))});
    list.append({"R4-pages-257", overBacking(mutated([](QByteArray &b) { put32(b, 44, 257); }))});
    QByteArray twoPages = valid + QByteArray(HeaderPageBytes, '\0');
    put32(twoPages, 44, 2);
    list.append({"R4-pages-2-valid", overBacking(twoPages)});
    list.append({"R5-offset-without-size", overBacking(mutated([](QByteArray &b) { put32(b, 16, 0); }))});
    list.append({"R5-name-past-header", overBacking(mutated([](QByteArray &b) { put32(b, 20, 4090); }))});
    list.append({"R5-nul-in-name", overBacking(mutated([](QByteArray &b) { b[82] = '\0'; }))});
    list.append({"R6-no-image-name", overBacking(mutated([](QByteArray &b) { put32(b, 20, 0); put32(b, 24, 0); }))});
    list.append({"R6-valid-no-backing", files(header("disk.raw", {}, FeatureAllAllocated), 5 * Cluster, QByteArray(1, '\0'))});
    list.append({"R7-unknown-feature-0x4", overBacking(mutated([](QByteArray &b) { put64(b, 28, 0x5); }))});
    list.append({"R8-optional-features-set", overBacking(mutated([](QByteArray &b) { put64(b, 36, 0x80); }))});
    list.append({"R9-backing-format-qcow2", overBacking(mutated([](QByteArray &b) { std::memcpy(b.data() + 48, "qcow2\0", 6); }))});
    list.append({"R9-format-control-byte", overBacking(mutated([](QByteArray &b) { b[65] = '\x07'; }))});
    list.append({"R9-no-image-format", overBacking(mutated([](QByteArray &b) { std::memset(b.data() + 64, 0, 16); }))});
    list.append({"R10-stray-header-byte", overBacking(mutated([](QByteArray &b) { b[3000] = '\x42'; }))});

    QByteArray fullRegion(qsizetype(BitmapAlignmentBytes), '\0');
    list.append({"R11-valid-full-region", overBacking(valid, 16 * Cluster, fullRegion)});
    list.append({"R11-empty-image-file", overBacking(valid, 0, {})});
    list.append({"R12-bits-missing", overBacking(valid, 1024 * Cluster, QByteArray(10, '\xff'))});
    list.append({"R12-spare-bits-set", overBacking(valid, 10 * Cluster, QByteArray("\x0f\x80", 2))});
    list.append({"R13-mixed-bits-short-backing",
                 files(valid, 16 * Cluster, QByteArray("\x55\xaa", 2), 5 * Cluster + 1000, ImageInput::MakeBacking | ImageInput::FillBacking)});
    list.append({"R14-all-allocated-backing-gone", files(header("disk.raw", "base.raw", FeatureAllAllocated), 7 * Cluster + 9, QByteArray(1, '\0'))});
    list.append({"R15-partial-last-cluster", overBacking(valid, 3 * Cluster + 123, QByteArray("\x02", 1))});
    list.append({"R16-dot-dot-chain", overBacking(header("../../../../../../../../../tmp/../dev/null"))});
    list.append({"R16-absolute-names", overBacking(header("/nonexistent/disk.raw", "/dev/zero"))});
    list.append({"R16-image-missing", files(valid, 4 * Cluster, QByteArray(1, '\0'), 4 * Cluster, ImageInput::MakeBacking | ImageInput::NoImageFile)});
    list.append({"R17-image-is-the-add-cow-file", overBacking(header("./disk.add-cow"))});
    list.append({"R17-backing-is-the-image", overBacking(header("disk.raw", "sub/../disk.raw"))});
    list.append({"R18-some-clusters-written", files(valid, 9 * Cluster, QByteArray("\x81\x01", 2), 9 * Cluster, ImageInput::MakeBacking)});
    list.append({"R19-committed", files(header("disk.raw", "base.raw", FeatureAllAllocated), 9 * Cluster, QByteArray("\xff\x01", 2))});
    // R20 with force: the image file is smaller than the backing file, whose tail R11 hides.
    list.append({"R20-fresh-over-larger-backing", files(valid, 3 * Cluster, QByteArray(1, '\0'), 4 * Cluster + 17, ImageInput::MakeBacking | ImageInput::FillBacking)});
    // Partition tables on the virtual disk (PartitionTable::read through the image).
    list.append({"partitions-mbr-logical", partitioned(mbrDisk(false))});
    list.append({"partitions-mbr-ebr-loop", partitioned(mbrDisk(true))});
    list.append({"partitions-gpt", partitioned(gptDisk())});
    return list;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

} // namespace

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s CORPUS_DIRECTORY\n", argv[0]);
        return 2;
    }
    const QDir corpus(QFile::decodeName(argv[1]));
    if (!corpus.mkpath(u"header"_s) || !corpus.mkpath(u"image"_s))
        return 1;
    for (const Variant &variant : variants()) {
        const QString name = QString::fromLatin1(variant.name);
        const QByteArray headerBytes = variant.input.addCowBytes.left(qsizetype(std::min<quint64>(variant.input.addCowBytes.size(), 2 * HeaderPageBytes)));
        if (!writeFile(corpus.filePath(u"header/"_s + name), headerBytes) || !writeFile(corpus.filePath(u"image/"_s + name), variant.input.encode()))
            return 1;
    }
    return 0;
}
