// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "commands.h"
#include "console.h"
#include "findingprinter.h"
#include "interrupthandler.h"
#include "progressprinter.h"
#include "subcommandparser.h"

#include "verifyjob.h"

using namespace Qt::StringLiterals;

namespace AddCow::Commands
{

int verify(const QStringList &arguments)
{
    SubcommandParser parser(u"verify"_s, u"[-p] FILE"_s,
                            u"Checks the image as 'addcow check' does, then reads every byte of the virtual disk. "
                            "Prints the findings, the ranges that could not be read and the SHA-256 of the whole "
                            "virtual disk (the same as 'sha256sum' of 'addcow read FILE 0 SIZE')."_s);
    parser.addProgressOption();
    parser.addImageFileArgument();
    parser.addNotes(u"Exit status"_s,
                    u"0 when the image is clean and every byte could be read, 2 when errors were found or ranges "
                    "could not be read, 3 when only warnings were found, 1 when the file cannot be read or is not an "
                    "add-cow image, 130 when interrupted."_s);
    if (const auto exitCode = parser.parse(arguments))
        return *exitCode;
    const QString fileName = parser.positional().at(0);

    InterruptHandler interrupt;
    ProgressPrinter progress(parser.showProgress());
    JobContext context(interrupt.cancelFlag());
    context.setProgressFunction([&progress](quint64 done, quint64 total) {
        progress.update(done, total);
    });
    VerifyJob job(fileName, true);
    const Result<void> verified = job.run(context);
    progress.finish();
    const VerifyResult &result = job.result();

    QString text;
    for (const Finding &finding : result.findings)
        text += FindingPrinter::toText(finding) + u'\n';
    for (const ByteRange &range : result.unreadable)
        text += u"error: cannot read bytes %1-%2 of the virtual disk\n"_s.arg(range.offsetBytes).arg(range.offsetBytes + range.lengthBytes - 1);
    if (!result.sha256.isEmpty())
        text += u"sha256: %1\n"_s.arg(QString::fromLatin1(result.sha256.toHex()));
    if (verified || !result.findings.isEmpty())
        text += FindingPrinter::summary(result.findings) + u'\n';
    Console::out(text);
    Console::flushOut();

    if (!verified) {
        if (verified.error().code == ErrorCode::Cancelled) {
            Console::error(u"%1: verify interrupted"_s.arg(fileName));
            return Console::Interrupted;
        }
        // Findings explain why the data could not be read: the image is corrupt.
        if (hasErrors(result.findings)) {
            Console::error(verified.error());
            return Console::CheckErrors;
        }
        Console::error(verified.error());
        return Console::Failure;
    }
    if (!result.unreadable.isEmpty())
        return Console::CheckErrors;
    return FindingPrinter::exitCode(result.findings);
}

} // namespace AddCow::Commands
