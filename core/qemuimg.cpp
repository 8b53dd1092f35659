// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "qemuimg.h"

#include "fileio.h"
#include "formatprobe.h"
#include "qemuprogram.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

#include <fcntl.h>
#include <sys/stat.h>

using namespace Qt::StringLiterals;

namespace AddCow::QemuImg
{

namespace
{

constexpr int TimeoutMs = 30000;

Error qemuError(const QString &path, const QString &detail)
{
    Error error;
    error.code = ErrorCode::QemuError;
    error.path = path;
    error.rule = 9;
    error.detail = detail;
    return error;
}

BackingLayer layerFrom(const QJsonObject &object)
{
    BackingLayer layer;
    layer.fileName = object.value("filename"_L1).toString();
    layer.format = object.value("format"_L1).toString().toLatin1();
    layer.virtualSizeBytes = quint64(object.value("virtual-size"_L1).toInteger());
    layer.actualSizeBytes = quint64(object.value("actual-size"_L1).toInteger());
    layer.backingFileName = object.value("backing-filename"_L1).toString();
    layer.encrypted = object.value("encrypted"_L1).toBool();
    return layer;
}

// Runs qemu-img info on openName(path, format); the JSON it prints, or QEMU's message.
Result<QJsonDocument> info(const QString &path, const QByteArray &format, bool backingChain)
{
    const Result<QString> program = QemuProgram::find(u"qemu-img"_s);
    if (!program)
        return program.error();
    const QString name = openName(path, format);
    QStringList arguments = {u"info"_s, u"--output=json"_s, u"--force-share"_s};
    if (backingChain)
        arguments << u"--backing-chain"_s;
    arguments << name;
    QProcess process;
    process.setStandardInputFile(QProcess::nullDevice());
    process.start(program.value(), arguments);
    if (!process.waitForStarted(TimeoutMs))
        return qemuError(path, u"cannot run %1: %2"_s.arg(program.value(), process.errorString()));
    if (!process.waitForFinished(TimeoutMs)) {
        process.kill();
        process.waitForFinished(1000);
        return qemuError(path, u"qemu-img info did not finish within %1 s"_s.arg(TimeoutMs / 1000));
    }
    const QByteArray errors = process.readAllStandardError();
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        const QString message = QemuProgram::messageFrom(errors, u"qemu-img"_s, name);
        if (message.startsWith(u"Unknown driver")) {
            return Error::fromCode(path, FindingCode::UnknownBackingFormat, {FindingArgument::ofFormat(format), FindingArgument::ofText(message)},
                                   HeaderField::BackingFormat);
        }
        if (message.isEmpty())
            return qemuError(path, u"qemu-img info failed"_s);
        if (format.isEmpty())
            return Error::fromCode(path, FindingCode::QemuCannotRead, {FindingArgument::ofText(message)});
        return Error::fromCode(path, FindingCode::QemuCannotReadAs, {FindingArgument::ofFormat(format), FindingArgument::ofText(message)},
                               HeaderField::BackingFormat);
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(process.readAllStandardOutput(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return qemuError(path, u"cannot read what qemu-img info printed: %1"_s.arg(parseError.errorString()));
    return document;
}

} // namespace

QString openName(const QString &path, const QByteArray &format)
{
    // QEMU's file driver refuses block devices (R16 allows them as backing files): those are
    // host_device nodes.
    struct stat status;
    const bool blockDevice = ::stat(QFile::encodeName(path).constData(), &status) == 0 && S_ISBLK(status.st_mode);
    QJsonObject file{{"driver"_L1, blockDevice ? "host_device"_L1 : "file"_L1}, {"filename"_L1, path}};
    QJsonObject options{{"file"_L1, file}};
    if (!format.isEmpty())
        options.insert("driver"_L1, QString::fromLatin1(format));
    return u"json:"_s + QString::fromUtf8(QJsonDocument(options).toJson(QJsonDocument::Compact));
}

Result<QList<BackingLayer>> backingChain(const QString &path, const QByteArray &format)
{
    if (format == "raw") {
        // R9: raw is read natively; its virtual size is the file's size.
        const int fd = FileIo::open(path, O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            return Error::fromErrno(path, u"cannot open the backing file"_s);
        const qint64 size = FileIo::fileSize(fd);
        FileIo::close(fd);
        if (size < 0)
            return Error::fromErrno(path, u"cannot read the size of the backing file"_s);
        return QList<BackingLayer>{{path, "raw", quint64(size), quint64(size), {}, false}};
    }
    const Result<QJsonDocument> document = info(path, format, true);
    if (!document)
        return document.error();
    QList<BackingLayer> chain;
    for (const QJsonValue &value : document->array())
        chain.append(layerFrom(value.toObject()));
    if (chain.isEmpty())
        return qemuError(path, u"qemu-img info printed no layers"_s);
    chain.first().fileName = path; // QEMU names it by our json: name
    return chain;
}

Result<QList<BackingLayer>> readableChain(const QString &path, const QByteArray &format)
{
    Result<QList<BackingLayer>> chain = backingChain(path, format);
    if (!chain)
        return chain;
    for (const BackingLayer &layer : chain.value()) {
        if (layer.encrypted) {
            return Error::fromCode(path, FindingCode::EncryptedBackingLayer,
                                   {FindingArgument::ofPath(layer.fileName), FindingArgument::ofText(QString::fromLatin1(layer.format))}, HeaderField::BackingFormat);
        }
    }
    return chain;
}

Result<QList<BackingLayer>> describeForCreate(const QString &path, const QByteArray &format)
{
    QByteArray chosen = format;
    if (chosen.isEmpty()) {
        // The signatures QEMU probes by (probeFormat mirrors them); QEMU then confirms it can
        // read the file as that format, or says why not, in readableChain.
        const Result<QByteArray> probed = probeFormat(path);
        if (!probed)
            return probed.error();
        chosen = probed.value();
    }
    return readableChain(path, chosen);
}

} // namespace AddCow::QemuImg
