// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "hexdatasource.h"

#include <QByteArray>
#include <QFile>
#include <QMutex>
#include <QMutexLocker>

#include <atomic>
#include <cstring>
#include <utility>
#include <vector>

/** Test sources for the hex views: synthetic and in-memory bytes, with every read recorded. */
namespace HexTest
{

/** The byte a SyntheticSource holds at offset: depends on every part of the offset. */
inline char syntheticByte(quint64 offset)
{
    const quint64 mixed = offset ^ (offset >> 8) ^ (offset >> 16) ^ (offset >> 24) ^ (offset >> 32) ^ (offset >> 40);
    return char(mixed & 0xff);
}

/** Any size (e.g. 8 TiB) without a file; counts the reads and remembers their ranges. */
class SyntheticSource : public AddCow::HexDataSource
{
public:
    explicit SyntheticSource(quint64 sizeBytes, std::optional<char> constant = std::nullopt)
        : m_sizeBytes(sizeBytes)
        , m_constant(constant)
    {
    }
    quint64 sizeBytes() const override { return m_sizeBytes; }
    qint64 read(quint64 offsetBytes, char *buffer, quint64 lengthBytes) const override
    {
        if (offsetBytes >= m_sizeBytes)
            return 0;
        lengthBytes = std::min(lengthBytes, m_sizeBytes - offsetBytes);
        {
            QMutexLocker locker(&m_mutex);
            m_reads.emplace_back(offsetBytes, lengthBytes);
        }
        m_bytesRead += lengthBytes;
        if (m_constant) {
            std::memset(buffer, *m_constant, lengthBytes);
        } else {
            for (quint64 i = 0; i < lengthBytes; ++i)
                buffer[i] = syntheticByte(offsetBytes + i);
        }
        return qint64(lengthBytes);
    }
    std::vector<std::pair<quint64, quint64>> reads() const
    {
        QMutexLocker locker(&m_mutex);
        return m_reads;
    }
    void resetReads()
    {
        QMutexLocker locker(&m_mutex);
        m_reads.clear();
        m_bytesRead = 0;
    }
    quint64 bytesRead() const { return m_bytesRead; }

private:
    quint64 m_sizeBytes;
    std::optional<char> m_constant;
    mutable QMutex m_mutex;
    mutable std::vector<std::pair<quint64, quint64>> m_reads;
    mutable std::atomic<quint64> m_bytesRead = 0;
};

/** Bytes held in memory. */
class MemorySource : public AddCow::HexDataSource
{
public:
    explicit MemorySource(QByteArray bytes)
        : m_bytes(std::move(bytes))
    {
    }
    quint64 sizeBytes() const override { return quint64(m_bytes.size()); }
    qint64 read(quint64 offsetBytes, char *buffer, quint64 lengthBytes) const override
    {
        ++m_reads;
        if (offsetBytes >= sizeBytes())
            return 0;
        lengthBytes = std::min(lengthBytes, sizeBytes() - offsetBytes);
        if (lengthBytes == 0)
            return 0; // memcpy with a null buffer is undefined even for 0 bytes (UBSan)
        std::memcpy(buffer, m_bytes.constData() + offsetBytes, lengthBytes);
        return qint64(lengthBytes);
    }
    void setByte(quint64 offset, char value) { m_bytes[qsizetype(offset)] = value; }
    int reads() const { return m_reads; }

private:
    QByteArray m_bytes;
    mutable std::atomic<int> m_reads = 0;
};

/** Bytes held in memory, of which one range cannot be read (a missing backing file under clean clusters). */
class FailingRangeSource : public MemorySource
{
public:
    FailingRangeSource(QByteArray bytes, quint64 failOffset, quint64 failLength)
        : MemorySource(std::move(bytes))
        , m_failOffset(failOffset)
        , m_failEnd(failOffset + failLength)
    {
    }
    qint64 read(quint64 offsetBytes, char *buffer, quint64 lengthBytes) const override
    {
        if (offsetBytes < m_failEnd && offsetBytes + lengthBytes > m_failOffset)
            return -1;
        return MemorySource::read(offsetBytes, buffer, lengthBytes);
    }

private:
    quint64 m_failOffset;
    quint64 m_failEnd;
};

inline bool writeAt(const QString &path, quint64 offset, const QByteArray &bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadWrite))
        return false;
    return file.seek(qint64(offset)) && file.write(bytes) == bytes.size();
}

/** A sparse file of sizeBytes (all holes). */
inline bool makeSparseFile(const QString &path, quint64 sizeBytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.resize(qint64(sizeBytes));
}

} // namespace HexTest
