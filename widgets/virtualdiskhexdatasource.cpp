// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "virtualdiskhexdatasource.h"

#include "nextdata.h"

namespace AddCow
{

VirtualDiskHexDataSource::VirtualDiskHexDataSource(std::shared_ptr<const Image> image)
    : m_image(std::move(image))
{
}

quint64 VirtualDiskHexDataSource::sizeBytes() const
{
    return m_image->virtualSizeBytes();
}

qint64 VirtualDiskHexDataSource::read(quint64 offsetBytes, char *buffer, quint64 lengthBytes) const
{
    const quint64 size = sizeBytes();
    if (offsetBytes >= size)
        return 0;
    lengthBytes = std::min(lengthBytes, size - offsetBytes);
    const Result<void> result = m_image->read(offsetBytes, buffer, lengthBytes);
    return result ? qint64(lengthBytes) : -1;
}

quint64 VirtualDiskHexDataSource::nextDataOffset(quint64 offsetBytes) const
{
    return AddCow::nextDataOffset(*m_image, offsetBytes);
}

QList<MapRun> VirtualDiskHexDataSource::sourceRuns(quint64 offsetBytes, quint64 lengthBytes) const
{
    const quint64 size = sizeBytes();
    if (offsetBytes >= size)
        return {};
    return m_image->map(offsetBytes, std::min(lengthBytes, size - offsetBytes));
}

} // namespace AddCow
