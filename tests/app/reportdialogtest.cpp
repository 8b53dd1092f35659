// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "reportdialog.h"

#include <QFile>
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
    QCOMPARE(saved, html ? report.toHtml() : report.toText());
    QVERIFY(saved.contains(QStringLiteral("Copied 42 clusters")));
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
