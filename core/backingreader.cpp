// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "backingreader.h"

#include "fileio.h"
#include "nbdbackingreader.h"
#include "rawbackingreader.h"

using namespace Qt::StringLiterals;

namespace AddCow
{

BackingReader::BackingReader(QString path, QByteArray format, quint64 sizeBytes)
    : m_path(std::move(path))
    , m_format(std::move(format))
    , m_sizeBytes(sizeBytes)
{
}

BackingReader::~BackingReader() = default;

Result<std::unique_ptr<BackingReader>> BackingReader::open(const QString &path, const QByteArray &format, int fileFd)
{
    // R9: raw natively; every other format through QEMU, exactly as stored.
    if (format == "raw") {
        const qint64 size = FileIo::fileSize(fileFd);
        if (size < 0)
            return Error::fromErrno(path, u"cannot read the size of the backing file"_s);
        return std::unique_ptr<BackingReader>(new RawBackingReader(path, fileFd, quint64(size)));
    }
    Result<std::unique_ptr<NbdBackingReader>> nbd = NbdBackingReader::open(path, format);
    if (!nbd)
        return nbd.error();
    return std::unique_ptr<BackingReader>(std::move(nbd).value());
}

} // namespace AddCow
