// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "result.h"

#include <QByteArray>
#include <QTemporaryFile>

#include <memory>

namespace AddCow
{

/**
 * All of a non-seekable standard input (a pipe), read before anything is written so that a
 * write that would pass the end fails without writing a prefix (R15). Keeps up to
 * MemoryLimitBytes in memory and the rest in a temporary file.
 */
class StdinSpool
{
public:
    static constexpr quint64 MemoryLimitBytes = 64 * 1024 * 1024;

    /**
     * Reads fd to its end, or until more than limitBytes arrived (then OutOfRange: the data
     * would not fit, and the rest is not read).
     */
    Result<void> readAll(int fd, quint64 limitBytes);

    quint64 sizeBytes() const { return m_sizeBytes; }
    /** Copies [offsetBytes, offsetBytes + lengthBytes) of what was read into buffer. */
    Result<void> read(quint64 offsetBytes, char *buffer, quint64 lengthBytes);

private:
    QByteArray m_memory;
    std::unique_ptr<QTemporaryFile> m_overflow;
    quint64 m_sizeBytes = 0;
};

} // namespace AddCow
