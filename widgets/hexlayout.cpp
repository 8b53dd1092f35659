// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "hexlayout.h"

#include <QString>

#include <algorithm>
#include <limits>

namespace AddCow
{

namespace
{
// In characters: half a character of margin on each side, one and a half between the offset,
// hex and ASCII areas, and one more after every eighth byte. 16 bytes with an 8-digit offset
// take 76 characters (three views fit side by side on a 1600 pixel screen), 8 bytes 43.
constexpr qreal MarginChars = 0.5;
constexpr qreal ColumnGapChars = 1.5;
constexpr qreal GroupGapChars = 1;
}

HexLayout::HexLayout() = default;

HexLayout::HexLayout(const QFontMetrics &metrics)
{
    setFontMetrics(metrics);
}

void HexLayout::setFontMetrics(const QFontMetrics &metrics)
{
    // The widest digit, so columns line up even when the "fixed" font is not (offscreen, fallbacks).
    // Measured over a whole row of each so fractional advances add up.
    int rowWidth = 0;
    for (const char ch : "0123456789abcdefABCDEFWM") {
        if (ch)
            rowWidth = std::max(rowWidth, metrics.horizontalAdvance(QString(HexLayout::OffsetDigits, QLatin1Char(ch))));
    }
    // Fractional: rounding each character up to whole pixels would waste up to a pixel a character.
    setCharMetrics(qreal(rowWidth) / HexLayout::OffsetDigits, metrics.height(), metrics.ascent());
}

int HexLayout::offsetDigitsFor(quint64 sizeBytes)
{
    const quint64 largestOffset = sizeBytes ? sizeBytes - 1 : 0;
    int digits = 1;
    for (quint64 rest = largestOffset >> 4; rest; rest >>= 4)
        ++digits;
    return std::clamp(digits, MinOffsetDigits, OffsetDigits);
}

void HexLayout::setOffsetDigits(int digits)
{
    m_offsetDigits = std::clamp(digits, MinOffsetDigits, OffsetDigits);
}

bool HexLayout::isBytesPerRow(int bytes)
{
    return bytes == 8 || bytes == 16 || bytes == 32;
}

void HexLayout::setBytesPerRow(int bytes)
{
    m_bytesPerRow = bytes <= 11 ? 8 : bytes <= 23 ? 16 : 32;
}

void HexLayout::setCharMetrics(qreal charWidthPixels, int lineHeightPixels, int ascentPixels)
{
    m_advance = std::max<qreal>(charWidthPixels, 1);
    m_charWidth = std::max(qRound(m_advance), 1);
    m_lineHeight = std::max(lineHeightPixels, 1);
    m_ascent = ascentPixels;
}

int HexLayout::pixelsFor(qreal chars) const
{
    return qRound(chars * m_advance);
}

int HexLayout::offsetColumnX() const
{
    return pixelsFor(MarginChars);
}

int HexLayout::offsetColumnWidth() const
{
    return pixelsFor(MarginChars + m_offsetDigits) - offsetColumnX();
}

qreal HexLayout::hexStartChars() const
{
    return MarginChars + m_offsetDigits + ColumnGapChars;
}

qreal HexLayout::asciiStartChars() const
{
    const int groupGaps = (m_bytesPerRow - 1) / GroupBytes;
    return hexStartChars() + m_bytesPerRow * 3 - 1 + groupGaps * GroupGapChars + ColumnGapChars;
}

int HexLayout::hexColumnX(int byteColumn) const
{
    return pixelsFor(hexStartChars() + byteColumn * 3 + (byteColumn / GroupBytes) * GroupGapChars);
}

int HexLayout::hexCellWidth() const
{
    return pixelsFor(2);
}

int HexLayout::asciiColumnX(int byteColumn) const
{
    return pixelsFor(asciiStartChars() + byteColumn);
}

int HexLayout::asciiCellWidth() const
{
    return asciiColumnX(1) - asciiColumnX(0);
}

int HexLayout::totalWidth() const
{
    return pixelsFor(asciiStartChars() + m_bytesPerRow + MarginChars);
}

QRect HexLayout::rowRect(int visibleRow, int viewportWidth) const
{
    return QRect(0, visibleRow * m_lineHeight, viewportWidth, m_lineHeight);
}

QRect HexLayout::hexCellRect(int visibleRow, int byteColumn) const
{
    return QRect(hexColumnX(byteColumn), visibleRow * m_lineHeight, hexCellWidth(), m_lineHeight);
}

QRect HexLayout::asciiCellRect(int visibleRow, int byteColumn) const
{
    const int left = asciiColumnX(byteColumn);
    return QRect(left, visibleRow * m_lineHeight, asciiColumnX(byteColumn + 1) - left, m_lineHeight);
}

int HexLayout::visibleRows(int viewportHeight) const
{
    return std::max(0, (viewportHeight + m_lineHeight - 1) / m_lineHeight);
}

int HexLayout::fullRows(int viewportHeight) const
{
    return std::max(1, viewportHeight / m_lineHeight);
}

HexLayout::Hit HexLayout::hitTest(QPoint point) const
{
    Hit hit;
    if (point.y() < 0)
        return hit;
    hit.visibleRow = point.y() / m_lineHeight;
    const int x = point.x();
    const int hexStart = hexColumnX(0) - m_charWidth;
    const int asciiStart = asciiColumnX(0) - m_charWidth;
    if (x < hexStart) {
        hit.area = Area::Offset;
        return hit;
    }
    if (x < asciiStart) {
        hit.area = Area::Hex;
        int column = m_bytesPerRow - 1;
        for (int c = 0; c < m_bytesPerRow; ++c) {
            if (x < hexColumnX(c) + hexCellWidth() + m_charWidth / 2) {
                column = c;
                break;
            }
        }
        hit.byteColumn = column;
        hit.nibble = x >= hexColumnX(column) + hexCellWidth() / 2 ? 1 : 0;
        return hit;
    }
    if (x < asciiColumnX(m_bytesPerRow) + m_charWidth) {
        hit.area = Area::Ascii;
        hit.byteColumn = 0;
        while (hit.byteColumn < m_bytesPerRow - 1 && x >= asciiColumnX(hit.byteColumn + 1))
            ++hit.byteColumn;
        return hit;
    }
    return hit;
}

quint64 HexLayout::rowCount(quint64 sizeBytes, int bytesPerRow)
{
    const auto row = quint64(bytesPerRow);
    return std::max<quint64>(1, sizeBytes / row + (sizeBytes % row ? 1 : 0));
}

quint64 HexLayout::rowsPerScrollStep(quint64 maxTopRow)
{
    if (maxTopRow <= MaxScrollValue)
        return 1;
    return maxTopRow / MaxScrollValue + (maxTopRow % MaxScrollValue ? 1 : 0);
}

int HexLayout::scrollMaximum(quint64 maxTopRow)
{
    const quint64 step = rowsPerScrollStep(maxTopRow);
    return int(maxTopRow / step + (maxTopRow % step ? 1 : 0));
}

int HexLayout::scrollValueForRow(quint64 row, quint64 maxTopRow)
{
    if (row >= maxTopRow)
        return scrollMaximum(maxTopRow);
    return int(row / rowsPerScrollStep(maxTopRow));
}

quint64 HexLayout::rowForScrollValue(int value, quint64 maxTopRow)
{
    if (value <= 0)
        return 0;
    if (value >= scrollMaximum(maxTopRow))
        return maxTopRow;
    return quint64(value) * rowsPerScrollStep(maxTopRow);
}

} // namespace AddCow
