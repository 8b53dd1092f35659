// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "commands.h"
#include "console.h"
#include "subcommandparser.h"

#include "createjob.h"
#include "image.h"

#include <QFile>

using namespace Qt::StringLiterals;

namespace AddCow::Commands
{

int create(const QStringList &arguments)
{
    SubcommandParser parser(u"create"_s, u"[-b BACKING [-F BACKING_FMT]] -i IMAGE [-s SIZE] [-f] [--preallocate] [--overwrite] FILE"_s,
                            u"Creates the add-cow file FILE, which stacks the raw image file IMAGE over the read-only "
                            "backing file BACKING. The names are stored exactly as given; a relative name is taken "
                            "relative to the directory that holds FILE, not the current directory (R16).\n\n"
                            "A missing image file is created sparse, SIZE bytes long or else as long as the backing "
                            "disk (its virtual size: for a qcow2 the disk it holds, not the file). An existing image file is used as it is, never truncated or shrunk; its size is the "
                            "virtual size (R11). FILE is written whole to a temporary file and renamed into place (R20). "
                            "Without a backing file the image is marked all allocated (R14)."_s);
    parser.addOption(QCommandLineOption(u"b"_s, u"The backing file (optional)."_s, u"BACKING"_s));
    parser.addOption(QCommandLineOption(u"F"_s,
                                        u"The backing file's format, stored in the header (R9). Default: probed once from "
                                        "the backing file, now, and shown. raw is read natively; any other format QEMU reads "
                                        "(qcow2, vmdk, vhdx, ...) is read through qemu-nbd, and one QEMU does not know is "
                                        "refused with its own message."_s,
                                        u"BACKING_FMT"_s));
    parser.addOption(QCommandLineOption(u"i"_s, u"The raw image file (required)."_s, u"IMAGE"_s));
    parser.addOption(QCommandLineOption(u"s"_s, u"Size of a new image file, e.g. 10G. Default: the backing disk's virtual size (R20)."_s, u"SIZE"_s));
    parser.addOption(QCommandLineOption(u"f"_s,
                                        u"Force: accept an image file smaller than the backing disk, which hides the "
                                        "backing disk's tail (refused otherwise, R20)."_s));
    parser.addOption(QCommandLineOption(u"preallocate"_s, u"Allocate a new image file fully instead of sparse."_s));
    parser.addOption(QCommandLineOption(u"overwrite"_s, u"Replace FILE when it exists (refused otherwise, R20)."_s));
    parser.addArgument(u"FILE"_s, u"The .add-cow file to create."_s);
    parser.addNotes(u"Example"_s,
                    u"  qemu-img create -f raw base.raw 1G\n"
                    "  addcow create -b base.raw -F raw -i disk.raw disk.add-cow\n"
                    "  addcow create -b debian-12.qcow2 -i disk.raw disk.add-cow   # probes qcow2, sizes disk.raw as its disk"_s);
    if (const auto exitCode = parser.parse(arguments))
        return *exitCode;
    if (!parser.isSet(u"i"_s))
        return parser.usageError(u"the image file is required: -i IMAGE (R6)"_s);
    if (parser.value(u"i"_s).isEmpty())
        return parser.usageError(u"the image file name is empty"_s);
    if (parser.isSet(u"F"_s) && !parser.isSet(u"b"_s))
        return parser.usageError(u"-F needs a backing file (-b): the backing format is empty without one (R9)"_s);
    if (parser.isSet(u"b"_s) && parser.value(u"b"_s).isEmpty())
        return parser.usageError(u"the backing file name is empty; leave out -b for an image without one"_s);

    CreateOptions options;
    options.addCowPath = parser.positional().at(0);
    options.imageFileName = QFile::encodeName(parser.value(u"i"_s));
    if (parser.isSet(u"b"_s))
        options.backingFileName = QFile::encodeName(parser.value(u"b"_s));
    if (parser.isSet(u"F"_s))
        options.backingFormat = parser.value(u"F"_s).toLatin1();
    if (parser.isSet(u"s"_s)) {
        const auto size = parser.sizeArgument(parser.value(u"s"_s), u"SIZE"_s);
        if (!size)
            return Console::Failure;
        options.sizeBytes = *size;
    }
    options.force = parser.isSet(u"f"_s);
    options.preallocate = parser.isSet(u"preallocate"_s);
    options.overwrite = parser.isSet(u"overwrite"_s);

    CreateJob job(options);
    JobContext context;
    if (const Result<void> created = job.run(context); !created) {
        QString hint;
        switch (created.error().code) {
        case ErrorCode::ImageTooSmall:
            hint = u"use -f to create it anyway (the backing file's tail will not be visible)"_s;
            break;
        case ErrorCode::AlreadyExists:
            hint = u"use --overwrite to replace it"_s;
            break;
        case ErrorCode::FileMissing:
            hint = u"relative names are taken relative to the directory of %1 (R16)"_s.arg(options.addCowPath);
            break;
        default:
            break;
        }
        Console::error(created.error(), hint);
        return Console::Failure;
    }

    // Report what was made, as the image now reads it (its header: no need to start qemu-nbd).
    Result<Image> image = Image::open(options.addCowPath, Image::Access::ReadOnly, Image::Contents::HeaderOnly);
    if (!image) {
        Console::error(image.error());
        return Console::Failure;
    }
    QString line;
    if (image->header().hasBackingFile() && options.backingFormat.isEmpty())
        line += u"Probed the backing file's format: %1\n"_s.arg(QString::fromLatin1(image->header().backingFormat()));
    line += u"Formatting '%1', fmt=add-cow size=%2"_s.arg(options.addCowPath).arg(image->virtualSizeBytes());
    if (image->header().hasBackingFile())
        line += u" backing_file=%1 backing_fmt=%2"_s.arg(QString::fromUtf8(image->backingFile().storedName),
                                                          QString::fromLatin1(image->header().backingFormat()));
    line += u" image_file=%1\n"_s.arg(QString::fromUtf8(image->imageFile().storedName));
    Console::out(line);
    return Console::flushOut() ? Console::Success : Console::Failure;
}

} // namespace AddCow::Commands
