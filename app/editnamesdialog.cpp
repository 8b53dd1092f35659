// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "editnamesdialog.h"

#include "problemlabel.h"

#include "fileidentity.h"
#include "format.h"
#include "heightforwidthkeeper.h"
#include "image.h"
#include "namesfit.h"
#include "ruletext.h"
#include "sizeparser.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace AddCow
{

EditNamesDialog::EditNamesDialog(const QString &addCowPath, const QByteArray &storedImageName, const QByteArray &storedBackingName, QWidget *parent)
    : QDialog(parent)
    , m_addCowPath(QFileInfo(addCowPath).absoluteFilePath())
    , m_storedImageName(storedImageName)
    , m_storedBackingName(storedBackingName)
    , m_hasBacking(!storedBackingName.isEmpty())
    , m_imageName(new QLineEdit(QString::fromUtf8(storedImageName), this))
    , m_backingName(new QLineEdit(QString::fromUtf8(storedBackingName), this))
    , m_imagePreview(new QLabel(this))
    , m_backingPreview(new QLabel(this))
    , m_message(new ProblemLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(u"editNamesDialog"_s);
    setWindowTitle(tr("Edit File Names"));
    auto *intro = m_intro = new QLabel(tr("Change the names stored in %1, for example after the files were moved. "
                                "Relative names are resolved against its folder. The header is rewritten whole "
                                "and renamed into place; Edit › Undo File Name Change puts the old names back.")
                                 .arg(QDir::toNativeSeparators(m_addCowPath)),
                             this);
    intro->setWordWrap(true);
    m_imageName->setObjectName(u"imageNameEdit"_s);
    m_backingName->setObjectName(u"backingNameEdit"_s);
    m_backingName->setEnabled(!storedBackingName.isEmpty());
    if (storedBackingName.isEmpty())
        m_backingName->setPlaceholderText(tr("No backing file"));
    m_imagePreview->setObjectName(u"imagePreviewLabel"_s);
    m_backingPreview->setObjectName(u"backingPreviewLabel"_s);
    for (QLabel *label : {m_imagePreview, m_backingPreview}) {
        label->setWordWrap(true);
        label->setTextFormat(Qt::PlainText);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_message->setObjectName(u"editNamesMessageLabel"_s);

    auto *imageLabel = new QLabel(tr("&Image file name:"), this);
    imageLabel->setBuddy(m_imageName);
    auto *backingLabel = new QLabel(tr("&Backing file name:"), this);
    backingLabel->setBuddy(m_backingName);
    auto *imageBrowse = new QPushButton(tr("Br&owse…"), this);
    auto *backingBrowse = m_backingBrowse = new QPushButton(tr("Bro&wse…"), this);
    backingBrowse->setEnabled(!storedBackingName.isEmpty());
    connect(imageBrowse, &QPushButton::clicked, this, [this] { browse(m_imageName); });
    connect(backingBrowse, &QPushButton::clicked, this, [this] { browse(m_backingName); });

    auto *grid = new QGridLayout;
    grid->addWidget(imageLabel, 0, 0);
    grid->addWidget(m_imageName, 0, 1);
    grid->addWidget(imageBrowse, 0, 2);
    grid->addWidget(m_imagePreview, 1, 1, 1, 2);
    grid->addWidget(backingLabel, 2, 0);
    grid->addWidget(m_backingName, 2, 1);
    grid->addWidget(backingBrowse, 2, 2);
    grid->addWidget(m_backingPreview, 3, 1, 1, 2);
    grid->setColumnStretch(1, 1);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_imageName, &QLineEdit::textChanged, this, &EditNamesDialog::check);
    connect(m_backingName, &QLineEdit::textChanged, this, &EditNamesDialog::check);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(grid);
    layout->addWidget(m_message);
    layout->addStretch(1);
    layout->addWidget(m_buttons);
    // Grow with what the wrapped labels need (a problem can take three lines): never squash the fields.
    m_heightKeeper = new HeightForWidthKeeper(this);
    resize(sizeHint().expandedTo(QSize(620, 0)));
    check();
}

void EditNamesDialog::setRepair(bool imageNameBroken, bool backingNameBroken)
{
    m_imageBroken = imageNameBroken;
    m_backingBroken = backingNameBroken;
    m_hasBacking = m_hasBacking || backingNameBroken;
    m_backingName->setEnabled(m_hasBacking);
    m_backingBrowse->setEnabled(m_hasBacking);
    m_backingName->setPlaceholderText(m_hasBacking ? QString() : tr("No backing file"));
    if (isRepair())
        m_intro->setText(tr("The file name fields of %1 are broken, so the image cannot be opened. Enter the names to store: "
                            "the header is rewritten whole, checked by the same rules as New Image, and renamed into place; "
                            "Edit › Undo File Name Change puts the broken header back.")
                             .arg(QDir::toNativeSeparators(m_addCowPath)));
    check();
}

QByteArray EditNamesDialog::imageFileName() const
{
    return QFile::encodeName(m_imageName->text());
}

QByteArray EditNamesDialog::backingFileName() const
{
    if (!m_hasBacking)
        return {};
    return QFile::encodeName(m_backingName->text());
}

NameChange EditNamesDialog::change() const
{
    NameChange change;
    // A broken name is stored anew even when the text shown is what the parse made of it.
    if (m_imageBroken || imageFileName() != m_storedImageName)
        change.imageFileName = imageFileName();
    if (m_backingBroken || backingFileName() != m_storedBackingName)
        change.backingFileName = backingFileName();
    return change;
}

QString EditNamesDialog::describe(const QByteArray &name) const
{
    const QString resolved = resolveStoredName(m_addCowPath, name);
    const QFileInfo info(resolved);
    const QString state = info.isFile() ? tr("exists, %1").arg(SizeParser::formatHuman(quint64(info.size()))) : tr("missing");
    return tr("%n byte(s); resolves to %1 (%2)", nullptr, int(name.size())).arg(QDir::toNativeSeparators(resolved), state);
}

void EditNamesDialog::browse(QLineEdit *edit)
{
    const QString start = resolveStoredName(m_addCowPath, QFile::encodeName(edit->text()));
    const QString path = QFileDialog::getOpenFileName(this, tr("Choose the File"), start);
    if (path.isEmpty())
        return;
    // Keep the style of what was stored: relative names stay relative (R16).
    const bool wasAbsolute = QDir::isAbsolutePath(edit->text());
    edit->setText(wasAbsolute ? path : QFileInfo(m_addCowPath).absoluteDir().relativeFilePath(path));
}

EditNamesDialog::Problem EditNamesDialog::problemWith(const QString &addCowPath, const QByteArray &image, const QByteArray &backing, bool hasBacking)
{
    const QString imagePath = resolveStoredName(addCowPath, image); // R16
    const QString backingPath = hasBacking ? resolveStoredName(addCowPath, backing) : QString();
    const quint64 room = HeaderPageBytes - NameAreaOffset;
    if (image.isEmpty())
        return {tr("The image file name is required."), 6, {}};
    if (hasBacking && backing.isEmpty())
        return {tr("Enter the backing file name."), 0, {}};
    // R5: decided as `addcow create` and rewriteNames decide it.
    if (const Result<void> fit = checkNamesFit(addCowPath, image, backing); !fit) {
        if (fit.error().finding == FindingCode::NamesDoNotFit)
            return {tr("The names take %1 bytes; at most %2 fit in the header.").arg(image.size() + backing.size()).arg(room), 5, {}};
        return {tr("A name contains a NUL byte."), 5, {}};
    }
    if (!QFileInfo(imagePath).isFile())
        return {tr("The image file %1 does not exist.").arg(QDir::toNativeSeparators(imagePath)), 16, {}};
    if (hasBacking && !QFileInfo(backingPath).isFile())
        return {tr("The backing file %1 does not exist.").arg(QDir::toNativeSeparators(backingPath)), 16, {}};
    if (const Result<void> distinct = checkDistinctFiles(addCowPath, imagePath, backingPath); !distinct) {
        // R17, said in a short sentence; the full error with its paths goes to the tooltip.
        QString text;
        if (hasBacking && isSameFile(imagePath, backingPath))
            text = tr("The image file and the backing file would be the same file.");
        else if (isSameFile(imagePath, addCowPath))
            text = tr("The image file would be the .add-cow file itself.");
        else
            text = tr("The backing file would be the .add-cow file itself.");
        return {text, 17, errorText(distinct.error())};
    }
    return {};
}

void EditNamesDialog::check()
{
    const QByteArray image = imageFileName();
    const QByteArray backing = backingFileName();
    const bool hasBacking = m_hasBacking;
    m_imagePreview->setText(image.isEmpty() ? QString() : describe(image));
    m_backingPreview->setText(hasBacking && !backing.isEmpty() ? describe(backing) : QString());

    const Problem problem = problemWith(m_addCowPath, image, backing, hasBacking);
    m_problem = problem.text;
    m_problemRule = problem.rule;
    if (m_problem.isEmpty() && !isRepair() && image == m_storedImageName && backing == m_storedBackingName)
        m_problem = tr("The names are unchanged.");
    m_message->setProblem(m_problem, m_problemRule, problem.details);
    m_heightKeeper->update();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_problem.isEmpty());
}

} // namespace AddCow
