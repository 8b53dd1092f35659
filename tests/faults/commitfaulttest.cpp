// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later

// Fault injection in commit (R19): every FileIo operation of a commit fails in turn (EIO, ENOSPC,
// short write); each failure is reported as an I/O error, the disk reads exactly as before, and a
// commit run again resumes and finishes.

#include "faultstestutil.h"

#include "commitjob.h"
#include "image.h"
#include "verifyjob.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QTest>
#include <QThread>

using namespace AddCow;
using namespace FaultsTest;
using namespace Qt::StringLiterals;

class CommitFaultTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void faultAtEveryStep_data()
    {
        QTest::addColumn<int>("kind");
        QTest::newRow("R19 EIO at every step") << int(FaultKind::Eio);
        QTest::newRow("R19 ENOSPC at every step") << int(FaultKind::Enospc);
        QTest::newRow("R19 short write at every write") << int(FaultKind::ShortWrite);
    }

    void faultAtEveryStep()
    {
        QFETCH(int, kind);
        constexpr quint64 Cluster = ClusterSizeBytes;
        int steps = 0;
        for (int failAt = 0;; ++failAt) {
            QTemporaryDir dir;
            QVERIFY(dir.isValid());
            Disk disk;
            QVERIFY(makeDisk(dir, 40 * Cluster + 333, 23 * Cluster + 4000, 7, disk));
            const QByteArray backingBefore = sha256OfFile(disk.backing);

            FaultInjector injector;
            injector.failAt = failAt;
            injector.kind = FaultKind(kind);
            injector.install();
            JobContext context;
            const Result<void> result = CommitJob(disk.addCow).run(context);
            FileIo::setFaultHook({});
            if (!injector.fired) {
                // Past the last operation: the commit ran clean.
                QVERIFY2(result.ok(), qPrintable(result.error().message()));
                QVERIFY(isCommitted(disk));
                break;
            }
            ++steps;
            const QByteArray where = "failing operation " + QByteArray::number(failAt) + " (op " + QByteArray::number(int(injector.failedOp)) + ")";
            // Each failure is reported, clearly, as an I/O error with its errno and file.
            QVERIFY2(!result.ok(), where.constData());
            QCOMPARE(result.error().code, ErrorCode::Io);
            QVERIFY(result.error().errnoValue == EIO || result.error().errnoValue == ENOSPC);
            QVERIFY2(!result.error().path.isEmpty(), where.constData());
            QCOMPARE(context.report().worstSeverity(), Severity::Error);

            // R19: the disk reads the same after the failure, and nothing touched the backing file.
            QString error;
            QCOMPARE(diskHash(disk.addCow, &error), disk.diskSha256);
            QCOMPARE(sha256OfFile(disk.backing), backingBefore);
            const Result<ImageCheck> findings = Image::check(disk.addCow);
            QVERIFY(findings.ok());
            QVERIFY2(!hasErrors(findings->findings), where.constData());

            // And a new commit resumes from there and finishes.
            JobContext resume;
            const Result<void> resumed = CommitJob(disk.addCow).run(resume);
            QVERIFY2(resumed.ok(), qPrintable(resumed.error().message()));
            QVERIFY2(isCommitted(disk), where.constData());
        }
        QVERIFY2(steps >= (FaultKind(kind) == FaultKind::ShortWrite ? 3 : 12), qPrintable(u"only %1 operations were failed"_s.arg(steps)));
        qInfo("failed each of %d operations in turn", steps);
    }

};

QTEST_GUILESS_MAIN(CommitFaultTest)
#include "commitfaulttest.moc"
