// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "diskstreamreader.h"

#include "diskextentscanner.h"
#include "format.h"
#include "image.h"

#include <algorithm>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

namespace AddCow
{

namespace
{

// Four buffers of 1 MiB: big enough that a read costs few system calls, small enough that a
// buffer is still in the shared cache when the consumer hashes it.
constexpr int BufferCount = 4;
constexpr quint64 BufferBytes = 1024 * 1024;
// How much of the map one step asks the scanner about, so a fragmented 64 TiB disk never builds
// a huge list of extents.
constexpr quint64 WindowBytes = 64 * 1024 * 1024;

} // namespace

struct DiskStreamReader::Private {
    /** A piece waiting for the consumer; buffer -1 for zeros. */
    struct Queued {
        quint64 offsetBytes;
        quint64 lengthBytes;
        int buffer;
    };

    const Image &image;
    const quint64 beginBytes;
    const quint64 endBytes;
    std::vector<std::unique_ptr<char[]>> buffers;

    std::mutex mutex;
    std::condition_variable changed;
    std::deque<Queued> queue;     // guarded by mutex
    std::vector<int> freeBuffers; // guarded by mutex
    bool finished = false;        // guarded by mutex: the reader queued its last piece
    bool stopping = false;        // guarded by mutex: the consumer is gone
    int heldBuffer = -1;          // consumer only: the buffer of the piece it holds

    // Written by the reader thread, read by the consumer only after `finished` (under mutex).
    QList<ByteRange> unreadable;
    std::optional<Error> firstReadError;

    std::thread thread;

    Private(const Image &image, quint64 offsetBytes, quint64 lengthBytes)
        : image(image)
        , beginBytes(offsetBytes)
        , endBytes(offsetBytes + lengthBytes)
    {
        for (int i = 0; i < BufferCount; ++i) {
            buffers.push_back(std::make_unique<char[]>(BufferBytes));
            freeBuffers.push_back(i);
        }
    }

    bool push(Queued piece)
    {
        std::lock_guard lock(mutex);
        if (stopping)
            return false;
        queue.push_back(piece);
        changed.notify_all();
        return true;
    }

    /** A free buffer, or -1 when the consumer stopped. */
    int takeBuffer()
    {
        std::unique_lock lock(mutex);
        changed.wait(lock, [this] { return stopping || !freeBuffers.empty(); });
        if (stopping)
            return -1;
        const int buffer = freeBuffers.back();
        freeBuffers.pop_back();
        return buffer;
    }

    void markUnreadable(quint64 offsetBytes, quint64 lengthBytes, const Error &error)
    {
        if (!firstReadError)
            firstReadError = error;
        if (!unreadable.isEmpty() && unreadable.last().endBytes() == offsetBytes)
            unreadable.last().lengthBytes += lengthBytes;
        else
            unreadable.append(ByteRange{offsetBytes, lengthBytes});
    }

    // Reads [offsetBytes, +lengthBytes) into target; what fails is narrowed down to clusters
    // and zeroed, so one bad sector costs at most its cluster, not a whole buffer.
    void readInto(char *target, quint64 offsetBytes, quint64 lengthBytes)
    {
        if (image.read(offsetBytes, target, lengthBytes))
            return;
        const quint64 end = offsetBytes + lengthBytes;
        for (quint64 pos = offsetBytes; pos < end;) {
            const quint64 clusterEnd = std::min((pos / ClusterSizeBytes + 1) * ClusterSizeBytes, end);
            char *at = target + (pos - offsetBytes);
            if (const Result<void> read = image.read(pos, at, clusterEnd - pos); !read) {
                std::memset(at, 0, clusterEnd - pos);
                markUnreadable(pos, clusterEnd - pos, read.error());
            }
            pos = clusterEnd;
        }
    }

    void run()
    {
        DiskExtentScanner scanner(image);
        // Zero extents are gathered until data follows: one piece for a hole of any size.
        ByteRange zeros{beginBytes, 0};
        for (quint64 window = beginBytes; window < endBytes;) {
            const quint64 windowEnd = window + std::min(WindowBytes, endBytes - window);
            // Where lseek fails the bytes are read: if they can be, the hash is right anyway.
            Result<QList<DiskExtent>> extents = scanner.extents(window, windowEnd - window);
            if (!extents)
                extents = QList<DiskExtent>{{window, windowEnd - window, false}};
            for (const DiskExtent &extent : std::as_const(extents.value())) {
                if (extent.zero) {
                    if (zeros.lengthBytes == 0)
                        zeros.offsetBytes = extent.offsetBytes;
                    zeros.lengthBytes += extent.lengthBytes;
                    continue;
                }
                if (zeros.lengthBytes > 0 && !push({zeros.offsetBytes, zeros.lengthBytes, -1}))
                    return;
                zeros.lengthBytes = 0;
                const quint64 extentEnd = extent.offsetBytes + extent.lengthBytes;
                for (quint64 pos = extent.offsetBytes; pos < extentEnd;) {
                    const int buffer = takeBuffer();
                    if (buffer < 0)
                        return;
                    const quint64 length = std::min(BufferBytes, extentEnd - pos);
                    readInto(buffers[size_t(buffer)].get(), pos, length);
                    if (!push({pos, length, buffer}))
                        return;
                    pos += length;
                }
            }
            window = windowEnd;
            std::lock_guard lock(mutex);
            if (stopping)
                return;
        }
        if (zeros.lengthBytes > 0 && !push({zeros.offsetBytes, zeros.lengthBytes, -1}))
            return;
        std::lock_guard lock(mutex);
        finished = true;
        changed.notify_all();
    }
};

DiskStreamReader::DiskStreamReader(const Image &image, quint64 offsetBytes, quint64 lengthBytes)
    : d(std::make_unique<Private>(image, offsetBytes, lengthBytes))
{
    d->thread = std::thread([this] { d->run(); });
}

DiskStreamReader::~DiskStreamReader()
{
    {
        std::lock_guard lock(d->mutex);
        d->stopping = true;
        d->changed.notify_all();
    }
    d->thread.join();
}

std::optional<DiskStreamReader::Piece> DiskStreamReader::next()
{
    std::unique_lock lock(d->mutex);
    if (d->heldBuffer >= 0) {
        d->freeBuffers.push_back(d->heldBuffer);
        d->heldBuffer = -1;
        d->changed.notify_all();
    }
    d->changed.wait(lock, [this] { return !d->queue.empty() || d->finished; });
    if (d->queue.empty())
        return std::nullopt;
    const Private::Queued queued = d->queue.front();
    d->queue.pop_front();
    d->heldBuffer = queued.buffer;
    return Piece{queued.offsetBytes, queued.lengthBytes, queued.buffer >= 0 ? d->buffers[size_t(queued.buffer)].get() : nullptr};
}

const QList<ByteRange> &DiskStreamReader::unreadable() const
{
    return d->unreadable;
}

const std::optional<Error> &DiskStreamReader::firstReadError() const
{
    return d->firstReadError;
}

} // namespace AddCow
