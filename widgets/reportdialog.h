// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "report.h"

#include <QDateTime>
#include <QDialog>

class QTextBrowser;

namespace AddCow
{

/**
 * Shows a job's report read-only and saves it as plain text (.txt) or HTML (.html): what the
 * job was, how it ended, when, how much it processed, every message with its time, the files.
 */
class ReportDialog : public QDialog
{
    Q_OBJECT

public:
    /** The figures of the job the report belongs to; what is unset is left out. */
    struct JobSummary {
        QString state;          ///< translated ("Done", "Cancelled", ...)
        QDateTime startTime;
        QDateTime endTime;
        qint64 elapsedMs = -1;
        quint64 doneBytes = 0;
        quint64 totalBytes = 0; ///< 0: the job did not say
    };

    explicit ReportDialog(QWidget *parent = nullptr);

    /** Shows report; title is the job's description. */
    void setReport(const AddCow::Report &report, const QString &title);
    void setReport(const AddCow::Report &report, const QString &title, const JobSummary &summary);
    const AddCow::Report &report() const { return m_report; }

    /** The report as saved: plain text, or an HTML page. */
    QString toText() const;
    QString toHtml() const;

    /**
     * Writes the report to path atomically: HTML when the name ends in .html or .htm, else text.
     * @param errorMessage set to a translated reason on failure
     */
    bool saveToFile(const QString &path, QString *errorMessage = nullptr) const;

public Q_SLOTS:
    /** Asks for a file name, then saveToFile(); shows an error box on failure. */
    void saveAs();

private:
    /** Label and value pairs of the summary, in order. */
    QList<std::pair<QString, QString>> summaryRows() const;

    AddCow::Report m_report;
    QString m_title;
    JobSummary m_summary;
    QTextBrowser *m_view;
};

} // namespace AddCow
