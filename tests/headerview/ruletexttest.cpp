// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "ruletext.h"

#include <QSet>
#include <QTest>

using namespace AddCow;
using namespace Qt::StringLiterals;

class RuleTextTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyRuleHasItsOwnSentence()
    {
        QSet<QString> seen;
        for (int rule = 1; rule <= 20; ++rule) {
            const QString text = ruleText(rule);
            QVERIFY2(text.endsWith(QLatin1Char('.')), qPrintable(text));
            QVERIFY2(!text.contains(u"Rule R"_s), qPrintable(text));
            QVERIFY2(!seen.contains(text), qPrintable(text));
            seen.insert(text);
        }
        // Out of range: still says which rule.
        QVERIFY(ruleText(21).contains(u"R21"_s));
    }

    void ruleTextsSayWhatTheRuleIsAbout_data()
    {
        QTest::addColumn<int>("rule");
        QTest::addColumn<QString>("word");
        QTest::newRow("R2") << 2 << u"ACOW"_s;
        QTest::newRow("R3") << 3 << u"version"_s;
        QTest::newRow("R4") << 4 << u"256"_s;
        QTest::newRow("R5") << 5 << u"NUL"_s;
        QTest::newRow("R7") << 7 << u"ALL_ALLOCATED"_s;
        QTest::newRow("R8") << 8 << u"optional features"_s;
        QTest::newRow("R9") << 9 << u"raw"_s;
        QTest::newRow("R10") << 10 << u"80"_s;
        QTest::newRow("R11") << 11 << u"65536"_s;
        QTest::newRow("R17") << 17 << u"three different files"_s;
    }

    void ruleTextsSayWhatTheRuleIsAbout()
    {
        QFETCH(int, rule);
        QFETCH(QString, word);
        QVERIFY2(ruleText(rule).contains(word), qPrintable(ruleText(rule)));
    }

    void fieldNamesAreDistinct()
    {
        QSet<QString> seen;
        for (int i = int(HeaderField::Magic); i <= int(HeaderField::AddCowFile); ++i) {
            const QString name = fieldDisplayName(HeaderField(i));
            QVERIFY(!name.isEmpty());
            QVERIFY2(!seen.contains(name), qPrintable(name));
            seen.insert(name);
        }
        QCOMPARE(fieldDisplayName(HeaderField::HeaderPagesSize), u"header pages size"_s);
        QCOMPARE(severityDisplayName(Severity::Warning), u"Warning"_s);
        QCOMPARE(severityDisplayName(Severity::Error), u"Error"_s);
    }

    void everyErrorCodeHasText()
    {
        QSet<QString> seen;
        for (int i = int(ErrorCode::NotAddCow); i <= int(ErrorCode::ReadOnly); ++i) {
            Error error;
            error.code = ErrorCode(i);
            error.path = u"/images/a.add-cow"_s;
            const QString text = errorText(error);
            QVERIFY(!text.isEmpty());
            QVERIFY2(!seen.contains(text), qPrintable(text));
            seen.insert(text);
        }
    }

    void errorTextKeepsPathFieldAndRule()
    {
        Error error;
        error.code = ErrorCode::CorruptHeader;
        error.path = u"/images/a.add-cow"_s;
        error.field = HeaderField::HeaderPagesSize;
        error.rule = 4;
        error.detail = u"header pages size 0 is out of range"_s;
        const QString text = errorText(error);
        QVERIFY2(text.contains(error.path), qPrintable(text));
        QVERIFY2(text.contains(u"Field: header pages size."_s), qPrintable(text));
        QVERIFY2(text.contains(u"R4"_s), qPrintable(text));
        QVERIFY2(text.contains(ruleText(4)), qPrintable(text));
        QVERIFY2(text.contains(error.detail), qPrintable(text));
    }

    // One tr() template per code: untranslated, it reads exactly as the CLI's English.
    void findingTextMatchesTheCli_data()
    {
        QTest::addColumn<int>("code");
        for (int i = 0; i < FindingCodeCount; ++i) {
            const auto code = FindingCode(i);
            QTest::addRow("R%d %s", findingCodeRule(code), findingCodeName(code)) << i;
        }
    }

    void findingTextMatchesTheCli()
    {
        QFETCH(int, code);
        // Arguments of every kind, one per placeholder the template may use.
        const FindingArguments arguments{
            FindingArgument::ofNumber(4096),
            FindingArgument::ofField(HeaderField::BackingFileName),
            FindingArgument::ofName("d\xc3\xa9sk.raw"),
            FindingArgument::ofPath(u"/images/%1/disk.raw"_s),
            FindingArgument::ofHex(0x4),
            FindingArgument::ofFormat("qcow2"),
            FindingArgument::ofByte(0x20),
            FindingArgument::ofNumber(7),
            FindingArgument::ofNumber(8),
        };
        const QString text = findingText(FindingCode(code), arguments);
        QCOMPARE(text, findingMessage(FindingCode(code), arguments));
    }

    void errorTextTranslatesTheFinding()
    {
        const Finding finding{Severity::Error, FindingCode::UnknownFeatureBits, HeaderField::Features, 28, 8, FindingArgument::ofHex(4),
                              {FindingArgument::ofHex(4)}};
        const Error error = Error::fromFinding(u"/images/a.add-cow"_s, finding);
        const QString text = errorText(error);
        QVERIFY2(text.contains(findingText(finding)), qPrintable(text));
        QVERIFY2(text.contains(u"Field: features."_s), qPrintable(text));
        QVERIFY2(text.contains(ruleText(7)), qPrintable(text));
    }

    void ioErrorNamesTheSystemError()
    {
        Error error;
        error.code = ErrorCode::Io;
        error.path = u"/images/disk.raw"_s;
        error.errnoValue = ENOSPC;
        const QString text = errorText(error);
        QVERIFY(text.contains(error.path));
        QVERIFY2(text.contains(qt_error_string(ENOSPC)), qPrintable(text));
    }

    void severityIcons()
    {
        QVERIFY(!severityIcon(Severity::Error).isNull());
        QVERIFY(!severityIcon(Severity::Warning).isNull());
        QVERIFY(!validIcon().isNull());
    }
};

QTEST_MAIN(RuleTextTest)

#include "ruletexttest.moc"
