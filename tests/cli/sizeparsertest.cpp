// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later

#include "sizeparser.h"

#include <QTest>

using namespace AddCow;
using namespace Qt::StringLiterals;

class SizeParserTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<quint64>("bytes");

        QTest::newRow("plain bytes") << u"4096"_s << quint64(4096);
        QTest::newRow("zero") << u"0"_s << quint64(0);
        QTest::newRow("K is 1024") << u"64K"_s << quint64(65536);
        QTest::newRow("lower case k") << u"64k"_s << quint64(65536);
        QTest::newRow("KiB spelling") << u"64KiB"_s << quint64(65536);
        QTest::newRow("KB spelling") << u"64KB"_s << quint64(65536);
        QTest::newRow("B suffix") << u"512B"_s << quint64(512);
        QTest::newRow("M") << u"1M"_s << (quint64(1) << 20);
        QTest::newRow("fraction G") << u"1.5G"_s << quint64(1536) * 1024 * 1024;
        QTest::newRow("8T (R11 largest demo)") << u"8T"_s << (quint64(8) << 40);
        QTest::newRow("fraction K whole bytes") << u"1.5K"_s << quint64(1536);
        QTest::newRow("space before suffix") << u"2 M"_s << quint64(2) * 1024 * 1024;
        QTest::newRow("surrounding space") << u" 7 "_s << quint64(7);
        QTest::newRow("E") << u"1E"_s << (quint64(1) << 60);
        QTest::newRow("15E fits") << u"15E"_s << (quint64(15) << 60);
        QTest::newRow("max") << u"18446744073709551615"_s << std::numeric_limits<quint64>::max();
    }
    void parse()
    {
        QFETCH(QString, text);
        QFETCH(quint64, bytes);
        const Result<quint64> parsed = SizeParser::parse(text);
        QVERIFY2(parsed.ok(), qPrintable(parsed.error().message()));
        QCOMPARE(parsed.value(), bytes);
    }

    void refuse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << QString();
        QTest::newRow("blank") << u"  "_s;
        QTest::newRow("negative") << u"-1"_s;
        QTest::newRow("hex is not a size") << u"0x10"_s;
        QTest::newRow("unknown suffix") << u"10X"_s;
        QTest::newRow("two suffixes") << u"10KM"_s;
        QTest::newRow("B then iB") << u"10BiB"_s;
        QTest::newRow("dot only") << u"."_s;
        QTest::newRow("no digits after dot") << u"1.K"_s;
        QTest::newRow("fraction of a byte") << u"0.3K"_s;
        QTest::newRow("fraction of plain bytes") << u"1.5"_s;
        QTest::newRow("overflow plain") << u"18446744073709551616"_s;
        QTest::newRow("overflow suffix") << u"16E"_s;
        QTest::newRow("overflow multiply") << u"17179869184G"_s;
        QTest::newRow("overflow fraction") << u"15.99E"_s;
        QTest::newRow("non-ASCII digit") << u"\u0663K"_s;
    }
    void refuse()
    {
        QFETCH(QString, text);
        const Result<quint64> parsed = SizeParser::parse(text);
        QVERIFY2(!parsed.ok(), qPrintable(u"accepted '%1' as %2"_s.arg(text).arg(parsed.ok() ? parsed.value() : 0)));
        QCOMPARE(parsed.error().code, ErrorCode::InvalidArgument);
        QVERIFY(parsed.error().message().contains(text.trimmed()));
    }

    // Issue 14 item 8: offsets and lengths also in hexadecimal, as qemu-io and the app's Go To take them.
    void parseOffset_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<quint64>("bytes");
        QTest::newRow("hex") << u"0x10000"_s << true << quint64(0x10000);
        QTest::newRow("upper case X and digits") << u"0X1F000"_s << true << quint64(0x1f000);
        QTest::newRow("mixed case digits") << u"0xaBc"_s << true << quint64(0xabc);
        QTest::newRow("surrounding space") << u" 0x10 "_s << true << quint64(16);
        QTest::newRow("hex max") << u"0xffffffffffffffff"_s << true << std::numeric_limits<quint64>::max();
        QTest::newRow("leading zeros") << u"0x00000000000000000001"_s << true << quint64(1);
        QTest::newRow("decimal as parse()") << u"4096"_s << true << quint64(4096);
        QTest::newRow("suffix as parse()") << u"64K"_s << true << quint64(65536);
        QTest::newRow("bad hex") << u"0xZZ"_s << false << quint64(0);
        QTest::newRow("no digits") << u"0x"_s << false << quint64(0);
        QTest::newRow("hex with a suffix") << u"0x10K"_s << false << quint64(0);
        QTest::newRow("hex with a fraction") << u"0x1.8"_s << false << quint64(0);
        QTest::newRow("hex overflow") << u"0x10000000000000000"_s << false << quint64(0);
        QTest::newRow("negative hex") << u"-0x10"_s << false << quint64(0);
        QTest::newRow("bad decimal as parse()") << u"10X"_s << false << quint64(0);
    }
    void parseOffset()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QFETCH(quint64, bytes);
        const Result<quint64> parsed = SizeParser::parseOffset(text);
        QCOMPARE(parsed.ok(), ok);
        if (ok) {
            QCOMPARE(parsed.value(), bytes);
        } else {
            QCOMPARE(parsed.error().code, ErrorCode::InvalidArgument);
            QVERIFY(parsed.error().message().contains(text.trimmed()));
        }
    }

    void formatHuman_data()
    {
        QTest::addColumn<quint64>("bytes");
        QTest::addColumn<QString>("text");
        QTest::newRow("bytes") << quint64(512) << u"512 B"_s;
        QTest::newRow("exact KiB") << quint64(65536) << u"64 KiB"_s;
        QTest::newRow("fraction GiB") << quint64(1536) * 1024 * 1024 << u"1.5 GiB"_s;
        QTest::newRow("two decimals") << quint64(1024 * 1024 + 350 * 1024) << u"1.34 MiB"_s;
        QTest::newRow("TiB") << (quint64(8) << 40) << u"8 TiB"_s;
        QTest::newRow("EiB") << (quint64(3) << 60) << u"3 EiB"_s;
    }
    void formatHuman()
    {
        QFETCH(quint64, bytes);
        QFETCH(QString, text);
        QCOMPARE(SizeParser::formatHuman(bytes), text);
    }

    void roundTrip()
    {
        // What formatHuman prints for exact unit multiples parses back to the same bytes.
        for (quint64 bytes : {quint64(4096), quint64(65536), quint64(3) << 30, quint64(8) << 40}) {
            const Result<quint64> parsed = SizeParser::parse(SizeParser::formatHuman(bytes));
            QVERIFY(parsed.ok());
            QCOMPARE(parsed.value(), bytes);
        }
        QCOMPARE(SizeParser::formatHumanWithBytes(quint64(1) << 30), u"1 GiB (1073741824 bytes)"_s);
        QCOMPARE(SizeParser::formatHumanWithBytes(100), u"100 bytes"_s);
    }
};

QTEST_GUILESS_MAIN(SizeParserTest)
#include "sizeparsertest.moc"
