// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later

#include "../qemuimgcreate.h"
#include "backingreader.h"
#include "backingtestutil.h"
#include "createjob.h"
#include "image.h"
#include "nbdbackingreader.h"
#include "qemuimg.h"
#include "qemuprogram.h"
#include "rawbackingreader.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <csignal>
#include <fcntl.h>
#include <unistd.h>

#include <future>

Q_DECLARE_METATYPE(AddCow::ErrorCode)

using namespace AddCow;
using namespace BackingTest;
using namespace Qt::StringLiterals;

namespace
{

// True while pid is a live process (a zombie has already exited).
bool isRunning(qint64 pid)
{
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray line = stat.readAll();
    const qsizetype close = line.lastIndexOf(')');
    return close > 0 && line.size() > close + 2 && line.at(close + 2) != 'Z' && line.at(close + 2) != 'X';
}

bool waitUntilGone(qint64 pid, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (isRunning(pid)) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QThread::msleep(10);
    }
    return true;
}

struct OpenFile {
    int fd = -1;
    explicit OpenFile(const QString &path)
        : fd(::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC))
    {
    }
    ~OpenFile()
    {
        if (fd >= 0)
            ::close(fd);
    }
};

QByteArray readAll(const BackingReader &reader, quint64 offsetBytes, quint64 lengthBytes)
{
    QByteArray bytes(qsizetype(lengthBytes), 'X');
    const Result<void> result = reader.read(offsetBytes, bytes.data(), lengthBytes);
    if (!result) {
        qWarning().noquote() << result.error().message();
        return {};
    }
    return bytes;
}

} // namespace

class BackingReaderTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_chain; ///< top.qcow2 over base.qcow2

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_chain = makeQcow2Chain(m_dir.path());
        QVERIFY(!m_chain.isEmpty());
        QVERIFY(makeOneLayer(m_dir.filePath(u"one.vmdk"_s), u"vmdk"_s));
        QVERIFY(makeOneLayer(m_dir.filePath(u"one.vhdx"_s), u"vhdx"_s));
    }

    void rawReadsTheFileAndZerosPastItsEnd() // R9, R13
    {
        const QString path = m_dir.filePath(u"plain.raw"_s);
        QByteArray bytes(100000, Qt::Uninitialized);
        for (qsizetype i = 0; i < bytes.size(); ++i)
            bytes[i] = char(i * 7);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes);
        file.close();
        OpenFile fd(path);
        auto reader = BackingReader::open(path, "raw", fd.fd);
        QVERIFY(reader);
        QVERIFY(dynamic_cast<RawBackingReader *>(reader.value().get()));
        QCOMPARE(reader.value()->sizeBytes(), quint64(bytes.size()));
        QCOMPARE(reader.value()->format(), QByteArray("raw"));
        QCOMPARE(reader.value()->fileDescriptor(), fd.fd);
        QVERIFY(!reader.value()->knowsZeros());
        QCOMPARE(readAll(*reader.value(), 99000, 3000), bytes.mid(99000) + QByteArray(2000, '\0'));
        QCOMPARE(readAll(*reader.value(), 200000, 10), QByteArray(10, '\0'));
        const auto extents = reader.value()->extents(0, 1 << 20);
        QVERIFY(extents);
        QCOMPARE(extents.value(), (QList<BackingExtent>{{0, quint64(bytes.size()), false}}));
    }

    void nbdReadsWhatQemuReads_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("format");
        QTest::newRow("qcow2 chain two deep") << u"top.qcow2"_s << u"qcow2"_s;
        QTest::newRow("vmdk") << u"one.vmdk"_s << u"vmdk"_s;
        QTest::newRow("vhdx") << u"one.vhdx"_s << u"vhdx"_s;
    }
    void nbdReadsWhatQemuReads() // R9, R13
    {
        QFETCH(QString, file);
        QFETCH(QString, format);
        const QString path = m_dir.filePath(file);
        const QByteArray expected = qemuBytes(path, format, m_dir.filePath(file + u".raw"_s));
        QVERIFY(!expected.isEmpty());
        auto reader = NbdBackingReader::open(path, format.toLatin1());
        QVERIFY2(reader, qPrintable(reader ? QString() : reader.error().message()));
        QCOMPARE(reader.value()->sizeBytes(), quint64(expected.size()));
        QCOMPARE(reader.value()->fileDescriptor(), -1);
        QCOMPARE(readAll(*reader.value(), 0, expected.size()), expected);
        // Unaligned, across several requests, and past the end (R13: zeros).
        QCOMPARE(readAll(*reader.value(), 12345, 3 * 1024 * 1024), expected.mid(12345, 3 * 1024 * 1024));
        QCOMPARE(readAll(*reader.value(), expected.size() - 100, 300), expected.right(100) + QByteArray(200, '\0'));
        QCOMPARE(readAll(*reader.value(), expected.size() + 5, 7), QByteArray(7, '\0'));
        // The known data is really there: cluster 1 from the top layer, cluster 0 from the base.
        QCOMPARE(expected.at(0), char(0xa1));
        QCOMPARE(expected.at(Cluster), char(0xc1));
    }

    void nbdExtentsAreQemuImgMap_data()
    {
        nbdReadsWhatQemuReads_data();
    }
    void nbdExtentsAreQemuImgMap()
    {
        QFETCH(QString, file);
        QFETCH(QString, format);
        const QString path = m_dir.filePath(file);
        auto reader = NbdBackingReader::open(path, format.toLatin1());
        QVERIFY(reader);
        QVERIFY(reader.value()->knowsZeros());
        const auto extents = reader.value()->extents(0, ~quint64(0));
        QVERIFY2(extents, qPrintable(extents ? QString() : extents.error().message()));
        QList<ZeroRun> ours;
        for (const BackingExtent &extent : extents.value())
            ours.append({extent.offsetBytes, extent.lengthBytes, extent.zero});
        QCOMPARE(ours, qemuZeroRuns(path, format));
        if (format == u"qcow2") {
            // Cluster 5: zeros written over the base's data; cluster 10: data over a zero cluster.
            auto at = [&](quint64 offset) {
                for (const BackingExtent &extent : extents.value()) {
                    if (offset >= extent.offsetBytes && offset < extent.offsetBytes + extent.lengthBytes)
                        return extent.zero;
                }
                return false;
            };
            QVERIFY(at(5 * Cluster));
            QVERIFY(!at(10 * Cluster));
            QVERIFY(at(40 * Cluster)); // never written
        }
        // A window inside the disk is clipped to it.
        const auto window = reader.value()->extents(Cluster + 5, 10);
        QVERIFY(window);
        QCOMPARE(window.value(), (QList<BackingExtent>{{Cluster + 5, 10, false}}));
    }

    void readsFromManyThreads()
    {
        const QByteArray expected = qemuBytes(m_chain, u"qcow2"_s, m_dir.filePath(u"threads.raw"_s));
        auto reader = NbdBackingReader::open(m_chain, "qcow2");
        QVERIFY(reader);
        const BackingReader &shared = *reader.value();
        std::vector<std::future<bool>> readers;
        for (int t = 0; t < 4; ++t) {
            readers.push_back(std::async(std::launch::async, [&, t] {
                for (int i = 0; i < 20; ++i) {
                    const quint64 offset = quint64((t * 7919 + i * 104729) % (expected.size() - 200000));
                    if (readAll(shared, offset, 200000) != expected.mid(offset, 200000))
                        return false;
                }
                return true;
            }));
        }
        for (auto &result : readers)
            QVERIFY(result.get());
    }

    void storedFormatIsNeverProbed() // R9
    {
        // A qcow2 file stored as raw is read as the raw bytes it holds, natively.
        OpenFile fd(m_chain);
        auto reader = BackingReader::open(m_chain, "raw", fd.fd);
        QVERIFY(reader);
        QVERIFY(dynamic_cast<RawBackingReader *>(reader.value().get()));
        QCOMPARE(readAll(*reader.value(), 0, 4), QByteArray("QFI\xfb"));
        QCOMPARE(reader.value()->sizeBytes(), quint64(QFileInfo(m_chain).size()));
    }

    void badBackingFiles_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("format");
        QTest::addColumn<ErrorCode>("code");
        QTest::addColumn<QStringList>("detail");
        QTest::addColumn<int>("finding"); // the FindingCode the error carries, -1: not asserted
        QTest::newRow("R9 unknown format: QEMU's message") << u"top.qcow2"_s << QByteArray("qcow9") << ErrorCode::UnsupportedFormat
                                                          << QStringList{u"unsupported backing format 'qcow9'"_s, u"Unknown driver 'qcow9'"_s}
                                                          << int(FindingCode::UnknownBackingFormat);
        QTest::newRow("R9 not a qcow2 file") << u"junk.bin"_s << QByteArray("qcow2") << ErrorCode::QemuError
                                             << QStringList{u"Image is not in qcow2 format"_s} << int(FindingCode::QemuCannotReadAs);
        QTest::newRow("R9 corrupted qcow2: QEMU's message") << u"corrupt.qcow2"_s << QByteArray("qcow2") << ErrorCode::QemuError
                                                            << QStringList{u"L1 table"_s} << int(FindingCode::QemuCannotReadAs);
        QTest::newRow("R9 encrypted qcow2 refused, named") << u"secret.qcow2"_s << QByteArray("qcow2") << ErrorCode::UnsupportedFormat
                                                           << QStringList{u"encrypted qcow2"_s, u"secret.qcow2"_s} << int(FindingCode::EncryptedBackingLayer);
        QTest::newRow("R9 over an encrypted qcow2") << u"over-secret.qcow2"_s << QByteArray("qcow2") << ErrorCode::UnsupportedFormat
                                                    << QStringList{u"encrypted qcow2"_s, u"secret.qcow2"_s} << int(FindingCode::EncryptedBackingLayer);
        QTest::newRow("R9 a protocol is no format") << u"top.qcow2"_s << QByteArray("nbd") << ErrorCode::QemuError << QStringList{u"nbd"_s} << -1;
    }
    void badBackingFiles()
    {
        QFETCH(QString, file);
        QFETCH(QByteArray, format);
        QFETCH(ErrorCode, code);
        QFETCH(QStringList, detail);
        QFETCH(int, finding);
        const QString path = m_dir.filePath(file);
        if (!QFile::exists(path)) {
            if (file == u"junk.bin") {
                QFile junk(path);
                QVERIFY(junk.open(QIODevice::WriteOnly));
                junk.write(QByteArray(1 << 20, 'j'));
            } else if (file == u"corrupt.qcow2") {
                QVERIFY(QFile::copy(m_dir.filePath(u"base.qcow2"_s), path));
                QFile corrupt(path);
                QVERIFY(corrupt.open(QIODevice::ReadWrite));
                QVERIFY(corrupt.seek(40)); // l1_table_offset, big-endian: not cluster aligned
                corrupt.write(QByteArray("\x00\x00\x00\x00\x00\x01\x00\x01", 8));
            } else if (file == u"secret.qcow2" || file == u"over-secret.qcow2") {
                QCOMPARE(TestSupport::qemuImgCreate({u"-q"_s, u"-f"_s, u"qcow2"_s, u"--object"_s, u"secret,id=key,data=swordfish"_s, u"-o"_s,
                                                         u"encrypt.format=luks,encrypt.key-secret=key,encrypt.iter-time=10"_s,
                                                         m_dir.filePath(u"secret.qcow2"_s), u"1M"_s}),
                         0);
                QVERIFY(qemuImg({u"create"_s, u"-q"_s, u"-f"_s, u"qcow2"_s, u"-b"_s, u"secret.qcow2"_s, u"-F"_s, u"qcow2"_s,
                                 m_dir.filePath(u"over-secret.qcow2"_s)}));
            }
        }
        QElapsedTimer timer;
        timer.start();
        auto reader = NbdBackingReader::open(path, format);
        QVERIFY(!reader);
        QCOMPARE(reader.error().code, code);
        QCOMPARE(reader.error().path, path);
        for (const QString &part : detail)
            QVERIFY2(reader.error().message().contains(part), qPrintable(reader.error().message()));
        if (finding >= 0) {
            // Coded, so the app renders it translated: QEMU's own words are an argument, as they are.
            QCOMPARE(reader.error().finding, std::optional(FindingCode(finding)));
            QCOMPARE(reader.error().field, std::optional(HeaderField::BackingFormat));
            QCOMPARE(reader.error().rule, 9);
        }
        QVERIFY(timer.elapsed() < 10000);
    }

    void missingQemuNbdNamesItsPackage()
    {
        // The package named is the one dpkg says installs qemu-nbd here.
        QProcess dpkg;
        dpkg.start(u"dpkg"_s, {u"-S"_s, QStandardPaths::findExecutable(u"qemu-nbd"_s)});
        if (dpkg.waitForFinished() && dpkg.exitCode() == 0)
            QCOMPARE(QString::fromUtf8(dpkg.readAllStandardOutput()).section(u':', 0, 0), QemuProgram::debianPackage(u"qemu-nbd"_s));

        const QByteArray path = qgetenv("PATH");
        qputenv("PATH", QFile::encodeName(m_dir.filePath(u"empty-bin"_s)));
        auto reader = NbdBackingReader::open(m_chain, "qcow2");
        qputenv("PATH", path);
        QVERIFY(!reader);
        QCOMPARE(reader.error().code, ErrorCode::FileMissing);
        QCOMPARE(reader.error().finding, std::optional(FindingCode::QemuProgramMissing));
        QCOMPARE(reader.error().arguments,
                 (FindingArguments{FindingArgument::ofText(u"qemu-nbd"_s), FindingArgument::ofText(QemuProgram::debianPackage(u"qemu-nbd"_s))}));
        QVERIFY2(reader.error().message().contains(u"qemu-nbd is not installed"_s), qPrintable(reader.error().message()));
        QVERIFY2(reader.error().message().contains(QemuProgram::debianPackage(u"qemu-nbd"_s)), qPrintable(reader.error().message()));
    }

    void closingStopsTheServer()
    {
        qint64 pid = 0;
        {
            auto reader = NbdBackingReader::open(m_chain, "qcow2");
            QVERIFY(reader);
            pid = reader.value()->serverPid();
            QVERIFY(isRunning(pid));
        }
        QVERIFY(!isRunning(pid)); // reaped before the destructor returned
    }

    // qemu-nbd allocates a buffer per read request: its heap keeps them (no fresh mapping per
    // request) in 2 MiB pages, and a caller's own GLIBC_TUNABLES come after ours, so theirs win.
    void serverRunsWithMallocTunables()
    {
        const QByteArray before = qgetenv("GLIBC_TUNABLES");
        qputenv("GLIBC_TUNABLES", "glibc.malloc.hugetlb=0");
        auto reader = NbdBackingReader::open(m_chain, "qcow2");
        if (before.isNull())
            qunsetenv("GLIBC_TUNABLES");
        else
            qputenv("GLIBC_TUNABLES", before);
        QVERIFY(reader);
        QFile environment(u"/proc/%1/environ"_s.arg(reader.value()->serverPid()));
        QVERIFY(environment.open(QIODevice::ReadOnly));
        // glibc splits the variable in place at start-up (':' becomes NUL): its pieces follow it.
        QByteArray tunables;
        bool inTunables = false;
        for (const QByteArray &piece : environment.readAll().split('\0')) {
            if (piece.startsWith("GLIBC_TUNABLES=")) {
                QVERIFY2(tunables.isEmpty(), "GLIBC_TUNABLES is set twice");
                tunables = piece.mid(15);
                inTunables = true;
            } else if (inTunables && piece.startsWith("glibc.")) {
                tunables += ':' + piece;
            } else {
                inTunables = false;
            }
        }
        QCOMPARE(tunables,
                 QByteArray("glibc.malloc.mmap_threshold=67108864:glibc.malloc.trim_threshold=268435456:glibc.malloc.hugetlb=1"
                            ":glibc.malloc.hugetlb=0"));
        QCOMPARE(readAll(*reader.value(), 0, 4096).size(), 4096); // and it serves
    }

    void closingTheBackingDiskStopsTheServer() // R9, R13: what commit does once it read every backing byte
    {
        CreateOptions options;
        options.addCowPath = m_dir.filePath(u"closed.add-cow"_s);
        options.imageFileName = "closed-disk.raw";
        options.backingFileName = QFile::encodeName(QFileInfo(m_chain).fileName());
        options.backingFormat = "qcow2";
        CreateJob create(options);
        JobContext context;
        QVERIFY(create.run(context));
        Result<Image> opened = Image::open(options.addCowPath, Image::Access::ReadWrite);
        QVERIFY(opened);
        Image image = std::move(opened).value();
        const auto *nbd = dynamic_cast<const NbdBackingReader *>(image.backingReader());
        QVERIFY(nbd);
        const qint64 pid = nbd->serverPid();
        QVERIFY(isRunning(pid));
        QByteArray before(4, '\0');
        QVERIFY(image.read(0, before.data(), 4));
        QCOMPARE(before, QByteArray(4, char(0xa1)));

        image.closeBackingDisk();
        QVERIFY(!isRunning(pid)); // reaped before it returned
        QVERIFY(!image.backingReader());
        QVERIFY(image.backingError());
        // A clean cluster is never read as zeros in place of its backing bytes.
        QByteArray after(4, 'x');
        const Result<void> read = image.read(0, after.data(), 4);
        QVERIFY(!read);
        QVERIFY2(read.error().message().contains(u"backing disk was closed"_s), qPrintable(read.error().message()));
        const QList<MapRun> runs = image.map(0, Cluster);
        QVERIFY(!runs.isEmpty());
        QCOMPARE(runs.constFirst().source, DataSource::Backing);
        image.closeBackingDisk(); // again: nothing left to close
        QVERIFY(image.backingError());
    }

    void killedServerIsAReadError()
    {
        auto reader = NbdBackingReader::open(m_chain, "qcow2");
        QVERIFY(reader);
        QCOMPARE(readAll(*reader.value(), 0, 4), QByteArray(4, char(0xa1)));
        QCOMPARE(::kill(pid_t(reader.value()->serverPid()), SIGKILL), 0);
        QByteArray buffer(Cluster, '\0');
        QElapsedTimer timer;
        timer.start();
        const Result<void> read = reader.value()->read(0, buffer.data(), Cluster);
        QVERIFY(!read);
        QCOMPARE(read.error().code, ErrorCode::Io);
        QCOMPARE(read.error().path, m_chain);
        QVERIFY2(read.error().message().contains(u"killed by signal 9"_s), qPrintable(read.error().message()));
        // Every later request fails the same way at once.
        const Result<void> again = reader.value()->read(Cluster, buffer.data(), Cluster);
        QVERIFY(!again);
        QCOMPARE(again.error().message(), read.error().message());
        QVERIFY(!reader.value()->extents(0, Cluster));
        QVERIFY(timer.elapsed() < 5000);
    }

    void hungServerTimesOut()
    {
        auto reader = NbdBackingReader::open(m_chain, "qcow2", 500);
        QVERIFY(reader);
        const pid_t pid = pid_t(reader.value()->serverPid());
        QCOMPARE(::kill(pid, SIGSTOP), 0);
        QByteArray buffer(Cluster, '\0');
        QElapsedTimer timer;
        timer.start();
        const Result<void> read = reader.value()->read(0, buffer.data(), Cluster);
        QVERIFY(!read);
        QVERIFY(timer.elapsed() < 4000);
        QVERIFY2(read.error().message().contains(u"did not answer within 0.5 s"_s), qPrintable(read.error().message()));
        QVERIFY(!isRunning(pid)); // killed, not left stopped
    }

    void killedOwnerLeavesNoServer()
    {
        // The process that holds the reader dies without closing it (a crashed app).
        QProcess helper;
        helper.start(QStringLiteral(BACKING_READER_HELPER), {m_chain, u"qcow2"_s});
        QVERIFY(helper.waitForStarted());
        QVERIFY(helper.waitForReadyRead(20000));
        QTRY_VERIFY_WITH_TIMEOUT(helper.canReadLine() && helper.bytesAvailable() > 0, 5000);
        const QByteArray firstLine = helper.readLine().trimmed();
        QVERIFY2(firstLine.startsWith("pid "), firstLine.constData());
        const qint64 pid = firstLine.mid(4).toLongLong();
        QVERIFY(pid > 0 && isRunning(pid));
        ::kill(pid_t(helper.processId()), SIGKILL);
        QVERIFY(helper.waitForFinished());
        QVERIFY(waitUntilGone(pid, 3000));
    }

    void rawNeedsNoServerNorLibnbd()
    {
        QProcess helper;
        helper.start(QStringLiteral(BACKING_READER_HELPER), {m_dir.filePath(u"plain.raw"_s), u"raw"_s});
        QVERIFY(helper.waitForStarted());
        QByteArray out;
        QTRY_VERIFY_WITH_TIMEOUT((out += helper.readAll()).count('\n') >= 2, 10000);
        helper.kill();
        helper.waitForFinished();
        QCOMPARE(out, QByteArray("pid 0\nlibnbd not loaded\n"));
    }

    void backingChainAsQemuReportsIt()
    {
        const auto chain = QemuImg::backingChain(m_chain, "qcow2");
        QVERIFY2(chain, qPrintable(chain ? QString() : chain.error().message()));
        QCOMPARE(chain->size(), 2);
        QCOMPARE(chain->at(0).fileName, m_chain);
        QCOMPARE(chain->at(0).format, QByteArray("qcow2"));
        QCOMPARE(chain->at(0).backingFileName, u"base.qcow2"_s);
        QCOMPARE(chain->at(0).virtualSizeBytes, DiskBytes);
        QVERIFY(chain->at(1).fileName.endsWith(u"base.qcow2"_s));
        QVERIFY(chain->at(1).backingFileName.isEmpty());
        const auto raw = QemuImg::backingChain(m_dir.filePath(u"plain.raw"_s), "raw");
        QVERIFY(raw);
        QCOMPARE(raw->size(), 1);
        QCOMPARE(raw->at(0).virtualSizeBytes, quint64(100000));
    }

    void probeAtCreate() // R9: create may probe once
    {
        const auto qcow2 = QemuImg::describeForCreate(m_chain, {});
        QVERIFY(qcow2);
        QCOMPARE(qcow2->constFirst().format, QByteArray("qcow2"));
        QCOMPARE(qcow2->constFirst().virtualSizeBytes, DiskBytes);
        QCOMPARE(qcow2->size(), 2);
        for (const QString &name : {u"one.vhdx"_s, u"one.vmdk"_s}) {
            const auto probed = QemuImg::describeForCreate(m_dir.filePath(name), {});
            QVERIFY(probed);
            QCOMPARE(probed->constFirst().format, QFileInfo(name).suffix().toLatin1());
            QCOMPARE(probed->constFirst().virtualSizeBytes, DiskBytes);
        }
        const auto raw = QemuImg::describeForCreate(m_dir.filePath(u"plain.raw"_s), {});
        QVERIFY(raw);
        QCOMPARE(raw->constFirst().format, QByteArray("raw"));
        QCOMPARE(raw->constFirst().virtualSizeBytes, quint64(100000));
        // -F overrides: the qcow2 file read as raw bytes is as long as the file.
        const auto asRaw = QemuImg::describeForCreate(m_chain, "raw");
        QVERIFY(asRaw);
        QCOMPARE(asRaw->constFirst().virtualSizeBytes, quint64(QFileInfo(m_chain).size()));
    }

    void openNameKeepsPathsOutOfQemuSyntax()
    {
        // A name QEMU would otherwise parse as a protocol or options stays a plain file name.
        QCOMPARE(QemuImg::openName(u"/tmp/nbd:x,y=\"z\""_s, "qcow2"),
                 u"json:{\"driver\":\"qcow2\",\"file\":{\"driver\":\"file\",\"filename\":\"/tmp/nbd:x,y=\\\"z\\\"\"}}"_s);
    }
};

QTEST_GUILESS_MAIN(BackingReaderTest)
#include "backingreadertest.moc"
