// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "hexbookmarksmodel.h"
#include "hexbookmarksview.h"
#include "hexpanel.h"
#include "hextestimage.h"
#include "hexview.h"

#include <QSettings>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

using namespace AddCow;
using HexTest::Cluster;

/** Bookmarks: kept per image in QSettings (keyed by the .add-cow file's path), in offset order. */
class HexBookmarksTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void addRemoveRenameInOffsetOrder();
    void persistedPerImage();
    void noPathSavesNothing();
    void panelBookmarksTheSelection();
};

void HexBookmarksTest::init()
{
    QSettings().clear();
}

void HexBookmarksTest::addRemoveRenameInOffsetOrder()
{
    HexBookmarksModel model;
    model.setImagePath(QStringLiteral("/images/a.add-cow"));
    QCOMPARE(model.add(0x300, 4, QStringLiteral("MBR")), 0);
    QCOMPARE(model.add(0x100, 1), 0);
    QCOMPARE(model.add(0x200, 0), 1); // length 0: one byte
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.bookmark(0).name, QStringLiteral("Bookmark at 0x100"));
    QCOMPARE(model.bookmark(1).lengthBytes, quint64(1));
    QCOMPARE(model.bookmark(2).name, QStringLiteral("MBR"));
    QCOMPARE(model.index(2, HexBookmarksModel::OffsetColumn).data().toString(), QStringLiteral("0x300"));
    QCOMPARE(model.index(2, HexBookmarksModel::LengthColumn).data().toString(), QStringLiteral("4"));
    QVERIFY(model.flags(model.index(0, HexBookmarksModel::NameColumn)) & Qt::ItemIsEditable);
    QVERIFY(!(model.flags(model.index(0, HexBookmarksModel::OffsetColumn)) & Qt::ItemIsEditable));
    QVERIFY(model.setData(model.index(0, HexBookmarksModel::NameColumn), QStringLiteral(" Boot sector ")));
    QCOMPARE(model.bookmark(0).name, QStringLiteral("Boot sector"));
    QVERIFY(!model.setData(model.index(0, HexBookmarksModel::NameColumn), QStringLiteral("  "))); // a name stays
    model.remove(1);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.bookmark(1).name, QStringLiteral("MBR"));
    model.remove(7); // nothing there
    QCOMPARE(model.rowCount(), 2);
}

void HexBookmarksTest::persistedPerImage()
{
    const QString a = QStringLiteral("/images/a.add-cow");
    const QString b = QStringLiteral("/images/b.add-cow");
    {
        HexBookmarksModel model;
        model.setImagePath(a);
        model.add(0x1000, 16, QStringLiteral("partition table"));
        model.add(0x10, 2);
        model.setData(model.index(0, 0), QStringLiteral("header"));
        model.setImagePath(b);
        QCOMPARE(model.rowCount(), 0);
        model.add(0x42, 1, QStringLiteral("in b"));
    }
    HexBookmarksModel again;
    again.setImagePath(a);
    QCOMPARE(again.bookmarks(), (QList<HexBookmark>{{0x10, 2, QStringLiteral("header")}, {0x1000, 16, QStringLiteral("partition table")}}));
    again.setImagePath(b);
    QCOMPARE(again.bookmarks(), (QList<HexBookmark>{{0x42, 1, QStringLiteral("in b")}}));
    // Under a group of their own, with the path for whoever reads the settings file.
    QSettings settings;
    settings.beginGroup(HexBookmarksModel::settingsGroup(a));
    QCOMPARE(settings.value(QStringLiteral("path")).toString(), a);
    settings.endGroup();
    // Removing the last one leaves nothing behind.
    again.remove(0);
    QVERIFY(!QSettings().childGroups().isEmpty());
    QSettings check;
    check.beginGroup(HexBookmarksModel::settingsGroup(b));
    QVERIFY(check.childKeys().isEmpty() && check.childGroups().isEmpty());
}

void HexBookmarksTest::noPathSavesNothing()
{
    HexBookmarksModel model;
    model.add(5, 1);
    QCOMPARE(model.rowCount(), 1);
    QVERIFY(QSettings().allKeys().isEmpty());
}

void HexBookmarksTest::panelBookmarksTheSelection()
{
    HexTest::ImageFixture first;
    HexTest::ImageFixture second;
    QVERIFY(first.make());
    QVERIFY(second.make());
    HexPanel panel;
    panel.resize(1600, 500);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.setImage(first.open());

    // Ctrl+B bookmarks the selection of the view in use.
    HexView *view = panel.imageView();
    view->setFocus();
    view->setSelection(Cluster + 200, 4);
    QTest::keyClick(view, Qt::Key_B, Qt::ControlModifier);
    QCOMPARE(panel.bookmarksModel()->bookmarks(), (QList<HexBookmark>{{Cluster + 200, 4, QStringLiteral("Bookmark at 0x100c8")}}));
    // The Add button too, at the cursor when nothing is selected.
    view->goToOffset(0x77);
    panel.bookmarksView()->addButton()->click();
    QCOMPARE(panel.bookmarksModel()->rowCount(), 2);
    QCOMPARE(panel.bookmarksModel()->bookmark(0).offsetBytes, quint64(0x77));
    QCOMPARE(panel.bookmarksModel()->bookmark(0).lengthBytes, quint64(1));

    // Another image has its own; the first one's come back with it.
    panel.setImage(second.open());
    QCOMPARE(panel.bookmarksModel()->rowCount(), 0);
    panel.setImage(first.open());
    QCOMPARE(panel.bookmarksModel()->rowCount(), 2);
    // Activating one selects its bytes and shows them in the linked views.
    QTreeView *tree = panel.bookmarksView()->treeView();
    Q_EMIT tree->activated(panel.bookmarksModel()->index(1, 0));
    QCOMPARE(panel.currentView()->selectionStart(), Cluster + 200);
    QCOMPARE(panel.currentView()->selectionLength(), quint64(4));
    for (HexView *each : {panel.backingView(), panel.imageView(), panel.virtualDiskView()})
        QCOMPARE(each->topOffset(), panel.currentView()->topOffset());
    // Remove.
    tree->setCurrentIndex(panel.bookmarksModel()->index(0, 0));
    panel.bookmarksView()->removeButton()->click();
    QCOMPARE(panel.bookmarksModel()->rowCount(), 1);
    HexBookmarksModel reloaded;
    reloaded.setImagePath(first.addCowPath);
    QCOMPARE(reloaded.rowCount(), 1);
}

QTEST_MAIN(HexBookmarksTest)
#include "hexbookmarkstest.moc"
