// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "virtualdisk.h"

#include "fileio.h"
#include "formatprobe.h"
#include "nextdata.h"

#include <fcntl.h>

using namespace Qt::StringLiterals;

namespace AddCow
{

Result<VirtualDisk> VirtualDisk::open(const QString &path)
{
    const Result<QByteArray> format = probeFormat(path);
    if (!format)
        return format.error();
    VirtualDisk disk;
    disk.m_path = path;
    if (format.value() == "add-cow") {
        Result<Image> image = Image::open(path, Image::Access::ReadOnly);
        if (!image)
            return image.error();
        disk.m_image = std::make_unique<Image>(std::move(image).value());
        disk.m_sizeBytes = disk.m_image->virtualSizeBytes();
        return disk;
    }
    if (format.value() != "raw") {
        Error error;
        error.code = ErrorCode::UnsupportedFormat;
        error.path = path;
        error.detail = u"unsupported format '%1' (compare reads add-cow and raw)"_s.arg(QString::fromLatin1(format.value()));
        return error;
    }
    disk.m_rawFd = FileIo::open(path, O_RDONLY | O_CLOEXEC);
    if (disk.m_rawFd < 0)
        return Error::fromErrno(path, u"open"_s);
    const qint64 size = FileIo::fileSize(disk.m_rawFd);
    if (size < 0)
        return Error::fromErrno(path, u"stat"_s);
    disk.m_sizeBytes = quint64(size);
    return disk;
}

VirtualDisk::VirtualDisk(VirtualDisk &&other) noexcept
    : m_path(std::move(other.m_path))
    , m_image(std::move(other.m_image))
    , m_rawFd(std::exchange(other.m_rawFd, -1))
    , m_sizeBytes(other.m_sizeBytes)
{
}

VirtualDisk &VirtualDisk::operator=(VirtualDisk &&other) noexcept
{
    std::swap(m_path, other.m_path);
    std::swap(m_image, other.m_image);
    std::swap(m_rawFd, other.m_rawFd);
    std::swap(m_sizeBytes, other.m_sizeBytes);
    return *this;
}

VirtualDisk::~VirtualDisk()
{
    if (m_rawFd >= 0)
        FileIo::close(m_rawFd);
}

Result<void> VirtualDisk::read(quint64 offsetBytes, char *buffer, quint64 lengthBytes) const
{
    if (m_image)
        return m_image->read(offsetBytes, buffer, lengthBytes);
    const qint64 got = FileIo::readFull(m_rawFd, buffer, lengthBytes, offsetBytes);
    if (got < 0)
        return Error::fromErrno(m_path, u"read"_s);
    if (quint64(got) != lengthBytes) {
        Error error;
        error.code = ErrorCode::Io;
        error.path = m_path;
        error.detail = u"the file ended at byte %1 while reading (did it shrink?)"_s.arg(offsetBytes + quint64(got));
        return error;
    }
    return {};
}

quint64 VirtualDisk::nextDataOffset(quint64 offsetBytes) const
{
    if (offsetBytes >= m_sizeBytes)
        return m_sizeBytes;
    return m_image ? AddCow::nextDataOffset(*m_image, offsetBytes) : nextDataInFile(m_rawFd, offsetBytes, m_sizeBytes);
}

} // namespace AddCow
