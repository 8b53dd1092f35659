// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "qemuprogram.h"

#include <QStandardPaths>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace AddCow::QemuProgram
{

QString debianPackage(const QString &name)
{
    // dpkg -S on Debian 12: qemu-storage-daemon alone lives in qemu-system-common.
    if (name == u"qemu-storage-daemon")
        return u"qemu-system-common"_s;
    return u"qemu-utils"_s;
}

Result<QString> find(const QString &name)
{
    const QString path = QStandardPaths::findExecutable(name);
    if (!path.isEmpty())
        return path;
    return Error::fromCode(QString(), FindingCode::QemuProgramMissing,
                           {FindingArgument::ofText(name), FindingArgument::ofText(debianPackage(name))});
}

QString messageFrom(const QByteArray &errorOutput, const QString &program, const QString &openedName)
{
    const QStringList lines = QString::fromUtf8(errorOutput).split(u'\n', Qt::SkipEmptyParts);
    if (lines.isEmpty())
        return {};
    QString message = lines.constLast().trimmed();
    const QString prefix = program + u": "_s;
    if (message.startsWith(prefix))
        message.remove(0, prefix.size());
    if (!openedName.isEmpty()) {
        // "Failed to blk_new_open 'NAME': REASON", "Could not open 'NAME': REASON"
        const QString quoted = u"'"_s + openedName + u"': "_s;
        const qsizetype at = message.indexOf(quoted);
        if (at >= 0)
            message = message.mid(at + quoted.size());
    }
    return message;
}

} // namespace AddCow::QemuProgram
