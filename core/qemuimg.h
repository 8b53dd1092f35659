// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "addcowcore_export.h"
#include "backinglayer.h"
#include "result.h"

#include <QList>

/** What qemu-img says about backing files, for info and create (R9, R20). */
namespace AddCow::QemuImg
{

/**
 * Every layer of the backing chain that starts at path, opened as format (never probed, R9;
 * QEMU follows each layer's own backing file). For "raw" one layer, without running qemu-img.
 * Fails with QEMU's own message when it cannot open the file.
 */
ADDCOWCORE_EXPORT Result<QList<BackingLayer>> backingChain(const QString &path, const QByteArray &format);

/**
 * R9: whether QEMU can read path as format, as create, rebase, check and open require: the
 * chain, or UnsupportedFormat for a format QEMU does not know or an encrypted layer (we have no
 * key to give it), QemuError with QEMU's own message when it cannot open the file.
 */
ADDCOWCORE_EXPORT Result<QList<BackingLayer>> readableChain(const QString &path, const QByteArray &format);

/**
 * What create learns about a backing file, in one place for the CLI and the wizard (R9, R20):
 * format as given, or probed once when empty (probeFormat: the signatures QEMU probes by, raw
 * when none matches); then the chain as readableChain() gives it, refused as it refuses. The
 * first layer's format is the one to store, its virtualSizeBytes the backing disk's size.
 */
ADDCOWCORE_EXPORT Result<QList<BackingLayer>> describeForCreate(const QString &path, const QByteArray &format);

/**
 * The json: name QEMU tools open path by: the file driver (host_device for a block device), so no
 * part of the path is ever taken for a protocol ("nbd:", "json:"), and format as the driver unless
 * it is empty (then QEMU probes).
 */
ADDCOWCORE_EXPORT QString openName(const QString &path, const QByteArray &format);

} // namespace AddCow::QemuImg
