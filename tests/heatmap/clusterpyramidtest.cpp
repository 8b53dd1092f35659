// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "clusterpyramid.h"

#include <QRandomGenerator>
#include <QTest>

#include <vector>

using namespace AddCow;

namespace
{

quint64 naiveCount(const ClusterBitmap &bitmap, quint64 first, quint64 end)
{
    end = std::min(end, bitmap.clusterCount());
    quint64 count = 0;
    for (quint64 c = first; c < end; ++c)
        count += bitmap.test(c) ? 1 : 0;
    return count;
}

// A bitmap with runs of allocated clusters and random single bits, like a used disk.
ClusterBitmap makeBitmap(quint64 clusterCount, int percent, quint32 seed)
{
    ClusterBitmap bitmap(clusterCount);
    QRandomGenerator random(seed);
    for (quint64 c = 0; c < clusterCount; ++c) {
        if (int(random.bounded(100)) < percent)
            bitmap.set(c);
    }
    if (clusterCount > 10) {
        for (int run = 0; run < 5; ++run) {
            const quint64 first = random.bounded(quint64(clusterCount));
            bitmap.setRange({first, random.bounded(quint64(clusterCount - first)) / 4 + 1});
        }
    }
    return bitmap;
}

void compareEverything(const ClusterPyramid &pyramid, const ClusterBitmap &bitmap, quint32 seed)
{
    QCOMPARE(pyramid.clusterCount(), bitmap.clusterCount());
    QCOMPARE(pyramid.countAllocated(), bitmap.countAllocated());
    // Every level, every block, against a naive count of its bits.
    QCOMPARE(pyramid.levelCount() > 0, bitmap.clusterCount() > 0);
    for (int level = 1; level <= pyramid.levelCount(); ++level) {
        const quint64 size = ClusterPyramid::levelBlockClusters(level);
        QCOMPARE(pyramid.levelBlockCount(level), (bitmap.clusterCount() + size - 1) / size);
        for (quint64 block = 0; block < pyramid.levelBlockCount(level); ++block) {
            if (pyramid.levelCountAt(level, block) != naiveCount(bitmap, block * size, (block + 1) * size)) {
                qWarning() << "level" << level << "block" << block;
                QCOMPARE(pyramid.levelCountAt(level, block), naiveCount(bitmap, block * size, (block + 1) * size));
            }
        }
    }
    if (pyramid.levelCount() > 0)
        QCOMPARE(pyramid.levelBlockCount(pyramid.levelCount()), quint64(1));
    // Aligned blocks of every power of two, as the renderer asks for them.
    for (int log2 = 0; log2 <= 24; ++log2) {
        const quint64 size = quint64(1) << log2;
        const quint64 blocks = (bitmap.clusterCount() + size - 1) / size + 2; // two past the end: 0
        const quint64 asked = std::min<quint64>(blocks, 300);
        const quint64 firstBlock = blocks > asked ? blocks - asked : 0;
        std::vector<quint64> counts(asked);
        pyramid.countAlignedBlocks(log2, firstBlock, asked, counts.data());
        for (quint64 i = 0; i < asked; ++i) {
            const quint64 block = firstBlock + i;
            QCOMPARE(counts[i], naiveCount(bitmap, block * size, (block + 1) * size));
        }
    }
    // Arbitrary ranges, any alignment.
    QRandomGenerator random(seed);
    for (int i = 0; i < 200 && bitmap.clusterCount() > 0; ++i) {
        const quint64 first = random.bounded(quint64(bitmap.clusterCount()));
        const quint64 count = random.bounded(quint64(bitmap.clusterCount() - first + 1));
        QCOMPARE(pyramid.countAllocated({first, count}), naiveCount(bitmap, first, first + count));
    }
    for (quint64 c = 0; c < std::min<quint64>(bitmap.clusterCount(), 2000); ++c)
        QCOMPARE(pyramid.isAllocated(c), bitmap.test(c));
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
        QTest::newRow("R15 partial last word, sparse") << quint64(1000) << 1 << 5u;
        QTest::newRow("R13 4099 clusters, dense") << quint64(4099) << 99 << 6u;
        QTest::newRow("R13 16384 exactly, empty") << quint64(16384) << 0 << 7u;
        QTest::newRow("R13 100003 clusters, 10%") << quint64(100003) << 10 << 8u;
        QTest::newRow("R13 300000 clusters, 1%") << quint64(300000) << 1 << 9u;
    }
    void countsMatchNaive()
    {
        QFETCH(quint64, clusterCount);
        QFETCH(int, percent);
        QFETCH(quint32, seed);
        const ClusterBitmap bitmap = makeBitmap(clusterCount, percent, seed);
        const ClusterPyramid pyramid(bitmap);
        compareEverything(pyramid, bitmap, seed);
    }

    void markAllocatedMatchesNaive_data()
    {
        countsMatchNaive_data();
    }
    void markAllocatedMatchesNaive()
    {
        QFETCH(quint64, clusterCount);
        QFETCH(int, percent);
        QFETCH(quint32, seed);
        ClusterBitmap bitmap = makeBitmap(clusterCount, percent, seed);
        ClusterPyramid pyramid(bitmap);
        QRandomGenerator random(seed * 7 + 1);
        for (int i = 0; i < 25; ++i) {
            const quint64 first = random.bounded(quint64(clusterCount));
            // Mostly short writes, some long commits, some reaching past the end.
            const quint64 count = i % 5 == 0 ? clusterCount : random.bounded(quint64(std::min<quint64>(clusterCount - first, 200)) + 1);
            bitmap.setRange({first, count});
            pyramid.markAllocated({first, count});
        }
        compareEverything(pyramid, bitmap, seed);
    }

    void allAllocatedCountsEverything() // R14
    {
        const quint64 clusterCount = 100003;
        const ClusterPyramid pyramid = ClusterPyramid::allAllocated(clusterCount);
        QVERIFY(pyramid.isAllAllocated());
        QCOMPARE(pyramid.countAllocated(), clusterCount);
        QCOMPARE(pyramid.countAllocated({99990, 100}), quint64(13));
        QVERIFY(pyramid.isAllocated(clusterCount - 1));
        QVERIFY(!pyramid.isAllocated(clusterCount));
        std::vector<quint64> counts(4);
        pyramid.countAlignedBlocks(10, 96, 4, counts.data()); // clusters 98304.. : 1024, 675, 0, 0
        QCOMPARE(counts[0], quint64(1024));
        QCOMPARE(counts[1], quint64(clusterCount - 97 * 1024));
        QCOMPARE(counts[2], quint64(0));
        QCOMPARE(counts[3], quint64(0));
    }

    void bitsPastTheEndAreIgnored() // R12
    {
        // 70 clusters, every byte 0xff: bits 70..79 of the last byte are set on disk.
        const QByteArray bytes(10, char(0xff));
        const ClusterBitmap bitmap = ClusterBitmap::fromBytes(bytes, 70);
        const ClusterPyramid pyramid(bitmap);
        QCOMPARE(pyramid.countAllocated(), quint64(70));
        QCOMPARE(pyramid.levelCount(), 2);
        QCOMPARE(pyramid.levelCountAt(1, 1), quint64(6));
        QCOMPARE(pyramid.levelCountAt(2, 0), quint64(70));
        std::vector<quint64> counts(1);
        pyramid.countAlignedBlocks(7, 0, 1, counts.data());
        QCOMPARE(counts[0], quint64(70));
    }

    void hugeBitmapCountsAtTheTop()
    {
        // 2^30 clusters (64 TiB): a single allocated cluster shows at every level.
        const quint64 clusterCount = quint64(1) << 30;
        ClusterBitmap bitmap(clusterCount);
        const quint64 lonely = 987654321;
        bitmap.set(lonely);
        ClusterPyramid pyramid(bitmap);
        QCOMPARE(pyramid.countAllocated(), quint64(1));
        for (int level = 1; level <= pyramid.levelCount(); ++level)
            QCOMPARE(pyramid.levelCountAt(level, lonely / ClusterPyramid::levelBlockClusters(level)), quint64(1));
        std::vector<quint64> counts(2);
        pyramid.countAlignedBlocks(29, 0, 2, counts.data());
        QCOMPARE(counts[0], quint64(0));
        QCOMPARE(counts[1], quint64(1));
        pyramid.markAllocated({0, clusterCount});
        QCOMPARE(pyramid.countAllocated(), clusterCount);
        QCOMPARE(pyramid.levelCountAt(pyramid.levelCount(), 0), clusterCount);
        // Compact: the counts add about a fifth to the bitmap's 128 MiB (a byte per word, then less).
        QVERIFY2(pyramid.memoryBytes() < clusterCount / 8 * 5 / 4, QByteArray::number(pyramid.memoryBytes()).constData());
    }
};

QTEST_MAIN(ClusterPyramidTest)

#include "clusterpyramidtest.moc"
