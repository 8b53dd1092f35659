// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "commands.h"
#include "console.h"
#include "interrupthandler.h"
#include "progressprinter.h"
#include "subcommandparser.h"

#include "image.h"
#include "mapexport.h"

#include <QFile>

using namespace Qt::StringLiterals;

namespace AddCow::Commands
{

int map(const QStringList &arguments)
{
    SubcommandParser parser(u"map"_s, u"[-p] [--output=human|json|csv] FILE"_s,
                            u"Shows where each byte of the virtual disk is read from, as runs of one source: image "
                            "(the cluster's bit is set, or the image is all allocated), backing (the bit is clear and "
                            "the backing disk holds the bytes), backing-zero (the bit is clear and the backing file's "
                            "format records that the whole cluster reads as zeros: an unallocated or zero cluster of a "
                            "qcow2, vmdk or vhdx backing file, as QEMU reports it; never for raw backing files) or zero "
                            "(the bit is clear and the backing disk ends before, or there is none; R13). Adjacent runs "
                            "of one source are merged; the runs cover exactly the virtual size.\n\n"
                            "The runs are written as the bitmap is walked, so memory stays small whatever the disk's "
                            "size; Ctrl-C stops the walk."_s);
    parser.addProgressOption();
    parser.addOption(QCommandLineOption(u"output"_s,
                                        u"Output format: human (a table in hexadecimal, the default), json "
                                        "([{\"start\", \"length\", \"source\"}, ...] in bytes) or csv (start,length,source); "
                                        "source is image, backing, backing-zero or zero."_s,
                                        u"FMT"_s, u"human"_s));
    parser.addImageFileArgument();
    if (const auto exitCode = parser.parse(arguments))
        return *exitCode;
    const QString output = parser.value(u"output"_s);
    MapExport::Format format = MapExport::Format::Human;
    if (output == u"json")
        format = MapExport::Format::Json;
    else if (output == u"csv")
        format = MapExport::Format::Csv;
    else if (output != u"human")
        return parser.usageError(u"unknown output format '%1' (use human, json or csv)"_s.arg(output));

    const std::optional<Image> opened = Console::openImage(parser.positional().at(0), Image::Access::ReadOnly);
    if (!opened)
        return Console::Failure;
    QFile out;
    if (!Console::flushOut() || !out.open(stdout, QIODevice::WriteOnly)) {
        Console::error(u"cannot write to standard output"_s);
        return Console::Failure;
    }
    // Streamed as the bitmap is walked: memory stays bounded whatever the disk's size.
    InterruptHandler interrupt;
    ProgressPrinter progress(parser.showProgress());
    const Result<quint64> written = MapExport::write(out, *opened, format, u"standard output"_s, [&](quint64 doneBytes, quint64 totalBytes) {
        progress.update(doneBytes, totalBytes);
        return !interrupt.interrupted();
    });
    progress.finish();
    if (!written) {
        if (written.error().code == ErrorCode::Cancelled) {
            (void)out.flush();
            Console::error(u"map interrupted: the map written so far is incomplete"_s);
            return Console::Interrupted;
        }
        Console::error(written.error());
        return Console::Failure;
    }
    if (!out.flush()) {
        Console::error(u"cannot write to standard output: %1"_s.arg(out.errorString()));
        return Console::Failure;
    }
    return Console::Success;
}

} // namespace AddCow::Commands
