// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "headerrewrite.h"
#include "job.h"

namespace AddCow
{

/** rewriteNames() as a job: the .add-cow file is written whole again, bitmap included, so not on the GUI thread. */
class NameRewriteJob : public Job
{
public:
    NameRewriteJob(QString addCowPath, NameChange change);
    QString description() const override;
    Result<void> run(JobContext &context) override;

private:
    QString m_addCowPath;
    NameChange m_change;
};

} // namespace AddCow
