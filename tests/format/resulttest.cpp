// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "result.h"

#include "finding.h"

#include <QTest>

#include <cerrno>
#include <cstring>

using namespace AddCow;
using namespace Qt::StringLiterals;

class ResultTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void message_data();
    void message();
    void fromErrno();
    void fromFinding();
    void resultHoldsValueOrError();
};

void ResultTest::message_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("field"); // a HeaderField, -1 for none
    QTest::addColumn<int>("rule");
    QTest::addColumn<QString>("detail");
    QTest::addColumn<QString>("expected");

    QTest::newRow("R5 all parts") << u"/a.add-cow"_s << int(HeaderField::BackingFileNameOffset) << 5 << u"offset 79 is below 80"_s
                                  << u"/a.add-cow: backing file name offset: offset 79 is below 80 (R5)"_s;
    QTest::newRow("R3 without field") << u"/a.add-cow"_s << -1 << 3 << u"unsupported add-cow version 2"_s
                                      << u"/a.add-cow: unsupported add-cow version 2 (R3)"_s;
    QTest::newRow("no rule") << u"x"_s << -1 << 0 << u"cancelled"_s << u"x: cancelled"_s;
    QTest::newRow("detail only") << QString() << -1 << 0 << u"bad argument"_s << u"bad argument"_s;
    QTest::newRow("R7 without path") << QString() << int(HeaderField::Features) << 7 << u"unsupported feature bits 0x4"_s
                                     << u"features: unsupported feature bits 0x4 (R7)"_s;
}

void ResultTest::message()
{
    QFETCH(QString, path);
    QFETCH(int, field);
    QFETCH(int, rule);
    QFETCH(QString, detail);
    QFETCH(QString, expected);

    Error error;
    error.code = ErrorCode::CorruptHeader;
    error.path = path;
    if (field >= 0)
        error.field = HeaderField(field);
    error.rule = rule;
    error.detail = detail;
    QCOMPARE(error.message(), expected);
}

void ResultTest::fromErrno()
{
    errno = ENOSPC;
    const Error error = Error::fromErrno(u"/img/disk.raw"_s, u"cannot write cluster 7"_s);
    QCOMPARE(error.code, ErrorCode::Io);
    QCOMPARE(error.errnoValue, ENOSPC);
    QCOMPARE(error.path, u"/img/disk.raw"_s);
    QCOMPARE(error.message(), u"/img/disk.raw: cannot write cluster 7: "_s + QString::fromLocal8Bit(std::strerror(ENOSPC)));

    Error bare;
    bare.code = ErrorCode::Io;
    bare.errnoValue = EACCES;
    QCOMPARE(bare.message(), QString::fromLocal8Bit(std::strerror(EACCES)));
}

void ResultTest::fromFinding()
{
    // An error from a finding keeps its code and arguments, so the app can translate it.
    const Finding finding{Severity::Error, FindingCode::UnknownFeatureBits, HeaderField::Features, 28, 8, FindingArgument::ofHex(4),
                          {FindingArgument::ofHex(4)}};
    const Error error = Error::fromFinding(u"/a.add-cow"_s, finding);
    QCOMPARE(error.code, ErrorCode::UnsupportedFeature); // R7: the kind comes from the code, never from the text
    QCOMPARE(error.field, std::optional<HeaderField>(HeaderField::Features));
    QCOMPARE(error.rule, 7);
    QCOMPARE(error.finding, std::optional<FindingCode>(FindingCode::UnknownFeatureBits));
    QCOMPARE(error.arguments, finding.arguments);
    QCOMPARE(error.message(), u"/a.add-cow: features: unsupported feature bits 0x4 (R7)"_s);

    // R16: the system error is part of the sentence, not appended again.
    const Finding unreadable{Severity::Error, FindingCode::FileCannotBeOpened, HeaderField::ImageFile, 80, 8, FindingArgument::ofPath(u"/i.raw"_s),
                             {FindingArgument::ofField(HeaderField::ImageFile), FindingArgument::ofName("i.raw"),
                              FindingArgument::ofPath(u"/i.raw"_s), FindingArgument::ofErrno(EACCES)}};
    const Error io = Error::fromFinding(u"/a.add-cow"_s, unreadable);
    QCOMPARE(io.code, ErrorCode::Io);
    QCOMPARE(io.errnoValue, EACCES);
    QCOMPARE(io.message(), u"/a.add-cow: image file: image file 'i.raw' (resolved to /i.raw) cannot be opened: "_s
                 + QString::fromLocal8Bit(std::strerror(EACCES)) + u" (R16)"_s);
}

void ResultTest::resultHoldsValueOrError()
{
    const Result<int> value(42);
    QVERIFY(value.ok());
    QCOMPARE(value.value(), 42);

    Error error;
    error.code = ErrorCode::NotAddCow;
    const Result<int> failed(error);
    QVERIFY(!failed.ok());
    QCOMPARE(failed.error().code, ErrorCode::NotAddCow);

    const Result<void> done;
    QVERIFY(done.ok());
    const Result<void> notDone(error);
    QVERIFY(!notDone.ok());
}

QTEST_GUILESS_MAIN(ResultTest)

#include "resulttest.moc"
