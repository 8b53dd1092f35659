// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "commands.h"
#include "console.h"
#include "subcommandparser.h"

#include "headerrewrite.h"

#include <QFile>

using namespace Qt::StringLiterals;

namespace AddCow::Commands
{

int rebase(const QStringList &arguments)
{
    SubcommandParser parser(u"rebase"_s, u"-u -b NEW_BACKING [-F NEW_BACKING_FMT] FILE"_s,
                            u"Changes the backing file name stored in the header, and nothing else: the bitmap and the "
                            "image file stay as they are, so the new backing file must hold the same data as the old "
                            "one where clusters are clean (unsafe mode, as qemu-img rebase -u). The header is rewritten "
                            "whole beside the file and renamed into place, so a crash leaves the old or the new file, "
                            "never a mix.\n\n"
                            "The name is stored as given; a relative name is taken relative to the directory of FILE "
                            "(R16). An empty NEW_BACKING removes the backing file: clean clusters then read as zero."_s);
    parser.addOption(QCommandLineOption(u"u"_s, u"Unsafe mode: rewrite the name only (required; the data is not compared)."_s));
    parser.addOption(QCommandLineOption(u"b"_s, u"The new backing file name (empty: none)."_s, u"NEW_BACKING"_s));
    parser.addOption(QCommandLineOption(u"F"_s,
                                        u"The new backing file's format (R9). Default: probed from the new backing file "
                                        "when it exists, else the format stored now."_s,
                                        u"NEW_BACKING_FMT"_s));
    parser.addImageFileArgument();
    parser.addNotes(u"Example"_s, u"  addcow rebase -u -b ../images/base.raw disk.add-cow"_s);
    if (const auto exitCode = parser.parse(arguments))
        return *exitCode;
    if (!parser.isSet(u"u"_s))
        return parser.usageError(u"only unsafe rebase is supported: use -u to change the stored name without comparing data"_s);
    if (!parser.isSet(u"b"_s))
        return parser.usageError(u"the new backing file is required: -b NEW_BACKING"_s);
    const QString fileName = parser.positional().at(0);
    const QByteArray newBacking = QFile::encodeName(parser.value(u"b"_s));
    if (newBacking.isEmpty() && parser.isSet(u"F"_s) && !parser.value(u"F"_s).isEmpty())
        return parser.usageError(u"-F needs a backing file: the backing format is empty without one (R9)"_s);

    const Result<NameChange> change = backingNameChange(fileName, newBacking,
                                                        parser.isSet(u"F"_s) ? std::optional<QByteArray>(parser.value(u"F"_s).toLatin1()) : std::nullopt);
    if (!change) {
        Console::error(change.error());
        return Console::Failure;
    }
    if (const Result<void> rewritten = rewriteNames(fileName, change.value()); !rewritten) {
        Console::error(rewritten.error());
        return Console::Failure;
    }
    return Console::Success;
}

} // namespace AddCow::Commands
