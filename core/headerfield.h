// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "addcowcore_export.h"

#include <QtGlobal>

namespace AddCow
{

/** The parts of an add-cow file a finding can point at, named as the spec names them. */
enum class HeaderField {
    Magic,                 ///< bytes 0-7
    Version,               ///< bytes 8-11
    BackingFileNameOffset, ///< bytes 12-15
    BackingFileNameSize,   ///< bytes 16-19
    ImageFileNameOffset,   ///< bytes 20-23
    ImageFileNameSize,     ///< bytes 24-27
    Features,              ///< bytes 28-35
    OptionalFeatures,      ///< bytes 36-43
    HeaderPagesSize,       ///< bytes 44-47
    BackingFormat,         ///< bytes 48-63
    ImageFormat,           ///< bytes 64-79
    NameArea,              ///< bytes 80 to HEADER_SIZE-1, outside the names (R10)
    BackingFileName,       ///< the bytes the backing name offset/size point at
    ImageFileName,         ///< the bytes the image name offset/size point at
    Bitmap,                ///< the COW bitmap from HEADER_SIZE on
    BackingFile,           ///< the backing file itself (R16, R17)
    ImageFile,             ///< the image file itself (R11, R16, R17)
    AddCowFile,            ///< the .add-cow file as a whole (length, identity)
};

/** Where a fixed header field lives. Variable parts (names, bitmap) have lengthBytes 0. */
struct HeaderFieldInfo {
    HeaderField field;
    quint32 offsetBytes;
    quint32 lengthBytes;
    const char *name; ///< English name from the spec, e.g. "backing file name offset"
};

/** The layout of the fixed fields, in file order (bytes 0-79). */
ADDCOWCORE_EXPORT const HeaderFieldInfo &headerFieldInfo(HeaderField field);
/** The English name of any field, e.g. "header pages size". */
ADDCOWCORE_EXPORT const char *headerFieldName(HeaderField field);

} // namespace AddCow
