// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later

// Block status (NBD extents) of the virtual disk: data, or zeros with nothing stored (R13).

#include "imagetestutil.h"

#include "blockstatus.h"
#include "image.h"

#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <unistd.h>

using namespace AddCow;
using namespace ImageTest;
using namespace Qt::StringLiterals;

namespace
{

constexpr quint64 C = ClusterSizeBytes;

QString describe(const QList<BlockStatusRun> &runs)
{
    QStringList parts;
    for (const BlockStatusRun &run : runs)
        parts.append(u"%1+%2 %3"_s.arg(run.offsetBytes).arg(run.lengthBytes).arg(run.zero ? u"zero"_s : u"data"_s));
    return parts.join(u", "_s);
}

} // namespace

class BlockStatusTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void runs_data();
    void runs();
    void stopsAfterMaxRunsAndResumes();
    void allAllocatedShowsImageHoles();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_addCow;
};

void BlockStatusTest::init()
{
    // Ten clusters. The backing file: data in cluster 0, a hole in cluster 1, data from cluster 2
    // to 100 bytes into cluster 4, where it ends. Clusters 2, 6 and 7 are allocated; the image
    // file has data in clusters 2 and 7 and a hole in cluster 6.
    m_dir = std::make_unique<QTemporaryDir>();
    const QString backing = m_dir->filePath(u"base.raw"_s);
    const QString image = m_dir->filePath(u"disk.raw"_s);
    m_addCow = m_dir->filePath(u"disk.add-cow"_s);
    QVERIFY(writeSparse(backing, 4 * C + 100, {{0, C}, {2 * C, 2 * C + 100}}));
    QVERIFY(writeSparse(image, 10 * C, {{2 * C, C}, {7 * C, C}}));
    QByteArray bits(2, '\0');
    bits[0] = char(0x04 | 0x40 | 0x80);
    QVERIFY(writeFile(m_addCow, addCowBytes("disk.raw", "base.raw", 10 * C, bits)));
}

void BlockStatusTest::runs_data()
{
    using Runs = QList<BlockStatusRun>;
    QTest::addColumn<quint64>("offset");
    QTest::addColumn<quint64>("length");
    QTest::addColumn<Runs>("expected");

    QTest::newRow("R13 whole disk: backing data, backing hole, image, past the backing end, image hole")
        << quint64(0) << 10 * C
        << Runs{{0, C, false}, {C, C, true}, {2 * C, 2 * C + 100, false}, {4 * C + 100, 3 * C - 100, true}, {7 * C, C, false}, {8 * C, 2 * C, true}};
    QTest::newRow("R13 a window starting and ending inside clusters")
        << C / 2 << 3 * C << Runs{{C / 2, C / 2, false}, {C, C, true}, {2 * C, 3 * C / 2, false}};
    QTest::newRow("R15 clamped to the end of the disk") << 9 * C << 5 * C << Runs{{9 * C, C, true}};
    QTest::newRow("R15 past the end: nothing") << 10 * C << C << Runs{};
}

void BlockStatusTest::runs()
{
    QFETCH(quint64, offset);
    QFETCH(quint64, length);
    QFETCH(QList<BlockStatusRun>, expected);
    Result<Image> image = Image::open(m_addCow);
    QVERIFY2(image.ok(), qPrintable(image.error().message()));
    const Result<QList<BlockStatusRun>> runs = blockStatus(image.value(), offset, length);
    QVERIFY2(runs.ok(), qPrintable(runs.error().message()));
    QCOMPARE(describe(runs.value()), describe(expected));

    // Every run said to be zero reads as zeros.
    for (const BlockStatusRun &run : runs.value()) {
        if (run.zero)
            QCOMPARE(image->read(run.offsetBytes, run.lengthBytes).value(), QByteArray(qsizetype(run.lengthBytes), '\0'));
    }
}

void BlockStatusTest::stopsAfterMaxRunsAndResumes()
{
    Result<Image> image = Image::open(m_addCow);
    QVERIFY(image.ok());
    const QList<BlockStatusRun> all = blockStatus(image.value(), 0, 10 * C).value();
    QList<BlockStatusRun> pieced;
    quint64 position = 0;
    while (position < 10 * C) {
        const QList<BlockStatusRun> some = blockStatus(image.value(), position, 10 * C - position, 2).value();
        QVERIFY(!some.isEmpty());
        QVERIFY(some.size() <= 3);
        for (const BlockStatusRun &run : some) {
            if (!pieced.isEmpty() && pieced.last().zero == run.zero)
                pieced.last().lengthBytes += run.lengthBytes;
            else
                pieced.append(run);
        }
        position = some.last().offsetBytes + some.last().lengthBytes;
    }
    QCOMPARE(describe(pieced), describe(all));
}

void BlockStatusTest::allAllocatedShowsImageHoles()
{
    // R14: the image file alone is the disk; its holes read as zeros.
    QVERIFY(writeFile(m_addCow, addCowBytes("disk.raw", "base.raw", 10 * C, {}, FeatureAllAllocated)));
    Result<Image> image = Image::open(m_addCow);
    QVERIFY(image.ok());
    const QList<BlockStatusRun> expected{{0, 2 * C, true}, {2 * C, C, false}, {3 * C, 4 * C, true}, {7 * C, C, false}, {8 * C, 2 * C, true}};
    QCOMPARE(describe(blockStatus(image.value(), 0, 10 * C).value()), describe(expected));
}

QTEST_GUILESS_MAIN(BlockStatusTest)

#include "blockstatustest.moc"
