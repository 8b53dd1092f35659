// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "image.h"
#include "jobmanager.h"
#include "mapexportjob.h"
#include "testimages.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace AddCow;

class MapExportJobTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writesJsonAndCsv();
    void cancelStopsWithinHalfASecondAndLeavesNoFile();
};

// Issue 11: a 1 TiB disk whose every other cluster is allocated has 16 Mi runs, about 900 MB of
// JSON, far more than the job writes before the cancel. The job streams the runs as it walks
// the bitmap, so progress moves on the way, and it stops within half a second of the cancel.
// Like QSaveFile's other users (and cp or curl -o with a failure), a careful tool leaves no
// partial map: nothing under the destination's name and no temporary file beside it.
void MapExportJobTest::cancelStopsWithinHalfASecondAndLeavesNoFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    TestImages::Options options;
    options.virtualBytes = quint64(1) << 40;
    options.backingBytes = 0;
    const QString path = TestImages::make(dir.path(), options);
    QVERIFY(!path.isEmpty());
    {
        // R13: every other bit of the bitmap, which starts right after the header.
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        const qint64 bitmapOffset = qint64(Header::make("disk.raw", "raw", {}, {}, 0).serialize().size());
        const qint64 bitmapBytes = qint64(clusterCountFor(options.virtualBytes) / 8);
        QVERIFY(file.seek(bitmapOffset));
        QCOMPARE(file.write(QByteArray(bitmapBytes, char(0x55))), bitmapBytes);
    }
    Result<Image> opened = Image::open(path);
    QVERIFY2(opened.ok(), qPrintable(opened.error().message()));
    auto image = std::make_shared<Image>(std::move(opened).value());

    JobManager manager;
    QSignalSpy finished(&manager, &JobManager::jobFinished);
    quint64 progressDone = 0;
    connect(&manager, &JobManager::jobProgress, this, [&progressDone](int, quint64 doneBytes, quint64) {
        progressDone = std::max(progressDone, doneBytes);
    });
    const QString jsonPath = dir.filePath(QStringLiteral("map.json"));
    const int job = manager.start(std::make_shared<MapExportJob>(image, jsonPath, MapExport::Format::Json), QStringLiteral("json"));
    // Progress arrives while the runs are written, not only at the end.
    QTRY_VERIFY_WITH_TIMEOUT(progressDone > 0, 10000);
    QCOMPARE(finished.size(), 0);
    QVERIFY(progressDone < options.virtualBytes);

    QElapsedTimer timer;
    timer.start();
    manager.requestCancel(job);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 5000);
    const qint64 stoppedMs = timer.elapsed();
    QVERIFY2(stoppedMs < 500, qPrintable(QStringLiteral("stopped %1 ms after the cancel").arg(stoppedMs)));
    QCOMPARE(manager.state(job), JobState::Cancelled);
    QCOMPARE(manager.error(job).code, ErrorCode::Cancelled);
    QVERIFY(!QFile::exists(jsonPath));
    const QStringList left = QDir(dir.path()).entryList(QDir::Files);
    QCOMPARE(left, (QStringList{QStringLiteral("disk.add-cow"), QStringLiteral("disk.raw")}));
}

// R13: clusters 2-3 and 40 in the image file, the rest from the 1 MiB backing file, then zeros.
void MapExportJobTest::writesJsonAndCsv()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    TestImages::Options options;
    options.virtualBytes = 64 * ClusterSizeBytes;
    options.backingBytes = 16 * ClusterSizeBytes;
    options.allocated = {{2, 2}, {40, 1}};
    const QString path = TestImages::make(dir.path(), options);
    QVERIFY(!path.isEmpty());
    Result<Image> opened = Image::open(path);
    QVERIFY2(opened.ok(), qPrintable(opened.error().message()));
    auto image = std::make_shared<Image>(std::move(opened).value());

    JobManager manager;
    QSignalSpy finished(&manager, &JobManager::jobFinished);
    const QString jsonPath = dir.filePath(QStringLiteral("map.json"));
    const QString csvPath = dir.filePath(QStringLiteral("map.csv"));
    const int jsonJob = manager.start(std::make_shared<MapExportJob>(image, jsonPath, MapExport::Format::Json), QStringLiteral("json"));
    const int csvJob = manager.start(std::make_shared<MapExportJob>(image, csvPath, MapExport::Format::Csv), QStringLiteral("csv"));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 10000);
    QCOMPARE(manager.state(jsonJob), JobState::Done);
    QCOMPARE(manager.state(csvJob), JobState::Done);
    QVERIFY(manager.report(jsonJob).files().contains(jsonPath));

    struct Run {
        quint64 start;
        quint64 length;
        QString source;
    };
    const quint64 c = ClusterSizeBytes;
    const QList<Run> expected = {
        {0, 2 * c, QStringLiteral("backing")},
        {2 * c, 2 * c, QStringLiteral("image")},
        {4 * c, 12 * c, QStringLiteral("backing")},
        {16 * c, 24 * c, QStringLiteral("zero")},
        {40 * c, 1 * c, QStringLiteral("image")},
        {41 * c, 23 * c, QStringLiteral("zero")},
    };

    QFile json(jsonPath);
    QVERIFY(json.open(QIODevice::ReadOnly));
    const QJsonArray runs = QJsonDocument::fromJson(json.readAll()).array();
    QCOMPARE(runs.size(), expected.size());
    for (qsizetype i = 0; i < runs.size(); ++i) {
        const QJsonObject run = runs.at(i).toObject();
        QCOMPARE(quint64(run.value(QStringLiteral("start")).toInteger()), expected.at(i).start);
        QCOMPARE(quint64(run.value(QStringLiteral("length")).toInteger()), expected.at(i).length);
        QCOMPARE(run.value(QStringLiteral("source")).toString(), expected.at(i).source);
    }

    QFile csv(csvPath);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(csv.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), expected.size() + 1);
    QCOMPARE(lines.first(), QStringLiteral("start,length,source"));
    for (qsizetype i = 0; i < expected.size(); ++i)
        QCOMPARE(lines.at(i + 1), QStringLiteral("%1,%2,%3").arg(expected.at(i).start).arg(expected.at(i).length).arg(expected.at(i).source));
}

QTEST_MAIN(MapExportJobTest)
#include "mapexportjobtest.moc"
