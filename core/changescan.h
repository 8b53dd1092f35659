// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "addcowcore_export.h"
#include "changerun.h"
#include "clusterrange.h"
#include "job.h"
#include "result.h"

#include <QList>

#include <functional>

namespace AddCow
{

class Image;

/**
 * Finds what writes changed: every allocated cluster (bit 1, or all with R14) is read from
 * the image file and compared with Image::readClean(), what it showed while its bit was 0.
 * A cluster is changed when any byte differs. Reads only allocated clusters, a mebibyte at a
 * time, skips clusters that are holes on both sides without reading them, and checks the
 * cancel flag before every chunk.
 */
class ADDCOWCORE_EXPORT ChangeScan
{
public:
    /** What allocated clusters are compared with. */
    enum class Basis {
        Backing, ///< the backing file's bytes, zeros past its end (R13)
        Zeros,   ///< no backing file: zeros
        None,    ///< ALL_ALLOCATED with a backing file: R14 leaves it unopened, so nothing is compared
        Unreadable, ///< the backing file cannot be read (Image::backingError()): nothing to compare with
    };
    static Basis basisFor(const Image &image);
    /** Whether allocated clusters are compared with anything under basis. */
    static bool compares(Basis basis) { return basis == Basis::Backing || basis == Basis::Zeros; }

    /** Runs found in scanned, every one inside it, in order; scanned ends where the next batch starts. */
    struct Batch {
        ClusterRange scanned;
        QList<ChangeRun> runs;
    };
    using BatchFunction = std::function<void(const Batch &batch)>;

    /**
     * Classifies the allocated clusters in range (clamped to the image's clusters) and hands
     * the runs to batchFunction in order, in batches whose scanned ranges tile range from its
     * start. Runs are merged within range only. Progress is in bytes of allocated clusters.
     * When nothing is compared (None, Unreadable) one empty batch covers range.
     * @return Cancelled when context is cancelled (the batches so far stay valid), Io when
     *         a file cannot be read (naming it)
     */
    static Result<void> scan(const Image &image, ClusterRange range, JobContext &context, const BatchFunction &batchFunction);

    /** Whole clusters, from the start of range: the most one chunk reads from each side. */
    static constexpr quint64 ChunkClusters = 16;
};

} // namespace AddCow
