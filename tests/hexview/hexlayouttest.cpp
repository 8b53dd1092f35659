// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "hexlayout.h"

#include <QFontDatabase>
#include <QTest>

#include <algorithm>
#include <cstdlib>

using namespace AddCow;

class HexLayoutTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void scrollMappingRoundTrip_data();
    void scrollMappingRoundTrip();
    void hitTestMatchesCells_data();
    void hitTestMatchesCells();
    void bytesPerRowSetsTheWidth();
    void offsetColumnHolds64BitOffsets();
    void rowCount_data();
    void rowCount();
    void offsetDigitsFitTheSize_data();
    void offsetDigitsFitTheSize();
    void fewerOffsetDigitsMakeRowsNarrower();
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

void HexLayoutTest::hitTestMatchesCells_data()
{
    QTest::addColumn<int>("bytesPerRow");
    QTest::newRow("8 bytes a row") << 8;
    QTest::newRow("16 bytes a row") << 16;
    QTest::newRow("32 bytes a row") << 32;
}

void HexLayoutTest::hitTestMatchesCells()
{
    QFETCH(int, bytesPerRow);
    HexLayout layout;
    layout.setCharMetrics(9, 17, 13);
    layout.setBytesPerRow(bytesPerRow);
    QCOMPARE(layout.bytesPerRow(), bytesPerRow);
    for (int row : {0, 3}) {
        for (int column = 0; column < bytesPerRow; ++column) {
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
    // Cells do not overlap and keep their order; every group of 8 is followed by a wider gap.
    for (int column = 1; column < bytesPerRow; ++column) {
        QVERIFY(layout.hexColumnX(column) >= layout.hexColumnX(column - 1) + layout.hexCellWidth());
        QVERIFY(layout.asciiColumnX(column) >= layout.asciiColumnX(column - 1) + layout.asciiCellWidth());
        const int step = layout.hexColumnX(column) - layout.hexColumnX(column - 1);
        if (column % HexLayout::GroupBytes == 0)
            QVERIFY(step > 3 * 9);
        else
            QCOMPARE(step, 3 * 9);
    }
    QVERIFY(layout.asciiColumnX(0) > layout.hexColumnX(bytesPerRow - 1) + layout.hexCellWidth());
    QVERIFY(layout.totalWidth() > layout.asciiColumnX(bytesPerRow - 1) + layout.asciiCellWidth());
}

void HexLayoutTest::bytesPerRowSetsTheWidth()
{
    HexLayout layout;
    layout.setCharMetrics(7, 16, 12);
    layout.setOffsetDigits(8);
    // 76 characters at 16 bytes (see hexlayout.cpp), 43 at 8, 142 at 32 (three group gaps).
    QCOMPARE(layout.totalWidth(), 76 * 7);
    layout.setBytesPerRow(8);
    QCOMPARE(layout.totalWidth(), 43 * 7);
    layout.setBytesPerRow(32);
    QCOMPARE(layout.totalWidth(), 142 * 7);
    QVERIFY(HexLayout::isBytesPerRow(8) && HexLayout::isBytesPerRow(16) && HexLayout::isBytesPerRow(32));
    QVERIFY(!HexLayout::isBytesPerRow(0) && !HexLayout::isBytesPerRow(12) && !HexLayout::isBytesPerRow(64));
    layout.setBytesPerRow(5);
    QCOMPARE(layout.bytesPerRow(), 8);
    layout.setBytesPerRow(1000);
    QCOMPARE(layout.bytesPerRow(), 32);
    QCOMPARE(layout.rowCount(100), quint64(4));
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
    QTest::addColumn<int>("bytesPerRow");
    QTest::addColumn<quint64>("rows");
    QTest::newRow("empty") << quint64(0) << 16 << quint64(1);
    QTest::newRow("one byte") << quint64(1) << 16 << quint64(1);
    QTest::newRow("one row") << quint64(16) << 16 << quint64(1);
    QTest::newRow("partial row") << quint64(17) << 16 << quint64(2);
    QTest::newRow("8 TiB") << (quint64(8) << 40) << 16 << (quint64(8) << 36);
    QTest::newRow("max") << ~quint64(0) << 16 << (~quint64(0) / 16 + 1);
    QTest::newRow("8 a row, partial row") << quint64(17) << 8 << quint64(3);
    QTest::newRow("32 a row, max") << ~quint64(0) << 32 << (~quint64(0) / 32 + 1);
}

void HexLayoutTest::rowCount()
{
    QFETCH(quint64, sizeBytes);
    QFETCH(int, bytesPerRow);
    QFETCH(quint64, rows);
    QCOMPARE(HexLayout::rowCount(sizeBytes, bytesPerRow), rows);
}

void HexLayoutTest::offsetDigitsFitTheSize_data()
{
    QTest::addColumn<quint64>("sizeBytes");
    QTest::addColumn<int>("digits");
    QTest::newRow("empty") << quint64(0) << 8;
    QTest::newRow("256 MiB") << (quint64(256) << 20) << 8;
    QTest::newRow("4 GiB, last offset ffffffff") << (quint64(4) << 30) << 8;
    QTest::newRow("4 GiB + 1") << (quint64(4) << 30) + 1 << 9;
    QTest::newRow("8 TiB") << (quint64(8) << 40) << 11;
    QTest::newRow("8 TiB + 1") << (quint64(8) << 40) + 1 << 11;
    QTest::newRow("max") << ~quint64(0) << 16;
}

void HexLayoutTest::offsetDigitsFitTheSize()
{
    QFETCH(quint64, sizeBytes);
    QFETCH(int, digits);
    QCOMPARE(HexLayout::offsetDigitsFor(sizeBytes), digits);
    // The largest offset printed with that many digits is not cut.
    if (sizeBytes > 0)
        QVERIFY(QString::number(sizeBytes - 1, 16).size() <= digits);
}

void HexLayoutTest::fewerOffsetDigitsMakeRowsNarrower()
{
    HexLayout layout;
    layout.setCharMetrics(7.2, 17, 13); // a fractional advance, as fonts have
    const int wide = layout.totalWidth();
    layout.setOffsetDigits(8);
    QCOMPARE(layout.offsetDigits(), 8);
    // 8 digits fewer, 8 characters narrower (give or take the rounding of fractional pixels).
    QVERIFY(std::abs(wide - layout.totalWidth() - qRound(8 * 7.2)) <= 1);
    QVERIFY(layout.offsetColumnWidth() >= qRound(8 * 7.2) - 1);
    QVERIFY(layout.hexColumnX(0) > layout.offsetColumnX() + layout.offsetColumnWidth());
    // Cells still do not overlap with a fractional advance; the ninth byte starts a wider gap.
    for (int column = 1; column < layout.bytesPerRow(); ++column) {
        QVERIFY(layout.hexColumnX(column) > layout.hexColumnX(column - 1) + layout.hexCellWidth());
        QCOMPARE(layout.asciiCellRect(0, column - 1).right() + 1, layout.asciiCellRect(0, column).left());
    }
    QVERIFY(layout.hexColumnX(8) - layout.hexColumnX(7) > layout.hexColumnX(7) - layout.hexColumnX(6));
    // Clamped to 8..16.
    layout.setOffsetDigits(3);
    QCOMPARE(layout.offsetDigits(), HexLayout::MinOffsetDigits);
    layout.setOffsetDigits(40);
    QCOMPARE(layout.offsetDigits(), HexLayout::OffsetDigits);
}

QTEST_MAIN(HexLayoutTest)
#include "hexlayouttest.moc"
