// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "hexchangesmodel.h"
#include "hexchangesview.h"
#include "rowlistview.h"
#include "hextestimage.h"

#include <QSignalSpy>
#include <QTest>

using namespace AddCow;
using namespace HexTest;

/** The Changes list of a fragmented bitmap: every row reachable, far down too (issue 11). */
class HexChangesTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void selectsRowsFarDown();
};

void HexChangesTest::selectsRowsFarDown()
{
    // 2^18 clusters (16 GiB), every other one allocated: 131072 runs. The raw image file is
    // sparse and the backing file short, so both read as zeros (R13) but where written below.
    constexpr quint64 Clusters = quint64(1) << 18;
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFile(dir.filePath(QStringLiteral("backing.img")), QByteArray(4096, '\0')));
    {
        QFile raw(dir.filePath(QStringLiteral("raw.img")));
        QVERIFY(raw.open(QIODevice::WriteOnly));
        QVERIFY(raw.resize(qint64(Clusters * Cluster)));
        // Changed clusters: run n is cluster 2n + 1; rows 3, 100000 and 131070 (the last but one).
        for (const quint64 row : {quint64(3), quint64(100000), quint64(131070)}) {
            QVERIFY(raw.seek(qint64((2 * row + 1) * Cluster + 10)));
            QVERIFY(raw.write("changed") == 7);
        }
    }
    const Header header = Header::make("raw.img", "raw", "backing.img", "raw", 0);
    QByteArray bitmap(qsizetype(bitmapRegionBytesFor(Clusters)), '\0');
    for (quint64 byte = 0; byte < Clusters / 8; ++byte)
        bitmap[qsizetype(byte)] = char(0xaa); // R13: LSB first, odd clusters set
    QVERIFY(writeFile(dir.filePath(QStringLiteral("disk.add-cow")), header.serialize() + bitmap));
    Result<Image> opened = Image::open(dir.filePath(QStringLiteral("disk.add-cow")), Image::Access::ReadOnly);
    QVERIFY2(opened.ok(), opened ? "" : qPrintable(opened.error().message()));
    auto image = std::make_shared<Image>(std::move(opened).value());

    HexChangesModel model;
    HexChangesView view(&model);
    view.resize(400, 600);
    view.show();
    model.setImage(image);
    QTRY_VERIFY_WITH_TIMEOUT(model.isComplete(), 60000);
    QCOMPARE(model.changes().changedRunCount(), 3u);
    QCOMPARE(model.changes().changedRuns().size(), 3); // all that is stored
    QCOMPARE(model.changes().unchangedRunCount(), Clusters / 2 - 3);
    QCOMPARE(model.rowCount(), 3);

    view.setShowUnchanged(true);
    QCOMPARE(model.rowCount(), int(Clusters / 2));
    RowListView *list = view.listView();
    QCOMPARE(list->model()->rowCount(), int(Clusters / 2));

    // Next change from the second: the row far down, selected and shown as the view's current row.
    const std::optional<int> row = model.nextChanged(7 * Cluster + 10);
    QCOMPARE(row, std::optional<int>(100000));
    view.selectRow(*row);
    QCOMPARE(list->currentRow(), 100000);
    QVERIFY(!list->rowRect(100000).isEmpty()); // scrolled to it
    QCOMPARE(model.index(100000, HexChangesModel::KindColumn).data().toString(), QStringLiteral("Changed"));
    QCOMPARE(model.changeNumber(*row), 2u);
    QSignalSpy activated(&view, &HexChangesView::runActivated);
    QTest::keyClick(list, Qt::Key_Return);
    QCOMPARE(activated.size(), 1);
    const auto run = activated.at(0).at(0).value<ChangeRun>();
    QCOMPARE(run.clusters, (ClusterRange{200001, 1}));
    QCOMPARE(run.offsetBytes, 200001 * Cluster + 10);
    QCOMPARE(run.lengthBytes, 7u);

    // Rows around it and at the end are the bitmap's runs.
    QCOMPARE(model.run(99999).clusters, (ClusterRange{199999, 1}));
    QVERIFY(!model.run(99999).isChanged());
    QCOMPARE(model.run(131071).clusters, (ClusterRange{Clusters - 1, 1}));
    QCOMPARE(model.rowOfCluster(Clusters - 3), std::optional<int>(131070));
    view.selectRow(131071);
    QCOMPARE(list->currentRow(), 131071);
    QVERIFY(!list->rowRect(131071).isEmpty());
    QCOMPARE(model.index(131071, HexChangesModel::KindColumn).data().toString(), QStringLiteral("Allocated, unchanged"));

    // Back to changes only: row 1 is the same change.
    view.setShowUnchanged(false);
    QCOMPARE(model.nextChanged(7 * Cluster + 10), std::optional<int>(1));
    view.selectRow(1);
    QCOMPARE(list->currentRow(), 1);
    QCOMPARE(model.run(1).clusters, (ClusterRange{200001, 1}));
}

QTEST_MAIN(HexChangesTest)
#include "hexchangestest.moc"
