// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "commands.h"
#include "console.h"
#include "interrupthandler.h"
#include "progressprinter.h"
#include "subcommandparser.h"

#include "commitjob.h"

using namespace Qt::StringLiterals;

namespace AddCow::Commands
{

int commit(const QStringList &arguments)
{
    SubcommandParser parser(u"commit"_s, u"[-p] FILE"_s,
                            u"Copies every clean cluster (bit 0) from the backing file into the image file, zeros "
                            "past the backing file's end, in durable batches, then marks the image all allocated "
                            "(R19). Afterwards the image file alone is the disk; the .add-cow and backing files may be "
                            "discarded. The virtual disk reads the same before, during and after the commit.\n\n"
                            "Ctrl-C stops the commit at the end of the current batch; the clusters copied so far stay "
                            "allocated, and running the command again resumes it."_s);
    parser.addProgressOption();
    parser.addImageFileArgument();
    parser.addNotes(u"Exit status"_s, u"0 when committed, 1 on error, 130 when interrupted (run it again to resume)."_s);
    if (const auto exitCode = parser.parse(arguments))
        return *exitCode;
    const QString fileName = parser.positional().at(0);

    InterruptHandler interrupt;
    ProgressPrinter progress(parser.showProgress());
    JobContext context(interrupt.cancelFlag());
    context.setProgressFunction([&progress](quint64 done, quint64 total) {
        progress.update(done, total);
    });
    CommitJob job(fileName);
    const Result<void> committed = job.run(context);
    progress.finish();
    if (!committed) {
        if (committed.error().code == ErrorCode::Cancelled) {
            Console::error(u"%1: commit interrupted; the clusters copied so far are kept, run the command again to resume"_s.arg(fileName));
            return Console::Interrupted;
        }
        Console::error(committed.error());
        return Console::Failure;
    }
    Console::out(u"Image committed.\n"_s);
    return Console::flushOut() ? Console::Success : Console::Failure;
}

} // namespace AddCow::Commands
