// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace AddCow
{

/** One file of a backing chain as QEMU reports it (qemu-img info --backing-chain). */
struct BackingLayer {
    QString fileName;            ///< the file; for the first layer the backing file's resolved path
    QByteArray format;           ///< "qcow2", "raw", ...
    quint64 virtualSizeBytes = 0;
    quint64 actualSizeBytes = 0; ///< what the file takes on disk
    QString backingFileName;     ///< this layer's own backing file as it stores it; empty for the last layer
    bool encrypted = false;
    bool operator==(const BackingLayer &) const = default;
};

} // namespace AddCow
