// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "partitionspanel.h"

#include "format.h"
#include "heatmapwidget.h"
#include "hexpanel.h"
#include "mainwindow.h"
#include "partitionbands.h"
#include "partitiontablereader.h"
#include "partitionsview.h"

#include <QAction>
#include <QDockWidget>
#include <QMenu>
#include <QPointer>

using namespace Qt::StringLiterals;

namespace AddCow
{

PartitionsPanel::PartitionsPanel(MainWindow *window)
    : QObject(window)
    , m_window(window)
    , m_reader(new PartitionTableReader(this))
    , m_view(new PartitionsView(window))
    , m_dock(new QDockWidget(tr("Partitions"), window))
{
    setObjectName(u"partitionsPanel"_s);
    m_dock->setObjectName(u"partitionsDock"_s);
    m_dock->setWidget(m_view);
    // A tab beside the findings, like the other panels about the image.
    if (auto *findings = window->findChild<QDockWidget *>(u"findingsDock"_s))
        window->tabifyDockWidget(findings, m_dock);
    else
        window->addDockWidget(Qt::RightDockWidgetArea, m_dock);
    if (auto *headerDock = window->findChild<QDockWidget *>(u"headerDock"_s))
        headerDock->raise();

    QAction *toggle = m_dock->toggleViewAction();
    toggle->setObjectName(u"partitionsDockToggleAction"_s);
    toggle->setShortcut(QKeySequence(Qt::ALT | Qt::Key_0)); // Alt+6 to Alt+9 are the hex tool views
    if (auto *viewMenu = window->findChild<QMenu *>(u"viewMenu"_s))
        viewMenu->addAction(toggle);

    connect(m_reader, &PartitionTableReader::readingStarted, this, [this] { m_view->setReading(true); });
    // The heatmap by a guarded pointer: the document clears the reader while the window is
    // being destroyed, when the window is no MainWindow any more and the heatmap may be gone.
    connect(m_reader, &PartitionTableReader::cleared, this, [this, heatmap = QPointer<HeatmapWidget>(window->heatmap())] {
        m_view->clear();
        if (heatmap)
            heatmap->setBands({});
    });
    connect(m_reader, &PartitionTableReader::tableRead, this, &PartitionsPanel::tableRead);
    connect(m_reader, &PartitionTableReader::allocationCounted, this, [this] {
        m_view->setAllocatedClusters(m_reader->scan().allocatedClusters);
    });
    connect(m_view, &PartitionsView::partitionSelected, this, &PartitionsPanel::showPartition);
    connect(m_view, &PartitionsView::offsetRequested, this, &PartitionsPanel::showOffset);
    connect(window->heatmap(), &HeatmapWidget::selectionChanged, this, &PartitionsPanel::mapSelectionChanged);
    // Read again when another image is shown or the guest rewrote the table; counted again when bits change.
    m_reader->setDocument(window->document());
}

PartitionsPanel::~PartitionsPanel() = default;

void PartitionsPanel::tableRead()
{
    const PartitionTableReader::Scan &scan = m_reader->scan();
    if (scan.error)
        m_view->setError(*scan.error);
    else if (scan.table)
        m_view->setTable(*scan.table, scan.allocatedClusters);
    // The same partitions as labelled bands on the map, in the list's colours.
    m_window->heatmap()->setBands(scan.table ? partitionBands(*scan.table) : QList<HeatmapBand>());
}

void PartitionsPanel::showPartition(const Partition &partition)
{
    if (!m_window->image())
        return;
    // showClusters selects them on the map and shows them in the hex views from their first
    // cluster; the partition itself may start inside it.
    m_window->showClusters(partition.clusters());
    m_window->hexPanel()->goToOffset(partition.startBytes);
}

void PartitionsPanel::showOffset(quint64 offsetBytes, quint64 lengthBytes)
{
    if (!m_window->image())
        return;
    m_window->showClusters(ClusterRange::forBytes(offsetBytes, std::max<quint64>(lengthBytes, 1)));
    m_window->hexPanel()->goToOffset(offsetBytes);
}

void PartitionsPanel::mapSelectionChanged(ClusterRange range)
{
    // The partition that holds the first selected cluster; a logical one before its container.
    int number = 0;
    if (!range.isEmpty()) {
        for (const Partition &partition : m_view->table().partitions) {
            if (partition.clusters().contains(range.first) && (number == 0 || partition.holdsData()))
                number = partition.number;
        }
    }
    m_view->selectPartition(number);
}

} // namespace AddCow
