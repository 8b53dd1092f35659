// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later

#include "clusterbitmap.h"
#include "header.h"
#include "image.h"
#include "mapexport.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <set>

using namespace AddCow;
using namespace Qt::StringLiterals;

namespace
{

constexpr quint64 Cluster = ClusterSizeBytes;

// A 10-cluster disk: 2 image, 3 backing (given as two runs), 1 image, 4 zero, plus an empty run.
QList<MapRun> sampleRuns()
{
    return {
        {0, 2 * Cluster, DataSource::Image},
        {2 * Cluster, Cluster, DataSource::Backing},
        {3 * Cluster, 2 * Cluster, DataSource::Backing},
        {5 * Cluster, 0, DataSource::Zero},
        {5 * Cluster, Cluster, DataSource::Image},
        {6 * Cluster, 4 * Cluster - 100, DataSource::Zero}, // R15: the last cluster may be partial
    };
}

constexpr quint64 TiB = quint64(1) << 40;

bool writeSparseFile(const QString &path, quint64 sizeBytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.resize(qint64(sizeBytes));
}

// An add-cow over sparse raw files whose bits are set for the given clusters (R13); the data of
// those clusters is left as holes, the map only reads the bits.
QString makeSparseImage(const QString &dir, quint64 virtualBytes, quint64 backingBytes, const std::set<quint64> &allocated)
{
    const QDir d(dir);
    if (!writeSparseFile(d.filePath(u"disk.raw"_s), virtualBytes) || !writeSparseFile(d.filePath(u"base.raw"_s), backingBytes))
        return {};
    const quint64 clusters = clusterCountFor(virtualBytes);
    ClusterBitmap bitmap(clusters);
    for (const quint64 cluster : allocated)
        bitmap.setRange({cluster, 1});
    QByteArray bytes = Header::make("disk.raw", "raw", "base.raw", "raw", 0).serialize();
    QByteArray bitmapBytes = bitmap.toBytes();
    bitmapBytes.resize(qsizetype(bitmapRegionBytesFor(clusters)), '\0'); // R11
    bytes += bitmapBytes;
    const QString path = d.filePath(u"disk.add-cow"_s);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
        return {};
    return path;
}

// The map R13 describes, built from the sorted allocated clusters alone (never from the bitmap):
// set bits read the image, clear ones the backing disk up to its size, zeros after it.
QList<MapRun> expectedRuns(quint64 virtualBytes, quint64 backingBytes, const std::set<quint64> &allocated)
{
    QList<MapRun> runs;
    const auto add = [&runs](quint64 start, quint64 end, DataSource source) {
        if (end <= start)
            return;
        if (!runs.isEmpty() && runs.last().source == source && runs.last().offsetBytes + runs.last().lengthBytes == start)
            runs.last().lengthBytes += end - start;
        else
            runs.append({start, end - start, source});
    };
    const auto addClean = [&](quint64 start, quint64 end) {
        add(start, std::min(end, std::max(start, backingBytes)), DataSource::Backing);
        add(std::max(start, backingBytes), end, DataSource::Zero);
    };
    quint64 next = 0;
    for (const quint64 cluster : allocated) {
        const quint64 start = cluster * Cluster;
        addClean(next, start);
        next = std::min(start + Cluster, virtualBytes);
        add(start, next, DataSource::Image);
    }
    addClean(next, virtualBytes);
    return runs;
}

} // namespace

class MapExportTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mergesAdjacentRunsOfOneSource()
    {
        const QList<MapRun> merged = MapExport::mergedRuns(sampleRuns());
        const QList<MapRun> expected = {
            {0, 2 * Cluster, DataSource::Image},
            {2 * Cluster, 3 * Cluster, DataSource::Backing},
            {5 * Cluster, Cluster, DataSource::Image},
            {6 * Cluster, 4 * Cluster - 100, DataSource::Zero},
        };
        QCOMPARE(merged, expected);
        QVERIFY(MapExport::coversExactly(merged, 10 * Cluster - 100));
        QVERIFY(!MapExport::coversExactly(merged, 10 * Cluster));
        // A gap is not coverage.
        QVERIFY(!MapExport::coversExactly({{0, Cluster, DataSource::Image}, {2 * Cluster, Cluster, DataSource::Zero}}, 3 * Cluster));
        // Runs of different sources that merely touch stay apart.
        QCOMPARE(MapExport::mergedRuns({{0, 1, DataSource::Image}, {1, 1, DataSource::Zero}}).size(), 2);
    }

    void json()
    {
        const QByteArray bytes = MapExport::toBytes(sampleRuns(), MapExport::Format::Json);
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        const QJsonArray array = document.array();
        QCOMPARE(array.size(), 4);
        const QStringList sources = {u"image"_s, u"backing"_s, u"image"_s, u"zero"_s};
        qint64 next = 0;
        for (int i = 0; i < array.size(); ++i) {
            const QJsonObject run = array.at(i).toObject();
            QCOMPARE(run.keys(), (QStringList{u"length"_s, u"source"_s, u"start"_s}));
            QCOMPARE(run.value(u"start"_s).toInteger(), next);
            QCOMPARE(run.value(u"source"_s).toString(), sources.at(i));
            next += run.value(u"length"_s).toInteger();
        }
        QCOMPARE(next, qint64(10 * Cluster - 100));
        // One run per line, so line-oriented tools can use it too.
        QCOMPARE(bytes.count('\n'), 4);
        QCOMPARE(MapExport::toBytes({}, MapExport::Format::Json), QByteArray("[]\n"));
    }

    void csv()
    {
        const QByteArray bytes = MapExport::toBytes(sampleRuns(), MapExport::Format::Csv);
        const QByteArray expected = "start,length,source\n"
                                    "0,131072,image\n"
                                    "131072,196608,backing\n"
                                    "327680,65536,image\n"
                                    "393216,262044,zero\n";
        QCOMPARE(bytes, expected);
    }

    void human()
    {
        const QByteArray bytes = MapExport::toBytes(sampleRuns(), MapExport::Format::Human);
        const QList<QByteArray> lines = bytes.trimmed().split('\n');
        QCOMPARE(lines.size(), 5);
        QVERIFY(lines.at(0).startsWith("Offset"));
        QCOMPARE(lines.at(2), QByteArray("0x000000020000  0x000000030000  backing"));
    }

    void largeMapsStreamInChunks()
    {
        // 8 TiB of alternating clusters would be 134 million runs; 200000 show the streaming path.
        QList<MapRun> runs;
        const int count = 200000;
        runs.reserve(count);
        for (int i = 0; i < count; ++i)
            runs.append({quint64(i) * Cluster, Cluster, i % 2 ? DataSource::Backing : DataSource::Image});
        QByteArray out;
        QBuffer buffer(&out);
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        QVERIFY(MapExport::write(buffer, runs, MapExport::Format::Csv).ok());
        QCOMPARE(out.count('\n'), count + 1);
        QVERIFY(out.endsWith(QByteArray(QByteArray::number(quint64(count - 1) * Cluster) + ",65536,backing\n")));
    }

    // Issue 11: the map of an 8 TiB image (a 16 MiB bitmap) streamed as the bitmap is walked is,
    // byte for byte in every format, the known run list's export; progress comes window by
    // window and a cancel stops the walk.
    void streamsAnEightTiBImage()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const quint64 virtualBytes = 8 * TiB;
        const quint64 lastCluster = virtualBytes / Cluster - 1;
        // Ends inside a cluster: that cluster is backing, then zero (R13).
        const quint64 backingBytes = (quint64(1) << 30) + 4096;
        std::set<quint64> allocated = {0, 1, 65535, 65536, 16384, 16385, lastCluster};
        QRandomGenerator random(11);
        while (allocated.size() < 1000)
            allocated.insert(random.bounded(lastCluster + 1));
        const QString path = makeSparseImage(dir.path(), virtualBytes, backingBytes, allocated);
        QVERIFY(!path.isEmpty());
        const Result<Image> image = Image::open(path);
        QVERIFY2(image.ok(), qPrintable(image.error().message()));
        QCOMPARE(image->virtualSizeBytes(), virtualBytes);

        const QList<MapRun> expected = expectedRuns(virtualBytes, backingBytes, allocated);
        QVERIFY(MapExport::coversExactly(expected, virtualBytes));
        for (const MapExport::Format format : {MapExport::Format::Json, MapExport::Format::Csv, MapExport::Format::Human}) {
            QByteArray out;
            QBuffer buffer(&out);
            QVERIFY(buffer.open(QIODevice::WriteOnly));
            QList<quint64> done;
            const Result<quint64> written = MapExport::write(buffer, image.value(), format, {}, [&done](quint64 doneBytes, quint64 total) {
                done.append(doneBytes);
                return total == 8 * TiB;
            });
            QVERIFY2(written.ok(), qPrintable(written.error().message()));
            QCOMPARE(written.value(), quint64(expected.size()));
            QCOMPARE(out, MapExport::toBytes(expected, format));
            // The same bytes as the export of the whole map in memory.
            QCOMPARE(out, MapExport::toBytes(image->map(), format));
            // Progress walks up in steps to the end.
            QVERIFY(done.size() > 1000);
            QVERIFY(std::is_sorted(done.cbegin(), done.cend()));
            QCOMPARE(done.last(), virtualBytes);
        }

        // A cancel halfway stops the walk: Cancelled, and nothing past the runs seen so far.
        QByteArray out;
        QBuffer buffer(&out);
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        const Result<quint64> cancelled = MapExport::write(buffer, image.value(), MapExport::Format::Csv, u"map.csv"_s,
                                                           [](quint64 doneBytes, quint64) { return doneBytes < 4 * TiB; });
        QVERIFY(!cancelled.ok());
        QCOMPARE(cancelled.error().code, ErrorCode::Cancelled);
        QVERIFY(out.size() < MapExport::toBytes(expected, MapExport::Format::Csv).size());
    }

    void writeErrorNamesThePath()
    {
        QBuffer readOnly;
        QVERIFY(readOnly.open(QIODevice::ReadOnly));
        const Result<void> written = MapExport::write(readOnly, sampleRuns(), MapExport::Format::Json, u"/nowhere/map.json"_s);
        QVERIFY(!written.ok());
        QCOMPARE(written.error().code, ErrorCode::Io);
        QVERIFY(written.error().message().contains(u"/nowhere/map.json"_s));
    }
};

QTEST_GUILESS_MAIN(MapExportTest)
#include "mapexporttest.moc"
