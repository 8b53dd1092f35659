// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "jobmanager.h"

#include "addcowwidgets_debug.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QMutex>
#include <QMutexLocker>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>

namespace AddCow
{

namespace
{
constexpr qint64 ProgressIntervalMs = 50; // at most ~20 progress signals a second
constexpr int MaxParallelJobs = 4;
}

struct JobManager::Entry {
    std::shared_ptr<Job> job;
    QString description;
    QString addCowPath;
    QString cancelNote;
    QDateTime startTime;
    QDateTime endTime;
    std::atomic_bool cancel{false};
    JobContext context{&cancel};

    // GUI thread only
    JobState state = JobState::Running;
    Error error;
    QElapsedTimer timer;
    qint64 finalElapsedMs = -1;
    quint64 shownDoneBytes = 0;
    quint64 shownTotalBytes = 0;
    QFutureWatcher<void> *watcher = nullptr; // child of the manager

    // written on the job thread, read on the GUI thread
    Result<void> result;
    std::atomic<quint64> doneBytes{0};
    std::atomic<quint64> totalBytes{0};
    std::atomic_bool progressPosted{false};
    QElapsedTimer clock; // job thread only
    qint64 nextDeliveryMs = 0; // on clock: when the next delivery may come; job thread only
    QMutex clustersMutex;
    QList<ClusterRange> pendingClusters;
};

JobManager::JobManager(QObject *parent)
    : QObject(parent)
{
    m_pool.setMaxThreadCount(MaxParallelJobs);
}

JobManager::~JobManager()
{
    cancelAll();
    m_pool.waitForDone();
}

int JobManager::start(std::shared_ptr<Job> job, const QString &description, const QString &addCowPath, const QString &cancelNote)
{
    Q_ASSERT(job);
    const int id = m_nextId++;
    auto e = std::make_shared<Entry>();
    e->job = std::move(job);
    e->description = description;
    e->addCowPath = addCowPath;
    e->cancelNote = cancelNote;
    e->startTime = QDateTime::currentDateTime();
    e->timer.start();

    Entry *raw = e.get();
    // Called on the job thread: keep the newest numbers, post at most one delivery per interval.
    e->context.setProgressFunction([this, id, raw](quint64 doneBytes, quint64 totalBytes) {
        raw->doneBytes.store(doneBytes, std::memory_order_relaxed);
        raw->totalBytes.store(totalBytes, std::memory_order_relaxed);
        if (raw->progressPosted.exchange(true))
            return; // the delivery on its way reads the newest numbers
        // Too soon after the last one: deliver when the interval is over, not never. A job that
        // reports twice and then runs on quietly (a server that became ready) is shown as it is.
        if (!raw->clock.isValid())
            raw->clock.start();
        const qint64 now = raw->clock.elapsed();
        const int delayMs = int(std::max<qint64>(0, raw->nextDeliveryMs - now));
        raw->nextDeliveryMs = now + delayMs + ProgressIntervalMs;
        QMetaObject::invokeMethod(
            this,
            [this, id, delayMs] {
                if (delayMs == 0)
                    deliverProgress(id);
                else
                    QTimer::singleShot(delayMs, this, [this, id] { deliverProgress(id); });
            },
            Qt::QueuedConnection);
    });
    // Allocated clusters are never dropped: queue them, post one delivery per non-empty queue.
    e->context.setClustersFunction([this, id, raw](ClusterRange range) {
        if (range.isEmpty())
            return;
        bool wasEmpty = false;
        {
            QMutexLocker lock(&raw->clustersMutex);
            wasEmpty = raw->pendingClusters.isEmpty();
            raw->pendingClusters.append(range);
        }
        if (wasEmpty)
            QMetaObject::invokeMethod(this, [this, id] { deliverClusters(id); }, Qt::QueuedConnection);
    });

    e->watcher = new QFutureWatcher<void>(this);
    connect(e->watcher, &QFutureWatcher<void>::finished, this, [this, id] { finish(id); });
    m_jobs.emplace(id, e);

    // The worker holds its own reference: the entry outlives removeFinished() while it runs.
    e->watcher->setFuture(QtConcurrent::run(&m_pool, [e] {
        e->result = e->job->run(e->context);
    }));
    qCDebug(ADDCOW_WIDGETS) << "job" << id << "started:" << description;
    Q_EMIT jobStarted(id);
    return id;
}

void JobManager::requestCancel(int jobId)
{
    if (Entry *e = entry(jobId); e && e->state == JobState::Running) {
        e->cancel.store(true);
        qCDebug(ADDCOW_WIDGETS) << "job" << jobId << "cancel requested";
    }
}

void JobManager::cancelAll()
{
    for (const auto &[id, e] : m_jobs) {
        if (e->state == JobState::Running)
            e->cancel.store(true);
    }
}

bool JobManager::waitForAll(int timeoutMs)
{
    return m_pool.waitForDone(timeoutMs);
}

void JobManager::removeFinished()
{
    QList<int> removed;
    for (auto it = m_jobs.begin(); it != m_jobs.end();) {
        if (it->second->state != JobState::Running) {
            removed.append(it->first);
            it = m_jobs.erase(it);
        } else {
            ++it;
        }
    }
    for (int id : std::as_const(removed))
        Q_EMIT jobRemoved(id);
}

bool JobManager::hasRunningJobs() const
{
    for (const auto &[id, e] : m_jobs) {
        if (e->state == JobState::Running)
            return true;
    }
    return false;
}

QList<int> JobManager::jobIds() const
{
    QList<int> ids;
    ids.reserve(qsizetype(m_jobs.size()));
    for (const auto &[id, e] : m_jobs)
        ids.append(id);
    return ids;
}

bool JobManager::contains(int jobId) const
{
    return m_jobs.contains(jobId);
}

JobState JobManager::state(int jobId) const
{
    const Entry *e = entry(jobId);
    return e ? e->state : JobState::Failed;
}

QString JobManager::description(int jobId) const
{
    const Entry *e = entry(jobId);
    return e ? e->description : QString();
}

QString JobManager::addCowPath(int jobId) const
{
    const Entry *e = entry(jobId);
    return e ? e->addCowPath : QString();
}

QString JobManager::cancelNote(int jobId) const
{
    const Entry *e = entry(jobId);
    return e ? e->cancelNote : QString();
}

QDateTime JobManager::startTime(int jobId) const
{
    const Entry *e = entry(jobId);
    return e ? e->startTime : QDateTime();
}

QDateTime JobManager::endTime(int jobId) const
{
    const Entry *e = entry(jobId);
    return e ? e->endTime : QDateTime();
}

bool JobManager::isCancelRequested(int jobId) const
{
    const Entry *e = entry(jobId);
    return e && e->cancel.load();
}

quint64 JobManager::doneBytes(int jobId) const
{
    const Entry *e = entry(jobId);
    return e ? e->shownDoneBytes : 0;
}

quint64 JobManager::totalBytes(int jobId) const
{
    const Entry *e = entry(jobId);
    return e ? e->shownTotalBytes : 0;
}

qint64 JobManager::elapsedMs(int jobId) const
{
    const Entry *e = entry(jobId);
    if (!e)
        return 0;
    return e->finalElapsedMs >= 0 ? e->finalElapsedMs : e->timer.elapsed();
}

const Report &JobManager::report(int jobId) const
{
    static const Report empty;
    const Entry *e = entry(jobId);
    if (!e || e->state == JobState::Running)
        return empty;
    return e->context.report();
}

Error JobManager::error(int jobId) const
{
    const Entry *e = entry(jobId);
    return e ? e->error : Error{};
}

std::shared_ptr<Job> JobManager::job(int jobId) const
{
    const Entry *e = entry(jobId);
    return e ? e->job : nullptr;
}

JobManager::Entry *JobManager::entry(int jobId) const
{
    const auto it = m_jobs.find(jobId);
    return it == m_jobs.end() ? nullptr : it->second.get();
}

void JobManager::deliverProgress(int jobId)
{
    Entry *e = entry(jobId);
    if (!e)
        return;
    e->progressPosted.store(false);
    if (e->state != JobState::Running)
        return; // finish() already delivered the final numbers
    const quint64 done = e->doneBytes.load(std::memory_order_relaxed);
    const quint64 total = e->totalBytes.load(std::memory_order_relaxed);
    if (done == e->shownDoneBytes && total == e->shownTotalBytes)
        return;
    e->shownDoneBytes = done;
    e->shownTotalBytes = total;
    Q_EMIT jobProgress(jobId, done, total);
}

void JobManager::deliverClusters(int jobId)
{
    Entry *e = entry(jobId);
    if (!e)
        return;
    QList<ClusterRange> ranges;
    {
        QMutexLocker lock(&e->clustersMutex);
        ranges.swap(e->pendingClusters);
    }
    // Merge runs that continue each other, so the heatmap repaints once per run.
    QList<ClusterRange> merged;
    for (const ClusterRange &range : std::as_const(ranges)) {
        if (!merged.isEmpty() && merged.last().end() == range.first)
            merged.last().count += range.count;
        else
            merged.append(range);
    }
    for (const ClusterRange &range : std::as_const(merged))
        Q_EMIT jobClustersAllocated(jobId, range);
}

void JobManager::finish(int jobId)
{
    Entry *e = entry(jobId);
    if (!e)
        return;
    // Clusters posted just before the end must reach views before jobFinished.
    deliverClusters(jobId);
    e->finalElapsedMs = e->timer.elapsed();
    e->endTime = QDateTime::currentDateTime();

    const quint64 done = e->doneBytes.load();
    const quint64 total = e->totalBytes.load();
    const bool progressChanged = done != e->shownDoneBytes || total != e->shownTotalBytes;
    e->shownDoneBytes = done;
    e->shownTotalBytes = total;

    if (e->result.ok()) {
        e->state = e->context.report().worstSeverity() >= Severity::Warning ? JobState::DoneWithWarnings : JobState::Done;
    } else {
        e->error = e->result.error();
        e->state = e->error.code == ErrorCode::Cancelled ? JobState::Cancelled : JobState::Failed;
    }
    e->watcher->deleteLater(); // we are inside its finished() signal
    e->watcher = nullptr;
    qCDebug(ADDCOW_WIDGETS) << "job" << jobId << "ended" << jobStateName(e->state) << "after" << e->finalElapsedMs << "ms";
    if (progressChanged)
        Q_EMIT jobProgress(jobId, done, total);
    Q_EMIT jobFinished(jobId);
}

const char *jobStateName(JobState state)
{
    switch (state) {
    case JobState::Running:
        return "running";
    case JobState::Done:
        return "done";
    case JobState::DoneWithWarnings:
        return "done with warnings";
    case JobState::Failed:
        return "failed";
    case JobState::Cancelled:
        return "cancelled";
    }
    return "unknown";
}

} // namespace AddCow
