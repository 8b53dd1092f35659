// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QDialog>

class QCheckBox;

namespace AddCow
{

/**
 * After a commit: the raw image is the whole disk. Offers to verify it and to remove the
 * .add-cow file; the backing file only through its own unchecked box and a second confirmation.
 */
class CommitDoneDialog : public QDialog
{
    Q_OBJECT

public:
    CommitDoneDialog(const QString &addCowPath, const QString &imagePath, const QString &backingPath, QWidget *parent = nullptr);

    bool verifyRequested() const;
    bool removeAddCowRequested() const;
    bool removeBackingRequested() const;

    QCheckBox *verifyCheck() const { return m_verify; }
    QCheckBox *removeAddCowCheck() const { return m_removeAddCow; }
    QCheckBox *removeBackingCheck() const { return m_removeBacking; }

public Q_SLOTS:
    /** Asks once more before accepting a removal of the backing file. */
    void accept() override;

private:
    QString m_backingPath;
    QCheckBox *m_verify;
    QCheckBox *m_removeAddCow;
    QCheckBox *m_removeBacking;
};

} // namespace AddCow
