// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QFontMetrics>
#include <QPoint>
#include <QRect>
#include <QtGlobal>

#include <limits>

namespace AddCow
{

/**
 * Geometry of a hex view, apart from painting: an offset column (as many hex digits as the
 * largest offset shown needs, 8 to 16), 8, 16 or 32 bytes a row in hex in groups of 8, and the
 * same bytes as ASCII. Maps bytes to pixels and back, and rows to the int range of a scroll
 * bar. x is in content coordinates (before horizontal scrolling), y counts from the first
 * visible row.
 */
class HexLayout
{
public:
    static constexpr int DefaultBytesPerRow = 16;
    /** Bytes between two wider gaps in the hex area. */
    static constexpr int GroupBytes = 8;
    /** Offset digits for any 64-bit offset; a default HexLayout uses this many. */
    static constexpr int OffsetDigits = 16;
    /** The fewest offset digits shown (a 4 GiB source and smaller). */
    static constexpr int MinOffsetDigits = 8;
    /** The largest scroll bar maximum used; above it rows are scaled (the scroll bar is an int). */
    static constexpr quint64 MaxScrollValue = quint64(std::numeric_limits<int>::max()) / 2;

    enum class Area { None, Offset, Hex, Ascii };
    struct Hit {
        Area area = Area::None;
        int visibleRow = 0; ///< rows below the first visible row
        int byteColumn = 0; ///< 0 to bytesPerRow() - 1
        int nibble = 0;     ///< Hex area: 0 high nibble, 1 low nibble
    };

    HexLayout();
    explicit HexLayout(const QFontMetrics &metrics);
    void setFontMetrics(const QFontMetrics &metrics);
    /** charWidthPixels may be fractional (a font's advance); columns are placed at rounded pixels. */
    void setCharMetrics(qreal charWidthPixels, int lineHeightPixels, int ascentPixels);

    /** Hex digits the largest offset below sizeBytes needs, at least MinOffsetDigits. */
    static int offsetDigitsFor(quint64 sizeBytes);
    /** 8, 16 or 32 (others are rounded to the nearest of them). */
    void setBytesPerRow(int bytes);
    int bytesPerRow() const { return m_bytesPerRow; }
    /** Whether bytes is one of the row widths offered: 8, 16 or 32. */
    static bool isBytesPerRow(int bytes);

    /** Digits in the offset column (clamped to MinOffsetDigits..OffsetDigits). */
    void setOffsetDigits(int digits);
    int offsetDigits() const { return m_offsetDigits; }

    /** The character advance rounded to whole pixels. */
    int charWidth() const { return m_charWidth; }
    int lineHeight() const { return m_lineHeight; }
    int ascent() const { return m_ascent; }

    int offsetColumnX() const;
    int offsetColumnWidth() const;
    /** Left edge of byte column in the hex area; a wider gap follows every GroupBytes bytes. */
    int hexColumnX(int byteColumn) const;
    int hexCellWidth() const; ///< two digits
    int asciiColumnX(int byteColumn) const;
    int asciiCellWidth() const; ///< of the first cell; asciiCellRect() has each cell's own width
    int totalWidth() const;

    QRect rowRect(int visibleRow, int viewportWidth) const;
    QRect hexCellRect(int visibleRow, int byteColumn) const;
    QRect asciiCellRect(int visibleRow, int byteColumn) const;
    /** Visible rows that fit, including a partial last row. */
    int visibleRows(int viewportHeight) const;
    /** Rows fully shown. At least 1. */
    int fullRows(int viewportHeight) const;

    /** What is at point (content x, viewport y). Points between cells snap to the nearest byte. */
    Hit hitTest(QPoint point) const;

    /** Rows of bytesPerRow needed for sizeBytes (at least 1). */
    static quint64 rowCount(quint64 sizeBytes, int bytesPerRow);
    quint64 rowCount(quint64 sizeBytes) const { return rowCount(sizeBytes, m_bytesPerRow); }

    /** Scroll bar maximum for a top row between 0 and maxTopRow. Never more than MaxScrollValue. */
    static int scrollMaximum(quint64 maxTopRow);
    /** Rows per scroll bar step: 1 unless maxTopRow exceeds MaxScrollValue. */
    static quint64 rowsPerScrollStep(quint64 maxTopRow);
    static int scrollValueForRow(quint64 row, quint64 maxTopRow);
    /** The inverse: exact for values below the maximum; the maximum maps to maxTopRow. */
    static quint64 rowForScrollValue(int value, quint64 maxTopRow);

private:
    int pixelsFor(qreal chars) const;
    qreal hexStartChars() const;
    qreal asciiStartChars() const;

    qreal m_advance = 8;
    int m_charWidth = 8;
    int m_lineHeight = 16;
    int m_ascent = 12;
    int m_offsetDigits = OffsetDigits;
    int m_bytesPerRow = DefaultBytesPerRow;
};

} // namespace AddCow
