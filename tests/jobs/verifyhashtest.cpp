// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later

// `addcow verify` hashes the virtual disk with libcrypto, reading ahead and feeding holes as
// zeros. Its SHA-256 must be what `addcow read FILE 0 SIZE | sha256sum` prints, on disks whose
// files have holes, whose backing file is shorter than the disk, and with ALL_ALLOCATED.

#include "jobstestutil.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace AddCow;
using namespace JobsTest;
using namespace Qt::StringLiterals;

namespace
{

constexpr quint64 MiB = 1024 * 1024;

/** The hex digest `sha256sum` prints for `addcow read addCow 0 size`. */
QByteArray sha256sumOfRead(const QString &addCow, quint64 size)
{
    QProcess read;
    QProcess sum;
    read.setStandardOutputProcess(&sum);
    read.start(QStringLiteral(ADDCOW_BINARY), {u"read"_s, addCow, u"0"_s, QString::number(size)});
    sum.start(u"sha256sum"_s, QStringList{});
    if (!read.waitForFinished(60000) || read.exitCode() != 0 || !sum.waitForFinished(60000) || sum.exitCode() != 0) {
        qWarning() << read.readAllStandardError() << sum.readAllStandardError();
        return {};
    }
    return sum.readAllStandardOutput().left(64);
}

/** The digest `addcow verify` prints on its "sha256:" line. */
QByteArray verifyDigest(const QString &addCow)
{
    QProcess verify;
    verify.start(QStringLiteral(ADDCOW_BINARY), {u"verify"_s, addCow});
    if (!verify.waitForFinished(60000) || verify.exitCode() != 0) {
        qWarning() << verify.readAllStandardOutput() << verify.readAllStandardError();
        return {};
    }
    const QRegularExpressionMatch match = QRegularExpression(u"^sha256: ([0-9a-f]{64})$"_s, QRegularExpression::MultilineOption)
                                              .match(QString::fromUtf8(verify.readAllStandardOutput()));
    return match.hasMatch() ? match.captured(1).toLatin1() : QByteArray();
}

} // namespace

class VerifyHashTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameAsSha256sumOfRead_data()
    {
        QTest::addColumn<quint64>("virtualSize");
        QTest::addColumn<quint64>("backingSize"); // 0: no backing file (R14: ALL_ALLOCATED)
        QTest::addColumn<int>("dataPercent");     // of each file; the rest is holes
        QTest::addColumn<int>("bitsPercent");
        QTest::newRow("R13 holes in the image and backing files") << 24 * MiB + 4097 << 24 * MiB + 4097 << 40 << 50;
        QTest::newRow("R13 backing file shorter than the disk") << 20 * MiB + 3 << 7 * MiB + 555 << 70 << 30;
        QTest::newRow("R13 every cluster clean, mostly holes") << 16 * MiB << 16 * MiB << 5 << 0;
        QTest::newRow("R14 ALL_ALLOCATED, sparse image file") << 30 * MiB + 1 << quint64(0) << 30 << 0;
        QTest::newRow("R15 one byte") << quint64(1) << quint64(1) << 100 << 0;
    }

    void sameAsSha256sumOfRead()
    {
        QFETCH(quint64, virtualSize);
        QFETCH(quint64, backingSize);
        QFETCH(int, dataPercent);
        QFETCH(int, bitsPercent);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QRandomGenerator random{quint32(virtualSize)};
        CreateOptions options;
        options.addCowPath = dir.filePath(u"disk.add-cow"_s);
        options.imageFileName = "disk.raw";
        QVERIFY(makeSparseRandomFile(dir.filePath(u"disk.raw"_s), virtualSize, dataPercent, random));
        if (backingSize > 0) {
            QVERIFY(makeSparseRandomFile(dir.filePath(u"base.raw"_s), backingSize, dataPercent, random));
            options.backingFileName = "base.raw";
            options.backingFormat = "raw";
        }
        QVERIFY(create(options).ok());
        if (bitsPercent > 0)
            QVERIFY(writeRandomBitmap(options.addCowPath, clusterCountFor(virtualSize), bitsPercent, 20, random));
        {
            const Result<Image> image = Image::open(options.addCowPath);
            QVERIFY(image.ok());
            QCOMPARE(image->isAllAllocated(), backingSize == 0);
        }

        const QByteArray expected = sha256sumOfRead(options.addCowPath, virtualSize);
        QCOMPARE(expected.size(), 64);
        QCOMPARE(verifyDigest(options.addCowPath), expected);
    }
};

QTEST_GUILESS_MAIN(VerifyHashTest)
#include "verifyhashtest.moc"
