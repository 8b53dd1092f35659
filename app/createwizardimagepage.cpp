// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "createwizardimagepage.h"

#include "problemlabel.h"

#include "createwizardbackingpage.h"
#include "createrefusals.h"
#include "fileidentity.h"
#include "image.h"
#include "filesystemroom.h"
#include "format.h"
#include "newimagesize.h"
#include "ruletext.h"
#include "sizeparser.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QStorageInfo>

#include <cerrno>

using namespace Qt::StringLiterals;

namespace AddCow
{

QString sizeFieldText(quint64 sizeBytes)
{
    static const struct {
        quint64 factor;
        char suffix;
    } units[] = {{quint64(1) << 40, 'T'}, {quint64(1) << 30, 'G'}, {quint64(1) << 20, 'M'}, {quint64(1) << 10, 'K'}};
    for (const auto &unit : units) {
        if (sizeBytes >= unit.factor && sizeBytes % unit.factor == 0)
            return QString::number(sizeBytes / unit.factor) + QLatin1Char(unit.suffix);
    }
    return QString::number(sizeBytes);
}

namespace
{
/** Why FileSystemRoom refused, in the words of this page. */
QString roomProblem(const Error &error, quint64 virtualSizeBytes, bool preallocate)
{
    const QString folder = QFileInfo(error.path.section(u", "_s, 0, 0)).absolutePath();
    if (error.errnoValue == EFBIG)
        return CreateWizardImagePage::tr("The file system of %1 cannot hold a file of %2.").arg(QDir::toNativeSeparators(folder), SizeParser::formatHuman(virtualSizeBytes));
    if (error.errnoValue == ENOSPC) {
        const quint64 bitmapBytes = bitmapRegionBytesFor(clusterCountFor(virtualSizeBytes));
        const Result<quint64> available = FileSystemRoom::freeBytes(folder);
        const QString free = available ? SizeParser::formatHuman(available.value()) : QString();
        return preallocate ? CreateWizardImagePage::tr("Not enough free space in %1: the fully allocated image and its bitmap need %2, %3 is free.")
                                 .arg(QDir::toNativeSeparators(folder), SizeParser::formatHuman(virtualSizeBytes + bitmapBytes), free)
                           : CreateWizardImagePage::tr("Not enough free space in %1 for the bitmap: a disk of %2 needs %3 of bitmap (one bit per 64 KiB cluster), %4 is free.")
                                 .arg(QDir::toNativeSeparators(folder), SizeParser::formatHuman(virtualSizeBytes), SizeParser::formatHuman(bitmapBytes), free);
    }
    return errorText(error);
}
}

CreateWizardImagePage::CreateWizardImagePage(const CreateWizardBackingPage *backingPage, QWidget *parent)
    : QWizardPage(parent)
    , m_backingPage(backingPage)
    , m_path(new QLineEdit(this))
    , m_browse(new QPushButton(tr("B&rowse…"), this))
    , m_existing(new QLabel(this))
    , m_size(new QLineEdit(this))
    , m_sparse(new QRadioButton(tr("&Sparse: blocks are allocated when written"), this))
    , m_full(new QRadioButton(tr("&Fully allocated: reserve every block now"), this))
    , m_space(new QLabel(this))
    , m_force(new QCheckBox(tr("Allow an image &smaller than the backing file"), this))
    , m_forceWarning(new QLabel(this))
    , m_message(new ProblemLabel(this))
{
    setTitle(tr("Raw Image File"));
    setSubTitle(tr("The file that receives every write. An existing file is used as it is, never truncated; "
                   "a new one is created with the size you give."));
    m_path->setObjectName(u"imagePathEdit"_s);
    m_path->setPlaceholderText(tr("Path of the raw image file (new or existing)"));
    m_path->setClearButtonEnabled(true);
    m_browse->setObjectName(u"imageBrowseButton"_s);
    m_existing->setObjectName(u"imageExistingLabel"_s);
    m_existing->setWordWrap(true);
    m_size->setObjectName(u"imageSizeEdit"_s);
    m_size->setPlaceholderText(tr("e.g. 10G, 512M, 1.5T"));
    m_size->setToolTip(tr("Bytes, or a number with K, M, G or T (binary: 1K = 1024 bytes)"));
    m_sparse->setObjectName(u"sparseRadio"_s);
    m_full->setObjectName(u"fullyAllocatedRadio"_s);
    m_sparse->setChecked(true);
    auto *allocation = new QButtonGroup(this);
    allocation->addButton(m_sparse);
    allocation->addButton(m_full);
    m_space->setObjectName(u"freeSpaceLabel"_s);
    m_space->setWordWrap(true);
    m_force->setObjectName(u"forceCheck"_s);
    m_forceWarning->setObjectName(u"forceWarningLabel"_s);
    m_forceWarning->setWordWrap(true);
    m_forceWarning->setText(tr("Warning: the part of the backing file past the image's end is no longer part of the disk."));
    m_forceWarning->setToolTip(tr("Rule R%1: %2").arg(20).arg(ruleText(20)));
    m_message->setObjectName(u"imageMessageLabel"_s);

    auto *pathLabel = new QLabel(tr("&Image file:"), this);
    pathLabel->setBuddy(m_path);
    auto *sizeLabel = new QLabel(tr("Si&ze:"), this);
    sizeLabel->setBuddy(m_size);
    auto *layout = new QGridLayout(this);
    layout->addWidget(pathLabel, 0, 0);
    layout->addWidget(m_path, 0, 1);
    layout->addWidget(m_browse, 0, 2);
    layout->addWidget(m_existing, 1, 1, 1, 2);
    layout->addWidget(sizeLabel, 2, 0);
    layout->addWidget(m_size, 2, 1, 1, 2);
    layout->addWidget(m_sparse, 3, 1, 1, 2);
    layout->addWidget(m_full, 4, 1, 1, 2);
    layout->addWidget(m_space, 5, 1, 1, 2);
    layout->addWidget(m_force, 6, 1, 1, 2);
    layout->addWidget(m_forceWarning, 7, 1, 1, 2);
    layout->addWidget(m_message, 8, 1, 1, 2);
    layout->setRowStretch(9, 1);
    layout->setColumnStretch(1, 1);

    // Typing must not make the page jump: the lines that come and go keep their room
    // (two lines each for the texts that wrap).
    const int twoLines = 2 * fontMetrics().lineSpacing();
    for (QLabel *label : {m_existing, m_space, m_forceWarning, static_cast<QLabel *>(m_message)})
        label->setMinimumHeight(twoLines);
    for (QWidget *widget : std::initializer_list<QWidget *>{m_force, m_forceWarning}) {
        QSizePolicy policy = widget->sizePolicy();
        policy.setRetainSizeWhenHidden(true);
        widget->setSizePolicy(policy);
    }

    connect(m_path, &QLineEdit::textChanged, this, &CreateWizardImagePage::check);
    connect(m_size, &QLineEdit::textEdited, this, [this] { m_sizeEdited = true; });
    connect(m_size, &QLineEdit::textChanged, this, &CreateWizardImagePage::check);
    connect(m_full, &QRadioButton::toggled, this, &CreateWizardImagePage::check);
    connect(m_force, &QCheckBox::toggled, this, &CreateWizardImagePage::check);
    connect(m_browse, &QPushButton::clicked, this, &CreateWizardImagePage::browse);
    check();
}

QString CreateWizardImagePage::imagePath() const
{
    return FileIdentity::absolutePath(m_path->text().trimmed());
}

std::optional<quint64> CreateWizardImagePage::newSizeBytes() const
{
    if (m_exists)
        return std::nullopt;
    return m_virtualSizeBytes;
}

bool CreateWizardImagePage::preallocate() const
{
    return !m_exists && m_full->isChecked();
}

bool CreateWizardImagePage::force() const
{
    return m_force->isChecked();
}

bool CreateWizardImagePage::isComplete() const
{
    return m_problem.isEmpty();
}

bool CreateWizardImagePage::validatePage()
{
    check(); // files may have changed since the last edit
    return isComplete();
}

void CreateWizardImagePage::initializePage()
{
    // The size follows the backing file until the user types one (R20: default is its size).
    if (!m_sizeEdited && m_backingPage->hasBackingFile())
        m_size->setText(sizeFieldText(m_backingPage->backingSizeBytes()));
    if (m_path->text().isEmpty() && m_backingPage->hasBackingFile()) {
        const QFileInfo backing(m_backingPage->backingPath());
        m_path->setText(QDir::toNativeSeparators(backing.absoluteDir().filePath(backing.completeBaseName() + u"-image.raw"_s)));
    }
    check();
}

void CreateWizardImagePage::browse()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Choose the Raw Image File"), QFileInfo(imagePath()).absolutePath(),
                                                      tr("Raw disk images (*.raw *.img);;All files (*)"), nullptr,
                                                      QFileDialog::DontConfirmOverwrite);
    if (!path.isEmpty())
        m_path->setText(QDir::toNativeSeparators(path));
}

void CreateWizardImagePage::check()
{
    const QString path = imagePath();
    const QFileInfo info(path);
    m_exists = !path.isEmpty() && info.exists();
    m_problem.clear();
    m_problemRule = 0;
    m_virtualSizeBytes = 0;
    m_existing->clear();
    m_space->clear();

    const bool hasBacking = m_backingPage->hasBackingFile();
    const quint64 backingSize = m_backingPage->backingSizeBytes();
    m_size->setEnabled(!m_exists);
    m_sparse->setEnabled(!m_exists);
    m_full->setEnabled(!m_exists);

    if (path.isEmpty()) {
        m_problem = tr("Choose the raw image file.");
    } else if (hasBacking && isSameFile(path, m_backingPage->backingPath())) {
        m_problem = tr("The image file and the backing file are the same file; they must be different.");
        m_problemRule = 17;
    } else if (const Result<void> usable = checkCreateImage({QFile::encodeName(QFileInfo(path).fileName()), path}); !usable) {
        // R20: decided as `addcow create` decides it: an existing file is a regular file used
        // as it is and written; a new one goes in a folder that takes new files.
        m_problem = problemText(usable.error());
        m_problemRule = usable.error().rule;
    } else if (m_exists) {
        m_virtualSizeBytes = quint64(info.size());
        m_existing->setText(tr("Existing file of %1: used as it is, never truncated or shrunk.").arg(SizeParser::formatHumanWithBytes(m_virtualSizeBytes)));
    } else {
        const QFileInfo dir(info.absolutePath());
        const Result<quint64> size = SizeParser::parse(m_size->text().trimmed());
        if (m_size->text().trimmed().isEmpty()) {
            m_problem = tr("Enter the size of the new image file.");
        } else if (!size) {
            m_problem = tr("“%1” is not a size: use bytes or a number with K, M, G or T.").arg(m_size->text().trimmed());
        } else {
            m_virtualSizeBytes = size.value();
            m_existing->setText(tr("A new file of %1 is created.").arg(SizeParser::formatHumanWithBytes(m_virtualSizeBytes)));
        }
        if (m_problem.isEmpty()) {
            const QStorageInfo storage(dir.absoluteFilePath());
            const quint64 available = quint64(std::max<qint64>(storage.bytesAvailable(), 0));
            m_space->setText(tr("Free space in %1: %2").arg(QDir::toNativeSeparators(storage.rootPath()), SizeParser::formatHumanWithBytes(available)));
        }
    }
    if (m_problem.isEmpty() && m_virtualSizeBytes > 0) {
        // The same question `addcow create` asks first: can the file system hold the image file,
        // and is there room for the bitmap (and a preallocated image)? The .add-cow file is
        // assumed beside the image (the next page's default) until it is chosen.
        const QString addCowPath = QFileInfo(path).absoluteDir().filePath(QFileInfo(path).completeBaseName() + u".add-cow"_s);
        const Result<void> room = FileSystemRoom::checkCreate(addCowPath, path, m_virtualSizeBytes, !m_exists, preallocate());
        if (!room) {
            m_problem = roomProblem(room.error(), m_virtualSizeBytes, preallocate());
            m_problemRule = 20;
        }
    }
    // R11/R20: the size, decided as `addcow create` decides it (newImageSize). Every size is a
    // disk, 0 bytes too; one smaller than the backing disk needs Force.
    bool tooSmall = false;
    if (m_problem.isEmpty()) {
        const Result<quint64> sized = newImageSize(path, m_exists ? std::optional(m_virtualSizeBytes) : std::nullopt,
                                                   m_exists ? std::nullopt : std::optional(m_virtualSizeBytes),
                                                   hasBacking ? std::optional(backingSize) : std::nullopt, m_force->isChecked());
        tooSmall = hasBacking && m_virtualSizeBytes < backingSize;
        if (!sized && sized.error().finding == FindingCode::ImageSmallerThanBacking) {
            m_problem = tr("The image (%1) is smaller than the backing file (%2): the backing file's tail would be dropped.")
                            .arg(SizeParser::formatHuman(m_virtualSizeBytes), SizeParser::formatHuman(backingSize));
            m_problemRule = 20;
        } else if (!sized) {
            m_problem = errorText(sized.error());
            m_problemRule = sized.error().rule;
        }
    }
    m_force->setVisible(tooSmall);
    m_forceWarning->setVisible(tooSmall && m_force->isChecked());
    m_message->setProblem(m_problem, m_problemRule);
    Q_EMIT completeChanged();
}

} // namespace AddCow
