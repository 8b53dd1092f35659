// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "addcowcore_export.h"
#include "image.h"
#include "result.h"

#include <QByteArray>
#include <QList>
#include <QString>

class QIODevice;

/**
 * The map of a virtual disk (runs of image / backing / zero, R13) as text for other programs:
 * JSON and CSV for `addcow map` and the GUI's export, and a table for people.
 * Runs are written as given except that adjacent runs of one source are merged and empty runs dropped.
 */
namespace AddCow::MapExport
{

enum class Format {
    Json,  ///< [{"start": 0, "length": 65536, "source": "image"}, ...], one run per line
    Csv,   ///< "start,length,source" header line, then one line per run, bytes in decimal
    Human, ///< a table with hexadecimal offsets and lengths, like qemu-img map
};

/** Adjacent runs with the same source joined, empty runs dropped, order kept. */
ADDCOWCORE_EXPORT QList<MapRun> mergedRuns(const QList<MapRun> &runs);

/** True when runs are sorted, gap-free from 0 and end exactly at virtualSizeBytes. */
ADDCOWCORE_EXPORT bool coversExactly(const QList<MapRun> &runs, quint64 virtualSizeBytes);

/** The whole export in memory (UTF-8, ends with a newline). */
ADDCOWCORE_EXPORT QByteArray toBytes(const QList<MapRun> &runs, Format format);

/**
 * Streams the export to device in chunks, so maps with millions of runs need no large buffer.
 * @param path names the destination in the error, e.g. the file being saved
 */
ADDCOWCORE_EXPORT Result<void> write(QIODevice &device, const QList<MapRun> &runs, Format format, const QString &path = {});

/** "json", "csv", "human". */
ADDCOWCORE_EXPORT const char *formatName(Format format);

} // namespace AddCow::MapExport
