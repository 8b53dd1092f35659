// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "summarystrip.h"

#include "format.h"
#include "image.h"
#include "imagedocument.h"
#include "ruletext.h"

#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QDesktopServices>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QStyle>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace AddCow
{

namespace
{

constexpr char FullTextProperty[] = "addcowFullText";
constexpr char KeptTextProperty[] = "addcowKeptText"; // the start of the full text that is never elided

QLabel *makeLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setTextFormat(Qt::PlainText);
    return label;
}

QFrame *makeSeparator(QWidget *parent)
{
    auto *line = new QFrame(parent);
    line->setFrameShape(QFrame::VLine);
    line->setFrameShadow(QFrame::Sunken);
    return line;
}

QString sizeText(quint64 bytes)
{
    const QLocale locale;
    return SummaryStrip::tr("%1 (%2 bytes)")
        .arg(locale.formattedDataSize(qint64(bytes), 1, QLocale::DataSizeIecFormat), locale.toString(qulonglong(bytes)));
}

QString clusterText(quint64 allocated, quint64 total)
{
    const QLocale locale;
    const double percent = total ? 100.0 * double(allocated) / double(total) : 100.0;
    return SummaryStrip::tr("Clusters: %1 of %2 allocated (%3 %)")
        .arg(locale.toString(qulonglong(allocated)), locale.toString(qulonglong(total)), locale.toString(percent, 'f', 1));
}

// Signal colours in the spirit of Breeze's positive / neutral / negative.
QColor signalColour(SummaryStrip::State state)
{
    switch (state) {
    case SummaryStrip::State::Clean:
        return QColor(0x27, 0xae, 0x60);
    case SummaryStrip::State::Warnings:
        return QColor(0xf6, 0x74, 0x00);
    case SummaryStrip::State::Errors:
        return QColor(0xda, 0x44, 0x53);
    case SummaryStrip::State::Empty:
        break;
    }
    return QColor();
}

QColor blend(const QColor &base, const QColor &tint, double amount)
{
    return QColor::fromRgbF(float(base.redF() * (1 - amount) + tint.redF() * amount),
                            float(base.greenF() * (1 - amount) + tint.greenF() * amount),
                            float(base.blueF() * (1 - amount) + tint.blueF() * amount));
}

} // namespace

SummaryStrip::SummaryStrip(QWidget *parent)
    : QWidget(parent)
    , m_sizeLabel(makeLabel(u"virtualSizeLabel"_s, this))
    , m_clustersLabel(makeLabel(u"clustersLabel"_s, this))
    , m_backingIcon(new QLabel(this))
    , m_backingLabel(makeLabel(u"backingFileLabel"_s, this))
    , m_imageIcon(new QLabel(this))
    , m_imageLabel(makeLabel(u"imageFileLabel"_s, this))
    , m_stateIcon(new QLabel(this))
    , m_stateLabel(makeLabel(u"stateLabel"_s, this))
{
    m_backingIcon->setObjectName(u"backingFileIcon"_s);
    m_imageIcon->setObjectName(u"imageFileIcon"_s);
    m_stateIcon->setObjectName(u"stateIcon"_s);
    // Paths can be long: let the window be narrower than them; the tooltip has the whole text.
    for (QLabel *label : {m_backingLabel, m_imageLabel}) {
        label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
        label->installEventFilter(this);
    }
    m_stateLabel->setAutoFillBackground(true);
    m_stateLabel->setMargin(style()->pixelMetric(QStyle::PM_LayoutHorizontalSpacing) > 0 ? style()->pixelMetric(QStyle::PM_LayoutHorizontalSpacing) / 2 : 3);

    // Three parts: the facts, the two files and the state. One line when the file names fit in
    // full, else the files get a second line of their own (see updateLines()).
    m_factsPart = new QWidget(this);
    // Size and clusters side by side, or one above the other where the strip is narrow: a 64 TiB
    // disk's byte and cluster counts must not set the window's minimum width (issue 13).
    m_factsLayout = new QBoxLayout(QBoxLayout::LeftToRight, m_factsPart);
    m_factsLayout->setContentsMargins(0, 0, 0, 0);
    m_factsLayout->addWidget(m_sizeLabel);
    m_factsSeparator = makeSeparator(m_factsPart);
    m_factsLayout->addWidget(m_factsSeparator);
    m_factsLayout->addWidget(m_clustersLabel);

    m_filesPart = new QWidget(this);
    auto *filesLayout = new QHBoxLayout(m_filesPart);
    filesLayout->setContentsMargins(0, 0, 0, 0);
    m_filesLeadingSeparator = makeSeparator(m_filesPart);
    filesLayout->addWidget(m_filesLeadingSeparator);
    filesLayout->addWidget(m_backingIcon);
    filesLayout->addWidget(m_backingLabel, 1);
    filesLayout->addWidget(makeSeparator(m_filesPart));
    filesLayout->addWidget(m_imageIcon);
    filesLayout->addWidget(m_imageLabel, 1);
    m_filesTrailingSeparator = makeSeparator(m_filesPart);
    filesLayout->addWidget(m_filesTrailingSeparator);

    m_statePart = new QWidget(this);
    auto *stateLayout = new QHBoxLayout(m_statePart);
    stateLayout->setContentsMargins(0, 0, 0, 0);
    stateLayout->addWidget(m_stateIcon);
    stateLayout->addWidget(m_stateLabel);

    m_grid = new QGridLayout(this);
    m_grid->setVerticalSpacing(2);
    m_grid->setColumnStretch(1, 1);
    placeParts(false);

    clear();
}

SummaryStrip::~SummaryStrip() = default;

void SummaryStrip::placeParts(bool twoLines)
{
    m_twoLines = twoLines;
    m_grid->removeWidget(m_factsPart);
    m_grid->removeWidget(m_filesPart);
    m_grid->removeWidget(m_statePart);
    m_grid->addWidget(m_factsPart, 0, 0);
    m_grid->addWidget(m_statePart, 0, 2, Qt::AlignRight);
    if (twoLines)
        m_grid->addWidget(m_filesPart, 1, 0, 1, 3);
    else
        m_grid->addWidget(m_filesPart, 0, 1);
    m_filesLeadingSeparator->setVisible(!twoLines);
    m_filesTrailingSeparator->setVisible(!twoLines);
}

int SummaryStrip::fullFilesWidth() const
{
    int width = 0;
    for (QLabel *label : {m_backingLabel, m_imageLabel})
        width += label->fontMetrics().horizontalAdvance(label->property(FullTextProperty).toString()) + 2 * label->margin() + 2;
    for (QLabel *icon : {m_backingIcon, m_imageIcon}) {
        if (!icon->isHidden())
            width += icon->sizeHint().width();
    }
    const int spacing = std::max(m_grid->horizontalSpacing(), 0);
    return width + 3 * (spacing + 2) + 4 * spacing;
}

void SummaryStrip::updateLines()
{
    const QMargins margins = m_grid->contentsMargins();
    const int spacing = std::max(m_grid->horizontalSpacing(), 0);
    const int oneLineWidth = margins.left() + margins.right() + m_factsPart->sizeHint().width() + m_statePart->sizeHint().width() + 2 * spacing
        + fullFilesWidth();
    const bool twoLines = width() < oneLineWidth;
    if (twoLines != m_twoLines)
        placeParts(twoLines);

    const int factsSpacing = std::max(m_factsLayout->spacing(), 0);
    const int factsOneRowWidth = m_sizeLabel->sizeHint().width() + m_factsSeparator->sizeHint().width() + m_clustersLabel->sizeHint().width() + 2 * factsSpacing;
    const bool stackFacts = width() < margins.left() + margins.right() + factsOneRowWidth + spacing + m_statePart->sizeHint().width();
    const auto direction = stackFacts ? QBoxLayout::TopToBottom : QBoxLayout::LeftToRight;
    if (m_factsLayout->direction() != direction) {
        m_factsLayout->setDirection(direction);
        m_factsSeparator->setVisible(!stackFacts);
    }
}

QSize SummaryStrip::minimumSizeHint() const
{
    // The narrowest arrangement (facts stacked, files on a line of their own), whichever shows
    // now, so the strip never sets the window's minimum width by the length of its texts.
    QSize size = QWidget::minimumSizeHint();
    const QMargins margins = m_grid->contentsMargins();
    const int spacing = std::max(m_grid->horizontalSpacing(), 0);
    const int facts = std::max(m_sizeLabel->minimumSizeHint().width(), m_clustersLabel->minimumSizeHint().width());
    const int narrowest = margins.left() + margins.right()
        + std::max(facts + spacing + m_statePart->minimumSizeHint().width(), m_filesPart->minimumSizeHint().width());
    size.setWidth(std::min(size.width(), narrowest));
    return size;
}

void SummaryStrip::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    updateLines();
}

void SummaryStrip::setDocument(ImageDocument *document)
{
    if (m_document)
        m_document->disconnect(this);
    m_document = document;
    if (!document) {
        clear();
        return;
    }
    connect(document, &ImageDocument::imageReplaced, this, &SummaryStrip::showDocument);
    connect(document, &ImageDocument::findingsChanged, this, [this] { showState(m_document->findings()); });
    // The count is kept by the document: a commit, an edit or another process changed bits.
    connect(document, &ImageDocument::clustersChanged, this, [this] {
        if (const std::shared_ptr<Image> image = m_document->image())
            showClusters(m_document->allocatedClusters(), image->clusterCount(), image->isAllAllocated());
    });
    showDocument();
}

void SummaryStrip::showDocument()
{
    if (const std::shared_ptr<Image> image = m_document->image()) {
        showImage(*image, m_document->allocatedClusters(), m_document->findings());
        setBackingChain(m_document->backingChain());
    } else if (!m_document->path().isEmpty())
        setHeaderOnly(m_document->headerParse(), m_document->path(), m_document->findings());
    else
        clear();
}

void SummaryStrip::setImage(const Image *image, const Findings &findings)
{
    if (!image) {
        clear();
        return;
    }
    // R14: with ALL_ALLOCATED every cluster comes from the image file, whatever the bitmap says.
    showImage(*image, image->isAllAllocated() ? image->clusterCount() : image->bitmap().countAllocated(), findings);
}

void SummaryStrip::showClusters(quint64 allocated, quint64 total, bool allAllocated)
{
    m_clustersLabel->setText(clusterText(allocated, total));
    m_clustersLabel->setToolTip(allAllocated ? tr("ALL_ALLOCATED is set: every cluster is read from the image file.") : QString());
}

void SummaryStrip::showImage(const Image &image, quint64 allocatedClusters, const Findings &findings)
{
    m_headerOnly = false;
    m_addCowPath = image.path();
    m_virtualSizeBytes = image.virtualSizeBytes();
    const quint64 virtualSize = image.virtualSizeBytes();
    m_sizeLabel->setText(tr("Virtual size: %1").arg(sizeText(virtualSize))); // R11
    showClusters(allocatedClusters, image.clusterCount(), image.isAllAllocated());

    const FileRef &backing = image.backingFile();
    const FileRef &imageFile = image.imageFile();
    m_backingFormat = image.header().backingFormat();
    showFile(m_backingLabel, m_backingIcon, &m_backingMissing, {backing.storedName, backing.resolvedPath, backing.exists, !backing.storedName.isEmpty()}, true,
             image.isAllAllocated());
    showFile(m_imageLabel, m_imageIcon, &m_imageMissing, {imageFile.storedName, imageFile.resolvedPath, imageFile.exists, !imageFile.storedName.isEmpty()}, false,
             false);
    showState(findings);
    updateLines();
}

void SummaryStrip::setHeaderOnly(const HeaderParse &parse, const QString &addCowPath, const Findings &findings)
{
    m_headerOnly = true;
    m_addCowPath = addCowPath;
    m_virtualSizeBytes.reset();
    const Header &header = parse.header;
    auto fileState = [&](const QByteArray &name) {
        FileState file;
        file.storedName = name;
        file.named = !name.isEmpty();
        if (file.named) {
            file.resolvedPath = resolveStoredName(addCowPath, name); // R16
            file.exists = QFileInfo::exists(file.resolvedPath);
        }
        return file;
    };
    const FileState backing = fileState(header.backingFileName);
    const FileState imageFile = fileState(header.imageFileName);
    m_backingFormat = header.backingFormat();

    if (imageFile.exists) {
        // R11: the virtual size is the image file's size, even when the rest cannot be opened.
        const quint64 virtualSize = quint64(QFileInfo(imageFile.resolvedPath).size());
        m_virtualSizeBytes = virtualSize;
        const quint64 total = clusterCountFor(virtualSize);
        m_sizeLabel->setText(tr("Virtual size: %1").arg(sizeText(virtualSize)));
        if (header.isAllAllocated())
            m_clustersLabel->setText(clusterText(total, total));
        else
            m_clustersLabel->setText(tr("Clusters: %1, allocation unknown").arg(QLocale().toString(qulonglong(total))));
    } else {
        m_sizeLabel->setText(tr("Virtual size: unknown"));
        m_clustersLabel->setText(tr("Clusters: unknown"));
    }
    m_clustersLabel->setToolTip(tr("Only the header could be read; the image could not be opened."));

    showFile(m_backingLabel, m_backingIcon, &m_backingMissing, backing, true, header.isAllAllocated());
    showFile(m_imageLabel, m_imageIcon, &m_imageMissing, imageFile, false, false);
    showState(findings);
}

void SummaryStrip::clear()
{
    m_state = State::Empty;
    m_headerOnly = false;
    m_addCowPath.clear();
    m_backingPath.clear();
    m_imagePath.clear();
    m_virtualSizeBytes.reset();
    m_backingFormat.clear();
    m_backingMissing = false;
    m_imageMissing = false;
    m_sizeLabel->setText(tr("No image"));
    for (QLabel *label : {m_clustersLabel, m_backingLabel, m_imageLabel, m_stateLabel}) {
        label->clear();
        label->setToolTip(QString());
    }
    setElidedText(m_backingLabel, QString());
    setElidedText(m_imageLabel, QString());
    for (QLabel *icon : {m_backingIcon, m_imageIcon, m_stateIcon}) {
        icon->clear();
        icon->setToolTip(QString());
        icon->hide();
    }
    updateStateColours();
    updateLines();
}

QString SummaryStrip::virtualSizeText() const
{
    return m_sizeLabel->text();
}

QString SummaryStrip::clustersText() const
{
    return m_clustersLabel->text();
}

QString SummaryStrip::backingFileText() const
{
    return m_backingLabel->property(FullTextProperty).toString();
}

QString SummaryStrip::imageFileText() const
{
    return m_imageLabel->property(FullTextProperty).toString();
}

QString SummaryStrip::stateText() const
{
    return m_stateLabel->text();
}

QString SummaryStrip::backingFileToolTip() const
{
    return m_backingIcon->isVisibleTo(this) ? m_backingIcon->toolTip() : m_backingLabel->toolTip();
}

QString SummaryStrip::imageFileToolTip() const
{
    return m_imageIcon->isVisibleTo(this) ? m_imageIcon->toolTip() : m_imageLabel->toolTip();
}

void SummaryStrip::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        updateStateColours();
    if (event->type() == QEvent::FontChange) {
        for (QLabel *label : {m_backingLabel, m_imageLabel})
            setElidedText(label, label->property(FullTextProperty).toString(), label->property(KeptTextProperty).toString());
        updateLines();
    }
}

void SummaryStrip::contextMenuEvent(QContextMenuEvent *event)
{
    if (m_state == State::Empty)
        return;
    QMenu menu(this);
    menu.setObjectName(u"summaryContextMenu"_s);
    auto copy = [](const QString &text) { QApplication::clipboard()->setText(text); };
    if (m_virtualSizeBytes)
        menu.addAction(tr("Copy Virtual &Size in Bytes"), this, [copy, bytes = *m_virtualSizeBytes] { copy(QString::number(bytes)); });
    menu.addAction(tr("Copy &Summary"), this, [this, copy] {
        copy(QStringList{virtualSizeText(), clustersText(), backingFileText(), imageFileText(), stateText()}.join(u'\n'));
    });
    menu.addSeparator();
    const std::pair<QString, QString> files[] = {{tr("Copy .add-cow File &Path"), m_addCowPath},
                                                 {tr("Copy &Image File Path"), m_imagePath},
                                                 {tr("Copy &Backing File Path"), m_backingPath}};
    for (const auto &[text, path] : files) {
        if (!path.isEmpty())
            menu.addAction(text, this, [copy, path] { copy(QDir::toNativeSeparators(path)); });
    }
    menu.addSeparator();
    QAction *folder = menu.addAction(tr("Open Containing &Folder"), this, [this] {
        QDesktopServices::openUrl(QUrl::fromLocalFile(QFileInfo(m_addCowPath).absolutePath()));
    });
    folder->setEnabled(!m_addCowPath.isEmpty());
    menu.exec(event->globalPos());
}

bool SummaryStrip::eventFilter(QObject *watched, QEvent *event)
{
    if ((event->type() == QEvent::Resize || event->type() == QEvent::Show) && (watched == m_backingLabel || watched == m_imageLabel))
        updateElision(static_cast<QLabel *>(watched));
    return QWidget::eventFilter(watched, event);
}

void SummaryStrip::setElidedText(QLabel *label, const QString &text, const QString &keptText)
{
    label->setProperty(FullTextProperty, text);
    label->setProperty(KeptTextProperty, text.startsWith(keptText) ? keptText : QString());
    const QFontMetrics metrics = label->fontMetrics();
    label->setMinimumWidth(metrics.horizontalAdvance(label->property(KeptTextProperty).toString()) + metrics.averageCharWidth() * 12);
    updateElision(label);
}

void SummaryStrip::updateElision(QLabel *label)
{
    // The label ("Backing file: ") stays whole; only the name and path after it lose their middle.
    const QString text = label->property(FullTextProperty).toString();
    const QString kept = label->property(KeptTextProperty).toString();
    const int width = label->contentsRect().width();
    if (width <= 0 || !label->isVisible() || label->fontMetrics().horizontalAdvance(text) <= width) {
        label->setText(text);
        return;
    }
    const QFontMetrics metrics = label->fontMetrics();
    const int restWidth = std::max(width - metrics.horizontalAdvance(kept), metrics.averageCharWidth() * 3);
    label->setText(kept + metrics.elidedText(text.mid(kept.size()), Qt::ElideMiddle, restWidth));
}

void SummaryStrip::showFile(QLabel *label, QLabel *icon, bool *missing, const FileState &file, bool backing, bool notNeeded)
{
    const QString kind = !backing                                              ? tr("Image file")
        : m_backingFormat.isEmpty() || m_backingFormat == QByteArrayLiteral("raw") ? tr("Backing file")
                                                                                   : tr("Backing file (%1)").arg(QString::fromLatin1(m_backingFormat));
    (backing ? m_backingPath : m_imagePath) = file.named ? file.resolvedPath : QString();
    *missing = false;
    icon->clear();
    icon->hide();
    if (!file.named) {
        setElidedText(label, tr("%1: none").arg(kind));
        label->setToolTip(QString());
        return;
    }
    // R5: names are bytes, shown as UTF-8; R16: both the stored name and the resolved path.
    const QString stored = QString::fromUtf8(file.storedName);
    const QString full = tr("%1: %2 → %3").arg(kind, stored, file.resolvedPath);
    const qsizetype nameAt = full.indexOf(stored);
    setElidedText(label, full, nameAt > 0 ? full.left(nameAt) : QString());
    label->setToolTip(tr("%1\nStored name: %2\nResolved path: %3").arg(kind, stored, file.resolvedPath));
    if (file.exists)
        return;
    *missing = true;
    const int extent = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    icon->setPixmap(severityIcon(notNeeded ? Severity::Info : Severity::Warning).pixmap(QSize(extent, extent), devicePixelRatioF()));
    icon->setToolTip(notNeeded ? tr("%1 “%2” does not exist; it is not needed because ALL_ALLOCATED is set.").arg(kind, file.resolvedPath)
                               : tr("%1 “%2” does not exist.").arg(kind, file.resolvedPath));
    icon->show();
}

void SummaryStrip::setBackingChain(const QList<BackingLayer> &chain)
{
    if (chain.isEmpty())
        return;
    QStringList lines = {m_backingLabel->toolTip()};
    const BackingLayer &top = chain.constFirst();
    lines << tr("Format: %1; the disk it holds: %2").arg(QString::fromLatin1(top.format), sizeText(top.virtualSizeBytes));
    if (chain.size() > 1) {
        lines << tr("Backing chain, as QEMU reports it:");
        for (const BackingLayer &layer : chain)
            lines << tr("  %1 (%2)").arg(layer.fileName, QString::fromLatin1(layer.format));
    }
    m_backingLabel->setToolTip(lines.join(u'\n'));
}

void SummaryStrip::showState(const Findings &findings)
{
    int errors = 0;
    int warnings = 0;
    for (const Finding &finding : findings) {
        if (finding.severity == Severity::Error)
            ++errors;
        else if (finding.severity == Severity::Warning)
            ++warnings;
    }
    QString text;
    QIcon icon;
    if (errors > 0) {
        m_state = State::Errors;
        text = warnings > 0 ? tr("%1, %2").arg(tr("%n error(s)", nullptr, errors), tr("%n warning(s)", nullptr, warnings)) : tr("%n error(s)", nullptr, errors);
        icon = severityIcon(Severity::Error);
    } else if (warnings > 0) {
        m_state = State::Warnings;
        text = tr("%n warning(s)", nullptr, warnings);
        icon = severityIcon(Severity::Warning);
    } else {
        m_state = State::Clean;
        text = tr("Clean");
        icon = validIcon();
    }
    if (m_headerOnly)
        text = tr("%1 (header only)").arg(text);
    m_stateLabel->setText(text);
    m_stateLabel->setToolTip(m_headerOnly ? tr("The image could not be opened; only its header is shown.") : QString());
    const int extent = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_stateIcon->setPixmap(icon.pixmap(QSize(extent, extent), devicePixelRatioF()));
    m_stateIcon->setToolTip(text);
    m_stateIcon->show();
    updateStateColours();
    updateLines();
}

void SummaryStrip::updateStateColours()
{
    // A tint of the palette's own window colour, so the text keeps the palette's contrast.
    QPalette palette = this->palette();
    const QColor tint = signalColour(m_state);
    if (tint.isValid())
        palette.setColor(QPalette::Window, blend(palette.color(QPalette::Window), tint, 0.3));
    m_stateLabel->setPalette(palette);
}

} // namespace AddCow
