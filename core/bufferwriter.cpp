// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "bufferwriter.h"

#include "fileio.h"

#include <cerrno>

namespace AddCow
{

BufferWriter::BufferWriter(int fd)
    : m_fd(fd)
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
        const bool written = FileIo::writeFull(m_fd, data, length, offset);
        const int error = errno;
        lock.lock();
        if (!written)
            m_failure = Failure{offset, length, error};
        m_pending = false;
        m_changed.notify_all();
    }
}

} // namespace AddCow
