// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "filehexdatasource.h"
#include "hexsearch.h"
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
using Direction = HexSearch::Direction;
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

QByteArray readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}
} // namespace

class HexSearchTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void differencesMatchModel();
    void differencesFromInsideARun();
    void differencesSkipHolesInHugeFiles();
    void differencesIdenticalSources();
    void patternAcrossPageAndChunkBoundaries();
    void patternWithZerosBeforeData();
    void patternNotFound();
    void progressIsReported();
    void cancelPatternSearch();
    void cancelDifferenceSearch();

private:
    QTemporaryDir m_dir;
};

void HexSearchTest::differencesMatchModel()
{
    QVERIFY(m_dir.isValid());
    const QString pathA = m_dir.filePath(QStringLiteral("backing.img"));
    const QString pathB = m_dir.filePath(QStringLiteral("raw.img"));
    const quint64 sizeA = 3 * MiB + 100;
    const quint64 sizeB = sizeA + 5000;
    QVERIFY(HexTest::makeSparseFile(pathA, sizeA));
    QVERIFY(HexTest::makeSparseFile(pathB, sizeB));
    // Equal data (no difference), single runs, neighbouring runs, a run across a 1 MiB chunk
    // boundary, data against a hole, and the longer file's tail.
    const QByteArray same(4096, 'S');
    QVERIFY(HexTest::writeAt(pathA, 100 * KiB, same) && HexTest::writeAt(pathB, 100 * KiB, same));
    QVERIFY(HexTest::writeAt(pathA, 10, "abc") && HexTest::writeAt(pathB, 10, "xyz"));
    QVERIFY(HexTest::writeAt(pathA, 20, "pq.r") && HexTest::writeAt(pathB, 20, "st.u"));
    QVERIFY(HexTest::writeAt(pathA, MiB - 2, "1234") && HexTest::writeAt(pathB, MiB - 2, "5678"));
    QVERIFY(HexTest::writeAt(pathB, 2 * MiB + 500, "Q"));
    QVERIFY(HexTest::writeAt(pathA, 2 * MiB + 510, "AB") && HexTest::writeAt(pathB, 2 * MiB + 510, "AC"));

    // The model: run starts computed byte by byte from the files' contents.
    const QByteArray bytesA = readAll(pathA);
    const QByteArray bytesB = readAll(pathB);
    QCOMPARE(quint64(bytesA.size()), sizeA);
    const auto differs = [&](quint64 p) {
        return p >= sizeA || bytesA.at(qsizetype(p)) != bytesB.at(qsizetype(p));
    };
    QList<quint64> starts;
    for (quint64 p = 0; p < sizeB; ++p) {
        if (differs(p) && (p == 0 || !differs(p - 1)))
            starts.append(p);
    }
    const QList<quint64> expectedStarts = {10, 20, 23, MiB - 2, 2 * MiB + 500, 2 * MiB + 511, sizeA};
    QCOMPARE(starts, expectedStarts);

    auto a = std::make_shared<FileHexDataSource>(pathA);
    auto b = std::make_shared<FileHexDataSource>(pathB);
    // Forward: each next difference from just after the previous one.
    quint64 from = 0;
    for (const quint64 start : starts) {
        const std::optional<Match> match = wait(HexSearch::findDifference(a, b, from, Direction::Forward));
        QVERIFY2(match, qPrintable(QString::number(start)));
        QCOMPARE(match->offsetBytes, start);
        from = start + 1;
    }
    QCOMPARE(wait(HexSearch::findDifference(a, b, from, Direction::Forward)), std::nullopt);
    // Backward: each previous difference from the start of the one after it.
    from = sizeB;
    for (auto it = starts.crbegin(); it != starts.crend(); ++it) {
        const std::optional<Match> match = wait(HexSearch::findDifference(a, b, from, Direction::Backward));
        QVERIFY2(match, qPrintable(QString::number(*it)));
        QCOMPARE(match->offsetBytes, *it);
        from = *it;
    }
    QCOMPARE(wait(HexSearch::findDifference(a, b, from, Direction::Backward)), std::nullopt);

    // Run lengths.
    QCOMPARE(wait(HexSearch::findDifference(a, b, 0, Direction::Forward)), std::optional<Match>(Match{10, 3}));
    QCOMPARE(wait(HexSearch::findDifference(a, b, 11 * KiB, Direction::Backward)), std::optional<Match>(Match{23, 1}));
    QCOMPARE(wait(HexSearch::findDifference(a, b, MiB - 2, Direction::Forward)), std::optional<Match>(Match{MiB - 2, 4}));
    QCOMPARE(wait(HexSearch::findDifference(a, b, 2 * MiB, Direction::Backward)), std::optional<Match>(Match{MiB - 2, 4}));
    QCOMPARE(wait(HexSearch::findDifference(a, b, sizeA - 10, Direction::Forward)), std::optional<Match>(Match{sizeA, 5000})); // absent tail
    // Swapping the sides changes nothing.
    QCOMPARE(wait(HexSearch::findDifference(b, a, 24, Direction::Forward)), std::optional<Match>(Match{MiB - 2, 4}));
}

void HexSearchTest::differencesFromInsideARun()
{
    QByteArray bytesA(1000, 'x');
    QByteArray bytesB = bytesA;
    bytesB.replace(100, 50, QByteArray(50, 'y'));
    bytesB.replace(300, 1, "z");
    auto a = std::make_shared<MemorySource>(bytesA);
    auto b = std::make_shared<MemorySource>(bytesB);
    QCOMPARE(wait(HexSearch::findDifference(a, b, 120, Direction::Forward)), std::optional<Match>(Match{300, 1})); // skips the rest of its run
    QCOMPARE(wait(HexSearch::findDifference(a, b, 100, Direction::Forward)), std::optional<Match>(Match{100, 50}));
    QCOMPARE(wait(HexSearch::findDifference(a, b, 120, Direction::Backward)), std::optional<Match>(Match{100, 20})); // its own start
    QCOMPARE(wait(HexSearch::findDifference(a, b, 300, Direction::Backward)), std::optional<Match>(Match{100, 50}));
}

void HexSearchTest::differencesSkipHolesInHugeFiles()
{
    QVERIFY(m_dir.isValid());
    const QString pathA = m_dir.filePath(QStringLiteral("huge-backing.img"));
    const QString pathB = m_dir.filePath(QStringLiteral("huge-raw.img"));
    if (!HexTest::makeSparseFile(pathA, 64 * GiB) || !HexTest::makeSparseFile(pathB, 64 * GiB))
        QSKIP("the file system cannot hold 64 GiB sparse files");
    QVERIFY(HexTest::writeAt(pathA, 10 * GiB, QByteArray(8192, 'e')) && HexTest::writeAt(pathB, 10 * GiB, QByteArray(8192, 'e')));
    QVERIFY(HexTest::writeAt(pathA, 40 * GiB + 7, "x") && HexTest::writeAt(pathB, 40 * GiB + 7, "y"));
    auto a = std::make_shared<FileHexDataSource>(pathA);
    auto b = std::make_shared<FileHexDataSource>(pathB);
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(wait(HexSearch::findDifference(a, b, 0, Direction::Forward)), std::optional<Match>(Match{40 * GiB + 7, 1}));
    QCOMPARE(wait(HexSearch::findDifference(a, b, 64 * GiB, Direction::Backward)), std::optional<Match>(Match{40 * GiB + 7, 1}));
    QCOMPARE(wait(HexSearch::findDifference(a, b, 40 * GiB + 8, Direction::Forward)), std::nullopt);
    QCOMPARE(wait(HexSearch::findDifference(a, b, 40 * GiB + 7, Direction::Backward)), std::nullopt);
    QVERIFY2(timer.elapsed() < 20000, "holes were read instead of skipped");
}

void HexSearchTest::differencesIdenticalSources()
{
    const QByteArray bytes(300 * 1024, 'k');
    auto a = std::make_shared<MemorySource>(bytes);
    auto b = std::make_shared<MemorySource>(bytes);
    QCOMPARE(wait(HexSearch::findDifference(a, b, 0, Direction::Forward)), std::nullopt);
    QCOMPARE(wait(HexSearch::findDifference(a, b, quint64(bytes.size()), Direction::Backward)), std::nullopt);
    // An empty side: everything of the other is one absent run.
    auto empty = std::make_shared<MemorySource>(QByteArray());
    QCOMPARE(wait(HexSearch::findDifference(empty, a, 0, Direction::Forward)), std::optional<Match>(Match{0, quint64(bytes.size())}));
    QCOMPARE(wait(HexSearch::findDifference(empty, a, 5000, Direction::Backward)), std::optional<Match>(Match{0, quint64(bytes.size())}));
}

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
        QCOMPARE(wait(HexSearch::findPattern(source, needle, from)), std::optional<Match>(Match{offset, quint64(needle.size())}));
        from = offset + 1;
    }
    QCOMPARE(wait(HexSearch::findPattern(source, needle, from)), std::nullopt);
    // A hex pattern: the bytes at a random place, across the first chunk boundary.
    const QByteArray hexPattern = bytes.mid(qsizetype(HexSearch::ChunkBytes - 2), 5);
    const qsizetype expected = bytes.indexOf(hexPattern);
    QCOMPARE(wait(HexSearch::findPattern(source, hexPattern, 0)), std::optional<Match>(Match{quint64(expected), 5}));
}

void HexSearchTest::patternWithZerosBeforeData()
{
    QVERIFY(m_dir.isValid());
    const QString path = m_dir.filePath(QStringLiteral("holes.img"));
    QVERIFY(HexTest::makeSparseFile(path, 64 * MiB));
    QVERIFY(HexTest::writeAt(path, 40 * MiB, "AB"));
    auto source = std::make_shared<FileHexDataSource>(path);
    // Holes are skipped, yet a match that starts in the zeros just before the data is found.
    QCOMPARE(wait(HexSearch::findPattern(source, QByteArray("\0\0AB", 4), 0)), std::optional<Match>(Match{40 * MiB - 2, 4}));
    QCOMPARE(wait(HexSearch::findPattern(source, QByteArrayLiteral("AB"), 0)), std::optional<Match>(Match{40 * MiB, 2}));
    // All zeros cannot skip holes.
    QCOMPARE(wait(HexSearch::findPattern(source, QByteArray(3, '\0'), 5)), std::optional<Match>(Match{5, 3}));
}

void HexSearchTest::patternNotFound()
{
    auto source = std::make_shared<MemorySource>(QByteArray(2 * MiB, 'a'));
    QFuture<Match> future = HexSearch::findPattern(source, QByteArrayLiteral("b"), 0);
    future.waitForFinished();
    QVERIFY(!future.isCanceled());
    QCOMPARE(future.resultCount(), 0);
    QCOMPARE(wait(HexSearch::findPattern(source, QByteArrayLiteral("aa"), 2 * MiB - 1)), std::nullopt); // too close to the end
    QCOMPARE(wait(HexSearch::findPattern(source, QByteArray(), 0)), std::nullopt);
}

void HexSearchTest::progressIsReported()
{
    auto source = std::make_shared<SyntheticSource>(96 * MiB, char(0x11));
    QFutureWatcher<Match> watcher;
    QSignalSpy progress(&watcher, &QFutureWatcher<Match>::progressValueChanged);
    QSignalSpy finished(&watcher, &QFutureWatcher<Match>::finished);
    watcher.setFuture(HexSearch::findPattern(source, QByteArrayLiteral("\x22"), 0));
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
    QFuture<Match> future = HexSearch::findPattern(source, QByteArrayLiteral("\x22"), 0);
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

void HexSearchTest::cancelDifferenceSearch()
{
    auto a = std::make_shared<SyntheticSource>(8 * TiB, char(0x11));
    auto b = std::make_shared<SyntheticSource>(8 * TiB, char(0x11));
    for (const Direction direction : {Direction::Forward, Direction::Backward}) {
        QFuture<Match> future = HexSearch::findDifference(a, b, direction == Direction::Forward ? 0 : 8 * TiB, direction);
        QTest::qWait(100);
        QVERIFY(future.isRunning());
        QElapsedTimer timer;
        timer.start();
        future.cancel();
        future.waitForFinished();
        QVERIFY(timer.elapsed() < 1000);
        QVERIFY(future.isCanceled());
        QCOMPARE(future.resultCount(), 0);
    }
}

QTEST_MAIN(HexSearchTest)
#include "hexsearchtest.moc"
