// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "clusterbitmap.h"
#include "largememory.h"

#include <QElapsedTimer>
#include <QRandomGenerator>

#include <cstring>
#include <QTest>

#include <thread>

#include <vector>

using namespace AddCow;
using namespace Qt::StringLiterals;

namespace
{

// The naive model: one bool per cluster, decoded bit by bit as R13 says.
struct Model {
    std::vector<bool> bits;

    static Model fromBytes(const QByteArray &bytes, quint64 clusterCount)
    {
        Model m;
        m.bits.resize(clusterCount);
        for (quint64 n = 0; n < clusterCount; ++n) {
            const quint64 byte = n / 8;
            m.bits[n] = byte < quint64(bytes.size()) && ((uchar(bytes[qsizetype(byte)]) >> (n % 8)) & 1);
        }
        return m;
    }
    quint64 count(quint64 first, quint64 end) const
    {
        quint64 c = 0;
        for (quint64 n = first; n < end && n < bits.size(); ++n)
            c += bits[n];
        return c;
    }
    std::optional<quint64> findNext(quint64 from, bool state, quint64 limit = ~quint64(0)) const
    {
        for (quint64 n = from; n < bits.size() && n < limit; ++n) {
            if (bits[n] == state)
                return n;
        }
        return std::nullopt;
    }
    std::optional<quint64> findPrevious(quint64 atOrBefore, bool state) const
    {
        if (bits.empty())
            return std::nullopt;
        for (quint64 n = std::min<quint64>(atOrBefore, bits.size() - 1) + 1; n-- > 0;) {
            if (bits[n] == state)
                return n;
        }
        return std::nullopt;
    }
    QByteArray toBytes(quint64 firstByte, quint64 byteCount) const
    {
        QByteArray out(qsizetype(byteCount), '\0');
        for (quint64 i = 0; i < byteCount; ++i) {
            uchar b = 0;
            for (int bit = 0; bit < 8; ++bit) {
                const quint64 n = (firstByte + i) * 8 + quint64(bit);
                if (n < bits.size() && bits[n])
                    b |= uchar(1u << bit);
            }
            out[qsizetype(i)] = char(b);
        }
        return out;
    }
};

QByteArray randomBytes(QRandomGenerator &random, qsizetype size, int density)
{
    // density: 0 all clear, 1 sparse, 2 random, 3 dense, 4 all set; runs make whole words likely.
    QByteArray bytes(size, '\0');
    for (qsizetype i = 0; i < size; ++i) {
        switch (density) {
        case 0:
            bytes[i] = 0;
            break;
        case 1:
            bytes[i] = random.bounded(16) == 0 ? char(1u << random.bounded(8)) : '\0';
            break;
        case 2:
            bytes[i] = char(random.bounded(256));
            break;
        case 3:
            bytes[i] = random.bounded(16) == 0 ? char(~(1u << random.bounded(8))) : '\xff';
            break;
        default:
            bytes[i] = '\xff';
        }
    }
    return bytes;
}

// Sizes around word and byte boundaries.
const quint64 clusterCounts[] = {1, 7, 8, 9, 63, 64, 65, 127, 128, 129, 191, 192, 193, 1000, 4097};

} // namespace

class ClusterBitmapTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lsbFirstOrder_data();
    void lsbFirstOrder();
    void bitsPastEndAreIgnored();
    void missingBytesReadAsZero();
    void emptyBitmap();
    void matchesModelOnRandomData();
    void setRangeMatchesModel();
    void runsCoverTheBitmap();
    void toBytesAnyWindow();
    void largeBitmapIsFast();
    void searchesAtWordEdges();
    void largeMemoryZeroedBothWays();
    void searchesAn8TiBBitmapAtItsEdges();
    void fromLittleEndianWordsMatchesFromBytes();
    void threadsSettingBitsOfOneWordLoseNone();
    void diffAndAssignWords();
};

void ClusterBitmapTest::lsbFirstOrder_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<quint64>("clusterCount");
    QTest::addColumn<QList<quint64>>("allocated");

    QTest::newRow("R13 bit 0 of byte 0 is cluster 0") << QByteArray("\x01", 1) << quint64(8) << QList<quint64>{0};
    QTest::newRow("R13 bit 7 of byte 0 is cluster 7") << QByteArray("\x80", 1) << quint64(8) << QList<quint64>{7};
    QTest::newRow("R13 bit 0 of byte 1 is cluster 8") << QByteArray("\x00\x01", 2) << quint64(16) << QList<quint64>{8};
    QTest::newRow("R13 byte 7 bit 7 is cluster 63") << QByteArray("\0\0\0\0\0\0\0\x80", 8) << quint64(64) << QList<quint64>{63};
    QTest::newRow("R13 byte 8 bit 0 is cluster 64") << QByteArray("\0\0\0\0\0\0\0\0\x01", 9) << quint64(72) << QList<quint64>{64};
    QTest::newRow("R13 0xa5 pattern") << QByteArray("\xa5", 1) << quint64(8) << QList<quint64>{0, 2, 5, 7};
}

void ClusterBitmapTest::lsbFirstOrder()
{
    QFETCH(QByteArray, bytes);
    QFETCH(quint64, clusterCount);
    QFETCH(QList<quint64>, allocated);

    const ClusterBitmap bitmap = ClusterBitmap::fromBytes(bytes, clusterCount);
    QCOMPARE(bitmap.clusterCount(), clusterCount);
    for (quint64 n = 0; n < clusterCount; ++n)
        QCOMPARE(bitmap.test(n), allocated.contains(n));
    QCOMPARE(bitmap.countAllocated(), quint64(allocated.size()));
    QCOMPARE(bitmap.toBytes(), bytes);

    ClusterBitmap built(clusterCount);
    for (const quint64 n : allocated)
        built.set(n);
    QCOMPARE(built.toBytes(), bytes);
    QCOMPARE(built, bitmap);
}

void ClusterBitmapTest::bitsPastEndAreIgnored()
{
    // R12: bits at or past the cluster count read as 0 and are written as 0.
    const ClusterBitmap bitmap = ClusterBitmap::fromBytes(QByteArray("\xff\xff\xff", 3), 10);
    QCOMPARE(bitmap.countAllocated(), quint64(10));
    QVERIFY(bitmap.isAllAllocated());
    QCOMPARE(bitmap.toBytes(), QByteArray("\xff\x03", 2));
    QCOMPARE(bitmap.toBytes(0, 4), QByteArray("\xff\x03\0\0", 4));
    QVERIFY(!bitmap.findNext(0, false).has_value());
    QCOMPARE(bitmap.runAt(0), (ClusterRange{0, 10}));
    QCOMPARE(bitmap.countAllocated({5, 100}), quint64(5));

    // Within the last word: bits 64.. of a 70-cluster bitmap.
    const ClusterBitmap wide = ClusterBitmap::fromBytes(QByteArray(16, '\xff'), 70);
    QCOMPARE(wide.countAllocated(), quint64(70));
    QCOMPARE(wide.words()[1], quint64(0x3f));
    QCOMPARE(wide.toBytes(8, 8), QByteArray("\x3f\0\0\0\0\0\0\0", 8));

    // setRange past the end is clamped.
    ClusterBitmap clamped(10);
    clamped.setRange({8, 100});
    QCOMPARE(clamped.countAllocated(), quint64(2));
    QCOMPARE(clamped.toBytes(), QByteArray("\0\x03", 2));
}

void ClusterBitmapTest::missingBytesReadAsZero()
{
    const ClusterBitmap bitmap = ClusterBitmap::fromBytes(QByteArray("\xff", 1), 100);
    QCOMPARE(bitmap.countAllocated(), quint64(8));
    QCOMPARE(bitmap.findNext(0, false), std::optional<quint64>(8));
    QCOMPARE(bitmap.runAt(8), (ClusterRange{8, 92}));
}

void ClusterBitmapTest::emptyBitmap()
{
    const ClusterBitmap none(0);
    QCOMPARE(none.countAllocated(), quint64(0));
    QVERIFY(none.isAllAllocated());
    QVERIFY(!none.findNext(0, true).has_value());
    QVERIFY(!none.findNext(0, false).has_value());
    QCOMPARE(none.runAt(0).count, quint64(0));
    QVERIFY(none.toBytes().isEmpty());
    QCOMPARE(none.wordCount(), quint64(0));
}

void ClusterBitmapTest::matchesModelOnRandomData()
{
    QRandomGenerator random(0x5eed);
    for (const quint64 clusterCount : clusterCounts) {
        for (int density = 0; density <= 4; ++density) {
            const QByteArray bytes = randomBytes(random, qsizetype(bitmapBytesFor(clusterCount)), density);
            const Model model = Model::fromBytes(bytes, clusterCount);
            const ClusterBitmap bitmap = ClusterBitmap::fromBytes(bytes, clusterCount);
            const QByteArray context = u"clusters %1 density %2"_s.arg(clusterCount).arg(density).toUtf8();

            QCOMPARE(bitmap.wordCount(), (clusterCount + 63) / 64);
            for (quint64 n = 0; n < clusterCount; ++n)
                QVERIFY2(bitmap.test(n) == model.bits[n], context.constData());
            QCOMPARE(bitmap.countAllocated(), model.count(0, clusterCount));
            QCOMPARE(bitmap.isAllAllocated(), model.count(0, clusterCount) == clusterCount);
            QCOMPARE(bitmap.toBytes(), model.toBytes(0, bitmapBytesFor(clusterCount)));

            // findNext and findPrevious from every start, both states, and from past the end.
            for (quint64 from = 0; from <= clusterCount + 1; ++from) {
                QVERIFY2(bitmap.findNext(from, true) == model.findNext(from, true), context.constData());
                QVERIFY2(bitmap.findNext(from, false) == model.findNext(from, false), context.constData());
                QVERIFY2(bitmap.findPrevious(from, true) == model.findPrevious(from, true), context.constData());
                QVERIFY2(bitmap.findPrevious(from, false) == model.findPrevious(from, false), context.constData());
                // Within a limit: word edges, short, up to and past the end.
                for (const quint64 limit : {from, from + 1, from + 63, (from | 63) + 1, from + 130, clusterCount, clusterCount + 5}) {
                    QVERIFY2(bitmap.findNext(from, true, limit) == model.findNext(from, true, limit), context.constData());
                    QVERIFY2(bitmap.findNext(from, false, limit) == model.findNext(from, false, limit), context.constData());
                }
            }
            // countAllocated over word-edge ranges and random ranges.
            std::vector<ClusterRange> ranges;
            for (const quint64 edge : {quint64(0), quint64(1), quint64(63), quint64(64), quint64(65), quint64(128), clusterCount - 1}) {
                for (const quint64 count : {quint64(0), quint64(1), quint64(63), quint64(64), quint64(65), quint64(129), clusterCount})
                    ranges.push_back({edge, count});
            }
            for (int i = 0; i < 200; ++i) {
                const quint64 first = random.bounded(quint64(clusterCount + 2));
                ranges.push_back({first, random.bounded(quint64(clusterCount + 2))});
            }
            for (const ClusterRange r : ranges)
                QVERIFY2(bitmap.countAllocated(r) == model.count(r.first, r.end()), context.constData());
        }
    }
}

void ClusterBitmapTest::setRangeMatchesModel()
{
    QRandomGenerator random(42);
    for (const quint64 clusterCount : clusterCounts) {
        const QByteArray bytes = randomBytes(random, qsizetype(bitmapBytesFor(clusterCount)), 2);
        Model model = Model::fromBytes(bytes, clusterCount);
        ClusterBitmap bitmap = ClusterBitmap::fromBytes(bytes, clusterCount);
        for (int i = 0; i < 300; ++i) {
            ClusterRange r;
            if (i % 3 == 0) {
                // Ranges starting or ending on a word boundary.
                r.first = quint64(random.bounded(int(clusterCount / 64) + 1)) * 64 + quint64(random.bounded(2));
                r.count = quint64(random.bounded(3)) * 64 + quint64(random.bounded(3));
            } else {
                r.first = random.bounded(clusterCount + 1);
                r.count = random.bounded(clusterCount + 1);
            }
            const bool state = random.bounded(2);
            bitmap.setRange(r, state);
            for (quint64 n = r.first; n < r.end() && n < clusterCount; ++n)
                model.bits[n] = state;
            if (i % 10 == 0 && clusterCount > 0) {
                const quint64 n = random.bounded(clusterCount);
                bitmap.set(n, !model.bits[n]);
                model.bits[n] = !model.bits[n];
            }
            QCOMPARE(bitmap.toBytes(), model.toBytes(0, bitmapBytesFor(clusterCount)));
            QCOMPARE(bitmap.countAllocated(), model.count(0, clusterCount));
        }
        // Nothing leaks past the end (R12): the last word's spare bits stay 0.
        if (clusterCount % 64 != 0)
            QCOMPARE(bitmap.words()[bitmap.wordCount() - 1] >> (clusterCount % 64), quint64(0));
    }
}

void ClusterBitmapTest::runsCoverTheBitmap()
{
    QRandomGenerator random(7);
    for (const quint64 clusterCount : clusterCounts) {
        for (int density = 0; density <= 4; ++density) {
            const QByteArray bytes = randomBytes(random, qsizetype(bitmapBytesFor(clusterCount)), density);
            const Model model = Model::fromBytes(bytes, clusterCount);
            const ClusterBitmap bitmap = ClusterBitmap::fromBytes(bytes, clusterCount);

            // Walking the runs visits every cluster once; each run is maximal and uniform.
            quint64 n = 0;
            while (n < clusterCount) {
                const ClusterRange run = bitmap.runAt(n);
                QCOMPARE(run.first, n);
                QVERIFY(run.count > 0);
                for (quint64 i = run.first; i < run.end(); ++i)
                    QCOMPARE(model.bits[i], model.bits[n]);
                if (run.end() < clusterCount)
                    QVERIFY(model.bits[run.end()] != model.bits[n]);
                n = run.end();
            }
            QCOMPARE(n, clusterCount);

            // A limit stops the run early, never late.
            for (int i = 0; i < 50 && clusterCount > 0; ++i) {
                const quint64 start = random.bounded(clusterCount);
                const quint64 limit = start + random.bounded(quint64(130));
                const ClusterRange run = bitmap.runAt(start, limit);
                const ClusterRange full = bitmap.runAt(start);
                QCOMPARE(run.first, start);
                QCOMPARE(run.end(), std::min({full.end(), limit, clusterCount}));
            }
            QCOMPARE(bitmap.runAt(clusterCount).count, quint64(0));
        }
    }
}

void ClusterBitmapTest::toBytesAnyWindow()
{
    QRandomGenerator random(99);
    const quint64 clusterCount = 1000;
    const QByteArray bytes = randomBytes(random, qsizetype(bitmapBytesFor(clusterCount)), 2);
    const Model model = Model::fromBytes(bytes, clusterCount);
    const ClusterBitmap bitmap = ClusterBitmap::fromBytes(bytes, clusterCount);
    for (quint64 first = 0; first < 140; ++first) {
        for (const quint64 count : {quint64(0), quint64(1), quint64(7), quint64(8), quint64(9), quint64(17), quint64(40)})
            QCOMPARE(bitmap.toBytes(first, count), model.toBytes(first, count));
    }
    // Entirely past the end: zeros.
    QCOMPARE(bitmap.toBytes(5000, 3), QByteArray(3, '\0'));
}

// allocateLarge serves the bitmap's words and the heatmap pyramid's counters alike: below 2 MiB
// from malloc, from 2 MiB on mapped; allocateLargeZeroed reads as zeros either way, and every
// byte of both is writable up to the size asked for.
void ClusterBitmapTest::largeMemoryZeroedBothWays()
{
    for (const std::size_t bytes : {std::size_t(0), std::size_t(1), std::size_t(4096), (std::size_t(2) << 20) - 1, std::size_t(2) << 20,
                                    (std::size_t(5) << 20) + 3}) {
        auto *zeroed = static_cast<uchar *>(allocateLargeZeroed(bytes));
        QVERIFY(zeroed);
        QVERIFY2(std::all_of(zeroed, zeroed + bytes, [](uchar b) { return b == 0; }), qPrintable(u"%1 bytes"_s.arg(bytes)));
        std::memset(zeroed, 0xa5, bytes);
        releaseLarge(zeroed, bytes);
        auto *plain = static_cast<uchar *>(allocateLarge(bytes));
        QVERIFY(plain);
        std::memset(plain, 0x5a, bytes);
        QVERIFY(bytes == 0 || plain[bytes - 1] == 0x5a);
        releaseLarge(plain, bytes);
    }
}

// One set (or clear) cluster at each edge a word-at-a-time search can get wrong: both sides of a
// word boundary, the first and the last cluster; findNext, findPrevious and runAt find it from
// either side and from itself.
void ClusterBitmapTest::searchesAtWordEdges()
{
    for (const quint64 clusterCount : {quint64(64), quint64(65), quint64(127), quint64(128), quint64(129), quint64(4097)}) {
        for (const bool state : {true, false}) {
            for (const quint64 at : {quint64(0), quint64(1), quint64(62), quint64(63), quint64(64), quint64(65), quint64(127), quint64(128), clusterCount - 1}) {
                if (at >= clusterCount)
                    continue;
                ClusterBitmap bitmap(clusterCount);
                if (!state)
                    bitmap.setRange({0, clusterCount});
                bitmap.set(at, state);
                const QByteArray context = u"clusters %1, cluster %2 %3"_s.arg(clusterCount).arg(at).arg(state ? u"set"_s : u"clear"_s).toUtf8();
                QVERIFY2(bitmap.findNext(0, state) == std::optional(at), context.constData());
                QVERIFY2(bitmap.findNext(at, state) == std::optional(at), context.constData());
                QVERIFY2(!bitmap.findNext(at + 1, state), context.constData());
                QVERIFY2(bitmap.findPrevious(clusterCount - 1, state) == std::optional(at), context.constData());
                QVERIFY2(bitmap.findPrevious(~quint64(0), state) == std::optional(at), context.constData());
                QVERIFY2(bitmap.findPrevious(at, state) == std::optional(at), context.constData());
                QVERIFY2(at == 0 || !bitmap.findPrevious(at - 1, state), context.constData());
                QVERIFY2(bitmap.runAt(at) == (ClusterRange{at, 1}), context.constData());
                if (at + 1 < clusterCount)
                    QVERIFY2(bitmap.runAt(at + 1) == (ClusterRange{at + 1, clusterCount - at - 1}), context.constData());
            }
        }
    }
    const ClusterBitmap empty;
    QVERIFY(!empty.findPrevious(0, false));
    QVERIFY(!empty.findPrevious(~quint64(0), true));
}

// 8 TiB of disk: 2^27 clusters, 2^21 words. Clusters near 64-bit limits of the word and bit
// arithmetic, the last cluster and its word, found from the far end in word steps.
void ClusterBitmapTest::searchesAn8TiBBitmapAtItsEdges()
{
    const quint64 clusterCount = quint64(1) << 27;
    const quint64 last = clusterCount - 1;
    ClusterBitmap bitmap(clusterCount);
    QVERIFY(!bitmap.findNext(0, true));
    QVERIFY(!bitmap.findPrevious(last, true));
    QCOMPARE(bitmap.findPrevious(~quint64(0), false), std::optional(last));
    bitmap.set(0);
    bitmap.set(last);
    bitmap.set(last - 64); // the word before the last
    QCOMPARE(bitmap.findNext(1, true), std::optional(last - 64));
    QCOMPARE(bitmap.findNext(last - 63, true), std::optional(last));
    QCOMPARE(bitmap.findPrevious(last - 1, true), std::optional(last - 64));
    QCOMPARE(bitmap.findPrevious(last - 65, true), std::optional(quint64(0)));
    QCOMPARE(bitmap.findPrevious(~quint64(0), true), std::optional(last));
    QCOMPARE(bitmap.runAt(1), (ClusterRange{1, last - 64 - 1}));
    QCOMPARE(bitmap.runAt(last - 63), (ClusterRange{last - 63, 63}));
    QCOMPARE(bitmap.runAt(last), (ClusterRange{last, 1}));
    QCOMPARE(bitmap.runAt(clusterCount).count, quint64(0));
    bitmap.setRange({0, clusterCount});
    QVERIFY(!bitmap.findNext(0, false));
    QVERIFY(!bitmap.findPrevious(~quint64(0), false));
    bitmap.set(64 * 12345 + 63, false); // the top bit of a word in the middle
    QCOMPARE(bitmap.findNext(0, false), std::optional(quint64(64 * 12345 + 63)));
    QCOMPARE(bitmap.findPrevious(last, false), std::optional(quint64(64 * 12345 + 63)));
    QCOMPARE(bitmap.runAt(0), (ClusterRange{0, 64 * 12345 + 63}));
}

void ClusterBitmapTest::largeBitmapIsFast()
{
    // A 16 MiB bitmap (2^27 clusters, 8 TiB of disk) must decode, count and scan in word steps.
    const quint64 clusterCount = quint64(16) << 23;
    QByteArray bytes(16 << 20, '\xff');
    bytes[qsizetype(bytes.size() - 1)] = '\x7f';
    bytes[1000] = '\xfe';

    QElapsedTimer timer;
    timer.start();
    ClusterBitmap bitmap = ClusterBitmap::fromBytes(bytes, clusterCount);
    QCOMPARE(bitmap.countAllocated(), clusterCount - 2);
    QCOMPARE(bitmap.findNext(0, false), std::optional<quint64>(8000));
    QCOMPARE(bitmap.findNext(8001, false), std::optional<quint64>(clusterCount - 1));
    QCOMPARE(bitmap.runAt(8001), (ClusterRange{8001, clusterCount - 1 - 8001}));
    bitmap.setRange({0, clusterCount}, false);
    QVERIFY(!bitmap.findNext(0, true).has_value());
    QCOMPARE(bitmap.countAllocated({3, clusterCount}), quint64(0));
    QVERIFY(bitmap.toBytes() == QByteArray(16 << 20, '\0'));
    // Generous even for an unoptimised build on a loaded machine; a bit-by-bit loop takes far longer.
    QVERIFY2(timer.elapsed() < 10000, qPrintable(u"%1 ms"_s.arg(timer.elapsed())));
}

void ClusterBitmapTest::fromLittleEndianWordsMatchesFromBytes()
{
    // Image::open reads the bitmap straight into words; the result must equal fromBytes (R12, R13).
    QRandomGenerator random(7);
    for (const quint64 clusterCount : {quint64(1), quint64(63), quint64(64), quint64(65), quint64(1000), quint64(4099)}) {
        const QByteArray bytes = randomBytes(random, qsizetype(bitmapBytesFor(clusterCount)), 50);
        std::vector<quint64> words((bytes.size() + 7) / 8, 0);
        std::memcpy(words.data(), bytes.constData(), size_t(bytes.size()));
        const ClusterBitmap fromWords = ClusterBitmap::fromLittleEndianWords(std::move(words), clusterCount);
        QCOMPARE(fromWords, ClusterBitmap::fromBytes(bytes, clusterCount));
        QCOMPARE(fromWords.toBytes(), ClusterBitmap::fromBytes(bytes, clusterCount).toBytes());
    }
}

void ClusterBitmapTest::threadsSettingBitsOfOneWordLoseNone()
{
    // An NBD export sets bits from many threads; neighbours share a word (R21). Thread t sets
    // every cluster n with n % 4 == t, one at a time or in short ranges, while a reader counts.
    constexpr quint64 Clusters = 64 * 1024;
    ClusterBitmap bitmap(Clusters);
    std::atomic_bool done{false};
    quint64 lastCount = 0;
    bool countWentDown = false;
    std::thread reader([&] {
        while (!done) {
            const quint64 count = bitmap.countAllocated();
            countWentDown = countWentDown || count < lastCount;
            lastCount = count;
        }
    });
    std::vector<std::thread> writers;
    for (quint64 t = 0; t < 4; ++t) {
        writers.emplace_back([&bitmap, t] {
            for (quint64 n = t; n < Clusters; n += 4) {
                if (n % 64 == 0)
                    bitmap.setRange({n, 1});
                else
                    bitmap.set(n);
            }
        });
    }
    for (std::thread &writer : writers)
        writer.join();
    done = true;
    reader.join();
    QCOMPARE(bitmap.countAllocated(), Clusters);
    QVERIFY(!countWentDown);
}

void ClusterBitmapTest::diffAndAssignWords()
{
    QRandomGenerator random(21);
    for (int round = 0; round < 200; ++round) {
        const quint64 clusterCount = 1 + random.bounded(300);
        ClusterBitmap bitmap(clusterCount);
        ClusterBitmap other(clusterCount);
        for (quint64 c = 0; c < clusterCount; ++c) {
            bitmap.set(c, random.bounded(2));
            other.set(c, random.bounded(2));
        }
        const ClusterBitmap before = bitmap;
        const quint64 first = random.bounded(clusterCount);
        const quint64 end = first + 1 + random.bounded(clusterCount - first);
        for (quint64 w = first / 64; w * 64 < end; ++w) {
            // The clusters of [first, end) in word w.
            quint64 mask = 0;
            for (quint64 bit = 0; bit < 64; ++bit)
                mask |= (w * 64 + bit >= first && w * 64 + bit < end) ? quint64(1) << bit : 0;
            quint64 expected = 0;
            for (quint64 bit = 0; bit < 64 && w * 64 + bit < clusterCount; ++bit)
                expected |= (mask >> bit & 1) && bitmap.test(w * 64 + bit) != other.test(w * 64 + bit) ? quint64(1) << bit : 0;
            QCOMPARE(bitmap.diffWord(w, other.word(w), mask), expected);
            QCOMPARE(bitmap.assignWord(w, other.word(w), mask), expected);
            QCOMPARE(bitmap.diffWord(w, other.word(w), mask), 0u);
        }
        // Inside the range the bits are other's, outside they are as before.
        for (quint64 c = 0; c < clusterCount; ++c)
            QCOMPARE(bitmap.test(c), c >= first && c < end ? other.test(c) : before.test(c));
    }
}

QTEST_GUILESS_MAIN(ClusterBitmapTest)

#include "clusterbitmaptest.moc"
