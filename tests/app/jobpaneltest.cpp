// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "jobmanager.h"
#include "jobpanel.h"
#include "reportdialog.h"

#include <QApplication>
#include <QLocale>
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
                return Error{ErrorCode::Cancelled, {}, {}, 0, 0, QStringLiteral("cancelled")};
            QThread::msleep(2);
        }
        context.setProgress(TotalBytes, TotalBytes);
        return {};
    }
    std::atomic_bool release{false};
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

QTEST_MAIN(JobPanelTest)
#include "jobpaneltest.moc"
