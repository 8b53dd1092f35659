// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "fileidentity.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <sys/stat.h>

namespace AddCow::FileIdentity
{

QString absolutePath(const QString &path)
{
    if (path.isEmpty())
        return {};
    return QDir::cleanPath(QFileInfo(path).absoluteFilePath());
}

bool isSameFile(const QString &a, const QString &b)
{
    if (a.isEmpty() || b.isEmpty())
        return false;
    if (absolutePath(a) == absolutePath(b))
        return true;
    const QString canonicalA = QFileInfo(a).canonicalFilePath();
    const QString canonicalB = QFileInfo(b).canonicalFilePath();
    if (!canonicalA.isEmpty() && canonicalA == canonicalB)
        return true;
    // Hard links and bind mounts: same (device, inode).
    struct stat statA;
    struct stat statB;
    if (::stat(QFile::encodeName(a).constData(), &statA) != 0 || ::stat(QFile::encodeName(b).constData(), &statB) != 0)
        return false;
    return statA.st_dev == statB.st_dev && statA.st_ino == statB.st_ino;
}

} // namespace AddCow::FileIdentity
