// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

// Shared by the hostile file set tests and the open/check property test: the files they make.

#include "format.h"
#include "header.h"

#include <QByteArray>
#include <QFile>
#include <QString>

namespace AddCow::HostileTestFiles {

inline bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

/** A valid .add-cow file with raw names and an empty bitmap for virtualSizeBytes. */
inline QByteArray addCowBytes(const QByteArray &imageName, const QByteArray &backingName, quint64 virtualSizeBytes, quint64 features = 0)
{
    const Header header = Header::make(imageName, "raw", backingName, backingName.isEmpty() ? QByteArray() : QByteArray("raw"), features);
    return header.serialize() + QByteArray(qsizetype(bitmapRegionBytesFor(clusterCountFor(virtualSizeBytes))), '\0');
}

} // namespace AddCow::HostileTestFiles
