// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "fuzzentrypoints.h"

#include "format.h"
#include "headerparser.h"
#include "image.h"
#include "partitiontable.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtEndian>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

using namespace AddCow;
using namespace Qt::StringLiterals;

namespace FuzzEntryPoints
{

namespace
{

[[noreturn]] void fail(const char *what, const QString &detail = {})
{
    std::fprintf(stderr, "fuzz invariant broken: %s %s\n", what, qPrintable(detail));
    std::abort();
}

#define FUZZ_CHECK(condition, detail)                                                                                                                \
    do {                                                                                                                                             \
        if (!(condition))                                                                                                                            \
            fail(#condition, detail);                                                                                                                \
    } while (false)

constexpr quint64 MaxReadBytes = 256 * 1024;

bool writeWhole(const QString &path, QByteArrayView bytes, quint64 sizeBytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    const qint64 length = std::min<qint64>(bytes.size(), qint64(sizeBytes));
    if (file.write(bytes.data(), length) != length)
        return false;
    return file.resize(qint64(sizeBytes)); // sparse past the given bytes
}

// The files of one input live in one directory per process, rewritten for every input.
QTemporaryDir &workDirectory()
{
    // tmpfs when there is one: every input writes three files, and a disk journal would dominate.
    static QTemporaryDir directory((QFileInfo(u"/dev/shm"_s).isWritable() ? u"/dev/shm"_s : QDir::tempPath()) + u"/addcow-fuzz-XXXXXX"_s);
    if (!directory.isValid())
        fail("cannot create a temporary directory");
    return directory;
}

void checkRead(const Image &image, const QList<MapRun> &runs, quint64 offsetBytes, quint64 lengthBytes)
{
    const Result<QByteArray> bytes = image.read(offsetBytes, lengthBytes);
    if (!bytes)
        return; // an I/O error on a hostile file is an answer, not a crash
    FUZZ_CHECK(quint64(bytes->size()) == lengthBytes, u"read returned %1 bytes"_s.arg(bytes->size()));
    // R13: a zero run reads as zeros.
    for (const MapRun &run : runs) {
        if (run.source != DataSource::Zero)
            continue;
        const quint64 begin = std::max(run.offsetBytes, offsetBytes);
        const quint64 end = std::min(run.offsetBytes + run.lengthBytes, offsetBytes + lengthBytes);
        for (quint64 i = begin; i < end; ++i)
            FUZZ_CHECK(bytes.value()[qsizetype(i - offsetBytes)] == '\0', u"non-zero byte at %1 in a zero run"_s.arg(i));
    }
}

// The partition table of the virtual disk: read without crashing, within its bounds, sane when
// accepted, and the same through a HeaderOnly image (bits read from disk) as through the bitmap.
void checkPartitions(const Image &image, const Image &headerOnly)
{
    const Result<PartitionTable> table = PartitionTable::read(image);
    const Result<PartitionTable> again = PartitionTable::read(headerOnly);
    FUZZ_CHECK(table.ok() == again.ok(), u"partition table read differs without the bitmap"_s);
    if (!table)
        return; // an I/O error on a hostile file is an answer
    FUZZ_CHECK(table->partitions == again->partitions && table->findings == again->findings, u"partition table differs without the bitmap"_s);
    quint64 readBytes = 0;
    for (const PartitionTable::Region &region : table->readRegions) {
        FUZZ_CHECK(region.offsetBytes + region.lengthBytes <= image.virtualSizeBytes(), u"read past the disk"_s);
        readBytes += region.lengthBytes;
    }
    FUZZ_CHECK(readBytes <= 2 * PartitionTable::LargeSectorBytes + 2 * (PartitionTable::LargeSectorBytes + PartitionTable::MaxEntryArrayBytes)
                   + 512 * quint64(PartitionTable::MaxEbrCount),
               u"%1 bytes read for a partition table"_s.arg(readBytes));
    FUZZ_CHECK(!table->isRefused() || table->partitions.isEmpty(), u"a refused table lists partitions"_s);
    for (const Partition &partition : table->partitions) {
        FUZZ_CHECK(partition.lengthBytes > 0 && partition.endBytes() <= image.virtualSizeBytes(), u"partition %1 outside the disk"_s.arg(partition.number));
        const Result<quint64> allocated = countAllocatedClusters(image, partition);
        const Result<quint64> counted = countAllocatedClusters(headerOnly, partition);
        FUZZ_CHECK(allocated.ok() && counted.ok() && allocated.value() == counted.value() && allocated.value() <= partition.clusters().count,
                   u"allocated clusters of partition %1"_s.arg(partition.number));
    }
}

// Why open's error and check's error are not the same error, or an empty string.
QString compareErrors(const Error &opened, const Error &checked)
{
    if (opened.code != checked.code || opened.field != checked.field || opened.rule != checked.rule || opened.finding != checked.finding
        || opened.path != checked.path)
        return u"open failed with \"%1\", check with \"%2\""_s.arg(opened.message(), checked.message());
    return {};
}

// One access: check's verdict against open's, and the two images against each other.
QString agreeFor(const QString &addCowPath, Image::Access access)
{
    const char *const name = access == Image::Access::ReadOnly ? "read-only" : "read-write";
    std::optional<Error> checkError;
    bool checkErrorFinding = false;
    quint64 checkedSize = 0;
    QByteArray checkedBits;
    {
        const Result<ImageCheck> checked = Image::check(addCowPath, access);
        if (!checked) {
            checkError = checked.error();
        } else {
            if (checked->hasErrors() != !checked->image)
                return u"%1 check: errors %2 but image %3"_s.arg(QLatin1StringView(name)).arg(checked->hasErrors()).arg(bool(checked->image));
            if (checked->hasErrors() != checked->error.has_value())
                return u"%1 check: errors %2 but error %3"_s.arg(QLatin1StringView(name)).arg(checked->hasErrors()).arg(checked->error.has_value());
            checkError = checked->error;
            checkErrorFinding = true;
            if (checked->image) {
                checkedSize = checked->image->virtualSizeBytes();
                checkedBits = checked->image->bitmap().toBytes();
            }
        }
    } // check's image is closed here: a read-write open would otherwise meet its own locks
    const Result<Image> opened = Image::open(addCowPath, access);
    if (opened.ok() == checkError.has_value())
        return u"%1: open %2, check %3"_s.arg(QLatin1StringView(name), opened.ok() ? u"succeeded"_s : opened.error().message(),
                                              checkError ? checkError->message() : u"found no error"_s);
    if (!opened.ok()) {
        if (const QString differs = compareErrors(opened.error(), *checkError); !differs.isEmpty())
            return QLatin1StringView(name) + u": "_s + differs;
        if (checkErrorFinding && !checkError->finding && checkError->code != ErrorCode::Io)
            return u"%1: check's error has no finding: %2"_s.arg(QLatin1StringView(name), checkError->message());
        return {};
    }
    if (opened->virtualSizeBytes() != checkedSize || opened->bitmap().toBytes() != checkedBits)
        return u"%1: check and open opened different images"_s.arg(QLatin1StringView(name));
    return {};
}

} // namespace

QString checkAgreesWithOpen(const QString &addCowPath, bool readOnlyCheckCoversReadWrite)
{
    for (const Image::Access access : {Image::Access::ReadOnly, Image::Access::ReadWrite}) {
        if (const QString differs = agreeFor(addCowPath, access); !differs.isEmpty())
            return differs;
    }
    if (!readOnlyCheckCoversReadWrite)
        return {};
    // addcow check runs read-only: it must also refuse what a read-write open refuses.
    const Result<ImageCheck> checked = Image::check(addCowPath, Image::Access::ReadOnly, Image::Contents::HeaderOnly);
    const bool checkRefuses = !checked || checked->hasErrors();
    const bool readWriteOpens = Image::open(addCowPath, Image::Access::ReadWrite).ok();
    if (checkRefuses == readWriteOpens)
        return u"read-only check %1, read-write open %2"_s.arg(checkRefuses ? u"refuses"_s : u"accepts"_s,
                                                               readWriteOpens ? u"succeeds"_s : u"fails"_s);
    return {};
}

ImageInput ImageInput::decode(QByteArrayView bytes)
{
    ImageInput input;
    constexpr qsizetype Fixed = 17;
    if (bytes.size() < Fixed) {
        input.addCowBytes = bytes.toByteArray();
        return input;
    }
    const char *data = bytes.data();
    input.flags = quint8(data[0]);
    input.imageSizeBytes = qFromLittleEndian<quint32>(data + 1) % (MaxFileBytes + 1);
    input.backingSizeBytes = qFromLittleEndian<quint32>(data + 5) % (MaxFileBytes + 1);
    input.readOffsetBytes = qFromLittleEndian<quint32>(data + 9);
    const qsizetype addCowLength = std::min<qsizetype>(qFromLittleEndian<quint32>(data + 13), bytes.size() - Fixed);
    input.addCowBytes = bytes.sliced(Fixed, addCowLength).toByteArray();
    input.imageBytes = bytes.sliced(Fixed + addCowLength).toByteArray();
    return input;
}

QByteArray ImageInput::encode() const
{
    QByteArray bytes(17, '\0');
    bytes[0] = char(flags);
    qToLittleEndian(imageSizeBytes, bytes.data() + 1);
    qToLittleEndian(backingSizeBytes, bytes.data() + 5);
    qToLittleEndian(readOffsetBytes, bytes.data() + 9);
    qToLittleEndian(quint32(addCowBytes.size()), bytes.data() + 13);
    return bytes + addCowBytes + imageBytes;
}

void parseHeaderBytes(QByteArrayView bytes)
{
    const HeaderParse parse = parseHeader(bytes, u"fuzz.add-cow"_s);
    for (qsizetype i = 1; i < parse.findings.size(); ++i)
        FUZZ_CHECK(parse.findings[i - 1].offsetBytes <= parse.findings[i].offsetBytes, u"findings out of order"_s);
    for (const Finding &finding : parse.findings)
        FUZZ_CHECK(finding.rule() >= 1 && finding.rule() <= 20, u"rule %1"_s.arg(finding.rule()));
    const std::optional<Error> first = parse.firstError();
    FUZZ_CHECK(!parse.hasErrors() || first.has_value(), u"errors found but no first error"_s);
    FUZZ_CHECK(parse.hasErrors() || !parse.complete || !first.has_value(), u"a first error without errors"_s);
    if (!parse.complete || parse.hasErrors())
        return;
    // A usable header keeps its meaning through serialize and parse (R1-R10).
    const Header &header = parse.header;
    const QByteArray again = header.serialize();
    FUZZ_CHECK(quint64(again.size()) == header.headerSizeBytes(), u"serialized %1 bytes"_s.arg(again.size()));
    const HeaderParse reparsed = parseHeader(again);
    FUZZ_CHECK(!reparsed.hasErrors() && reparsed.complete, u"a valid header serialized to an invalid one"_s);
    FUZZ_CHECK(reparsed.header == header, u"the header changed through serialize"_s);
}

QString writeFileSet(const ImageInput &input)
{
    QTemporaryDir &directory = workDirectory();
    const QString addCowPath = directory.filePath(u"disk.add-cow"_s);
    const QString imagePath = directory.filePath(u"disk.raw"_s);
    const QString backingPath = directory.filePath(u"base.raw"_s);
    QFile::remove(imagePath);
    QFile::remove(backingPath);
    if (!writeWhole(addCowPath, input.addCowBytes, quint64(input.addCowBytes.size())))
        fail("cannot write the .add-cow file");
    if (!(input.flags & ImageInput::NoImageFile) && !writeWhole(imagePath, input.imageBytes, input.imageSizeBytes))
        fail("cannot write the image file");
    if (input.flags & ImageInput::MakeBacking) {
        QByteArray pattern;
        if (input.flags & ImageInput::FillBacking) {
            pattern.resize(qsizetype(std::min<quint64>(input.backingSizeBytes, 4 * ClusterSizeBytes)));
            for (qsizetype i = 0; i < pattern.size(); ++i)
                pattern[i] = char(i * 31 + 7);
        }
        if (!writeWhole(backingPath, pattern, input.backingSizeBytes))
            fail("cannot write the backing file");
    }
    return addCowPath;
}

void openImageBytes(QByteArrayView bytes)
{
    const ImageInput input = ImageInput::decode(bytes);
    const QString addCowPath = writeFileSet(input);

    // The one validating open: check reports an error exactly when open fails, with its error.
    const QString differs = checkAgreesWithOpen(addCowPath);
    FUZZ_CHECK(differs.isEmpty(), differs);
    if (const Result<ImageCheck> checked = Image::check(addCowPath, Image::Access::ReadOnly, Image::Contents::HeaderOnly)) {
        for (const Finding &finding : checked->findings)
            FUZZ_CHECK(finding.rule() >= 1 && finding.rule() <= 20, u"rule %1"_s.arg(finding.rule()));
    }

    Result<Image> opened = Image::open(addCowPath, Image::Access::ReadOnly);
    if (!opened)
        return;
    const Image &image = opened.value();
    const quint64 virtualSize = image.virtualSizeBytes();
    // R11: the virtual size is the image file's size; R16: resolved paths are absolute.
    FUZZ_CHECK(virtualSize == input.imageSizeBytes, u"virtual size %1, image file %2"_s.arg(virtualSize).arg(input.imageSizeBytes));
    FUZZ_CHECK(image.clusterCount() == clusterCountFor(virtualSize), u"cluster count"_s);
    FUZZ_CHECK(QDir::isAbsolutePath(image.imageFile().resolvedPath), image.imageFile().resolvedPath);

    // What `addcow info` opens (the bitmap left on disk) agrees with the loaded bitmap.
    const Result<Image> headerOnly = Image::open(addCowPath, Image::Access::ReadOnly, Image::Contents::HeaderOnly);
    FUZZ_CHECK(headerOnly.ok(), headerOnly.error().message());
    const Result<quint64> countedOnDisk = headerOnly->countAllocated();
    FUZZ_CHECK(countedOnDisk.ok(), countedOnDisk.error().message());
    FUZZ_CHECK(countedOnDisk.value() == image.bitmap().countAllocated(),
               u"%1 allocated on disk, %2 in memory"_s.arg(countedOnDisk.value()).arg(image.bitmap().countAllocated()));

    // The map covers the disk exactly, in order, with no empty run and no two same neighbours.
    const QList<MapRun> runs = image.map();
    quint64 position = 0;
    for (qsizetype i = 0; i < runs.size(); ++i) {
        FUZZ_CHECK(runs[i].offsetBytes == position && runs[i].lengthBytes > 0, u"run %1 at %2"_s.arg(i).arg(runs[i].offsetBytes));
        FUZZ_CHECK(i == 0 || runs[i - 1].source != runs[i].source, u"unmerged runs at %1"_s.arg(runs[i].offsetBytes));
        position += runs[i].lengthBytes;
    }
    FUZZ_CHECK(position == virtualSize, u"map ends at %1 of %2"_s.arg(position).arg(virtualSize));
    checkPartitions(image, headerOnly.value());

    // R15: past the end is an error, never zeros.
    FUZZ_CHECK(!image.read(virtualSize, 1).ok(), u"read past the end succeeded"_s);
    FUZZ_CHECK(!image.read(input.readOffsetBytes, quint64(virtualSize) + 1).ok(), u"oversized read succeeded"_s);
    if (virtualSize == 0)
        return;
    checkRead(image, runs, 0, std::min(virtualSize, MaxReadBytes));
    checkRead(image, runs, virtualSize - 1, 1);
    const quint64 offset = input.readOffsetBytes % virtualSize;
    checkRead(image, runs, offset, std::min(virtualSize - offset, quint64(input.readOffsetBytes >> 14) % MaxReadBytes + 1));
    // Across the backing file's end, where R13 switches from backing data to zeros.
    const quint64 backingEnd = std::min<quint64>(input.backingSizeBytes, virtualSize - 1);
    const quint64 around = backingEnd > ClusterSizeBytes ? backingEnd - ClusterSizeBytes : 0;
    checkRead(image, runs, around, std::min(virtualSize - around, 3 * ClusterSizeBytes));
}

} // namespace FuzzEntryPoints
