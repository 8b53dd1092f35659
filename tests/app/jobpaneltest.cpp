// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "jobmanager.h"
#include "unittext.h"
#include "jobpanel.h"
#include "reportdialog.h"

#include <QApplication>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>

#include <atomic>

using namespace AddCow;

namespace
{
/** Reports half its total at once, then waits (checking the cancel flag) until released. */
class HoldingJob : public Job
{
public:
    static constexpr quint64 TotalBytes = quint64(4) << 30;
    QString description() const override { return QStringLiteral("holding job"); }
    Result<void> run(JobContext &context) override
    {
        context.setProgress(TotalBytes / 2, TotalBytes);
        context.report().info(QStringLiteral("held"));
        while (!release.load()) {
            if (context.isCancelled())
                return Error::make(ErrorCode::Cancelled, {}, QStringLiteral("cancelled"));
            QThread::msleep(2);
        }
        context.setProgress(TotalBytes, TotalBytes);
        return {};
    }
    std::atomic_bool release{false};
};

/** A service (a server): starting until ready is set, then serving until cancelled. */
class ServiceJob : public Job
{
public:
    QString description() const override { return QStringLiteral("service job"); }
    bool isService() const override { return true; }
    Result<void> run(JobContext &context) override
    {
        context.setProgress(0, 1);
        while (!ready.load())
            QThread::msleep(2);
        context.setProgress(1, 1);
        while (!context.isCancelled())
            QThread::msleep(2);
        return {};
    }
    std::atomic_bool ready{false};
};

/** Answers the next message box with button, as a user would. */
void answerNextMessageBox(QMessageBox::StandardButton button, bool *seen)
{
    QTimer::singleShot(0, [button, seen] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return;
        *seen = true;
        QTest::mouseClick(box->button(button), Qt::LeftButton);
    });
}
}

class JobPanelTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsJobRow();
    void cancelAsksFirst_data();
    void cancelAsksFirst();
    void finishedJobOpensReport();
    void clearFinished();
    void newJobIsSelected();
    void cancelQuestionGoesWhenTheJobEnds();
    void cancelTextFitsTheJob();
    void timesReadAsDurations();
    void progressTextFitsTheBar();
    void contextMenu();
    void serviceShowsStartingThenServing();
};

void JobPanelTest::showsJobRow()
{
    JobManager manager;
    JobPanel panel(&manager);
    panel.show();
    auto job = std::make_shared<HoldingJob>();
    QSignalSpy progress(&manager, &JobManager::jobProgress);
    const int id = manager.start(job, QStringLiteral("Commit disk.add-cow"));
    QCOMPARE(panel.jobList()->topLevelItemCount(), 1);
    QCOMPARE(panel.text(id, JobPanel::DescriptionColumn), QStringLiteral("Commit disk.add-cow"));
    QCOMPARE(panel.text(id, JobPanel::StateColumn), QStringLiteral("Running"));
    QCOMPARE(panel.currentJobId(), id);

    QVERIFY(progress.wait(5000));
    const QLocale locale;
    const QString expected = QStringLiteral("%1 of %2").arg(locale.formattedDataSize(qint64(HoldingJob::TotalBytes / 2)),
                                                            locale.formattedDataSize(qint64(HoldingJob::TotalBytes)));
    QCOMPARE(panel.text(id, JobPanel::ProgressColumn), expected);
    auto *bar = panel.findChild<QProgressBar *>();
    QVERIFY(bar);
    QCOMPARE(bar->value(), bar->maximum() / 2);
    QVERIFY(panel.findChild<QToolButton *>(QStringLiteral("cancelJobButton"))->isEnabled());
    QVERIFY(!panel.findChild<QToolButton *>(QStringLiteral("showReportButton"))->isEnabled());

    QSignalSpy finished(&manager, &JobManager::jobFinished);
    job->release = true;
    QVERIFY(finished.wait(5000));
    QCOMPARE(panel.text(id, JobPanel::StateColumn), QStringLiteral("Done"));
    QCOMPARE(bar->value(), bar->maximum());
    QVERIFY(!panel.text(id, JobPanel::ElapsedColumn).isEmpty());
    QVERIFY(!panel.findChild<QToolButton *>(QStringLiteral("cancelJobButton"))->isEnabled());
    QVERIFY(panel.findChild<QToolButton *>(QStringLiteral("showReportButton"))->isEnabled());
}

void JobPanelTest::cancelAsksFirst_data()
{
    QTest::addColumn<bool>("confirm");
    QTest::newRow("yes cancels") << true;
    QTest::newRow("no keeps running") << false;
}

void JobPanelTest::cancelAsksFirst()
{
    QFETCH(bool, confirm);
    JobManager manager;
    JobPanel panel(&manager);
    panel.show();
    auto job = std::make_shared<HoldingJob>();
    const int id = manager.start(job, QStringLiteral("Verify disk.add-cow"));
    QSignalSpy finished(&manager, &JobManager::jobFinished);

    bool asked = false;
    answerNextMessageBox(confirm ? QMessageBox::Yes : QMessageBox::No, &asked);
    QTest::mouseClick(panel.findChild<QToolButton *>(QStringLiteral("cancelJobButton")), Qt::LeftButton);
    QVERIFY(asked);
    QCOMPARE(manager.isCancelRequested(id), confirm);
    if (confirm) {
        QVERIFY(finished.wait(2000));
        QCOMPARE(manager.state(id), JobState::Cancelled);
        QCOMPARE(panel.text(id, JobPanel::StateColumn), QStringLiteral("Cancelled"));
    } else {
        QVERIFY(!finished.wait(200));
        QCOMPARE(manager.state(id), JobState::Running);
        job->release = true;
        QVERIFY(finished.wait(5000));
        QCOMPARE(manager.state(id), JobState::Done);
    }
}

void JobPanelTest::finishedJobOpensReport()
{
    JobManager manager;
    JobPanel panel(&manager);
    panel.show();
    auto job = std::make_shared<HoldingJob>();
    job->release = true;
    QSignalSpy finished(&manager, &JobManager::jobFinished);
    const int id = manager.start(job, QStringLiteral("Verify disk.add-cow"));
    QVERIFY(finished.wait(5000));
    QVERIFY(panel.findChildren<ReportDialog *>().isEmpty());
    QTest::mouseClick(panel.findChild<QToolButton *>(QStringLiteral("showReportButton")), Qt::LeftButton);
    const QList<ReportDialog *> dialogs = panel.findChildren<ReportDialog *>();
    QCOMPARE(dialogs.size(), 1);
    QVERIFY(dialogs.first()->isVisible());
    QCOMPARE(dialogs.first()->report().lines().size(), manager.report(id).lines().size());
    QCOMPARE(dialogs.first()->report().lines().first().text, QStringLiteral("held"));
    dialogs.first()->close();
}

void JobPanelTest::clearFinished()
{
    JobManager manager;
    JobPanel panel(&manager);
    auto done = std::make_shared<HoldingJob>();
    done->release = true;
    QSignalSpy finished(&manager, &JobManager::jobFinished);
    manager.start(done, QStringLiteral("done"));
    QVERIFY(finished.wait(5000));
    auto held = std::make_shared<HoldingJob>();
    const int running = manager.start(held, QStringLiteral("running"));
    QCOMPARE(panel.jobList()->topLevelItemCount(), 2);
    auto *clear = panel.findChild<QToolButton *>(QStringLiteral("clearFinishedButton"));
    QVERIFY(clear->isEnabled());
    QTest::mouseClick(clear, Qt::LeftButton);
    QCOMPARE(panel.jobList()->topLevelItemCount(), 1);
    QCOMPARE(panel.text(running, JobPanel::DescriptionColumn), QStringLiteral("running"));
    held->release = true;
    QVERIFY(finished.wait(5000));
}

// Issue 14 item 6: a new job is selected, so its Cancel works without clicking its row first.
void JobPanelTest::newJobIsSelected()
{
    JobManager manager;
    JobPanel panel(&manager);
    panel.show();
    auto first = std::make_shared<HoldingJob>();
    auto second = std::make_shared<HoldingJob>();
    const int firstId = manager.start(first, QStringLiteral("first"));
    QCOMPARE(panel.currentJobId(), firstId);
    const int secondId = manager.start(second, QStringLiteral("second"));
    QCOMPARE(panel.currentJobId(), secondId);
    QVERIFY(panel.findChild<QToolButton *>(QStringLiteral("cancelJobButton"))->isEnabled());
    QSignalSpy finished(&manager, &JobManager::jobFinished);
    first->release = true;
    second->release = true;
    QTRY_COMPARE(finished.size(), 2);
}

// Issue 14 item 6: the question closes when the job ends before the user answers.
void JobPanelTest::cancelQuestionGoesWhenTheJobEnds()
{
    JobManager manager;
    JobPanel panel(&manager);
    panel.show();
    auto job = std::make_shared<HoldingJob>();
    const int id = manager.start(job, QStringLiteral("Commit disk.add-cow"));
    bool shown = false;
    QTimer::singleShot(0, [&] {
        shown = qobject_cast<QMessageBox *>(QApplication::activeModalWidget()) != nullptr;
        job->release = true; // the job ends while the question is open
    });
    QVERIFY(!panel.cancelJob(id)); // returns once the job has ended, without an answer
    QVERIFY(shown);
    QCOMPARE(manager.state(id), JobState::Done);
    QVERIFY(!manager.isCancelRequested(id));
    QVERIFY(!QApplication::activeModalWidget());
}

void JobPanelTest::cancelTextFitsTheJob()
{
    JobManager manager;
    JobPanel panel(&manager);
    panel.show();
    auto verify = std::make_shared<HoldingJob>();
    auto commit = std::make_shared<HoldingJob>();
    const int verifyId = manager.start(verify, QStringLiteral("Verify disk.add-cow"));
    const int commitId = manager.start(commit, QStringLiteral("Commit disk.add-cow"), QString(), QStringLiteral("The clusters copied so far are kept."));
    QStringList texts;
    for (int id : {verifyId, commitId}) {
        QTimer::singleShot(0, [&texts] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box)
                return;
            texts.append(box->informativeText());
            box->button(QMessageBox::No)->click();
        });
        panel.cancelJob(id);
    }
    QCOMPARE(texts.size(), 2);
    QVERIFY2(!texts[0].contains(QStringLiteral("kept")), qPrintable(texts[0])); // a verify keeps nothing
    QVERIFY(texts[0].contains(QStringLiteral("consistent")));
    QCOMPARE(texts[1], QStringLiteral("The clusters copied so far are kept."));
    QSignalSpy finished(&manager, &JobManager::jobFinished);
    verify->release = true;
    commit->release = true;
    QTRY_COMPARE(finished.size(), 2);
}

// Issue 14 item 6: "23 h 42 min", not "23:42:36" (reads like a clock).
void JobPanelTest::timesReadAsDurations()
{
    QCOMPARE(durationText(23 * 3600 + 42 * 60 + 36), QStringLiteral("23 h 42 min"));
    QCOMPARE(durationText(5 * 60 + 3), QStringLiteral("5 min 3 s"));
    QCOMPARE(durationText(42), QStringLiteral("42 s"));
    QCOMPARE(durationText(-5), QStringLiteral("0 s"));
    JobManager manager;
    JobPanel panel(&manager);
    auto job = std::make_shared<HoldingJob>();
    const int id = manager.start(job, QStringLiteral("holding"));
    QSignalSpy progress(&manager, &JobManager::jobProgress);
    QTRY_VERIFY_WITH_TIMEOUT(!panel.text(id, JobPanel::TimeLeftColumn).isEmpty(), 5000);
    QVERIFY2(!panel.text(id, JobPanel::TimeLeftColumn).contains(QLatin1Char(':')), qPrintable(panel.text(id, JobPanel::TimeLeftColumn)));
    QVERIFY(!panel.text(id, JobPanel::ElapsedColumn).contains(QLatin1Char(':')));
    QSignalSpy finished(&manager, &JobManager::jobFinished);
    job->release = true;
    QVERIFY(finished.wait(5000));
}

// Issue 14 item 5: the progress text never runs out of its bar.
void JobPanelTest::progressTextFitsTheBar()
{
    JobManager manager;
    JobPanel panel(&manager);
    panel.resize(900, 300);
    panel.show();
    auto job = std::make_shared<HoldingJob>();
    const int id = manager.start(job, QStringLiteral("holding"));
    auto *bar = panel.findChild<QProgressBar *>();
    QTRY_VERIFY_WITH_TIMEOUT(bar->maximum() > 0 && bar->value() > 0, 5000);
    for (int width : {400, 60}) {
        panel.jobList()->setColumnWidth(JobPanel::ProgressColumn, width);
        QTRY_COMPARE(bar->width(), width);
        QVERIFY2(bar->fontMetrics().horizontalAdvance(bar->text()) < bar->width(), qPrintable(bar->text()));
        QVERIFY(panel.text(id, JobPanel::ProgressColumn).contains(QStringLiteral(" of "))); // the whole text stays known
        QVERIFY(bar->toolTip().contains(panel.text(id, JobPanel::ProgressColumn)));
    }
    QVERIFY(bar->text().endsWith(QLatin1Char('%')));
    QSignalSpy finished(&manager, &JobManager::jobFinished);
    job->release = true;
    QVERIFY(finished.wait(5000));
}

// Issue 14 item 8: the jobs panel has a context menu (cancel, report, save report, copy).
void JobPanelTest::contextMenu()
{
    JobManager manager;
    JobPanel panel(&manager);
    panel.show();
    auto job = std::make_shared<HoldingJob>();
    const int id = manager.start(job, QStringLiteral("Commit disk.add-cow"), QStringLiteral("/tmp/disk.add-cow"));
    QStringList seen;
    bool cancelEnabled = false;
    QTimer::singleShot(100, [&] {
        auto *menu = panel.findChild<QMenu *>(QStringLiteral("jobContextMenu"));
        if (!menu)
            return;
        for (QAction *action : menu->actions()) {
            if (action->isSeparator())
                continue;
            seen.append(action->text());
            if (action->text().contains(QStringLiteral("Cancel")))
                cancelEnabled = action->isEnabled();
        }
        menu->close();
    });
    const QRect row = panel.jobList()->visualItemRect(panel.jobList()->topLevelItem(0));
    Q_EMIT panel.jobList()->customContextMenuRequested(row.center());
    QVERIFY2(seen.size() >= 5, qPrintable(seen.join(QLatin1Char(','))));
    QVERIFY(cancelEnabled);
    QVERIFY(seen.join(QLatin1Char(',')).contains(QStringLiteral("Save Report")));
    QVERIFY(seen.join(QLatin1Char(',')).contains(QStringLiteral("Copy &Path")));
    QSignalSpy finished(&manager, &JobManager::jobFinished);
    job->release = true;
    QVERIFY(finished.wait(5000));
    QCOMPARE(manager.state(id), JobState::Done);
}

// A server's progress is its state, not "1 byte of 1 byte", and it has no speed or time left.
void JobPanelTest::serviceShowsStartingThenServing()
{
    JobManager manager;
    JobPanel panel(&manager);
    panel.show();
    auto job = std::make_shared<ServiceJob>();
    const int id = manager.start(job, QStringLiteral("Serve disk.add-cow"));
    QTRY_COMPARE(panel.text(id, JobPanel::ProgressColumn), QStringLiteral("Starting…"));
    job->ready = true;
    QTRY_COMPARE(panel.text(id, JobPanel::ProgressColumn), QStringLiteral("Serving"));
    QTest::qWait(1200); // the clock updates the running row
    QCOMPARE(panel.text(id, JobPanel::ProgressColumn), QStringLiteral("Serving"));
    QVERIFY(panel.text(id, JobPanel::SpeedColumn).isEmpty());
    QVERIFY(panel.text(id, JobPanel::TimeLeftColumn).isEmpty());
    manager.requestCancel(id);
    QVERIFY(manager.waitForAll(5000));
}

QTEST_MAIN(JobPanelTest)
#include "jobpaneltest.moc"
