// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "addcowcore_export.h"
#include "result.h"

#include <QString>

/** The QEMU tools that read non-raw backing files for us (R9): qemu-nbd and qemu-img. */
namespace AddCow::QemuProgram
{

/** The Debian 12 package that installs name: "qemu-utils" for qemu-img, qemu-nbd and qemu-io. */
ADDCOWCORE_EXPORT QString debianPackage(const QString &name);

/** The absolute path of name found in PATH, else FileMissing naming the package that installs it. */
ADDCOWCORE_EXPORT Result<QString> find(const QString &name);

/**
 * QEMU's own words from a tool's error output: its last line without the "qemu-nbd: " prefix
 * and, when it names what failed to open, without that name (a long json: string of ours).
 */
ADDCOWCORE_EXPORT QString messageFrom(const QByteArray &errorOutput, const QString &program, const QString &openedName = {});

} // namespace AddCow::QemuProgram
