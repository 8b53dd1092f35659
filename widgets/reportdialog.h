// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "report.h"

#include <QDialog>

class QTextBrowser;

namespace AddCow
{

/** Shows a job's report read-only and saves it as plain text (.txt) or HTML (.html). */
class ReportDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ReportDialog(QWidget *parent = nullptr);

    /** Shows report; title is the job's description. */
    void setReport(const AddCow::Report &report, const QString &title);
    const AddCow::Report &report() const { return m_report; }

    /**
     * Writes the report to path atomically: HTML when the name ends in .html or .htm, else text.
     * @param errorMessage set to a translated reason on failure
     */
    bool saveToFile(const QString &path, QString *errorMessage = nullptr) const;

public Q_SLOTS:
    /** Asks for a file name, then saveToFile(); shows an error box on failure. */
    void saveAs();

private:
    AddCow::Report m_report;
    QString m_title;
    QTextBrowser *m_view;
};

} // namespace AddCow
