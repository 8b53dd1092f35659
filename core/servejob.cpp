// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "servejob.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>
#include <QThread>

using namespace Qt::StringLiterals;

namespace AddCow
{

namespace
{

constexpr int PollMs = 100; // a cancel reaches nbdkit within this

} // namespace

ServeJob::ServeJob(const ExportOptions &options, const QString &programDir)
    : m_server(options)
    , m_programDir(programDir)
{
}

QString ServeJob::description() const
{
    return u"Serve %1 over NBD"_s.arg(QFileInfo(m_server.options().addCowPath).fileName());
}

Result<void> ServeJob::run(JobContext &context)
{
    Report &report = context.report();
    report.addFile(m_server.options().addCowPath);
    context.setProgress(0, 1);
    const Result<QString> nbdkit = NbdExport::findNbdkit();
    if (!nbdkit)
        return nbdkit.error();
    const Result<QString> plugin = NbdExport::findPlugin(m_programDir);
    if (!plugin)
        return plugin.error();

    // nbdkit's messages go to a log beside its pid file; the report gets their end on failure.
    const QString log = QDir(QDir::tempPath()).filePath(u"addcow-serve-%1.log"_s.arg(QString::number(quintptr(this), 16)));
    const auto removeLog = qScopeGuard([&log] {
        QFile::remove(log);
    });
    if (Result<void> started = m_server.start(nbdkit.value(), plugin.value(), log); !started)
        return started.error();
    report.info(u"nbdkit (pid %1) serves %2 at %3"_s.arg(m_server.pid()).arg(m_server.options().addCowPath, m_server.uri()));
    for (const ClientCommand &client : m_server.clientCommands())
        report.info(u"%1: %2"_s.arg(client.program, client.commandLine));
    context.setProgress(1, 1);

    while (m_server.isRunning()) {
        if (context.isCancelled()) {
            if (!m_server.stop()) {
                return Error::fromCode(m_server.options().addCowPath, FindingCode::ServerDidNotStopCleanly,
                                       {FindingArgument::ofText(m_server.exitDescription()), FindingArgument::ofText(NbdExport::logTail(log))});
            }
            report.info(u"Stopped: everything written is flushed and the locks are released."_s);
            return {};
        }
        QThread::msleep(PollMs);
    }
    return Error::fromCode(m_server.options().addCowPath, FindingCode::ServerStoppedByItself,
                           {FindingArgument::ofText(m_server.exitDescription()), FindingArgument::ofText(NbdExport::logTail(log))});
}

} // namespace AddCow
