// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "commands.h"
#include "console.h"
#include "subcommandparser.h"

#include "nbdexport.h"
#include "sizeparser.h"

#include <QCoreApplication>

#include <csignal>
#include <ctime>

using namespace Qt::StringLiterals;

namespace AddCow::Commands
{

namespace
{

// SIGINT and SIGTERM are blocked and taken with sigtimedwait: stopping is done here, in order
// (nbdkit's own process group does not see the terminal's Ctrl-C).
class StopSignals
{
public:
    StopSignals()
    {
        sigemptyset(&m_signals);
        sigaddset(&m_signals, SIGINT);
        sigaddset(&m_signals, SIGTERM);
        sigaddset(&m_signals, SIGHUP);
        pthread_sigmask(SIG_BLOCK, &m_signals, &m_previous);
    }
    ~StopSignals() { pthread_sigmask(SIG_SETMASK, &m_previous, nullptr); }

    /** The signal that came within timeoutMs, or 0. */
    int wait(int timeoutMs) const
    {
        const timespec timeout{timeoutMs / 1000, long(timeoutMs % 1000) * 1000000L};
        const int got = sigtimedwait(&m_signals, nullptr, &timeout);
        return got > 0 ? got : 0;
    }

private:
    sigset_t m_signals;
    sigset_t m_previous;
};

} // namespace

int serve(const QStringList &arguments)
{
    SubcommandParser parser(u"serve"_s, u"[--socket PATH | --port N [--bind ADDR]] [--read-only] [--tls-certificates DIR] FILE"_s,
                            u"Serves the virtual disk of an add-cow image over NBD, with nbdkit and the addcow plugin, so "
                            "that a virtual machine (QEMU, libvirt), qemu-img, nbdcopy or nbdinfo can read and write it. "
                            "Writes are copy-on-write (R18) and write-back: a write is durable after the client's next "
                            "flush, or at once when the client asks for FUA (R21).\n\n"
                            "The image and its files are locked for the whole time, as QEMU locks them: commit, header "
                            "and hex edits wait until the server stops. It runs in the foreground, prints the NBD URI "
                            "and ready-to-paste client command lines, then 'ready' once clients can connect. Ctrl-C or "
                            "SIGTERM stops it: connections are closed, everything written is flushed and the locks "
                            "are released."_s);
    parser.addOption({u"socket"_s, u"Listen on the Unix socket PATH (default: $XDG_RUNTIME_DIR/addcow-NAME.sock, or NAME.sock beside the image)."_s, u"PATH"_s});
    parser.addOption({u"port"_s, u"Listen on TCP port N instead of a Unix socket."_s, u"N"_s});
    parser.addOption({u"bind"_s, u"With --port: the address to listen on (default: 127.0.0.1, this machine only)."_s, u"ADDR"_s});
    parser.addOption({u"read-only"_s, u"Serve read-only; nobody may write the image meanwhile."_s});
    parser.addOption({u"tls-certificates"_s, u"Require TLS, with nbdkit's certificates in DIR (ca-cert.pem, server-cert.pem, server-key.pem). Over a Unix socket the printed QEMU lines check the server certificate against the name localhost."_s, u"DIR"_s});
    parser.addImageFileArgument();
    parser.addNotes(u"Requires"_s, u"nbdkit on PATH (Debian package 'nbdkit') and the addcow plugin, found beside the addcow program "
                                   "or in nbdkit's plugin directory."_s);
    parser.addNotes(u"Exit status"_s, u"0 when stopped with Ctrl-C or SIGTERM, 1 when the server could not start or stopped by itself."_s);
    if (const auto exitCode = parser.parse(arguments))
        return *exitCode;

    ExportOptions options;
    options.addCowPath = parser.positional().at(0);
    options.readOnly = parser.isSet(u"read-only"_s);
    options.tlsCertificatesDir = parser.value(u"tls-certificates"_s);
    if (parser.isSet(u"port"_s)) {
        bool ok = false;
        const uint port = parser.value(u"port"_s).toUInt(&ok);
        if (!ok || port == 0 || port > 65535)
            return parser.usageError(u"--port takes a TCP port from 1 to 65535, not '%1'"_s.arg(parser.value(u"port"_s)));
        if (parser.isSet(u"socket"_s))
            return parser.usageError(u"--socket and --port exclude each other"_s);
        options.port = quint16(port);
        options.bindAddress = parser.value(u"bind"_s);
    } else if (parser.isSet(u"bind"_s)) {
        return parser.usageError(u"--bind needs --port"_s);
    } else {
        options.socketPath = parser.value(u"socket"_s);
    }

    // The same validating open as 'addcow check': a bad image stops here with its named error.
    const std::optional<Image> image = Console::openImage(options.addCowPath, Image::Access::ReadOnly);
    if (!image)
        return Console::Failure;
    const quint64 virtualSize = image->virtualSizeBytes();

    const Result<QString> nbdkit = NbdExport::findNbdkit();
    if (!nbdkit) {
        Console::error(nbdkit.error());
        return Console::Failure;
    }
    const Result<QString> plugin = NbdExport::findPlugin(QCoreApplication::applicationDirPath());
    if (!plugin) {
        Console::error(plugin.error());
        return Console::Failure;
    }

    const StopSignals stopSignals;
    NbdExport server(options);
    // nbdkit's messages (the plugin's named errors among them) go to our standard error.
    if (Result<void> started = server.start(nbdkit.value(), plugin.value()); !started) {
        Console::error(started.error());
        return Console::Failure;
    }

    QString text = u"Serving %1, a virtual disk of %2, with nbdkit (pid %3).\n"_s.arg(server.options().addCowPath, SizeParser::formatHumanWithBytes(virtualSize)).arg(server.pid());
    text += options.readOnly ? u"Read-only: clients cannot write, and nobody else may write the image meanwhile.\n"_s
                             : u"Write-back: a write is durable after the client's next flush, or at once with FUA (R21).\n"_s;
    text += u"\n  %1 %2\n"_s.arg(u"NBD URI:"_s.leftJustified(20), server.uri());
    for (const ClientCommand &client : server.clientCommands())
        text += u"  %1 %2\n"_s.arg(QString(client.program + u':').leftJustified(20), client.commandLine);
    text += u"\nPress Ctrl-C to stop: connections are closed, everything is flushed, the locks are released.\nready\n"_s;
    Console::out(text);
    if (!Console::flushOut())
        return Console::Failure;

    while (server.isRunning()) {
        if (const int signalNumber = stopSignals.wait(200)) {
            Console::err(u"addcow: %1: stopping nbdkit\n"_s.arg(signalNumber == SIGINT ? u"interrupted"_s : u"terminated"_s));
            if (!server.stop()) {
                Console::error(u"nbdkit did not stop cleanly (%1); writes after the last flush may be lost"_s.arg(server.exitDescription()));
                return Console::Failure;
            }
            Console::out(u"stopped: everything is flushed and the locks are released\n"_s);
            return Console::flushOut() ? Console::Success : Console::Failure;
        }
    }
    Console::error(u"nbdkit stopped by itself (%1)"_s.arg(server.exitDescription()));
    return Console::Failure;
}

} // namespace AddCow::Commands
