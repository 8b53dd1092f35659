// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "headermodel.h"

#include "format.h"
#include "image.h"
#include "ruletext.h"

#include <QFileInfo>
#include <QFontDatabase>
#include <QtEndian>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace AddCow
{

struct HeaderModel::Row {
    HeaderField field = HeaderField::Magic;
    quint64 offsetBytes = 0;
    quint64 lengthBytes = 0; ///< 0: no bytes in the .add-cow file
    quint64 focusOffsetBytes = 0;
    QString raw;
    QString value;
    Findings findings;
    Status status = Status::Valid;
    QString toolTip;
};

namespace
{

constexpr int MaxRawBytes = 24;

// Rows in display order: the fixed fields in file order, then what they point at, then files.
constexpr HeaderField RowFields[] = {
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
    HeaderField::BackingFileName,
    HeaderField::ImageFileName,
    HeaderField::NameArea,
    HeaderField::Bitmap,
    HeaderField::BackingFile,
    HeaderField::ImageFile,
    HeaderField::AddCowFile,
};

QString hexBytes(QByteArrayView bytes)
{
    const bool truncated = bytes.size() > MaxRawBytes;
    QString text = QString::fromLatin1(bytes.first(std::min<qsizetype>(bytes.size(), MaxRawBytes)).toByteArray().toHex(' '));
    if (truncated)
        text += u" …"_s;
    return text;
}

// Printable ASCII as is, everything else as \xNN (R9: formats are ASCII, shown exactly).
QString escapedAscii(QByteArrayView bytes)
{
    QString text;
    for (char c : bytes) {
        const auto u = static_cast<uchar>(c);
        if (u == '\\')
            text += u"\\\\"_s;
        else if (u >= 0x20 && u < 0x7f)
            text += QLatin1Char(c);
        else
            text += u"\\x%1"_s.arg(u, 2, 16, QLatin1Char('0'));
    }
    return text;
}

// R5: names are shown as UTF-8 (lossy), with control bytes such as NUL made visible.
QString displayName(QByteArrayView bytes)
{
    QString text;
    const QString decoded = QString::fromUtf8(bytes);
    for (QChar c : decoded) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            text += u"\\x%1"_s.arg(c.unicode(), 2, 16, QLatin1Char('0'));
        else
            text += c;
    }
    return text;
}

QString number(quint64 value)
{
    return u"%1 (0x%2)"_s.arg(value).arg(value, 0, 16);
}

QString featureBitsText(quint64 bits, bool optional)
{
    QStringList names;
    for (int bit = 0; bit < 64; ++bit) {
        const quint64 mask = quint64(1) << bit;
        if (!(bits & mask))
            continue;
        if (!optional && mask == FeatureAllAllocated)
            names << u"ALL_ALLOCATED"_s; // R7, R14
        else if (optional)
            names << HeaderModel::tr("bit %1 (0x%2)").arg(bit).arg(mask, 0, 16);
        else
            names << HeaderModel::tr("unknown bit %1 (0x%2)").arg(bit).arg(mask, 0, 16);
    }
    if (names.isEmpty())
        names << HeaderModel::tr("none");
    return u"0x%1 %2"_s.arg(bits, 0, 16).arg(names.join(u", "_s));
}

QString rangeText(quint64 offsetBytes, quint64 lengthBytes)
{
    if (lengthBytes == 0)
        return QString();
    return u"%1-%2"_s.arg(offsetBytes).arg(offsetBytes + lengthBytes - 1);
}

QByteArrayView bytesAt(const QByteArray &bytes, quint64 offsetBytes, quint64 lengthBytes)
{
    const auto size = quint64(bytes.size());
    if (offsetBytes >= size)
        return {};
    return QByteArrayView(bytes).sliced(qsizetype(offsetBytes), qsizetype(std::min(lengthBytes, size - offsetBytes)));
}

QString fileText(const QString &resolvedPath)
{
    const QFileInfo info(resolvedPath);
    if (!info.exists())
        return HeaderModel::tr("%1 (missing)").arg(resolvedPath);
    return HeaderModel::tr("%1 (%2 bytes)").arg(resolvedPath).arg(info.size());
}

} // namespace

HeaderModel::HeaderModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

HeaderModel::~HeaderModel() = default;

void HeaderModel::setHeader(const QByteArray &headerBytes, const HeaderParse &parse, const Findings &fileFindings,
                            const QString &addCowPath)
{
    beginResetModel();
    m_rows.clear();
    m_findings = parse.findings;
    for (const Finding &finding : fileFindings) {
        // Findings are data: one that is already there compares equal (code, field, bytes, arguments).
        if (!parse.findings.contains(finding))
            m_findings << finding;
    }

    const Header &header = parse.header;
    const auto available = quint64(headerBytes.size());
    // R4: a header pages size out of range says nothing about the real header size; assume one page.
    const bool pagesValid = header.headerPagesSize >= 1 && header.headerPagesSize <= MaxHeaderPagesSize;
    const quint64 headerSize = headerSizeFor(pagesValid ? header.headerPagesSize : 1);

    for (HeaderField field : RowFields) {
        Row row;
        row.field = field;
        switch (field) {
        case HeaderField::Magic:
        case HeaderField::Version:
        case HeaderField::BackingFileNameOffset:
        case HeaderField::BackingFileNameSize:
        case HeaderField::ImageFileNameOffset:
        case HeaderField::ImageFileNameSize:
        case HeaderField::Features:
        case HeaderField::OptionalFeatures:
        case HeaderField::HeaderPagesSize:
        case HeaderField::BackingFormat:
        case HeaderField::ImageFormat: {
            const HeaderFieldInfo &info = headerFieldInfo(field);
            row.offsetBytes = info.offsetBytes;
            row.lengthBytes = info.lengthBytes;
            const QByteArrayView raw = bytesAt(headerBytes, info.offsetBytes, info.lengthBytes);
            row.raw = hexBytes(raw);
            if (quint64(raw.size()) < info.lengthBytes) {
                row.value = tr("(missing: the file ends at byte %1)").arg(available);
                break;
            }
            switch (field) {
            case HeaderField::Magic:
                row.value = u"\"%1\""_s.arg(escapedAscii(raw)); // R2
                break;
            case HeaderField::Version:
                row.value = number(qFromLittleEndian<quint32>(raw.data())); // R1, R3
                break;
            case HeaderField::BackingFileNameOffset:
            case HeaderField::BackingFileNameSize:
            case HeaderField::ImageFileNameOffset:
            case HeaderField::ImageFileNameSize:
                row.value = number(qFromLittleEndian<quint32>(raw.data())); // R5
                break;
            case HeaderField::Features:
                row.value = featureBitsText(qFromLittleEndian<quint64>(raw.data()), false); // R7
                break;
            case HeaderField::OptionalFeatures:
                row.value = featureBitsText(qFromLittleEndian<quint64>(raw.data()), true); // R8
                break;
            case HeaderField::HeaderPagesSize: {
                const quint32 pages = qFromLittleEndian<quint32>(raw.data()); // R4
                row.value = pagesValid ? tr("%1: header size %2 bytes").arg(number(pages)).arg(headerSizeFor(pages)) : number(pages);
                break;
            }
            default: { // R9: the value is the bytes before the first NUL
                const qsizetype nul = raw.indexOf('\0');
                const QByteArrayView value = nul < 0 ? raw : raw.first(nul);
                row.value = value.isEmpty() ? tr("(empty)") : u"'%1'"_s.arg(escapedAscii(value));
                if (nul >= 0) {
                    // R9: only zero padding may follow the first NUL; show what does, up to its last non-zero byte.
                    QByteArrayView tail = raw.sliced(nul + 1);
                    while (!tail.isEmpty() && tail.back() == 0)
                        tail.chop(1);
                    if (!tail.isEmpty())
                        row.value += tr(" (bytes after the NUL: \"%1\")").arg(escapedAscii(tail));
                }
                break;
            }
            }
            break;
        }
        case HeaderField::BackingFileName:
        case HeaderField::ImageFileName: {
            const bool backing = field == HeaderField::BackingFileName;
            const quint64 offset = backing ? header.backingFileNameOffset : header.imageFileNameOffset;
            const quint64 size = backing ? header.backingFileNameSize : header.imageFileNameSize;
            if (offset == 0 && size == 0) {
                row.value = tr("(none)"); // R6: only the backing file name is optional
                break;
            }
            row.offsetBytes = offset;
            row.lengthBytes = size;
            const QByteArrayView name = bytesAt(headerBytes, offset, size);
            row.raw = hexBytes(name);
            row.value = u"“%1”"_s.arg(displayName(name)); // R5
            if (quint64(name.size()) < size)
                row.value += tr(" (cut off: %1 of %2 bytes are in the header)").arg(name.size()).arg(size);
            break;
        }
        case HeaderField::NameArea: {
            // R10: bytes 80 to HEADER_SIZE - 1 outside the names must be 0.
            row.offsetBytes = NameAreaOffset;
            row.lengthBytes = headerSize - NameAreaOffset;
            row.focusOffsetBytes = row.offsetBytes;
            // A name covers the bytes it points at even when it breaks R5, as the parser counts them.
            auto covered = [](quint64 offset, quint32 nameOffset, quint32 nameSize) {
                return nameOffset != 0 && nameSize != 0 && offset >= nameOffset && offset - nameOffset < nameSize;
            };
            auto coveredByName = [&](quint64 offset) {
                return covered(offset, header.backingFileNameOffset, header.backingFileNameSize)
                    || covered(offset, header.imageFileNameOffset, header.imageFileNameSize);
            };
            quint64 nonZero = 0;
            quint64 firstNonZero = 0;
            const quint64 end = std::min(headerSize, available);
            for (quint64 offset = NameAreaOffset; offset < end; ++offset) {
                if (headerBytes.at(qsizetype(offset)) != 0 && !coveredByName(offset)) {
                    if (nonZero++ == 0)
                        firstNonZero = offset;
                }
            }
            if (nonZero == 0) {
                row.value = end < headerSize ? tr("zero as far as read (%1 of %2 bytes)").arg(end > NameAreaOffset ? end - NameAreaOffset : 0).arg(row.lengthBytes)
                                             : tr("zero outside the names");
            } else {
                row.focusOffsetBytes = firstNonZero;
                row.raw = tr("at %1: %2").arg(firstNonZero).arg(hexBytes(bytesAt(headerBytes, firstNonZero, 8)));
                row.value = tr("%n non-zero byte(s) outside the names, the first at byte %1", nullptr, int(std::min<quint64>(nonZero, INT_MAX)))
                                .arg(firstNonZero);
            }
            break;
        }
        case HeaderField::Bitmap: {
            // R11: the bitmap starts at HEADER_SIZE and its size follows from the image file's size.
            row.offsetBytes = headerSize;
            const QFileInfo addCowInfo(addCowPath);
            const quint64 addCowSize = addCowInfo.exists() ? quint64(addCowInfo.size()) : 0;
            const quint64 storedBytes = addCowSize > headerSize ? addCowSize - headerSize : 0;
            const QFileInfo imageInfo(header.imageFileName.isEmpty() || addCowPath.isEmpty() ? QString() : resolveStoredName(addCowPath, header.imageFileName));
            if (!header.imageFileName.isEmpty() && imageInfo.exists()) {
                const quint64 clusters = clusterCountFor(quint64(imageInfo.size()));
                row.lengthBytes = bitmapRegionBytesFor(clusters);
                row.value = tr("%1 clusters: %2 bytes of bits in a region of %3 bytes").arg(clusters).arg(bitmapBytesFor(clusters)).arg(row.lengthBytes);
                if (!addCowPath.isEmpty() && storedBytes < row.lengthBytes)
                    row.value += tr("; the file holds %1 bytes of it").arg(storedBytes); // R12
            } else {
                row.lengthBytes = storedBytes;
                row.value = tr("size unknown: the image file is not available; the file holds %1 bytes after the header").arg(storedBytes);
            }
            if (header.isAllAllocated())
                row.value += tr(" (not consulted: ALL_ALLOCATED)"); // R14
            break;
        }
        case HeaderField::BackingFile:
        case HeaderField::ImageFile: {
            // R16: show the stored name and the resolved path.
            const QByteArray stored = field == HeaderField::BackingFile ? header.backingFileName : header.imageFileName;
            if (stored.isEmpty()) {
                row.value = field == HeaderField::BackingFile && !header.hasBackingFile() ? tr("(none)") : tr("(no usable name)");
                break;
            }
            row.value = addCowPath.isEmpty() ? u"“%1”"_s.arg(displayName(stored)) : fileText(resolveStoredName(addCowPath, stored));
            break;
        }
        case HeaderField::AddCowFile:
            row.value = addCowPath.isEmpty() ? QString() : fileText(QFileInfo(addCowPath).absoluteFilePath());
            break;
        }
        m_rows.push_back(std::move(row));
    }

    // Several findings on one row: the worst severity wins, the tooltip lists them all.
    for (const Finding &finding : std::as_const(m_findings)) {
        int rowIndex = rowForField(finding.field);
        if (rowIndex < 0)
            rowIndex = rowForField(HeaderField::AddCowFile);
        Row &row = m_rows[rowIndex];
        row.findings << finding;
        if (finding.severity == Severity::Error)
            row.status = Status::Error;
        else if (finding.severity == Severity::Warning && row.status == Status::Valid)
            row.status = Status::Warning;
        // A finding gives bytes to a header row that has none of its own (a name that is absent or
        // out of range); the file rows stay without bytes: they are files, not header bytes.
        const bool fileRow = row.field == HeaderField::BackingFile || row.field == HeaderField::ImageFile || row.field == HeaderField::AddCowFile;
        if (!fileRow && row.lengthBytes == 0 && finding.lengthBytes > 0) {
            row.offsetBytes = finding.offsetBytes;
            row.lengthBytes = finding.lengthBytes;
        }
        if (!fileRow && finding.lengthBytes > 0 && row.field != HeaderField::NameArea)
            row.focusOffsetBytes = std::max(row.offsetBytes, finding.offsetBytes);
    }

    for (Row &row : m_rows) {
        if (row.focusOffsetBytes == 0)
            row.focusOffsetBytes = row.offsetBytes;
        QStringList lines;
        const QString range = rangeText(row.offsetBytes, row.lengthBytes);
        lines << (range.isEmpty() ? fieldDisplayName(row.field) : tr("%1, bytes %2").arg(fieldDisplayName(row.field), range));
        if (row.findings.isEmpty())
            lines << tr("No problems found.");
        for (const Finding &finding : std::as_const(row.findings)) {
            lines << tr("%1 (R%2): %3").arg(severityDisplayName(finding.severity)).arg(finding.rule()).arg(findingText(finding));
            lines << tr("R%1: %2").arg(finding.rule()).arg(ruleText(finding.rule()));
        }
        row.toolTip = lines.join(QLatin1Char('\n'));
    }
    endResetModel();
}

void HeaderModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_findings.clear();
    endResetModel();
}

int HeaderModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int HeaderModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HeaderModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case RangeColumn:
            return rangeText(row.offsetBytes, row.lengthBytes);
        case NameColumn:
            return fieldDisplayName(row.field);
        case RawColumn:
            return row.raw;
        case ValueColumn:
            return row.value;
        case StatusColumn:
            return statusDisplayName(row.status);
        }
        break;
    case Qt::DecorationRole:
        if (index.column() == StatusColumn) {
            switch (row.status) {
            case Status::Valid:
                return validIcon();
            case Status::Warning:
                return severityIcon(Severity::Warning);
            case Status::Error:
                return severityIcon(Severity::Error);
            }
        }
        break;
    case Qt::ToolTipRole:
        // Long raw bytes and values are cut off in the table: the tooltip has them whole.
        if ((index.column() == RawColumn && !row.raw.isEmpty()) || (index.column() == ValueColumn && !row.value.isEmpty()))
            return QString((index.column() == RawColumn ? row.raw : row.value) + u"\n\n"_s + row.toolTip);
        return row.toolTip;
    case Qt::FontRole:
        if (index.column() == RawColumn || index.column() == RangeColumn)
            return QFontDatabase::systemFont(QFontDatabase::FixedFont);
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == RangeColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case FieldRole:
        return int(row.field);
    case OffsetRole:
        return row.offsetBytes;
    case LengthRole:
        return row.lengthBytes;
    case StatusRole:
        return int(row.status);
    case RulesRole: {
        QList<int> rules;
        for (const Finding &finding : row.findings) {
            if (!rules.contains(finding.rule()))
                rules << finding.rule();
        }
        return QVariant::fromValue(rules);
    }
    case FocusOffsetRole:
        return row.focusOffsetBytes;
    }
    return {};
}

QVariant HeaderModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case RangeColumn:
        return tr("Bytes");
    case NameColumn:
        return tr("Field");
    case RawColumn:
        return tr("Raw");
    case ValueColumn:
        return tr("Value");
    case StatusColumn:
        return tr("Status");
    }
    return {};
}

int HeaderModel::rowForField(HeaderField field) const
{
    for (size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].field == field)
            return int(i);
    }
    return -1;
}

HeaderField HeaderModel::fieldForRow(int row) const
{
    return m_rows.at(row).field;
}

HeaderModel::Status HeaderModel::status(int row) const
{
    return m_rows.at(row).status;
}

Findings HeaderModel::findings(int row) const
{
    return m_rows.at(row).findings;
}

quint64 HeaderModel::offsetBytes(int row) const
{
    return m_rows.at(row).offsetBytes;
}

quint64 HeaderModel::lengthBytes(int row) const
{
    return m_rows.at(row).lengthBytes;
}

Findings HeaderModel::allFindings() const
{
    return m_findings;
}

QString HeaderModel::statusDisplayName(Status status)
{
    switch (status) {
    case Status::Valid:
        return tr("valid");
    case Status::Warning:
        return tr("warning");
    case Status::Error:
        return tr("error");
    }
    return QString();
}

} // namespace AddCow
