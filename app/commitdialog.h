// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "commitjob.h"

#include <QDialog>

class QLabel;

namespace AddCow
{

class Image;

/**
 * Image › Commit to Raw: what the commit will do (R19), with the files and their paths,
 * before anything is written. Accepting starts the commit.
 */
class CommitDialog : public QDialog
{
    Q_OBJECT

public:
    CommitDialog(const Image &image, const CommitPlan &plan, QWidget *parent = nullptr);

    /** The plan as the dialog shows it, plain text. */
    QString planText() const;

private:
    QLabel *m_plan;
};

} // namespace AddCow
