// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "backinglayer.h"
#include "result.h"

#include <QByteArray>
#include <QDateTime>
#include <QFutureWatcher>
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
 * creating) and shown with its disk's virtual size (R20); a missing file, or one QEMU cannot
 * read, is refused. A raw file is looked at at once; any other format is asked of QEMU in the
 * background (qemu-img takes a moment), and Next waits for the answer.
 */
class CreateWizardBackingPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit CreateWizardBackingPage(QWidget *parent = nullptr);

    bool hasBackingFile() const;
    /** Absolute path of the backing file; empty without one. */
    QString backingPath() const;
    /** The backing disk's virtual size (for qcow2 the disk it holds, not the file). */
    quint64 backingSizeBytes() const { return m_sizeBytes; }
    /** The probed format, e.g. "raw" or "qcow2"; empty without a backing file or while probing. */
    QByteArray backingFormat() const { return m_format; }
    /** The translated reason Next is refused; empty when the page is complete (or still probing). */
    QString problem() const { return m_problem; }
    /** The rule behind problem() (R17 ...), 0 for none; it is in the message's tooltip, not its text. */
    int problemRule() const { return m_problemRule; }
    /** QEMU is still being asked about the backing file. */
    bool isProbing() const { return !m_probingPath.isEmpty(); }

    bool isComplete() const override;
    /** Next is refused, also when called directly (QWizard::next()), while a problem remains. */
    bool validatePage() override;

private:
    void browse();
    void check();
    void probed();
    void showBacking(const QList<BackingLayer> &chain);

    QCheckBox *m_useBacking;
    QLineEdit *m_path;
    QPushButton *m_browse;
    QLabel *m_info;
    ProblemLabel *m_message;
    QByteArray m_format;
    quint64 m_sizeBytes = 0;
    QString m_problem;
    int m_problemRule = 0;
    QString m_probingPath;
    // QEMU's last answer, kept while the file is unchanged: Next checks the page again.
    QString m_probedPath;
    QDateTime m_probedTime;
    quint64 m_probedFileBytes = 0;
    QList<BackingLayer> m_probedChain;
    QFutureWatcher<Result<QList<BackingLayer>>> m_watcher;
};

} // namespace AddCow
