// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "result.h"

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
    void resultHoldsValueOrError();
};

void ResultTest::message_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("field");
    QTest::addColumn<int>("rule");
    QTest::addColumn<QString>("detail");
    QTest::addColumn<QString>("expected");

    QTest::newRow("R5 all parts") << u"/a.add-cow"_s << u"backing file name offset"_s << 5 << u"offset 79 is below 80"_s
                                  << u"/a.add-cow: backing file name offset: offset 79 is below 80 (R5)"_s;
    QTest::newRow("R3 without field") << u"/a.add-cow"_s << QString() << 3 << u"unsupported add-cow version 2"_s
                                      << u"/a.add-cow: unsupported add-cow version 2 (R3)"_s;
    QTest::newRow("no rule") << u"x"_s << QString() << 0 << u"cancelled"_s << u"x: cancelled"_s;
    QTest::newRow("detail only") << QString() << QString() << 0 << u"bad argument"_s << u"bad argument"_s;
    QTest::newRow("R7 without path") << QString() << u"features"_s << 7 << u"unsupported feature bits 0x4"_s
                                     << u"features: unsupported feature bits 0x4 (R7)"_s;
}

void ResultTest::message()
{
    QFETCH(QString, path);
    QFETCH(QString, field);
    QFETCH(int, rule);
    QFETCH(QString, detail);
    QFETCH(QString, expected);

    Error error;
    error.code = ErrorCode::CorruptHeader;
    error.path = path;
    error.field = field;
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
