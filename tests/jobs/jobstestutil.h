// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

// Small helpers shared by the job tests: files with holes, random content, disk dumps, peers.

#include "createjob.h"
#include "format.h"
#include "image.h"
#include "job.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QString>

#include <algorithm>
#include <cstring>
#include <sys/stat.h>
#include <vector>

namespace JobsTest
{

/** Writes data at offsetBytes of path (created when missing), keeping what else is there. */
inline bool writeAt(const QString &path, quint64 offsetBytes, const QByteArray &data)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadWrite))
        return false;
    return file.seek(qint64(offsetBytes)) && file.write(data) == data.size();
}

inline bool resizeFile(const QString &path, quint64 sizeBytes)
{
    QFile file(path);
    if (!file.exists() && !file.open(QIODevice::WriteOnly))
        return false;
    return QFile::resize(path, qint64(sizeBytes));
}

inline QByteArray randomBytes(QRandomGenerator &random, quint64 lengthBytes)
{
    std::vector<quint32> words(lengthBytes / 4 + 1);
    random.fillRange(words.data(), qsizetype(words.size()));
    return QByteArray(reinterpret_cast<const char *>(words.data()), qsizetype(lengthBytes));
}

/**
 * A file of sizeBytes that is sparse except for random data in random extents: about
 * dataPercent of it holds data, the rest is holes (reads as zeros).
 */
inline bool makeSparseRandomFile(const QString &path, quint64 sizeBytes, int dataPercent, QRandomGenerator &random)
{
    QFile::remove(path);
    if (!resizeFile(path, sizeBytes))
        return false;
    quint64 pos = 0;
    while (pos < sizeBytes) {
        // Extents of 1 byte to 3 clusters, not aligned to clusters, so holes and data meet mid-cluster.
        const quint64 length = std::min<quint64>(1 + random.bounded(3 * 65536), sizeBytes - pos);
        if (int(random.bounded(100)) < dataPercent && !writeAt(path, pos, randomBytes(random, length)))
            return false;
        pos += length;
    }
    return true;
}

/** Sets the bits of the .add-cow file's bitmap at random, in runs of 1 to maxRun clusters (R13 bit order). */
inline bool writeRandomBitmap(const QString &addCowPath, quint64 clusterCount, int setPercent, quint64 maxRun, QRandomGenerator &random)
{
    QByteArray bits(qsizetype(AddCow::bitmapBytesFor(clusterCount)), '\0');
    for (quint64 cluster = 0; cluster < clusterCount;) {
        const quint64 run = std::min<quint64>(1 + random.bounded(quint32(maxRun)), clusterCount - cluster);
        const bool set = int(random.bounded(100)) < setPercent;
        for (quint64 c = cluster; c < cluster + run; ++c) {
            if (set)
                bits[qsizetype(c / 8)] = char(bits[qsizetype(c / 8)] | (1 << (c % 8)));
        }
        cluster += run;
    }
    return writeAt(addCowPath, AddCow::headerSizeFor(1), bits);
}

/** Reads the whole virtual disk through Image::read into dumpPath (sparse where zero). Empty string on success, else the error. */
inline QString dumpDisk(const QString &addCowPath, const QString &dumpPath)
{
    AddCow::Result<AddCow::Image> image = AddCow::Image::open(addCowPath);
    if (!image)
        return image.error().message();
    QFile dump(dumpPath);
    if (!dump.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return dump.errorString();
    const quint64 size = image->virtualSizeBytes();
    constexpr quint64 Chunk = 4 * 1024 * 1024;
    for (quint64 offset = 0; offset < size; offset += Chunk) {
        AddCow::Result<QByteArray> bytes = image->read(offset, std::min(Chunk, size - offset));
        if (!bytes)
            return bytes.error().message();
        // Zero chunks stay holes, so dumps of large sparse disks stay cheap.
        const QByteArray &chunk = bytes.value();
        static const QByteArray zeros(qsizetype(Chunk), '\0');
        if (std::memcmp(chunk.constData(), zeros.constData(), size_t(chunk.size())) == 0)
            continue;
        if (!dump.seek(qint64(offset)) || dump.write(chunk) != chunk.size())
            return dump.errorString();
    }
    if (!dump.resize(qint64(size)))
        return dump.errorString();
    return {};
}

/** qemu-img as an independent peer: 0 when both raw files hold the same bytes. */
inline int qemuImgCompare(const QString &a, const QString &b, QString *output = nullptr)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral("qemu-img"), {QStringLiteral("compare"), QStringLiteral("-f"), QStringLiteral("raw"), QStringLiteral("-F"),
                                               QStringLiteral("raw"), a, b});
    if (!process.waitForFinished(60000))
        return -1;
    if (output)
        *output = QString::fromLocal8Bit(process.readAll());
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

inline QByteArray sha256OfFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return hash.result();
}

inline quint64 allocatedBytes(const QString &path)
{
    struct stat st;
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return ~quint64(0);
    return quint64(st.st_blocks) * 512;
}

/** Entries of a directory, hidden ones (temporary files) included. */
inline QStringList entries(const QString &directory)
{
    QStringList names = QDir(directory).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
    names.sort();
    return names;
}

/** Runs a create job and returns its result. */
inline AddCow::Result<void> create(const AddCow::CreateOptions &options, AddCow::JobContext *context = nullptr)
{
    AddCow::JobContext local;
    AddCow::CreateJob job(options);
    return job.run(context ? *context : local);
}

} // namespace JobsTest
