// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "headerparser.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <cstring>

using namespace AddCow;
using namespace Qt::StringLiterals;

namespace
{

// Header bytes built by hand, byte by byte, so these tests do not lean on Header::serialize().
class Bytes
{
public:
    explicit Bytes(qsizetype size = 4096)
        : m_bytes(size, '\0')
    {
    }
    Bytes &u32(qsizetype offset, quint32 value) // R1: little-endian
    {
        for (int i = 0; i < 4; ++i)
            m_bytes[offset + i] = char((value >> (8 * i)) & 0xff);
        return *this;
    }
    Bytes &u64(qsizetype offset, quint64 value)
    {
        for (int i = 0; i < 8; ++i)
            m_bytes[offset + i] = char((value >> (8 * i)) & 0xff);
        return *this;
    }
    Bytes &put(qsizetype offset, QByteArrayView bytes)
    {
        for (qsizetype i = 0; i < bytes.size(); ++i)
            m_bytes[offset + i] = bytes[i];
        return *this;
    }
    Bytes &fill(qsizetype offset, qsizetype length, char value = '\0')
    {
        for (qsizetype i = 0; i < length; ++i)
            m_bytes[offset + i] = value;
        return *this;
    }
    Bytes &truncate(qsizetype size)
    {
        m_bytes.truncate(size);
        return *this;
    }
    operator QByteArray() const { return m_bytes; }

private:
    QByteArray m_bytes;
};

// A valid one-page header: image name "disk.raw" at 80, backing name "base.raw" at 88.
Bytes validHeader(qsizetype size = 4096)
{
    Bytes b(size);
    b.put(0, QByteArrayView("ADD_COW\xff", 8))
        .u32(8, 1)
        .u32(12, 88)
        .u32(16, 8)
        .u32(20, 80)
        .u32(24, 8)
        .u64(28, 0)
        .u64(36, 0)
        .u32(44, 1)
        .put(48, "raw")
        .put(64, "raw")
        .put(80, "disk.raw")
        .put(88, "base.raw");
    return b;
}

// A valid header without a backing file (R6: the backing name is optional).
Bytes validHeaderWithoutBacking()
{
    return validHeader().u32(12, 0).u32(16, 0).fill(48, 16).fill(88, 8);
}

QString signature(const Finding &f)
{
    return u"R%1 %2 %3 @%4+%5"_s.arg(f.rule())
        .arg(severityName(f.severity), QString::fromLatin1(headerFieldName(f.field)))
        .arg(f.offsetBytes)
        .arg(f.lengthBytes);
}

QStringList signatures(const Findings &findings)
{
    QStringList list;
    for (const Finding &f : findings)
        list << signature(f);
    return list;
}

constexpr int NoError = -1;

} // namespace

class HeaderParserTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validHeaders_data();
    void validHeaders();
    void brokenRules_data();
    void brokenRules();
    void anyBackingFormatNameIsQemus_data();
    void anyBackingFormatNameIsQemus();
    void decodesEveryField();
    void firstErrorFollowsCowOrder_data();
    void firstErrorFollowsCowOrder();
    void findingsAreSortedByOffset();
    void strayRunsAreCapped();
    void shortInputsNeverCrash();
    void mutatedHeadersKeepInvariants();
    void readHeaderReadsFiles();
    void readHeaderMultiPage();
    void readHeaderCapsPages();
    void readHeaderErrors();
};

void HeaderParserTest::validHeaders_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<quint64>("headerSize");

    QTest::newRow("R1 valid one-page header") << QByteArray(validHeader()) << quint64(4096);
    QTest::newRow("R1 trailing bitmap bytes are not header") << QByteArray(validHeader().truncate(4096)) + QByteArray(100, '\xff')
                                                            << quint64(4096);
    QTest::newRow("R4 header pages size 2 with a name past 4096")
        << QByteArray(validHeader(8192).u32(44, 2).fill(88, 8).u32(12, 8000).put(8000, "base.raw")) << quint64(8192);
    QTest::newRow("R4 header pages size 256") << QByteArray(validHeader(256 * 4096).u32(44, 256)) << quint64(256 * 4096);
    QTest::newRow("R5 name at HEADER_SIZE - 2 of size 1")
        << QByteArray(validHeader().fill(88, 8).u32(12, 4094).u32(16, 1).put(4094, "b")) << quint64(4096);
    QTest::newRow("R5 name ending exactly at HEADER_SIZE")
        << QByteArray(validHeader().fill(88, 8).u32(12, 4088).u32(16, 8).put(4088, "base.raw")) << quint64(4096);
    QTest::newRow("R5 name of HEADER_SIZE - 81 bytes")
        << QByteArray(validHeaderWithoutBacking().u32(20, 80).u32(24, 4015).fill(80, 4015, 'n')) << quint64(4096);
    QTest::newRow("R6 no backing file") << QByteArray(validHeaderWithoutBacking()) << quint64(4096);
    QTest::newRow("R7 ALL_ALLOCATED is a known feature") << QByteArray(validHeaderWithoutBacking().u64(28, 1)) << quint64(4096);
    QTest::newRow("R5 name bytes are raw, not ASCII")
        << QByteArray(validHeader().put(80, "d\xc3\xa9sk.raw").u32(24, 9).u32(12, 89).put(89, "base.raw")) << quint64(4096);
}

void HeaderParserTest::validHeaders()
{
    QFETCH(QByteArray, bytes);
    QFETCH(quint64, headerSize);

    const HeaderParse parse = parseHeader(bytes, u"/images/a.add-cow"_s);
    QVERIFY2(parse.findings.isEmpty(), qPrintable(signatures(parse.findings).join(u", "_s)));
    QVERIFY(parse.complete);
    QVERIFY(!parse.hasErrors());
    QVERIFY(!parse.firstError().has_value());
    QCOMPARE(parse.header.headerSizeBytes(), headerSize);
    QVERIFY(!parse.header.imageFileName.isEmpty());
}

void HeaderParserTest::brokenRules_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QStringList>("expected"); // every finding, in offset order
    QTest::addColumn<int>("code");             // the first finding's FindingCode
    QTest::addColumn<QStringList>("arguments"); // its arguments as rendered
    QTest::addColumn<int>("errorCode");        // firstError().code, NoError when usable
    QTest::addColumn<bool>("complete");

    using F = FindingCode;
    const auto row = [](const char *name, const QByteArray &bytes, const QStringList &expected, FindingCode finding, const QStringList &arguments,
                        int code, bool complete = true) {
        QTest::newRow(name) << bytes << expected << int(finding) << arguments << code << complete;
    };
    const int notAddCow = int(ErrorCode::NotAddCow);
    const int later = int(ErrorCode::LaterAddCowLayout);
    const int version = int(ErrorCode::UnsupportedVersion);
    const int corrupt = int(ErrorCode::CorruptHeader);
    const int feature = int(ErrorCode::UnsupportedFeature);
    const int format = int(ErrorCode::UnsupportedFormat);

    // R1
    row("R1 big-endian version reads as 16777216", validHeader().put(8, QByteArrayView("\0\0\0\1", 4)), {u"R3 error version @8+4"_s},
        F::UnsupportedVersion, {u"16777216"_s}, version);
    row("R1 header shorter than HEADER_SIZE", validHeader().truncate(100), {u"R1 error add-cow file @100+0"_s}, F::HeaderCutShort, {u"100"_s, u"4096"_s},
        corrupt, false);
    row("R1 header pages size 2 needs 8192 bytes", validHeader().u32(44, 2), {u"R1 error add-cow file @4096+0"_s},
        F::HeaderCutShort, {u"4096"_s, u"8192"_s}, corrupt, false);
    row("R1 empty file", QByteArray(), {u"R1 error add-cow file @0+0"_s}, F::HeaderCutShort, {u"0"_s, u"4096"_s}, corrupt, false);

    // R2
    row("R2 bad magic", validHeader().put(7, QByteArrayView("\0", 1)), {u"R2 error magic @0+8"_s}, F::NotAddCow, {}, notAddCow);
    row("R2 ACOW is the later 2013 layout", validHeader().put(0, QByteArrayView("ACOW\0\0\0\0", 8)), {u"R2 error magic @0+8"_s},
        F::LaterAddCowLayout, {}, later);
    row("R2 qcow2 magic", validHeader().put(0, QByteArrayView("QFI\xfb\0\0\0\3", 8)), {u"R2 error magic @0+8"_s},
        F::NotAddCow, {}, notAddCow);
    row("R2 short file that is not add-cow", QByteArray("hello"), {u"R2 error magic @0+8"_s}, F::NotAddCow, {}, notAddCow, false);

    // R3
    row("R3 version 2", validHeader().u32(8, 2), {u"R3 error version @8+4"_s}, F::UnsupportedVersion, {u"2"_s}, version);
    row("R3 version 0", validHeader().u32(8, 0), {u"R3 error version @8+4"_s}, F::UnsupportedVersion, {u"0"_s}, version);

    // R4
    row("R4 header pages size 0", validHeader().u32(44, 0), {u"R4 error header pages size @44+4"_s}, F::HeaderPagesSizeOutOfRange, {u"0"_s, u"256"_s},
        corrupt);
    row("R4 header pages size 257", validHeader().u32(44, 257), {u"R4 error header pages size @44+4"_s},
        F::HeaderPagesSizeOutOfRange, {u"257"_s, u"256"_s}, corrupt);

    // R5
    row("R5 backing offset below 80", validHeader().fill(88, 8).u32(12, 79), {u"R5 error backing file name offset @12+4"_s},
        F::NameOffsetBelowNameArea, {u"79"_s}, corrupt);
    row("R5 backing offset above HEADER_SIZE - 2", validHeader().fill(88, 8).u32(12, 4095).u32(16, 1),
        {u"R5 error backing file name offset @12+4"_s}, F::NameOffsetPastHeader, {u"4095"_s, u"4094"_s}, corrupt);
    row("R5 backing size 0 with an offset", validHeader().fill(88, 8).u32(16, 0), {u"R5 error backing file name size @16+4"_s},
        F::NameOffsetWithoutSize, {u"backing file name"_s, u"88"_s}, corrupt);
    row("R5 backing offset 0 with a size", validHeader().fill(88, 8).u32(12, 0), {u"R5 error backing file name offset @12+4"_s},
        F::NameSizeWithoutOffset, {u"backing file name"_s, u"8"_s}, corrupt);
    row("R5 image size not less than HEADER_SIZE - 80", validHeader().u32(24, 4016),
        {u"R5 error image file name size @24+4"_s}, F::NameSizeTooLarge, {u"4016"_s, u"4016"_s}, corrupt);
    row("R5 backing name runs past HEADER_SIZE", validHeader().fill(88, 8).u32(12, 4090).put(4090, "base.r"),
        {u"R5 error backing file name size @16+4"_s}, F::NamePastHeaderEnd, {u"backing file name"_s, u"4090"_s, u"8"_s, u"4098"_s, u"4096"_s}, corrupt);
    row("R5 NUL byte inside the image name", validHeader().put(84, QByteArrayView("\0", 1)), {u"R5 error image file name @84+1"_s},
        F::NameContainsNul, {u"image file name"_s, u"84"_s}, corrupt);
    row("R5 names overlap", validHeader().fill(92, 4).u32(12, 84), {u"R5 error backing file name @84+4"_s},
        F::NamesOverlap, {u"84"_s, u"91"_s, u"80"_s, u"87"_s}, corrupt);
    row("R5 both names broken", validHeader().fill(80, 16).u32(12, 10).u32(20, 5000),
        {u"R5 error backing file name offset @12+4"_s, u"R5 error image file name offset @20+4"_s},
        F::NameOffsetBelowNameArea, {u"10"_s}, corrupt);

    // R6
    row("R6 image file name missing", validHeader().fill(80, 8).u32(20, 0).u32(24, 0), {u"R6 error image file name offset @20+8"_s},
        F::ImageFileNameMissing, {}, corrupt);

    // R7
    row("R7 unknown feature bit 0x4", validHeader().u64(28, 4), {u"R7 error features @28+8"_s}, F::UnknownFeatureBits, {u"0x4"_s}, feature);
    row("R7 top feature bit beside ALL_ALLOCATED", validHeader().u64(28, 0x8000000000000001ULL), {u"R7 error features @28+8"_s},
        F::UnknownFeatureBits, {u"0x8000000000000000"_s}, feature);

    // R8
    row("R8 optional features not 0", validHeader().u64(36, 0x10), {u"R8 warning optional features @36+8"_s}, F::OptionalFeaturesSet, {u"0x10"_s}, NoError);

    // R9
    row("R9 image format qcow2", validHeader().fill(64, 16).put(64, "qcow2"), {u"R9 error image file format @64+16"_s},
        F::UnsupportedImageFormat, {u"'qcow2'"_s}, format);
    row("R9 image format empty", validHeader().fill(64, 16), {u"R9 error image file format @64+16"_s}, F::ImageFormatMissing, {},
        corrupt);
    row("R9 backing format empty with a backing file", validHeader().fill(48, 16), {u"R9 error backing file format @48+16"_s},
        F::BackingFormatMissing, {}, corrupt);
    row("R9 backing format without a backing file", validHeaderWithoutBacking().put(48, "raw"), {u"R9 error backing file format @48+16"_s},
        F::BackingFormatWithoutBacking, {u"'raw'"_s}, corrupt);
    row("R9 space in the image format", validHeader().put(64, "ra w"), {u"R9 error image file format @66+1"_s},
        F::FormatByteOutOfRange, {u"image file format"_s, u"0x20"_s, u"66"_s}, corrupt);
    row("R9 byte 0x80 in the backing format", validHeader().put(48, "raw\x80"), {u"R9 error backing file format @51+1"_s},
        F::FormatByteOutOfRange, {u"backing file format"_s, u"0x80"_s, u"51"_s}, corrupt);
    row("R9 non-zero byte after the NUL", validHeader().put(72, "xy"), {u"R9 warning image file format @72+2"_s},
        F::FormatBytesAfterNul, {u"image file format"_s}, NoError);

    // R10
    row("R10 stray bytes after the names", validHeader().put(200, "abc").put(300, "\x01"),
        {u"R10 warning name area @200+3"_s, u"R10 warning name area @300+1"_s}, F::StrayNameAreaBytes, {u"3"_s, u"200"_s}, NoError);
    row("R10 stray byte in the last header byte", validHeader().put(4095, "\xff"), {u"R10 warning name area @4095+1"_s},
        F::StrayNameAreaBytes, {u"1"_s, u"4095"_s}, NoError);
    row("R10 second page of a two-page header", validHeader(8192).u32(44, 2).put(8000, "\x01"), {u"R10 warning name area @8000+1"_s},
        F::StrayNameAreaBytes, {u"1"_s, u"8000"_s}, NoError);
    row("R10 bytes after a shortened name", validHeader().u32(16, 4), {u"R10 warning name area @92+4"_s}, F::StrayNameAreaBytes, {u"4"_s, u"92"_s},
        NoError);
}

void HeaderParserTest::brokenRules()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QStringList, expected);
    QFETCH(int, code);
    QFETCH(QStringList, arguments);
    QFETCH(int, errorCode);
    QFETCH(bool, complete);

    const QString path = u"/images/broken.add-cow"_s;
    const HeaderParse parse = parseHeader(bytes, path);
    QCOMPARE(signatures(parse.findings), expected);
    const Finding &first = parse.findings.constFirst();
    QCOMPARE(int(first.code), code);
    QStringList rendered;
    for (const FindingArgument &argument : first.arguments)
        rendered << argument.toString();
    QCOMPARE(rendered, arguments);
    QCOMPARE(parse.complete, complete);

    const std::optional<Error> error = parse.firstError();
    if (errorCode == NoError) {
        QVERIFY(!error.has_value());
        QVERIFY(!parse.hasErrors());
        QVERIFY(hasWarnings(parse.findings));
        return;
    }
    QVERIFY(error.has_value());
    QCOMPARE(int(error->code), errorCode);
    QCOMPARE(error->path, path);
    QCOMPARE(error->rule, first.rule());
    QCOMPARE(error->field, std::optional<HeaderField>(first.field));
    QCOMPARE(error->finding, std::optional<FindingCode>(first.code)); // the app renders it translated
    QCOMPARE(error->arguments, first.arguments);
    QVERIFY(error->message().startsWith(path + u": "_s));
    QVERIFY(error->message().endsWith(u"(R%1)"_s.arg(error->rule)));
}

void HeaderParserTest::anyBackingFormatNameIsQemus_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QByteArray>("backingFormat");
    QTest::newRow("R9 backing format qcow2") << QByteArray(validHeader().fill(48, 16).put(48, "qcow2")) << QByteArray("qcow2");
    QTest::newRow("R9 all 16 format bytes used") << QByteArray(validHeader().put(48, "abcdefghijklmnop")) << QByteArray("abcdefghijklmnop");
}

void HeaderParserTest::anyBackingFormatNameIsQemus()
{
    // R9: the header cannot tell which formats QEMU reads; Image::open and Image::check ask it.
    QFETCH(QByteArray, bytes);
    QFETCH(QByteArray, backingFormat);
    const HeaderParse parse = parseHeader(bytes);
    QCOMPARE(parse.header.backingFormat(), backingFormat);
    QVERIFY(parse.findings.isEmpty());
    QVERIFY(!parse.firstError().has_value());
}

void HeaderParserTest::decodesEveryField()
{
    const QByteArray bytes = validHeader()
                                 .u64(28, 1)
                                 .u64(36, 0x0102030405060708ULL)
                                 .put(48, "raw")
                                 .put(60, "zz")
                                 .put(300, "x");
    const HeaderParse parse = parseHeader(bytes);
    const Header &h = parse.header;
    QCOMPARE(h.magic, QByteArray("ADD_COW\xff", 8));
    QCOMPARE(h.version, 1u);
    QCOMPARE(h.backingFileNameOffset, 88u);
    QCOMPARE(h.backingFileNameSize, 8u);
    QCOMPARE(h.imageFileNameOffset, 80u);
    QCOMPARE(h.imageFileNameSize, 8u);
    QCOMPARE(h.features, 1ull);
    QVERIFY(h.isAllAllocated());
    QCOMPARE(h.optionalFeatures, 0x0102030405060708ULL);
    QCOMPARE(h.headerPagesSize, 1u);
    QCOMPARE(h.backingFormatField, QByteArray("raw\0\0\0\0\0\0\0\0\0zz\0\0", 16));
    QCOMPARE(h.backingFormat(), QByteArray("raw"));
    QCOMPARE(h.imageFormat(), QByteArray("raw"));
    QCOMPARE(h.imageFileName, QByteArray("disk.raw"));
    QCOMPARE(h.backingFileName, QByteArray("base.raw"));
    QVERIFY(h.hasBackingFile());
    // Only warnings: R8, R9 padding, R10.
    QCOMPARE(signatures(parse.findings),
             QStringList({u"R8 warning optional features @36+8"_s, u"R9 warning backing file format @60+2"_s, u"R10 warning name area @300+1"_s}));
    QVERIFY(!parse.firstError().has_value());

    // An out-of-range name decodes its offset and size but not its bytes.
    const HeaderParse broken = parseHeader(QByteArray(validHeader().u32(12, 5000)));
    QCOMPARE(broken.header.backingFileNameOffset, 5000u);
    QVERIFY(broken.header.backingFileName.isEmpty());
    QCOMPARE(broken.header.imageFileName, QByteArray("disk.raw"));
}

void HeaderParserTest::firstErrorFollowsCowOrder_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("errorCode");
    QTest::addColumn<QString>("field");

    // Every header here breaks several rules; the reported one is the first QEMU's cow.c would hit.
    const Bytes manyBroken = validHeader().u64(28, 4).fill(64, 16).put(64, "vmdk").u32(12, 3);
    QTest::newRow("R2 magic before everything") << QByteArray(Bytes(manyBroken).put(0, "ACOW").u32(8, 7)) << int(ErrorCode::LaterAddCowLayout)
                                                << u"magic"_s;
    QTest::newRow("R3 version before pages size") << QByteArray(Bytes(manyBroken).u32(8, 7).u32(44, 0)) << int(ErrorCode::UnsupportedVersion)
                                                  << u"version"_s;
    QTest::newRow("R4 pages size before features") << QByteArray(Bytes(manyBroken).u32(44, 0)) << int(ErrorCode::CorruptHeader)
                                                   << u"header pages size"_s;
    QTest::newRow("R1 short header before features") << QByteArray(Bytes(manyBroken).truncate(4000)) << int(ErrorCode::CorruptHeader)
                                                     << u"add-cow file"_s;
    QTest::newRow("R7 features before names") << QByteArray(manyBroken) << int(ErrorCode::UnsupportedFeature) << u"features"_s;
    QTest::newRow("R5 names before formats") << QByteArray(Bytes(manyBroken).u64(28, 0)) << int(ErrorCode::CorruptHeader)
                                             << u"backing file name offset"_s;
    QTest::newRow("R9 formats last") << QByteArray(Bytes(manyBroken).u64(28, 0).u32(12, 88)) << int(ErrorCode::UnsupportedFormat)
                                     << u"image file format"_s;
}

void HeaderParserTest::firstErrorFollowsCowOrder()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, errorCode);
    QFETCH(QString, field);

    const HeaderParse parse = parseHeader(bytes, u"x.add-cow"_s);
    const std::optional<Error> error = parse.firstError();
    QVERIFY(error.has_value());
    QCOMPARE(int(error->code), errorCode);
    QVERIFY(error->field.has_value());
    QCOMPARE(QString::fromLatin1(headerFieldName(*error->field)), field);
}

void HeaderParserTest::findingsAreSortedByOffset()
{
    const QByteArray bytes = validHeader().put(500, "s").u64(36, 1).fill(64, 16).u32(8, 9).put(49, " ");
    const HeaderParse parse = parseHeader(bytes);
    QVERIFY(parse.findings.size() >= 4);
    for (qsizetype i = 1; i < parse.findings.size(); ++i)
        QVERIFY(parse.findings[i - 1].offsetBytes <= parse.findings[i].offsetBytes);
}

void HeaderParserTest::strayRunsAreCapped()
{
    // R10: a name area full of garbage gives a bounded number of findings that still cover it.
    Bytes bytes = validHeaderWithoutBacking();
    for (int offset = 100; offset < 4096; offset += 2)
        bytes.put(offset, "\x55");
    const HeaderParse parse = parseHeader(QByteArray(bytes));
    QVERIFY(!parse.hasErrors());
    QVERIFY(parse.findings.size() <= 80);
    quint64 reported = 0;
    for (const Finding &f : parse.findings) {
        QCOMPARE(f.rule(), 10);
        if (f.code == FindingCode::MoreStrayNameAreaBytes)
            QCOMPARE(f.arguments.constFirst(), FindingArgument::ofNumber((4096 - 100) / 2 - 64));
        else
            ++reported;
    }
    QCOMPARE(reported, quint64(64));
}

void HeaderParserTest::shortInputsNeverCrash()
{
    // Every prefix of a valid header and of random bytes decodes without reading past the end.
    const QByteArray valid = validHeader();
    for (qsizetype size = 0; size <= 200; ++size) {
        const HeaderParse parse = parseHeader(QByteArrayView(valid).first(size));
        QVERIFY(!parse.complete);
        QVERIFY(parse.hasErrors());
    }
    QRandomGenerator random(20120810);
    for (int round = 0; round < 200; ++round) {
        QByteArray bytes(qsizetype(random.bounded(0, 4200)), '\0');
        for (char &c : bytes)
            c = char(random.bounded(256));
        if (round % 2 && bytes.size() >= 8)
            bytes.replace(0, 8, QByteArray("ADD_COW\xff", 8));
        const HeaderParse parse = parseHeader(bytes);
        QVERIFY(parse.hasErrors() || parse.complete);
    }
}

void HeaderParserTest::mutatedHeadersKeepInvariants()
{
    // Random damage to a valid header, mostly in the fixed fields: whatever comes out, the
    // findings point inside the header, errors and firstError() agree, and a header without
    // findings is exactly what Header::serialize() writes back (R1, R10).
    QRandomGenerator random(0xadd);
    const QByteArray valid = validHeader();
    int clean = 0;
    for (int round = 0; round < 3000; ++round) {
        QByteArray bytes = valid;
        const int changes = 1 + random.bounded(3);
        for (int c = 0; c < changes; ++c) {
            const int offset = random.bounded(4) ? random.bounded(100) : random.bounded(4096);
            const int kind = random.bounded(3);
            bytes[offset] = kind == 0 ? '\0' : kind == 1 ? char(random.bounded(256)) : char(bytes[offset] ^ (1 << random.bounded(8)));
        }
        const HeaderParse parse = parseHeader(bytes, u"m.add-cow"_s);
        QVERIFY(parse.complete || parse.hasErrors()); // a grown header pages size makes it short (R1)
        const quint64 limit = std::max<quint64>(parse.header.headerSizeBytes(), 4096);
        for (qsizetype i = 0; i < parse.findings.size(); ++i) {
            const Finding &f = parse.findings[i];
            QVERIFY(f.rule() >= 1 && f.rule() <= 10);
            QVERIFY(f.offsetBytes + f.lengthBytes <= limit);
            QVERIFY(!f.message().isEmpty());
            if (i > 0)
                QVERIFY(parse.findings[i - 1].offsetBytes <= f.offsetBytes);
        }
        QCOMPARE(parse.firstError().has_value(), parse.hasErrors());
        if (parse.firstError())
            QCOMPARE(parse.firstError()->path, u"m.add-cow"_s);
        if (parse.findings.isEmpty()) {
            ++clean;
            QVERIFY(!parse.header.imageFileName.isEmpty());
            QCOMPARE(parse.header.serialize(), bytes);
        }
    }
    // Flips inside the names keep the header valid, so the last branch really runs.
    QVERIFY(clean > 0);
}

void HeaderParserTest::readHeaderReadsFiles()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"a.add-cow"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(validHeader());
    file.write(QByteArray(65536, '\0')); // the bitmap
    file.close();

    const Result<HeaderParse> result = readHeader(path);
    QVERIFY(result.ok());
    QVERIFY(result->complete);
    QVERIFY(result->findings.isEmpty());
    QCOMPARE(result->header.imageFileName, QByteArray("disk.raw"));
    QCOMPARE(result->path, path);

    // A file shorter than its header is reported, never a crash (R1).
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(QByteArray(validHeader()).left(1000));
    file.close();
    const Result<HeaderParse> shortResult = readHeader(path);
    QVERIFY(shortResult.ok());
    QVERIFY(!shortResult->complete);
    const std::optional<Error> error = shortResult->firstError();
    QVERIFY(error.has_value());
    QCOMPARE(error->path, path);
    QCOMPARE(error->finding, std::optional<FindingCode>(FindingCode::HeaderCutShort));
    QCOMPARE(error->arguments.constFirst(), FindingArgument::ofNumber(1000));
}

void HeaderParserTest::readHeaderMultiPage()
{
    // R4: a valid header pages size above 1 makes the reader read the further pages.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"b.add-cow"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(validHeader(3 * 4096).u32(44, 3).fill(88, 8).u32(12, 3 * 4096 - 8).put(3 * 4096 - 8, "far.raw!"));
    file.write(QByteArray(65536, '\x01'));
    file.close();

    const Result<HeaderParse> result = readHeader(path);
    QVERIFY(result.ok());
    QVERIFY(result->complete);
    QVERIFY2(result->findings.isEmpty(), qPrintable(signatures(result->findings).join(u", "_s)));
    QCOMPARE(result->header.headerSizeBytes(), quint64(3 * 4096));
    QCOMPARE(result->header.backingFileName, QByteArray("far.raw!"));

    // The same header cut inside its second page: reported as short (R1), names past the end unread.
    QVERIFY(file.resize(2 * 4096 + 10));
    const Result<HeaderParse> cut = readHeader(path);
    QVERIFY(cut.ok());
    QVERIFY(!cut->complete);
    QCOMPARE(signatures(cut->findings), QStringList{u"R1 error add-cow file @8202+0"_s});
    QVERIFY(cut->header.backingFileName.isEmpty());
    QCOMPARE(cut->firstError()->message(), path + u": add-cow file: the file ends after 8202 bytes, before the end of the 12288-byte header (R1)"_s);
}

void HeaderParserTest::readHeaderCapsPages()
{
    // R4: a header pages size over 256 is corrupt; only the first page is read.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"c.add-cow"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(validHeader().u32(44, 0xffffffffu));
    file.write(QByteArray(8192, '\x01'));
    file.close();

    const Result<HeaderParse> result = readHeader(path);
    QVERIFY(result.ok());
    QVERIFY(result->complete);
    QCOMPARE(signatures(result->findings), QStringList{u"R4 error header pages size @44+4"_s});
    QCOMPARE(result->firstError()->code, ErrorCode::CorruptHeader);
}

void HeaderParserTest::readHeaderErrors()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());

    const QString missing = dir.filePath(u"missing.add-cow"_s);
    const Result<HeaderParse> noFile = readHeader(missing);
    QVERIFY(!noFile.ok());
    QCOMPARE(noFile.error().code, ErrorCode::FileMissing);
    QCOMPARE(noFile.error().errnoValue, ENOENT);
    QCOMPARE(noFile.error().path, missing);
    QVERIFY(noFile.error().message().startsWith(missing + u": "_s));

    // A directory opens but cannot be read.
    const Result<HeaderParse> directory = readHeader(dir.path());
    QVERIFY(!directory.ok());
    QCOMPARE(directory.error().code, ErrorCode::Io);
    QCOMPARE(directory.error().errnoValue, EISDIR);
    QVERIFY(directory.error().message().contains(QString::fromLocal8Bit(strerror(EISDIR))));
}

QTEST_GUILESS_MAIN(HeaderParserTest)

#include "headerparsertest.moc"
