// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "hexchangesmodel.h"

#include "image.h"

#include <QGuiApplication>
#include <QLocale>
#include <QPalette>
#include <QtConcurrent>

using namespace Qt::StringLiterals;

namespace AddCow
{

HexChangesModel::HexChangesModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

HexChangesModel::~HexChangesModel()
{
    abandonScan();
}

void HexChangesModel::abandonScan()
{
    if (!m_watcher)
        return;
    m_cancel->store(true);
    m_watcher->disconnect(this);
    m_watcher->waitForFinished();
    delete m_watcher;
    m_watcher = nullptr;
}

void HexChangesModel::setImage(std::shared_ptr<const Image> image)
{
    abandonScan();
    beginResetModel();
    m_image = std::move(image);
    m_basis = m_image ? ChangeScan::basisFor(*m_image) : ChangeScan::Basis::None;
    setAllocation();
    m_list.clear();
    m_hidden = {0, 0};
    m_pending.clear();
    m_error.reset();
    m_stopped = false;
    m_progress = 0;
    endResetModel();
    if (m_image && ChangeScan::compares(m_basis))
        addPending(ClusterRange{0, m_image->clusterCount()});
    startNext();
    Q_EMIT stateChanged();
}

void HexChangesModel::switchImage(std::shared_ptr<const Image> image)
{
    if (!image || !m_image || ChangeScan::basisFor(*image) != m_basis || image->clusterCount() != m_image->clusterCount()) {
        setImage(std::move(image));
        return;
    }
    const bool suspended = m_suspended;
    suspend(); // the running scan goes on through the new image
    m_image = std::move(image);
    setAllocation(); // the runs stay: the caller rescan()s what changed
    if (!suspended)
        unsuspend();
}

void HexChangesModel::setAllocation()
{
    if (m_image && ChangeScan::compares(m_basis) && (m_image->isAllAllocated() || m_image->hasBitmap()))
        m_list.setAllocation(m_image->isAllAllocated() ? nullptr : &m_image->bitmap(), m_image->clusterCount(), m_image->virtualSizeBytes());
    else
        m_list.setAllocation(nullptr, 0, 0);
}

void HexChangesModel::setShowUnchanged(bool show)
{
    if (show == m_showUnchanged)
        return;
    beginResetModel();
    m_showUnchanged = show;
    endResetModel();
}

template<typename Change>
void HexChangesModel::changeRows(ClusterRange clusters, Change &&change)
{
    const quint64 first = m_list.runsBefore(clusters.first, m_showUnchanged);
    const quint64 oldEnd = m_list.runsBefore(clusters.end(), m_showUnchanged);
    if (oldEnd > first) {
        beginRemoveRows({}, int(first), int(oldEnd - 1));
        m_hidden = {first, oldEnd - first};
        endRemoveRows();
    }
    change();
    const quint64 newEnd = m_list.runsBefore(clusters.end(), m_showUnchanged);
    m_hidden = {first, newEnd - first}; // the rows outside stay as they were
    if (newEnd > first) {
        beginInsertRows({}, int(first), int(newEnd - 1));
        m_hidden = {0, 0};
        endInsertRows();
    }
    m_hidden = {0, 0};
    if (m_showUnchanged && first > 0) // an unchanged run before may reach into clusters
        Q_EMIT dataChanged(index(int(first - 1), 0), index(int(first - 1), ColumnCount - 1));
}

void HexChangesModel::rescan(ClusterRange clusters)
{
    if (!m_image || !ChangeScan::compares(m_basis))
        return;
    clusters = clusters.intersected(ClusterRange{0, m_image->clusterCount()});
    // The bits may have changed already: the unchanged runs follow the bitmap now, the scan follows.
    // The changed runs stay until then, so without unchanged rows no row changes.
    if (m_showUnchanged) {
        changeRows(m_list.affectedBy(clusters), [&] {
            m_list.allocationChanged(clusters);
        });
    } else {
        m_list.allocationChanged(clusters);
    }
    addPending(clusters);
    startNext();
    Q_EMIT stateChanged();
}

void HexChangesModel::stop()
{
    m_stopped = true;
    if (m_watcher)
        m_cancel->store(true); // scanFinished() keeps what is left pending
    Q_EMIT stateChanged();
}

void HexChangesModel::resume()
{
    m_stopped = false;
    startNext();
    Q_EMIT stateChanged();
}

void HexChangesModel::suspend()
{
    m_suspended = true;
    if (!m_watcher)
        return;
    m_cancel->store(true);
    m_watcher->disconnect(this);
    m_watcher->waitForFinished();
    scanFinished();
}

void HexChangesModel::unsuspend()
{
    m_suspended = false;
    startNext();
    Q_EMIT stateChanged();
}

void HexChangesModel::addPending(ClusterRange range)
{
    if (range.isEmpty())
        return;
    quint64 first = range.first;
    quint64 end = range.end();
    // Merge with every pending range that overlaps or touches it.
    auto it = m_pending.upper_bound(first);
    if (it != m_pending.begin() && std::prev(it)->second >= first)
        --it;
    while (it != m_pending.end() && it->first <= end) {
        first = std::min(first, it->first);
        end = std::max(end, it->second);
        it = m_pending.erase(it);
    }
    m_pending.emplace(first, end);
}

void HexChangesModel::startNext()
{
    if (m_watcher || m_stopped || m_suspended || m_error || !m_image || m_pending.empty())
        return;
    const auto first = m_pending.begin();
    const ClusterRange dirty{first->first, first->second - first->first};
    m_pending.erase(first);
    // Widened now, against the list as it is: the runs it touches go whole.
    m_scanRange = m_list.rescanRange(dirty, m_image->clusterCount());
    // Pending ranges inside the widened one are scanned with it.
    for (auto it = m_pending.begin(); it != m_pending.end();) {
        if (it->first >= m_scanRange.first && it->second <= m_scanRange.end())
            it = m_pending.erase(it);
        else
            ++it;
    }
    m_scanPosition = m_scanRange.first;
    m_progress = 0;
    m_cancel = std::make_shared<std::atomic_bool>(false);
    m_outcome = std::make_shared<Result<void>>();
    m_queue = std::make_shared<BatchQueue>();

    m_watcher = new QFutureWatcher<void>(this);
    connect(m_watcher, &QFutureWatcher<void>::progressValueChanged, this, [this](int permille) {
        m_progress = permille;
        Q_EMIT progressChanged(permille);
    });
    connect(m_watcher, &QFutureWatcher<void>::finished, this, &HexChangesModel::scanFinished);
    m_watcher->setFuture(QtConcurrent::run(
        [this](QPromise<void> &promise, std::shared_ptr<const Image> image, ClusterRange range, std::shared_ptr<std::atomic_bool> cancel,
               std::shared_ptr<Result<void>> outcome, std::shared_ptr<BatchQueue> queue) {
            promise.setProgressRange(0, 1000);
            JobContext context(cancel.get());
            context.setProgressFunction([&promise](quint64 done, quint64 total) {
                promise.setProgressValue(total ? int(done * 1000 / total) : 1000);
            });
            *outcome = ChangeScan::scan(*image, range, context, [&](const ChangeScan::Batch &batch) {
                ChangeScan::Batch changed{batch.scanned, {}};
                for (const ChangeRun &run : batch.runs) {
                    if (run.isChanged()) // the unchanged ones are the bitmap's: not held here
                        changed.runs.append(run);
                }
                QMutexLocker locker(&queue->mutex);
                const bool first = queue->batches.isEmpty();
                queue->batches.append(std::move(changed));
                locker.unlock();
                if (first) // the model outlives the scan (abandonScan() waits), a queued call dies with it
                    QMetaObject::invokeMethod(this, &HexChangesModel::applyResults, Qt::QueuedConnection);
            });
        },
        m_image, m_scanRange, m_cancel, m_outcome, m_queue));
}

void HexChangesModel::applyResults()
{
    if (!m_watcher || !m_queue)
        return;
    QList<ChangeScan::Batch> batches;
    {
        QMutexLocker locker(&m_queue->mutex);
        batches.swap(m_queue->batches);
    }
    if (batches.isEmpty())
        return;
    for (const ChangeScan::Batch &batch : std::as_const(batches)) {
        changeRows(m_list.affectedBy(batch.scanned), [&] {
            m_list.replace(batch.scanned, batch.runs);
        });
        m_scanPosition = batch.scanned.end();
    }
    Q_EMIT stateChanged();
}

void HexChangesModel::scanFinished()
{
    applyResults();
    const Result<void> outcome = *m_outcome;
    m_watcher->deleteLater();
    m_watcher = nullptr;
    m_queue.reset();
    m_progress = 0;
    if (!outcome) {
        if (outcome.error().code == ErrorCode::Cancelled)
            addPending(ClusterRange{m_scanPosition, m_scanRange.end() - std::min(m_scanPosition, m_scanRange.end())});
        else
            m_error = outcome.error();
    }
    startNext();
    Q_EMIT stateChanged();
}

quint64 HexChangesModel::listIndex(int row) const
{
    const quint64 index = quint64(row);
    return index >= m_hidden.first ? index + m_hidden.second : index;
}

ChangeRun HexChangesModel::run(int row) const
{
    if (row < 0 || row >= rowCount())
        return {};
    const quint64 index = listIndex(row);
    return m_showUnchanged ? m_list.runAt(index) : m_list.changedRuns().at(qsizetype(index));
}

std::optional<int> HexChangesModel::nextChanged(quint64 offsetBytes) const
{
    const std::optional<qsizetype> index = m_list.nextChanged(offsetBytes);
    if (!index)
        return std::nullopt;
    return int(m_showUnchanged ? m_list.runsBefore(m_list.changedRuns().at(*index).clusters.first, true) : quint64(*index));
}

std::optional<int> HexChangesModel::previousChanged(quint64 offsetBytes) const
{
    const std::optional<qsizetype> index = m_list.previousChanged(offsetBytes);
    if (!index)
        return std::nullopt;
    return int(m_showUnchanged ? m_list.runsBefore(m_list.changedRuns().at(*index).clusters.first, true) : quint64(*index));
}

std::optional<int> HexChangesModel::rowOfCluster(quint64 clusterIndex) const
{
    const std::optional<quint64> index = m_list.indexOfCluster(clusterIndex, m_showUnchanged);
    return index ? std::optional<int>(int(*index)) : std::nullopt;
}

quint64 HexChangesModel::changeNumber(int row) const
{
    const ChangeRun found = run(row);
    if (!found.isChanged() || found.clusters.isEmpty())
        return 0;
    return quint64(m_list.changedIndexesIntersecting(found.clusters).first) + 1;
}

int HexChangesModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    const quint64 rows = m_showUnchanged ? m_list.runCount() : m_list.changedRunCount();
    return int(std::min<quint64>(rows - m_hidden.second, INT_MAX));
}

int HexChangesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HexChangesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const ChangeRun run = this->run(index.row());
    switch (role) {
    case KindRole:
        return int(run.kind);
    case OffsetRole:
        return run.offsetBytes;
    case LengthRole:
        return run.lengthBytes;
    case Qt::ForegroundRole:
        if (!run.isChanged())
            return QGuiApplication::palette().color(QPalette::PlaceholderText);
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == KindColumn ? QVariant() : QVariant(int(Qt::AlignRight | Qt::AlignVCenter));
    case Qt::ToolTipRole:
        if (run.isChanged())
            return tr("Clusters %1 to %2 were written and differ from the backing file; the differing bytes run from 0x%3 to 0x%4.")
                .arg(run.clusters.first)
                .arg(run.clusters.end() - 1)
                .arg(run.offsetBytes, 0, 16)
                .arg(run.endBytes() - 1, 0, 16);
        return tr("Clusters %1 to %2 were written with the bytes they already had: allocated, unchanged.")
            .arg(run.clusters.first)
            .arg(run.clusters.end() - 1);
    case Qt::DisplayRole:
        switch (index.column()) {
        case KindColumn:
            return run.isChanged() ? tr("Changed") : tr("Allocated, unchanged");
        case OffsetColumn:
            return QString(u"0x"_s + QString::number(run.offsetBytes, 16));
        case LengthColumn:
            return QLocale().toString(qulonglong(run.lengthBytes));
        case ClustersColumn:
            if (run.clusters.count == 1)
                return QLocale().toString(qulonglong(run.clusters.first));
            return tr("%1–%2").arg(QLocale().toString(qulonglong(run.clusters.first)), QLocale().toString(qulonglong(run.clusters.end() - 1)));
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant HexChangesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case KindColumn:
        return tr("Kind");
    case OffsetColumn:
        return tr("Offset");
    case LengthColumn:
        return tr("Bytes");
    case ClustersColumn:
        return tr("Clusters");
    default:
        return {};
    }
}

} // namespace AddCow
