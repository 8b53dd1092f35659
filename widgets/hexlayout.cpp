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
constexpr int MarginChars = 1;
constexpr int ColumnGapChars = 2; // between offset, hex and ASCII areas
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
    int width = 0;
    for (const char ch : "0123456789abcdefABCDEFWM") {
        if (ch) {
            const int rowWidth = metrics.horizontalAdvance(QString(HexLayout::OffsetDigits, QLatin1Char(ch)));
            width = std::max(width, (rowWidth + HexLayout::OffsetDigits - 1) / HexLayout::OffsetDigits);
        }
    }
    setCharMetrics(width, metrics.height(), metrics.ascent());
}

void HexLayout::setCharMetrics(int charWidthPixels, int lineHeightPixels, int ascentPixels)
{
    m_charWidth = std::max(charWidthPixels, 1);
    m_lineHeight = std::max(lineHeightPixels, 1);
    m_ascent = ascentPixels;
}

int HexLayout::offsetColumnX() const
{
    return MarginChars * m_charWidth;
}

int HexLayout::offsetColumnWidth() const
{
    return OffsetDigits * m_charWidth;
}

int HexLayout::hexColumnX(int byteColumn) const
{
    const int start = offsetColumnX() + offsetColumnWidth() + ColumnGapChars * m_charWidth;
    const int halfGap = byteColumn >= BytesPerRow / 2 ? m_charWidth : 0;
    return start + byteColumn * 3 * m_charWidth + halfGap;
}

int HexLayout::hexCellWidth() const
{
    return 2 * m_charWidth;
}

int HexLayout::asciiColumnX(int byteColumn) const
{
    const int start = hexColumnX(BytesPerRow - 1) + hexCellWidth() + ColumnGapChars * m_charWidth;
    return start + byteColumn * m_charWidth;
}

int HexLayout::asciiCellWidth() const
{
    return m_charWidth;
}

int HexLayout::totalWidth() const
{
    return asciiColumnX(BytesPerRow) + MarginChars * m_charWidth;
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
    return QRect(asciiColumnX(byteColumn), visibleRow * m_lineHeight, asciiCellWidth(), m_lineHeight);
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
        int column = BytesPerRow - 1;
        for (int c = 0; c < BytesPerRow; ++c) {
            if (x < hexColumnX(c) + hexCellWidth() + m_charWidth / 2) {
                column = c;
                break;
            }
        }
        hit.byteColumn = column;
        hit.nibble = x >= hexColumnX(column) + m_charWidth ? 1 : 0;
        return hit;
    }
    if (x < asciiColumnX(BytesPerRow) + m_charWidth) {
        hit.area = Area::Ascii;
        hit.byteColumn = std::clamp((x - asciiColumnX(0)) / m_charWidth, 0, BytesPerRow - 1);
        if (x < asciiColumnX(0))
            hit.byteColumn = 0;
        return hit;
    }
    return hit;
}

quint64 HexLayout::rowCount(quint64 sizeBytes)
{
    return std::max<quint64>(1, sizeBytes / BytesPerRow + (sizeBytes % BytesPerRow ? 1 : 0));
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
