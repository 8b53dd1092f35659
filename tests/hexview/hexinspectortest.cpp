// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "hexinspectormodel.h"
#include "hexinspectorview.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QHeaderView>
#include <QTest>
#include <QTreeView>

using namespace AddCow;
using Type = HexInspectorModel::Type;
using Endian = HexInspectorModel::Endian;

/**
 * The data inspector's values at known bytes, for every type in both byte orders. Expected
 * values were worked out by hand (integers) and with Python's struct module (floats, shortest
 * text that reads back as the same value).
 */
class HexInspectorTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void decode_data();
    void decode();
    void everyTypeHasARow();
    void tooFewBytes();
    void viewShowsWhereAndCopies();
};

void HexInspectorTest::decode_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("type");
    QTest::addColumn<QString>("little");
    QTest::addColumn<QString>("big");
    const QByteArray ints = QByteArray::fromHex("8102030405060788");
    QTest::newRow("binary 8") << ints << int(Type::Binary8) << QStringLiteral("10000001") << QStringLiteral("10000001");
    QTest::newRow("octal 8") << ints << int(Type::Octal8) << QStringLiteral("201") << QStringLiteral("201");
    QTest::newRow("hex 8") << ints << int(Type::Hex8) << QStringLiteral("81") << QStringLiteral("81");
    QTest::newRow("signed 8") << ints << int(Type::Signed8) << QStringLiteral("-127") << QStringLiteral("-127");
    QTest::newRow("unsigned 8") << ints << int(Type::Unsigned8) << QStringLiteral("129") << QStringLiteral("129");
    QTest::newRow("signed 16") << ints << int(Type::Signed16) << QStringLiteral("641") << QStringLiteral("-32510");
    QTest::newRow("unsigned 16") << ints << int(Type::Unsigned16) << QStringLiteral("641") << QStringLiteral("33026");
    QTest::newRow("signed 32") << ints << int(Type::Signed32) << QStringLiteral("67306113") << QStringLiteral("-2130574588");
    QTest::newRow("unsigned 32") << ints << int(Type::Unsigned32) << QStringLiteral("67306113") << QStringLiteral("2164392708");
    QTest::newRow("signed 64") << ints << int(Type::Signed64) << QStringLiteral("-8644934341102468479") << QStringLiteral("-9150748177064392824");
    QTest::newRow("unsigned 64") << ints << int(Type::Unsigned64) << QStringLiteral("9801809732607083137") << QStringLiteral("9295995896645158792");
    QTest::newRow("float 32, 1.5 little-endian") << QByteArray::fromHex("0000c03f") << int(Type::Float32) << QStringLiteral("1.5")
                                                << QStringLiteral("6.8965e-41");
    QTest::newRow("float 32, pi big-endian") << QByteArray::fromHex("40490fdb") << int(Type::Float32) << QStringLiteral("-4.033146e+16")
                                            << QStringLiteral("3.1415927");
    QTest::newRow("float 64, pi little-endian") << QByteArray::fromHex("182d4454fb210940") << int(Type::Float64)
                                               << QStringLiteral("3.141592653589793") << QStringLiteral("3.207375630676366e-192");
    QTest::newRow("float 64, -2.25 little-endian") << QByteArray::fromHex("00000000000002c0") << int(Type::Float64) << QStringLiteral("-2.25")
                                                  << QStringLiteral("3.48e-321");
    QTest::newRow("float 32, infinity") << QByteArray::fromHex("0000807f") << int(Type::Float32) << QStringLiteral("inf")
                                       << QStringLiteral("4.6096e-41");
    QTest::newRow("character 8") << QByteArrayLiteral("A") << int(Type::Character8) << QStringLiteral("A") << QStringLiteral("A");
    QTest::newRow("character 8, newline") << QByteArrayLiteral("\n") << int(Type::Character8) << QStringLiteral("\\n") << QStringLiteral("\\n");
    QTest::newRow("character 8, Latin-1") << QByteArray::fromHex("e9") << int(Type::Character8) << QStringLiteral("é") << QStringLiteral("é");
    QTest::newRow("character 8, C1 control") << ints << int(Type::Character8) << QStringLiteral("\\x81") << QStringLiteral("\\x81");
    QTest::newRow("UTF-8 up to the NUL") << QByteArray("Gr\xc3\xbc\xc3\x9f" "e\0xyz", 10) << int(Type::Utf8) << QStringLiteral("\"Grüße\"")
                                         << QStringLiteral("\"Grüße\"");
    QTest::newRow("UTF-8 control characters escaped") << QByteArray("A\nB\0", 4) << int(Type::Utf8) << QStringLiteral("\"A\\nB\"")
                                                      << QStringLiteral("\"A\\nB\"");
    QTest::newRow("UTF-8 stops before an invalid byte") << QByteArray("ab\xff", 3) << int(Type::Utf8) << QStringLiteral("\"ab\"")
                                                        << QStringLiteral("\"ab\"");
    QTest::newRow("UTF-8 invalid at the cursor") << QByteArray::fromHex("ff41") << int(Type::Utf8) << QString() << QString();
    QTest::newRow("UTF-8 overlong") << QByteArray::fromHex("c080") << int(Type::Utf8) << QString() << QString();
    QTest::newRow("UTF-8 cut short") << QByteArray::fromHex("e282") << int(Type::Utf8) << QString() << QString();
    QTest::newRow("UTF-8 four bytes") << QByteArray::fromHex("f09f988000") << int(Type::Utf8) << QStringLiteral("\"😀\"") << QStringLiteral("\"😀\"");
    QTest::newRow("UTF-8 at most 16 characters") << QByteArray(40, 'x') << int(Type::Utf8) << QStringLiteral("\"xxxxxxxxxxxxxxxx\"")
                                                 << QStringLiteral("\"xxxxxxxxxxxxxxxx\"");
    QTest::newRow("UTF-16") << QByteArray::fromHex("480069000000") << int(Type::Utf16) << QStringLiteral("\"Hi\"") << QStringLiteral("\"䠀椀\"");
    QTest::newRow("UTF-16 surrogate pair") << QByteArray::fromHex("3dd800de") << int(Type::Utf16) << QStringLiteral("\"😀\"")
                                           << QStringLiteral("\"㷘Þ\"");
    QTest::newRow("UTF-16 lone low surrogate") << QByteArray::fromHex("00dc") << int(Type::Utf16) << QString() << QStringLiteral("\"Ü\"");
}

void HexInspectorTest::decode()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, type);
    QFETCH(QString, little);
    QFETCH(QString, big);
    QCOMPARE(HexInspectorModel::decode(Type(type), Endian::Little, bytes), little);
    QCOMPARE(HexInspectorModel::decode(Type(type), Endian::Big, bytes), big);
    // The table shows the same, a dash where nothing decodes.
    HexInspectorModel model;
    model.setBytes(0x1234, bytes);
    const QString dash = QStringLiteral("\u2014");
    QCOMPARE(model.index(type, HexInspectorModel::LittleEndianColumn).data().toString(), little.isEmpty() ? dash : little);
    QCOMPARE(model.index(type, HexInspectorModel::BigEndianColumn).data().toString(), big.isEmpty() ? dash : big);
}

void HexInspectorTest::everyTypeHasARow()
{
    HexInspectorModel model;
    QCOMPARE(model.rowCount(), HexInspectorModel::TypeCount);
    QCOMPARE(model.columnCount(), 3);
    QStringList names;
    for (int row = 0; row < model.rowCount(); ++row)
        names.append(model.index(row, HexInspectorModel::TypeColumn).data().toString());
    QCOMPARE(names.size(), 16);
    QCOMPARE(names.first(), QStringLiteral("Binary 8-bit"));
    QVERIFY(names.contains(QStringLiteral("Float 64-bit")));
    QVERIFY(names.contains(QStringLiteral("UTF-16")));
    QCOMPARE(model.headerData(HexInspectorModel::LittleEndianColumn, Qt::Horizontal).toString(), QStringLiteral("Little-endian"));
    QCOMPARE(model.headerData(HexInspectorModel::BigEndianColumn, Qt::Horizontal).toString(), QStringLiteral("Big-endian"));
}

void HexInspectorTest::tooFewBytes()
{
    HexInspectorModel model;
    model.setBytes(100, QByteArray::fromHex("010203"));
    for (int row = 0; row < model.rowCount(); ++row) {
        const auto type = Type(row);
        const QString value = model.index(row, HexInspectorModel::LittleEndianColumn).data().toString();
        if (HexInspectorModel::sizeOf(type) > 3) {
            QCOMPARE(value, QStringLiteral("\u2014"));
            QVERIFY(model.index(row, HexInspectorModel::LittleEndianColumn).data(Qt::ToolTipRole).toString().contains(QStringLiteral("Needs")));
        } else {
            QVERIFY2(value != QStringLiteral("\u2014"), qPrintable(HexInspectorModel::typeName(type)));
        }
    }
    QCOMPARE(model.index(int(Type::Unsigned16), HexInspectorModel::BigEndianColumn).data().toString(), QStringLiteral("258"));
    model.setBytes(200, {});
    QCOMPARE(model.index(int(Type::Unsigned8), HexInspectorModel::LittleEndianColumn).data().toString(), QStringLiteral("\u2014"));
}

void HexInspectorTest::viewShowsWhereAndCopies()
{
    HexInspectorView view;
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setBytes(QStringLiteral("Virtual disk"), 0x10, QByteArray::fromHex("8102030405060788"));
    QCOMPARE(view.locationText(), QStringLiteral("Virtual disk, offset 0x10 (16)"));
    QTreeView *tree = view.treeView();
    tree->setFocus();
    tree->setCurrentIndex(view.model()->index(int(Type::Signed16), HexInspectorModel::BigEndianColumn));
    QTest::keyClick(tree, Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("-32510"));
    tree->setCurrentIndex(view.model()->index(int(Type::Unsigned16), HexInspectorModel::TypeColumn));
    QTest::keyClick(tree, Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("Unsigned 16-bit\t641\t33026"));
    // In a narrow dock (1366x768) both value columns stay in view; a cut value is whole in its tooltip.
    view.resize(420, 400);
    QTRY_COMPARE(view.treeView()->viewport()->width(), tree->header()->sectionPosition(HexInspectorModel::BigEndianColumn)
                                                           + tree->header()->sectionSize(HexInspectorModel::BigEndianColumn));
    QVERIFY(qAbs(tree->header()->sectionSize(HexInspectorModel::LittleEndianColumn) - tree->header()->sectionSize(HexInspectorModel::BigEndianColumn)) <= 1);
    QCOMPARE(view.model()->index(int(Type::Signed16), HexInspectorModel::BigEndianColumn).data(Qt::ToolTipRole).toString(), QStringLiteral("-32510"));
    view.setBytes(QStringLiteral("Backing file"), 0x20, {});
    QCOMPARE(view.locationText(), QStringLiteral("Backing file, offset 0x20: past the end"));
    view.clear();
    QVERIFY(view.locationText().startsWith(QStringLiteral("Place the cursor")));
}

QTEST_MAIN(HexInspectorTest)
#include "hexinspectortest.moc"
