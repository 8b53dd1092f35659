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

    // Written to a temporary file beside the destination and renamed at the end (QSaveFile):
    // after an error or a cancel the destination keeps its old content, or stays absent, and
    // no partial map is left behind.
    QSaveFile file(m_destinationPath);
    if (!file.open(QIODevice::WriteOnly))
        return Error::make(ErrorCode::Io, m_destinationPath, file.errorString());
    const auto progress = [&context](quint64 doneBytes, quint64 total) {
        context.setProgress(doneBytes, total);
        return !context.isCancelled();
    };
    const Result<quint64> runs = MapExport::write(file, *m_image, m_format, m_destinationPath, progress);
    if (!runs.ok()) {
        file.cancelWriting();
        return runs.error();
    }
    if (context.isCancelled()) {
        file.cancelWriting();
        return Error::make(ErrorCode::Cancelled, m_destinationPath, QStringLiteral("cancelled"));
    }
    if (!file.commit())
        return Error::make(ErrorCode::Io, m_destinationPath, file.errorString());
    context.report().addFile(QFileInfo(m_destinationPath).absoluteFilePath());
    context.report().info(QStringLiteral("Wrote %1 runs covering %2 bytes to %3").arg(runs.value()).arg(totalBytes).arg(m_destinationPath));
    return {};
}

} // namespace AddCow
