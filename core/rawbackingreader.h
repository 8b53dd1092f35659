// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "backingreader.h"

namespace AddCow
{

/**
 * A raw backing file, read natively with pread (R9): the file's bytes are the disk's.
 *
 * It reports no zeros: SEEK_HOLE only knows file-system holes, and what it says depends on the
 * file system (some report a whole sparse file as data, some are stale for recently written
 * data), so the same image would map differently depending on where it is stored. backing-zero
 * stays what the backing format itself records. Readers that only need to skip work (commit)
 * still seek holes through fileDescriptor().
 */
class ADDCOWCORE_EXPORT RawBackingReader : public BackingReader
{
public:
    /** Reads through fd (not owned); sizeBytes is the file's size when opened. */
    RawBackingReader(const QString &path, int fd, quint64 sizeBytes);

    Result<void> read(quint64 offsetBytes, char *buffer, quint64 lengthBytes) const override;
    bool knowsZeros() const override { return false; }
    Result<QList<BackingExtent>> extents(quint64 offsetBytes, quint64 lengthBytes) const override;
    int fileDescriptor() const override { return m_fd; }

private:
    int m_fd = -1;
};

} // namespace AddCow
