// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later

#include "job.h"
#include "report.h"

#include <QDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace AddCow;
using namespace Qt::StringLiterals;

class ReportTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyReport()
    {
        const Report report;
        QCOMPARE(report.worstSeverity(), Severity::Info);
        QVERIFY(report.toText().isEmpty());
        QVERIFY(report.toHtml().contains(u"<table>"_s));
    }

    void linesKeepSeverityAndTime()
    {
        Report report;
        const QDateTime before = QDateTime::currentDateTimeUtc();
        report.info(u"first"_s);
        report.warning(u"second"_s);
        report.add(Severity::Info, u"third"_s);
        const QDateTime after = QDateTime::currentDateTimeUtc();
        QCOMPARE(report.lines().size(), 3);
        QCOMPARE(report.lines().at(1).severity, Severity::Warning);
        QCOMPARE(report.lines().at(2).text, u"third"_s);
        for (const Report::Line &line : report.lines()) {
            QVERIFY(line.time >= before);
            QVERIFY(line.time <= after);
        }
        QCOMPARE(report.worstSeverity(), Severity::Warning);
        report.error(u"fourth"_s);
        QCOMPARE(report.worstSeverity(), Severity::Error);
    }

    void textHasOneLinePerEntry()
    {
        Report report;
        report.info(u"copied 5 bytes"_s);
        report.warning(u"cancelled"_s);
        report.error(u"disk <full>"_s);
        QCOMPARE(report.toText(), u"[info] copied 5 bytes\n[warning] cancelled\n[error] disk <full>\n"_s);
    }

    void filesAreAbsoluteAndUnique()
    {
        Report report;
        report.addFile(u"relative.add-cow"_s);
        report.addFile(QDir::current().absoluteFilePath(u"relative.add-cow"_s));
        report.addFile(u"/tmp/other.raw"_s);
        report.addFile(QString());
        QCOMPARE(report.files(), (QStringList{QDir::current().absoluteFilePath(u"relative.add-cow"_s), u"/tmp/other.raw"_s}));
    }

    void htmlIsEscapedAndWellFormed()
    {
        Report report;
        report.error(u"name <b>&\"quoted\"</b>"_s);
        report.info(u"plain"_s);
        report.addFile(u"/tmp/a&b<c>.add-cow"_s);
        const QString html = report.toHtml();
        QVERIFY(html.startsWith(u"<!DOCTYPE html>"_s));
        QVERIFY(!html.contains(u"<b>"_s));
        QVERIFY(html.contains(u"name &lt;b&gt;&amp;&quot;quoted&quot;&lt;/b&gt;"_s));
        QVERIFY(html.contains(u"/tmp/a&amp;b&lt;c&gt;.add-cow"_s));

        // Well-formed: an XML reader walks it to the end (after the doctype) and finds the rows.
        QXmlStreamReader xml(html);
        int rows = 0;
        int cells = 0;
        QStringList texts;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement() && xml.name() == u"tr")
                ++rows;
            if (xml.isStartElement() && xml.name() == u"td") {
                ++cells;
                texts << xml.readElementText();
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QCOMPARE(rows, 3); // heading + two lines
        QCOMPARE(cells, 6);
        QVERIFY(texts.contains(u"name <b>&\"quoted\"</b>"_s));
        QVERIFY(texts.contains(u"error"_s));
    }

    void contextForwardsProgressAndClusters()
    {
        std::atomic_bool cancel{false};
        JobContext context(&cancel);
        QVERIFY(!context.isCancelled());
        cancel = true;
        QVERIFY(context.isCancelled());
        QVERIFY(!JobContext().isCancelled());

        quint64 done = 0, total = 0;
        QList<ClusterRange> ranges;
        context.setProgress(1, 2); // no function yet: nothing happens
        context.setProgressFunction([&](quint64 d, quint64 t) {
            done = d;
            total = t;
        });
        context.setClustersFunction([&](ClusterRange range) {
            ranges << range;
        });
        context.setProgress(7, 9);
        context.allocated(ClusterRange{3, 4});
        context.allocated(ClusterRange{5, 0}); // empty ranges are not reported
        QCOMPARE(done, 7u);
        QCOMPARE(total, 9u);
        QCOMPARE(ranges, (QList<ClusterRange>{ClusterRange{3, 4}}));
        context.report().info(u"x"_s);
        QCOMPARE(context.report().lines().size(), 1);
    }
};

QTEST_GUILESS_MAIN(ReportTest)
#include "reporttest.moc"
