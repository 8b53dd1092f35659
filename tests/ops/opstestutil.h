// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "image.h"

#include <QAbstractButton>
#include <QApplication>
#include <QByteArray>
#include <QFile>
#include <QFileInfo>
#include <QMessageBox>
#include <QProcess>
#include <QString>
#include <QTimer>
#include <QWidget>

#include <cstring>
#include <functional>

/** Helpers the ops tests share: data files, dumps, qemu-img as an independent peer, message boxes. */
namespace OpsTest
{

/** A recognisable byte at offset of a backing file: never zero, so no hole is mistaken for data. */
inline char patternByte(quint64 offsetBytes)
{
    return char('A' + (offsetBytes / 4096) % 26);
}

/** Writes sizeBytes of data that differs per 4 KiB block and has no zero bytes, 1 MiB at a time. */
inline bool writePatternFile(const QString &path, quint64 sizeBytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    constexpr quint64 ChunkBytes = 1024 * 1024;
    constexpr quint64 BlockBytes = 4096;
    QByteArray chunk(qsizetype(ChunkBytes), '\0');
    for (quint64 offset = 0; offset < sizeBytes; offset += ChunkBytes) {
        const quint64 length = std::min(ChunkBytes, sizeBytes - offset);
        for (quint64 block = 0; block < ChunkBytes; block += BlockBytes)
            std::memset(chunk.data() + block, patternByte(offset + block), BlockBytes);
        // The offset in text at the start of each MiB: no two MiBs are alike.
        const QByteArray stamp = QByteArray::number(offset);
        std::memcpy(chunk.data(), stamp.constData(), size_t(stamp.size()));
        if (file.write(chunk.constData(), qint64(length)) != qint64(length))
            return false;
    }
    return true;
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

/** A sparse file of sizeBytes (reads as zeros). */
inline bool writeSparseFile(const QString &path, quint64 sizeBytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.resize(qint64(sizeBytes));
}

/** Reads the whole virtual disk of addCowPath into the file dumpPath with core reads. */
inline bool dumpVirtualDisk(const QString &addCowPath, const QString &dumpPath)
{
    const AddCow::Result<AddCow::Image> image = AddCow::Image::open(addCowPath);
    if (!image)
        return false;
    QFile dump(dumpPath);
    if (!dump.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    constexpr quint64 ChunkBytes = 4 * 1024 * 1024;
    const quint64 size = image->virtualSizeBytes();
    for (quint64 offset = 0; offset < size; offset += ChunkBytes) {
        const quint64 length = std::min(ChunkBytes, size - offset);
        const AddCow::Result<QByteArray> bytes = image->read(offset, length);
        if (!bytes || dump.write(bytes.value()) != qint64(length))
            return false;
    }
    return true;
}

/**
 * `qemu-img compare -f raw -F raw a b` (content only: a shorter file reads as zeros past its end):
 * 0 identical, 1 different, other: error. With sameSize, files of different sizes count as different.
 */
inline int qemuCompare(const QString &a, const QString &b, bool sameSize = true, QString *output = nullptr)
{
    if (sameSize && QFileInfo(a).size() != QFileInfo(b).size())
        return 1;
    QProcess process;
    process.start(QStringLiteral("qemu-img"), {QStringLiteral("compare"), QStringLiteral("-f"), QStringLiteral("raw"), QStringLiteral("-F"), QStringLiteral("raw"), a, b});
    if (!process.waitForFinished(60000))
        return -1;
    if (output)
        *output = QString::fromLocal8Bit(process.readAllStandardOutput() + process.readAllStandardError());
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

/**
 * Answers the next application-modal or window-modal message box with button, polling until
 * one appears (a box opened with exec() blocks the test until then). Stores its text in text.
 */
inline void answerNextMessageBox(QMessageBox::StandardButton button, QString *text = nullptr, int attempts = 200)
{
    QTimer::singleShot(20, qApp, [=] {
        QMessageBox *box = nullptr;
        const QWidgetList widgets = QApplication::topLevelWidgets();
        for (QWidget *widget : widgets) {
            auto *candidate = qobject_cast<QMessageBox *>(widget);
            if (candidate && candidate->isVisible())
                box = candidate;
        }
        if (!box) {
            if (attempts > 0)
                answerNextMessageBox(button, text, attempts - 1);
            return;
        }
        if (text)
            *text = box->text() + QLatin1Char('\n') + box->informativeText();
        if (QAbstractButton *clicked = box->button(button))
            clicked->click();
        else
            box->done(button);
    });
}

} // namespace OpsTest
