// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "mapexportjob.h"

#include "image.h"

#include <QFileInfo>
#include <QSaveFile>

namespace AddCow
{

MapExportJob::MapExportJob(std::shared_ptr<const Image> image, QString destinationPath, MapExport::Format format)
    : m_image(std::move(image))
    , m_destinationPath(std::move(destinationPath))
    , m_format(format)
{
}

QString MapExportJob::description() const
{
    return QStringLiteral("Export the map of %1 as %2 to %3")
        .arg(QFileInfo(m_image->path()).fileName(),
             QString::fromLatin1(MapExport::formatName(m_format)).toUpper(),
             QFileInfo(m_destinationPath).fileName());
}

Result<void> MapExportJob::run(JobContext &context)
{
    const quint64 totalBytes = m_image->virtualSizeBytes();
    context.setProgress(0, totalBytes);
    context.report().addFile(m_image->path());
    const QList<MapRun> runs = MapExport::mergedRuns(m_image->map());
    if (context.isCancelled())
        return Error::make(ErrorCode::Cancelled, m_destinationPath, QStringLiteral("cancelled"));

    QSaveFile file(m_destinationPath);
    if (!file.open(QIODevice::WriteOnly))
        return Error::make(ErrorCode::Io, m_destinationPath, file.errorString());
    if (Result<void> written = MapExport::write(file, runs, m_format, m_destinationPath); !written.ok()) {
        file.cancelWriting();
        return written.error();
    }
    // Cancelled before the rename: the destination keeps its old content (QSaveFile).
    if (context.isCancelled()) {
        file.cancelWriting();
        return Error::make(ErrorCode::Cancelled, m_destinationPath, QStringLiteral("cancelled"));
    }
    if (!file.commit())
        return Error::make(ErrorCode::Io, m_destinationPath, file.errorString());
    context.report().addFile(QFileInfo(m_destinationPath).absoluteFilePath());
    context.report().info(QStringLiteral("Wrote %1 runs covering %2 bytes to %3").arg(runs.size()).arg(totalBytes).arg(m_destinationPath));
    context.setProgress(totalBytes, totalBytes);
    return {};
}

} // namespace AddCow
