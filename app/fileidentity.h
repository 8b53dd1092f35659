// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>

namespace AddCow::FileIdentity
{

/**
 * R17: true when a and b name the same file: equal canonical (or, for files that do not exist
 * yet, absolute cleaned) paths, or the same (device, inode) for files that exist.
 */
bool isSameFile(const QString &a, const QString &b);

/** The absolute, cleaned path of path (relative paths against the current directory). */
QString absolutePath(const QString &path);

} // namespace AddCow::FileIdentity
