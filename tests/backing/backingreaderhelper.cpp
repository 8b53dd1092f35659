// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later

// Opens a backing reader and waits, for the tests that kill the process holding it.
// Usage: backingreaderhelper PATH FORMAT
// Prints "pid N" (qemu-nbd's, 0 for a native reader) and "libnbd loaded|not loaded", then
// sleeps until killed. Exit 1 when the reader cannot be opened.

#include "backingreader.h"
#include "nbdbackingreader.h"

#include <QCoreApplication>
#include <QFile>
#include <QThread>

#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 3)
        return 2;
    const QString path = QFile::decodeName(argv[1]);
    const int fd = ::open(argv[1], O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return 1;
    auto reader = AddCow::BackingReader::open(path, QByteArray(argv[2]), fd);
    if (!reader) {
        std::fprintf(stderr, "%s\n", qPrintable(reader.error().message()));
        return 1;
    }
    const auto *nbd = dynamic_cast<const AddCow::NbdBackingReader *>(reader.value().get());
    QFile maps(QStringLiteral("/proc/self/maps"));
    const bool libnbdLoaded = maps.open(QIODevice::ReadOnly) && maps.readAll().contains("libnbd.so");
    std::printf("pid %lld\nlibnbd %s\n", nbd ? nbd->serverPid() : 0LL, libnbdLoaded ? "loaded" : "not loaded");
    std::fflush(stdout);
    for (;;)
        QThread::sleep(10);
}
