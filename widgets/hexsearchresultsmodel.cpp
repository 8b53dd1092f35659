// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "hexsearchresultsmodel.h"

#include "format.h"
#include "hexdatasource.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace AddCow
{

namespace
{
constexpr quint64 PreviewBytes = 16; // the hit and what follows it, as the list shows them
}

HexSearchResultsModel::HexSearchResultsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

HexSearchResultsModel::~HexSearchResultsModel()
{
    stopWatching();
}

void HexSearchResultsModel::stopWatching()
{
    if (!m_watcher)
        return;
    m_watcher->disconnect(this);
    m_watcher->cancel();
    m_watcher->waitForFinished();
    m_watcher->deleteLater();
    m_watcher = nullptr;
}

void HexSearchResultsModel::start(std::shared_ptr<const HexDataSource> source, const HexSearchPattern &pattern, const QString &sourceName,
                                  int maxMatches)
{
    stopWatching();
    beginResetModel();
    m_matches.clear();
    m_source = std::move(source);
    m_pattern = pattern;
    m_sourceName = sourceName;
    m_maxMatches = maxMatches;
    m_cancelled = false;
    endResetModel();
    m_running = m_source && !pattern.isEmpty();
    if (m_running) {
        m_watcher = new QFutureWatcher<HexSearch::Match>(this);
        connect(m_watcher, &QFutureWatcher<HexSearch::Match>::resultsReadyAt, this, &HexSearchResultsModel::takeResults);
        connect(m_watcher, &QFutureWatcher<HexSearch::Match>::progressValueChanged, this, &HexSearchResultsModel::progressChanged);
        connect(m_watcher, &QFutureWatcher<HexSearch::Match>::finished, this, &HexSearchResultsModel::searchFinished);
        m_watcher->setFuture(HexSearch::findAll(m_source, pattern, maxMatches));
    }
    Q_EMIT stateChanged();
}

void HexSearchResultsModel::searchFinished()
{
    takeResults(int(m_matches.size()), m_watcher->future().resultCount());
    m_running = false;
    Q_EMIT stateChanged();
}

void HexSearchResultsModel::cancel()
{
    if (!m_running)
        return;
    m_cancelled = true;
    m_watcher->cancel();
    Q_EMIT stateChanged();
}

void HexSearchResultsModel::clear()
{
    stopWatching();
    beginResetModel();
    m_matches.clear();
    m_source.reset();
    m_pattern = {};
    m_sourceName.clear();
    m_maxMatches = 0;
    m_cancelled = false;
    m_running = false;
    endResetModel();
    Q_EMIT stateChanged();
}

void HexSearchResultsModel::takeResults(int begin, int end)
{
    // Results arrive in order; a cancelled search's late ones are not reported.
    if (!m_watcher)
        return;
    begin = std::max(begin, int(m_matches.size()));
    end = std::min(end, m_watcher->future().resultCount());
    if (end <= begin)
        return;
    beginInsertRows({}, int(m_matches.size()), int(m_matches.size()) + (end - begin) - 1);
    for (int i = begin; i < end; ++i)
        m_matches.push_back(m_watcher->resultAt(i));
    endInsertRows();
    Q_EMIT stateChanged();
}

int HexSearchResultsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_matches.size());
}

int HexSearchResultsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HexSearchResultsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || size_t(index.row()) >= m_matches.size())
        return {};
    const HexSearch::Match &match = m_matches.at(size_t(index.row()));
    switch (role) {
    case OffsetRole:
        return match.offsetBytes;
    case LengthRole:
        return match.lengthBytes;
    case Qt::TextAlignmentRole:
        return index.column() == BytesColumn ? QVariant() : QVariant(int(Qt::AlignRight | Qt::AlignVCenter));
    case Qt::DisplayRole:
        switch (index.column()) {
        case OffsetColumn:
            return QString(u"0x"_s + QString::number(match.offsetBytes, 16));
        case ClusterColumn:
            return QLocale().toString(qulonglong(match.offsetBytes / ClusterSizeBytes));
        case BytesColumn: {
            // Read when shown: only visible rows ask.
            QByteArray bytes(qsizetype(std::max(PreviewBytes, match.lengthBytes)), Qt::Uninitialized);
            const qint64 got = m_source ? m_source->read(match.offsetBytes, bytes.data(), quint64(bytes.size())) : -1;
            if (got <= 0)
                return {};
            bytes.truncate(qsizetype(got));
            QString text;
            for (const char byte : std::as_const(bytes)) {
                const auto value = uchar(byte);
                text += value >= 0x20 && value < 0x7f ? QChar(QLatin1Char(byte)) : QChar(u'.');
            }
            return text;
        }
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant HexSearchResultsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case OffsetColumn:
        return tr("Offset");
    case ClusterColumn:
        return tr("Cluster");
    case BytesColumn:
        return tr("Bytes there (ASCII)");
    default:
        return {};
    }
}

} // namespace AddCow
