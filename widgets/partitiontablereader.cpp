// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "partitiontablereader.h"

#include "imagedocument.h"

#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

namespace AddCow
{

namespace
{
constexpr int RecountDelayMs = 250; // coalesces the bit changes of a commit's batches
}

PartitionTableReader::PartitionTableReader(QObject *parent)
    : QObject(parent)
    , m_recountTimer(new QTimer(this))
{
    m_recountTimer->setSingleShot(true);
    m_recountTimer->setInterval(RecountDelayMs);
    connect(m_recountTimer, &QTimer::timeout, this, &PartitionTableReader::startRecount);
    connect(&m_readWatcher, &QFutureWatcher<Scan>::finished, this, &PartitionTableReader::readFinished);
    connect(&m_countWatcher, &QFutureWatcher<Result<QList<quint64>>>::finished, this, &PartitionTableReader::recountFinished);
}

PartitionTableReader::~PartitionTableReader()
{
    // The workers hold their own reference to the image; only wait so none outlives its watcher.
    m_readWatcher.disconnect(this);
    m_countWatcher.disconnect(this);
    m_readWatcher.waitForFinished();
    m_countWatcher.waitForFinished();
}

PartitionTableReader::Scan PartitionTableReader::scanImage(const Image &image)
{
    Scan scan;
    Result<PartitionTable> table = PartitionTable::read(image);
    if (!table) {
        scan.error = table.error();
        return scan;
    }
    Result<QList<quint64>> allocated = countPartitions(image, table.value());
    if (!allocated) {
        scan.error = allocated.error();
        return scan;
    }
    scan.table = std::move(table).value();
    scan.allocatedClusters = std::move(allocated).value();
    return scan;
}

Result<QList<quint64>> PartitionTableReader::countPartitions(const Image &image, const PartitionTable &table)
{
    QList<quint64> counts;
    counts.reserve(table.partitions.size());
    for (const Partition &partition : table.partitions) {
        const Result<quint64> allocated = countAllocatedClusters(image, partition);
        if (!allocated)
            return allocated.error();
        counts.append(allocated.value());
    }
    return counts;
}

void PartitionTableReader::read(std::shared_ptr<const Image> image)
{
    ++m_generation;
    m_image = std::move(image);
    m_recountTimer->stop();
    m_recountPending = false;
    if (!m_image) {
        clear();
        return;
    }
    m_reading = true;
    Q_EMIT readingStarted();
    if (m_readWatcher.isRunning())
        return; // readFinished() sees a newer generation and starts again
    m_readGeneration = m_generation;
    std::shared_ptr<const Image> held = m_image;
    m_readWatcher.setFuture(QtConcurrent::run([held] { return scanImage(*held); }));
}

void PartitionTableReader::readFinished()
{
    if (m_readGeneration != m_generation) {
        // A newer read() (or clear()) came while this one ran.
        if (m_image && m_reading) {
            m_readGeneration = m_generation;
            std::shared_ptr<const Image> held = m_image;
            m_readWatcher.setFuture(QtConcurrent::run([held] { return scanImage(*held); }));
        }
        return;
    }
    m_reading = false;
    m_scan = m_readWatcher.result();
    Q_EMIT tableRead();
    if (m_recountPending) {
        m_recountPending = false;
        m_recountTimer->start();
    }
}

void PartitionTableReader::recount()
{
    if (!m_image)
        return;
    if (m_reading) {
        m_recountPending = true; // the read in flight may have counted before the change
        return;
    }
    if (!m_recountTimer->isActive())
        m_recountTimer->start();
}

void PartitionTableReader::startRecount()
{
    if (!m_image || !m_scan.table || m_reading)
        return;
    if (m_countWatcher.isRunning()) {
        m_recountPending = true;
        return;
    }
    m_countGeneration = m_generation;
    std::shared_ptr<const Image> held = m_image;
    PartitionTable table = *m_scan.table;
    m_countWatcher.setFuture(QtConcurrent::run([held, table] { return countPartitions(*held, table); }));
}

void PartitionTableReader::recountFinished()
{
    const bool current = m_countGeneration == m_generation && !m_reading;
    if (current) {
        const Result<QList<quint64>> counted = m_countWatcher.result();
        if (counted && m_scan.table && counted->size() == m_scan.table->partitions.size()) {
            m_scan.allocatedClusters = counted.value();
            Q_EMIT allocationCounted();
        }
    }
    if (m_recountPending && !m_reading) {
        m_recountPending = false;
        m_recountTimer->start();
    }
}

void PartitionTableReader::clear()
{
    ++m_generation;
    m_image.reset();
    m_scan = Scan();
    m_reading = false;
    m_recountPending = false;
    m_recountTimer->stop();
    Q_EMIT cleared();
}

void PartitionTableReader::setDocument(ImageDocument *document)
{
    if (m_document)
        m_document->disconnect(this);
    m_document = document;
    if (!document) {
        clear();
        return;
    }
    connect(document, &ImageDocument::imageReplaced, this, [this] { read(m_document->image()); });
    connect(document, &ImageDocument::dataChanged, this, &PartitionTableReader::documentDataChanged);
    connect(document, &ImageDocument::clustersChanged, this, &PartitionTableReader::recount);
    connect(document, &QObject::destroyed, this, [this] {
        m_document = nullptr;
        clear();
    });
    read(document->image());
}

void PartitionTableReader::documentDataChanged(quint64 offsetBytes, quint64 lengthBytes)
{
    // Only bytes the table was read from can change it; while a read runs, it may have read them before the change.
    if (!m_image)
        return;
    if (m_reading || !m_scan.table || m_scan.table->touchesTable(offsetBytes, lengthBytes))
        read(m_image);
}

} // namespace AddCow
