// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "hexdatasource.h"

#include <QString>

namespace AddCow
{

/** Any file, read with pread (read-only); holes found with SEEK_DATA. A missing file is empty. */
class FileHexDataSource : public HexDataSource
{
public:
    explicit FileHexDataSource(const QString &path);
    ~FileHexDataSource() override;
    FileHexDataSource(const FileHexDataSource &) = delete;
    FileHexDataSource &operator=(const FileHexDataSource &) = delete;

    QString path() const { return m_path; }
    bool isOpen() const { return m_fd >= 0; }
    int openErrno() const { return m_openErrno; }

    quint64 sizeBytes() const override;
    qint64 read(quint64 offsetBytes, char *buffer, quint64 lengthBytes) const override;
    quint64 nextDataOffset(quint64 offsetBytes) const override;
    quint64 nextHoleOffset(quint64 offsetBytes) const override;

private:
    QString m_path;
    int m_fd = -1;
    int m_openErrno = 0;
    quint64 m_sizeBytes = 0;
};

} // namespace AddCow
