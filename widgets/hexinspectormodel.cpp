// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "hexinspectormodel.h"

#include <QtEndian>

#include <charconv>
#include <cstring>

using namespace Qt::StringLiterals;

namespace AddCow
{

namespace
{
using Type = HexInspectorModel::Type;
using Endian = HexInspectorModel::Endian;

template<typename T>
T load(const QByteArray &bytes, Endian endian)
{
    return endian == Endian::Little ? qFromLittleEndian<T>(bytes.constData()) : qFromBigEndian<T>(bytes.constData());
}

/** The shortest text that reads back as the same value (std::to_chars), as C writes it. */
template<typename T>
QString floatText(T value)
{
    char buffer[64];
    const std::to_chars_result result = std::to_chars(std::begin(buffer), std::end(buffer), value);
    return QString::fromLatin1(buffer, result.ptr - buffer);
}

/** A character as it reads, or an escape when it does not print. */
QString shown(char32_t codePoint)
{
    if (codePoint == U'\t')
        return u"\\t"_s;
    if (codePoint == U'\n')
        return u"\\n"_s;
    if (codePoint == U'\r')
        return u"\\r"_s;
    if (codePoint < 0x20 || codePoint == 0x7f || (codePoint >= 0x80 && codePoint < 0xa0))
        return u"\\x"_s + QString::number(uint(codePoint), 16).rightJustified(2, u'0');
    if (!QChar::isPrint(codePoint))
        return u"\\u"_s + QString::number(uint(codePoint), 16).rightJustified(4, u'0');
    return QString::fromUcs4(&codePoint, 1);
}

/** UTF-8 from the start of bytes: up to MaxTextCharacters characters, ending at a NUL or an invalid sequence. */
QString utf8Text(const QByteArray &bytes)
{
    QString text;
    int characters = 0;
    qsizetype i = 0;
    while (i < bytes.size() && characters < HexInspectorModel::MaxTextCharacters) {
        const auto lead = uchar(bytes.at(i));
        int length = 0;
        char32_t codePoint = 0;
        if (lead < 0x80) {
            length = 1;
            codePoint = lead;
        } else if (lead >= 0xc2 && lead < 0xe0) {
            length = 2;
            codePoint = lead & 0x1f;
        } else if (lead >= 0xe0 && lead < 0xf0) {
            length = 3;
            codePoint = lead & 0x0f;
        } else if (lead >= 0xf0 && lead < 0xf5) {
            length = 4;
            codePoint = lead & 0x07;
        } else {
            break; // not a lead byte
        }
        if (i + length > bytes.size())
            break;
        bool valid = true;
        for (int k = 1; k < length; ++k) {
            const auto next = uchar(bytes.at(i + k));
            valid = valid && (next & 0xc0) == 0x80;
            codePoint = (codePoint << 6) | (next & 0x3f);
        }
        // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
        const char32_t minimum = length == 3 ? 0x800 : length == 4 ? 0x10000 : 0;
        if (!valid || codePoint < minimum || (codePoint >= 0xd800 && codePoint < 0xe000) || codePoint > 0x10ffff)
            break;
        if (codePoint == 0)
            break;
        text += shown(codePoint);
        ++characters;
        i += length;
    }
    return text;
}

/** UTF-16 in endian from the start of bytes: up to MaxTextCharacters characters, ending at a NUL or an unpaired surrogate. */
QString utf16Text(const QByteArray &bytes, Endian endian)
{
    QString text;
    int characters = 0;
    qsizetype i = 0;
    const auto unitAt = [&](qsizetype at) {
        return endian == Endian::Little ? qFromLittleEndian<quint16>(bytes.constData() + at) : qFromBigEndian<quint16>(bytes.constData() + at);
    };
    while (i + 2 <= bytes.size() && characters < HexInspectorModel::MaxTextCharacters) {
        const quint16 unit = unitAt(i);
        char32_t codePoint = unit;
        qsizetype length = 2;
        if (QChar::isHighSurrogate(unit)) {
            if (i + 4 > bytes.size() || !QChar::isLowSurrogate(unitAt(i + 2)))
                break;
            codePoint = QChar::surrogateToUcs4(unit, unitAt(i + 2));
            length = 4;
        } else if (QChar::isLowSurrogate(unit)) {
            break;
        }
        if (codePoint == 0)
            break;
        text += shown(codePoint);
        ++characters;
        i += length;
    }
    return text;
}
} // namespace

HexInspectorModel::HexInspectorModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void HexInspectorModel::setBytes(quint64 offsetBytes, const QByteArray &bytes)
{
    m_offsetBytes = offsetBytes;
    m_bytes = bytes.left(MaxBytes);
    Q_EMIT dataChanged(index(0, LittleEndianColumn), index(TypeCount - 1, BigEndianColumn));
}

int HexInspectorModel::sizeOf(Type type)
{
    switch (type) {
    case Type::Signed16:
    case Type::Unsigned16:
    case Type::Utf16:
        return 2;
    case Type::Signed32:
    case Type::Unsigned32:
    case Type::Float32:
        return 4;
    case Type::Signed64:
    case Type::Unsigned64:
    case Type::Float64:
        return 8;
    default:
        return 1;
    }
}

QString HexInspectorModel::decode(Type type, Endian endian, const QByteArray &bytes)
{
    if (bytes.size() < sizeOf(type))
        return {};
    const auto byte = uchar(bytes.at(0));
    switch (type) {
    case Type::Binary8:
        return QString::number(byte, 2).rightJustified(8, u'0');
    case Type::Octal8:
        return QString::number(byte, 8).rightJustified(3, u'0');
    case Type::Hex8:
        return QString::number(byte, 16).rightJustified(2, u'0');
    case Type::Signed8:
        return QString::number(qint8(byte));
    case Type::Unsigned8:
        return QString::number(byte);
    case Type::Signed16:
        return QString::number(load<qint16>(bytes, endian));
    case Type::Unsigned16:
        return QString::number(load<quint16>(bytes, endian));
    case Type::Signed32:
        return QString::number(load<qint32>(bytes, endian));
    case Type::Unsigned32:
        return QString::number(load<quint32>(bytes, endian));
    case Type::Signed64:
        return QString::number(load<qint64>(bytes, endian));
    case Type::Unsigned64:
        return QString::number(load<quint64>(bytes, endian));
    case Type::Float32: {
        const quint32 bits = load<quint32>(bytes, endian);
        float value;
        std::memcpy(&value, &bits, sizeof value);
        return floatText(value);
    }
    case Type::Float64: {
        const quint64 bits = load<quint64>(bytes, endian);
        double value;
        std::memcpy(&value, &bits, sizeof value);
        return floatText(value);
    }
    case Type::Character8:
        return shown(char32_t(byte)); // Latin-1
    case Type::Utf8: {
        const QString text = utf8Text(bytes);
        return text.isEmpty() && byte != 0 ? QString() : u"\""_s + text + u"\""_s;
    }
    case Type::Utf16: {
        const QString text = utf16Text(bytes, endian);
        const bool nul = load<quint16>(bytes, endian) == 0;
        return text.isEmpty() && !nul ? QString() : u"\""_s + text + u"\""_s;
    }
    }
    return {};
}

QString HexInspectorModel::typeName(Type type)
{
    switch (type) {
    case Type::Binary8:
        return tr("Binary 8-bit");
    case Type::Octal8:
        return tr("Octal 8-bit");
    case Type::Hex8:
        return tr("Hexadecimal 8-bit");
    case Type::Signed8:
        return tr("Signed 8-bit");
    case Type::Unsigned8:
        return tr("Unsigned 8-bit");
    case Type::Signed16:
        return tr("Signed 16-bit");
    case Type::Unsigned16:
        return tr("Unsigned 16-bit");
    case Type::Signed32:
        return tr("Signed 32-bit");
    case Type::Unsigned32:
        return tr("Unsigned 32-bit");
    case Type::Signed64:
        return tr("Signed 64-bit");
    case Type::Unsigned64:
        return tr("Unsigned 64-bit");
    case Type::Float32:
        return tr("Float 32-bit");
    case Type::Float64:
        return tr("Float 64-bit");
    case Type::Character8:
        return tr("Character 8-bit");
    case Type::Utf8:
        return tr("UTF-8");
    case Type::Utf16:
        return tr("UTF-16");
    }
    return {};
}

int HexInspectorModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : TypeCount;
}

int HexInspectorModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HexInspectorModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= TypeCount)
        return {};
    const auto type = Type(index.row());
    if (index.column() == TypeColumn) {
        if (role == Qt::DisplayRole)
            return typeName(type);
        return {};
    }
    const Endian endian = index.column() == LittleEndianColumn ? Endian::Little : Endian::Big;
    const QString value = decode(type, endian, m_bytes);
    switch (role) {
    case Qt::DisplayRole:
        return value.isEmpty() ? u"\u2014"_s : value;
    case Qt::ToolTipRole:
        if (m_bytes.size() < sizeOf(type))
            return tr("Needs %n byte(s); the data ends before.", nullptr, sizeOf(type));
        if (value.isEmpty())
            return tr("Not valid text here.");
        return value; // whole, where a narrow column elides it
    case Qt::TextAlignmentRole:
        return type == Type::Utf8 || type == Type::Utf16 || type == Type::Character8 ? QVariant() : QVariant(int(Qt::AlignRight | Qt::AlignVCenter));
    default:
        return {};
    }
}

QVariant HexInspectorModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TypeColumn:
        return tr("Type");
    case LittleEndianColumn:
        return tr("Little-endian");
    case BigEndianColumn:
        return tr("Big-endian");
    default:
        return {};
    }
}

} // namespace AddCow
