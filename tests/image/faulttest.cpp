// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later

#include "imagetestutil.h"

#include "../faultinjector.h"

#include "fileio.h"
#include "image.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>

using namespace AddCow;
using namespace FaultInjection;
using namespace ImageTest;
using namespace Qt::StringLiterals;

namespace
{

struct Scenario {
    quint64 virtualSize;
    qint64 backingSize; // -1: no backing file
    quint64 writeOffset;
    quint64 writeLength;
    quint64 features;
};

struct Files {
    QTemporaryDir dir;
    QString addCow;
    QByteArray before; ///< the virtual disk before the write
    QByteArray after;  ///< the virtual disk after it
    QByteArray bits;   ///< the bitmap before the write
    bool allAllocated = false;
};

// Builds the files of a scenario: garbage image file, random backing file and bits 0b0101...
void makeFiles(const Scenario &scenario, Files &files, const QByteArray &data)
{
    QRandomGenerator random(1234);
    files.addCow = files.dir.filePath(u"disk.add-cow"_s);
    const QByteArray imageData = randomBytes(qsizetype(scenario.virtualSize), random);
    const QByteArray backingData = scenario.backingSize >= 0 ? randomBytes(scenario.backingSize, random) : QByteArray();
    QByteArray bits(qsizetype(bitmapBytesFor(clusterCountFor(scenario.virtualSize))), '\0');
    for (quint64 c = 0; c < clusterCountFor(scenario.virtualSize); c += 4)
        setBit(bits, c);
    writeFile(files.dir.filePath(u"disk.raw"_s), imageData);
    if (scenario.backingSize >= 0)
        writeFile(files.dir.filePath(u"base.raw"_s), backingData);
    writeFile(files.addCow, addCowBytes("disk.raw", scenario.backingSize >= 0 ? QByteArray("base.raw") : QByteArray(),
                                        scenario.virtualSize, bits, scenario.features));
    files.bits = bits;
    files.allAllocated = scenario.features & FeatureAllAllocated;
    files.before = modelDisk(imageData, backingData, scenario.backingSize >= 0, bits, scenario.features & FeatureAllAllocated);
    files.after = files.before;
    files.after.replace(qsizetype(scenario.writeOffset), data.size(), data);
}

QByteArray readWhole(const QString &addCow)
{
    const Result<Image> image = Image::open(addCow);
    if (!image.ok())
        return QByteArrayLiteral("open failed: ") + image.error().message().toUtf8();
    const Result<QByteArray> data = image->read(0, image->virtualSizeBytes());
    return data.ok() ? data.value() : QByteArrayLiteral("read failed");
}

/**
 * R18: every cluster reads its whole old or whole new content. A cluster that was already in the
 * image file is overwritten in place, as on any raw disk: after a short write it may hold a mix,
 * but every byte is still either its old or its new value.
 */
QString checkClusters(const QByteArray &actual, const Files &files, bool shortWrite)
{
    if (actual.size() != files.before.size())
        return QString::fromUtf8(actual.left(200));
    for (qsizetype offset = 0; offset < actual.size(); offset += qsizetype(ClusterSizeBytes)) {
        const qsizetype length = std::min<qsizetype>(ClusterSizeBytes, actual.size() - offset);
        const QByteArrayView cluster = QByteArrayView(actual).sliced(offset, length);
        if (cluster == QByteArrayView(files.before).sliced(offset, length) || cluster == QByteArrayView(files.after).sliced(offset, length))
            continue;
        const quint64 index = quint64(offset) / ClusterSizeBytes;
        if (!shortWrite || !(files.allAllocated || bitOf(files.bits, index)))
            return u"cluster %1 is neither old nor new"_s.arg(index);
        for (qsizetype i = offset; i < offset + length; ++i) {
            if (actual[i] != files.before[i] && actual[i] != files.after[i])
                return u"byte %1 of allocated cluster %2 is neither old nor new"_s.arg(i).arg(index);
        }
    }
    return {};
}

} // namespace

Q_DECLARE_METATYPE(FaultKind)

class FaultTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void eachOperationFails_data();
    void eachOperationFails();
};

void FaultTest::eachOperationFails_data()
{
    QTest::addColumn<quint64>("virtualSize");
    QTest::addColumn<qint64>("backingSize");
    QTest::addColumn<quint64>("writeOffset");
    QTest::addColumn<quint64>("writeLength");
    QTest::addColumn<quint64>("features");
    QTest::addColumn<FaultKind>("kind");

    const quint64 c = ClusterSizeBytes;
    const struct {
        const char *name;
        Scenario scenario;
    } scenarios[] = {
        {"R18 copy-on-write across two clean clusters", {8 * c, qint64(8 * c), c + 100, c + 50, 0}},
        {"R18 inside one clean cluster past the backing end", {8 * c + 99, qint64(5 * c + 10), 5 * c + 5, 300, 0}},
        {"R18 no backing file, into the partial last cluster", {6 * c + 99, -1, 5 * c + 50, 20, 0}},
        {"R18 clean and set clusters mixed", {8 * c, qint64(8 * c), 3 * c + 7, 3 * c, 0}},
        {"R14 all allocated", {4 * c, qint64(4 * c), 100, c, FeatureAllAllocated}},
    };
    const struct {
        const char *name;
        FaultKind kind;
    } kinds[] = {{"EIO", FaultKind::Eio}, {"ENOSPC", FaultKind::Enospc}, {"short write", FaultKind::ShortWrite}};
    for (const auto &s : scenarios) {
        for (const auto &k : kinds) {
            QTest::addRow("%s, %s", s.name, k.name) << s.scenario.virtualSize << s.scenario.backingSize << s.scenario.writeOffset
                                                    << s.scenario.writeLength << s.scenario.features << k.kind;
        }
    }
}

void FaultTest::eachOperationFails()
{
    QFETCH(quint64, virtualSize);
    QFETCH(qint64, backingSize);
    QFETCH(quint64, writeOffset);
    QFETCH(quint64, writeLength);
    QFETCH(quint64, features);
    QFETCH(FaultKind, kind);
    const Scenario scenario{virtualSize, backingSize, writeOffset, writeLength, features};
    QRandomGenerator random(77);
    const QByteArray data = randomBytes(qsizetype(writeLength), random);

    // A clean run counts the operations write() makes.
    int operations = 0;
    {
        Files files;
        makeFiles(scenario, files, data);
        Result<Image> image = Image::open(files.addCow, Image::Access::ReadWrite);
        QVERIFY(image.ok());
        FaultInjector counter;
        counter.install();
        QVERIFY(image->write(writeOffset, data).ok());
        operations = counter.seen;
        QCOMPARE(readWhole(files.addCow), files.after);
    }
    QVERIFY(operations >= 2);

    int failures = 0;
    for (int failAt = 0; failAt < operations; ++failAt) {
        Files files;
        makeFiles(scenario, files, data);
        Result<Image> image = Image::open(files.addCow, Image::Access::ReadWrite);
        QVERIFY(image.ok());
        Result<ClusterRange> written = ClusterRange{};
        FileIo::Op failedOp;
        {
            FaultInjector injector;
            injector.failAt = failAt;
            injector.kind = kind;
            injector.shortWriteCountsAll = true; // failAt runs over every operation the counter saw
            injector.install();
            written = image->write(writeOffset, data);
            QVERIFY(injector.fired);
            failedOp = injector.failedOp;
        }
        const bool canFail = kind != FaultKind::ShortWrite || failedOp == FileIo::Op::Write || failedOp == FileIo::Op::CopyRange;
        if (!canFail) {
            QVERIFY(written.ok()); // a short-write fault on a read or a sync is no fault
            continue;
        }
        ++failures;
        const QString where = u"operation %1 of %2"_s.arg(failAt).arg(operations);
        QVERIFY2(!written.ok(), qPrintable(where));
        const Error &error = written.error();
        QCOMPARE(int(error.code), int(ErrorCode::Io));
        QCOMPARE(error.errnoValue, kind == FaultKind::Eio ? EIO : ENOSPC);
        const QString file = QFileInfo(error.path).fileName();
        QVERIFY2(file == u"disk.raw"_s || file == u"disk.add-cow"_s || file == u"base.raw"_s, qPrintable(error.message()));
        QVERIFY(!error.message().isEmpty());

        // Every cluster, seen through this Image or opened afresh, is old or new (R18).
        const Result<QByteArray> inMemory = image->read(0, virtualSize);
        QVERIFY(inMemory.ok());
        QString problem = checkClusters(inMemory.value(), files, kind == FaultKind::ShortWrite);
        QVERIFY2(problem.isEmpty(), qPrintable(where + u": "_s + problem));
        problem = checkClusters(readWhole(files.addCow), files, kind == FaultKind::ShortWrite);
        QVERIFY2(problem.isEmpty(), qPrintable(where + u" after reopening: "_s + problem));

        // Once the fault is gone, the same write succeeds and the disk reads as after.
        QVERIFY(image->write(writeOffset, data).ok());
        const Result<QByteArray> retried = image->read(0, virtualSize);
        QVERIFY(retried.ok());
        QVERIFY2(retried.value() == files.after, qPrintable(where));
        QVERIFY2(readWhole(files.addCow) == files.after, qPrintable(where));
    }
    QVERIFY(failures >= 1);
}

QTEST_GUILESS_MAIN(FaultTest)

#include "faulttest.moc"
