// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "addcowcore_export.h"
#include "result.h"

#include <QString>

#include <sys/types.h>

namespace AddCow
{

/**
 * R20's one way to put a whole new .add-cow file under a name, for create and for every header
 * rewrite: the bytes go to a temporary file beside the target (same directory, so the rename
 * stays on one file system), which is made durable, renamed over the target and the directory
 * synced, so a crash leaves the old file or the new one, never a part of either (R18-R21's
 * order: data durable first, then the name that makes it visible). Every call goes through
 * FileIo, so the fault and trace hooks see it. A temporary file not renamed is removed when the
 * object goes.
 */
class ADDCOWCORE_EXPORT AtomicFile
{
public:
    /** What commit() does when a file exists under the target name. */
    enum class Replace {
        Never,   ///< refuse with AddCowFileExists (R20), even for a file that appeared meanwhile
        Existing ///< replace it: the user asked for that, or it is the file being rewritten
    };

    explicit AtomicFile(const QString &targetPath);
    ~AtomicFile();
    AtomicFile(const AtomicFile &) = delete;
    AtomicFile &operator=(const AtomicFile &) = delete;

    /** Creates the temporary file beside the target, new (O_EXCL), so nobody else has it open. */
    Result<void> open(mode_t mode = 0644);
    /** The temporary file's descriptor to write through FileIo, -1 when not open. */
    int fd() const { return m_fd; }
    QString temporaryPath() const { return m_temporaryPath; }
    QString targetPath() const { return m_targetPath; }

    /**
     * Makes the temporary file durable (fsync), closes it, renames it to the target and syncs
     * the directory. On a failure before the rename the temporary file is removed and the
     * target is as it was; isRenamed() tells a failure after it (the directory sync) apart.
     */
    Result<void> commit(Replace replace);
    /** True once the rename has put the new file under the target name. */
    bool isRenamed() const { return m_renamed; }
    /** Closes and removes the temporary file, if it is still there. */
    void discard();

private:
    QString m_targetPath;
    QString m_temporaryPath;
    int m_fd = -1;
    bool m_renamed = false;
};

} // namespace AddCow
