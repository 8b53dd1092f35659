// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later

// Headers whose names lead where the user did not expect: absolute paths outside the image's
// folder, `..` chains, symbolic links, device files, FIFOs, the .add-cow file itself. Image::open
// shows where they lead (R16), refuses what R17 refuses, never blocks, and nothing that refuses
// ever writes: every file is hashed before and after.

#include "commitjob.h"
#include "createjob.h"
#include "format.h"
#include "header.h"
#include "headerrewrite.h"
#include "hostiletestfiles.h"
#include "image.h"
#include "verifyjob.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace AddCow;
using namespace AddCow::HostileTestFiles;
using namespace Qt::StringLiterals;

namespace
{

constexpr quint64 Cluster = ClusterSizeBytes;

/**
 * What every entry under a directory is: a hash of its bytes for regular files, the target
 * for symbolic links, the type otherwise. Never opens anything but regular files.
 */
QMap<QString, QByteArray> snapshot(const QString &directory)
{
    QMap<QString, QByteArray> state;
    QDirIterator it(directory, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        struct stat status;
        if (::lstat(QFile::encodeName(path).constData(), &status) != 0)
            continue;
        QByteArray value;
        if (S_ISREG(status.st_mode)) {
            QFile file(path);
            if (file.open(QIODevice::ReadOnly)) {
                QCryptographicHash hash(QCryptographicHash::Sha256);
                hash.addData(&file);
                value = "file " + hash.result().toHex() + ' ' + QByteArray::number(qint64(status.st_size));
            }
        } else if (S_ISLNK(status.st_mode)) {
            value = "link " + QFile::encodeName(QFileInfo(path).symLinkTarget());
        } else if (S_ISFIFO(status.st_mode)) {
            value = "fifo";
        } else if (S_ISDIR(status.st_mode)) {
            value = "dir";
        } else {
            value = "other " + QByteArray::number(status.st_mode, 8);
        }
        state.insert(path, value);
    }
    return state;
}

QByteArray statOf(const QString &path)
{
    struct stat status;
    if (::stat(QFile::encodeName(path).constData(), &status) != 0)
        return {};
    return QByteArray::number(quint64(status.st_mode)) + ' ' + QByteArray::number(quint64(status.st_size)) + ' '
        + QByteArray::number(quint64(status.st_mtim.tv_sec)) + '.' + QByteArray::number(quint64(status.st_mtim.tv_nsec));
}

struct Fixture {
    QTemporaryDir root;
    QString images;  ///< root/images: the .add-cow file's folder
    QString elsewhere; ///< root/elsewhere: a folder the user did not expect
    QString addCow;

    bool make()
    {
        if (!root.isValid())
            return false;
        images = root.filePath(u"images"_s);
        elsewhere = root.filePath(u"elsewhere"_s);
        addCow = images + u"/disk.add-cow"_s;
        QRandomGenerator random(3);
        QByteArray data(qsizetype(3 * Cluster), Qt::Uninitialized);
        for (char &c : data)
            c = char(random.generate());
        return QDir().mkpath(images) && QDir().mkpath(elsewhere) && writeFile(images + u"/disk.raw"_s, data)
            && writeFile(images + u"/base.raw"_s, data.left(2 * Cluster)) && writeFile(elsewhere + u"/secret.raw"_s, data.right(Cluster))
            && ::mkfifo(QFile::encodeName(images + u"/pipe"_s).constData(), 0600) == 0
            && QFile::link(elsewhere + u"/secret.raw"_s, images + u"/link-to-secret.raw"_s)
            && QFile::link(images + u"/disk.add-cow"_s, images + u"/link-to-addcow"_s)
            && QFile::link(images + u"/disk.raw"_s, images + u"/link-to-image.raw"_s);
    }
};

/** Runs Image::open and fails the test when it takes long: a FIFO must never make it wait. */
Result<Image> openQuickly(const QString &path, Image::Access access)
{
    QElapsedTimer timer;
    timer.start();
    Result<Image> image = Image::open(path, access);
    if (timer.elapsed() > 5000)
        qWarning("Image::open took %lld ms", static_cast<long long>(timer.elapsed()));
    return image;
}

} // namespace

class HostileFilesTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(QFileInfo::exists(u"/dev/zero"_s));
        QVERIFY(QFileInfo::exists(u"/dev/null"_s));
    }

    // Names that lead out of the folder open read-only and show where they lead (R16).
    void resolvedPathsAreShown_data()
    {
        QTest::addColumn<QByteArray>("imageName");
        QTest::addColumn<QString>("expectedRelativeToRoot"); ///< resolved path below the fixture root
        QTest::newRow("R16 absolute path outside the folder") << QByteArray("@ROOT@/elsewhere/secret.raw") << u"elsewhere/secret.raw"_s;
        QTest::newRow("R16 .. chain out of the folder") << QByteArray("../images/../elsewhere/./secret.raw") << u"elsewhere/secret.raw"_s;
        QTest::newRow("R16 long .. chain") << QByteArray("../../../../../../../../../../@ROOT@/elsewhere/secret.raw") << u"elsewhere/secret.raw"_s;
        QTest::newRow("R16 symbolic link to another folder") << QByteArray("link-to-secret.raw") << u"images/link-to-secret.raw"_s;
    }

    void resolvedPathsAreShown()
    {
        QFETCH(QByteArray, imageName);
        QFETCH(QString, expectedRelativeToRoot);
        Fixture f;
        QVERIFY(f.make());
        imageName.replace("@ROOT@", QFile::encodeName(f.root.path()));
        QVERIFY(writeFile(f.addCow, addCowBytes(imageName, {}, Cluster, FeatureAllAllocated)));
        const auto before = snapshot(f.root.path());

        const Result<Image> image = openQuickly(f.addCow, Image::Access::ReadOnly);
        QVERIFY2(image.ok(), qPrintable(image.error().message()));
        QCOMPARE(image->imageFile().storedName, imageName); // R5: kept as stored
        QCOMPARE(image->imageFile().resolvedPath, QDir::cleanPath(f.root.path() + u'/' + expectedRelativeToRoot));
        QVERIFY(QDir::isAbsolutePath(image->imageFile().resolvedPath));
        QCOMPARE(image->virtualSizeBytes(), Cluster); // it really is secret.raw
        // Check opens the same way and finds nothing wrong.
        const Result<ImageCheck> findings = Image::check(f.addCow);
        QVERIFY(findings.ok());
        QVERIFY(!hasErrors(findings->findings));
        QCOMPARE(snapshot(f.root.path()), before);
    }

    // Names R17 refuses, and special files: refused for reading and for writing, without writing.
    void refusedNames_data()
    {
        QTest::addColumn<QByteArray>("imageName");
        QTest::addColumn<QByteArray>("backingName");
        QTest::addColumn<bool>("refusedReadOnly");
        QTest::addColumn<int>("code");
        const int identical = int(ErrorCode::IdenticalFiles);
        const int invalid = int(ErrorCode::InvalidArgument);
        QTest::newRow("R17 image file is the .add-cow file") << QByteArray("disk.add-cow") << QByteArray() << true << identical;
        QTest::newRow("R17 image file is the .add-cow file by ..") << QByteArray("../images/disk.add-cow") << QByteArray() << true << identical;
        QTest::newRow("R17 image file is a link to the .add-cow file") << QByteArray("link-to-addcow") << QByteArray() << true << identical;
        QTest::newRow("R17 backing file is the .add-cow file") << QByteArray("disk.raw") << QByteArray("./disk.add-cow") << true << identical;
        QTest::newRow("R17 backing file is a link to the image file") << QByteArray("disk.raw") << QByteArray("link-to-image.raw") << true << identical;
        QTest::newRow("image file is /dev/zero") << QByteArray("/dev/zero") << QByteArray() << true << invalid;
        QTest::newRow("image file is /dev/null") << QByteArray("/dev/null") << QByteArray() << true << invalid;
        QTest::newRow("image file is a FIFO") << QByteArray("pipe") << QByteArray() << true << invalid;
        QTest::newRow("backing file is /dev/zero") << QByteArray("disk.raw") << QByteArray("/dev/zero") << true << invalid;
        QTest::newRow("backing file is /dev/null") << QByteArray("disk.raw") << QByteArray("/dev/null") << true << invalid;
        QTest::newRow("backing file is a FIFO") << QByteArray("disk.raw") << QByteArray("pipe") << true << invalid;
        // Issue 11: check said clean while info and read failed on it.
        QTest::newRow("R16 backing file is a directory") << QByteArray("disk.raw") << QByteArray("../elsewhere") << true << invalid;
    }

    void refusedNames()
    {
        QFETCH(QByteArray, imageName);
        QFETCH(QByteArray, backingName);
        QFETCH(bool, refusedReadOnly);
        QFETCH(int, code);
        Fixture f;
        QVERIFY(f.make());
        QVERIFY(writeFile(f.addCow, addCowBytes(imageName, backingName, 3 * Cluster)));
        const auto before = snapshot(f.root.path());
        const QByteArray devZero = statOf(u"/dev/zero"_s);
        const QByteArray devNull = statOf(u"/dev/null"_s);

        for (const Image::Access access : {Image::Access::ReadOnly, Image::Access::ReadWrite}) {
            const Result<Image> image = openQuickly(f.addCow, access);
            if (access == Image::Access::ReadOnly && !refusedReadOnly)
                continue;
            QVERIFY2(!image.ok(), "opened a file set that must be refused");
            QCOMPARE(int(image.error().code), code);
        }
        // Commit opens read-write: refused the same way.
        JobContext commit;
        const Result<void> committed = CommitJob(f.addCow).run(commit);
        QVERIFY(!committed.ok());
        QCOMPARE(int(committed.error().code), code);
        // So is a rewrite that keeps the names; the check sees them and the header stays.
        const Result<void> rewritten = rewriteNames(f.addCow, NameChange{});
        QVERIFY(!rewritten.ok());
        // Check reports them as errors, without blocking or writing: it is the same pass as open.
        const Result<ImageCheck> findings = Image::check(f.addCow);
        QVERIFY(findings.ok());
        QVERIFY(hasErrors(findings->findings));
        QVERIFY(!findings->image);
        QCOMPARE(int(findings->error->code), code);

        QCOMPARE(snapshot(f.root.path()), before); // nothing was written, created or removed
        QCOMPARE(statOf(u"/dev/zero"_s), devZero);
        QCOMPARE(statOf(u"/dev/null"_s), devNull);
    }

    // The .add-cow file itself is special: refused without waiting for a FIFO's writer.
    void addCowFileIsSpecial_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("a FIFO") << u"@IMAGES@/pipe"_s;
        QTest::newRow("/dev/zero") << u"/dev/zero"_s;
        QTest::newRow("/dev/null") << u"/dev/null"_s;
        QTest::newRow("a directory") << u"@IMAGES@"_s;
    }

    void addCowFileIsSpecial()
    {
        QFETCH(QString, path);
        Fixture f;
        QVERIFY(f.make());
        path.replace(u"@IMAGES@"_s, f.images);
        const auto before = snapshot(f.root.path());
        const QByteArray stated = statOf(path);
        for (const Image::Access access : {Image::Access::ReadOnly, Image::Access::ReadWrite}) {
            QElapsedTimer timer;
            timer.start();
            const Result<Image> image = Image::open(path, access);
            QVERIFY(!image.ok());
            QVERIFY(timer.elapsed() < 5000);
        }
        QVERIFY(!rewriteNames(path, NameChange{std::optional<QByteArray>("other.raw"), {}, {}, {}}).ok());
        JobContext commit;
        QVERIFY(!CommitJob(path).run(commit).ok());
        const Result<ImageCheck> findings = Image::check(path);
        QVERIFY(!findings.ok() || hasErrors(findings->findings));
        QCOMPARE(snapshot(f.root.path()), before);
        QCOMPARE(statOf(path), stated);
    }

    // CreateJob never writes to, nor renames over, a device or special file.
    void createRefusesSpecialFiles_data()
    {
        QTest::addColumn<QString>("addCowName");
        QTest::addColumn<QByteArray>("imageName");
        QTest::addColumn<QByteArray>("backingName");
        QTest::addColumn<bool>("overwrite");
        QTest::newRow("image file is /dev/null") << u"new.add-cow"_s << QByteArray("/dev/null") << QByteArray() << false;
        QTest::newRow("image file is /dev/zero") << u"new.add-cow"_s << QByteArray("/dev/zero") << QByteArray() << false;
        QTest::newRow("image file is a FIFO") << u"new.add-cow"_s << QByteArray("pipe") << QByteArray() << false;
        QTest::newRow("backing file is /dev/zero") << u"new.add-cow"_s << QByteArray("new.raw") << QByteArray("/dev/zero") << false;
        QTest::newRow("backing file is a FIFO") << u"new.add-cow"_s << QByteArray("new.raw") << QByteArray("pipe") << false;
        QTest::newRow("R20 overwrite asked, .add-cow is a FIFO") << u"pipe"_s << QByteArray("new.raw") << QByteArray() << true;
        QTest::newRow("R17 image is a link to the .add-cow") << u"disk.add-cow"_s << QByteArray("link-to-addcow") << QByteArray() << true;
    }

    void createRefusesSpecialFiles()
    {
        QFETCH(QString, addCowName);
        QFETCH(QByteArray, imageName);
        QFETCH(QByteArray, backingName);
        QFETCH(bool, overwrite);
        Fixture f;
        QVERIFY(f.make());
        QVERIFY(writeFile(f.addCow, addCowBytes("disk.raw", {}, 3 * Cluster, FeatureAllAllocated)));
        const auto before = snapshot(f.root.path());
        const QByteArray devZero = statOf(u"/dev/zero"_s);
        const QByteArray devNull = statOf(u"/dev/null"_s);

        CreateOptions options;
        options.addCowPath = f.images + u'/' + addCowName;
        options.imageFileName = imageName;
        options.backingFileName = backingName;
        options.backingFormat = backingName.isEmpty() ? QByteArray() : QByteArray("raw");
        options.sizeBytes = backingName.isEmpty() ? std::optional<quint64>(0) : std::nullopt;
        options.overwrite = overwrite;
        options.force = true;
        JobContext context;
        QElapsedTimer timer;
        timer.start();
        const Result<void> result = CreateJob(options).run(context);
        QVERIFY(timer.elapsed() < 5000);
        QVERIFY2(!result.ok(), "create accepted a special file");
        QCOMPARE(snapshot(f.root.path()), before);
        QCOMPARE(statOf(u"/dev/zero"_s), devZero);
        QCOMPARE(statOf(u"/dev/null"_s), devNull);
    }

    // Renaming over a symbolic link would replace the link and leave the real file stale.
    void rewriteRefusesSymbolicLink()
    {
        Fixture f;
        QVERIFY(f.make());
        QVERIFY(writeFile(f.addCow, addCowBytes("disk.raw", "base.raw", 3 * Cluster)));
        const auto before = snapshot(f.root.path());
        const Result<void> rewritten = rewriteNames(f.images + u"/link-to-addcow"_s, NameChange{std::optional<QByteArray>("disk.raw"), {}, {}, {}});
        QVERIFY(!rewritten.ok());
        QCOMPARE(rewritten.error().code, ErrorCode::InvalidArgument);
        QCOMPARE(snapshot(f.root.path()), before);
        // Through the real path it works.
        QVERIFY(rewriteNames(f.addCow, NameChange{{}, std::optional<QByteArray>("../images/base.raw"), {}, {}}).ok());
        const Result<Image> image = Image::open(f.images + u"/link-to-addcow"_s);
        QVERIFY2(image.ok(), qPrintable(image.error().message()));
        QCOMPARE(image->backingFile().storedName, QByteArray("../images/base.raw"));
    }
};

QTEST_GUILESS_MAIN(HostileFilesTest)
#include "hostilefilestest.moc"
