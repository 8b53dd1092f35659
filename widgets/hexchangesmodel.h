// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "changelist.h"
#include "changescan.h"
#include "result.h"

#include <QAbstractTableModel>
#include <QFutureWatcher>
#include <QMutex>

#include <atomic>
#include <map>
#include <memory>
#include <optional>

namespace AddCow
{

class Image;

/**
 * The changes writes made to an image (ChangeScan, R13) as a table, one row per run: changed
 * runs, and with setShowUnchanged() allocated, unchanged runs too, in disk order. Only changed
 * runs are stored (ChangeList): unchanged rows come from the bitmap when asked for, so a
 * fragmented bitmap costs no memory per run (issue 11). Scans in the background: the whole image
 * when set, then again only what rescan() names (after writes, a commit, another process). The
 * rows fill in as the scan goes; stop() halts it and resume() goes on where it stopped.
 */
class HexChangesModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { KindColumn, OffsetColumn, LengthColumn, ClustersColumn, ColumnCount };
    enum Role {
        KindRole = Qt::UserRole + 1, ///< int(ChangeRun::Kind)
        OffsetRole,                  ///< quint64 offsetBytes
        LengthRole,                  ///< quint64 lengthBytes
    };

    explicit HexChangesModel(QObject *parent = nullptr);
    ~HexChangesModel() override;

    /** Forgets every run and scans image from the start; null empties the list. */
    void setImage(std::shared_ptr<const Image> image);
    /**
     * The same files opened again (read-only after writing, or for writing): later scans read
     * through image and the runs stay; the caller rescan()s what changed. Scans again from the
     * start when image compares with something else (another ChangeScan::Basis).
     */
    void switchImage(std::shared_ptr<const Image> image);
    std::shared_ptr<const Image> image() const { return m_image; }
    /** The bits or the bytes of clusters changed: scans them (and their neighbour runs) again. */
    void rescan(ClusterRange clusters);
    /** Stops the scan within a chunk; what is left is scanned by resume(). */
    void stop();
    void resume();
    /** Stops the scan and waits for it, without marking it stopped: for writes that must not race its reads. */
    void suspend();
    /** Goes on after suspend(), unless the user stopped the scan. */
    void unsuspend();

    bool isScanning() const { return m_watcher != nullptr; }
    /** The user stopped the scan and parts are not scanned. */
    bool isStopped() const { return m_stopped && !m_pending.empty(); }
    /** Every allocated cluster is classified. */
    bool isComplete() const { return !m_watcher && m_pending.empty() && !m_error; }
    /** Of the running scan, 0-1000. */
    int progressPermille() const { return m_progress; }
    /** Why the last scan failed (then nothing more is scanned until setImage()). */
    const std::optional<Error> &error() const { return m_error; }
    ChangeScan::Basis basis() const { return m_basis; }

    /** Lists allocated, unchanged runs too (resets the rows); off by default. */
    void setShowUnchanged(bool show);
    bool showsUnchanged() const { return m_showUnchanged; }

    const ChangeList &changes() const { return m_list; }
    /** The run of row; bounded work (one block of the bitmap) when unchanged runs are shown. */
    ChangeRun run(int row) const;
    /** The row of the first changed run that starts after offsetBytes. */
    std::optional<int> nextChanged(quint64 offsetBytes) const;
    /** The row of the last changed run that starts before offsetBytes. */
    std::optional<int> previousChanged(quint64 offsetBytes) const;
    std::optional<int> rowOfCluster(quint64 clusterIndex) const;
    /** Which change (1 for the first) row is, counting changed runs only; 0 when row is not a changed run. */
    quint64 changeNumber(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    /** Scanning started or ended, the counts changed, or a scan failed. */
    void stateChanged();
    void progressChanged(int permille);

private:
    void addPending(ClusterRange range);
    void startNext();
    void applyResults();
    void scanFinished();
    void abandonScan();
    void setAllocation();
    /** Runs change: clusters (ChangeList::affectedBy()) lose their rows, then get them again. */
    template<typename Change>
    void changeRows(ClusterRange clusters, Change &&change);
    quint64 listIndex(int row) const;

    /** Batches the scan hands over, taken by the GUI thread: held once, not also in the future. */
    struct BatchQueue {
        QMutex mutex;
        QList<ChangeScan::Batch> batches;
    };

    std::shared_ptr<const Image> m_image;
    ChangeScan::Basis m_basis = ChangeScan::Basis::None;
    ChangeList m_list;
    std::map<quint64, quint64> m_pending; ///< cluster ranges still to scan: first -> end, disjoint
    QFutureWatcher<void> *m_watcher = nullptr;
    std::shared_ptr<BatchQueue> m_queue;
    std::shared_ptr<std::atomic_bool> m_cancel;
    std::shared_ptr<Result<void>> m_outcome;
    ClusterRange m_scanRange;
    quint64 m_scanPosition = 0; ///< everything of m_scanRange before it is in the list
    int m_progress = 0;
    bool m_stopped = false;
    bool m_suspended = false;
    std::optional<Error> m_error;
    bool m_showUnchanged = false;
    /** Rows of the list not shown while they change: first, count. */
    std::pair<quint64, quint64> m_hidden{0, 0};
};

} // namespace AddCow
