// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "header.h"
#include "headerparser.h"

#include <QTest>

using namespace AddCow;
using namespace Qt::StringLiterals;

namespace
{

// The expected header, laid out by hand from the spec's byte table.
QByteArray expectedBytes(const QByteArray &imageName, const QByteArray &imageFormat, const QByteArray &backingName,
                         const QByteArray &backingFormat, quint64 features)
{
    QByteArray b(4096, '\0');
    const auto put32 = [&b](int offset, quint32 v) {
        b[offset] = char(v & 0xff);
        b[offset + 1] = char((v >> 8) & 0xff);
        b[offset + 2] = char((v >> 16) & 0xff);
        b[offset + 3] = char((v >> 24) & 0xff);
    };
    const auto put = [&b](int offset, const QByteArray &bytes) {
        for (int i = 0; i < bytes.size(); ++i)
            b[offset + i] = bytes[i];
    };
    put(0, QByteArray("\x41\x44\x44\x5f\x43\x4f\x57\xff", 8)); // R2
    put32(8, 1);                                              // R3
    if (!backingName.isEmpty()) {
        put32(12, 80 + quint32(imageName.size()));
        put32(16, quint32(backingName.size()));
    }
    put32(20, 80);
    put32(24, quint32(imageName.size()));
    for (int i = 0; i < 8; ++i)
        b[28 + i] = char((features >> (8 * i)) & 0xff);
    put32(44, 1); // R20: writers write one page
    put(48, backingFormat);
    put(64, imageFormat);
    put(80, imageName);
    put(80 + int(imageName.size()), backingName);
    return b;
}

} // namespace

class HeaderTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void makeSerializesByteExactly_data();
    void makeSerializesByteExactly();
    void makeFields();
    void formatFieldsAreCutAt16Bytes();
    void serializeKeepsStoredFieldsExactly();
    void serializeMultiPage();
    void formatValues_data();
    void formatValues();
};

void HeaderTest::makeSerializesByteExactly_data()
{
    QTest::addColumn<QByteArray>("imageName");
    QTest::addColumn<QByteArray>("imageFormat");
    QTest::addColumn<QByteArray>("backingName");
    QTest::addColumn<QByteArray>("backingFormat");
    QTest::addColumn<quint64>("features");

    QTest::newRow("R20 with a backing file") << QByteArray("disk.raw") << QByteArray("raw") << QByteArray("/srv/base.img") << QByteArray("raw")
                                             << quint64(0);
    QTest::newRow("R14 no backing file, ALL_ALLOCATED") << QByteArray("disk.raw") << QByteArray("raw") << QByteArray() << QByteArray()
                                                        << quint64(FeatureAllAllocated);
    QTest::newRow("R5 UTF-8 names are kept as bytes") << QByteArray("d\xc3\xa9j\xc3\xa0.raw") << QByteArray("raw")
                                                      << QByteArray("../b\xc3\xa4se.raw") << QByteArray("raw") << quint64(0);
    QTest::newRow("R9 16-byte format without NUL") << QByteArray("i") << QByteArray("raw") << QByteArray("b")
                                                   << QByteArray("0123456789abcdef") << quint64(0);
    QTest::newRow("R5 longest image name without backing") << QByteArray(4015, 'n') << QByteArray("raw") << QByteArray() << QByteArray()
                                                           << quint64(1);
}

void HeaderTest::makeSerializesByteExactly()
{
    QFETCH(QByteArray, imageName);
    QFETCH(QByteArray, imageFormat);
    QFETCH(QByteArray, backingName);
    QFETCH(QByteArray, backingFormat);
    QFETCH(quint64, features);

    const Header header = Header::make(imageName, imageFormat, backingName, backingFormat, features);
    const QByteArray bytes = header.serialize();
    QCOMPARE(bytes.size(), 4096);
    QCOMPARE(bytes, expectedBytes(imageName, imageFormat, backingName, backingFormat, features));

    // Round trip: the parser reads back exactly the header that was made.
    const HeaderParse parse = parseHeader(bytes);
    QVERIFY(parse.complete);
    QCOMPARE(parse.header, header);
    QCOMPARE(parse.header.serialize(), bytes);
    // R9: any printable backing format parses; whether QEMU reads it is for Image::open to ask.
    QVERIFY(!parse.hasErrors());
}

void HeaderTest::makeFields()
{
    const Header h = Header::make("img.raw", "raw", "base.raw", "raw", 0);
    QCOMPARE(h.magic, QByteArray("ADD_COW\xff", 8));
    QCOMPARE(h.version, 1u);
    QCOMPARE(h.headerPagesSize, 1u);
    QCOMPARE(h.headerSizeBytes(), quint64(4096));
    QCOMPARE(h.optionalFeatures, quint64(0));
    QCOMPARE(h.imageFileNameOffset, 80u);
    QCOMPARE(h.imageFileNameSize, 7u);
    QCOMPARE(h.backingFileNameOffset, 87u);
    QCOMPARE(h.backingFileNameSize, 8u);
    QVERIFY(h.hasBackingFile());
    QVERIFY(!h.isAllAllocated());
    QCOMPARE(h.backingFormatField.size(), 16);
    QCOMPARE(h.imageFormatField.size(), 16);

    const Header alone = Header::make("img.raw", "raw", {}, {}, FeatureAllAllocated);
    QVERIFY(!alone.hasBackingFile());
    QCOMPARE(alone.backingFileNameOffset, 0u);
    QCOMPARE(alone.backingFileNameSize, 0u);
    QVERIFY(alone.isAllAllocated());
    QCOMPARE(alone.backingFormatField, QByteArray(16, '\0'));
}

void HeaderTest::formatFieldsAreCutAt16Bytes()
{
    // R9: the field is 16 bytes; a longer value cannot be stored and is cut.
    const Header h = Header::make("i", "raw", "b", "0123456789abcdefXYZ", 0);
    QCOMPARE(h.backingFormat(), QByteArray("0123456789abcdef"));
    const QByteArray bytes = h.serialize();
    QCOMPARE(bytes.mid(48, 16), QByteArray("0123456789abcdef"));
    QCOMPARE(bytes.mid(64, 16), QByteArray("raw\0\0\0\0\0\0\0\0\0\0\0\0\0", 16));
}

void HeaderTest::serializeKeepsStoredFieldsExactly()
{
    // A header that breaks rules is still written as stored, so tests and repair tools can
    // produce corrupt files on purpose. Bytes no name covers stay zero (R10).
    Header h = Header::make("disk.raw", "raw", "base.raw", "raw", 0);
    h.version = 0x01020304;
    h.features = 0x8877665544332211ULL;
    h.optionalFeatures = 0x42;
    h.backingFileNameOffset = 2000;
    h.backingFormatField = QByteArray("raw\0junk", 8);
    const QByteArray bytes = h.serialize();
    QCOMPARE(bytes.size(), 4096);
    QCOMPARE(bytes.mid(8, 4), QByteArray("\x04\x03\x02\x01", 4)); // R1: little-endian
    QCOMPARE(bytes.mid(28, 8), QByteArray("\x11\x22\x33\x44\x55\x66\x77\x88", 8));
    QCOMPARE(bytes.mid(36, 8), QByteArray("\x42\0\0\0\0\0\0\0", 8));
    QCOMPARE(bytes.mid(12, 4), QByteArray("\xd0\x07\0\0", 4));
    QCOMPARE(bytes.mid(48, 16), QByteArray("raw\0junk\0\0\0\0\0\0\0\0", 16));
    QCOMPARE(bytes.mid(2000, 8), QByteArray("base.raw"));
    QCOMPARE(bytes.mid(88, 8), QByteArray(8, '\0'));
    // Non-zero: magic 8, version 4, backing offset 2, three one-byte sizes/offsets, features 8,
    // optional features 1, pages 1, backing format 7, image format 3, names 16.
    QCOMPARE(bytes.count('\0'), 4096 - 53);

    // A header pages size outside 1-256 (R4) keeps its value in a one-page header.
    h.headerPagesSize = 0;
    QCOMPARE(h.serialize().size(), 4096);
    QCOMPARE(h.serialize().mid(44, 4), QByteArray(4, '\0'));
}

void HeaderTest::serializeMultiPage()
{
    // R1: HEADER_SIZE = 4096 * header pages size.
    Header h = Header::make("disk.raw", "raw", {}, {}, FeatureAllAllocated);
    h.headerPagesSize = 2;
    h.backingFileName = "far.raw";
    h.backingFileNameOffset = 8000;
    h.backingFileNameSize = 7;
    h.backingFormatField = QByteArray("raw").leftJustified(16, '\0');
    const QByteArray bytes = h.serialize();
    QCOMPARE(bytes.size(), 8192);
    QCOMPARE(bytes.mid(44, 4), QByteArray("\x02\0\0\0", 4));
    QCOMPARE(bytes.mid(8000, 7), QByteArray("far.raw"));
    const HeaderParse parse = parseHeader(bytes);
    QVERIFY(parse.findings.isEmpty());
    QCOMPARE(parse.header, h);
}

void HeaderTest::formatValues_data()
{
    QTest::addColumn<QByteArray>("field");
    QTest::addColumn<QByteArray>("value");

    QTest::newRow("R9 zero padded") << QByteArray("raw\0\0\0\0\0\0\0\0\0\0\0\0\0", 16) << QByteArray("raw");
    QTest::newRow("R9 all 16 bytes used") << QByteArray("0123456789abcdef") << QByteArray("0123456789abcdef");
    QTest::newRow("R9 value ends at the first NUL") << QByteArray("raw\0qcow2\0\0\0\0\0\0\0", 16) << QByteArray("raw");
    QTest::newRow("R9 empty") << QByteArray(16, '\0') << QByteArray();
}

void HeaderTest::formatValues()
{
    QFETCH(QByteArray, field);
    QFETCH(QByteArray, value);

    Header h;
    h.backingFormatField = field;
    h.imageFormatField = field;
    QCOMPARE(h.backingFormat(), value);
    QCOMPARE(h.imageFormat(), value);
}

QTEST_GUILESS_MAIN(HeaderTest)

#include "headertest.moc"
