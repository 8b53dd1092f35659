// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later

// add-cow images over qcow2, vmdk and vhdx backing files (R9), driven through the addcow tool and
// checked against QEMU alone: a qcow2 overlay with the same writes, converted to raw.

#include "../qemuimgcreate.h"
#include "backingtestutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace BackingTest;
using namespace Qt::StringLiterals;

namespace
{

struct Run {
    int exitCode = -1;
    QByteArray out;
    QString err;
};

Run addcow(const QStringList &arguments, const QByteArray &input = {}, const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(ADDCOW_BINARY), arguments);
    if (!process.waitForStarted())
        return {};
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(120000))
        return {};
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, process.readAllStandardOutput(),
            QString::fromUtf8(process.readAllStandardError())};
}

int qemuImgExit(const QStringList &arguments)
{
    QProcess process;
    process.start(u"qemu-img"_s, arguments);
    process.waitForFinished(60000);
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

/** One write of the test, the same through addcow write and qemu-io. */
struct Write {
    quint64 offsetBytes;
    quint64 lengthBytes;
    char pattern;
};

// Partial clusters over backing data (R18 copies the rest from the backing disk), over a zero
// cluster, across a cluster boundary, inside the partial last cluster, and over never written space.
const QList<Write> Writes = {
    {1000, 3000, char(0x31)},                          // cluster 0: backing data around it
    {5 * Cluster + 100, 200, char(0x32)},              // cluster 5: zeros the top layer wrote over data
    {11 * Cluster - 10, 20, char(0x33)},               // clusters 10 and 11: across a boundary
    {40 * Cluster, 2 * Cluster, char(0x34)},           // clusters 40, 41 whole: never written in the backing file
    {DiskBytes - 700, 700, char(0x35)},                // the partial last cluster, to the disk's end
};

QString backingFile(const QString &kind)
{
    return kind == u"qcow2" ? u"top.qcow2"_s : u"one."_s + kind;
}

qint64 allocatedBytes(const QString &path)
{
    struct stat status;
    return ::stat(QFile::encodeName(path).constData(), &status) == 0 ? qint64(status.st_blocks) * 512 : -1;
}

} // namespace

class BackingImageTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString path(const QString &name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(!makeQcow2Chain(m_dir.path()).isEmpty());
        QVERIFY(makeOneLayer(path(u"one.vmdk"_s), u"vmdk"_s));
        QVERIFY(makeOneLayer(path(u"one.vhdx"_s), u"vhdx"_s));
    }

    void readWriteCommitAsQemu_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("qcow2 chain two deep") << u"qcow2"_s;
        QTest::newRow("vmdk") << u"vmdk"_s;
        QTest::newRow("vhdx") << u"vhdx"_s;
    }
    void readWriteCommitAsQemu() // R9, R13, R18, R19, R20
    {
        QFETCH(QString, kind);
        const QString backing = backingFile(kind);
        const QString addCow = path(kind + u".add-cow"_s);
        const QString image = path(kind + u"-disk.raw"_s);

        // R9: create probes the format once and shows it; R20: the new image is as large as the backing disk.
        const Run created = addcow({u"create"_s, u"-b"_s, backing, u"-i"_s, kind + u"-disk.raw"_s, addCow});
        QVERIFY2(created.exitCode == 0, qPrintable(created.err));
        QVERIFY2(created.out.contains(QByteArray("Probed the backing file's format: " + kind.toLatin1())), created.out.constData());
        QVERIFY(created.out.contains(QByteArray("backing_fmt=" + kind.toLatin1())));
        QCOMPARE(QFileInfo(image).size(), qint64(DiskBytes));

        // The reference, QEMU alone: a qcow2 overlay over the same backing file, the same writes.
        const QString reference = path(kind + u"-ref.qcow2"_s);
        QVERIFY(qemuImg({u"create"_s, u"-q"_s, u"-f"_s, u"qcow2"_s, u"-b"_s, backing, u"-F"_s, kind, reference}));
        QStringList commands;
        for (const Write &write : Writes) {
            const Run written = addcow({u"write"_s, addCow, QString::number(write.offsetBytes)}, QByteArray(qsizetype(write.lengthBytes), write.pattern));
            QVERIFY2(written.exitCode == 0, qPrintable(written.err));
            commands << u"write -P 0x%1 %2 %3"_s.arg(uchar(write.pattern), 0, 16).arg(write.offsetBytes).arg(write.lengthBytes);
        }
        QVERIFY(qemuIo(reference, u"qcow2"_s, commands));
        const QString referenceRaw = path(kind + u"-ref.raw"_s);
        QVERIFY(qemuImg({u"convert"_s, u"-f"_s, u"qcow2"_s, u"-O"_s, u"raw"_s, reference, referenceRaw}));

        // The whole virtual disk through addcow read equals QEMU's.
        const Run read = addcow({u"read"_s, addCow, u"0"_s, QString::number(DiskBytes)});
        QVERIFY2(read.exitCode == 0, qPrintable(read.err));
        const QString readRaw = path(kind + u"-read.raw"_s);
        QFile out(readRaw);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(read.out);
        out.close();
        QCOMPARE(qemuImgExit({u"compare"_s, u"-q"_s, u"-f"_s, u"raw"_s, u"-F"_s, u"raw"_s, readRaw, referenceRaw}), 0);
        QCOMPARE(addcow({u"compare"_s, addCow, referenceRaw}).exitCode, 0);

        // map: clean clusters are backing-zero exactly where qemu-img map of the backing file
        // says the whole cluster reads as zeros; written clusters are image.
        const Run mapped = addcow({u"map"_s, u"--output=json"_s, addCow});
        QVERIFY2(mapped.exitCode == 0, qPrintable(mapped.err));
        const QList<ZeroRun> backingZeros = qemuZeroRuns(path(backing), kind);
        auto clusterReadsZero = [&](quint64 cluster) {
            const quint64 begin = cluster * Cluster;
            const quint64 end = std::min(begin + Cluster, DiskBytes);
            for (const ZeroRun &run : backingZeros) {
                if (run.zero && run.offsetBytes <= begin && run.offsetBytes + run.lengthBytes >= end)
                    return true;
            }
            return false;
        };
        auto written = [&](quint64 cluster) {
            for (const Write &write : Writes) {
                if (write.offsetBytes / Cluster <= cluster && (write.offsetBytes + write.lengthBytes - 1) / Cluster >= cluster)
                    return true;
            }
            return false;
        };
        quint64 covered = 0;
        quint64 backingZeroClusters = 0;
        quint64 expectedBackingZeroClusters = 0;
        for (const QJsonValue &value : QJsonDocument::fromJson(mapped.out).array()) {
            const QJsonObject run = value.toObject();
            const quint64 start = quint64(run.value("start"_L1).toInteger());
            const quint64 length = quint64(run.value("length"_L1).toInteger());
            const QString source = run.value("source"_L1).toString();
            QCOMPARE(start, covered);
            covered += length;
            for (quint64 cluster = start / Cluster; cluster * Cluster < start + length; ++cluster) {
                const QString expected = written(cluster) ? u"image"_s : clusterReadsZero(cluster) ? u"backing-zero"_s : u"backing"_s;
                backingZeroClusters += source == u"backing-zero";
                expectedBackingZeroClusters += expected == u"backing-zero";
                QVERIFY2(source == expected, qPrintable(u"cluster %1: %2, expected %3"_s.arg(cluster).arg(source, expected)));
            }
        }
        QCOMPARE(covered, DiskBytes);
        QCOMPARE(backingZeroClusters, expectedBackingZeroClusters);
        // qcow2 and vmdk (64 KiB grains) have unwritten clusters; vhdx allocates in blocks of
        // megabytes, and every block of this small disk holds some data.
        if (kind != u"vhdx")
            QVERIFY(expectedBackingZeroClusters > 10);

        // Commit, then the image file alone is the disk. backing-zero clusters are not written, so
        // over mostly empty qcow2 and vmdk files it stays sparse (vhdx: every block holds data, see above).
        const Run committed = addcow({u"commit"_s, addCow});
        QVERIFY2(committed.exitCode == 0, qPrintable(committed.err));
        QCOMPARE(qemuImgExit({u"compare"_s, u"-q"_s, u"-f"_s, u"raw"_s, u"-F"_s, u"raw"_s, image, referenceRaw}), 0);
        QCOMPARE(QFileInfo(image).size(), qint64(DiskBytes));
        if (kind != u"vhdx")
            QVERIFY2(allocatedBytes(image) < qint64(DiskBytes / 2), qPrintable(QString::number(allocatedBytes(image))));
        const Run verified = addcow({u"verify"_s, addCow});
        QVERIFY2(verified.exitCode == 0, qPrintable(verified.err + QString::fromUtf8(verified.out)));
    }

    void infoShowsTheBackingChain()
    {
        QVERIFY(addcow({u"create"_s, u"-b"_s, u"top.qcow2"_s, u"-i"_s, u"info.raw"_s, path(u"info.add-cow"_s)}).exitCode == 0);
        const Run json = addcow({u"info"_s, u"--output=json"_s, path(u"info.add-cow"_s)});
        QCOMPARE(json.exitCode, 0);
        const QJsonObject object = QJsonDocument::fromJson(json.out).object();
        QCOMPARE(object.value("backing-format"_L1).toString(), u"qcow2"_s);
        const QJsonArray chain = object.value("backing-chain"_L1).toArray();
        QCOMPARE(chain.size(), 2);
        QCOMPARE(chain.at(0).toObject().value("filename"_L1).toString(), path(u"top.qcow2"_s));
        QCOMPARE(chain.at(0).toObject().value("virtual-size"_L1).toInteger(), qint64(DiskBytes));
        QCOMPARE(chain.at(0).toObject().value("backing-filename"_L1).toString(), u"base.qcow2"_s);
        QVERIFY(chain.at(1).toObject().value("filename"_L1).toString().endsWith(u"base.qcow2"_s));
        QCOMPARE(chain.at(1).toObject().value("format"_L1).toString(), u"qcow2"_s);
        QVERIFY(object.value("backing-chain-error"_L1).isNull());
        const Run human = addcow({u"info"_s, path(u"info.add-cow"_s)});
        QCOMPARE(human.exitCode, 0);
        QVERIFY2(human.out.contains(QByteArray("backing chain:\n    " + path(u"top.qcow2"_s).toUtf8() + ": qcow2, virtual size 4")), human.out.constData());
    }

    void sizeOptionAndOverride() // R9: -F overrides the probe; R20: -s below the backing disk is refused
    {
        const Run small = addcow({u"create"_s, u"-b"_s, u"top.qcow2"_s, u"-F"_s, u"qcow2"_s, u"-i"_s, u"small.raw"_s, u"-s"_s, u"1M"_s, path(u"small.add-cow"_s)});
        QCOMPARE(small.exitCode, 1);
        // The backing disk's virtual size (DiskBytes), not its file size, is what would be lost from.
        QVERIFY2(small.err.contains(u"the backing file %1:"_s.arg(DiskBytes)) && small.err.contains(u"(R20)"_s), qPrintable(small.err));
        QVERIFY(!QFile::exists(path(u"small.raw"_s)));
        const Run big = addcow({u"create"_s, u"-b"_s, u"top.qcow2"_s, u"-F"_s, u"qcow2"_s, u"-i"_s, u"big.raw"_s, u"-s"_s, u"8M"_s, path(u"big.add-cow"_s)});
        QCOMPARE(big.exitCode, 0);
        QVERIFY(!big.out.contains("Probed")); // given, not probed
        // Past the backing disk's end the disk reads zeros (R13): map says zero there.
        const Run mapped = addcow({u"map"_s, u"--output=csv"_s, path(u"big.add-cow"_s)});
        QCOMPARE(mapped.exitCode, 0);
        QVERIFY2(mapped.out.contains(QByteArray(QByteArray::number(DiskBytes) + "," + QByteArray::number(8 * 1024 * 1024 - DiskBytes) + ",zero")), mapped.out.constData());
    }

    void badBackingFiles_data()
    {
        QTest::addColumn<QStringList>("create");
        QTest::addColumn<QString>("message");
        QTest::newRow("R9 unknown format: QEMU's message") << QStringList{u"-F"_s, u"qcow9"_s, u"-b"_s, u"top.qcow2"_s}
                                                          << u"unsupported backing format 'qcow9' (QEMU: Unknown driver 'qcow9')"_s;
        QTest::newRow("R9 encrypted qcow2 refused, named") << QStringList{u"-b"_s, u"secret.qcow2"_s} << u"encrypted qcow2 image"_s;
        QTest::newRow("R9 corrupted qcow2: QEMU's message") << QStringList{u"-b"_s, u"corrupt.qcow2"_s} << u"QEMU cannot read it as 'qcow2'"_s;
    }
    void badBackingFiles()
    {
        QFETCH(QStringList, create);
        QFETCH(QString, message);
        if (!QFile::exists(path(u"secret.qcow2"_s))) {
            QCOMPARE(AddCow::TestSupport::qemuImgCreate({u"-q"_s, u"-f"_s, u"qcow2"_s, u"--object"_s, u"secret,id=key,data=swordfish"_s, u"-o"_s,
                                                     u"encrypt.format=luks,encrypt.key-secret=key,encrypt.iter-time=10"_s, path(u"secret.qcow2"_s), u"1M"_s}),
                     0);
            QVERIFY(QFile::copy(path(u"base.qcow2"_s), path(u"corrupt.qcow2"_s)));
            QFile corrupt(path(u"corrupt.qcow2"_s));
            QVERIFY(corrupt.open(QIODevice::ReadWrite));
            QVERIFY(corrupt.seek(40)); // l1_table_offset, not cluster aligned
            corrupt.write(QByteArray("\x00\x00\x00\x00\x00\x01\x00\x01", 8));
        }
        const QString addCow = path(u"bad.add-cow"_s);
        const Run refused = addcow(QStringList{u"create"_s} + create + QStringList{u"-i"_s, u"bad.raw"_s, addCow});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(message), qPrintable(refused.err));
        QVERIFY(!QFile::exists(addCow));
        QVERIFY(!QFile::exists(path(u"bad.raw"_s)));
    }

    void corruptedAfterCreateIsAReadError()
    {
        // The backing file breaks after create: opening the image passes QEMU's message on.
        QVERIFY(QFile::copy(path(u"base.qcow2"_s), path(u"later.qcow2"_s)));
        QCOMPARE(addcow({u"create"_s, u"-b"_s, u"later.qcow2"_s, u"-i"_s, u"later.raw"_s, path(u"later.add-cow"_s)}).exitCode, 0);
        QFile corrupt(path(u"later.qcow2"_s));
        QVERIFY(corrupt.open(QIODevice::ReadWrite));
        QVERIFY(corrupt.seek(40));
        corrupt.write(QByteArray("\x00\x00\x00\x00\x00\x01\x00\x01", 8));
        corrupt.close();
        const Run read = addcow({u"read"_s, path(u"later.add-cow"_s), u"0"_s, u"512"_s});
        QCOMPARE(read.exitCode, 1);
        QVERIFY2(read.err.contains(path(u"later.qcow2"_s)) && read.err.contains(u"L1 table"_s), qPrintable(read.err));
        const Run check = addcow({u"check"_s, path(u"later.add-cow"_s)});
        QCOMPARE(check.exitCode, 2);
        QVERIFY2(check.out.contains("L1 table") || check.err.contains(u"L1 table"_s), check.out.constData());
    }

    void qcow2StoredAsRawReadsRawBytes() // R9: never probed at open; check warns
    {
        const Run created = addcow({u"create"_s, u"-b"_s, u"base.qcow2"_s, u"-F"_s, u"raw"_s, u"-i"_s, u"asraw.raw"_s, path(u"asraw.add-cow"_s)});
        QVERIFY2(created.exitCode == 0, qPrintable(created.err));
        QFile qcow2(path(u"base.qcow2"_s));
        QVERIFY(qcow2.open(QIODevice::ReadOnly));
        const QByteArray fileBytes = qcow2.readAll();
        const Run read = addcow({u"read"_s, path(u"asraw.add-cow"_s), u"0"_s, QString::number(fileBytes.size())});
        QCOMPARE(read.exitCode, 0);
        QCOMPARE(read.out, fileBytes); // the qcow2 file's own bytes, not the disk it holds
        const Run check = addcow({u"check"_s, path(u"asraw.add-cow"_s)});
        QCOMPARE(check.exitCode, 3); // warnings only
        QVERIFY2(check.out.contains("look like qcow2, but the header says raw"), check.out.constData());
    }

    void missingQemuNbdNamesThePackage()
    {
        QVERIFY(addcow({u"create"_s, u"-b"_s, u"one.vmdk"_s, u"-i"_s, u"nopath.raw"_s, path(u"nopath.add-cow"_s)}).exitCode == 0);
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"PATH"_s, path(u"no-such-dir"_s));
        const Run read = addcow({u"read"_s, path(u"nopath.add-cow"_s), u"0"_s, u"512"_s}, {}, environment);
        QCOMPARE(read.exitCode, 1);
        QVERIFY2(read.err.contains(u"qemu-nbd is not installed"_s) && read.err.contains(u"Debian package qemu-utils"_s), qPrintable(read.err));
        // A raw backing file needs no QEMU at all.
        QFile base(path(u"plain-base.raw"_s));
        QVERIFY(base.open(QIODevice::WriteOnly));
        base.write(QByteArray(1 << 20, 'b'));
        base.close();
        QVERIFY(addcow({u"create"_s, u"-b"_s, u"plain-base.raw"_s, u"-i"_s, u"over-raw.raw"_s, path(u"over-raw.add-cow"_s)}).exitCode == 0);
        QCOMPARE(addcow({u"read"_s, path(u"over-raw.add-cow"_s), u"0"_s, u"512"_s}, {}, environment).exitCode, 0);
    }
};

QTEST_GUILESS_MAIN(BackingImageTest)
#include "backingimagetest.moc"
