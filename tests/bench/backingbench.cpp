// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later

// addcow-bench-backing: commit (R19) of an add-cow image over a 1 GiB qcow2 backing file, half
// of whose clusters hold data, against QEMU doing the same job alone: `qemu-img convert -O raw`
// of a qcow2 overlay over the same backing file with the same writes (target: commit <= 1.0 x).
//
// Both sides read the qcow2 file through QEMU's block layer (ours through qemu-nbd, R9) and
// write a sparse raw file of 1 GiB with the same bytes; both make it durable (commit syncs each
// batch, qemu-img convert runs with -t writeback, which flushes at the end). Every input is read
// once before it is timed, so both sides run with a warm page cache. Each round makes a fresh
// add-cow image and overlay (not timed); the median of the rounds is printed, with the CPU time
// (user + system) each side took: the commit's process and its qemu-nbd, qemu-img convert's.
// Each round also prints where the commit's time went, from the calls FileIo's trace hook saw:
// the bitmap read (Image::open reads it once qemu-nbd is connected), the first and the last
// data written, each sync of the image file and of the .add-cow file, and the end (qemu-nbd stopped).
//
// Usage: addcow-bench-backing [--dir DIR] [--rounds N]
// Environment: ADDCOW_BENCH_BATCH_MIB=N commits in batches of N MiB (CommitJob::setBatchBytes);
// ADDCOW_BENCH_WRITES=1 also prints when each write of the image file returned (ms from the start).

#include "benchsupport.h"
#include "commitjob.h"
#include "createjob.h"
#include "fileio.h"
#include "format.h"
#include "image.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator64>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <mutex>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace AddCow;
using namespace Qt::StringLiterals;
using namespace BenchSupport;

namespace
{

constexpr quint64 MiB = 1024 * 1024;
constexpr quint64 GiB = 1024 * MiB;
constexpr quint64 DiskBytes = GiB;
constexpr int WriteCount = 64; // the same writes on both sides: 64 KiB each, scattered

// Runs a program to its end. @return seconds
double run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.setStandardOutputFile(QProcess::nullDevice());
    QElapsedTimer timer;
    timer.start();
    process.start(program, arguments);
    if (!process.waitForFinished(600000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        fail(program + u" "_s + arguments.join(u' ') + u" failed: "_s + QString::fromLocal8Bit(process.readAllStandardError()));
    return timer.nsecsElapsed() / 1e9;
}

void readWhole(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        fail(u"cannot read "_s + path);
    while (!file.read(qint64(4 * MiB)).isEmpty()) {
    }
}

// CPU seconds (user + system) used so far by who: RUSAGE_SELF, or RUSAGE_CHILDREN (the children
// waited for, such as qemu-nbd after an image closed, or qemu-img).
double cpuSeconds(int who)
{
    rusage usage{};
    ::getrusage(who, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

double cpuSecondsWithChildren()
{
    return cpuSeconds(RUSAGE_SELF) + cpuSeconds(RUSAGE_CHILDREN);
}

quint64 allocatedBytes(const QString &path)
{
    struct stat status;
    if (::stat(QFile::encodeName(path).constData(), &status) != 0)
        fail(u"cannot stat "_s + path);
    return quint64(status.st_blocks) * 512;
}

/**
 * base.qcow2: a 1 GiB disk whose clusters hold random data in runs of 1 to 64 clusters, with
 * runs of as many unallocated clusters between them: half its clusters hold data. Made as a
 * sparse raw file, converted by qemu-img (which leaves the holes unallocated).
 */
QString makeBacking(const QString &dir, quint64 *dataClusters, quint64 *runs)
{
    const QString raw = dir + u"/base-source.raw"_s;
    const int fd = FileIo::open(raw, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC);
    if (fd < 0 || !FileIo::truncate(fd, DiskBytes))
        fail(u"cannot create "_s + raw);
    QRandomGenerator64 random(12);
    QByteArray block(qsizetype(64 * ClusterSizeBytes), Qt::Uninitialized);
    const quint64 clusters = DiskBytes / ClusterSizeBytes;
    for (quint64 cluster = 0; cluster < clusters;) {
        const quint64 length = std::min<quint64>(1 + random.bounded(64), clusters - cluster);
        random.fillRange(reinterpret_cast<quint64 *>(block.data()), block.size() / 8);
        if (!FileIo::writeFull(fd, block.constData(), length * ClusterSizeBytes, cluster * ClusterSizeBytes))
            fail(u"cannot write "_s + raw);
        *dataClusters += length;
        ++*runs;
        cluster += 2 * length;
    }
    FileIo::close(fd);
    const QString qcow2 = dir + u"/base.qcow2"_s;
    run(u"qemu-img"_s, {u"convert"_s, u"-f"_s, u"raw"_s, u"-O"_s, u"qcow2"_s, raw, qcow2});
    QFile::remove(raw);
    return qcow2;
}

/**
 * Where one commit's time went: milliseconds from its start to the end of the calls the trace
 * hook sees (on whichever thread made them), and to the job's end.
 */
class CommitTimeline
{
public:
    CommitTimeline(QString addCowPath, QString imagePath)
        : m_addCowPath(std::move(addCowPath))
        , m_imagePath(std::move(imagePath))
    {
        m_clock.start();
        FileIo::setTraceHook([this](const FileIo::Call &call) { record(call); });
    }
    ~CommitTimeline() { FileIo::setTraceHook({}); }

    void end() { m_endMs = elapsedMs(); }

    QString describe() const
    {
        std::lock_guard lock(m_mutex);
        const auto list = [](const QList<double> &times) {
            QStringList texts;
            for (const double time : times)
                texts << QString::number(time, 'f', 0);
            return texts.join(u' ');
        };
        return u"bitmap read (qemu-nbd connected) %1, first data written %2, last data written %3, image file synced %4, "
               ".add-cow synced %5, end %6"_s.arg(m_openedMs, 0, 'f', 0)
            .arg(m_firstWriteMs, 0, 'f', 0)
            .arg(m_lastWriteMs, 0, 'f', 0)
            .arg(list(m_imageSyncsMs), list(m_addCowSyncsMs))
            .arg(m_endMs, 0, 'f', 0) + (qEnvironmentVariableIsSet("ADDCOW_BENCH_WRITES") ? u"\n    writes " + list(m_writesMs) : QString());
    }

private:
    double elapsedMs() const { return m_clock.nsecsElapsed() / 1e6; }

    void record(const FileIo::Call &call)
    {
        const double now = elapsedMs();
        std::lock_guard lock(m_mutex);
        if (call.path == m_addCowPath) {
            // Image::open reads the header (at 0), opens the backing disk, then reads the bitmap.
            if (call.op == FileIo::Op::Read && call.offsetBytes > 0 && m_openedMs < 0)
                m_openedMs = now;
            else if (call.op == FileIo::Op::Sync)
                m_addCowSyncsMs.append(now);
        } else if (call.path == m_imagePath) {
            if (call.op == FileIo::Op::Write) {
                if (m_firstWriteMs < 0)
                    m_firstWriteMs = now;
                m_lastWriteMs = now;
                m_writesMs.append(now);
            } else if (call.op == FileIo::Op::Sync) {
                m_imageSyncsMs.append(now);
            }
        }
    }

    const QString m_addCowPath;
    const QString m_imagePath;
    QElapsedTimer m_clock;
    mutable std::mutex m_mutex;
    double m_openedMs = -1;
    double m_firstWriteMs = -1;
    double m_lastWriteMs = -1;
    QList<double> m_imageSyncsMs;
    QList<double> m_addCowSyncsMs;
    QList<double> m_writesMs;
    double m_endMs = -1;
};

struct Round {
    double commitSeconds = 0;
    double convertSeconds = 0;
    double commitCpuSeconds = 0;
    double convertCpuSeconds = 0;
    quint64 commitAllocated = 0;
    quint64 convertAllocated = 0;
    QString commitTimeline;
};

// batchBytes: the commit's batch size, 0 for CommitJob's own.
Round runRound(const QString &dir, const QString &backing, int round, quint64 batchBytes)
{
    const QString addCow = dir + u"/disk.add-cow"_s;
    const QString image = dir + u"/disk.raw"_s;
    const QString overlay = dir + u"/overlay.qcow2"_s;
    const QString converted = dir + u"/converted.raw"_s;
    for (const QString &path : {addCow, image, overlay, converted})
        QFile::remove(path);

    // The add-cow image: create (size: the qcow2's disk, R20), then the writes (R18).
    CreateOptions options;
    options.addCowPath = addCow;
    options.imageFileName = "disk.raw";
    options.backingFileName = "base.qcow2";
    options.backingFormat = "qcow2";
    CreateJob create(options);
    JobContext createContext;
    check(create.run(createContext));
    QStringList commands;
    {
        Image opened = check(Image::open(addCow, Image::Access::ReadWrite));
        QRandomGenerator64 random(1000 + round);
        for (int i = 0; i < WriteCount; ++i) {
            const quint64 offset = random.bounded(DiskBytes / ClusterSizeBytes) * ClusterSizeBytes + random.bounded(4096);
            const char pattern = char(0x40 + i);
            check(opened.write(offset, QByteArray(qsizetype(ClusterSizeBytes), pattern)));
            commands << u"-c"_s << u"write -P 0x%1 %2 %3"_s.arg(uchar(pattern), 0, 16).arg(offset).arg(ClusterSizeBytes);
        }
    }
    // QEMU's side: an overlay with the same writes.
    run(u"qemu-img"_s, {u"create"_s, u"-q"_s, u"-f"_s, u"qcow2"_s, u"-b"_s, u"base.qcow2"_s, u"-F"_s, u"qcow2"_s, overlay});
    run(u"qemu-io"_s, QStringList{u"-f"_s, u"qcow2"_s} + commands + QStringList{overlay});

    // Each side starts with its inputs in the page cache: the other side's 512 MiB of writes
    // just before can push part of the qcow2 out (about 56 MiB here), and its reads from the
    // disk would then queue behind the writes.
    const auto warmUp = [&] {
        readWhole(backing);
        readWhole(overlay);
        readWhole(image);
    };
    Round result;
    QElapsedTimer timer;
    const auto commit = [&] {
        warmUp();
        const double cpuBefore = cpuSecondsWithChildren();
        timer.start();
        {
            CommitTimeline timeline(addCow, image);
            {
                CommitJob job(addCow);
                if (batchBytes > 0)
                    job.setBatchBytes(batchBytes);
                JobContext context;
                check(job.run(context));
            }
            timeline.end();
            result.commitSeconds = timer.nsecsElapsed() / 1e9;
            result.commitTimeline = timeline.describe();
        }
        result.commitCpuSeconds = cpuSecondsWithChildren() - cpuBefore;
    };
    const auto convert = [&] {
        warmUp();
        const double cpuBefore = cpuSeconds(RUSAGE_CHILDREN);
        result.convertSeconds = run(u"qemu-img"_s, {u"convert"_s, u"-t"_s, u"writeback"_s, u"-f"_s, u"qcow2"_s, u"-O"_s, u"raw"_s, overlay, converted});
        result.convertCpuSeconds = cpuSeconds(RUSAGE_CHILDREN) - cpuBefore;
    };
    // Alternate who goes first, so neither always finds the other's dirty pages being written back.
    if (round % 2 == 0) {
        commit();
        convert();
    } else {
        convert();
        commit();
    }
    result.commitAllocated = allocatedBytes(image);
    result.convertAllocated = allocatedBytes(converted);
    // Both made the same disk.
    QProcess compare;
    compare.start(u"qemu-img"_s, {u"compare"_s, u"-q"_s, u"-f"_s, u"raw"_s, u"-F"_s, u"raw"_s, image, converted});
    if (!compare.waitForFinished(600000) || compare.exitCode() != 0)
        fail(u"the committed image file and qemu-img convert's output differ"_s);
    return result;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Commit over a 1 GiB qcow2 backing file against qemu-img convert -O raw"_s);
    parser.addHelpOption();
    parser.addOption({u"dir"_s, u"Scratch directory (default: the system's temporary directory)."_s, u"DIR"_s});
    parser.addOption({u"rounds"_s, u"Rounds to take the median of (default 3)."_s, u"N"_s, u"3"_s});
    parser.process(app);
    const int rounds = std::max(1, parser.value(u"rounds"_s).toInt());
    const QString batchMiB = qEnvironmentVariable("ADDCOW_BENCH_BATCH_MIB");
    bool batchOk = true;
    const int batchMiBValue = batchMiB.isEmpty() ? 0 : batchMiB.toInt(&batchOk);
    if (!batchOk || batchMiBValue < 0)
        fail(u"ADDCOW_BENCH_BATCH_MIB must be a whole number of MiB (0: the commit's own batch size), not '%1'"_s.arg(batchMiB));
    const quint64 batchBytes = quint64(batchMiBValue) << 20;

    QTemporaryDir scratch(parser.isSet(u"dir"_s) ? parser.value(u"dir"_s) + u"/addcow-bench-backing-XXXXXX"_s : QString());
    if (!scratch.isValid())
        fail(u"cannot create a scratch directory"_s);
    BenchSupport::scratch = &scratch;

    quint64 dataClusters = 0;
    quint64 runs = 0;
    const QString backing = makeBacking(scratch.path(), &dataClusters, &runs);
    print(u"backing file: 1 GiB qcow2 disk, %1 of %2 clusters hold data in %3 runs, %4 MiB on disk"_s.arg(dataClusters)
              .arg(DiskBytes / ClusterSizeBytes)
              .arg(runs)
              .arg(allocatedBytes(backing) / MiB));
    print(u"writes: %1 of 64 KiB on both sides; both outputs made durable"_s.arg(WriteCount));

    QList<double> commits;
    QList<double> converts;
    QList<double> ratios;
    QList<double> commitCpus;
    QList<double> convertCpus;
    Round last;
    for (int round = 0; round < rounds; ++round) {
        last = runRound(scratch.path(), backing, round, batchBytes);
        commits.append(last.commitSeconds);
        converts.append(last.convertSeconds);
        ratios.append(last.commitSeconds / last.convertSeconds);
        commitCpus.append(last.commitCpuSeconds);
        convertCpus.append(last.convertCpuSeconds);
        print(u"  round %1: commit %2 s (CPU %3 s), qemu-img convert %4 s (CPU %5 s), ratio %6"_s.arg(round + 1)
                  .arg(last.commitSeconds, 0, 'f', 3)
                  .arg(last.commitCpuSeconds, 0, 'f', 3)
                  .arg(last.convertSeconds, 0, 'f', 3)
                  .arg(last.convertCpuSeconds, 0, 'f', 3)
                  .arg(ratios.last(), 0, 'f', 2));
        print(u"    commit, ms from its start: "_s + last.commitTimeline);
    }
    print(u"commit over qcow2: median %1 s; qemu-img convert -O raw: median %2 s; ratio (median of rounds) %3 (target <= 1.0)"_s
              .arg(median(commits), 0, 'f', 3)
              .arg(median(converts), 0, 'f', 3)
              .arg(median(ratios), 0, 'f', 2));
    print(u"CPU time (user + system), median: commit and its qemu-nbd %1 s; qemu-img convert %2 s"_s.arg(median(commitCpus), 0, 'f', 3)
              .arg(median(convertCpus), 0, 'f', 3));
    print(u"allocated on disk: committed image file %1 MiB, qemu-img convert's output %2 MiB (the 1 GiB disk stays sparse)"_s
              .arg(last.commitAllocated / MiB)
              .arg(last.convertAllocated / MiB));
    return 0;
}
