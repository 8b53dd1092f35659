// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "namerewritejob.h"

#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace AddCow
{

NameRewriteJob::NameRewriteJob(QString addCowPath, NameChange change)
    : m_addCowPath(std::move(addCowPath))
    , m_change(std::move(change))
{
}

QString NameRewriteJob::description() const
{
    return u"Rewrite the file names in %1"_s.arg(QFileInfo(m_addCowPath).fileName());
}

Result<void> NameRewriteJob::run(JobContext &context)
{
    // One atomic rename at the end (R20): there is nothing to cancel half-way.
    context.setProgress(0, 1);
    if (m_change.imageFileName)
        context.report().info(u"Image file name: '%1'"_s.arg(QString::fromUtf8(*m_change.imageFileName)));
    if (m_change.backingFileName)
        context.report().info(u"Backing file name: '%1'"_s.arg(QString::fromUtf8(*m_change.backingFileName)));
    context.report().addFile(QFileInfo(m_addCowPath).absoluteFilePath());
    Result<void> result = rewriteNames(m_addCowPath, m_change);
    if (!result)
        return result;
    context.report().info(u"Rewrote %1 and renamed it into place"_s.arg(m_addCowPath));
    context.setProgress(1, 1);
    return {};
}

} // namespace AddCow
