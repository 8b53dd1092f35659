// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "addcowcore_export.h"
#include "findingargument.h"

namespace AddCow
{

enum class ErrorCode;

/**
 * What exactly breaks a rule, one code per sentence. A finding or an error carries the code and
 * its arguments (listed per code, in placeholder order); the sentence is rendered from them in
 * English by findingMessage() and through tr() by the app, so nothing ever matches on text.
 * The rule each code belongs to is findingCodeRule(); add new codes at the end of their rule.
 */
enum class FindingCode {
    // R1
    HeaderCutShort,             ///< file bytes, HEADER_SIZE
    // R2
    NotAddCow,                  ///< (none)
    LaterAddCowLayout,          ///< (none)
    // R3
    UnsupportedVersion,         ///< version
    // R4
    HeaderPagesSizeOutOfRange,  ///< pages, maximum
    // R5
    NameSizeWithoutOffset,      ///< name field, size
    NameOffsetWithoutSize,      ///< name field, offset
    NameOffsetBelowNameArea,    ///< offset
    NameOffsetPastHeader,       ///< offset, HEADER_SIZE - 2
    NameSizeTooLarge,           ///< size, HEADER_SIZE - 80
    NamePastHeaderEnd,          ///< name field, offset, size, end, HEADER_SIZE
    NameContainsNul,            ///< name field, offset of the NUL
    NamesOverlap,               ///< backing first byte, backing last byte, image first byte, image last byte
    NamesDoNotFit,              ///< bytes of both names, bytes that fit
    GivenNameContainsNul,       ///< name field (a name given to store, not one read)
    // R6
    ImageFileNameMissing,       ///< (none)
    // R7
    UnknownFeatureBits,         ///< unknown bits (hex)
    // R8
    OptionalFeaturesSet,        ///< optional features (hex)
    // R9
    FormatByteOutOfRange,       ///< format field, byte, offset
    FormatBytesAfterNul,        ///< format field
    BackingFormatMissing,       ///< (none)
    BackingFormatWithoutBacking, ///< stored backing format
    UnsupportedBackingFormat,   ///< backing format
    ImageFormatMissing,         ///< (none)
    UnsupportedImageFormat,     ///< image format
    InvalidFormat,              ///< format given to store (not 1-16 printable ASCII characters)
    RawBackingLooksLikeFormat,  ///< the format the bytes look like (a warning: raw is read as raw)
    UnknownBackingFormat,       ///< backing format, QEMU's message (text)
    EncryptedBackingLayer,      ///< the layer's file name (path), its format as QEMU names it (text)
    QemuCannotRead,             ///< QEMU's message (text): the format was probed
    QemuCannotReadAs,           ///< backing format, QEMU's message (text)
    QemuProgramMissing,         ///< program (text), Debian package (text)
    // R10
    StrayNameAreaBytes,         ///< bytes in the run, offset
    MoreStrayNameAreaBytes,     ///< further runs, their bytes
    // R11
    AddCowFileTooLong,          ///< .add-cow bytes, bytes needed, image file bytes, bitmap region bytes, smallest and largest implied virtual size
    BackingFileLargerThanDisk,  ///< backing file bytes, virtual size, bytes not visible
    EmptyVirtualDisk,           ///< image file (path)
    // R12
    BitmapBitsMissing,          ///< .add-cow bytes, image file bytes, bytes needed, bitmap bytes, clusters
    BitmapRegionShort,          ///< .add-cow bytes, bytes of header and rounded region
    SpareBitsSet,               ///< last cluster, last set bit, implied virtual size, image file bytes
    BitmapEndsEarly,            ///< where the file ended, where the bitmap read was to end (file offsets)
    // R14
    BackingFileNotNeeded,       ///< stored backing name, resolved path
    AllAllocatedWithClearBits,  ///< clusters with bit 0, clusters
    // R16
    FileMissing,                ///< file field (image file, backing file), stored name, resolved path
    FileCannotBeOpened,         ///< file field, stored name, resolved path, errno
    FileIsDirectory,            ///< file field, stored name, resolved path
    FileIsSpecial,              ///< file field, stored name, resolved path
    FileIsBlockDevice,          ///< file field, stored name, resolved path (refused for writing only)
    // R17
    ImageFileIsAddCowFile,      ///< image file path
    BackingFileIsAddCowFile,    ///< backing file path
    BackingFileIsImageFile,     ///< backing file path, image file path
    // R20
    AddCowFileExists,           ///< .add-cow path
    ImageFileSizeFixed,         ///< image file bytes, size asked for
    ImageSmallerThanBacking,    ///< image file bytes, backing file bytes, bytes that would be lost
    ImageSizeNeeded,            ///< (none)
    FolderMissing,              ///< file field, stored name, the folder it is to be made in
    FolderNotWritable,          ///< file field, stored name, the folder it is to be made in, errno
    // No rule: serving over NBD (nbdkit) and the libraries it needs
    NbdkitMissing,              ///< Debian package (text)
    NbdkitPluginMissing,        ///< the plugin's build path, its installed path
    LibnbdMissing,              ///< library (text), the loader's message (text), Debian package (text)
    LibnbdTooOld,               ///< library (text), the missing symbol (text)
    ServerStoppedBeforeReady,   ///< how nbdkit exited (text), its last words (text)
    ServerNotReady,             ///< seconds waited
    ServerStoppedByItself,      ///< how nbdkit exited (text), its last words (text)
    ServerDidNotStopCleanly,    ///< how nbdkit exited (text), its last words (text)
};

/** The number of codes, for tables and tests that walk them all. */
inline constexpr int FindingCodeCount = int(FindingCode::ServerDidNotStopCleanly) + 1;

/** The FORMAT-DECISIONS rule a code belongs to (1-21), 0 for the few that break none. */
ADDCOWCORE_EXPORT int findingCodeRule(FindingCode code);

/** The error kind an open or a create fails with when this is its first error. */
ADDCOWCORE_EXPORT ErrorCode findingCodeError(FindingCode code);

/** A stable lower-case identifier for machine output, e.g. "unknown-feature-bits". */
ADDCOWCORE_EXPORT const char *findingCodeName(FindingCode code);

/** The English template with %1..%n placeholders, e.g. "unsupported feature bits %1". */
ADDCOWCORE_EXPORT const char *findingCodeTemplate(FindingCode code);

/** The English sentence of code with its arguments: what `addcow check` prints. */
ADDCOWCORE_EXPORT QString findingMessage(FindingCode code, const FindingArguments &arguments);

} // namespace AddCow
