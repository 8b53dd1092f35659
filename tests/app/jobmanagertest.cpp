// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "jobmanager.h"
#include "testimages.h"
#include "verifyjob.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace AddCow;

Q_DECLARE_METATYPE(AddCow::ErrorCode)

namespace
{
/** A job that steps through `steps` chunks, reporting progress and allocated clusters per chunk. */
class SteppingJob : public Job
{
public:
    explicit SteppingJob(quint64 steps, int sleepMicroseconds = 0)
        : m_steps(steps)
        , m_sleepMicroseconds(sleepMicroseconds)
    {
    }
    QString description() const override { return QStringLiteral("stepping job"); }
    Result<void> run(JobContext &context) override
    {
        threadId = QThread::currentThreadId();
        for (quint64 i = 0; i < m_steps; ++i) {
            if (context.isCancelled())
                return Error::make(ErrorCode::Cancelled, {}, QStringLiteral("cancelled"));
            context.allocated(ClusterRange{i, 1});
            context.setProgress(i + 1, m_steps);
            if (m_sleepMicroseconds)
                QThread::usleep(ulong(m_sleepMicroseconds));
        }
        if (warn)
            context.report().warning(QStringLiteral("something to look at"));
        return {};
    }
    std::atomic<Qt::HANDLE> threadId{nullptr};
    bool warn = false;

private:
    quint64 m_steps;
    int m_sleepMicroseconds;
};
}

class JobManagerTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void verifyJobRunsToDone();
    void cancelledVerifyEndsWithinHalfASecond();
    void failedJob_data();
    void failedJob();
    void warningsInReport();
    void runsOffTheGuiThread();
    void progressIsCoalesced();
    void lastProgressArrivesWhileRunning();
    void allocatedClustersAreNeverDropped();
    void removeFinished();
};

// R13: a VerifyJob reads every cluster from the right file; its hash must match ours.
void JobManagerTest::verifyJobRunsToDone()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    TestImages::Options options;
    options.allocated = {{3, 2}, {40, 5}, {127, 1}};
    const QString path = TestImages::make(dir.path(), options);
    QVERIFY(!path.isEmpty());

    JobManager manager;
    QSignalSpy started(&manager, &JobManager::jobStarted);
    QSignalSpy finished(&manager, &JobManager::jobFinished);
    auto job = std::make_shared<VerifyJob>(path, true);
    const int id = manager.start(job, QStringLiteral("Verify"), path);
    QVERIFY(id > 0);
    QCOMPARE(started.size(), 1);
    QCOMPARE(manager.state(id), JobState::Running);
    QVERIFY(manager.hasRunningJobs());
    QVERIFY(manager.report(id).lines().isEmpty()); // not readable while the job writes it

    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.first().first().toInt(), id);
    QCOMPARE(manager.state(id), JobState::Done);
    QVERIFY(!manager.hasRunningJobs());
    QCOMPARE(manager.doneBytes(id), options.virtualBytes);
    QCOMPARE(manager.totalBytes(id), options.virtualBytes);
    QCOMPARE(manager.addCowPath(id), path);
    QVERIFY(!manager.report(id).lines().isEmpty());
    QVERIFY(manager.job(id) == job);
    QVERIFY(job->result().dataChecked);
    QCOMPARE(job->result().sha256, QCryptographicHash::hash(TestImages::expectedDisk(options), QCryptographicHash::Sha256));
}

void JobManagerTest::cancelledVerifyEndsWithinHalfASecond()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    TestImages::Options options;
    options.virtualBytes = quint64(64) << 30; // 64 GiB of sparse zeros: minutes to hash
    options.backingBytes = quint64(64) << 30;
    options.backingDataBytes = 1 << 20;
    const QString path = TestImages::make(dir.path(), options);
    QVERIFY(!path.isEmpty());

    JobManager manager;
    QSignalSpy progress(&manager, &JobManager::jobProgress);
    QSignalSpy finished(&manager, &JobManager::jobFinished);
    const int id = manager.start(std::make_shared<VerifyJob>(path, true), QStringLiteral("Verify"), path);
    QVERIFY(progress.wait(10000)); // the data pass is under way
    QCOMPARE(manager.state(id), JobState::Running);

    QElapsedTimer timer;
    timer.start();
    manager.requestCancel(id);
    QVERIFY(manager.isCancelRequested(id));
    QVERIFY(finished.wait(2000));
    QVERIFY2(timer.elapsed() < 500, qPrintable(QStringLiteral("cancel took %1 ms").arg(timer.elapsed())));
    QCOMPARE(manager.state(id), JobState::Cancelled);
    QCOMPARE(manager.error(id).code, ErrorCode::Cancelled);
    QVERIFY(manager.doneBytes(id) < options.virtualBytes);
}

void JobManagerTest::failedJob_data()
{
    QTest::addColumn<QByteArray>("contents");
    QTest::addColumn<ErrorCode>("code");
    QTest::newRow("R2 not add-cow") << QByteArray(8192, 'x') << ErrorCode::NotAddCow;
    QTest::newRow("R2 later ACOW layout") << QByteArray("ACOW").append(QByteArray(8188, '\0')) << ErrorCode::LaterAddCowLayout;
}

void JobManagerTest::failedJob()
{
    QFETCH(QByteArray, contents);
    QFETCH(ErrorCode, code);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("junk.add-cow"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(contents);
    file.close();

    JobManager manager;
    QSignalSpy finished(&manager, &JobManager::jobFinished);
    const int id = manager.start(std::make_shared<VerifyJob>(path, true), QStringLiteral("Verify"));
    QVERIFY(finished.wait(10000));
    QCOMPARE(manager.state(id), JobState::Failed);
    QCOMPARE(manager.error(id).code, code);
}

// R8: optional features are a warning, so the job ends DoneWithWarnings.
void JobManagerTest::warningsInReport()
{
    QTemporaryDir dir;
    TestImages::Options options;
    options.optionalFeatures = 0x10;
    const QString path = TestImages::make(dir.path(), options);
    QVERIFY(!path.isEmpty());

    JobManager manager;
    QSignalSpy finished(&manager, &JobManager::jobFinished);
    const int id = manager.start(std::make_shared<VerifyJob>(path, false), QStringLiteral("Check"));
    QVERIFY(finished.wait(10000));
    QCOMPARE(manager.state(id), JobState::DoneWithWarnings);
    QCOMPARE(manager.report(id).worstSeverity(), Severity::Warning);

    auto job = std::make_shared<SteppingJob>(3);
    job->warn = true;
    const int second = manager.start(job, QStringLiteral("stepping"));
    QVERIFY(finished.wait(10000));
    QCOMPARE(manager.state(second), JobState::DoneWithWarnings);
}

void JobManagerTest::runsOffTheGuiThread()
{
    JobManager manager;
    QSignalSpy finished(&manager, &JobManager::jobFinished);
    auto job = std::make_shared<SteppingJob>(10);
    manager.start(job, QStringLiteral("stepping"));
    QVERIFY(finished.wait(10000));
    QVERIFY(job->threadId.load() != nullptr);
    QVERIFY(job->threadId.load() != QThread::currentThreadId());
}

// ~20 updates a second at most, and the last one is the final state.
void JobManagerTest::progressIsCoalesced()
{
    JobManager manager;
    QSignalSpy progress(&manager, &JobManager::jobProgress);
    QSignalSpy finished(&manager, &JobManager::jobFinished);
    constexpr quint64 steps = 20000;
    QElapsedTimer timer;
    timer.start();
    const int id = manager.start(std::make_shared<SteppingJob>(steps, 40), QStringLiteral("stepping"));
    QVERIFY(finished.wait(30000));
    const qint64 elapsedMs = timer.elapsed();
    QCOMPARE(manager.state(id), JobState::Done);
    QVERIFY(!progress.isEmpty());
    QVERIFY2(progress.size() <= elapsedMs / 50 + 3,
             qPrintable(QStringLiteral("%1 progress signals in %2 ms").arg(progress.size()).arg(elapsedMs)));
    QCOMPARE(progress.last().at(1).value<quint64>(), steps);
    QCOMPARE(progress.last().at(2).value<quint64>(), steps);
    quint64 previous = 0;
    for (const QList<QVariant> &signal : std::as_const(progress)) {
        QVERIFY(signal.at(1).value<quint64>() >= previous);
        previous = signal.at(1).value<quint64>();
    }
}

namespace
{
/** Reports twice in quick succession, then runs until cancelled: a server becoming ready. */
class ReadyThenWaitingJob : public Job
{
public:
    QString description() const override { return QStringLiteral("waiting job"); }
    Result<void> run(JobContext &context) override
    {
        context.setProgress(0, 1);
        context.setProgress(1, 1);
        while (!context.isCancelled())
            QThread::msleep(5);
        return {};
    }
};
}

// The coalescing must delay a report, never drop it: the last numbers arrive without a later
// report or the job's end to carry them (the serve job's "ready" depends on it).
void JobManagerTest::lastProgressArrivesWhileRunning()
{
    JobManager manager;
    QSignalSpy progress(&manager, &JobManager::jobProgress);
    for (int round = 0; round < 20; ++round) {
        progress.clear();
        const int id = manager.start(std::make_shared<ReadyThenWaitingJob>(), QStringLiteral("waiting"));
        QTRY_VERIFY_WITH_TIMEOUT(!progress.isEmpty() && progress.last().at(1).value<quint64>() == 1, 2000);
        QCOMPARE(manager.state(id), JobState::Running);
        QCOMPARE(manager.doneBytes(id), quint64(1));
        manager.requestCancel(id);
        QVERIFY(manager.waitForAll(5000));
    }
}

// Live heatmap updates during a commit rely on every allocated range arriving, in order, before jobFinished.
void JobManagerTest::allocatedClustersAreNeverDropped()
{
    JobManager manager;
    QList<ClusterRange> ranges;
    bool finishedSeen = false;
    bool rangeAfterFinish = false;
    connect(&manager, &JobManager::jobClustersAllocated, this, [&](int, ClusterRange range) {
        rangeAfterFinish = rangeAfterFinish || finishedSeen;
        ranges.append(range);
    });
    QSignalSpy finished(&manager, &JobManager::jobFinished);
    connect(&manager, &JobManager::jobFinished, this, [&] { finishedSeen = true; });
    constexpr quint64 steps = 50000;
    manager.start(std::make_shared<SteppingJob>(steps), QStringLiteral("stepping"));
    QVERIFY(finished.wait(30000));
    QVERIFY(!rangeAfterFinish);
    quint64 next = 0;
    for (const ClusterRange &range : std::as_const(ranges)) {
        QCOMPARE(range.first, next);
        next = range.end();
    }
    QCOMPARE(next, steps);
    QVERIFY(quint64(ranges.size()) < steps); // merged, not one signal per cluster
}

void JobManagerTest::removeFinished()
{
    JobManager manager;
    QSignalSpy finished(&manager, &JobManager::jobFinished);
    QSignalSpy removed(&manager, &JobManager::jobRemoved);
    const int done = manager.start(std::make_shared<SteppingJob>(1), QStringLiteral("quick"));
    QVERIFY(finished.wait(10000));
    const int running = manager.start(std::make_shared<SteppingJob>(1000000, 10), QStringLiteral("slow"));
    manager.removeFinished();
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.first().first().toInt(), done);
    QCOMPARE(manager.jobIds(), QList<int>{running});
    QVERIFY(!manager.contains(done));
    manager.requestCancel(running);
    QVERIFY(finished.wait(5000));
    QCOMPARE(manager.state(running), JobState::Cancelled);
}

QTEST_MAIN(JobManagerTest)
#include "jobmanagertest.moc"
