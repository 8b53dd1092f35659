// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <QByteArray>

namespace AddCow
{

/**
 * The data inspector's table, as Okteta's Decoding Table: the bytes at the cursor read as
 * every common type, little-endian and big-endian side by side. A type that needs more bytes
 * than the source still has shows a dash.
 */
class HexInspectorModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum class Type {
        Binary8,
        Octal8,
        Hex8,
        Signed8,
        Unsigned8,
        Signed16,
        Unsigned16,
        Signed32,
        Unsigned32,
        Signed64,
        Unsigned64,
        Float32,
        Float64,
        Character8,
        Utf8,
        Utf16,
    };
    static constexpr int TypeCount = int(Type::Utf16) + 1;
    enum class Endian { Little, Big };
    enum Column { TypeColumn, LittleEndianColumn, BigEndianColumn, ColumnCount };
    /** Bytes read at most: the longest text shown. */
    static constexpr int MaxBytes = 64;
    /** Characters of UTF-8 and UTF-16 text shown at most. */
    static constexpr int MaxTextCharacters = 16;

    explicit HexInspectorModel(QObject *parent = nullptr);

    /** The bytes from offsetBytes on, up to MaxBytes (fewer near the end of the source, none: nothing to show). */
    void setBytes(quint64 offsetBytes, const QByteArray &bytes);
    quint64 offsetBytes() const { return m_offsetBytes; }
    const QByteArray &bytes() const { return m_bytes; }

    /** How many bytes type reads (text: at least one). */
    static int sizeOf(Type type);
    /** type's value at the start of bytes; an empty string when bytes are too few. */
    static QString decode(Type type, Endian endian, const QByteArray &bytes);
    static QString typeName(Type type);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    quint64 m_offsetBytes = 0;
    QByteArray m_bytes;
};

} // namespace AddCow
