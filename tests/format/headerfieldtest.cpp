// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "headerfield.h"

#include <QTest>

#include <cstring>

using namespace AddCow;

class HeaderFieldTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fixedFields_data();
    void fixedFields();
    void fixedFieldsTileBytes0To79();
    void variablePartsHaveNames();
};

void HeaderFieldTest::fixedFields_data()
{
    QTest::addColumn<int>("field");
    QTest::addColumn<quint32>("offset");
    QTest::addColumn<quint32>("length");
    QTest::addColumn<QByteArray>("name");

    // The spec's byte table (R1-R9).
    QTest::newRow("R2 magic") << int(HeaderField::Magic) << 0u << 8u << QByteArray("magic");
    QTest::newRow("R3 version") << int(HeaderField::Version) << 8u << 4u << QByteArray("version");
    QTest::newRow("R5 backing file name offset") << int(HeaderField::BackingFileNameOffset) << 12u << 4u
                                                 << QByteArray("backing file name offset");
    QTest::newRow("R5 backing file name size") << int(HeaderField::BackingFileNameSize) << 16u << 4u << QByteArray("backing file name size");
    QTest::newRow("R5 image file name offset") << int(HeaderField::ImageFileNameOffset) << 20u << 4u << QByteArray("image file name offset");
    QTest::newRow("R5 image file name size") << int(HeaderField::ImageFileNameSize) << 24u << 4u << QByteArray("image file name size");
    QTest::newRow("R7 features") << int(HeaderField::Features) << 28u << 8u << QByteArray("features");
    QTest::newRow("R8 optional features") << int(HeaderField::OptionalFeatures) << 36u << 8u << QByteArray("optional features");
    QTest::newRow("R4 header pages size") << int(HeaderField::HeaderPagesSize) << 44u << 4u << QByteArray("header pages size");
    QTest::newRow("R9 backing file format") << int(HeaderField::BackingFormat) << 48u << 16u << QByteArray("backing file format");
    QTest::newRow("R9 image file format") << int(HeaderField::ImageFormat) << 64u << 16u << QByteArray("image file format");
}

void HeaderFieldTest::fixedFields()
{
    QFETCH(int, field);
    QFETCH(quint32, offset);
    QFETCH(quint32, length);
    QFETCH(QByteArray, name);

    const HeaderFieldInfo &info = headerFieldInfo(HeaderField(field));
    QCOMPARE(int(info.field), field);
    QCOMPARE(info.offsetBytes, offset);
    QCOMPARE(info.lengthBytes, length);
    QCOMPARE(QByteArray(info.name), name);
    QCOMPARE(QByteArray(headerFieldName(HeaderField(field))), name);
}

void HeaderFieldTest::fixedFieldsTileBytes0To79()
{
    // R1: the fixed fields cover bytes 0-79 without gaps or overlaps, in file order.
    quint32 next = 0;
    for (int f = int(HeaderField::Magic); f <= int(HeaderField::ImageFormat); ++f) {
        const HeaderFieldInfo &info = headerFieldInfo(HeaderField(f));
        QCOMPARE(info.offsetBytes, next);
        next += info.lengthBytes;
    }
    QCOMPARE(next, 80u);
}

void HeaderFieldTest::variablePartsHaveNames()
{
    const struct {
        HeaderField field;
        const char *name;
    } parts[] = {
        {HeaderField::NameArea, "name area"},
        {HeaderField::BackingFileName, "backing file name"},
        {HeaderField::ImageFileName, "image file name"},
        {HeaderField::Bitmap, "COW bitmap"},
        {HeaderField::BackingFile, "backing file"},
        {HeaderField::ImageFile, "image file"},
        {HeaderField::AddCowFile, "add-cow file"},
    };
    for (const auto &part : parts) {
        QCOMPARE(headerFieldName(part.field), part.name);
        QCOMPARE(headerFieldInfo(part.field).lengthBytes, 0u);
        QCOMPARE(int(headerFieldInfo(part.field).field), int(part.field));
    }
    QCOMPARE(headerFieldInfo(HeaderField::NameArea).offsetBytes, 80u);
}

QTEST_GUILESS_MAIN(HeaderFieldTest)

#include "headerfieldtest.moc"
