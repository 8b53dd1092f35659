// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "hexsearch.h"

#include <QAbstractTableModel>
#include <QFutureWatcher>

#include <memory>
#include <vector>

namespace AddCow
{

class HexDataSource;

/**
 * The hits of a Find All (HexSearch::findAll) in one source, as a table that fills in while the
 * search runs in the background: offset, cluster and the bytes found. cancel() stops it.
 */
class HexSearchResultsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { OffsetColumn, ClusterColumn, BytesColumn, ColumnCount };
    enum Role { OffsetRole = Qt::UserRole + 1, LengthRole };

    explicit HexSearchResultsModel(QObject *parent = nullptr);
    ~HexSearchResultsModel() override;

    /** Forgets the hits and searches source for pattern; sourceName says where, for the summary. */
    void start(std::shared_ptr<const HexDataSource> source, const HexSearchPattern &pattern, const QString &sourceName,
               int maxMatches = HexSearch::MaxFindAllMatches);
    /** Stops the search within a chunk; the hits so far stay. */
    void cancel();
    /** Forgets everything (the image was closed). */
    void clear();

    /** Until every hit found is in the list. */
    bool isRunning() const { return m_running; }
    bool wasCancelled() const { return m_cancelled; }
    /** The search stopped at maxMatches: there may be more. */
    bool isTruncated() const { return int(m_matches.size()) >= m_maxMatches && m_maxMatches > 0; }
    const std::vector<HexSearch::Match> &matches() const { return m_matches; }
    const HexSearch::Match &match(int row) const { return m_matches.at(size_t(row)); }
    QString sourceName() const { return m_sourceName; }
    const HexSearchPattern &pattern() const { return m_pattern; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    /** Started, finished, cancelled or hits added. */
    void stateChanged();
    void progressChanged(int permille);

private:
    void takeResults(int begin, int end);
    void searchFinished();

    void stopWatching();

    QFutureWatcher<HexSearch::Match> *m_watcher = nullptr; ///< one per search, so nothing of an old one arrives late
    std::shared_ptr<const HexDataSource> m_source;
    HexSearchPattern m_pattern;
    QString m_sourceName;
    std::vector<HexSearch::Match> m_matches;
    int m_maxMatches = 0;
    bool m_cancelled = false;
    bool m_running = false;
};

} // namespace AddCow
