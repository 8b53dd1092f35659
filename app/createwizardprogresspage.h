// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QWizardPage>

class QLabel;
class QProgressBar;
class QPushButton;

namespace AddCow
{

/**
 * Create wizard, last page: the create job's progress and outcome. Complete when it succeeded;
 * when it failed or was cancelled, offers to go back to the review and try again.
 */
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
    /** Back to the state before a job: no outcome, no Change Settings button. */
    void reset();

Q_SIGNALS:
    /** The user wants to change the settings after a failed or cancelled create. */
    void changeSettingsRequested();

private:
    QProgressBar *m_bar;
    QLabel *m_status;
    QPushButton *m_changeSettings;
    bool m_succeeded = false;
};

} // namespace AddCow
