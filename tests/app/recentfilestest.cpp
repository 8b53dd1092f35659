// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "recentfiles.h"

#include <QDir>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace AddCow;

class RecentFilesTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void newestFirstWithoutDuplicates();
    void keepsTen();
    void savesAndLoads();
};

void RecentFilesTest::newestFirstWithoutDuplicates()
{
    RecentFiles recent;
    QSignalSpy changed(&recent, &RecentFiles::changed);
    recent.add(QStringLiteral("/images/a.add-cow"));
    recent.add(QStringLiteral("/images/b.add-cow"));
    recent.add(QStringLiteral("/images/a.add-cow"));
    QCOMPARE(recent.files(), (QStringList{QStringLiteral("/images/a.add-cow"), QStringLiteral("/images/b.add-cow")}));
    QCOMPARE(changed.size(), 3);
    // Opening the newest again changes nothing, so nothing is saved (issue 13: no write at start).
    recent.add(QStringLiteral("/images/a.add-cow"));
    QCOMPARE(changed.size(), 3);
    recent.remove(QStringLiteral("/images/a.add-cow"));
    QCOMPARE(recent.files(), QStringList{QStringLiteral("/images/b.add-cow")});
    recent.add(QStringLiteral("relative.add-cow"));
    QCOMPARE(recent.files().first(), QDir::current().absoluteFilePath(QStringLiteral("relative.add-cow")));
    recent.clear();
    QVERIFY(recent.files().isEmpty());
}

void RecentFilesTest::keepsTen()
{
    RecentFiles recent;
    for (int i = 0; i < 15; ++i)
        recent.add(QStringLiteral("/images/%1.add-cow").arg(i));
    QCOMPARE(recent.files().size(), 10);
    QCOMPARE(recent.files().first(), QStringLiteral("/images/14.add-cow"));
    QCOMPARE(recent.files().last(), QStringLiteral("/images/5.add-cow"));
}

void RecentFilesTest::savesAndLoads()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("settings.ini"));
    {
        QSettings settings(file, QSettings::IniFormat);
        RecentFiles recent;
        recent.add(QStringLiteral("/images/a.add-cow"));
        recent.add(QStringLiteral("/images/b.add-cow"));
        recent.save(settings);
    }
    QSettings settings(file, QSettings::IniFormat);
    RecentFiles loaded;
    QSignalSpy changed(&loaded, &RecentFiles::changed);
    loaded.load(settings);
    QCOMPARE(loaded.files(), (QStringList{QStringLiteral("/images/b.add-cow"), QStringLiteral("/images/a.add-cow")}));
    QCOMPARE(changed.size(), 1);
}

QTEST_MAIN(RecentFilesTest)
#include "recentfilestest.moc"
