// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "finding.h"

#include <QTest>

using namespace AddCow;
using namespace Qt::StringLiterals;

class FindingTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void toString_data();
    void toString();
    void severities();
};

void FindingTest::toString_data()
{
    QTest::addColumn<int>("rule");
    QTest::addColumn<int>("field");
    QTest::addColumn<quint64>("offset");
    QTest::addColumn<quint64>("length");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("expected");

    QTest::newRow("R7 fixed field") << 7 << int(HeaderField::Features) << quint64(28) << quint64(8) << u"unsupported feature bits 0x4"_s
                                    << u"features (bytes 28-35): unsupported feature bits 0x4 [R7]"_s;
    QTest::newRow("R5 one byte") << 5 << int(HeaderField::ImageFileName) << quint64(84) << quint64(1) << u"NUL byte"_s
                                 << u"image file name (byte 84): NUL byte [R5]"_s;
    QTest::newRow("R1 no bytes") << 1 << int(HeaderField::AddCowFile) << quint64(100) << quint64(0) << u"short"_s
                                 << u"add-cow file: short [R1]"_s;
    QTest::newRow("no rule") << 0 << int(HeaderField::Bitmap) << quint64(4096) << quint64(2) << u"note"_s
                             << u"COW bitmap (bytes 4096-4097): note"_s;
}

void FindingTest::toString()
{
    QFETCH(int, rule);
    QFETCH(int, field);
    QFETCH(quint64, offset);
    QFETCH(quint64, length);
    QFETCH(QString, message);
    QFETCH(QString, expected);

    Finding f;
    f.rule = rule;
    f.field = HeaderField(field);
    f.offsetBytes = offset;
    f.lengthBytes = length;
    f.message = message;
    QCOMPARE(f.toString(), expected);
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
