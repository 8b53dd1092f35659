// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "hexchangemarker.h"

#include "attachedfilehexdatasource.h"
#include "changescan.h"
#include "image.h"

#include <QByteArray>

namespace AddCow
{

namespace
{
/** Image::readClean() as a hex data source over the virtual disk's offsets. */
class CleanBytesSource : public HexDataSource
{
public:
    explicit CleanBytesSource(std::shared_ptr<const Image> image)
        : m_image(std::move(image))
    {
    }
    quint64 sizeBytes() const override { return m_image->virtualSizeBytes(); }
    qint64 read(quint64 offsetBytes, char *buffer, quint64 lengthBytes) const override
    {
        if (offsetBytes >= sizeBytes())
            return 0;
        lengthBytes = std::min(lengthBytes, sizeBytes() - offsetBytes);
        return m_image->readClean(offsetBytes, buffer, lengthBytes) ? qint64(lengthBytes) : -1;
    }

private:
    std::shared_ptr<const Image> m_image;
};
} // namespace

HexChangeMarker::HexChangeMarker(std::shared_ptr<const Image> image)
    : m_image(std::move(image))
    , m_compares(m_image && ChangeScan::compares(ChangeScan::basisFor(*m_image)))
{
    if (!m_compares)
        return;
    m_written.setDataSource(std::make_shared<AttachedFileHexDataSource>(m_image, DataSource::Image));
    m_clean.setDataSource(std::make_shared<CleanBytesSource>(m_image));
}

void HexChangeMarker::changedBytes(quint64 offsetBytes, quint64 lengthBytes, std::vector<bool> &marks)
{
    marks.assign(size_t(lengthBytes), false);
    if (!m_compares)
        return;
    const quint64 virtualSize = m_image->virtualSizeBytes();
    if (offsetBytes >= virtualSize)
        return;
    lengthBytes = std::min(lengthBytes, virtualSize - offsetBytes);
    QByteArray written;
    QByteArray clean;
    // R13/R14 through Image::map: only bytes the image file gives to the disk can be changed.
    for (const MapRun &run : m_image->map(offsetBytes, lengthBytes)) {
        if (run.source != DataSource::Image)
            continue;
        written.resize(qsizetype(run.lengthBytes));
        clean.resize(qsizetype(run.lengthBytes));
        const quint64 gotWritten = m_written.read(run.offsetBytes, written.data(), run.lengthBytes);
        const quint64 fileSize = m_image->imageFile().sizeBytes;
        if (gotWritten < std::min(run.offsetBytes + run.lengthBytes, std::max(fileSize, run.offsetBytes)) - run.offsetBytes)
            continue; // unreadable: not known to differ
        std::fill(written.begin() + qsizetype(gotWritten), written.end(), '\0'); // past the file's end: zeros, as Image::read pads
        if (m_clean.read(run.offsetBytes, clean.data(), run.lengthBytes) < run.lengthBytes)
            continue; // unreadable: not known to differ
        for (quint64 i = 0; i < run.lengthBytes; ++i)
            marks[size_t(run.offsetBytes - offsetBytes + i)] = written.at(qsizetype(i)) != clean.at(qsizetype(i));
    }
}

void HexChangeMarker::clear()
{
    m_written.clear();
    m_clean.clear();
}

void HexChangeMarker::invalidate(quint64 offsetBytes, quint64 lengthBytes)
{
    m_written.invalidate(offsetBytes, lengthBytes);
    m_clean.invalidate(offsetBytes, lengthBytes);
}

} // namespace AddCow
