// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "firstframereporter.h"

#include "heatmapwidget.h"
#include "mainwindow.h"

#include <QCoreApplication>
#include <QEvent>
#include <QFile>
#include <QTimer>

#include <cstdio>
#include <sys/resource.h>
#include <time.h>

namespace AddCow
{

namespace
{

long long monotonicNs()
{
    timespec time{};
    clock_gettime(CLOCK_MONOTONIC, &time);
    return (long long)time.tv_sec * 1000000000 + time.tv_nsec;
}

void printLine(const char *name)
{
    std::printf("%s %lld\n", name, monotonicNs());
    std::fflush(stdout);
}

/** VmRSS now as "rss-kib STEP N", and with peak also VmHWM as "rss-kib peak N". */
void printMemory(const char *step, bool peak)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (status.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : status.readAll().split('\n')) {
            const QList<QByteArray> fields = line.simplified().split(' ');
            if (fields.size() >= 2 && fields[0] == "VmRSS:")
                std::printf("rss-kib %s %s\n", step, fields[1].constData());
            else if (peak && fields.size() >= 2 && fields[0] == "VmHWM:")
                std::printf("rss-kib peak %s\n", fields[1].constData());
        }
    }
    std::fflush(stdout);
}

} // namespace

bool FirstFrameReporter::isRequested()
{
    static const bool requested = qEnvironmentVariableIsSet("ADDCOW_BENCH_FIRST_FRAME");
    return requested;
}

void FirstFrameReporter::mark(const char *step)
{
    if (!isRequested())
        return;
    const long long now = monotonicNs();
    timespec cpu{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpu);
    rusage usage{};
    getrusage(RUSAGE_THREAD, &usage);
    std::printf("mark-ns %s %lld cpu-ns %lld minflt %ld nvcsw %ld nivcsw %ld\n", step, now, (long long)cpu.tv_sec * 1000000000 + cpu.tv_nsec, usage.ru_minflt,
                usage.ru_nvcsw, usage.ru_nivcsw);
}

FirstFrameReporter::FirstFrameReporter(MainWindow *window, bool hasImage)
    : QObject(window)
    , m_window(window)
    , m_hasImage(hasImage)
{
    if (!hasImage) {
        window->installEventFilter(this);
        return;
    }
    HeatmapWidget *heatmap = window->heatmap();
    connect(heatmap, &HeatmapWidget::frameRendered, this, [this, heatmap] {
        if (!heatmap->hasImageData())
            return;
        if (m_waiting == Waiting::FirstFrame || (m_waiting == Waiting::CompleteFrame && heatmap->hasCurrentFrame()))
            m_frameReady = true;
    });
    heatmap->viewport()->installEventFilter(this);
}

bool FirstFrameReporter::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Paint && m_waiting != Waiting::Done && (!m_hasImage || m_frameReady)) {
        m_frameReady = false;
        // After this paint has run: the frame is on screen.
        QTimer::singleShot(0, this, &FirstFrameReporter::painted);
    }
    return QObject::eventFilter(watched, event);
}

void FirstFrameReporter::painted()
{
    if (!m_hasImage) {
        if (m_waiting == Waiting::Done)
            return;
        m_waiting = Waiting::Done;
        printLine("window-ns");
        printMemory("window", true);
        QCoreApplication::exit(0);
        return;
    }
    if (m_waiting == Waiting::FirstFrame) {
        printLine("first-frame-ns");
        printMemory("first-frame", false);
        m_waiting = Waiting::CompleteFrame;
        // The first frame may already be the complete one.
        if (m_window->heatmap()->hasCurrentFrame())
            m_frameReady = true, m_window->heatmap()->viewport()->update();
        return;
    }
    if (m_waiting == Waiting::CompleteFrame) {
        m_waiting = Waiting::Done;
        printLine("complete-frame-ns");
        printMemory("complete-frame", true);
        QCoreApplication::exit(0);
    }
}

} // namespace AddCow
