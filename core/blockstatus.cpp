// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "blockstatus.h"

#include "backingreader.h"
#include "fileio.h"
#include "image.h"

using namespace Qt::StringLiterals;

namespace AddCow
{

namespace
{

// Collects runs, merging a run into the last one when they are of one kind and touch.
struct RunList {
    QList<BlockStatusRun> runs;
    qsizetype maxRuns;

    bool full() const { return runs.size() >= maxRuns; }
    void add(quint64 offsetBytes, quint64 lengthBytes, bool zero)
    {
        if (lengthBytes == 0)
            return;
        if (!runs.isEmpty() && runs.last().zero == zero && runs.last().offsetBytes + runs.last().lengthBytes == offsetBytes)
            runs.last().lengthBytes += lengthBytes;
        else
            runs.append({offsetBytes, lengthBytes, zero});
    }
};

// The data and holes of a file in [offsetBytes, endBytes): holes are zero (SEEK_DATA / SEEK_HOLE,
// as nbdkit's file plugin reports them). Bytes past the file's end read as zeros too.
Result<void> addFileRuns(RunList &list, int fd, const QString &path, quint64 offsetBytes, quint64 endBytes)
{
    quint64 position = offsetBytes;
    while (position < endBytes && !list.full()) {
        const qint64 data = FileIo::seekData(fd, position);
        if (data < 0)
            return Error::fromErrno(path, u"cannot find the data of the file (SEEK_DATA)"_s);
        const quint64 dataStart = std::min(std::max(quint64(data), position), endBytes);
        list.add(position, dataStart - position, true);
        if (dataStart >= endBytes)
            break;
        const qint64 hole = FileIo::seekHole(fd, dataStart);
        if (hole < 0)
            return Error::fromErrno(path, u"cannot find the holes of the file (SEEK_HOLE)"_s);
        // The file may have ended (or shrunk) at dataStart: a hole there, to make progress.
        const quint64 dataEnd = std::min(std::max(quint64(hole), dataStart), endBytes);
        if (dataEnd == dataStart) {
            list.add(dataStart, endBytes - dataStart, true);
            break;
        }
        list.add(dataStart, dataEnd - dataStart, false);
        position = dataEnd;
    }
    return {};
}

} // namespace

Result<QList<BlockStatusRun>> blockStatus(const Image &image, quint64 offsetBytes, quint64 lengthBytes, qsizetype maxRuns)
{
    RunList list{{}, std::max<qsizetype>(maxRuns, 1)};
    for (const MapRun &run : image.map(offsetBytes, lengthBytes)) {
        if (list.full())
            break;
        const quint64 endBytes = run.offsetBytes + run.lengthBytes;
        Result<void> added;
        switch (run.source) {
        case DataSource::Image:
            added = addFileRuns(list, image.imageFd(), image.imageFile().resolvedPath, run.offsetBytes, endBytes);
            break;
        case DataSource::Backing:
            // Only a raw backing file's holes are the disk's holes; a backing disk read through
            // QEMU (qcow2, ...) told its zeros at open already: those clusters are BackingZero.
            if (const BackingReader *reader = image.backingReader(); reader && reader->fileDescriptor() >= 0)
                added = addFileRuns(list, reader->fileDescriptor(), image.backingFile().resolvedPath, run.offsetBytes, endBytes);
            else
                list.add(run.offsetBytes, run.lengthBytes, false);
            break;
        case DataSource::Zero:
        case DataSource::BackingZero:
            list.add(run.offsetBytes, run.lengthBytes, true);
            break;
        }
        if (!added)
            return added.error();
    }
    return list.runs;
}

} // namespace AddCow
