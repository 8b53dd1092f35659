// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "addcowcore_export.h"

#include <QtGlobal>

#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>

namespace AddCow
{

/**
 * Writes one buffer at a time into a file (FileIo::writeFull) on a thread of its own, so that
 * the caller reads the next buffer meanwhile: commit over an NBD backing disk reads from qemu-nbd
 * while the last piece goes into the image file. Makes nothing durable: the caller waits for
 * the write, then syncs (R19). The thread starts with the first write.
 *
 * With a write-behind window, the thread also starts the device writing each buffer once it is
 * written, and waits for the oldest ones once more than the window is under way: the disk works
 * all along, dirty data stays small (a sync or a cancel waits for little), and the caller reads
 * on meanwhile instead of waiting for the device itself.
 */
class ADDCOWCORE_EXPORT BufferWriter
{
public:
    /** A write that failed: what, where, and its errno. */
    struct Failure {
        enum class Step { Write, Writeback };
        Step step = Step::Write; ///< Writeback: the write succeeded, starting or waiting for its writeback failed
        quint64 offsetBytes = 0;
        quint64 lengthBytes = 0;
        int errnoValue = 0;
    };

    /** writeBehindBytes: the write-behind window; 0 leaves writeback to the kernel. */
    explicit BufferWriter(int fd, quint64 writeBehindBytes = 0);
    /** Waits for the write under way, then stops the thread. */
    ~BufferWriter();
    BufferWriter(const BufferWriter &) = delete;
    BufferWriter &operator=(const BufferWriter &) = delete;

    /**
     * Starts writing lengthBytes of data at offsetBytes and returns. The caller has waited for
     * the previous write, and leaves data as it is until wait() returns.
     */
    void start(const char *data, quint64 lengthBytes, quint64 offsetBytes);
    /** Waits for the write under way, if any. @return how it failed, or nothing when it did not */
    std::optional<Failure> wait();

private:
    void run();
    bool writeBehind(quint64 offsetBytes, quint64 lengthBytes, Failure &failure);

    const int m_fd;
    const quint64 m_writeBehindBytes;
    // The writer thread's own: the ranges whose writeback it started and has not waited for.
    struct Range {
        quint64 offsetBytes;
        quint64 lengthBytes;
    };
    std::deque<Range> m_underWriteback;
    quint64 m_underWritebackBytes = 0;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    // Guarded by m_mutex:
    const char *m_data = nullptr;
    quint64 m_lengthBytes = 0;
    quint64 m_offsetBytes = 0;
    bool m_queued = false;  ///< a write waits for the thread
    bool m_pending = false; ///< a write is queued or under way
    bool m_stopping = false;
    std::optional<Failure> m_failure;
    std::thread m_thread;
};

} // namespace AddCow
