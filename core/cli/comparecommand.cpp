// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "commands.h"
#include "console.h"
#include "subcommandparser.h"
#include "virtualdisk.h"

#include <QByteArray>

#include <cstring>

using namespace Qt::StringLiterals;

namespace AddCow::Commands
{

namespace
{

constexpr quint64 ChunkBytes = 4 * 1024 * 1024;
constexpr int Identical = 0;
constexpr int Different = 1;
constexpr int CompareError = 2;

// Index of the first byte that differs between a and b, or length when none.
quint64 firstDifference(const char *a, const char *b, quint64 length)
{
    if (std::memcmp(a, b, length) == 0)
        return length;
    quint64 i = 0;
    while (a[i] == b[i])
        ++i;
    return i;
}

quint64 firstNonZero(const char *data, quint64 length)
{
    for (quint64 i = 0; i < length; ++i) {
        if (data[i] != 0)
            return i;
    }
    return length;
}

int reportMismatch(quint64 offset)
{
    Console::out(u"Content mismatch at offset %1!\n"_s.arg(offset));
    return Console::flushOut() ? Different : CompareError;
}

} // namespace

int compare(const QStringList &arguments)
{
    SubcommandParser parser(u"compare"_s, u"FILE OTHER"_s,
                            u"Compares two virtual disks byte by byte: each of FILE and OTHER may be an add-cow image "
                            "(its virtual disk is compared) or a raw file (its bytes are). The first differing offset "
                            "is printed.\n\n"
                            "When the sizes differ, as with qemu-img compare, the part of the larger disk past the end "
                            "of the smaller one must be all zero for the disks to count as identical; a warning says "
                            "that the sizes differ."_s);
    parser.addArgument(u"FILE"_s, u"An add-cow image or a raw file."_s);
    parser.addArgument(u"OTHER"_s, u"An add-cow image or a raw file."_s);
    parser.addNotes(u"Exit status"_s, u"0 when the disks are identical, 1 when they differ, 2 on error."_s);
    parser.setUsageExitCode(CompareError);
    if (const auto exitCode = parser.parse(arguments))
        return *exitCode;

    Result<VirtualDisk> first = VirtualDisk::open(parser.positional().at(0));
    if (!first) {
        Console::error(first.error());
        return CompareError;
    }
    Result<VirtualDisk> second = VirtualDisk::open(parser.positional().at(1));
    if (!second) {
        Console::error(second.error());
        return CompareError;
    }
    const VirtualDisk &a = first.value();
    const VirtualDisk &b = second.value();
    const quint64 common = std::min(a.sizeBytes(), b.sizeBytes());

    QByteArray bufferA(qsizetype(ChunkBytes), Qt::Uninitialized);
    QByteArray bufferB(qsizetype(ChunkBytes), Qt::Uninitialized);
    quint64 position = 0;
    while (position < common) {
        // Skip what reads as zero on both sides (zero runs, holes).
        const quint64 skipTo = std::min({a.nextDataOffset(position), b.nextDataOffset(position), common});
        if (skipTo > position) {
            position = skipTo;
            continue;
        }
        const quint64 chunk = std::min(ChunkBytes - position % ChunkBytes, common - position);
        if (const Result<void> read = a.read(position, bufferA.data(), chunk); !read) {
            Console::error(read.error());
            return CompareError;
        }
        if (const Result<void> read = b.read(position, bufferB.data(), chunk); !read) {
            Console::error(read.error());
            return CompareError;
        }
        const quint64 difference = firstDifference(bufferA.constData(), bufferB.constData(), chunk);
        if (difference < chunk)
            return reportMismatch(position + difference);
        position += chunk;
    }

    if (a.sizeBytes() != b.sizeBytes()) {
        const VirtualDisk &larger = a.sizeBytes() > b.sizeBytes() ? a : b;
        Console::out(u"Warning: Image size mismatch! %1 is %2 bytes, %3 is %4 bytes; the rest of %5 must read as zero.\n"_s
                         .arg(a.path())
                         .arg(a.sizeBytes())
                         .arg(b.path())
                         .arg(b.sizeBytes())
                         .arg(larger.path()));
        position = common;
        while (position < larger.sizeBytes()) {
            const quint64 data = larger.nextDataOffset(position);
            if (data > position) {
                position = data;
                continue;
            }
            const quint64 chunk = std::min(ChunkBytes - position % ChunkBytes, larger.sizeBytes() - position);
            if (const Result<void> read = larger.read(position, bufferA.data(), chunk); !read) {
                Console::error(read.error());
                return CompareError;
            }
            const quint64 nonZero = firstNonZero(bufferA.constData(), chunk);
            if (nonZero < chunk)
                return reportMismatch(position + nonZero);
            position += chunk;
        }
    }
    Console::out(u"Images are identical.\n"_s);
    return Console::flushOut() ? Identical : CompareError;
}

} // namespace AddCow::Commands
