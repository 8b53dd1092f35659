// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later

// ServeJob: the app's "Serve to a Virtual Machine", a job that serves until it is cancelled.

#include "servetestutil.h"

#include "image.h"
#include "servejob.h"

#include <QElapsedTimer>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <thread>

using namespace AddCow;
using namespace ServeTest;

class ServeJobTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void servesUntilCancelled();
    void badImageFailsWithTheNamedError();
    void logTailForErrors();
};

void ServeJobTest::initTestCase()
{
    if (QStandardPaths::findExecutable(u"nbdkit"_s).isEmpty())
        QFAIL("nbdkit is needed (scripts/quickstart.sh installs it)");
}

void ServeJobTest::servesUntilCancelled()
{
    Disk disk(8 * C, qint64(8 * C));
    QVERIFY(disk.made);
    ExportOptions options;
    options.addCowPath = disk.addCow;
    options.socketPath = disk.socket();
    ServeJob job(options, QFileInfo(QStringLiteral(ADDCOW_PLUGIN)).absolutePath());
    QCOMPARE(job.description(), u"Serve disk.add-cow over NBD"_s);
    QCOMPARE(job.server().uri(), u"nbd+unix:///?socket=%1"_s.arg(disk.socket()));

    std::atomic_bool cancel{false};
    std::atomic<quint64> progress{0};
    JobContext context(&cancel);
    context.setProgressFunction([&progress](quint64 done, quint64 total) {
        progress = total > 0 && done == total ? 1 : 0;
    });
    Result<void> result;
    std::thread runner([&] {
        result = job.run(context);
    });
    QElapsedTimer timer;
    timer.start();
    while (progress == 0 && timer.elapsed() < 30000)
        QThread::msleep(20);
    QCOMPARE(progress.load(), quint64(1)); // ready: clients can connect now
    const Run write = qemuIo(job.server().uri(), {u"write -P 0x33 70000 1000"_s});
    QVERIFY2(write.exitCode == 0, write.all().constData());
    disk.write(70000, QByteArray(1000, '3'));
    // Served: the image is locked.
    QCOMPARE(int(Image::open(disk.addCow, Image::Access::ReadWrite).error().code), int(ErrorCode::Busy));

    // Cancel = stop: within half a second nbdkit is asked to stop; it flushes and goes.
    timer.restart();
    cancel = true;
    runner.join();
    QVERIFY2(result.ok(), qPrintable(result.error().message()));
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(context.report().toText().contains(u"Stopped: everything written is flushed"_s));
    QVERIFY(context.report().toText().contains(u"qemu-system-x86_64 -drive"_s));
    QVERIFY(Image::open(disk.addCow, Image::Access::ReadWrite).ok());
    QVERIFY(disk.disk() == disk.model);
    QVERIFY(!QFile::exists(disk.socket()));
}

void ServeJobTest::badImageFailsWithTheNamedError()
{
    Disk disk(2 * C, qint64(2 * C));
    QVERIFY(disk.made);
    QVERIFY(QFile::remove(disk.image));
    const Result<Image> opened = Image::open(disk.addCow);
    QVERIFY(!opened.ok());
    ExportOptions options;
    options.addCowPath = disk.addCow;
    options.socketPath = disk.socket();
    ServeJob job(options, QFileInfo(QStringLiteral(ADDCOW_PLUGIN)).absolutePath());
    std::atomic_bool cancel{false};
    JobContext context(&cancel);
    const Result<void> result = job.run(context);
    QVERIFY(!result.ok());
    QCOMPARE(int(result.error().code), int(ErrorCode::ServerFailed));
    QVERIFY2(result.error().message().contains(opened.error().message()), qPrintable(result.error().message()));
}

void ServeJobTest::logTailForErrors()
{
    // nbdkit's last words end "stopped before it was ready" and "stopped by itself": the last
    // five lines of its log, or a note when it wrote nothing (never a bare ": ").
    QTemporaryDir dir;
    const QString log = dir.filePath(u"nbdkit.log"_s);
    QCOMPARE(NbdExport::logTail(QString()), u"(its log is empty)"_s);
    QCOMPARE(NbdExport::logTail(log), u"(its log is empty)"_s);
    QFile file(log);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.write("\n\n") == 2);
    file.flush();
    QCOMPARE(NbdExport::logTail(log), u"(its log is empty)"_s);
    QVERIFY(file.write("1\n2\n3\n4\n5\n6\n7\n") == 14);
    file.close();
    QCOMPARE(NbdExport::logTail(log), u"3\n4\n5\n6\n7"_s);
}

QTEST_GUILESS_MAIN(ServeJobTest)

#include "servejobtest.moc"
