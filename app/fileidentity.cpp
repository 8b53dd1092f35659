// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "fileidentity.h"

#include <QDir>
#include <QFileInfo>

namespace AddCow::FileIdentity
{

QString absolutePath(const QString &path)
{
    if (path.isEmpty())
        return {};
    return QDir::cleanPath(QFileInfo(path).absoluteFilePath());
}

} // namespace AddCow::FileIdentity
