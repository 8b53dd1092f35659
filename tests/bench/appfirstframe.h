// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

// One way for every benchmark (addcow-bench, addcow-bench-heatmap) to start the real app and
// read what it reports under ADDCOW_BENCH_FIRST_FRAME (app/firstframereporter.h): the times of
// its first map frame and of its frame with every block counted, taken from the spawn, and its
// resident memory (VmRSS) at each of the two, plus the peak (VmHWM). The same environment for
// both: offscreen, a scratch HOME, no settings of the user's.

#include <QByteArray>
#include <QList>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>

#include <time.h>
#include <utility>
#include <vector>

namespace BenchSupport
{

struct AppRun {
    bool ok = false;
    double firstFrameMs = 0; ///< from the spawn; without an image: the window's first paint
    double completeFrameMs = 0; ///< from the spawn; without an image: the window's first paint
    quint64 firstFrameRssBytes = 0; ///< VmRSS once the first frame is painted
    quint64 completeFrameRssBytes = 0; ///< VmRSS once the frame with every block counted is painted
    quint64 peakRssBytes = 0; ///< VmHWM then
    std::vector<std::pair<QByteArray, double>> marks; ///< the app's steps (FirstFrameReporter::mark), ms from the spawn
    QString error;
};

inline qint64 monotonicNowNs()
{
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now);
    return qint64(now.tv_sec) * 1000000000 + now.tv_nsec;
}

/** Starts appPath on addCowPath (or without an image when empty) with home as its HOME and reads its report. */
inline AppRun runAppToFirstFrame(const QString &appPath, const QString &addCowPath, const QString &home, int timeoutMs = 120000)
{
    AppRun run;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("ADDCOW_BENCH_FIRST_FRAME"), QStringLiteral("1"));
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("HOME"), home);
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/.config"));
    QProcess app;
    app.setProcessEnvironment(environment);
    app.setProcessChannelMode(QProcess::SeparateChannels);
    const QStringList arguments = addCowPath.isEmpty() ? QStringList() : QStringList{addCowPath};
    // The app prints CLOCK_MONOTONIC times; the spawn is now.
    const qint64 start = monotonicNowNs();
    app.start(appPath, arguments);
    if (!app.waitForStarted(10000)) {
        run.error = QStringLiteral("cannot start ") + appPath;
        return run;
    }
    if (!app.waitForFinished(timeoutMs)) {
        app.kill();
        app.waitForFinished();
        run.error = QStringLiteral("no complete frame within %1 s").arg(timeoutMs / 1000);
        return run;
    }
    const auto msOf = [start](const QByteArray &ns) {
        return double(ns.toLongLong() - start) / 1e6;
    };
    for (const QByteArray &line : app.readAllStandardOutput().split('\n')) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() < 2)
            continue;
        if (fields[0] == "mark-ns" && fields.size() >= 3) {
            run.marks.emplace_back(fields[1], msOf(fields[2]));
        } else if (fields[0] == "first-frame-ns") {
            run.firstFrameMs = msOf(fields[1]);
        } else if (fields[0] == "complete-frame-ns" || fields[0] == "window-ns") {
            run.completeFrameMs = msOf(fields[1]);
            if (fields[0] == "window-ns")
                run.firstFrameMs = run.completeFrameMs;
            run.ok = true;
        } else if (fields[0] == "rss-kib" && fields.size() >= 3) {
            const quint64 bytes = fields[2].toULongLong() * 1024;
            if (fields[1] == "first-frame" || fields[1] == "window")
                run.firstFrameRssBytes = bytes;
            if (fields[1] == "complete-frame" || fields[1] == "window")
                run.completeFrameRssBytes = bytes;
            else if (fields[1] == "peak")
                run.peakRssBytes = bytes;
        }
    }
    if (!addCowPath.isEmpty() && run.ok && run.firstFrameRssBytes == 0)
        run.error = QStringLiteral("the app reported no memory at its first frame"), run.ok = false;
    else if (!run.ok)
        run.error = QStringLiteral("the app reported no frame: ") + QString::fromLocal8Bit(app.readAllStandardError().right(300));
    return run;
}

} // namespace BenchSupport
