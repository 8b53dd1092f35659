// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "clusterrange.h"
#include "job.h"
#include "report.h"
#include "result.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>
#include <QThreadPool>

#include <map>
#include <memory>

namespace AddCow
{

/** Where a job is in its life. */
enum class JobState {
    Running,
    Done,             ///< finished, report without warnings or errors
    DoneWithWarnings, ///< finished, report has warnings
    Failed,           ///< run() returned an error other than Cancelled
    Cancelled,        ///< run() stopped because the user cancelled it
};

/**
 * Runs AddCow::Job objects off the GUI thread (QtConcurrent on a private thread pool), one
 * cancel flag per job. Progress and allocated clusters reported on the job's thread reach the
 * GUI thread as queued signals: progress at most ~20 times a second, allocated clusters merged
 * into adjacent runs but never dropped. All public functions are for the GUI thread.
 */
class JobManager : public QObject
{
    Q_OBJECT

public:
    explicit JobManager(QObject *parent = nullptr);
    /** Cancels every running job and waits for them to stop. */
    ~JobManager() override;

    /**
     * Starts job on a worker thread.
     * @param description translated one-line text for the job list
     * @param addCowPath the .add-cow file the job works on, so views can tell whether it is theirs
     * @param cancelNote translated sentence on what a cancel leaves ("The clusters copied so far
     *        are kept..."); empty: the job panel says the files stay consistent
     * @return the job id (> 0)
     */
    int start(std::shared_ptr<AddCow::Job> job, const QString &description, const QString &addCowPath = {}, const QString &cancelNote = {});
    /** Sets the job's cancel flag; the job stops at its next chunk and ends Cancelled. */
    void requestCancel(int jobId);
    /** requestCancel() on every running job. */
    void cancelAll();
    /** Blocks until every job thread has returned or timeoutMs passed. @return true when none runs */
    bool waitForAll(int timeoutMs);
    /** Forgets finished jobs (the job list's "Clear Finished"). */
    void removeFinished();

    bool hasRunningJobs() const;
    /** Ids of all known jobs, oldest first. */
    QList<int> jobIds() const;
    bool contains(int jobId) const;

    JobState state(int jobId) const;
    QString description(int jobId) const;
    QString addCowPath(int jobId) const;
    QString cancelNote(int jobId) const;
    QDateTime startTime(int jobId) const;
    /** Invalid while the job runs. */
    QDateTime endTime(int jobId) const;
    bool isCancelRequested(int jobId) const;
    /** Latest progress in bytes, as last delivered to the GUI thread. */
    quint64 doneBytes(int jobId) const;
    quint64 totalBytes(int jobId) const;
    /** Milliseconds since start; frozen at the end for finished jobs. */
    qint64 elapsedMs(int jobId) const;
    /** The job's report; empty while the job runs (the job thread is still writing it). */
    const AddCow::Report &report(int jobId) const;
    /** The job's error; code is meaningful only for Failed and Cancelled. */
    AddCow::Error error(int jobId) const;
    std::shared_ptr<AddCow::Job> job(int jobId) const;

Q_SIGNALS:
    void jobStarted(int jobId);
    void jobProgress(int jobId, quint64 doneBytes, quint64 totalBytes);
    void jobClustersAllocated(int jobId, AddCow::ClusterRange range);
    void jobFinished(int jobId);
    void jobRemoved(int jobId);

private:
    struct Entry;
    Entry *entry(int jobId) const;
    void deliverProgress(int jobId);
    void deliverClusters(int jobId);
    void finish(int jobId);

    QThreadPool m_pool;
    std::map<int, std::shared_ptr<Entry>> m_jobs;
    int m_nextId = 1;
};

/** English name of a state ("running", "done", ...), for logs. */
const char *jobStateName(JobState state);

} // namespace AddCow
