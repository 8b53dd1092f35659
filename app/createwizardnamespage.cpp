// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "createwizardnamespage.h"

#include "problemlabel.h"

#include "createwizardaddcowpage.h"
#include "createwizardbackingpage.h"
#include "createwizardimagepage.h"
#include "format.h"
#include "heightforwidthkeeper.h"
#include "image.h"
#include "namesfit.h"

#include <QButtonGroup>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFontDatabase>
#include <QGroupBox>
#include <QLabel>
#include <QRadioButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace AddCow
{

namespace
{
constexpr int MaxShownBytes = 48; // the hex dump of a long name is cut here
}

CreateWizardNamesPage::CreateWizardNamesPage(const CreateWizardBackingPage *backingPage, const CreateWizardImagePage *imagePage,
                                             const CreateWizardAddCowPage *addCowPage, QWidget *parent)
    : QWizardPage(parent)
    , m_backingPage(backingPage)
    , m_imagePage(imagePage)
    , m_addCowPage(addCowPage)
    , m_relative(new QRadioButton(tr("&Relative to the .add-cow file's folder (the three files can be moved together)"), this))
    , m_absolute(new QRadioButton(tr("&Absolute paths (the .add-cow file can be moved alone)"), this))
    , m_imageName(new QLabel(this))
    , m_backingName(new QLabel(this))
    , m_message(new ProblemLabel(this))
{
    setTitle(tr("Stored File Names"));
    setSubTitle(tr("The header stores the names of the image and backing files as bytes. A relative name is "
                   "resolved against the folder of the .add-cow file, never the current folder."));
    m_relative->setObjectName(u"relativeNamesRadio"_s);
    m_absolute->setObjectName(u"absoluteNamesRadio"_s);
    m_relative->setChecked(true);
    auto *group = new QButtonGroup(this);
    group->addButton(m_relative);
    group->addButton(m_absolute);
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    for (QLabel *label : {m_imageName, m_backingName}) {
        label->setFont(fixed);
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        label->setTextFormat(Qt::PlainText);
    }
    // QWizard does not ask pages for their height at a width: the second line ("Resolves to:") was cut off.
    m_heightKeeper = new HeightForWidthKeeper(this);
    m_imageName->setObjectName(u"storedImageNameLabel"_s);
    m_backingName->setObjectName(u"storedBackingNameLabel"_s);
    m_message->setObjectName(u"namesMessageLabel"_s);

    auto *imageBox = new QGroupBox(tr("Image file name"), this);
    (new QVBoxLayout(imageBox))->addWidget(m_imageName);
    auto *backingBox = new QGroupBox(tr("Backing file name"), this);
    (new QVBoxLayout(backingBox))->addWidget(m_backingName);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_relative);
    layout->addWidget(m_absolute);
    layout->addWidget(imageBox);
    layout->addWidget(backingBox);
    layout->addWidget(m_message);
    layout->addStretch(1);

    connect(m_relative, &QRadioButton::toggled, this, &CreateWizardNamesPage::check);
}

bool CreateWizardNamesPage::storesRelativeNames() const
{
    return m_relative->isChecked();
}

QByteArray CreateWizardNamesPage::storedName(const QString &addCowPath, const QString &path, bool relative)
{
    if (path.isEmpty())
        return {};
    if (!relative)
        return QFile::encodeName(QDir::cleanPath(path));
    return QFile::encodeName(QFileInfo(addCowPath).absoluteDir().relativeFilePath(path));
}

QString CreateWizardNamesPage::describeBytes(const QByteArray &bytes)
{
    QString hex = QString::fromLatin1(bytes.left(MaxShownBytes).toHex(' '));
    if (bytes.size() > MaxShownBytes)
        hex += u" …"_s;
    return tr("“%1” — %n byte(s): %2", nullptr, int(bytes.size())).arg(QString::fromUtf8(bytes), hex);
}

QByteArray CreateWizardNamesPage::imageFileName() const
{
    return storedName(m_addCowPage->addCowPath(), m_imagePage->imagePath(), storesRelativeNames());
}

QByteArray CreateWizardNamesPage::backingFileName() const
{
    if (!m_backingPage->hasBackingFile())
        return {};
    return storedName(m_addCowPage->addCowPath(), m_backingPage->backingPath(), storesRelativeNames());
}

bool CreateWizardNamesPage::isComplete() const
{
    return m_problem.isEmpty();
}

bool CreateWizardNamesPage::validatePage()
{
    check(); // files may have changed since the last edit
    return isComplete();
}

void CreateWizardNamesPage::initializePage()
{
    check();
}

void CreateWizardNamesPage::check()
{
    const QString addCowPath = m_addCowPage->addCowPath();
    const QByteArray image = imageFileName();
    const QByteArray backing = backingFileName();
    m_imageName->setText(tr("Stored: %1\nResolves to: %2").arg(describeBytes(image), QDir::toNativeSeparators(resolveStoredName(addCowPath, image))));
    if (m_backingPage->hasBackingFile())
        m_backingName->setText(tr("Stored: %1\nResolves to: %2").arg(describeBytes(backing), QDir::toNativeSeparators(resolveStoredName(addCowPath, backing))));
    else
        m_backingName->setText(tr("None: no backing file is stored (its offset and size are 0)."));

    m_problem.clear();
    m_problemRule = 0;
    // R5: decided as `addcow create` decides it (checkNamesFit): header pages size 1 (R20),
    // names from byte 80 to 4095, no NUL byte.
    if (const Result<void> fit = checkNamesFit(m_addCowPage->addCowPath(), image, backing); !fit) {
        if (fit.error().finding == FindingCode::NamesDoNotFit)
            m_problem = tr("The names take %1 bytes; at most %2 fit in the header. Use relative names or shorter paths.")
                            .arg(image.size() + backing.size())
                            .arg(HeaderPageBytes - NameAreaOffset);
        else
            m_problem = tr("A name contains a NUL byte.");
        m_problemRule = 5;
    }
    m_message->setProblem(m_problem, m_problemRule);
    m_heightKeeper->update();
    Q_EMIT completeChanged();
}

} // namespace AddCow
