// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QWizardPage>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace AddCow
{

class ProblemLabel;

class CreateWizardBackingPage;
class CreateWizardImagePage;

/**
 * Create wizard, page 3: the .add-cow file (default IMAGE.add-cow beside the image file).
 * An existing file is only replaced when the user checks "Replace" (R20); it must differ from
 * the image and backing files (R17).
 */
class CreateWizardAddCowPage : public QWizardPage
{
    Q_OBJECT

public:
    CreateWizardAddCowPage(const CreateWizardBackingPage *backingPage, const CreateWizardImagePage *imagePage, QWidget *parent = nullptr);

    QString addCowPath() const;
    /** True when an existing .add-cow file is to be replaced (the user checked it). */
    bool overwrite() const;
    QString problem() const { return m_problem; }
    /** The rule behind problem() (R17 ...), 0 for none; it is in the message's tooltip, not its text. */
    int problemRule() const { return m_problemRule; }

    void initializePage() override;
    bool isComplete() const override;
    /** Next is refused, also when called directly (QWizard::next()), while a problem remains. */
    bool validatePage() override;

private:
    void browse();
    void check();
    QString defaultPath() const;

    const CreateWizardBackingPage *m_backingPage;
    const CreateWizardImagePage *m_imagePage;
    QLineEdit *m_path;
    QPushButton *m_browse;
    QCheckBox *m_overwrite;
    ProblemLabel *m_message;
    QString m_lastDefault;
    QString m_problem;
    int m_problemRule = 0;
};

} // namespace AddCow
