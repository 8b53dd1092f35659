// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "commitjob.h"

#include "backingreader.h"
#include "bufferwriter.h"
#include "byterange.h"
#include "diskextentscanner.h"
#include "fileio.h"
#include "format.h"
#include "image.h"
#include "largememory.h"

#include <QFileInfo>
#include <QList>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <future>
#include <optional>
#include <utility>

using namespace Qt::StringLiterals;

namespace AddCow
{

namespace
{

// A batch's bits are written in one piece: at most this many clusters (1 TiB of disk, 2 MiB of bitmap).
constexpr quint64 MaxBatchSpanClusters = quint64(1) << 24;
// Cancel is checked, progress reported and writeback started after each chunk of this much
// writing, or of this much disk where nothing needs writing (holes cost lseeks only).
constexpr quint64 ChunkBytes = 8 * 1024 * 1024;
constexpr quint64 MaxChunkSpanBytes = quint64(64) << 30;
// How much of the map the scanner looks at in one step, so a fragmented 64 TiB disk never builds a huge list.
constexpr quint64 WindowBytes = quint64(1) << 30;
constexpr quint64 ZeroBufferBytes = 1024 * 1024;
// Backing data without a file descriptor (NBD) is read this much at a time, into one of two
// buffers while the other is written: one read keeps several requests in flight, so qemu-nbd
// reads the next while the last one's data travels, and the image file is written meanwhile.
constexpr quint64 ReadBufferBytes = ChunkBytes;
// The writer thread starts writeback of each buffer it wrote and waits for the oldest beyond
// this much, so the disk writes while qemu-nbd is read, and a batch's sync waits for little.
constexpr quint64 WriteBehindBytes = 4 * ChunkBytes;

constexpr quint64 alignUp(quint64 bytes)
{
    return (bytes + ClusterSizeBytes - 1) / ClusterSizeBytes * ClusterSizeBytes;
}

struct CommitStats {
    quint64 bytesCopied = 0;
    quint64 bytesZeroed = 0;
    quint64 holeBytesSkipped = 0;
    quint64 batches = 0;
    quint64 clustersCommitted = 0;
    quint64 written() const { return bytesCopied + bytesZeroed; }
};

/**
 * Copies clean clusters of one image into its image file; the caller makes batches durable.
 * What a clean byte holds is asked of the image (Image::map through DiskExtentScanner, with the
 * backing file's size as opened): commit never decides it again. Holes of the backing file are
 * zeros, which the image file's own holes already are: neither is copied.
 */
class Committer
{
public:
    explicit Committer(Image &image)
        : m_image(image)
        , m_scanner(image)
        , m_imagePath(image.imageFile().resolvedPath)
        , m_imageFd(image.imageFd())
        , m_writer(m_imageFd, WriteBehindBytes)
    {
    }

    /**
     * Makes the image file's bytes in [begin, end), which lie in clean clusters, hold what the
     * virtual disk shows there (R19), in order, and stops early once maxBytes were written, at
     * the next cluster boundary. Stretches that need no writing (holes) cost a few lseeks
     * whatever their size. @return where it stopped: end, or a cluster boundary before it
     */
    Result<quint64> copySome(quint64 begin, quint64 end, quint64 maxBytes)
    {
        end = std::min(end, begin + MaxChunkSpanBytes);
        const quint64 writtenBefore = stats.written();
        const quint64 toWriterBefore = m_bytesToWriter;
        // Bytes written here, not by m_writer (which starts their writeback itself).
        const auto writtenHere = [&] { return stats.written() - writtenBefore - (m_bytesToWriter - toWriterBefore); };
        quint64 budget = std::max<quint64>(maxBytes, 1);
        quint64 pos = begin;
        while (pos < end) {
            const quint64 windowEnd = std::min(end, pos + WindowBytes);
            Result<QList<DiskExtent>> extents = m_scanner.extents(pos, windowEnd - pos);
            if (!extents)
                return extents.error();
            quint64 scanned = windowEnd;
            for (const DiskExtent &extent : std::as_const(extents.value())) {
                const quint64 extentEnd = std::min(extent.offsetBytes + extent.lengthBytes, end);
                if (extent.offsetBytes >= extentEnd)
                    break;
                // Zeros: no backing data (R13), or a hole in the backing file.
                const Result<quint64> reached = extent.zero ? zeroWhereImageHasData(extent.offsetBytes, extentEnd, budget)
                                                            : copyBackingData(extent.offsetBytes, extentEnd, budget);
                if (!reached)
                    return reached;
                if (reached.value() < extentEnd) {
                    if (Result<void> r = writeBehind(begin, reached.value(), writtenHere()); !r)
                        return r.error();
                    return reached.value();
                }
                if (budget == 0) {
                    // Spent: finish the cluster being written and stop at its end.
                    end = std::min(end, alignUp(extentEnd));
                    scanned = extentEnd;
                    break;
                }
            }
            pos = scanned;
        }
        if (Result<void> r = writeBehind(begin, end, writtenHere()); !r)
            return r.error();
        return end;
    }

    /**
     * R19, step 2: data durable first, then the bits (and the .add-cow file) durable.
     * span covers the copied runs and the already allocated clusters between them: setting a bit
     * that is already set changes nothing, and one bitmap update per span keeps syncs few.
     * Over NBD the data sync, then the bitmap write and the .add-cow file's sync, run in that
     * order on a thread of their own while the next batch is read and written; the batch is
     * counted (and its clusters reported) once they succeeded. finish() completes the last.
     * completes: no clean cluster is left outside span; its bits and ALL_ALLOCATED are written
     * together and made durable with one sync (Image::completeAllocation).
     */
    Result<void> commitBatch(ClusterRange span, const QList<ClusterRange> &copiedRuns, const JobContext &context, bool completes = false)
    {
        if (span.isEmpty())
            return {};
        if (Result<void> r = finishWrite(); !r)
            return r;
        // The previous batch's bits are durable (or its error is returned) before this batch's
        // sync starts: bits reach the disk batch by batch, none after a failed sync.
        if (Result<void> r = finishSync(true); !r)
            return r;
        m_writtenBehind = {};
        m_synced = Batch{span, copiedRuns, &context};
        if (m_bytesToWriter > 0) {
            // Every write of this batch has returned, so the sync makes them durable; the next
            // batch's writes may run beside it and beside the bitmap write, and their own bits
            // wait for their own sync (R19).
            m_sync = std::async(std::launch::async, [this, span, completes] { return syncThenMark(span, completes); });
            return {};
        }
        // Nothing went through m_writer (a raw backing file): this thread syncs what it wrote.
        if (Result<void> r = syncThenMark(span, completes); !r) {
            m_synced.reset();
            return r;
        }
        return countSynced();
    }

    /** Waits for the last write and sync, and counts the batch that sync made durable. */
    Result<void> finish()
    {
        if (Result<void> r = finishWrite(); !r)
            return r;
        return finishSync(true);
    }

    CommitStats stats;

private:
    /** A batch whose data sync was started: counted once its bits are durable. */
    struct Batch {
        ClusterRange span;
        QList<ClusterRange> copiedRuns;
        const JobContext *context = nullptr;
    };

    /**
     * R19 for one batch whose writes have all returned: the image file durable, then the bits,
     * then the .add-cow file durable (markAllocated; with completes, ALL_ALLOCATED too before
     * that one sync). No bit is written when the sync failed.
     * Runs beside the job's thread over NBD: it touches only the image file's descriptor and the
     * image's bitmap (atomic words, written under the image's own lock), never m_synced.
     */
    Result<void> syncThenMark(ClusterRange span, bool completes)
    {
        if (!FileIo::dataSync(m_imageFd))
            return Error::fromErrno(m_imagePath, u"cannot make the image file durable"_s);
        return completes ? m_image.completeAllocation(span) : m_image.markAllocated(span);
    }

    /** When the last batch's sync and bits are done (or wait: once they are), counts that batch. */
    Result<void> finishSync(bool wait)
    {
        if (!m_sync.valid() || (!wait && m_sync.wait_for(std::chrono::seconds(0)) != std::future_status::ready))
            return {};
        if (Result<void> r = m_sync.get(); !r) {
            m_synced.reset();
            return r;
        }
        return countSynced();
    }

    Result<void> countSynced()
    {
        const std::optional<Batch> batch = std::exchange(m_synced, std::nullopt);
        if (!batch)
            return {};
        ++stats.batches;
        for (const ClusterRange &run : batch->copiedRuns) {
            stats.clustersCommitted += run.count;
            batch->context->allocated(run);
        }
        return {};
    }

    /** Where the next stop may be: once budget bytes are written, at the next cluster boundary. */
    static quint64 stopFor(quint64 pos, quint64 end, quint64 budget)
    {
        return std::min(end, alignUp(pos + budget));
    }

    /**
     * Backing data: copied in the kernel (copy_file_range) from the backing file's descriptor,
     * else read through the image, the next buffer while the last one is written (m_writer).
     * @return where it stopped (end, or a cluster boundary once the budget is spent)
     */
    Result<quint64> copyBackingData(quint64 begin, quint64 end, quint64 &budget)
    {
        const quint64 stop = stopFor(begin, end, budget);
        // R9: only a raw backing file's bytes are the disk's; any other is read through QEMU.
        if (const int backingFd = m_image.backingReader()->fileDescriptor(); backingFd >= 0) {
            if (!FileIo::copyRange(backingFd, begin, m_imageFd, begin, stop - begin))
                return Error::fromErrno(m_imagePath, u"cannot copy bytes %1-%2 from the backing file"_s.arg(begin).arg(stop - 1));
        } else {
            for (quint64 pos = begin; pos < stop;) {
                LargeMemory &buffer = m_buffers[m_nextBuffer];
                if (!buffer)
                    buffer = makeLargeMemory(ReadBufferBytes);
                char *const data = static_cast<char *>(buffer.get());
                const quint64 length = std::min<quint64>(ReadBufferBytes, stop - pos);
                if (Result<void> read = m_image.read(pos, data, length); !read)
                    return read.error();
                if (Result<void> r = finishWrite(); !r)
                    return r.error();
                m_writer.start(data, length, pos);
                m_bytesToWriter += length;
                m_nextBuffer = 1 - m_nextBuffer;
                pos += length;
            }
        }
        stats.bytesCopied += stop - begin;
        budget -= std::min(budget, stop - begin);
        return stop;
    }

    /**
     * Where the image file holds data in [begin, end), writes zeros; its holes already read as
     * zeros and stay holes. @return where it stopped (end, or a cluster boundary once the budget is spent)
     */
    Result<quint64> zeroWhereImageHasData(quint64 begin, quint64 end, quint64 &budget)
    {
        quint64 pos = begin;
        while (pos < end) {
            if (budget == 0) {
                // Spent: finish the cluster being written, stop at its end.
                end = std::min(end, alignUp(pos));
                if (pos == end)
                    return pos;
            }
            const qint64 dataStart = FileIo::seekData(m_imageFd, pos);
            if (dataStart < 0)
                return Error::fromErrno(m_imagePath, u"cannot look for data in the image file"_s);
            if (quint64(dataStart) >= end || quint64(dataStart) < pos) { // no data up to end (or past the file's end)
                stats.holeBytesSkipped += end - pos;
                return end;
            }
            stats.holeBytesSkipped += quint64(dataStart) - pos;
            pos = quint64(dataStart);
            const qint64 holeStart = FileIo::seekHole(m_imageFd, pos);
            if (holeStart < 0)
                return Error::fromErrno(m_imagePath, u"cannot look for holes in the image file"_s);
            const quint64 dataEnd = std::clamp<quint64>(quint64(holeStart), pos + 1, end);
            const quint64 stop = stopFor(pos, dataEnd, budget);
            if (Result<void> r = finishWrite(); !r)
                return r.error();
            if (m_zeros.isEmpty())
                m_zeros = QByteArray(qsizetype(ZeroBufferBytes), '\0');
            for (quint64 at = pos; at < stop;) {
                const quint64 length = std::min<quint64>(ZeroBufferBytes, stop - at);
                if (!FileIo::writeFull(m_imageFd, m_zeros.constData(), length, at))
                    return Error::fromErrno(m_imagePath, u"cannot write zeros at bytes %1-%2"_s.arg(at).arg(at + length - 1));
                at += length;
            }
            stats.bytesZeroed += stop - pos;
            budget -= std::min(budget, stop - pos);
            if (stop < dataEnd)
                return stop;
            pos = dataEnd;
        }
        return pos;
    }

    /**
     * Write-behind: the device writes [begin, end) while the next chunk is copied, and the chunk
     * before it must be written by then. Dirty data stays at about two chunks, so the batch's
     * data sync, and a cancel, wait for little. Only that data sync makes anything durable.
     */
    Result<void> writeBehind(quint64 begin, quint64 end, quint64 written)
    {
        if (written == 0)
            return {};
        if (Result<void> r = finishWrite(); !r)
            return r;
        if (!FileIo::startWriteback(m_imageFd, begin, end - begin))
            return Error::fromErrno(m_imagePath, u"cannot write back bytes %1-%2"_s.arg(begin).arg(end - 1));
        if (m_writtenBehind.lengthBytes > 0
            && !FileIo::waitForWriteback(m_imageFd, m_writtenBehind.offsetBytes, m_writtenBehind.lengthBytes))
            return Error::fromErrno(m_imagePath, u"cannot write back bytes %1-%2"_s.arg(m_writtenBehind.offsetBytes).arg(m_writtenBehind.endBytes() - 1));
        m_writtenBehind = {begin, end - begin};
        return {};
    }

    /**
     * Waits for m_writer's write; every other call on the image file comes after it. Counts the
     * last batch when its sync and bits are done meanwhile (R19).
     */
    Result<void> finishWrite()
    {
        const std::optional<BufferWriter::Failure> failure = m_writer.wait();
        if (!failure)
            return finishSync(false);
        errno = failure->errnoValue;
        if (failure->step == BufferWriter::Failure::Step::Writeback)
            return Error::fromErrno(m_imagePath, u"cannot write back bytes %1-%2"_s.arg(failure->offsetBytes).arg(failure->offsetBytes + failure->lengthBytes - 1));
        return Error::fromErrno(m_imagePath, u"cannot write bytes %1-%2"_s.arg(failure->offsetBytes).arg(failure->offsetBytes + failure->lengthBytes - 1));
    }

    Image &m_image;
    DiskExtentScanner m_scanner;
    QString m_imagePath;
    int m_imageFd;
    ByteRange m_writtenBehind; ///< the last chunk whose writeback was started
    LargeMemory m_buffers[2];  ///< one is read into while m_writer writes the other (2 MiB pages: fewer faults)
    int m_nextBuffer = 0;
    quint64 m_bytesToWriter = 0; ///< handed to m_writer, which writes them back itself
    std::optional<Batch> m_synced; ///< its data sync was started; not counted yet
    std::future<Result<void>> m_sync; ///< m_synced's data sync, then its bits (syncThenMark)
    QByteArray m_zeros;
    BufferWriter m_writer;     ///< declared last: destroyed first, after its write, while the buffers exist
};

} // namespace

CommitPlan planCommit(const Image &image)
{
    CommitPlan plan;
    if (image.isAllAllocated())
        return plan;
    plan.cleanClusters = image.clusterCount() - image.bitmap().countAllocated();
    // The image's own map says which clean bytes come from the backing file and which are zeros
    // (R13), a window at a time so that a fragmented 64 TiB disk never builds a huge list.
    const quint64 virtualSize = image.virtualSizeBytes();
    for (quint64 window = 0; window < virtualSize; window += WindowBytes) {
        for (const MapRun &run : image.map(window, std::min(WindowBytes, virtualSize - window))) {
            switch (run.source) {
            case DataSource::Image:
                break;
            case DataSource::Backing:
                plan.bytesToCopy += run.lengthBytes;
                break;
            case DataSource::Zero:
            case DataSource::BackingZero:
                plan.bytesToZero += run.lengthBytes;
                break;
            }
        }
    }
    return plan;
}

CommitJob::CommitJob(QString addCowPath)
    : m_addCowPath(std::move(addCowPath))
{
}

void CommitJob::setBatchBytes(quint64 bytes)
{
    m_batchBytes = std::max<quint64>(bytes, ClusterSizeBytes);
}

quint64 CommitJob::batchBytes() const
{
    return m_batchBytes;
}

QString CommitJob::description() const
{
    return u"Commit %1 to its image file"_s.arg(QFileInfo(m_addCowPath).fileName());
}

Result<void> CommitJob::run(JobContext &context)
{
    Report &report = context.report();
    report.addFile(m_addCowPath);
    Result<Image> opened = Image::open(m_addCowPath, Image::Access::ReadWrite);
    if (!opened) {
        report.error(opened.error().message());
        return opened.error();
    }
    Image image = std::move(opened).value();
    report.addFile(image.imageFile().resolvedPath);
    if (!image.backingFile().storedName.isEmpty() && image.backingFile().exists)
        report.addFile(image.backingFile().resolvedPath);

    if (image.isAllAllocated()) {
        report.info(u"Nothing to commit: ALL_ALLOCATED is set, the image file alone is the disk (R14)"_s);
        return {};
    }

    const CommitPlan plan = planCommit(image);
    const quint64 totalBytes = plan.bytesToCopy + plan.bytesToZero;
    report.info(u"Committing %1 clean clusters: %2 bytes from the backing file, %3 bytes of zeros past its end"_s.arg(plan.cleanClusters)
                    .arg(plan.bytesToCopy)
                    .arg(plan.bytesToZero));
    context.setProgress(0, totalBytes);

    Committer committer(image);
    const quint64 virtualSize = image.virtualSizeBytes();
    const quint64 clusterCount = image.clusterCount();
    quint64 doneBytes = 0;

    auto summarize = [&] {
        report.info(u"Copied %1 bytes, wrote %2 bytes of zeros, skipped %3 bytes of holes, in %4 durable batches (%5 clusters)"_s
                        .arg(committer.stats.bytesCopied)
                        .arg(committer.stats.bytesZeroed)
                        .arg(committer.stats.holeBytesSkipped)
                        .arg(committer.stats.batches)
                        .arg(committer.stats.clustersCommitted));
    };
    auto fail = [&](const Error &error) -> Result<void> {
        summarize();
        report.error(error.message());
        return error;
    };

    // A batch starts at the first clean cluster and copies clean runs (or parts of them) until
    // batchBytes() were written or its span reaches MaxBatchSpanClusters; then the data is made
    // durable, then the bits of the whole span.
    std::optional<quint64> next = clusterCount ? image.bitmap().findNext(0, false) : std::nullopt;
    while (next) {
        const quint64 spanFirst = *next;
        const quint64 spanLimit = std::min(spanFirst + MaxBatchSpanClusters, clusterCount);
        const quint64 batchWrittenBefore = committer.stats.written();
        QList<ClusterRange> copiedRuns;
        quint64 spanEnd = spanFirst;
        bool batchFull = false;
        for (std::optional<quint64> clean = next; clean && *clean < spanLimit && !batchFull;) {
            const ClusterRange run = image.bitmap().runAt(*clean, spanLimit);
            const quint64 runEnd = std::min(run.end() * ClusterSizeBytes, virtualSize);
            quint64 pos = run.first * ClusterSizeBytes;
            while (pos < runEnd) {
                if (context.isCancelled()) {
                    // Keep what is already copied: copySome stops on cluster boundaries.
                    const quint64 doneCluster = pos / ClusterSizeBytes;
                    if (doneCluster > run.first)
                        copiedRuns.append(ClusterRange{run.first, doneCluster - run.first});
                    if (Result<void> r = committer.commitBatch(ClusterRange{spanFirst, doneCluster - spanFirst}, copiedRuns, context); !r)
                        return fail(r.error());
                    if (Result<void> r = committer.finish(); !r)
                        return fail(r.error());
                    summarize();
                    report.warning(u"Cancelled; the copied clusters are kept and a new commit resumes from there"_s);
                    Error error;
                    error.code = ErrorCode::Cancelled;
                    error.path = image.path();
                    error.detail = u"commit cancelled"_s;
                    return error;
                }
                const quint64 batchLeft = m_batchBytes - std::min(m_batchBytes, committer.stats.written() - batchWrittenBefore);
                const Result<quint64> reached = committer.copySome(pos, runEnd, std::min(ChunkBytes, batchLeft));
                if (!reached)
                    return fail(reached.error());
                doneBytes += reached.value() - pos;
                context.setProgress(doneBytes, totalBytes);
                pos = reached.value();
                if (committer.stats.written() - batchWrittenBefore >= m_batchBytes) {
                    batchFull = true;
                    break;
                }
            }
            const quint64 doneEnd = pos == runEnd ? run.end() : pos / ClusterSizeBytes;
            copiedRuns.append(ClusterRange{run.first, doneEnd - run.first});
            spanEnd = doneEnd;
            clean = doneEnd < spanLimit ? image.bitmap().findNext(doneEnd, false) : std::nullopt;
        }
        // Clusters before spanFirst were all committed by earlier batches: with none clean after
        // the span, this batch completes the commit (its bits and ALL_ALLOCATED, one sync).
        next = spanEnd < clusterCount ? image.bitmap().findNext(spanEnd, false) : std::nullopt;
        if (Result<void> r = committer.commitBatch(ClusterRange{spanFirst, spanEnd - spanFirst}, copiedRuns, context, !next); !r)
            return fail(r.error());
    }

    // Every backing byte is read: qemu-nbd exits while the last batch's sync runs, instead of
    // after it when the image closes.
    image.closeBackingDisk();
    if (Result<void> r = committer.finish(); !r)
        return fail(r.error());
    summarize();
    if (!image.isAllAllocated()) { // no batch completed it: every bit was set already
        if (!image.bitmap().isAllAllocated()) {
            Error error = Error::make(ErrorCode::CorruptBitmap, image.path(), u"clean clusters remain after the commit"_s);
            error.field = HeaderField::Bitmap;
            error.rule = 19;
            return fail(error);
        }
        if (Result<void> r = image.setAllAllocated(); !r)
            return fail(r.error());
    }
    report.info(u"Set ALL_ALLOCATED: %1 is now the whole disk; the .add-cow and backing files may be discarded (R19)"_s.arg(image.imageFile().resolvedPath));
    return {};
}

} // namespace AddCow
