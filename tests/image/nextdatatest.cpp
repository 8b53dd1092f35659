// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later

// "Next data offset" once (issue 11): nextDataOffset(Image) is what `addcow compare` and the hex
// views' search skip zeros by. Checked against a model of where the virtual disk may hold data
// (R13: allocated clusters read the image file, clean ones the backing file, zeros past it),
// and on an 8 TiB disk whose only data is in its last cluster.

#include "imagetestutil.h"

#include "format.h"
#include "image.h"
#include "nextdata.h"

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

} // namespace

class NextDataTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matchesTheModel_R13()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const quint64 virtualSize = 16 * C;
        // The image file: data in clusters 2, 5 (clean: not on the disk), the second half of 9, and 15.
        QVERIFY(writeSparse(dir.filePath(u"disk.raw"_s), virtualSize, {{2 * C, C}, {5 * C, C}, {9 * C + C / 2, C / 2}, {15 * C, C}}));
        // The backing file, 12 clusters: data in clusters 1, 2 (allocated: hidden), 5, 7 and 11.
        QVERIFY(writeSparse(dir.filePath(u"base.raw"_s), 12 * C, {{1 * C, C}, {2 * C, C}, {5 * C, C}, {7 * C, C}, {11 * C, C}}));
        // Allocated: 2, 3 and 14 (holes in the image file: zeros), 9 and 15.
        QByteArray bits(2, '\0');
        for (const quint64 cluster : {2, 3, 9, 14, 15})
            setBit(bits, cluster);
        QVERIFY(writeFile(dir.filePath(u"disk.add-cow"_s), addCowBytes("disk.raw", "base.raw", virtualSize, bits)));
        // Where the virtual disk may hold data, as R13 reads it.
        const QList<std::pair<quint64, quint64>> data{{1 * C, 2 * C}, {2 * C, 3 * C}, {5 * C, 6 * C}, {7 * C, 8 * C}, {9 * C + C / 2, 10 * C},
                                                       {11 * C, 12 * C}, {15 * C, 16 * C}};
        const auto expected = [&](quint64 offset) {
            for (const auto &[first, end] : data) {
                if (end > offset)
                    return std::max(first, offset);
            }
            return virtualSize;
        };

        const Result<Image> image = Image::open(dir.filePath(u"disk.add-cow"_s));
        QVERIFY2(image, qPrintable(image ? QString() : image.error().message()));
        for (quint64 offset = 0; offset <= virtualSize + 4096; offset += 4096) {
            QCOMPARE(nextDataOffset(image.value(), offset), std::min(expected(offset), virtualSize));
            QCOMPARE(nextDataOffset(image.value(), offset + 1), std::min(expected(offset + 1), virtualSize));
        }
    }

    void fileHolesAndEnd()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"file.raw"_s);
        QVERIFY(writeSparse(path, 4 * C, {{C, 4096}}));
        const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY);
        QVERIFY(fd >= 0);
        QCOMPARE(nextDataInFile(fd, 0, 4 * C), C);
        QCOMPARE(nextDataInFile(fd, C + 4095, 4 * C), C + 4095);
        QCOMPARE(nextDataInFile(fd, C + 4096, 4 * C), 4 * C); // only a hole follows
        QCOMPARE(nextDataInFile(fd, 0, C / 2), C / 2);         // clamped to the end asked for
        QCOMPARE(nextDataInFile(fd, 5 * C, 8 * C), 8 * C);     // past the file's end
        QCOMPARE(nextDataInFile(-1, 7, 8 * C), quint64(7));    // cannot tell: data assumed
        ::close(fd);
    }

    // 8 TiB: 2^27 clusters and a 16 MiB bitmap; the only data is in the last cluster, behind
    // an allocated hole in cluster 0 and 2^27 - 2 clean clusters without a backing disk.
    void an8TiBDiskWithDataOnlyAtItsEnd()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const quint64 virtualSize = quint64(8) << 40;
        const quint64 lastCluster = virtualSize / C - 1;
        if (!writeSparse(dir.filePath(u"disk.raw"_s), virtualSize, {{lastCluster * C + 4096, 4096}}))
            QSKIP("this file system takes no 8 TiB sparse file");
        QByteArray bits(qsizetype(bitmapBytesFor(lastCluster + 1)), '\0');
        setBit(bits, 0);
        setBit(bits, lastCluster);
        QVERIFY(writeFile(dir.filePath(u"disk.add-cow"_s), addCowBytes("disk.raw", QByteArray(), virtualSize, bits)));
        const Result<Image> image = Image::open(dir.filePath(u"disk.add-cow"_s));
        QVERIFY2(image, qPrintable(image ? QString() : image.error().message()));
        const quint64 data = lastCluster * C + 4096;
        QCOMPARE(nextDataOffset(image.value(), 0), data);
        QCOMPARE(nextDataOffset(image.value(), (quint64(1) << 32) - 1), data); // across the map's windows
        QCOMPARE(nextDataOffset(image.value(), data + 1), data + 1);
        QCOMPARE(nextDataOffset(image.value(), data + 4096), virtualSize);
        QCOMPARE(nextDataOffset(image.value(), virtualSize - 1), virtualSize);
        QCOMPARE(nextDataOffset(image.value(), virtualSize), virtualSize);
        QCOMPARE(nextDataOffset(image.value(), ~quint64(0)), virtualSize);
    }
};

QTEST_GUILESS_MAIN(NextDataTest)
#include "nextdatatest.moc"
