// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "bitmapcount.h"

#include "clusterbitmap.h"
#include "fileio.h"
#include "finding.h"

#include <QByteArrayView>

#include <algorithm>
#include <bit>
#include <cstdlib>
#include <memory>
#include <pthread.h>

using namespace Qt::StringLiterals;

namespace AddCow
{

namespace
{

constexpr quint64 ChunkBytes = 1024 * 1024;
constexpr quint64 PageBytes = 4096;
// On one core, counting adds about a third to the read itself; from this much bitmap data on
// (2 TiB of virtual disk) a second thread reads and counts the second half, which brings the
// whole count under the time of one plain read (addcow-bench-core).
constexpr quint64 TwoThreadsFromBytes = 4 * 1024 * 1024;

// R12: bits went missing while they were read.
Error shrankError(const QString &path, quint64 endBytes, quint64 wantedBytes)
{
    const FindingArguments arguments{FindingArgument::ofNumber(endBytes), FindingArgument::ofNumber(wantedBytes)};
    return Error::fromFinding(path, Finding{Severity::Error, FindingCode::BitmapEndsEarly, HeaderField::Bitmap, endBytes, 0, {}, arguments});
}

// Set bits in the file's bytes [fromBytes, toBytes): holes are skipped (they read as zero
// bits), data is read a chunk at a time into a page-aligned buffer and counted as it arrives.
Result<quint64> countBytes(int fd, const QString &path, quint64 fromBytes, quint64 toBytes)
{
    const quint64 chunkBytes = std::min(ChunkBytes, (toBytes - fromBytes + PageBytes - 1) / PageBytes * PageBytes);
    const std::unique_ptr<char, decltype(&std::free)> chunk(static_cast<char *>(std::aligned_alloc(PageBytes, chunkBytes)), &std::free);
    if (!chunk)
        return Error::fromErrno(path, u"cannot allocate a buffer to count the bitmap"_s);
    char *const buffer = chunk.get();
    quint64 count = 0;
    for (quint64 position = fromBytes; position < toBytes;) {
        const qint64 dataStart = FileIo::seekData(fd, position);
        if (dataStart < 0)
            return Error::fromErrno(path, u"cannot look for data in the bitmap"_s);
        if (quint64(dataStart) >= toBytes)
            break;
        const qint64 holeStart = FileIo::seekHole(fd, quint64(dataStart));
        if (holeStart < 0)
            return Error::fromErrno(path, u"cannot look for data in the bitmap"_s);
        const quint64 dataEnd = std::min(quint64(holeStart), toBytes);
        for (position = quint64(dataStart); position < dataEnd;) {
            const quint64 length = std::min(chunkBytes, dataEnd - position);
            const qint64 got = FileIo::readFull(fd, buffer, length, position);
            if (got < 0)
                return Error::fromErrno(path, u"cannot read the bitmap"_s);
            if (quint64(got) < length)
                return shrankError(path, position + quint64(got), toBytes);
            count += ClusterBitmap::countSetBits(QByteArrayView(buffer, got));
            position += length;
        }
    }
    return count;
}

struct Half {
    int fd = -1;
    const QString *path = nullptr;
    quint64 fromBytes = 0;
    quint64 toBytes = 0;
    Result<quint64> counted = quint64(0);
};

void *countHalf(void *argument)
{
    Half &half = *static_cast<Half *>(argument);
    half.counted = countBytes(half.fd, *half.path, half.fromBytes, half.toBytes);
    return nullptr;
}

// Set bits in [fromBytes, toBytes), a large range in two halves at once (in this thread alone
// if no second one can start).
Result<quint64> countRange(int fd, const QString &path, quint64 fromBytes, quint64 toBytes)
{
    // The halves split the data, not leading holes; a bitmap that is all hole (fresh) is 0.
    const qint64 firstData = FileIo::seekData(fd, fromBytes);
    if (firstData < 0)
        return Error::fromErrno(path, u"cannot look for data in the bitmap"_s);
    if (quint64(firstData) >= toBytes)
        return quint64(0);
    fromBytes = quint64(firstData);
    if (toBytes - fromBytes < TwoThreadsFromBytes)
        return countBytes(fd, path, fromBytes, toBytes);

    const quint64 middle = fromBytes + (toBytes - fromBytes) / 2 / PageBytes * PageBytes;
    Half second{fd, &path, middle, toBytes};
    pthread_t thread;
    const bool started = ::pthread_create(&thread, nullptr, countHalf, &second) == 0;
    const Result<quint64> first = countBytes(fd, path, fromBytes, middle);
    if (started)
        ::pthread_join(thread, nullptr);
    else
        countHalf(&second);
    if (!first)
        return first;
    if (!second.counted)
        return second.counted;
    return first.value() + second.counted.value();
}

} // namespace

Result<quint64> countAllocatedOnDisk(int fd, const QString &path, quint64 bitmapOffsetBytes, quint64 clusterCount)
{
    return countAllocatedOnDisk(fd, path, bitmapOffsetBytes, clusterCount, ClusterRange{0, clusterCount});
}

Result<quint64> countAllocatedOnDisk(int fd, const QString &path, quint64 bitmapOffsetBytes, quint64 clusterCount, ClusterRange range)
{
    range = range.intersected(ClusterRange{0, clusterCount}); // R12: bits past the clusters are ignored
    if (range.isEmpty())
        return quint64(0);
    const qint64 fileBytes = FileIo::fileSize(fd);
    if (fileBytes < 0)
        return Error::fromErrno(path, u"cannot read the size of the file"_s);
    // The bits of one byte from bit `from` up to (not including) bit `to`.
    const auto countBits = [&](quint64 byteIndex, unsigned from, unsigned to) -> Result<quint64> {
        uchar byte = 0;
        const qint64 got = FileIo::readFull(fd, reinterpret_cast<char *>(&byte), 1, bitmapOffsetBytes + byteIndex);
        if (got < 0)
            return Error::fromErrno(path, u"cannot read the bitmap"_s);
        const unsigned mask = ((1u << to) - 1) & ~((1u << from) - 1);
        return quint64(std::popcount(uchar(byte & mask)));
    };
    const quint64 firstByte = range.first / 8;
    const quint64 endByte = range.end() / 8; // the byte holding the first cluster past the range
    if (firstByte == endByte)
        return countBits(firstByte, unsigned(range.first % 8), unsigned(range.end() % 8));
    quint64 count = 0;
    // A partial first byte, whole bytes (8 clusters each, counted where they lie), a partial last byte.
    quint64 wholeFrom = firstByte;
    if (const unsigned headBit = unsigned(range.first % 8); headBit != 0) {
        const Result<quint64> head = countBits(firstByte, headBit, 8);
        if (!head)
            return head;
        count += head.value();
        ++wholeFrom;
    }
    // Bitmap bytes missing at the end of the file count as clear.
    const quint64 wholeEnd = std::min(bitmapOffsetBytes + endByte, quint64(fileBytes));
    if (wholeEnd > bitmapOffsetBytes + wholeFrom) {
        const Result<quint64> whole = countRange(fd, path, bitmapOffsetBytes + wholeFrom, wholeEnd);
        if (!whole)
            return whole;
        count += whole.value();
    }
    if (const unsigned tailBits = unsigned(range.end() % 8); tailBits != 0) {
        const Result<quint64> tail = countBits(endByte, 0, tailBits);
        if (!tail)
            return tail;
        count += tail.value();
    }
    return count;
}

Result<std::optional<quint64>> lastSetBitOnDisk(int fd, const QString &path, quint64 bitmapOffsetBytes, quint64 fromByte, quint64 endByte)
{
    constexpr quint64 ReadChunkBytes = 1024 * 1024;
    std::optional<quint64> last;
    QByteArray buffer;
    quint64 position = fromByte;
    while (position < endByte) {
        const qint64 data = FileIo::seekData(fd, bitmapOffsetBytes + position);
        if (data < 0)
            return Error::fromErrno(path, u"cannot look for data in the bitmap"_s);
        if (quint64(data) >= bitmapOffsetBytes + endByte)
            break;
        position = std::max(position, quint64(data) - bitmapOffsetBytes);
        const quint64 length = std::min(ReadChunkBytes, endByte - position);
        buffer.resize(qsizetype(length));
        const qint64 got = FileIo::readFull(fd, buffer.data(), length, bitmapOffsetBytes + position);
        if (got < 0)
            return Error::fromErrno(path, u"cannot read the bitmap"_s);
        if (got == 0)
            break;
        for (qint64 i = got - 1; i >= 0; --i) {
            if (const auto byte = quint8(buffer[i])) {
                last = (position + quint64(i)) * 8 + quint64(7 - std::countl_zero(byte));
                break;
            }
        }
        position += quint64(got);
    }
    return last;
}

} // namespace AddCow
