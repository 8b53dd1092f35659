// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "rowlistview.h"

#include <QAbstractItemModel>
#include <QHeaderView>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QStyledItemDelegate>
#include <QToolTip>

#include <algorithm>

namespace AddCow
{

RowListView::RowListView(QWidget *parent)
    : QAbstractScrollArea(parent)
    , m_header(new QHeaderView(Qt::Horizontal, this))
    , m_delegate(new QStyledItemDelegate(this))
{
    m_header->setSectionsClickable(false);
    m_header->setStretchLastSection(false);
    m_header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    viewport()->setBackgroundRole(QPalette::Base);
    viewport()->setAutoFillBackground(true);
    setFocusPolicy(Qt::StrongFocus);
    verticalScrollBar()->setSingleStep(1);
    connect(m_header, &QHeaderView::sectionResized, this, [this] {
        updateGeometries();
        viewport()->update();
    });
    connect(m_header, &QHeaderView::geometriesChanged, this, &RowListView::updateGeometries);
}

RowListView::~RowListView()
{
    // ~QWidget hides the header, which then signals its geometry: not to this half-destroyed view.
    disconnect(m_header, nullptr, this, nullptr);
    for (const QMetaObject::Connection &connection : std::as_const(m_connections))
        disconnect(connection);
}

void RowListView::setModel(QAbstractItemModel *model)
{
    for (const QMetaObject::Connection &connection : std::as_const(m_connections))
        disconnect(connection);
    m_connections.clear();
    m_model = model;
    m_header->setModel(model);
    if (model) {
        m_connections = {
            connect(model, &QAbstractItemModel::modelReset, this, &RowListView::reset),
            connect(model, &QAbstractItemModel::layoutChanged, this, &RowListView::reset),
            connect(model, &QAbstractItemModel::rowsInserted, this,
                    [this](const QModelIndex &parent, int first, int last) {
                        if (!parent.isValid())
                            rowsInserted(first, last);
                    }),
            connect(model, &QAbstractItemModel::rowsRemoved, this,
                    [this](const QModelIndex &parent, int first, int last) {
                        if (!parent.isValid())
                            rowsRemoved(first, last);
                    }),
            connect(model, &QAbstractItemModel::dataChanged, this,
                    [this] {
                        describeCurrentRow();
                        viewport()->update();
                    }),
            connect(model, &QObject::destroyed, this, [this] { setModel(nullptr); }),
        };
    }
    reset();
}

void RowListView::setStretchColumn(int column)
{
    m_stretchColumn = column;
    reset();
}

int RowListView::rowCount() const
{
    return m_model ? m_model->rowCount() : 0;
}

void RowListView::setCurrentRow(int row)
{
    if (row < -1 || row >= rowCount())
        row = -1;
    if (row >= 0)
        scrollToRow(row);
    if (row == m_currentRow)
        return;
    m_currentRow = row;
    viewport()->update();
    describeCurrentRow();
    Q_EMIT currentRowChanged(row);
}

void RowListView::describeCurrentRow()
{
    // No accessible item per row (there are none): the current row's cells, read as the list's description.
    QStringList cells;
    for (int column = 0; m_model && m_currentRow >= 0 && column < m_header->count(); ++column) {
        if (m_header->isSectionHidden(column))
            continue;
        const QString header = m_model->headerData(column, Qt::Horizontal).toString();
        const QString text = m_model->index(m_currentRow, column).data().toString();
        cells.append(header.isEmpty() ? text : header + QStringLiteral(": ") + text);
    }
    setAccessibleDescription(cells.join(QStringLiteral(", ")));
}

void RowListView::scrollToRow(int row)
{
    const int first = firstVisibleRow();
    const int full = std::max(1, viewport()->height() / rowHeight());
    if (row < first)
        verticalScrollBar()->setValue(row);
    else if (row >= first + full)
        verticalScrollBar()->setValue(row - full + 1);
}

int RowListView::rowHeight() const
{
    // One height for every row (as QTreeView's uniform row heights): the delegate's for text.
    QStyleOptionViewItem option;
    option.initFrom(this);
    option.font = font();
    option.text = QStringLiteral("0");
    option.features = QStyleOptionViewItem::HasDisplay;
    const QSize hint = style()->sizeFromContents(QStyle::CT_ItemViewItem, &option, QSize(), this);
    return std::max(hint.height(), fontMetrics().height() + 2);
}

int RowListView::firstVisibleRow() const
{
    return verticalScrollBar()->value();
}

int RowListView::visibleRowCount() const
{
    const int height = rowHeight();
    return std::min((viewport()->height() + height - 1) / height, rowCount() - firstVisibleRow());
}

int RowListView::rowAt(QPoint viewportPoint) const
{
    if (viewportPoint.y() < 0 || viewportPoint.x() < 0 || viewportPoint.x() >= viewport()->width())
        return -1;
    const qint64 row = qint64(firstVisibleRow()) + viewportPoint.y() / rowHeight();
    return row < rowCount() ? int(row) : -1;
}

QRect RowListView::rowRect(int row) const
{
    const int first = firstVisibleRow();
    if (row < first || row >= first + visibleRowCount())
        return {};
    return QRect(0, (row - first) * rowHeight(), viewport()->width(), rowHeight());
}

void RowListView::paintEvent(QPaintEvent *event)
{
    if (!m_model)
        return;
    QPainter painter(viewport());
    QStyleOptionViewItem base;
    base.initFrom(this);
    base.state &= ~QStyle::State_HasFocus;
    base.font = font();
    base.widget = this;
    base.showDecorationSelected = true;
    if (!isActiveWindow())
        base.palette.setCurrentColorGroup(QPalette::Inactive);
    const int height = rowHeight();
    const int first = firstVisibleRow();
    const int last = std::min(first + visibleRowCount(), rowCount()); // past the end
    int firstColumn = -1;
    int lastColumn = -1;
    for (int visual = 0; visual < m_header->count(); ++visual) {
        if (m_header->isSectionHidden(m_header->logicalIndex(visual)))
            continue;
        lastColumn = m_header->logicalIndex(visual);
        if (firstColumn < 0)
            firstColumn = lastColumn;
    }
    for (int row = first; row < last; ++row) {
        const QRect line(0, (row - first) * height, viewport()->width(), height);
        if (!line.intersects(event->rect()))
            continue;
        for (int column = 0; column < m_header->count(); ++column) {
            if (m_header->isSectionHidden(column))
                continue;
            QStyleOptionViewItem option = base;
            option.rect = QRect(m_header->sectionViewportPosition(column), line.top(), m_header->sectionSize(column), height);
            if (row == m_currentRow)
                option.state |= QStyle::State_Selected;
            option.viewItemPosition = column == firstColumn ? (column == lastColumn ? QStyleOptionViewItem::OnlyOne : QStyleOptionViewItem::Beginning)
                                                           : (column == lastColumn ? QStyleOptionViewItem::End : QStyleOptionViewItem::Middle);
            m_delegate->paint(&painter, option, m_model->index(row, column));
        }
        if (row == m_currentRow && hasFocus()) {
            QStyleOptionFocusRect focus;
            focus.initFrom(this);
            focus.rect = line;
            focus.backgroundColor = palette().color(QPalette::Highlight);
            style()->drawPrimitive(QStyle::PE_FrameFocusRect, &focus, &painter, this);
        }
    }
}

void RowListView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateGeometries();
    fitColumns();
}

void RowListView::keyPressEvent(QKeyEvent *event)
{
    const int count = rowCount();
    const int page = std::max(1, viewport()->height() / rowHeight() - 1);
    const int current = m_currentRow;
    switch (event->key()) {
    case Qt::Key_Up:
        setCurrentRow(current < 0 ? firstVisibleRow() : std::max(0, current - 1));
        break;
    case Qt::Key_Down:
        setCurrentRow(current < 0 ? firstVisibleRow() : std::min(count - 1, current + 1));
        break;
    case Qt::Key_PageUp:
        setCurrentRow(std::max(0, (current < 0 ? firstVisibleRow() : current) - page));
        break;
    case Qt::Key_PageDown:
        setCurrentRow(int(std::min<qint64>(count - 1, qint64(current < 0 ? firstVisibleRow() : current) + page)));
        break;
    case Qt::Key_Home:
        setCurrentRow(count > 0 ? 0 : -1);
        break;
    case Qt::Key_End:
        setCurrentRow(count - 1);
        break;
    case Qt::Key_Enter:
    case Qt::Key_Return:
        if (current >= 0)
            Q_EMIT activated(current);
        break;
    default:
        QAbstractScrollArea::keyPressEvent(event);
        return;
    }
    event->accept();
}

bool RowListView::pickRow(QMouseEvent *event)
{
    const int row = rowAt(event->position().toPoint());
    if (event->button() != Qt::LeftButton || row < 0)
        return false;
    setCurrentRow(row);
    Q_EMIT activated(row); // a click goes to the row, as the tree's clicked() did
    return true;
}

void RowListView::mousePressEvent(QMouseEvent *event)
{
    if (!pickRow(event))
        QAbstractScrollArea::mousePressEvent(event);
}

void RowListView::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (!pickRow(event))
        QAbstractScrollArea::mouseDoubleClickEvent(event);
}

void RowListView::mouseReleaseEvent(QMouseEvent *event)
{
    // The press did the work; taking the release keeps it from going to the parent.
    if (event->button() == Qt::LeftButton && rowAt(event->position().toPoint()) >= 0)
        event->accept();
    else
        QAbstractScrollArea::mouseReleaseEvent(event);
}

bool RowListView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip && m_model) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int row = rowAt(help->pos());
        const int column = m_header->logicalIndexAt(help->pos().x());
        const QString tip = row >= 0 && column >= 0 ? m_model->index(row, column).data(Qt::ToolTipRole).toString() : QString();
        if (tip.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), tip, viewport(), rowRect(row));
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

void RowListView::scrollContentsBy(int dx, int dy)
{
    if (dx != 0)
        m_header->setOffset(horizontalScrollBar()->value());
    if (dy != 0)
        fitColumns();
    viewport()->update();
}

void RowListView::changeEvent(QEvent *event)
{
    QAbstractScrollArea::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        updateGeometries();
}

void RowListView::focusInEvent(QFocusEvent *event)
{
    QAbstractScrollArea::focusInEvent(event);
    viewport()->update();
}

void RowListView::focusOutEvent(QFocusEvent *event)
{
    QAbstractScrollArea::focusOutEvent(event);
    viewport()->update();
}

void RowListView::updateGeometries()
{
    const int headerHeight = m_header->isHidden() ? 0 : m_header->sizeHint().height();
    setViewportMargins(0, headerHeight, 0, 0);
    const QRect area = viewport()->geometry();
    m_header->setGeometry(area.left(), area.top() - headerHeight, area.width(), headerHeight);
    // The scroll bar counts rows: it reaches the row that fills the last full line, whatever the count.
    const int full = std::max(1, area.height() / rowHeight());
    verticalScrollBar()->setPageStep(full);
    verticalScrollBar()->setRange(0, std::max(0, rowCount() - full));
    horizontalScrollBar()->setPageStep(area.width());
    horizontalScrollBar()->setRange(0, std::max(0, m_header->length() - area.width()));
}

void RowListView::fitColumns()
{
    if (!m_model)
        return;
    QStyleOptionViewItem option;
    option.initFrom(this);
    option.font = font();
    option.widget = this;
    const int first = firstVisibleRow();
    const int last = first + visibleRowCount();
    for (int column = 0; column < m_header->count(); ++column) {
        if (column == m_stretchColumn || m_header->isSectionHidden(column))
            continue;
        int width = m_header->sectionSizeHint(column);
        for (int row = first; row < last; ++row)
            width = std::max(width, m_delegate->sizeHint(option, m_model->index(row, column)).width());
        if (width > m_header->sectionSize(column))
            m_header->resizeSection(column, width);
    }
}

void RowListView::rowsInserted(int first, int last)
{
    const int count = last - first + 1;
    const bool keepTop = first < firstVisibleRow(); // rows above the screen: what is shown stays put
    updateGeometries();
    if (keepTop)
        verticalScrollBar()->setValue(firstVisibleRow() + count);
    if (m_currentRow >= first) {
        m_currentRow += count;
        describeCurrentRow();
        Q_EMIT currentRowChanged(m_currentRow);
    }
    fitColumns();
    viewport()->update();
}

void RowListView::rowsRemoved(int first, int last)
{
    const int count = last - first + 1;
    const int top = firstVisibleRow();
    if (last < top)
        verticalScrollBar()->setValue(top - count);
    else if (first < top)
        verticalScrollBar()->setValue(first);
    updateGeometries();
    if (m_currentRow >= first) {
        m_currentRow = m_currentRow > last ? m_currentRow - count : -1;
        describeCurrentRow();
        Q_EMIT currentRowChanged(m_currentRow);
    }
    viewport()->update();
}

void RowListView::reset()
{
    const bool hadCurrent = m_currentRow >= 0;
    m_currentRow = -1;
    // Set again on every reset: the header forgets its sections' modes when its model resets.
    for (int column = 0; column < m_header->count(); ++column) {
        m_header->setSectionResizeMode(column, column == m_stretchColumn ? QHeaderView::Stretch : QHeaderView::Fixed);
        if (column != m_stretchColumn)
            m_header->resizeSection(column, m_header->sectionSizeHint(column));
    }
    updateGeometries();
    verticalScrollBar()->setValue(0);
    fitColumns();
    viewport()->update();
    if (hadCurrent) {
        describeCurrentRow();
        Q_EMIT currentRowChanged(-1);
    }
}

} // namespace AddCow
