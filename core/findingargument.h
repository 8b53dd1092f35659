// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "addcowcore_export.h"
#include "headerfield.h"

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <algorithm>

namespace AddCow
{

/**
 * One typed argument of a finding or an error: a number, stored bytes, a path, a field.
 * Kept as data so that the CLI (English, in core) and the app (through tr()) render the same
 * finding in their own language; toString() is the one language-neutral rendering both use.
 */
struct ADDCOWCORE_EXPORT FindingArgument {
    enum class Kind : quint8 {
        None,     ///< no value: renders empty
        Number,   ///< decimal, e.g. "4096"
        Hex,      ///< hexadecimal, e.g. "0x4"
        Byte,     ///< one byte as two hex digits, e.g. "0x0a"
        HexBytes, ///< raw bytes as hex pairs, "41 44 44"; " ..." when number (the run's length) is longer
        Name,     ///< a stored file name (R5): lossy UTF-8 in quotes, control bytes as \xNN
        Format,   ///< a stored format string (R9): printable ASCII in quotes, anything else as \xNN
        Path,     ///< a file system path, as is
        Field,    ///< a HeaderField, rendered as its name (translated in the app)
        Errno,    ///< a system error number, rendered as the system's message
        Text,     ///< another program's own words (QEMU's, nbdkit's), passed through as they are
    };

    Kind kind = Kind::None;
    quint64 number = 0; ///< Number, Hex, Byte; HexBytes: the full length; Field: the HeaderField; Errno: errno
    QByteArray bytes;   ///< Name, Format, HexBytes
    QString path;       ///< Path; Text: the words

    static FindingArgument ofNumber(quint64 value) { return {Kind::Number, value, {}, {}}; }
    static FindingArgument ofHex(quint64 value) { return {Kind::Hex, value, {}, {}}; }
    static FindingArgument ofByte(quint8 value) { return {Kind::Byte, value, {}, {}}; }
    /** @param fullLengthBytes the length of the run bytes start, when only its start is kept */
    static FindingArgument ofHexBytes(const QByteArray &bytes, quint64 fullLengthBytes = 0)
    {
        return {Kind::HexBytes, std::max<quint64>(fullLengthBytes, quint64(bytes.size())), bytes, {}};
    }
    static FindingArgument ofName(const QByteArray &storedName) { return {Kind::Name, 0, storedName, {}}; }
    static FindingArgument ofFormat(const QByteArray &format) { return {Kind::Format, 0, format, {}}; }
    static FindingArgument ofPath(const QString &path) { return {Kind::Path, 0, {}, path}; }
    static FindingArgument ofField(HeaderField field) { return {Kind::Field, quint64(field), {}, {}}; }
    static FindingArgument ofErrno(int errnoValue) { return {Kind::Errno, quint64(errnoValue), {}, {}}; }
    static FindingArgument ofText(const QString &text) { return {Kind::Text, 0, {}, text}; }

    bool isNull() const { return kind == Kind::None; }
    HeaderField field() const { return HeaderField(number); }
    /** The rendering both languages share; Field is the English name and Errno strerror(). */
    QString toString() const;

    bool operator==(const FindingArgument &) const = default;
};

using FindingArguments = QList<FindingArgument>;

/**
 * Replaces %1 to %9 in text with texts[0] to texts[8] in one pass, so that a path holding "%2"
 * is never substituted again (QString::arg chains would). Both the English rendering in core
 * and the app's tr() rendering fill their templates with it.
 */
ADDCOWCORE_EXPORT QString fillPlaceholders(const QString &text, const QStringList &texts);

} // namespace AddCow

Q_DECLARE_METATYPE(AddCow::FindingArgument)
