// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "hexpagecache.h"
#include "hextestsources.h"

#include <QTest>

#include <algorithm>

using namespace AddCow;
using HexTest::SyntheticSource;

class HexPageCacheTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readsWholePagesOnce();
    void staysBounded();
    void evictsLeastRecentlyUsed();
    void shortAtTheEnd_data();
    void shortAtTheEnd();
    void invalidateRereads();
    void readPresentGoesPastAFailedPage();
};

void HexPageCacheTest::readsWholePagesOnce()
{
    auto source = std::make_shared<SyntheticSource>(quint64(1) << 30);
    HexPageCache cache(4096, 8);
    cache.setDataSource(source);
    QByteArray buffer(100, Qt::Uninitialized);
    // 100 bytes across a page boundary: two page reads, bytes as the source has them.
    QCOMPARE(cache.read(4096 - 50, buffer.data(), 100), quint64(100));
    for (int i = 0; i < 100; ++i)
        QCOMPARE(buffer.at(i), HexTest::syntheticByte(4096 - 50 + quint64(i)));
    const auto reads = source->reads();
    QCOMPARE(reads.size(), size_t(2));
    QCOMPARE(reads[0], std::make_pair(quint64(0), quint64(4096)));
    QCOMPARE(reads[1], std::make_pair(quint64(4096), quint64(4096)));
    // Again: served from the cache.
    QCOMPARE(cache.read(4096 - 50, buffer.data(), 100), quint64(100));
    QCOMPARE(source->reads().size(), size_t(2));
    QCOMPARE(cache.pageReads(), quint64(2));
}

void HexPageCacheTest::staysBounded()
{
    auto source = std::make_shared<SyntheticSource>(quint64(8) << 40);
    HexPageCache cache(HexPageCache::DefaultPageBytes, 4);
    cache.setDataSource(source);
    char byte = 0;
    for (quint64 page = 0; page < 100; ++page) {
        const quint64 offset = page * (quint64(1) << 36); // spread over 8 TiB
        QCOMPARE(cache.read(offset, &byte, 1), quint64(1));
        QCOMPARE(byte, HexTest::syntheticByte(offset));
        QVERIFY(cache.cachedPageCount() <= 4);
    }
    QCOMPARE(cache.cachedPageCount(), 4);
    QCOMPARE(source->bytesRead(), 100 * HexPageCache::DefaultPageBytes);
}

void HexPageCacheTest::evictsLeastRecentlyUsed()
{
    auto source = std::make_shared<SyntheticSource>(1 << 20);
    HexPageCache cache(1024, 3);
    cache.setDataSource(source);
    char byte = 0;
    for (quint64 page : {0, 1, 2})
        QVERIFY(cache.read(page * 1024, &byte, 1) == 1);
    QVERIFY(cache.read(0, &byte, 1) == 1); // page 0 is now the most recent
    QVERIFY(cache.read(3 * 1024, &byte, 1) == 1); // evicts page 1, the least recent
    source->resetReads();
    QVERIFY(cache.read(0, &byte, 1) == 1);
    QVERIFY(cache.read(2 * 1024, &byte, 1) == 1);
    QVERIFY(cache.read(3 * 1024, &byte, 1) == 1);
    QCOMPARE(source->reads().size(), size_t(0));
    QVERIFY(cache.read(1 * 1024, &byte, 1) == 1);
    QCOMPARE(source->reads().size(), size_t(1));
}

void HexPageCacheTest::shortAtTheEnd_data()
{
    QTest::addColumn<quint64>("offset");
    QTest::addColumn<quint64>("length");
    QTest::addColumn<quint64>("available");
    // The source holds 10000 bytes; pages are 4096.
    QTest::newRow("inside") << quint64(100) << quint64(50) << quint64(50);
    QTest::newRow("up to the end") << quint64(9990) << quint64(10) << quint64(10);
    QTest::newRow("across the end") << quint64(9990) << quint64(100) << quint64(10);
    QTest::newRow("across a page and the end") << quint64(8000) << quint64(4000) << quint64(2000);
    QTest::newRow("past the end") << quint64(10000) << quint64(16) << quint64(0);
    QTest::newRow("far past the end") << (quint64(1) << 40) << quint64(16) << quint64(0);
}

void HexPageCacheTest::shortAtTheEnd()
{
    QFETCH(quint64, offset);
    QFETCH(quint64, length);
    QFETCH(quint64, available);
    auto source = std::make_shared<SyntheticSource>(10000);
    HexPageCache cache(4096, 8);
    cache.setDataSource(source);
    QByteArray buffer(qsizetype(length), Qt::Uninitialized);
    QCOMPARE(cache.read(offset, buffer.data(), length), available);
    for (quint64 i = 0; i < available; ++i)
        QCOMPARE(buffer.at(qsizetype(i)), HexTest::syntheticByte(offset + i));
    for (const auto &[readOffset, readLength] : source->reads())
        QVERIFY(readOffset + readLength <= 10000); // never asks past the end
}

void HexPageCacheTest::invalidateRereads()
{
    auto source = std::make_shared<HexTest::MemorySource>(QByteArray(8192, 'a'));
    HexPageCache cache(4096, 8);
    cache.setDataSource(source);
    char byte = 0;
    QVERIFY(cache.read(5000, &byte, 1) == 1);
    QCOMPARE(byte, 'a');
    source->setByte(5000, 'b');
    QVERIFY(cache.read(5000, &byte, 1) == 1);
    QCOMPARE(byte, 'a'); // cached
    cache.invalidate(4999, 2);
    QVERIFY(cache.read(5000, &byte, 1) == 1);
    QCOMPARE(byte, 'b');
}

void HexPageCacheTest::readPresentGoesPastAFailedPage()
{
    // Three pages; the middle one cannot be read (clean clusters over a missing backing file).
    QByteArray bytes(3 * 4096, Qt::Uninitialized);
    for (qsizetype i = 0; i < bytes.size(); ++i)
        bytes[i] = char(i * 7);
    auto source = std::make_shared<HexTest::FailingRangeSource>(bytes, 4096, 4096);
    HexPageCache cache(4096, 8);
    cache.setDataSource(source);
    QByteArray buffer(3 * 4096 - 200, '\0');
    std::vector<bool> present;
    QCOMPARE(cache.readPresent(100, buffer.data(), quint64(buffer.size()), present), quint64(2 * 4096 - 200));
    QCOMPARE(present.size(), size_t(buffer.size()));
    for (qsizetype i = 0; i < buffer.size(); ++i) {
        const quint64 offset = 100 + quint64(i);
        const bool readable = offset < 4096 || offset >= 8192;
        QCOMPARE(bool(present[size_t(i)]), readable);
        if (readable)
            QCOMPARE(buffer.at(i), bytes.at(qsizetype(offset)));
    }
    // read() still stops at the failed page: its callers want a prefix.
    QCOMPARE(cache.read(100, buffer.data(), quint64(buffer.size())), quint64(4096 - 100));
    // Past the source's end nothing is present.
    QCOMPARE(cache.readPresent(3 * 4096 - 10, buffer.data(), 100, present), quint64(10));
    QCOMPARE(std::count(present.begin(), present.end(), true), 10);
}

QTEST_MAIN(HexPageCacheTest)
#include "hexpagecachetest.moc"
