// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QtGlobal>

/**
 * Backing files made by QEMU alone, with known data: the writes below go through qemu-io, and
 * the expected bytes come from qemu-img convert, never from our own code.
 */
namespace BackingTest
{

inline constexpr quint64 Cluster = 65536;
/** 64 clusters and a partial 65th: the backing disk's end is not on a cluster boundary. */
inline constexpr quint64 DiskBytes = 4 * 1024 * 1024 + 1536;

/** The lower layer of the chain (and the first writes of a one-layer file). */
inline const QStringList BaseWrites = {
    QStringLiteral("write -P 0xa1 0 128k"),       // clusters 0, 1
    QStringLiteral("write -P 0xa5 320k 64k"),     // cluster 5
    QStringLiteral("write -z 640k 64k"),          // cluster 10: a zero cluster
    QStringLiteral("write -P 0xb4 1280k 4k"),     // cluster 20: 4 KiB of data, the rest zeros
    QStringLiteral("write -P 0xe0 4096k 1536"),   // the partial last cluster
};
/** The upper layer, written over BaseWrites. */
inline const QStringList TopWrites = {
    QStringLiteral("write -P 0xc1 64k 64k"),      // cluster 1 over the base's data
    QStringLiteral("write -P 0xca 640k 64k"),     // cluster 10: data over a zero cluster
    QStringLiteral("write -z 320k 64k"),          // cluster 5: zeros over the base's data
    QStringLiteral("write -P 0xd7 2048k 100k"),   // clusters 32, 33 (part)
};

/** Runs a program; its stdout, or a null array (and a warning with its stderr) when it fails. */
inline QByteArray run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.setStandardInputFile(QProcess::nullDevice());
    process.start(program, arguments);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        qWarning().noquote() << program << arguments.join(u' ') << "failed:" << process.readAllStandardError();
        return QByteArray();
    }
    const QByteArray out = process.readAllStandardOutput();
    return out.isNull() ? QByteArray("") : out;
}

inline bool qemuImg(const QStringList &arguments)
{
    return !run(QStringLiteral("qemu-img"), arguments).isNull();
}

/** Writes through qemu-io (cache=unsafe: these files need no durability). */
inline bool qemuIo(const QString &path, const QString &format, const QStringList &commands)
{
    QStringList arguments = {QStringLiteral("-t"), QStringLiteral("unsafe"), QStringLiteral("-f"), format};
    for (const QString &command : commands)
        arguments << QStringLiteral("-c") << command;
    arguments << path;
    return !run(QStringLiteral("qemu-io"), arguments).isNull();
}

/** A one-layer file of format holding BaseWrites then TopWrites. */
inline bool makeOneLayer(const QString &path, const QString &format)
{
    return qemuImg({QStringLiteral("create"), QStringLiteral("-q"), QStringLiteral("-f"), format, path, QString::number(DiskBytes)})
        && qemuIo(path, format, BaseWrites + TopWrites);
}

/** base.qcow2 with BaseWrites and top.qcow2 over it with TopWrites (a chain two deep); returns top's path. */
inline QString makeQcow2Chain(const QString &directory)
{
    const QString base = QDir(directory).filePath(QStringLiteral("base.qcow2"));
    const QString top = QDir(directory).filePath(QStringLiteral("top.qcow2"));
    if (!qemuImg({QStringLiteral("create"), QStringLiteral("-q"), QStringLiteral("-f"), QStringLiteral("qcow2"), base, QString::number(DiskBytes)})
        || !qemuIo(base, QStringLiteral("qcow2"), BaseWrites)
        || !qemuImg({QStringLiteral("create"), QStringLiteral("-q"), QStringLiteral("-f"), QStringLiteral("qcow2"), QStringLiteral("-b"),
                     QStringLiteral("base.qcow2"), QStringLiteral("-F"), QStringLiteral("qcow2"), top})
        || !qemuIo(top, QStringLiteral("qcow2"), TopWrites))
        return {};
    return top;
}

/** The disk's bytes as QEMU alone reads them (qemu-img convert -O raw). */
inline QByteArray qemuBytes(const QString &path, const QString &format, const QString &scratch)
{
    if (!qemuImg({QStringLiteral("convert"), QStringLiteral("-f"), format, QStringLiteral("-O"), QStringLiteral("raw"), path, scratch}))
        return {};
    QFile file(scratch);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

/** A run of qemu-img map: where the disk reads as zeros. */
struct ZeroRun {
    quint64 offsetBytes;
    quint64 lengthBytes;
    bool zero;
    bool operator==(const ZeroRun &) const = default;
};

/** qemu-img map --output=json of path, adjacent runs of the same zero flag merged. */
inline QList<ZeroRun> qemuZeroRuns(const QString &path, const QString &format)
{
    const QByteArray json = run(QStringLiteral("qemu-img"), {QStringLiteral("map"), QStringLiteral("--output=json"), QStringLiteral("-f"), format, path});
    QList<ZeroRun> runs;
    for (const QJsonValue &value : QJsonDocument::fromJson(json).array()) {
        const QJsonObject object = value.toObject();
        const ZeroRun run{quint64(object.value(QLatin1String("start")).toInteger()), quint64(object.value(QLatin1String("length")).toInteger()),
                          object.value(QLatin1String("zero")).toBool()};
        if (!runs.isEmpty() && runs.last().zero == run.zero && runs.last().offsetBytes + runs.last().lengthBytes == run.offsetBytes)
            runs.last().lengthBytes += run.lengthBytes;
        else
            runs.append(run);
    }
    return runs;
}

} // namespace BackingTest
