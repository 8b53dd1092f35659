// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later

#include "../qemuimgcreate.h"
#include "createjob.h"
#include "fileio.h"
#include "format.h"
#include "jobstestutil.h"

#include <QFileInfo>
#include <QProcess>
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
quint32 u32At(const QByteArray &bytes, int offset)
{
    return qFromLittleEndian<quint32>(bytes.constData() + offset);
}
quint64 u64At(const QByteArray &bytes, int offset)
{
    return qFromLittleEndian<quint64>(bytes.constData() + offset);
}
QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/** Clears the FileIo fault hook when a test ends, even a failing one. */
struct HookGuard {
    ~HookGuard() { FileIo::setFaultHook({}); }
};
}

class CreateJobTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void exactLengthAndSparseImage_data()
    {
        QTest::addColumn<quint64>("sizeBytes");
        QTest::addColumn<quint64>("expectedRegionBytes");
        // R11: HEADER_SIZE + round_up(ceil(ceil(size / 65536) / 8), 65536).
        QTest::newRow("R11 empty disk") << quint64(0) << quint64(0);
        QTest::newRow("R11 one byte") << quint64(1) << quint64(65536);
        QTest::newRow("R11 partial cluster") << quint64(65536 + 100) << quint64(65536);
        QTest::newRow("R11 full first region") << quint64(65536) * 8 * 65536 << quint64(65536);
        QTest::newRow("R11 one cluster into the second region") << quint64(65536) * 8 * 65536 + 1 << quint64(131072);
    }

    void exactLengthAndSparseImage()
    {
        QFETCH(quint64, sizeBytes);
        QFETCH(quint64, expectedRegionBytes);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        CreateOptions options;
        options.addCowPath = dir.filePath(u"disk.add-cow"_s);
        options.imageFileName = "disk.raw";
        options.sizeBytes = sizeBytes;
        JobContext context;
        const Result<void> result = create(options, &context);
        QVERIFY2(result.ok(), qPrintable(result.error().message()));

        const QString imagePath = dir.filePath(u"disk.raw"_s);
        QCOMPARE(QFileInfo(imagePath).size(), qint64(sizeBytes));
        QVERIFY(allocatedBytes(imagePath) <= 65536); // R20: created sparse
        QCOMPARE(quint64(QFileInfo(options.addCowPath).size()), 4096 + expectedRegionBytes);
        QVERIFY(allocatedBytes(options.addCowPath) <= 4096 + 65536); // the zeroed bitmap is sparse

        const QByteArray bytes = readAll(options.addCowPath);
        QCOMPARE(bytes.left(8), QByteArray("ADD_COW\xff", 8)); // R2
        QCOMPARE(u32At(bytes, 8), 1u); // R3
        QCOMPARE(u32At(bytes, 12), 0u); // R6: no backing file
        QCOMPARE(u32At(bytes, 16), 0u);
        QCOMPARE(u32At(bytes, 20), 80u);
        QCOMPARE(u32At(bytes, 24), 8u);
        QCOMPARE(u64At(bytes, 28), FeatureAllAllocated); // R14: no backing file
        QCOMPARE(u64At(bytes, 36), 0u); // R8
        QCOMPARE(u32At(bytes, 44), 1u); // R4, R20
        QCOMPARE(bytes.mid(48, 16), QByteArray(16, '\0')); // R9: no backing format
        QCOMPARE(bytes.mid(64, 16), QByteArray("raw").leftJustified(16, '\0'));
        QCOMPARE(bytes.mid(80, 8), QByteArray("disk.raw"));
        QCOMPARE(bytes.mid(88, 4096 - 88), QByteArray(4096 - 88, '\0')); // R10
        QCOMPARE(bytes.mid(4096), QByteArray(qsizetype(expectedRegionBytes), '\0')); // R20: zeroed bitmap

        QVERIFY(context.report().files().contains(options.addCowPath));
        QVERIFY(context.report().files().contains(imagePath));
        QCOMPARE(context.report().worstSeverity(), Severity::Info);
        QVERIFY(context.report().toText().contains(u"sparse"_s));
        QCOMPARE(entries(dir.path()), (QStringList{u"disk.add-cow"_s, u"disk.raw"_s})); // no temporary left
    }

    void namesStoredAsGiven_data()
    {
        QTest::addColumn<bool>("absolute");
        QTest::newRow("R20 relative names") << false;
        QTest::newRow("R20 absolute names") << true;
    }

    void namesStoredAsGiven()
    {
        QFETCH(bool, absolute);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(QDir(dir.path()).mkdir(u"sub"_s));
        const quint64 backingSize = 3 * 65536 + 123;
        QRandomGenerator random(7);
        QVERIFY(writeAt(dir.filePath(u"base.img"_s), 0, randomBytes(random, backingSize)));

        CreateOptions options;
        options.addCowPath = dir.filePath(u"sub/top.add-cow"_s);
        // R16: relative names resolve against the .add-cow file's directory, not the working directory.
        options.imageFileName = absolute ? QFile::encodeName(dir.filePath(u"sub/top.raw"_s)) : QByteArray("top.raw");
        options.backingFileName = absolute ? QFile::encodeName(dir.filePath(u"base.img"_s)) : QByteArray("../base.img");
        const Result<void> result = create(options);
        QVERIFY2(result.ok(), qPrintable(result.error().message()));

        QCOMPARE(QFileInfo(dir.filePath(u"sub/top.raw"_s)).size(), qint64(backingSize)); // size of the backing file
        const QByteArray bytes = readAll(options.addCowPath);
        QCOMPARE(quint64(bytes.size()), 4096u + 65536u);
        const quint32 imageSize = u32At(bytes, 24);
        QCOMPARE(u32At(bytes, 20), 80u);
        QCOMPARE(bytes.mid(80, imageSize), options.imageFileName);
        QCOMPARE(u32At(bytes, 12), 80u + imageSize);
        QCOMPARE(bytes.mid(u32At(bytes, 12), u32At(bytes, 16)), options.backingFileName);
        QCOMPARE(u64At(bytes, 28), 0u); // a backing file: ALL_ALLOCATED clear
        QCOMPARE(bytes.mid(48, 16), QByteArray("raw").leftJustified(16, '\0')); // R9: probed and stored
        QCOMPARE(bytes.mid(64, 16), QByteArray("raw").leftJustified(16, '\0'));

        // qemu-io cannot read add-cow, but the header must parse as ours does: the disk reads as the backing file.
        const Result<Image> image = Image::open(options.addCowPath);
        QVERIFY2(image.ok(), qPrintable(image.error().message()));
        QCOMPARE(image->virtualSizeBytes(), backingSize);
        const Result<QByteArray> disk = image->read(0, backingSize);
        QVERIFY(disk.ok());
        QCOMPARE(disk.value(), readAll(dir.filePath(u"base.img"_s)));
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("setup");
        QTest::addColumn<int>("expectedCode");
        QTest::newRow("R20 existing add-cow") << u"existing-addcow"_s << int(ErrorCode::AlreadyExists);
        QTest::newRow("R20 image smaller than backing") << u"small-image"_s << int(ErrorCode::ImageTooSmall);
        QTest::newRow("R20 requested size smaller than backing") << u"small-size"_s << int(ErrorCode::ImageTooSmall);
        QTest::newRow("R20 existing image never resized") << u"resize-existing"_s << int(ErrorCode::InvalidArgument);
        QTest::newRow("R17 backing is the image") << u"same-name"_s << int(ErrorCode::IdenticalFiles);
        QTest::newRow("R17 backing is a hard link of the image") << u"hard-link"_s << int(ErrorCode::IdenticalFiles);
        QTest::newRow("R17 image is the add-cow") << u"image-is-addcow"_s << int(ErrorCode::IdenticalFiles);
        QTest::newRow("R16 missing backing") << u"missing-backing"_s << int(ErrorCode::FileMissing);
        QTest::newRow("R6 no image name") << u"no-image-name"_s << int(ErrorCode::InvalidArgument);
        QTest::newRow("R9 qcow2 given for raw bytes: QEMU's message") << u"qcow2-given"_s << int(ErrorCode::QemuError);
        QTest::newRow("R9 backing format QEMU does not know") << u"unknown-given"_s << int(ErrorCode::UnsupportedFormat);
        QTest::newRow("R9 encrypted qcow2 probed") << u"encrypted-probed"_s << int(ErrorCode::UnsupportedFormat);
        QTest::newRow("R20 size smaller than a qcow2 backing disk") << u"qcow2-small-size"_s << int(ErrorCode::ImageTooSmall);
    }

    void refusals()
    {
        QFETCH(QString, setup);
        QFETCH(int, expectedCode);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QRandomGenerator random(11);
        const QString backing = dir.filePath(u"backing.raw"_s);
        const QString imagePath = dir.filePath(u"image.raw"_s);
        QVERIFY(writeAt(backing, 0, randomBytes(random, 200000)));
        CreateOptions options;
        options.addCowPath = dir.filePath(u"disk.add-cow"_s);
        options.imageFileName = "image.raw";
        options.backingFileName = "backing.raw";

        if (setup == u"existing-addcow") {
            QVERIFY(writeAt(options.addCowPath, 0, "precious"));
        } else if (setup == u"small-image") {
            QVERIFY(writeAt(imagePath, 0, randomBytes(random, 100000)));
        } else if (setup == u"small-size") {
            options.sizeBytes = 65536;
        } else if (setup == u"resize-existing") {
            QVERIFY(writeAt(imagePath, 0, randomBytes(random, 300000)));
            options.sizeBytes = 250000;
        } else if (setup == u"same-name") {
            options.imageFileName = "./backing.raw";
        } else if (setup == u"hard-link") {
            QCOMPARE(::link(QFile::encodeName(backing).constData(), QFile::encodeName(imagePath).constData()), 0);
        } else if (setup == u"image-is-addcow") {
            options.imageFileName = "disk.add-cow";
        } else if (setup == u"missing-backing") {
            options.backingFileName = "nothere.raw";
        } else if (setup == u"no-image-name") {
            options.imageFileName.clear();
        } else if (setup == u"qcow2-given") {
            options.backingFormat = "qcow2";
        } else if (setup == u"unknown-given") {
            options.backingFormat = "qcow9";
        } else if (setup == u"encrypted-probed") {
            QFile::remove(backing);
            const int exitCode = TestSupport::qemuImgCreate({u"-q"_s, u"-f"_s, u"qcow2"_s, u"--object"_s, u"secret,id=key,data=swordfish"_s, u"-o"_s,
                                                                 u"encrypt.format=luks,encrypt.key-secret=key,encrypt.iter-time=10"_s, backing, u"1M"_s});
            QCOMPARE(exitCode, 0);
        } else if (setup == u"qcow2-small-size") {
            // The qcow2 file holds a few hundred KiB; its disk is 1 MiB, and that is what R20 compares.
            QFile::remove(backing);
            QCOMPARE(QProcess::execute(u"qemu-img"_s, {u"create"_s, u"-q"_s, u"-f"_s, u"qcow2"_s, backing, u"1M"_s}), 0);
            QVERIFY(QFileInfo(backing).size() < 512 * 1024);
            options.sizeBytes = 512 * 1024;
        }
        const QStringList before = entries(dir.path());
        QHash<QString, QByteArray> hashes;
        for (const QString &name : before)
            hashes.insert(name, sha256OfFile(dir.filePath(name)));

        const Result<void> result = create(options);
        QVERIFY(!result.ok());
        QCOMPARE(int(result.error().code), expectedCode);
        QVERIFY(!result.error().message().isEmpty());
        if (setup == u"existing-addcow")
            QVERIFY(result.error().message().contains(options.addCowPath)); // names the file
        if (setup == u"missing-backing")
            QVERIFY(result.error().message().contains(dir.filePath(u"nothere.raw"_s)));
        // Nothing made, nothing changed.
        QCOMPARE(entries(dir.path()), before);
        for (const QString &name : before)
            QCOMPARE(sha256OfFile(dir.filePath(name)), hashes.value(name));
    }

    void forceAllowsSmallerImage()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QRandomGenerator random(12);
        QVERIFY(writeAt(dir.filePath(u"backing.raw"_s), 0, randomBytes(random, 200000)));
        const QByteArray imageBytes = randomBytes(random, 100000);
        QVERIFY(writeAt(dir.filePath(u"image.raw"_s), 0, imageBytes));
        CreateOptions options;
        options.addCowPath = dir.filePath(u"disk.add-cow"_s);
        options.imageFileName = "image.raw";
        options.backingFileName = "backing.raw";
        options.force = true; // R20
        JobContext context;
        const Result<void> result = create(options, &context);
        QVERIFY2(result.ok(), qPrintable(result.error().message()));
        QCOMPARE(context.report().worstSeverity(), Severity::Warning);
        QCOMPARE(readAll(dir.filePath(u"image.raw"_s)), imageBytes); // untouched
        QCOMPARE(QFileInfo(options.addCowPath).size(), 4096 + 65536);
    }

    void existingImageUsedAsIs()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QRandomGenerator random(13);
        QVERIFY(writeAt(dir.filePath(u"backing.raw"_s), 0, randomBytes(random, 200000)));
        // Larger than the backing file, with a hole and data: used as it is, never truncated (R20).
        const QString imagePath = dir.filePath(u"image.raw"_s);
        QVERIFY(resizeFile(imagePath, 9 * 65536 * 8 + 5));
        QVERIFY(writeAt(imagePath, 70000, randomBytes(random, 5000)));
        const QByteArray hash = sha256OfFile(imagePath);
        CreateOptions options;
        options.addCowPath = dir.filePath(u"disk.add-cow"_s);
        options.imageFileName = "image.raw";
        options.backingFileName = "backing.raw";
        options.sizeBytes = 9 * 65536 * 8 + 5; // equal to the existing size: accepted
        const Result<void> result = create(options);
        QVERIFY2(result.ok(), qPrintable(result.error().message()));
        QCOMPARE(sha256OfFile(imagePath), hash);
        QCOMPARE(QFileInfo(imagePath).size(), qint64(9 * 65536 * 8 + 5));
        QCOMPARE(QFileInfo(options.addCowPath).size(), 4096 + 65536); // 73 clusters: 10 bitmap bytes
    }

    void overwriteOnlyWhenAsked()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        CreateOptions options;
        options.addCowPath = dir.filePath(u"disk.add-cow"_s);
        options.imageFileName = "image.raw";
        options.sizeBytes = 1000;
        QVERIFY(create(options).ok());
        QCOMPARE(create(options).error().code, ErrorCode::AlreadyExists); // R20
        QVERIFY(writeAt(options.addCowPath, 4096, "\x01"));
        options.overwrite = true;
        JobContext context;
        const Result<void> result = create(options, &context);
        QVERIFY2(result.ok(), qPrintable(result.error().message()));
        QCOMPARE(readAll(options.addCowPath).mid(4096, 1), QByteArray(1, '\0')); // a fresh file
        QCOMPARE(context.report().worstSeverity(), Severity::Warning); // says it replaced one
        QCOMPARE(entries(dir.path()), (QStringList{u"disk.add-cow"_s, u"image.raw"_s}));
    }

    void faultAtEachStepLeavesNothing_data()
    {
        QTest::addColumn<bool>("preallocate");
        QTest::addColumn<bool>("shortWrites");
        QTest::newRow("R20 sparse, failing calls") << false << false;
        QTest::newRow("R20 sparse, short writes") << false << true;
        QTest::newRow("R20 preallocated, failing calls") << true << false;
    }

    void faultAtEachStepLeavesNothing()
    {
        QFETCH(bool, preallocate);
        QFETCH(bool, shortWrites);
        HookGuard guard;
        QRandomGenerator random(21);
        const QByteArray backingBytes = randomBytes(random, 5 * 1024 * 1024 + 17);

        auto prepare = [&](QTemporaryDir &dir) {
            writeAt(dir.filePath(u"backing.raw"_s), 0, backingBytes);
            CreateOptions options;
            options.addCowPath = dir.filePath(u"disk.add-cow"_s);
            options.imageFileName = "image.raw";
            options.backingFileName = "backing.raw";
            options.preallocate = preallocate;
            return options;
        };

        // A clean run counts the FileIo calls the job makes.
        int calls = 0;
        QList<FileIo::Op> ops;
        {
            QTemporaryDir dir;
            QVERIFY(dir.isValid());
            const CreateOptions options = prepare(dir);
            FileIo::setFaultHook([&](FileIo::Op op, int, const QString &) {
                ++calls;
                ops << op;
                return FileIo::Fault{};
            });
            const Result<void> result = create(options);
            FileIo::setFaultHook({});
            QVERIFY2(result.ok(), qPrintable(result.error().message()));
        }
        QVERIFY(calls >= 8);
        QVERIFY(ops.contains(FileIo::Op::Write));
        QVERIFY(ops.contains(FileIo::Op::Sync));
        QVERIFY(ops.contains(FileIo::Op::Truncate));

        int injected = 0;
        for (int failAt = 0; failAt < calls; ++failAt) {
            if (shortWrites && ops.at(failAt) != FileIo::Op::Write)
                continue;
            QTemporaryDir dir;
            QVERIFY(dir.isValid());
            const CreateOptions options = prepare(dir);
            int call = 0;
            FileIo::setFaultHook([&](FileIo::Op, int, const QString &) {
                FileIo::Fault fault;
                if (call++ == failAt) {
                    if (shortWrites)
                        fault.shortWrite = true;
                    else
                        fault.errnoValue = EIO;
                }
                return fault;
            });
            const Result<void> result = create(options);
            FileIo::setFaultHook({});
            ++injected;
            QVERIFY2(!result.ok(), qPrintable(u"call %1 failed but the job succeeded"_s.arg(failAt)));
            // R20: nothing under the final name, no new image file, no temporary file.
            QVERIFY2(entries(dir.path()) == QStringList{u"backing.raw"_s},
                     qPrintable(u"after failing call %1: %2"_s.arg(failAt).arg(entries(dir.path()).join(u", "_s))));
        }
        QVERIFY(injected > 0);
    }

    void faultWhileOverwritingKeepsAWholeFile()
    {
        // R20 with overwrite: whatever call fails, the final name holds the old file or the whole new one.
        HookGuard guard;
        QRandomGenerator random(22);
        const QByteArray backingBytes = randomBytes(random, 300000);
        const QByteArray oldFile = QByteArray("ADD_COW\xff", 8) + QByteArray(5000, 'o');
        auto prepare = [&](QTemporaryDir &dir) {
            writeAt(dir.filePath(u"backing.raw"_s), 0, backingBytes);
            writeAt(dir.filePath(u"disk.add-cow"_s), 0, oldFile);
            CreateOptions options;
            options.addCowPath = dir.filePath(u"disk.add-cow"_s);
            options.imageFileName = "image.raw";
            options.backingFileName = "backing.raw";
            options.overwrite = true;
            return options;
        };
        int calls = 0;
        bool renamed = false;
        {
            QTemporaryDir dir;
            QVERIFY(dir.isValid());
            const CreateOptions options = prepare(dir);
            FileIo::setFaultHook([&](FileIo::Op op, int, const QString &) {
                ++calls;
                renamed = renamed || op == FileIo::Op::Rename;
                return FileIo::Fault{};
            });
            const Result<void> result = create(options);
            FileIo::setFaultHook({});
            QVERIFY2(result.ok(), qPrintable(result.error().message()));
        }
        QVERIFY(renamed);
        for (int failAt = 0; failAt < calls; ++failAt) {
            QTemporaryDir dir;
            QVERIFY(dir.isValid());
            const CreateOptions options = prepare(dir);
            int call = 0;
            FileIo::setFaultHook([&](FileIo::Op, int, const QString &) {
                FileIo::Fault fault;
                if (call++ == failAt)
                    fault.errnoValue = EIO;
                return fault;
            });
            const Result<void> result = create(options);
            FileIo::setFaultHook({});
            QVERIFY2(!result.ok(), qPrintable(u"call %1 failed but the job succeeded"_s.arg(failAt)));
            const QByteArray now = readAll(options.addCowPath);
            if (now == oldFile) {
                QCOMPARE(entries(dir.path()), (QStringList{u"backing.raw"_s, u"disk.add-cow"_s}));
            } else {
                // Failed after the rename: the new file is whole, and the image file it names is kept.
                QCOMPARE(now.size(), 4096 + 65536);
                QCOMPARE(now.left(8), QByteArray("ADD_COW\xff", 8));
                QCOMPARE(now.mid(80, 9), QByteArray("image.raw"));
                QCOMPARE(entries(dir.path()), (QStringList{u"backing.raw"_s, u"disk.add-cow"_s, u"image.raw"_s}));
            }
        }
    }

    void cancelRemovesWhatWasMade_data()
    {
        QTest::addColumn<quint64>("cancelAfterBytes");
        QTest::newRow("R20 cancelled before starting") << quint64(0);
        QTest::newRow("R20 cancelled while preallocating") << quint64(8 * 1024 * 1024);
    }

    void cancelRemovesWhatWasMade()
    {
        QFETCH(quint64, cancelAfterBytes);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        CreateOptions options;
        options.addCowPath = dir.filePath(u"disk.add-cow"_s);
        options.imageFileName = "image.raw";
        options.sizeBytes = 64 * 1024 * 1024;
        options.preallocate = true;
        std::atomic_bool cancel{cancelAfterBytes == 0};
        JobContext context(&cancel);
        quint64 lastProgress = 0;
        context.setProgressFunction([&](quint64 done, quint64) {
            lastProgress = done;
            if (done >= cancelAfterBytes)
                cancel = true;
        });
        CreateJob job(options);
        QVERIFY(!job.description().isEmpty());
        const Result<void> result = job.run(context);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, ErrorCode::Cancelled);
        QVERIFY(lastProgress < 64u * 1024 * 1024);
        QCOMPARE(entries(dir.path()), QStringList());
    }
};

QTEST_GUILESS_MAIN(CreateJobTest)
#include "createjobtest.moc"
