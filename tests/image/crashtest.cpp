// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later

#include "imagetestutil.h"

#include "image.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace AddCow;
using namespace ImageTest;
using namespace Qt::StringLiterals;

namespace
{

constexpr quint64 VirtualSize = 12 * ClusterSizeBytes + 1000;
constexpr qint64 BackingSize = 9 * ClusterSizeBytes + 333;
constexpr quint64 MaxWriteBytes = 5 * ClusterSizeBytes / 2;
constexpr quint32 Seed = 42;

struct Files {
    QTemporaryDir dir;
    QString addCow;
    QByteArray disk; ///< the virtual disk before any planned write
};

void makeFiles(Files &files)
{
    QRandomGenerator random(Seed);
    files.addCow = files.dir.filePath(u"disk.add-cow"_s);
    const QByteArray imageData = randomBytes(qsizetype(VirtualSize), random); // garbage where bits are 0
    const QByteArray backingData = randomBytes(BackingSize, random);
    const QByteArray bits = randomBits(clusterCountFor(VirtualSize), 30, random);
    writeFile(files.dir.filePath(u"disk.raw"_s), imageData);
    writeFile(files.dir.filePath(u"base.raw"_s), backingData);
    writeFile(files.addCow, addCowBytes("disk.raw", "base.raw", VirtualSize, bits));
    files.disk = modelDisk(imageData, backingData, true, bits, false);
}

struct Run {
    int completedWrites = 0;
    qint64 operations = -1; ///< reported by a run that was not killed
    bool killed = false;
    QString error;
};

Run runHelper(const QString &addCow, int writes, int crashAtOp, int killAfterMicroseconds = -1)
{
    QProcess helper;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    if (crashAtOp > 0)
        environment.insert(u"ADDCOW_CRASH_AT_OP"_s, QString::number(crashAtOp));
    helper.setProcessEnvironment(environment);
    helper.start(QStringLiteral(IMAGE_CRASH_HELPER),
                 {addCow, QString::number(Seed), QString::number(writes), QString::number(MaxWriteBytes)});
    Run run;
    if (!helper.waitForStarted(10000)) {
        run.error = u"helper did not start"_s;
        return run;
    }
    if (killAfterMicroseconds >= 0) {
        // Wait until the image is open, then kill somewhere among the writes.
        while (!helper.canReadLine() && helper.state() == QProcess::Running)
            helper.waitForReadyRead(100);
        QThread::usleep(ulong(killAfterMicroseconds));
        helper.kill();
    }
    helper.waitForFinished(30000);
    run.killed = helper.exitStatus() == QProcess::CrashExit;
    const QList<QByteArray> lines = helper.readAllStandardOutput().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("done "))
            run.completedWrites = line.mid(5).toInt() + 1;
        else if (line.startsWith("ops "))
            run.operations = line.mid(4).toLongLong();
        else if (line.startsWith("error "))
            run.error = QString::fromUtf8(line);
    }
    return run;
}

// R18: after a crash during write number `completed`, each cluster holds its whole content from
// before that write or its whole content after it.
QString checkCrashed(const Files &files, int completed, int planned)
{
    QByteArray old = files.disk;
    for (int i = 0; i < completed; ++i) {
        const PlannedWrite write = plannedWrite(Seed, i, VirtualSize, MaxWriteBytes);
        old.replace(qsizetype(write.offsetBytes), write.data.size(), write.data);
    }
    QByteArray next = old;
    if (completed < planned) {
        const PlannedWrite write = plannedWrite(Seed, completed, VirtualSize, MaxWriteBytes);
        next.replace(qsizetype(write.offsetBytes), write.data.size(), write.data);
    }
    const Result<Image> image = Image::open(files.addCow, Image::Access::ReadWrite); // also: no lock left behind
    if (!image.ok())
        return image.error().message();
    const Result<QByteArray> disk = image->read(0, VirtualSize);
    if (!disk.ok())
        return disk.error().message();
    for (quint64 offset = 0; offset < VirtualSize; offset += ClusterSizeBytes) {
        const qsizetype length = qsizetype(std::min(ClusterSizeBytes, VirtualSize - offset));
        const QByteArrayView cluster = QByteArrayView(disk.value()).sliced(qsizetype(offset), length);
        if (cluster != QByteArrayView(old).sliced(qsizetype(offset), length) && cluster != QByteArrayView(next).sliced(qsizetype(offset), length))
            return u"cluster %1 is neither its content before write %2 nor after it"_s.arg(offset / ClusterSizeBytes).arg(completed);
    }
    return {};
}

} // namespace

class CrashTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void killedAtEveryOperation();
    void killedAfterRandomDelays();
};

void CrashTest::killedAtEveryOperation()
{
    const int writes = 6;
    int operations = 0;
    {
        Files files;
        makeFiles(files);
        const Run run = runHelper(files.addCow, writes, 0);
        QVERIFY2(run.error.isEmpty(), qPrintable(run.error));
        QCOMPARE(run.completedWrites, writes);
        QVERIFY(run.operations > writes);
        operations = int(run.operations);
        const QString problem = checkCrashed(files, writes, writes);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }
    for (int crashAt = 1; crashAt <= operations; ++crashAt) {
        Files files;
        makeFiles(files);
        const Run run = runHelper(files.addCow, writes, crashAt);
        QVERIFY2(run.error.isEmpty(), qPrintable(run.error));
        QVERIFY2(run.killed, qPrintable(u"operation %1 did not kill the helper"_s.arg(crashAt)));
        QVERIFY(run.completedWrites < writes);
        const QString problem = checkCrashed(files, run.completedWrites, writes);
        QVERIFY2(problem.isEmpty(), qPrintable(u"killed at operation %1 of %2: %3"_s.arg(crashAt).arg(operations).arg(problem)));
    }
}

void CrashTest::killedAfterRandomDelays()
{
    const int writes = 400;
    QRandomGenerator random(7);
    for (int trial = 0; trial < 12; ++trial) {
        Files files;
        makeFiles(files);
        const Run run = runHelper(files.addCow, writes, 0, int(random.bounded(300000)));
        QVERIFY2(run.error.isEmpty(), qPrintable(run.error));
        const QString problem = checkCrashed(files, run.completedWrites, writes);
        QVERIFY2(problem.isEmpty(), qPrintable(u"trial %1, %2 writes done: %3"_s.arg(trial).arg(run.completedWrites).arg(problem)));
    }
}

QTEST_GUILESS_MAIN(CrashTest)

#include "crashtest.moc"
