// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "reportdialog.h"

#include <QFile>
#include <QLocale>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

using namespace AddCow;

class ReportDialogTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsReport();
    void saves_data();
    void saves();
    void saveFailureIsReported();
    void savedTextHasTimesFilesAndFigures();

private:
    static Report sampleReport();
};

Report ReportDialogTest::sampleReport()
{
    Report report;
    report.info(QStringLiteral("Copied 42 clusters from base.raw"));
    report.warning(QStringLiteral("optional features are 0x10 [R8]"));
    report.error(QStringLiteral("bytes 0-65535 <cannot> be read & were zeroed"));
    report.addFile(QStringLiteral("/tmp/disk.add-cow"));
    return report;
}

void ReportDialogTest::showsReport()
{
    ReportDialog dialog;
    dialog.setReport(sampleReport(), QStringLiteral("Verify disk.add-cow"));
    auto *view = dialog.findChild<QTextBrowser *>(QStringLiteral("reportView"));
    QVERIFY(view);
    QVERIFY(view->isReadOnly());
    QVERIFY(view->toPlainText().contains(QStringLiteral("Copied 42 clusters from base.raw")));
    QVERIFY(view->toPlainText().contains(QStringLiteral("<cannot> be read & were zeroed")));
    QVERIFY(dialog.windowTitle().contains(QStringLiteral("Verify disk.add-cow")));
}

void ReportDialogTest::saves_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<bool>("html");
    QTest::newRow("txt") << QStringLiteral("report.txt") << false;
    QTest::newRow("html") << QStringLiteral("report.html") << true;
    QTest::newRow("htm upper case") << QStringLiteral("REPORT.HTM") << true;
    QTest::newRow("no suffix is text") << QStringLiteral("report") << false;
}

void ReportDialogTest::saves()
{
    QFETCH(QString, fileName);
    QFETCH(bool, html);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const Report report = sampleReport();
    ReportDialog dialog;
    dialog.setReport(report, QStringLiteral("Verify"));
    const QString path = dir.filePath(fileName);
    QString error;
    QVERIFY2(dialog.saveToFile(path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString saved = QString::fromUtf8(file.readAll());
    QCOMPARE(saved, html ? dialog.toHtml() : dialog.toText());
    QVERIFY(saved.contains(QStringLiteral("Copied 42 clusters")));
    QVERIFY(saved.contains(QStringLiteral("disk.add-cow")));
}

// Issue 14 item 6: the saved text report has times, files and figures, not only the messages.
void ReportDialogTest::savedTextHasTimesFilesAndFigures()
{
    QTemporaryDir dir;
    ReportDialog dialog;
    ReportDialog::JobSummary summary;
    summary.state = QStringLiteral("Done");
    summary.startTime = QDateTime(QDate(2026, 3, 4), QTime(10, 0, 0));
    summary.endTime = QDateTime(QDate(2026, 3, 4), QTime(10, 1, 5));
    summary.elapsedMs = 65000;
    summary.doneBytes = quint64(3) << 30;
    summary.totalBytes = quint64(4) << 30;
    const Report report = sampleReport();
    dialog.setReport(report, QStringLiteral("Commit disk.add-cow to disk.raw"), summary);
    const QString path = dir.filePath(QStringLiteral("report.txt"));
    QVERIFY(dialog.saveToFile(path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    const QLocale locale;
    QVERIFY2(text.startsWith(QStringLiteral("Commit disk.add-cow to disk.raw\n")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("State: Done")));
    QVERIFY(text.contains(locale.toString(summary.startTime, QLocale::LongFormat)));
    QVERIFY(text.contains(locale.toString(summary.endTime, QLocale::LongFormat)));
    QVERIFY(text.contains(QStringLiteral("Elapsed: 1 min 5 s")));
    QVERIFY(text.contains(locale.toString(qulonglong(summary.doneBytes))));
    QVERIFY(text.contains(locale.formattedDataSize(qint64(summary.totalBytes))));
    // Every message with its time.
    for (const Report::Line &line : report.lines())
        QVERIFY(text.contains(locale.toString(line.time.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")) + QStringLiteral(" [")
                              + severityName(line.severity) + QStringLiteral("] ") + line.text));
    QVERIFY(text.contains(QStringLiteral("Files:\n  /tmp/disk.add-cow\n")));
}

void ReportDialogTest::saveFailureIsReported()
{
    QTemporaryDir dir;
    ReportDialog dialog;
    dialog.setReport(sampleReport(), QStringLiteral("Verify"));
    QString error;
    const QString path = dir.filePath(QStringLiteral("missing-folder/report.txt"));
    QVERIFY(!dialog.saveToFile(path, &error));
    QVERIFY(error.contains(QStringLiteral("report.txt")));
    QVERIFY(!QFile::exists(path));
}

QTEST_MAIN(ReportDialogTest)
#include "reportdialogtest.moc"
