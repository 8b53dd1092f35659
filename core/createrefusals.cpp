// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "createrefusals.h"

#include "filekind.h"
#include "findingcode.h"
#include "headerfield.h"
#include "image.h"

#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <sys/stat.h>
#include <unistd.h>

namespace AddCow
{

namespace
{

using Arg = FindingArgument;

// The error of file: field, stored name, then where (the resolved path, or the folder for a
// Folder* code) and the errno for the codes that carry one (findingcode.h).
Error fileError(FindingCode code, HeaderField field, const CreateName &file, int errnoValue = 0, const QString &where = {})
{
    const bool withErrno = code == FindingCode::FileCannotBeOpened || code == FindingCode::FolderNotWritable;
    FindingArguments arguments{Arg::ofField(field), Arg::ofName(file.storedName), Arg::ofPath(where.isEmpty() ? file.path : where)};
    if (withErrno)
        arguments << Arg::ofErrno(errnoValue);
    Error error = Error::fromCode(file.path, code, arguments, field);
    if (withErrno || code == FindingCode::FolderMissing) // the folder's errno (ENOENT, ENOTDIR) says which
        error.errnoValue = errnoValue;
    return error;
}

// A file that is not there yet is made in its folder: the folder must exist and take new files.
Result<void> checkFolderTakesNewFiles(HeaderField field, const CreateName &file)
{
    const QString folder = QFileInfo(file.path).absolutePath();
    if (::access(QFile::encodeName(folder).constData(), W_OK | X_OK) == 0)
        return {};
    const bool missing = errno == ENOENT || errno == ENOTDIR;
    return fileError(missing ? FindingCode::FolderMissing : FindingCode::FolderNotWritable, field, file, errno, folder);
}

} // namespace

Result<void> checkCreateBacking(const CreateName &backing)
{
    constexpr HeaderField field = HeaderField::BackingFile;
    struct stat status;
    if (::stat(QFile::encodeName(backing.path).constData(), &status) != 0)
        return fileError(errno == ENOENT ? FindingCode::FileMissing : FindingCode::FileCannotBeOpened, field, backing, errno);
    if (const std::optional<FindingCode> problem = fileKindProblem(fileKindOf(status.st_mode), false))
        return fileError(*problem, field, backing);
    if (::access(QFile::encodeName(backing.path).constData(), R_OK) != 0)
        return fileError(FindingCode::FileCannotBeOpened, field, backing, errno);
    return {};
}

Result<void> checkCreateImage(const CreateName &image)
{
    constexpr HeaderField field = HeaderField::ImageFile;
    struct stat status;
    if (::stat(QFile::encodeName(image.path).constData(), &status) != 0) {
        if (errno != ENOENT)
            return fileError(FindingCode::FileCannotBeOpened, field, image, errno);
        return checkFolderTakesNewFiles(field, image);
    }
    // Hardening: a device, FIFO or socket is never written.
    if (const std::optional<FindingCode> problem = fileKindProblem(fileKindOf(status.st_mode), true))
        return fileError(*problem, field, image);
    if (::access(QFile::encodeName(image.path).constData(), W_OK) != 0)
        return fileError(FindingCode::FileCannotBeOpened, field, image, errno);
    return {};
}

Result<void> checkCreateAddCow(const QString &addCowPath, bool overwrite)
{
    constexpr HeaderField field = HeaderField::AddCowFile;
    const CreateName addCow{QFile::encodeName(QFileInfo(addCowPath).fileName()), addCowPath};
    struct stat status;
    if (::stat(QFile::encodeName(addCowPath).constData(), &status) != 0) {
        if (errno != ENOENT)
            return fileError(FindingCode::FileCannotBeOpened, field, addCow, errno);
    } else {
        // Hardening: a directory, device, FIFO or socket is never replaced by the rename, asked or not.
        if (const std::optional<FindingCode> problem = fileKindProblem(fileKindOf(status.st_mode), true))
            return fileError(*problem, field, addCow);
        if (!overwrite) // R20
            return Error::fromCode(addCowPath, FindingCode::AddCowFileExists, {Arg::ofPath(addCowPath)});
    }
    return checkFolderTakesNewFiles(field, addCow);
}

Result<void> checkCreateFiles(const QString &addCowPath, const CreateName &image, const std::optional<CreateName> &backing, bool overwrite)
{
    // R17: three different files, decided as Image::open decides it.
    if (Result<void> distinct = checkDistinctFiles(addCowPath, image.path, backing ? backing->path : QString()); !distinct)
        return distinct;
    if (Result<void> addCow = checkCreateAddCow(addCowPath, overwrite); !addCow)
        return addCow;
    if (Result<void> imageFile = checkCreateImage(image); !imageFile)
        return imageFile;
    if (backing)
        return checkCreateBacking(*backing);
    return {};
}

} // namespace AddCow
