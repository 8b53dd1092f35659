// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QHash>
#include <QWidget>

class QProgressBar;
class QTimer;
class QToolButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace AddCow
{

class JobManager;
class ReportDialog;

/**
 * The job list (content of the Jobs dock): one row per running or finished job with its
 * progress (bytes done of total), throughput, time left, elapsed time and state. A new job is
 * selected at once. Cancel asks for confirmation (the question goes away when the job ends
 * first); a finished job's report opens in a ReportDialog. The context menu has both and more.
 */
class JobPanel : public QWidget
{
    Q_OBJECT

public:
    enum Column { DescriptionColumn, StateColumn, ProgressColumn, TimeLeftColumn, SpeedColumn, ElapsedColumn, ColumnCount };

    explicit JobPanel(JobManager *manager, QWidget *parent = nullptr);

    JobManager *manager() const { return m_manager; }
    QTreeWidget *jobList() const { return m_list; }
    /** The job of the current row, 0 when none. */
    int currentJobId() const;
    void setCurrentJob(int jobId);
    /** The text shown for jobId in column (progress: the bar's text), for tests and accessibility. */
    QString text(int jobId, Column column) const;

public Q_SLOTS:
    /** Asks the user to confirm, then requests cancellation. @return true when cancel was requested */
    bool cancelJob(int jobId);
    /** Opens the report of a finished job in a non-modal ReportDialog. */
    void showReport(int jobId);
    /** Asks for a file name and saves the report of a finished job there. */
    void saveReport(int jobId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void addJob(int jobId);
    void removeJob(int jobId);
    void updateJob(int jobId);
    void updateRunningJobs();
    void updateActions();
    void showContextMenu(const QPoint &position);
    void updateProgressText(int jobId);
    QString stateText(int jobId) const;
    ReportDialog *makeReportDialog(int jobId);

    JobManager *m_manager;
    QTreeWidget *m_list;
    QToolButton *m_cancelButton;
    QToolButton *m_reportButton;
    QToolButton *m_clearButton;
    QTimer *m_clock;
    QHash<int, QTreeWidgetItem *> m_items;
    QHash<int, QProgressBar *> m_bars;
};

} // namespace AddCow
