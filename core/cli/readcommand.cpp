// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "commands.h"
#include "console.h"
#include "subcommandparser.h"

#include "image.h"

#include <QByteArray>

using namespace Qt::StringLiterals;

namespace AddCow::Commands
{

namespace
{
constexpr quint64 ChunkBytes = 4 * 1024 * 1024;
}

int read(const QStringList &arguments)
{
    SubcommandParser parser(u"read"_s, u"FILE OFFSET LENGTH"_s,
                            u"Writes LENGTH bytes of the virtual disk, starting at OFFSET, to standard output: "
                            "allocated clusters from the image file, the others from the backing file, zeros past "
                            "the backing file's end (R13). Any length works; the data is streamed in chunks. A range "
                            "that passes the end of the virtual disk is an error and nothing is written (R15)."_s);
    parser.addImageFileArgument();
    parser.addArgument(u"OFFSET"_s, u"First byte to read, e.g. 0, 4096, 64K, 1G, or in hexadecimal as in qemu-io, 0x1f000."_s);
    parser.addArgument(u"LENGTH"_s, u"Number of bytes to read, e.g. 512, 1M, 0x200."_s);
    if (const auto exitCode = parser.parse(arguments))
        return *exitCode;
    const QStringList positional = parser.positional();
    const auto offset = parser.offsetArgument(positional.at(1), u"OFFSET"_s);
    if (!offset)
        return Console::Failure;
    const auto length = parser.offsetArgument(positional.at(2), u"LENGTH"_s);
    if (!length)
        return Console::Failure;

    std::optional<Image> opened = Console::openImage(positional.at(0), Image::Access::ReadOnly);
    if (!opened)
        return Console::Failure;
    const Image &image = *opened;
    // R15: check the whole range before the first byte goes out.
    quint64 end = 0;
    if (__builtin_add_overflow(*offset, *length, &end) || end > image.virtualSizeBytes()) {
        Error error;
        error.code = ErrorCode::OutOfRange;
        error.path = image.path();
        error.rule = 15;
        error.detail = u"cannot read %1 bytes at offset %2: the virtual disk is %3 bytes"_s.arg(*length).arg(*offset).arg(image.virtualSizeBytes());
        Console::error(error);
        return Console::Failure;
    }

    QByteArray buffer(qsizetype(std::min(ChunkBytes, std::max<quint64>(*length, 1))), Qt::Uninitialized);
    for (quint64 position = *offset; position < end;) {
        const quint64 chunk = std::min<quint64>(buffer.size(), end - position);
        if (const Result<void> done = image.read(position, buffer.data(), chunk); !done) {
            Console::error(done.error());
            return Console::Failure;
        }
        if (!Console::outBytes(QByteArrayView(buffer.constData(), qsizetype(chunk)))) {
            Console::error(u"cannot write to standard output"_s);
            return Console::Failure;
        }
        position += chunk;
    }
    if (!Console::flushOut()) {
        Console::error(u"cannot write to standard output"_s);
        return Console::Failure;
    }
    return Console::Success;
}

} // namespace AddCow::Commands
