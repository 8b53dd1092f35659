// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "clusterpyramid.h"

#include <QRandomGenerator>
#include <QTest>

#include <thread>
#include <vector>

using namespace AddCow;

namespace
{

constexpr quint64 Chunk = quint64(1) << ClusterPyramid::ChunkClustersLog2;

quint64 naiveCount(const ClusterBitmap &bitmap, quint64 first, quint64 end)
{
    end = std::min(end, bitmap.clusterCount());
    quint64 count = 0;
    for (quint64 c = first; c < end; ++c)
        count += bitmap.test(c) ? 1 : 0;
    return count;
}

// A bitmap with runs of allocated clusters and random single bits, like a used disk.
std::shared_ptr<ClusterBitmap> makeBitmap(quint64 clusterCount, int percent, quint32 seed)
{
    auto bitmap = std::make_shared<ClusterBitmap>(clusterCount);
    QRandomGenerator random(seed);
    if (percent > 0) {
        for (quint64 c = 0; c < clusterCount; c += 1 + random.bounded(quint64(200 / percent))) {
            bitmap->set(c);
        }
    }
    if (clusterCount > 10) {
        for (int run = 0; run < 5; ++run) {
            const quint64 first = random.bounded(quint64(clusterCount));
            bitmap->setRange({first, random.bounded(quint64(clusterCount - first)) / 4 + 1});
        }
    }
    return bitmap;
}

void compareEverything(const ClusterPyramid &pyramid, const ClusterBitmap &bitmap, quint32 seed)
{
    QVERIFY(pyramid.isComplete());
    QCOMPARE(pyramid.clusterCount(), bitmap.clusterCount());
    QCOMPARE(pyramid.countAllocated(), bitmap.countAllocated());
    // Every level, every block, against a naive count of its bits.
    QCOMPARE(pyramid.levelCount() > 0, bitmap.clusterCount() > 0);
    for (int level = 0; level < pyramid.levelCount(); ++level) {
        const quint64 size = quint64(1) << ClusterPyramid::levelBlockLog2(level);
        QCOMPARE(pyramid.levelBlockCount(level), (bitmap.clusterCount() + size - 1) / size);
        for (quint64 block = 0; block < pyramid.levelBlockCount(level); ++block) {
            const quint64 expected = level == 0 ? naiveCount(bitmap, block * size, (block + 1) * size) : bitmap.countAllocated({block * size, size});
            if (pyramid.levelCountAt(level, block) != expected) {
                qWarning() << "level" << level << "block" << block;
                QCOMPARE(pyramid.levelCountAt(level, block), expected);
            }
        }
    }
    if (pyramid.levelCount() > 0)
        QCOMPARE(pyramid.levelBlockCount(pyramid.levelCount() - 1), quint64(1));
    // Aligned blocks of every power of two, as the renderer asks for them: the first ones and
    // the last ones (two past the end count 0).
    for (int log2 = 0; log2 <= 26; ++log2) {
        const quint64 size = quint64(1) << log2;
        const quint64 blocks = (bitmap.clusterCount() + size - 1) / size + 2;
        const quint64 asked = std::min<quint64>(blocks, 300);
        for (const quint64 firstBlock : {quint64(0), blocks - asked}) {
            std::vector<quint64> counts(asked);
            pyramid.countAlignedBlocks(log2, firstBlock, asked, counts.data());
            for (quint64 i = 0; i < asked; ++i) {
                const quint64 block = firstBlock + i;
                QCOMPARE(counts[i], bitmap.countAllocated({block * size, size}));
            }
        }
    }
    // Arbitrary ranges, any alignment.
    QRandomGenerator random(seed);
    for (int i = 0; i < 200 && bitmap.clusterCount() > 0; ++i) {
        const quint64 first = random.bounded(quint64(bitmap.clusterCount()));
        const quint64 count = random.bounded(quint64(bitmap.clusterCount() - first + 1));
        QCOMPARE(pyramid.countAllocated({first, count}), bitmap.countAllocated({first, count}));
    }
    for (quint64 c = 0; c < std::min<quint64>(bitmap.clusterCount(), 2000); ++c)
        QCOMPARE(pyramid.isAllocated(c), bitmap.test(c));
}

ClusterRange naiveRun(const ClusterBitmap &bitmap, quint64 cluster)
{
    const bool state = bitmap.test(cluster);
    quint64 first = cluster;
    while (first > 0 && bitmap.test(first - 1) == state)
        --first;
    quint64 end = cluster + 1;
    while (end < bitmap.clusterCount() && bitmap.test(end) == state)
        ++end;
    return {first, end - first};
}

} // namespace

class ClusterPyramidTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void countsMatchNaive_data()
    {
        QTest::addColumn<quint64>("clusterCount");
        QTest::addColumn<int>("percent");
        QTest::addColumn<quint32>("seed");
        QTest::newRow("R13 one cluster") << quint64(1) << 100 << 1u;
        QTest::newRow("R13 63 clusters, half") << quint64(63) << 50 << 2u;
        QTest::newRow("R13 one word exactly") << quint64(64) << 50 << 3u;
        QTest::newRow("R13 65 clusters") << quint64(65) << 50 << 4u;
        QTest::newRow("R13 one block of 128 and one more") << quint64(129) << 40 << 10u;
        QTest::newRow("R15 partial last word, sparse") << quint64(1000) << 1 << 5u;
        QTest::newRow("R13 4099 clusters, dense") << quint64(4099) << 99 << 6u;
        QTest::newRow("R13 16384 exactly, empty") << quint64(16384) << 0 << 7u;
        QTest::newRow("R13 100003 clusters, 10%") << quint64(100003) << 10 << 8u;
        QTest::newRow("R13 five chunks and a bit, 1%") << 5 * Chunk + 12345 << 1 << 9u;
    }
    void countsMatchNaive()
    {
        QFETCH(quint64, clusterCount);
        QFETCH(int, percent);
        QFETCH(quint32, seed);
        const std::shared_ptr<ClusterBitmap> bitmap = makeBitmap(clusterCount, percent, seed);
        ClusterPyramid pyramid(bitmap);
        pyramid.build();
        compareEverything(pyramid, *bitmap, seed);
    }

    void sharesTheBitmap()
    {
        // The pyramid reads the image's bitmap: no copy, and its counts are a tenth of it at most.
        const std::shared_ptr<ClusterBitmap> bitmap = makeBitmap(4 * Chunk, 5, 11);
        ClusterPyramid pyramid(bitmap);
        QCOMPARE(pyramid.bitmap().get(), bitmap.get());
        QCOMPARE(bitmap.use_count(), 2);
        pyramid.build();
        const quint64 bitmapBytes = bitmap->wordCount() * 8;
        QVERIFY2(pyramid.memoryBytes() < bitmapBytes / 8, QByteArray::number(pyramid.memoryBytes()).constData());
    }

    void updateMatchesNaive_data()
    {
        countsMatchNaive_data();
    }
    void updateMatchesNaive()
    {
        QFETCH(quint64, clusterCount);
        QFETCH(int, percent);
        QFETCH(quint32, seed);
        const std::shared_ptr<ClusterBitmap> bitmap = makeBitmap(clusterCount, percent, seed);
        ClusterPyramid pyramid(bitmap);
        pyramid.build();
        QRandomGenerator random(seed * 7 + 1);
        for (int i = 0; i < 25; ++i) {
            const quint64 first = random.bounded(quint64(clusterCount));
            // Mostly short writes, some long commits, some reaching past the end, some cleared
            // (another process re-created the image: bits may go either way).
            const quint64 count = i % 5 == 0 ? clusterCount : random.bounded(quint64(std::min<quint64>(clusterCount - first, 200)) + 1);
            bitmap->setRange({first, count}, i % 7 != 3);
            pyramid.update({first, count});
        }
        compareEverything(pyramid, *bitmap, seed);
    }

    void countsWhatIsCountedWhileBuilding()
    {
        const quint64 clusterCount = 4 * Chunk + 777;
        const std::shared_ptr<ClusterBitmap> bitmap = makeBitmap(clusterCount, 20, 12);
        ClusterPyramid pyramid(bitmap);
        QCOMPARE(pyramid.chunkCount(), quint64(5));
        QVERIFY(!pyramid.isComplete());
        QVERIFY(!pyramid.isCounted({0, 1000}));
        QVERIFY(pyramid.isCounted({64, 60})); // inside one word: read from the bitmap itself
        // Exact before anything is counted, from the words.
        QCOMPARE(pyramid.countAllocated({100, 3 * Chunk}), bitmap->countAllocated({100, 3 * Chunk}));

        pyramid.buildChunks(2);
        QCOMPARE(pyramid.countedChunkCount(), quint64(2));
        QVERIFY(!pyramid.isComplete());
        QVERIFY(pyramid.isCounted({0, 2 * Chunk}));
        QVERIFY(!pyramid.isCounted({0, 2 * Chunk + 1}));
        QVERIFY(pyramid.isChunkCounted(1));
        QVERIFY(!pyramid.isChunkCounted(2));
        // Counted blocks at every size up to a chunk are exact.
        for (int log2 = 0; log2 <= ClusterPyramid::ChunkClustersLog2; log2 += 3) {
            const quint64 size = quint64(1) << log2;
            const quint64 blocks = std::min<quint64>(2 * Chunk / size, 500);
            std::vector<quint64> counts(blocks);
            pyramid.countAlignedBlocks(log2, 0, blocks, counts.data());
            for (quint64 b = 0; b < blocks; ++b)
                QCOMPARE(counts[b], bitmap->countAllocated({b * size, size}));
        }
        QCOMPARE(pyramid.countAllocated(), bitmap->countAllocated());
        QCOMPARE(pyramid.countAllocated({Chunk - 5, 3 * Chunk}), bitmap->countAllocated({Chunk - 5, 3 * Chunk}));

        pyramid.buildChunks();
        QVERIFY(pyramid.isComplete());
        compareEverything(pyramid, *bitmap, 12);
    }

    void threadsBuildTogether()
    {
        const std::shared_ptr<ClusterBitmap> bitmap = makeBitmap(9 * Chunk + 5, 3, 13);
        ClusterPyramid pyramid(bitmap);
        std::vector<std::thread> threads;
        for (int i = 0; i < 3; ++i)
            threads.emplace_back([&pyramid] {
                pyramid.buildChunks();
            });
        for (std::thread &thread : threads)
            thread.join();
        QCOMPARE(pyramid.countedChunkCount(), pyramid.chunkCount());
        compareEverything(pyramid, *bitmap, 13);
    }

    void updatesDuringTheBuildLand()
    {
        // Bits set while chunks are being counted: every change reaches the counts, whether
        // its chunk was counted before, during or after it.
        const quint64 clusterCount = 8 * Chunk;
        const std::shared_ptr<ClusterBitmap> bitmap = makeBitmap(clusterCount, 1, 14);
        ClusterPyramid pyramid(bitmap);
        std::thread builder([&pyramid] {
            pyramid.buildChunks();
        });
        QRandomGenerator random(14);
        for (int i = 0; i < 3000; ++i) {
            const ClusterRange range{random.bounded(clusterCount - 100), 1 + random.bounded(quint64(99))};
            bitmap->setRange(range);
            pyramid.update(range);
        }
        builder.join();
        compareEverything(pyramid, *bitmap, 14);
    }

    void cancelStopsTheBuild()
    {
        const std::shared_ptr<ClusterBitmap> bitmap = makeBitmap(6 * Chunk, 1, 15);
        ClusterPyramid pyramid(bitmap);
        pyramid.cancelBuild();
        pyramid.buildChunks();
        QCOMPARE(pyramid.countedChunkCount(), quint64(0));
        QVERIFY(!pyramid.isComplete());
    }

    void runAroundMatchesNaive_data()
    {
        QTest::addColumn<quint64>("clusterCount");
        QTest::addColumn<int>("percent");
        QTest::newRow("R13 sparse") << quint64(5000) << 2;
        QTest::newRow("R13 dense") << quint64(5000) << 90;
        QTest::newRow("R15 partial last word") << quint64(1000) << 50;
        QTest::newRow("R13 three chunks, runs") << 3 * Chunk + 99 << 0;
    }
    void runAroundMatchesNaive()
    {
        QFETCH(quint64, clusterCount);
        QFETCH(int, percent);
        const std::shared_ptr<ClusterBitmap> bitmap = makeBitmap(clusterCount, percent, 16);
        ClusterPyramid pyramid(bitmap);
        pyramid.build();
        QRandomGenerator random(16);
        for (int i = 0; i < 300; ++i) {
            const quint64 cluster = i < 2 ? (i == 0 ? 0 : clusterCount - 1) : random.bounded(clusterCount);
            QCOMPARE(pyramid.runAround(cluster), naiveRun(*bitmap, cluster));
        }
    }

    void runAroundSkipsHugeRuns()
    {
        // 2^28 clusters, all clean but two: a run of about 2^27 on each side of one, found by
        // skipping counted blocks (it would take a naive walk hundreds of millions of steps).
        const quint64 clusterCount = quint64(1) << 28;
        auto bitmap = std::make_shared<ClusterBitmap>(clusterCount);
        bitmap->set(12345);
        bitmap->set(clusterCount - 77);
        ClusterPyramid pyramid(bitmap);
        pyramid.build();
        QCOMPARE(pyramid.runAround(1u << 27), (ClusterRange{12346, clusterCount - 77 - 12346}));
        QCOMPARE(pyramid.runAround(12345), (ClusterRange{12345, 1}));
        QCOMPARE(pyramid.runAround(0), (ClusterRange{0, 12345}));
        QCOMPARE(pyramid.runAround(clusterCount - 1), (ClusterRange{clusterCount - 76, 76}));
    }

    void allAllocatedCountsEverything() // R14
    {
        const quint64 clusterCount = 100003;
        const std::shared_ptr<ClusterPyramid> pyramid = ClusterPyramid::allAllocated(clusterCount);
        QVERIFY(pyramid->isAllAllocated());
        QVERIFY(pyramid->isComplete());
        QVERIFY(pyramid->isCounted({0, clusterCount}));
        QCOMPARE(pyramid->countAllocated(), clusterCount);
        QCOMPARE(pyramid->countAllocated({99990, 100}), quint64(13));
        QVERIFY(pyramid->isAllocated(clusterCount - 1));
        QVERIFY(!pyramid->isAllocated(clusterCount));
        QCOMPARE(pyramid->runAround(500), (ClusterRange{0, clusterCount}));
        std::vector<quint64> counts(4);
        pyramid->countAlignedBlocks(10, 96, 4, counts.data()); // clusters 98304.. : 1024, 675, 0, 0
        QCOMPARE(counts[0], quint64(1024));
        QCOMPARE(counts[1], quint64(clusterCount - 97 * 1024));
        QCOMPARE(counts[2], quint64(0));
        QCOMPARE(counts[3], quint64(0));
        QCOMPARE(pyramid->memoryBytes(), quint64(0));
    }

    void bitsPastTheEndAreIgnored() // R12
    {
        // 70 clusters, every byte 0xff: bits 70..79 of the last byte are set on disk.
        const QByteArray bytes(10, char(0xff));
        auto bitmap = std::make_shared<ClusterBitmap>(ClusterBitmap::fromBytes(bytes, 70));
        ClusterPyramid pyramid(bitmap);
        pyramid.build();
        QCOMPARE(pyramid.countAllocated(), quint64(70));
        QCOMPARE(pyramid.levelCount(), 1);
        QCOMPARE(pyramid.levelCountAt(0, 0), quint64(70));
        std::vector<quint64> counts(2);
        pyramid.countAlignedBlocks(6, 0, 2, counts.data());
        QCOMPARE(counts[0], quint64(64));
        QCOMPARE(counts[1], quint64(6));
        QCOMPARE(pyramid.runAround(3), (ClusterRange{0, 70}));
    }

    void hugeBitmapCountsAtTheTop()
    {
        // 2^30 clusters (64 TiB): a single allocated cluster shows at every level.
        const quint64 clusterCount = quint64(1) << 30;
        auto bitmap = std::make_shared<ClusterBitmap>(clusterCount);
        const quint64 lonely = 987654321;
        bitmap->set(lonely);
        ClusterPyramid pyramid(bitmap);
        pyramid.build();
        QCOMPARE(pyramid.countAllocated(), quint64(1));
        for (int level = 0; level < pyramid.levelCount(); ++level)
            QCOMPARE(pyramid.levelCountAt(level, lonely >> ClusterPyramid::levelBlockLog2(level)), quint64(1));
        std::vector<quint64> counts(2);
        pyramid.countAlignedBlocks(29, 0, 2, counts.data());
        QCOMPARE(counts[0], quint64(0));
        QCOMPARE(counts[1], quint64(1));
        bitmap->setRange({0, clusterCount});
        pyramid.update({0, clusterCount});
        QCOMPARE(pyramid.countAllocated(), clusterCount);
        QCOMPARE(pyramid.levelCountAt(pyramid.levelCount() - 1, 0), clusterCount);
        // Compact: the counts are about a tenth of the bitmap's 128 MiB (a byte per 128 clusters, then less).
        QVERIFY2(pyramid.memoryBytes() < clusterCount / 8 / 8, QByteArray::number(pyramid.memoryBytes()).constData());
    }
};

QTEST_MAIN(ClusterPyramidTest)

#include "clusterpyramidtest.moc"
