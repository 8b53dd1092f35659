// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "commitdialog.h"

#include "image.h"
#include "sizeparser.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStyle>
#include <QTextDocument>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace AddCow
{

CommitDialog::CommitDialog(const Image &image, const CommitPlan &plan, QWidget *parent)
    : QDialog(parent)
    , m_plan(new QLabel(this))
{
    setObjectName(u"commitDialog"_s);
    setWindowTitle(tr("Commit to Raw"));
    const QLocale locale;

    auto *intro = new QLabel(tr("<b>Copy every cluster the image file does not have yet from the backing file into the image file.</b><br>"
                                "Afterwards the raw image file alone is the whole disk (R19); the virtual disk reads the same "
                                "before, during and after."),
                             this);
    intro->setWordWrap(true);

    auto fileText = [](const FileRef &file) -> QString {
        if (file.storedName.isEmpty())
            return tr("none");
        return tr("%1 (%2)").arg(QDir::toNativeSeparators(file.resolvedPath), SizeParser::formatHuman(file.sizeBytes));
    };
    auto *files = new QFormLayout;
    files->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto addRow = [&](const QString &label, const QString &value, const QString &objectName) {
        auto *field = new QLabel(value, this);
        field->setObjectName(objectName);
        field->setTextInteractionFlags(Qt::TextSelectableByMouse);
        field->setWordWrap(true);
        files->addRow(label, field);
    };
    addRow(tr("Raw image file (written):"), fileText(image.imageFile()), u"commitImageLabel"_s);
    addRow(tr("Backing file (read only):"), fileText(image.backingFile()), u"commitBackingLabel"_s);
    addRow(tr(".add-cow file (bits set):"), QDir::toNativeSeparators(image.path()), u"commitAddCowLabel"_s);
    addRow(tr("Clusters to commit:"),
           tr("%1 of %2 (%3 are in the image file already)")
               .arg(locale.toString(qulonglong(plan.cleanClusters)), locale.toString(qulonglong(image.clusterCount())),
                    locale.toString(qulonglong(image.clusterCount() - plan.cleanClusters))),
           u"commitClustersLabel"_s);
    addRow(tr("Copied from the backing file:"), SizeParser::formatHumanWithBytes(plan.bytesToCopy), u"commitCopyLabel"_s);
    addRow(tr("Zeros past the backing file's end:"), SizeParser::formatHumanWithBytes(plan.bytesToZero), u"commitZeroLabel"_s);

    m_plan->setObjectName(u"commitNoteLabel"_s);
    m_plan->setWordWrap(true);
    m_plan->setText(tr("The copy runs in the background in durable batches: data first, then the bits. Cancelling keeps "
                       "what is done, and the next commit resumes from there. Holes that read as zeros on both sides are skipped."));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *commit = buttons->addButton(tr("&Commit"), QDialogButtonBox::AcceptRole);
    commit->setObjectName(u"commitButton"_s);
    commit->setIcon(style()->standardIcon(QStyle::SP_DialogApplyButton));
    commit->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addSpacing(6);
    layout->addLayout(files);
    layout->addSpacing(6);
    layout->addWidget(m_plan);
    layout->addWidget(buttons);
    constexpr int DialogWidth = 680; // room for two paths side by side; wrapped labels take their height from it
    resize(DialogWidth, layout->hasHeightForWidth() ? layout->totalHeightForWidth(DialogWidth) : sizeHint().height());
}

QString CommitDialog::planText() const
{
    QStringList lines;
    const QList<QLabel *> labels = findChildren<QLabel *>();
    for (const QLabel *label : labels) {
        QTextDocument document;
        document.setHtml(label->text());
        lines.append(document.toPlainText());
    }
    return lines.join(u'\n');
}

} // namespace AddCow
