// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "imagefilewatcher.h"

#include <QDateTime>
#include <QFile>
#include <QFileSystemWatcher>
#include <QTimer>

#include <sys/stat.h>

namespace AddCow
{

namespace
{
constexpr int SettleMs = 150;       // a burst of writes is one change: wait for it to settle a little
constexpr int PollIntervalMs = 3000; // for file systems that send no notice (NFS, FUSE)
}

ImageFileWatcher::ImageFileWatcher(QObject *parent)
    : QObject(parent)
    , m_watcher(new QFileSystemWatcher(this))
    , m_debounce(new QTimer(this))
    , m_poll(new QTimer(this))
{
    m_debounce->setSingleShot(true);
    connect(m_debounce, &QTimer::timeout, this, &ImageFileWatcher::checkNow);
    m_poll->setInterval(PollIntervalMs);
    connect(m_poll, &QTimer::timeout, this, &ImageFileWatcher::scheduleCheck);
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, &ImageFileWatcher::scheduleCheck);
}

ImageFileWatcher::~ImageFileWatcher() = default;

ImageFileWatcher::FileState ImageFileWatcher::stateOf(const QString &path)
{
    struct stat status;
    if (::stat(QFile::encodeName(path).constData(), &status) != 0)
        return {};
    return {true, status.st_dev, status.st_ino, qint64(status.st_size), qint64(status.st_mtim.tv_sec) * 1000000000 + status.st_mtim.tv_nsec};
}

void ImageFileWatcher::setFiles(const QStringList &paths, const QHash<QString, FileState> &baselines)
{
    clear();
    bool changedSinceBaseline = false;
    for (const QString &path : paths) {
        if (path.isEmpty() || m_paths.contains(path))
            continue;
        const FileState now = stateOf(path);
        m_paths.append(path);
        m_states.append(baselines.value(path, now));
        changedSinceBaseline = changedSinceBaseline || !(m_states.last() == now);
    }
    watchExisting();
    if (m_paths.isEmpty())
        return;
    m_poll->start();
    if (changedSinceBaseline)
        scheduleCheck();
}

void ImageFileWatcher::clear()
{
    if (const QStringList watched = m_watcher->files(); !watched.isEmpty())
        m_watcher->removePaths(watched);
    m_paths.clear();
    m_states.clear();
    m_debounce->stop();
    m_poll->stop();
}

QStringList ImageFileWatcher::files() const
{
    return m_paths;
}

void ImageFileWatcher::watchExisting()
{
    // inotify forgets a file that was removed or renamed over: watch the name again once it leads somewhere.
    const QStringList watched = m_watcher->files();
    for (qsizetype i = 0; i < m_paths.size(); ++i) {
        if (m_states[i].exists && !watched.contains(m_paths[i]))
            m_watcher->addPath(m_paths[i]);
    }
}

void ImageFileWatcher::scheduleCheck()
{
    if (m_paths.isEmpty() || m_debounce->isActive())
        return;
    const qint64 sinceLast = QDateTime::currentMSecsSinceEpoch() - m_lastCheckMs;
    m_debounce->start(int(std::max<qint64>(SettleMs, m_minimumIntervalMs - sinceLast)));
}

void ImageFileWatcher::checkNow()
{
    m_debounce->stop();
    m_lastCheckMs = QDateTime::currentMSecsSinceEpoch();
    QList<FileChange> changes;
    for (qsizetype i = 0; i < m_paths.size(); ++i) {
        const FileState now = stateOf(m_paths[i]);
        const FileState &before = m_states[i];
        if (now == before)
            continue;
        Change change;
        if (!now.exists)
            change = Change::Vanished;
        else if (!before.exists)
            change = Change::Appeared;
        else if (now.device != before.device || now.inode != before.inode)
            change = Change::Replaced;
        else if (now.sizeBytes != before.sizeBytes)
            change = Change::Resized;
        else
            change = Change::Modified;
        m_states[i] = now;
        changes.append({m_paths[i], change});
    }
    watchExisting();
    if (!changes.isEmpty())
        Q_EMIT filesChanged(changes);
}

void ImageFileWatcher::rebase()
{
    for (qsizetype i = 0; i < m_paths.size(); ++i)
        m_states[i] = stateOf(m_paths[i]);
    watchExisting();
}

void ImageFileWatcher::setMinimumIntervalMs(int intervalMs)
{
    m_minimumIntervalMs = intervalMs;
}

void ImageFileWatcher::setPollIntervalMs(int intervalMs)
{
    m_poll->setInterval(intervalMs);
}

} // namespace AddCow
