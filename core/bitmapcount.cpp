// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "bitmapcount.h"

#include "clusterbitmap.h"
#include "fileio.h"

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

Error shrankError(const QString &path)
{
    Error error;
    error.code = ErrorCode::Io;
    error.path = path;
    error.detail = u"the file shrank while its bitmap was being counted"_s;
    return error;
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
                return shrankError(path);
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
    const qint64 fileBytes = FileIo::fileSize(fd);
    if (fileBytes < 0)
        return Error::fromErrno(path, u"cannot read the size of the file"_s);
    // Whole bytes hold 8 clusters each; the last byte may hold fewer (R12: the rest is ignored).
    const quint64 wholeEnd = std::min(bitmapOffsetBytes + clusterCount / 8, quint64(fileBytes));
    quint64 count = 0;
    if (wholeEnd > bitmapOffsetBytes) {
        const Result<quint64> whole = countRange(fd, path, bitmapOffsetBytes, wholeEnd);
        if (!whole)
            return whole;
        count = whole.value();
    }
    if (const unsigned tailBits = unsigned(clusterCount % 8); tailBits != 0) {
        uchar last = 0;
        const qint64 got = FileIo::readFull(fd, reinterpret_cast<char *>(&last), 1, bitmapOffsetBytes + clusterCount / 8);
        if (got < 0)
            return Error::fromErrno(path, u"cannot read the bitmap"_s);
        count += quint64(std::popcount(uchar(last & ((1u << tailBits) - 1))));
    }
    return count;
}

} // namespace AddCow
