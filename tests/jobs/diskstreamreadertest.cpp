// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later

// DiskStreamReader: the pieces come in order, tile the range, hold what Image::read returns,
// and the reader thread stops when its consumer goes away early.

#include "diskstreamreader.h"
#include "jobstestutil.h"

#include <QTemporaryDir>
#include <QTest>

using namespace AddCow;
using namespace JobsTest;
using namespace Qt::StringLiterals;

namespace
{

constexpr quint64 MiB = 1024 * 1024;

} // namespace

class DiskStreamReaderTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_addCow;
    quint64 m_size = 0;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QRandomGenerator random(5);
        m_size = 13 * MiB + 4321;
        QVERIFY(makeSparseRandomFile(m_dir.filePath(u"b.raw"_s), 9 * MiB + 7, 50, random));
        QVERIFY(makeSparseRandomFile(m_dir.filePath(u"i.raw"_s), m_size, 50, random));
        CreateOptions options;
        options.addCowPath = m_dir.filePath(u"d.add-cow"_s);
        options.imageFileName = "i.raw";
        options.backingFileName = "b.raw";
        options.backingFormat = "raw";
        QVERIFY(create(options).ok());
        QVERIFY(writeRandomBitmap(options.addCowPath, clusterCountFor(m_size), 50, 30, random));
        m_addCow = options.addCowPath;
    }

    void piecesTileTheRange_data()
    {
        QTest::addColumn<quint64>("offset");
        QTest::addColumn<quint64>("length");
        QTest::newRow("R15 the whole disk, partial last cluster") << quint64(0) << m_size;
        QTest::newRow("R13 an unaligned middle") << quint64(MiB + 12345) << quint64(7 * MiB + 3);
        QTest::newRow("nothing") << quint64(5 * MiB) << quint64(0);
    }

    void piecesTileTheRange()
    {
        QFETCH(quint64, offset);
        QFETCH(quint64, length);
        const Result<Image> image = Image::open(m_addCow);
        QVERIFY(image.ok());
        const Result<QByteArray> expected = image->read(offset, length);
        QVERIFY(expected.ok());

        DiskStreamReader reader(image.value(), offset, length);
        quint64 pos = offset;
        int zeroPieces = 0;
        while (const std::optional<DiskStreamReader::Piece> piece = reader.next()) {
            QCOMPARE(piece->offsetBytes, pos);
            QVERIFY(piece->lengthBytes > 0);
            const QByteArray want = expected->mid(qsizetype(pos - offset), qsizetype(piece->lengthBytes));
            if (piece->data) {
                QCOMPARE(QByteArray(piece->data, qsizetype(piece->lengthBytes)), want);
            } else {
                QCOMPARE(want.count('\0'), want.size());
                ++zeroPieces;
            }
            pos += piece->lengthBytes;
        }
        QCOMPARE(pos, offset + length);
        QVERIFY(!reader.next()); // stays at the end
        QVERIFY(reader.unreadable().isEmpty());
        QVERIFY(!reader.firstReadError());
        if (length > MiB)
            QVERIFY(zeroPieces > 0); // half of each file is holes
    }

    // The consumer may go away at any point: the destructor stops the thread (it must not hang
    // waiting for a free buffer) and never reads on past what it needs.
    void stopsWhenTheConsumerGoes()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QRandomGenerator random(6);
        CreateOptions options;
        options.addCowPath = dir.filePath(u"full.add-cow"_s);
        options.imageFileName = "full.raw";
        QVERIFY(writeAt(dir.filePath(u"full.raw"_s), 0, randomBytes(random, 64 * MiB)));
        QVERIFY(create(options).ok());
        const Result<Image> image = Image::open(options.addCowPath);
        QVERIFY(image.ok());
        {
            DiskStreamReader never(image.value(), 0, 64 * MiB);
        }
        {
            DiskStreamReader once(image.value(), 0, 64 * MiB);
            QVERIFY(once.next().has_value());
            QTest::qWait(50); // the thread fills its buffers and waits for the consumer
        }
    }
};

QTEST_GUILESS_MAIN(DiskStreamReaderTest)
#include "diskstreamreadertest.moc"
