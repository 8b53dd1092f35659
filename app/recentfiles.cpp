// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "recentfiles.h"

#include <QFileInfo>
#include <QSettings>

namespace AddCow
{

namespace
{
const QString SettingsKey = QStringLiteral("RecentFiles/files");
}

RecentFiles::RecentFiles(QObject *parent)
    : QObject(parent)
{
}

void RecentFiles::add(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (!m_files.isEmpty() && m_files.constFirst() == absolute)
        return; // nothing changes, so nothing is written to the settings (issue 13: opening writes no file)
    m_files.removeAll(absolute);
    m_files.prepend(absolute);
    while (m_files.size() > maxCount())
        m_files.removeLast();
    Q_EMIT changed();
}

void RecentFiles::remove(const QString &path)
{
    if (m_files.removeAll(QFileInfo(path).absoluteFilePath()) > 0)
        Q_EMIT changed();
}

void RecentFiles::clear()
{
    if (m_files.isEmpty())
        return;
    m_files.clear();
    Q_EMIT changed();
}

void RecentFiles::load(const QSettings &settings)
{
    QStringList files = settings.value(SettingsKey).toStringList();
    files.removeAll(QString());
    files.removeDuplicates();
    while (files.size() > maxCount())
        files.removeLast();
    if (files == m_files)
        return;
    m_files = files;
    Q_EMIT changed();
}

void RecentFiles::save(QSettings &settings) const
{
    settings.setValue(SettingsKey, m_files);
}

} // namespace AddCow
