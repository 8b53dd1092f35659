// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

// Shared by the tests that make LUKS-encrypted images with qemu-img (R9: encrypted backing files
// are refused, named).

#include <QProcess>
#include <QString>
#include <QStringList>

namespace AddCow::TestSupport {

/**
 * Runs `qemu-img create ARGS` and returns its exit code, trying again where LUKS encryption is made.
 * QEMU times its key derivation on the CPU first; on a loaded machine that timing can fail with
 * "Unable to get accurate CPU usage", a peer's hiccup that says nothing about us: only that
 * failure is tried again, a few times. Any other failure is returned at once.
 */
inline int qemuImgCreate(const QStringList &arguments, QString *errorText = nullptr)
{
    int exitCode = -1;
    for (int attempt = 0; attempt < 5; ++attempt) {
        QProcess process;
        process.start(QStringLiteral("qemu-img"), QStringList{QStringLiteral("create")} + arguments);
        if (!process.waitForFinished(60000)) {
            process.kill();
            process.waitForFinished();
        }
        exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        const QString error = QString::fromLocal8Bit(process.readAllStandardError());
        if (errorText)
            *errorText = error;
        if (exitCode == 0 || !error.contains(QStringLiteral("Unable to get accurate CPU usage")))
            break;
    }
    return exitCode;
}

} // namespace AddCow::TestSupport
