// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "hexpanel.h"

#include "attachedfilehexdatasource.h"
#include "backingdiskhexdatasource.h"
#include "backingreader.h"
#include "hexbookmarksmodel.h"
#include "hexbookmarksview.h"
#include "hexchangemarker.h"
#include "hexchangesmodel.h"
#include "hexchangesview.h"
#include "hexinspectormodel.h"
#include "hexinspectorview.h"
#include "hexsearchresultsmodel.h"
#include "hexsearchresultsview.h"
#include "hexview.h"
#include "image.h"
#include "imagedocument.h"
#include "ruletext.h"
#include "virtualdiskhexdatasource.h"

#include <QAction>
#include <QActionGroup>
#include <QComboBox>
#include <QtConcurrent>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QProgressBar>
#include <QSettings>
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
const QString BytesPerRowKey = u"HexPanel/bytesPerRow"_s;

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
    // A long path must not widen its column past the bytes below it; the tooltip has it whole.
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
    // The column header and two rows at least, not the scroll bars' 70 pixels (issue 13: the hex
    // dock fits a 600 pixel high window).
    view->setMinimumHeight(view->fontMetrics().lineSpacing() * 3);
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
    , m_lastView(m_virtualView)
    , m_splitter(new QSplitter(Qt::Horizontal))
    , m_backingTitle(new QLabel(tr("Backing file")))
    , m_backingFileButton(toolButton(tr("File Bytes"), tr("Show the backing file's own bytes instead of the disk it holds"), u"document-open-data"_s))
    , m_imageTitle(new QLabel(tr("Raw image file")))
    , m_virtualTitle(new QLabel(tr("Virtual disk")))
    , m_goToEdit(new QLineEdit)
    , m_linkButton(toolButton(tr("Link"), tr("Scroll the three views together"), u"link"_s))
    , m_bytesPerRowCombo(new QComboBox)
    , m_previousChangeButton(toolButton(tr("Previous change"), tr("Go to the previous written bytes that differ from the backing file"), u"go-up-search"_s))
    , m_nextChangeButton(toolButton(tr("Next change"), tr("Go to the next written bytes that differ from the backing file"), u"go-down-search"_s))
    , m_searchEdit(new QLineEdit)
    , m_searchModeCombo(new QComboBox)
    , m_searchScopeCombo(new QComboBox)
    , m_searchOptionsButton(toolButton(tr("Options"), tr("Search options"), u"configure"_s))
    , m_ignoreCaseAction(new QAction(tr("&Ignore Case"), this))
    , m_wrapAroundAction(new QAction(tr("&Wrap Around"), this))
    , m_findButton(toolButton(tr("Find"), tr("Find the next match after the cursor (F3)"), u"edit-find"_s))
    , m_findAllButton(toolButton(tr("Find All"), tr("List every match (Ctrl+Shift+F)"), u"edit-find-replace"_s))
    , m_progressBar(new QProgressBar)
    , m_cancelButton(toolButton(tr("Cancel"), tr("Stop the search"), u"process-stop"_s))
    , m_statusLabel(new QLabel)
    , m_undoStack(new QUndoStack(this))
    , m_changesModel(new HexChangesModel(this))
    , m_bookmarksModel(new HexBookmarksModel(this))
    , m_resultsModel(new HexSearchResultsModel(this))
{
    // Tool views: hidden children until the owner places them.
    m_changesView = new HexChangesView(m_changesModel, this);
    m_inspectorView = new HexInspectorView(this);
    m_bookmarksView = new HexBookmarksView(m_bookmarksModel, this);
    m_resultsView = new HexSearchResultsView(m_resultsModel, this);
    for (QWidget *view : std::initializer_list<QWidget *>{m_changesView, m_inspectorView, m_bookmarksView, m_resultsView})
        view->hide();

    m_backingView->setAccessibleName(tr("Backing file bytes"));
    m_imageView->setAccessibleName(tr("Raw image file bytes"));
    m_virtualView->setAccessibleName(tr("Virtual disk bytes"));
    m_virtualView->setUndoStack(m_undoStack);
    for (HexView *view : {m_backingView, m_imageView, m_virtualView})
        view->setFont(HexView::compactFont());

    m_goToEdit->setObjectName(u"goToEdit"_s);
    m_searchEdit->setObjectName(u"searchEdit"_s);
    m_goToEdit->setPlaceholderText(tr("Go to offset (0x1000, 4096, 4K)"));
    m_goToEdit->setAccessibleName(tr("Go to offset"));
    m_goToEdit->setClearButtonEnabled(true);
    m_linkButton->setCheckable(true);
    m_linkButton->setChecked(true);
    m_bytesPerRowCombo->addItem(tr("Auto"), AutoBytesPerRow);
    for (const int bytes : {8, 16, 32})
        m_bytesPerRowCombo->addItem(tr("%1 bytes").arg(bytes), bytes);
    m_bytesPerRowCombo->setToolTip(tr("Bytes per row; Auto shows as many as let the three views fit"));
    m_bytesPerRowCombo->setAccessibleName(tr("Bytes per row"));
    m_searchEdit->setPlaceholderText(tr("Search"));
    m_searchEdit->setAccessibleName(tr("Search pattern"));
    m_searchEdit->setClearButtonEnabled(true);
    m_searchModeCombo->addItem(tr("Hex bytes"), int(SearchMode::HexBytes));
    m_searchModeCombo->addItem(tr("Text (UTF-8)"), int(SearchMode::Utf8));
    m_searchModeCombo->addItem(tr("Text (UTF-16 LE)"), int(SearchMode::Utf16LE));
    m_searchModeCombo->addItem(tr("Text (UTF-16 BE)"), int(SearchMode::Utf16BE));
    m_searchModeCombo->setAccessibleName(tr("Search for"));
    m_searchScopeCombo->addItem(tr("in virtual disk"), int(SearchScope::VirtualDisk));
    m_searchScopeCombo->addItem(tr("in raw image file"), int(SearchScope::ImageFile));
    m_searchScopeCombo->addItem(tr("in backing file"), int(SearchScope::BackingFile));
    m_searchScopeCombo->setAccessibleName(tr("Search in"));
    m_ignoreCaseAction->setObjectName(u"hexIgnoreCaseAction"_s);
    m_ignoreCaseAction->setCheckable(true);
    m_ignoreCaseAction->setToolTip(tr("Text matches in upper and lower case"));
    m_ignoreCaseAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    m_wrapAroundAction->setObjectName(u"hexWrapAroundAction"_s);
    m_wrapAroundAction->setCheckable(true);
    m_wrapAroundAction->setChecked(true);
    m_wrapAroundAction->setToolTip(tr("After the end, go on from the start"));
    m_wrapAroundAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W));
    for (QAction *option : {m_ignoreCaseAction, m_wrapAroundAction}) {
        option->setShortcutContext(Qt::WindowShortcut);
        addAction(option); // the keys work without opening the menu
    }
    auto *optionsMenu = new QMenu(m_searchOptionsButton);
    optionsMenu->addAction(m_ignoreCaseAction);
    optionsMenu->addAction(m_wrapAroundAction);
    m_searchOptionsButton->setMenu(optionsMenu);
    m_searchOptionsButton->setPopupMode(QToolButton::InstantPopup);
    m_progressBar->setRange(0, HexSearch::ProgressRange);
    m_progressBar->setMaximumWidth(120);
    m_progressBar->setAccessibleName(tr("Search progress"));
    m_progressBar->hide();
    m_cancelButton->setShortcut(QKeySequence(Qt::Key_Escape));
    m_cancelButton->hide();
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    // Window-wide keys for what the panel does; the owner's menus may show these actions.
    const auto shortcut = [this](const QString &name, const QKeySequence &key, auto slot) {
        auto *action = new QAction(this);
        action->setObjectName(name);
        action->setShortcut(key);
        action->setShortcutContext(Qt::WindowShortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
    };
    shortcut(u"hexFindAction"_s, QKeySequence::Find, [this] {
        m_searchEdit->setFocus(Qt::ShortcutFocusReason);
        m_searchEdit->selectAll();
    });
    // F3 alone: the platform's FindNext may add Ctrl+G, the window's Go To.
    shortcut(u"hexFindNextAction"_s, QKeySequence(Qt::Key_F3), [this] {
        findNextEntered();
    });
    shortcut(u"hexFindAllAction"_s, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F), [this] {
        findAllEntered();
    });
    shortcut(u"hexAddBookmarkAction"_s, QKeySequence(Qt::CTRL | Qt::Key_B), [this] {
        addBookmark();
    });

    // Go-to and search side by side, or one above the other where the panel is narrower than both
    // (updateToolRows): the panel's minimum width is the wider of the two, not their sum (issue 13).
    auto *navigationBar = new QHBoxLayout;
    navigationBar->addWidget(m_goToEdit, 1);
    navigationBar->addWidget(m_linkButton);
    navigationBar->addWidget(m_bytesPerRowCombo);
    navigationBar->addSpacing(8);
    navigationBar->addWidget(m_previousChangeButton);
    navigationBar->addWidget(m_nextChangeButton);
    navigationBar->setContentsMargins(0, 0, 0, 0);
    auto *searchBar = new QHBoxLayout;
    searchBar->setContentsMargins(0, 0, 0, 0);
    searchBar->addWidget(m_searchEdit, 2);
    searchBar->addWidget(m_searchModeCombo);
    searchBar->addWidget(m_searchScopeCombo);
    searchBar->addWidget(m_searchOptionsButton);
    searchBar->addWidget(m_findButton);
    searchBar->addWidget(m_findAllButton);
    searchBar->addWidget(m_progressBar);
    searchBar->addWidget(m_cancelButton);
    m_goToRow = navigationBar;
    m_searchRow = searchBar;
    m_toolRows = new QBoxLayout(QBoxLayout::LeftToRight);
    m_toolRows->addLayout(navigationBar, 1);
    m_toolRows->addSpacing(8);
    m_toolRows->addLayout(searchBar, 2);

    m_splitter->setChildrenCollapsible(false);
    m_backingFileButton->setCheckable(true);
    m_backingFileButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_backingFileButton->hide();
    m_backingTitle->setObjectName(u"backingTitle"_s);
    m_splitter->addWidget(column(m_backingTitle, m_backingView, m_backingFileButton));
    m_splitter->addWidget(column(m_imageTitle, m_imageView));
    m_splitter->addWidget(column(m_virtualTitle, m_virtualView));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(m_toolRows);
    layout->addWidget(m_splitter, 1);
    layout->addWidget(m_statusLabel);

    for (HexView *view : {m_backingView, m_imageView, m_virtualView}) {
        view->installEventFilter(this); // focus decides which view the inspector reads
        connect(view, &HexView::topOffsetChanged, this, [this, view](quint64 offsetBytes) {
            syncTopOffset(view, offsetBytes);
        });
        connect(view, &HexView::cursorOffsetChanged, this, [this, view](quint64 offsetBytes) {
            m_lastView = view;
            updateInspector();
            Q_EMIT offsetChanged(offsetBytes);
        });
        connect(view, &HexView::pendingEditsChanged, this, &HexPanel::updateInspector);
        connect(view, &HexView::showInHeatmapRequested, this, [this](ClusterRange range) {
            if (m_image)
                range = range.intersected(ClusterRange{0, m_image->clusterCount()});
            if (!range.isEmpty())
                Q_EMIT showInHeatmapRequested(range);
        });
        connect(view, &HexView::goToClusterRequested, this, &HexPanel::askForCluster);
        connect(view, &HexView::addBookmarkRequested, this, [this, view](quint64 offsetBytes, quint64 lengthBytes) {
            m_lastView = view;
            const int row = m_bookmarksModel->add(offsetBytes, lengthBytes);
            if (m_bookmarksView)
                m_bookmarksView->selectRow(row);
            showStatus(tr("Bookmarked 0x%1.").arg(offsetBytes, 0, 16));
            Q_EMIT toolViewRequested(m_bookmarksView);
        });
        connect(view, &HexView::contextMenuAboutToShow, this, &HexPanel::addContextMenuItems);
        connect(view, &HexView::copied, this, [this](quint64 copiedBytes, quint64 selectedBytes) {
            if (copiedBytes < selectedBytes)
                showStatus(tr("Copied the first %1 of %2 selected bytes.")
                               .arg(QLocale().formattedDataSize(qint64(copiedBytes)), QLocale().toString(qulonglong(selectedBytes))));
            else
                showStatus(tr("Copied %n byte(s).", nullptr, int(copiedBytes)));
        });
    }
    connect(m_backingFileButton, &QToolButton::toggled, this, &HexPanel::showBackingBytes);
    connect(m_goToEdit, &QLineEdit::returnPressed, this, &HexPanel::goToEntered);
    connect(m_linkButton, &QToolButton::toggled, this, [this](bool linked) {
        if (linked)
            syncTopOffset(currentView(), currentView()->topOffset());
    });
    connect(m_bytesPerRowCombo, &QComboBox::activated, this, [this](int index) {
        setBytesPerRow(m_bytesPerRowCombo->itemData(index).toInt());
    });
    connect(m_previousChangeButton, &QToolButton::clicked, this, &HexPanel::findPreviousChange);
    connect(m_nextChangeButton, &QToolButton::clicked, this, &HexPanel::findNextChange);
    connect(m_changesView, &HexChangesView::previousRequested, this, &HexPanel::findPreviousChange);
    connect(m_changesView, &HexChangesView::nextRequested, this, &HexPanel::findNextChange);
    connect(m_changesView, &HexChangesView::runActivated, this, &HexPanel::showChange);
    connect(m_bookmarksView, &HexBookmarksView::addRequested, this, &HexPanel::addBookmark);
    connect(m_bookmarksView, &HexBookmarksView::bookmarkActivated, this, &HexPanel::goToBookmark);
    connect(m_resultsView, &HexSearchResultsView::matchActivated, this, [this](const HexSearch::Match &match) {
        HexView *view = viewFor(m_resultsScope);
        view->setSelection(match.offsetBytes, match.lengthBytes);
        m_lastView = view;
        syncTopOffset(view, view->topOffset());
        Q_EMIT offsetChanged(match.offsetBytes);
    });
    connect(m_searchEdit, &QLineEdit::returnPressed, this, &HexPanel::findNextEntered);
    connect(m_findButton, &QToolButton::clicked, this, &HexPanel::findNextEntered);
    connect(m_findAllButton, &QToolButton::clicked, this, &HexPanel::findAllEntered);
    connect(m_cancelButton, &QToolButton::clicked, this, &HexPanel::cancelSearch);
    connect(&m_searchWatcher, &QFutureWatcher<HexSearch::Match>::progressValueChanged, m_progressBar, &QProgressBar::setValue);
    connect(&m_searchWatcher, &QFutureWatcher<HexSearch::Match>::finished, this, &HexPanel::onSearchFinished);
    connect(&m_reopenWatcher, &QFutureWatcher<std::shared_ptr<Image>>::finished, this, &HexPanel::readOnlyReopened);

    m_bytesPerRowSetting = QSettings().value(BytesPerRowKey, AutoBytesPerRow).toInt();
    if (m_bytesPerRowSetting != AutoBytesPerRow && !HexLayout::isBytesPerRow(m_bytesPerRowSetting))
        m_bytesPerRowSetting = AutoBytesPerRow;
    m_bytesPerRowCombo->setCurrentIndex(m_bytesPerRowCombo->findData(m_bytesPerRowSetting));
    applyBytesPerRow();
    applyImage(nullptr, false, false);
}

HexPanel::~HexPanel()
{
    cancelSearch();
    m_reopenWatcher.waitForFinished();
}

void HexPanel::setDocument(ImageDocument *document)
{
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    m_writableImage.reset();
    if (!m_document) {
        applyImage(nullptr, false, false);
        return;
    }
    connect(m_document, &ImageDocument::imageReplaced, this, [this] {
        // Reopened (a new header, another size) or another file: scan everything again.
        const std::shared_ptr<Image> image = m_document->image();
        applyImage(image, image && m_image && image->path() == m_image->path(), false);
    });
    connect(m_document, &ImageDocument::clustersChanged, this, &HexPanel::clustersChanged);
    connect(m_document, &ImageDocument::dataChanged, this, &HexPanel::dataChanged);
    applyImage(m_document->image(), false, false);
}

ImageDocument *HexPanel::document() const
{
    return m_document;
}

void HexPanel::setImage(std::shared_ptr<Image> image)
{
    applyImage(std::move(image), false, false);
}

void HexPanel::setWritableImage(std::shared_ptr<Image> image)
{
    const bool showingWritable = m_writableImage && m_image == m_writableImage;
    m_writableImage = std::move(image);
    if (!showingWritable || m_image == m_writableImage)
        return;
    if (m_writableImage)
        applyImage(m_writableImage, true, true);
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
        applyImage(reopened, true, true);
}

void HexPanel::clear()
{
    m_writableImage.reset();
    applyImage(nullptr, false, false);
}

void HexPanel::refresh()
{
    if (m_changeMarker)
        m_changeMarker->clear();
    for (HexView *view : {m_backingView, m_imageView, m_virtualView})
        view->refresh();
    updateInspector();
}

void HexPanel::clustersChanged(ClusterRange range)
{
    if (range.isEmpty())
        return;
    // R13: the virtual disk reads these clusters from another file now; tints and marks follow.
    dataChanged(range.first * ClusterSizeBytes, range.count * ClusterSizeBytes);
}

void HexPanel::dataChanged(quint64 offsetBytes, quint64 lengthBytes)
{
    if (!m_image || lengthBytes == 0)
        return;
    if (m_changeMarker)
        m_changeMarker->invalidate(offsetBytes, lengthBytes);
    for (HexView *view : {m_backingView, m_imageView, m_virtualView})
        view->invalidate(offsetBytes, lengthBytes);
    m_changesModel->rescan(ClusterRange::forBytes(offsetBytes, lengthBytes));
    updateInspector();
}

void HexPanel::applyImage(std::shared_ptr<Image> image, bool keepPosition, bool keepChanges)
{
    cancelSearch();
    const quint64 top = m_virtualView->topOffset();
    const quint64 cursor = m_virtualView->cursorOffset();
    const bool samePath = m_image && image && m_image->path() == image->path();
    if (keepChanges)
        m_changesModel->switchImage(image);
    else
        m_changesModel->setImage(image);
    m_image = std::move(image);
    m_changeMarker = m_image ? std::make_shared<HexChangeMarker>(m_image) : nullptr;
    m_undoStack->clear();
    m_backingFileSource.reset();
    if (!samePath) {
        m_bookmarksModel->setImagePath(m_image ? m_image->path() : QString());
        m_resultsModel->clear();
    }
    if (m_image) {
        if (m_image->backingFile().storedName.isEmpty()) {
            m_backingSource = std::make_shared<EmptyHexDataSource>();
        } else if (m_image->backingError()) {
            // No backing disk to show, never the file's bytes in its place; a qcow2 (vmdk, ...)
            // file that QEMU cannot read here still shows its own bytes under File Bytes.
            m_backingSource = std::make_shared<EmptyHexDataSource>();
            if (m_image->backingFd() >= 0 && m_image->header().backingFormat() != "raw")
                m_backingFileSource = std::make_shared<AttachedFileHexDataSource>(m_image, DataSource::Backing);
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
        if (m_image->backingError())
            m_virtualTitle->setText(tr("Virtual disk (%1 bytes; ·· where the backing file cannot be read)").arg(QLocale().toString(qulonglong(m_image->virtualSizeBytes()))));
        else
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
    m_backingFileButton->setVisible(bool(m_backingFileSource));
    showBackingBytes();
    quint64 displaySize = 0;
    for (const auto &source : {m_backingSource, m_backingFileSource, m_imageSource, m_virtualSource})
        displaySize = std::max(displaySize, source ? source->sizeBytes() : 0);
    for (HexView *view : {m_backingView, m_imageView, m_virtualView}) {
        if (view != m_backingView) // showBackingBytes() decides for the backing column
            view->setChangeMarker(m_changeMarker);
        view->setDisplaySizeBytes(displaySize);
        view->setHighlightedRange(0, 0);
    }
    m_virtualView->setEditable(m_writable && m_image);
    const bool enabled = bool(m_image);
    for (QWidget *widget : std::initializer_list<QWidget *>{m_goToEdit, m_previousChangeButton, m_nextChangeButton, m_searchEdit, m_findButton,
                                                            m_findAllButton, m_bookmarksView})
        widget->setEnabled(enabled);
    m_statusLabel->clear();
    applyBytesPerRow(); // the offset column's width depends on the size
    if (keepPosition) {
        m_virtualView->goToOffset(cursor);
        m_virtualView->setTopOffset(top);
    }
    updateInspector();
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
        if (const std::optional<Error> error = m_image->backingError(); error && !fileBytes)
            m_backingTitle->setText(tr("Backing disk cannot be read: %1").arg(errorText(*error)));
        else if (!m_backingFileSource)
            m_backingTitle->setText(tr("Backing file: %1").arg(path));
        else if (fileBytes)
            m_backingTitle->setText(tr("Backing file, its own %1 bytes: %2").arg(format, path));
        else
            m_backingTitle->setText(tr("Backing disk, as the guest sees it (%1): %2").arg(format, path));
    }
    m_backingTitle->setToolTip(m_backingTitle->text());
    m_backingView->setDataSource(fileBytes ? m_backingFileSource : m_backingSource);
    // The file's own bytes have no place in the disk's offsets: no changes to mark in them.
    m_backingView->setChangeMarker(fileBytes ? nullptr : m_changeMarker);
}

HexView *HexPanel::currentView() const
{
    for (HexView *view : {m_backingView, m_imageView, m_virtualView}) {
        if (view->hasFocus())
            return view;
    }
    return m_lastView;
}

HexView *HexPanel::viewFor(SearchScope scope) const
{
    switch (scope) {
    case SearchScope::BackingFile:
        return m_backingView;
    case SearchScope::ImageFile:
        return m_imageView;
    case SearchScope::VirtualDisk:
        break;
    }
    return m_virtualView;
}

std::shared_ptr<const HexDataSource> HexPanel::sourceFor(SearchScope scope) const
{
    return viewFor(scope)->dataSource();
}

QString HexPanel::viewName(const HexView *view) const
{
    if (view == m_backingView)
        return tr("Backing file");
    if (view == m_imageView)
        return tr("Raw image file");
    return tr("Virtual disk");
}

QString HexPanel::scopeName(SearchScope scope) const
{
    switch (scope) {
    case SearchScope::BackingFile:
        return tr("backing file");
    case SearchScope::ImageFile:
        return tr("raw image file");
    case SearchScope::VirtualDisk:
        break;
    }
    return tr("virtual disk");
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

void HexPanel::setBytesPerRow(int bytes)
{
    if (bytes != AutoBytesPerRow && !HexLayout::isBytesPerRow(bytes))
        return;
    m_bytesPerRowSetting = bytes;
    m_bytesPerRowCombo->setCurrentIndex(m_bytesPerRowCombo->findData(bytes));
    QSettings().setValue(BytesPerRowKey, bytes);
    applyBytesPerRow();
}

int HexPanel::bytesPerRow() const
{
    return m_virtualView->bytesPerRow();
}

void HexPanel::applyBytesPerRow()
{
    int bytes = m_bytesPerRowSetting;
    if (bytes == AutoBytesPerRow) {
        // The most that fit a third of the width each; 8 when even that does not fit.
        const int available = (m_splitter->width() - 2 * m_splitter->handleWidth()) / 3;
        bytes = 8;
        for (const int candidate : {32, 16}) {
            if (m_virtualView->preferredWidth(candidate) <= available) {
                bytes = candidate;
                break;
            }
        }
    }
    if (bytes == bytesPerRow())
        return;
    const quint64 top = currentView()->topOffset();
    for (HexView *view : {m_backingView, m_imageView, m_virtualView})
        view->setBytesPerRow(bytes);
    if (m_bytesPerRowSetting == AutoBytesPerRow) {
        const int third = m_splitter->width() / 3;
        m_splitter->setSizes({third, third, third});
    }
    syncTopOffset(nullptr, top);
}

bool HexPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::FocusIn) {
        for (HexView *view : {m_backingView, m_imageView, m_virtualView}) {
            if (watched == view && m_lastView != view) {
                m_lastView = view;
                updateInspector();
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

QSize HexPanel::minimumSizeHint() const
{
    // The minimum of the stacked rows whichever way they are placed now, so the window's minimum
    // does not change when they move (updateToolRows).
    QSize size = QWidget::minimumSizeHint();
    if (m_toolRows->direction() == QBoxLayout::LeftToRight) {
        const QSize goTo = m_goToRow->minimumSize();
        const QSize search = m_searchRow->minimumSize();
        size.setWidth(std::max({goTo.width(), search.width(), m_splitter->minimumSizeHint().width()}));
        size.rheight() += std::min(goTo.height(), search.height()) + std::max(layout()->spacing(), 0);
    }
    return size;
}

void HexPanel::updateToolRows()
{
    const int oneRowWidth = m_goToRow->sizeHint().width() + m_searchRow->sizeHint().width() + 8 + 2 * std::max(m_toolRows->spacing(), 0);
    const auto direction = width() >= oneRowWidth ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom;
    if (m_toolRows->direction() != direction)
        m_toolRows->setDirection(direction);
}

void HexPanel::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    updateToolRows();
    if (m_bytesPerRowSetting == AutoBytesPerRow)
        applyBytesPerRow();
}

void HexPanel::goToOffset(quint64 offsetBytes)
{
    m_syncing = true;
    for (HexView *view : {m_backingView, m_imageView, m_virtualView})
        view->goToOffset(offsetBytes);
    m_syncing = false;
    Q_EMIT offsetChanged(offsetBytes);
}

void HexPanel::goToCluster(quint64 clusterIndex)
{
    if (!m_image)
        return;
    clusterIndex = std::min(clusterIndex, m_image->clusterCount() ? m_image->clusterCount() - 1 : 0);
    showClusterRange(ClusterRange{clusterIndex, 1});
}

void HexPanel::askForCluster(quint64 suggestedCluster)
{
    if (!m_image || m_image->clusterCount() == 0)
        return;
    bool ok = false;
    const QString text = QInputDialog::getText(this, tr("Go to Cluster"),
                                               tr("Cluster (0 to %1, decimal or 0x hex):").arg(QLocale().toString(qulonglong(m_image->clusterCount() - 1))),
                                               QLineEdit::Normal, QString::number(suggestedCluster), &ok);
    if (!ok)
        return;
    const QString trimmed = text.trimmed();
    const quint64 cluster = trimmed.startsWith(u"0x"_s, Qt::CaseInsensitive) ? trimmed.mid(2).toULongLong(&ok, 16) : trimmed.toULongLong(&ok, 10);
    if (!ok || cluster >= m_image->clusterCount()) {
        showStatus(tr("Not a cluster of this disk: %1").arg(text));
        return;
    }
    goToCluster(cluster);
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

void HexPanel::addContextMenuItems(QMenu *menu)
{
    QMenu *rows = menu->addMenu(tr("Bytes per &Row"));
    rows->setObjectName(u"bytesPerRowMenu"_s);
    auto *group = new QActionGroup(rows);
    const auto add = [&](const QString &text, int bytes) {
        QAction *action = rows->addAction(text, this, [this, bytes] {
            setBytesPerRow(bytes);
        });
        action->setObjectName(u"bytesPerRow%1Action"_s.arg(bytes));
        action->setCheckable(true);
        action->setChecked(m_bytesPerRowSetting == bytes);
        group->addAction(action);
    };
    add(tr("&Auto"), AutoBytesPerRow);
    add(tr("&8"), 8);
    add(tr("&16"), 16);
    add(tr("&32"), 32);
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
    const bool throughDocument = m_document && m_document->isWritable() && m_document->image() == m_image;
    if (!throughDocument && (!m_writableImage || m_writableImage->access() != Image::Access::ReadWrite)) {
        Error error;
        error.code = ErrorCode::InvalidArgument;
        error.detail = u"no image is open for writing"_s;
        return error;
    }
    cancelSearch(); // no background reads while the files change
    m_changesModel->suspend();

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
    std::vector<std::pair<quint64, quint64>> writtenBytes; // their changes, tints and cached bytes are stale
    for (const auto &[offset, data] : runs) {
        if (failure) {
            for (qsizetype i = 0; i < data.size(); ++i)
                remaining[offset + quint64(i)] = data.at(i);
            continue;
        }
        // R18. The document announces what it wrote (dataChanged, clustersChanged) itself.
        const Result<ClusterRange> written = throughDocument ? m_document->write(offset, data) : m_writableImage->write(offset, data);
        if (!written) {
            failure = written.error();
            for (qsizetype i = 0; i < data.size(); ++i)
                remaining[offset + quint64(i)] = data.at(i);
            continue;
        }
        if (!written.value().isEmpty())
            Q_EMIT clustersWritten(written.value());
        writtenBytes.emplace_back(offset, quint64(data.size()));
    }
    m_virtualView->clearPendingEdits();
    m_undoStack->clear();
    if (throughDocument) {
        m_changesModel->unsuspend();
    } else {
        // Show the disk through the image that was written (its bitmap is current) and keep the place.
        const std::shared_ptr<Image> writable = m_writableImage;
        applyImage(writable, true, true);
        for (const auto &[offset, length] : writtenBytes)
            dataChanged(offset, length);
        m_changesModel->unsuspend();
    }
    for (const auto &[offset, value] : remaining)
        m_virtualView->setPendingByte(offset, value);
    if (failure) {
        showStatus(tr("Saving failed: %1").arg(failure->message()));
        return *failure;
    }
    showStatus(tr("Saved %n edited byte(s).", nullptr, int(std::min<size_t>(edits.size(), std::numeric_limits<int>::max()))));
    return {};
}

void HexPanel::findNextChange()
{
    if (!m_image)
        return;
    HexView *view = currentView();
    const quint64 from = view->selectionLength() ? view->selectionStart() : view->cursorOffset();
    if (const std::optional<int> row = m_changesModel->nextChanged(from)) {
        showChangeAt(*row);
        return;
    }
    showStatus(m_changesModel->isScanning() ? tr("No further change found yet: the scan is still running.")
                   : m_changesModel->isStopped() ? tr("No further change in the part scanned so far.")
                                                 : tr("No more changes after the cursor."));
}

void HexPanel::findPreviousChange()
{
    if (!m_image)
        return;
    HexView *view = currentView();
    const quint64 from = view->selectionLength() ? view->selectionStart() : view->cursorOffset();
    if (const std::optional<int> row = m_changesModel->previousChanged(from)) {
        showChangeAt(*row);
        return;
    }
    showStatus(m_changesModel->isScanning() ? tr("No earlier change found yet: the scan is still running.") : tr("No more changes before the cursor."));
}

void HexPanel::showChangeAt(int row)
{
    const ChangeRun run = m_changesModel->run(row);
    showChange(run);
    if (m_changesView)
        m_changesView->selectRow(row);
    const quint64 number = m_changesModel->changeNumber(row);
    showStatus(tr("Change %1 of %2: %n byte(s) from 0x%3, clusters %4 to %5.", nullptr, int(std::min<quint64>(run.lengthBytes, INT_MAX)))
                   .arg(number)
                   .arg(m_changesModel->changes().changedRunCount())
                   .arg(run.offsetBytes, 0, 16)
                   .arg(run.clusters.first)
                   .arg(run.clusters.end() - 1));
}

void HexPanel::showChange(const ChangeRun &run)
{
    if (!m_image)
        return;
    m_syncing = true;
    for (HexView *view : {m_backingView, m_imageView, m_virtualView})
        view->setSelection(run.offsetBytes, run.lengthBytes);
    m_syncing = false;
    syncTopOffset(nullptr, m_virtualView->topOffset());
    Q_EMIT offsetChanged(run.offsetBytes);
}

void HexPanel::setSearchOptions(const SearchOptions &options)
{
    m_searchModeCombo->setCurrentIndex(m_searchModeCombo->findData(int(options.mode)));
    m_searchScopeCombo->setCurrentIndex(m_searchScopeCombo->findData(int(options.scope)));
    m_ignoreCaseAction->setChecked(options.ignoreCase);
    m_wrapAroundAction->setChecked(options.wrapAround);
}

HexPanel::SearchOptions HexPanel::searchOptions() const
{
    SearchOptions options;
    options.mode = SearchMode(m_searchModeCombo->currentData().toInt());
    options.scope = SearchScope(m_searchScopeCombo->currentData().toInt());
    options.ignoreCase = m_ignoreCaseAction->isChecked();
    options.wrapAround = m_wrapAroundAction->isChecked();
    return options;
}

std::optional<HexSearchPattern> HexPanel::patternFor(const QString &text, const SearchOptions &options)
{
    switch (options.mode) {
    case SearchMode::HexBytes: {
        const std::optional<QByteArray> bytes = parseHexPattern(text);
        if (!bytes)
            return std::nullopt;
        return HexSearchPattern::fromBytes(*bytes);
    }
    case SearchMode::Utf8:
        return HexSearchPattern::fromText(text, HexSearchPattern::Encoding::Utf8, options.ignoreCase);
    case SearchMode::Utf16LE:
        return HexSearchPattern::fromText(text, HexSearchPattern::Encoding::Utf16LE, options.ignoreCase);
    case SearchMode::Utf16BE:
        return HexSearchPattern::fromText(text, HexSearchPattern::Encoding::Utf16BE, options.ignoreCase);
    }
    return std::nullopt;
}

void HexPanel::findNext(const HexSearchPattern &pattern, SearchScope scope, bool wrapAround)
{
    if (!m_image || pattern.isEmpty())
        return;
    cancelSearch();
    HexView *view = viewFor(scope);
    const quint64 from = view->selectionLength() ? view->selectionStart() + 1 : view->cursorOffset();
    m_searchView = view;
    m_progressBar->setValue(0);
    m_progressBar->show();
    m_cancelButton->show();
    showStatus(tr("Searching the %1…").arg(scopeName(scope)));
    m_searchWatcher.setFuture(HexSearch::findNext(view->dataSource(), pattern, from, wrapAround));
}

void HexPanel::findAll(const HexSearchPattern &pattern, SearchScope scope)
{
    if (!m_image || pattern.isEmpty())
        return;
    m_resultsScope = scope;
    m_resultsModel->start(sourceFor(scope), pattern, scopeName(scope));
    showStatus(tr("Finding all in the %1…").arg(scopeName(scope)));
    Q_EMIT toolViewRequested(m_resultsView);
}

void HexPanel::findNextEntered()
{
    const SearchOptions options = searchOptions();
    const std::optional<HexSearchPattern> pattern = patternFor(m_searchEdit->text(), options);
    if (!pattern || pattern->isEmpty()) {
        showStatus(m_searchEdit->text().isEmpty() ? tr("Type what to search for.") : tr("Not hex bytes: %1").arg(m_searchEdit->text()));
        return;
    }
    findNext(*pattern, options.scope, options.wrapAround);
}

void HexPanel::findAllEntered()
{
    const SearchOptions options = searchOptions();
    const std::optional<HexSearchPattern> pattern = patternFor(m_searchEdit->text(), options);
    if (!pattern || pattern->isEmpty()) {
        showStatus(m_searchEdit->text().isEmpty() ? tr("Type what to search for.") : tr("Not hex bytes: %1").arg(m_searchEdit->text()));
        return;
    }
    findAll(*pattern, options.scope);
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
    const QFuture<HexSearch::Match> future = m_searchWatcher.future();
    if (future.isCanceled() || future.resultCount() == 0 || !m_searchView) {
        showStatus(future.isCanceled() ? tr("Search cancelled.") : tr("Not found."));
        Q_EMIT searchFinished(false);
        return;
    }
    const HexSearch::Match match = future.result();
    m_searchView->setSelection(match.offsetBytes, match.lengthBytes);
    m_lastView = m_searchView;
    syncTopOffset(m_searchView, m_searchView->topOffset());
    const QString where = viewName(m_searchView);
    showStatus(match.wrapped ? tr("Found at 0x%1 in the %2, after wrapping around to the start.").arg(match.offsetBytes, 0, 16).arg(where)
                             : tr("Found at 0x%1 in the %2.").arg(match.offsetBytes, 0, 16).arg(where));
    updateInspector();
    Q_EMIT offsetChanged(match.offsetBytes);
    Q_EMIT searchFinished(true);
}

void HexPanel::addBookmark()
{
    if (!m_image)
        return;
    HexView *view = currentView();
    const quint64 length = view->selectionLength() ? view->selectionLength() : 1;
    const int row = m_bookmarksModel->add(view->selectionStart(), length);
    if (m_bookmarksView)
        m_bookmarksView->selectRow(row);
    showStatus(tr("Bookmarked 0x%1.").arg(view->selectionStart(), 0, 16));
    Q_EMIT toolViewRequested(m_bookmarksView);
}

void HexPanel::goToBookmark(const HexBookmark &bookmark)
{
    if (!m_image)
        return;
    HexView *view = currentView();
    view->setSelection(bookmark.offsetBytes, bookmark.lengthBytes);
    syncTopOffset(view, view->topOffset());
    showStatus(tr("%1: 0x%2").arg(bookmark.name).arg(bookmark.offsetBytes, 0, 16));
    Q_EMIT offsetChanged(bookmark.offsetBytes);
}

void HexPanel::updateInspector()
{
    if (!m_inspectorView)
        return;
    if (!m_image) {
        m_inspectorView->clear();
        return;
    }
    HexView *view = m_lastView;
    const quint64 offset = view->cursorOffset();
    QByteArray bytes;
    for (int i = 0; i < HexInspectorModel::MaxBytes; ++i) {
        const std::optional<char> byte = view->byteAt(offset + quint64(i));
        if (!byte)
            break;
        bytes.append(*byte);
    }
    m_inspectorView->setBytes(viewName(view), offset, bytes);
}

HexChangesView *HexPanel::changesView() const
{
    return m_changesView;
}

HexInspectorView *HexPanel::inspectorView() const
{
    return m_inspectorView;
}

HexBookmarksView *HexPanel::bookmarksView() const
{
    return m_bookmarksView;
}

HexSearchResultsView *HexPanel::searchResultsView() const
{
    return m_resultsView;
}

QString HexPanel::statusText() const
{
    return m_statusLabel->text();
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
