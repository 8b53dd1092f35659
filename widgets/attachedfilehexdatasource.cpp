// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "attachedfilehexdatasource.h"

namespace AddCow
{

AttachedFileHexDataSource::AttachedFileHexDataSource(std::shared_ptr<const Image> image, DataSource file)
    : m_image(std::move(image))
    , m_file(file)
{
    Q_ASSERT(file == DataSource::Image || file == DataSource::Backing);
}

const FileRef &AttachedFileHexDataSource::fileRef() const
{
    return m_file == DataSource::Image ? m_image->imageFile() : m_image->backingFile();
}

int AttachedFileHexDataSource::fd() const
{
    return m_file == DataSource::Image ? m_image->imageFd() : m_image->backingFd();
}

quint64 AttachedFileHexDataSource::sizeBytes() const
{
    const FileRef &file = fileRef();
    return file.exists ? file.sizeBytes : 0;
}

qint64 AttachedFileHexDataSource::read(quint64 offsetBytes, char *buffer, quint64 lengthBytes) const
{
    const Result<quint64> result = m_file == DataSource::Image ? m_image->readImageFile(offsetBytes, buffer, lengthBytes)
                                                               : m_image->readBackingFile(offsetBytes, buffer, lengthBytes);
    return result ? qint64(result.value()) : -1;
}

quint64 AttachedFileHexDataSource::nextDataOffset(quint64 offsetBytes) const
{
    return seekData(fd(), offsetBytes, sizeBytes());
}

quint64 AttachedFileHexDataSource::nextHoleOffset(quint64 offsetBytes) const
{
    return seekHole(fd(), offsetBytes, sizeBytes());
}

QList<MapRun> AttachedFileHexDataSource::sourceRuns(quint64 offsetBytes, quint64 lengthBytes) const
{
    const quint64 virtualSize = m_image->virtualSizeBytes();
    // R9: a qcow2 (vmdk, ...) backing file's bytes sit at no disk offset: nothing to mark.
    if (offsetBytes >= virtualSize || (m_file == DataSource::Backing && m_image->header().backingFormat() != "raw"))
        return {};
    QList<MapRun> runs = m_image->map(offsetBytes, std::min(lengthBytes, virtualSize - offsetBytes));
    runs.removeIf([this](const MapRun &run) {
        return run.source != m_file;
    });
    return runs;
}

} // namespace AddCow
