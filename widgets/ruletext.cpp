// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "ruletext.h"

#include <QApplication>
#include <QCoreApplication>
#include <QStyle>

namespace AddCow
{

namespace
{

// Gives lupdate a context for the free functions below.
class RuleText
{
    Q_DECLARE_TR_FUNCTIONS(RuleText)
};

QStyle *currentStyle()
{
    return qobject_cast<QApplication *>(QCoreApplication::instance()) ? QApplication::style() : nullptr;
}

// One tr() template per code, word for word the English of core's findingCodeTemplate().
QString findingTemplate(FindingCode code)
{
    switch (code) {
    case FindingCode::HeaderCutShort:
        return RuleText::tr("the file ends after %1 bytes, before the end of the %2-byte header");
    case FindingCode::NotAddCow:
        return RuleText::tr("not an add-cow image: the magic is not \"ADD_COW\\xff\"");
    case FindingCode::LaterAddCowLayout:
        return RuleText::tr("the file starts with \"ACOW\": this is the later add-cow layout (2013 proposal V18-V20), which is incompatible with add-cow v1");
    case FindingCode::UnsupportedVersion:
        return RuleText::tr("unsupported add-cow version %1");
    case FindingCode::HeaderPagesSizeOutOfRange:
        return RuleText::tr("header pages size %1 is outside 1-%2");
    case FindingCode::NameSizeWithoutOffset:
        return RuleText::tr("the %1 offset is 0 but its size is %2; offset 0 means no name, so the size must be 0");
    case FindingCode::NameOffsetWithoutSize:
        return RuleText::tr("the %1 size is 0 but its offset is %2; a present name must be at least 1 byte");
    case FindingCode::NameOffsetBelowNameArea:
        return RuleText::tr("offset %1 is below 80: the name would overlap the fixed header fields");
    case FindingCode::NameOffsetPastHeader:
        return RuleText::tr("offset %1 is above HEADER_SIZE - 2 (%2)");
    case FindingCode::NameSizeTooLarge:
        return RuleText::tr("size %1 is not less than HEADER_SIZE - 80 (%2)");
    case FindingCode::NamePastHeaderEnd:
        return RuleText::tr("the %1 runs past the end of the header: offset %2 + size %3 = %4 > HEADER_SIZE (%5)");
    case FindingCode::NameContainsNul:
        return RuleText::tr("the %1 contains a NUL byte at offset %2");
    case FindingCode::NamesOverlap:
        return RuleText::tr("the backing file name (bytes %1-%2) and the image file name (bytes %3-%4) overlap");
    case FindingCode::NamesDoNotFit:
        return RuleText::tr("the file names are %1 bytes together, at most %2 fit in the header");
    case FindingCode::GivenNameContainsNul:
        return RuleText::tr("the %1 must not contain a NUL byte");
    case FindingCode::ImageFileNameMissing:
        return RuleText::tr("the image file name is missing; it is required");
    case FindingCode::UnknownFeatureBits:
        return RuleText::tr("unsupported feature bits %1");
    case FindingCode::OptionalFeaturesSet:
        return RuleText::tr("optional features %1 are not 0 (ignored when reading)");
    case FindingCode::FormatByteOutOfRange:
        return RuleText::tr("the %1 holds byte %2 at offset %3, outside 0x21-0x7e");
    case FindingCode::FormatBytesAfterNul:
        return RuleText::tr("the %1 has non-zero bytes after its terminating NUL");
    case FindingCode::BackingFormatMissing:
        return RuleText::tr("the backing file format is empty but a backing file is named");
    case FindingCode::BackingFormatWithoutBacking:
        return RuleText::tr("the backing file format is %1 but no backing file is named");
    case FindingCode::UnsupportedBackingFormat:
        return RuleText::tr("unsupported backing format %1");
    case FindingCode::ImageFormatMissing:
        return RuleText::tr("the image file format is empty");
    case FindingCode::UnsupportedImageFormat:
        return RuleText::tr("unsupported image format %1");
    case FindingCode::InvalidFormat:
        return RuleText::tr("backing format %1 is not 1-16 printable ASCII characters");
    case FindingCode::RawBackingLooksLikeFormat:
        return RuleText::tr("the backing file's bytes look like %1, but the header says raw: they are read as raw bytes, exactly as stored; "
                            "if the guest should see the disk they hold, store %1 (addcow rebase -u -F %1)");
    case FindingCode::UnknownBackingFormat:
        return RuleText::tr("unsupported backing format %1 (QEMU: %2)");
    case FindingCode::EncryptedBackingLayer:
        return RuleText::tr("%1 is an encrypted %2 image; encrypted backing files are not supported");
    case FindingCode::QemuCannotRead:
        return RuleText::tr("QEMU cannot read it: %1");
    case FindingCode::QemuCannotReadAs:
        return RuleText::tr("QEMU cannot read it as %1: %2");
    case FindingCode::QemuProgramMissing:
        return RuleText::tr("%1 is not installed; it reads backing files in formats other than raw through QEMU's block layer. Install the Debian package %2");
    case FindingCode::StrayNameAreaBytes:
        return RuleText::tr("%1 non-zero byte(s) at offset %2 that no file name covers");
    case FindingCode::MoreStrayNameAreaBytes:
        return RuleText::tr("%1 more run(s) of non-zero bytes (%2 bytes) that no file name covers");
    case FindingCode::AddCowFileTooLong:
        return RuleText::tr("the .add-cow file is %1 bytes, longer than the %2 bytes the %3-byte image file needs: the image file's size changed since "
                            "creation (its bitmap region of %4 bytes implies a virtual size of %5 to %6 bytes, the image file is now %3 bytes)");
    case FindingCode::BackingFileLargerThanDisk:
        return RuleText::tr("the backing disk is %1 bytes, larger than the %2-byte virtual size: its last %3 bytes are not visible");
    case FindingCode::EmptyVirtualDisk:
        return RuleText::tr("the image file %1 is empty: the virtual disk has no bytes, so every read and write is past its end");
    case FindingCode::BitmapBitsMissing:
        return RuleText::tr("the .add-cow file is %1 bytes, but the %2-byte image file needs %3 (%4 bitmap bytes for %5 clusters): bits are missing");
    case FindingCode::BitmapRegionShort:
        return RuleText::tr("the .add-cow file is %1 bytes, shorter than the %2 bytes of header and rounded bitmap region; no bits are missing");
    case FindingCode::SpareBitsSet:
        return RuleText::tr("bits are set for clusters past the last one (%1), up to cluster %2: the image file's size changed since creation "
                            "(the bits imply a virtual size of at least %3 bytes, the image file is now %4 bytes)");
    case FindingCode::BitmapEndsEarly:
        return RuleText::tr("the file ends at byte %1 while its bitmap was being read up to byte %2: it shrank meanwhile");
    case FindingCode::BackingFileNotNeeded:
        return RuleText::tr("backing file %1 (resolved to %2) does not exist; not needed, ALL_ALLOCATED is set");
    case FindingCode::AllAllocatedWithClearBits:
        return RuleText::tr("ALL_ALLOCATED is set while %1 of %2 clusters have bit 0; that is fine, the bitmap is not consulted");
    case FindingCode::FileMissing:
        return RuleText::tr("%1 %2 (resolved to %3) does not exist");
    case FindingCode::FileCannotBeOpened:
        return RuleText::tr("%1 %2 (resolved to %3) cannot be opened: %4");
    case FindingCode::FolderMissing:
        return RuleText::tr("%1 %2 cannot be made: the folder %3 does not exist");
    case FindingCode::FolderNotWritable:
        return RuleText::tr("%1 %2 cannot be made in the folder %3: %4");
    case FindingCode::FileIsDirectory:
        return RuleText::tr("%1 %2 (resolved to %3) is a directory, not a regular file");
    case FindingCode::FileIsSpecial:
        return RuleText::tr("%1 %2 (resolved to %3) is a device or special file, not a regular file");
    case FindingCode::FileIsBlockDevice:
        return RuleText::tr("%1 %2 (resolved to %3) is a block device; refusing to open it for writing");
    case FindingCode::ImageFileIsAddCowFile:
        return RuleText::tr("the image file %1 is the .add-cow file itself");
    case FindingCode::BackingFileIsAddCowFile:
        return RuleText::tr("the backing file %1 is the .add-cow file itself");
    case FindingCode::BackingFileIsImageFile:
        return RuleText::tr("the backing file %1 and the image file %2 are the same file");
    case FindingCode::AddCowFileExists:
        return RuleText::tr("%1 already exists");
    case FindingCode::ImageFileSizeFixed:
        return RuleText::tr("the image file exists with %1 bytes; it is never resized, so a size of %2 bytes cannot be used");
    case FindingCode::ImageSmallerThanBacking:
        return RuleText::tr("the image file has %1 bytes, the backing file %2: the backing file's last %3 bytes would be lost");
    case FindingCode::ImageSizeNeeded:
        return RuleText::tr("the image file does not exist: give a size or a backing file");
    case FindingCode::NbdkitMissing:
        return RuleText::tr("nbdkit is not installed (not found on PATH); install the package '%1' (Debian: apt install %1)");
    case FindingCode::NbdkitPluginMissing:
        return RuleText::tr("the nbdkit addcow plugin is not installed: neither %1 nor %2 exists");
    case FindingCode::LibnbdMissing:
        return RuleText::tr("cannot load %1, which reads non-raw backing files over NBD (%2); install the Debian package %3");
    case FindingCode::LibnbdTooOld:
        return RuleText::tr("%1 lacks %2: libnbd 1.14 or later is needed");
    case FindingCode::ServerStoppedBeforeReady:
        return RuleText::tr("nbdkit stopped before it was ready (%1): %2");
    case FindingCode::ServerNotReady:
        return RuleText::tr("nbdkit was not ready after %1 seconds");
    case FindingCode::ServerStoppedByItself:
        return RuleText::tr("nbdkit stopped by itself (%1): %2");
    case FindingCode::ServerDidNotStopCleanly:
        return RuleText::tr("nbdkit did not stop cleanly (%1); writes after the last flush may be lost: %2");
    }
    return QString::fromLatin1(findingCodeTemplate(code));
}

QString errorSentence(const Error &error)
{
    const QString path = error.path.isEmpty() ? RuleText::tr("The file") : RuleText::tr("“%1”").arg(error.path);
    switch (error.code) {
    case ErrorCode::NotAddCow:
        return RuleText::tr("%1 is not an add-cow image.").arg(path);
    case ErrorCode::LaterAddCowLayout:
        return RuleText::tr("%1 uses the later add-cow layout (“ACOW”, proposed in 2013 as V18-V20), which is incompatible with add-cow v1.").arg(path);
    case ErrorCode::UnsupportedVersion:
        return RuleText::tr("%1 has an add-cow version this program does not support.").arg(path);
    case ErrorCode::CorruptHeader:
        return RuleText::tr("The header of %1 is corrupt.").arg(path);
    case ErrorCode::UnsupportedFeature:
        return RuleText::tr("%1 uses feature bits this program does not know.").arg(path);
    case ErrorCode::UnsupportedFormat:
        return RuleText::tr("%1 names a file format this program cannot read.").arg(path);
    case ErrorCode::CorruptBitmap:
        return RuleText::tr("The bitmap of %1 is incomplete: bits are missing.").arg(path);
    case ErrorCode::IdenticalFiles:
        return RuleText::tr("The backing file, the image file and the .add-cow file are not three different files (%1).").arg(path);
    case ErrorCode::FileMissing:
        return RuleText::tr("%1 does not exist.").arg(path);
    case ErrorCode::Io:
        return RuleText::tr("Reading or writing %1 failed.").arg(path);
    case ErrorCode::OutOfRange:
        return RuleText::tr("The access goes past the end of the virtual disk.");
    case ErrorCode::AlreadyExists:
        return RuleText::tr("%1 already exists and would be overwritten.").arg(path);
    case ErrorCode::ImageTooSmall:
        return RuleText::tr("The image file %1 is smaller than the backing file; the backing file's tail would be lost.").arg(path);
    case ErrorCode::Busy:
        return RuleText::tr("%1 is in use by another program.").arg(path);
    case ErrorCode::Cancelled:
        return RuleText::tr("The operation was cancelled.");
    case ErrorCode::InvalidArgument:
        return RuleText::tr("Invalid request.");
    case ErrorCode::QemuError:
        return RuleText::tr("QEMU cannot read the backing file %1.").arg(path);
    case ErrorCode::ServerFailed:
        return RuleText::tr("The NBD server for %1 could not start or stopped serving.").arg(path);
    case ErrorCode::ReadOnly:
        return RuleText::tr("%1 is open read-only; nothing was written.").arg(path);
    }
    return RuleText::tr("Unknown error.");
}

} // namespace

QString ruleText(int rule)
{
    switch (rule) {
    case 1:
        return RuleText::tr("All integers are little-endian, and the header, 4096 × header pages size bytes, starts at offset 0.");
    case 2:
        return RuleText::tr("Bytes 0-7 must be the magic “ADD_COW\\xff”; a file that starts with “ACOW” uses the later, incompatible 2013 layout.");
    case 3:
        return RuleText::tr("Bytes 8-11 hold the version, and 1 is the only supported version.");
    case 4:
        return RuleText::tr("Bytes 44-47 hold the header pages size, which must be between 1 and 256 (writers write 1).");
    case 5:
        return RuleText::tr("A file name's offset is 0 exactly when its size is 0; a present name lies between byte 80 and the end of the header and contains no NUL byte.");
    case 6:
        return RuleText::tr("The image file name is required; the backing file name is optional.");
    case 7:
        return RuleText::tr("Bytes 28-35 hold the features: bit 0 is ALL_ALLOCATED, and any other bit means the image cannot be opened.");
    case 8:
        return RuleText::tr("Bytes 36-43 hold the optional features, which are written as 0 and ignored when reading.");
    case 9:
        return RuleText::tr("Formats are printable ASCII padded with zeros; the backing format is empty exactly when there is no backing file, and the image format must be “raw”. "
                            "A raw backing file is read natively, any other backing format through QEMU, exactly as stored (never probed).");
    case 10:
        return RuleText::tr("Header bytes from 80 on that no file name covers must be 0.");
    case 11:
        return RuleText::tr("The virtual size is the image file's size; each 64 KiB cluster has one bit in the bitmap, which starts after the header and is rounded up to a multiple of 65536 bytes.");
    case 12:
        return RuleText::tr("The .add-cow file must hold every bitmap byte, and bits for clusters past the virtual size must be 0.");
    case 13:
        return RuleText::tr("A set bit means the cluster is read from the image file; a clear bit means it is read from the backing file, or is zero past its end.");
    case 14:
        return RuleText::tr("With ALL_ALLOCATED set, every cluster is read from the image file and the bitmap and backing file are not used.");
    case 15:
        return RuleText::tr("The virtual disk ends at the virtual size; reads and writes past the end are errors.");
    case 16:
        return RuleText::tr("Relative file names are resolved against the folder that holds the .add-cow file, never the current folder.");
    case 17:
        return RuleText::tr("The backing file, the image file and the .add-cow file must be three different files.");
    case 18:
        return RuleText::tr("A write first copies the rest of each unallocated cluster from the backing file, makes the data durable, then sets the bitmap bits.");
    case 19:
        return RuleText::tr("Commit copies every unallocated cluster into the image file in resumable batches, then sets ALL_ALLOCATED.");
    case 20:
        return RuleText::tr("Create writes a new header and a zeroed bitmap to a temporary file and renames it into place, never overwriting or shrinking existing files.");
    }
    return RuleText::tr("Rule R%1 of the add-cow format decisions.").arg(rule);
}

QString fieldDisplayName(HeaderField field)
{
    switch (field) {
    case HeaderField::Magic:
        return RuleText::tr("magic");
    case HeaderField::Version:
        return RuleText::tr("version");
    case HeaderField::BackingFileNameOffset:
        return RuleText::tr("backing file name offset");
    case HeaderField::BackingFileNameSize:
        return RuleText::tr("backing file name size");
    case HeaderField::ImageFileNameOffset:
        return RuleText::tr("image file name offset");
    case HeaderField::ImageFileNameSize:
        return RuleText::tr("image file name size");
    case HeaderField::Features:
        return RuleText::tr("features");
    case HeaderField::OptionalFeatures:
        return RuleText::tr("optional features");
    case HeaderField::HeaderPagesSize:
        return RuleText::tr("header pages size");
    case HeaderField::BackingFormat:
        return RuleText::tr("backing file format");
    case HeaderField::ImageFormat:
        return RuleText::tr("image file format");
    case HeaderField::NameArea:
        return RuleText::tr("name area");
    case HeaderField::BackingFileName:
        return RuleText::tr("backing file name");
    case HeaderField::ImageFileName:
        return RuleText::tr("image file name");
    case HeaderField::Bitmap:
        return RuleText::tr("COW bitmap");
    case HeaderField::BackingFile:
        return RuleText::tr("backing file");
    case HeaderField::ImageFile:
        return RuleText::tr("image file");
    case HeaderField::AddCowFile:
        return RuleText::tr(".add-cow file");
    }
    return QString();
}

QString findingText(FindingCode code, const FindingArguments &arguments)
{
    QStringList texts;
    texts.reserve(arguments.size());
    for (const FindingArgument &argument : arguments) {
        switch (argument.kind) {
        case FindingArgument::Kind::Field:
            texts << fieldDisplayName(argument.field());
            break;
        case FindingArgument::Kind::Errno:
            texts << qt_error_string(int(argument.number));
            break;
        default:
            texts << argument.toString();
            break;
        }
    }
    return fillPlaceholders(findingTemplate(code), texts);
}

QString findingText(const Finding &finding)
{
    return findingText(finding.code, finding.arguments);
}

QString severityDisplayName(Severity severity)
{
    switch (severity) {
    case Severity::Info:
        return RuleText::tr("Info");
    case Severity::Warning:
        return RuleText::tr("Warning");
    case Severity::Error:
        return RuleText::tr("Error");
    }
    return QString();
}

QString errorText(const Error &error)
{
    QStringList parts{errorSentence(error)};
    if (error.field)
        parts << RuleText::tr("Field: %1.").arg(fieldDisplayName(*error.field));
    if (error.finding) {
        parts << RuleText::tr("Details: %1.").arg(findingText(*error.finding, error.arguments));
    } else {
        if (error.code == ErrorCode::Io && error.errnoValue != 0)
            parts << RuleText::tr("System error: %1.").arg(qt_error_string(error.errnoValue));
        if (!error.detail.isEmpty())
            parts << RuleText::tr("Details: %1.").arg(error.detail);
    }
    if (error.rule > 0)
        parts << RuleText::tr("Rule R%1: %2").arg(error.rule).arg(ruleText(error.rule));
    return parts.join(QLatin1Char(' '));
}

QString problemText(const Error &error)
{
    if (!error.finding)
        return errorSentence(error);
    QString sentence = findingText(*error.finding, error.arguments);
    if (!sentence.isEmpty())
        sentence[0] = sentence.at(0).toUpper();
    return sentence + QLatin1Char('.');
}

QIcon severityIcon(Severity severity)
{
    QStyle *style = currentStyle();
    if (!style)
        return QIcon();
    switch (severity) {
    case Severity::Info:
        return style->standardIcon(QStyle::SP_MessageBoxInformation);
    case Severity::Warning:
        return style->standardIcon(QStyle::SP_MessageBoxWarning);
    case Severity::Error:
        return style->standardIcon(QStyle::SP_MessageBoxCritical);
    }
    return QIcon();
}

QIcon validIcon()
{
    QStyle *style = currentStyle();
    return style ? style->standardIcon(QStyle::SP_DialogApplyButton) : QIcon();
}

} // namespace AddCow
