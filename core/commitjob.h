// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "addcowcore_export.h"
#include "job.h"

#include <QString>

namespace AddCow
{

class Image;

/** What a commit would do, for the confirmation dialog and for progress totals. */
struct CommitPlan {
    quint64 cleanClusters = 0;  ///< clusters whose bit is 0
    quint64 bytesToCopy = 0;    ///< backing bytes to copy (clean clusters inside the backing disk)
    quint64 bytesToZero = 0;    ///< clean bytes that read as zeros: past the backing disk's end or backing-zero
};
ADDCOWCORE_EXPORT CommitPlan planCommit(const Image &image);

/**
 * R19: copies every clean cluster from the backing file into the image file in durable batches,
 * sets their bits, and finally ALL_ALLOCATED. Interrupted, it keeps its progress; run again, it
 * resumes. Holes that read as zero on both sides are skipped (SEEK_DATA/SEEK_HOLE).
 */
class ADDCOWCORE_EXPORT CommitJob : public Job
{
public:
    /** The default batch: 64 MiB written; a crash loses at most that much copying. */
    static constexpr quint64 DefaultBatchBytes = 64 * 1024 * 1024;

    explicit CommitJob(QString addCowPath);
    QString description() const override;
    Result<void> run(JobContext &context) override;

    /**
     * R19's durable unit: a batch ends once this many bytes were written into the image file
     * (holes skipped count nothing), then its data is made durable, then its bits. Smaller
     * batches keep more progress when a commit is killed and cost more syncs. At least a cluster.
     */
    void setBatchBytes(quint64 bytes);
    quint64 batchBytes() const;

private:
    QString m_addCowPath;
    quint64 m_batchBytes = DefaultBatchBytes;
};

} // namespace AddCow
