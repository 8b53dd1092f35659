// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QDialog>
#include <QList>

#include <memory>

class QButtonGroup;
class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QStackedWidget;

namespace AddCow
{

class JobManager;
class ServeJob;

/**
 * Image › Serve to a Virtual Machine: how to serve (a Unix socket or a TCP port, read-only or
 * not), then, while the serve job runs in the Jobs panel, the NBD URI and the QEMU, qemu-img and
 * nbdinfo command lines with Copy buttons. Stop Serving cancels the job (nbdkit flushes and
 * releases the locks); closing the dialog leaves it serving.
 */
class ServeDialog : public QDialog
{
    Q_OBJECT

public:
    ServeDialog(const QString &addCowPath, JobManager *jobs, QWidget *parent = nullptr);

    /** Shows the job jobId (already serving addCowPath) instead of the options. */
    void showJob(int jobId);
    int jobId() const { return m_jobId; }
    QString addCowPath() const { return m_addCowPath; }
    /** The status line: starting, ready, stopped or why it failed. */
    QString statusText() const;
    /** The command line shown for program ("uri" for the NBD URI). */
    QString commandLine(const QString &program) const;

    /** Starts serving with the options shown. @return the job id, 0 when nothing started */
    int startServing();

Q_SIGNALS:
    /** A serve job was started from this dialog. */
    void servingStarted(int jobId);

private:
    void updateStatus();
    void jobProgress(int jobId, quint64 done, quint64 total);
    void jobFinished(int jobId);
    void addCommandRow(const QString &label, const QString &key);

    QString m_addCowPath;
    JobManager *m_jobs;
    int m_jobId = 0;
    bool m_ready = false;
    std::shared_ptr<ServeJob> m_job;

    QStackedWidget *m_pages;
    QButtonGroup *m_listen;
    QLineEdit *m_socket;
    QSpinBox *m_port;
    QLineEdit *m_bind;
    QCheckBox *m_readOnly;
    QPushButton *m_startButton;

    QLabel *m_status;
    QWidget *m_commands;
    QList<std::pair<QString, QLineEdit *>> m_commandFields;
    QPushButton *m_stopButton;
};

} // namespace AddCow
