// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "addcowcore_export.h"
#include "result.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <sys/types.h>

namespace AddCow
{

/** How an image is served. */
struct ExportOptions {
    QString addCowPath;
    QString socketPath;          ///< a Unix socket (the default when port is 0); empty: defaultSocketPath()
    quint16 port = 0;            ///< TCP instead of a Unix socket when not 0
    QString bindAddress;         ///< TCP: the address to listen on; empty: loopback only
    bool readOnly = false;       ///< clients cannot write; nobody else may write meanwhile
    QString tlsCertificatesDir;  ///< require TLS with nbdkit's --tls-certificates (TCP or Unix)
};

/** A ready-to-paste command line for a client of the export. */
struct ClientCommand {
    QString program; ///< "qemu-system-x86_64", "qemu-img", "nbdinfo"
    QString commandLine;
};

/**
 * An add-cow image served over NBD by nbdkit with the addcow plugin, as `addcow serve` and the
 * app's Serve job run it: nbdkit in the foreground in a process group of its own, with
 * --exit-with-parent, and ready once its pid file exists (nbdkit writes it after it listens).
 * stop() sends SIGTERM: nbdkit closes its connections and the plugin flushes everything and
 * releases the locks.
 */
class ADDCOWCORE_EXPORT NbdExport
{
public:
    /** nbdkit on PATH; an error naming the Debian package when it is missing. */
    static Result<QString> findNbdkit();
    /**
     * The addcow plugin: nbdkit-addcow-plugin.so in programDir (the build tree puts it beside
     * the addcow binary), else in nbdkit's plugin directory where `cmake --install` puts it.
     */
    static Result<QString> findPlugin(const QString &programDir);
    /** $XDG_RUNTIME_DIR/addcow-NAME.sock, or NAME.sock beside the .add-cow file without it. */
    static QString defaultSocketPath(const QString &addCowPath);
    /** nbdkit's last words: the last lines of its log at path, or a note that it wrote none, for errors. */
    static QString logTail(const QString &path);

    explicit NbdExport(ExportOptions options);
    NbdExport(const NbdExport &) = delete;
    NbdExport &operator=(const NbdExport &) = delete;
    /** Stops nbdkit if it still runs. */
    ~NbdExport();

    const ExportOptions &options() const { return m_options; }

    /**
     * Starts nbdkit with the plugin at pluginPath and waits until clients can connect, at most
     * timeoutMs. nbdkit's messages go to logPath (empty: this process's stderr). Fails with
     * nbdkit's own error (the plugin's named error for a bad image) when it stops first.
     */
    Result<void> start(const QString &nbdkitPath, const QString &pluginPath, const QString &logPath = {}, int timeoutMs = 30000);
    /** The arguments start() gives nbdkit (after the program name). */
    QStringList nbdkitArguments(const QString &pluginPath) const;

    bool isRunning();
    pid_t pid() const { return m_pid; }
    /** Waits up to timeoutMs for nbdkit to exit by itself. @return true when it has exited */
    bool waitForExit(int timeoutMs);
    /** nbdkit's exit status after it exited: "exit code N" / "signal N". */
    QString exitDescription() const { return m_exitDescription; }
    bool exitedCleanly() const { return m_exitedCleanly; }
    /** SIGTERM, then waits for nbdkit (SIGKILL after timeoutMs). @return true when it exited on its own with code 0 */
    bool stop(int timeoutMs = 60000);

    /** nbd+unix:///?socket=PATH, nbd://HOST:PORT, or nbds:// with TLS. */
    QString uri() const;
    /** QEMU, qemu-img and nbdinfo command lines for this export. */
    QList<ClientCommand> clientCommands() const;

private:
    QString socketPath() const;
    QString tcpHost() const;
    bool reap(int options);

    ExportOptions m_options;
    QString m_pidFile;
    pid_t m_pid = -1;
    QString m_exitDescription;
    bool m_exitedCleanly = false;
};

} // namespace AddCow
