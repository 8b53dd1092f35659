// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "commitjob.h"

#include "fileio.h"
#include "format.h"
#include "image.h"

#include <QFileInfo>
#include <QList>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace AddCow
{

namespace
{

constexpr quint64 BatchBytes = 64 * 1024 * 1024; // durable unit (data sync, then bits): at most this much of the disk
constexpr quint64 BatchClusters = BatchBytes / ClusterSizeBytes;
constexpr quint64 ChunkBytes = 8 * 1024 * 1024; // cancel is checked before each chunk
constexpr quint64 ZeroBufferBytes = 1024 * 1024;

struct CommitStats {
    quint64 bytesCopied = 0;
    quint64 bytesZeroed = 0;
    quint64 holeBytesSkipped = 0;
    quint64 batches = 0;
    quint64 clustersCommitted = 0;
};

/** Copies clean clusters of one image, chunk by chunk; the caller makes batches durable. */
class Committer
{
public:
    Committer(Image &image, quint64 backingEndBytes)
        : m_image(image)
        , m_imagePath(image.imageFile().resolvedPath)
        , m_backingPath(image.backingFile().resolvedPath)
        , m_imageFd(image.imageFd())
        , m_backingFd(image.backingFd())
        , m_backingEnd(backingEndBytes)
    {
    }

    /** Makes image file bytes [begin, end) equal the backing data there (zeros past its end, R19). */
    Result<void> copyChunk(quint64 begin, quint64 end)
    {
        quint64 pos = begin;
        while (pos < end) {
            if (m_backingFd < 0 || pos >= m_backingEnd) {
                if (Result<void> r = zeroWhereImageHasData(pos, end); !r)
                    return r;
                break;
            }
            const quint64 segmentEnd = std::min(end, m_backingEnd);
            const qint64 dataStart = FileIo::seekData(m_backingFd, pos);
            if (dataStart < 0)
                return Error::fromErrno(m_backingPath, u"cannot look for data in the backing file"_s);
            if (quint64(dataStart) > pos) {
                // A hole in the backing file reads as zeros.
                const quint64 holeEnd = std::min(quint64(dataStart), segmentEnd);
                if (Result<void> r = zeroWhereImageHasData(pos, holeEnd); !r)
                    return r;
                pos = holeEnd;
                continue;
            }
            const qint64 holeStart = FileIo::seekHole(m_backingFd, pos);
            if (holeStart < 0)
                return Error::fromErrno(m_backingPath, u"cannot look for holes in the backing file"_s);
            const quint64 dataEnd = std::clamp<quint64>(quint64(holeStart), pos + 1, segmentEnd);
            if (!FileIo::copyRange(m_backingFd, pos, m_imageFd, pos, dataEnd - pos))
                return Error::fromErrno(m_imagePath, u"cannot copy bytes %1-%2 from the backing file"_s.arg(pos).arg(dataEnd - 1));
            stats.bytesCopied += dataEnd - pos;
            pos = dataEnd;
        }
        return {};
    }

    /**
     * R19, step 2: data durable first, then the bits (and the .add-cow file) durable.
     * span covers the copied runs and the already allocated clusters between them: setting a bit
     * that is already set changes nothing, and one bitmap update per span keeps syncs few.
     */
    Result<void> commitBatch(ClusterRange span, const QList<ClusterRange> &copiedRuns, const JobContext &context)
    {
        if (span.isEmpty())
            return {};
        if (!FileIo::dataSync(m_imageFd))
            return Error::fromErrno(m_imagePath, u"cannot make the image file durable"_s);
        if (Result<void> r = m_image.markAllocated(span); !r)
            return r;
        ++stats.batches;
        for (const ClusterRange &run : copiedRuns) {
            stats.clustersCommitted += run.count;
            context.allocated(run);
        }
        return {};
    }

    CommitStats stats;

private:
    /** Where the image file holds data in [begin, end), writes zeros; where it has a hole, nothing is needed. */
    Result<void> zeroWhereImageHasData(quint64 begin, quint64 end)
    {
        quint64 pos = begin;
        while (pos < end) {
            const qint64 dataStart = FileIo::seekData(m_imageFd, pos);
            if (dataStart < 0)
                return Error::fromErrno(m_imagePath, u"cannot look for data in the image file"_s);
            if (quint64(dataStart) >= end) {
                stats.holeBytesSkipped += end - pos;
                break;
            }
            stats.holeBytesSkipped += quint64(dataStart) - pos;
            const qint64 holeStart = FileIo::seekHole(m_imageFd, quint64(dataStart));
            if (holeStart < 0)
                return Error::fromErrno(m_imagePath, u"cannot look for holes in the image file"_s);
            const quint64 dataEnd = std::clamp<quint64>(quint64(holeStart), quint64(dataStart) + 1, end);
            if (Result<void> r = writeZeros(quint64(dataStart), dataEnd); !r)
                return r;
            pos = dataEnd;
        }
        return {};
    }

    Result<void> writeZeros(quint64 begin, quint64 end)
    {
        if (m_zeros.isEmpty())
            m_zeros = QByteArray(qsizetype(ZeroBufferBytes), '\0');
        for (quint64 pos = begin; pos < end;) {
            const quint64 length = std::min<quint64>(ZeroBufferBytes, end - pos);
            if (!FileIo::writeFull(m_imageFd, m_zeros.constData(), length, pos))
                return Error::fromErrno(m_imagePath, u"cannot write zeros at bytes %1-%2"_s.arg(pos).arg(pos + length - 1));
            stats.bytesZeroed += length;
            pos += length;
        }
        return {};
    }

    Image &m_image;
    QString m_imagePath;
    QString m_backingPath;
    int m_imageFd;
    int m_backingFd;
    quint64 m_backingEnd;
    QByteArray m_zeros;
};

/** The end of the backing data the virtual disk can see: min(backing size, virtual size). */
quint64 visibleBackingEnd(const Image &image)
{
    const FileRef &backing = image.backingFile();
    if (backing.storedName.isEmpty() || !backing.exists)
        return 0;
    quint64 size = backing.sizeBytes;
    if (image.backingFd() >= 0) {
        const qint64 current = FileIo::fileSize(image.backingFd());
        if (current >= 0)
            size = quint64(current);
    }
    return std::min(size, image.virtualSizeBytes());
}

} // namespace

CommitPlan planCommit(const Image &image)
{
    CommitPlan plan;
    if (image.isAllAllocated())
        return plan;
    const quint64 virtualSize = image.virtualSizeBytes();
    const quint64 backingEnd = visibleBackingEnd(image);
    const ClusterBitmap &bitmap = image.bitmap();
    for (std::optional<quint64> next = bitmap.findNext(0, false); next;) {
        const ClusterRange run = bitmap.runAt(*next, bitmap.clusterCount());
        plan.cleanClusters += run.count;
        const quint64 begin = run.first * ClusterSizeBytes;
        const quint64 end = std::min(run.end() * ClusterSizeBytes, virtualSize);
        const quint64 copyEnd = std::clamp(backingEnd, begin, end);
        plan.bytesToCopy += copyEnd - begin;
        plan.bytesToZero += end - copyEnd;
        next = run.end() < bitmap.clusterCount() ? bitmap.findNext(run.end(), false) : std::nullopt;
    }
    return plan;
}

CommitJob::CommitJob(QString addCowPath)
    : m_addCowPath(std::move(addCowPath))
{
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

    Committer committer(image, visibleBackingEnd(image));
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

    // A batch spans at most BatchClusters clusters from the first clean one; the clean runs inside
    // it are copied, then made durable together.
    std::optional<quint64> next = clusterCount ? image.bitmap().findNext(0, false) : std::nullopt;
    while (next) {
        const quint64 spanFirst = *next;
        const quint64 spanLimit = std::min(spanFirst + BatchClusters, clusterCount);
        QList<ClusterRange> copiedRuns;
        for (std::optional<quint64> clean = next; clean && *clean < spanLimit;) {
            const ClusterRange run = image.bitmap().runAt(*clean, spanLimit);
            const quint64 runBegin = run.first * ClusterSizeBytes;
            const quint64 runEnd = std::min(run.end() * ClusterSizeBytes, virtualSize);
            for (quint64 chunkBegin = runBegin; chunkBegin < runEnd;) {
                if (context.isCancelled()) {
                    // Keep what is already copied: chunks end on cluster boundaries.
                    const quint64 doneCluster = chunkBegin / ClusterSizeBytes;
                    if (doneCluster > run.first)
                        copiedRuns.append(ClusterRange{run.first, doneCluster - run.first});
                    if (Result<void> r = committer.commitBatch(ClusterRange{spanFirst, doneCluster - spanFirst}, copiedRuns, context); !r)
                        return fail(r.error());
                    summarize();
                    report.warning(u"Cancelled; the copied clusters are kept and a new commit resumes from there"_s);
                    Error error;
                    error.code = ErrorCode::Cancelled;
                    error.path = image.path();
                    error.detail = u"commit cancelled"_s;
                    return error;
                }
                const quint64 chunkEnd = std::min(chunkBegin + ChunkBytes, runEnd);
                if (Result<void> r = committer.copyChunk(chunkBegin, chunkEnd); !r)
                    return fail(r.error());
                doneBytes += chunkEnd - chunkBegin;
                context.setProgress(doneBytes, totalBytes);
                chunkBegin = chunkEnd;
            }
            copiedRuns.append(run);
            clean = run.end() < spanLimit ? image.bitmap().findNext(run.end(), false) : std::nullopt;
        }
        const quint64 spanEnd = copiedRuns.last().end();
        if (Result<void> r = committer.commitBatch(ClusterRange{spanFirst, spanEnd - spanFirst}, copiedRuns, context); !r)
            return fail(r.error());
        next = spanEnd < clusterCount ? image.bitmap().findNext(spanEnd, false) : std::nullopt;
    }

    summarize();
    if (!image.bitmap().isAllAllocated())
        return fail(Error{ErrorCode::CorruptBitmap, image.path(), u"bitmap"_s, 19, 0, u"clean clusters remain after the commit"_s});
    if (Result<void> r = image.setAllAllocated(); !r)
        return fail(r.error());
    report.info(u"Set ALL_ALLOCATED: %1 is now the whole disk; the .add-cow and backing files may be discarded (R19)"_s.arg(image.imageFile().resolvedPath));
    return {};
}

} // namespace AddCow
