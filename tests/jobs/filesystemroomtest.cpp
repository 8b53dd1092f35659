// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later

#include "createjob.h"
#include "filesystemroom.h"
#include "format.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>

using namespace AddCow;
using namespace Qt::StringLiterals;

namespace
{
constexpr quint64 TiB = quint64(1) << 40;
}

/** Issue 14 item 7: sizes whose image or bitmap cannot fit are refused before anything is written. */
class FileSystemRoomTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QVERIFY(m_dir.isValid()); }

    void smallFilesFit()
    {
        QVERIFY(FileSystemRoom::takesFileOf(m_dir.path(), 1 << 20).value());
        QVERIFY(FileSystemRoom::freeBytes(m_dir.path()).value() > 0);
        QVERIFY(FileSystemRoom::checkCreate(m_dir.filePath(u"a.add-cow"_s), m_dir.filePath(u"a.raw"_s), 1 << 30, true, false).ok());
        QVERIFY(QDir(m_dir.path()).isEmpty()); // the probe leaves nothing behind
    }

    void beyondAnyFile()
    {
        // Past off_t: no file system can hold it, and nothing is asked of the disk.
        QCOMPARE(FileSystemRoom::takesFileOf(m_dir.path(), quint64(1) << 63).value(), false);
        const Result<void> refused = FileSystemRoom::check({{m_dir.filePath(u"x.raw"_s), ~quint64(0), 0}});
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().errnoValue, EFBIG);
        QCOMPARE(refused.error().path, m_dir.filePath(u"x.raw"_s));
    }

    void largestFileOfThisFileSystem()
    {
        // ext4 with 4 KiB blocks: 16 TiB. The bug: 20T failed only at Create, with EFBIG.
        if (FileSystemRoom::takesFileOf(m_dir.path(), 20 * TiB).value())
            QSKIP("this file system takes 20 TiB files");
        const Result<void> refused = FileSystemRoom::checkCreate(m_dir.filePath(u"big.add-cow"_s), m_dir.filePath(u"big.raw"_s), 20 * TiB, true, false);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().errnoValue, EFBIG);
        QVERIFY(refused.error().detail.contains(QString::number(20 * TiB)));
        // An existing image of that size cannot exist here; the .add-cow file alone fits.
        QVERIFY(FileSystemRoom::checkCreate(m_dir.filePath(u"big.add-cow"_s), m_dir.filePath(u"big.raw"_s), 20 * TiB, false, false).ok());
    }

    void spaceIsCountedPerFileSystem()
    {
        const quint64 available = FileSystemRoom::freeBytes(m_dir.path()).value();
        // Two files on one file system that fit alone but not together. Each takes 3/5 of the
        // free space, so other tests writing or deleting files meanwhile (ctest -j2; a margin of
        // a few KiB failed in CI) cannot change the answer.
        const quint64 part = available / 5 * 3;
        QVERIFY(FileSystemRoom::check({{m_dir.filePath(u"one"_s), part, part}}).ok());
        const Result<void> refused = FileSystemRoom::check({{m_dir.filePath(u"one"_s), part, part}, {m_dir.filePath(u"two"_s), part, part}});
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().errnoValue, ENOSPC);
        QVERIFY(refused.error().path.contains(u"two"_s));
    }

    void bitmapMustFitInTheFreeSpace()
    {
        // The bug: 100000T planned a 195 GiB bitmap on a disk with 77 GiB free.
        const quint64 available = FileSystemRoom::freeBytes(m_dir.path()).value();
        const quint64 virtualSize = 100000 * TiB;
        const quint64 bitmapBytes = bitmapRegionBytesFor(clusterCountFor(virtualSize));
        if (bitmapBytes <= available)
            QSKIP("this file system has room for a 195 GiB bitmap");
        // An image file that exists (its size is what it is) so only the bitmap is in question.
        const Result<void> refused = FileSystemRoom::checkCreate(m_dir.filePath(u"huge.add-cow"_s), m_dir.filePath(u"huge.raw"_s), virtualSize, false, false);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().errnoValue, ENOSPC);
        QVERIFY(refused.error().path.endsWith(u"huge.add-cow"_s));
    }

    void preallocatedImageNeedsItsBlocks()
    {
        const quint64 available = FileSystemRoom::freeBytes(m_dir.path()).value();
        const quint64 size = (available + TiB) & ~quint64(0xffff);
        if (!FileSystemRoom::takesFileOf(m_dir.path(), size).value())
            QSKIP("the free space is close to the largest file");
        QVERIFY(FileSystemRoom::checkCreate(m_dir.filePath(u"p.add-cow"_s), m_dir.filePath(u"p.raw"_s), size, true, false).ok()); // sparse: thin on purpose
        const Result<void> refused = FileSystemRoom::checkCreate(m_dir.filePath(u"p.add-cow"_s), m_dir.filePath(u"p.raw"_s), size, true, true);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().errnoValue, ENOSPC);
    }

    void createJobRefusesFirst()
    {
        if (FileSystemRoom::takesFileOf(m_dir.path(), 20 * TiB).value())
            QSKIP("this file system takes 20 TiB files");
        CreateOptions options;
        options.addCowPath = m_dir.filePath(u"disk.add-cow"_s);
        options.imageFileName = "disk.raw";
        options.sizeBytes = 20 * TiB;
        CreateJob job(options);
        JobContext context;
        const Result<void> result = job.run(context);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().errnoValue, EFBIG);
        QVERIFY(QDir(m_dir.path()).isEmpty()); // nothing was created, nothing is left behind
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(FileSystemRoomTest)
#include "filesystemroomtest.moc"
