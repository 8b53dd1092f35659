// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "createwizardaddcowpage.h"

#include "problemlabel.h"

#include "createrefusals.h"
#include "createwizardbackingpage.h"
#include "createwizardimagepage.h"
#include "fileidentity.h"
#include "findingcode.h"
#include "image.h"
#include "ruletext.h"

#include <QCheckBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace AddCow
{

CreateWizardAddCowPage::CreateWizardAddCowPage(const CreateWizardBackingPage *backingPage, const CreateWizardImagePage *imagePage, QWidget *parent)
    : QWizardPage(parent)
    , m_backingPage(backingPage)
    , m_imagePage(imagePage)
    , m_path(new QLineEdit(this))
    , m_browse(new QPushButton(tr("Bro&wse…"), this))
    , m_overwrite(new QCheckBox(tr("&Replace the existing .add-cow file (its bitmap is lost)"), this))
    , m_message(new ProblemLabel(this))
{
    setTitle(tr("The .add-cow File"));
    setSubTitle(tr("The small file that holds the header and the copy-on-write bitmap: one bit per 64 KiB cluster "
                   "saying whether the image file already has that cluster."));
    m_path->setObjectName(u"addCowPathEdit"_s);
    m_path->setClearButtonEnabled(true);
    m_browse->setObjectName(u"addCowBrowseButton"_s);
    m_overwrite->setObjectName(u"overwriteCheck"_s);
    m_message->setObjectName(u"addCowMessageLabel"_s);

    auto *pathLabel = new QLabel(tr("&.add-cow file:"), this);
    pathLabel->setBuddy(m_path);
    auto *layout = new QGridLayout(this);
    layout->addWidget(pathLabel, 0, 0);
    layout->addWidget(m_path, 0, 1);
    layout->addWidget(m_browse, 0, 2);
    layout->addWidget(m_overwrite, 1, 1, 1, 2);
    layout->addWidget(m_message, 2, 1, 1, 2);
    layout->setRowStretch(3, 1);
    layout->setColumnStretch(1, 1);

    connect(m_path, &QLineEdit::textChanged, this, &CreateWizardAddCowPage::check);
    connect(m_overwrite, &QCheckBox::toggled, this, &CreateWizardAddCowPage::check);
    connect(m_browse, &QPushButton::clicked, this, &CreateWizardAddCowPage::browse);
}

QString CreateWizardAddCowPage::addCowPath() const
{
    return FileIdentity::absolutePath(m_path->text().trimmed());
}

bool CreateWizardAddCowPage::overwrite() const
{
    return m_overwrite->isVisible() && m_overwrite->isChecked() && QFileInfo::exists(addCowPath());
}

bool CreateWizardAddCowPage::isComplete() const
{
    return m_problem.isEmpty();
}

bool CreateWizardAddCowPage::validatePage()
{
    check(); // files may have changed since the last edit
    return isComplete();
}

QString CreateWizardAddCowPage::defaultPath() const
{
    const QFileInfo image(m_imagePage->imagePath());
    return QDir::toNativeSeparators(image.absoluteDir().filePath(image.completeBaseName() + u".add-cow"_s));
}

void CreateWizardAddCowPage::initializePage()
{
    // Follow the image file's name until the user types another one.
    const QString suggested = defaultPath();
    if (m_path->text().isEmpty() || m_path->text() == m_lastDefault)
        m_path->setText(suggested);
    m_lastDefault = suggested;
    check();
}

void CreateWizardAddCowPage::browse()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Choose the .add-cow File"), addCowPath(),
                                                      tr("add-cow images (*.add-cow);;All files (*)"), nullptr,
                                                      QFileDialog::DontConfirmOverwrite);
    if (!path.isEmpty())
        m_path->setText(QDir::toNativeSeparators(path));
}

void CreateWizardAddCowPage::check()
{
    const QString path = addCowPath();
    const QFileInfo info(path);
    const bool exists = !path.isEmpty() && info.exists();
    m_overwrite->setVisible(exists && info.isFile());
    m_problem.clear();
    m_problemRule = 0;
    if (path.isEmpty()) {
        m_problem = tr("Choose where to write the .add-cow file.");
    } else if (isSameFile(path, m_imagePage->imagePath())) {
        m_problem = tr("The .add-cow file cannot be the image file.");
        m_problemRule = 17;
    } else if (m_backingPage->hasBackingFile() && isSameFile(path, m_backingPage->backingPath())) {
        m_problem = tr("The .add-cow file cannot be the backing file.");
        m_problemRule = 17;
    } else if (const Result<void> usable = checkCreateAddCow(path, m_overwrite->isChecked()); !usable) {
        // R20: decided as `addcow create` decides it (checkCreateAddCow).
        if (usable.error().finding == FindingCode::AddCowFileExists)
            m_problem = tr("%1 already exists. Check “Replace” to overwrite it.").arg(QDir::toNativeSeparators(path));
        else
            m_problem = problemText(usable.error());
        m_problemRule = usable.error().rule;
    }
    m_message->setProblem(m_problem, m_problemRule);
    Q_EMIT completeChanged();
}

} // namespace AddCow
