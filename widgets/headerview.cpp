// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "headerview.h"

#include "filehexdatasource.h"
#include "headermodel.h"
#include "hexview.h"
#include "image.h"
#include "imagedocument.h"

#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFontMetrics>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QMenu>
#include <QScrollBar>
#include <QSplitter>
#include <QStyle>
#include <QTableView>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace AddCow
{

HeaderView::HeaderView(QWidget *parent)
    : QWidget(parent)
    , m_model(new HeaderModel(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_table(new QTableView(m_splitter))
    , m_hexView(new HexView(m_splitter))
{
    m_table->setObjectName(u"headerTable"_s);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    // Compact rows (the style's default leaves room for large icons): more fields fit the dock.
    const int iconExtent = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, m_table);
    m_table->verticalHeader()->setMinimumSectionSize(1);
    m_table->verticalHeader()->setDefaultSectionSize(std::max(m_table->fontMetrics().height(), iconExtent) + 6);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setSectionResizeMode(HeaderModel::ValueColumn, QHeaderView::Stretch);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &HeaderView::currentRowChanged);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table, &QWidget::customContextMenuRequested, this, &HeaderView::showContextMenu);

    m_hexView->setObjectName(u"headerHexView"_s);
    m_hexView->setSourceMarkingEnabled(false);
    m_hexView->setFont(HexView::compactFont());

    m_splitter->addWidget(m_table);
    m_splitter->addWidget(m_hexView);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 0);
    m_splitter->setChildrenCollapsible(false);
    // A few rows each at least, not the scroll bars' 70 pixels: the docks on the right must fit
    // a 600 pixel high window (issue 13).
    m_table->setMinimumHeight(m_table->fontMetrics().lineSpacing() * 3);
    m_hexView->setMinimumHeight(m_hexView->fontMetrics().lineSpacing() * 3);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_splitter);
}

HeaderView::~HeaderView() = default;

void HeaderView::setDocument(ImageDocument *document)
{
    if (m_document)
        m_document->disconnect(this);
    m_document = document;
    if (!document) {
        clear();
        return;
    }
    connect(document, &ImageDocument::imageReplaced, this, &HeaderView::showDocument);
    connect(document, &ImageDocument::findingsChanged, this, [this] {
        // The file findings mark rows too (R16, R17); keep the row the user is on.
        const std::optional<HeaderField> selected = selectedField();
        m_model->setHeader(m_document->headerBytes(), m_document->headerParse(), m_document->findings(), m_document->path());
        if (selected)
            selectField(*selected);
    });
    // The hex view shows the .add-cow file, bitmap included.
    connect(document, &ImageDocument::clustersChanged, m_hexView, &HexView::refresh);
    showDocument();
}

void HeaderView::showDocument()
{
    if (m_document->path().isEmpty())
        clear();
    else
        setHeader(m_document->headerBytes(), m_document->headerParse(), m_document->findings(), m_document->path());
}

void HeaderView::setHeader(const QByteArray &headerBytes, const HeaderParse &parse, const Findings &fileFindings,
                           const QString &addCowPath)
{
    m_model->setHeader(headerBytes, parse, fileFindings, addCowPath);
    m_addCowPath = addCowPath;
    m_header = parse.header;
    m_hexView->setHighlightedRange(0, 0);
    m_hexView->setDataSource(addCowPath.isEmpty() ? nullptr : std::make_shared<FileHexDataSource>(addCowPath));
    for (int column : {HeaderModel::RangeColumn, HeaderModel::NameColumn, HeaderModel::RawColumn, HeaderModel::StatusColumn})
        m_table->resizeColumnToContents(column);
    // Room for 8 raw bytes; longer ones (formats, names) are elided, their tooltip has them whole.
    const QFontMetrics fixed(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    const int maxRawWidth = fixed.horizontalAdvance(QString(24, QLatin1Char('0'))) + 2 * style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_table) + 8;
    m_rawColumnWidth = std::min(m_table->columnWidth(HeaderModel::RawColumn), maxRawWidth);
    m_table->setColumnWidth(HeaderModel::RawColumn, m_rawColumnWidth);
    updateOrientation();
    fitRawColumn();
}

void HeaderView::fitRawColumn()
{
    if (m_rawColumnWidth <= 0)
        return;
    // The decoded value matters more than the raw bytes (the hex view has them too): in a narrow
    // dock the raw column gives up width down to 4 bytes so the value keeps about 20 characters.
    const QFontMetrics fixed(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    const int minRawWidth = std::min(m_rawColumnWidth, fixed.horizontalAdvance(QString(12, QLatin1Char('0'))));
    int others = 0;
    for (int column : {HeaderModel::RangeColumn, HeaderModel::NameColumn, HeaderModel::StatusColumn})
        others += m_table->columnWidth(column);
    const int valueWidth = m_table->fontMetrics().averageCharWidth() * 20;
    const int room = m_table->viewport()->width() - others - valueWidth;
    m_table->setColumnWidth(HeaderModel::RawColumn, std::clamp(room, minRawWidth, m_rawColumnWidth));
}

void HeaderView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_splitterFitted) {
        m_splitterFitted = true;
        fitHexViewWidth();
    }
}

void HeaderView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    updateOrientation();
    fitRawColumn();
}

int HeaderView::tableWidthNeeded() const
{
    // Every column but the decoded value at its width, and room for about 24 characters of value.
    int width = 2 * m_table->frameWidth() + m_table->verticalScrollBar()->sizeHint().width();
    for (int column = 0; column < HeaderModel::ColumnCount; ++column) {
        if (column != HeaderModel::ValueColumn)
            width += m_table->columnWidth(column);
    }
    return width + m_table->fontMetrics().averageCharWidth() * 24;
}

void HeaderView::updateOrientation()
{
    const int hexWidth = m_hexView->sizeHint().width();
    const Qt::Orientation wanted = width() >= tableWidthNeeded() + m_splitter->handleWidth() + hexWidth ? Qt::Horizontal : Qt::Vertical;
    if (wanted == m_splitter->orientation())
        return;
    m_splitter->setOrientation(wanted);
    if (isVisible())
        fitHexViewWidth();
    else
        m_splitterFitted = false;
}

void HeaderView::fitHexViewWidth()
{
    if (m_splitter->orientation() == Qt::Vertical) {
        // Table above, bytes below: the table gets most of the height.
        const int total = m_splitter->height() - m_splitter->handleWidth();
        m_splitter->setSizes({total * 62 / 100, total - total * 62 / 100});
        return;
    }
    const int hexWidth = m_hexView->sizeHint().width();
    const int total = m_splitter->width() - m_splitter->handleWidth();
    if (total > 2 * hexWidth)
        m_splitter->setSizes({total - hexWidth, hexWidth});
    else
        m_splitter->setSizes({total / 2, total - total / 2});
}

void HeaderView::clear()
{
    m_model->clear();
    m_addCowPath.clear();
    m_header = {};
    m_hexView->setHighlightedRange(0, 0);
    m_hexView->setDataSource(nullptr);
}

void HeaderView::selectField(HeaderField field)
{
    const int row = m_model->rowForField(field);
    if (row < 0)
        return;
    m_table->selectionModel()->setCurrentIndex(m_model->index(row, HeaderModel::NameColumn),
                                               QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(m_model->index(row, HeaderModel::NameColumn));
}

std::optional<HeaderField> HeaderView::selectedField() const
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    if (!current.isValid())
        return std::nullopt;
    return m_model->fieldForRow(current.row());
}

void HeaderView::currentRowChanged(const QModelIndex &current)
{
    if (!current.isValid()) {
        m_hexView->setHighlightedRange(0, 0);
        return;
    }
    const int row = current.row();
    const quint64 lengthBytes = m_model->lengthBytes(row);
    if (lengthBytes > 0) {
        m_hexView->setHighlightedRange(m_model->offsetBytes(row), lengthBytes);
        m_hexView->goToOffset(current.siblingAtColumn(0).data(HeaderModel::FocusOffsetRole).toULongLong());
    } else {
        m_hexView->setHighlightedRange(0, 0);
    }
    Q_EMIT fieldSelected(m_model->fieldForRow(row));
}

QString HeaderView::filePathFor(HeaderField field) const
{
    // R16: stored names resolve against the .add-cow file's folder.
    switch (field) {
    case HeaderField::AddCowFile:
    case HeaderField::Bitmap:
        return m_addCowPath;
    case HeaderField::ImageFileName:
    case HeaderField::ImageFileNameOffset:
    case HeaderField::ImageFileNameSize:
    case HeaderField::ImageFile:
        return m_header.imageFileName.isEmpty() ? QString() : resolveStoredName(m_addCowPath, m_header.imageFileName);
    case HeaderField::BackingFileName:
    case HeaderField::BackingFileNameOffset:
    case HeaderField::BackingFileNameSize:
    case HeaderField::BackingFile:
        return m_header.backingFileName.isEmpty() ? QString() : resolveStoredName(m_addCowPath, m_header.backingFileName);
    default:
        return {};
    }
}

void HeaderView::showContextMenu(const QPoint &position)
{
    const QModelIndex index = m_table->indexAt(position);
    if (!index.isValid())
        return;
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    const int row = index.row();
    const HeaderField field = m_model->fieldForRow(row);
    auto cell = [this, row](int column) { return m_model->index(row, column).data().toString(); };
    QMenu menu(this);
    menu.setObjectName(u"headerContextMenu"_s);
    menu.addAction(tr("Copy &Value"), this, [cell] { QApplication::clipboard()->setText(cell(HeaderModel::ValueColumn)); });
    QAction *raw = menu.addAction(tr("Copy &Raw Bytes"), this, [cell] { QApplication::clipboard()->setText(cell(HeaderModel::RawColumn)); });
    raw->setEnabled(!cell(HeaderModel::RawColumn).isEmpty());
    menu.addAction(tr("Copy R&ow"), this, [cell] {
        QStringList cells;
        for (int column = 0; column < HeaderModel::ColumnCount; ++column)
            cells.append(cell(column));
        QApplication::clipboard()->setText(cells.join(u'\t'));
    });
    if (const QString path = filePathFor(field); !path.isEmpty()) {
        menu.addSeparator();
        menu.addAction(tr("Copy &Path"), this, [path] { QApplication::clipboard()->setText(QDir::toNativeSeparators(path)); });
        QAction *folder = menu.addAction(tr("Open Containing &Folder"), this, [path] {
            QDesktopServices::openUrl(QUrl::fromLocalFile(QFileInfo(path).absolutePath()));
        });
        folder->setEnabled(QFileInfo(QFileInfo(path).absolutePath()).isDir());
    }
    Q_EMIT contextMenuAboutToShow(&menu, field);
    menu.exec(m_table->viewport()->mapToGlobal(position));
}

} // namespace AddCow
