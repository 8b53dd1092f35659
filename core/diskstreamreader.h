// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "addcowcore_export.h"
#include "byterange.h"
#include "result.h"

#include <QList>

#include <memory>
#include <optional>

namespace AddCow
{

class Image;

/**
 * Reads a range of an image's virtual disk in order on a thread of its own, a few buffers ahead
 * of its consumer, so that reading overlaps with what the consumer does (hashing, for verify).
 * Bytes that are known to read as zeros (DiskExtentScanner: no backing data, holes) are never
 * read: they come as zero pieces. What cannot be read is narrowed down to clusters, passed on
 * as zeros and listed in unreadable().
 *
 * The image must outlive the reader and must not be used by another thread meanwhile.
 */
class ADDCOWCORE_EXPORT DiskStreamReader
{
public:
    /** Consecutive bytes of the disk: data, or zeros (data is null). */
    struct Piece {
        quint64 offsetBytes = 0;
        quint64 lengthBytes = 0;
        const char *data = nullptr; ///< valid until the next call of next(); null: lengthBytes zeros
    };

    DiskStreamReader(const Image &image, quint64 offsetBytes, quint64 lengthBytes);
    /** Stops the thread and waits for it: at most one buffer's read. */
    ~DiskStreamReader();
    DiskStreamReader(const DiskStreamReader &) = delete;
    DiskStreamReader &operator=(const DiskStreamReader &) = delete;

    /** The next piece in order; waits for it. std::nullopt after the last one. */
    std::optional<Piece> next();

    /** Once next() returned std::nullopt: ranges that failed to read (merged) and the first error. */
    const QList<ByteRange> &unreadable() const;
    const std::optional<Error> &firstReadError() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace AddCow
