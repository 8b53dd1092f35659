// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later

// The addcow tool as a user runs it: a separate process, its exit codes, stdout and stderr.
// qemu-img makes the raw files and checks raw results independently of our code.

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <csignal>
#include <sys/stat.h>
#include <cstring>

using namespace Qt::StringLiterals;

namespace
{

constexpr qint64 Cluster = 65536;
constexpr qint64 HeaderSize = 4096;
constexpr int TimeoutMs = 60000;

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

enum class Input { None, Pipe, File };

// Runs addcow with arguments; stdin comes from input (a pipe or a regular file) or is empty.
Run runProgram(const QString &program, const QStringList &arguments, const QByteArray &input = {},
               Input mode = Input::None, const QString &workingDirectory = {}, int timeoutMs = TimeoutMs)
{
    QProcess process;
    if (!workingDirectory.isEmpty())
        process.setWorkingDirectory(workingDirectory);
    QTemporaryDir inputDir;
    if (mode == Input::File) {
        const QString path = inputDir.filePath(u"stdin.bin"_s);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(input) != input.size())
            return {};
        file.close();
        process.setStandardInputFile(path);
    } else if (mode == Input::None) {
        process.setStandardInputFile(QProcess::nullDevice());
    }
    process.start(program, arguments);
    if (!process.waitForStarted(TimeoutMs))
        return {};
    if (mode == Input::Pipe) {
        qint64 written = 0;
        while (written < input.size()) {
            const qint64 n = process.write(input.constData() + written, input.size() - written);
            if (n < 0)
                break;
            written += n;
            process.waitForBytesWritten(TimeoutMs);
            if (process.state() != QProcess::Running)
                break;
        }
        process.closeWriteChannel();
    }
    if (!process.waitForFinished(timeoutMs) || process.exitStatus() != QProcess::NormalExit)
        return {};
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

Run addcow(const QStringList &arguments, const QByteArray &input = {}, Input mode = Input::None,
           const QString &workingDirectory = {})
{
    return runProgram(QStringLiteral(ADDCOW_BINARY), arguments, input, mode, workingDirectory);
}

Run qemuImg(const QStringList &arguments)
{
    return runProgram(u"qemu-img"_s, arguments);
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes, qint64 offset = -1)
{
    QFile file(path);
    const bool opened = offset < 0 ? file.open(QIODevice::WriteOnly | QIODevice::Truncate) : file.open(QIODevice::ReadWrite);
    if (!opened || (offset >= 0 && !file.seek(offset)))
        return false;
    return file.write(bytes) == bytes.size();
}

QByteArray randomBytes(qsizetype size, quint32 seed)
{
    QRandomGenerator random(seed);
    QByteArray bytes(size, Qt::Uninitialized);
    random.fillRange(reinterpret_cast<quint32 *>(bytes.data()), size / 4);
    for (qsizetype i = size / 4 * 4; i < size; ++i)
        bytes[i] = char(random.generate());
    return bytes;
}

QByteArray le64(quint64 value)
{
    QByteArray bytes(8, '\0');
    qToLittleEndian(value, bytes.data());
    return bytes;
}

QByteArray le32(quint32 value)
{
    QByteArray bytes(4, '\0');
    qToLittleEndian(value, bytes.data());
    return bytes;
}

QJsonObject jsonObject(const QByteArray &bytes)
{
    return QJsonDocument::fromJson(bytes).object();
}

/**
 * A disk made with the tool: back.raw (1 MiB of random data, made with qemu-img), img.raw
 * (3 MiB, created by addcow) and disk.add-cow, with clusters 2, 3 and 20 written.
 * The model holds what the virtual disk must read (R13: zeros past the backing file's end).
 */
struct Disk {
    QString dir;
    QString addCow;
    QString backing;
    QString image;
    QByteArray model;

    QString path(const QString &name) const { return dir + u'/' + name; }
};

bool makeDisk(const QTemporaryDir &tmp, Disk &disk, bool writeClusters = true)
{
    disk.dir = tmp.path();
    disk.addCow = disk.path(u"disk.add-cow"_s);
    disk.backing = disk.path(u"back.raw"_s);
    disk.image = disk.path(u"img.raw"_s);
    if (qemuImg({u"create"_s, u"-q"_s, u"-f"_s, u"raw"_s, disk.backing, u"1M"_s}).exitCode != 0)
        return false;
    const QByteArray backingData = randomBytes(1024 * 1024, 7);
    if (!writeFile(disk.backing, backingData, 0))
        return false;
    const Run created = addcow({u"create"_s, u"-b"_s, u"back.raw"_s, u"-i"_s, u"img.raw"_s, u"-s"_s, u"3M"_s, disk.addCow});
    if (created.exitCode != 0) {
        qWarning() << created.err;
        return false;
    }
    disk.model = backingData + QByteArray(2 * 1024 * 1024, '\0');
    if (!writeClusters)
        return true;
    const QByteArray twoClusters = randomBytes(2 * Cluster, 11);
    const QByteArray farCluster = randomBytes(Cluster, 13);
    if (addcow({u"write"_s, disk.addCow, u"128K"_s}, twoClusters, Input::Pipe).exitCode != 0)
        return false;
    if (addcow({u"write"_s, disk.addCow, QString::number(20 * Cluster)}, farCluster, Input::File).exitCode != 0)
        return false;
    disk.model.replace(2 * Cluster, 2 * Cluster, twoClusters);
    disk.model.replace(20 * Cluster, Cluster, farCluster);
    return true;
}

QByteArray dump(const Disk &disk)
{
    return addcow({u"read"_s, disk.addCow, u"0"_s, QString::number(disk.model.size())}).out;
}

// Every file of the disk, byte for byte, to prove a failed command changed nothing.
QByteArray snapshot(const Disk &disk)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QString &path : {disk.addCow, disk.backing, disk.image}) {
        hash.addData(readFile(path));
        hash.addData(QByteArray::number(QFileInfo(path).size()));
    }
    return hash.result();
}

} // namespace

class CliTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(QStringLiteral(ADDCOW_BINARY)), ADDCOW_BINARY);
        if (QStandardPaths::findExecutable(u"qemu-img"_s).isEmpty())
            QSKIP("qemu-img (qemu-utils) is needed as an independent peer");
    }

    void helpAndVersion()
    {
        const Run help = addcow({u"--help"_s});
        QCOMPARE(help.exitCode, 0);
        for (const char *command : {"info", "check", "map", "read", "write", "create", "commit", "verify", "compare", "rebase", "serve"}) {
            QVERIFY2(help.out.contains(QByteArray("\n  " + QByteArray(command))), command);
            const Run commandHelp = addcow({QString::fromLatin1(command), u"--help"_s});
            QCOMPARE(commandHelp.exitCode, 0);
            QVERIFY2(commandHelp.out.startsWith(QByteArray("Usage: addcow " + QByteArray(command) + ' ')), commandHelp.out.constData());
            QVERIFY(commandHelp.out.contains("Options:\n  -h, --help"));
            QVERIFY(commandHelp.err.isEmpty());
            // help COMMAND is the same text.
            QCOMPARE(addcow({u"help"_s, QString::fromLatin1(command)}).out, commandHelp.out);
        }
        const Run version = addcow({u"--version"_s});
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.out.startsWith("addcow 0."));

        const Run unknown = addcow({u"frobnicate"_s});
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY(unknown.err.startsWith("addcow: unknown command 'frobnicate'"));
        const Run badOption = addcow({u"info"_s, u"--bogus"_s, u"x"_s});
        QCOMPARE(badOption.exitCode, 1);
        QVERIFY(badOption.err.contains("bogus"));
    }

    void infoJson()
    {
        QTemporaryDir tmp;
        Disk disk;
        QVERIFY(makeDisk(tmp, disk));
        const Run info = addcow({u"info"_s, u"--output=json"_s, disk.addCow});
        QCOMPARE(info.exitCode, 0);
        const QJsonObject object = jsonObject(info.out);
        QStringList expectedKeys = {u"filename"_s, u"format"_s, u"version"_s, u"virtual-size"_s, u"cluster-size"_s,
                                    u"clusters"_s, u"allocated-clusters"_s, u"all-allocated"_s, u"header-size"_s,
                                    u"bitmap-offset"_s, u"bitmap-size"_s, u"features"_s, u"optional-features"_s,
                                    u"backing-filename"_s, u"image-filename"_s, u"full-backing-filename"_s,
                                    u"full-image-filename"_s, u"backing-format"_s, u"image-format"_s, u"backing-chain"_s,
                                    u"backing-chain-error"_s, u"partition-table"_s, u"partitions"_s}; // partitions: tests/partitions/infopartitionstest.cpp
        expectedKeys.sort();
        QCOMPARE(object.keys(), expectedKeys);
        QCOMPARE(object[u"filename"_s].toString(), disk.addCow);
        QCOMPARE(object[u"format"_s].toString(), u"add-cow"_s);
        QCOMPARE(object[u"version"_s].toInteger(), qint64(1));
        QCOMPARE(object[u"virtual-size"_s].toInteger(), qint64(3 * 1024 * 1024)); // R11: the image file's size
        QCOMPARE(object[u"cluster-size"_s].toInteger(), qint64(Cluster));
        QCOMPARE(object[u"clusters"_s].toInteger(), qint64(48));
        QCOMPARE(object[u"allocated-clusters"_s].toInteger(), qint64(3));
        QCOMPARE(object[u"all-allocated"_s].toBool(true), false);
        QCOMPARE(object[u"header-size"_s].toInteger(), qint64(HeaderSize));
        QCOMPARE(object[u"bitmap-offset"_s].toInteger(), qint64(HeaderSize));
        QCOMPARE(object[u"bitmap-size"_s].toInteger(), qint64(65536)); // R11: rounded region
        QCOMPARE(object[u"features"_s].toInteger(), qint64(0));
        QCOMPARE(object[u"optional-features"_s].toInteger(), qint64(0));
        QCOMPARE(object[u"backing-filename"_s].toString(), u"back.raw"_s); // as stored (R20)
        QCOMPARE(object[u"image-filename"_s].toString(), u"img.raw"_s);
        QCOMPARE(object[u"full-backing-filename"_s].toString(), disk.backing); // R16
        QCOMPARE(object[u"full-image-filename"_s].toString(), disk.image);
        QCOMPARE(object[u"backing-format"_s].toString(), u"raw"_s); // R9: probed and stored
        QCOMPARE(object[u"image-format"_s].toString(), u"raw"_s);
        // R9: a raw backing file is its own one-layer chain, its disk as long as the file.
        const QJsonArray chain = object[u"backing-chain"_s].toArray();
        QCOMPARE(chain.size(), 1);
        QCOMPARE(chain.at(0).toObject()[u"filename"_s].toString(), disk.backing);
        QCOMPARE(chain.at(0).toObject()[u"format"_s].toString(), u"raw"_s);
        QCOMPARE(chain.at(0).toObject()[u"virtual-size"_s].toInteger(), QFileInfo(disk.backing).size());
        QVERIFY(object[u"backing-chain-error"_s].isNull());
        // R11: the file is exactly header + rounded bitmap.
        QCOMPARE(QFileInfo(disk.addCow).size(), HeaderSize + 65536);
        // The header bytes agree with what info says.
        const QByteArray header = readFile(disk.addCow).left(HeaderSize);
        QCOMPARE(header.left(8), QByteArray("ADD_COW\xff", 8));
        QCOMPARE(qFromLittleEndian<quint32>(header.constData() + 44), 1u); // R20: header pages size 1

        const Run human = addcow({u"info"_s, disk.addCow});
        QCOMPARE(human.exitCode, 0);
        QVERIFY(human.out.contains("file format: add-cow\n"));
        QVERIFY(human.out.contains("virtual size: 3 MiB (3145728 bytes)\n"));
        QVERIFY(human.out.contains(QByteArray("backing file: back.raw (actual path: " + disk.backing.toUtf8() + ")\n")));
    }

    void infoWithoutBacking_R14()
    {
        QTemporaryDir tmp;
        const QString addCow = tmp.filePath(u"solo.add-cow"_s);
        QCOMPARE(addcow({u"create"_s, u"-i"_s, u"solo.raw"_s, u"-s"_s, u"1M"_s, addCow}).exitCode, 0);
        const QJsonObject object = jsonObject(addcow({u"info"_s, u"--output=json"_s, addCow}).out);
        QVERIFY(object[u"backing-filename"_s].isNull());
        QVERIFY(object[u"full-backing-filename"_s].isNull());
        QVERIFY(object[u"backing-format"_s].isNull());
        QCOMPARE(object[u"all-allocated"_s].toBool(), true); // R14: create sets it without a backing file
        QCOMPARE(object[u"features"_s].toInteger(), qint64(1));
        QCOMPARE(object[u"allocated-clusters"_s].toInteger(), qint64(object[u"clusters"_s].toInteger()));
        QCOMPARE(object[u"full-image-filename"_s].toString(), tmp.filePath(u"solo.raw"_s));
    }

    void checkExitCodes_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("expectedRule");
        QTest::newRow("clean") << u"none"_s << 0 << QString();
        QTest::newRow("R8 optional features warn") << u"optional-features"_s << 3 << u"R8"_s;
        QTest::newRow("R10 stray name-area byte warns") << u"name-area"_s << 3 << u"R10"_s;
        QTest::newRow("R12 spare bitmap bit warns") << u"spare-bit"_s << 3 << u"R12"_s;
        QTest::newRow("R5 name offset below 80 is corrupt") << u"name-offset"_s << 2 << u"R5"_s;
        QTest::newRow("R7 unknown feature bit is corrupt") << u"feature-bit"_s << 2 << u"R7"_s;
        QTest::newRow("R12 missing bitmap bytes are corrupt") << u"truncate"_s << 2 << u"R12"_s;
        QTest::newRow("R16 backing file replaced by a directory (issue 11)") << u"backing-directory"_s << 2 << u"R16"_s;
        QTest::newRow("R2 not add-cow") << u"raw"_s << 1 << QString();
        QTest::newRow("R2 later ACOW layout") << u"acow"_s << 1 << QString();
        QTest::newRow("missing file") << u"missing"_s << 1 << QString();
    }
    void checkExitCodes()
    {
        QFETCH(QString, damage);
        QFETCH(int, exitCode);
        QFETCH(QString, expectedRule);
        QTemporaryDir tmp;
        Disk disk;
        QVERIFY(makeDisk(tmp, disk, false));
        if (damage == u"optional-features") {
            QVERIFY(writeFile(disk.addCow, le64(1), 36));
        } else if (damage == u"name-area") {
            QVERIFY(writeFile(disk.addCow, "x", 2000));
        } else if (damage == u"spare-bit") {
            QVERIFY(writeFile(disk.addCow, QByteArray(1, '\x01'), HeaderSize + 48 / 8)); // cluster 48 of 48
        } else if (damage == u"name-offset") {
            QVERIFY(writeFile(disk.addCow, le32(40), 20));
        } else if (damage == u"feature-bit") {
            QVERIFY(writeFile(disk.addCow, le64(4), 28));
        } else if (damage == u"truncate") {
            QVERIFY(QFile::resize(disk.addCow, HeaderSize + 2)); // 48 clusters need 6 bitmap bytes
        } else if (damage == u"raw") {
            QCOMPARE(qemuImg({u"create"_s, u"-q"_s, u"-f"_s, u"raw"_s, disk.addCow + u".raw"_s, u"1M"_s}).exitCode, 0);
            disk.addCow += u".raw"_s;
        } else if (damage == u"acow") {
            QVERIFY(writeFile(disk.addCow, "ACOW", 0));
        } else if (damage == u"missing") {
            disk.addCow += u".gone"_s;
        } else if (damage == u"backing-directory") {
            QVERIFY(QFile::remove(disk.backing));
            QVERIFY(QDir().mkdir(disk.backing));
        }
        const Run check = addcow({u"check"_s, disk.addCow});
        QCOMPARE(check.exitCode, exitCode);
        // info and read open the image in the same pass as check: they fail exactly when check
        // finds an error, and say the same.
        const int openExitCode = exitCode == 0 || exitCode == 3 ? 0 : 1;
        const Run info = addcow({u"info"_s, disk.addCow});
        QCOMPARE(info.exitCode, openExitCode);
        QCOMPARE(addcow({u"read"_s, disk.addCow, u"0"_s, u"512"_s}).exitCode, openExitCode);
        if (damage == u"backing-directory") {
            QVERIFY2(info.err.contains(disk.backing.toUtf8()) && info.err.contains("directory"), info.err.constData());
            QVERIFY2(check.out.contains(disk.backing.toUtf8()) && check.out.contains("directory"), check.out.constData());
        }
        if (exitCode == 1) {
            // One clear line naming the file.
            QVERIFY2(check.err.startsWith(QByteArray("addcow: " + disk.addCow.toUtf8())), check.err.constData());
            QCOMPARE(check.err.count('\n'), qsizetype(1));
            if (damage == u"acow")
                QVERIFY(check.err.contains("ACOW") || check.err.contains("V18"));
            return;
        }
        const Run json = addcow({u"check"_s, u"--output=json"_s, disk.addCow});
        QCOMPARE(json.exitCode, exitCode);
        const QJsonArray findings = jsonObject(json.out)[u"findings"_s].toArray();
        if (expectedRule.isEmpty()) {
            QVERIFY(check.out.contains("No errors were found"));
            for (const QJsonValue &finding : findings)
                QCOMPARE(finding[u"severity"_s].toString(), u"info"_s);
            return;
        }
        bool found = false;
        for (const QJsonValue &finding : findings) {
            if (finding[u"rule"_s].toString() != expectedRule)
                continue;
            found = true;
            QCOMPARE(finding[u"severity"_s].toString(), exitCode == 2 ? u"error"_s : u"warning"_s);
            QVERIFY(!finding[u"field"_s].toString().isEmpty());
            QVERIFY(finding[u"offset"_s].isDouble());
        }
        QVERIFY2(found, json.out.constData());
        // The human line names the field and the rule.
        QVERIFY(check.out.contains(QByteArray("[" + expectedRule.toLatin1() + "]")));
    }

    void mapCoversVirtualSize_R13()
    {
        QTemporaryDir tmp;
        Disk disk;
        QVERIFY(makeDisk(tmp, disk));
        const Run map = addcow({u"map"_s, u"--output=json"_s, disk.addCow});
        QCOMPARE(map.exitCode, 0);
        const QJsonArray runs = QJsonDocument::fromJson(map.out).array();
        struct Expected {
            qint64 start, length;
            const char *source;
        };
        // Clusters 2-3 written (one merged run), backing to 1 MiB, zero after it except cluster 20.
        const Expected expected[] = {
            {0, 2 * Cluster, "backing"},
            {2 * Cluster, 2 * Cluster, "image"},
            {4 * Cluster, 12 * Cluster, "backing"},
            {16 * Cluster, 4 * Cluster, "zero"},
            {20 * Cluster, Cluster, "image"},
            {21 * Cluster, 27 * Cluster, "zero"},
        };
        QCOMPARE(runs.size(), qsizetype(std::size(expected)));
        qint64 next = 0;
        QString previous;
        for (qsizetype i = 0; i < runs.size(); ++i) {
            const QJsonObject run = runs.at(i).toObject();
            QCOMPARE(run.keys(), (QStringList{u"length"_s, u"source"_s, u"start"_s}));
            QCOMPARE(run[u"start"_s].toInteger(), qint64(next)); // no gaps, no overlaps
            QCOMPARE(run[u"start"_s].toInteger(), qint64(expected[i].start));
            QCOMPARE(run[u"length"_s].toInteger(), qint64(expected[i].length));
            QCOMPARE(run[u"source"_s].toString(), QString::fromLatin1(expected[i].source));
            QVERIFY(run[u"source"_s].toString() != previous); // adjacent runs merged
            previous = run[u"source"_s].toString();
            next += run[u"length"_s].toInteger();
        }
        QCOMPARE(next, disk.model.size());
        // What the map calls zero reads as zero, what it calls backing reads as the backing file.
        const QByteArray data = dump(disk);
        QCOMPARE(data.mid(16 * Cluster, 4 * Cluster), QByteArray(4 * Cluster, '\0'));
        QCOMPARE(data.mid(4 * Cluster, 12 * Cluster), readFile(disk.backing).mid(4 * Cluster, 12 * Cluster));

        const Run human = addcow({u"map"_s, disk.addCow});
        QCOMPARE(human.exitCode, 0);
        QCOMPARE(human.out.count('\n'), qsizetype(std::size(expected)) + 1);
        const Run csv = addcow({u"map"_s, u"--output=csv"_s, disk.addCow});
        QVERIFY(csv.out.startsWith("start,length,source\n0,131072,backing\n131072,131072,image\n"));
        // -p: progress on standard error as the bitmap is walked, the same runs on standard output.
        const Run withProgress = addcow({u"map"_s, u"-p"_s, u"--output=csv"_s, disk.addCow});
        QCOMPARE(withProgress.exitCode, 0);
        QCOMPARE(withProgress.out, csv.out);
        QVERIFY2(withProgress.err.contains("(100.00/100%)"), withProgress.err.constData());
    }

    void readWriteRoundTrip_R18()
    {
        QTemporaryDir tmp;
        Disk disk;
        QVERIFY(makeDisk(tmp, disk));
        QCOMPARE(dump(disk), disk.model);

        // Unaligned writes across cluster boundaries, from a pipe and from a regular file.
        const QByteArray piped = randomBytes(200000, 21);
        QCOMPARE(addcow({u"write"_s, disk.addCow, u"100000"_s}, piped, Input::Pipe).exitCode, 0);
        disk.model.replace(100000, piped.size(), piped);
        const QByteArray filed = randomBytes(70000, 22);
        QCOMPARE(addcow({u"write"_s, disk.addCow, u"1000000"_s}, filed, Input::File).exitCode, 0);
        disk.model.replace(1000000, filed.size(), filed);
        // Across the backing file's end: the copied-in part past it is zeros (R18).
        QCOMPARE(addcow({u"write"_s, disk.addCow, QString::number(1024 * 1024 + 10)}, "tail", Input::Pipe).exitCode, 0);
        disk.model.replace(1024 * 1024 + 10, 4, "tail");
        // Up to the very last byte is fine.
        QCOMPARE(addcow({u"write"_s, disk.addCow, QString::number(disk.model.size() - 3)}, "end", Input::Pipe).exitCode, 0);
        disk.model.replace(disk.model.size() - 3, 3, "end");

        QCOMPARE(dump(disk), disk.model);
        const Run part = addcow({u"read"_s, disk.addCow, u"99990"_s, u"1K"_s});
        QCOMPARE(part.exitCode, 0);
        QCOMPARE(part.out, disk.model.mid(99990, 1024));
        // R18: a written cluster holds its whole content in the image file, backing parts included.
        const QByteArray image = readFile(disk.image);
        QCOMPARE(image.mid(Cluster, 2 * Cluster), disk.model.mid(Cluster, 2 * Cluster));
        QCOMPARE(addcow({u"check"_s, disk.addCow}).exitCode, 0);
    }

    // Issue 14 item 8: offsets and lengths in hexadecimal, as qemu-io and the app's Go To take them.
    void hexOffsets()
    {
        QTemporaryDir tmp;
        Disk disk;
        QVERIFY(makeDisk(tmp, disk));
        const QByteArray data = randomBytes(300, 23);
        QCOMPARE(addcow({u"write"_s, disk.addCow, u"0x10000"_s}, data, Input::Pipe).exitCode, 0);
        disk.model.replace(0x10000, data.size(), data);
        const Run read = addcow({u"read"_s, disk.addCow, u"0XFF00"_s, u"0x400"_s});
        QCOMPARE(read.exitCode, 0);
        QCOMPARE(read.out, disk.model.mid(0xff00, 0x400));
        QCOMPARE(dump(disk), disk.model);

        // Bad hex is refused naming the argument and the text; nothing is written.
        const QByteArray before = snapshot(disk);
        const Run badOffset = addcow({u"read"_s, disk.addCow, u"0xZZ"_s, u"16"_s});
        QCOMPARE(badOffset.exitCode, 1);
        QVERIFY2(badOffset.out.isEmpty() && badOffset.err.contains("OFFSET: invalid hexadecimal number '0xZZ': 'Z' is not a hexadecimal digit"),
                 badOffset.err.constData());
        const Run badLength = addcow({u"read"_s, disk.addCow, u"0"_s, u"0x"_s});
        QCOMPARE(badLength.exitCode, 1);
        QVERIFY2(badLength.err.contains("LENGTH: invalid hexadecimal number '0x'"), badLength.err.constData());
        const Run badWrite = addcow({u"write"_s, disk.addCow, u"0xZZ"_s}, data, Input::Pipe);
        QCOMPARE(badWrite.exitCode, 1);
        QVERIFY2(badWrite.err.contains("OFFSET: invalid hexadecimal number '0xZZ'"), badWrite.err.constData());
        QCOMPARE(snapshot(disk), before);

        // And --help says so.
        for (const char *command : {"read", "write"}) {
            const Run help = addcow({QString::fromLatin1(command), u"--help"_s});
            QCOMPARE(help.exitCode, 0);
            QVERIFY2(help.out.contains("0x1f000"), help.out.constData());
        }
    }

    void pastTheEndChangesNothing_R15()
    {
        QTemporaryDir tmp;
        Disk disk;
        QVERIFY(makeDisk(tmp, disk));
        const QByteArray before = snapshot(disk);
        const qint64 size = disk.model.size();

        struct Attempt {
            QString offset;
            QByteArray data;
            Input mode;
        };
        const QList<Attempt> writes = {
            {QString::number(size - 10), QByteArray(20, 'x'), Input::Pipe},
            {QString::number(size - 10), QByteArray(20, 'x'), Input::File},
            {QString::number(size + 1), QByteArray(1, 'x'), Input::Pipe},
            // 5 MiB from a pipe on a 3 MiB disk: the first 3 MiB must not be written either.
            {u"0"_s, randomBytes(5 * 1024 * 1024, 31), Input::Pipe},
            {u"0"_s, randomBytes(5 * 1024 * 1024, 31), Input::File},
        };
        for (const Attempt &attempt : writes) {
            const Run write = addcow({u"write"_s, disk.addCow, attempt.offset}, attempt.data, attempt.mode);
            QCOMPARE(write.exitCode, 1);
            QVERIFY2(write.err.startsWith(QByteArray("addcow: " + disk.addCow.toUtf8())), write.err.constData());
            QVERIFY(write.err.contains("nothing was written"));
            QCOMPARE(snapshot(disk), before);
        }
        for (const QStringList &range : {QStringList{QString::number(size - 1), u"2"_s}, QStringList{QString::number(size), u"1"_s},
                                         QStringList{u"16E"_s, u"1"_s}, QStringList{u"1"_s, u"15E"_s}}) {
            const Run read = addcow(QStringList{u"read"_s, disk.addCow} + range);
            QCOMPARE(read.exitCode, 1);
            QVERIFY(read.out.isEmpty());
            QVERIFY(!read.err.isEmpty());
        }
        // A zero-length read at the end is no error.
        QCOMPARE(addcow({u"read"_s, disk.addCow, QString::number(size), u"0"_s}).exitCode, 0);
        QCOMPARE(snapshot(disk), before);
        QCOMPARE(dump(disk), disk.model);
    }

    void createRefusals_R20()
    {
        QTemporaryDir tmp;
        Disk disk;
        QVERIFY(makeDisk(tmp, disk, false));
        const QString small = tmp.filePath(u"small.add-cow"_s);

        // An image file smaller than the backing file: refused, nothing left behind.
        const Run refused = addcow({u"create"_s, u"-b"_s, u"back.raw"_s, u"-i"_s, u"small.raw"_s, u"-s"_s, u"512K"_s, small});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY(refused.err.contains("-f"));
        QVERIFY(!QFile::exists(small));
        QVERIFY(!QFile::exists(tmp.filePath(u"small.raw"_s)));
        // -f forces it.
        const Run forced = addcow({u"create"_s, u"-f"_s, u"-b"_s, u"back.raw"_s, u"-i"_s, u"small.raw"_s, u"-s"_s, u"512K"_s, small});
        QCOMPARE(forced.exitCode, 0);
        QCOMPARE(jsonObject(addcow({u"info"_s, u"--output=json"_s, small}).out)[u"virtual-size"_s].toInteger(), qint64(512 * 1024));

        // An existing .add-cow file is never replaced without --overwrite, and -f does not do it.
        const QByteArray before = snapshot(disk);
        for (const QStringList &extra : {QStringList{}, QStringList{u"-f"_s}}) {
            const Run exists = addcow(QStringList{u"create"_s} + extra + QStringList{u"-b"_s, u"back.raw"_s, u"-i"_s, u"img.raw"_s, disk.addCow});
            QCOMPARE(exists.exitCode, 1);
            QVERIFY(exists.err.contains("--overwrite"));
            QCOMPARE(snapshot(disk), before);
        }
        QCOMPARE(addcow({u"create"_s, u"--overwrite"_s, u"-b"_s, u"back.raw"_s, u"-i"_s, u"img.raw"_s, disk.addCow}).exitCode, 0);
        QCOMPARE(QFileInfo(disk.image).size(), qint64(3 * 1024 * 1024)); // R20: the existing image file is kept

        // Usage errors.
        QCOMPARE(addcow({u"create"_s, u"-b"_s, u"back.raw"_s, tmp.filePath(u"noimage.add-cow"_s)}).exitCode, 1); // R6
        QCOMPARE(addcow({u"create"_s, u"-F"_s, u"raw"_s, u"-i"_s, u"x.raw"_s, tmp.filePath(u"nob.add-cow"_s)}).exitCode, 1); // R9
        QCOMPARE(addcow({u"create"_s, u"-i"_s, u"x.raw"_s, u"-s"_s, u"12Q"_s, tmp.filePath(u"badsize.add-cow"_s)}).exitCode, 1);
        QVERIFY(!QFile::exists(tmp.filePath(u"x.raw"_s)));
    }

    void createPreallocate()
    {
        QTemporaryDir tmp;
        const QString addCow = tmp.filePath(u"pre.add-cow"_s);
        const QString image = tmp.filePath(u"pre.raw"_s);
        QCOMPARE(addcow({u"create"_s, u"--preallocate"_s, u"-i"_s, u"pre.raw"_s, u"-s"_s, u"2M"_s, addCow}).exitCode, 0);
        struct stat status = {};
        QCOMPARE(::stat(QFile::encodeName(image).constData(), &status), 0);
        QCOMPARE(qint64(status.st_size), qint64(2 * 1024 * 1024));
        QVERIFY(qint64(status.st_blocks) * 512 >= qint64(status.st_size)); // fully allocated
        const QString sparseAddCow = tmp.filePath(u"sparse.add-cow"_s);
        QCOMPARE(addcow({u"create"_s, u"-i"_s, u"sparse.raw"_s, u"-s"_s, u"2M"_s, sparseAddCow}).exitCode, 0);
        QCOMPARE(::stat(QFile::encodeName(tmp.filePath(u"sparse.raw"_s)).constData(), &status), 0);
        QVERIFY(qint64(status.st_blocks) * 512 < qint64(status.st_size)); // R20: sparse by default
    }

    void createRelativeNames_R16()
    {
        // Names are stored as given and resolve against the .add-cow file's directory, not the cwd.
        QTemporaryDir tmp;
        QVERIFY(QDir(tmp.path()).mkpath(u"images/base"_s));
        const QString backing = tmp.filePath(u"images/base/back.raw"_s);
        QCOMPARE(qemuImg({u"create"_s, u"-q"_s, u"-f"_s, u"raw"_s, backing, u"256K"_s}).exitCode, 0);
        const Run created = addcow({u"create"_s, u"-b"_s, u"base/back.raw"_s, u"-i"_s, u"disk.raw"_s, u"images/disk.add-cow"_s},
                                   {}, Input::None, tmp.path());
        QCOMPARE(created.exitCode, 0);
        QVERIFY(QFile::exists(tmp.filePath(u"images/disk.raw"_s)));
        QVERIFY(!QFile::exists(tmp.filePath(u"disk.raw"_s)));
        const QJsonObject info = jsonObject(addcow({u"info"_s, u"--output=json"_s, tmp.filePath(u"images/disk.add-cow"_s)}).out);
        QCOMPARE(info[u"backing-filename"_s].toString(), u"base/back.raw"_s);
        QCOMPARE(info[u"full-backing-filename"_s].toString(), backing);
        QCOMPARE(info[u"image-filename"_s].toString(), u"disk.raw"_s);
        QCOMPARE(info[u"virtual-size"_s].toInteger(), qint64(256 * 1024)); // default: the backing file's size
        // A name relative to the cwd but not to the .add-cow directory is not found.
        const Run missing = addcow({u"create"_s, u"-b"_s, u"images/base/back.raw"_s, u"-i"_s, u"d2.raw"_s, u"images/d2.add-cow"_s},
                                   {}, Input::None, tmp.path());
        QCOMPARE(missing.exitCode, 1);
        QVERIFY(!QFile::exists(tmp.filePath(u"images/d2.add-cow"_s)));
    }

    void commitThenQemuCompare_R19()
    {
        QTemporaryDir tmp;
        Disk disk;
        QVERIFY(makeDisk(tmp, disk));
        const QString before = tmp.filePath(u"before.raw"_s);
        QVERIFY(writeFile(before, dump(disk)));
        QCOMPARE(readFile(before), disk.model);

        const Run commit = addcow({u"commit"_s, u"-p"_s, disk.addCow});
        QCOMPARE(commit.exitCode, 0);
        QVERIFY(commit.err.contains("(100.00/100%)"));
        QVERIFY(commit.out.contains("Image committed."));
        // The image file alone is now the disk, as qemu-img sees it.
        const Run compared = qemuImg({u"compare"_s, u"-f"_s, u"raw"_s, u"-F"_s, u"raw"_s, disk.image, before});
        QCOMPARE(compared.exitCode, 0);
        const QJsonObject info = jsonObject(addcow({u"info"_s, u"--output=json"_s, disk.addCow}).out);
        QCOMPARE(info[u"all-allocated"_s].toBool(), true);
        QCOMPARE(info[u"allocated-clusters"_s].toInteger(), qint64(48));
        QCOMPARE(dump(disk), disk.model);
        // Committing again is a no-op.
        QCOMPARE(addcow({u"commit"_s, disk.addCow}).exitCode, 0);
    }

    void commitInterruptedResumes_R19()
    {
        // A backing file large enough that the commit is still running when SIGINT arrives.
        QTemporaryDir tmp;
        const QString backing = tmp.filePath(u"big.raw"_s);
        const qint64 size = 256 * 1024 * 1024;
        QCOMPARE(qemuImg({u"create"_s, u"-q"_s, u"-f"_s, u"raw"_s, backing, QString::number(size)}).exitCode, 0);
        {
            QFile file(backing);
            QVERIFY(file.open(QIODevice::ReadWrite));
            const QByteArray block = randomBytes(4 * 1024 * 1024, 41);
            for (qint64 offset = 0; offset < size; offset += block.size())
                QCOMPARE(file.write(block), block.size());
        }
        const QString addCow = tmp.filePath(u"big.add-cow"_s);
        QCOMPARE(addcow({u"create"_s, u"-b"_s, u"big.raw"_s, u"-i"_s, u"big-img.raw"_s, addCow}).exitCode, 0);

        QProcess process;
        process.start(QStringLiteral(ADDCOW_BINARY), {u"commit"_s, u"-p"_s, addCow});
        QVERIFY(process.waitForStarted());
        // Wait for the first progress past 0%, then press Ctrl-C.
        QByteArray progress;
        process.setReadChannel(QProcess::StandardError);
        while (!progress.contains("/100%)") || progress.endsWith("(0.00/100%)\r")) {
            if (!process.waitForReadyRead(TimeoutMs))
                break;
            progress += process.readAllStandardError();
        }
        ::kill(pid_t(process.processId()), SIGINT);
        QVERIFY(process.waitForFinished(TimeoutMs));
        progress += process.readAllStandardError();
        if (process.exitCode() == 0)
            QSKIP("the commit finished before SIGINT arrived");
        QCOMPARE(process.exitCode(), 130);
        QVERIFY2(progress.contains("interrupted"), progress.constData());

        const QJsonObject partial = jsonObject(addcow({u"info"_s, u"--output=json"_s, addCow}).out);
        QCOMPARE(partial[u"all-allocated"_s].toBool(true), false);
        QCOMPARE(addcow({u"check"_s, addCow}).exitCode, 0);
        // The virtual disk still reads as the backing file, and a second run finishes the job.
        QCOMPARE(addcow({u"compare"_s, addCow, backing}).exitCode, 0);
        QCOMPARE(addcow({u"commit"_s, addCow}).exitCode, 0);
        QCOMPARE(qemuImg({u"compare"_s, u"-q"_s, u"-f"_s, u"raw"_s, u"-F"_s, u"raw"_s, tmp.filePath(u"big-img.raw"_s), backing}).exitCode, 0);
    }

    void compareExitCodes()
    {
        QTemporaryDir tmp;
        Disk disk;
        QVERIFY(makeDisk(tmp, disk));
        const QString same = tmp.filePath(u"same.raw"_s);
        QVERIFY(writeFile(same, disk.model));

        Run run = addcow({u"compare"_s, disk.addCow, same});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains("identical"));
        QCOMPARE(addcow({u"compare"_s, same, disk.addCow}).exitCode, 0);
        QCOMPARE(addcow({u"compare"_s, disk.addCow, disk.addCow}).exitCode, 0);

        // One byte changed: 1, and the first differing offset.
        QByteArray changed = disk.model;
        changed[1234567] = char(changed[1234567] ^ 0x40);
        const QString different = tmp.filePath(u"different.raw"_s);
        QVERIFY(writeFile(different, changed));
        run = addcow({u"compare"_s, disk.addCow, different});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.out.contains("1234567"), run.out.constData());
        QCOMPARE(qemuImg({u"compare"_s, u"-q"_s, u"-f"_s, u"raw"_s, u"-F"_s, u"raw"_s, same, different}).exitCode, 1);

        // Sizes differ: identical when the extra part is zero (as qemu-img compare), else different.
        const QString longer = tmp.filePath(u"longer.raw"_s);
        QVERIFY(writeFile(longer, disk.model + QByteArray(100000, '\0')));
        run = addcow({u"compare"_s, disk.addCow, longer});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains("size mismatch"));
        QCOMPARE(qemuImg({u"compare"_s, u"-q"_s, u"-f"_s, u"raw"_s, u"-F"_s, u"raw"_s, same, longer}).exitCode, 0);
        QVERIFY(writeFile(longer, "!", disk.model.size() + 5000));
        run = addcow({u"compare"_s, longer, disk.addCow});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.out.contains(QByteArray::number(disk.model.size() + 5000)));
        QCOMPARE(qemuImg({u"compare"_s, u"-q"_s, u"-f"_s, u"raw"_s, u"-F"_s, u"raw"_s, same, longer}).exitCode, 1);

        // Errors: 2.
        QCOMPARE(addcow({u"compare"_s, disk.addCow, tmp.filePath(u"nothing.raw"_s)}).exitCode, 2);
        QCOMPARE(addcow({u"compare"_s, disk.addCow}).exitCode, 2);
    }

    void verifyHashesTheVirtualDisk()
    {
        QTemporaryDir tmp;
        Disk disk;
        QVERIFY(makeDisk(tmp, disk));
        const Run verify = addcow({u"verify"_s, disk.addCow});
        QCOMPARE(verify.exitCode, 0);
        const QByteArray sha = QCryptographicHash::hash(disk.model, QCryptographicHash::Sha256).toHex();
        QVERIFY2(verify.out.contains(QByteArray("sha256: " + sha)), verify.out.constData());
        QVERIFY(writeFile(disk.addCow, le64(2), 36)); // R8: warning only
        QCOMPARE(addcow({u"verify"_s, disk.addCow}).exitCode, 3);
        QCOMPARE(addcow({u"verify"_s, disk.image}).exitCode, 1);
    }

    void rebaseKeepsBitmap()
    {
        QTemporaryDir tmp;
        Disk disk;
        QVERIFY(makeDisk(tmp, disk));
        const QByteArray fileBefore = readFile(disk.addCow);
        QVERIFY(QFile::copy(disk.backing, tmp.filePath(u"moved.raw"_s)));

        // Safe rebase is not offered: without -u nothing changes.
        QCOMPARE(addcow({u"rebase"_s, u"-b"_s, u"moved.raw"_s, disk.addCow}).exitCode, 1);
        QCOMPARE(readFile(disk.addCow), fileBefore);

        const Run rebased = addcow({u"rebase"_s, u"-u"_s, u"-b"_s, u"moved.raw"_s, disk.addCow});
        QCOMPARE(rebased.exitCode, 0);
        const QByteArray fileAfter = readFile(disk.addCow);
        QCOMPARE(fileAfter.size(), fileBefore.size());
        QCOMPARE(fileAfter.mid(HeaderSize), fileBefore.mid(HeaderSize)); // the bitmap, untouched
        const QJsonObject info = jsonObject(addcow({u"info"_s, u"--output=json"_s, disk.addCow}).out);
        QCOMPARE(info[u"backing-filename"_s].toString(), u"moved.raw"_s);
        QCOMPARE(info[u"full-backing-filename"_s].toString(), tmp.filePath(u"moved.raw"_s));
        QCOMPARE(info[u"backing-format"_s].toString(), u"raw"_s);
        QCOMPARE(info[u"allocated-clusters"_s].toInteger(), qint64(3));
        QVERIFY(QFile::remove(disk.backing));
        QCOMPARE(dump(disk), disk.model);
        QCOMPARE(addcow({u"check"_s, disk.addCow}).exitCode, 0);

        // An explicit format is stored as given (R9).
        QCOMPARE(addcow({u"rebase"_s, u"-u"_s, u"-b"_s, u"moved.raw"_s, u"-F"_s, u"raw"_s, disk.addCow}).exitCode, 0);
        QCOMPARE(readFile(disk.addCow).mid(HeaderSize), fileBefore.mid(HeaderSize));
    }

    void makeDemoScript()
    {
        QTemporaryDir tmp;
        const QString out = tmp.filePath(u"demo"_s);
        // Idempotent: leftovers of an earlier run (even broken ones) are replaced.
        QVERIFY(QDir().mkpath(out));
        QVERIFY(writeFile(out + u"/demo.add-cow"_s, "not an image"));
        QVERIFY(writeFile(out + u"/demo.raw"_s, QByteArray(3 * Cluster, 'x')));
        QVERIFY(writeFile(out + u"/demo-backing.raw"_s, "old"));

        // Dozens of durable writes (R18: each one synced): minutes on a busy machine's disk.
        const Run demo = runProgram(u"bash"_s, {QStringLiteral(MAKE_DEMO_SCRIPT), QStringLiteral(ADDCOW_BINARY), out}, {}, Input::None, {}, 4 * 60 * 1000);
        QVERIFY2(demo.exitCode == 0, demo.err.constData());
        const QString addCow = out + u"/demo.add-cow"_s;
        QCOMPARE(addcow({u"check"_s, addCow}).exitCode, 0);
        const QJsonObject info = jsonObject(addcow({u"info"_s, u"--output=json"_s, addCow}).out);
        QCOMPARE(info[u"backing-filename"_s].toString(), u"demo-backing.raw"_s);
        QCOMPARE(info[u"image-filename"_s].toString(), u"demo.raw"_s);
        QVERIFY(info[u"allocated-clusters"_s].toInteger() > 0);
        QVERIFY(info[u"allocated-clusters"_s].toInteger() < info[u"clusters"_s].toInteger());
        // The backing file is shorter than the disk, so some clusters read as zero (R13).
        QVERIFY(QFileInfo(out + u"/demo-backing.raw"_s).size() < info[u"virtual-size"_s].toInteger());
        const QJsonArray runs = QJsonDocument::fromJson(addcow({u"map"_s, u"--output=json"_s, addCow}).out).array();
        QSet<QString> sources;
        for (const QJsonValue &run : runs)
            sources.insert(run[u"source"_s].toString());
        QCOMPARE(sources, (QSet<QString>{u"image"_s, u"backing"_s, u"zero"_s}));
        QVERIFY(runs.size() > 50); // patterns, not one block
        // Recognisable content: text lines that name their own offset, from both files.
        const QByteArray backingLine = addcow({u"read"_s, addCow, QString::number(6 * Cluster), u"64"_s}).out;
        QVERIFY2(backingLine.startsWith("backing file") && backingLine.contains("offset 0x0000060000\n"), backingLine.constData());
        const QByteArray imageLine = addcow({u"read"_s, addCow, u"0"_s, u"64"_s}).out;
        QVERIFY2(imageLine.startsWith("image file") && imageLine.contains("offset 0x0000000000\n"), imageLine.constData());
        // 256 MiB virtual disk (a few hundred MiB at most, sparse).
        QVERIFY(QFileInfo(out + u"/demo.raw"_s).size() == 256 * 1024 * 1024);
        // Streaming a big read (64 chunks) gives the bytes verify hashes.
        const QByteArray whole = addcow({u"read"_s, addCow, u"0"_s, u"256M"_s}).out;
        QCOMPARE(whole.size(), qsizetype(256 * 1024 * 1024));
        const QByteArray sha = QCryptographicHash::hash(whole, QCryptographicHash::Sha256).toHex();
        QVERIFY(addcow({u"verify"_s, addCow}).out.contains(QByteArray("sha256: " + sha)));
    }
};

QTEST_GUILESS_MAIN(CliTest)
#include "clitest.moc"
