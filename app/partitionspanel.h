// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "clusterrange.h"
#include "partition.h"

#include <QObject>

class QDockWidget;

namespace AddCow
{

class MainWindow;
class PartitionTableReader;
class PartitionsView;

/**
 * The Partitions dock of AddCow Studio: the partitions of the shown image's virtual disk
 * (PartitionsView), read in the background (PartitionTableReader) following the window's
 * ImageDocument: read again when the image or the table's sectors change, counted again when bits do.
 * The partitions are labelled bands on the heatmap too (partitionBands()). Selecting a partition
 * selects its clusters on the heatmap and shows its start in the hex views; selecting clusters on
 * the map (or clicking a band) selects the partition they belong to.
 */
class PartitionsPanel : public QObject
{
    Q_OBJECT

public:
    explicit PartitionsPanel(MainWindow *window);
    ~PartitionsPanel() override;

    QDockWidget *dock() const { return m_dock; }
    PartitionsView *view() const { return m_view; }
    PartitionTableReader *reader() const { return m_reader; }

private:
    void tableRead();
    void showPartition(const Partition &partition);
    void showOffset(quint64 offsetBytes, quint64 lengthBytes);
    void mapSelectionChanged(ClusterRange range);

    MainWindow *m_window;
    PartitionTableReader *m_reader;
    PartitionsView *m_view;
    QDockWidget *m_dock;
};

} // namespace AddCow
