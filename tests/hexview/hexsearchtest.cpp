// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "filehexdatasource.h"
#include "hexsearch.h"
#include "hextestimage.h"
#include "hextestsources.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace AddCow;
using HexTest::MemorySource;
using HexTest::SyntheticSource;
using Match = HexSearch::Match;

namespace
{
constexpr quint64 KiB = 1024;
constexpr quint64 MiB = 1024 * KiB;
constexpr quint64 GiB = 1024 * MiB;
constexpr quint64 TiB = 1024 * GiB;

std::optional<Match> wait(QFuture<Match> future)
{
    future.waitForFinished();
    if (future.isCanceled() || future.resultCount() == 0)
        return std::nullopt;
    return future.result();
}

} // namespace

class HexSearchTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void patternAcrossPageAndChunkBoundaries();
    void patternWithZerosBeforeData();
    void patternNotFound();
    void progressIsReported();
    void cancelPatternSearch();
    void ignoringCase_data();
    void ignoringCase();
    void patternBytes();
    void wrapAround();
    void findAllInOrderWithoutOverlaps();
    void cancelFindAll();

private:
    QTemporaryDir m_dir;
};

void HexSearchTest::patternAcrossPageAndChunkBoundaries()
{
    QRandomGenerator random(1234);
    QByteArray bytes(qsizetype(3 * MiB), Qt::Uninitialized);
    for (auto &byte : bytes)
        byte = char(random.bounded(256));
    const QByteArray needle = QByteArrayLiteral("NEEDLE!#");
    const QList<quint64> planted = {64 * KiB - 3, HexSearch::ChunkBytes - 4, 2 * MiB - 1, 3 * MiB - 8};
    for (const quint64 offset : planted)
        bytes.replace(qsizetype(offset), needle.size(), needle);
    auto source = std::make_shared<MemorySource>(bytes);

    quint64 from = 0;
    for (const quint64 offset : planted) {
        const qsizetype expected = bytes.indexOf(needle, qsizetype(from)); // the model
        QCOMPARE(quint64(expected), offset);
        QCOMPARE(wait(HexSearch::findNext(source, HexSearchPattern::fromBytes(needle), from)), std::optional<Match>(Match{offset, quint64(needle.size())}));
        from = offset + 1;
    }
    QCOMPARE(wait(HexSearch::findNext(source, HexSearchPattern::fromBytes(needle), from)), std::nullopt);
    // A hex pattern: the bytes at a random place, across the first chunk boundary.
    const QByteArray hexPattern = bytes.mid(qsizetype(HexSearch::ChunkBytes - 2), 5);
    const qsizetype expected = bytes.indexOf(hexPattern);
    QCOMPARE(wait(HexSearch::findNext(source, HexSearchPattern::fromBytes(hexPattern), 0)), std::optional<Match>(Match{quint64(expected), 5}));
}

void HexSearchTest::patternWithZerosBeforeData()
{
    QVERIFY(m_dir.isValid());
    const QString path = m_dir.filePath(QStringLiteral("holes.img"));
    QVERIFY(HexTest::makeSparseFile(path, 64 * MiB));
    QVERIFY(HexTest::writeAt(path, 40 * MiB, "AB"));
    auto source = std::make_shared<FileHexDataSource>(path);
    // Holes are skipped, yet a match that starts in the zeros just before the data is found.
    QCOMPARE(wait(HexSearch::findNext(source, HexSearchPattern::fromBytes(QByteArray("\0\0AB", 4)), 0)), std::optional<Match>(Match{40 * MiB - 2, 4}));
    QCOMPARE(wait(HexSearch::findNext(source, HexSearchPattern::fromBytes(QByteArrayLiteral("AB")), 0)), std::optional<Match>(Match{40 * MiB, 2}));
    // All zeros cannot skip holes.
    QCOMPARE(wait(HexSearch::findNext(source, HexSearchPattern::fromBytes(QByteArray(3, '\0')), 5)), std::optional<Match>(Match{5, 3}));
}

void HexSearchTest::patternNotFound()
{
    auto source = std::make_shared<MemorySource>(QByteArray(2 * MiB, 'a'));
    QFuture<Match> future = HexSearch::findNext(source, HexSearchPattern::fromBytes(QByteArrayLiteral("b")), 0);
    future.waitForFinished();
    QVERIFY(!future.isCanceled());
    QCOMPARE(future.resultCount(), 0);
    QCOMPARE(wait(HexSearch::findNext(source, HexSearchPattern::fromBytes(QByteArrayLiteral("aa")), 2 * MiB - 1)), std::nullopt); // too close to the end
    QCOMPARE(wait(HexSearch::findNext(source, HexSearchPattern::fromBytes(QByteArray()), 0)), std::nullopt);
}

void HexSearchTest::progressIsReported()
{
    auto source = std::make_shared<SyntheticSource>(96 * MiB, char(0x11));
    QFutureWatcher<Match> watcher;
    QSignalSpy progress(&watcher, &QFutureWatcher<Match>::progressValueChanged);
    QSignalSpy finished(&watcher, &QFutureWatcher<Match>::finished);
    watcher.setFuture(HexSearch::findNext(source, HexSearchPattern::fromBytes(QByteArrayLiteral("\x22")), 0));
    QVERIFY(finished.wait(30000));
    QVERIFY(progress.count() >= 2);
    int previous = -1;
    for (const QList<QVariant> &arguments : progress) {
        const int value = arguments.at(0).toInt();
        QVERIFY(value >= previous && value <= HexSearch::ProgressRange);
        previous = value;
    }
    QVERIFY(previous > HexSearch::ProgressRange / 2);
}

void HexSearchTest::cancelPatternSearch()
{
    auto source = std::make_shared<SyntheticSource>(8 * TiB, char(0x11));
    QFuture<Match> future = HexSearch::findNext(source, HexSearchPattern::fromBytes(QByteArrayLiteral("\x22")), 0);
    QTest::qWait(100);
    QVERIFY(future.isRunning());
    QElapsedTimer timer;
    timer.start();
    future.cancel();
    future.waitForFinished();
    QVERIFY(timer.elapsed() < 1000);
    QVERIFY(future.isCanceled());
    QCOMPARE(future.resultCount(), 0);
    const quint64 readSoFar = source->bytesRead();
    QTest::qWait(50);
    QCOMPARE(source->bytesRead(), readSoFar); // it really stopped
    QVERIFY(readSoFar < 8 * TiB);
}

void HexSearchTest::ignoringCase_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("encoding");
    QTest::addColumn<QByteArray>("haystack");
    QTest::addColumn<qint64>("found");
    using Encoding = HexSearchPattern::Encoding;
    QTest::newRow("ASCII") << QStringLiteral("needle") << int(Encoding::Utf8) << QByteArrayLiteral("xxNeEdLexx") << qint64(2);
    QTest::newRow("UTF-8 two-byte letters") << QStringLiteral("ÉTÉ") << int(Encoding::Utf8) << QByteArray("..\xc3\xa9t\xc3\xa9", 7) << qint64(2);
    QTest::newRow("UTF-8 digits have one form") << QStringLiteral("a1") << int(Encoding::Utf8) << QByteArrayLiteral("A2a1") << qint64(2);
    QTest::newRow("UTF-16 LE") << QStringLiteral("disk") << int(Encoding::Utf16LE) << QByteArray("\0D\0I\0S\0K\0", 10) << qint64(1);
    QTest::newRow("UTF-16 BE") << QStringLiteral("disk") << int(Encoding::Utf16BE) << QByteArray("\0D\0I\0S\0K\0", 10) << qint64(0);
    QTest::newRow("UTF-16 LE Cyrillic") << QStringLiteral("диск") << int(Encoding::Utf16LE) << HexTest::utf16(QStringLiteral("ДИСК"), true)
                                        << qint64(0);
    // No spurious mixes: Greek sigma forms differ in both UTF-8 bytes, each form is matched whole.
    QTest::newRow("UTF-8 no byte mixes") << QStringLiteral("σ") << int(Encoding::Utf8) << QByteArray("\xcf\xa3", 2) << qint64(-1);
}

void HexSearchTest::ignoringCase()
{
    QFETCH(QString, text);
    QFETCH(int, encoding);
    QFETCH(QByteArray, haystack);
    QFETCH(qint64, found);
    const HexSearchPattern pattern = HexSearchPattern::fromText(text, HexSearchPattern::Encoding(encoding), true);
    auto source = std::make_shared<MemorySource>(haystack);
    const std::optional<Match> match = wait(HexSearch::findNext(source, pattern, 0));
    QCOMPARE(match.has_value(), found >= 0);
    if (match)
        QCOMPARE(match->offsetBytes, quint64(found));
    // Matching case exactly finds only the text as written.
    const HexSearchPattern exact = HexSearchPattern::fromText(text, HexSearchPattern::Encoding(encoding), false);
    const std::optional<Match> exactMatch = wait(HexSearch::findNext(source, exact, 0));
    if (exactMatch)
        QCOMPARE(haystack.mid(qsizetype(exactMatch->offsetBytes), exact.bytes().size()), exact.bytes());
}

void HexSearchTest::patternBytes()
{
    QCOMPARE(HexSearchPattern::fromText(QStringLiteral("Aé"), HexSearchPattern::Encoding::Utf8, false).bytes(), QByteArray("A\xc3\xa9"));
    QCOMPARE(HexSearchPattern::fromText(QStringLiteral("Aé"), HexSearchPattern::Encoding::Utf16LE, true).bytes(), QByteArray("A\0\xe9\0", 4));
    QCOMPARE(HexSearchPattern::fromText(QStringLiteral("Aé"), HexSearchPattern::Encoding::Utf16BE, false).bytes(), QByteArray("\0A\0\xe9", 4));
    QCOMPARE(HexSearchPattern::fromText(QStringLiteral("😀"), HexSearchPattern::Encoding::Utf16LE, true).bytes(), QByteArray::fromHex("3dd800de"));
    QVERIFY(HexSearchPattern::fromBytes(QByteArray(3, '\0')).canMatchZeros());
    QVERIFY(!HexSearchPattern::fromBytes(QByteArray("\0a", 2)).canMatchZeros());
    QVERIFY(HexSearchPattern().isEmpty());
}

void HexSearchTest::wrapAround()
{
    QByteArray bytes(3 * MiB, 'x');
    bytes.replace(1000, 4, "WRAP");
    auto source = std::make_shared<MemorySource>(bytes);
    const HexSearchPattern pattern = HexSearchPattern::fromBytes("WRAP");
    QCOMPARE(wait(HexSearch::findNext(source, pattern, 2000, false)), std::nullopt);
    QCOMPARE(wait(HexSearch::findNext(source, pattern, 2000, true)), std::optional<Match>(Match{1000, 4, true}));
    QCOMPARE(wait(HexSearch::findNext(source, pattern, 1000, true)), std::optional<Match>(Match{1000, 4, false}));
    // A match that starts before the cursor and ends after it is found when wrapping.
    QCOMPARE(wait(HexSearch::findNext(source, pattern, 1002, true)), std::optional<Match>(Match{1000, 4, true}));
    QCOMPARE(wait(HexSearch::findNext(source, HexSearchPattern::fromBytes("none"), 5, true)), std::nullopt);
}

void HexSearchTest::findAllInOrderWithoutOverlaps()
{
    QByteArray bytes(3 * MiB, 'x');
    QList<quint64> planted = {0, 64 * KiB - 2, HexSearch::ChunkBytes - 3, 2 * MiB + 5, 3 * MiB - 4};
    for (const quint64 offset : planted)
        bytes.replace(qsizetype(offset), 4, "HITS");
    bytes.replace(100, 6, "aaaaaa");
    auto source = std::make_shared<MemorySource>(bytes);
    const auto all = [&](const HexSearchPattern &pattern, int max = HexSearch::MaxFindAllMatches) {
        QFuture<Match> future = HexSearch::findAll(source, pattern, max);
        future.waitForFinished();
        QList<quint64> offsets;
        for (const Match &match : future.results())
            offsets.append(match.offsetBytes);
        return offsets;
    };
    QCOMPARE(all(HexSearchPattern::fromBytes("HITS")), planted);
    QCOMPARE(all(HexSearchPattern::fromText(QStringLiteral("hits"), HexSearchPattern::Encoding::Utf8, true)), planted);
    QCOMPARE(all(HexSearchPattern::fromBytes("aa")), (QList<quint64>{100, 102, 104})); // not overlapping
    QCOMPARE(all(HexSearchPattern::fromBytes("HITS"), 2), planted.mid(0, 2)); // stops at the cap
    QCOMPARE(all(HexSearchPattern::fromBytes("none")), QList<quint64>());
}

void HexSearchTest::cancelFindAll()
{
    auto source = std::make_shared<SyntheticSource>(8 * TiB, char(0x11));
    QFuture<Match> future = HexSearch::findAll(source, HexSearchPattern::fromBytes("\x22"));
    QTest::qWait(100);
    QVERIFY(future.isRunning());
    QElapsedTimer timer;
    timer.start();
    future.cancel();
    future.waitForFinished();
    QVERIFY(timer.elapsed() < 1000);
    const quint64 readSoFar = source->bytesRead();
    QTest::qWait(50);
    QCOMPARE(source->bytesRead(), readSoFar);
}

QTEST_MAIN(HexSearchTest)
#include "hexsearchtest.moc"
