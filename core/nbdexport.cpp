// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "nbdexport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QSysInfo>
#include <QThread>
#include <QUrl>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

extern char **environ;

#if defined(__SANITIZE_ADDRESS__)
#include <dlfcn.h>
extern "C" void __asan_init();
#endif

using namespace Qt::StringLiterals;

namespace AddCow
{

namespace
{

constexpr const char *PluginFileName = "nbdkit-addcow-plugin.so";
constexpr int PollMs = 20;

Error makeError(ErrorCode code, const QString &path, const QString &detail)
{
    Error error;
    error.code = code;
    error.path = path;
    error.detail = detail;
    return error;
}

// Quoted for a POSIX shell where needed: a URI's '?' and '&' must not reach the shell bare.
QString shellQuoted(const QString &word)
{
    static const QString plain = u"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-+./:=,@%"_s;
    const bool needsQuotes = word.isEmpty() || std::any_of(word.cbegin(), word.cend(), [](QChar c) {
        return !plain.contains(c);
    });
    if (!needsQuotes)
        return word;
    QString quoted = word;
    quoted.replace(u"'"_s, u"'\\''"_s);
    return u'\'' + quoted + u'\'';
}

// QEMU's option syntax: a comma inside a value is written twice.
QString qemuValue(const QString &value)
{
    QString escaped = value;
    return escaped.replace(u","_s, u",,"_s);
}

// A Unix socket someone may have left behind: live (someone listens), stale, or not a socket.
enum class SocketState { Absent, Live, Stale, NotASocket };

SocketState socketState(const QString &path)
{
    const QByteArray name = QFile::encodeName(path);
    struct stat status;
    if (::lstat(name.constData(), &status) != 0)
        return SocketState::Absent;
    if (!S_ISSOCK(status.st_mode))
        return SocketState::NotASocket;
    const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return SocketState::Live; // cannot tell: leave it alone
    sockaddr_un address = {};
    address.sun_family = AF_UNIX;
    std::memcpy(address.sun_path, name.constData(), std::min<size_t>(size_t(name.size()), sizeof address.sun_path - 1));
    const int rc = ::connect(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address);
    const int connectErrno = errno;
    ::close(fd);
    if (rc == 0)
        return SocketState::Live;
    return connectErrno == ECONNREFUSED ? SocketState::Stale : SocketState::Live;
}

} // namespace

QString NbdExport::logTail(const QString &path)
{
    constexpr qsizetype Lines = 5;
    QFile file(path);
    QStringList lines;
    if (!path.isEmpty() && file.open(QIODevice::ReadOnly))
        lines = QString::fromLocal8Bit(file.readAll()).split(u'\n', Qt::SkipEmptyParts);
    if (lines.isEmpty())
        return u"(its log is empty)"_s; // never a bare ": " at the end of the message
    return lines.mid(std::max<qsizetype>(0, lines.size() - Lines)).join(u'\n');
}

Result<QString> NbdExport::findNbdkit()
{
    const QString path = QStandardPaths::findExecutable(u"nbdkit"_s);
    if (path.isEmpty())
        return Error::fromCode(u"nbdkit"_s, FindingCode::NbdkitMissing, {FindingArgument::ofText(u"nbdkit"_s)});
    return path;
}

Result<QString> NbdExport::findPlugin(const QString &programDir)
{
    const QStringList candidates = {QDir(programDir).filePath(QLatin1StringView(PluginFileName)),
                                    QDir(QStringLiteral(ADDCOW_NBDKIT_PLUGINDIR)).filePath(QLatin1StringView(PluginFileName))};
    for (const QString &candidate : candidates) {
        if (QFileInfo(candidate).isFile())
            return candidate;
    }
    return Error::fromCode(candidates.last(), FindingCode::NbdkitPluginMissing,
                           {FindingArgument::ofPath(candidates.first()), FindingArgument::ofPath(candidates.last())});
}

QString NbdExport::defaultSocketPath(const QString &addCowPath)
{
    const QFileInfo image(addCowPath);
    const QString runtimeDir = qEnvironmentVariable("XDG_RUNTIME_DIR");
    if (!runtimeDir.isEmpty() && QFileInfo(runtimeDir).isDir() && QFileInfo(runtimeDir).isWritable())
        return QDir(runtimeDir).filePath(u"addcow-%1.sock"_s.arg(image.completeBaseName()));
    return image.absoluteDir().filePath(image.completeBaseName() + u".sock"_s);
}

NbdExport::NbdExport(ExportOptions options)
    : m_options(std::move(options))
{
    m_options.addCowPath = QFileInfo(m_options.addCowPath).absoluteFilePath();
    if (m_options.port == 0 && m_options.socketPath.isEmpty())
        m_options.socketPath = defaultSocketPath(m_options.addCowPath);
    if (!m_options.socketPath.isEmpty())
        m_options.socketPath = QFileInfo(m_options.socketPath).absoluteFilePath();
}

NbdExport::~NbdExport()
{
    stop();
    if (!m_pidFile.isEmpty()) {
        QFile::remove(m_pidFile);
        QDir().rmdir(QFileInfo(m_pidFile).absolutePath());
    }
}

QString NbdExport::socketPath() const
{
    return m_options.port == 0 ? m_options.socketPath : QString();
}

QString NbdExport::tcpHost() const
{
    const QString address = m_options.bindAddress;
    if (address.isEmpty())
        return u"127.0.0.1"_s;
    if (address == u"0.0.0.0" || address == u"::")
        return QSysInfo::machineHostName(); // listening everywhere: clients use this machine's name
    return address.contains(u':') ? u'[' + address + u']' : address;
}

QStringList NbdExport::nbdkitArguments(const QString &pluginPath) const
{
    // Foreground, so that stop() is a signal to this very process; it exits with its parent too.
    QStringList arguments = {u"--foreground"_s, u"--exit-with-parent"_s, u"--pidfile"_s, m_pidFile};
    if (m_options.port != 0) {
        arguments << u"--port"_s << QString::number(m_options.port);
        arguments << u"--ipaddr"_s << (m_options.bindAddress.isEmpty() ? u"127.0.0.1"_s : m_options.bindAddress);
    } else {
        arguments << u"--unix"_s << m_options.socketPath;
    }
    if (!m_options.tlsCertificatesDir.isEmpty())
        arguments << u"--tls=require"_s << u"--tls-certificates=%1"_s.arg(QFileInfo(m_options.tlsCertificatesDir).absoluteFilePath());
    if (m_options.readOnly)
        arguments << u"--readonly"_s;
    arguments << pluginPath << u"file=%1"_s.arg(m_options.addCowPath);
    if (m_options.readOnly)
        arguments << u"readonly=true"_s;
    return arguments;
}

Result<void> NbdExport::start(const QString &nbdkitPath, const QString &pluginPath, const QString &logPath, int timeoutMs)
{
    if (m_pid > 0)
        return makeError(ErrorCode::InvalidArgument, m_options.addCowPath, u"the export is already running"_s);

    if (const QString path = socketPath(); !path.isEmpty()) {
        if (QFile::encodeName(path).size() >= qsizetype(sizeof(sockaddr_un::sun_path)))
            return makeError(ErrorCode::InvalidArgument, path, u"the socket path is too long for a Unix socket; choose a shorter one with --socket"_s);
        switch (socketState(path)) {
        case SocketState::Absent:
            break;
        case SocketState::Live:
            return makeError(ErrorCode::Busy, path, u"a server already listens on this socket"_s);
        case SocketState::Stale:
            QFile::remove(path); // left by a server that was killed
            break;
        case SocketState::NotASocket:
            return makeError(ErrorCode::AlreadyExists, path, u"exists and is not a socket; choose another with --socket"_s);
        }
    }

    // nbdkit writes its pid file once it listens: that is the moment clients can connect.
    QByteArray runDir = QFile::encodeName(QDir::tempPath() + u"/addcow-serve-XXXXXX"_s);
    if (!::mkdtemp(runDir.data()))
        return Error::fromErrno(QFile::decodeName(runDir), u"cannot make a directory for nbdkit's pid file"_s);
    m_pidFile = QFile::decodeName(runDir) + u"/nbdkit.pid"_s;

    const QStringList arguments = QStringList{nbdkitPath} + nbdkitArguments(pluginPath);
    std::vector<QByteArray> encoded;
    for (const QString &argument : arguments)
        encoded.push_back(QFile::encodeName(argument));
    std::vector<char *> argv;
    for (QByteArray &argument : encoded)
        argv.push_back(argument.data());
    argv.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    const QByteArray logName = QFile::encodeName(logPath);
    if (!logPath.isEmpty())
        posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, logName.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    // Its own process group: Ctrl-C in a terminal reaches the caller, which stops nbdkit in order.
    // Signals are unblocked and default, whatever the caller did with its own.
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
    posix_spawnattr_setpgroup(&attributes, 0);
    sigset_t none;
    sigemptyset(&none);
    posix_spawnattr_setsigmask(&attributes, &none);
    sigset_t defaults;
    sigemptyset(&defaults);
    for (const int signalNumber : {SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGCHLD})
        sigaddset(&defaults, signalNumber);
    posix_spawnattr_setsigdefault(&attributes, &defaults);
    std::vector<QByteArray> environment;
#if defined(__SANITIZE_ADDRESS__)
    // Sanitizer builds (scripts/sanitize.sh): the plugin needs the ASan runtime loaded first in
    // nbdkit, which is not built with it; nbdkit's own exit-time allocations are not ours to check.
    Dl_info asan;
    if (::dladdr(reinterpret_cast<void *>(&__asan_init), &asan) != 0 && asan.dli_fname && std::strstr(asan.dli_fname, "libasan")) {
        environment.push_back(QByteArray("LD_PRELOAD=") + asan.dli_fname);
        environment.push_back(QByteArray("ASAN_OPTIONS=detect_leaks=0:halt_on_error=1:abort_on_error=1"));
    }
#endif
    for (char **variable = environ; *variable; ++variable)
        environment.emplace_back(*variable); // later duplicates of a name are ignored
    std::vector<char *> envp;
    for (QByteArray &variable : environment)
        envp.push_back(variable.data());
    envp.push_back(nullptr);
    pid_t pid = -1;
    const int spawned = ::posix_spawn(&pid, argv.front(), &actions, &attributes, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
    if (spawned != 0) {
        errno = spawned;
        return Error::fromErrno(nbdkitPath, u"cannot start nbdkit"_s);
    }
    m_pid = pid;
    m_exitDescription.clear();
    m_exitedCleanly = false;

    for (int waited = 0;; waited += PollMs) {
        if (QFileInfo(m_pidFile).size() > 0)
            return {};
        if (!isRunning()) {
            return Error::fromCode(m_options.addCowPath, FindingCode::ServerStoppedBeforeReady,
                                   {FindingArgument::ofText(m_exitDescription), FindingArgument::ofText(logTail(logPath))});
        }
        if (waited >= timeoutMs) {
            stop(2000);
            return Error::fromCode(m_options.addCowPath, FindingCode::ServerNotReady, {FindingArgument::ofNumber(quint64(timeoutMs / 1000))});
        }
        QThread::msleep(PollMs);
    }
}

bool NbdExport::reap(int options)
{
    if (m_pid <= 0)
        return true;
    int status = 0;
    pid_t got;
    do {
        got = ::waitpid(m_pid, &status, options);
    } while (got < 0 && errno == EINTR);
    if (got == 0)
        return false;
    // nbdkit leaves its Unix socket behind; it was ours (start() found none or a stale one).
    if (const QString path = socketPath(); !path.isEmpty() && socketState(path) == SocketState::Stale)
        QFile::remove(path);
    if (got < 0) {
        m_exitDescription = u"lost: %1"_s.arg(QString::fromLocal8Bit(std::strerror(errno)));
    } else if (WIFEXITED(status)) {
        m_exitDescription = u"exit code %1"_s.arg(WEXITSTATUS(status));
        m_exitedCleanly = WEXITSTATUS(status) == 0;
    } else if (WIFSIGNALED(status)) {
        m_exitDescription = u"killed by signal %1"_s.arg(WTERMSIG(status));
    }
    m_pid = -1;
    return true;
}

bool NbdExport::isRunning()
{
    return m_pid > 0 && !reap(WNOHANG);
}

bool NbdExport::waitForExit(int timeoutMs)
{
    for (int waited = 0; isRunning(); waited += PollMs) {
        if (waited >= timeoutMs)
            return false;
        QThread::msleep(PollMs);
    }
    return true;
}

bool NbdExport::stop(int timeoutMs)
{
    if (!isRunning())
        return m_exitedCleanly;
    // nbdkit ends its connections, then the plugin flushes and closes the image (its locks go).
    ::kill(m_pid, SIGTERM);
    if (!waitForExit(timeoutMs)) {
        ::kill(m_pid, SIGKILL);
        reap(0);
        m_exitDescription = u"killed after %1 seconds without stopping"_s.arg(timeoutMs / 1000);
        m_exitedCleanly = false;
    }
    return m_exitedCleanly;
}

QString NbdExport::uri() const
{
    const bool tls = !m_options.tlsCertificatesDir.isEmpty();
    if (m_options.port != 0)
        return u"%1://%2:%3"_s.arg(tls ? u"nbds"_s : u"nbd"_s, tcpHost()).arg(m_options.port);
    return u"%1:///?socket=%2"_s.arg(tls ? u"nbds+unix"_s : u"nbd+unix"_s, QString::fromLatin1(QUrl::toPercentEncoding(m_options.socketPath, "/")));
}

QList<ClientCommand> NbdExport::clientCommands() const
{
    const QString address = uri();
    if (m_options.tlsCertificatesDir.isEmpty()) {
        return {
            {u"qemu-system-x86_64"_s, u"qemu-system-x86_64 -drive %1"_s.arg(shellQuoted(u"file=%1,format=raw,if=virtio"_s.arg(qemuValue(address))))},
            {u"qemu-img"_s, u"qemu-img info %1"_s.arg(shellQuoted(address))},
            {u"nbdinfo"_s, u"nbdinfo --map %1"_s.arg(shellQuoted(address))},
        };
    }
    // QEMU takes TLS credentials as an object; the client needs the CA certificate of DIR.
    const QString directory = QFileInfo(m_options.tlsCertificatesDir).absoluteFilePath();
    const QString credentials = u"tls-creds-x509,id=tls0,endpoint=client,dir=%1"_s.arg(qemuValue(directory));
    // Over a Unix socket QEMU has no host name to check the certificate against: the server is
    // this machine, "localhost".
    QStringList server = m_options.port != 0
        ? QStringList{u"server.type=inet"_s, u"server.host=%1"_s.arg(qemuValue(tcpHost())), u"server.port=%1"_s.arg(m_options.port)}
        : QStringList{u"server.type=unix"_s, u"server.path=%1"_s.arg(qemuValue(m_options.socketPath)), u"tls-hostname=localhost"_s};
    server << u"tls-creds=tls0"_s;
    QStringList drive = {u"driver=raw"_s, u"file.driver=nbd"_s};
    for (const QString &option : std::as_const(server))
        drive << u"file."_s + option;
    drive << u"if=virtio"_s;
    return {
        {u"qemu-system-x86_64"_s, u"qemu-system-x86_64 -object %1 -drive %2"_s.arg(shellQuoted(credentials), shellQuoted(drive.join(u',')))},
        {u"qemu-img"_s, u"qemu-img info --object %1 --image-opts %2"_s.arg(shellQuoted(credentials), shellQuoted(u"driver=nbd,"_s + server.join(u',')))},
        {u"nbdinfo"_s, u"nbdinfo --map %1"_s.arg(shellQuoted(address + (address.contains(u'?') ? u"&"_s : u"?"_s) + u"tls-certificates="_s + directory))},
    };
}

} // namespace AddCow
