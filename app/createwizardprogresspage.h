// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QWizardPage>

class QLabel;
class QProgressBar;

namespace AddCow
{

/** Create wizard, last page: the create job's progress and outcome. Complete when it succeeded. */
class CreateWizardProgressPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit CreateWizardProgressPage(QWidget *parent = nullptr);

    void setProgress(quint64 doneBytes, quint64 totalBytes);
    /** The job ended: succeeded or not, with a translated text. */
    void setFinished(bool succeeded, const QString &text);
    void setStatus(const QString &text);
    QString statusText() const;
    bool hasSucceeded() const { return m_succeeded; }

    bool isComplete() const override;

private:
    QProgressBar *m_bar;
    QLabel *m_status;
    bool m_succeeded = false;
};

} // namespace AddCow
