// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later

// R20's no-overwrite rename now goes through FileIo::renameNoReplace, so faults reach it: a failed
// rename leaves nothing behind, and a file that appears just before the rename is never replaced.

#include "../jobs/jobstestutil.h"

#include "createjob.h"
#include "fileio.h"
#include "image.h"

#include <QTemporaryDir>
#include <QTest>

#include <cerrno>

using namespace AddCow;
using namespace JobsTest;
using namespace Qt::StringLiterals;

class CreateFaultTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { FileIo::setFaultHook({}); }

    void renameFails_data()
    {
        QTest::addColumn<int>("errnoValue");
        QTest::addColumn<bool>("imageExists");
        QTest::newRow("R20 EIO, new image file") << EIO << false;
        QTest::newRow("R20 ENOSPC, new image file") << ENOSPC << false;
        QTest::newRow("R20 EIO, existing image file") << EIO << true;
    }

    void renameFails()
    {
        QFETCH(int, errnoValue);
        QFETCH(bool, imageExists);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString addCow = dir.filePath(u"disk.add-cow"_s);
        const QString image = dir.filePath(u"disk.raw"_s);
        QRandomGenerator random(5);
        QVERIFY(writeAt(dir.filePath(u"base.raw"_s), 0, randomBytes(random, 3 * ClusterSizeBytes + 5)));
        if (imageExists)
            QVERIFY(writeAt(image, 0, randomBytes(random, 4 * ClusterSizeBytes)));
        const QStringList entriesBefore = entries(dir.path());
        const QByteArray imageBefore = sha256OfFile(image);

        int renames = 0;
        FileIo::setFaultHook([&](FileIo::Op op, int, const QString &path) {
            FileIo::Fault fault;
            if (op == FileIo::Op::Rename && path == addCow) {
                ++renames;
                fault.errnoValue = errnoValue;
            }
            return fault;
        });
        CreateOptions options;
        options.addCowPath = addCow;
        options.imageFileName = "disk.raw";
        options.backingFileName = "base.raw";
        const Result<void> result = create(options);
        FileIo::setFaultHook({});

        QCOMPARE(renames, 1); // the no-replace rename reached the hook
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, ErrorCode::Io);
        QCOMPARE(result.error().errnoValue, errnoValue);
        // R20: no half-made file under any name; the temporary file and a new image file are gone.
        QCOMPARE(entries(dir.path()), entriesBefore);
        QCOMPARE(sha256OfFile(image), imageBefore);
    }

    void fileAppearingBeforeRenameIsKept()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString addCow = dir.filePath(u"disk.add-cow"_s);
        const QByteArray intruder("someone else's file, written while create ran");
        // Just before the rename, another process creates the .add-cow file.
        FileIo::setFaultHook([&](FileIo::Op op, int, const QString &path) {
            if (op == FileIo::Op::Rename && path == addCow && !QFile::exists(addCow))
                writeAt(addCow, 0, intruder);
            return FileIo::Fault{};
        });
        CreateOptions options;
        options.addCowPath = addCow;
        options.imageFileName = "disk.raw";
        options.sizeBytes = 5 * ClusterSizeBytes;
        const Result<void> result = create(options);
        FileIo::setFaultHook({});

        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, ErrorCode::AlreadyExists); // R20: never overwritten
        QFile file(addCow);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), intruder);
        // Only the intruder is left: no temporary file, no image file created for nothing.
        QCOMPARE(entries(dir.path()), QStringList{u"disk.add-cow"_s});
    }

    void renameNoReplaceDirectly()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString from = dir.filePath(u"from"_s);
        const QString to = dir.filePath(u"to"_s);
        QVERIFY(writeAt(from, 0, "new"));
        QVERIFY(writeAt(to, 0, "old"));
        QVERIFY(!FileIo::renameNoReplace(from, to));
        QCOMPARE(errno, EEXIST);
        QVERIFY(QFile::exists(from));
        QVERIFY(QFile::remove(to));
        QVERIFY(FileIo::renameNoReplace(from, to));
        QVERIFY(!QFile::exists(from));
        QFile file(to);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("new"));
    }
};

QTEST_GUILESS_MAIN(CreateFaultTest)
#include "createfaulttest.moc"
