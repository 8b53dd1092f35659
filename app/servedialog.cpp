// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "servedialog.h"

#include "jobmanager.h"
#include "ruletext.h"
#include "servejob.h"

#include <QApplication>
#include <QButtonGroup>
#include <QCheckBox>
#include <QClipboard>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace AddCow
{

namespace
{
constexpr int NbdPort = 10809; // IANA's port for NBD
}

ServeDialog::ServeDialog(const QString &addCowPath, JobManager *jobs, QWidget *parent)
    : QDialog(parent)
    , m_addCowPath(QFileInfo(addCowPath).absoluteFilePath())
    , m_jobs(jobs)
    , m_pages(new QStackedWidget(this))
    , m_listen(new QButtonGroup(this))
    , m_socket(new QLineEdit(NbdExport::defaultSocketPath(m_addCowPath), this))
    , m_port(new QSpinBox(this))
    , m_bind(new QLineEdit(this))
    , m_readOnly(new QCheckBox(tr("&Read-only: clients cannot write"), this))
    , m_startButton(new QPushButton(tr("&Start Serving"), this))
    , m_status(new QLabel(this))
    , m_commands(new QWidget(this))
    , m_stopButton(new QPushButton(tr("S&top Serving"), this))
{
    setObjectName(u"serveDialog"_s);
    setWindowTitle(tr("Serve to a Virtual Machine"));
    const QString name = QFileInfo(m_addCowPath).fileName();

    // The options.
    auto *options = new QWidget(m_pages);
    auto *intro = new QLabel(tr("<b>Serve %1 over NBD</b>, so that a virtual machine (QEMU, libvirt) or another NBD client "
                                "uses its virtual disk, with nbdkit and the addcow plugin.<br>Writes are copy-on-write; a write "
                                "is durable after the client's next flush. While it is served the image is locked: nothing "
                                "else writes it, this window included, and its map follows the writes.")
                                 .arg(name.toHtmlEscaped()),
                             options);
    intro->setWordWrap(true);
    auto *unixButton = new QRadioButton(tr("&Unix socket:"), options);
    auto *tcpButton = new QRadioButton(tr("TCP &port:"), options);
    unixButton->setObjectName(u"serveUnixButton"_s);
    tcpButton->setObjectName(u"serveTcpButton"_s);
    m_listen->addButton(unixButton, 0);
    m_listen->addButton(tcpButton, 1);
    unixButton->setChecked(true);
    m_socket->setObjectName(u"serveSocketEdit"_s);
    m_port->setObjectName(u"servePortSpin"_s);
    m_port->setRange(1, 65535);
    m_port->setValue(NbdPort);
    m_bind->setObjectName(u"serveBindEdit"_s);
    m_bind->setPlaceholderText(tr("127.0.0.1 (this computer only)"));
    m_readOnly->setObjectName(u"serveReadOnlyBox"_s);
    auto *form = new QGridLayout;
    form->addWidget(unixButton, 0, 0);
    form->addWidget(m_socket, 0, 1, 1, 3);
    form->addWidget(tcpButton, 1, 0);
    form->addWidget(m_port, 1, 1);
    auto *bindLabel = new QLabel(tr("on &address:"), options);
    bindLabel->setBuddy(m_bind);
    form->addWidget(bindLabel, 1, 2);
    form->addWidget(m_bind, 1, 3);
    form->setColumnStretch(3, 1);
    auto updateListen = [this] {
        const bool tcp = m_listen->checkedId() == 1;
        m_socket->setEnabled(!tcp);
        m_port->setEnabled(tcp);
        m_bind->setEnabled(tcp);
    };
    connect(m_listen, &QButtonGroup::idClicked, this, updateListen);
    updateListen();
    auto *optionsLayout = new QVBoxLayout(options);
    optionsLayout->setContentsMargins(0, 0, 0, 0);
    optionsLayout->addWidget(intro);
    optionsLayout->addLayout(form);
    optionsLayout->addWidget(m_readOnly);
    optionsLayout->addStretch(1);
    m_pages->addWidget(options);

    // While serving.
    auto *serving = new QWidget(m_pages);
    m_status->setObjectName(u"serveStatusLabel"_s);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *commandsLayout = new QGridLayout(m_commands);
    commandsLayout->setContentsMargins(0, 0, 0, 0);
    commandsLayout->setColumnStretch(1, 1);
    addCommandRow(tr("NBD URI:"), u"uri"_s);
    addCommandRow(tr("QEMU:"), u"qemu-system-x86_64"_s);
    addCommandRow(tr("qemu-img:"), u"qemu-img"_s);
    addCommandRow(tr("nbdinfo:"), u"nbdinfo"_s);
    auto *servingLayout = new QVBoxLayout(serving);
    servingLayout->setContentsMargins(0, 0, 0, 0);
    servingLayout->addWidget(m_status);
    servingLayout->addWidget(m_commands);
    servingLayout->addStretch(1);
    m_pages->addWidget(serving);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_startButton->setObjectName(u"serveStartButton"_s);
    m_startButton->setDefault(true);
    m_stopButton->setObjectName(u"serveStopButton"_s);
    m_stopButton->setToolTip(tr("Closes the connections, flushes everything written and releases the locks"));
    buttons->addButton(m_startButton, QDialogButtonBox::ActionRole);
    buttons->addButton(m_stopButton, QDialogButtonBox::ActionRole);
    m_stopButton->hide();
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_startButton, &QPushButton::clicked, this, &ServeDialog::startServing);
    connect(m_stopButton, &QPushButton::clicked, this, [this] {
        if (m_jobId != 0)
            m_jobs->requestCancel(m_jobId);
        updateStatus();
    });
    connect(m_jobs, &JobManager::jobProgress, this, &ServeDialog::jobProgress);
    connect(m_jobs, &JobManager::jobFinished, this, &ServeDialog::jobFinished);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pages);
    layout->addWidget(buttons);
    resize(qMin(860, sizeHint().width() * 2), sizeHint().height());
}

void ServeDialog::addCommandRow(const QString &label, const QString &key)
{
    auto *grid = static_cast<QGridLayout *>(m_commands->layout());
    const int row = grid->rowCount();
    auto *field = new QLineEdit(m_commands);
    field->setObjectName(u"serveCommand-"_s + key);
    field->setReadOnly(true);
    auto *caption = new QLabel(label, m_commands);
    caption->setBuddy(field);
    auto *copy = new QPushButton(tr("Copy"), m_commands);
    copy->setObjectName(u"serveCopy-"_s + key);
    copy->setToolTip(tr("Copies the line to the clipboard"));
    connect(copy, &QPushButton::clicked, this, [field] {
        QApplication::clipboard()->setText(field->text());
    });
    grid->addWidget(caption, row, 0);
    grid->addWidget(field, row, 1);
    grid->addWidget(copy, row, 2);
    m_commandFields.append({key, field});
}

int ServeDialog::startServing()
{
    if (m_jobId != 0 && m_jobs->state(m_jobId) == JobState::Running)
        return 0;
    ExportOptions options;
    options.addCowPath = m_addCowPath;
    if (m_listen->checkedId() == 1) {
        options.port = quint16(m_port->value());
        options.bindAddress = m_bind->text().trimmed();
    } else {
        options.socketPath = m_socket->text().trimmed();
    }
    options.readOnly = m_readOnly->isChecked();
    m_job = std::make_shared<ServeJob>(options, QCoreApplication::applicationDirPath());
    m_ready = false;
    m_jobId = m_jobs->start(m_job, tr("Serve %1 to a virtual machine").arg(QFileInfo(m_addCowPath).fileName()), m_addCowPath,
                            tr("Connected clients are disconnected; everything they wrote is flushed to the image first."));
    showJob(m_jobId);
    Q_EMIT servingStarted(m_jobId);
    return m_jobId;
}

void ServeDialog::showJob(int jobId)
{
    m_jobId = jobId;
    m_job = std::dynamic_pointer_cast<ServeJob>(m_jobs->job(jobId));
    if (!m_job)
        return;
    m_ready = m_jobs->state(jobId) == JobState::Running && m_jobs->totalBytes(jobId) > 0 && m_jobs->doneBytes(jobId) == m_jobs->totalBytes(jobId);
    for (const auto &[key, field] : std::as_const(m_commandFields)) {
        if (key == u"uri") {
            field->setText(m_job->server().uri());
            continue;
        }
        for (const ClientCommand &client : m_job->server().clientCommands()) {
            if (client.program == key)
                field->setText(client.commandLine);
        }
        field->setCursorPosition(0);
    }
    m_pages->setCurrentIndex(1);
    m_startButton->hide();
    m_stopButton->show();
    updateStatus();
}

void ServeDialog::jobProgress(int jobId, quint64 done, quint64 total)
{
    if (jobId != m_jobId)
        return;
    m_ready = total > 0 && done == total;
    updateStatus();
}

void ServeDialog::jobFinished(int jobId)
{
    if (jobId == m_jobId)
        updateStatus();
}

void ServeDialog::updateStatus()
{
    if (m_jobId == 0)
        return;
    const JobState state = m_jobs->state(m_jobId);
    const bool running = state == JobState::Running;
    const QString where = QDir::toNativeSeparators(m_addCowPath);
    if (running && m_jobs->isCancelRequested(m_jobId))
        m_status->setText(tr("Stopping: closing the connections and flushing everything written…"));
    else if (running && m_ready)
        m_status->setText(tr("<b>Serving %1.</b> Clients can connect now: start the virtual machine with the QEMU line, "
                             "or use the NBD URI with any NBD client.")
                              .arg(where.toHtmlEscaped()));
    else if (running)
        m_status->setText(tr("Starting nbdkit for %1…").arg(where.toHtmlEscaped()));
    else if (state == JobState::Failed)
        m_status->setText(tr("<b>Not served:</b> %1").arg(errorText(m_jobs->error(m_jobId)).toHtmlEscaped()));
    else
        m_status->setText(tr("<b>Stopped.</b> Everything written is flushed and the locks are released."));
    m_commands->setEnabled(running);
    m_stopButton->setEnabled(running && !m_jobs->isCancelRequested(m_jobId));
}

QString ServeDialog::statusText() const
{
    return m_status->text();
}

QString ServeDialog::commandLine(const QString &program) const
{
    for (const auto &[key, field] : m_commandFields) {
        if (key == program)
            return field->text();
    }
    return {};
}

} // namespace AddCow
