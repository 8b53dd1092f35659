// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "nbdserverprocess.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

extern char **environ;

using namespace Qt::StringLiterals;

namespace AddCow
{

namespace
{

constexpr int ListenFd = 3; // systemd socket activation: the first passed fd is 3
constexpr qint64 MaxErrorOutputBytes = 64 * 1024;

Error systemError(const QString &what)
{
    return Error::fromErrno(QString(), what);
}

// Moves fd to a number above the ones the child rearranges (0-3), keeping it close-on-exec.
int moveAbove(int fd)
{
    if (fd < 0 || fd > ListenFd)
        return fd;
    const int moved = ::fcntl(fd, F_DUPFD_CLOEXEC, ListenFd + 1);
    ::close(fd);
    return moved;
}

struct Fd {
    int fd = -1;
    ~Fd()
    {
        if (fd >= 0)
            ::close(fd);
    }
    int release()
    {
        const int released = fd;
        fd = -1;
        return released;
    }
};

} // namespace

Result<std::unique_ptr<NbdServerProcess>> NbdServerProcess::start(const QString &program, const QString &openedName)
{
    std::unique_ptr<NbdServerProcess> server(new NbdServerProcess);
    // Its stderr goes to memory: a pipe nobody reads could fill up and stall it.
    server->m_errorFd = moveAbove(::memfd_create("qemu-nbd-stderr", MFD_CLOEXEC));
    if (server->m_errorFd < 0)
        return systemError(u"cannot create a buffer for qemu-nbd's messages"_s);
    Fd devNull{moveAbove(::open("/dev/null", O_RDWR | O_CLOEXEC))};
    if (devNull.fd < 0)
        return systemError(u"cannot open /dev/null"_s);

    // A listening socket in a directory only we can enter; we connect before qemu-nbd runs.
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    QByteArray directory = QFile::encodeName(QDir::tempPath()) + "/addcow-nbd-XXXXXX";
    if (quint64(directory.size()) + 3 > sizeof(address.sun_path))
        directory = "/tmp/addcow-nbd-XXXXXX";
    if (!::mkdtemp(directory.data()))
        return systemError(u"cannot create a private directory for qemu-nbd's socket in %1"_s.arg(QFile::decodeName(directory)));
    const QByteArray socketPath = directory + "/s";
    std::memcpy(address.sun_path, socketPath.constData(), size_t(socketPath.size()) + 1);
    Fd listener{moveAbove(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0))};
    Fd client{::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0)};
    bool connected = listener.fd >= 0 && client.fd >= 0 && ::bind(listener.fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0
        && ::listen(listener.fd, 1) == 0;
    while (connected && ::connect(client.fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0) {
        if (errno != EINTR)
            connected = false;
    }
    const int savedErrno = errno;
    // The name is no longer needed: the connection exists, and nobody else can make another.
    ::unlink(socketPath.constData());
    ::rmdir(directory.constData());
    if (!connected) {
        errno = savedErrno;
        return systemError(u"cannot make the socket for qemu-nbd"_s);
    }

    // Everything the child needs is prepared here: between fork and exec only async-signal-safe calls.
    const QByteArray programBytes = QFile::encodeName(program);
    const QByteArray nameBytes = openedName.toUtf8();
    std::vector<const char *> argv = {programBytes.constData(), "--read-only", "--shared=1", nameBytes.constData(), nullptr};
    char listenPid[32] = "LISTEN_PID=";
    const size_t listenPidDigits = std::strlen(listenPid);
    // qemu-nbd allocates a buffer for every read request; glibc would map each one fresh and give
    // it back after the reply, so the server spent most of its time faulting in and clearing
    // pages (commit over a 1 GiB qcow2: 3.2 s in qemu-nbd's kernel time to serve 512 MiB). Kept
    // in the heap, the buffers are reused; in 2 MiB pages where the system offers them (hugetlb=1
    // asks for transparent huge pages), the heap's first use costs a few faults instead of about
    // ten thousand (commit over a 1 GiB qcow2: 15000 page faults in all, 3000 with it). The
    // caller's own tunables come after ours: theirs win.
    QByteArray tunables = "GLIBC_TUNABLES=glibc.malloc.mmap_threshold=67108864:glibc.malloc.trim_threshold=268435456:glibc.malloc.hugetlb=1";
    std::vector<const char *> envp;
    for (char **variable = environ; *variable; ++variable) {
        if (std::strncmp(*variable, "GLIBC_TUNABLES=", 15) == 0)
            tunables += ':' + QByteArray(*variable + 15);
        else if (std::strncmp(*variable, "LISTEN_", 7) != 0)
            envp.push_back(*variable);
    }
    envp.push_back(tunables.constData());
    envp.push_back("LISTEN_FDS=1");
    envp.push_back(listenPid);
    envp.push_back(nullptr);
    sigset_t noSignals;
    sigemptyset(&noSignals);

    const pid_t pid = ::fork();
    if (pid < 0)
        return systemError(u"cannot start %1"_s.arg(program));
    if (pid == 0) {
        ::pthread_sigmask(SIG_SETMASK, &noSignals, nullptr);
        ::setpgid(0, 0);
        // LISTEN_PID must be the pid of the process that runs qemu-nbd.
        char digits[20];
        int count = 0;
        for (pid_t self = ::getpid(); self > 0; self /= 10)
            digits[count++] = char('0' + self % 10);
        for (int i = 0; i < count; ++i)
            listenPid[listenPidDigits + size_t(i)] = digits[count - 1 - i];
        listenPid[listenPidDigits + size_t(count)] = '\0';
        if (::dup2(devNull.fd, 0) < 0 || ::dup2(devNull.fd, 1) < 0 || ::dup2(server->m_errorFd, 2) < 0 || ::dup2(listener.fd, ListenFd) < 0)
            ::_exit(126);
        ::syscall(SYS_close_range, ListenFd + 1, ~0U, 0);
        ::execve(argv[0], const_cast<char *const *>(argv.data()), const_cast<char *const *>(envp.data()));
        static constexpr char message[] = "cannot run the program\n";
        [[maybe_unused]] const ssize_t written = ::write(2, message, sizeof message - 1);
        ::_exit(127);
    }
    server->m_pid = pid;
    server->m_clientSocket = client.release();
    return server;
}

NbdServerProcess::~NbdServerProcess()
{
    if (m_clientSocket >= 0)
        ::close(m_clientSocket);
    stop();
    if (m_errorFd >= 0)
        ::close(m_errorFd);
}

int NbdServerProcess::takeClientSocket()
{
    const int fd = m_clientSocket;
    m_clientSocket = -1;
    return fd;
}

bool NbdServerProcess::hasExited()
{
    if (m_exited || m_pid <= 0)
        return true;
    int status = 0;
    const pid_t reaped = ::waitpid(m_pid, &status, WNOHANG);
    if (reaped == m_pid || (reaped < 0 && errno == ECHILD)) {
        m_exited = true;
        m_status = reaped == m_pid ? status : 0;
    }
    return m_exited;
}

QString NbdServerProcess::exitDescription() const
{
    if (!m_exited)
        return {};
    if (WIFSIGNALED(m_status))
        return u"was killed by signal %1 (%2)"_s.arg(WTERMSIG(m_status)).arg(QString::fromLocal8Bit(::strsignal(WTERMSIG(m_status))));
    return u"exited with status %1"_s.arg(WEXITSTATUS(m_status));
}

QByteArray NbdServerProcess::errorOutput() const
{
    struct stat status {};
    if (m_errorFd < 0 || ::fstat(m_errorFd, &status) != 0)
        return {};
    const qint64 length = std::min<qint64>(status.st_size, MaxErrorOutputBytes);
    QByteArray bytes(length, Qt::Uninitialized);
    const ssize_t got = ::pread(m_errorFd, bytes.data(), size_t(length), status.st_size - length);
    bytes.resize(got > 0 ? got : 0);
    return bytes;
}

bool NbdServerProcess::waitForExit(int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!hasExited()) {
        if (deadline.hasExpired())
            return false;
        const timespec pause{0, 2 * 1000 * 1000};
        ::nanosleep(&pause, nullptr);
    }
    return true;
}

void NbdServerProcess::stop(int timeoutMs)
{
    if (hasExited())
        return;
    ::kill(m_pid, SIGTERM);
    if (!waitForExit(timeoutMs))
        kill();
}

void NbdServerProcess::kill()
{
    if (hasExited())
        return;
    ::kill(m_pid, SIGKILL);
    // Bounded: a process stuck in the kernel (a hung network file system) cannot be reaped at once.
    waitForExit(2000);
}

} // namespace AddCow
