// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "partition.h"
#include "partitiontable.h"
#include "result.h"

#include <QList>
#include <QWidget>

#include <optional>

class QLabel;
class QMenu;
class QModelIndex;
class QStackedWidget;
class QStandardItemModel;
class QTreeView;

namespace AddCow
{

/**
 * The partitions of the virtual disk as a sortable list: number (with the partition's colour on
 * the heatmap), name, type, start, size and the clusters allocated in it. Above it, the table's
 * scheme and what is wrong with it. Selecting a partition asks for its clusters to be selected
 * (partitionSelected); the context menu also shows its start or its table entry in the hex views.
 * Without a table it says why: reading, no table, refused, unreadable.
 */
class PartitionsView : public QWidget
{
    Q_OBJECT

public:
    enum Column {
        NumberColumn,
        NameColumn,
        TypeColumn,
        StartColumn,
        SizeColumn,
        AllocatedColumn,
        ColumnCount
    };

    explicit PartitionsView(QWidget *parent = nullptr);
    ~PartitionsView() override;

    /** Shows table with the allocated clusters of each of its partitions (same order). */
    void setTable(const PartitionTable &table, const QList<quint64> &allocatedClusters);
    /** New counts for the partitions shown (bits changed); ignored when they do not match. */
    void setAllocatedClusters(const QList<quint64> &allocatedClusters);
    /** "Reading the partition table…" until setTable(); the old list stays visible meanwhile. */
    void setReading(bool reading);
    /** The table could not be read (an I/O error). */
    void setError(const Error &error);
    /** Nothing: no image open. */
    void clear();

    const PartitionTable &table() const { return m_table; }
    QList<quint64> allocatedClusters() const { return m_allocated; }
    /** The partition in a row of treeView()'s model as sorted now, if any. */
    std::optional<Partition> partitionAt(const QModelIndex &index) const;
    /** Selects the row of partition number (0 clears the selection) without emitting anything. */
    void selectPartition(int number);

    bool isShowingPlaceholder() const;
    QString placeholderText() const;
    QString summaryText() const;
    QTreeView *treeView() const { return m_tree; }
    /** The context menu for the current row (tests); null when no row is current. */
    QMenu *createContextMenu();

Q_SIGNALS:
    /** The user selected a partition: select its clusters and show its start. */
    void partitionSelected(const AddCow::Partition &partition);
    /** Show the bytes of the virtual disk at offsetBytes (a partition's start, its table entry). */
    void offsetRequested(quint64 offsetBytes, quint64 lengthBytes);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    void rebuild();
    /** Columns as wide as their contents; when that is wider than the list, Name and Type give way. */
    void fitColumns();
    void updateSummary();
    void updateAllocatedItems();
    void showPlaceholder(const QString &text);
    void emitSelected(const QModelIndex &index);

    PartitionTable m_table;
    QList<quint64> m_allocated;
    bool m_reading = false;
    bool m_hasTable = false;
    bool m_selecting = false;
    int m_rowAtPress = -1; ///< the current row when the mouse went down on the list
    QLabel *m_summary;
    QLabel *m_problems;
    QStackedWidget *m_stack;
    QTreeView *m_tree;
    QStandardItemModel *m_model;
    QLabel *m_placeholder;
};

} // namespace AddCow
