// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "commitdonedialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace AddCow
{

CommitDoneDialog::CommitDoneDialog(const QString &addCowPath, const QString &imagePath, const QString &backingPath, QWidget *parent)
    : QDialog(parent)
    , m_backingPath(backingPath)
    , m_verify(new QCheckBox(tr("&Verify the raw image now (read every byte, SHA-256)"), this))
    , m_removeAddCow(new QCheckBox(tr("&Remove the .add-cow file %1").arg(QFileInfo(addCowPath).fileName()), this))
    , m_removeBacking(new QCheckBox(tr("Also remove the &backing file %1").arg(QFileInfo(backingPath).fileName()), this))
{
    setObjectName(u"commitDoneDialog"_s);
    setWindowTitle(tr("Commit Finished"));
    auto *text = new QLabel(tr("<b>%1 is now the whole disk.</b><br>Every cluster is in the raw image file and ALL_ALLOCATED is set "
                               "(R14, R19): the .add-cow file and the backing file are no longer needed to read it.")
                                .arg(QDir::toNativeSeparators(imagePath).toHtmlEscaped()),
                            this);
    text->setWordWrap(true);
    m_verify->setObjectName(u"verifyAfterCommitCheck"_s);
    m_verify->setChecked(true);
    m_removeAddCow->setObjectName(u"removeAddCowCheck"_s);
    m_removeAddCow->setToolTip(QDir::toNativeSeparators(addCowPath));
    m_removeBacking->setObjectName(u"removeBackingCheck"_s);
    m_removeBacking->setToolTip(QDir::toNativeSeparators(backingPath));
    m_removeBacking->setChecked(false);
    m_removeBacking->setVisible(!backingPath.isEmpty());
    auto *backingNote = new QLabel(tr("Other images may use the same backing file; it is only removed after a second confirmation."), this);
    backingNote->setWordWrap(true);
    backingNote->setForegroundRole(QPalette::PlaceholderText);
    backingNote->setVisible(!backingPath.isEmpty());

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Apply"));
    connect(buttons, &QDialogButtonBox::accepted, this, &CommitDoneDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(text);
    layout->addSpacing(6);
    layout->addWidget(m_verify);
    layout->addWidget(m_removeAddCow);
    layout->addWidget(m_removeBacking);
    layout->addWidget(backingNote);
    layout->addStretch(1);
    layout->addWidget(buttons);
    setMinimumWidth(560); // the paths in the checkboxes need room
}

bool CommitDoneDialog::verifyRequested() const
{
    return m_verify->isChecked();
}

bool CommitDoneDialog::removeAddCowRequested() const
{
    return m_removeAddCow->isChecked();
}

bool CommitDoneDialog::removeBackingRequested() const
{
    return !m_backingPath.isEmpty() && m_removeBacking->isChecked();
}

void CommitDoneDialog::accept()
{
    if (removeBackingRequested()) {
        QMessageBox box(QMessageBox::Warning, tr("Remove Backing File"),
                        tr("Remove the backing file %1?").arg(QDir::toNativeSeparators(m_backingPath)),
                        QMessageBox::Yes | QMessageBox::No, this);
        box.setObjectName(u"confirmRemoveBackingBox"_s);
        box.setInformativeText(tr("This cannot be undone. Any other image that uses it as its backing file loses its data."));
        box.setDefaultButton(QMessageBox::No);
        if (box.exec() != QMessageBox::Yes) {
            m_removeBacking->setChecked(false);
            return;
        }
    }
    QDialog::accept();
}

} // namespace AddCow
