// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "stdinspool.h"

#include <QDir>

#include <cerrno>
#include <cstring>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace AddCow
{

namespace
{
constexpr qsizetype ReadChunkBytes = 1024 * 1024;
}

Result<void> StdinSpool::readAll(int fd, quint64 limitBytes)
{
    QByteArray chunk(ReadChunkBytes, Qt::Uninitialized);
    for (;;) {
        const ssize_t got = ::read(fd, chunk.data(), size_t(chunk.size()));
        if (got < 0) {
            if (errno == EINTR)
                continue;
            return Error::fromErrno(u"standard input"_s, u"read"_s);
        }
        if (got == 0)
            return {};
        if (m_sizeBytes + quint64(got) > limitBytes) {
            Error error;
            error.code = ErrorCode::OutOfRange;
            error.path = u"standard input"_s;
            error.rule = 15;
            error.detail = u"more than the %1 bytes left before the end of the virtual disk"_s.arg(limitBytes);
            return error;
        }
        const quint64 inMemory = std::min<quint64>(quint64(got), MemoryLimitBytes - std::min<quint64>(MemoryLimitBytes, quint64(m_memory.size())));
        m_memory.append(chunk.constData(), qsizetype(inMemory));
        if (inMemory < quint64(got)) {
            if (!m_overflow) {
                m_overflow = std::make_unique<QTemporaryFile>(QDir::tempPath() + u"/addcow-stdin-XXXXXX"_s);
                if (!m_overflow->open())
                    return Error::make(ErrorCode::Io, m_overflow->fileTemplate(), u"cannot create a temporary file: %1"_s.arg(m_overflow->errorString()));
            }
            const qint64 rest = got - qint64(inMemory);
            if (m_overflow->write(chunk.constData() + inMemory, rest) != rest)
                return Error::make(ErrorCode::Io, m_overflow->fileName(), u"cannot write a temporary file: %1"_s.arg(m_overflow->errorString()));
        }
        m_sizeBytes += quint64(got);
    }
}

Result<void> StdinSpool::read(quint64 offsetBytes, char *buffer, quint64 lengthBytes)
{
    const quint64 memorySize = quint64(m_memory.size());
    if (offsetBytes < memorySize) {
        const quint64 fromMemory = std::min(lengthBytes, memorySize - offsetBytes);
        std::memcpy(buffer, m_memory.constData() + offsetBytes, fromMemory);
        offsetBytes += fromMemory;
        buffer += fromMemory;
        lengthBytes -= fromMemory;
    }
    if (lengthBytes == 0)
        return {};
    if (!m_overflow || !m_overflow->seek(qint64(offsetBytes - memorySize))
        || m_overflow->read(buffer, qint64(lengthBytes)) != qint64(lengthBytes)) {
        return Error::make(ErrorCode::Io, m_overflow ? m_overflow->fileName() : QString(), u"cannot read back standard input"_s);
    }
    return {};
}

} // namespace AddCow
