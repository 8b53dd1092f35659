// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later

#include "imagetestutil.h"

#include "fileio.h"
#include "headerparser.h"
#include "headerrewrite.h"
#include "image.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <cerrno>
#include <sys/stat.h>

using namespace AddCow;
using namespace ImageTest;
using namespace Qt::StringLiterals;

namespace
{

constexpr quint64 VirtualSize = 40 * ClusterSizeBytes + 17;

struct Files {
    QTemporaryDir dir;
    QString addCow;
    QByteArray bitmapRegion; ///< every byte after the header, as written
};

// disk.add-cow over disk.raw (and base.raw unless withoutBacking), with a random bitmap and a
// few stray bytes after the region so that "byte-exact" covers the whole tail of the file.
void makeFiles(Files &files, bool withoutBacking = false, quint32 headerPagesSize = 1)
{
    QRandomGenerator random(5);
    files.addCow = files.dir.filePath(u"disk.add-cow"_s);
    QDir(files.dir.path()).mkdir(u"moved"_s);
    for (const QString &name : {u"disk.raw"_s, u"base.raw"_s, u"other.raw"_s, u"moved/disk.raw"_s})
        writeFile(files.dir.filePath(name), randomBytes(qsizetype(VirtualSize), random));
    const QByteArray bits = randomBits(clusterCountFor(VirtualSize), 50, random);
    QByteArray bytes = addCowBytes("disk.raw", withoutBacking ? QByteArray() : QByteArray("base.raw"), VirtualSize, bits);
    bytes += randomBytes(77, random);
    if (headerPagesSize > 1) { // R4: a larger header moves the bitmap to HEADER_SIZE
        qToLittleEndian<quint32>(headerPagesSize, bytes.data() + 44);
        bytes.insert(4096, QByteArray(qsizetype(4096 * (headerPagesSize - 1)), '\0'));
    }
    writeFile(files.addCow, bytes);
    files.bitmapRegion = bytes.mid(qsizetype(4096 * headerPagesSize));
    ::chmod(QFile::encodeName(files.addCow).constData(), 0640);
}

QStringList entries(const QString &path)
{
    return QDir(path).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot | QDir::System);
}

} // namespace

Q_DECLARE_METATYPE(AddCow::ErrorCode)
Q_DECLARE_METATYPE(AddCow::HeaderField)
Q_DECLARE_METATYPE(std::optional<QByteArray>)

class RewriteTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void namesChanged_data();
    void namesChanged();
    void invalidNamesRefused_data();
    void invalidNamesRefused();
    void failingOperationsLeaveOldOrNew();
    void lockedImageRefused();
    void repairsBrokenNameFields_data();
    void repairsBrokenNameFields();
    void repairRefusedWhenMoreIsBroken();
};

void RewriteTest::namesChanged_data()
{
    QTest::addColumn<bool>("withoutBacking");
    QTest::addColumn<quint32>("headerPagesSize");
    QTest::addColumn<std::optional<QByteArray>>("imageName");
    QTest::addColumn<std::optional<QByteArray>>("backingName");
    QTest::addColumn<std::optional<QByteArray>>("backingFormat");
    QTest::addColumn<QByteArray>("expectedImage");
    QTest::addColumn<QByteArray>("expectedBacking");

    const std::optional<QByteArray> keep;
    QTest::newRow("R16 image file moved") << false << 1u << std::optional<QByteArray>("moved/disk.raw") << keep << keep
                                          << QByteArray("moved/disk.raw") << QByteArray("base.raw");
    QTest::newRow("R16 backing file renamed, absolute") << false << 1u << keep << std::optional<QByteArray>("/srv/images/base.raw") << keep
                                                        << QByteArray("disk.raw") << QByteArray("/srv/images/base.raw");
    QTest::newRow("R9 backing file removed with its format") << false << 1u << keep << std::optional<QByteArray>(QByteArray()) << keep
                                                             << QByteArray("disk.raw") << QByteArray();
    QTest::newRow("R9 backing file added with its format") << true << 1u << keep << std::optional<QByteArray>("other.raw")
                                                           << std::optional<QByteArray>("raw") << QByteArray("disk.raw") << QByteArray("other.raw");
    QTest::newRow("R4 two-page header rewritten as one") << false << 2u << std::optional<QByteArray>("moved/disk.raw") << keep << keep
                                                         << QByteArray("moved/disk.raw") << QByteArray("base.raw");
    QTest::newRow("R5 long names still fit") << false << 1u << std::optional<QByteArray>("./" + QByteArray(2000, 'a') + "/../disk.raw")
                                             << std::optional<QByteArray>("./" + QByteArray(1900, 'b') + "/../base.raw") << keep
                                             << "./" + QByteArray(2000, 'a') + "/../disk.raw" << "./" + QByteArray(1900, 'b') + "/../base.raw";
}

void RewriteTest::namesChanged()
{
    QFETCH(bool, withoutBacking);
    QFETCH(quint32, headerPagesSize);
    QFETCH(std::optional<QByteArray>, imageName);
    QFETCH(std::optional<QByteArray>, backingName);
    QFETCH(std::optional<QByteArray>, backingFormat);
    QFETCH(QByteArray, expectedImage);
    QFETCH(QByteArray, expectedBacking);

    Files files;
    makeFiles(files, withoutBacking, headerPagesSize);
    const Result<void> rewritten = rewriteNames(files.addCow, NameChange{imageName, backingName, backingFormat, std::nullopt});
    QVERIFY2(rewritten.ok(), qPrintable(rewritten.error().message()));

    const QByteArray bytes = readFile(files.addCow);
    const HeaderParse parse = parseHeader(bytes, files.addCow);
    QVERIFY(!parse.hasErrors());
    QCOMPARE(parse.header.headerPagesSize, 1u);
    QCOMPARE(parse.header.imageFileName, expectedImage);
    QCOMPARE(parse.header.backingFileName, expectedBacking);
    QCOMPARE(parse.header.hasBackingFile(), !expectedBacking.isEmpty());
    QCOMPARE(parse.header.backingFormat(), expectedBacking.isEmpty() ? QByteArray() : QByteArray("raw"));
    QCOMPARE(parse.header.imageFormat(), QByteArray("raw"));
    QVERIFY(bytes.mid(4096) == files.bitmapRegion); // the bitmap and everything after it, byte for byte
    struct stat status;
    QCOMPARE(::stat(QFile::encodeName(files.addCow).constData(), &status), 0);
    QCOMPARE(status.st_mode & 07777, mode_t(0640)); // the new file keeps the old one's mode
    QCOMPARE(entries(files.dir.path()).size(), 5); // no temporary file left behind

    if (!expectedBacking.startsWith('/')) {
        const Result<Image> image = Image::open(files.addCow);
        QVERIFY2(image.ok(), qPrintable(image.error().message()));
        QCOMPARE(image->imageFile().resolvedPath, QDir::cleanPath(files.dir.filePath(QString::fromUtf8(expectedImage))));
        QCOMPARE(image->bitmap().toBytes(), files.bitmapRegion.left(qsizetype(bitmapBytesFor(clusterCountFor(VirtualSize)))));
    }
}

void RewriteTest::invalidNamesRefused_data()
{
    QTest::addColumn<bool>("withoutBacking");
    QTest::addColumn<std::optional<QByteArray>>("imageName");
    QTest::addColumn<std::optional<QByteArray>>("backingName");
    QTest::addColumn<std::optional<QByteArray>>("backingFormat");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<int>("rule");

    const std::optional<QByteArray> keep;
    // R5: names given to store are refused by checkNamesFit, as create refuses them.
    QTest::newRow("R5 NUL byte in a name") << false << std::optional<QByteArray>(QByteArray("disk\0.raw", 9)) << keep << keep
                                           << ErrorCode::InvalidArgument << 5;
    QTest::newRow("R5 names too long for the header") << false << std::optional<QByteArray>(QByteArray(3000, 'a'))
                                                      << std::optional<QByteArray>(QByteArray(1100, 'b')) << keep << ErrorCode::InvalidArgument << 5;
    QTest::newRow("R6 image file name removed") << false << std::optional<QByteArray>(QByteArray()) << keep << keep
                                                << ErrorCode::CorruptHeader << 6;
    QTest::newRow("R9 backing file without a format") << true << keep << std::optional<QByteArray>("base.raw") << keep
                                                      << ErrorCode::CorruptHeader << 9;
    QTest::newRow("R9 backing format qcow2 over raw bytes: QEMU's message") << false << keep << keep << std::optional<QByteArray>("qcow2")
                                                                         << ErrorCode::QemuError << 9;
    QTest::newRow("R9 backing format QEMU does not know") << false << keep << keep << std::optional<QByteArray>("qcow9")
                                                          << ErrorCode::UnsupportedFormat << 9;
    QTest::newRow("R9 backing format too long") << false << keep << keep << std::optional<QByteArray>(QByteArray(17, 'r'))
                                                << ErrorCode::CorruptHeader << 9;
    QTest::newRow("R17 backing file is the image file") << false << keep << std::optional<QByteArray>("./disk.raw") << keep
                                                        << ErrorCode::IdenticalFiles << 17;
    QTest::newRow("R17 image file is the add-cow file") << false << std::optional<QByteArray>("moved/../disk.add-cow") << keep << keep
                                                        << ErrorCode::IdenticalFiles << 17;
}

void RewriteTest::invalidNamesRefused()
{
    QFETCH(bool, withoutBacking);
    QFETCH(std::optional<QByteArray>, imageName);
    QFETCH(std::optional<QByteArray>, backingName);
    QFETCH(std::optional<QByteArray>, backingFormat);
    QFETCH(ErrorCode, code);
    QFETCH(int, rule);

    Files files;
    makeFiles(files, withoutBacking);
    const QByteArray before = readFile(files.addCow);
    const QStringList entriesBefore = entries(files.dir.path());
    const Result<void> rewritten = rewriteNames(files.addCow, NameChange{imageName, backingName, backingFormat, std::nullopt});
    QVERIFY(!rewritten.ok());
    QCOMPARE(int(rewritten.error().code), int(code));
    QCOMPARE(rewritten.error().rule, rule);
    QVERIFY(!rewritten.error().message().isEmpty());
    QCOMPARE(readFile(files.addCow), before);
    QCOMPARE(entries(files.dir.path()), entriesBefore);
}

void RewriteTest::failingOperationsLeaveOldOrNew()
{
    // Whatever system call fails, the .add-cow file is the old one or the new one, never a mix,
    // and no temporary file stays behind.
    int operations = 0;
    QByteArray after;
    {
        Files files;
        makeFiles(files);
        FileIo::setFaultHook([&operations](FileIo::Op, int, const QString &) {
            ++operations;
            return FileIo::Fault{};
        });
        const Result<void> rewritten = rewriteNames(files.addCow, NameChange{QByteArray("moved/disk.raw"), std::nullopt, std::nullopt, std::nullopt});
        FileIo::setFaultHook({});
        QVERIFY(rewritten.ok());
        after = readFile(files.addCow);
    }
    QVERIFY(operations >= 6);
    for (int failAt = 0; failAt < operations; ++failAt) {
        for (const bool shortWrite : {false, true}) {
            Files files;
            makeFiles(files);
            const QByteArray before = readFile(files.addCow);
            int seen = 0;
            FileIo::setFaultHook([&seen, failAt, shortWrite](FileIo::Op, int, const QString &) {
                FileIo::Fault fault;
                if (seen++ == failAt) {
                    fault.errnoValue = shortWrite ? 0 : EIO;
                    fault.shortWrite = shortWrite;
                }
                return fault;
            });
            const Result<void> rewritten = rewriteNames(files.addCow, NameChange{QByteArray("moved/disk.raw"), std::nullopt, std::nullopt, std::nullopt});
            FileIo::setFaultHook({});
            const QByteArray now = readFile(files.addCow);
            const QString where = u"operation %1 of %2%3"_s.arg(failAt).arg(operations).arg(shortWrite ? u", short write"_s : QString());
            QVERIFY2(now == before || now == after, qPrintable(where));
            QVERIFY2(rewritten.ok() || rewritten.error().code == ErrorCode::Io, qPrintable(where));
            if (!rewritten.ok())
                QVERIFY2(rewritten.error().errnoValue == EIO || rewritten.error().errnoValue == ENOSPC, qPrintable(where));
            if (rewritten.ok())
                QCOMPARE(now, after);
            QVERIFY2(entries(files.dir.path()).size() == 5, qPrintable(where + u": "_s + entries(files.dir.path()).join(u' ')));
        }
    }
}

void RewriteTest::lockedImageRefused()
{
    Files files;
    makeFiles(files);
    const QByteArray before = readFile(files.addCow);
    const Result<Image> image = Image::open(files.addCow, Image::Access::ReadWrite);
    QVERIFY(image.ok());
    const Result<void> rewritten = rewriteNames(files.addCow, NameChange{QByteArray("moved/disk.raw"), std::nullopt, std::nullopt, std::nullopt});
    QVERIFY(!rewritten.ok());
    QCOMPARE(int(rewritten.error().code), int(ErrorCode::Busy));
    QCOMPARE(readFile(files.addCow), before);
}

QTEST_GUILESS_MAIN(RewriteTest)

void RewriteTest::repairsBrokenNameFields_data()
{
    QTest::addColumn<int>("fieldOffset"); // a little-endian u32 of the header
    QTest::addColumn<quint32>("value");
    QTest::addColumn<bool>("imageBroken");
    QTest::addColumn<HeaderField>("field");
    QTest::newRow("R5 image name offset past the header") << 20 << quint32(5000) << true << HeaderField::ImageFileNameOffset;
    QTest::newRow("R5 image name size too large") << 24 << quint32(4090) << true << HeaderField::ImageFileNameSize;
    QTest::newRow("R5 backing name offset below the name area") << 12 << quint32(8) << false << HeaderField::BackingFileNameOffset;
}

// Issue 14: a header whose only errors are in its name fields is repaired by rewriteNames()
// given a new value for each broken name; without one it is refused naming the field; undo
// (NameChange::headerBytes) puts the broken header back byte for byte. The bitmap never moves.
void RewriteTest::repairsBrokenNameFields()
{
    QFETCH(int, fieldOffset);
    QFETCH(quint32, value);
    QFETCH(bool, imageBroken);
    QFETCH(HeaderField, field);

    Files files;
    makeFiles(files);
    QByteArray broken = readFile(files.addCow);
    qToLittleEndian<quint32>(value, broken.data() + fieldOffset);
    QVERIFY(writeFile(files.addCow, broken));
    const HeaderParse brokenParse = parseHeader(broken, files.addCow);
    QVERIFY(brokenParse.hasErrors());
    bool imageNameBroken = false;
    bool backingNameBroken = false;
    QVERIFY(repairableNames(brokenParse, &imageNameBroken, &backingNameBroken));
    QCOMPARE(imageNameBroken, imageBroken);
    QCOMPARE(backingNameBroken, !imageBroken);
    QVERIFY(!Image::open(files.addCow).ok());

    // No new value for the broken name: refused with the parse's reason, nothing written.
    const Result<void> refused = rewriteNames(files.addCow, NameChange{});
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().field, field);
    QCOMPARE(refused.error().rule, 5);
    QCOMPARE(readFile(files.addCow), broken);

    NameChange change;
    if (imageBroken)
        change.imageFileName = QByteArray("disk.raw");
    else
        change.backingFileName = QByteArray("base.raw");
    const Result<void> repaired = rewriteNames(files.addCow, change);
    QVERIFY2(repaired.ok(), qPrintable(repaired.error().message()));
    const QByteArray bytes = readFile(files.addCow);
    const HeaderParse parse = parseHeader(bytes, files.addCow);
    QVERIFY(!parse.hasErrors());
    QCOMPARE(parse.header.imageFileName, QByteArray("disk.raw"));
    QCOMPARE(parse.header.backingFileName, QByteArray("base.raw"));
    QVERIFY(bytes.mid(4096) == files.bitmapRegion);
    const Result<Image> image = Image::open(files.addCow);
    QVERIFY2(image.ok(), qPrintable(image.error().message()));
    QCOMPARE(entries(files.dir.path()).size(), 5); // no temporary file left behind

    // Undo: the broken header again, exactly, the bitmap as it was.
    NameChange undo;
    undo.headerBytes = broken.left(4096);
    const Result<void> undone = rewriteNames(files.addCow, undo);
    QVERIFY2(undone.ok(), qPrintable(undone.error().message()));
    QCOMPARE(readFile(files.addCow), broken);
}

void RewriteTest::repairRefusedWhenMoreIsBroken()
{
    // A broken name beside a broken magic (R2) is no name repair: refused with the magic's error.
    Files files;
    makeFiles(files);
    QByteArray broken = readFile(files.addCow);
    qToLittleEndian<quint32>(5000, broken.data() + 20);
    broken[0] = 'X';
    QVERIFY(writeFile(files.addCow, broken));
    QVERIFY(!repairableNames(parseHeader(broken, files.addCow)));
    NameChange change;
    change.imageFileName = QByteArray("disk.raw");
    const Result<void> refused = rewriteNames(files.addCow, change);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().rule, 2);
    QCOMPARE(readFile(files.addCow), broken);
}

#include "rewritetest.moc"
