// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later

#include "mapexport.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

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
