// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "changescan.h"

#include "format.h"
#include "image.h"
#include "nextdata.h"

#include <QByteArray>
#include <QElapsedTimer>

#include <algorithm>
#include <cstring>
#include <limits>
#include <optional>

using namespace Qt::StringLiterals;

namespace AddCow
{

namespace
{
constexpr quint64 MapWindowBytes = quint64(1) << 30; // one map() call: a bounded list of runs
constexpr quint64 Unbounded = std::numeric_limits<quint64>::max();
constexpr qint64 FlushMilliseconds = 50; // the list fills in while the scan runs
constexpr qsizetype FlushRuns = 4096;

/** Builds runs cluster by cluster, merging neighbours of one kind, and hands them out in batches. */
class RunBuilder
{
public:
    RunBuilder(quint64 virtualSizeBytes, quint64 firstCluster, const ChangeScan::BatchFunction &batchFunction)
        : m_virtualSizeBytes(virtualSizeBytes)
        , m_batchStart(firstCluster)
        , m_batchFunction(batchFunction)
    {
        m_sinceFlush.start();
    }

    /** Allocated clusters [first, first + count) that equal their clean bytes. */
    void addUnchanged(quint64 first, quint64 count)
    {
        if (m_open && m_open->kind == ChangeRun::Kind::Unchanged && m_open->clusters.end() == first) {
            m_open->clusters.count += count;
        } else {
            close();
            m_open = ChangeRun{ChangeRun::Kind::Unchanged, {first, count}, first * ClusterSizeBytes, 0};
        }
        m_open->lengthBytes = clusterEnd(m_open->clusters.end() - 1) - m_open->offsetBytes;
    }

    /** Cluster clusterIndex, whose bytes differ from firstBytes up to and including lastBytes. */
    void addChanged(quint64 clusterIndex, quint64 firstBytes, quint64 lastBytes)
    {
        if (m_open && m_open->kind == ChangeRun::Kind::Changed && m_open->clusters.end() == clusterIndex) {
            m_open->clusters.count += 1;
        } else {
            close();
            m_open = ChangeRun{ChangeRun::Kind::Changed, {clusterIndex, 1}, firstBytes, 0};
        }
        m_open->lengthBytes = lastBytes + 1 - m_open->offsetBytes;
    }

    /** Hands out the closed runs when enough time or runs have gathered; everything before position is scanned. */
    void maybeFlush(quint64 position)
    {
        if (!m_closed.isEmpty() && (m_sinceFlush.elapsed() >= FlushMilliseconds || m_closed.size() >= FlushRuns))
            flush(position);
    }

    /** Hands out every closed run; the batch reaches position, or the open run's start. */
    void flush(quint64 position)
    {
        const quint64 scannedEnd = m_open ? m_open->clusters.first : position;
        if (scannedEnd > m_batchStart || !m_closed.isEmpty()) {
            m_batchFunction(ChangeScan::Batch{{m_batchStart, scannedEnd - m_batchStart}, m_closed});
            m_closed.clear();
            m_batchStart = scannedEnd;
        }
        m_sinceFlush.restart();
    }

    /** Closes the open run and hands out everything up to position. */
    void finish(quint64 position)
    {
        close();
        flush(position);
    }

private:
    quint64 clusterEnd(quint64 clusterIndex) const
    {
        return std::min((clusterIndex + 1) * ClusterSizeBytes, m_virtualSizeBytes); // R15: partial last cluster
    }

    void close()
    {
        if (m_open)
            m_closed.append(*m_open);
        m_open.reset();
    }

    quint64 m_virtualSizeBytes;
    quint64 m_batchStart;
    const ChangeScan::BatchFunction &m_batchFunction;
    std::optional<ChangeRun> m_open;
    QList<ChangeRun> m_closed;
    QElapsedTimer m_sinceFlush;
};

/** The first offset at or after offsetBytes where fd may hold a non-zero byte; Unbounded when none, offsetBytes when unsure. */
quint64 zerosUntil(int fd, quint64 fileSizeBytes, quint64 offsetBytes)
{
    if (fd < 0)
        return offsetBytes;
    const quint64 data = nextDataInFile(fd, offsetBytes, fileSizeBytes);
    return data >= fileSizeBytes ? Unbounded : data; // past the end: zeros (R13)
}
} // namespace

ChangeScan::Basis ChangeScan::basisFor(const Image &image)
{
    if (image.backingFile().storedName.isEmpty())
        return Basis::Zeros;
    if (image.isAllAllocated())
        return Basis::None; // R14: the backing file is not opened
    if (image.backingError())
        return Basis::Unreadable;
    return Basis::Backing;
}

Result<void> ChangeScan::scan(const Image &image, ClusterRange range, JobContext &context, const BatchFunction &batchFunction)
{
    range = range.intersected(ClusterRange{0, image.clusterCount()});
    const Basis basis = basisFor(image);
    if (!compares(basis) || range.isEmpty()) {
        batchFunction(Batch{range, {}});
        return {};
    }
    if (!image.isAllAllocated() && !image.hasBitmap()) {
        Error error;
        error.code = ErrorCode::InvalidArgument;
        error.path = image.path();
        error.detail = u"the image was opened without its bitmap"_s;
        return error;
    }

    const quint64 virtualSize = image.virtualSizeBytes();
    const quint64 rangeEndBytes = std::min(range.end() * ClusterSizeBytes, virtualSize);
    const quint64 totalBytes = (image.isAllAllocated() ? range.count : image.bitmap().countAllocated(range)) * ClusterSizeBytes;
    quint64 doneBytes = 0;
    context.setProgress(0, totalBytes);

    // Clusters that are holes in the image file and zeros on the clean side are equal unread.
    // zerosUntilBytes remembers how far both sides were found to be zeros, so a hole that spans
    // many map windows costs one lseek per file, not one per window.
    const bool cleanIsZeros = basis == Basis::Zeros;
    quint64 zerosFromBytes = 0;
    quint64 zerosUntilBytes = 0;
    const auto zeroClustersFrom = [&](quint64 cluster, quint64 endCluster) -> quint64 {
        const quint64 offset = cluster * ClusterSizeBytes;
        if (offset < zerosFromBytes || offset >= zerosUntilBytes) {
            const quint64 rawZeros = zerosUntil(image.imageFd(), image.imageFile().sizeBytes, offset);
            const quint64 cleanZeros = rawZeros <= offset || cleanIsZeros
                ? rawZeros
                : zerosUntil(image.backingFd(), image.backingFile().sizeBytes, offset);
            zerosFromBytes = offset;
            zerosUntilBytes = std::min(rawZeros, cleanZeros);
        }
        if (zerosUntilBytes <= offset)
            return cluster;
        if (zerosUntilBytes >= std::min(endCluster * ClusterSizeBytes, virtualSize))
            return endCluster;
        return std::max(cluster, zerosUntilBytes / ClusterSizeBytes);
    };

    RunBuilder builder(virtualSize, range.first, batchFunction);
    QByteArray raw(qsizetype(ChunkClusters * ClusterSizeBytes), Qt::Uninitialized);
    QByteArray clean(qsizetype(ChunkClusters * ClusterSizeBytes), Qt::Uninitialized);
    const auto cancelled = [&](quint64 cluster) -> Result<void> {
        builder.flush(cluster); // what was scanned stays valid
        Error error;
        error.code = ErrorCode::Cancelled;
        error.path = image.path();
        error.detail = u"the change scan was cancelled"_s;
        return error;
    };

    for (quint64 window = range.first * ClusterSizeBytes; window < rangeEndBytes;) {
        const quint64 windowEnd = std::min(rangeEndBytes, window + MapWindowBytes);
        // R13/R14 in one place: Image::map says which clusters the image file holds.
        const QList<MapRun> runs = image.map(window, windowEnd - window);
        for (const MapRun &run : runs) {
            if (run.source != DataSource::Image)
                continue;
            const quint64 endCluster = clusterCountFor(run.offsetBytes + run.lengthBytes);
            quint64 cluster = run.offsetBytes / ClusterSizeBytes;
            while (cluster < endCluster) {
                if (context.isCancelled())
                    return cancelled(cluster);
                const quint64 zeroEnd = zeroClustersFrom(cluster, endCluster);
                if (zeroEnd > cluster) {
                    builder.addUnchanged(cluster, zeroEnd - cluster);
                    doneBytes += (zeroEnd - cluster) * ClusterSizeBytes;
                    cluster = zeroEnd;
                } else {
                    const quint64 clusters = std::min(ChunkClusters, endCluster - cluster);
                    const quint64 offset = cluster * ClusterSizeBytes;
                    const quint64 length = std::min(clusters * ClusterSizeBytes, virtualSize - offset);
                    const Result<quint64> got = image.readImageFile(offset, raw.data(), length);
                    if (!got)
                        return got.error();
                    if (got.value() < length)
                        std::memset(raw.data() + got.value(), 0, length - got.value()); // as Image::read pads
                    if (Result<void> read = image.readClean(offset, clean.data(), length); !read)
                        return read;
                    for (quint64 i = 0; i < clusters; ++i) {
                        const quint64 begin = i * ClusterSizeBytes;
                        const quint64 end = std::min(begin + ClusterSizeBytes, length);
                        const char *a = raw.constData() + begin;
                        const char *b = clean.constData() + begin;
                        if (std::memcmp(a, b, end - begin) == 0) {
                            builder.addUnchanged(cluster + i, 1);
                            continue;
                        }
                        quint64 first = 0;
                        while (a[first] == b[first])
                            ++first;
                        quint64 last = end - begin - 1;
                        while (a[last] == b[last])
                            --last;
                        builder.addChanged(cluster + i, offset + begin + first, offset + begin + last);
                    }
                    doneBytes += clusters * ClusterSizeBytes;
                    cluster += clusters;
                }
                context.setProgress(std::min(doneBytes, totalBytes), totalBytes);
                builder.maybeFlush(cluster);
            }
        }
        window = windowEnd;
    }
    builder.finish(range.end());
    context.setProgress(totalBytes, totalBytes);
    return {};
}

} // namespace AddCow
