// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "header.h"

#include <QtEndian>

#include <algorithm>
#include <cstring>

namespace AddCow
{

namespace
{

QByteArray beforeFirstNul(const QByteArray &field)
{
    const qsizetype nul = field.indexOf('\0');
    return nul < 0 ? field : field.left(nul);
}

// R9: the value, zero-padded on the right to exactly 16 bytes.
QByteArray formatField(const QByteArray &value)
{
    QByteArray field = value.left(FormatFieldBytes);
    field.append(FormatFieldBytes - field.size(), '\0');
    return field;
}

// Copies as much of bytes as fits into buffer at offsetBytes.
void put(QByteArray &buffer, quint64 offsetBytes, const QByteArray &bytes)
{
    const auto size = quint64(buffer.size());
    if (offsetBytes >= size)
        return;
    const quint64 length = std::min<quint64>(quint64(bytes.size()), size - offsetBytes);
    std::memcpy(buffer.data() + offsetBytes, bytes.constData(), length);
}

} // namespace

QByteArray Header::backingFormat() const
{
    return beforeFirstNul(backingFormatField);
}

QByteArray Header::imageFormat() const
{
    return beforeFirstNul(imageFormatField);
}

Header Header::make(const QByteArray &imageFileName, const QByteArray &imageFormat,
                    const QByteArray &backingFileName, const QByteArray &backingFormat,
                    quint64 features)
{
    // R20: magic, version 1, one header page, optional features 0, both formats.
    Header header;
    header.magic = QByteArray(MagicBytes, sizeof(MagicBytes));
    header.version = SupportedVersion;
    header.headerPagesSize = 1;
    header.features = features;
    header.optionalFeatures = 0;
    header.imageFormatField = formatField(imageFormat);
    header.backingFormatField = formatField(backingFormat);
    header.imageFileName = imageFileName;
    header.imageFileNameOffset = imageFileName.isEmpty() ? 0 : NameAreaOffset;
    header.imageFileNameSize = quint32(imageFileName.size());
    header.backingFileName = backingFileName;
    if (!backingFileName.isEmpty()) {
        header.backingFileNameOffset = NameAreaOffset + quint32(imageFileName.size());
        header.backingFileNameSize = quint32(backingFileName.size());
    }
    return header;
}

QByteArray Header::serialize() const
{
    // R1: exactly HEADER_SIZE bytes. A header pages size outside 1-256 (R4) cannot be laid out,
    // so such a header is written into a single page; the field itself keeps its value.
    const quint32 pages = (headerPagesSize >= 1 && headerPagesSize <= MaxHeaderPagesSize) ? headerPagesSize : 1;
    QByteArray bytes(qsizetype(headerSizeFor(pages)), '\0'); // R10: unnamed bytes are zero

    QByteArray magicField = magic.left(sizeof(MagicBytes));
    magicField.append(qsizetype(sizeof(MagicBytes)) - magicField.size(), '\0');
    put(bytes, 0, magicField);

    char *data = bytes.data();
    qToLittleEndian<quint32>(version, data + 8); // R1
    qToLittleEndian<quint32>(backingFileNameOffset, data + 12);
    qToLittleEndian<quint32>(backingFileNameSize, data + 16);
    qToLittleEndian<quint32>(imageFileNameOffset, data + 20);
    qToLittleEndian<quint32>(imageFileNameSize, data + 24);
    qToLittleEndian<quint64>(features, data + 28);
    qToLittleEndian<quint64>(optionalFeatures, data + 36);
    qToLittleEndian<quint32>(headerPagesSize, data + 44);
    put(bytes, 48, formatField(backingFormatField));
    put(bytes, 64, formatField(imageFormatField));

    // R5: the names go where their offsets point, never over the fixed fields.
    const auto putName = [&bytes](quint32 offsetBytes, quint32 sizeBytes, const QByteArray &name) {
        if (offsetBytes < NameAreaOffset || name.isEmpty())
            return;
        put(bytes, offsetBytes, name.left(sizeBytes));
    };
    putName(imageFileNameOffset, imageFileNameSize, imageFileName);
    putName(backingFileNameOffset, backingFileNameSize, backingFileName);
    return bytes;
}

} // namespace AddCow
