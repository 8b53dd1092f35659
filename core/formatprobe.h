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
 * Guesses a file's format from its first bytes, as qemu-img does: "qcow2", "qcow", "vmdk",
 * "vdi", "vpc", "vhdx", "qed", "parallels", "luks", "add-cow", else "raw". Only used when creating (R9): a stored
 * format is never replaced by probing.
 */
ADDCOWCORE_EXPORT Result<QByteArray> probeFormat(const QString &path);

} // namespace AddCow
