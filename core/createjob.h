// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "addcowcore_export.h"
#include "job.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace AddCow
{

/** What to create (R20). Names are stored exactly as given; relative ones resolve per R16. */
struct CreateOptions {
    QString addCowPath;             ///< the .add-cow file to write
    QByteArray imageFileName;       ///< stored image file name (required, R6)
    QByteArray backingFileName;     ///< stored backing file name; empty for none
    QByteArray backingFormat;       ///< empty: probe the backing file once and store the result (R9)
    std::optional<quint64> sizeBytes; ///< size of a new image file; default: the backing disk's virtual size (R20)
    bool preallocate = false;       ///< allocate a new image file fully instead of sparse
    bool force = false;             ///< allow an image file smaller than the backing file (R20)
    bool overwrite = false;         ///< allow replacing an existing .add-cow file (R20)
};

/**
 * R20: writes the .add-cow file whole to a temporary file and renames it into place; creates a
 * missing image file sparse (or preallocated); never truncates an existing image file.
 * On failure or cancel, removes what it created (temporary file, new image file).
 */
class ADDCOWCORE_EXPORT CreateJob : public Job
{
public:
    explicit CreateJob(CreateOptions options);
    QString description() const override;
    Result<void> run(JobContext &context) override;
    const CreateOptions &options() const { return m_options; }

private:
    CreateOptions m_options;
};

} // namespace AddCow
