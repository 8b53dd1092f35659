// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace AddCow
{

/**
 * What a hex search looks for: bytes, or text in UTF-8 or UTF-16, optionally ignoring case.
 * Ignoring case, each character matches any of its case forms whose encoding has the same
 * length (so every match is lengthBytes() long): "é" matches "É" in UTF-8 as well as in UTF-16.
 */
class HexSearchPattern
{
public:
    enum class Encoding { Bytes, Utf8, Utf16LE, Utf16BE };

    HexSearchPattern() = default;
    static HexSearchPattern fromBytes(const QByteArray &bytes);
    static HexSearchPattern fromText(const QString &text, Encoding encoding, bool caseInsensitive);

    bool isEmpty() const { return m_bytes.isEmpty(); }
    quint64 lengthBytes() const { return quint64(m_bytes.size()); }
    /** The pattern as given (first case form of each character). */
    const QByteArray &bytes() const { return m_bytes; }
    /** No byte can be other than zero: holes (zeros) may hold matches, so none may be skipped. */
    bool canMatchZeros() const { return m_canMatchZeros; }

    /** Whether the lengthBytes() bytes at position match. */
    bool matchesAt(const char *position) const;
    /** The first match starting in [begin, end - lengthBytes()], or end. */
    const char *find(const char *begin, const char *end) const;

private:
    /** Bytes [offset, offset + alternatives[i].size()) match when they equal any alternative. */
    struct Unit {
        qsizetype offset = 0;
        QList<QByteArray> alternatives;
    };
    void finish();

    QByteArray m_bytes;
    QList<Unit> m_units; ///< only the characters with more than one case form
    bool m_firstByte[256] = {};
    bool m_canMatchZeros = false;
};

} // namespace AddCow
