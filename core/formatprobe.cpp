// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "formatprobe.h"

#include "format.h"

#include <QFile>
#include <QtEndian>

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace AddCow
{

namespace
{

constexpr qsizetype ProbeBytes = 2048; // what qemu's probes look at, enough for a vmdk descriptor
constexpr qsizetype VpcFooterBytes = 512;
constexpr quint32 VdiSignature = 0xbeda107f; // at byte 64, little-endian

// Reads up to lengthBytes at offsetBytes; fewer at end of file. False with errno on failure.
bool readAt(int fd, QByteArray &buffer, qsizetype lengthBytes, off_t offsetBytes)
{
    buffer.resize(lengthBytes);
    qsizetype done = 0;
    while (done < lengthBytes) {
        const ssize_t got = ::pread(fd, buffer.data() + done, size_t(lengthBytes - done), offsetBytes + done);
        if (got < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        if (got == 0)
            break;
        done += got;
    }
    buffer.resize(done);
    return true;
}

bool isVmdkDescriptor(const QByteArray &start)
{
    // A monolithic text descriptor (qemu's vmdk_probe looks for the same markers).
    return start.startsWith("# Disk DescriptorFile") || (start.contains("createType=") && start.contains("version="));
}

QByteArray probeStart(const QByteArray &start)
{
    if (start.startsWith(QByteArrayView(MagicBytes, sizeof(MagicBytes))))
        return "add-cow";
    if (start.startsWith("QFI\xfb") && start.size() >= 8) {
        const quint32 version = qFromBigEndian<quint32>(start.constData() + 4);
        if (version == 1)
            return "qcow";
        if (version == 2 || version == 3)
            return "qcow2";
    }
    if (start.startsWith("KDMV") || start.startsWith("COWD") || isVmdkDescriptor(start))
        return "vmdk";
    if (start.size() >= 68 && qFromLittleEndian<quint32>(start.constData() + 64) == VdiSignature)
        return "vdi";
    if (start.startsWith("conectix"))
        return "vpc";
    if (start.startsWith("vhdxfile"))
        return "vhdx";
    if (start.startsWith(QByteArrayView("QED\0", 4)))
        return "qed";
    if (start.startsWith("WithoutFreeSpace") || start.startsWith("WithouFreSpacExt"))
        return "parallels";
    if (start.startsWith("LUKS\xba\xbe"))
        return "luks";
    return {};
}

} // namespace

Result<QByteArray> probeFormat(const QString &path)
{
    // O_NONBLOCK: a FIFO under this name must not make the open wait for a writer.
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        Error error = Error::fromErrno(path, u"cannot open the file to probe its format"_s);
        if (error.errnoValue == ENOENT)
            error.code = ErrorCode::FileMissing;
        return error;
    }
    QByteArray start;
    if (!readAt(fd, start, ProbeBytes, 0)) {
        Error error = Error::fromErrno(path, u"cannot read the file to probe its format"_s);
        ::close(fd);
        return error;
    }
    QByteArray format = probeStart(start);
    if (format.isEmpty()) {
        // A fixed-size VHD has its "conectix" footer only in the last 512 bytes.
        struct stat st {};
        QByteArray footer;
        if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size >= VpcFooterBytes
            && readAt(fd, footer, VpcFooterBytes, st.st_size - VpcFooterBytes) && footer.startsWith("conectix")) {
            format = "vpc";
        }
    }
    ::close(fd);
    return format.isEmpty() ? QByteArray("raw") : format;
}

} // namespace AddCow
