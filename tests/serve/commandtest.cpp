// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later

// 'addcow serve' as a user runs it: the lines it prints work when pasted into a shell, 'ready'
// means clients can connect, Ctrl-C and SIGTERM stop it with everything flushed and the locks
// released.

#include "servetestutil.h"
#include "freeport.h"

#include "image.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>
#include <QThread>

#include <arpa/inet.h>
#include <csignal>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace AddCow;
using namespace ServeTest;

namespace
{

// addcow serve in the background, read until it says ready.
struct Server {
    QProcess process;
    QByteArray out;

    Server(const QStringList &arguments, const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
    {
        process.setProcessEnvironment(environment);
        process.setStandardInputFile(QProcess::nullDevice());
        process.start(QStringLiteral(ADDCOW_BINARY), QStringList{u"serve"_s} + arguments);
    }
    ~Server()
    {
        if (process.state() != QProcess::NotRunning) {
            process.kill();
            process.waitForFinished(10000);
        }
    }
    bool waitReady()
    {
        QElapsedTimer timer;
        timer.start();
        while (!out.contains("\nready\n") && timer.elapsed() < 60000) {
            if (process.state() == QProcess::NotRunning)
                break;
            process.waitForReadyRead(100);
            out += process.readAllStandardOutput();
        }
        return out.contains("\nready\n");
    }
    /** The command line printed after "program:". */
    QString line(const QString &program) const
    {
        const QRegularExpression pattern(u"^  "_s + QRegularExpression::escape(program) + u":\\s+(.+)$"_s, QRegularExpression::MultilineOption);
        return pattern.match(QString::fromUtf8(out)).captured(1);
    }
    int stop(int signalNumber)
    {
        ::kill(pid_t(process.processId()), signalNumber);
        if (!process.waitForFinished(60000))
            return -1;
        out += process.readAllStandardOutput();
        return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    }
};

Run shell(const QString &commandLine)
{
    return run(u"sh"_s, {u"-c"_s, commandLine});
}

} // namespace

class CommandTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void printedLinesWorkAndStopFlushes_data();
    void printedLinesWorkAndStopFlushes();
    void defaultSocket();
    void tcpListensOnLoopback();
    void readOnly();
    void tls();
    void nbdkitMissingNamesThePackage();
    void badImageNamesTheError();
};

void CommandTest::initTestCase()
{
    for (const char *program : {"nbdkit", "qemu-img", "qemu-io", "nbdinfo"}) {
        if (QStandardPaths::findExecutable(QLatin1StringView(program)).isEmpty())
            QFAIL(qPrintable(u"%1 is needed (scripts/quickstart.sh installs it)"_s.arg(QLatin1StringView(program))));
    }
}

void CommandTest::printedLinesWorkAndStopFlushes_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::newRow("Ctrl-C") << int(SIGINT);
    QTest::newRow("SIGTERM") << int(SIGTERM);
}

void CommandTest::printedLinesWorkAndStopFlushes()
{
    QFETCH(int, signalNumber);
    Disk disk(16 * C, qint64(16 * C));
    QVERIFY(disk.made);
    Server server({u"--socket"_s, disk.socket(), disk.addCow});
    QVERIFY2(server.waitReady(), server.out.constData());
    const QString uri = u"nbd+unix:///?socket=%1"_s.arg(disk.socket());
    QVERIFY2(server.out.contains(u"NBD URI:"_s.toUtf8()) && server.line(u"NBD URI"_s) == uri, server.out.constData());
    QCOMPARE(server.line(u"qemu-system-x86_64"_s), u"qemu-system-x86_64 -drive 'file=%1,format=raw,if=virtio'"_s.arg(uri));

    // Ready means ready: the printed lines work at once, pasted into a shell.
    const Run info = shell(server.line(u"qemu-img"_s));
    QVERIFY2(info.exitCode == 0 && info.out.contains("virtual size: 1 MiB (1048576 bytes)"), info.all().constData());
    const Run map = shell(server.line(u"nbdinfo"_s));
    QVERIFY2(map.exitCode == 0 && map.out.contains("data"), map.all().constData());
    // A client writes; the guest test boots QEMU with the printed -drive line.
    const Run write = qemuIo(uri, {u"write -P 0x5a 100000 70000"_s});
    QVERIFY2(write.exitCode == 0, write.all().constData());
    disk.write(100000, QByteArray(70000, 'Z'));

    // While it runs, the image is locked: commit is refused.
    QVERIFY(addcow({u"commit"_s, disk.addCow}).exitCode != 0);

    QCOMPARE(server.stop(signalNumber), 0);
    QVERIFY2(server.out.endsWith("stopped: everything is flushed and the locks are released\n"), server.out.constData());
    QVERIFY(!QFile::exists(disk.socket()));
    QVERIFY(Image::open(disk.addCow, Image::Access::ReadWrite).ok());
    QVERIFY(disk.disk() == disk.model);
}

void CommandTest::defaultSocket()
{
    Disk disk(2 * C, qint64(2 * C));
    QVERIFY(disk.made);
    QTemporaryDir runtime;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"XDG_RUNTIME_DIR"_s, runtime.path());
    {
        Server server({disk.addCow}, environment);
        QVERIFY2(server.waitReady(), server.out.constData());
        QCOMPARE(server.line(u"NBD URI"_s), u"nbd+unix:///?socket=%1/addcow-disk.sock"_s.arg(runtime.path()));
        QCOMPARE(server.stop(SIGTERM), 0);
    }
    // Without a runtime directory: beside the image.
    environment.remove(u"XDG_RUNTIME_DIR"_s);
    Server server({disk.addCow}, environment);
    QVERIFY2(server.waitReady(), server.out.constData());
    QCOMPARE(server.line(u"NBD URI"_s), u"nbd+unix:///?socket=%1"_s.arg(disk.dir.filePath(u"disk.sock"_s)));
    QCOMPARE(server.stop(SIGTERM), 0);
}

void CommandTest::tcpListensOnLoopback()
{
    Disk disk(2 * C, qint64(2 * C));
    QVERIFY(disk.made);
    const quint16 port = freePort();
    Server server({u"--port"_s, QString::number(port), disk.addCow});
    QVERIFY2(server.waitReady(), server.out.constData());
    QCOMPARE(server.line(u"NBD URI"_s), u"nbd://127.0.0.1:%1"_s.arg(port));
    const Run map = shell(server.line(u"nbdinfo"_s));
    QVERIFY2(map.exitCode == 0, map.all().constData());
    // Listening on 127.0.0.1 only: /proc/net/tcp lists it as 0100007F:PORT, state 0A (LISTEN).
    const QByteArray tcp = readFile(u"/proc/net/tcp"_s);
    QVERIFY(tcp.contains(u"0100007F:%1 00000000:0000 0A"_s.arg(port, 4, 16, QChar(u'0')).toUpper().toLatin1()));
    QVERIFY(!tcp.contains(u"00000000:%1 00000000:0000 0A"_s.arg(port, 4, 16, QChar(u'0')).toUpper().toLatin1()));
    QCOMPARE(server.stop(SIGINT), 0);
    // Usage errors.
    QCOMPARE(addcow({u"serve"_s, u"--bind"_s, u"0.0.0.0"_s, disk.addCow}).exitCode, 1);
    QCOMPARE(addcow({u"serve"_s, u"--port"_s, u"70000"_s, disk.addCow}).exitCode, 1);
}

void CommandTest::readOnly()
{
    Disk disk(2 * C, qint64(2 * C));
    QVERIFY(disk.made);
    Server server({u"--read-only"_s, u"--socket"_s, disk.socket(), disk.addCow});
    QVERIFY2(server.waitReady(), server.out.constData());
    QVERIFY(server.out.contains("Read-only"));
    const Run info = run(u"nbdinfo"_s, {server.line(u"NBD URI"_s)});
    QVERIFY2(info.out.contains("is_read_only: true"), info.all().constData());
    const Run write = qemuIo(server.line(u"NBD URI"_s), {u"write -P 1 0 512"_s});
    QVERIFY(write.exitCode != 0);
    QCOMPARE(server.stop(SIGTERM), 0);
    QVERIFY(disk.disk() == disk.model);
}

void CommandTest::tls()
{
#if defined(__SANITIZE_ADDRESS__)
    // With the ASan runtime preloaded into nbdkit (sanitize.sh), nbdkit never exits after TLS
    // connections: p11-kit's destructor waits in freelocale for the setlocale lock (seen with
    // gdb). That is nbdkit + gnutls + the preloaded runtime, not the plugin; the plain build runs this.
    QSKIP("nbdkit with the ASan runtime preloaded deadlocks at exit after TLS connections (p11-kit)");
#endif
    if (QStandardPaths::findExecutable(u"openssl"_s).isEmpty())
        QFAIL("openssl is needed to make test certificates");
    Disk disk(2 * C, qint64(2 * C));
    QVERIFY(disk.made);
    // A CA and a server certificate for localhost, as nbdkit wants them in one directory.
    const QString certificates = disk.dir.filePath(u"pki"_s);
    QVERIFY(QDir().mkpath(certificates));
    const QString ca = certificates + u"/ca"_s;
    const QStringList commands = {
        u"openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=test-ca -keyout %1-key.pem -out %1-cert.pem"_s.arg(ca),
        u"openssl req -newkey rsa:2048 -nodes -subj /CN=localhost -keyout %1/server-key.pem -out %1/server.csr"_s.arg(certificates),
        u"printf 'subjectAltName=DNS:localhost\\nextendedKeyUsage=serverAuth\\n' > %1/ext && openssl x509 -req -in %1/server.csr -CA %2-cert.pem -CAkey %2-key.pem -CAcreateserial -days 2 -extfile %1/ext -out %1/server-cert.pem"_s.arg(certificates, ca),
    };
    for (const QString &command : commands) {
        const Run made = shell(command);
        QVERIFY2(made.exitCode == 0, made.all().constData());
    }
    Server server({u"--tls-certificates"_s, certificates, u"--socket"_s, disk.socket(), disk.addCow});
    QVERIFY2(server.waitReady(), server.out.constData());
    QCOMPARE(server.line(u"NBD URI"_s), u"nbds+unix:///?socket=%1"_s.arg(disk.socket()));
    // Without TLS the server refuses; with the printed lines (the CA of DIR) it serves.
    QVERIFY(run(u"nbdinfo"_s, {u"nbd+unix:///?socket=%1"_s.arg(disk.socket())}).exitCode != 0);
    const Run map = shell(server.line(u"nbdinfo"_s));
    QVERIFY2(map.exitCode == 0, qPrintable(server.line(u"nbdinfo"_s) + u'\n' + QString::fromUtf8(map.all())));
    const Run info = shell(server.line(u"qemu-img"_s));
    QVERIFY2(info.exitCode == 0, qPrintable(server.line(u"qemu-img"_s) + u'\n' + QString::fromUtf8(info.all())));
    QCOMPARE(server.stop(SIGTERM), 0);
}

void CommandTest::nbdkitMissingNamesThePackage()
{
    Disk disk(2 * C, qint64(2 * C));
    QVERIFY(disk.made);
    QTemporaryDir emptyPath;
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"PATH"_s, emptyPath.path());
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(ADDCOW_BINARY), {u"serve"_s, disk.addCow});
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitCode(), 1);
    const QByteArray err = process.readAllStandardError();
    QVERIFY2(err.contains("nbdkit is not installed") && err.contains("'nbdkit'"), err.constData());
}

void CommandTest::badImageNamesTheError()
{
    Disk disk(2 * C, qint64(2 * C));
    QVERIFY(disk.made);
    QVERIFY(QFile::remove(disk.backing));
    const Result<Image> opened = Image::open(disk.addCow);
    QVERIFY(!opened.ok());
    const Run served = addcow({u"serve"_s, u"--socket"_s, disk.socket(), disk.addCow});
    QCOMPARE(served.exitCode, 1);
    QCOMPARE(QString::fromUtf8(served.err).trimmed(), u"addcow: "_s + opened.error().message());
    QVERIFY(served.out.isEmpty());
    QVERIFY(!QFile::exists(disk.socket()));
}

QTEST_GUILESS_MAIN(CommandTest)

#include "commandtest.moc"
