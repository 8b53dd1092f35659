// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "createjob.h"

#include <QWizard>

namespace AddCow
{

class CreateWizardAddCowPage;
class CreateWizardBackingPage;
class CreateWizardImagePage;
class CreateWizardNamesPage;
class CreateWizardProgressPage;
class CreateWizardReviewPage;
class JobManager;

/**
 * File › New Image: backing file, raw image file, .add-cow file, stored names, review, then a
 * CreateJob through the JobManager with its progress on the last page. Cancel while the job
 * runs asks first, then cancels it (the job removes what it made) and closes when it stopped.
 * Esc or Cancel before that asks too, once something was typed or chosen.
 */
class CreateWizard : public QWizard
{
    Q_OBJECT

public:
    enum PageId { BackingPageId, ImagePageId, AddCowPageId, NamesPageId, ReviewPageId, ProgressPageId };

    explicit CreateWizard(JobManager *jobManager, QWidget *parent = nullptr);

    /** What the pages say to create (R20). */
    CreateOptions createOptions() const;
    /** The create job, 0 before Create was pressed. */
    int jobId() const { return m_jobId; }

    CreateWizardBackingPage *backingPage() const { return m_backingPage; }
    CreateWizardImagePage *imagePage() const { return m_imagePage; }
    CreateWizardAddCowPage *addCowPage() const { return m_addCowPage; }
    CreateWizardNamesPage *namesPage() const { return m_namesPage; }
    CreateWizardReviewPage *reviewPage() const { return m_reviewPage; }
    CreateWizardProgressPage *progressPage() const { return m_progressPage; }

public Q_SLOTS:
    void reject() override;

Q_SIGNALS:
    /** The .add-cow file was created (absolute path). */
    void imageCreated(const QString &addCowPath);

private:
    bool startCreate();
    void jobProgress(int jobId, quint64 doneBytes, quint64 totalBytes);
    void jobFinished(int jobId);
    void changeSettings();

    JobManager *m_jobManager;
    CreateWizardBackingPage *m_backingPage;
    CreateWizardImagePage *m_imagePage;
    CreateWizardAddCowPage *m_addCowPage;
    CreateWizardNamesPage *m_namesPage;
    CreateWizardReviewPage *m_reviewPage;
    CreateWizardProgressPage *m_progressPage;
    int m_jobId = 0;
    bool m_closeWhenStopped = false;
    bool m_userInput = false; ///< something was typed or chosen: closing asks first
};

} // namespace AddCow
