// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "backingreader.h"

#include <memory>

namespace AddCow
{

/**
 * A backing file in any format QEMU reads (qcow2, vmdk, vhdx, ...), read through QEMU's own
 * block layer (R9): a private qemu-nbd serves it read-only with the stored format given
 * explicitly, never probed, and libnbd reads it. QEMU resolves the file's own backing chain.
 *
 * The server lives exactly as long as the reader (see NbdServerProcess). A request it does not
 * answer within the timeout, or a server that died, fails with an error naming the backing file;
 * from then on every request fails the same way, nothing blocks.
 */
class ADDCOWCORE_EXPORT NbdBackingReader : public BackingReader
{
public:
    static constexpr int DefaultTimeoutMs = 30000;

    /**
     * Starts qemu-nbd on path as format and connects to it. Fails with UnsupportedFormat for a
     * format QEMU does not know or an encrypted image, FileMissing when qemu-nbd or libnbd is not
     * installed, QemuError with QEMU's own message when it cannot open the file.
     * @param timeoutMs how long one request (and the connection) may take
     */
    static Result<std::unique_ptr<NbdBackingReader>> open(const QString &path, const QByteArray &format, int timeoutMs = DefaultTimeoutMs);
    ~NbdBackingReader() override;

    Result<void> read(quint64 offsetBytes, char *buffer, quint64 lengthBytes) const override;
    bool knowsZeros() const override;
    Result<QList<BackingExtent>> extents(quint64 offsetBytes, quint64 lengthBytes) const override;
    int fileDescriptor() const override { return -1; }

    /** qemu-nbd's process id (tests stop or kill it). */
    qint64 serverPid() const;

private:
    struct Private;
    NbdBackingReader(const QString &path, const QByteArray &format, quint64 sizeBytes, std::unique_ptr<Private> d);
    std::unique_ptr<Private> d;
};

} // namespace AddCow
