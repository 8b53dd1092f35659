// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "../faultinjector.h"
#include "../image/imagetestutil.h"
#include "changelist.h"
#include "changescan.h"
#include "fileio.h"
#include "image.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace AddCow;
using namespace ImageTest;

namespace
{
constexpr quint64 Cluster = ClusterSizeBytes;

struct Scanned {
    Result<void> result;
    QList<ChangeRun> runs;
    QList<ChangeScan::Batch> batches;
};

/** Runs a scan and checks what every caller relies on: batches tile range in order, runs lie inside them. */
Scanned scan(const Image &image, ClusterRange range, JobContext &context)
{
    Scanned scanned;
    scanned.result = ChangeScan::scan(image, range, context, [&](const ChangeScan::Batch &batch) {
        scanned.batches.append(batch);
        scanned.runs.append(batch.runs);
    });
    return scanned;
}

void verifyTiling(const Scanned &scanned, ClusterRange range, bool complete)
{
    quint64 position = range.first;
    for (const ChangeScan::Batch &batch : scanned.batches) {
        QCOMPARE(batch.scanned.first, position);
        for (const ChangeRun &run : batch.runs) {
            QVERIFY(run.clusters.first >= batch.scanned.first);
            QVERIFY(run.clusters.end() <= batch.scanned.end());
        }
        position = batch.scanned.end();
    }
    if (complete)
        QCOMPARE(position, range.end());
    for (qsizetype i = 1; i < scanned.runs.size(); ++i) {
        const ChangeRun &before = scanned.runs.at(i - 1);
        const ChangeRun &after = scanned.runs.at(i);
        QVERIFY(before.clusters.end() <= after.clusters.first);
        // Neighbours of one kind are one run.
        QVERIFY(before.clusters.end() < after.clusters.first || before.kind != after.kind);
    }
}

/**
 * The definition, computed from the files' bytes without Image: a cluster whose bit is 1 (or
 * every cluster with ALL_ALLOCATED) is changed when its image file bytes differ from the
 * backing file's, zeros past its end or without one (R13).
 */
QList<ChangeRun> modelRuns(const QByteArray &imageData, const QByteArray &backingData, const QByteArray &bits, bool allAllocated,
                           ClusterRange range)
{
    QList<ChangeRun> runs;
    const auto virtualSize = quint64(imageData.size());
    const quint64 end = std::min(range.end(), clusterCountFor(virtualSize));
    for (quint64 c = range.first; c < end; ++c) {
        if (!allAllocated && !bitOf(bits, c))
            continue;
        const quint64 begin = c * Cluster;
        const quint64 clusterEnd = std::min(begin + Cluster, virtualSize);
        std::optional<quint64> first;
        quint64 last = 0;
        for (quint64 i = begin; i < clusterEnd; ++i) {
            const char clean = i < quint64(backingData.size()) ? backingData.at(qsizetype(i)) : '\0';
            if (imageData.at(qsizetype(i)) != clean) {
                if (!first)
                    first = i;
                last = i;
            }
        }
        const auto kind = first ? ChangeRun::Kind::Changed : ChangeRun::Kind::Unchanged;
        if (!runs.isEmpty() && runs.last().kind == kind && runs.last().clusters.end() == c) {
            runs.last().clusters.count += 1;
            runs.last().lengthBytes = (first ? last + 1 : clusterEnd) - runs.last().offsetBytes;
        } else if (first) {
            runs.append(ChangeRun{kind, {c, 1}, *first, last + 1 - *first});
        } else {
            runs.append(ChangeRun{kind, {c, 1}, begin, clusterEnd - begin});
        }
    }
    return runs;
}

QString describe(const QList<ChangeRun> &runs)
{
    QStringList parts;
    for (const ChangeRun &run : runs)
        parts.append(QStringLiteral("%1[%2+%3 @%4+%5]")
                         .arg(run.isChanged() ? QStringLiteral("C") : QStringLiteral("U"))
                         .arg(run.clusters.first)
                         .arg(run.clusters.count)
                         .arg(run.offsetBytes)
                         .arg(run.lengthBytes));
    return parts.join(u' ');
}
} // namespace

class ChangeScanTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void matchesTheModel_data();
    void matchesTheModel();
    void rangesAreTheSameRunsAsTheWhole();
    void matchesCmp();
    void r14AllAllocatedWithBackingComparesNothing();
    void unreadableBackingComparesNothing();
    void holesAreNotRead();
    void cancelStopsAndKeepsWhatWasScanned();
    void unreadableImageFileNamesIt();
    void rescanAfterWritesEqualsAFullScan();

private:
    struct Fixture {
        QByteArray backing;
        QByteArray image;
        QByteArray bits;
        bool hasBacking = true;
        bool allAllocated = false;
    };
    /** Writes the three files and opens them. */
    std::optional<Image> make(const Fixture &fixture, Image::Access access = Image::Access::ReadOnly);
    Fixture randomFixture(quint32 seed, bool hasBacking = true);

    QTemporaryDir *m_dir = nullptr;
    QString m_addCowPath;
    QString m_imagePath;
    QString m_backingPath;
};

void ChangeScanTest::init()
{
    m_dir = new QTemporaryDir;
    QVERIFY(m_dir->isValid());
    m_addCowPath = m_dir->filePath(QStringLiteral("disk.add-cow"));
    m_imagePath = m_dir->filePath(QStringLiteral("disk.raw"));
    m_backingPath = m_dir->filePath(QStringLiteral("base.raw"));
}

void ChangeScanTest::cleanup()
{
    delete m_dir;
    m_dir = nullptr;
}

std::optional<Image> ChangeScanTest::make(const Fixture &fixture, Image::Access access)
{
    const QByteArray backingName = fixture.hasBacking ? QByteArrayLiteral("base.raw") : QByteArray();
    if (!writeFile(m_imagePath, fixture.image) || (fixture.hasBacking && !writeFile(m_backingPath, fixture.backing))
        || !writeFile(m_addCowPath, addCowBytes("disk.raw", backingName, quint64(fixture.image.size()), fixture.bits,
                                                fixture.allAllocated ? FeatureAllAllocated : 0)))
        return std::nullopt;
    Result<Image> image = Image::open(m_addCowPath, access);
    if (!image) {
        qWarning() << image.error().message();
        return std::nullopt;
    }
    return std::move(image).value();
}

/**
 * 23 clusters and 300 bytes (R15: partial last cluster) over a backing file of 9.5 clusters.
 * Allocated clusters hold, at random: the backing's own bytes (unchanged), those bytes with a
 * few changed at the start, middle or end, zeros past the backing's end (unchanged: R13), or
 * random bytes. Clean clusters hold stale random bytes that must not count (R13).
 */
ChangeScanTest::Fixture ChangeScanTest::randomFixture(quint32 seed, bool hasBacking)
{
    QRandomGenerator random(seed);
    Fixture f;
    f.hasBacking = hasBacking;
    const quint64 virtualSize = 23 * Cluster + 300;
    f.backing = randomBytes(qsizetype(9 * Cluster + Cluster / 2), random);
    f.image = randomBytes(qsizetype(virtualSize), random);
    f.bits = randomBits(clusterCountFor(virtualSize), 60, random);
    for (quint64 c = 0; c < clusterCountFor(virtualSize); ++c) {
        const qsizetype begin = qsizetype(c * Cluster);
        const qsizetype length = std::min<qsizetype>(qsizetype(Cluster), f.image.size() - begin);
        QByteArray clean(length, '\0');
        if (hasBacking && begin < f.backing.size())
            clean.replace(0, std::min(length, f.backing.size() - begin), f.backing.mid(begin, length));
        switch (random.bounded(5)) {
        case 0: // written with the same bytes
            f.image.replace(begin, length, clean);
            break;
        case 1: { // a few bytes changed
            f.image.replace(begin, length, clean);
            const int changes = 1 + int(random.bounded(3));
            for (int i = 0; i < changes; ++i) {
                const qsizetype at = begin + qsizetype(random.bounded(quint32(length)));
                f.image[at] = char(~f.image.at(at));
            }
            break;
        }
        case 2: // the first and the last byte of the cluster
            f.image.replace(begin, length, clean);
            f.image[begin] = char(~f.image.at(begin));
            f.image[begin + length - 1] = char(~f.image.at(begin + length - 1));
            break;
        default: // random bytes (changed), or stale bytes where the bit is 0
            break;
        }
        // Whatever the dice said: cluster 3 allocated and unchanged, cluster 4 allocated and changed.
        if (c == 3 || c == 4) {
            setBit(f.bits, c);
            f.image.replace(begin, length, clean);
            if (c == 4)
                f.image[begin + 100] = char(~f.image.at(begin + 100));
        }
    }
    return f;
}

void ChangeScanTest::matchesTheModel_data()
{
    QTest::addColumn<quint32>("seed");
    QTest::addColumn<bool>("hasBacking");
    QTest::addColumn<bool>("allAllocated");
    for (quint32 seed = 1; seed <= 6; ++seed)
        QTest::addRow("R13 random bits, seed %u", seed) << seed << true << false;
    QTest::addRow("R13 no backing file: compared with zeros") << 11u << false << false;
    QTest::addRow("R14 no backing file, ALL_ALLOCATED: every cluster against zeros") << 12u << false << true;
}

void ChangeScanTest::matchesTheModel()
{
    QFETCH(quint32, seed);
    QFETCH(bool, hasBacking);
    QFETCH(bool, allAllocated);
    Fixture f = randomFixture(seed, hasBacking);
    f.allAllocated = allAllocated;
    std::optional<Image> image = make(f);
    QVERIFY(image);
    QCOMPARE(ChangeScan::basisFor(*image), hasBacking ? ChangeScan::Basis::Backing : ChangeScan::Basis::Zeros);

    const ClusterRange all{0, image->clusterCount()};
    const QByteArray backing = hasBacking ? f.backing : QByteArray();
    const QList<ChangeRun> expected = modelRuns(f.image, backing, f.bits, allAllocated, all);
    QVERIFY(!expected.isEmpty());
    QVERIFY(std::any_of(expected.cbegin(), expected.cend(), [](const ChangeRun &run) { return !run.isChanged(); }));

    JobContext context;
    quint64 lastDone = 0;
    quint64 lastTotal = 0;
    context.setProgressFunction([&](quint64 done, quint64 total) {
        QVERIFY(done >= lastDone);
        QVERIFY(done <= total);
        lastDone = done;
        lastTotal = total;
    });
    const Scanned scanned = scan(*image, all, context);
    QVERIFY2(scanned.result, qPrintable(scanned.result ? QString() : scanned.result.error().message()));
    verifyTiling(scanned, all, true);
    QVERIFY2(scanned.runs == expected, qPrintable(describe(scanned.runs) + QStringLiteral("\nexpected\n") + describe(expected)));
    QCOMPARE(lastDone, lastTotal);
}

void ChangeScanTest::rangesAreTheSameRunsAsTheWhole()
{
    const Fixture f = randomFixture(21);
    std::optional<Image> image = make(f);
    QVERIFY(image);
    for (const ClusterRange range : {ClusterRange{0, 1}, ClusterRange{3, 7}, ClusterRange{9, 1}, ClusterRange{10, 14}, ClusterRange{23, 1},
                                     ClusterRange{20, 100}}) {
        JobContext context;
        const Scanned scanned = scan(*image, range, context);
        QVERIFY(scanned.result);
        const ClusterRange clamped = range.intersected({0, image->clusterCount()});
        verifyTiling(scanned, clamped, true);
        QCOMPARE(scanned.runs, modelRuns(f.image, f.backing, f.bits, false, clamped));
    }
}

/**
 * cmp(1), knowing nothing of add-cow, lists every byte where the image file differs from the
 * backing file padded with zeros to the virtual size; the changed clusters are those of its
 * offsets whose bit is set, and their first and last differing bytes bound each run.
 */
void ChangeScanTest::matchesCmp()
{
    const QString cmp = QStandardPaths::findExecutable(QStringLiteral("cmp"));
    if (cmp.isEmpty())
        QSKIP("cmp (diffutils) is not installed");
    const Fixture f = randomFixture(31);
    std::optional<Image> image = make(f);
    QVERIFY(image);
    const QString padded = m_dir->filePath(QStringLiteral("base-padded.raw"));
    QVERIFY(writeFile(padded, f.backing + QByteArray(f.image.size() - f.backing.size(), '\0')));
    QProcess process;
    process.start(cmp, {QStringLiteral("-l"), padded, m_imagePath});
    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(process.exitCode(), 1); // differ
    std::map<quint64, std::pair<quint64, quint64>> differing; // cluster -> first, last offset
    const QList<QByteArray> lines = process.readAllStandardOutput().split('\n');
    for (const QByteArray &line : lines) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() != 3)
            continue;
        const quint64 offset = fields.at(0).toULongLong() - 1; // cmp counts from 1
        const quint64 cluster = offset / Cluster;
        if (!bitOf(f.bits, cluster))
            continue;
        auto [it, inserted] = differing.try_emplace(cluster, offset, offset);
        if (!inserted)
            it->second.second = offset;
    }
    QVERIFY(differing.size() > 3);

    JobContext context;
    const Scanned scanned = scan(*image, {0, image->clusterCount()}, context);
    QVERIFY(scanned.result);
    std::map<quint64, std::pair<quint64, quint64>> found;
    for (const ChangeRun &run : scanned.runs) {
        if (!run.isChanged())
            continue;
        for (quint64 c = run.clusters.first; c < run.clusters.end(); ++c)
            found[c] = {0, 0};
        // A run's bytes start at its first cluster's first difference and end at its last cluster's last.
        QCOMPARE(run.offsetBytes, differing.at(run.clusters.first).first);
        QCOMPARE(run.endBytes() - 1, differing.at(run.clusters.end() - 1).second);
    }
    QCOMPARE(found.size(), differing.size());
    for (const auto &[cluster, bytes] : differing)
        QVERIFY2(found.count(cluster), qPrintable(QStringLiteral("cluster %1").arg(cluster)));
}

void ChangeScanTest::r14AllAllocatedWithBackingComparesNothing()
{
    Fixture f = randomFixture(41);
    f.allAllocated = true;
    std::optional<Image> image = make(f);
    QVERIFY(image);
    QCOMPARE(ChangeScan::basisFor(*image), ChangeScan::Basis::None);
    JobContext context;
    const Scanned scanned = scan(*image, {0, image->clusterCount()}, context);
    QVERIFY(scanned.result);
    QCOMPARE(scanned.batches.size(), 1);
    QCOMPARE(scanned.batches.first().scanned, (ClusterRange{0, image->clusterCount()}));
    QVERIFY(scanned.runs.isEmpty());
}

void ChangeScanTest::unreadableBackingComparesNothing()
{
    // Issue 14: an image opened although its backing file is missing has nothing to compare
    // its written clusters with; the scan says so (Unreadable) instead of failing.
    QByteArray bits(1, '\0');
    bits[0] = char(0x05);
    QVERIFY(writeFile(m_imagePath, QByteArray(qsizetype(4 * ClusterSizeBytes), 'x')));
    QVERIFY(writeFile(m_addCowPath, addCowBytes("disk.raw", "gone.raw", 4 * ClusterSizeBytes, bits)));
    const Result<Image> image = Image::open(m_addCowPath, Image::Access::ReadOnly, Image::Contents::Everything, Image::UnreadableBacking::Degrade);
    QVERIFY(image.ok());
    QVERIFY(image.value().backingError());
    QCOMPARE(ChangeScan::basisFor(image.value()), ChangeScan::Basis::Unreadable);
    QVERIFY(!ChangeScan::compares(ChangeScan::Basis::Unreadable));
    JobContext context;
    const Scanned scanned = scan(image.value(), {0, 4}, context);
    QVERIFY(scanned.result);
    QCOMPARE(scanned.batches.size(), 1);
    QVERIFY(scanned.runs.isEmpty());
}

/**
 * A 1 TiB sparse image file without a backing file (R14: create sets ALL_ALLOCATED) and data in
 * three places: only those clusters are read, the rest are holes against zeros.
 */
void ChangeScanTest::holesAreNotRead()
{
    constexpr quint64 Size = quint64(1) << 40;
    QVERIFY(writeFile(m_addCowPath, addCowBytes("disk.raw", QByteArray(), Size, {}, FeatureAllAllocated)));
    QVERIFY(writeFile(m_imagePath, QByteArray()));
    QFile file(m_imagePath);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(file.resize(qint64(Size)));
    const quint64 places[] = {5 * Cluster + 17, (Size / 2) - 1, Size - 1};
    for (const quint64 place : places) {
        QVERIFY(file.seek(qint64(place)));
        QCOMPARE(file.write("\x01\x02\x03", std::min<qint64>(3, qint64(Size - place))), std::min<qint64>(3, qint64(Size - place)));
    }
    file.close();
    Result<Image> image = Image::open(m_addCowPath);
    QVERIFY(image);

    int reads = 0;
    FileIo::setFaultHook([&](FileIo::Op op, int, const QString &) {
        if (op == FileIo::Op::Read)
            ++reads;
        return FileIo::Fault();
    });
    JobContext context;
    const Scanned scanned = scan(image.value(), {0, image->clusterCount()}, context);
    FileIo::setFaultHook({});
    QVERIFY(scanned.result);
    QList<ChangeRun> changed;
    for (const ChangeRun &run : scanned.runs) {
        if (run.isChanged())
            changed.append(run);
    }
    QCOMPARE(changed.size(), 3);
    QCOMPARE(changed.at(0), (ChangeRun{ChangeRun::Kind::Changed, {5, 1}, 5 * Cluster + 17, 3}));
    // Half the disk minus 1: the bytes cross into the next cluster, so two clusters, one run.
    QCOMPARE(changed.at(1), (ChangeRun{ChangeRun::Kind::Changed, {Size / 2 / Cluster - 1, 2}, Size / 2 - 1, 3}));
    QCOMPARE(changed.at(2), (ChangeRun{ChangeRun::Kind::Changed, {Size / Cluster - 1, 1}, Size - 1, 1}));
    QCOMPARE(scanned.runs.size(), 6); // unchanged before each changed run
    QVERIFY2(reads < 64, qPrintable(QString::number(reads)));
}

void ChangeScanTest::cancelStopsAndKeepsWhatWasScanned()
{
    const Fixture f = randomFixture(51);
    std::optional<Image> image = make(f);
    QVERIFY(image);
    std::atomic_bool cancel = false;
    JobContext context(&cancel);
    context.setProgressFunction([&](quint64 done, quint64) {
        if (done > 0)
            cancel = true;
    });
    const ClusterRange all{0, image->clusterCount()};
    const Scanned scanned = scan(*image, all, context);
    QVERIFY(!scanned.result);
    QCOMPARE(scanned.result.error().code, ErrorCode::Cancelled);
    verifyTiling(scanned, all, false);
    // What the batches cover is right, and stops well before the end.
    const quint64 end = scanned.batches.isEmpty() ? 0 : scanned.batches.last().scanned.end();
    QVERIFY(end < all.end());
    QCOMPARE(scanned.runs, modelRuns(f.image, f.backing, f.bits, false, {0, end}));
}

void ChangeScanTest::unreadableImageFileNamesIt()
{
    const Fixture f = randomFixture(61);
    std::optional<Image> image = make(f);
    QVERIFY(image);
    FileIo::setFaultHook([&](FileIo::Op op, int fd, const QString &) {
        FileIo::Fault fault;
        if (op == FileIo::Op::Read && fd == image->imageFd())
            fault.errnoValue = EIO;
        return fault;
    });
    JobContext context;
    const Scanned scanned = scan(*image, {0, image->clusterCount()}, context);
    FileIo::setFaultHook({});
    QVERIFY(!scanned.result);
    QCOMPARE(scanned.result.error().code, ErrorCode::Io);
    QCOMPARE(scanned.result.error().path, image->imageFile().resolvedPath);
}

/**
 * Writes through Image (R18) change bits and bytes; scanning only ChangeList::rescanRange() of
 * each write and replacing those runs gives the list a full scan gives.
 */
void ChangeScanTest::rescanAfterWritesEqualsAFullScan()
{
    Fixture f = randomFixture(71);
    std::optional<Image> image = make(f, Image::Access::ReadWrite);
    QVERIFY(image);
    ChangeList list;
    JobContext context;
    const auto apply = [&](ClusterRange range) {
        const Scanned scanned = scan(*image, range, context);
        QVERIFY(scanned.result);
        for (const ChangeScan::Batch &batch : scanned.batches)
            list.replace(batch.scanned, batch.runs);
    };
    apply({0, image->clusterCount()});

    QRandomGenerator random(72);
    for (int i = 0; i < 40; ++i) {
        const quint64 offset = random.bounded(image->virtualSizeBytes());
        const quint64 length = std::min<quint64>(image->virtualSizeBytes() - offset, 1 + random.bounded(3 * Cluster));
        QByteArray data;
        switch (i % 3) {
        case 0: // the bytes the disk already shows: a clean cluster becomes allocated, unchanged
            data = image->read(offset, length).value();
            break;
        case 1: { // the clean bytes: a changed cluster may become unchanged again
            data.resize(qsizetype(length));
            QVERIFY(image->readClean(offset, data.data(), length));
            break;
        }
        default:
            data = randomBytes(qsizetype(length), random);
            break;
        }
        QVERIFY(image->write(offset, data));
        apply(list.rescanRange(ClusterRange::forBytes(offset, length), image->clusterCount()));

        ChangeList full;
        const Scanned scanned = scan(*image, {0, image->clusterCount()}, context);
        for (const ChangeScan::Batch &batch : scanned.batches)
            full.replace(batch.scanned, batch.runs);
        QVERIFY2(list.runs() == full.runs(), qPrintable(QStringLiteral("write %1\n").arg(i) + describe(list.runs()) + QStringLiteral("\nfull\n") + describe(full.runs())));
        QCOMPARE(list.changedClusterCount(), full.changedClusterCount());
        QCOMPARE(list.unchangedClusterCount(), full.unchangedClusterCount());
    }
}

QTEST_GUILESS_MAIN(ChangeScanTest)
#include "changescantest.moc"
