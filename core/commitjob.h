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
    quint64 bytesToCopy = 0;    ///< backing bytes to copy (clean clusters inside the backing file)
    quint64 bytesToZero = 0;    ///< clean bytes past the backing file's end
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
    explicit CommitJob(QString addCowPath);
    QString description() const override;
    Result<void> run(JobContext &context) override;

private:
    QString m_addCowPath;
};

} // namespace AddCow
