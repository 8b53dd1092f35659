// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

// Shared by the fault tests: a fault injector over FileIo's hook, and a random disk whose
// virtual disk hash is known before any commit.

#include "../faultinjector.h"
#include "../jobs/jobstestutil.h"

#include "createjob.h"
#include "fileio.h"
#include "image.h"

#include <QCryptographicHash>
#include <QTemporaryDir>

#include <cerrno>

namespace FaultsTest
{

using namespace AddCow;
using namespace JobsTest;
using namespace Qt::StringLiterals;

using FaultInjection::FaultInjector;
using FaultInjection::FaultKind;

struct Disk {
    QString addCow;
    QString image;
    QString backing;
    QByteArray diskSha256; ///< the virtual disk before any commit, read through Image::read
};

inline QByteArray diskHash(const QString &addCowPath, QString *error)
{
    const Result<Image> image = Image::open(addCowPath);
    if (!image) {
        *error = image.error().message();
        return {};
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    constexpr quint64 Chunk = 4 * 1024 * 1024;
    for (quint64 offset = 0; offset < image->virtualSizeBytes(); offset += Chunk) {
        const Result<QByteArray> bytes = image->read(offset, std::min(Chunk, image->virtualSizeBytes() - offset));
        if (!bytes) {
            *error = bytes.error().message();
            return {};
        }
        hash.addData(bytes.value());
    }
    return hash.result();
}

// A disk with dirty and clean clusters, a backing file with holes that ends mid-cluster before
// the disk does (so commit copies, skips holes and writes zeros), and garbage in clean clusters.
inline bool makeDisk(const QTemporaryDir &dir, quint64 virtualSizeBytes, quint64 backingSizeBytes, quint32 seed, Disk &disk, int dataPercent = 55)
{
    QRandomGenerator random(seed);
    disk.addCow = dir.filePath(u"disk.add-cow"_s);
    disk.image = dir.filePath(u"disk.raw"_s);
    disk.backing = dir.filePath(u"base.raw"_s);
    QFile::remove(disk.addCow);
    if (!makeSparseRandomFile(disk.backing, backingSizeBytes, dataPercent, random) || !makeSparseRandomFile(disk.image, virtualSizeBytes, dataPercent, random))
        return false;
    CreateOptions options;
    options.addCowPath = disk.addCow;
    options.imageFileName = "disk.raw";
    options.backingFileName = "base.raw";
    options.force = true;
    JobContext context;
    if (const Result<void> created = CreateJob(options).run(context); !created) {
        qWarning() << created.error().message();
        return false;
    }
    if (!writeRandomBitmap(disk.addCow, clusterCountFor(virtualSizeBytes), 40, 6, random))
        return false;
    QString error;
    disk.diskSha256 = diskHash(disk.addCow, &error);
    if (disk.diskSha256.isEmpty())
        qWarning() << error;
    return !disk.diskSha256.isEmpty();
}

/** R19's end: ALL_ALLOCATED on disk and the image file alone holds the disk's bytes. */
inline bool isCommitted(const Disk &disk)
{
    const Result<Image> image = Image::open(disk.addCow);
    return image && image->isAllAllocated() && sha256OfFile(disk.image) == disk.diskSha256;
}

} // namespace FaultsTest
