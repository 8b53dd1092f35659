// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later

// nbdkit killed with SIGKILL at many points, with writes and flushes in flight (R21): afterwards
// 'addcow check' is clean, every flushed write reads back, and every byte an unflushed write
// touched reads its old or a new value, never the image file's garbage.

#include "servetestutil.h"

#include <QStandardPaths>
#include <QTest>
#include <QThread>

#include <csignal>
#include <libnbd.h>
#include <sys/wait.h>

using namespace AddCow;
using namespace ServeTest;

namespace
{

struct Write {
    quint64 offset;
    QByteArray data; ///< empty: write zeroes of length bytes
    quint64 length;
};

Write randomWrite(QRandomGenerator &random, quint64 virtualSize)
{
    Write write;
    // Half of them inside one cluster, the others across up to three.
    const quint64 maxLength = random.bounded(2) ? C / 2 : 3 * C;
    write.offset = random.bounded(virtualSize);
    write.length = std::min<quint64>(virtualSize - write.offset, random.bounded(maxLength) + 1);
    if (random.bounded(5) != 0)
        write.data = randomBytes(qsizetype(write.length), random);
    return write;
}

} // namespace

class CrashTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void killedAtManyPoints();
};

void CrashTest::initTestCase()
{
    if (QStandardPaths::findExecutable(u"nbdkit"_s).isEmpty())
        QFAIL("nbdkit is needed (Debian: nbdkit; scripts/quickstart.sh installs it)");
}

void CrashTest::killedAtManyPoints()
{
    constexpr quint64 VirtualSize = 32 * C + 999;
    Disk disk(VirtualSize, qint64(26 * C + 5));
    QVERIFY(disk.made);
    QRandomGenerator random(4242);
    QByteArray durable = disk.model; // what every flush so far promises

    for (int round = 0; round < 12; ++round) {
        const QString where = u"round %1"_s.arg(round);
        QString error;
        auto server = serve(disk, false, &error);
        QVERIFY2(server, qPrintable(where + u": "_s + error + QString::fromLocal8Bit(readFile(disk.log()))));
        nbd_handle *nbd = nbd_create();
        QVERIFY(nbd);
        QVERIFY2(nbd_connect_uri(nbd, server->uri().toUtf8().constData()) != -1, nbd_get_error());

        // Flushed writes: durable from here on.
        for (int i = 0; i < 6; ++i) {
            const Write write = randomWrite(random, VirtualSize);
            const int rc = write.data.isEmpty() ? nbd_zero(nbd, write.length, write.offset, 0)
                                                : nbd_pwrite(nbd, write.data.constData(), write.length, write.offset, 0);
            QVERIFY2(rc == 0, nbd_get_error());
            durable.replace(qsizetype(write.offset), qsizetype(write.length), write.data.isEmpty() ? QByteArray(qsizetype(write.length), '\0') : write.data);
        }
        QCOMPARE(nbd_flush(nbd, 0), 0);

        // Then writes and a flush in flight, and the kill after a random pause: before, while
        // or after the server handles them.
        std::vector<Write> pending;
        for (int i = 0; i < 8; ++i) {
            pending.push_back(randomWrite(random, VirtualSize));
            const Write &write = pending.back();
            const int64_t cookie = write.data.isEmpty() ? nbd_aio_zero(nbd, write.length, write.offset, NBD_NULL_COMPLETION, 0)
                                                        : nbd_aio_pwrite(nbd, write.data.constData(), write.length, write.offset, NBD_NULL_COMPLETION, 0);
            QVERIFY(cookie != -1);
            if (i == 4)
                QVERIFY(nbd_aio_flush(nbd, NBD_NULL_COMPLETION, 0) != -1);
        }
        QThread::usleep(random.bounded(3000));
        ::kill(server->pid(), SIGKILL);
        server->waitForExit(10000);
        nbd_close(nbd);
        QVERIFY2(!server->exitedCleanly(), qPrintable(server->exitDescription()));

        // Clean, and every byte is what a flush promised, or what an unflushed write wrote.
        const Run check = addcow({u"check"_s, disk.addCow});
        QVERIFY2(check.exitCode == 0, qPrintable(where + u": "_s + QString::fromLocal8Bit(check.all())));
        const QByteArray now = disk.disk();
        QCOMPARE(now.size(), durable.size());
        for (qsizetype b = 0; b < now.size(); ++b) {
            if (now[b] == durable[b])
                continue;
            bool written = false;
            for (const Write &write : pending) {
                if (quint64(b) >= write.offset && quint64(b) < write.offset + write.length)
                    written = written || now[b] == (write.data.isEmpty() ? '\0' : write.data[qsizetype(quint64(b) - write.offset)]);
            }
            QVERIFY2(written, qPrintable(u"%1: byte %2 is %3, neither the flushed %4 nor an unflushed write's"_s.arg(where).arg(b).arg(int(uchar(now[b]))).arg(int(uchar(durable[b])))));
        }
        QVERIFY2(!now.contains(Unwritten) || durable.contains(Unwritten), qPrintable(where + u": the image file's garbage shows"_s));
        // What survived is the start of the next round.
        durable = now;
    }
}

QTEST_GUILESS_MAIN(CrashTest)

#include "crashtest.moc"
