// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "filehexdatasource.h"

#include <QFile>

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace AddCow
{

FileHexDataSource::FileHexDataSource(const QString &path)
    : m_path(path)
{
    m_fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (m_fd < 0) {
        m_openErrno = errno;
        return;
    }
    struct stat st;
    if (::fstat(m_fd, &st) == 0 && S_ISREG(st.st_mode)) {
        m_sizeBytes = quint64(st.st_size);
    } else {
        const off_t end = ::lseek(m_fd, 0, SEEK_END); // block devices
        m_sizeBytes = end > 0 ? quint64(end) : 0;
    }
}

FileHexDataSource::~FileHexDataSource()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

quint64 FileHexDataSource::sizeBytes() const
{
    return m_sizeBytes;
}

qint64 FileHexDataSource::read(quint64 offsetBytes, char *buffer, quint64 lengthBytes) const
{
    if (m_fd < 0 || offsetBytes >= m_sizeBytes)
        return 0;
    lengthBytes = std::min(lengthBytes, m_sizeBytes - offsetBytes);
    quint64 done = 0;
    while (done < lengthBytes) {
        const ssize_t n = ::pread(m_fd, buffer + done, lengthBytes - done, off_t(offsetBytes + done));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return done > 0 ? qint64(done) : -1;
        }
        if (n == 0)
            break; // the file shrank since it was opened
        done += quint64(n);
    }
    return qint64(done);
}

quint64 FileHexDataSource::nextDataOffset(quint64 offsetBytes) const
{
    return seekData(m_fd, offsetBytes, m_sizeBytes);
}

quint64 FileHexDataSource::nextHoleOffset(quint64 offsetBytes) const
{
    return seekHole(m_fd, offsetBytes, m_sizeBytes);
}

} // namespace AddCow
