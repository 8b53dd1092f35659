// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "addcowcore_export.h"
#include "clusterrange.h"
#include "report.h"
#include "result.h"

#include <atomic>
#include <functional>

namespace AddCow
{

/**
 * What a running job sees of the outside: a cancel flag it checks every chunk, a progress
 * sink, a report to write to and, for commit, a sink for clusters as they become allocated.
 * The callbacks are called on the job's thread.
 */
class ADDCOWCORE_EXPORT JobContext
{
public:
    using ProgressFunction = std::function<void(quint64 doneBytes, quint64 totalBytes)>;
    using ClustersFunction = std::function<void(ClusterRange range)>;

    explicit JobContext(const std::atomic_bool *cancelFlag = nullptr);

    bool isCancelled() const { return m_cancel && m_cancel->load(std::memory_order_relaxed); }
    void setProgress(quint64 doneBytes, quint64 totalBytes) const;
    void allocated(ClusterRange range) const;

    void setProgressFunction(ProgressFunction function) { m_progress = std::move(function); }
    void setClustersFunction(ClustersFunction function) { m_clusters = std::move(function); }

    Report &report() { return m_report; }
    const Report &report() const { return m_report; }

private:
    const std::atomic_bool *m_cancel;
    ProgressFunction m_progress;
    ClustersFunction m_clusters;
    Report m_report;
};

/** A long operation (create, commit, verify) that runs off the GUI thread. */
class ADDCOWCORE_EXPORT Job
{
public:
    virtual ~Job();
    /** English one-line description, e.g. "Commit disk.add-cow to disk.raw". */
    virtual QString description() const = 0;
    /** Runs to the end, to an error, or until context.isCancelled() (then Error Cancelled). */
    virtual Result<void> run(JobContext &context) = 0;
    /**
     * A service runs until cancelled (serving a VM): its progress is 0 of 1 while it starts and
     * 1 of 1 once it serves, not bytes, and it has no time left.
     */
    virtual bool isService() const { return false; }
};

} // namespace AddCow
