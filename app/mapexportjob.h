// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "job.h"
#include "mapexport.h"

#include <QString>

#include <memory>

namespace AddCow
{

class Image;

/** Writes the map of an open image (R13) as JSON or CSV to a file as the bitmap is walked (MapExport::write), atomically. */
class MapExportJob : public Job
{
public:
    MapExportJob(std::shared_ptr<const Image> image, QString destinationPath, MapExport::Format format);
    QString description() const override;
    Result<void> run(JobContext &context) override;

private:
    std::shared_ptr<const Image> m_image;
    QString m_destinationPath;
    MapExport::Format m_format;
};

} // namespace AddCow
