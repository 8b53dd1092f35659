// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "createwizardprogresspage.h"

#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace AddCow
{

namespace
{
constexpr int ProgressSteps = 1000;
}

CreateWizardProgressPage::CreateWizardProgressPage(QWidget *parent)
    : QWizardPage(parent)
    , m_bar(new QProgressBar(this))
    , m_status(new QLabel(this))
    , m_changeSettings(new QPushButton(tr("&Change Settings and Try Again"), this))
{
    m_bar->setObjectName(u"createProgressBar"_s);
    m_status->setObjectName(u"createStatusLabel"_s);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_changeSettings->setObjectName(u"changeSettingsButton"_s);
    m_changeSettings->setToolTip(tr("Back to the review, where Back leads to every earlier page"));
    connect(m_changeSettings, &QPushButton::clicked, this, &CreateWizardProgressPage::changeSettingsRequested);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_bar);
    layout->addWidget(m_status);
    layout->addWidget(m_changeSettings, 0, Qt::AlignLeft);
    layout->addStretch(1);
    reset();
}

void CreateWizardProgressPage::reset()
{
    setTitle(tr("Creating"));
    setSubTitle(tr("Cancel stops the job and removes what it made so far."));
    m_bar->setRange(0, 0);
    m_status->clear();
    m_changeSettings->hide();
    m_succeeded = false;
}

void CreateWizardProgressPage::setProgress(quint64 doneBytes, quint64 totalBytes)
{
    if (totalBytes == 0)
        return;
    m_bar->setRange(0, ProgressSteps);
    m_bar->setValue(int(double(doneBytes) / double(totalBytes) * ProgressSteps));
}

void CreateWizardProgressPage::setFinished(bool succeeded, const QString &text)
{
    m_succeeded = succeeded;
    m_bar->setRange(0, ProgressSteps);
    m_bar->setValue(succeeded ? ProgressSteps : 0);
    m_status->setText(text);
    setTitle(succeeded ? tr("Created") : tr("Not Created"));
    setSubTitle(succeeded ? tr("Done: the new image is open in the inspector.") : tr("What the job had made so far was removed; nothing half-made is left."));
    m_changeSettings->setVisible(!succeeded);
    Q_EMIT completeChanged();
}

void CreateWizardProgressPage::setStatus(const QString &text)
{
    m_status->setText(text);
}

QString CreateWizardProgressPage::statusText() const
{
    return m_status->text();
}

bool CreateWizardProgressPage::isComplete() const
{
    return m_succeeded;
}

} // namespace AddCow
