// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

// Fixtures for the NBD tests: an image made by the real addcow tool, nbdkit started with the
// plugin through the core's NbdExport, real clients (qemu-io, qemu-img, nbdinfo, libnbd) and a
// model of the virtual disk.

#include "format.h"
#include "nbdexport.h"

#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <cstring>
#include <memory>

namespace ServeTest
{

using namespace Qt::StringLiterals;

constexpr quint64 C = AddCow::ClusterSizeBytes;
constexpr char Unwritten = '\xee'; // the image file's bytes where nothing was written (R13: meaningless)

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    /** Both outputs, for a failure message. */
    QByteArray all() const { return QByteArray(out).append(err); }
};

inline Run run(const QString &program, const QStringList &arguments, int timeoutMs = 120000)
{
    QProcess process;
    process.setStandardInputFile(QProcess::nullDevice());
    process.start(program, arguments);
    if (!process.waitForStarted(timeoutMs) || !process.waitForFinished(timeoutMs) || process.exitStatus() != QProcess::NormalExit)
        return {-1, process.readAllStandardOutput(), process.readAllStandardError()};
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

inline Run addcow(const QStringList &arguments)
{
    return run(QStringLiteral(ADDCOW_BINARY), arguments);
}

inline QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

inline bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

/** Random bytes without the Unwritten marker, so that garbage from the image file shows. */
inline QByteArray randomBytes(qsizetype size, QRandomGenerator &random)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        bytes[i] = char(random.bounded(256));
    bytes.replace(Unwritten, '\x11');
    return bytes;
}

/**
 * A directory with base.raw (backingSize random bytes), disk.raw (virtualSize bytes of
 * Unwritten) and disk.add-cow made by 'addcow create'. model is the virtual disk (R13).
 */
struct Disk {
    QTemporaryDir dir;
    QString addCow;
    QString image;
    QString backing;
    quint64 virtualSize = 0;
    QByteArray model;
    bool made = false;

    Disk(quint64 size, qint64 backingSize, quint32 seed = 1)
        : virtualSize(size)
    {
        QRandomGenerator random(seed);
        addCow = dir.filePath(u"disk.add-cow"_s);
        image = dir.filePath(u"disk.raw"_s);
        backing = dir.filePath(u"base.raw"_s);
        const QByteArray backingData = randomBytes(backingSize, random);
        model = backingData.left(qsizetype(size)) + QByteArray(qsizetype(size) - std::min<qsizetype>(backingData.size(), qsizetype(size)), '\0');
        // An existing image file is used as it is (R20): its bytes are garbage where clean.
        made = writeFile(backing, backingData) && writeFile(image, QByteArray(qsizetype(size), Unwritten))
            && addcow({u"create"_s, u"-f"_s, u"-b"_s, backing, u"-F"_s, u"raw"_s, u"-i"_s, image, addCow}).exitCode == 0;
    }

    void write(quint64 offset, const QByteArray &data) { model.replace(qsizetype(offset), data.size(), data); }
    void zero(quint64 offset, quint64 length) { model.replace(qsizetype(offset), qsizetype(length), QByteArray(qsizetype(length), '\0')); }
    QString socket() const { return dir.filePath(u"nbd.sock"_s); }
    QString log() const { return dir.filePath(u"nbdkit.log"_s); }
    QByteArray disk() const { return readAll(addCow, virtualSize); }
    static QByteArray readAll(const QString &addCowPath, quint64 size) { return addcow({u"read"_s, addCowPath, u"0"_s, QString::number(size)}).out; }
};

/** nbdkit serving disk with the plugin; stopped (SIGTERM, flushed) when destroyed. */
inline std::unique_ptr<AddCow::NbdExport> serve(const Disk &disk, bool readOnly = false, QString *error = nullptr, const QString &socket = {})
{
    AddCow::ExportOptions options;
    options.addCowPath = disk.addCow;
    options.socketPath = socket.isEmpty() ? disk.socket() : socket;
    options.readOnly = readOnly;
    auto server = std::make_unique<AddCow::NbdExport>(options);
    const AddCow::Result<QString> nbdkit = AddCow::NbdExport::findNbdkit();
    if (!nbdkit) {
        if (error)
            *error = nbdkit.error().message();
        return nullptr;
    }
    if (AddCow::Result<void> started = server->start(nbdkit.value(), QStringLiteral(ADDCOW_PLUGIN), disk.log()); !started) {
        if (error)
            *error = started.error().message();
        return nullptr;
    }
    return server;
}

inline Run qemuIo(const QString &uri, const QStringList &commands)
{
    QStringList arguments = {u"-f"_s, u"raw"_s};
    for (const QString &command : commands)
        arguments << u"-c"_s << command;
    arguments << uri;
    return run(u"qemu-io"_s, arguments);
}

} // namespace ServeTest
