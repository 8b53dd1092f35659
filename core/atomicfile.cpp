// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "atomicfile.h"

#include "fileio.h"
#include "findingcode.h"

#include <QFileInfo>
#include <QRandomGenerator>

#include <cerrno>
#include <fcntl.h>

using namespace Qt::StringLiterals;

namespace AddCow
{

AtomicFile::AtomicFile(const QString &targetPath)
    : m_targetPath(targetPath)
{
}

AtomicFile::~AtomicFile()
{
    discard();
}

Result<void> AtomicFile::open(mode_t mode)
{
    discard();
    const QFileInfo target(m_targetPath);
    // A hidden name in the target's directory; random, and O_EXCL, so no name is ever reused.
    for (int attempt = 0; attempt < 16; ++attempt) {
        const QString candidate = target.absolutePath() + u"/."_s + target.fileName() + u".tmp-"_s
            + QString::number(QRandomGenerator::global()->generate64() & 0xffffffffffffULL, 36);
        m_fd = FileIo::open(candidate, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, mode);
        if (m_fd >= 0) {
            m_temporaryPath = candidate;
            return {};
        }
        if (errno != EEXIST)
            break;
    }
    return Error::fromErrno(m_targetPath, u"cannot create a temporary file beside it"_s);
}

Result<void> AtomicFile::commit(Replace replace)
{
    const auto fail = [this](const QString &path, const QString &what) -> Error {
        const Error error = Error::fromErrno(path, what);
        discard();
        return error;
    };
    if (m_fd < 0)
        return Error::make(ErrorCode::InvalidArgument, m_targetPath, u"no temporary file to rename into place"_s);
    if (!FileIo::fullSync(m_fd))
        return fail(m_temporaryPath, u"cannot make the new file durable"_s);
    const int fd = m_fd;
    m_fd = -1;
    if (FileIo::close(fd) != 0)
        return fail(m_temporaryPath, u"cannot close the new file"_s);
    if (replace == Replace::Existing) {
        if (!FileIo::rename(m_temporaryPath, m_targetPath))
            return fail(m_targetPath, u"cannot rename the new file into place"_s);
    } else if (!FileIo::renameNoReplace(m_temporaryPath, m_targetPath)) {
        if (errno == EEXIST) { // R20: never replaces a file, not even one that appeared meanwhile
            discard();
            return Error::fromCode(m_targetPath, FindingCode::AddCowFileExists, {FindingArgument::ofPath(m_targetPath)});
        }
        return fail(m_targetPath, u"cannot rename the new file into place"_s);
    }
    m_renamed = true;
    m_temporaryPath.clear();
    // The new file is in place; the directory sync makes the rename durable.
    if (!FileIo::syncDirectoryOf(m_targetPath))
        return Error::fromErrno(m_targetPath, u"cannot make the rename durable"_s);
    return {};
}

void AtomicFile::discard()
{
    if (m_fd >= 0)
        FileIo::close(m_fd);
    m_fd = -1;
    if (!m_temporaryPath.isEmpty())
        FileIo::remove(m_temporaryPath);
    m_temporaryPath.clear();
}

} // namespace AddCow
