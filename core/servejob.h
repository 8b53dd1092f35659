// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "addcowcore_export.h"
#include "job.h"
#include "nbdexport.h"

#include <QString>

namespace AddCow
{

/**
 * Serves an image over NBD until cancelled: the app's "Serve to a Virtual Machine" as a job.
 * Runs nbdkit with the addcow plugin through NbdExport, exactly as `addcow serve` does. Progress
 * is 0 of 1 until clients can connect, then 1 of 1. Cancel stops nbdkit (connections closed,
 * everything flushed, locks released) and the job ends without error; nbdkit failing or
 * stopping by itself is an error (ServerFailed) with nbdkit's last words.
 */
class ADDCOWCORE_EXPORT ServeJob : public Job
{
public:
    /** programDir: where to look for the plugin first (the running program's directory). */
    ServeJob(const ExportOptions &options, const QString &programDir);

    QString description() const override;
    Result<void> run(JobContext &context) override;
    bool isService() const override { return true; }

    /** The export's address and client lines; known before it starts (thread-safe, constant). */
    const NbdExport &server() const { return m_server; }

private:
    NbdExport m_server;
    QString m_programDir;
};

} // namespace AddCow
