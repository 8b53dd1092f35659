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

// Every HeaderField value, so an English field name from an Error can be matched back.
constexpr HeaderField AllFields[] = {
    HeaderField::Magic,
    HeaderField::Version,
    HeaderField::BackingFileNameOffset,
    HeaderField::BackingFileNameSize,
    HeaderField::ImageFileNameOffset,
    HeaderField::ImageFileNameSize,
    HeaderField::Features,
    HeaderField::OptionalFeatures,
    HeaderField::HeaderPagesSize,
    HeaderField::BackingFormat,
    HeaderField::ImageFormat,
    HeaderField::NameArea,
    HeaderField::BackingFileName,
    HeaderField::ImageFileName,
    HeaderField::Bitmap,
    HeaderField::BackingFile,
    HeaderField::ImageFile,
    HeaderField::AddCowFile,
};

QString translatedFieldName(const QString &englishName)
{
    for (HeaderField field : AllFields) {
        if (englishName == QLatin1String(headerFieldName(field)))
            return fieldDisplayName(field);
    }
    return englishName;
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
    if (!error.field.isEmpty())
        parts << RuleText::tr("Field: %1.").arg(translatedFieldName(error.field));
    if (error.code == ErrorCode::Io && error.errnoValue != 0)
        parts << RuleText::tr("System error: %1.").arg(qt_error_string(error.errnoValue));
    if (!error.detail.isEmpty())
        parts << RuleText::tr("Details: %1.").arg(error.detail);
    if (error.rule > 0)
        parts << RuleText::tr("Rule R%1: %2").arg(error.rule).arg(ruleText(error.rule));
    return parts.join(QLatin1Char(' '));
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
