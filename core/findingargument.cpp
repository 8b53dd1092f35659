// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "findingargument.h"

#include <cstring>

using namespace Qt::StringLiterals;

namespace AddCow
{

namespace
{

constexpr qsizetype MaxHexBytesShown = 16;

QString escapedByte(uchar b)
{
    return u"\\x%1"_s.arg(b, 2, 16, QLatin1Char('0'));
}

// R9: formats are ASCII; everything else shows as \xNN so the bad byte can be seen.
QString quotedFormat(const QByteArray &bytes)
{
    QString text = u"'"_s;
    for (const char c : bytes) {
        const auto b = static_cast<uchar>(c);
        if (b >= 0x20 && b <= 0x7e && b != '\\' && b != '\'')
            text += QChar(char16_t(b));
        else
            text += escapedByte(b);
    }
    return text + u"'"_s;
}

// R5: names display as lossy UTF-8; control bytes (a NUL among them) show as \xNN.
QString quotedName(const QByteArray &bytes)
{
    QString text = u"'"_s;
    qsizetype start = 0;
    const auto flush = [&](qsizetype end) {
        if (end > start)
            text += QString::fromUtf8(bytes.constData() + start, end - start);
    };
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const auto b = static_cast<uchar>(bytes[i]);
        if (b < 0x20 || b == 0x7f) {
            flush(i);
            text += escapedByte(b);
            start = i + 1;
        }
    }
    flush(bytes.size());
    return text + u"'"_s;
}

} // namespace

QString FindingArgument::toString() const
{
    switch (kind) {
    case Kind::None:
        return QString();
    case Kind::Number:
        return QString::number(number);
    case Kind::Hex:
        return u"0x"_s + QString::number(number, 16);
    case Kind::Byte:
        return u"0x%1"_s.arg(number & 0xff, 2, 16, QLatin1Char('0'));
    case Kind::HexBytes: {
        const QString shown = QString::fromLatin1(bytes.left(MaxHexBytesShown).toHex(' '));
        return number > quint64(std::min(bytes.size(), MaxHexBytesShown)) ? shown + u" ..."_s : shown;
    }
    case Kind::Name:
        return quotedName(bytes);
    case Kind::Format:
        return quotedFormat(bytes);
    case Kind::Path:
    case Kind::Text:
        return path;
    case Kind::Field:
        return QString::fromLatin1(headerFieldName(field()));
    case Kind::Errno:
        return QString::fromLocal8Bit(std::strerror(int(number)));
    }
    return QString();
}

QString fillPlaceholders(const QString &text, const QStringList &texts)
{
    QString filled;
    filled.reserve(text.size() + 64);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'%' && i + 1 < text.size() && text.at(i + 1) >= u'1' && text.at(i + 1) <= u'9') {
            const qsizetype index = text.at(i + 1).unicode() - u'1';
            if (index < texts.size()) {
                filled += texts.at(index);
                ++i;
                continue;
            }
        }
        filled += c;
    }
    return filled;
}

} // namespace AddCow
