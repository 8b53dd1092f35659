// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "serveactions.h"

#include "fileidentity.h"
#include "image.h"
#include "imagedocument.h"
#include "jobmanager.h"
#include "mainwindow.h"
#include "servedialog.h"
#include "servejob.h"

#include <QAction>
#include <QKeySequence>
#include <QMenu>

using namespace Qt::StringLiterals;

namespace AddCow
{

ServeActions::ServeActions(MainWindow *window)
    : QObject(window)
    , m_window(window)
    , m_serveAction(new QAction(tr("&Serve to a Virtual Machine…"), this))
{
    setObjectName(u"serveActions"_s);
    m_serveAction->setObjectName(u"serveAction"_s);
    m_serveAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M)); // a virtual Machine
    m_serveAction->setShortcutContext(Qt::WindowShortcut);
    connect(m_serveAction, &QAction::triggered, this, &ServeActions::serve);
    if (auto *imageMenu = m_window->findChild<QMenu *>(u"imageMenu"_s)) {
        imageMenu->addSeparator();
        imageMenu->addAction(m_serveAction);
    }
    connect(m_window, &MainWindow::imageChanged, this, &ServeActions::updateAction);
    ImageDocument *document = m_window->document();
    connect(document, &ImageDocument::accessChanged, this, &ServeActions::updateAction);
    connect(document, &ImageDocument::loadingChanged, this, &ServeActions::updateAction);
    JobManager *jobs = m_window->jobManager();
    connect(jobs, &JobManager::jobStarted, this, &ServeActions::updateAction);
    connect(jobs, &JobManager::jobFinished, this, &ServeActions::updateAction);
    updateAction();
}

ServeDialog *ServeActions::serveDialog() const
{
    return m_dialog;
}

int ServeActions::servingJobId(const QString &addCowPath) const
{
    const JobManager *jobs = m_window->jobManager();
    const QList<int> ids = jobs->jobIds();
    for (int id : ids) {
        if (jobs->state(id) == JobState::Running && std::dynamic_pointer_cast<ServeJob>(jobs->job(id))
            && isSameFile(jobs->addCowPath(id), addCowPath))
            return id;
    }
    return 0;
}

QString ServeActions::serveRefusal() const
{
    if (m_window->imagePath().isEmpty())
        return tr("No image is open.");
    if (m_window->isLoading())
        return tr("The image is being opened.");
    if (!m_window->image())
        return tr("The image cannot be served: %1").arg(m_window->unavailableReason());
    if (!m_window->backingUnavailableReason().isEmpty())
        return tr("The backing file cannot be read, so a virtual machine could not read its disk: %1").arg(m_window->backingUnavailableReason());
    if (servingJobId(m_window->imagePath()) != 0)
        return {}; // the action shows the running server
    if (m_window->isEditing() || m_window->document()->isChangingAccess())
        return tr("End the edit session first (Edit › Allow Editing): the server needs the image's write locks.");
    const JobManager *jobs = m_window->jobManager();
    const QList<int> ids = jobs->jobIds();
    for (int id : ids) {
        if (jobs->state(id) == JobState::Running && isSameFile(jobs->addCowPath(id), m_window->imagePath()))
            return tr("Wait for “%1” to finish.").arg(jobs->description(id));
    }
    return {};
}

void ServeActions::updateAction()
{
    const QString refusal = serveRefusal();
    m_serveAction->setEnabled(refusal.isEmpty());
    const bool serving = !m_window->imagePath().isEmpty() && servingJobId(m_window->imagePath()) != 0;
    m_serveAction->setToolTip(!refusal.isEmpty() ? refusal
                                  : serving      ? tr("Show how to connect to the running server, or stop it")
                                                 : tr("Serve the virtual disk over NBD to QEMU or another NBD client"));
    m_serveAction->setStatusTip(m_serveAction->toolTip());
}

void ServeActions::serve()
{
    if (!serveRefusal().isEmpty())
        return;
    const QString path = m_window->imagePath();
    const int running = servingJobId(path);
    // One dialog per server: a dialog of another image or of a stopped server makes way.
    if (m_dialog && (!isSameFile(m_dialog->addCowPath(), path) || m_dialog->jobId() != running)) {
        m_dialog->close();
        m_dialog = nullptr;
    }
    if (!m_dialog) {
        m_dialog = new ServeDialog(path, m_window->jobManager(), m_window);
        m_dialog->setAttribute(Qt::WA_DeleteOnClose);
        if (running != 0)
            m_dialog->showJob(running);
    }
    m_dialog->show();
    m_dialog->raise();
    m_dialog->activateWindow();
}

} // namespace AddCow
