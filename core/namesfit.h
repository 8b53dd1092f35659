// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "addcowcore_export.h"
#include "result.h"

#include <QByteArray>
#include <QString>

namespace AddCow
{

/**
 * R5: whether two names given to store have room: no NUL byte (GivenNameContainsNul), and both
 * within the first header page from byte 80 on (NamesDoNotFit), as create writes header pages
 * size 1 (R20) and a rewrite keeps it. The one check that `addcow create`, `addcow rebase`, the
 * wizard's names page and the Edit File Names dialog all make. path names the .add-cow file.
 */
ADDCOWCORE_EXPORT Result<void> checkNamesFit(const QString &path, const QByteArray &imageName, const QByteArray &backingName);

} // namespace AddCow
