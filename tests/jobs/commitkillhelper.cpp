// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later

// Runs a commit (R19) in its own process and prints "batch" each time a batch has become durable,
// so that commitjobtest can SIGKILL it at chosen points and check that a new commit resumes.
// An optional pause (milliseconds) after each copied chunk, before its batch is made durable, widens
// the window in which a kill finds data copied but bits not yet set. An optional batch size
// (bytes written per durable batch) gives small, mostly sparse test disks several batches.

#include "commitjob.h"

#include <QCoreApplication>
#include <QThread>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc < 2 || argc > 4) {
        std::fprintf(stderr, "usage: commitkillhelper FILE.add-cow [PAUSE_MS [BATCH_BYTES]]\n");
        return 2;
    }
    const unsigned long pauseMs = argc >= 3 ? QByteArray(argv[2]).toULong() : 0;
    AddCow::CommitJob job(QString::fromLocal8Bit(argv[1]));
    if (argc == 4)
        job.setBatchBytes(QByteArray(argv[3]).toULongLong());
    AddCow::JobContext context;
    // A batch reports its runs together after its copies: the first run reported after a copy
    // starts a new batch.
    bool copiedSinceBatch = false;
    context.setProgressFunction([&copiedSinceBatch, pauseMs](quint64 doneBytes, quint64) {
        if (!doneBytes)
            return;
        copiedSinceBatch = true;
        if (pauseMs)
            QThread::msleep(pauseMs);
    });
    context.setClustersFunction([&copiedSinceBatch](AddCow::ClusterRange) {
        if (!copiedSinceBatch)
            return;
        copiedSinceBatch = false;
        std::printf("batch\n");
        std::fflush(stdout);
    });
    const AddCow::Result<void> result = job.run(context);
    if (!result.ok()) {
        std::fprintf(stderr, "%s\n", qPrintable(result.error().message()));
        return 1;
    }
    std::printf("done\n");
    std::fflush(stdout);
    return 0;
}
