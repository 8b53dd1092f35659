// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "imageactions.h"

#include "addcowapp_debug.h"
#include "appicons.h"
#include "commitdialog.h"
#include "commitdonedialog.h"
#include "createwizard.h"
#include "editnamesdialog.h"
#include "fileidentity.h"
#include "filelock.h"
#include "findingsview.h"
#include "heatmapwidget.h"
#include "image.h"
#include "imagedocument.h"
#include "jobmanager.h"
#include "mainwindow.h"
#include "namechangecommand.h"
#include "namerewritejob.h"
#include "recentfiles.h"
#include "ruletext.h"
#include "sizeparser.h"

#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFile>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QStatusBar>
#include <QStyle>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>
#include <QtConcurrent/QtConcurrentRun>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace AddCow
{

namespace
{
constexpr int StatusMessageMs = 10000;
constexpr int MaxListedRanges = 8; // unreadable ranges listed in the verify summary

/** QFileInfo::isWritable and access(W_OK): ACLs and read-only mounts included. */
bool isWritableFile(const QString &path)
{
    return QFileInfo(path).isWritable() && ::access(QFile::encodeName(path).constData(), W_OK) == 0;
}
}

ImageActions::ImageActions(MainWindow *window)
    : QObject(window)
    , m_window(window)
    , m_nameUndoStack(new QUndoStack(this))
{
    setObjectName(u"imageActions"_s);
    createActions();
    addToMenus();
    connect(m_window, &MainWindow::imageChanged, this, [this] {
        // The undo history belongs to one .add-cow file.
        if (!m_undoPath.isEmpty() && !isSameFile(m_undoPath, m_window->imagePath()) && m_nameJobId == 0) {
            m_nameUndoStack->clear();
            m_undoPath.clear();
        }
        updateActions();
    });
    JobManager *jobs = m_window->jobManager();
    connect(jobs, &JobManager::jobStarted, this, &ImageActions::updateActions);
    connect(jobs, &JobManager::jobFinished, this, &ImageActions::jobFinished);
    connect(m_nameUndoStack, &QUndoStack::indexChanged, this, &ImageActions::updateActions);
    connect(&m_planWatcher, &QFutureWatcher<CommitPlan>::finished, this, &ImageActions::planReady);
    // Editing holds the image open for writing: commit and name edits wait for it to end.
    connect(m_window->document(), &ImageDocument::accessChanged, this, &ImageActions::updateActions);
    updateActions();
}

ImageActions::~ImageActions()
{
    m_planWatcher.disconnect(this);
    m_planWatcher.waitForFinished();
}

CreateWizard *ImageActions::createWizard() const
{
    return m_wizard;
}

CommitDialog *ImageActions::commitDialog() const
{
    return m_commitDialog;
}

CommitDoneDialog *ImageActions::commitDoneDialog() const
{
    return m_commitDoneDialog;
}

void ImageActions::createActions()
{
    QStyle *style = m_window->style();
    m_newImageAction = new QAction(AppIcons::action(AppIcons::Action::NewImage), tr("&New Image…"), this);
    m_newImageAction->setObjectName(u"newImageAction"_s);
    m_newImageAction->setShortcut(QKeySequence::New);
    m_newImageAction->setToolTip(tr("Create an add-cow image over a backing file"));
    m_newImageAction->setStatusTip(m_newImageAction->toolTip());
    connect(m_newImageAction, &QAction::triggered, this, &ImageActions::newImage);

    m_commitAction = new QAction(AppIcons::action(AppIcons::Action::Commit), tr("&Commit to Raw…"), this);
    m_commitAction->setObjectName(u"commitAction"_s);
    m_commitAction->setIconText(tr("Commit to Raw"));
    m_commitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    connect(m_commitAction, &QAction::triggered, this, &ImageActions::commitToRaw);

    m_verifyAction = new QAction(AppIcons::action(AppIcons::Action::Verify), tr("&Verify…"), this);
    m_verifyAction->setObjectName(u"verifyAction"_s);
    m_verifyAction->setIconText(tr("Verify"));
    m_verifyAction->setShortcut(QKeySequence(Qt::Key_F7));
    connect(m_verifyAction, &QAction::triggered, this, &ImageActions::verify);

    m_locateBackingAction = new QAction(tr("&Locate Backing File…"), this);
    m_locateBackingAction->setObjectName(u"locateBackingAction"_s);
    m_locateBackingAction->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F2)); // beside F2, Edit File Names
    connect(m_locateBackingAction, &QAction::triggered, this, &ImageActions::locateBacking);

    m_editNamesAction = new QAction(tr("Edit File &Names…"), this);
    m_editNamesAction->setObjectName(u"editNamesAction"_s);
    m_editNamesAction->setShortcut(QKeySequence(Qt::Key_F2));
    connect(m_editNamesAction, &QAction::triggered, this, &ImageActions::editNames);

    // Separate from the hex panel's undo: a name change rewrites the header, not the disk.
    m_undoNamesAction = new QAction(style->standardIcon(QStyle::SP_ArrowBack), tr("Undo File Name Change"), this);
    m_undoNamesAction->setObjectName(u"undoNamesAction"_s);
    m_undoNamesAction->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_Z));
    connect(m_undoNamesAction, &QAction::triggered, m_nameUndoStack, &QUndoStack::undo);
    m_redoNamesAction = new QAction(style->standardIcon(QStyle::SP_ArrowForward), tr("Redo File Name Change"), this);
    m_redoNamesAction->setObjectName(u"redoNamesAction"_s);
    m_redoNamesAction->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::SHIFT | Qt::Key_Z));
    connect(m_redoNamesAction, &QAction::triggered, m_nameUndoStack, &QUndoStack::redo);

    for (QAction *action : {m_newImageAction, m_commitAction, m_verifyAction, m_editNamesAction, m_locateBackingAction, m_undoNamesAction, m_redoNamesAction})
        action->setShortcutContext(Qt::WindowShortcut);
}

void ImageActions::addToMenus()
{
    if (auto *fileMenu = m_window->findChild<QMenu *>(u"fileMenu"_s)) {
        const QList<QAction *> actions = fileMenu->actions();
        fileMenu->insertAction(actions.isEmpty() ? nullptr : actions.first(), m_newImageAction);
    }
    if (auto *editMenu = m_window->findChild<QMenu *>(u"editMenu"_s)) {
        // Right after the disk's own Undo/Redo.
        const QList<QAction *> actions = editMenu->actions();
        qsizetype after = -1;
        for (qsizetype i = 0; i < actions.size(); ++i) {
            if (actions[i]->objectName() == u"redoAction"_s)
                after = i;
        }
        QAction *before = after >= 0 && after + 1 < actions.size() ? actions[after + 1] : nullptr;
        editMenu->insertAction(before, m_undoNamesAction);
        editMenu->insertAction(before, m_redoNamesAction);
    }
    if (auto *imageMenu = m_window->findChild<QMenu *>(u"imageMenu"_s)) {
        imageMenu->addAction(m_commitAction);
        imageMenu->addAction(m_verifyAction);
        imageMenu->addSeparator();
        imageMenu->addAction(m_editNamesAction);
        imageMenu->addAction(m_locateBackingAction);
    }
    if (auto *toolBar = m_window->findChild<QToolBar *>(u"mainToolBar"_s)) {
        toolBar->addSeparator();
        toolBar->addAction(m_commitAction);
        toolBar->addAction(m_verifyAction);
        // The one-click commit says what it does, not just an icon.
        for (QAction *action : {m_commitAction, m_verifyAction}) {
            if (auto *button = qobject_cast<QToolButton *>(toolBar->widgetForAction(action)))
                button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        }
    }
}

bool ImageActions::isJobRunningOn(const QString &addCowPath) const
{
    const JobManager *jobs = m_window->jobManager();
    const QList<int> ids = jobs->jobIds();
    for (int id : ids) {
        if (jobs->state(id) == JobState::Running && isSameFile(jobs->addCowPath(id), addCowPath))
            return true;
    }
    return false;
}

QString ImageActions::commitRefusal(bool probeFiles) const
{
    const std::shared_ptr<Image> image = m_window->image();
    if (m_window->imagePath().isEmpty())
        return tr("No image is open.");
    if (m_window->isLoading())
        return tr("The image is being opened.");
    if (!image)
        return tr("The image cannot be read: %1").arg(m_window->unavailableReason());
    if (!m_window->backingUnavailableReason().isEmpty()) // R19 copies the clean clusters' backing bytes
        return tr("The backing file cannot be read, and a commit copies its data: %1").arg(m_window->backingUnavailableReason());
    if (hasErrors(m_window->findings()))
        return tr("The image has errors; see the Findings panel. Only an image without errors can be committed.");
    if (image->isAllAllocated())
        return tr("Already committed: the raw image file is the whole disk (ALL_ALLOCATED, R14).");
    if (m_window->isEditing() || m_window->document()->isChangingAccess())
        return tr("The image is open for editing; turn off Edit › Allow Editing first.");
    if (isJobRunningOn(image->path()))
        return tr("A job is running on this image.");
    const FileRef &imageFile = image->imageFile();
    const FileRef &backingFile = image->backingFile();
    if (!QFileInfo::exists(imageFile.resolvedPath))
        return tr("The image file %1 is missing.").arg(QDir::toNativeSeparators(imageFile.resolvedPath));
    if (!backingFile.storedName.isEmpty() && !QFileInfo::exists(backingFile.resolvedPath))
        return tr("The backing file %1 is missing.").arg(QDir::toNativeSeparators(backingFile.resolvedPath));
    if (!probeFiles)
        return {};
    for (const QString &path : {imageFile.resolvedPath, image->path()}) {
        if (!isWritableFile(path))
            return tr("%1 is read-only; the commit writes to it.").arg(QDir::toNativeSeparators(path));
        const Result<bool> busy = FileLock::isHeldForWriting(path);
        if (!busy)
            return errorText(busy.error());
        if (busy.value())
            return tr("%1 is open for writing in another program (for example a virtual machine). Close it first.")
                .arg(QDir::toNativeSeparators(path));
    }
    return {};
}

QString ImageActions::verifyRefusal() const
{
    if (m_window->imagePath().isEmpty())
        return tr("No image is open.");
    if (m_window->isLoading())
        return tr("The image is being opened.");
    if (m_verifyJobId != 0 && m_window->jobManager()->state(m_verifyJobId) == JobState::Running)
        return tr("A verify is running.");
    if (!m_window->backingUnavailableReason().isEmpty()) // it reads the whole virtual disk
        return tr("The backing file cannot be read, and a verify reads the whole disk: %1").arg(m_window->backingUnavailableReason());
    return {};
}

QString ImageActions::editNamesRefusal() const
{
    if (m_window->imagePath().isEmpty())
        return tr("No image is open.");
    if (m_window->isLoading())
        return tr("The image is being opened.");
    // Broken name fields are what this dialog repairs; a header broken elsewhere is not.
    const HeaderParse &parse = m_window->headerParse();
    if (parse.firstError() && parse.header.imageFileName.isEmpty() && !repairableNames(parse))
        return tr("The header's names cannot be read.");
    if (m_window->isEditing())
        return tr("The image is open for editing; turn off Edit › Allow Editing first.");
    if (isJobRunningOn(m_window->imagePath()))
        return tr("A job is running on this image.");
    return {};
}

QString ImageActions::locateBackingRefusal() const
{
    if (const QString refusal = editNamesRefusal(); !refusal.isEmpty())
        return refusal;
    const Header &header = m_window->headerParse().header;
    if (m_window->headerParse().firstError() || header.backingFileName.isEmpty())
        return header.backingFileName.isEmpty() ? tr("The image has no backing file.") : tr("The header's names cannot be read.");
    const QFileInfo backing(resolveStoredName(m_window->imagePath(), header.backingFileName)); // R16
    if (backing.exists() && backing.isReadable() && !backing.isDir())
        return tr("The backing file %1 is where the header says.").arg(QDir::toNativeSeparators(backing.absoluteFilePath()));
    return {};
}

void ImageActions::updateActions()
{
    auto apply = [](QAction *action, const QString &refusal, const QString &tip) {
        action->setEnabled(refusal.isEmpty());
        action->setToolTip(refusal.isEmpty() ? tip : refusal);
        action->setStatusTip(action->toolTip());
    };
    apply(m_commitAction, commitRefusal(false),
          tr("Copy the clusters still read from the backing file into the raw image file, so it alone is the whole disk (R19)"));
    apply(m_verifyAction, verifyRefusal(), tr("Check every rule and read the whole virtual disk: findings, unreadable ranges and its SHA-256"));
    apply(m_editNamesAction, editNamesRefusal(), tr("Change the stored image and backing file names, for example after the files moved"));
    apply(m_locateBackingAction, locateBackingRefusal(), tr("The backing file is missing or cannot be read: choose where it is now"));

    const bool nameJobRunning = m_nameJobId != 0;
    const bool sameFile = !m_undoPath.isEmpty() && isSameFile(m_undoPath, m_window->imagePath());
    const QString busy = nameJobRunning ? tr("The file names are being rewritten.") : QString();
    apply(m_undoNamesAction, !busy.isEmpty() ? busy : (sameFile && m_nameUndoStack->canUndo() ? QString() : tr("No file name change to undo.")),
          tr("Put back the file names as they were before: %1").arg(m_nameUndoStack->undoText()));
    apply(m_redoNamesAction, !busy.isEmpty() ? busy : (sameFile && m_nameUndoStack->canRedo() ? QString() : tr("No file name change to redo.")),
          tr("Apply the undone file name change again: %1").arg(m_nameUndoStack->redoText()));
}

void ImageActions::showMessage(int icon, const QString &objectName, const QString &title, const QString &text, const QString &details)
{
    auto *box = new QMessageBox(QMessageBox::Icon(icon), title, text, QMessageBox::Ok, m_window);
    box->setObjectName(objectName);
    box->setInformativeText(details);
    box->setTextInteractionFlags(Qt::TextSelectableByMouse);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

// ---- New image ---------------------------------------------------------------------------

void ImageActions::newImage()
{
    if (m_wizard) {
        m_wizard->raise();
        m_wizard->activateWindow();
        return;
    }
    m_wizard = new CreateWizard(m_window->jobManager(), m_window);
    m_wizard->setAttribute(Qt::WA_DeleteOnClose);
    m_wizard->setWindowModality(Qt::WindowModal);
    connect(m_wizard, &CreateWizard::imageCreated, m_window, [this](const QString &path) { m_window->openImage(path); });
    m_wizard->open();
}

// ---- Commit ------------------------------------------------------------------------------

void ImageActions::commitToRaw()
{
    const QString refusal = commitRefusal(true);
    if (!refusal.isEmpty()) {
        showMessage(QMessageBox::Warning, u"commitRefusedBox"_s, tr("Commit to Raw"),
                    tr("%1 cannot be committed.").arg(QDir::toNativeSeparators(m_window->imagePath())), refusal);
        return;
    }
    if (m_planWatcher.isRunning() || m_commitDialog)
        return;
    // Counting the clean clusters walks the whole bitmap: not on the GUI thread.
    const std::shared_ptr<Image> image = m_window->image();
    m_planPath = image->path();
    m_window->statusBar()->showMessage(tr("Working out what the commit has to copy…"));
    m_planWatcher.setFuture(QtConcurrent::run([image] { return planCommit(*image); }));
}

void ImageActions::planReady()
{
    m_window->statusBar()->clearMessage();
    const std::shared_ptr<Image> image = m_window->image();
    if (!image || m_planWatcher.future().resultCount() == 0 || !isSameFile(image->path(), m_planPath))
        return; // another image was opened meanwhile
    m_commitDialog = new CommitDialog(*image, m_planWatcher.result(), m_window);
    m_commitDialog->setAttribute(Qt::WA_DeleteOnClose);
    m_commitDialog->setWindowModality(Qt::WindowModal);
    connect(m_commitDialog, &QDialog::accepted, this, [this] { startCommit(); });
    m_commitDialog->open();
}

int ImageActions::startCommit()
{
    const QString refusal = commitRefusal(true);
    if (!refusal.isEmpty()) {
        showMessage(QMessageBox::Warning, u"commitRefusedBox"_s, tr("Commit to Raw"),
                    tr("%1 cannot be committed.").arg(QDir::toNativeSeparators(m_window->imagePath())), refusal);
        return 0;
    }
    const std::shared_ptr<Image> image = m_window->image();
    const QString path = image->path();
    // Remembered for the dialog afterwards, without opening the image again on the GUI thread.
    m_commitImagePath = image->imageFile().resolvedPath;
    m_commitBackingPath = image->backingFile().storedName.isEmpty() ? QString() : image->backingFile().resolvedPath;
    m_commitJobId = m_window->jobManager()->start(std::make_shared<CommitJob>(path),
                                                  tr("Commit %1 to %2").arg(QFileInfo(path).fileName(), QFileInfo(image->imageFile().resolvedPath).fileName()),
                                                  path, tr("The clusters copied so far are kept; Commit to Raw resumes from there."));
    updateActions();
    return m_commitJobId;
}

void ImageActions::jobFinished(int jobId)
{
    if (jobId == m_commitJobId)
        commitEnded(jobId);
    else if (jobId == m_verifyJobId)
        verifyEnded(jobId);
    else if (jobId == m_nameJobId)
        nameJobEnded(jobId);
    updateActions();
}

void ImageActions::commitEnded(int jobId)
{
    const JobManager *jobs = m_window->jobManager();
    const QString path = jobs->addCowPath(jobId);
    const bool shown = isSameFile(path, m_window->imagePath());
    // The bitmap on disk changed (all of it, or the batches done before a cancel): show it.
    if (shown)
        m_window->reloadImage();
    switch (jobs->state(jobId)) {
    case JobState::Done:
    case JobState::DoneWithWarnings: {
        m_window->statusBar()->showMessage(tr("Commit finished: the raw image file is the whole disk"), StatusMessageMs);
        const QString imagePath = m_commitImagePath;
        const QString backingPath = m_commitBackingPath;
        m_cleanup = Cleanup{path, backingPath};
        m_commitDoneDialog = new CommitDoneDialog(path, imagePath, backingPath, m_window);
        m_commitDoneDialog->setAttribute(Qt::WA_DeleteOnClose);
        m_commitDoneDialog->setWindowModality(Qt::WindowModal);
        connect(m_commitDoneDialog, &QDialog::accepted, this, [this, dialog = m_commitDoneDialog.data()] {
            m_cleanup.removeAddCow = dialog->removeAddCowRequested();
            m_cleanup.removeBacking = dialog->removeBackingRequested();
            if (dialog->verifyRequested())
                m_cleanup.verifyJobId = startVerify(m_cleanup.addCowPath); // removal waits for a clean verify
            else
                removeFilesAfterCommit();
        });
        m_commitDoneDialog->open();
        break;
    }
    case JobState::Cancelled:
        m_window->statusBar()->showMessage(tr("Commit cancelled: the clusters copied so far are kept; Commit to Raw resumes from there"),
                                           StatusMessageMs);
        break;
    case JobState::Failed:
        showMessage(QMessageBox::Critical, u"commitFailedBox"_s, tr("Commit to Raw"),
                    tr("The commit of %1 failed.").arg(QDir::toNativeSeparators(path)),
                    tr("%1\n\nThe clusters committed before the error are kept; the image stays consistent.").arg(errorText(jobs->error(jobId))));
        break;
    case JobState::Running:
        break;
    }
    Q_EMIT commitFinished(jobId);
}

void ImageActions::removeFilesAfterCommit()
{
    const Cleanup cleanup = std::exchange(m_cleanup, Cleanup{});
    QStringList removed;
    QStringList failed;
    if (cleanup.removeAddCow) {
        if (isSameFile(cleanup.addCowPath, m_window->imagePath()))
            m_window->closeImage();
        if (QFile::remove(cleanup.addCowPath)) {
            removed.append(QDir::toNativeSeparators(cleanup.addCowPath));
            m_window->recentFiles()->remove(cleanup.addCowPath); // gone for good: not a recent file any more
        } else {
            failed.append(QDir::toNativeSeparators(cleanup.addCowPath));
        }
    }
    // Never the backing file unless asked twice (CommitDoneDialog confirmed it).
    if (cleanup.removeBacking && !cleanup.backingPath.isEmpty())
        (QFile::remove(cleanup.backingPath) ? removed : failed).append(QDir::toNativeSeparators(cleanup.backingPath));
    if (!failed.isEmpty())
        showMessage(QMessageBox::Warning, u"removeFailedBox"_s, tr("Remove Files"), tr("Some files could not be removed."), failed.join(u'\n'));
    else if (!removed.isEmpty())
        m_window->statusBar()->showMessage(tr("Removed %1").arg(removed.join(u", "_s)), StatusMessageMs);
}

// ---- Verify ------------------------------------------------------------------------------

void ImageActions::verify()
{
    const QString refusal = verifyRefusal();
    if (!refusal.isEmpty()) {
        showMessage(QMessageBox::Warning, u"verifyRefusedBox"_s, tr("Verify"), tr("The image cannot be verified now."), refusal);
        return;
    }
    startVerify(m_window->imagePath());
}

int ImageActions::startVerify(const QString &addCowPath)
{
    m_verifyJob = std::make_shared<VerifyJob>(addCowPath, true);
    m_verifyJobId = m_window->jobManager()->start(m_verifyJob, tr("Verify %1").arg(QFileInfo(addCowPath).fileName()), addCowPath);
    updateActions();
    return m_verifyJobId;
}

void ImageActions::verifyEnded(int jobId)
{
    const JobManager *jobs = m_window->jobManager();
    const QString path = jobs->addCowPath(jobId);
    const JobState state = jobs->state(jobId);
    const bool waitingCleanup = m_cleanup.verifyJobId == jobId;
    m_verifyJobId = 0;
    if (state == JobState::Cancelled) {
        m_window->statusBar()->showMessage(tr("Verify cancelled"), StatusMessageMs);
        if (waitingCleanup)
            m_cleanup = Cleanup{};
        return;
    }
    if (state == JobState::Failed) {
        showMessage(QMessageBox::Critical, u"verifyFailedBox"_s, tr("Verify"), tr("%1 could not be verified.").arg(QDir::toNativeSeparators(path)),
                    errorText(jobs->error(jobId)));
        if (waitingCleanup)
            m_cleanup = Cleanup{};
        Q_EMIT verifyFinished(jobId);
        return;
    }
    m_lastVerify = m_verifyJob->result();
    const VerifyResult &result = m_lastVerify;
    const bool shown = isSameFile(path, m_window->imagePath());
    if (shown) {
        m_window->document()->setFindings(result.findings);
        if (auto *dock = m_window->findChild<QDockWidget *>(u"findingsDock"_s)) {
            dock->show();
            dock->raise();
        }
        if (m_window->image()) {
            QList<ClusterRange> ranges;
            for (const ByteRange &range : result.unreadable)
                ranges.append(ClusterRange::forBytes(range.offsetBytes, range.lengthBytes));
            m_window->heatmap()->setUnreadableRanges(ranges);
        }
    }

    qsizetype errors = 0;
    qsizetype warnings = 0;
    for (const Finding &finding : result.findings) {
        errors += finding.severity == Severity::Error;
        warnings += finding.severity == Severity::Warning;
    }
    // Warnings do not stop the removal after a commit, but they are reported.
    const bool usable = errors == 0 && result.unreadable.isEmpty() && result.dataChecked;
    const bool clean = usable && warnings == 0;
    QString text = clean ? tr("%1: no problems found.").arg(QFileInfo(path).fileName())
                         : tr("%1: %2 error(s), %3 warning(s), %4 unreadable range(s).")
                               .arg(QFileInfo(path).fileName())
                               .arg(errors)
                               .arg(warnings)
                               .arg(result.unreadable.size());
    QStringList details;
    if (result.dataChecked)
        details.append(tr("SHA-256 of the virtual disk:\n%1").arg(QString::fromLatin1(result.sha256.toHex())));
    else
        details.append(tr("The data pass did not run to the end; no SHA-256."));
    for (qsizetype i = 0; i < result.unreadable.size() && i < MaxListedRanges; ++i) {
        const ByteRange &range = result.unreadable[i];
        details.append(tr("Unreadable: bytes 0x%1–0x%2 (%3)")
                           .arg(QString::number(range.offsetBytes, 16), QString::number(range.offsetBytes + range.lengthBytes - 1, 16),
                                SizeParser::formatHuman(range.lengthBytes)));
    }
    if (result.unreadable.size() > MaxListedRanges)
        details.append(tr("… and %1 more unreadable ranges (marked in the map)").arg(result.unreadable.size() - MaxListedRanges));
    if (!result.findings.isEmpty())
        details.append(tr("The findings are listed in the Findings panel."));
    m_lastVerifySummary = text + u"\n\n"_s + details.join(u"\n\n"_s);
    showMessage(clean ? QMessageBox::Information : QMessageBox::Warning, u"verifySummaryBox"_s, tr("Verify"), text, details.join(u"\n\n"_s));
    Q_EMIT verifyFinished(jobId);

    if (waitingCleanup) {
        if (usable) {
            removeFilesAfterCommit();
        } else {
            m_cleanup = Cleanup{};
            m_window->statusBar()->showMessage(tr("The verify found problems: no file was removed"), StatusMessageMs);
        }
    }
}

// ---- File names --------------------------------------------------------------------------

void ImageActions::editNames()
{
    const QString refusal = editNamesRefusal();
    if (!refusal.isEmpty()) {
        showMessage(QMessageBox::Warning, u"editNamesRefusedBox"_s, tr("Edit File Names"), tr("The file names cannot be changed now."), refusal);
        return;
    }
    const Header &header = m_window->headerParse().header;
    auto *dialog = new EditNamesDialog(m_window->imagePath(), header.imageFileName, header.hasBackingFile() ? header.backingFileName : QByteArray(), m_window);
    bool imageBroken = false;
    bool backingBroken = false;
    if (repairableNames(m_window->headerParse(), &imageBroken, &backingBroken))
        dialog->setRepair(imageBroken, backingBroken);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { changeNames(dialog->change()); });
    dialog->open();
}

void ImageActions::locateBacking()
{
    const QString refusal = locateBackingRefusal();
    if (!refusal.isEmpty()) {
        showMessage(QMessageBox::Warning, u"locateBackingRefusedBox"_s, tr("Locate Backing File"), tr("The backing file cannot be changed now."), refusal);
        return;
    }
    const QString old = resolveStoredName(m_window->imagePath(), m_window->headerParse().header.backingFileName);
    QString start = QFileInfo(old).absolutePath();
    if (!QFileInfo(start).isDir())
        start = QFileInfo(m_window->imagePath()).absolutePath();
    const QString path = QFileDialog::getOpenFileName(m_window, tr("Locate the Backing File “%1”").arg(QFileInfo(old).fileName()), start);
    if (!path.isEmpty())
        setBackingFile(path);
}

bool ImageActions::setBackingFile(const QString &path)
{
    const QString refusal = locateBackingRefusal();
    if (!refusal.isEmpty())
        return false;
    const QString addCowPath = QFileInfo(m_window->imagePath()).absoluteFilePath();
    const Header &header = m_window->headerParse().header;
    // R16: keep the style of what was stored: a relative name stays relative to the .add-cow file.
    const bool relative = !QDir::isAbsolutePath(QString::fromUtf8(header.backingFileName));
    const QByteArray stored = QFile::encodeName(relative ? QFileInfo(addCowPath).absoluteDir().relativeFilePath(path) : QDir::cleanPath(path));
    const EditNamesDialog::Problem problem = EditNamesDialog::problemWith(addCowPath, header.imageFileName, stored, true);
    if (!problem.text.isEmpty()) {
        showMessage(QMessageBox::Warning, u"locateBackingRefusedBox"_s, tr("Locate Backing File"),
                    tr("%1 cannot be the backing file of %2.").arg(QDir::toNativeSeparators(path), QFileInfo(addCowPath).fileName()),
                    problem.details.isEmpty() ? problem.text : problem.text + u"\n\n"_s + problem.details);
        return false;
    }
    // The same change `addcow rebase -u -b` makes: the format is probed from the file chosen (R9).
    const Result<NameChange> change = backingNameChange(addCowPath, stored);
    if (!change) {
        showMessage(QMessageBox::Warning, u"locateBackingRefusedBox"_s, tr("Locate Backing File"),
                    tr("%1 cannot be the backing file of %2.").arg(QDir::toNativeSeparators(path), QFileInfo(addCowPath).fileName()), errorText(change.error()));
        return false;
    }
    NameChange only;
    only.backingFileName = change->backingFileName;
    if (change->backingFormat != header.backingFormat())
        only.backingFormat = change->backingFormat;
    return changeNames(only);
}

bool ImageActions::changeNames(const NameChange &change)
{
    const QString refusal = editNamesRefusal();
    if (!refusal.isEmpty() || (!change.imageFileName && !change.backingFileName && !change.backingFormat))
        return false;
    const QString path = QFileInfo(m_window->imagePath()).absoluteFilePath();
    const Header &header = m_window->headerParse().header;
    NameChange after = change;
    NameChange before;
    bool formatBroken = false;
    if (repairableNames(m_window->headerParse(), nullptr, nullptr, &formatBroken)) {
        // A repair: undo puts the broken header back byte for byte, as there are no names to restore.
        before.headerBytes = m_window->document()->headerBytes();
        const QByteArray backingName = change.backingFileName.value_or(header.backingFileName);
        if (formatBroken && !change.backingFormat && !backingName.isEmpty()) {
            // R9: as rebase -u, the format of the file the name leads to.
            const Result<NameChange> probed = backingNameChange(path, backingName);
            if (!probed) {
                showMessage(QMessageBox::Warning, u"editNamesRefusedBox"_s, tr("Edit File Names"), tr("The file names cannot be changed now."),
                            errorText(probed.error()));
                return false;
            }
            after.backingFormat = probed->backingFormat;
        }
    } else {
        if (change.imageFileName)
            before.imageFileName = header.imageFileName;
        if (change.backingFileName)
            before.backingFileName = header.backingFileName;
        if (change.backingFormat)
            before.backingFormat = header.backingFormat();
    }
    if (!m_undoPath.isEmpty() && !isSameFile(m_undoPath, path))
        m_nameUndoStack->clear();
    m_undoPath = path;
    // push() calls redo(), which starts the rewrite job.
    m_nameUndoStack->push(new NameChangeCommand(path, before, after, [this](const QString &p, const NameChange &c) { applyNames(p, c); }));
    return true;
}

void ImageActions::applyNames(const QString &addCowPath, const NameChange &change)
{
    m_nameJobId = m_window->jobManager()->start(std::make_shared<NameRewriteJob>(addCowPath, change),
                                                tr("Rewrite the file names in %1").arg(QFileInfo(addCowPath).fileName()), addCowPath);
    updateActions();
}

void ImageActions::nameJobEnded(int jobId)
{
    const JobManager *jobs = m_window->jobManager();
    const QString path = jobs->addCowPath(jobId);
    const bool ok = jobs->state(jobId) == JobState::Done || jobs->state(jobId) == JobState::DoneWithWarnings;
    m_nameJobId = 0;
    if (!ok) {
        // The header on disk is what it was before this step; the history no longer matches it.
        m_nameUndoStack->clear();
        showMessage(QMessageBox::Critical, u"namesFailedBox"_s, tr("Edit File Names"),
                    tr("The file names in %1 could not be rewritten; the file is unchanged.").arg(QDir::toNativeSeparators(path)),
                    errorText(jobs->error(jobId)));
    } else {
        m_window->statusBar()->showMessage(tr("File names rewritten"), StatusMessageMs);
    }
    if (isSameFile(path, m_window->imagePath()))
        m_window->reloadImage();
    Q_EMIT namesRewritten(ok);
}

} // namespace AddCow
