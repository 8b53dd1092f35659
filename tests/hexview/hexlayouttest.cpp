// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "hexlayout.h"

#include <QFontDatabase>
#include <QTest>

#include <algorithm>

using namespace AddCow;

class HexLayoutTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void scrollMappingRoundTrip_data();
    void scrollMappingRoundTrip();
    void hitTestMatchesCells();
    void offsetColumnHolds64BitOffsets();
    void rowCount_data();
    void rowCount();
};

void HexLayoutTest::scrollMappingRoundTrip_data()
{
    QTest::addColumn<quint64>("maxTopRow");
    QTest::newRow("small file") << quint64(1000);
    QTest::newRow("exactly the int limit") << HexLayout::MaxScrollValue;
    QTest::newRow("one row past the int limit") << HexLayout::MaxScrollValue + 1;
    QTest::newRow("8 TiB") << ((quint64(8) << 40) / 16 - 30);
    QTest::newRow("64-bit offsets") << (~quint64(0) / 16 - 30);
}

void HexLayoutTest::scrollMappingRoundTrip()
{
    QFETCH(quint64, maxTopRow);
    const int maximum = HexLayout::scrollMaximum(maxTopRow);
    QVERIFY(quint64(maximum) <= HexLayout::MaxScrollValue);
    QVERIFY(maximum > 0);
    const quint64 step = HexLayout::rowsPerScrollStep(maxTopRow);
    QCOMPARE(step == 1, maxTopRow <= HexLayout::MaxScrollValue);

    QList<quint64> rows = {0, 1, step - 1, step, step + 1, maxTopRow / 3, maxTopRow / 2 + 7, maxTopRow - step, maxTopRow - 1, maxTopRow};
    std::sort(rows.begin(), rows.end());
    int previousValue = -1;
    for (const quint64 row : rows) {
        const int value = HexLayout::scrollValueForRow(row, maxTopRow);
        QVERIFY(value >= previousValue); // monotonic
        previousValue = value;
        QVERIFY(value >= 0 && value <= maximum);
        const quint64 back = HexLayout::rowForScrollValue(value, maxTopRow);
        // The row a value leads to is within one step of the row it came from, never after it,
        // except at the very end where the last value reaches the last row.
        if (row == maxTopRow) {
            QCOMPARE(back, maxTopRow);
        } else {
            QVERIFY2(back <= row && row - back < step, qPrintable(QString::number(row)));
        }
        QCOMPARE(HexLayout::scrollValueForRow(back, maxTopRow), value);
    }
    for (const int value : {0, 1, maximum / 2, maximum - 1, maximum})
        QCOMPARE(HexLayout::scrollValueForRow(HexLayout::rowForScrollValue(value, maxTopRow), maxTopRow), value);
    QCOMPARE(HexLayout::rowForScrollValue(maximum, maxTopRow), maxTopRow);
    QCOMPARE(HexLayout::rowForScrollValue(0, maxTopRow), quint64(0));
}

void HexLayoutTest::hitTestMatchesCells()
{
    HexLayout layout;
    layout.setCharMetrics(9, 17, 13);
    for (int row : {0, 3}) {
        for (int column = 0; column < HexLayout::BytesPerRow; ++column) {
            const QRect hex = layout.hexCellRect(row, column);
            HexLayout::Hit hit = layout.hitTest(QPoint(hex.left() + 2, hex.center().y()));
            QCOMPARE(hit.area, HexLayout::Area::Hex);
            QCOMPARE(hit.visibleRow, row);
            QCOMPARE(hit.byteColumn, column);
            QCOMPARE(hit.nibble, 0);
            hit = layout.hitTest(QPoint(hex.right() - 1, hex.center().y()));
            QCOMPARE(hit.byteColumn, column);
            QCOMPARE(hit.nibble, 1);

            const QRect ascii = layout.asciiCellRect(row, column);
            hit = layout.hitTest(ascii.center());
            QCOMPARE(hit.area, HexLayout::Area::Ascii);
            QCOMPARE(hit.visibleRow, row);
            QCOMPARE(hit.byteColumn, column);
        }
    }
    QCOMPARE(layout.hitTest(QPoint(layout.offsetColumnX() + 3, 5)).area, HexLayout::Area::Offset);
    QCOMPARE(layout.hitTest(QPoint(layout.totalWidth() + 50, 5)).area, HexLayout::Area::None);
    // Cells do not overlap and keep their order.
    for (int column = 1; column < HexLayout::BytesPerRow; ++column) {
        QVERIFY(layout.hexColumnX(column) >= layout.hexColumnX(column - 1) + layout.hexCellWidth());
        QVERIFY(layout.asciiColumnX(column) >= layout.asciiColumnX(column - 1) + layout.asciiCellWidth());
    }
    QVERIFY(layout.asciiColumnX(0) > layout.hexColumnX(15) + layout.hexCellWidth());
}

void HexLayoutTest::offsetColumnHolds64BitOffsets()
{
    const QFontMetrics metrics(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    const HexLayout layout(metrics);
    QVERIFY(layout.offsetColumnWidth() >= metrics.horizontalAdvance(QStringLiteral("ffffffffffffffff")));
    QVERIFY(layout.hexColumnX(0) >= layout.offsetColumnX() + layout.offsetColumnWidth());
    QCOMPARE(layout.lineHeight(), metrics.height());
}

void HexLayoutTest::rowCount_data()
{
    QTest::addColumn<quint64>("sizeBytes");
    QTest::addColumn<quint64>("rows");
    QTest::newRow("empty") << quint64(0) << quint64(1);
    QTest::newRow("one byte") << quint64(1) << quint64(1);
    QTest::newRow("one row") << quint64(16) << quint64(1);
    QTest::newRow("partial row") << quint64(17) << quint64(2);
    QTest::newRow("8 TiB") << (quint64(8) << 40) << (quint64(8) << 36);
    QTest::newRow("max") << ~quint64(0) << (~quint64(0) / 16 + 1);
}

void HexLayoutTest::rowCount()
{
    QFETCH(quint64, sizeBytes);
    QFETCH(quint64, rows);
    QCOMPARE(HexLayout::rowCount(sizeBytes), rows);
}

QTEST_MAIN(HexLayoutTest)
#include "hexlayouttest.moc"
