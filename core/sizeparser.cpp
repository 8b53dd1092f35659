// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "sizeparser.h"

#include <limits>

using namespace Qt::StringLiterals;

namespace AddCow::SizeParser
{

namespace
{

Error invalid(QStringView text, const QString &why)
{
    Error error;
    error.code = ErrorCode::InvalidArgument;
    error.detail = u"invalid size '%1': %2"_s.arg(text.toString(), why);
    return error;
}

// Binary exponent of a suffix letter (K = 10, ..., E = 60), -1 when it is not one.
int suffixShift(QChar letter)
{
    switch (letter.toUpper().unicode()) {
    case 'B':
        return 0;
    case 'K':
        return 10;
    case 'M':
        return 20;
    case 'G':
        return 30;
    case 'T':
        return 40;
    case 'P':
        return 50;
    case 'E':
        return 60;
    default:
        return -1;
    }
}

constexpr int MaxFractionDigits = 18; // 10^18 < 2^64

// 128 bits hold any 64-bit number times 2^60 (the E suffix) without overflow.
__extension__ typedef unsigned __int128 Wide;

} // namespace

Result<quint64> parse(QStringView text)
{
    const QStringView trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return invalid(text, u"empty"_s);

    qsizetype pos = 0;
    quint64 whole = 0;
    qsizetype wholeDigits = 0;
    while (pos < trimmed.size() && trimmed[pos].isDigit() && trimmed[pos].unicode() < 128) {
        const quint64 digit = trimmed[pos].unicode() - '0';
        if (__builtin_mul_overflow(whole, quint64(10), &whole) || __builtin_add_overflow(whole, digit, &whole))
            return invalid(text, u"larger than 2^64 - 1 bytes"_s);
        ++pos;
        ++wholeDigits;
    }

    quint64 fraction = 0;
    quint64 fractionScale = 1;
    qsizetype fractionDigits = 0;
    if (pos < trimmed.size() && trimmed[pos] == u'.') {
        ++pos;
        while (pos < trimmed.size() && trimmed[pos].isDigit() && trimmed[pos].unicode() < 128) {
            if (fractionDigits == MaxFractionDigits)
                return invalid(text, u"too many decimals"_s);
            fraction = fraction * 10 + (trimmed[pos].unicode() - '0');
            fractionScale *= 10;
            ++pos;
            ++fractionDigits;
        }
        if (fractionDigits == 0)
            return invalid(text, u"no digits after the decimal point"_s);
    }
    if (wholeDigits == 0)
        return invalid(text, u"expected a number"_s);

    int shift = 0;
    const QStringView suffix = trimmed.mid(pos).trimmed();
    if (!suffix.isEmpty()) {
        shift = suffixShift(suffix[0]);
        const QStringView rest = suffix.mid(1);
        const bool restOk = rest.isEmpty() || (shift > 0 && (rest.compare(u"B", Qt::CaseInsensitive) == 0 || rest.compare(u"iB", Qt::CaseInsensitive) == 0));
        if (shift < 0 || !restOk)
            return invalid(text, u"unknown suffix '%1' (use K, M, G, T, P or E)"_s.arg(suffix.toString()));
    }

    const Wide multiplier = static_cast<Wide>(1) << shift;
    const Wide wholeBytes = static_cast<Wide>(whole) * multiplier;
    const Wide fractionNumerator = static_cast<Wide>(fraction) * multiplier;
    if (fractionNumerator % fractionScale != 0)
        return invalid(text, u"not a whole number of bytes"_s);
    const Wide total = wholeBytes + fractionNumerator / fractionScale;
    if (total > std::numeric_limits<quint64>::max())
        return invalid(text, u"larger than 2^64 - 1 bytes"_s);
    return quint64(total);
}

Result<quint64> parseOffset(QStringView text)
{
    const QStringView trimmed = text.trimmed();
    if (!trimmed.startsWith(u"0x", Qt::CaseInsensitive))
        return parse(text);
    const auto invalidHex = [text](const QString &why) {
        return Error::make(ErrorCode::InvalidArgument, {}, u"invalid hexadecimal number '%1': %2"_s.arg(text.toString(), why));
    };
    const QStringView digits = trimmed.mid(2);
    if (digits.isEmpty())
        return invalidHex(u"no digits after 0x"_s);
    quint64 value = 0;
    for (const QChar c : digits) {
        const char16_t u = c.unicode();
        const int digit = u >= '0' && u <= '9' ? u - '0' : u >= 'a' && u <= 'f' ? u - 'a' + 10 : u >= 'A' && u <= 'F' ? u - 'A' + 10 : -1;
        if (digit < 0)
            return invalidHex(u"'%1' is not a hexadecimal digit"_s.arg(c));
        if (value >> 60)
            return invalidHex(u"larger than 2^64 - 1 bytes"_s);
        value = value << 4 | quint64(digit);
    }
    return value;
}

QString formatHuman(quint64 sizeBytes)
{
    static const char *const units[] = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    if (sizeBytes < 1024)
        return u"%1 B"_s.arg(sizeBytes);
    int unit = 0;
    while (unit + 1 < 6 && sizeBytes >= (quint64(1) << (10 * (unit + 2))))
        ++unit;
    const double value = double(sizeBytes) / double(quint64(1) << (10 * (unit + 1)));
    // Two decimals at most, trailing zeros dropped: "1 GiB", "1.5 GiB", "1.33 GiB".
    QString number = QString::number(value, 'f', 2);
    while (number.endsWith(u'0'))
        number.chop(1);
    if (number.endsWith(u'.'))
        number.chop(1);
    return u"%1 %2"_s.arg(number, QLatin1StringView(units[unit]));
}

QString formatHumanWithBytes(quint64 sizeBytes)
{
    if (sizeBytes < 1024)
        return u"%1 bytes"_s.arg(sizeBytes);
    return u"%1 (%2 bytes)"_s.arg(formatHuman(sizeBytes)).arg(sizeBytes);
}

} // namespace AddCow::SizeParser
