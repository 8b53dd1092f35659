// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later

// addcow-bench-core: two numbers for the core library, each as a ratio against a plain copy or
// read of the same bytes on the same machine.
//
//   1. commit (R19) of a 1 GiB disk whose backing file holds random data and half of whose
//      clusters are clean, against `dd if=BACKING of=OUT bs=1M conv=fdatasync` of the whole
//      backing file (target: commit <= 0.75 x dd).
//   2. opening an 8 TiB image (16 MiB bitmap, some bits set) and counting its allocated
//      clusters, as `addcow info` does (the bitmap counted where it lies, not loaded), against
//      a plain read of the whole .add-cow file (target <= 1.0 x). The `addcow info` process is
//      timed too, with its start-up measured apart, and `cat` of the file as a process peer.
//   3. `addcow map --output=json` of an 8 TiB image with 1000 scattered allocated clusters over
//      a sparse 8 TiB raw backing file, against `qemu-img map --output=json` of a qcow2 overlay
//      of the same backing file with the same clusters written (issue 11: target <= 0.1x).
//      Whole processes; both outputs are checked to name the same 1000 clusters.
//
// Page cache: the page cache is not dropped (that needs root and hurts everyone else on the
// machine). Instead every input is read once before it is timed, so both sides of each ratio
// run warm; outputs are made durable (fdatasync) on both sides of the commit ratio.
//
// Usage: addcow-bench-core [--dir DIR] [--rounds N]

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
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator64>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

using namespace AddCow;
using namespace Qt::StringLiterals;
using namespace BenchSupport;

namespace
{

constexpr quint64 MiB = 1024 * 1024;
constexpr quint64 GiB = 1024 * MiB;
constexpr quint64 TiB = 1024 * GiB;

// Reads a whole file with 1 MiB reads, as a plain reader would. @return seconds
double readWholeFile(const QString &path)
{
    QElapsedTimer timer;
    timer.start();
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        fail(u"cannot open "_s + path);
    QByteArray buffer(qsizetype(MiB), Qt::Uninitialized);
    quint64 total = 0;
    for (;;) {
        const ssize_t got = ::read(fd, buffer.data(), size_t(buffer.size()));
        if (got < 0)
            fail(u"cannot read "_s + path);
        if (got == 0)
            break;
        total += quint64(got);
    }
    ::close(fd);
    const double seconds = timer.nsecsElapsed() / 1e9;
    if (total == 0)
        fail(path + u" is empty"_s);
    return seconds;
}

// Reads a whole file into one newly allocated buffer of its size, as a loader that keeps the
// bytes must (the pages of the buffer are faulted in while reading). @return seconds
double readWholeFileIntoNewBuffer(const QString &path)
{
    QElapsedTimer timer;
    timer.start();
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        fail(u"cannot open "_s + path);
    const qint64 size = FileIo::fileSize(fd);
    QByteArray buffer(qsizetype(size), Qt::Uninitialized);
    if (FileIo::readFull(fd, buffer.data(), quint64(size), 0) != size)
        fail(u"cannot read "_s + path);
    ::close(fd);
    return timer.nsecsElapsed() / 1e9;
}

// Opens addCow as `addcow info` (HeaderOnly) or the GUI (Everything) does and counts its
// allocated clusters. @return seconds
double timeOpenAndCount(const QString &addCow, Image::Contents contents, quint64 *counted)
{
    QElapsedTimer timer;
    timer.start();
    const Image image = check(Image::open(addCow, Image::Access::ReadOnly, contents));
    *counted = check(image.countAllocated());
    return timer.nsecsElapsed() / 1e9;
}

// Runs a program to its end with its output thrown away. @return seconds
double timeProcess(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.setStandardOutputFile(QProcess::nullDevice());
    QElapsedTimer timer;
    timer.start();
    process.start(program, arguments);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        fail(program + u" failed: "_s + QString::fromLocal8Bit(process.readAllStandardError()));
    return timer.nsecsElapsed() / 1e9;
}

// Runs a program to its end. @return its standard output
QByteArray processOutput(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(600000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        fail(program + u" failed: "_s + QString::fromLocal8Bit(process.readAllStandardError()));
    return process.readAllStandardOutput();
}

// Writes sizeBytes of random data (a different block every 4 MiB) and makes it durable.
void writeRandomFile(const QString &path, quint64 sizeBytes, quint64 seed)
{
    const int fd = FileIo::open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC);
    if (fd < 0)
        fail(u"cannot create "_s + path);
    QRandomGenerator64 random(seed);
    QByteArray block(qsizetype(4 * MiB), Qt::Uninitialized);
    for (quint64 offset = 0; offset < sizeBytes; offset += quint64(block.size())) {
        random.fillRange(reinterpret_cast<quint64 *>(block.data()), block.size() / 8);
        if (!FileIo::writeFull(fd, block.constData(), quint64(block.size()), offset))
            fail(u"cannot write "_s + path);
    }
    if (!FileIo::dataSync(fd))
        fail(u"cannot sync "_s + path);
    FileIo::close(fd);
}

/**
 * A fresh 1 GiB add-cow disk over backingPath, with every other run of runClusters clusters
 * allocated (random data written to the image file, made durable, then the bits set: R19's
 * building block), so exactly half of the clusters are clean.
 */
QString makeHalfCleanDisk(const QString &dir, const QString &backingPath, quint64 runClusters)
{
    const QString addCow = dir + u"/commit.add-cow"_s;
    const QString imagePath = dir + u"/commit.raw"_s;
    QFile::remove(addCow);
    QFile::remove(imagePath);
    CreateOptions options;
    options.addCowPath = addCow;
    options.imageFileName = "commit.raw";
    options.backingFileName = QFile::encodeName(backingPath);
    options.backingFormat = "raw";
    CreateJob create(options);
    JobContext context;
    check(create.run(context));

    Image image = check(Image::open(addCow, Image::Access::ReadWrite));
    QRandomGenerator64 random(99);
    QByteArray block(qsizetype(runClusters * ClusterSizeBytes), Qt::Uninitialized);
    const quint64 clusters = image.clusterCount();
    for (quint64 first = 0; first < clusters; first += 2 * runClusters) {
        random.fillRange(reinterpret_cast<quint64 *>(block.data()), block.size() / 8);
        if (!FileIo::writeFull(image.imageFd(), block.constData(), quint64(block.size()), first * ClusterSizeBytes))
            fail(u"cannot write "_s + imagePath);
    }
    if (!FileIo::dataSync(image.imageFd()))
        fail(u"cannot sync "_s + imagePath);
    for (quint64 first = 0; first < clusters; first += 2 * runClusters)
        check(image.markAllocated(ClusterRange{first, std::min(runClusters, clusters - first)}));
    if (image.bitmap().countAllocated() != clusters / 2)
        fail(u"setup: expected half of the clusters allocated"_s);
    return addCow;
}

// After the commit the image file alone must be the disk: the allocated runs keep the data
// makeHalfCleanDisk wrote (same random stream), the clean runs hold the backing file's bytes.
void verifyCommitted(const QString &imagePath, const QString &backingPath, quint64 runClusters)
{
    const int imageFd = FileIo::open(imagePath, O_RDONLY | O_CLOEXEC);
    const int backingFd = FileIo::open(backingPath, O_RDONLY | O_CLOEXEC);
    if (imageFd < 0 || backingFd < 0)
        fail(u"cannot open the committed files"_s);
    const quint64 runBytes = runClusters * ClusterSizeBytes;
    const quint64 size = quint64(FileIo::fileSize(backingFd));
    QRandomGenerator64 random(99);
    QByteArray expected(qsizetype(runBytes), Qt::Uninitialized);
    QByteArray actual(qsizetype(runBytes), Qt::Uninitialized);
    for (quint64 offset = 0, run = 0; offset < size; offset += runBytes, ++run) {
        if (run % 2 == 0)
            random.fillRange(reinterpret_cast<quint64 *>(expected.data()), expected.size() / 8);
        else if (FileIo::readFull(backingFd, expected.data(), runBytes, offset) != qint64(runBytes))
            fail(u"cannot read "_s + backingPath);
        if (FileIo::readFull(imageFd, actual.data(), runBytes, offset) != qint64(runBytes))
            fail(u"cannot read "_s + imagePath);
        if (actual != expected)
            fail(u"after commit, bytes %1-%2 of the image file are wrong"_s.arg(offset).arg(offset + runBytes - 1));
    }
    FileIo::close(imageFd);
    FileIo::close(backingFd);
}

double timeDd(const QString &from, const QString &to)
{
    QFile::remove(to);
    QElapsedTimer timer;
    timer.start();
    QProcess dd;
    dd.start(u"dd"_s, {u"if="_s + from, u"of="_s + to, u"bs=1M"_s, u"conv=fdatasync"_s, u"status=none"_s});
    if (!dd.waitForFinished(600000) || dd.exitCode() != 0)
        fail(u"dd failed: "_s + QString::fromLocal8Bit(dd.readAllStandardError()));
    const double seconds = timer.nsecsElapsed() / 1e9;
    QFile::remove(to);
    return seconds;
}

double timeCommit(const QString &addCow)
{
    CommitJob job(addCow);
    JobContext context;
    QElapsedTimer timer;
    timer.start();
    check(job.run(context));
    return timer.nsecsElapsed() / 1e9;
}

/**
 * Makes DIR/STEM.add-cow over backingName with a sparse image file DIR/STEM.raw of
 * virtualSizeBytes (overwriting what is there) and returns the .add-cow file's path.
 */
QString makeSparseImage(const QString &dir, const QString &stem, const QByteArray &backingName, quint64 virtualSizeBytes)
{
    const QString imagePath = dir + u'/' + stem + u".raw"_s;
    {
        QFile image(imagePath);
        if (!image.open(QIODevice::WriteOnly | QIODevice::Truncate) || !image.resize(qint64(virtualSizeBytes)))
            fail(u"cannot make the sparse image file "_s + imagePath);
    }
    const QString addCow = dir + u'/' + stem + u".add-cow"_s;
    CreateOptions options;
    options.addCowPath = addCow;
    options.imageFileName = QFile::encodeName(stem + u".raw"_s);
    options.backingFileName = backingName;
    options.backingFormat = "raw";
    options.overwrite = true;
    CreateJob create(options);
    JobContext context;
    check(create.run(context));
    return addCow;
}

void benchCommit(const QString &dir, int rounds)
{
    print(u"[1] commit of a 1 GiB disk: random backing data, half of the 16384 clusters clean"_s);
    print(u"    (runs of 16 clusters, alternately allocated and clean; 512 MiB to copy)"_s);
    const QString backing = dir + u"/backing.raw"_s;
    writeRandomFile(backing, GiB, 1);

    QList<double> ddTimes;
    QList<double> commitTimes;
    for (int round = 0; round < rounds; ++round) {
        const QString addCow = makeHalfCleanDisk(dir, backing, 16);
        readWholeFile(backing); // warm: the backing file is in the page cache for both
        ddTimes.append(timeDd(backing, dir + u"/dd-out.raw"_s));
        readWholeFile(backing);
        commitTimes.append(timeCommit(addCow));
        Image committed = check(Image::open(addCow));
        if (!committed.isAllAllocated())
            fail(u"commit did not set ALL_ALLOCATED"_s);
        verifyCommitted(dir + u"/commit.raw"_s, backing, 16);
        print(u"    round %1: dd %2 s, commit %3 s"_s.arg(round + 1).arg(ddTimes.last(), 0, 'f', 3).arg(commitTimes.last(), 0, 'f', 3));
    }
    const double dd = median(ddTimes);
    const double commit = median(commitTimes);
    print(u"    dd if=backing of=out bs=1M conv=fdatasync  %1 s  (%2 MiB/s over 1024 MiB)"_s.arg(dd, 7, 'f', 3).arg(1024 / dd, 0, 'f', 0));
    print(u"    CommitJob (addcow commit)                 %1 s  (%2 MiB/s over 512 MiB copied)"_s.arg(commit, 7, 'f', 3).arg(512 / commit, 0, 'f', 0));
    const double ratio = commit / dd;
    print(u"    (the committed image file was checked byte for byte after each round)"_s);
    print(u"    ratio commit / dd                         %1   target <= 0.75: %2"_s.arg(ratio, 7, 'f', 3).arg(ratio <= 0.75 ? u"met"_s : u"MISSED"_s));
    QFile::remove(backing);
    QFile::remove(dir + u"/commit.raw"_s);
    QFile::remove(dir + u"/commit.add-cow"_s);
}

void benchInfo(const QString &dir, int rounds)
{
    const quint64 virtualSize = 8 * TiB;
    const quint64 clusters = clusterCountFor(virtualSize);
    print(u"[2] open + count allocated clusters of an 8 TiB image (%1 clusters, %2 MiB bitmap)"_s.arg(clusters).arg(bitmapBytesFor(clusters) / MiB));
    const QString backing = dir + u"/info-backing.raw"_s;
    writeRandomFile(backing, 4 * MiB, 2);
    const QString addCow = makeSparseImage(dir, u"info"_s, "info-backing.raw", virtualSize);
    const QString imagePath = dir + u"/info.raw"_s;

    // Fresh from create, the bitmap region is one hole: counting it reads nothing.
    {
        quint64 freshCount = 1;
        readWholeFile(addCow);
        QList<double> fresh;
        for (int i = 0; i < 9; ++i)
            fresh.append(timeOpenAndCount(addCow, Image::Contents::HeaderOnly, &freshCount));
        if (freshCount != 0)
            fail(u"a fresh image counted %1 allocated clusters"_s.arg(freshCount));
        print(u"    fresh 8 TiB image (bitmap region sparse): Image::open (HeaderOnly) + countAllocated %1 ms"_s.arg(median(fresh) * 1000, 0, 'f', 2));
    }

    // Some bits: one byte of eight set bits every 4 KiB of bitmap, plus a run at the start.
    quint64 bitsSet = 0;
    {
        const int fd = FileIo::open(addCow, O_RDWR | O_CLOEXEC);
        if (fd < 0)
            fail(u"cannot open "_s + addCow);
        const char full = char(0xff);
        for (quint64 byte = 0; byte < bitmapBytesFor(clusters); byte += 4096) {
            if (!FileIo::writeFull(fd, &full, 1, headerSizeFor(1) + byte))
                fail(u"cannot set bits in "_s + addCow);
            bitsSet += 8;
        }
        const QByteArray run(4000, char(0xff)); // bytes 1-4000: between the every-4-KiB bytes
        if (!FileIo::writeFull(fd, run.constData(), quint64(run.size()), headerSizeFor(1) + 1))
            fail(u"cannot set bits in "_s + addCow);
        bitsSet += 8 * 4000;
        FileIo::dataSync(fd);
        FileIo::close(fd);
    }

    // Warm both: one untimed pass each.
    readWholeFile(addCow);
    QList<double> readTimes;
    QList<double> loadTimes;
    QList<double> infoTimes;
    QList<double> openTimes;
    quint64 counted = 0;
    quint64 countedLoaded = 0;
    const int samples = std::max(21, rounds * 21);
    for (int i = 0; i < samples; ++i) {
        readTimes.append(readWholeFile(addCow));
        loadTimes.append(readWholeFileIntoNewBuffer(addCow));
        infoTimes.append(timeOpenAndCount(addCow, Image::Contents::HeaderOnly, &counted));
        openTimes.append(timeOpenAndCount(addCow, Image::Contents::Everything, &countedLoaded));
    }
    if (counted != bitsSet || countedLoaded != bitsSet)
        fail(u"counted %1 (on disk) and %2 (loaded) allocated clusters, expected %3"_s.arg(counted).arg(countedLoaded).arg(bitsSet));

    // Whole processes: `addcow info`, the same binary doing nothing but start (--version), and
    // cat reading the file, all with their output thrown away.
    QList<double> processTimes;
    QList<double> startTimes;
    QList<double> catTimes;
    for (int i = 0; i < samples; ++i) {
        processTimes.append(timeProcess(QStringLiteral(ADDCOW_BINARY), {u"info"_s, u"--output=json"_s, addCow}));
        startTimes.append(timeProcess(QStringLiteral(ADDCOW_BINARY), {u"--version"_s}));
        catTimes.append(timeProcess(u"cat"_s, {addCow}));
    }

    const double read = median(readTimes);
    const double load = median(loadTimes);
    const double info = median(infoTimes);
    const double open = median(openTimes);
    const double process = median(processTimes);
    const double start = median(startTimes);
    const double cat = median(catTimes);
    print(u"    %1 allocated clusters (one bitmap page in 4 KiB holds data: no holes to skip); medians of %2 warm runs"_s.arg(counted).arg(samples));
    print(u"    plain read of the .add-cow file (%1 bytes)  %2 ms"_s.arg(QFileInfo(addCow).size()).arg(read * 1000, 8, 'f', 2));
    print(u"    Image::open (HeaderOnly) + countAllocated  %1 ms  ratio %2  target <= 1.0: %3   (what addcow info does)"_s.arg(info * 1000, 8, 'f', 2).arg(info / read, 0, 'f', 2).arg(info / read <= 1.0 ? u"met"_s : u"MISSED"_s));
    print(u"    context: the file into one new buffer      %1 ms  ratio %2 (the cost of keeping the bytes)"_s.arg(load * 1000, 8, 'f', 2).arg(load / read, 0, 'f', 2));
    print(u"    context: Image::open (bitmap loaded)+count %1 ms  ratio %2 (what the GUI's open does)"_s.arg(open * 1000, 8, 'f', 2).arg(open / read, 0, 'f', 2));
    print(u"    process: addcow info --output=json         %1 ms"_s.arg(process * 1000, 8, 'f', 2));
    print(u"    process: addcow --version (start-up only)  %1 ms"_s.arg(start * 1000, 8, 'f', 2));
    print(u"    process: info minus start-up               %1 ms  ratio %2 against the plain read"_s.arg((process - start) * 1000, 8, 'f', 2).arg((process - start) / read, 0, 'f', 2));
    print(u"    process: cat FILE >/dev/null               %1 ms  (peer: whole process, C start-up)"_s.arg(cat * 1000, 8, 'f', 2));
    QFile::remove(addCow);
    QFile::remove(imagePath);
    QFile::remove(backing);
}

// The clusters a JSON map names as held by the overlay itself: addcow's "source": "image" runs,
// qemu-img's depth-0 runs with data.
QList<quint64> overlayClusters(const QByteArray &json, bool qemu)
{
    QList<quint64> clusters;
    const QJsonArray runs = QJsonDocument::fromJson(json).array();
    for (const QJsonValue &value : runs) {
        const QJsonObject run = value.toObject();
        const bool own = qemu ? run.value(u"depth"_s).toInt() == 0 && run.value(u"data"_s).toBool()
                              : run.value(u"source"_s).toString() == u"image";
        if (!own)
            continue;
        const quint64 start = quint64(run.value(u"start"_s).toInteger());
        const quint64 length = quint64(run.value(u"length"_s).toInteger());
        for (quint64 offset = start; offset < start + length; offset += ClusterSizeBytes)
            clusters.append(offset / ClusterSizeBytes);
    }
    return clusters;
}

void benchMap(const QString &dir, int rounds)
{
    const quint64 virtualSize = 8 * TiB;
    const quint64 clusters = clusterCountFor(virtualSize);
    constexpr int Scattered = 1000;
    print(u"[3] addcow map --output=json of an 8 TiB image with %1 scattered allocated clusters vs qemu-img map of a qcow2"_s.arg(Scattered));
    // The backing disk: 8 TiB, its first 64 MiB random data, the rest a hole.
    const QString backing = dir + u"/map-backing.raw"_s;
    writeRandomFile(backing, 64 * MiB, 3);
    {
        QFile file(backing);
        if (!file.open(QIODevice::ReadWrite) || !file.resize(qint64(virtualSize)))
            fail(u"cannot grow "_s + backing + u" to 8 TiB"_s);
    }
    const QString addCow = makeSparseImage(dir, u"map"_s, "map-backing.raw", virtualSize);
    const QString imagePath = dir + u"/map.raw"_s;

    // The same clusters written to both: data first, then the bits (R19's order) for add-cow.
    QRandomGenerator64 random(11);
    QList<quint64> scattered;
    while (scattered.size() < Scattered) {
        const quint64 cluster = random.bounded(clusters);
        if (!scattered.contains(cluster))
            scattered.append(cluster);
    }
    std::sort(scattered.begin(), scattered.end());
    {
        Image image = check(Image::open(addCow, Image::Access::ReadWrite));
        QByteArray data(qsizetype(ClusterSizeBytes), char(0x5a));
        for (const quint64 cluster : std::as_const(scattered)) {
            if (!FileIo::writeFull(image.imageFd(), data.constData(), ClusterSizeBytes, cluster * ClusterSizeBytes))
                fail(u"cannot write "_s + imagePath);
        }
        if (!FileIo::dataSync(image.imageFd()))
            fail(u"cannot sync "_s + imagePath);
        for (const quint64 cluster : std::as_const(scattered))
            check(image.markAllocated(ClusterRange{cluster, 1}));
    }
    const QString qcow2 = dir + u"/map.qcow2"_s;
    processOutput(u"qemu-img"_s, {u"create"_s, u"-q"_s, u"-f"_s, u"qcow2"_s, u"-F"_s, u"raw"_s, u"-b"_s, backing, qcow2, QString::number(virtualSize)});
    {
        QProcess io;
        io.setStandardOutputFile(QProcess::nullDevice());
        io.start(u"qemu-io"_s, {u"-f"_s, u"qcow2"_s, qcow2});
        QByteArray commands;
        for (const quint64 cluster : std::as_const(scattered))
            commands += "write -q -P 0x5a " + QByteArray::number(cluster * ClusterSizeBytes) + " " + QByteArray::number(ClusterSizeBytes) + "\n";
        commands += "quit\n";
        if (!io.waitForStarted())
            fail(u"cannot run qemu-io"_s);
        io.write(commands);
        io.closeWriteChannel();
        if (!io.waitForFinished(600000) || io.exitCode() != 0)
            fail(u"qemu-io could not write the qcow2 peer: "_s + QString::fromLocal8Bit(io.readAllStandardError()));
    }

    // Both maps name the same clusters as the overlay's own (this also warms both sides).
    const QStringList ours = {u"map"_s, u"--output=json"_s, addCow};
    const QStringList peer = {u"map"_s, u"--output=json"_s, qcow2};
    const QByteArray ourJson = processOutput(QStringLiteral(ADDCOW_BINARY), ours);
    const QByteArray peerJson = processOutput(u"qemu-img"_s, peer);
    if (overlayClusters(ourJson, false) != scattered)
        fail(u"addcow map does not name the %1 allocated clusters"_s.arg(Scattered));
    if (overlayClusters(peerJson, true) != scattered)
        fail(u"qemu-img map does not name the %1 written clusters of the qcow2"_s.arg(Scattered));

    QList<double> ourTimes;
    QList<double> peerTimes;
    QList<double> startTimes;
    const int samples = std::max(11, rounds * 11);
    for (int i = 0; i < samples; ++i) {
        ourTimes.append(timeProcess(QStringLiteral(ADDCOW_BINARY), ours));
        peerTimes.append(timeProcess(u"qemu-img"_s, peer));
        startTimes.append(timeProcess(QStringLiteral(ADDCOW_BINARY), {u"--version"_s}));
    }
    const double our = median(ourTimes);
    const double their = median(peerTimes);
    const double start = median(startTimes);
    print(u"    %1 runs (%2 bytes of JSON) from addcow, %3 entries from qemu-img; medians of %4 warm runs"_s.arg(QJsonDocument::fromJson(ourJson).array().size()).arg(ourJson.size()).arg(QJsonDocument::fromJson(peerJson).array().size()).arg(samples));
    print(u"    process: qemu-img map --output=json (qcow2)  %1 ms"_s.arg(their * 1000, 8, 'f', 2));
    print(u"    process: addcow map --output=json           %1 ms  ratio %2  target <= 0.1: %3"_s.arg(our * 1000, 8, 'f', 2).arg(our / their, 0, 'f', 3).arg(our / their <= 0.1 ? u"met"_s : u"MISSED"_s));
    print(u"    context: addcow --version (start-up only)   %1 ms"_s.arg(start * 1000, 8, 'f', 2));
    for (const QString &path : {addCow, imagePath, backing, qcow2})
        QFile::remove(path);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Benchmarks of the add-cow core library against dd, plain reads and qemu-img map."_s);
    parser.addHelpOption();
    parser.addOption(QCommandLineOption(u"dir"_s, u"Directory for the scratch files (about 3 GiB); default: a temporary directory."_s, u"DIR"_s));
    parser.addOption(QCommandLineOption(u"rounds"_s, u"Rounds of the commit benchmark (the median is reported)."_s, u"N"_s, u"1"_s));
    parser.addOption(QCommandLineOption(u"only"_s, u"Run only benchmark commit, info or map."_s, u"NAME"_s));
    parser.process(app);

    QTemporaryDir scratch(parser.isSet(u"dir"_s) ? parser.value(u"dir"_s) + u"/addcow-bench-XXXXXX"_s : QString());
    if (!scratch.isValid())
        fail(u"cannot make a scratch directory"_s);
    BenchSupport::scratch = &scratch;
    const int rounds = std::max(1, parser.value(u"rounds"_s).toInt());
    print(u"addcow-bench-core: scratch directory %1"_s.arg(scratch.path()));
    print(u"Page cache: not dropped; every input is read once before it is timed (both sides warm)."_s);
    const QString only = parser.value(u"only"_s);
    if (only.isEmpty() || only == u"commit")
        benchCommit(scratch.path(), rounds);
    if (only.isEmpty() || only == u"info")
        benchInfo(scratch.path(), rounds);
    if (only.isEmpty() || only == u"map")
        benchMap(scratch.path(), rounds);
    return 0;
}
