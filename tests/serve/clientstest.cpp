// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later

// The nbdkit addcow plugin with real NBD clients (qemu-io, qemu-img, nbdinfo, libnbd), no mocks:
// what they write is what 'addcow read' reads afterwards, byte for byte (R13-R15, R18, R21).

#include "servetestutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTest>

#include <libnbd.h>

using namespace AddCow;
using namespace ServeTest;

namespace
{

// A libnbd connection, closed when it goes.
struct Connection {
    nbd_handle *nbd = nbd_create();
    explicit Connection(const QString &uri, bool strict = true)
    {
        if (nbd && !strict)
            nbd_set_strict_mode(nbd, 0); // send what the server must refuse itself
        if (nbd && nbd_connect_uri(nbd, uri.toUtf8().constData()) == -1) {
            qWarning("nbd_connect_uri: %s", nbd_get_error());
            nbd_close(nbd);
            nbd = nullptr;
        }
    }
    ~Connection()
    {
        if (nbd)
            nbd_close(nbd);
    }
};

QByteArray bitmapOnDisk(const Disk &disk)
{
    return readFile(disk.addCow).mid(4096, qsizetype(bitmapBytesFor(clusterCountFor(disk.virtualSize))));
}

bool bitOnDisk(const Disk &disk, quint64 cluster)
{
    const QByteArray bits = bitmapOnDisk(disk);
    return (uchar(bits.at(qsizetype(cluster / 8))) >> (cluster % 8)) & 1;
}

} // namespace

class ClientsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void qemuIoWritesMatchTheModel();
    void qemuImgConvertEqualsAddcowRead();
    void nbdinfoMapAgreesWithAddcowMap();
    void flushOnOneConnectionCoversAnother();
    void parallelWritersIntoOneCleanCluster();
    void badRequestsWriteNothing();
    void readOnlyExportRefusesWrites();
    void qcow2BackingFile();
};

void ClientsTest::initTestCase()
{
    for (const char *program : {"nbdkit", "qemu-io", "qemu-img", "nbdinfo"}) {
        if (QStandardPaths::findExecutable(QLatin1StringView(program)).isEmpty())
            QFAIL(qPrintable(u"%1 is needed (Debian: nbdkit, qemu-utils, libnbd-bin; scripts/quickstart.sh installs them)"_s.arg(QLatin1StringView(program))));
    }
}

void ClientsTest::qemuIoWritesMatchTheModel()
{
    // 40 clusters, the backing file ends inside cluster 30, the disk inside cluster 39.
    Disk disk(39 * C + 4000, qint64(30 * C + 123));
    QVERIFY(disk.made);
    QString error;
    auto server = serve(disk, false, &error);
    QVERIFY2(server, qPrintable(error + u'\n' + QString::fromLocal8Bit(readFile(disk.log()))));

    QStringList commands;
    const auto write = [&](quint64 offset, quint64 length, int pattern, const QString &flags = {}) {
        commands << u"write %1 -P %2 %3 %4"_s.arg(flags).arg(pattern).arg(offset).arg(length);
        disk.write(offset, QByteArray(qsizetype(length), char(pattern)));
    };
    const auto zero = [&](quint64 offset, quint64 length, const QString &flags) {
        commands << u"write -z %1 %2 %3"_s.arg(flags).arg(offset).arg(length);
        disk.zero(offset, length);
    };
    write(0, C, 0x41);                    // R18 aligned, a whole clean cluster
    write(2 * C + 512, 4096, 0x42);       // R18 inside a clean cluster: copy-on-write around it
    write(5 * C - 1000, 3 * C, 0x43);     // R18 unaligned, across four clusters
    write(2 * C + 100, 50, 0x44);         // rewrite in place in an allocated cluster
    write(10 * C + 7, 1, 0x45, u"-f"_s);  // R21 FUA
    zero(12 * C, 3 * C, u"-u"_s);         // write-zeroes of whole clean clusters, holes allowed
    zero(16 * C + 300, C, QString());     // write-zeroes with copy-on-write at both ends
    zero(0, 100, QString());              // write-zeroes in place
    write(30 * C - 10, 20, 0x46);         // across the backing file's end
    write(39 * C, 4000, 0x47);            // the partial last cluster, to the end (R15)
    commands << u"flush"_s;
    const Run io = qemuIo(server->uri(), commands);
    QVERIFY2(io.exitCode == 0 && !io.out.contains("error") && !io.err.contains("error"), io.all().constData());

    // Read back through NBD, in pieces that start and end anywhere.
    {
        Connection reader(server->uri());
        QVERIFY(reader.nbd);
        QByteArray served(qsizetype(disk.virtualSize), '\0');
        for (quint64 offset = 0; offset < disk.virtualSize;) {
            const quint64 length = std::min<quint64>(3 * C + 1234, disk.virtualSize - offset);
            QCOMPARE(nbd_pread(reader.nbd, served.data() + offset, length, offset, 0), 0);
            offset += length;
        }
        QVERIFY(served == disk.model);
    }

    QVERIFY(server->stop());
    QCOMPARE(disk.disk().size(), disk.model.size());
    QVERIFY(disk.disk() == disk.model);
    const Run check = addcow({u"check"_s, disk.addCow});
    QVERIFY2(check.exitCode == 0, check.all().constData());
    // Whole clean clusters zeroed with holes allowed: holes in the image file, never backing reads.
    QCOMPARE(readFile(disk.image).mid(qsizetype(12 * C), qsizetype(3 * C)), QByteArray(qsizetype(3 * C), '\0'));
}

void ClientsTest::qemuImgConvertEqualsAddcowRead()
{
    Disk disk(24 * C + 777, qint64(20 * C));
    QVERIFY(disk.made);
    QString error;
    auto server = serve(disk, false, &error);
    QVERIFY2(server, qPrintable(error));
    const Run io = qemuIo(server->uri(), {u"write -P 0x61 100000 300000"_s, u"write -z 20000 1000"_s, u"write -P 0x62 1500000 9"_s});
    QVERIFY2(io.exitCode == 0, io.all().constData());
    disk.write(100000, QByteArray(300000, 'a'));
    disk.zero(20000, 1000);
    disk.write(1500000, QByteArray(9, 'b'));

    const QString converted = disk.dir.filePath(u"converted.raw"_s);
    const Run convert = run(u"qemu-img"_s, {u"convert"_s, u"-f"_s, u"raw"_s, u"-O"_s, u"raw"_s, server->uri(), converted});
    QVERIFY2(convert.exitCode == 0, convert.err.constData());
    QVERIFY(server->stop());
    const QByteArray read = disk.disk();
    QVERIFY(read == disk.model);
    // QEMU sees whole 512-byte sectors: the last one is padded with zeros past the disk's end.
    const QByteArray sectorPadding((512 - read.size() % 512) % 512, '\0');
    QVERIFY(readFile(converted) == read + sectorPadding);
}

void ClientsTest::nbdinfoMapAgreesWithAddcowMap()
{
    // Clusters 0-1 allocated with data, 4 allocated then zeroed to a hole, 6 allocated; the
    // backing file ends at cluster 8 of 12.
    Disk disk(12 * C, qint64(8 * C));
    QVERIFY(disk.made);
    QString error;
    auto server = serve(disk, false, &error);
    QVERIFY2(server, qPrintable(error));
    const Run io = qemuIo(server->uri(), {u"write -P 1 0 131072"_s, u"write -z -u 262144 65536"_s, u"write -P 2 393216 65536"_s, u"flush"_s});
    QVERIFY2(io.exitCode == 0, io.all().constData());

    const Run nbdinfo = run(u"nbdinfo"_s, {u"--map"_s, u"--json"_s, server->uri()});
    QVERIFY2(nbdinfo.exitCode == 0, nbdinfo.err.constData());
    const Run map = addcow({u"map"_s, u"--output=json"_s, disk.addCow});
    QVERIFY2(map.exitCode == 0, map.err.constData());

    // nbdinfo: hole/zero where addcow map says zero (past the backing file's end) and where the
    // image file has a hole; data everywhere else.
    struct Range {
        quint64 start;
        quint64 length;
        bool zero;
    };
    QList<Range> expected;
    const auto add = [&expected](quint64 start, quint64 length, bool zero) {
        if (!expected.isEmpty() && expected.last().zero == zero)
            expected.last().length += length;
        else
            expected.append({start, length, zero});
    };
    for (const QJsonValue &value : QJsonDocument::fromJson(map.out).array()) {
        const QJsonObject run = value.toObject();
        const quint64 start = quint64(run[u"start"_s].toInteger());
        const quint64 length = quint64(run[u"length"_s].toInteger());
        const QString source = run[u"source"_s].toString();
        for (quint64 c = start / C; c < (start + length) / C; ++c)
            add(c * C, C, source == u"zero" || (source == u"image" && c == 4));
    }
    QList<Range> reported;
    for (const QJsonValue &value : QJsonDocument::fromJson(nbdinfo.out).array()) {
        const QJsonObject extent = value.toObject();
        const bool zero = extent[u"type"_s].toInt() != 0;
        QCOMPARE(extent[u"type"_s].toInt() == 3 || extent[u"type"_s].toInt() == 0, true); // hole+zero or data
        reported.append({quint64(extent[u"offset"_s].toInteger()), quint64(extent[u"length"_s].toInteger()), zero});
    }
    QCOMPARE(reported.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        QCOMPARE(reported[i].start, expected[i].start);
        QCOMPARE(reported[i].length, expected[i].length);
        QCOMPARE(reported[i].zero, expected[i].zero);
    }
}

void ClientsTest::flushOnOneConnectionCoversAnother()
{
    // can_multi_conn is advertised: a flush on any connection covers every connection's writes.
    Disk disk(8 * C, qint64(8 * C));
    QVERIFY(disk.made);
    QString error;
    auto server = serve(disk, false, &error);
    QVERIFY2(server, qPrintable(error));
    Connection writer(server->uri());
    Connection flusher(server->uri());
    QVERIFY(writer.nbd && flusher.nbd);
    QCOMPARE(nbd_can_multi_conn(writer.nbd), 1);
    const QByteArray data(1000, 'm');
    QCOMPARE(nbd_pwrite(writer.nbd, data.constData(), size_t(data.size()), 3 * C + 5, 0), 0);
    QVERIFY(!bitOnDisk(disk, 3)); // write-back: acknowledged, its bit not on disk yet
    QCOMPARE(nbd_flush(flusher.nbd, 0), 0);
    QVERIFY(bitOnDisk(disk, 3));
    // FUA: the bit is on disk when the write returns.
    QCOMPARE(nbd_pwrite(writer.nbd, data.constData(), size_t(data.size()), 6 * C + 5, LIBNBD_CMD_FLAG_FUA), 0);
    QVERIFY(bitOnDisk(disk, 6));
}

void ClientsTest::parallelWritersIntoOneCleanCluster()
{
    // R21: several connections and many requests in flight write different parts of the same
    // clean clusters at once; none of the copy-on-write fills overwrites another's bytes.
    constexpr quint64 Clusters = 512;
    constexpr int Writers = 4;
    constexpr quint64 Part = C / Writers;
    Disk disk(Clusters * C, qint64(Clusters * C));
    QVERIFY(disk.made);
    QString error;
    auto server = serve(disk, false, &error);
    QVERIFY2(server, qPrintable(error));

    std::vector<std::unique_ptr<Connection>> connections;
    for (int w = 0; w < Writers; ++w) {
        connections.push_back(std::make_unique<Connection>(server->uri()));
        QVERIFY(connections.back()->nbd);
    }
    // Every connection queues a write into its quarter of every cluster, then all run at once.
    std::vector<QByteArray> buffers;
    for (quint64 c = 0; c < Clusters; ++c) {
        for (int w = 0; w < Writers; ++w) {
            const quint64 offset = c * C + quint64(w) * Part + 1;
            buffers.emplace_back(qsizetype(Part - 2), char('A' + w));
            QVERIFY(nbd_aio_pwrite(connections[size_t(w)]->nbd, buffers.back().constData(), size_t(buffers.back().size()), offset,
                                   NBD_NULL_COMPLETION, 0)
                    != -1);
            disk.write(offset, buffers.back());
        }
    }
    for (const auto &connection : connections) {
        while (nbd_aio_in_flight(connection->nbd) > 0)
            QVERIFY(nbd_poll(connection->nbd, -1) != -1);
        QCOMPARE(nbd_flush(connection->nbd, 0), 0);
    }
    connections.clear();
    QVERIFY(server->stop());
    QVERIFY(disk.disk() == disk.model);
    QCOMPARE(addcow({u"check"_s, disk.addCow}).exitCode, 0);
}

void ClientsTest::badRequestsWriteNothing()
{
    Disk disk(4 * C + 100, qint64(4 * C));
    QVERIFY(disk.made);
    QString error;
    auto server = serve(disk, false, &error);
    QVERIFY2(server, qPrintable(error));
    const QByteArray before = readFile(disk.addCow) + readFile(disk.image);
    Connection nbd(server->uri(), false);
    QVERIFY(nbd.nbd);
    QCOMPARE(nbd_can_trim(nbd.nbd), 0);
    QCOMPARE(nbd_can_zero(nbd.nbd), 1);
    QCOMPARE(nbd_can_fua(nbd.nbd), 1);
    QCOMPARE(nbd_get_size(nbd.nbd), qint64(disk.virtualSize));
    char buffer[200] = {};
    // R15: past the end, or across it, the server refuses and writes nothing.
    QCOMPARE(nbd_pread(nbd.nbd, buffer, sizeof buffer, disk.virtualSize - 100, 0), -1);
    QCOMPARE(nbd_pwrite(nbd.nbd, buffer, sizeof buffer, disk.virtualSize - 100, 0), -1);
    QCOMPARE(nbd_pwrite(nbd.nbd, buffer, sizeof buffer, disk.virtualSize + C, LIBNBD_CMD_FLAG_FUA), -1);
    QCOMPARE(nbd_zero(nbd.nbd, 2 * C, disk.virtualSize - C, 0), -1);
    // No trim: a cluster never goes back to the backing file.
    QCOMPARE(nbd_trim(nbd.nbd, C, 0, 0), -1);
    // The connection still works and nothing changed.
    QCOMPARE(nbd_pread(nbd.nbd, buffer, sizeof buffer, 0, 0), 0);
    QCOMPARE(QByteArray(buffer, sizeof buffer), disk.model.left(sizeof buffer));
    QCOMPARE(nbd_flush(nbd.nbd, 0), 0);
    QCOMPARE(readFile(disk.addCow) + readFile(disk.image), before);
}

void ClientsTest::readOnlyExportRefusesWrites()
{
    Disk disk(4 * C, qint64(4 * C));
    QVERIFY(disk.made);
    QString error;
    auto server = serve(disk, true, &error);
    QVERIFY2(server, qPrintable(error));
    const QByteArray before = readFile(disk.addCow) + readFile(disk.image);
    Connection nbd(server->uri(), false);
    QVERIFY(nbd.nbd);
    QCOMPARE(nbd_is_read_only(nbd.nbd), 1);
    const QByteArray data(100, 'w');
    QCOMPARE(nbd_pwrite(nbd.nbd, data.constData(), size_t(data.size()), 0, 0), -1);
    QCOMPARE(nbd_zero(nbd.nbd, C, 0, 0), -1);
    char buffer[100];
    QCOMPARE(nbd_pread(nbd.nbd, buffer, sizeof buffer, 0, 0), 0);
    QCOMPARE(QByteArray(buffer, sizeof buffer), disk.model.left(sizeof buffer));
    // QEMU will not even open it for writing.
    const Run io = qemuIo(server->uri(), {u"write -P 1 0 512"_s});
    QVERIFY2(io.exitCode != 0 && io.all().contains("Permission denied"), io.all().constData());
    QCOMPARE(readFile(disk.addCow) + readFile(disk.image), before);
}

// Issue 12 meets issue 10: the export of an image over a qcow2 base reads the base through
// QEMU (R9), writes copy-on-write, and reports the base's unallocated clusters as zeros.
void ClientsTest::qcow2BackingFile()
{
    QTemporaryDir dir;
    const QString base = dir.filePath(u"base.qcow2"_s);
    const QString addCowPath = dir.filePath(u"disk.add-cow"_s);
    Run step = run(u"qemu-img"_s, {u"create"_s, u"-q"_s, u"-f"_s, u"qcow2"_s, base, u"2M"_s});
    QVERIFY2(step.exitCode == 0, step.all().constData());
    step = run(u"qemu-io"_s, {u"-f"_s, u"qcow2"_s, u"-c"_s, u"write -P 0x33 0 640k"_s, base});
    QVERIFY2(step.exitCode == 0, step.all().constData());
    // The size defaults to the base's virtual size (2 MiB), not its file size.
    step = addcow({u"create"_s, u"-b"_s, base, u"-i"_s, dir.filePath(u"disk.raw"_s), addCowPath});
    QVERIFY2(step.exitCode == 0, step.all().constData());

    AddCow::ExportOptions options;
    options.addCowPath = addCowPath;
    options.socketPath = dir.filePath(u"nbd.sock"_s);
    AddCow::NbdExport server(options);
    const AddCow::Result<QString> nbdkit = AddCow::NbdExport::findNbdkit();
    QVERIFY2(nbdkit, qPrintable(nbdkit.error().message()));
    const AddCow::Result<void> started = server.start(nbdkit.value(), QStringLiteral(ADDCOW_PLUGIN), dir.filePath(u"nbdkit.log"_s));
    QVERIFY2(started, qPrintable(started.error().message()));

    step = qemuIo(server.uri(), {u"write -P 0x44 1M 100k"_s, u"flush"_s});
    QVERIFY2(step.exitCode == 0, step.all().constData());
    QByteArray expected = QByteArray(640 * 1024, '\x33') + QByteArray(2 * 1024 * 1024 - 640 * 1024, '\0');
    expected.replace(1024 * 1024, 100 * 1024, QByteArray(100 * 1024, '\x44'));

    const QString converted = dir.filePath(u"converted.raw"_s);
    step = run(u"qemu-img"_s, {u"convert"_s, u"-f"_s, u"raw"_s, u"-O"_s, u"raw"_s, server.uri(), converted});
    QVERIFY2(step.exitCode == 0, step.err.constData());
    QVERIFY(readFile(converted) == expected);

    // The base's unallocated clusters after 640 KiB read as zeros, and say so.
    step = run(u"nbdinfo"_s, {u"--map"_s, u"--json"_s, server.uri()});
    QVERIFY2(step.exitCode == 0, step.err.constData());
    bool zeroAfterData = false;
    for (const QJsonValue &value : QJsonDocument::fromJson(step.out).array()) {
        const QJsonObject extent = value.toObject();
        const quint64 offset = quint64(extent[u"offset"_s].toInteger());
        const quint64 length = quint64(extent[u"length"_s].toInteger());
        if (offset <= 640 * 1024 && offset + length > 640 * 1024)
            zeroAfterData = (extent[u"type"_s].toInt() & 2) != 0;
    }
    QVERIFY2(zeroAfterData, step.out.constData());
    QVERIFY(server.stop());
    QVERIFY(Disk::readAll(addCowPath, 2 * 1024 * 1024) == expected);
}

QTEST_GUILESS_MAIN(ClientsTest)

#include "clientstest.moc"
