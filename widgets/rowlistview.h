// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QAbstractScrollArea>

class QAbstractItemModel;
class QHeaderView;
class QStyledItemDelegate;

namespace AddCow
{

/**
 * A table model's rows, one line each, that keeps nothing per row: it asks the model only for
 * the rows on screen. Qt's item views all store something per row (QTreeView an item, QListView
 * a flow position, QHeaderView a section), which a list of half a billion runs cannot afford
 * (issue 11's Changes list at 64 TiB). Rows have one height; the vertical scroll bar counts rows.
 * One current row, shown selected; a click, Enter or a double click activates it. Assistive
 * tools read the current row as the list's accessible description.
 */
class RowListView : public QAbstractScrollArea
{
    Q_OBJECT
public:
    explicit RowListView(QWidget *parent = nullptr);
    ~RowListView() override;

    /** The model's top-level rows and its columns; the view does not own it. */
    void setModel(QAbstractItemModel *model);
    QAbstractItemModel *model() const { return m_model; }
    QHeaderView *header() const { return m_header; }
    /** Columns sized to the header and the rows on screen, except those set to stretch. */
    void setStretchColumn(int column);

    /** -1 when there is none. */
    int currentRow() const { return m_currentRow; }
    /** Makes row current (-1: none) and scrolls it into view. */
    void setCurrentRow(int row);
    void scrollToRow(int row);
    int rowHeight() const;
    /** The first row on screen. */
    int firstVisibleRow() const;
    /** How many rows fit on screen, the last one maybe cut. */
    int visibleRowCount() const;
    /** The row at a point of the viewport, or -1. */
    int rowAt(QPoint viewportPoint) const;
    /** Where row is in the viewport (empty when it is off screen). */
    QRect rowRect(int row) const;

Q_SIGNALS:
    void currentRowChanged(int row);
    /** The user picked row: a click, a double click or Enter. */
    void activated(int row);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void changeEvent(QEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;

private:
    int rowCount() const;
    void updateGeometries();
    /** Widens the content-sized columns to what the header and the rows on screen need. */
    void fitColumns();
    void rowsInserted(int first, int last);
    void rowsRemoved(int first, int last);
    void reset();
    void describeCurrentRow();
    /** A left click or double click on a row makes it current and activates it. */
    bool pickRow(QMouseEvent *event);

    QAbstractItemModel *m_model = nullptr;
    QHeaderView *m_header;
    QStyledItemDelegate *m_delegate;
    int m_currentRow = -1;
    int m_stretchColumn = -1;
    QList<QMetaObject::Connection> m_connections;
};

} // namespace AddCow
