// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "rowlistview.h"

#include <QAbstractTableModel>
#include <QHeaderView>
#include <QHelpEvent>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QToolTip>

#include <climits>
#include <set>

using namespace AddCow;

namespace
{
/** Rows "row N" computed when asked, and which rows were asked for. */
class CountingModel : public QAbstractTableModel
{
public:
    explicit CountingModel(int rows)
        : m_rows(rows)
    {
    }
    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : m_rows; }
    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : 2; }
    QVariant data(const QModelIndex &index, int role) const override
    {
        asked.insert(index.row());
        if (role == Qt::DisplayRole)
            return index.column() == 0 ? QStringLiteral("row %1").arg(index.row()) : QStringLiteral("%1 wide cell text").arg(index.row());
        if (role == Qt::ToolTipRole)
            return QStringLiteral("tip %1").arg(index.row());
        return {};
    }
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override
    {
        if (orientation == Qt::Horizontal && role == Qt::DisplayRole)
            return section == 0 ? QStringLiteral("Name") : QStringLiteral("N");
        return {};
    }
    void insert(int first, int count)
    {
        beginInsertRows({}, first, first + count - 1);
        m_rows += count;
        endInsertRows();
    }
    void remove(int first, int count)
    {
        beginRemoveRows({}, first, first + count - 1);
        m_rows -= count;
        endRemoveRows();
    }
    void resetTo(int rows)
    {
        beginResetModel();
        m_rows = rows;
        endResetModel();
    }

    mutable std::set<int> asked;

private:
    int m_rows;
};

/** A list of rows on screen. */
struct ShownList {
    explicit ShownList(int rows, QSize size = {300, 200}, int stretchColumn = -1)
        : model(rows)
    {
        view.setModel(&model);
        if (stretchColumn >= 0)
            view.setStretchColumn(stretchColumn);
        view.resize(size);
        view.show();
    }
    CountingModel model;
    RowListView view;
};
} // namespace

/** RowListView: a list that keeps nothing per row (the Changes list of issue 11). */
class RowListViewTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void asksOnlyForTheRowsOnScreen();
    void keyboardAndMouse();
    void rowsComeAndGo();
    void paintsTheCurrentRowSelected();
    void columnsFitTheirCellsAndTipsShow();
};

/** INT_MAX rows: the last one reachable, and only the rows on screen are ever read. */
void RowListViewTest::asksOnlyForTheRowsOnScreen()
{
    ShownList list(INT_MAX);
    CountingModel &model = list.model;
    RowListView &view = list.view;
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const int full = view.viewport()->height() / view.rowHeight();
    QVERIFY(full >= 3);
    QCOMPARE(view.verticalScrollBar()->maximum(), INT_MAX - full);

    model.asked.clear();
    view.setCurrentRow(INT_MAX - 1);
    QCOMPARE(view.currentRow(), INT_MAX - 1);
    QCOMPARE(view.firstVisibleRow(), INT_MAX - full);
    const QRect last = view.rowRect(INT_MAX - 1);
    QVERIFY(!last.isEmpty());
    QVERIFY(last.bottom() < view.viewport()->height());
    QCOMPARE(view.rowAt(last.center()), INT_MAX - 1);
    view.viewport()->repaint();
    QVERIFY(!model.asked.empty());
    QVERIFY2(*model.asked.begin() >= INT_MAX - full - 1, qPrintable(QString::number(*model.asked.begin())));
    QVERIFY(model.asked.size() <= size_t(full + 1));

    // The middle, by the scroll bar: again only that screen.
    model.asked.clear();
    view.verticalScrollBar()->setValue(INT_MAX / 2);
    view.viewport()->repaint();
    QCOMPARE(view.firstVisibleRow(), INT_MAX / 2);
    QVERIFY(*model.asked.begin() >= INT_MAX / 2);
    QVERIFY(*model.asked.rbegin() <= INT_MAX / 2 + full + 1);
    QCOMPARE(view.rowAt(QPoint(5, 0)), INT_MAX / 2);
    QCOMPARE(view.rowAt(QPoint(5, view.rowHeight())), INT_MAX / 2 + 1);
}

void RowListViewTest::keyboardAndMouse()
{
    ShownList list(100);
    CountingModel &model = list.model;
    RowListView &view = list.view;
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy activated(&view, &RowListView::activated);
    QSignalSpy current(&view, &RowListView::currentRowChanged);
    QCOMPARE(view.currentRow(), -1);
    QTest::keyClick(&view, Qt::Key_Down);
    QCOMPARE(view.currentRow(), 0);
    QTest::keyClick(&view, Qt::Key_Down);
    QCOMPARE(view.currentRow(), 1);
    QTest::keyClick(&view, Qt::Key_Up);
    QTest::keyClick(&view, Qt::Key_Up); // stays on the first
    QCOMPARE(view.currentRow(), 0);
    const int page = view.viewport()->height() / view.rowHeight() - 1;
    QTest::keyClick(&view, Qt::Key_PageDown);
    QCOMPARE(view.currentRow(), page);
    QVERIFY(!view.rowRect(page).isEmpty());
    QTest::keyClick(&view, Qt::Key_End);
    QCOMPARE(view.currentRow(), 99);
    QVERIFY(!view.rowRect(99).isEmpty());
    QVERIFY(view.rowRect(0).isEmpty());
    QTest::keyClick(&view, Qt::Key_Home);
    QCOMPARE(view.currentRow(), 0);
    QCOMPARE(view.firstVisibleRow(), 0);
    QCOMPARE(current.size(), 6); // Down, Down, Up, PageDown, End, Home (the second Up changed nothing)
    QVERIFY(activated.isEmpty());
    QCOMPARE(view.accessibleDescription(), QStringLiteral("Name: row 0, N: 0 wide cell text"));
    QTest::keyClick(&view, Qt::Key_Return);
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.last().at(0).toInt(), 0);

    // A click makes the row current and picks it; a click below the last row does nothing.
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, view.rowRect(3).center());
    QCOMPARE(view.currentRow(), 3);
    QCOMPARE(activated.size(), 2);
    QCOMPARE(activated.last().at(0).toInt(), 3);
    QTest::mouseDClick(view.viewport(), Qt::LeftButton, {}, view.rowRect(2).center());
    QCOMPARE(view.currentRow(), 2);
    QCOMPARE(activated.last().at(0).toInt(), 2);
    model.resetTo(2);
    QCOMPARE(view.currentRow(), -1);
    QCOMPARE(view.accessibleDescription(), QString());
    const int before = int(activated.size());
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, QPoint(5, 5 * view.rowHeight()));
    QCOMPARE(view.currentRow(), -1);
    QCOMPARE(activated.size(), before);
}

/** Rows inserted or removed before the current one move it; removing it clears it. */
void RowListViewTest::rowsComeAndGo()
{
    ShownList list(1000);
    CountingModel &model = list.model;
    RowListView &view = list.view;
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setCurrentRow(500);
    const int top = view.firstVisibleRow();
    QVERIFY(top > 400 && top <= 500);
    model.insert(10, 5);
    QCOMPARE(view.currentRow(), 505);
    QCOMPARE(view.accessibleDescription(), QStringLiteral("Name: row 505, N: 505 wide cell text")); // read again at its new row
    QCOMPARE(view.firstVisibleRow(), top + 5); // what was on screen stays there
    model.insert(900, 5);
    QCOMPARE(view.currentRow(), 505);
    QCOMPARE(view.firstVisibleRow(), top + 5);
    model.remove(0, 5);
    QCOMPARE(view.currentRow(), 500);
    QCOMPARE(view.firstVisibleRow(), top);
    model.remove(490, 20);
    QCOMPARE(view.currentRow(), -1);
    QCOMPARE(view.firstVisibleRow(), 490);
    const int full = view.viewport()->height() / view.rowHeight();
    QCOMPARE(view.verticalScrollBar()->maximum(), 1000 + 10 - 5 - 20 - full);
    model.resetTo(3);
    QCOMPARE(view.firstVisibleRow(), 0);
    QCOMPARE(view.verticalScrollBar()->maximum(), 0);
    QCOMPARE(view.rowAt(QPoint(5, 2 * view.rowHeight() + 1)), 2);
    QCOMPARE(view.rowAt(QPoint(5, 3 * view.rowHeight() + 1)), -1);
}

void RowListViewTest::paintsTheCurrentRowSelected()
{
    ShownList list(50, {400, 200}, 1);
    RowListView &view = list.view;
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setCurrentRow(2);
    const QImage shot = view.viewport()->grab().toImage();
    const qreal ratio = shot.devicePixelRatio();
    // Right of the text in the stretching column: the selection's colour on row 2, the base elsewhere.
    const auto colourAt = [&](int row) {
        const QRect rect = view.rowRect(row);
        return shot.pixelColor(QPoint(int((rect.right() - 4) * ratio), int(rect.center().y() * ratio)));
    };
    const QColor highlight = colourAt(2);
    QVERIFY(highlight == view.palette().color(QPalette::Active, QPalette::Highlight)
            || highlight == view.palette().color(QPalette::Inactive, QPalette::Highlight));
    QCOMPARE(colourAt(1), view.palette().color(QPalette::Base));
    QCOMPARE(colourAt(3), view.palette().color(QPalette::Base));
    // The text is drawn: the row's cell is not one colour.
    const QRect textCell(view.header()->sectionViewportPosition(0), view.rowRect(1).top(), view.header()->sectionSize(0), view.rowHeight());
    const QImage cell = shot.copy(QRect(textCell.topLeft() * ratio, textCell.size() * ratio));
    QSet<QRgb> colours;
    for (int y = 0; y < cell.height(); ++y)
        for (int x = 0; x < cell.width(); ++x)
            colours.insert(cell.pixel(x, y));
    QVERIFY(colours.size() > 2);
}

void RowListViewTest::columnsFitTheirCellsAndTipsShow()
{
    ShownList list(20, {500, 200}, 0);
    CountingModel &model = list.model;
    RowListView &view = list.view;
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    // Column 1's header says "N"; its cells are wider, and it takes their width.
    const int textWidth = view.fontMetrics().horizontalAdvance(QStringLiteral("10 wide cell text"));
    QVERIFY2(view.header()->sectionSize(1) >= textWidth, qPrintable(QString::number(view.header()->sectionSize(1))));
    QCOMPARE(view.header()->sectionResizeMode(0), QHeaderView::Stretch);
    QCOMPARE(view.header()->sectionSize(0) + view.header()->sectionSize(1), view.viewport()->width());
    model.resetTo(20); // the header forgets its modes on a reset: the view sets them again
    QCOMPARE(view.header()->sectionResizeMode(0), QHeaderView::Stretch);
    QVERIFY(view.header()->sectionSize(1) >= textWidth);

    const QRect row = view.rowRect(4);
    QHelpEvent help(QEvent::ToolTip, row.center(), view.viewport()->mapToGlobal(row.center()));
    QCoreApplication::sendEvent(view.viewport(), &help);
    QTRY_COMPARE(QToolTip::text(), QStringLiteral("tip 4"));
}

QTEST_MAIN(RowListViewTest)
#include "rowlistviewtest.moc"
