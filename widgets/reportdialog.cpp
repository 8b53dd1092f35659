// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "reportdialog.h"

#include "unittext.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QTextBrowser>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace AddCow
{

ReportDialog::ReportDialog(QWidget *parent)
    : QDialog(parent)
    , m_view(new QTextBrowser(this))
{
    setObjectName(QStringLiteral("reportDialog"));
    setWindowTitle(tr("Job Report"));
    m_view->setObjectName(QStringLiteral("reportView"));
    m_view->setReadOnly(true);
    m_view->setOpenLinks(false);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Save)->setText(tr("Save As…"));
    buttons->button(QDialogButtonBox::Save)->setToolTip(tr("Save the report as plain text (.txt) or HTML (.html)"));
    connect(buttons->button(QDialogButtonBox::Save), &QPushButton::clicked, this, &ReportDialog::saveAs);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_view, 1);
    layout->addWidget(buttons);
    resize(fontMetrics().averageCharWidth() * 100, fontMetrics().height() * 30);
}

void ReportDialog::setReport(const Report &report, const QString &title)
{
    setReport(report, title, JobSummary{});
}

void ReportDialog::setReport(const Report &report, const QString &title, const JobSummary &summary)
{
    m_report = report;
    m_title = title;
    m_summary = summary;
    setWindowTitle(title.isEmpty() ? tr("Job Report") : tr("Report: %1").arg(title));
    m_view->setHtml(toHtml());
}

QList<std::pair<QString, QString>> ReportDialog::summaryRows() const
{
    const QLocale locale;
    QList<std::pair<QString, QString>> rows;
    if (!m_summary.state.isEmpty())
        rows.append({tr("State"), m_summary.state});
    if (m_summary.startTime.isValid())
        rows.append({tr("Started"), locale.toString(m_summary.startTime, QLocale::LongFormat)});
    if (m_summary.endTime.isValid())
        rows.append({tr("Ended"), locale.toString(m_summary.endTime, QLocale::LongFormat)});
    if (m_summary.elapsedMs >= 0)
        rows.append({tr("Elapsed"), durationText(m_summary.elapsedMs / 1000)});
    if (m_summary.totalBytes > 0) {
        QString processed = tr("%1 of %2 (%3 bytes of %4)")
                                .arg(dataSizeText(m_summary.doneBytes), dataSizeText(m_summary.totalBytes),
                                     locale.toString(qulonglong(m_summary.doneBytes)), locale.toString(qulonglong(m_summary.totalBytes)));
        if (m_summary.elapsedMs > 0)
            processed = tr("%1, %2/s").arg(processed, dataSizeText(quint64(double(m_summary.doneBytes) * 1000.0 / double(m_summary.elapsedMs))));
        rows.append({tr("Processed"), processed});
    }
    return rows;
}

QString ReportDialog::toText() const
{
    QString text = m_title.isEmpty() ? tr("Job report") : m_title;
    text += u"\n\n"_s;
    const auto rows = summaryRows();
    for (const auto &[label, value] : rows)
        text += tr("%1: %2").arg(label, value) + u'\n';
    if (!rows.isEmpty())
        text += u'\n';
    text += tr("Messages:") + u'\n';
    const QLocale locale;
    for (const Report::Line &line : m_report.lines())
        text += u"%1 [%2] %3\n"_s.arg(locale.toString(line.time.toLocalTime(), u"yyyy-MM-dd HH:mm:ss.zzz"_s), severityName(line.severity), line.text);
    if (!m_report.files().isEmpty()) {
        text += u'\n' + tr("Files:") + u'\n';
        for (const QString &file : m_report.files())
            text += u"  "_s + QDir::toNativeSeparators(file) + u'\n';
    }
    return text;
}

QString ReportDialog::toHtml() const
{
    const QString title = (m_title.isEmpty() ? tr("Job report") : m_title).toHtmlEscaped();
    QString html = u"<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\"/>\n<title>"_s + title + u"</title>\n</head>\n<body>\n<h1>"_s + title
        + u"</h1>\n"_s;
    if (const auto rows = summaryRows(); !rows.isEmpty()) {
        html += u"<table class=\"summary\">\n"_s;
        for (const auto &[label, value] : rows)
            html += u"<tr><th align=\"left\">"_s + label.toHtmlEscaped() + u"</th><td>"_s + value.toHtmlEscaped() + u"</td></tr>\n"_s;
        html += u"</table>\n"_s;
    }
    html += u"<h2>"_s + tr("Messages").toHtmlEscaped() + u"</h2>\n<table>\n<tr><th>"_s + tr("Time").toHtmlEscaped() + u"</th><th>"_s
        + tr("Severity").toHtmlEscaped() + u"</th><th>"_s + tr("Message").toHtmlEscaped() + u"</th></tr>\n"_s;
    const QLocale locale;
    for (const Report::Line &line : m_report.lines()) {
        html += u"<tr class=\""_s + severityName(line.severity) + u"\"><td>"_s
            + locale.toString(line.time.toLocalTime(), u"yyyy-MM-dd HH:mm:ss.zzz"_s).toHtmlEscaped() + u"</td><td>"_s
            + severityName(line.severity).toHtmlEscaped() + u"</td><td>"_s + line.text.toHtmlEscaped() + u"</td></tr>\n"_s;
    }
    html += u"</table>\n"_s;
    if (!m_report.files().isEmpty()) {
        html += u"<h2>"_s + tr("Files").toHtmlEscaped() + u"</h2>\n<ul>\n"_s;
        for (const QString &file : m_report.files())
            html += u"<li>"_s + QDir::toNativeSeparators(file).toHtmlEscaped() + u"</li>\n"_s;
        html += u"</ul>\n"_s;
    }
    html += u"</body>\n</html>\n"_s;
    return html;
}

bool ReportDialog::saveToFile(const QString &path, QString *errorMessage) const
{
    const bool html = path.endsWith(QLatin1String(".html"), Qt::CaseInsensitive)
        || path.endsWith(QLatin1String(".htm"), Qt::CaseInsensitive);
    const QByteArray bytes = (html ? toHtml() : toText()).toUtf8();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        if (errorMessage)
            *errorMessage = tr("Could not save the report to %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

void ReportDialog::saveAs()
{
    QString selectedFilter;
    const QString textFilter = tr("Plain text (*.txt)");
    const QString htmlFilter = tr("HTML (*.html *.htm)");
    QString path = QFileDialog::getSaveFileName(this, tr("Save Report"), QString(), textFilter + QLatin1String(";;") + htmlFilter, &selectedFilter);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += selectedFilter == htmlFilter ? QLatin1String(".html") : QLatin1String(".txt");
    QString error;
    if (!saveToFile(path, &error))
        QMessageBox::warning(this, tr("Save Report"), error);
}

} // namespace AddCow
