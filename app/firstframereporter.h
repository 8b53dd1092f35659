// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QObject>

namespace AddCow
{

class MainWindow;

/**
 * For the benchmarks (addcow-bench-heatmap, addcow-bench), when ADDCOW_BENCH_FIRST_FRAME is
 * set: prints the CLOCK_MONOTONIC time, in ns, once the heatmap's first frame of the image has
 * been painted on screen ("first-frame-ns T") and once a frame with every block counted has
 * been painted ("complete-frame-ns T"), each followed by the process's VmRSS then
 * ("rss-kib first-frame N", "rss-kib complete-frame N"), then its VmHWM ("rss-kib peak N"),
 * and quits. Without an image, the window's first paint ("window-ns T", "rss-kib window N").
 * The benchmarks take the times from the moment they started the process and read all this
 * with one helper, tests/bench/appfirstframe.h.
 *
 * mark() prints the steps in between ("mark-ns STEP T cpu-ns C minflt F nvcsw V nivcsw I"), so
 * the benchmark can say where the time to the first frame goes; after T, the calling thread's
 * CPU time in ns, minor page faults and voluntary / involuntary context switches so far (a step
 * whose wall time is far above its CPU time waited: for a lock, or for a core).
 */
class FirstFrameReporter : public QObject
{
    Q_OBJECT

public:
    static bool isRequested();
    /** When requested: prints "mark-ns step T ...", T the CLOCK_MONOTONIC time in ns, then the thread's figures. step: one word. */
    static void mark(const char *step);
    FirstFrameReporter(MainWindow *window, bool hasImage);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    enum class Waiting { FirstFrame, CompleteFrame, Done };
    void painted();

    MainWindow *m_window;
    bool m_hasImage;
    Waiting m_waiting = Waiting::FirstFrame;
    bool m_frameReady = false; ///< the frame waited for arrived; its paint is next
};

} // namespace AddCow
