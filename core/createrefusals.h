// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "addcowcore_export.h"
#include "result.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace AddCow
{

/** A file a create names: the name as the header will store it, or as the user typed it (R16), and the path it leads to. */
struct CreateName {
    QByteArray storedName;
    QString path;
};

/**
 * R20's refusals about the files a create names, decided before anything is probed or written:
 * the one decision `addcow create` (CreateJob) and the New Image wizard make, each page asking
 * about the file it chooses. Coded errors (FindingCode), the first one found.
 */

/** R16: the backing file exists, is a regular file or a block device (only read), and can be read. */
ADDCOWCORE_EXPORT Result<void> checkCreateBacking(const CreateName &backing);

/**
 * R20: an existing image file is used as it is, so it must be a regular file that can be written;
 * a missing one is created, so its folder must exist and take new files.
 */
ADDCOWCORE_EXPORT Result<void> checkCreateImage(const CreateName &image);

/**
 * R20: an existing .add-cow file is never replaced unless overwrite (AddCowFileExists), and never
 * when it is a directory or a special file; the temporary file goes in its folder, which must
 * exist and take new files.
 */
ADDCOWCORE_EXPORT Result<void> checkCreateAddCow(const QString &addCowPath, bool overwrite);

/**
 * All of the above, after R17 (three different files, checkDistinctFiles), in the order create
 * asks: the .add-cow file, the image file, the backing file.
 */
ADDCOWCORE_EXPORT Result<void> checkCreateFiles(const QString &addCowPath, const CreateName &image, const std::optional<CreateName> &backing,
                                                bool overwrite);

} // namespace AddCow
