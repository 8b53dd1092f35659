// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later

// The one validating open (issue 11): for any files, Image::check reports an error if and only
// if Image::open fails, read-only and read-write, with the same error. Run over the fuzz corpus,
// the regression inputs, mutations of both, and the hostile file sets; the imagefuzzer asserts
// the same for every input it makes (FuzzEntryPoints::checkAgreesWithOpen).

#include "fuzzentrypoints.h"

#include "fileio.h"
#include "format.h"
#include "header.h"
#include "../hostile/hostiletestfiles.h"
#include "image.h"

#include <QDirIterator>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <sys/stat.h>
#include <unistd.h>

using namespace AddCow;
using namespace FuzzEntryPoints;
using namespace AddCow::HostileTestFiles;
using namespace Qt::StringLiterals;

namespace
{

constexpr quint64 Cluster = ClusterSizeBytes;

QStringList inputFiles()
{
    QStringList files;
    for (const char *directory : {"corpus/image", "corpus/header", "regressions"}) {
        QDirIterator it(QFINDTESTDATA(directory), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            if (!path.endsWith(u".md"_s))
                files << path;
        }
    }
    files.sort();
    return files;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class OpenCheckPropertyTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void corpusAgrees()
    {
        const QStringList files = inputFiles();
        QVERIFY(files.size() >= 60);
        for (const QString &path : files) {
            const QString addCow = writeFileSet(ImageInput::decode(readAll(path)));
            const QString differs = checkAgreesWithOpen(addCow);
            QVERIFY2(differs.isEmpty(), qPrintable(path + u": "_s + differs));
        }
    }

    // Random damage to the corpus inputs, mostly in the header and the file sizes.
    void mutatedInputsAgree()
    {
        QRandomGenerator random(20120810);
        const QStringList files = inputFiles();
        int refused = 0;
        int opened = 0;
        for (int round = 0; round < 600; ++round) {
            QByteArray bytes = readAll(files.at(random.bounded(int(files.size()))));
            if (bytes.size() < 17)
                continue;
            const int changes = 1 + random.bounded(4);
            for (int c = 0; c < changes; ++c) {
                // The 17 bytes of flags and sizes, the fixed header fields, or anywhere.
                const int where = random.bounded(3);
                const qsizetype limit = where == 0 ? 17 : where == 1 ? std::min<qsizetype>(bytes.size(), 17 + 100) : bytes.size();
                const qsizetype offset = random.bounded(int(limit));
                bytes[offset] = char(bytes[offset] ^ (1 << random.bounded(8)));
            }
            const QString addCow = writeFileSet(ImageInput::decode(bytes));
            const QString differs = checkAgreesWithOpen(addCow);
            QVERIFY2(differs.isEmpty(), qPrintable(u"round %1: %2"_s.arg(round).arg(differs)));
            (Image::open(addCow).ok() ? opened : refused) += 1;
        }
        // The mutations reach both sides of the property.
        QVERIFY(opened > 50);
        QVERIFY(refused > 50);
    }

    // File sets whose names lead to what the user did not expect (see hostilefilestest).
    void hostileFileSetsAgree_data()
    {
        QTest::addColumn<QByteArray>("imageName");
        QTest::addColumn<QByteArray>("backingName");
        QTest::addColumn<quint64>("features");
        QTest::addColumn<bool>("usable");
        QTest::newRow("R16 backing file is a directory (issue 11)") << QByteArray("disk.raw") << QByteArray("folder") << quint64(0) << false;
        QTest::newRow("R14 backing directory not needed") << QByteArray("disk.raw") << QByteArray("folder") << FeatureAllAllocated << true;
        QTest::newRow("R16 image file is a directory") << QByteArray("folder") << QByteArray() << quint64(0) << false;
        QTest::newRow("R16 image file is a FIFO") << QByteArray("pipe") << QByteArray() << FeatureAllAllocated << false;
        QTest::newRow("R16 backing file is a FIFO") << QByteArray("disk.raw") << QByteArray("pipe") << quint64(0) << false;
        QTest::newRow("R16 image file is /dev/null") << QByteArray("/dev/null") << QByteArray() << FeatureAllAllocated << false;
        QTest::newRow("R16 backing file is /dev/zero") << QByteArray("disk.raw") << QByteArray("/dev/zero") << quint64(0) << false;
        QTest::newRow("R16 image file missing") << QByteArray("gone.raw") << QByteArray("base.raw") << quint64(0) << false;
        QTest::newRow("R16 backing file missing") << QByteArray("disk.raw") << QByteArray("gone.raw") << quint64(0) << false;
        QTest::newRow("R14 backing file missing, not needed") << QByteArray("disk.raw") << QByteArray("gone.raw") << FeatureAllAllocated << true;
        QTest::newRow("R16 a dangling symbolic link") << QByteArray("dangling.raw") << QByteArray() << FeatureAllAllocated << false;
        QTest::newRow("R16 a symbolic link to the image") << QByteArray("link.raw") << QByteArray("base.raw") << quint64(0) << true;
        QTest::newRow("R17 backing file is a hard link of the image") << QByteArray("disk.raw") << QByteArray("hard.raw") << quint64(0) << false;
        QTest::newRow("R17 image file is the .add-cow file") << QByteArray("disk.add-cow") << QByteArray() << FeatureAllAllocated << false;
        QTest::newRow("R17 backing file is the .add-cow file") << QByteArray("disk.raw") << QByteArray("./disk.add-cow") << quint64(0) << false;
    }

    void hostileFileSetsAgree()
    {
        QFETCH(QByteArray, imageName);
        QFETCH(QByteArray, backingName);
        QFETCH(quint64, features);
        QFETCH(bool, usable);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString addCow = dir.filePath(u"disk.add-cow"_s);
        QVERIFY(writeFile(dir.filePath(u"disk.raw"_s), QByteArray(qsizetype(3 * Cluster), 'i')));
        QVERIFY(writeFile(dir.filePath(u"base.raw"_s), QByteArray(qsizetype(2 * Cluster), 'b')));
        QVERIFY(QDir(dir.path()).mkdir(u"folder"_s));
        QCOMPARE(::mkfifo(QFile::encodeName(dir.filePath(u"pipe"_s)).constData(), 0600), 0);
        QVERIFY(QFile::link(dir.filePath(u"nowhere.raw"_s), dir.filePath(u"dangling.raw"_s)));
        QVERIFY(QFile::link(dir.filePath(u"disk.raw"_s), dir.filePath(u"link.raw"_s)));
        QCOMPARE(::link(QFile::encodeName(dir.filePath(u"disk.raw"_s)).constData(), QFile::encodeName(dir.filePath(u"hard.raw"_s)).constData()), 0);
        QVERIFY(writeFile(addCow, addCowBytes(imageName, backingName, 3 * Cluster, features)));

        const QString differs = checkAgreesWithOpen(addCow);
        QVERIFY2(differs.isEmpty(), qPrintable(differs));
        const Result<ImageCheck> checked = Image::check(addCow);
        QVERIFY(checked.ok());
        QCOMPARE(bool(checked->image), usable);
        QCOMPARE(Image::open(addCow).ok(), usable);
    }

    // Deliberate exception: a lock held by another writer is not a fact about the files but
    // about who uses them. A read-only check (addcow check, the app's load) does not look at
    // write locks, so it finds nothing wrong while a read-write open is refused with Busy; a
    // read-write check is refused the same way as the open.
    void exceptionLockHeldByAnotherWriter()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString addCow = dir.filePath(u"disk.add-cow"_s);
        QVERIFY(writeFile(dir.filePath(u"disk.raw"_s), QByteArray(qsizetype(Cluster), 'i')));
        QVERIFY(writeFile(dir.filePath(u"base.raw"_s), QByteArray(qsizetype(Cluster), 'b')));
        QVERIFY(writeFile(addCow, addCowBytes("disk.raw", "base.raw", Cluster)));

        // Another open file description holding QEMU's write locks conflicts like another process.
        const Result<Image> writer = Image::open(addCow, Image::Access::ReadWrite);
        QVERIFY(writer.ok());
        const Result<ImageCheck> readOnlyCheck = Image::check(addCow);
        QVERIFY(readOnlyCheck.ok());
        QVERIFY(!readOnlyCheck->hasErrors());
        const Result<Image> readWrite = Image::open(addCow, Image::Access::ReadWrite);
        QVERIFY(!readWrite.ok());
        QCOMPARE(readWrite.error().code, ErrorCode::Busy);
        const Result<ImageCheck> readWriteCheck = Image::check(addCow, Image::Access::ReadWrite);
        QVERIFY(!readWriteCheck.ok());
        QCOMPARE(readWriteCheck.error().code, ErrorCode::Busy);
        // Read-only opens are not refused by a writer (QEMU shares reading).
        QVERIFY(Image::open(addCow).ok());
    }

    // Deliberate exception: an image file the user may read but not write (a read-only file
    // system, or permissions) is a usable image for reading; a read-only check finds nothing
    // wrong, a read-write open fails on it, and a read-write check reports exactly that (R16).
    // The file system is made read-only through the FileIo seam; it cannot tell reading from
    // writing, so while it is on every open of the image file fails with EROFS.
    void exceptionImageFileNotWritable()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString addCow = dir.filePath(u"disk.add-cow"_s);
        const QString image = dir.filePath(u"disk.raw"_s);
        QVERIFY(writeFile(image, QByteArray(qsizetype(Cluster), 'i')));
        QVERIFY(writeFile(addCow, addCowBytes("disk.raw", {}, Cluster, FeatureAllAllocated)));

        const Result<ImageCheck> readOnlyCheck = Image::check(addCow);
        QVERIFY(readOnlyCheck.ok());
        QVERIFY(!readOnlyCheck->hasErrors());

        bool writing = false;
        FileIo::setFaultHook([&](FileIo::Op op, int, const QString &path) {
            return op == FileIo::Op::Open && writing && path == image ? FileIo::Fault{EROFS, false} : FileIo::Fault{};
        });
        writing = true;
        const Result<Image> readWrite = Image::open(addCow, Image::Access::ReadWrite);
        const Result<ImageCheck> readWriteCheck = Image::check(addCow, Image::Access::ReadWrite);
        const QString differs = checkAgreesWithOpen(addCow, false);
        writing = false;
        FileIo::setFaultHook({});

        QVERIFY(!readWrite.ok());
        QCOMPARE(readWrite.error().code, ErrorCode::Io);
        QCOMPARE(readWrite.error().errnoValue, EROFS);
        QVERIFY(readWriteCheck.ok());
        QVERIFY(readWriteCheck->hasErrors());
        QCOMPARE(readWriteCheck->error->finding, std::optional<FindingCode>(FindingCode::FileCannotBeOpened));
        QCOMPARE(readWriteCheck->error->errnoValue, EROFS);
        QVERIFY2(differs.isEmpty(), qPrintable(differs));
        QVERIFY(Image::open(addCow).ok());
    }
};

QTEST_GUILESS_MAIN(OpenCheckPropertyTest)

#include "opencheckpropertytest.moc"
