// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
// Writes the seed corpus: for every rule R1-R20 valid and violating variants, named after the
// rule, as header bytes (corpus/header) and as whole file sets (corpus/image, FuzzEntryPoints::ImageInput).
// Usage: corpusgenerator <tests/fuzz/corpus>
#include "fuzzentrypoints.h"

#include "format.h"
#include "header.h"

#include <QDir>
#include <QFile>
#include <QtEndian>

#include <cstdio>
#include <cstring>

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
