// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "jobpanel.h"

#include "unittext.h"
#include "jobmanager.h"
#include "reportdialog.h"
#include "ruletext.h"

#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLocale>
#include <QDir>
#include <QMenu>
#include <QMessageBox>
#include <QProgressBar>
#include <QStyle>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace AddCow
{

namespace
{
constexpr int ProgressBarSteps = 1000; // quint64 byte counts do not fit a QProgressBar's int
constexpr int JobIdRole = Qt::UserRole;
constexpr char JobIdProperty[] = "addcowJobId";
constexpr char FullTextProperty[] = "addcowFullText"; // the progress text before it was shortened to fit
}

JobPanel::JobPanel(JobManager *manager, QWidget *parent)
    : QWidget(parent)
    , m_manager(manager)
    , m_list(new QTreeWidget(this))
    , m_cancelButton(new QToolButton(this))
    , m_reportButton(new QToolButton(this))
    , m_clearButton(new QToolButton(this))
    , m_clock(new QTimer(this))
{
    setObjectName(QStringLiteral("jobPanel"));
    m_list->setObjectName(QStringLiteral("jobList"));
    m_list->setColumnCount(ColumnCount);
    m_list->setHeaderLabels({tr("Job"), tr("State"), tr("Progress"), tr("Time Left"), tr("Speed"), tr("Elapsed")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAllColumnsShowFocus(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_list, &QWidget::customContextMenuRequested, this, &JobPanel::showContextMenu);
    // Narrow docks first show what matters most: which job, its state, how far it is.
    m_list->header()->setStretchLastSection(false);
    m_list->setTextElideMode(Qt::ElideMiddle);
    const int charWidth = fontMetrics().horizontalAdvance(QLatin1Char('x'));
    m_list->setColumnWidth(DescriptionColumn, charWidth * 26);
    m_list->setColumnWidth(StateColumn, charWidth * 16);
    m_list->setColumnWidth(ProgressColumn, charWidth * 26);
    m_list->setColumnWidth(TimeLeftColumn, charWidth * 10);
    m_list->setColumnWidth(SpeedColumn, charWidth * 13);
    m_list->setColumnWidth(ElapsedColumn, charWidth * 10);

    m_cancelButton->setObjectName(QStringLiteral("cancelJobButton"));
    m_cancelButton->setText(tr("Cancel Job…"));
    m_cancelButton->setToolTip(tr("Stop the selected job; what it has done so far stays consistent"));
    m_cancelButton->setIcon(style()->standardIcon(QStyle::SP_BrowserStop));
    m_cancelButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_reportButton->setObjectName(QStringLiteral("showReportButton"));
    m_reportButton->setText(tr("Show Report…"));
    m_reportButton->setToolTip(tr("Show what the selected job did"));
    m_reportButton->setIcon(style()->standardIcon(QStyle::SP_FileDialogDetailedView));
    m_reportButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_clearButton->setObjectName(QStringLiteral("clearFinishedButton"));
    m_clearButton->setText(tr("Clear Finished"));
    m_clearButton->setToolTip(tr("Remove finished jobs from the list"));
    m_clearButton->setIcon(style()->standardIcon(QStyle::SP_DialogResetButton));
    m_clearButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_cancelButton);
    buttons->addWidget(m_reportButton);
    buttons->addStretch(1);
    buttons->addWidget(m_clearButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);

    connect(m_cancelButton, &QToolButton::clicked, this, [this] { cancelJob(currentJobId()); });
    connect(m_reportButton, &QToolButton::clicked, this, [this] { showReport(currentJobId()); });
    connect(m_clearButton, &QToolButton::clicked, m_manager, &JobManager::removeFinished);
    connect(m_list, &QTreeWidget::currentItemChanged, this, &JobPanel::updateActions);
    connect(m_list, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        const int id = item->data(DescriptionColumn, JobIdRole).toInt();
        if (m_manager->state(id) != JobState::Running)
            showReport(id);
    });

    connect(m_manager, &JobManager::jobStarted, this, &JobPanel::addJob);
    connect(m_manager, &JobManager::jobProgress, this, &JobPanel::updateJob);
    connect(m_manager, &JobManager::jobFinished, this, [this](int id) {
        updateJob(id);
        updateActions();
    });
    connect(m_manager, &JobManager::jobRemoved, this, &JobPanel::removeJob);

    // Elapsed time and time left move even when no progress arrives.
    m_clock->setInterval(1000);
    connect(m_clock, &QTimer::timeout, this, &JobPanel::updateRunningJobs);

    const QList<int> ids = m_manager->jobIds();
    for (int id : ids)
        addJob(id);
    updateActions();
}

int JobPanel::currentJobId() const
{
    const QTreeWidgetItem *item = m_list->currentItem();
    return item ? item->data(DescriptionColumn, JobIdRole).toInt() : 0;
}

void JobPanel::setCurrentJob(int jobId)
{
    if (QTreeWidgetItem *item = m_items.value(jobId))
        m_list->setCurrentItem(item);
}

QString JobPanel::text(int jobId, Column column) const
{
    if (column == ProgressColumn) {
        // The whole text, also when the bar is too narrow and shows only the percentage.
        const QProgressBar *bar = m_bars.value(jobId);
        if (!bar)
            return {};
        const QString full = bar->property(FullTextProperty).toString();
        return full.isEmpty() ? bar->text() : full;
    }
    const QTreeWidgetItem *item = m_items.value(jobId);
    return item ? item->text(column) : QString();
}

bool JobPanel::cancelJob(int jobId)
{
    if (jobId == 0 || m_manager->state(jobId) != JobState::Running || m_manager->isCancelRequested(jobId))
        return false;
    // What a cancel leaves depends on the job: a commit keeps its progress, a verify has none.
    const QString note = m_manager->cancelNote(jobId).isEmpty() ? tr("The files stay consistent.") : m_manager->cancelNote(jobId);
    QMessageBox box(QMessageBox::Question, tr("Cancel Job"), tr("Cancel “%1”?").arg(m_manager->description(jobId)),
                    QMessageBox::Yes | QMessageBox::No, this);
    box.setObjectName(QStringLiteral("cancelJobBox"));
    box.setInformativeText(note);
    box.setDefaultButton(QMessageBox::No);
    // A job that ends while the question is open needs no answer any more.
    const QMetaObject::Connection ended = connect(m_manager, &JobManager::jobFinished, &box, [&box, jobId](int id) {
        if (id == jobId)
            box.done(QMessageBox::No);
    });
    const int answer = box.exec();
    disconnect(ended);
    if (answer != QMessageBox::Yes || m_manager->state(jobId) != JobState::Running)
        return false;
    m_manager->requestCancel(jobId);
    updateJob(jobId);
    updateActions();
    return true;
}

ReportDialog *JobPanel::makeReportDialog(int jobId)
{
    auto *dialog = new ReportDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    ReportDialog::JobSummary summary;
    summary.state = stateText(jobId);
    summary.startTime = m_manager->startTime(jobId);
    summary.endTime = m_manager->endTime(jobId);
    summary.elapsedMs = m_manager->elapsedMs(jobId);
    summary.doneBytes = m_manager->doneBytes(jobId);
    summary.totalBytes = m_manager->totalBytes(jobId);
    dialog->setReport(m_manager->report(jobId), m_manager->description(jobId), summary);
    return dialog;
}

void JobPanel::showReport(int jobId)
{
    if (jobId == 0 || !m_manager->contains(jobId) || m_manager->state(jobId) == JobState::Running)
        return;
    makeReportDialog(jobId)->show();
}

void JobPanel::saveReport(int jobId)
{
    if (jobId == 0 || !m_manager->contains(jobId) || m_manager->state(jobId) == JobState::Running)
        return;
    ReportDialog *dialog = makeReportDialog(jobId);
    dialog->saveAs();
    dialog->close();
}

void JobPanel::showContextMenu(const QPoint &position)
{
    QTreeWidgetItem *item = m_list->itemAt(position);
    if (!item)
        return;
    m_list->setCurrentItem(item);
    const int id = item->data(DescriptionColumn, JobIdRole).toInt();
    const bool running = m_manager->state(id) == JobState::Running;
    QMenu menu(this);
    menu.setObjectName(QStringLiteral("jobContextMenu"));
    QAction *cancel = menu.addAction(style()->standardIcon(QStyle::SP_BrowserStop), tr("&Cancel Job…"), this, [this, id] { cancelJob(id); });
    cancel->setEnabled(running && !m_manager->isCancelRequested(id));
    QAction *report = menu.addAction(tr("Show &Report…"), this, [this, id] { showReport(id); });
    report->setEnabled(!running);
    QAction *save = menu.addAction(tr("&Save Report…"), this, [this, id] { saveReport(id); });
    save->setEnabled(!running);
    menu.addSeparator();
    menu.addAction(tr("Copy &Description"), this, [this, id] { QApplication::clipboard()->setText(m_manager->description(id)); });
    const QString path = m_manager->addCowPath(id);
    if (!path.isEmpty())
        menu.addAction(tr("Copy &Path"), this, [path] { QApplication::clipboard()->setText(QDir::toNativeSeparators(path)); });
    menu.addSeparator();
    QAction *clear = menu.addAction(tr("C&lear Finished"), m_manager, &JobManager::removeFinished);
    clear->setEnabled(m_clearButton->isEnabled());
    menu.exec(m_list->viewport()->mapToGlobal(position));
}

void JobPanel::addJob(int jobId)
{
    if (m_items.contains(jobId))
        return;
    auto *item = new QTreeWidgetItem(m_list);
    item->setData(DescriptionColumn, JobIdRole, jobId);
    item->setText(DescriptionColumn, m_manager->description(jobId));
    item->setToolTip(DescriptionColumn, m_manager->description(jobId));
    item->setTextAlignment(SpeedColumn, Qt::AlignRight | Qt::AlignVCenter);
    item->setTextAlignment(TimeLeftColumn, Qt::AlignRight | Qt::AlignVCenter);
    item->setTextAlignment(ElapsedColumn, Qt::AlignRight | Qt::AlignVCenter);
    auto *bar = new QProgressBar;
    bar->setRange(0, ProgressBarSteps);
    bar->setTextVisible(true);
    bar->setProperty(JobIdProperty, jobId);
    bar->installEventFilter(this); // its text follows its width
    m_list->setItemWidget(item, ProgressColumn, bar);
    m_items.insert(jobId, item);
    m_bars.insert(jobId, bar);
    // The new job is the one the user just started: select it, so Cancel works at once.
    m_list->setCurrentItem(item);
    updateJob(jobId);
    if (!m_clock->isActive())
        m_clock->start();
    updateActions();
}

void JobPanel::removeJob(int jobId)
{
    m_bars.remove(jobId);
    delete m_items.take(jobId);
    updateActions();
}

void JobPanel::updateJob(int jobId)
{
    QTreeWidgetItem *item = m_items.value(jobId);
    QProgressBar *bar = m_bars.value(jobId);
    if (!item || !bar)
        return;
    const QLocale locale;
    const JobState state = m_manager->state(jobId);
    const quint64 done = m_manager->doneBytes(jobId);
    const quint64 total = m_manager->totalBytes(jobId);
    const qint64 elapsedMs = m_manager->elapsedMs(jobId);

    if (total > 0) {
        bar->setMaximum(ProgressBarSteps);
        bar->setValue(int(double(std::min(done, total)) / double(total) * ProgressBarSteps));
    } else if (state == JobState::Running) {
        bar->setMaximum(0); // busy indicator until the job knows its total
    } else {
        bar->setMaximum(ProgressBarSteps);
        bar->setValue(state == JobState::Done || state == JobState::DoneWithWarnings ? ProgressBarSteps : 0);
    }
    updateProgressText(jobId);

    const double seconds = double(elapsedMs) / 1000.0;
    const std::shared_ptr<Job> job = m_manager->job(jobId);
    const bool service = job && job->isService();
    const double bytesPerSecond = seconds > 0.2 && !service ? double(done) / seconds : 0.0;
    item->setText(SpeedColumn, bytesPerSecond > 0 ? tr("%1/s").arg(dataSizeText(quint64(bytesPerSecond))) : QString());
    if (state == JobState::Running && bytesPerSecond > 0 && total > done)
        item->setText(TimeLeftColumn, durationText(qint64(double(total - done) / bytesPerSecond + 0.5)));
    else
        item->setText(TimeLeftColumn, QString());
    item->setText(ElapsedColumn, durationText(elapsedMs / 1000));

    QStyle::StandardPixmap icon = QStyle::SP_BrowserReload;
    switch (state) {
    case JobState::Running:
        break;
    case JobState::Done:
        icon = QStyle::SP_DialogApplyButton;
        break;
    case JobState::DoneWithWarnings:
        icon = QStyle::SP_MessageBoxWarning;
        break;
    case JobState::Failed:
        icon = QStyle::SP_MessageBoxCritical;
        break;
    case JobState::Cancelled:
        icon = QStyle::SP_DialogCancelButton;
        break;
    }
    const QString text = stateText(jobId);
    item->setText(StateColumn, text);
    item->setIcon(StateColumn, style()->standardIcon(icon));
    item->setToolTip(StateColumn, state == JobState::Failed ? errorText(m_manager->error(jobId)) : text);
}

QString JobPanel::stateText(int jobId) const
{
    switch (m_manager->state(jobId)) {
    case JobState::Running:
        return m_manager->isCancelRequested(jobId) ? tr("Cancelling…") : tr("Running");
    case JobState::Done:
        return tr("Done");
    case JobState::DoneWithWarnings:
        // The job ran to its end but its report has warnings, or errors it found (e.g. unreadable bytes).
        return m_manager->report(jobId).worstSeverity() == Severity::Error ? tr("Done, problems found") : tr("Done with warnings");
    case JobState::Failed:
        return tr("Failed");
    case JobState::Cancelled:
        return tr("Cancelled");
    }
    return {};
}

void JobPanel::updateProgressText(int jobId)
{
    QProgressBar *bar = m_bars.value(jobId);
    if (!bar)
        return;
    const quint64 done = m_manager->doneBytes(jobId);
    const quint64 total = m_manager->totalBytes(jobId);
    bar->setProperty(FullTextProperty, QString());
    if (bar->maximum() == 0) {
        bar->setFormat(QString());
        bar->setToolTip(QString());
        return;
    }
    if (const std::shared_ptr<Job> job = m_manager->job(jobId); job && job->isService()) {
        const QString text = total > 0 && done == total ? tr("Serving") : tr("Starting…");
        bar->setFormat(text);
        bar->setProperty(FullTextProperty, text); // a busy bar shows no text of its own
        bar->setToolTip(QString());
        return;
    }
    if (total == 0) {
        bar->setFormat(QStringLiteral("%p%"));
        bar->setToolTip(QString());
        return;
    }
    // "1.5 GiB of 4 GiB" where it fits, else the percentage: the text never runs out of the bar.
    const QLocale locale;
    const QString full = tr("%1 of %2").arg(dataSizeText(done), dataSizeText(total));
    const int room = bar->width() - 2 * bar->style()->pixelMetric(QStyle::PM_ProgressBarChunkWidth, nullptr, bar) - 8;
    bar->setProperty(FullTextProperty, full);
    bar->setFormat(bar->fontMetrics().horizontalAdvance(full) <= room ? full : QStringLiteral("%p%"));
    bar->setToolTip(tr("%1 (%2 %)").arg(full, locale.toString(100.0 * double(std::min(done, total)) / double(total), 'f', 1)));
}

bool JobPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Resize) {
        if (const QVariant id = watched->property(JobIdProperty); id.isValid())
            updateProgressText(id.toInt());
    }
    return QWidget::eventFilter(watched, event);
}

void JobPanel::updateRunningJobs()
{
    bool anyRunning = false;
    for (auto it = m_items.cbegin(); it != m_items.cend(); ++it) {
        if (m_manager->state(it.key()) == JobState::Running) {
            updateJob(it.key());
            anyRunning = true;
        }
    }
    if (!anyRunning)
        m_clock->stop();
}

void JobPanel::updateActions()
{
    const int id = currentJobId();
    const bool running = id != 0 && m_manager->state(id) == JobState::Running;
    m_cancelButton->setEnabled(running && !m_manager->isCancelRequested(id));
    m_reportButton->setEnabled(id != 0 && !running);
    bool anyFinished = false;
    for (auto it = m_items.cbegin(); it != m_items.cend(); ++it)
        anyFinished = anyFinished || m_manager->state(it.key()) != JobState::Running;
    m_clearButton->setEnabled(anyFinished);
}

} // namespace AddCow
