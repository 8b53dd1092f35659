// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "addcowcore_export.h"
#include "image.h"
#include "result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>

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

/**
 * Called between windows of the walk with the virtual-disk bytes mapped so far; returning
 * false stops the walk with ErrorCode::Cancelled.
 */
using Progress = std::function<bool(quint64 doneBytes, quint64 totalBytes)>;

/**
 * The map of image (R13) streamed to device as the bitmap is walked, window by window: the
 * one map walk behind `addcow map` and the app's map export. Only one window's runs and about
 * 1 MiB of text are held, so memory stays bounded whatever the disk's size; progress comes
 * after each window, and a cancel stops within one (milliseconds). The bytes are those
 * write(device, image.map(), format) would give.
 * @param path names the destination in the error, e.g. the file being saved
 * @return the number of runs written
 */
ADDCOWCORE_EXPORT Result<quint64> write(QIODevice &device, const Image &image, Format format, const QString &path = {},
                                        const Progress &progress = {});

/** "json", "csv", "human". */
ADDCOWCORE_EXPORT const char *formatName(Format format);

} // namespace AddCow::MapExport
