// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "reportdialog.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QTextBrowser>
#include <QVBoxLayout>

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
    m_report = report;
    m_title = title;
    setWindowTitle(title.isEmpty() ? tr("Job Report") : tr("Report: %1").arg(title));
    m_view->setHtml(m_report.toHtml());
}

bool ReportDialog::saveToFile(const QString &path, QString *errorMessage) const
{
    const bool html = path.endsWith(QLatin1String(".html"), Qt::CaseInsensitive)
        || path.endsWith(QLatin1String(".htm"), Qt::CaseInsensitive);
    const QByteArray bytes = (html ? m_report.toHtml() : m_report.toText()).toUtf8();
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
