// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "headerparser.h"

#include "fileio.h"

#include <QtEndian>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>

using namespace Qt::StringLiterals;

namespace AddCow
{

namespace
{

// R10 findings per header; past this one summary finding stands for the rest.
constexpr int MaxStrayRunFindings = 64;

using Arg = FindingArgument;

class Checker
{
public:
    Checker(QByteArrayView bytes, HeaderParse &parse)
        : m_bytes(bytes)
        , m_parse(parse)
        , m_header(parse.header)
    {
    }

    void run();

private:
    bool has(quint64 offsetBytes, quint64 lengthBytes) const
    {
        return offsetBytes + lengthBytes <= quint64(m_bytes.size());
    }
    // The bytes [offsetBytes, offsetBytes + lengthBytes) that are there.
    QByteArrayView clamped(quint64 offsetBytes, quint64 lengthBytes) const
    {
        const auto size = quint64(m_bytes.size());
        if (offsetBytes >= size)
            return {};
        return m_bytes.sliced(qsizetype(offsetBytes), qsizetype(std::min(lengthBytes, size - offsetBytes)));
    }
    template<typename T>
    bool read(quint64 offsetBytes, T &out) const
    {
        if (!has(offsetBytes, sizeof(T)))
            return false;
        out = qFromLittleEndian<T>(m_bytes.data() + offsetBytes); // R1
        return true;
    }
    void add(Severity severity, FindingCode code, HeaderField field, quint64 offsetBytes, quint64 lengthBytes, const Arg &value,
             const FindingArguments &arguments = {})
    {
        m_parse.findings.append(Finding{severity, code, field, offsetBytes, lengthBytes, value, arguments});
    }
    void addAtField(Severity severity, FindingCode code, HeaderField field, const Arg &value, const FindingArguments &arguments = {})
    {
        const HeaderFieldInfo &info = headerFieldInfo(field);
        add(severity, code, field, info.offsetBytes, info.lengthBytes, value, arguments);
    }

    bool checkMagic();
    void decodeFixedFields();
    void checkName(HeaderField offsetField, HeaderField sizeField, HeaderField nameField,
                   quint32 offsetBytes, quint32 sizeBytes, bool offsetKnown, bool sizeKnown, QByteArray &name);
    void checkNameOverlap();
    void checkFormat(HeaderField field, bool backing);
    void checkNameArea();

    QByteArrayView m_bytes;
    HeaderParse &m_parse;
    Header &m_header;
    quint64 m_headerSize = HeaderPageBytes; // HEADER_SIZE used for the checks
    bool m_have[int(HeaderField::ImageFormat) + 1] = {};
};

bool Checker::checkMagic()
{
    // R2. Only the bytes that are there can be compared; a short start that matches so far is
    // reported as a short header, not as a foreign file.
    const qsizetype available = std::min<qsizetype>(m_bytes.size(), sizeof(MagicBytes));
    m_header.magic = m_bytes.first(available).toByteArray();
    m_have[int(HeaderField::Magic)] = available == qsizetype(sizeof(MagicBytes));
    if (available == 0 || std::memcmp(m_bytes.data(), MagicBytes, size_t(available)) == 0)
        return true;
    const qsizetype laterAvailable = std::min<qsizetype>(m_bytes.size(), sizeof(LaterLayoutMagic));
    if (laterAvailable == qsizetype(sizeof(LaterLayoutMagic))
        && std::memcmp(m_bytes.data(), LaterLayoutMagic, sizeof(LaterLayoutMagic)) == 0) {
        addAtField(Severity::Error, FindingCode::LaterAddCowLayout, HeaderField::Magic, Arg::ofHexBytes(m_header.magic));
    } else {
        addAtField(Severity::Error, FindingCode::NotAddCow, HeaderField::Magic, Arg::ofHexBytes(m_header.magic));
    }
    return false;
}

void Checker::decodeFixedFields()
{
    m_have[int(HeaderField::Version)] = read(8, m_header.version);
    m_have[int(HeaderField::BackingFileNameOffset)] = read(12, m_header.backingFileNameOffset);
    m_have[int(HeaderField::BackingFileNameSize)] = read(16, m_header.backingFileNameSize);
    m_have[int(HeaderField::ImageFileNameOffset)] = read(20, m_header.imageFileNameOffset);
    m_have[int(HeaderField::ImageFileNameSize)] = read(24, m_header.imageFileNameSize);
    m_have[int(HeaderField::Features)] = read(28, m_header.features);
    m_have[int(HeaderField::OptionalFeatures)] = read(36, m_header.optionalFeatures);
    m_have[int(HeaderField::HeaderPagesSize)] = read(44, m_header.headerPagesSize);
    m_header.backingFormatField = clamped(48, FormatFieldBytes).toByteArray();
    m_have[int(HeaderField::BackingFormat)] = has(48, FormatFieldBytes);
    m_header.imageFormatField = clamped(64, FormatFieldBytes).toByteArray();
    m_have[int(HeaderField::ImageFormat)] = has(64, FormatFieldBytes);
    // A short header must not show Header's defaults (version 1, one page) as if they were read.
    if (!m_have[int(HeaderField::Version)])
        m_header.version = 0;
    if (!m_have[int(HeaderField::HeaderPagesSize)])
        m_header.headerPagesSize = 0;
}

void Checker::checkName(HeaderField offsetField, HeaderField sizeField, HeaderField nameField, quint32 offsetBytes, quint32 sizeBytes,
                        bool offsetKnown, bool sizeKnown, QByteArray &name)
{
    name.clear();
    if (!offsetKnown || !sizeKnown)
        return;
    const Arg what = Arg::ofField(nameField);
    // R5: offset 0 if and only if size 0.
    if (offsetBytes == 0 && sizeBytes == 0)
        return;
    if (offsetBytes == 0) {
        addAtField(Severity::Error, FindingCode::NameSizeWithoutOffset, offsetField, Arg::ofNumber(offsetBytes), {what, Arg::ofNumber(sizeBytes)});
        return;
    }
    if (sizeBytes == 0) {
        addAtField(Severity::Error, FindingCode::NameOffsetWithoutSize, sizeField, Arg::ofNumber(sizeBytes), {what, Arg::ofNumber(offsetBytes)});
        return;
    }
    bool inRange = true;
    if (offsetBytes < NameAreaOffset) {
        inRange = false;
        addAtField(Severity::Error, FindingCode::NameOffsetBelowNameArea, offsetField, Arg::ofNumber(offsetBytes), {Arg::ofNumber(offsetBytes)});
    } else if (offsetBytes > m_headerSize - 2) {
        inRange = false;
        addAtField(Severity::Error, FindingCode::NameOffsetPastHeader, offsetField, Arg::ofNumber(offsetBytes),
                   {Arg::ofNumber(offsetBytes), Arg::ofNumber(m_headerSize - 2)});
    }
    if (sizeBytes >= m_headerSize - NameAreaOffset) {
        inRange = false;
        addAtField(Severity::Error, FindingCode::NameSizeTooLarge, sizeField, Arg::ofNumber(sizeBytes),
                   {Arg::ofNumber(sizeBytes), Arg::ofNumber(m_headerSize - NameAreaOffset)});
    }
    const quint64 endBytes = quint64(offsetBytes) + sizeBytes;
    if (endBytes > m_headerSize) {
        // An offset past HEADER_SIZE - 2 already says the name does not fit.
        if (offsetBytes >= NameAreaOffset && offsetBytes <= m_headerSize - 2) {
            addAtField(Severity::Error, FindingCode::NamePastHeaderEnd, sizeField, Arg::ofNumber(sizeBytes),
                       {what, Arg::ofNumber(offsetBytes), Arg::ofNumber(sizeBytes), Arg::ofNumber(endBytes), Arg::ofNumber(m_headerSize)});
        }
        inRange = false;
    }
    if (!inRange || !has(offsetBytes, sizeBytes))
        return;
    name = m_bytes.sliced(offsetBytes, sizeBytes).toByteArray();
    // R5: names are raw bytes, not NUL-terminated; a NUL inside is corrupt.
    const qsizetype nul = name.indexOf('\0');
    if (nul >= 0) {
        add(Severity::Error, FindingCode::NameContainsNul, nameField, offsetBytes + quint64(nul), 1, Arg::ofName(name),
            {what, Arg::ofNumber(offsetBytes + quint64(nul))});
    }
}

void Checker::checkNameOverlap()
{
    // R5: two names sharing bytes is corrupt. Only names that passed the range checks count.
    if (m_header.backingFileName.isEmpty() || m_header.imageFileName.isEmpty())
        return;
    const quint64 backingBegin = m_header.backingFileNameOffset;
    const quint64 backingEnd = backingBegin + m_header.backingFileNameSize;
    const quint64 imageBegin = m_header.imageFileNameOffset;
    const quint64 imageEnd = imageBegin + m_header.imageFileNameSize;
    const quint64 begin = std::max(backingBegin, imageBegin);
    const quint64 end = std::min(backingEnd, imageEnd);
    if (begin >= end)
        return;
    const HeaderField field = backingBegin >= imageBegin ? HeaderField::BackingFileName : HeaderField::ImageFileName;
    add(Severity::Error, FindingCode::NamesOverlap, field, begin, end - begin, Arg::ofNumber(begin),
        {Arg::ofNumber(backingBegin), Arg::ofNumber(backingEnd - 1), Arg::ofNumber(imageBegin), Arg::ofNumber(imageEnd - 1)});
}

void Checker::checkFormat(HeaderField field, bool backing)
{
    if (!m_have[int(field)])
        return;
    const HeaderFieldInfo &info = headerFieldInfo(field);
    const QByteArray &raw = backing ? m_header.backingFormatField : m_header.imageFormatField;
    const QByteArray value = backing ? m_header.backingFormat() : m_header.imageFormat();

    // R9: the value is printable ASCII without spaces.
    bool printable = true;
    for (qsizetype i = 0; i < value.size(); ++i) {
        const auto b = static_cast<uchar>(value[i]);
        if (b < 0x21 || b > 0x7e) {
            printable = false;
            add(Severity::Error, FindingCode::FormatByteOutOfRange, field, info.offsetBytes + quint64(i), 1, Arg::ofFormat(value),
                {Arg::ofField(field), Arg::ofByte(b), Arg::ofNumber(info.offsetBytes + quint64(i))});
            break;
        }
    }
    // R9: after the first NUL only zero padding.
    if (value.size() < raw.size()) {
        qsizetype first = -1;
        qsizetype last = -1;
        for (qsizetype i = value.size() + 1; i < raw.size(); ++i) {
            if (raw[i] != '\0') {
                if (first < 0)
                    first = i;
                last = i;
            }
        }
        if (first >= 0) {
            add(Severity::Warning, FindingCode::FormatBytesAfterNul, field, info.offsetBytes + quint64(first), quint64(last - first + 1),
                Arg::ofHexBytes(raw.sliced(first, last - first + 1)), {Arg::ofField(field)});
        }
    }

    if (backing) {
        // R9: empty if and only if there is no backing file.
        const bool backingKnown = m_have[int(HeaderField::BackingFileNameOffset)] && m_have[int(HeaderField::BackingFileNameSize)];
        const bool namesBacking = backingKnown && m_header.hasBackingFile();
        if (backingKnown && namesBacking && value.isEmpty()) {
            addAtField(Severity::Error, FindingCode::BackingFormatMissing, field, Arg::ofFormat(value));
        } else if (backingKnown && !namesBacking && !value.isEmpty()) {
            addAtField(Severity::Error, FindingCode::BackingFormatWithoutBacking, field, Arg::ofFormat(value), {Arg::ofFormat(value)});
        }
        // R9: any other backing format is QEMU's to read (or to refuse): Image::open and
        // Image::check ask it, the header alone cannot tell.
    } else {
        if (value.isEmpty()) {
            addAtField(Severity::Error, FindingCode::ImageFormatMissing, field, Arg::ofFormat(value));
        } else if (printable && value != "raw") {
            addAtField(Severity::Error, FindingCode::UnsupportedImageFormat, field, Arg::ofFormat(value), {Arg::ofFormat(value)});
        }
    }
}

void Checker::checkNameArea()
{
    // R10: bytes 80 .. HEADER_SIZE-1 outside the names must be 0. Names that are out of range
    // still cover the bytes they point at, so their bytes are not reported twice.
    const quint64 end = std::min<quint64>(m_headerSize, quint64(m_bytes.size()));
    if (end <= NameAreaOffset)
        return;
    const auto covered = [](quint64 offset, quint32 nameOffset, quint32 nameSize) {
        return nameOffset != 0 && nameSize != 0 && offset >= nameOffset && offset - nameOffset < nameSize;
    };
    const Header &h = m_header;
    int runs = 0;
    quint64 hiddenRuns = 0;
    quint64 hiddenBytes = 0;
    quint64 i = NameAreaOffset;
    while (i < end) {
        if (m_bytes[i] == '\0' || covered(i, h.backingFileNameOffset, h.backingFileNameSize)
            || covered(i, h.imageFileNameOffset, h.imageFileNameSize)) {
            ++i;
            continue;
        }
        const quint64 runBegin = i;
        while (i < end && m_bytes[i] != '\0' && !covered(i, h.backingFileNameOffset, h.backingFileNameSize)
               && !covered(i, h.imageFileNameOffset, h.imageFileNameSize))
            ++i;
        const quint64 runLength = i - runBegin;
        if (runs < MaxStrayRunFindings) {
            ++runs;
            const QByteArray run = m_bytes.sliced(runBegin, std::min<quint64>(runLength, 16)).toByteArray();
            add(Severity::Warning, FindingCode::StrayNameAreaBytes, HeaderField::NameArea, runBegin, runLength, Arg::ofHexBytes(run, runLength),
                {Arg::ofNumber(runLength), Arg::ofNumber(runBegin)});
        } else {
            ++hiddenRuns;
            hiddenBytes += runLength;
        }
    }
    if (hiddenRuns > 0) {
        add(Severity::Warning, FindingCode::MoreStrayNameAreaBytes, HeaderField::NameArea, NameAreaOffset, end - NameAreaOffset, Arg(),
            {Arg::ofNumber(hiddenRuns), Arg::ofNumber(hiddenBytes)});
    }
}

void Checker::run()
{
    const bool magicOk = checkMagic();
    decodeFixedFields();

    // R4: HEADER_SIZE comes from the header pages size when that is valid; otherwise the
    // one page writers write is the best guess for the remaining checks.
    const quint32 pages = m_header.headerPagesSize;
    const bool pagesKnown = m_have[int(HeaderField::HeaderPagesSize)];
    const bool pagesValid = pagesKnown && pages >= 1 && pages <= MaxHeaderPagesSize;
    m_headerSize = pagesValid ? headerSizeFor(pages) : HeaderPageBytes;
    m_parse.complete = quint64(m_bytes.size()) >= m_headerSize;

    if (!magicOk)
        return; // R2: not add-cow v1; the remaining bytes follow another layout, so no rule applies.

    if (!m_parse.complete) {
        add(Severity::Error, FindingCode::HeaderCutShort, HeaderField::AddCowFile, quint64(m_bytes.size()), 0, Arg::ofNumber(m_bytes.size()),
            {Arg::ofNumber(m_bytes.size()), Arg::ofNumber(m_headerSize)});
    }

    // R3
    if (m_have[int(HeaderField::Version)] && m_header.version != SupportedVersion) {
        addAtField(Severity::Error, FindingCode::UnsupportedVersion, HeaderField::Version, Arg::ofNumber(m_header.version),
                   {Arg::ofNumber(m_header.version)});
    }

    // R4
    if (pagesKnown && !pagesValid) {
        addAtField(Severity::Error, FindingCode::HeaderPagesSizeOutOfRange, HeaderField::HeaderPagesSize, Arg::ofNumber(pages),
                   {Arg::ofNumber(pages), Arg::ofNumber(MaxHeaderPagesSize)});
    }

    // R7
    if (m_have[int(HeaderField::Features)]) {
        const quint64 unknown = m_header.features & ~KnownFeatures;
        if (unknown != 0)
            addAtField(Severity::Error, FindingCode::UnknownFeatureBits, HeaderField::Features, Arg::ofHex(unknown), {Arg::ofHex(unknown)});
    }

    // R8
    if (m_have[int(HeaderField::OptionalFeatures)] && m_header.optionalFeatures != 0) {
        addAtField(Severity::Warning, FindingCode::OptionalFeaturesSet, HeaderField::OptionalFeatures, Arg::ofHex(m_header.optionalFeatures),
                   {Arg::ofHex(m_header.optionalFeatures)});
    }

    // R5, R6
    checkName(HeaderField::BackingFileNameOffset, HeaderField::BackingFileNameSize, HeaderField::BackingFileName,
              m_header.backingFileNameOffset, m_header.backingFileNameSize, m_have[int(HeaderField::BackingFileNameOffset)],
              m_have[int(HeaderField::BackingFileNameSize)], m_header.backingFileName);
    checkName(HeaderField::ImageFileNameOffset, HeaderField::ImageFileNameSize, HeaderField::ImageFileName,
              m_header.imageFileNameOffset, m_header.imageFileNameSize, m_have[int(HeaderField::ImageFileNameOffset)],
              m_have[int(HeaderField::ImageFileNameSize)], m_header.imageFileName);
    if (m_have[int(HeaderField::ImageFileNameOffset)] && m_have[int(HeaderField::ImageFileNameSize)] && m_header.imageFileNameOffset == 0
        && m_header.imageFileNameSize == 0) {
        add(Severity::Error, FindingCode::ImageFileNameMissing, HeaderField::ImageFileNameOffset, 20, 8, Arg::ofNumber(0));
    }
    checkNameOverlap();

    // R9
    checkFormat(HeaderField::BackingFormat, true);
    checkFormat(HeaderField::ImageFormat, false);

    // R10
    checkNameArea();
}

// QEMU cow.c order: magic, version, header pages size, (the header's own length), features,
// names, formats. Lower comes first.
int checkOrder(HeaderField field)
{
    switch (field) {
    case HeaderField::Magic:
        return 0;
    case HeaderField::Version:
        return 1;
    case HeaderField::HeaderPagesSize:
        return 2;
    case HeaderField::AddCowFile:
        return 3;
    case HeaderField::Features:
        return 4;
    case HeaderField::OptionalFeatures:
        return 5;
    case HeaderField::BackingFileNameOffset:
    case HeaderField::BackingFileNameSize:
    case HeaderField::ImageFileNameOffset:
    case HeaderField::ImageFileNameSize:
    case HeaderField::BackingFileName:
    case HeaderField::ImageFileName:
        return 6;
    case HeaderField::BackingFormat:
    case HeaderField::ImageFormat:
        return 7;
    case HeaderField::NameArea:
        return 8;
    case HeaderField::Bitmap:
    case HeaderField::BackingFile:
    case HeaderField::ImageFile:
        return 9;
    }
    return 9;
}

} // namespace

std::optional<Error> HeaderParse::firstError() const
{
    const Finding *first = nullptr;
    for (const Finding &finding : findings) {
        if (finding.severity != Severity::Error)
            continue;
        if (!first || checkOrder(finding.field) < checkOrder(first->field))
            first = &finding;
    }
    if (!first)
        return std::nullopt;
    return Error::fromFinding(path, *first);
}

HeaderParse parseHeader(QByteArrayView bytes, const QString &path)
{
    HeaderParse parse;
    parse.path = path;
    parse.bytes = bytes.toByteArray();
    Checker(bytes, parse).run();
    std::stable_sort(parse.findings.begin(), parse.findings.end(), [](const Finding &a, const Finding &b) {
        return a.offsetBytes < b.offsetBytes;
    });
    return parse;
}

Result<HeaderParse> readHeader(int fd, const QString &path)
{
    // R1/R4: one page first; a header of more pages is read whole once its size is known, never
    // more than 256 pages. Short reads end at the end of the file: the parser reports it (R1).
    QByteArray bytes(HeaderPageBytes, Qt::Uninitialized);
    qint64 got = FileIo::readFull(fd, bytes.data(), HeaderPageBytes, 0);
    if (got < 0)
        return Error::fromErrno(path, u"cannot read the header"_s);
    bytes.truncate(got);
    const quint32 pages = got >= 48 ? qFromLittleEndian<quint32>(bytes.constData() + 44) : 1;
    if (pages > 1 && pages <= MaxHeaderPagesSize && bytes.startsWith(QByteArrayView(MagicBytes, sizeof(MagicBytes)))) {
        bytes.resize(qsizetype(headerSizeFor(pages)));
        got = FileIo::readFull(fd, bytes.data(), headerSizeFor(pages), 0);
        if (got < 0)
            return Error::fromErrno(path, u"cannot read the header"_s);
        bytes.truncate(got);
    }
    return parseHeader(bytes, path);
}

Result<HeaderParse> readHeader(const QString &path)
{
    // FileIo::open never waits for a FIFO's writer.
    const int fd = FileIo::open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        Error error = Error::fromErrno(path, u"cannot open the .add-cow file"_s);
        if (error.errnoValue == ENOENT)
            error.code = ErrorCode::FileMissing;
        return error;
    }
    Result<HeaderParse> parse = readHeader(fd, path);
    FileIo::close(fd);
    return parse;
}

} // namespace AddCow
