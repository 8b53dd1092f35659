// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QWizardPage>

#include <optional>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace AddCow
{

class ProblemLabel;

class CreateWizardBackingPage;

/**
 * Create wizard, page 2: the raw image file. An existing one is used as it is (never truncated,
 * R20); a new one gets a size (default: the backing file's) and is sparse or fully allocated.
 * Refuses the backing file itself (R17), an image smaller than the backing file unless forced
 * (R20), and a fully allocated image that does not fit in the free space.
 */
class CreateWizardImagePage : public QWizardPage
{
    Q_OBJECT

public:
    CreateWizardImagePage(const CreateWizardBackingPage *backingPage, QWidget *parent = nullptr);

    /** Absolute path of the image file. */
    QString imagePath() const;
    bool imageExists() const { return m_exists; }
    /** Size of a new image file; unset for an existing one. */
    std::optional<quint64> newSizeBytes() const;
    /** The virtual disk's size: the new size or the existing file's size (R11). */
    quint64 virtualSizeBytes() const { return m_virtualSizeBytes; }
    bool preallocate() const;
    bool force() const;
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

    const CreateWizardBackingPage *m_backingPage;
    QLineEdit *m_path;
    QPushButton *m_browse;
    QLabel *m_existing;
    QLineEdit *m_size;
    QRadioButton *m_sparse;
    QRadioButton *m_full;
    QLabel *m_space;
    QCheckBox *m_force;
    QLabel *m_forceWarning;
    ProblemLabel *m_message;
    bool m_exists = false;
    bool m_sizeEdited = false;
    quint64 m_virtualSizeBytes = 0;
    QString m_problem;
    int m_problemRule = 0;
};

/** A size as the size field shows it: "64M", "10G", or plain bytes when no suffix fits exactly. */
QString sizeFieldText(quint64 sizeBytes);

} // namespace AddCow
