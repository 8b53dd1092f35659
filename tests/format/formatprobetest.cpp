// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "../qemuimgcreate.h"
#include "formatprobe.h"
#include "header.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>

using namespace AddCow;
using namespace Qt::StringLiterals;

class FormatProbeTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void qemuImages_data();
    void qemuImages();
    void addCowFile();
    void handMadeStarts_data();
    void handMadeStarts();
    void errors();

private:
    QString m_qemuImg;
};

void FormatProbeTest::initTestCase()
{
    m_qemuImg = QStandardPaths::findExecutable(u"qemu-img"_s);
}

void FormatProbeTest::qemuImages_data()
{
    QTest::addColumn<QString>("createFormat");
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("qcow2") << u"qcow2"_s << QStringList() << QByteArray("qcow2");
    QTest::newRow("qcow2 v2") << u"qcow2"_s << QStringList{u"-o"_s, u"compat=0.10"_s} << QByteArray("qcow2");
    QTest::newRow("qcow") << u"qcow"_s << QStringList() << QByteArray("qcow");
    QTest::newRow("vmdk") << u"vmdk"_s << QStringList() << QByteArray("vmdk");
    QTest::newRow("vmdk text descriptor") << u"vmdk"_s << QStringList{u"-o"_s, u"subformat=monolithicFlat"_s} << QByteArray("vmdk");
    QTest::newRow("vdi") << u"vdi"_s << QStringList() << QByteArray("vdi");
    QTest::newRow("vpc") << u"vpc"_s << QStringList() << QByteArray("vpc");
    QTest::newRow("vpc fixed, footer only") << u"vpc"_s << QStringList{u"-o"_s, u"subformat=fixed"_s} << QByteArray("vpc");
    QTest::newRow("vhdx") << u"vhdx"_s << QStringList() << QByteArray("vhdx");
    QTest::newRow("qed") << u"qed"_s << QStringList() << QByteArray("qed");
    QTest::newRow("parallels") << u"parallels"_s << QStringList() << QByteArray("parallels");
    QTest::newRow("luks") << u"luks"_s
                          << QStringList{u"--object"_s, u"secret,id=key,data=swordfish"_s, u"-o"_s, u"key-secret=key,iter-time=10"_s}
                          << QByteArray("luks");
    QTest::newRow("raw") << u"raw"_s << QStringList() << QByteArray("raw");
}

void FormatProbeTest::qemuImages()
{
    QFETCH(QString, createFormat);
    QFETCH(QStringList, options);
    QFETCH(QByteArray, expected);

    if (m_qemuImg.isEmpty())
        QSKIP("qemu-img is not installed");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"image."_s + createFormat);
    QString errorText;
    const int exitCode = TestSupport::qemuImgCreate(QStringList{u"-q"_s, u"-f"_s, createFormat} + options + QStringList{path, u"4M"_s}, &errorText);
    QVERIFY2(exitCode == 0, qPrintable(errorText));

    const Result<QByteArray> format = probeFormat(path);
    QVERIFY2(format.ok(), qPrintable(format.error().message()));
    QCOMPARE(format.value(), expected);
}

void FormatProbeTest::addCowFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"a.add-cow"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(Header::make("a.raw", "raw", {}, {}, FeatureAllAllocated).serialize());
    file.write(QByteArray(65536, '\0'));
    file.close();
    const Result<QByteArray> format = probeFormat(path);
    QVERIFY(format.ok());
    QCOMPARE(format.value(), QByteArray("add-cow"));
}

void FormatProbeTest::handMadeStarts_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("empty file") << QByteArray() << QByteArray("raw");
    QTest::newRow("zeros") << QByteArray(4096, '\0') << QByteArray("raw");
    QTest::newRow("qcow magic with unknown version") << QByteArray("QFI\xfb\0\0\0\x09", 8) + QByteArray(504, '\0') << QByteArray("raw");
    QTest::newRow("R2 later ACOW layout is not add-cow v1") << QByteArray("ACOW") + QByteArray(508, '\0') << QByteArray("raw");
    QTest::newRow("vmdk3 COWD") << QByteArray("COWD") + QByteArray(508, '\0') << QByteArray("vmdk");
    QTest::newRow("vmdk descriptor") << QByteArray("# Disk DescriptorFile\nversion=1\ncreateType=\"monolithicFlat\"\n") << QByteArray("vmdk");
    QTest::newRow("magic-like text later in the file") << QByteArray(600, 'x') + QByteArray("QFI\xfb\0\0\0\3", 8) << QByteArray("raw");
}

void FormatProbeTest::handMadeStarts()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QByteArray, expected);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"file.img"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
    file.close();
    const Result<QByteArray> format = probeFormat(path);
    QVERIFY(format.ok());
    QCOMPARE(format.value(), expected);
}

void FormatProbeTest::errors()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString missing = dir.filePath(u"nothing.img"_s);
    const Result<QByteArray> noFile = probeFormat(missing);
    QVERIFY(!noFile.ok());
    QCOMPARE(noFile.error().code, ErrorCode::FileMissing);
    QCOMPARE(noFile.error().path, missing);

    const Result<QByteArray> directory = probeFormat(dir.path());
    QVERIFY(!directory.ok());
    QCOMPARE(directory.error().code, ErrorCode::Io);
    QCOMPARE(directory.error().errnoValue, EISDIR);
}

QTEST_GUILESS_MAIN(FormatProbeTest)

#include "formatprobetest.moc"
