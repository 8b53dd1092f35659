// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later

// Image › Serve to a Virtual Machine: the dialog starts the serve job, shows the lines a user
// copies, and Stop Serving ends it with everything flushed and the locks released.

#include "testimages.h"
#include "../serve/freeport.h"

#include "heatmapwidget.h"
#include "image.h"
#include "imagedocument.h"
#include "jobmanager.h"
#include "mainwindow.h"
#include "nbdexport.h"
#include "servedialog.h"
#include "summarystrip.h"

#include <QApplication>
#include <QClipboard>
#include <QAction>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace AddCow;
using namespace Qt::StringLiterals;

namespace
{

int qemuIo(const QString &uri, const QString &command)
{
    QProcess process;
    process.start(u"qemu-io"_s, {u"-f"_s, u"raw"_s, u"-c"_s, command, uri});
    return process.waitForFinished(60000) && process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

} // namespace

class ServeDialogTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void servesShowsTheLinesAndStops();
    void tcpPort();
    void failureIsShown();
    void mainWindowFollowsTheGuest();
};

void ServeDialogTest::initTestCase()
{
    for (const char *program : {"nbdkit", "qemu-io"}) {
        if (QStandardPaths::findExecutable(QLatin1StringView(program)).isEmpty())
            QFAIL(qPrintable(u"%1 is needed (scripts/quickstart.sh installs it)"_s.arg(QLatin1StringView(program))));
    }
}

void ServeDialogTest::servesShowsTheLinesAndStops()
{
    QTemporaryDir dir;
    const QString addCow = TestImages::make(dir.path());
    QVERIFY(!addCow.isEmpty());
    JobManager jobs;
    ServeDialog dialog(addCow, &jobs);
    dialog.show();
    const QString socket = dir.filePath(u"vm.sock"_s);
    auto *socketEdit = dialog.findChild<QLineEdit *>(u"serveSocketEdit"_s);
    QVERIFY(socketEdit);
    QCOMPARE(socketEdit->text(), NbdExport::defaultSocketPath(addCow));
    socketEdit->setText(socket);

    QSignalSpy started(&dialog, &ServeDialog::servingStarted);
    QTest::mouseClick(dialog.findChild<QPushButton *>(u"serveStartButton"_s), Qt::LeftButton);
    QCOMPARE(started.count(), 1);
    const int jobId = dialog.jobId();
    QCOMPARE(jobs.state(jobId), JobState::Running);
    QCOMPARE(jobs.addCowPath(jobId), addCow);
    QTRY_VERIFY_WITH_TIMEOUT(dialog.statusText().contains(u"Clients can connect now"_s), 30000);

    const QString uri = u"nbd+unix:///?socket=%1"_s.arg(socket);
    QCOMPARE(dialog.commandLine(u"uri"_s), uri);
    QCOMPARE(dialog.commandLine(u"qemu-system-x86_64"_s), u"qemu-system-x86_64 -drive 'file=%1,format=raw,if=virtio'"_s.arg(uri));
    QCOMPARE(dialog.commandLine(u"nbdinfo"_s), u"nbdinfo --map '%1'"_s.arg(uri));
    QTest::mouseClick(dialog.findChild<QPushButton *>(u"serveCopy-qemu-system-x86_64"_s), Qt::LeftButton);
    QCOMPARE(QApplication::clipboard()->text(), dialog.commandLine(u"qemu-system-x86_64"_s));

    // A client writes; the image is locked meanwhile.
    QCOMPARE(qemuIo(uri, u"write -P 0x7e 65536 4096"_s), 0);
    QCOMPARE(int(Image::open(addCow, Image::Access::ReadWrite).error().code), int(ErrorCode::Busy));

    // Stop Serving: within half a second the job asks nbdkit to stop; then flushed and unlocked.
    QSignalSpy finished(&jobs, &JobManager::jobFinished);
    auto *stop = dialog.findChild<QPushButton *>(u"serveStopButton"_s);
    QVERIFY(stop->isVisible() && stop->isEnabled());
    QTest::mouseClick(stop, Qt::LeftButton);
    QVERIFY(!stop->isEnabled());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    QCOMPARE(jobs.state(jobId), JobState::Done);
    QVERIFY(dialog.statusText().contains(u"Stopped"_s));
    Result<Image> image = Image::open(addCow, Image::Access::ReadWrite);
    QVERIFY2(image.ok(), qPrintable(image.error().message()));
    QCOMPARE(image->read(65536, 4096).value(), QByteArray(4096, '\x7e'));
    QVERIFY(image->bitmap().test(1));
}

void ServeDialogTest::tcpPort()
{
    QTemporaryDir dir;
    const QString addCow = TestImages::make(dir.path());
    JobManager jobs;
    ServeDialog dialog(addCow, &jobs);
    dialog.show();
    const quint16 port = freePort();
    QTest::mouseClick(dialog.findChild<QRadioButton *>(u"serveTcpButton"_s), Qt::LeftButton);
    QVERIFY(!dialog.findChild<QLineEdit *>(u"serveSocketEdit"_s)->isEnabled());
    dialog.findChild<QSpinBox *>(u"servePortSpin"_s)->setValue(port);
    QVERIFY(dialog.startServing() > 0);
    QTRY_VERIFY_WITH_TIMEOUT(dialog.statusText().contains(u"Clients can connect now"_s), 30000);
    QCOMPARE(dialog.commandLine(u"uri"_s), u"nbd://127.0.0.1:%1"_s.arg(port));
    QCOMPARE(qemuIo(dialog.commandLine(u"uri"_s), u"read 0 512"_s), 0);
    jobs.requestCancel(dialog.jobId());
    QVERIFY(jobs.waitForAll(30000));
}

void ServeDialogTest::failureIsShown()
{
    // A broken image: nbdkit does not start, and the dialog says why in the image's own words.
    QTemporaryDir dir;
    TestImages::Options options;
    options.version = 2; // R3
    const QString addCow = TestImages::make(dir.path(), options);
    JobManager jobs;
    ServeDialog dialog(addCow, &jobs);
    dialog.findChild<QLineEdit *>(u"serveSocketEdit"_s)->setText(dir.filePath(u"vm.sock"_s));
    QVERIFY(dialog.startServing() > 0);
    QTRY_VERIFY_WITH_TIMEOUT(jobs.state(dialog.jobId()) == JobState::Failed, 30000);
    QVERIFY2(dialog.statusText().contains(u"Not served"_s) && dialog.statusText().contains(u"R3"_s), qPrintable(dialog.statusText()));
    QVERIFY(!dialog.findChild<QPushButton *>(u"serveStopButton"_s)->isEnabled());
}

void ServeDialogTest::mainWindowFollowsTheGuest()
{
    // Image > Serve to a Virtual Machine on the shown image: the app keeps reading it, edits are
    // refused while nbdkit holds the write locks, and a client's flushed writes reach the
    // heatmap and the summary without reopening the image.
    QTemporaryDir dir;
    const QString addCow = TestImages::make(dir.path());
    QVERIFY(!addCow.isEmpty());
    MainWindow window;
    window.show();
    window.openImage(addCow);
    QTRY_VERIFY_WITH_TIMEOUT(!window.isLoading() && window.image(), 20000);
    const quint64 allocatedBefore = window.document()->allocatedClusters();
    auto *serveAction = window.findChild<QAction *>(u"serveAction"_s);
    QVERIFY(serveAction);
    QVERIFY2(serveAction->isEnabled(), qPrintable(serveAction->toolTip()));
    serveAction->trigger();
    auto *dialog = window.findChild<ServeDialog *>();
    QVERIFY(dialog && dialog->isVisible());
    const QString socket = dir.filePath(u"vm.sock"_s);
    dialog->findChild<QLineEdit *>(u"serveSocketEdit"_s)->setText(socket);
    const int jobId = dialog->startServing();
    QVERIFY(jobId > 0);
    QTRY_VERIFY2_WITH_TIMEOUT(dialog->statusText().contains(u"Clients can connect now"_s), qPrintable(dialog->statusText()), 30000);
    // The serve job is in the Jobs panel like any other.
    QCOMPARE(window.jobManager()->state(jobId), JobState::Running);

    // Clusters 40 and 41 are clean: the guest's write allocates them; qemu-io flushes on exit.
    const QString uri = u"nbd+unix:///?socket=%1"_s.arg(socket);
    QCOMPARE(qemuIo(uri, u"write -P 0x5a %1 %2"_s.arg(40 * ClusterSizeBytes + 512).arg(ClusterSizeBytes)), 0);
    QTRY_COMPARE_WITH_TIMEOUT(window.document()->allocatedClusters(), allocatedBefore + 2, 10000);
    QVERIFY(window.image()->bitmap().test(40) && window.image()->bitmap().test(41));
    QTRY_VERIFY_WITH_TIMEOUT(window.summaryStrip()->clustersText().contains(QLocale().toString(qulonglong(allocatedBefore + 2))), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(window.heatmap()->hasCurrentFrame(), 10000);
    QCOMPARE(window.heatmap()->sourceOfCluster(41), DataSource::Image);
    QCOMPARE(window.image()->read(40 * ClusterSizeBytes + 512, 16).value(), QByteArray(16, '\x5a'));

    // Editing needs the write locks nbdkit holds: refused, naming it.
    window.findChild<QAction *>(u"allowEditingAction"_s)->trigger();
    QMessageBox *box = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((box = window.findChild<QMessageBox *>(u"editErrorBox"_s)) != nullptr, 10000);
    QVERIFY2(box->informativeText().contains(u"nbdkit"_s), qPrintable(box->informativeText()));
    QVERIFY(!window.isEditing());
    box->close();

    // The action shows the running server again; Stop Serving ends it.
    dialog->close();
    QTRY_VERIFY(!window.findChild<ServeDialog *>());
    QVERIFY(serveAction->isEnabled());
    serveAction->trigger();
    dialog = window.findChild<ServeDialog *>();
    QVERIFY(dialog);
    QCOMPARE(dialog->jobId(), jobId);
    QCOMPARE(dialog->commandLine(u"uri"_s), uri);
    QTest::mouseClick(dialog->findChild<QPushButton *>(u"serveStopButton"_s), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(window.jobManager()->state(jobId), JobState::Done, 30000);
}

QTEST_MAIN(ServeDialogTest)

#include "servedialogtest.moc"
