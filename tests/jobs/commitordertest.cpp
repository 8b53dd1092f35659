// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later

// R19's order, checked on every call commit makes through the FileIo seam: no bitmap byte
// reaches the .add-cow file before the image file data it vouches for was made durable
// (fdatasync), in every batch; no cluster is written once its bit is set; the last batch writes
// its bits, then ALL_ALLOCATED, then makes the .add-cow file durable with one sync (ALL_ALLOCATED
// vouches only for data already durable), and nothing follows. Over a raw backing file
// (copy_file_range) and over a qcow2 one (read through qemu-nbd, written on a thread of its own,
// each batch's data sync, bitmap write and .add-cow sync on another while the next batch is
// read and written: the next batch's data may reach the image file before this batch's bits).

#include "commitjob.h"
#include "fileio.h"
#include "jobstestutil.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <chrono>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

using namespace AddCow;
using namespace JobsTest;
using namespace Qt::StringLiterals;

namespace
{

constexpr quint64 MiB = 1024 * 1024;

/** One traced call, with the bitmap bytes a .add-cow write left on disk. */
struct Event {
    FileIo::Op op;
    bool onImageFile; ///< else the .add-cow file
    quint64 offsetBytes;
    quint64 lengthBytes;
    QByteArray bytesAfter; ///< .add-cow writes: the file's bytes at [offset, +length) just after the write
};

QByteArray readRange(const QString &path, quint64 offsetBytes, quint64 lengthBytes)
{
    QFile file(path); // not through FileIo: the trace hook must not trace itself
    if (!file.open(QIODevice::ReadOnly) || !file.seek(qint64(offsetBytes)))
        return {};
    return file.read(qint64(lengthBytes));
}

struct TraceGuard {
    ~TraceGuard() { FileIo::setTraceHook({}); }
};

/**
 * Runs a commit with batches of batchBytes (cancelled once cancelAfterBytes of progress when not
 * 0) and checks the order of its calls. With slowAddCowSync, each sync of the .add-cow file takes
 * 50 ms longer, and overlapped counts the image file writes made meanwhile (between a batch's
 * bitmap write and its .add-cow sync: the next batch's data, never its bits).
 * @return the number of batches (bitmap writes) it made durable.
 */
int commitInOrder(const QString &addCow, quint64 batchBytes, quint64 cancelAfterBytes, bool slowAddCowSync = false, int *overlapped = nullptr)
{
    const Result<Image> opened = Image::open(addCow);
    if (!opened) {
        QTest::qFail(qPrintable(opened.error().message()), __FILE__, __LINE__);
        return -1;
    }
    const QString imagePath = opened->imageFile().resolvedPath;
    const QString addCowPath = opened->path();
    const quint64 clusters = opened->clusterCount();
    const quint64 headerSize = opened->header().headerSizeBytes();
    std::vector<bool> bitOnDisk(clusters);
    for (quint64 c = 0; c < clusters; ++c)
        bitOnDisk[c] = opened->bitmap().test(c);

    std::vector<Event> events;
    std::mutex eventsMutex; // over qcow2 the writer thread, a batch's sync and the job's thread all call
    TraceGuard guard;
    FileIo::setTraceHook([&](const FileIo::Call &call) {
        const bool image = call.path == imagePath;
        if ((!image && call.path != addCowPath) || call.op == FileIo::Op::Read)
            return;
        // Writes report late, as on a slow device: a commit that syncs or sets bits before a
        // write (on the writer thread, over qcow2) has finished shows it here as a late event.
        if (image && call.op == FileIo::Op::Write)
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        // A slow .add-cow sync: it is recorded after the writes the job made meanwhile.
        if (!image && call.op == FileIo::Op::Sync && slowAddCowSync)
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        const std::lock_guard lock(eventsMutex);
        Event event{call.op, image, call.offsetBytes, call.lengthBytes, {}};
        if (!image && call.op == FileIo::Op::Write)
            event.bytesAfter = readRange(addCowPath, call.offsetBytes, call.lengthBytes);
        events.push_back(event);
    });
    std::atomic_bool cancel{false};
    JobContext context(&cancel);
    context.setProgressFunction([&](quint64 done, quint64) {
        if (cancelAfterBytes && done >= cancelAfterBytes)
            cancel = true;
    });
    CommitJob job(addCow);
    job.setBatchBytes(batchBytes);
    const Result<void> result = job.run(context);
    FileIo::setTraceHook({});
    if (cancelAfterBytes ? result.error().code != ErrorCode::Cancelled : !result.ok()) {
        QTest::qFail(qPrintable(u"commit: "_s + result.error().message()), __FILE__, __LINE__);
        return -1;
    }

    std::vector<bool> unsynced(clusters); // written to the image file since its last sync
    // Bytes written into each cluster whose bit is not set yet: a batch's writes are those into
    // the clusters its bitmap write sets (its sync may run while the next batch writes).
    std::vector<quint64> writtenInto(clusters);
    bool bitsUnsynced = false;            // bitmap bytes written since the .add-cow file's last sync
    bool allAllocatedWritten = false;
    int batches = 0;
    int writesBesideBits = 0;
    int syncsAfterAllAllocated = 0;
    bool lastWasBitmapWrite = false; // the call before this one wrote bitmap bytes
    for (const Event &event : events) {
        const bool afterBitmapWrite = std::exchange(lastWasBitmapWrite, false);
        auto fail = [&](const QString &what) {
            QTest::qFail(qPrintable(what + u" (call at byte %1, %2 bytes)"_s.arg(event.offsetBytes).arg(event.lengthBytes)), __FILE__, __LINE__);
            return -1;
        };
        if (allAllocatedWritten && !(event.op == FileIo::Op::Sync && !event.onImageFile && syncsAfterAllAllocated++ == 0))
            return fail(u"R19: a call after ALL_ALLOCATED was written other than one sync of the .add-cow file"_s);
        if (event.onImageFile) {
            if (event.op == FileIo::Op::Sync) {
                std::fill(unsynced.begin(), unsynced.end(), false);
            } else if (event.op == FileIo::Op::Write || event.op == FileIo::Op::CopyRange) {
                const ClusterRange touched = ClusterRange::forBytes(event.offsetBytes, event.lengthBytes);
                for (quint64 c = touched.first; c < touched.end(); ++c) {
                    if (bitOnDisk[c])
                        return fail(u"R19: cluster %1 written while its bit is set"_s.arg(c));
                    if (bitsUnsynced && c == touched.first)
                        ++writesBesideBits;
                    unsynced[c] = true;
                    const quint64 from = std::max(event.offsetBytes, c * ClusterSizeBytes);
                    const quint64 to = std::min(event.offsetBytes + event.lengthBytes, (c + 1) * ClusterSizeBytes);
                    writtenInto[c] += to - from;
                }
            } else {
                return fail(u"commit changed the image file's size"_s);
            }
            continue;
        }
        if (event.op == FileIo::Op::Sync) {
            bitsUnsynced = false;
            continue;
        }
        if (event.op != FileIo::Op::Write)
            return fail(u"unexpected call on the .add-cow file"_s);
        if (event.offsetBytes < headerSize) { // a header field: only ALL_ALLOCATED, bytes 28-35 (R7)
            if (event.offsetBytes != 28 || event.lengthBytes != 8 || !(quint8(event.bytesAfter.at(0)) & 1))
                return fail(u"a header write other than setting ALL_ALLOCATED"_s);
            // The last batch's bits go out just before it, both made durable by the sync after.
            if (!afterBitmapWrite)
                return fail(u"R19: ALL_ALLOCATED written other than right after the last batch's bits"_s);
            for (quint64 c = 0; c < clusters; ++c) {
                if (!bitOnDisk[c] || unsynced[c])
                    return fail(u"R19: ALL_ALLOCATED written while cluster %1 is not durably committed"_s.arg(c));
            }
            allAllocatedWritten = true;
            continue;
        }
        if (bitsUnsynced)
            return fail(u"R19: a batch's bits were written before the previous batch's bits were durable"_s);
        ++batches;
        quint64 batchWritten = 0;
        for (quint64 i = 0; i < event.lengthBytes; ++i) {
            const quint64 byte = event.offsetBytes - headerSize + i;
            for (quint64 bit = 0; bit < 8; ++bit) {
                const quint64 c = byte * 8 + bit;
                const bool set = (quint8(event.bytesAfter.at(qsizetype(i))) >> bit) & 1;
                if (c >= clusters) {
                    if (set)
                        return fail(u"R12: a bit past the last cluster was set"_s);
                    continue;
                }
                if (bitOnDisk[c] && !set)
                    return fail(u"the bit of cluster %1 was cleared"_s.arg(c));
                if (set && !bitOnDisk[c] && unsynced[c])
                    return fail(u"R19: the bit of cluster %1 reached the disk before its data was made durable"_s.arg(c));
                if (set && !bitOnDisk[c])
                    batchWritten += std::exchange(writtenInto[c], 0);
                bitOnDisk[c] = bitOnDisk[c] || set;
            }
        }
        // A batch stops writing at the first cluster boundary after batchBytes.
        if (batchWritten >= batchBytes + ClusterSizeBytes)
            return fail(u"a batch wrote %1 bytes, more than its %2 and a cluster"_s.arg(batchWritten).arg(batchBytes));
        bitsUnsynced = true;
        lastWasBitmapWrite = true;
    }
    if (bitsUnsynced)
        return QTest::qFail("R19: bits were written and never made durable", __FILE__, __LINE__), -1;
    if (!cancelAfterBytes && !allAllocatedWritten)
        return QTest::qFail("R19: the commit did not set ALL_ALLOCATED", __FILE__, __LINE__), -1;
    if (allAllocatedWritten && syncsAfterAllAllocated != 1)
        return QTest::qFail("R19: ALL_ALLOCATED was not made durable", __FILE__, __LINE__), -1;
    if (cancelAfterBytes && allAllocatedWritten)
        return QTest::qFail("a cancelled commit set ALL_ALLOCATED", __FILE__, __LINE__), -1;
    if (overlapped)
        *overlapped = writesBesideBits;
    return batches;
}

} // namespace

class CommitOrderTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void order_data()
    {
        QTest::addColumn<quint64>("batchBytes");
        QTest::addColumn<quint64>("cancelAfterBytes");
        QTest::addColumn<QByteArray>("backingFormat");
        QTest::addColumn<bool>("slowAddCowSync");
        for (const QByteArray &format : {QByteArray("raw"), QByteArray("qcow2")}) {
            const char *over = format == "raw" ? "" : ", over qcow2";
            QTest::addRow("R19 data durable before bits, in every batch%s", over) << 2 * MiB << quint64(0) << format << false;
            QTest::addRow("R19 cancelled, then resumed%s", over) << 2 * MiB << 30 * MiB << format << false;
            QTest::addRow("R19 the default batch%s", over) << CommitJob::DefaultBatchBytes << quint64(0) << format << false;
        }
        // Over NBD, a batch's bitmap write and .add-cow sync run beside the next batch's copying:
        // with a slow .add-cow sync, the next batch's data reaches the image file meanwhile.
        QTest::addRow("R19 the next batch copied beside the bits, over qcow2") << 2 * MiB << quint64(0) << QByteArray("qcow2") << true;
    }

    void order()
    {
        QFETCH(quint64, batchBytes);
        QFETCH(quint64, cancelAfterBytes);
        QFETCH(QByteArray, backingFormat);
        QFETCH(bool, slowAddCowSync);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        // Several batches; a backing file with holes that ends before the disk does (zeros are
        // written where the image file holds old data); clusters already allocated in between.
        const quint64 size = 72 * MiB + 4097;
        QRandomGenerator random(19);
        QVERIFY(makeSparseRandomFile(dir.filePath(u"base.raw"_s), 60 * MiB + 3, 60, random));
        QVERIFY(makeSparseRandomFile(dir.filePath(u"disk.raw"_s), size, 30, random));
        CreateOptions options;
        options.addCowPath = dir.filePath(u"disk.add-cow"_s);
        options.imageFileName = "disk.raw";
        options.backingFileName = "base." + backingFormat;
        options.backingFormat = backingFormat;
        if (backingFormat != "raw") {
            QProcess convert;
            convert.start(u"qemu-img"_s, {u"convert"_s, u"-f"_s, u"raw"_s, u"-O"_s, QString::fromLatin1(backingFormat), dir.filePath(u"base.raw"_s),
                                          dir.filePath(QString::fromLatin1(options.backingFileName))});
            QVERIFY(convert.waitForFinished(60000));
            QVERIFY2(convert.exitCode() == 0, convert.readAllStandardError().constData());
        }
        QVERIFY(create(options).ok());
        QVERIFY(writeRandomBitmap(options.addCowPath, clusterCountFor(size), 30, 40, random));
        QVERIFY(dumpDisk(options.addCowPath, dir.filePath(u"before.dump"_s)).isEmpty());

        int batches = 0;
        if (cancelAfterBytes) {
            const int before = commitInOrder(options.addCowPath, batchBytes, cancelAfterBytes);
            if (QTest::currentTestFailed())
                return;
            QVERIFY(before >= 1);
            batches += before;
        }
        int overlapped = 0;
        const int rest = commitInOrder(options.addCowPath, batchBytes, 0, slowAddCowSync, &overlapped);
        if (QTest::currentTestFailed())
            return;
        if (slowAddCowSync)
            QVERIFY2(overlapped >= 1, "no image file write while a batch's bits were made durable: the copying waited for them");
        QVERIFY(rest >= 1);
        batches += rest;
        if (batchBytes < 8 * MiB)
            QVERIFY2(batches >= 5, "the disk must take several batches for the order to be checked in each");

        // The image file alone is now the disk it was before (R19).
        QCOMPARE(sha256OfFile(options.addCowPath.chopped(7) + u"raw"_s), sha256OfFile(dir.filePath(u"before.dump"_s)));
    }
};

QTEST_GUILESS_MAIN(CommitOrderTest)
#include "commitordertest.moc"
