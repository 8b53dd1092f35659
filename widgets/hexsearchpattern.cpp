// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "hexsearchpattern.h"

#include <QtEndian>

#include <algorithm>
#include <cstring>
#include <functional>

namespace AddCow
{

namespace
{
QByteArray encode(const QString &text, HexSearchPattern::Encoding encoding)
{
    switch (encoding) {
    case HexSearchPattern::Encoding::Utf8:
    case HexSearchPattern::Encoding::Bytes:
        return text.toUtf8();
    case HexSearchPattern::Encoding::Utf16LE:
    case HexSearchPattern::Encoding::Utf16BE: {
        QByteArray bytes(text.size() * 2, Qt::Uninitialized);
        const bool little = encoding == HexSearchPattern::Encoding::Utf16LE;
        for (qsizetype i = 0; i < text.size(); ++i) {
            const char16_t unit = text.at(i).unicode();
            if (little)
                qToLittleEndian(unit, bytes.data() + 2 * i);
            else
                qToBigEndian(unit, bytes.data() + 2 * i);
        }
        return bytes;
    }
    }
    return {};
}
} // namespace

HexSearchPattern HexSearchPattern::fromBytes(const QByteArray &bytes)
{
    HexSearchPattern pattern;
    pattern.m_bytes = bytes;
    pattern.finish();
    return pattern;
}

HexSearchPattern HexSearchPattern::fromText(const QString &text, Encoding encoding, bool caseInsensitive)
{
    HexSearchPattern pattern;
    // Character by character (code points: a surrogate pair stays whole).
    for (qsizetype i = 0; i < text.size();) {
        const qsizetype length = text.at(i).isHighSurrogate() && i + 1 < text.size() ? 2 : 1;
        const QString character = text.mid(i, length);
        i += length;
        const QByteArray encoded = encode(character, encoding);
        if (caseInsensitive) {
            Unit unit;
            unit.offset = pattern.m_bytes.size();
            unit.alternatives.append(encoded);
            for (const QString &form : {character.toLower(), character.toUpper(), character.toCaseFolded()}) {
                const QByteArray other = encode(form, encoding);
                if (other.size() == encoded.size() && !unit.alternatives.contains(other))
                    unit.alternatives.append(other);
            }
            if (unit.alternatives.size() > 1)
                pattern.m_units.append(unit);
        }
        pattern.m_bytes.append(encoded);
    }
    pattern.finish();
    return pattern;
}

void HexSearchPattern::finish()
{
    std::fill(std::begin(m_firstByte), std::end(m_firstByte), false);
    if (m_bytes.isEmpty())
        return;
    m_firstByte[uchar(m_bytes.at(0))] = true;
    if (!m_units.isEmpty() && m_units.first().offset == 0) {
        for (const QByteArray &alternative : m_units.first().alternatives)
            m_firstByte[uchar(alternative.at(0))] = true;
    }
    m_canMatchZeros = m_bytes.count('\0') == m_bytes.size();
    for (const Unit &unit : m_units) {
        for (const QByteArray &alternative : unit.alternatives)
            m_canMatchZeros = m_canMatchZeros && alternative.count('\0') == alternative.size();
    }
}

bool HexSearchPattern::matchesAt(const char *position) const
{
    qsizetype checked = 0; // bytes before it are compared
    for (const Unit &unit : m_units) {
        if (std::memcmp(position + checked, m_bytes.constData() + checked, size_t(unit.offset - checked)) != 0)
            return false;
        const qsizetype length = unit.alternatives.first().size();
        const bool any = std::any_of(unit.alternatives.cbegin(), unit.alternatives.cend(), [&](const QByteArray &alternative) {
            return std::memcmp(position + unit.offset, alternative.constData(), size_t(length)) == 0;
        });
        if (!any)
            return false;
        checked = unit.offset + length;
    }
    return std::memcmp(position + checked, m_bytes.constData() + checked, size_t(m_bytes.size() - checked)) == 0;
}

const char *HexSearchPattern::find(const char *begin, const char *end) const
{
    const auto length = qsizetype(m_bytes.size());
    if (length == 0 || end - begin < length)
        return end;
    if (m_units.isEmpty()) {
        const std::boyer_moore_horspool_searcher searcher(m_bytes.cbegin(), m_bytes.cend());
        const char *found = std::search(begin, end, searcher);
        return found;
    }
    const char *last = end - length;
    for (const char *position = begin; position <= last; ++position) {
        if (m_firstByte[uchar(*position)] && matchesAt(position))
            return position;
    }
    return end;
}

} // namespace AddCow
