// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later

// SIGKILL at random points of a commit (R19), 30 times from a fixed seed: the disk never reads
// differently, and every new commit resumes from what the killed one made durable.

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

class CommitKillTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // A commit killed with SIGKILL at random points, again and again: after every kill the disk
    // reads exactly as before, and the next commit resumes from what the killed one kept (R19).
    // 30 kills from a fixed seed, spread over the lifetime of an uninterrupted commit child.
    void killedAtRandomPointsManyTimes()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        constexpr quint64 MiB = 1024 * 1024;
        // Mostly holes, so making and committing the disk stays quick; batches of 256 KiB written
        // make several of them.
        constexpr quint64 VirtualSize = 72 * MiB + 4097;
        constexpr quint64 BackingSize = 70 * MiB;
        constexpr int DataPercent = 4;
        constexpr int PauseMs = 4; // the helper sleeps this long after each copied chunk
        quint32 diskSeed = 2026;

        auto runChild = [](QProcess &child, const QString &addCow) {
            child.setProcessChannelMode(QProcess::SeparateChannels);
            child.start(QStringLiteral(COMMIT_KILL_HELPER), {addCow, QString::number(PauseMs), QString::number(256 * 1024)});
            return child.waitForStarted();
        };

        // How long an uninterrupted commit child lives, start-up included.
        qint64 childMs = 0;
        {
            Disk probe;
            QVERIFY(makeDisk(dir, VirtualSize, BackingSize, diskSeed, probe, DataPercent));
            QElapsedTimer timer;
            timer.start();
            QProcess child;
            QVERIFY(runChild(child, probe.addCow));
            QVERIFY(child.waitForFinished(60000));
            QCOMPARE(child.exitCode(), 0);
            childMs = std::max<qint64>(timer.elapsed(), 10);
            QVERIFY(isCommitted(probe));
        }

        Disk disk;
        QVERIFY(makeDisk(dir, VirtualSize, BackingSize, ++diskSeed, disk, DataPercent));
        auto allocatedNow = [&disk] {
            const Result<Image> image = Image::open(disk.addCow);
            return image ? image->bitmap().countAllocated() : 0;
        };
        quint64 initiallySet = allocatedNow();
        QRandomGenerator random(0xadd0c0);
        int kills = 0;
        int killedMidway = 0;
        int finished = 0;
        for (int run = 0; run < 30; ++run) {
            QProcess child;
            QVERIFY(runChild(child, disk.addCow));
            // Anywhere in a whole commit's lifetime: a resumed one has less to do and may finish first.
            QThread::msleep(random.bounded(quint32(childMs + 1)));
            child.kill(); // SIGKILL
            QVERIFY(child.waitForFinished(30000));
            const bool killed = child.exitStatus() == QProcess::CrashExit;
            QVERIFY2(killed || child.exitCode() == 0, child.readAllStandardError().constData());

            QString error;
            QCOMPARE(diskHash(disk.addCow, &error), disk.diskSha256);
            if (run % 5 == 0) {
                const Result<ImageCheck> findings = Image::check(disk.addCow);
                QVERIFY(findings.ok() && !hasErrors(findings->findings));
            }
            const Result<Image> image = Image::open(disk.addCow);
            QVERIFY2(image.ok(), qPrintable(image.error().message()));
            if (killed) {
                ++kills;
                if (!image->isAllAllocated() && image->bitmap().countAllocated() > initiallySet)
                    ++killedMidway;
            }
            if (image->isAllAllocated()) {
                // Committed by this run: the image file alone is the disk. Start over on a new disk.
                QCOMPARE(sha256OfFile(disk.image), disk.diskSha256);
                ++finished;
                QVERIFY(makeDisk(dir, VirtualSize, BackingSize, ++diskSeed, disk, DataPercent));
                initiallySet = allocatedNow();
            }
        }
        qInfo("%d kills (%d after some progress was durable), %d commits finished; a whole commit child takes %lld ms", kills, killedMidway, finished,
              static_cast<long long>(childMs));
        QVERIFY(kills >= 15);

        // The last disk still commits to the end.
        JobContext context;
        QVERIFY(CommitJob(disk.addCow).run(context).ok());
        QVERIFY(isCommitted(disk));
    }
};

QTEST_GUILESS_MAIN(CommitKillTest)
#include "commitkilltest.moc"
