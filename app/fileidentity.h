// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>

namespace AddCow::FileIdentity
{

/** The absolute, cleaned path of path (relative paths against the current directory). */
QString absolutePath(const QString &path);

} // namespace AddCow::FileIdentity
