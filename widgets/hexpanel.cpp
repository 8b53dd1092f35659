// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "hexpanel.h"

#include "attachedfilehexdatasource.h"
#include "backingdiskhexdatasource.h"
#include "backingreader.h"
#include "hexview.h"
#include "image.h"
#include "virtualdiskhexdatasource.h"

#include <QComboBox>
#include <QtConcurrent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QSplitter>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

#include <limits>
#include <vector>

using namespace Qt::StringLiterals;

namespace AddCow
{

namespace
{
/** A source with no bytes: the backing column of an image without a backing file. */
class EmptyHexDataSource : public HexDataSource
{
public:
    quint64 sizeBytes() const override { return 0; }
    qint64 read(quint64, char *, quint64) const override { return 0; }
};

QWidget *column(QLabel *title, HexView *view, QWidget *titleButton = nullptr)
{
    auto *widget = new QWidget;
    auto *layout = new QVBoxLayout(widget);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // A long path must not widen its column past the 16 bytes below it; the tooltip has it whole.
    title->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    title->setBuddy(view);
    if (titleButton) {
        auto *titleRow = new QHBoxLayout;
        titleRow->setSpacing(4);
        titleRow->addWidget(title, 1);
        titleRow->addWidget(titleButton);
        layout->addLayout(titleRow);
    } else {
        layout->addWidget(title);
    }
    layout->addWidget(view, 1);
    return widget;
}

QToolButton *toolButton(const QString &text, const QString &toolTip, const QString &iconName)
{
    auto *button = new QToolButton;
    button->setText(text);
    button->setToolTip(toolTip);
    button->setAccessibleName(text);
    button->setIcon(QIcon::fromTheme(iconName));
    button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    return button;
}
} // namespace

HexPanel::HexPanel(QWidget *parent)
    : QWidget(parent)
    , m_backingView(new HexView)
    , m_imageView(new HexView)
    , m_virtualView(new HexView)
    , m_lastView(m_imageView)
    , m_backingTitle(new QLabel(tr("Backing file")))
    , m_backingFileButton(toolButton(tr("File Bytes"), tr("Show the backing file's own bytes instead of the disk it holds"), u"document-open-data"_s))
    , m_imageTitle(new QLabel(tr("Raw image file")))
    , m_virtualTitle(new QLabel(tr("Virtual disk")))
    , m_goToEdit(new QLineEdit)
    , m_linkButton(toolButton(tr("Link"), tr("Scroll the three views together"), u"link"_s))
    , m_previousDifferenceButton(toolButton(tr("Previous difference"), tr("Find the previous bytes that differ between backing and raw image file"), u"go-up-search"_s))
    , m_nextDifferenceButton(toolButton(tr("Next difference"), tr("Find the next bytes that differ between backing and raw image file"), u"go-down-search"_s))
    , m_searchEdit(new QLineEdit)
    , m_searchModeCombo(new QComboBox)
    , m_findButton(toolButton(tr("Find"), tr("Find in the virtual disk after the cursor"), u"edit-find"_s))
    , m_progressBar(new QProgressBar)
    , m_cancelButton(toolButton(tr("Cancel"), tr("Stop the search"), u"process-stop"_s))
    , m_statusLabel(new QLabel)
    , m_undoStack(new QUndoStack(this))
{
    m_backingView->setAccessibleName(tr("Backing file bytes"));
    m_imageView->setAccessibleName(tr("Raw image file bytes"));
    m_virtualView->setAccessibleName(tr("Virtual disk bytes"));
    m_virtualView->setUndoStack(m_undoStack);
    for (HexView *view : {m_backingView, m_imageView, m_virtualView})
        view->setFont(HexView::compactFont());

    m_goToEdit->setPlaceholderText(tr("Go to offset (0x1000, 4096, 4K)"));
    m_goToEdit->setAccessibleName(tr("Go to offset"));
    m_goToEdit->setClearButtonEnabled(true);
    m_linkButton->setCheckable(true);
    m_linkButton->setChecked(true);
    m_searchEdit->setPlaceholderText(tr("Search the virtual disk"));
    m_searchEdit->setAccessibleName(tr("Search pattern"));
    m_searchEdit->setClearButtonEnabled(true);
    m_searchModeCombo->addItem(tr("Hex bytes"), int(SearchMode::HexBytes));
    m_searchModeCombo->addItem(tr("Text"), int(SearchMode::Text));
    m_searchModeCombo->setAccessibleName(tr("Search mode"));
    m_progressBar->setRange(0, HexSearch::ProgressRange);
    m_progressBar->setMaximumWidth(160);
    m_progressBar->setAccessibleName(tr("Search progress"));
    m_progressBar->hide();
    m_cancelButton->setShortcut(QKeySequence(Qt::Key_Escape));
    m_cancelButton->hide();

    auto *toolBar = new QHBoxLayout;
    toolBar->addWidget(m_goToEdit, 1);
    toolBar->addWidget(m_linkButton);
    toolBar->addWidget(m_previousDifferenceButton);
    toolBar->addWidget(m_nextDifferenceButton);
    toolBar->addSpacing(12);
    toolBar->addWidget(m_searchEdit, 2);
    toolBar->addWidget(m_searchModeCombo);
    toolBar->addWidget(m_findButton);
    toolBar->addWidget(m_progressBar);
    toolBar->addWidget(m_cancelButton);

    auto *splitter = new QSplitter(Qt::Horizontal);
    splitter->setChildrenCollapsible(false);
    m_backingFileButton->setCheckable(true);
    m_backingFileButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_backingFileButton->hide();
    splitter->addWidget(column(m_backingTitle, m_backingView, m_backingFileButton));
    splitter->addWidget(column(m_imageTitle, m_imageView));
    splitter->addWidget(column(m_virtualTitle, m_virtualView));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(toolBar);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_statusLabel);

    for (HexView *view : {m_backingView, m_imageView, m_virtualView}) {
        connect(view, &HexView::topOffsetChanged, this, [this, view](quint64 offsetBytes) {
            syncTopOffset(view, offsetBytes);
        });
        connect(view, &HexView::cursorOffsetChanged, this, [this, view](quint64 offsetBytes) {
            m_lastView = view;
            Q_EMIT offsetChanged(offsetBytes);
        });
    }
    connect(m_backingFileButton, &QToolButton::toggled, this, &HexPanel::showBackingBytes);
    connect(m_goToEdit, &QLineEdit::returnPressed, this, &HexPanel::goToEntered);
    connect(m_linkButton, &QToolButton::toggled, this, [this](bool linked) {
        if (linked)
            syncTopOffset(currentView(), currentView()->topOffset());
    });
    connect(m_previousDifferenceButton, &QToolButton::clicked, this, &HexPanel::findPreviousDifference);
    connect(m_nextDifferenceButton, &QToolButton::clicked, this, &HexPanel::findNextDifference);
    connect(m_searchEdit, &QLineEdit::returnPressed, this, &HexPanel::searchEntered);
    connect(m_findButton, &QToolButton::clicked, this, &HexPanel::searchEntered);
    connect(m_cancelButton, &QToolButton::clicked, this, &HexPanel::cancelSearch);
    connect(&m_searchWatcher, &QFutureWatcher<HexSearch::Match>::progressValueChanged, m_progressBar, &QProgressBar::setValue);
    connect(&m_searchWatcher, &QFutureWatcher<HexSearch::Match>::finished, this, &HexPanel::onSearchFinished);
    connect(&m_reopenWatcher, &QFutureWatcher<std::shared_ptr<Image>>::finished, this, &HexPanel::readOnlyReopened);

    applyImage(nullptr, false);
}

HexPanel::~HexPanel()
{
    cancelSearch();
    m_reopenWatcher.waitForFinished();
}

void HexPanel::setImage(std::shared_ptr<Image> image)
{
    applyImage(std::move(image), false);
}

void HexPanel::setWritableImage(std::shared_ptr<Image> image)
{
    const bool showingWritable = m_writableImage && m_image == m_writableImage;
    m_writableImage = std::move(image);
    if (!showingWritable || m_image == m_writableImage)
        return;
    if (m_writableImage)
        applyImage(m_writableImage, true);
    else
        reopenReadOnly();
}

void HexPanel::reopenReadOnly()
{
    const QString path = m_image->path();
    // Loading the bitmap can be megabytes: off the GUI thread, like any I/O bigger than a header.
    m_reopenWatcher.setFuture(QtConcurrent::run([path]() -> std::shared_ptr<Image> {
        Result<Image> opened = Image::open(path, Image::Access::ReadOnly);
        return opened ? std::make_shared<Image>(std::move(opened).value()) : nullptr;
    }));
}

void HexPanel::readOnlyReopened()
{
    const std::shared_ptr<Image> reopened = m_reopenWatcher.future().resultCount() ? m_reopenWatcher.result() : nullptr;
    // Only while the released writable image is still what the views show.
    if (!m_image || m_image == m_writableImage)
        return;
    if (!reopened) {
        showStatus(tr("%1 could not be opened again for reading.").arg(m_image->path()));
        return;
    }
    if (reopened->path() == m_image->path())
        applyImage(reopened, true);
}

void HexPanel::clear()
{
    m_writableImage.reset();
    applyImage(nullptr, false);
}

void HexPanel::refresh()
{
    for (HexView *view : {m_backingView, m_imageView, m_virtualView})
        view->refresh();
}

void HexPanel::applyImage(std::shared_ptr<Image> image, bool keepPosition)
{
    cancelSearch();
    const quint64 top = m_virtualView->topOffset();
    const quint64 cursor = m_virtualView->cursorOffset();
    m_image = std::move(image);
    m_undoStack->clear();
    m_backingFileSource.reset();
    if (m_image) {
        if (m_image->backingFile().storedName.isEmpty()) {
            m_backingSource = std::make_shared<EmptyHexDataSource>();
        } else if (m_image->backingReader() && m_image->header().backingFormat() != "raw") {
            // R9: a qcow2 (vmdk, ...) file holds a disk; the column shows the disk, File Bytes the file.
            m_backingSource = std::make_shared<BackingDiskHexDataSource>(m_image);
            m_backingFileSource = std::make_shared<AttachedFileHexDataSource>(m_image, DataSource::Backing);
        } else {
            m_backingSource = std::make_shared<AttachedFileHexDataSource>(m_image, DataSource::Backing);
        }
        m_imageSource = std::make_shared<AttachedFileHexDataSource>(m_image, DataSource::Image);
        m_virtualSource = std::make_shared<VirtualDiskHexDataSource>(m_image);
        m_imageTitle->setText(tr("Raw image file: %1").arg(m_image->imageFile().resolvedPath));
        m_virtualTitle->setText(tr("Virtual disk (%1 bytes)").arg(QLocale().toString(qulonglong(m_image->virtualSizeBytes()))));
    } else {
        m_backingSource.reset();
        m_imageSource.reset();
        m_virtualSource.reset();
        m_imageTitle->setText(tr("Raw image file"));
        m_virtualTitle->setText(tr("Virtual disk"));
    }
    for (QLabel *title : {m_imageTitle, m_virtualTitle})
        title->setToolTip(title->text());
    m_imageView->setDataSource(m_imageSource);
    m_virtualView->setDataSource(m_virtualSource);
    m_imageView->setCompareSource(m_backingSource);
    m_backingFileButton->setVisible(bool(m_backingFileSource));
    showBackingBytes();
    quint64 displaySize = 0;
    for (const auto &source : {m_backingSource, m_backingFileSource, m_imageSource, m_virtualSource})
        displaySize = std::max(displaySize, source ? source->sizeBytes() : 0);
    for (HexView *view : {m_backingView, m_imageView, m_virtualView}) {
        view->setDisplaySizeBytes(displaySize);
        view->setHighlightedRange(0, 0);
    }
    m_virtualView->setEditable(m_writable && m_image);
    const bool enabled = bool(m_image);
    for (QWidget *widget : std::initializer_list<QWidget *>{m_goToEdit, m_previousDifferenceButton, m_nextDifferenceButton, m_searchEdit, m_findButton})
        widget->setEnabled(enabled);
    m_statusLabel->clear();
    if (keepPosition) {
        m_virtualView->goToOffset(cursor);
        m_virtualView->setTopOffset(top);
    }
}

void HexPanel::showBackingBytes()
{
    const bool fileBytes = m_backingFileSource && m_backingFileButton->isChecked();
    if (!m_image) {
        m_backingTitle->setText(tr("Backing file"));
    } else if (m_image->backingFile().storedName.isEmpty()) {
        m_backingTitle->setText(tr("Backing file (none)"));
    } else {
        const QString path = m_image->backingFile().resolvedPath;
        const QString format = QString::fromLatin1(m_image->header().backingFormat());
        if (!m_backingFileSource)
            m_backingTitle->setText(tr("Backing file: %1").arg(path));
        else if (fileBytes)
            m_backingTitle->setText(tr("Backing file, its own %1 bytes: %2").arg(format, path));
        else
            m_backingTitle->setText(tr("Backing disk, as the guest sees it (%1): %2").arg(format, path));
    }
    m_backingTitle->setToolTip(m_backingTitle->text());
    m_backingView->setDataSource(fileBytes ? m_backingFileSource : m_backingSource);
    // The file's own bytes have no place in the disk's offsets: nothing to compare them with.
    m_backingView->setCompareSource(fileBytes ? nullptr : m_imageSource);
}

HexView *HexPanel::currentView() const
{
    for (HexView *view : {m_backingView, m_imageView, m_virtualView}) {
        if (view->hasFocus())
            return view;
    }
    return m_lastView;
}

void HexPanel::syncTopOffset(HexView *from, quint64 offsetBytes)
{
    if (m_syncing || !m_linkButton->isChecked())
        return;
    m_syncing = true;
    for (HexView *view : {m_backingView, m_imageView, m_virtualView}) {
        if (view != from)
            view->setTopOffset(offsetBytes);
    }
    m_syncing = false;
}

void HexPanel::setLinked(bool linked)
{
    m_linkButton->setChecked(linked);
}

bool HexPanel::isLinked() const
{
    return m_linkButton->isChecked();
}

void HexPanel::goToOffset(quint64 offsetBytes)
{
    m_syncing = true;
    for (HexView *view : {m_backingView, m_imageView, m_virtualView})
        view->goToOffset(offsetBytes);
    m_syncing = false;
    Q_EMIT offsetChanged(offsetBytes);
}

void HexPanel::showClusterRange(ClusterRange range)
{
    const quint64 offset = range.first * ClusterSizeBytes;
    quint64 length = range.count * ClusterSizeBytes;
    if (m_image && offset < m_image->virtualSizeBytes())
        length = std::min(length, m_image->virtualSizeBytes() - offset); // R15: the last cluster may be partial
    for (HexView *view : {m_backingView, m_imageView, m_virtualView})
        view->setHighlightedRange(offset, length);
    goToOffset(offset);
}

void HexPanel::setWritable(bool writable)
{
    m_writable = writable;
    m_virtualView->setEditable(writable && m_image);
    if (!writable) {
        m_virtualView->clearPendingEdits();
        m_undoStack->clear();
    }
}

bool HexPanel::hasPendingEdits() const
{
    return !m_virtualView->pendingEdits().empty();
}

Result<void> HexPanel::savePendingEdits()
{
    const std::map<quint64, char> edits = m_virtualView->pendingEdits();
    if (edits.empty())
        return {};
    if (!m_writableImage || m_writableImage->access() != Image::Access::ReadWrite) {
        Error error;
        error.code = ErrorCode::InvalidArgument;
        error.detail = u"no image is open for writing"_s;
        return error;
    }
    cancelSearch(); // no background reads while the files change

    // Contiguous edits become one write each.
    std::vector<std::pair<quint64, QByteArray>> runs;
    for (const auto &[offset, value] : edits) {
        if (!runs.empty() && runs.back().first + quint64(runs.back().second.size()) == offset)
            runs.back().second.append(value);
        else
            runs.emplace_back(offset, QByteArray(1, value));
    }
    std::optional<Error> failure;
    std::map<quint64, char> remaining;
    for (const auto &[offset, data] : runs) {
        if (failure) {
            for (qsizetype i = 0; i < data.size(); ++i)
                remaining[offset + quint64(i)] = data.at(i);
            continue;
        }
        const Result<ClusterRange> written = m_writableImage->write(offset, data); // R18
        if (!written) {
            failure = written.error();
            for (qsizetype i = 0; i < data.size(); ++i)
                remaining[offset + quint64(i)] = data.at(i);
            continue;
        }
        if (!written.value().isEmpty())
            Q_EMIT clustersWritten(written.value());
    }
    // Show the disk through the image that was written (its bitmap is current) and keep the place.
    const std::shared_ptr<Image> writable = m_writableImage;
    applyImage(writable, true);
    for (const auto &[offset, value] : remaining)
        m_virtualView->setPendingByte(offset, value);
    if (failure) {
        showStatus(tr("Saving failed: %1").arg(failure->message()));
        return *failure;
    }
    showStatus(tr("Saved %n edited byte(s).", nullptr, int(std::min<size_t>(edits.size(), std::numeric_limits<int>::max()))));
    return {};
}

void HexPanel::findNextDifference()
{
    if (!m_image)
        return;
    HexView *view = currentView() == m_backingView ? m_backingView : m_imageView;
    const quint64 from = view->selectionLength() ? view->selectionStart() + 1 : view->cursorOffset();
    startSearch(SearchKind::Difference, HexSearch::findDifference(m_backingSource, m_imageSource, from, HexSearch::Direction::Forward));
}

void HexPanel::findPreviousDifference()
{
    if (!m_image)
        return;
    HexView *view = currentView() == m_backingView ? m_backingView : m_imageView;
    const quint64 from = view->selectionLength() ? view->selectionStart() : view->cursorOffset();
    startSearch(SearchKind::Difference, HexSearch::findDifference(m_backingSource, m_imageSource, from, HexSearch::Direction::Backward));
}

void HexPanel::findInVirtualDisk(const QByteArray &pattern)
{
    if (!m_image || pattern.isEmpty())
        return;
    const quint64 from = m_virtualView->selectionLength() ? m_virtualView->selectionStart() + 1 : m_virtualView->cursorOffset();
    startSearch(SearchKind::Pattern, HexSearch::findPattern(m_virtualSource, pattern, from));
}

void HexPanel::startSearch(SearchKind kind, QFuture<HexSearch::Match> future)
{
    cancelSearch();
    m_searchKind = kind;
    m_progressBar->setValue(0);
    m_progressBar->show();
    m_cancelButton->show();
    showStatus(kind == SearchKind::Pattern ? tr("Searching the virtual disk…") : tr("Comparing backing and raw image file…"));
    m_searchWatcher.setFuture(future);
}

void HexPanel::cancelSearch()
{
    if (m_searchWatcher.isRunning()) {
        m_searchWatcher.cancel();
        m_searchWatcher.waitForFinished();
    }
}

bool HexPanel::isSearchRunning() const
{
    return m_searchWatcher.isRunning();
}

void HexPanel::onSearchFinished()
{
    m_progressBar->hide();
    m_cancelButton->hide();
    const SearchKind kind = m_searchKind;
    m_searchKind = SearchKind::None;
    const QFuture<HexSearch::Match> future = m_searchWatcher.future();
    if (future.isCanceled() || future.resultCount() == 0) {
        if (future.isCanceled())
            showStatus(tr("Search cancelled."));
        else
            showStatus(kind == SearchKind::Pattern ? tr("Not found.") : tr("No more differences."));
        Q_EMIT searchFinished(false);
        return;
    }
    const HexSearch::Match match = future.result();
    if (kind == SearchKind::Difference) {
        m_backingView->setSelection(match.offsetBytes, match.lengthBytes);
        m_imageView->setSelection(match.offsetBytes, match.lengthBytes);
        showStatus(tr("Difference at 0x%1 (%2 bytes).").arg(match.offsetBytes, 0, 16).arg(match.lengthBytes));
    } else {
        m_virtualView->setSelection(match.offsetBytes, match.lengthBytes);
        showStatus(tr("Found at 0x%1.").arg(match.offsetBytes, 0, 16));
    }
    Q_EMIT offsetChanged(match.offsetBytes);
    Q_EMIT searchFinished(true);
}

void HexPanel::goToEntered()
{
    const std::optional<quint64> offset = parseOffset(m_goToEdit->text());
    if (!offset) {
        showStatus(tr("Not an offset: %1").arg(m_goToEdit->text()));
        return;
    }
    goToOffset(*offset);
    showStatus(QString());
}

void HexPanel::searchEntered()
{
    const auto mode = SearchMode(m_searchModeCombo->currentData().toInt());
    QByteArray pattern;
    if (mode == SearchMode::HexBytes) {
        const std::optional<QByteArray> bytes = parseHexPattern(m_searchEdit->text());
        if (!bytes) {
            showStatus(tr("Not hex bytes: %1").arg(m_searchEdit->text()));
            return;
        }
        pattern = *bytes;
    } else {
        pattern = m_searchEdit->text().toUtf8();
    }
    findInVirtualDisk(pattern);
}

void HexPanel::showStatus(const QString &text)
{
    m_statusLabel->setText(text);
}

std::optional<quint64> HexPanel::parseOffset(const QString &text)
{
    QString s = text.trimmed().toLower();
    s.remove(u'_');
    s.remove(u' ');
    if (s.endsWith(u"ib"_s))
        s.chop(2);
    else if (s.endsWith(u'b') && !s.startsWith(u"0x"_s))
        s.chop(1);
    quint64 multiplier = 1;
    if (!s.isEmpty()) {
        const QChar suffix = s.back();
        const QString suffixes = u"kmgt"_s;
        const qsizetype power = suffixes.indexOf(suffix);
        if (power >= 0) { // never a hex digit, so "0x10K" works too
            multiplier = quint64(1) << (10 * (power + 1));
            s.chop(1);
        }
    }
    if (s.isEmpty())
        return std::nullopt;
    bool ok = false;
    const quint64 value = s.startsWith(u"0x"_s) ? s.mid(2).toULongLong(&ok, 16) : s.toULongLong(&ok, 10);
    if (!ok || (s.startsWith(u"0x"_s) && s.size() == 2))
        return std::nullopt;
    if (value > std::numeric_limits<quint64>::max() / multiplier)
        return std::nullopt;
    return value * multiplier;
}

std::optional<QByteArray> HexPanel::parseHexPattern(const QString &text)
{
    QString digits;
    for (const QChar ch : text) {
        if (ch.isSpace())
            continue;
        const bool isHex = (ch >= u'0' && ch <= u'9') || (ch.toLower() >= u'a' && ch.toLower() <= u'f');
        if (!isHex)
            return std::nullopt;
        digits.append(ch);
    }
    if (digits.isEmpty() || digits.size() % 2)
        return std::nullopt;
    return QByteArray::fromHex(digits.toLatin1());
}

} // namespace AddCow
