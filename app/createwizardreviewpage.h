// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QWizardPage>

#include <functional>

class QTextBrowser;

namespace AddCow
{

class CreateWizardAddCowPage;
class CreateWizardBackingPage;
class CreateWizardImagePage;
class CreateWizardNamesPage;

/**
 * Create wizard, page 5: everything that will be written, file by file. Its commit button
 * ("Create") starts the job through startCreate; the wizard then shows its progress.
 */
class CreateWizardReviewPage : public QWizardPage
{
    Q_OBJECT

public:
    CreateWizardReviewPage(const CreateWizardBackingPage *backingPage, const CreateWizardImagePage *imagePage,
                           const CreateWizardAddCowPage *addCowPage, const CreateWizardNamesPage *namesPage,
                           std::function<bool()> startCreate, QWidget *parent = nullptr);

    /** The review as plain text (what the page shows). */
    QString reviewText() const;

    void initializePage() override;
    bool validatePage() override;

private:
    const CreateWizardBackingPage *m_backingPage;
    const CreateWizardImagePage *m_imagePage;
    const CreateWizardAddCowPage *m_addCowPage;
    const CreateWizardNamesPage *m_namesPage;
    std::function<bool()> m_startCreate;
    QTextBrowser *m_text;
};

} // namespace AddCow
