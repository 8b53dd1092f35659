// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "createwizardreviewpage.h"

#include "createwizardaddcowpage.h"
#include "createwizardbackingpage.h"
#include "createwizardimagepage.h"
#include "createwizardnamespage.h"
#include "format.h"
#include "sizeparser.h"

#include <QDir>
#include <QLocale>
#include <QTextBrowser>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace AddCow
{

CreateWizardReviewPage::CreateWizardReviewPage(const CreateWizardBackingPage *backingPage, const CreateWizardImagePage *imagePage,
                                               const CreateWizardAddCowPage *addCowPage, const CreateWizardNamesPage *namesPage,
                                               std::function<bool()> startCreate, QWidget *parent)
    : QWizardPage(parent)
    , m_backingPage(backingPage)
    , m_imagePage(imagePage)
    , m_addCowPage(addCowPage)
    , m_namesPage(namesPage)
    , m_startCreate(std::move(startCreate))
    , m_text(new QTextBrowser(this))
{
    setTitle(tr("Review"));
    setSubTitle(tr("Nothing has been written yet. Create writes exactly this:"));
    setCommitPage(true);
    setButtonText(QWizard::CommitButton, tr("&Create"));
    m_text->setObjectName(u"reviewText"_s);
    m_text->setOpenLinks(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_text);
}

QString CreateWizardReviewPage::reviewText() const
{
    return m_text->toPlainText();
}

void CreateWizardReviewPage::initializePage()
{
    const QLocale locale;
    const quint64 virtualSize = m_imagePage->virtualSizeBytes();
    const quint64 clusters = clusterCountFor(virtualSize);
    const quint64 addCowBytes = headerSizeFor(1) + bitmapRegionBytesFor(clusters); // R11, R20
    const bool hasBacking = m_backingPage->hasBackingFile();
    auto path = [](const QString &p) -> QString { return QDir::toNativeSeparators(p).toHtmlEscaped(); };
    auto item = [](const QString &text) -> QString { return u"<li>"_s + text + u"</li>"_s; };

    QString html;
    html += u"<h4>"_s + tr("The .add-cow file") + u"</h4><ul>"_s;
    html += item(tr("<b>%1</b>, %2: a 4096-byte header and a zeroed bitmap of %3 for %4 clusters of 64 KiB (R11).")
                     .arg(path(m_addCowPage->addCowPath()), SizeParser::formatHumanWithBytes(addCowBytes),
                          SizeParser::formatHuman(bitmapRegionBytesFor(clusters)), locale.toString(qulonglong(clusters))));
    html += item(m_addCowPage->overwrite() ? tr("<b>Replaces the existing file</b> of that name; its bitmap is lost.")
                                           : tr("Written to a temporary file first and renamed into place (R20)."));
    html += item(tr("Image file name: %1").arg(CreateWizardNamesPage::describeBytes(m_namesPage->imageFileName()).toHtmlEscaped()));
    html += item(tr("Image format: raw"));
    if (hasBacking) {
        html += item(tr("Backing file name: %1").arg(CreateWizardNamesPage::describeBytes(m_namesPage->backingFileName()).toHtmlEscaped()));
        html += item(tr("Backing format: %1").arg(QString::fromLatin1(m_backingPage->backingFormat()).toHtmlEscaped()));
        html += item(tr("Features: 0 (clusters are read from the backing file until written)"));
    } else {
        html += item(tr("No backing file. Features: ALL_ALLOCATED (every cluster is read from the image file, R14)"));
    }
    html += u"</ul><h4>"_s + tr("The raw image file") + u"</h4><ul>"_s;
    if (m_imagePage->imageExists()) {
        html += item(tr("<b>%1</b> exists (%2): used as it is, not written, never truncated (R20).")
                         .arg(path(m_imagePage->imagePath()), SizeParser::formatHumanWithBytes(virtualSize)));
    } else {
        html += item(tr("<b>%1</b> is created, %2, %3.")
                         .arg(path(m_imagePage->imagePath()), SizeParser::formatHumanWithBytes(virtualSize),
                              m_imagePage->preallocate() ? tr("fully allocated") : tr("sparse")));
    }
    html += item(tr("Virtual disk size: %1 (the image file's size, R11)").arg(SizeParser::formatHumanWithBytes(virtualSize)));
    if (hasBacking) {
        html += u"</ul><h4>"_s + tr("The backing file") + u"</h4><ul>"_s;
        html += item(tr("<b>%1</b> (%2, %3): only read, never written.")
                         .arg(path(m_backingPage->backingPath()), QString::fromLatin1(m_backingPage->backingFormat()).toHtmlEscaped(),
                              SizeParser::formatHumanWithBytes(m_backingPage->backingSizeBytes())));
        if (virtualSize < m_backingPage->backingSizeBytes())
            html += item(tr("<b>Forced:</b> the last %1 of the backing file are not part of the disk (R20).")
                             .arg(SizeParser::formatHuman(m_backingPage->backingSizeBytes() - virtualSize)));
    }
    html += u"</ul>"_s;
    m_text->setHtml(html);
}

bool CreateWizardReviewPage::validatePage()
{
    return m_startCreate && m_startCreate();
}

} // namespace AddCow
