// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "commands.h"
#include "console.h"
#include "stdinspool.h"
#include "subcommandparser.h"

#include "image.h"

#include <QByteArray>

#include <cerrno>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace AddCow::Commands
{

namespace
{

constexpr quint64 ChunkBytes = 4 * 1024 * 1024; // a multiple of the cluster size

Error outOfRange(const Image &image, quint64 offset, const QString &what)
{
    Error error;
    error.code = ErrorCode::OutOfRange;
    error.path = image.path();
    error.rule = 15;
    error.detail = u"cannot write %1 at offset %2: the virtual disk is %3 bytes; nothing was written"_s.arg(what).arg(offset).arg(image.virtualSizeBytes());
    return error;
}

// Reads exactly length bytes from a regular file on fd (short only at its end).
Result<void> readExactly(int fd, char *buffer, quint64 length)
{
    quint64 done = 0;
    while (done < length) {
        const ssize_t got = ::read(fd, buffer + done, size_t(length - done));
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            return Error::fromErrno(u"standard input"_s, u"read"_s);
        if (got == 0)
            return Error::make(ErrorCode::Io, u"standard input"_s, u"the file ended early (was it truncated?)"_s);
        done += quint64(got);
    }
    return {};
}

// Writes [offset, offset + total) in chunks that end on cluster boundaries, each one a
// crash-safe R18 write of its own. fill copies the next bytes of input into the buffer.
template<typename Fill>
int writeChunks(Image &image, quint64 offset, quint64 total, Fill fill)
{
    QByteArray buffer(qsizetype(std::min(ChunkBytes, std::max<quint64>(total, 1))), Qt::Uninitialized);
    quint64 done = 0;
    while (done < total) {
        const quint64 position = offset + done;
        const quint64 toBoundary = ChunkBytes - position % ChunkBytes;
        const quint64 chunk = std::min(toBoundary, total - done);
        if (const Result<void> filled = fill(done, buffer.data(), chunk); !filled) {
            Console::error(filled.error());
            return Console::Failure;
        }
        if (const Result<ClusterRange> written = image.write(position, QByteArrayView(buffer.constData(), qsizetype(chunk))); !written) {
            Console::error(written.error(), done > 0 ? u"%1 bytes at offset %2 were written before the error"_s.arg(done).arg(offset) : QString());
            return Console::Failure;
        }
        done += chunk;
    }
    return Console::Success;
}

} // namespace

int write(const QStringList &arguments)
{
    SubcommandParser parser(u"write"_s, u"FILE OFFSET"_s,
                            u"Reads standard input to its end and writes it into the virtual disk at OFFSET, with "
                            "copy-on-write: for each cluster written for the first time, the parts the write does not "
                            "cover are first copied from the backing file, the data is made durable, and only then is "
                            "the cluster's bit set (R18). A crash leaves every cluster with its whole old or whole new "
                            "content.\n\n"
                            "When the input would pass the end of the virtual disk, nothing is written (R15): a regular "
                            "file's size is checked first, other input is read completely before the first write."_s);
    parser.addImageFileArgument();
    parser.addArgument(u"OFFSET"_s, u"Where the first byte goes, e.g. 0, 64K, 1G, or in hexadecimal as in qemu-io, 0x1f000."_s);
    parser.addNotes(u"Example"_s, u"  printf 'hello' | addcow write disk.add-cow 1M"_s);
    if (const auto exitCode = parser.parse(arguments))
        return *exitCode;
    const QStringList positional = parser.positional();
    const auto offset = parser.offsetArgument(positional.at(1), u"OFFSET"_s);
    if (!offset)
        return Console::Failure;

    std::optional<Image> opened = Console::openImage(positional.at(0), Image::Access::ReadWrite);
    if (!opened)
        return Console::Failure;
    Image &image = *opened;
    if (*offset > image.virtualSizeBytes()) {
        Console::error(outOfRange(image, *offset, u"data"_s));
        return Console::Failure;
    }
    const quint64 room = image.virtualSizeBytes() - *offset;

    struct stat status = {};
    if (::fstat(STDIN_FILENO, &status) == 0 && S_ISREG(status.st_mode)) {
        // A regular file: its length is known before reading.
        const off_t position = ::lseek(STDIN_FILENO, 0, SEEK_CUR);
        const quint64 total = status.st_size > position && position >= 0 ? quint64(status.st_size - position) : 0;
        if (total > room) {
            Console::error(outOfRange(image, *offset, u"%1 bytes"_s.arg(total)));
            return Console::Failure;
        }
        return writeChunks(image, *offset, total, [](quint64, char *buffer, quint64 length) {
            return readExactly(STDIN_FILENO, buffer, length);
        });
    }

    StdinSpool spool;
    if (const Result<void> spooled = spool.readAll(STDIN_FILENO, room); !spooled) {
        if (spooled.error().code == ErrorCode::OutOfRange)
            Console::error(outOfRange(image, *offset, u"more than %1 bytes"_s.arg(room)));
        else
            Console::error(spooled.error());
        return Console::Failure;
    }
    return writeChunks(image, *offset, spool.sizeBytes(), [&spool](quint64 done, char *buffer, quint64 length) {
        return spool.read(done, buffer, length);
    });
}

} // namespace AddCow::Commands
