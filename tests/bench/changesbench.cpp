// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later

// addcow-bench-changes [TiB] [--changes-only]: the memory of the Changes list (issue 11). Makes a sparse image of
// TiB (default 4) whose bitmap allocates every other cluster (the most runs a bitmap can have:
// 33.5 M at 4 TiB, the raw image file all holes so the scan reads nothing), opens it, scans it
// with the Changes list and its view, and prints the process's resident memory before and after,
// and after listing the allocated, unchanged runs too (the list keeps nothing per row).

#include "benchsupport.h"
#include "format.h"
#include "header.h"
#include "hexchangesmodel.h"
#include "hexchangesview.h"
#include "image.h"
#include "rowlistview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>

#include <memory>

using namespace AddCow;
using namespace BenchSupport;

namespace
{
/** VmRSS of this process in MiB. */
double residentMiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024;
    }
    return 0;
}

QString mib(double value)
{
    return QString::number(value, 'f', 0) + QStringLiteral(" MiB");
}
} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    app.setApplicationName(QStringLiteral("addcow-bench-changes"));
    const quint64 tib = app.arguments().size() > 1 ? app.arguments().at(1).toULongLong() : 4;
    if (tib == 0)
        fail(QStringLiteral("usage: addcow-bench-changes [TiB]"));
    QTemporaryDir dir;
    scratch = &dir;
    const quint64 virtualSize = tib << 40;
    const quint64 clusters = clusterCountFor(virtualSize);
    {
        QFile raw(dir.filePath(QStringLiteral("raw.img")));
        if (!raw.open(QIODevice::WriteOnly) || !raw.resize(qint64(virtualSize)))
            fail(QStringLiteral("cannot make the sparse raw image file"));
        QFile backing(dir.filePath(QStringLiteral("backing.img")));
        if (!backing.open(QIODevice::WriteOnly) || !backing.resize(4096))
            fail(QStringLiteral("cannot make the backing file"));
        QFile addCow(dir.filePath(QStringLiteral("disk.add-cow")));
        if (!addCow.open(QIODevice::WriteOnly))
            fail(QStringLiteral("cannot make the add-cow file"));
        addCow.write(Header::make("raw.img", "raw", "backing.img", "raw", 0).serialize());
        QByteArray bitmap(qsizetype(bitmapRegionBytesFor(clusters)), '\0');
        std::fill(bitmap.begin(), bitmap.begin() + qsizetype(clusters / 8), char(0xaa)); // R13: odd clusters
        addCow.write(bitmap);
    }
    const double start = residentMiB();
    auto image = std::make_shared<Image>(check(Image::open(dir.filePath(QStringLiteral("disk.add-cow")), Image::Access::ReadOnly)));
    const double opened = residentMiB();

    HexChangesModel model;
    HexChangesView view(&model);
    view.resize(500, 700);
    view.show();
    QElapsedTimer timer;
    timer.start();
    QEventLoop loop;
    QObject::connect(&model, &HexChangesModel::stateChanged, &loop, [&] {
        if (model.isComplete())
            loop.quit();
    });
    model.setImage(image);
    if (!model.isComplete())
        loop.exec();
    const qint64 scanMs = timer.elapsed();
    QCoreApplication::processEvents();
    const double scanned = residentMiB();
    print(QStringLiteral("%1 TiB, %2 clusters, bitmap %3: %4 changed runs, %5 allocated, unchanged runs, scan %6 ms")
              .arg(tib)
              .arg(clusters)
              .arg(mib(double(bitmapRegionBytesFor(clusters)) / 1048576))
              .arg(model.changes().changedRunCount())
              .arg(model.changes().unchangedRunCount())
              .arg(scanMs));
    print(QStringLiteral("resident: %1 at start, %2 opened (+%3), %4 after the scan (+%5 over opened)")
              .arg(mib(start), mib(opened), mib(opened - start), mib(scanned), mib(scanned - opened)));

    if (app.arguments().contains(QStringLiteral("--changes-only")))
        return 0;
    timer.restart();
    view.setShowUnchanged(true);
    view.listView()->setCurrentRow(model.rowCount() - 1);
    QCoreApplication::processEvents();
    const double all = residentMiB();
    print(QStringLiteral("Show allocated, unchanged: %1 rows, %2 ms, resident %3 (+%4 over opened)")
              .arg(model.rowCount())
              .arg(timer.elapsed())
              .arg(mib(all), mib(all - opened)));
    return 0;
}
