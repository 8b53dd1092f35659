// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "addcowcore_export.h"
#include "format.h"

#include <QByteArray>

namespace AddCow
{

/**
 * The decoded add-cow header, field by field, exactly as stored.
 * A plain value: it may hold invalid values; HeaderParser says which rules they break.
 */
struct ADDCOWCORE_EXPORT Header {
    QByteArray magic;                  ///< bytes 0-7 as read
    quint32 version = SupportedVersion;
    quint32 backingFileNameOffset = 0; ///< bytes from the start of the file
    quint32 backingFileNameSize = 0;   ///< bytes
    quint32 imageFileNameOffset = 0;
    quint32 imageFileNameSize = 0;
    quint64 features = 0;
    quint64 optionalFeatures = 0;
    quint32 headerPagesSize = 1;
    QByteArray backingFormatField;     ///< all 16 bytes of 48-63
    QByteArray imageFormatField;       ///< all 16 bytes of 64-79
    QByteArray backingFileName;        ///< the stored name bytes, empty when absent or out of range
    QByteArray imageFileName;

    /** R1: 4096 * header pages size, in bytes. */
    quint64 headerSizeBytes() const { return headerSizeFor(headerPagesSize); }
    /** R5: a backing file is named when its offset or size is non-zero. */
    bool hasBackingFile() const { return backingFileNameOffset != 0 || backingFileNameSize != 0; }
    /** R14 */
    bool isAllAllocated() const { return features & FeatureAllAllocated; }
    /** R9: the bytes before the first NUL of the backing format field. */
    QByteArray backingFormat() const;
    /** R9: the bytes before the first NUL of the image format field. */
    QByteArray imageFormat() const;

    /**
     * A valid header for writing (R20): magic, version 1, header pages size 1, optional
     * features 0, the image name at offset 80 and the backing name right after it.
     * An empty backingFileName means no backing file (backingFormat must then be empty).
     */
    static Header make(const QByteArray &imageFileName, const QByteArray &imageFormat,
                       const QByteArray &backingFileName, const QByteArray &backingFormat,
                       quint64 features);

    /** The HEADER_SIZE bytes that represent this header; unnamed bytes are zero (R10). */
    QByteArray serialize() const;

    bool operator==(const Header &other) const = default;
};

} // namespace AddCow
