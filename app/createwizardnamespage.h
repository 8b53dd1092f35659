// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QWizardPage>

class QLabel;
class QRadioButton;

namespace AddCow
{

class HeightForWidthKeeper;
class ProblemLabel;

class CreateWizardAddCowPage;
class CreateWizardBackingPage;
class CreateWizardImagePage;

/**
 * Create wizard, page 4: how the names are stored: relative to the .add-cow file's folder
 * (R16; the set can move as a whole) or absolute. Shows the exact bytes and where they lead;
 * refuses names that do not fit in the header (R5).
 */
class CreateWizardNamesPage : public QWizardPage
{
    Q_OBJECT

public:
    CreateWizardNamesPage(const CreateWizardBackingPage *backingPage, const CreateWizardImagePage *imagePage,
                          const CreateWizardAddCowPage *addCowPage, QWidget *parent = nullptr);

    bool storesRelativeNames() const;
    /** The bytes stored as the image file name. */
    QByteArray imageFileName() const;
    /** The bytes stored as the backing file name; empty without a backing file. */
    QByteArray backingFileName() const;
    QString problem() const { return m_problem; }
    /** The rule behind problem() (R17 ...), 0 for none; it is in the message's tooltip, not its text. */
    int problemRule() const { return m_problemRule; }

    /** The stored name for path: relative to addCowPath's folder, or absolute. */
    static QByteArray storedName(const QString &addCowPath, const QString &path, bool relative);
    /** "“disk.raw” — 8 bytes: 64 69 73 6b 2e 72 61 77" */
    static QString describeBytes(const QByteArray &bytes);

    void initializePage() override;
    bool isComplete() const override;
    /** Next is refused, also when called directly (QWizard::next()), while a problem remains. */
    bool validatePage() override;

private:
    void check();

    const CreateWizardBackingPage *m_backingPage;
    const CreateWizardImagePage *m_imagePage;
    const CreateWizardAddCowPage *m_addCowPage;
    QRadioButton *m_relative;
    QRadioButton *m_absolute;
    QLabel *m_imageName;
    QLabel *m_backingName;
    ProblemLabel *m_message;
    QString m_problem;
    int m_problemRule = 0;
    HeightForWidthKeeper *m_heightKeeper;
};

} // namespace AddCow
