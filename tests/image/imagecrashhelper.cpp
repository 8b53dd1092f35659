// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later

// Opens an image read-write and performs the crash test's planned writes, printing a line after
// each. ADDCOW_CRASH_AT_OP=N makes FileIo's fault hook SIGKILL the process at its Nth operation.
// Usage: imagecrashhelper ADDCOW SEED WRITES MAX_WRITE_BYTES

#include "imagetestutil.h"

#include "fileio.h"
#include "image.h"

#include <QByteArray>
#include <QString>

#include <csignal>
#include <unistd.h>

using namespace AddCow;

namespace
{

void say(const QByteArray &line)
{
    const QByteArray text = line + '\n';
    qsizetype done = 0;
    while (done < text.size()) {
        const ssize_t written = ::write(STDOUT_FILENO, text.constData() + done, size_t(text.size() - done));
        if (written <= 0)
            return;
        done += written;
    }
}

int s_operations = 0;

} // namespace

int main(int argc, char **argv)
{
    if (argc != 5) {
        say("usage: imagecrashhelper ADDCOW SEED WRITES MAX_WRITE_BYTES");
        return 1;
    }
    const QString path = QString::fromLocal8Bit(argv[1]);
    const quint32 seed = QByteArray(argv[2]).toUInt();
    const int writes = QByteArray(argv[3]).toInt();
    const quint64 maxLength = QByteArray(argv[4]).toULongLong();
    bool crashSet = false;
    const int crashAt = qEnvironmentVariableIntValue("ADDCOW_CRASH_AT_OP", &crashSet);
    FileIo::setFaultHook([crashSet, crashAt](FileIo::Op, int, const QString &) {
        if (++s_operations == crashAt && crashSet)
            ::raise(SIGKILL);
        return FileIo::Fault{};
    });

    Result<Image> image = Image::open(path, Image::Access::ReadWrite);
    if (!image.ok()) {
        say("error " + image.error().message().toUtf8());
        return 2;
    }
    say("ready");
    for (int i = 0; i < writes; ++i) {
        const ImageTest::PlannedWrite write = ImageTest::plannedWrite(seed, i, image->virtualSizeBytes(), maxLength);
        const Result<ClusterRange> result = image->write(write.offsetBytes, write.data);
        if (!result.ok()) {
            say("error " + result.error().message().toUtf8());
            return 3;
        }
        say("done " + QByteArray::number(i));
    }
    say("ops " + QByteArray::number(s_operations));
    return 0;
}
