// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later

// One Image written and read from many threads at once (R21): compared with a model, with a
// durability simulator on the FileIo seam that checks no bit reaches the .add-cow file before
// the data it vouches for was made durable.

#include "imagetestutil.h"

#include "clusterrangelock.h"
#include "fileio.h"
#include "image.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <fcntl.h>
#include <sys/stat.h>
#include <mutex>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace AddCow;
using namespace ImageTest;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace
{

constexpr quint64 C = ClusterSizeBytes;
constexpr char Unwritten = '\xee'; // what the image file holds where nothing was written

// Widens the windows between system calls, so that races show up on two cores: a thread that
// sets this sleeps before each read of the backing file (a slow copy-on-write fill).
thread_local bool t_slowBackingReads = false;
thread_local quint32 t_jitter = 0;

QByteArray preadFile(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY);
    QByteArray bytes;
    struct stat status;
    if (fd >= 0 && ::fstat(fd, &status) == 0) {
        bytes.resize(qsizetype(status.st_size));
        bytes.resize(qsizetype(std::max<ssize_t>(0, ::pread(fd, bytes.data(), size_t(bytes.size()), 0))));
    }
    if (fd >= 0)
        ::close(fd);
    return bytes;
}

/**
 * Models what a crash would keep: at each sync of the image file, what the file holds becomes
 * durable. At each sync of the .add-cow file (its bitmap bytes are written just before), every
 * bit on disk must vouch for a cluster whose durable data is whole: no byte that was never
 * written (R18, R21). Violations are collected, not asserted, as the hook runs on any thread.
 */
struct DurabilitySimulator {
    QString imagePath;
    QString addCowPath;
    quint64 virtualSize;
    std::mutex mutex;
    QByteArray durableImage;
    QStringList violations;
    int imageSyncs = 0;
    int bitmapSyncs = 0;

    DurabilitySimulator(const QString &image, const QString &addCow, quint64 size)
        : imagePath(image)
        , addCowPath(addCow)
        , virtualSize(size)
        , durableImage(qsizetype(size), Unwritten)
    {
        FileIo::setFaultHook([this](FileIo::Op op, int, const QString &path) {
            if (op == FileIo::Op::Sync)
                onSync(path);
            else
                jitter();
            return FileIo::Fault{};
        });
    }
    ~DurabilitySimulator() { FileIo::setFaultHook({}); }

    void onSync(const QString &path)
    {
        std::lock_guard lock(mutex);
        if (path == imagePath) {
            durableImage = preadFile(imagePath);
            ++imageSyncs;
        } else if (path == addCowPath) {
            ++bitmapSyncs;
            checkBits();
        }
    }

    // Now and then a pause before a read or write, different on each thread.
    static void jitter()
    {
        t_jitter = t_jitter * 1103515245u + 12345u + quint32(quintptr(&t_jitter));
        if ((t_jitter >> 16) % 16 == 0)
            std::this_thread::sleep_for(std::chrono::microseconds((t_jitter >> 8) % 300));
    }

    void checkBits()
    {
        const QByteArray bits = bitmapOnDisk(addCowPath, clusterCountFor(virtualSize));
        for (quint64 c = 0; c < clusterCountFor(virtualSize); ++c) {
            if (!bitOf(bits, c))
                continue;
            const qsizetype start = qsizetype(c * C);
            const qsizetype length = qsizetype(std::min(C, virtualSize - c * C));
            if (durableImage.mid(start, length).contains(Unwritten))
                violations.append(u"bit %1 is on disk before its data is durable"_s.arg(c));
        }
    }
};

// Which thread owns a byte: clusters [0, SharedClusters) are cut into one slot per thread, so
// all threads write into the same clean clusters; each thread then owns two whole clusters of
// its own for writes across a cluster boundary.
constexpr int Threads = 8;
constexpr quint64 SharedClusters = 64;
constexpr quint64 SlotBytes = C / Threads;
constexpr quint64 VirtualSize = (SharedClusters + 2 * Threads) * C - 1000; // a partial last cluster
constexpr qint64 BackingSize = qint64(70 * C + 777);                      // ends inside a cluster

struct Op {
    enum Kind { Write, Zero, FuaWrite, Flush } kind;
    quint64 offset = 0;
    quint64 length = 0;
};

// Op index of a thread: every thread walks the shared clusters in the same order, so that they
// all come to each clean cluster at about the same time.
Op randomOp(int thread, int index, QRandomGenerator &random)
{
    Op op;
    const quint32 dice = random.bounded(100);
    op.kind = dice < 75 ? Op::Write : dice < 92 ? Op::Zero : dice < 97 ? Op::FuaWrite : Op::Flush;
    if (random.bounded(3) != 0) {
        // In this thread's slot of a shared cluster.
        const quint64 cluster = (quint64(index) / 2 + random.bounded(2)) % SharedClusters;
        const quint64 slotStart = cluster * C + quint64(thread) * SlotBytes;
        const quint64 from = random.bounded(SlotBytes);
        op.offset = slotStart + from;
        op.length = random.bounded(SlotBytes - from) + 1;
    } else {
        // Across this thread's own two clusters, whole clusters included.
        const quint64 start = (SharedClusters + 2 * quint64(thread)) * C;
        const quint64 end = std::min(start + 2 * C, VirtualSize);
        op.offset = start + random.bounded(end - start);
        op.length = random.bounded(end - op.offset) + 1;
        if (random.bounded(4) == 0) {
            op.offset = start;
            op.length = end - start;
        }
    }
    return op;
}

} // namespace

class ConcurrencyTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void clusterRangeLockSerializesOverlappingRanges();
    void simulatorCatchesABitBeforeItsData();
    void manyThreadsMatchTheModel_data();
    void manyThreadsMatchTheModel();
    void writersIntoHalvesOfOneCleanClusterBothSurvive();
};

void ConcurrencyTest::clusterRangeLockSerializesOverlappingRanges()
{
    ClusterRangeLock locks;
    std::atomic_bool overlappingGotIt{false};
    std::atomic_bool disjointGotIt{false};
    std::optional<ClusterRangeLock::Holder> held(locks.lock({10, 5}));
    std::thread overlapping([&] {
        const ClusterRangeLock::Holder holder = locks.lock({14, 3});
        overlappingGotIt = true;
    });
    std::thread disjoint([&] {
        const ClusterRangeLock::Holder holder = locks.lock({15, 10});
        disjointGotIt = true;
    });
    disjoint.join();
    QVERIFY(disjointGotIt);
    std::this_thread::sleep_for(50ms);
    QVERIFY(!overlappingGotIt); // cluster 14 is still held
    held.reset();
    overlapping.join();
    QVERIFY(overlappingGotIt);
    QCOMPARE(locks.heldCount(), qsizetype(0));
    const ClusterRangeLock::Holder empty = locks.lock({3, 0});
    QCOMPARE(locks.heldCount(), qsizetype(0));
}

void ConcurrencyTest::simulatorCatchesABitBeforeItsData()
{
    // The checker is not vacuous: a bit written before its data was synced is reported.
    QTemporaryDir dir;
    QVERIFY(makeImageFiles(dir.path(), 4 * C, QByteArray(int(4 * C), 'b')));
    const QString addCow = dir.filePath(u"disk.add-cow"_s);
    const QString imagePath = dir.filePath(u"disk.raw"_s);
    DurabilitySimulator simulator(imagePath, addCow, 4 * C);
    QByteArray bytes = readFile(addCow);
    bytes[4096] = '\x02';
    QVERIFY(writeFile(addCow, bytes));
    simulator.onSync(addCow);
    QCOMPARE(simulator.violations, QStringList{u"bit 1 is on disk before its data is durable"_s});
}

void ConcurrencyTest::manyThreadsMatchTheModel_data()
{
    QTest::addColumn<bool>("writeBack");
    QTest::addColumn<int>("opsPerThread");
    QTest::newRow("R21 write-back, flushes and FUA racing the writers") << true << 300;
    QTest::newRow("R18 durable writes from many threads") << false << 40;
}

void ConcurrencyTest::manyThreadsMatchTheModel()
{
    QFETCH(bool, writeBack);
    QFETCH(int, opsPerThread);

    QTemporaryDir dir;
    QRandomGenerator random(2024);
    const QByteArray backing = randomBytesWithout(BackingSize, random, Unwritten);
    QVERIFY(makeImageFiles(dir.path(), VirtualSize, backing, Unwritten));
    const QString addCow = dir.filePath(u"disk.add-cow"_s);
    const QString imagePath = dir.filePath(u"disk.raw"_s);

    Result<Image> opened = Image::open(addCow, Image::Access::ReadWrite);
    QVERIFY2(opened.ok(), qPrintable(opened.error().message()));
    Image &image = opened.value();
    if (writeBack)
        QVERIFY(image.setWriteMode(Image::WriteMode::WriteBack).ok());

    // The model: the disk before, then each thread's writes into the bytes it owns.
    std::vector<char> model(VirtualSize, '\0');
    std::memcpy(model.data(), backing.constData(), size_t(backing.size()));

    // Clusters whose writes have returned, for "a flush covers every write before it".
    std::mutex completedMutex;
    std::vector<bool> completed(clusterCountFor(VirtualSize), false);

    std::atomic_int failures{0};
    std::mutex messagesMutex;
    QStringList messages;
    const auto fail = [&](const QString &message) {
        std::lock_guard lock(messagesMutex);
        if (messages.size() < 10)
            messages.append(message);
        ++failures;
    };

    std::atomic_bool writing{true};
    std::atomic_int flushChecks{0};
    DurabilitySimulator simulator(imagePath, addCow, VirtualSize);
    {
        std::vector<std::thread> threads;
        for (int t = 0; t < Threads; ++t) {
            threads.emplace_back([&, t] {
                QRandomGenerator threadRandom(quint32(100 + t));
                for (int i = 0; i < opsPerThread; ++i) {
                    const Op op = randomOp(t, i, threadRandom);
                    Result<ClusterRange> written = ClusterRange{};
                    if (op.kind == Op::Flush) {
                        if (Result<void> flushed = image.flush(); !flushed)
                            fail(flushed.error().message());
                        continue;
                    }
                    if (op.kind == Op::Zero) {
                        written = image.writeZeroes(op.offset, op.length, threadRandom.bounded(2) ? Image::MayDeallocate : Image::NoWriteFlags);
                        std::memset(model.data() + op.offset, 0, op.length);
                    } else {
                        const QByteArray data = randomBytesWithout(qsizetype(op.length), threadRandom, Unwritten);
                        written = image.write(op.offset, data, op.kind == Op::FuaWrite ? Image::Fua : Image::NoWriteFlags);
                        std::memcpy(model.data() + op.offset, data.constData(), op.length);
                    }
                    if (!written) {
                        fail(written.error().message());
                        continue;
                    }
                    const ClusterRange touched = ClusterRange::forBytes(op.offset, op.length);
                    std::lock_guard lock(completedMutex);
                    for (quint64 c = touched.first; c < touched.end(); ++c)
                        completed[c] = true;
                }
            });
        }
        // Readers: the image file's unwritten bytes must never show through (a bit set before
        // its cluster's data is whole would show them).
        for (int r = 0; r < 2; ++r) {
            threads.emplace_back([&, r] {
                QRandomGenerator readRandom(quint32(900 + r));
                while (writing) {
                    const quint64 offset = readRandom.bounded(VirtualSize);
                    const quint64 length = std::min<quint64>(VirtualSize - offset, readRandom.bounded(3 * C) + 1);
                    const Result<QByteArray> bytes = image.read(offset, length);
                    if (!bytes)
                        fail(bytes.error().message());
                    else if (bytes->contains(Unwritten))
                        fail(u"a read at %1 saw bytes never written"_s.arg(offset + quint64(bytes->indexOf(Unwritten))));
                }
            });
        }
        // A flusher: after each flush, every write that returned before it has its bits on disk.
        std::thread flusher;
        if (writeBack) {
            flusher = std::thread([&] {
                while (writing) {
                    std::vector<bool> before;
                    {
                        std::lock_guard lock(completedMutex);
                        before = completed;
                    }
                    if (Result<void> flushed = image.flush(); !flushed) {
                        fail(flushed.error().message());
                        continue;
                    }
                    const QByteArray bits = bitmapOnDisk(addCow, clusterCountFor(VirtualSize));
                    for (quint64 c = 0; c < before.size(); ++c) {
                        if (before[c] && !bitOf(bits, c))
                            fail(u"cluster %1 was written before a flush, its bit is not on disk after it"_s.arg(c));
                    }
                    ++flushChecks;
                    std::this_thread::sleep_for(2ms);
                }
            });
        }
        for (int t = 0; t < Threads; ++t)
            threads[size_t(t)].join();
        writing = false;
        for (size_t r = Threads; r < threads.size(); ++r)
            threads[r].join();
        if (flusher.joinable())
            flusher.join();
    }
    QVERIFY2(failures == 0, qPrintable(messages.join(u'\n')));
    if (writeBack)
        QVERIFY(flushChecks > 0);

    const QByteArray expected(model.data(), qsizetype(model.size()));
    QVERIFY(image.read(0, VirtualSize).value() == expected);
    QVERIFY(image.flush().ok());
    QCOMPARE(image.unflushedClusterCount(), quint64(0));
    {
        std::lock_guard lock(simulator.mutex);
        QVERIFY2(simulator.violations.isEmpty(), qPrintable(simulator.violations.join(u'\n')));
        QVERIFY(simulator.bitmapSyncs > 0);
    }

    // What is on disk is the model, and the bitmap on disk is the one in memory.
    QCOMPARE(bitmapOnDisk(addCow, clusterCountFor(VirtualSize)), image.bitmap().toBytes());
    Result<Image> reopened = Image::open(addCow);
    QVERIFY(reopened.ok());
    QVERIFY(reopened->read(0, VirtualSize).value() == expected);
    QVERIFY(preadFile(dir.filePath(u"base.raw"_s)) == backing);
}

void ConcurrencyTest::writersIntoHalvesOfOneCleanClusterBothSurvive()
{
    // R21: two writers into different halves of one clean cluster, at the same moment, many
    // times: the copy-on-write fill of one never overwrites the other's bytes.
    QTemporaryDir dir;
    QRandomGenerator random(7);
    constexpr quint64 Clusters = 64;
    const QByteArray backing = randomBytesWithout(qsizetype(Clusters * C), random, Unwritten);
    QVERIFY(makeImageFiles(dir.path(), Clusters * C, backing, Unwritten));
    Result<Image> opened = Image::open(dir.filePath(u"disk.add-cow"_s), Image::Access::ReadWrite);
    QVERIFY(opened.ok());
    Image &image = opened.value();
    QVERIFY(image.setWriteMode(Image::WriteMode::WriteBack).ok());

    // The first writer copies from the backing file slowly: without the cluster lock, its fill
    // of the second half would land after the second writer's data there.
    FileIo::setFaultHook([](FileIo::Op op, int, const QString &path) {
        if (t_slowBackingReads && op == FileIo::Op::Read && QFileInfo(path).fileName() == u"base.raw")
            std::this_thread::sleep_for(1ms);
        return FileIo::Fault{};
    });
    std::atomic_int ready{0};
    std::atomic_int failures{0};
    const auto writer = [&](quint64 half, char fill) {
        t_slowBackingReads = half == 0;
        for (quint64 c = 0; c < Clusters; ++c) {
            // Meet the other writer at each cluster, then write at once.
            ++ready;
            while (ready.load() < int(2 * (c + 1)))
                std::this_thread::yield();
            if (!image.write(c * C + half * (C / 2) + 1, QByteArray(int(C / 2 - 2), fill)).ok())
                ++failures;
        }
    };
    std::thread first(writer, 0, 'a');
    std::thread second(writer, 1, 'b');
    first.join();
    second.join();
    FileIo::setFaultHook({});
    QCOMPARE(failures.load(), 0);
    QVERIFY(image.flush().ok());
    const QByteArray disk = image.read(0, Clusters * C).value();
    for (quint64 c = 0; c < Clusters; ++c) {
        const QByteArray cluster = disk.mid(qsizetype(c * C), qsizetype(C));
        QByteArray expected = backing.mid(qsizetype(c * C), qsizetype(C));
        expected.replace(1, qsizetype(C / 2 - 2), QByteArray(int(C / 2 - 2), 'a'));
        expected.replace(qsizetype(C / 2 + 1), qsizetype(C / 2 - 2), QByteArray(int(C / 2 - 2), 'b'));
        QVERIFY2(cluster == expected, qPrintable(u"cluster %1"_s.arg(c)));
    }
}

QTEST_GUILESS_MAIN(ConcurrencyTest)

#include "concurrencytest.moc"
