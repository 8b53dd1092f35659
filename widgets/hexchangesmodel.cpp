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
    m_list.clear();
    m_image = std::move(image);
    m_basis = m_image ? ChangeScan::basisFor(*m_image) : ChangeScan::Basis::None;
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
    if (!suspended)
        unsuspend();
}

void HexChangesModel::rescan(ClusterRange clusters)
{
    if (!m_image || !ChangeScan::compares(m_basis))
        return;
    addPending(clusters.intersected(ClusterRange{0, m_image->clusterCount()}));
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
    m_applied = 0;
    m_progress = 0;
    m_cancel = std::make_shared<std::atomic_bool>(false);
    m_outcome = std::make_shared<Result<void>>();

    m_watcher = new QFutureWatcher<ChangeScan::Batch>(this);
    connect(m_watcher, &QFutureWatcher<ChangeScan::Batch>::resultsReadyAt, this, &HexChangesModel::applyResults);
    connect(m_watcher, &QFutureWatcher<ChangeScan::Batch>::progressValueChanged, this, [this](int permille) {
        m_progress = permille;
        Q_EMIT progressChanged(permille);
    });
    connect(m_watcher, &QFutureWatcher<ChangeScan::Batch>::finished, this, &HexChangesModel::scanFinished);
    m_watcher->setFuture(QtConcurrent::run(
        [](QPromise<ChangeScan::Batch> &promise, std::shared_ptr<const Image> image, ClusterRange range, std::shared_ptr<std::atomic_bool> cancel,
           std::shared_ptr<Result<void>> outcome) {
            promise.setProgressRange(0, 1000);
            JobContext context(cancel.get());
            context.setProgressFunction([&promise](quint64 done, quint64 total) {
                promise.setProgressValue(total ? int(done * 1000 / total) : 1000);
            });
            *outcome = ChangeScan::scan(*image, range, context, [&promise](const ChangeScan::Batch &batch) {
                promise.addResult(batch);
            });
        },
        m_image, m_scanRange, m_cancel, m_outcome));
}

void HexChangesModel::applyResults()
{
    if (!m_watcher)
        return;
    const QFuture<ChangeScan::Batch> future = m_watcher->future();
    const int available = future.resultCount();
    if (m_applied >= available)
        return;
    for (; m_applied < available; ++m_applied) {
        const ChangeScan::Batch batch = future.resultAt(m_applied);
        const auto [from, to] = m_list.indexesIntersecting(batch.scanned);
        if (to > from) {
            beginRemoveRows({}, int(from), int(to - 1));
            m_list.replace(batch.scanned, {});
            endRemoveRows();
        }
        if (!batch.runs.isEmpty()) {
            beginInsertRows({}, int(from), int(from + batch.runs.size() - 1));
            m_list.replace(batch.scanned, batch.runs);
            endInsertRows();
        }
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

std::optional<int> HexChangesModel::nextChanged(quint64 offsetBytes) const
{
    const std::optional<qsizetype> index = m_list.nextChanged(offsetBytes);
    return index ? std::optional<int>(int(*index)) : std::nullopt;
}

std::optional<int> HexChangesModel::previousChanged(quint64 offsetBytes) const
{
    const std::optional<qsizetype> index = m_list.previousChanged(offsetBytes);
    return index ? std::optional<int>(int(*index)) : std::nullopt;
}

std::optional<int> HexChangesModel::rowOfCluster(quint64 clusterIndex) const
{
    const std::optional<qsizetype> index = m_list.indexOfCluster(clusterIndex);
    return index ? std::optional<int>(int(*index)) : std::nullopt;
}

int HexChangesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_list.size());
}

int HexChangesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HexChangesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_list.size())
        return {};
    const ChangeRun &run = m_list.at(index.row());
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
