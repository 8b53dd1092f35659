// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "createwizard.h"

#include "createwizardaddcowpage.h"
#include "createwizardbackingpage.h"
#include "createwizardimagepage.h"
#include "createwizardnamespage.h"
#include "createwizardprogresspage.h"
#include "createwizardreviewpage.h"
#include "jobmanager.h"
#include "ruletext.h"

#include <QAbstractButton>
#include <QDir>
#include <QFileInfo>
#include <QLineEdit>
#include <QMessageBox>

using namespace Qt::StringLiterals;

namespace AddCow
{

CreateWizard::CreateWizard(JobManager *jobManager, QWidget *parent)
    : QWizard(parent)
    , m_jobManager(jobManager)
{
    setObjectName(u"createWizard"_s);
    setWindowTitle(tr("New add-cow Image"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnLastPage, true);
    setOption(QWizard::NoCancelButtonOnLastPage, false);

    m_backingPage = new CreateWizardBackingPage(this);
    m_imagePage = new CreateWizardImagePage(m_backingPage, this);
    m_addCowPage = new CreateWizardAddCowPage(m_backingPage, m_imagePage, this);
    m_namesPage = new CreateWizardNamesPage(m_backingPage, m_imagePage, m_addCowPage, this);
    m_reviewPage = new CreateWizardReviewPage(m_backingPage, m_imagePage, m_addCowPage, m_namesPage, [this] { return startCreate(); }, this);
    m_progressPage = new CreateWizardProgressPage(this);
    setPage(BackingPageId, m_backingPage);
    setPage(ImagePageId, m_imagePage);
    setPage(AddCowPageId, m_addCowPage);
    setPage(NamesPageId, m_namesPage);
    setPage(ReviewPageId, m_reviewPage);
    setPage(ProgressPageId, m_progressPage);
    setStartId(BackingPageId);

    connect(m_jobManager, &JobManager::jobProgress, this, &CreateWizard::jobProgress);
    connect(m_jobManager, &JobManager::jobFinished, this, &CreateWizard::jobFinished);
    connect(m_progressPage, &CreateWizardProgressPage::changeSettingsRequested, this, &CreateWizard::changeSettings);

    // What the user typed or chose: Esc or Cancel must not throw it away unasked.
    for (QWizardPage *page : {static_cast<QWizardPage *>(m_backingPage), static_cast<QWizardPage *>(m_imagePage),
                              static_cast<QWizardPage *>(m_addCowPage), static_cast<QWizardPage *>(m_namesPage)}) {
        for (QLineEdit *edit : page->findChildren<QLineEdit *>())
            connect(edit, &QLineEdit::textEdited, this, [this] { m_userInput = true; });
        for (QAbstractButton *button : page->findChildren<QAbstractButton *>())
            connect(button, &QAbstractButton::clicked, this, [this] { m_userInput = true; });
    }
}

CreateOptions CreateWizard::createOptions() const
{
    CreateOptions options;
    options.addCowPath = m_addCowPage->addCowPath();
    options.imageFileName = m_namesPage->imageFileName();
    options.backingFileName = m_namesPage->backingFileName();
    options.backingFormat = m_backingPage->backingFormat();
    options.sizeBytes = m_imagePage->newSizeBytes();
    options.preallocate = m_imagePage->preallocate();
    options.force = m_imagePage->force();
    options.overwrite = m_addCowPage->overwrite();
    return options;
}

bool CreateWizard::startCreate()
{
    if (m_jobId != 0)
        return true;
    const CreateOptions options = createOptions();
    if (options.overwrite) {
        // R20: replacing an .add-cow file loses its bitmap; ask once more, explicitly.
        const auto answer = QMessageBox::warning(this, tr("Replace .add-cow File"),
                                                 tr("%1 exists. Replace it? Its bitmap, and with it every cluster written "
                                                    "through it, is lost.")
                                                     .arg(QDir::toNativeSeparators(options.addCowPath)),
                                                 QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        if (answer != QMessageBox::Yes)
            return false;
    }
    m_progressPage->setStatus(tr("Creating %1…").arg(QDir::toNativeSeparators(options.addCowPath)));
    m_jobId = m_jobManager->start(std::make_shared<CreateJob>(options),
                                  tr("Create %1").arg(QFileInfo(options.addCowPath).fileName()), options.addCowPath);
    return true;
}

void CreateWizard::jobProgress(int jobId, quint64 doneBytes, quint64 totalBytes)
{
    if (jobId == m_jobId)
        m_progressPage->setProgress(doneBytes, totalBytes);
}

void CreateWizard::jobFinished(int jobId)
{
    if (jobId != m_jobId)
        return;
    const JobState state = m_jobManager->state(jobId);
    if (QAbstractButton *cancel = button(QWizard::CancelButton))
        cancel->setEnabled(true);
    switch (state) {
    case JobState::Done:
    case JobState::DoneWithWarnings: {
        const QString path = m_jobManager->addCowPath(jobId);
        m_progressPage->setFinished(true, tr("Created %1.").arg(QDir::toNativeSeparators(path)));
        if (QAbstractButton *cancel = button(QWizard::CancelButton))
            cancel->setEnabled(false);
        Q_EMIT imageCreated(path);
        break;
    }
    case JobState::Cancelled:
        m_progressPage->setFinished(false, tr("Cancelled."));
        break;
    case JobState::Failed:
        m_progressPage->setFinished(false, tr("Creating failed: %1").arg(errorText(m_jobManager->error(jobId))));
        break;
    case JobState::Running:
        break;
    }
    if (m_closeWhenStopped)
        QWizard::reject();
}

// After a failed or cancelled create (which left nothing behind), back to the review page:
// Back is not offered past a commit page, so the wizard steps back itself, and the next
// Create starts a new job with whatever was changed.
void CreateWizard::changeSettings()
{
    if (m_jobId == 0 || m_jobManager->state(m_jobId) == JobState::Running || m_progressPage->hasSucceeded())
        return;
    m_jobId = 0;
    m_progressPage->reset();
    back();
}

void CreateWizard::reject()
{
    if (m_jobId == 0 || m_jobManager->state(m_jobId) != JobState::Running) {
        const bool created = m_jobId != 0 && m_progressPage->hasSucceeded();
        if (m_userInput && !created) {
            QMessageBox box(QMessageBox::Question, tr("Close the Wizard"), tr("Discard the settings of the new image?"),
                            QMessageBox::Discard | QMessageBox::Cancel, this);
            box.setObjectName(u"discardSettingsBox"_s);
            box.setInformativeText(tr("Nothing has been created yet."));
            box.setDefaultButton(QMessageBox::Cancel);
            if (box.exec() != QMessageBox::Discard)
                return;
        }
        QWizard::reject();
        return;
    }
    if (m_closeWhenStopped)
        return; // already stopping
    const auto answer = QMessageBox::question(this, tr("Cancel Creating"),
                                              tr("Stop creating the image? What was made so far is removed."),
                                              QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer != QMessageBox::Yes || m_jobManager->state(m_jobId) != JobState::Running)
        return;
    m_closeWhenStopped = true;
    m_progressPage->setStatus(tr("Cancelling…"));
    if (QAbstractButton *cancel = button(QWizard::CancelButton))
        cancel->setEnabled(false);
    m_jobManager->requestCancel(m_jobId);
}

} // namespace AddCow
