// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "result.h"

#include <QByteArray>
#include <QString>

#include <memory>
#include <sys/types.h>

namespace AddCow
{

/**
 * One qemu-nbd serving one backing file read-only to us alone (R9), for as long as we use it.
 *
 * It is started with systemd socket activation on a listening socket in a private directory
 * that we connect to before it even runs; the socket's name is then removed. So the export is
 * reachable by our one connection only, no wait for it to be ready is needed, and since qemu-nbd
 * (without --persistent) exits when its last client goes, it cannot outlive us even when we are
 * killed: the kernel closes our end. (PR_SET_PDEATHSIG would fire when the thread that started it
 * ends, which in a thread pool is long before the image closes.) It runs in its own process group,
 * so a Ctrl-C meant for us reaches only us, and we stop it cleanly.
 */
class NbdServerProcess
{
public:
    /**
     * Starts program (qemu-nbd) read-only on the json: blockdev options openedName.
     * @return the process; takeClientSocket() is our end of the one connection
     */
    static Result<std::unique_ptr<NbdServerProcess>> start(const QString &program, const QString &openedName);
    ~NbdServerProcess(); ///< stops it (see stop())

    NbdServerProcess(const NbdServerProcess &) = delete;
    NbdServerProcess &operator=(const NbdServerProcess &) = delete;

    /** Our connected socket; the caller owns it from then on. */
    int takeClientSocket();
    pid_t pid() const { return m_pid; }

    /** True once it has exited; reaps it without waiting. */
    bool hasExited();
    /** "exited with status 1", "was killed by signal 9"; empty while it runs. */
    QString exitDescription() const;
    /** Everything it wrote to stderr so far. */
    QByteArray errorOutput() const;

    /** Waits up to timeoutMs for it to exit by itself; true when it has. */
    bool waitForExit(int timeoutMs);
    /** Asks it to stop (SIGTERM), waits up to timeoutMs, then kills it (SIGKILL) and reaps it. */
    void stop(int timeoutMs = 1000);
    /** SIGKILL and reap, for a server that stopped answering. */
    void kill();

private:
    NbdServerProcess() = default;

    pid_t m_pid = -1;
    int m_status = 0;
    bool m_exited = false;
    int m_clientSocket = -1;
    int m_errorFd = -1; ///< a memfd that holds its stderr
};

} // namespace AddCow
