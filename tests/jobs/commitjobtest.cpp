// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later

#include "commitjob.h"
#include "image.h"
#include "jobstestutil.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace AddCow;
using namespace JobsTest;
using namespace Qt::StringLiterals;

namespace
{

struct DiskSpec {
    quint64 virtualSizeBytes = 0;
    quint64 backingSizeBytes = 0;
    int backingDataPercent = 60; ///< of the backing file that holds data, the rest is holes
    int imageDataPercent = 50;   ///< of the image file that holds (garbage or written) data
    int bitsPercent = 40;        ///< of the clusters whose bit is 1
    quint32 maxRunClusters = 40; ///< bits are set in runs of 1 to this many clusters
    quint32 seed = 1;
};

struct Disk {
    QString addCow;
    QString image;
    QString backing;
    QString dump; ///< the virtual disk before the commit, read through Image::read
};

/** Backing file, image file and bitmap with random content, plus a dump of the virtual disk. */
bool makeDisk(const QTemporaryDir &dir, const DiskSpec &spec, Disk &disk)
{
    QRandomGenerator random(spec.seed);
    disk.addCow = dir.filePath(u"disk.add-cow"_s);
    disk.image = dir.filePath(u"disk.raw"_s);
    disk.backing = dir.filePath(u"base.raw"_s);
    disk.dump = dir.filePath(u"before.dump"_s);
    if (!makeSparseRandomFile(disk.backing, spec.backingSizeBytes, spec.backingDataPercent, random))
        return false;
    if (!makeSparseRandomFile(disk.image, spec.virtualSizeBytes, spec.imageDataPercent, random))
        return false;
    CreateOptions options;
    options.addCowPath = disk.addCow;
    options.imageFileName = "disk.raw";
    options.backingFileName = "base.raw";
    options.force = true; // some rows have a backing file longer than the disk
    const Result<void> created = create(options);
    if (!created) {
        qWarning() << created.error().message();
        return false;
    }
    if (!writeRandomBitmap(disk.addCow, clusterCountFor(spec.virtualSizeBytes), spec.bitsPercent, spec.maxRunClusters, random))
        return false;
    const QString dumped = dumpDisk(disk.addCow, disk.dump);
    if (!dumped.isEmpty()) {
        qWarning() << dumped;
        return false;
    }
    return true;
}

bool readsAsDump(const Disk &disk, const QString &scratch)
{
    const QString dumped = dumpDisk(disk.addCow, scratch);
    if (!dumped.isEmpty()) {
        qWarning() << dumped;
        return false;
    }
    QString output;
    const int compared = qemuImgCompare(disk.dump, scratch, &output);
    if (compared != 0)
        qWarning() << output;
    return compared == 0 && QFileInfo(scratch).size() == QFileInfo(disk.dump).size();
}

/** R19 end state: the image file alone is the disk, every bit and ALL_ALLOCATED set. */
void verifyCommitted(const Disk &disk)
{
    QString output;
    QCOMPARE(qemuImgCompare(disk.dump, disk.image, &output), 0);
    QCOMPARE(QFileInfo(disk.image).size(), QFileInfo(disk.dump).size());
    const Result<Image> image = Image::open(disk.addCow);
    QVERIFY2(image.ok(), qPrintable(image.error().message()));
    QVERIFY(image->isAllAllocated());
    QVERIFY(image->bitmap().isAllAllocated());
    QFile file(disk.addCow);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.seek(28));
    QCOMPARE(quint8(file.read(1).at(0)) & 1, 1); // R14 bit on disk
}

quint64 cleanBytes(const ClusterBitmap &bitmap, quint64 virtualSize)
{
    quint64 bytes = 0;
    for (quint64 c = 0; c < bitmap.clusterCount(); ++c) {
        if (!bitmap.test(c))
            bytes += std::min(ClusterSizeBytes, virtualSize - c * ClusterSizeBytes);
    }
    return bytes;
}

} // namespace

class CommitJobTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void commit_data()
    {
        QTest::addColumn<quint64>("virtualSize");
        QTest::addColumn<quint64>("backingSize");
        QTest::addColumn<int>("backingData");
        QTest::addColumn<int>("imageData");
        QTest::addColumn<int>("bits");
        constexpr quint64 MiB = 1024 * 1024;
        QTest::newRow("R19 random backing, image and bitmap") << 16 * MiB + 12345 << 16 * MiB + 12345 << 60 << 50 << 40;
        QTest::newRow("R19 backing shorter than the disk") << 16 * MiB + 5 << 5 * MiB + 77 << 70 << 60 << 30;
        QTest::newRow("R13 backing holes over image garbage become zero") << 12 * MiB + 999 << 12 * MiB + 999 << 10 << 100 << 20;
        QTest::newRow("R11 backing longer than the disk") << 8 * MiB + 3 << 10 * MiB << 80 << 30 << 50;
        QTest::newRow("R13 empty backing file") << 4 * MiB + 1 << quint64(0) << 0 << 100 << 30;
        QTest::newRow("R19 all clean, more than one batch") << 65 * MiB + 1 << 65 * MiB + 1 << 100 << 5 << 0;
    }

    void commit()
    {
        QFETCH(quint64, virtualSize);
        QFETCH(quint64, backingSize);
        QFETCH(int, backingData);
        QFETCH(int, imageData);
        QFETCH(int, bits);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Disk disk;
        QVERIFY(makeDisk(dir, DiskSpec{virtualSize, backingSize, backingData, imageData, bits, 40, quint32(virtualSize)}, disk));

        ClusterBitmap before;
        {
            const Result<Image> image = Image::open(disk.addCow);
            QVERIFY2(image.ok(), qPrintable(image.error().message()));
            QVERIFY(!image->isAllAllocated());
            before = image->bitmap();
            const CommitPlan plan = planCommit(image.value());
            QCOMPARE(plan.cleanClusters, before.clusterCount() - before.countAllocated());
            QCOMPARE(plan.bytesToCopy + plan.bytesToZero, cleanBytes(before, virtualSize));
            QVERIFY(plan.bytesToCopy <= std::min(backingSize, virtualSize));
        }

        CommitJob job(disk.addCow);
        QVERIFY(job.description().contains(u"disk.add-cow"_s));
        JobContext context;
        ClusterBitmap reported(before.clusterCount());
        bool overlap = false;
        quint64 largestBatch = 0;
        quint64 lastDone = 0, lastTotal = 0;
        context.setClustersFunction([&](ClusterRange range) {
            overlap = overlap || reported.countAllocated(range) > 0 || before.countAllocated(range) > 0;
            reported.setRange(range);
            largestBatch = std::max(largestBatch, range.count);
        });
        context.setProgressFunction([&](quint64 done, quint64 total) {
            QVERIFY(done >= lastDone);
            lastDone = done;
            lastTotal = total;
        });
        const Result<void> result = job.run(context);
        QVERIFY2(result.ok(), qPrintable(result.error().message()));
        QVERIFY(!overlap);
        QVERIFY(largestBatch <= 64 * 1024 * 1024 / ClusterSizeBytes); // a batch writes at most 64 MiB (here without holes: 64 MiB of disk)
        for (quint64 c = 0; c < before.clusterCount(); ++c)
            QVERIFY(reported.test(c) != before.test(c)); // exactly the clean clusters were committed
        QCOMPARE(lastDone, lastTotal);
        QCOMPARE(lastTotal, cleanBytes(before, virtualSize));
        QVERIFY(context.report().toText().contains(u"durable batches"_s));
        QVERIFY(context.report().files().contains(disk.image));
        verifyCommitted(disk);

        // Again: nothing to do (R14), nothing changes.
        const QByteArray hash = sha256OfFile(disk.image);
        JobContext again;
        QVERIFY(CommitJob(disk.addCow).run(again).ok());
        QCOMPARE(sha256OfFile(disk.image), hash);
    }

    void holesAreSkipped()
    {
        // Backing and image both mostly holes: the image file must stay mostly unallocated.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Disk disk;
        QVERIFY(makeDisk(dir, DiskSpec{32 * 1024 * 1024, 32 * 1024 * 1024, 5, 0, 0, 40, 99}, disk));
        const quint64 backingAllocated = allocatedBytes(disk.backing);
        JobContext context;
        const Result<void> result = CommitJob(disk.addCow).run(context);
        QVERIFY2(result.ok(), qPrintable(result.error().message()));
        verifyCommitted(disk);
        QVERIFY(allocatedBytes(disk.image) <= backingAllocated + 1024 * 1024);
        QVERIFY(context.report().toText().contains(u"skipped"_s));
    }

    void cancelKeepsProgressAndResumes()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Disk disk;
        QVERIFY(makeDisk(dir, DiskSpec{24 * 1024 * 1024 + 7, 20 * 1024 * 1024, 60, 40, 30, 8, 5}, disk));
        quint64 initiallySet = 0;
        {
            const Result<Image> image = Image::open(disk.addCow);
            QVERIFY(image.ok());
            initiallySet = image->bitmap().countAllocated();
        }

        std::atomic_bool cancel{false};
        JobContext context(&cancel);
        // Cancel a third of the way through: inside the one 64 MiB batch, between two runs.
        QElapsedTimer sinceCancel;
        context.setProgressFunction([&](quint64 done, quint64 total) {
            if (!cancel && done >= total / 3) {
                cancel = true;
                sinceCancel.start();
            }
        });
        const Result<void> result = CommitJob(disk.addCow).run(context);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, ErrorCode::Cancelled);
        QVERIFY(sinceCancel.elapsed() < 500); // stops within a fraction of a second
        QCOMPARE(context.report().worstSeverity(), Severity::Warning);

        {
            const Result<Image> image = Image::open(disk.addCow);
            QVERIFY2(image.ok(), qPrintable(image.error().message()));
            QVERIFY(!image->isAllAllocated());
            QVERIFY(image->bitmap().countAllocated() > initiallySet); // progress kept
            QVERIFY(!image->bitmap().isAllAllocated());
        }
        QVERIFY(readsAsDump(disk, dir.filePath(u"during.dump"_s))); // R19: reads the same during

        JobContext resume;
        const Result<void> resumed = CommitJob(disk.addCow).run(resume);
        QVERIFY2(resumed.ok(), qPrintable(resumed.error().message()));
        verifyCommitted(disk);
    }

    void killedChildResumes_data()
    {
        QTest::addColumn<int>("afterBatches");
        QTest::addColumn<int>("afterMs");
        // Batches of 256 KiB written make about ten on this mostly sparse disk; the child prints a
        // line per durable batch.
        QTest::newRow("R19 killed right after start") << -1 << 0;
        QTest::newRow("R19 killed after the first batch") << 1 << 0;
        QTest::newRow("R19 killed after two batches") << 2 << 0;
        QTest::newRow("R19 killed after 60 ms") << -1 << 60;
        QTest::newRow("R19 killed after 200 ms") << -1 << 200;
    }

    void killedChildResumes()
    {
        QFETCH(int, afterBatches);
        QFETCH(int, afterMs);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Disk disk;
        constexpr quint64 MiB = 1024 * 1024;
        QVERIFY(makeDisk(dir, DiskSpec{160 * MiB + 4097, 150 * MiB, 3, 3, 50, 3, quint32(100 + afterBatches + afterMs)}, disk));
        quint64 initiallySet = 0;
        {
            const Result<Image> image = Image::open(disk.addCow);
            QVERIFY(image.ok());
            initiallySet = image->bitmap().countAllocated();
        }

        // Counting batches, the child pauses 3 ms after each copied run, before its batch is
        // durable: the kill then finds data copied and bits not yet set, with time to spare.
        QProcess child;
        child.setProcessChannelMode(QProcess::SeparateChannels);
        const QStringList arguments{disk.addCow, afterBatches > 0 ? u"3"_s : u"0"_s, QString::number(256 * 1024)};
        child.start(QStringLiteral(COMMIT_KILL_HELPER), arguments);
        QVERIFY(child.waitForStarted());
        if (afterBatches > 0) {
            int batches = 0;
            while (batches < afterBatches && child.state() == QProcess::Running) {
                if (!child.canReadLine() && !child.waitForReadyRead(20000))
                    break;
                while (child.canReadLine() && batches < afterBatches) {
                    if (child.readLine().startsWith("batch"))
                        ++batches;
                }
            }
        } else if (afterMs > 0) {
            QThread::msleep(afterMs);
        }
        child.kill(); // SIGKILL
        QVERIFY(child.waitForFinished(20000));
        const QByteArray childErrors = child.readAllStandardError();
        QVERIFY2(child.exitStatus() == QProcess::CrashExit || child.exitCode() == 0, childErrors.constData());
        if (afterBatches > 0) {
            // Killed mid-way: some batches are durable, not all of them.
            QCOMPARE(child.exitStatus(), QProcess::CrashExit);
            const Result<Image> image = Image::open(disk.addCow);
            QVERIFY2(image.ok(), qPrintable(image.error().message()));
            QVERIFY(!image->isAllAllocated());
            QVERIFY(image->bitmap().countAllocated() > initiallySet);
            QVERIFY(!image->bitmap().isAllAllocated());
        }

        // Whatever the point, the files are consistent and the disk reads the same.
        QVERIFY(readsAsDump(disk, dir.filePath(u"during.dump"_s)));

        JobContext resume;
        const Result<void> resumed = CommitJob(disk.addCow).run(resume);
        QVERIFY2(resumed.ok(), qPrintable(resumed.error().message()));
        verifyCommitted(disk);
    }

    void refusesWithoutImage()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        JobContext context;
        const Result<void> result = CommitJob(dir.filePath(u"missing.add-cow"_s)).run(context);
        QVERIFY(!result.ok());
        QCOMPARE(context.report().worstSeverity(), Severity::Error);
    }
};

QTEST_GUILESS_MAIN(CommitJobTest)
#include "commitjobtest.moc"
