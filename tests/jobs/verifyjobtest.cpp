// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later

#include "fileio.h"
#include "image.h"
#include "jobstestutil.h"
#include "verifyjob.h"

#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <cerrno>
#include <unistd.h>

using namespace AddCow;
using namespace JobsTest;
using namespace Qt::StringLiterals;

namespace
{

struct HookGuard {
    ~HookGuard()
    {
        FileIo::setFaultHook({});
        FileIo::setTraceHook({});
    }
};

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray le32(quint32 value)
{
    QByteArray bytes(4, '\0');
    qToLittleEndian(value, bytes.data());
    return bytes;
}

QByteArray le64(quint64 value)
{
    QByteArray bytes(8, '\0');
    qToLittleEndian(value, bytes.data());
    return bytes;
}

/** The virtual disk computed by the test itself from the three files, per R13. */
QByteArray expectedDisk(const QByteArray &backing, const QByteArray &imageFile, const QByteArray &bitmapBytes)
{
    QByteArray disk(imageFile.size(), '\0');
    for (qsizetype offset = 0; offset < disk.size(); ++offset) {
        const quint64 cluster = quint64(offset) / ClusterSizeBytes;
        const bool allocated = (quint8(bitmapBytes.at(qsizetype(cluster / 8))) >> (cluster % 8)) & 1;
        if (allocated)
            disk[offset] = imageFile.at(offset);
        else if (offset < backing.size())
            disk[offset] = backing.at(offset);
    }
    return disk;
}

const Finding *findingFor(const Findings &findings, int rule, Severity severity)
{
    for (const Finding &f : findings) {
        if (f.rule() == rule && f.severity == severity)
            return &f;
    }
    return nullptr;
}

} // namespace

class VerifyJobTest : public QObject
{
    Q_OBJECT

    /** img.raw over bak.raw (same name lengths, so names can be swapped in place), 4 clusters. */
    bool makeImage(const QTemporaryDir &dir)
    {
        QRandomGenerator random(3);
        if (!writeAt(dir.filePath(u"bak.raw"_s), 0, randomBytes(random, 3 * 65536 + 100)))
            return false;
        CreateOptions options;
        options.addCowPath = dir.filePath(u"disk.add-cow"_s);
        options.imageFileName = "img.raw";
        options.backingFileName = "bak.raw";
        return create(options).ok();
    }

private Q_SLOTS:
    void validImageHasNoFindings()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(makeImage(dir));
        const Result<ImageCheck> findings = Image::check(dir.filePath(u"disk.add-cow"_s));
        QVERIFY2(findings.ok(), qPrintable(findings.error().message()));
        for (const Finding &f : findings->findings)
            qWarning() << f.toString();
        QVERIFY(findings->findings.isEmpty());

        VerifyJob job(dir.filePath(u"disk.add-cow"_s), false);
        JobContext context;
        QVERIFY(job.run(context).ok());
        QCOMPARE(context.report().worstSeverity(), Severity::Info);
        QVERIFY(!job.result().dataChecked);
        QVERIFY(job.result().sha256.isEmpty());
    }

    void findings_data()
    {
        QTest::addColumn<QString>("breakage");
        QTest::addColumn<int>("rule");
        QTest::addColumn<int>("severity");
        const int info = int(Severity::Info), warning = int(Severity::Warning), error = int(Severity::Error);
        QTest::newRow("R3 version 2") << u"version"_s << 3 << error;
        QTest::newRow("R8 optional features set") << u"optional-features"_s << 8 << warning;
        QTest::newRow("R9 backing format qcow2 over raw bytes") << u"backing-format"_s << 9 << error;
        QTest::newRow("R9 backing format QEMU does not know") << u"unknown-backing-format"_s << 9 << error;
        QTest::newRow("R9 raw backing file that looks like qcow2") << u"qcow2-as-raw"_s << 9 << warning;
        QTest::newRow("R9 unsupported image format") << u"image-format"_s << 9 << error;
        QTest::newRow("R10 stray header byte") << u"stray-byte"_s << 10 << warning;
        QTest::newRow("R11 add-cow longer than its region") << u"long-addcow"_s << 11 << warning;
        QTest::newRow("R11 backing larger than the disk") << u"long-backing"_s << 11 << warning;
        QTest::newRow("R12 bits missing") << u"bits-missing"_s << 12 << error;
        QTest::newRow("R12 shorter than the rounded region") << u"short-region"_s << 12 << warning;
        QTest::newRow("R12 spare bits set") << u"spare-bits"_s << 12 << warning;
        QTest::newRow("R12 image file shrank") << u"image-shrank"_s << 12 << warning;
        QTest::newRow("R14 all allocated with clear bits") << u"all-allocated"_s << 14 << info;
        QTest::newRow("R14 backing gone after commit") << u"committed-backing-gone"_s << 14 << info;
        QTest::newRow("R16 missing image file") << u"missing-image"_s << 16 << error;
        QTest::newRow("R16 missing backing file") << u"missing-backing"_s << 16 << error;
        QTest::newRow("R16 backing file replaced by a directory") << u"backing-directory"_s << 16 << error;
        QTest::newRow("R17 image name points at the backing file") << u"identical"_s << 17 << error;
    }

    void findings()
    {
        QFETCH(QString, breakage);
        QFETCH(int, rule);
        QFETCH(int, severity);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(makeImage(dir));
        const QString addCow = dir.filePath(u"disk.add-cow"_s);
        const QString image = dir.filePath(u"img.raw"_s);
        const QString backing = dir.filePath(u"bak.raw"_s);
        if (breakage == u"version")
            QVERIFY(writeAt(addCow, 8, le32(2)));
        else if (breakage == u"optional-features")
            QVERIFY(writeAt(addCow, 36, le64(1)));
        else if (breakage == u"backing-format")
            QVERIFY(writeAt(addCow, 48, "qcow2"));
        else if (breakage == u"unknown-backing-format")
            QVERIFY(writeAt(addCow, 48, "qcow9"));
        else if (breakage == u"qcow2-as-raw") // read as raw bytes, as stored (R9), but check says what they look like
            QVERIFY(writeAt(backing, 0, QByteArray("QFI\xfb\0\0\0\3", 8)));
        else if (breakage == u"image-format")
            QVERIFY(writeAt(addCow, 64, "vmdk"));
        else if (breakage == u"stray-byte")
            QVERIFY(writeAt(addCow, 4000, "x"));
        else if (breakage == u"long-addcow")
            QVERIFY(resizeFile(addCow, 4096 + 2 * 65536));
        else if (breakage == u"long-backing")
            QVERIFY(writeAt(backing, 4 * 65536, "tail"));
        else if (breakage == u"bits-missing")
            QVERIFY(resizeFile(addCow, 4096));
        else if (breakage == u"short-region")
            QVERIFY(resizeFile(addCow, 4096 + 10));
        else if (breakage == u"spare-bits")
            QVERIFY(writeAt(addCow, 4096, "\x31")); // clusters 0, 4 and 5 of 4
        else if (breakage == u"image-shrank") {
            QVERIFY(writeAt(addCow, 4096, "\x0f")); // all 4 clusters written...
            QVERIFY(resizeFile(image, 65536)); // ...then the image file cut to 1 cluster
            QVERIFY(resizeFile(backing, 65536));
        } else if (breakage == u"all-allocated")
            QVERIFY(writeAt(addCow, 28, le64(FeatureAllAllocated)));
        else if (breakage == u"committed-backing-gone") {
            QVERIFY(writeAt(addCow, 4096, "\x0f"));
            QVERIFY(writeAt(addCow, 28, le64(FeatureAllAllocated)));
            QVERIFY(QFile::remove(backing));
        } else if (breakage == u"missing-image")
            QVERIFY(QFile::remove(image));
        else if (breakage == u"missing-backing")
            QVERIFY(QFile::remove(backing));
        else if (breakage == u"backing-directory")
            QVERIFY(QFile::remove(backing) && QDir().mkdir(backing));
        else if (breakage == u"identical")
            QVERIFY(writeAt(addCow, 80, "bak.raw"));

        const Result<ImageCheck> checked = Image::check(addCow);
        QVERIFY2(checked.ok(), qPrintable(checked.error().message()));
        const Findings &found = checked->findings;
        QStringList texts;
        for (const Finding &f : found)
            texts << severityName(f.severity) + u": "_s + f.toString();
        // The same pass opens the image: it opens exactly when check finds no error.
        QCOMPARE(Image::open(addCow).ok(), !hasErrors(found));
        const Finding *finding = findingFor(found, rule, Severity(severity));
        QVERIFY2(finding, qPrintable(texts.join(u"\n"_s)));
        QVERIFY(!finding->message().isEmpty());
        // Warnings and infos stand alone: the image is still usable.
        if (severity != int(Severity::Error))
            QVERIFY2(!hasErrors(found), qPrintable(texts.join(u"\n"_s)));
        if (severity == int(Severity::Info))
            QVERIFY2(!hasWarnings(found), qPrintable(texts.join(u"\n"_s)));
        if (breakage == u"missing-image") { // R16: both the stored and the resolved name
            QCOMPARE(finding->code, FindingCode::FileMissing);
            QVERIFY(finding->arguments.contains(FindingArgument::ofName("img.raw")));
            QVERIFY(finding->arguments.contains(FindingArgument::ofPath(image)));
        }
        if (breakage == u"image-shrank") { // old and new implied sizes
            QCOMPARE(finding->code, FindingCode::SpareBitsSet);
            QCOMPARE(finding->arguments.at(2), FindingArgument::ofNumber(262144));
            QCOMPARE(finding->arguments.at(3), FindingArgument::ofNumber(65536));
        }

        // The job reports the same, at the same worst severity.
        VerifyJob job(addCow, false);
        JobContext context;
        QVERIFY(job.run(context).ok());
        QCOMPARE(job.result().findings.size(), found.size());
        QCOMPARE(int(context.report().worstSeverity()), int(std::max_element(found.begin(), found.end(), [](const Finding &a, const Finding &b) {
                                                                return a.severity < b.severity;
                                                            })->severity));
    }

    void notAddCow_data()
    {
        QTest::addColumn<QByteArray>("start");
        QTest::addColumn<int>("code");
        QTest::newRow("R2 bad magic") << QByteArray("QFI\xfb", 4) << int(ErrorCode::NotAddCow);
        QTest::newRow("R2 later ACOW layout") << QByteArray("ACOW") << int(ErrorCode::LaterAddCowLayout);
    }

    void notAddCow()
    {
        QFETCH(QByteArray, start);
        QFETCH(int, code);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"x.add-cow"_s);
        QVERIFY(writeAt(path, 0, start + QByteArray(8192, '\0')));
        const Result<ImageCheck> checked = Image::check(path);
        QVERIFY(!checked.ok());
        QCOMPARE(int(checked.error().code), code);
        VerifyJob job(path, true);
        JobContext context;
        QVERIFY(!job.run(context).ok());
        QCOMPARE(context.report().worstSeverity(), Severity::Error);
    }

    void hashMatchesTheDisk()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QRandomGenerator random(42);
        const quint64 size = 9 * 1024 * 1024 + 1000; // several 4 MiB chunks and a partial cluster
        QVERIFY(makeSparseRandomFile(dir.filePath(u"bak.raw"_s), 6 * 1024 * 1024 + 3, 70, random));
        QVERIFY(makeSparseRandomFile(dir.filePath(u"img.raw"_s), size, 60, random));
        CreateOptions options;
        options.addCowPath = dir.filePath(u"disk.add-cow"_s);
        options.imageFileName = "img.raw";
        options.backingFileName = "bak.raw";
        QVERIFY(create(options).ok());
        QVERIFY(writeRandomBitmap(options.addCowPath, clusterCountFor(size), 50, 10, random));

        const QByteArray expected = expectedDisk(readAll(dir.filePath(u"bak.raw"_s)), readAll(dir.filePath(u"img.raw"_s)),
                                                 readAll(options.addCowPath).mid(4096));
        QVERIFY(dumpDisk(options.addCowPath, dir.filePath(u"dump"_s)).isEmpty());
        QCOMPARE(sha256OfFile(dir.filePath(u"dump"_s)), QCryptographicHash::hash(expected, QCryptographicHash::Sha256));

        VerifyJob job(options.addCowPath, true);
        JobContext context;
        quint64 lastDone = 0;
        context.setProgressFunction([&](quint64 done, quint64 total) {
            QCOMPARE(total, size);
            lastDone = done;
        });
        const Result<void> result = job.run(context);
        QVERIFY2(result.ok(), qPrintable(result.error().message()));
        QVERIFY(job.result().dataChecked);
        QVERIFY(job.result().unreadable.isEmpty());
        QCOMPARE(lastDone, size);
        QCOMPARE(job.result().sha256, QCryptographicHash::hash(expected, QCryptographicHash::Sha256));
        QVERIFY(context.report().toText().contains(QString::fromLatin1(job.result().sha256.toHex())));
        QCOMPARE(context.report().worstSeverity(), Severity::Info);
    }

    void unreadableRangesAreReported()
    {
        HookGuard guard;
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QRandomGenerator random(43);
        const quint64 size = 10 * 1024 * 1024;
        QVERIFY(writeAt(dir.filePath(u"bak.raw"_s), 0, randomBytes(random, size)));
        const QByteArray imageBytes = randomBytes(random, size);
        QVERIFY(writeAt(dir.filePath(u"img.raw"_s), 0, imageBytes));
        CreateOptions options;
        options.addCowPath = dir.filePath(u"disk.add-cow"_s);
        options.imageFileName = "img.raw";
        options.backingFileName = "bak.raw";
        QVERIFY(create(options).ok());
        // Only clusters 40-42 and 100 come from the image file; reads of the image file fail.
        QVERIFY(writeAt(options.addCowPath, 4096 + 5, QByteArray("\x07", 1)));
        QVERIFY(writeAt(options.addCowPath, 4096 + 12, QByteArray("\x10", 1)));
        const QString imagePath = QFileInfo(dir.filePath(u"img.raw"_s)).absoluteFilePath();
        FileIo::setFaultHook([imagePath](FileIo::Op op, int, const QString &path) {
            FileIo::Fault fault;
            if (op == FileIo::Op::Read && QFileInfo(path).absoluteFilePath() == imagePath)
                fault.errnoValue = EIO;
            return fault;
        });
        VerifyJob job(options.addCowPath, true);
        JobContext context;
        const Result<void> result = job.run(context);
        FileIo::setFaultHook({});
        QVERIFY2(result.ok(), qPrintable(result.error().message()));
        QVERIFY(job.result().dataChecked);
        const QList<ByteRange> expectedRanges{{40 * 65536, 3 * 65536}, {100 * 65536, 65536}};
        QCOMPARE(job.result().unreadable, expectedRanges);
        QCOMPARE(context.report().worstSeverity(), Severity::Error);
        QVERIFY(context.report().toText().contains(u"%1-%2"_s.arg(40 * 65536).arg(43 * 65536 - 1)));

        // The hash counts unreadable bytes as zeros and everything else as read.
        QByteArray disk = readAll(dir.filePath(u"bak.raw"_s));
        disk.replace(40 * 65536, 3 * 65536, QByteArray(3 * 65536, '\0'));
        disk.replace(100 * 65536, 65536, QByteArray(65536, '\0'));
        QCOMPARE(job.result().sha256, QCryptographicHash::hash(disk, QCryptographicHash::Sha256));
    }

    // Issue 14: an 8 TiB sparse disk must not be read at disk speed. Holes of the image file
    // (ALL_ALLOCATED, R14) and of the backing file, and clean clusters past the backing file's
    // end (R13), are hashed as zeros without a single read.
    void holesAreNotRead_data()
    {
        QTest::addColumn<bool>("withBacking");
        QTest::newRow("R14 ALL_ALLOCATED, holes in the image file") << false;
        QTest::newRow("R13 holes in the backing file, no backing data past its end") << true;
    }

    void holesAreNotRead()
    {
        QFETCH(bool, withBacking);
        HookGuard guard;
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        constexpr quint64 MiB = 1024 * 1024;
        const quint64 size = 256 * MiB;
        QRandomGenerator random(44);
        // 3 MiB of data, MiB-aligned so that holes are exact on any file system.
        const QList<quint64> dataAt{5 * MiB, 100 * MiB, 101 * MiB};
        QByteArray expected(qsizetype(size), '\0');
        const QString dataFile = dir.filePath(withBacking ? u"bak.raw"_s : u"img.raw"_s);
        QVERIFY(resizeFile(dataFile, withBacking ? 128 * MiB : size));
        for (const quint64 offset : dataAt) {
            const QByteArray bytes = randomBytes(random, MiB);
            QVERIFY(writeAt(dataFile, offset, bytes));
            expected.replace(qsizetype(offset), bytes.size(), bytes);
        }
        CreateOptions options;
        options.addCowPath = dir.filePath(u"disk.add-cow"_s);
        options.imageFileName = "img.raw";
        if (withBacking) {
            QVERIFY(resizeFile(dir.filePath(u"img.raw"_s), size));
            options.backingFileName = "bak.raw";
            options.backingFormat = "raw";
        }
        QVERIFY(create(options).ok());

        quint64 dataFileBytesRead = 0;
        const QString dataPath = QFileInfo(dataFile).absoluteFilePath();
        FileIo::setTraceHook([&](const FileIo::Call &call) {
            if (call.op == FileIo::Op::Read && QFileInfo(call.path).absoluteFilePath() == dataPath)
                dataFileBytesRead += call.lengthBytes; // the reader thread alone reads the disk
        });
        VerifyJob job(options.addCowPath, true);
        JobContext context;
        const Result<void> result = job.run(context);
        FileIo::setTraceHook({});
        QVERIFY2(result.ok(), qPrintable(result.error().message()));
        QCOMPARE(dataFileBytesRead, 3 * MiB);
        QCOMPARE(job.result().sha256, QCryptographicHash::hash(expected, QCryptographicHash::Sha256));
    }

    void cancel()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        CreateOptions options;
        options.addCowPath = dir.filePath(u"disk.add-cow"_s);
        options.imageFileName = "img.raw";
        options.sizeBytes = 64 * 1024 * 1024;
        QVERIFY(create(options).ok());
        std::atomic_bool cancelFlag{false};
        JobContext context(&cancelFlag);
        quint64 lastDone = 0;
        context.setProgressFunction([&](quint64 done, quint64) {
            lastDone = done;
            if (done >= 8 * 1024 * 1024)
                cancelFlag = true;
        });
        VerifyJob job(options.addCowPath, true);
        const Result<void> result = job.run(context);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, ErrorCode::Cancelled);
        QCOMPARE(lastDone, quint64(8 * 1024 * 1024));
        QVERIFY(!job.result().dataChecked);
        QVERIFY(job.result().sha256.isEmpty());
    }
};

QTEST_GUILESS_MAIN(VerifyJobTest)
#include "verifyjobtest.moc"
