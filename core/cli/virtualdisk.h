// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "image.h"
#include "result.h"

#include <QString>

#include <memory>

namespace AddCow
{

/**
 * A disk to compare: the virtual disk of an add-cow image, or a raw file read as it is.
 * Which one is decided by probing the file (only add-cow and raw are accepted).
 */
class VirtualDisk
{
public:
    static Result<VirtualDisk> open(const QString &path);

    VirtualDisk(VirtualDisk &&other) noexcept;
    VirtualDisk &operator=(VirtualDisk &&other) noexcept;
    ~VirtualDisk();

    QString path() const { return m_path; }
    const char *formatName() const { return m_image ? "add-cow" : "raw"; }
    quint64 sizeBytes() const { return m_sizeBytes; }
    /** Reads [offsetBytes, offsetBytes + lengthBytes), which must be inside the disk. */
    Result<void> read(quint64 offsetBytes, char *buffer, quint64 lengthBytes) const;
    /**
     * The first offset at or after offsetBytes that may hold a non-zero byte, sizeBytes() when
     * none. Skips zero runs (R13) and holes in the files, so sparse disks compare quickly; it may
     * stop early (at most 1 GiB further), so call it again from what it returns.
     */
    quint64 nextDataOffset(quint64 offsetBytes) const;

private:
    VirtualDisk() = default;
    QString m_path;
    std::unique_ptr<Image> m_image;
    int m_rawFd = -1;
    quint64 m_sizeBytes = 0;
};

} // namespace AddCow
