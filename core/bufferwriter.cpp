// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "bufferwriter.h"

#include "fileio.h"

#include <cerrno>

namespace AddCow
{

BufferWriter::BufferWriter(int fd, quint64 writeBehindBytes)
    : m_fd(fd)
    , m_writeBehindBytes(writeBehindBytes)
{
}

BufferWriter::~BufferWriter()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_changed.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void BufferWriter::start(const char *data, quint64 lengthBytes, quint64 offsetBytes)
{
    {
        std::lock_guard lock(m_mutex);
        Q_ASSERT(!m_pending);
        m_data = data;
        m_lengthBytes = lengthBytes;
        m_offsetBytes = offsetBytes;
        m_queued = true;
        m_pending = true;
    }
    if (!m_thread.joinable())
        m_thread = std::thread([this] { run(); });
    m_changed.notify_all();
}

std::optional<BufferWriter::Failure> BufferWriter::wait()
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return !m_pending; });
    return std::exchange(m_failure, std::nullopt);
}

void BufferWriter::run()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        // A write queued before the stop still happens: its caller waits for it.
        m_changed.wait(lock, [this] { return m_queued || m_stopping; });
        if (!m_queued)
            return;
        m_queued = false;
        const char *data = m_data;
        const quint64 length = m_lengthBytes;
        const quint64 offset = m_offsetBytes;
        lock.unlock();
        std::optional<Failure> failure;
        if (!FileIo::writeFull(m_fd, data, length, offset)) {
            failure = Failure{Failure::Step::Write, offset, length, errno};
        } else if (Failure f; m_writeBehindBytes > 0 && !writeBehind(offset, length, f)) {
            failure = f;
        }
        lock.lock();
        if (failure)
            m_failure = failure;
        m_pending = false;
        m_changed.notify_all();
    }
}

bool BufferWriter::writeBehind(quint64 offsetBytes, quint64 lengthBytes, Failure &failure)
{
    if (!FileIo::startWriteback(m_fd, offsetBytes, lengthBytes)) {
        failure = Failure{Failure::Step::Writeback, offsetBytes, lengthBytes, errno};
        return false;
    }
    m_underWriteback.push_back({offsetBytes, lengthBytes});
    m_underWritebackBytes += lengthBytes;
    while (m_underWritebackBytes > m_writeBehindBytes) {
        const Range oldest = m_underWriteback.front();
        m_underWriteback.pop_front();
        m_underWritebackBytes -= oldest.lengthBytes;
        if (!FileIo::waitForWriteback(m_fd, oldest.offsetBytes, oldest.lengthBytes)) {
            failure = Failure{Failure::Step::Writeback, oldest.offsetBytes, oldest.lengthBytes, errno};
            return false;
        }
    }
    return true;
}

} // namespace AddCow
