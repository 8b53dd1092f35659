// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
// addcow-bench-heatmap: the cluster heatmap on a 64 TiB image (2^30 clusters, a 128 MiB bitmap
// of runs and random bits), each figure next to a peer measured in the same run:
//   - counting the pyramid (one thread, all threads) against one popcount pass over the bitmap;
//     its memory against the bitmap's;
//   - 1600x1000 frames at every zoom from Fit to 32 px cells (target: under 16 ms CPU each),
//     with the app's malloc settings;
//   - a commit batch: recount and redraw of the changed part only;
//   - the real app, started as a process on the demo image (scripts/make-demo.sh), an 8 TiB
//     and a 64 TiB image (sparse files; 64 TiB on tmpfs, as ext4 stops at 16 TiB): from the
//     spawn to its first map frame (target 300 ms) and to its first frame with every block
//     counted, where that time went (the steps the app marks), and its memory then (target:
//     the bitmap plus 64 MiB), against the same app starting without an image and a plain
//     read of the .add-cow file. Median of ADDCOW_BENCH_APP_RUNS runs (default 5), with the
//     machine's load average, which the wall-clock times depend on.
// Exit status 1 when a target is missed.
#include "../bench/appfirstframe.h"
#include "clusterpyramid.h"
#include "format.h"
#include "heatmaplayout.h"
#include "heatmaprenderer.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

#include <algorithm>
#include <map>
#include <thread>
#include <vector>

#include <stdlib.h>
#include <time.h>

#ifdef __GLIBC__
#include <malloc.h>
#endif

using namespace AddCow;
using BenchSupport::AppRun;

namespace
{

constexpr quint64 ClusterCount = quint64(1) << 30;
constexpr int FrameWidth = 1600;
constexpr int FrameHeight = 1000;
constexpr double FrameTargetMs = 16.0;
constexpr double FirstFrameTargetMs = 300.0;
constexpr quint64 MemoryAllowanceBytes = quint64(64) << 20;

quint64 splitmix(quint64 &state)
{
    quint64 z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

// On-disk bitmap bytes (R13): long allocated runs, long clean runs with scattered single
// bits, and stretches of half-random words, with run edges inside words.
std::vector<quint64> realisticBitmapWords()
{
    const quint64 wordCount = ClusterCount / 64;
    std::vector<quint64> words(wordCount);
    quint64 state = 20260101;
    quint64 w = 0;
    int kind = 0;
    while (w < wordCount) {
        const quint64 r = splitmix(state);
        const quint64 length = std::min<quint64>(wordCount - w, 1 + (r % (kind == 1 ? 16384 : 4096)));
        for (quint64 i = 0; i < length; ++i, ++w) {
            switch (kind) {
            case 0: // allocated run
                words[w] = ~quint64(0);
                break;
            case 1: { // clean, about one bit in 256 set
                const quint64 a = splitmix(state), b = splitmix(state), c = splitmix(state), d = splitmix(state);
                words[w] = a & b & c & d & (splitmix(state) | splitmix(state)) & (splitmix(state) | splitmix(state) | splitmix(state));
                break;
            }
            default: // fragmented: random half
                words[w] = splitmix(state);
                break;
            }
        }
        if (w < wordCount) // a run edge inside a word
            words[w] = (quint64(1) << (r >> 58)) - 1;
        kind = (kind + 1 + int(r >> 62) % 2) % 3;
    }
    return words;
}

double threadCpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

QString ms(double value)
{
    return QString::number(value, 'f', value < 10 ? 2 : 1);
}

QString mib(quint64 bytes)
{
    return QString::number(double(bytes) / double(1 << 20), 'f', 1) + QStringLiteral(" MiB");
}

// A directory on a file system that holds a 64 TiB sparse file, or empty.
QString bigSparseDirectory()
{
    for (const QString &candidate : {QDir::tempPath(), QStringLiteral("/dev/shm")}) {
        QFile probe(candidate + QStringLiteral("/addcow-bench-heatmap-probe"));
        if (probe.open(QIODevice::WriteOnly)) {
            const bool ok = probe.resize(qint64(ClusterCount * ClusterSizeBytes));
            probe.close();
            probe.remove();
            if (ok)
                return candidate;
        }
    }
    return QString();
}

} // namespace

int main(int argc, char **argv)
{
#ifdef __GLIBC__
    // The app's own setting (app/main.cpp, issue 11): frames draw into memory as fresh as the
    // app's, not into heap blocks that glibc keeps for reuse after the first frames are freed.
    mallopt(M_MMAP_THRESHOLD, 256 * 1024);
#endif
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QTextStream out(stdout);
    bool ok = true;
    bool wallOk = true; // wall-clock frame times, meaningful on an idle machine only

    const int threads = std::max(1, QThread::idealThreadCount());
    out << "addcow-bench-heatmap: " << ClusterCount << " clusters (64 TiB), bitmap " << mib(ClusterCount / 8) << ", " << FrameWidth << "x"
        << FrameHeight << " frames, " << threads << " threads\n";
    QElapsedTimer timer;
    timer.start();
    auto bitmap = std::make_shared<ClusterBitmap>(ClusterBitmap::fromLittleEndianWords(realisticBitmapWords(), ClusterCount));
    const quint64 allocated = bitmap->countAllocated();
    out << "bitmap generated in " << timer.elapsed() << " ms, " << allocated << " clusters allocated ("
        << QString::number(100.0 * double(allocated) / double(ClusterCount), 'f', 1) << " %)\n\n";

    // Counting: the pyramid against the least any count can cost, one popcount pass.
    timer.restart();
    const quint64 peerCount = bitmap->countAllocated();
    const double passMs = double(timer.nsecsElapsed()) / 1e6;
    auto single = std::make_shared<ClusterPyramid>(bitmap);
    timer.restart();
    single->build();
    const double singleMs = double(timer.nsecsElapsed()) / 1e6;
    auto pyramid = std::make_shared<ClusterPyramid>(bitmap);
    timer.restart();
    {
        std::vector<std::thread> workers;
        for (int i = 0; i < threads; ++i)
            workers.emplace_back([&pyramid] {
                pyramid->buildChunks();
            });
        for (std::thread &worker : workers)
            worker.join();
    }
    const double parallelMs = double(timer.nsecsElapsed()) / 1e6;
    ok = ok && pyramid->countAllocated() == peerCount && single->countAllocated() == peerCount;
    out << "counting         pyramid " << ms(singleMs) << " ms on 1 thread, " << ms(parallelMs) << " ms on " << threads << "; one popcount pass over the bitmap "
        << ms(passMs) << " ms: " << QString::number(singleMs / passMs, 'f', 2) << "x and " << QString::number(parallelMs / passMs, 'f', 2) << "x\n";
    const double memoryShare = double(pyramid->memoryBytes()) / double(bitmap->wordCount() * 8);
    out << "memory           counts " << mib(pyramid->memoryBytes()) << " beside the shared bitmap of " << mib(bitmap->wordCount() * 8) << " ("
        << QString::number(100 * memoryShare, 'f', 1) << " %; the bitmap itself is not copied)\n";
    single.reset();

    // Frames at every zoom from the Fit down to 32 px cells, at the top, inside and at the end.
    const HeatmapLayout fit = HeatmapLayout::fit(ClusterCount, -1, QSize(FrameWidth, FrameHeight), 32);
    out << "fit              " << fit.rowClusters() << " clusters per row, " << fit.columns() << " x " << fit.rowCount() << " cells of " << fit.clustersPerCell()
        << " clusters, " << fit.contentWidthPx() << " x " << fit.contentHeightPx() << " px ("
        << QString::number(100.0 * fit.contentWidthPx() * double(fit.contentHeightPx()) / (FrameWidth * FrameHeight), 'f', 1) << " % of the view)\n";
    HeatmapRenderer::Frame frame;
    frame.pyramid = pyramid;
    frame.backingEndCluster = ClusterCount / 2; // backing file of 32 TiB
    frame.sizePx = QSize(FrameWidth, FrameHeight);
    frame.palette = HeatmapRenderer::Palette::standard(Qt::white, Qt::black);

    out << "\nrow clusters  cell clusters  cell px       frames  min ms  avg ms  max ms  max cpu ms\n";
    // The zoom ladder of automatic rows: the width stays, rows halve as cells get finer or bigger.
    std::vector<HeatmapLayout> ladder{fit};
    for (HeatmapLayout layout = fit; layout.clustersPerCellLog2() > 0 || layout.cellWidthPx() < 32;) {
        const int rows = std::max(HeatmapLayout::MinRowClustersLog2, layout.rowClustersLog2() - 1);
        layout = layout.clustersPerCellLog2() > 0
            ? HeatmapLayout::withCellSize(ClusterCount, rows, layout.clustersPerCellLog2() - 1, layout.cellWidthPx(), layout.cellHeightPx())
            : HeatmapLayout::withCellSize(ClusterCount, rows, 0, std::min(32.0, 2 * layout.cellWidthPx()), std::min(32.0, 2 * layout.cellHeightPx()));
        ladder.push_back(layout);
    }
    for (const HeatmapLayout &layout : ladder) {
        frame.layout = layout;
        const quint64 content = layout.contentHeightPx();
        const quint64 maxTop = content > FrameHeight ? content - FrameHeight : 0;
        double minMs = 1e9, maxMs = 0, totalMs = 0, maxCpuMs = 0;
        int frames = 0;
        for (int i = 0; i <= 8; ++i) {
            frame.topPx = maxTop / 8 * quint64(i) + (i == 8 ? maxTop % 8 : 0);
            QElapsedTimer frameTimer;
            const double cpuStart = threadCpuMs();
            frameTimer.start();
            const QImage image = HeatmapRenderer::render(frame);
            const double elapsedMs = double(frameTimer.nsecsElapsed()) / 1e6;
            maxCpuMs = std::max(maxCpuMs, threadCpuMs() - cpuStart);
            ok = ok && !image.isNull();
            minMs = std::min(minMs, elapsedMs);
            maxMs = std::max(maxMs, elapsedMs);
            totalMs += elapsedMs;
            ++frames;
        }
        const QString cellPx = QStringLiteral("%1 x %2").arg(layout.cellWidthPx(), 0, 'f', 1).arg(layout.cellHeightPx(), 0, 'f', 1);
        out << QString::number(layout.rowClusters()).rightJustified(12) << QString::number(layout.clustersPerCell()).rightJustified(15) << "  "
            << cellPx.leftJustified(12) << QString::number(frames).rightJustified(7) << ms(minMs).rightJustified(8) << ms(totalMs / frames).rightJustified(8)
            << ms(maxMs).rightJustified(8) << ms(maxCpuMs).rightJustified(12)
            << (maxMs < FrameTargetMs ? "  ok" : (maxCpuMs < FrameTargetMs ? "  ok in CPU time, wall time hit by machine load" : "  TOO SLOW")) << "\n";
        ok = ok && maxCpuMs < FrameTargetMs;
        wallOk = wallOk && maxMs < FrameTargetMs;
    }

    // Live updates: a commit batch sets bits; only its blocks are recounted and its rows drawn.
    {
        const ClusterRange batch{ClusterCount / 3, 16384};
        bitmap->setRange(batch);
        timer.restart();
        pyramid->update(batch);
        const double updateMs = double(timer.nsecsElapsed()) / 1e6;
        frame.layout = fit;
        frame.topPx = 0;
        QRect dirty;
        for (const QRect &rect : fit.rectsForRange(batch, 0, 0, frame.sizePx))
            dirty |= rect;
        frame.regionPx = dirty;
        timer.restart();
        const QImage patch = HeatmapRenderer::render(frame);
        const double patchMs = double(timer.nsecsElapsed()) / 1e6;
        frame.regionPx = QRect();
        timer.restart();
        const QImage whole = HeatmapRenderer::render(frame);
        const double wholeMs = double(timer.nsecsElapsed()) / 1e6;
        out << "\ncommit batch     update(16384 clusters) " << QString::number(updateMs, 'f', 3) << " ms; its " << dirty.width() << "x" << dirty.height()
            << " px redrawn in " << QString::number(patchMs, 'f', 3) << " ms against the whole frame's " << ms(wholeMs) << " ms\n";
        ok = ok && pyramid->countAllocated() == bitmap->countAllocated();
    }

    // The real app, from process start, on the demo image, 8 TiB and 64 TiB.
    const QString appPath = QCoreApplication::applicationDirPath() + QStringLiteral("/addcow-studio");
    const QString cliPath = QCoreApplication::applicationDirPath() + QStringLiteral("/addcow");
    if (!QFile::exists(appPath) || !QFile::exists(cliPath)) {
        out << "\napp              skipped: " << appPath << " or " << cliPath << " is not built\n";
    } else {
        const int runs = std::max(1, qEnvironmentVariableIntValue("ADDCOW_BENCH_APP_RUNS") > 0 ? qEnvironmentVariableIntValue("ADDCOW_BENCH_APP_RUNS") : 5);
        QTemporaryDir home;
        QTemporaryDir demoDir;
        QTemporaryDir bigExt;
        const QString bigDir = bigSparseDirectory();
        std::unique_ptr<QTemporaryDir> big64;
        if (!bigDir.isEmpty())
            big64 = std::make_unique<QTemporaryDir>(bigDir + QStringLiteral("/addcow-bench-heatmap-XXXXXX"));

        // An image of clusterCount clusters over a raw backing file of half its size, with the
        // first clusterCount bits of the bitmap above as its bitmap (R13: bit n of byte n / 8).
        auto makeImage = [&](const QString &dirPath, quint64 clusterCount, const QString &size) -> QString {
            const QDir dir(dirPath);
            const QString addCow = dir.filePath(QStringLiteral("disk.add-cow"));
            QFile backing(dir.filePath(QStringLiteral("base.raw")));
            bool made = backing.open(QIODevice::WriteOnly) && backing.resize(qint64(clusterCount / 2 * ClusterSizeBytes));
            backing.close();
            QProcess create;
            create.start(cliPath, {QStringLiteral("create"), QStringLiteral("-b"), QStringLiteral("base.raw"), QStringLiteral("-F"), QStringLiteral("raw"),
                                   QStringLiteral("-i"), QStringLiteral("disk.raw"), QStringLiteral("-s"), size, addCow});
            made = made && create.waitForFinished(60000) && create.exitCode() == 0;
            QFile file(addCow);
            const qint64 bytes = qint64(clusterCount / 8);
            made = made && file.open(QIODevice::ReadWrite) && file.seek(qint64(HeaderPageBytes))
                && file.write(reinterpret_cast<const char *>(bitmap->words()), bytes) == bytes;
            return made ? addCow : QString();
        };
        struct Case {
            QString name;
            QString path;
            QString skipped;
            quint64 bitmapBytes = 0;
        };
        std::vector<Case> cases;
        {
            Case demo{QStringLiteral("demo image"), {}, {}, 0};
            QProcess make;
            make.start(QStringLiteral("bash"), {QStringLiteral(MAKE_DEMO_SCRIPT), cliPath, demoDir.path()});
            if (make.waitForFinished(120000) && make.exitCode() == 0)
                demo.path = demoDir.filePath(QStringLiteral("demo.add-cow"));
            else
                demo.skipped = QStringLiteral("scripts/make-demo.sh failed: ") + QString::fromLocal8Bit(make.readAllStandardError().right(200));
            demo.bitmapBytes = 256 * 1024 * 1024 / ClusterSizeBytes / 8;
            cases.push_back(demo);
        }
        {
            const quint64 clusters = ClusterCount / 8;
            const QString path = makeImage(bigExt.path(), clusters, QStringLiteral("8T"));
            cases.push_back({QStringLiteral("8 TiB"), path, path.isEmpty() ? QStringLiteral("could not make it in ") + bigExt.path() : QString(), clusters / 8});
        }
        if (!big64) {
            cases.push_back({QStringLiteral("64 TiB"), {}, QStringLiteral("no file system here holds a 64 TiB sparse file (ext4 stops at 16 TiB; tmpfs would do)"), 0});
        } else {
            const QString path = makeImage(big64->path(), ClusterCount, QStringLiteral("64T"));
            cases.push_back({QStringLiteral("64 TiB"), path, path.isEmpty() ? QStringLiteral("could not make it in ") + big64->path() : QString(), ClusterCount / 8});
        }

        auto median = [](std::vector<double> values) {
            std::sort(values.begin(), values.end());
            return values.empty() ? 0.0 : values[values.size() / 2];
        };
        // Peer: the app without an image, to its first paint.
        std::vector<double> bareTimes;
        quint64 bareRss = 0;
        QString bareError;
        for (int i = 0; i < runs; ++i) {
            const AppRun bare = BenchSupport::runAppToFirstFrame(appPath, QString(), home.path());
            if (!bare.ok) {
                bareError = bare.error;
                break;
            }
            bareTimes.push_back(bare.completeFrameMs);
            bareRss = bare.completeFrameRssBytes;
        }
        double load[3] = {0, 0, 0};
        getloadavg(load, 3);
        out << "\napp, from spawn (median of " << runs << " runs; load average " << QString::number(load[0], 'f', 2) << " on " << threads << " cores)\n";
        out << "  without an image, to its first paint: "
            << (bareError.isEmpty() ? ms(median(bareTimes)) + QStringLiteral(" ms (") + mib(bareRss) + QStringLiteral(" resident)") : bareError) << "\n";
        out << "  image            first frame  every block  steps to the first frame (ms from spawn)\n";
        for (const Case &c : cases) {
            if (!c.skipped.isEmpty() || c.path.isEmpty()) {
                out << "  " << c.name.leftJustified(16) << " skipped: " << c.skipped << "\n";
                continue;
            }
            // Peer: a plain read of the .add-cow file (page cache warm).
            QFile plain(c.path);
            timer.restart();
            qint64 readBytes = 0;
            if (plain.open(QIODevice::ReadOnly)) {
                QByteArray chunk(1 << 20, Qt::Uninitialized);
                for (qint64 n; (n = plain.read(chunk.data(), chunk.size())) > 0;)
                    readBytes += n;
            }
            const double readMs = double(timer.nsecsElapsed()) / 1e6;
            std::vector<double> firsts, completes, firstRss, completeRss, peakRss;
            std::map<QByteArray, std::vector<double>> steps;
            std::vector<QByteArray> stepOrder;
            AppRun last;
            for (int i = 0; i < runs; ++i) {
                last = BenchSupport::runAppToFirstFrame(appPath, c.path, home.path());
                if (!last.ok)
                    break;
                firsts.push_back(last.firstFrameMs);
                completes.push_back(last.completeFrameMs);
                firstRss.push_back(double(last.firstFrameRssBytes));
                completeRss.push_back(double(last.completeFrameRssBytes));
                peakRss.push_back(double(last.peakRssBytes));
                for (const auto &[step, at] : last.marks) {
                    if (!steps.count(step))
                        stepOrder.push_back(step);
                    steps[step].push_back(at);
                }
            }
            if (!last.ok) {
                out << "  " << c.name.leftJustified(16) << " FAILED: " << last.error << "\n";
                ok = false;
                continue;
            }
            const double first = median(firsts);
            QString breakdown;
            for (const QByteArray &step : stepOrder)
                breakdown += QString::fromLatin1(step) + QLatin1Char(' ') + QString::number(median(steps[step]), 'f', 0) + QLatin1Char(' ');
            out << "  " << c.name.leftJustified(16) << QString(ms(first) + QStringLiteral(" ms")).rightJustified(12) << QString(ms(median(completes)) + QStringLiteral(" ms")).rightJustified(13)
                << "  " << breakdown << "first-frame " << QString::number(first, 'f', 0) << (first < FirstFrameTargetMs ? "  ok" : "  OVER 300 ms") << "\n";
            const quint64 limit = c.bitmapBytes + MemoryAllowanceBytes;
            const quint64 rssFirst = quint64(median(firstRss));
            const quint64 rssComplete = quint64(median(completeRss));
            const bool memoryOk = rssFirst <= limit && rssComplete <= limit;
            out << "  " << QString().leftJustified(16) << " memory " << mib(rssFirst) << " resident at the first frame, " << mib(rssComplete)
                << " at every block counted, peak " << mib(quint64(median(peakRss))) << " (target: the bitmap plus 64 MiB = " << mib(limit)
                << (memoryOk ? ", ok" : ", OVER") << "); reading the " << mib(quint64(readBytes)) << " .add-cow file: " << ms(readMs) << " ms\n";
            ok = ok && first < FirstFrameTargetMs && memoryOk;
        }
        out << "  steps: main = main() entered (process start and dynamic linking before; the image's load starts there, on a\n"
               "  worker thread), application = QApplication made, translations = translations and options, window = main window\n"
               "  made, shown = show() returned, opening = the window took the load over, loaded = the image is open (bitmap\n"
               "  read), then the map's first frame painted.\n";
    }

    out << "\nload average at the end: " << [] {
        double load[1] = {0};
        return getloadavg(load, 1) == 1 ? QString::number(load[0], 'f', 2) : QStringLiteral("?");
    }() << "\n";
    out << (ok ? (wallOk ? "\nall targets met (wall and CPU time)\n" : "\nall targets met in CPU time; some wall times were over 16 ms under machine load\n")
               : "\nTARGET MISSED\n");
    return ok ? 0 : 1;
}
