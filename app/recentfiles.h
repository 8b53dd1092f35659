// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QObject>
#include <QStringList>

class QSettings;

namespace AddCow
{

/**
 * The File > Open Recent list: absolute paths, newest first, at most maxCount(), no duplicates.
 * Persisted in the "RecentFiles" group of the given settings on every change.
 */
class RecentFiles : public QObject
{
    Q_OBJECT

public:
    explicit RecentFiles(QObject *parent = nullptr);

    static constexpr int maxCount() { return 10; }

    QStringList files() const { return m_files; }
    /** Moves path to the top (made absolute), dropping the oldest beyond maxCount(). */
    void add(const QString &path);
    void remove(const QString &path);
    void clear();

    void load(const QSettings &settings);
    void save(QSettings &settings) const;

Q_SIGNALS:
    void changed();

private:
    QStringList m_files;
};

} // namespace AddCow
