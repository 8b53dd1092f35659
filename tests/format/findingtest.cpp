// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "finding.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <cerrno>
#include <cstring>

using namespace AddCow;
using namespace Qt::StringLiterals;

class FindingTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void toString_data();
    void toString();
    void everyCodeHasRuleNameAndTemplate();
    void arguments_data();
    void arguments();
    void placeholdersAreFilledOnce();
    void severities();
};

void FindingTest::toString_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<int>("field");
    QTest::addColumn<quint64>("offset");
    QTest::addColumn<quint64>("length");
    QTest::addColumn<FindingArguments>("arguments");
    QTest::addColumn<QString>("expected");

    QTest::newRow("R7 fixed field") << int(FindingCode::UnknownFeatureBits) << int(HeaderField::Features) << quint64(28) << quint64(8)
                                    << FindingArguments{FindingArgument::ofHex(4)}
                                    << u"features (bytes 28-35): unsupported feature bits 0x4 [R7]"_s;
    QTest::newRow("R5 one byte") << int(FindingCode::NameContainsNul) << int(HeaderField::ImageFileName) << quint64(84) << quint64(1)
                                 << FindingArguments{FindingArgument::ofField(HeaderField::ImageFileName), FindingArgument::ofNumber(84)}
                                 << u"image file name (byte 84): the image file name contains a NUL byte at offset 84 [R5]"_s;
    QTest::newRow("R1 no bytes") << int(FindingCode::HeaderCutShort) << int(HeaderField::AddCowFile) << quint64(100) << quint64(0)
                                 << FindingArguments{FindingArgument::ofNumber(100), FindingArgument::ofNumber(4096)}
                                 << u"add-cow file: the file ends after 100 bytes, before the end of the 4096-byte header [R1]"_s;
    QTest::newRow("R9 quoted format") << int(FindingCode::UnsupportedBackingFormat) << int(HeaderField::BackingFormat) << quint64(48)
                                      << quint64(16) << FindingArguments{FindingArgument::ofFormat("qcow2")}
                                      << u"backing file format (bytes 48-63): unsupported backing format 'qcow2' [R9]"_s;
    QTest::newRow("R16 name and path") << int(FindingCode::FileMissing) << int(HeaderField::ImageFile) << quint64(80) << quint64(0)
                                       << FindingArguments{FindingArgument::ofField(HeaderField::ImageFile), FindingArgument::ofName("img.raw"),
                                                           FindingArgument::ofPath(u"/images/img.raw"_s)}
                                       << u"image file: image file 'img.raw' (resolved to /images/img.raw) does not exist [R16]"_s;
}

void FindingTest::toString()
{
    QFETCH(int, code);
    QFETCH(int, field);
    QFETCH(quint64, offset);
    QFETCH(quint64, length);
    QFETCH(FindingArguments, arguments);
    QFETCH(QString, expected);

    Finding f;
    f.code = FindingCode(code);
    f.field = HeaderField(field);
    f.offsetBytes = offset;
    f.lengthBytes = length;
    f.arguments = arguments;
    QCOMPARE(f.toString(), expected);
}

void FindingTest::everyCodeHasRuleNameAndTemplate()
{
    // Each code belongs to one rule, has a stable machine name and an English template whose
    // placeholders run %1..%n without gaps (the app's tr() template uses the same ones).
    QSet<QString> names;
    QSet<QString> templates;
    const QRegularExpression placeholder(u"%([1-9])"_s);
    for (int i = 0; i < FindingCodeCount; ++i) {
        const auto code = FindingCode(i);
        const int rule = findingCodeRule(code);
        // Rule 0 only for the few at the end that break no rule (serving, its programs).
        QVERIFY2((rule >= 1 && rule <= 21) || (rule == 0 && code >= FindingCode::NbdkitMissing), qPrintable(QString::number(i)));
        const QString name = QString::fromLatin1(findingCodeName(code));
        QVERIFY2(!name.isEmpty() && !names.contains(name), qPrintable(name));
        names.insert(name);
        const QString text = QString::fromLatin1(findingCodeTemplate(code));
        QVERIFY2(!text.isEmpty() && !templates.contains(text), qPrintable(text));
        templates.insert(text);
        int highest = 0;
        QSet<int> used;
        for (const QRegularExpressionMatch &match : placeholder.globalMatch(text)) {
            const int n = match.captured(1).toInt();
            used.insert(n);
            highest = std::max(highest, n);
        }
        QCOMPARE(used.size(), highest);
    }
}

void FindingTest::arguments_data()
{
    QTest::addColumn<FindingArgument>("argument");
    QTest::addColumn<QString>("expected");
    QTest::newRow("number") << FindingArgument::ofNumber(4096) << u"4096"_s;
    QTest::newRow("R7 hex") << FindingArgument::ofHex(0x8000000000000000ULL) << u"0x8000000000000000"_s;
    QTest::newRow("R9 byte") << FindingArgument::ofByte(0x0a) << u"0x0a"_s;
    QTest::newRow("R2 hex bytes") << FindingArgument::ofHexBytes("ACOW") << u"41 43 4f 57"_s;
    QTest::newRow("R10 hex bytes of a longer run") << FindingArgument::ofHexBytes(QByteArray(16, 'x'), 40)
                                                   << u"78 78 78 78 78 78 78 78 78 78 78 78 78 78 78 78 ..."_s;
    QTest::newRow("R5 name as UTF-8") << FindingArgument::ofName("d\xc3\xa9sk.raw") << u"'d\u00e9sk.raw'"_s;
    QTest::newRow("R5 NUL in a name") << FindingArgument::ofName(QByteArray("a\0b", 3)) << u"'a\\x00b'"_s;
    QTest::newRow("R9 format with a high byte") << FindingArgument::ofFormat("raw\x80") << u"'raw\\x80'"_s;
    QTest::newRow("R9 empty format") << FindingArgument::ofFormat({}) << u"''"_s;
    QTest::newRow("path") << FindingArgument::ofPath(u"/images/disk.raw"_s) << u"/images/disk.raw"_s;
    QTest::newRow("R9 QEMU's words, as they are") << FindingArgument::ofText(u"qcow2: Image is corrupt; 50%1 done"_s) << u"qcow2: Image is corrupt; 50%1 done"_s;
    QTest::newRow("field") << FindingArgument::ofField(HeaderField::BackingFileName) << u"backing file name"_s;
    QTest::newRow("errno") << FindingArgument::ofErrno(EACCES) << QString::fromLocal8Bit(std::strerror(EACCES));
    QTest::newRow("none") << FindingArgument() << QString();
}

void FindingTest::arguments()
{
    QFETCH(FindingArgument, argument);
    QFETCH(QString, expected);
    QCOMPARE(argument.toString(), expected);
}

void FindingTest::placeholdersAreFilledOnce()
{
    // A path that holds "%2" stays as it is; QString::arg chains would substitute it again.
    QCOMPARE(fillPlaceholders(u"%1 and %2"_s, {u"/tmp/%2"_s, u"b"_s}), u"/tmp/%2 and b"_s);
    QCOMPARE(fillPlaceholders(u"100% of %1, %3"_s, {u"x"_s}), u"100% of x, %3"_s);
    const Finding finding{Severity::Error, FindingCode::ImageFileIsAddCowFile, HeaderField::ImageFile, 0, 0, {},
                          {FindingArgument::ofPath(u"/a%1b/disk.add-cow"_s)}};
    QCOMPARE(finding.message(), u"the image file /a%1b/disk.add-cow is the .add-cow file itself"_s);
}

void FindingTest::severities()
{
    QCOMPARE(severityName(Severity::Error), u"error"_s);
    QCOMPARE(severityName(Severity::Warning), u"warning"_s);
    QCOMPARE(severityName(Severity::Info), u"info"_s);

    Finding info;
    info.severity = Severity::Info;
    Finding warning;
    warning.severity = Severity::Warning;
    Finding error;
    error.severity = Severity::Error;

    QVERIFY(!hasErrors({}));
    QVERIFY(!hasWarnings({}));
    QVERIFY(!hasErrors({info, warning}));
    QVERIFY(hasWarnings({info, warning}));
    QVERIFY(hasErrors({info, error}));
    QVERIFY(!hasWarnings({info, error}));
}

QTEST_GUILESS_MAIN(FindingTest)

#include "findingtest.moc"
