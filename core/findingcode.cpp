// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "findingcode.h"

#include "result.h"

#include <array>

namespace AddCow
{

namespace
{

struct CodeInfo {
    FindingCode code;
    int rule;
    ErrorCode error;
    const char *name;
    const char *text;
};

using E = ErrorCode;
using F = FindingCode;

// Indexed by FindingCode. The texts are what `addcow check` prints; keep them in step with the
// tr() texts of widgets/ruletext.cpp (a test compares the two for every code).
constexpr std::array<CodeInfo, FindingCodeCount> codeTable = {{
    {F::HeaderCutShort, 1, E::CorruptHeader, "header-cut-short", "the file ends after %1 bytes, before the end of the %2-byte header"},
    {F::NotAddCow, 2, E::NotAddCow, "not-add-cow", "not an add-cow image: the magic is not \"ADD_COW\\xff\""},
    {F::LaterAddCowLayout, 2, E::LaterAddCowLayout, "later-add-cow-layout",
     "the file starts with \"ACOW\": this is the later add-cow layout (2013 proposal V18-V20), which is incompatible with add-cow v1"},
    {F::UnsupportedVersion, 3, E::UnsupportedVersion, "unsupported-version", "unsupported add-cow version %1"},
    {F::HeaderPagesSizeOutOfRange, 4, E::CorruptHeader, "header-pages-size-out-of-range", "header pages size %1 is outside 1-%2"},
    {F::NameSizeWithoutOffset, 5, E::CorruptHeader, "name-size-without-offset",
     "the %1 offset is 0 but its size is %2; offset 0 means no name, so the size must be 0"},
    {F::NameOffsetWithoutSize, 5, E::CorruptHeader, "name-offset-without-size",
     "the %1 size is 0 but its offset is %2; a present name must be at least 1 byte"},
    {F::NameOffsetBelowNameArea, 5, E::CorruptHeader, "name-offset-below-name-area",
     "offset %1 is below 80: the name would overlap the fixed header fields"},
    {F::NameOffsetPastHeader, 5, E::CorruptHeader, "name-offset-past-header", "offset %1 is above HEADER_SIZE - 2 (%2)"},
    {F::NameSizeTooLarge, 5, E::CorruptHeader, "name-size-too-large", "size %1 is not less than HEADER_SIZE - 80 (%2)"},
    {F::NamePastHeaderEnd, 5, E::CorruptHeader, "name-past-header-end",
     "the %1 runs past the end of the header: offset %2 + size %3 = %4 > HEADER_SIZE (%5)"},
    {F::NameContainsNul, 5, E::CorruptHeader, "name-contains-nul", "the %1 contains a NUL byte at offset %2"},
    {F::NamesOverlap, 5, E::CorruptHeader, "names-overlap",
     "the backing file name (bytes %1-%2) and the image file name (bytes %3-%4) overlap"},
    {F::NamesDoNotFit, 5, E::InvalidArgument, "names-do-not-fit", "the file names are %1 bytes together, at most %2 fit in the header"},
    {F::GivenNameContainsNul, 5, E::InvalidArgument, "given-name-contains-nul", "the %1 must not contain a NUL byte"},
    {F::ImageFileNameMissing, 6, E::CorruptHeader, "image-file-name-missing", "the image file name is missing; it is required"},
    {F::UnknownFeatureBits, 7, E::UnsupportedFeature, "unknown-feature-bits", "unsupported feature bits %1"},
    {F::OptionalFeaturesSet, 8, E::CorruptHeader, "optional-features-set", "optional features %1 are not 0 (ignored when reading)"},
    {F::FormatByteOutOfRange, 9, E::CorruptHeader, "format-byte-out-of-range", "the %1 holds byte %2 at offset %3, outside 0x21-0x7e"},
    {F::FormatBytesAfterNul, 9, E::CorruptHeader, "format-bytes-after-nul", "the %1 has non-zero bytes after its terminating NUL"},
    {F::BackingFormatMissing, 9, E::CorruptHeader, "backing-format-missing", "the backing file format is empty but a backing file is named"},
    {F::BackingFormatWithoutBacking, 9, E::CorruptHeader, "backing-format-without-backing",
     "the backing file format is %1 but no backing file is named"},
    {F::UnsupportedBackingFormat, 9, E::UnsupportedFormat, "unsupported-backing-format", "unsupported backing format %1"},
    {F::ImageFormatMissing, 9, E::CorruptHeader, "image-format-missing", "the image file format is empty"},
    {F::UnsupportedImageFormat, 9, E::UnsupportedFormat, "unsupported-image-format", "unsupported image format %1"},
    {F::InvalidFormat, 9, E::InvalidArgument, "invalid-format", "backing format %1 is not 1-16 printable ASCII characters"},
    {F::RawBackingLooksLikeFormat, 9, E::UnsupportedFormat, "raw-backing-looks-like-format",
     "the backing file's bytes look like %1, but the header says raw: they are read as raw bytes, exactly as stored; "
     "if the guest should see the disk they hold, store %1 (addcow rebase -u -F %1)"},
    {F::UnknownBackingFormat, 9, E::UnsupportedFormat, "unknown-backing-format", "unsupported backing format %1 (QEMU: %2)"},
    {F::EncryptedBackingLayer, 9, E::UnsupportedFormat, "encrypted-backing-layer",
     "%1 is an encrypted %2 image; encrypted backing files are not supported"},
    {F::QemuCannotRead, 9, E::QemuError, "qemu-cannot-read", "QEMU cannot read it: %1"},
    {F::QemuCannotReadAs, 9, E::QemuError, "qemu-cannot-read-as", "QEMU cannot read it as %1: %2"},
    {F::QemuProgramMissing, 9, E::FileMissing, "qemu-program-missing",
     "%1 is not installed; it reads backing files in formats other than raw through QEMU's block layer. Install the Debian package %2"},
    {F::StrayNameAreaBytes, 10, E::CorruptHeader, "stray-name-area-bytes", "%1 non-zero byte(s) at offset %2 that no file name covers"},
    {F::MoreStrayNameAreaBytes, 10, E::CorruptHeader, "more-stray-name-area-bytes",
     "%1 more run(s) of non-zero bytes (%2 bytes) that no file name covers"},
    {F::AddCowFileTooLong, 11, E::CorruptBitmap, "add-cow-file-too-long",
     "the .add-cow file is %1 bytes, longer than the %2 bytes the %3-byte image file needs: the image file's size changed since "
     "creation (its bitmap region of %4 bytes implies a virtual size of %5 to %6 bytes, the image file is now %3 bytes)"},
    {F::BackingFileLargerThanDisk, 11, E::CorruptHeader, "backing-file-larger-than-disk",
     "the backing disk is %1 bytes, larger than the %2-byte virtual size: its last %3 bytes are not visible"},
    {F::EmptyVirtualDisk, 11, E::InvalidArgument, "empty-virtual-disk",
     "the image file %1 is empty: the virtual disk has no bytes, so every read and write is past its end"},
    {F::BitmapBitsMissing, 12, E::CorruptBitmap, "bitmap-bits-missing",
     "the .add-cow file is %1 bytes, but the %2-byte image file needs %3 (%4 bitmap bytes for %5 clusters): bits are missing"},
    {F::BitmapRegionShort, 12, E::CorruptBitmap, "bitmap-region-short",
     "the .add-cow file is %1 bytes, shorter than the %2 bytes of header and rounded bitmap region; no bits are missing"},
    {F::SpareBitsSet, 12, E::CorruptBitmap, "spare-bits-set",
     "bits are set for clusters past the last one (%1), up to cluster %2: the image file's size changed since creation "
     "(the bits imply a virtual size of at least %3 bytes, the image file is now %4 bytes)"},
    {F::BitmapEndsEarly, 12, E::CorruptBitmap, "bitmap-ends-early",
     "the file ends at byte %1 while its bitmap was being read up to byte %2: it shrank meanwhile"},
    {F::BackingFileNotNeeded, 14, E::FileMissing, "backing-file-not-needed",
     "backing file %1 (resolved to %2) does not exist; not needed, ALL_ALLOCATED is set"},
    {F::AllAllocatedWithClearBits, 14, E::CorruptBitmap, "all-allocated-with-clear-bits",
     "ALL_ALLOCATED is set while %1 of %2 clusters have bit 0; that is fine, the bitmap is not consulted"},
    {F::FileMissing, 16, E::FileMissing, "file-missing", "%1 %2 (resolved to %3) does not exist"},
    {F::FileCannotBeOpened, 16, E::Io, "file-cannot-be-opened", "%1 %2 (resolved to %3) cannot be opened: %4"},
    {F::FileIsDirectory, 16, E::InvalidArgument, "file-is-directory", "%1 %2 (resolved to %3) is a directory, not a regular file"},
    {F::FileIsSpecial, 16, E::InvalidArgument, "file-is-special", "%1 %2 (resolved to %3) is a device or special file, not a regular file"},
    {F::FileIsBlockDevice, 16, E::InvalidArgument, "file-is-block-device",
     "%1 %2 (resolved to %3) is a block device; refusing to open it for writing"},
    {F::ImageFileIsAddCowFile, 17, E::IdenticalFiles, "image-file-is-add-cow-file", "the image file %1 is the .add-cow file itself"},
    {F::BackingFileIsAddCowFile, 17, E::IdenticalFiles, "backing-file-is-add-cow-file", "the backing file %1 is the .add-cow file itself"},
    {F::BackingFileIsImageFile, 17, E::IdenticalFiles, "backing-file-is-image-file", "the backing file %1 and the image file %2 are the same file"},
    {F::AddCowFileExists, 20, E::AlreadyExists, "add-cow-file-exists", "%1 already exists"},
    {F::ImageFileSizeFixed, 20, E::InvalidArgument, "image-file-size-fixed",
     "the image file exists with %1 bytes; it is never resized, so a size of %2 bytes cannot be used"},
    {F::ImageSmallerThanBacking, 20, E::ImageTooSmall, "image-smaller-than-backing",
     "the image file has %1 bytes, the backing file %2: the backing file's last %3 bytes would be lost"},
    {F::ImageSizeNeeded, 20, E::InvalidArgument, "image-size-needed", "the image file does not exist: give a size or a backing file"},
    {F::FolderMissing, 20, E::FileMissing, "folder-missing", "%1 %2 cannot be made: the folder %3 does not exist"},
    {F::FolderNotWritable, 20, E::Io, "folder-not-writable", "%1 %2 cannot be made in the folder %3: %4"},
    {F::NbdkitMissing, 0, E::FileMissing, "nbdkit-missing", "nbdkit is not installed (not found on PATH); install the package '%1' (Debian: apt install %1)"},
    {F::NbdkitPluginMissing, 0, E::FileMissing, "nbdkit-plugin-missing", "the nbdkit addcow plugin is not installed: neither %1 nor %2 exists"},
    {F::LibnbdMissing, 0, E::FileMissing, "libnbd-missing",
     "cannot load %1, which reads non-raw backing files over NBD (%2); install the Debian package %3"},
    {F::LibnbdTooOld, 0, E::FileMissing, "libnbd-too-old", "%1 lacks %2: libnbd 1.14 or later is needed"},
    {F::ServerStoppedBeforeReady, 0, E::ServerFailed, "server-stopped-before-ready", "nbdkit stopped before it was ready (%1): %2"},
    {F::ServerNotReady, 0, E::ServerFailed, "server-not-ready", "nbdkit was not ready after %1 seconds"},
    {F::ServerStoppedByItself, 0, E::ServerFailed, "server-stopped-by-itself", "nbdkit stopped by itself (%1): %2"},
    {F::ServerDidNotStopCleanly, 0, E::ServerFailed, "server-did-not-stop-cleanly",
     "nbdkit did not stop cleanly (%1); writes after the last flush may be lost: %2"},
}};

constexpr bool tableMatchesEnum()
{
    for (std::size_t i = 0; i < codeTable.size(); ++i) {
        if (static_cast<std::size_t>(codeTable[i].code) != i || codeTable[i].rule < 0 || codeTable[i].rule > 21)
            return false;
    }
    return true;
}
static_assert(tableMatchesEnum(), "codeTable must be indexed by FindingCode, each code with its rule (0: none)");

const CodeInfo &info(FindingCode code)
{
    const auto index = static_cast<std::size_t>(code);
    Q_ASSERT(index < codeTable.size());
    return codeTable[index < codeTable.size() ? index : 0];
}

} // namespace

int findingCodeRule(FindingCode code)
{
    return info(code).rule;
}

ErrorCode findingCodeError(FindingCode code)
{
    return info(code).error;
}

const char *findingCodeName(FindingCode code)
{
    return info(code).name;
}

const char *findingCodeTemplate(FindingCode code)
{
    return info(code).text;
}

QString findingMessage(FindingCode code, const FindingArguments &arguments)
{
    QStringList texts;
    texts.reserve(arguments.size());
    for (const FindingArgument &argument : arguments)
        texts << argument.toString();
    return fillPlaceholders(QString::fromLatin1(findingCodeTemplate(code)), texts);
}

} // namespace AddCow
