// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QWizardPage>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace AddCow
{

class ProblemLabel;

/**
 * Create wizard, page 1: the optional backing file. Its format is probed (R9: only when
 * creating) and shown with its size; a missing file or a format other than raw is refused.
 */
class CreateWizardBackingPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit CreateWizardBackingPage(QWidget *parent = nullptr);

    bool hasBackingFile() const;
    /** Absolute path of the backing file; empty without one. */
    QString backingPath() const;
    quint64 backingSizeBytes() const { return m_sizeBytes; }
    /** The probed format, e.g. "raw"; empty without a backing file. */
    QByteArray backingFormat() const { return m_format; }
    /** The translated reason Next is refused; empty when the page is complete. */
    QString problem() const { return m_problem; }
    /** The rule behind problem() (R17 ...), 0 for none; it is in the message's tooltip, not its text. */
    int problemRule() const { return m_problemRule; }

    bool isComplete() const override;
    /** Next is refused, also when called directly (QWizard::next()), while a problem remains. */
    bool validatePage() override;

private:
    void browse();
    void check();

    QCheckBox *m_useBacking;
    QLineEdit *m_path;
    QPushButton *m_browse;
    QLabel *m_info;
    ProblemLabel *m_message;
    QByteArray m_format;
    quint64 m_sizeBytes = 0;
    QString m_problem;
    int m_problemRule = 0;
};

} // namespace AddCow
