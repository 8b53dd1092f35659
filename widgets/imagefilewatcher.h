// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <sys/types.h>

class QFileSystemWatcher;
class QTimer;

namespace AddCow
{

/**
 * Notices what other programs do to the files of an open image (a terminal's `addcow write`, a
 * VM's NBD server, a `mv`): QFileSystemWatcher for a quick notice plus a slow poll for file
 * systems without one, both leading to one check of (device, inode), size and modification time
 * that runs at most once per minimumIntervalMs(). A check reports what changed since the last.
 * QtCore only.
 */
class ImageFileWatcher : public QObject
{
    Q_OBJECT

public:
    enum class Change {
        Modified, ///< same file, new modification time, same size
        Resized,  ///< same file, another size
        Replaced, ///< the name leads to another file now (device, inode)
        Vanished, ///< the name leads to nothing
        Appeared, ///< the name leads to a file again
    };
    Q_ENUM(Change)

    struct FileChange {
        QString path;
        Change change = Change::Modified;
        bool operator==(const FileChange &) const = default;
    };

    /** What a check compares: the file's identity, size and modification time. */
    struct FileState {
        bool exists = false;
        dev_t device = 0;
        ino_t inode = 0;
        qint64 sizeBytes = 0;
        qint64 modifiedNs = 0;
        bool operator==(const FileState &) const = default;
    };
    static FileState stateOf(const QString &path);

    explicit ImageFileWatcher(QObject *parent = nullptr);
    ~ImageFileWatcher() override;

    /**
     * Watches paths (absolute; empty ones are skipped) from now on. The baseline is their state
     * now, or the state given in baselines (taken before a load read the files: what changed
     * since is reported by a check soon after).
     */
    void setFiles(const QStringList &paths, const QHash<QString, FileState> &baselines = {});
    void clear();
    QStringList files() const;

    /** Checks at once and reports (also for tests). */
    void checkNow();
    /** Takes the files' state now as the baseline without reporting (after our own writes). */
    void rebase();

    void setMinimumIntervalMs(int intervalMs);
    int minimumIntervalMs() const { return m_minimumIntervalMs; }
    void setPollIntervalMs(int intervalMs);

Q_SIGNALS:
    /** What a check found changed, one entry per changed file; never empty. */
    void filesChanged(const QList<AddCow::ImageFileWatcher::FileChange> &changes);

private:
    void scheduleCheck();
    void watchExisting();

    QFileSystemWatcher *m_watcher = nullptr;
    QTimer *m_debounce;
    QTimer *m_poll;
    QStringList m_paths;
    QList<FileState> m_states;
    qint64 m_lastCheckMs = 0;
    int m_minimumIntervalMs = 1000;
};

} // namespace AddCow
