// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "partitionsview.h"

#include "partitiontext.h"
#include "ruletext.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPainter>
#include <QPixmap>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace AddCow
{

namespace
{

constexpr int PartitionIndexRole = Qt::UserRole + 1; // position in m_table.partitions
constexpr int SortRole = Qt::UserRole + 2;

// "1 MiB", "15.5 KiB": whole numbers without decimals, as partition tools show sizes.
QString humanSize(quint64 bytes)
{
    const QLocale locale;
    quint64 unit = 1;
    while (unit <= bytes / 1024)
        unit *= 1024;
    return locale.formattedDataSize(qint64(bytes), bytes % unit == 0 ? 0 : 2, QLocale::DataSizeIecFormat);
}

QIcon colorSwatch(const QColor &color, int sizePx)
{
    QPixmap pixmap(sizePx, sizePx);
    pixmap.fill(Qt::transparent);
    if (color.isValid()) {
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(color.darker(140));
        painter.setBrush(color);
        painter.drawRoundedRect(QRectF(0.5, 0.5, sizePx - 1, sizePx - 1), 2, 2);
    }
    return QIcon(pixmap);
}

} // namespace

PartitionsView::PartitionsView(QWidget *parent)
    : QWidget(parent)
    , m_summary(new QLabel(this))
    , m_problems(new QLabel(this))
    , m_stack(new QStackedWidget(this))
    , m_tree(new QTreeView(m_stack))
    , m_model(new QStandardItemModel(0, ColumnCount, this))
    , m_placeholder(new QLabel(m_stack))
{
    m_model->setHorizontalHeaderLabels({tr("#"), tr("Name"), tr("Type"), tr("Start"), tr("Size"), tr("Allocated")});
    m_model->setSortRole(SortRole);
    m_model->horizontalHeaderItem(NumberColumn)->setToolTip(tr("The partition's number, as Linux names it (sda1, sda5), and its colour on the map"));
    m_model->horizontalHeaderItem(AllocatedColumn)->setToolTip(tr("Clusters of the partition that are in the image file (written), of all its clusters"));

    m_summary->setObjectName(u"partitionsSummary"_s);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problems->setObjectName(u"partitionsProblems"_s);
    m_problems->setWordWrap(true);
    m_problems->setTextFormat(Qt::RichText);
    m_problems->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problems->hide();

    m_tree->setObjectName(u"partitionsTree"_s);
    m_tree->setModel(m_model);
    m_tree->setRootIsDecorated(false);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setSortingEnabled(true);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->header()->setStretchLastSection(true);
    m_tree->sortByColumn(StartColumn, Qt::AscendingOrder);
    m_tree->setContextMenuPolicy(Qt::DefaultContextMenu);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        if (!m_selecting)
            emitSelected(current);
    });
    // Clicking the row that was already current selects its clusters again (the map may have
    // moved on); a click that makes a row current already did through currentRowChanged.
    m_tree->viewport()->installEventFilter(this);
    connect(m_tree, &QTreeView::clicked, this, [this](const QModelIndex &index) {
        if (!m_selecting && index.isValid() && index.row() == m_rowAtPress)
            emitSelected(index);
        m_rowAtPress = -1;
    });

    m_placeholder->setObjectName(u"partitionsPlaceholder"_s);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setEnabled(false); // drawn in the palette's disabled text colour

    m_stack->addWidget(m_tree);
    m_stack->addWidget(m_placeholder);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    const int margin = style()->pixelMetric(QStyle::PM_LayoutLeftMargin) / 2;
    auto *header = new QVBoxLayout;
    header->setContentsMargins(margin, margin, margin, 0);
    header->addWidget(m_summary);
    header->addWidget(m_problems);
    layout->addLayout(header);
    layout->addWidget(m_stack, 1);

    clear();
}

PartitionsView::~PartitionsView() = default;

void PartitionsView::setTable(const PartitionTable &table, const QList<quint64> &allocatedClusters)
{
    m_table = table;
    m_allocated = allocatedClusters;
    m_allocated.resize(table.partitions.size());
    m_hasTable = true;
    m_reading = false;
    rebuild();
}

void PartitionsView::setAllocatedClusters(const QList<quint64> &allocatedClusters)
{
    if (!m_hasTable || allocatedClusters.size() != m_table.partitions.size())
        return;
    m_allocated = allocatedClusters;
    updateAllocatedItems();
}

void PartitionsView::setReading(bool reading)
{
    m_reading = reading;
    if (reading && !m_hasTable)
        showPlaceholder(tr("Reading the partition table…"));
    updateSummary();
}

void PartitionsView::setError(const Error &error)
{
    m_table = PartitionTable();
    m_allocated.clear();
    m_hasTable = false;
    m_reading = false;
    m_model->removeRows(0, m_model->rowCount());
    m_summary->setText(tr("The partition table cannot be read."));
    m_problems->hide();
    showPlaceholder(errorText(error));
}

void PartitionsView::clear()
{
    m_table = PartitionTable();
    m_allocated.clear();
    m_hasTable = false;
    m_reading = false;
    m_model->removeRows(0, m_model->rowCount());
    m_summary->clear();
    m_summary->hide();
    m_problems->hide();
    showPlaceholder(tr("No image open"));
}

std::optional<Partition> PartitionsView::partitionAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != m_model)
        return std::nullopt;
    const int position = m_model->index(index.row(), NumberColumn).data(PartitionIndexRole).toInt();
    if (position < 0 || position >= m_table.partitions.size())
        return std::nullopt;
    return m_table.partitions.at(position);
}

void PartitionsView::selectPartition(int number)
{
    m_selecting = true;
    m_tree->selectionModel()->clearSelection();
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const std::optional<Partition> partition = partitionAt(m_model->index(row, NumberColumn));
        if (partition && partition->number == number) {
            m_tree->selectionModel()->setCurrentIndex(m_model->index(row, NumberColumn),
                                                      QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            m_tree->scrollTo(m_model->index(row, NumberColumn));
            break;
        }
    }
    m_selecting = false;
}

bool PartitionsView::isShowingPlaceholder() const
{
    return m_stack->currentWidget() == m_placeholder;
}

QString PartitionsView::placeholderText() const
{
    return m_placeholder->text();
}

QString PartitionsView::summaryText() const
{
    return m_summary->text();
}

void PartitionsView::rebuild()
{
    m_selecting = true;
    m_model->removeRows(0, m_model->rowCount());
    const bool sorting = m_tree->isSortingEnabled();
    m_tree->setSortingEnabled(false);
    const int swatchPx = fontMetrics().height() * 3 / 4;
    const QLocale locale;
    for (qsizetype i = 0; i < m_table.partitions.size(); ++i) {
        const Partition &p = m_table.partitions.at(i);
        const quint64 sectors = p.lengthBytes / m_table.sectorSizeBytes;

        auto *number = new QStandardItem(colorSwatch(partitionColor(m_table, i), swatchPx), QString::number(p.number));
        number->setData(int(i), PartitionIndexRole);
        number->setData(p.number, SortRole);
        number->setToolTip(tr("Partition %1, %2").arg(p.number).arg(partitionKindDisplayName(p.kind)));

        auto *name = new QStandardItem;
        if (p.kind == PartitionKind::Gpt) {
            name->setText(p.name);
        } else {
            // MBR partitions have no names: say what kind of slot it is instead, greyed.
            name->setText(partitionKindDisplayName(p.kind));
            QFont font = name->font();
            font.setItalic(true);
            name->setFont(font);
            name->setForeground(palette().brush(QPalette::Disabled, QPalette::Text));
        }
        name->setToolTip(name->text()); // whole when a narrow list cuts it
        name->setData(name->text(), SortRole);

        auto *type = new QStandardItem(partitionTypeDisplayName(p));
        type->setData(type->text(), SortRole);
        QStringList typeTip{tr("Type: %1").arg(p.type)};
        if (!p.uuid.isEmpty())
            typeTip.append(tr("Partition GUID: %1").arg(p.uuid));
        if (p.bootable)
            typeTip.append(tr("Bootable"));
        if (p.attributes != 0)
            typeTip.append(tr("Attributes: 0x%1").arg(p.attributes, 16, 16, QLatin1Char('0')));
        type->setToolTip(typeTip.join(u'\n'));

        auto *start = new QStandardItem(humanSize(p.startBytes));
        start->setData(qulonglong(p.startBytes), SortRole);
        start->setToolTip(tr("Byte %1 (0x%2), sector %3")
                              .arg(locale.toString(qulonglong(p.startBytes)), QString::number(p.startBytes, 16))
                              .arg(locale.toString(qulonglong(p.startBytes / m_table.sectorSizeBytes))));

        auto *size = new QStandardItem(humanSize(p.lengthBytes));
        size->setData(qulonglong(p.lengthBytes), SortRole);
        size->setToolTip(tr("%1 bytes, %2 sectors of %3 bytes; ends before byte %4 (0x%5)")
                             .arg(locale.toString(qulonglong(p.lengthBytes)), locale.toString(qulonglong(sectors)))
                             .arg(m_table.sectorSizeBytes)
                             .arg(locale.toString(qulonglong(p.endBytes())), QString::number(p.endBytes(), 16)));

        auto *allocated = new QStandardItem;
        m_model->appendRow({number, name, type, start, size, allocated});
    }
    updateAllocatedItems();
    m_tree->setSortingEnabled(sorting);
    if (sorting)
        m_model->sort(m_tree->header()->sortIndicatorSection(), m_tree->header()->sortIndicatorOrder());
    fitColumns();
    m_selecting = false;

    updateSummary();
    if (!m_table.partitions.isEmpty()) {
        m_stack->setCurrentWidget(m_tree);
    } else if (m_table.isRefused()) {
        showPlaceholder(tr("The partition table has errors and is not used."));
    } else if (m_table.scheme == PartitionTable::Scheme::None) {
        showPlaceholder(tr("No partition table on this disk"));
    } else {
        showPlaceholder(tr("The partition table lists no partitions"));
    }
}

void PartitionsView::updateAllocatedItems()
{
    const QLocale locale;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const int position = m_model->index(row, NumberColumn).data(PartitionIndexRole).toInt();
        const quint64 total = m_table.partitions.at(position).clusters().count;
        const quint64 allocated = m_allocated.value(position);
        QStandardItem *item = m_model->item(row, AllocatedColumn);
        const double percent = total == 0 ? 0.0 : 100.0 * double(allocated) / double(total);
        // Never "0 %" for a partition with one written cluster, never "100 %" for one without all.
        const int decimals = (allocated > 0 && percent < 1.0) || (allocated < total && percent > 99.0) ? 2 : 0;
        item->setText(tr("%1 of %2 (%3 %)").arg(locale.toString(qulonglong(allocated)), locale.toString(qulonglong(total)),
                                               locale.toString(percent, 'f', decimals)));
        item->setData(qulonglong(allocated), SortRole);
        item->setToolTip(tr("%1 of the partition's %2 clusters of 64 KiB are read from the image file (written since the image was created)")
                             .arg(locale.toString(qulonglong(allocated)), locale.toString(qulonglong(total))));
    }
}

void PartitionsView::updateSummary()
{
    QString text;
    if (m_hasTable) {
        const QLocale locale;
        if (m_table.scheme == PartitionTable::Scheme::None) {
            text = partitionSchemeDisplayName(m_table.scheme);
        } else {
            qsizetype count = 0;
            for (const Partition &p : std::as_const(m_table.partitions))
                count += p.holdsData() ? 1 : 0;
            const QString partitions = count == 1 ? tr("1 partition") : tr("%1 partitions").arg(count);
            text = tr("%1, %2-byte sectors, %3", "scheme, sector size, partition count")
                       .arg(partitionSchemeDisplayName(m_table.scheme))
                       .arg(m_table.sectorSizeBytes)
                       .arg(partitions);
            if (m_table.usesBackupGpt)
                text += tr(", read from the backup GPT");
        }
        if (m_reading)
            text += u' ' + tr("(reading again…)");
    } else if (m_reading) {
        text = tr("Reading the partition table…");
    }
    m_summary->setText(text);
    m_summary->setVisible(!text.isEmpty());
    if (m_hasTable && !m_table.diskId.isEmpty())
        m_summary->setToolTip(tr("Disk identifier: %1").arg(m_table.diskId));
    else
        m_summary->setToolTip(QString());

    // What is wrong, worst first; each sentence with its severity and where it is.
    QStringList lines;
    if (m_hasTable) {
        for (const Severity severity : {Severity::Error, Severity::Warning, Severity::Info}) {
            for (const PartitionFinding &finding : std::as_const(m_table.findings)) {
                if (finding.severity != severity)
                    continue;
                lines.append(u"<b>%1:</b> %2"_s.arg(severityDisplayName(severity).toHtmlEscaped(), partitionFindingText(finding).toHtmlEscaped()));
            }
        }
    }
    m_problems->setText(lines.join(u"<br>"_s));
    m_problems->setVisible(!lines.isEmpty());
}

void PartitionsView::showPlaceholder(const QString &text)
{
    m_placeholder->setText(text);
    m_stack->setCurrentWidget(m_placeholder);
}

void PartitionsView::emitSelected(const QModelIndex &index)
{
    if (const std::optional<Partition> partition = partitionAt(index))
        Q_EMIT partitionSelected(*partition);
}

QMenu *PartitionsView::createContextMenu()
{
    const std::optional<Partition> partition = partitionAt(m_tree->currentIndex());
    if (!partition)
        return nullptr;
    auto *menu = new QMenu(this);
    menu->setObjectName(u"partitionsContextMenu"_s);
    QAction *select = menu->addAction(tr("&Select Clusters on the Map"));
    select->setObjectName(u"selectPartitionClustersAction"_s);
    connect(select, &QAction::triggered, this, [this, p = *partition] { Q_EMIT partitionSelected(p); });
    QAction *start = menu->addAction(tr("Show &Start in the Hex Views"));
    start->setObjectName(u"showPartitionStartAction"_s);
    connect(start, &QAction::triggered, this, [this, p = *partition] { Q_EMIT offsetRequested(p.startBytes, std::min<quint64>(p.lengthBytes, 512)); });
    QAction *entry = menu->addAction(tr("Show Table &Entry in the Hex Views"));
    entry->setObjectName(u"showPartitionEntryAction"_s);
    entry->setToolTip(tr("The %1 bytes of the partition table that describe this partition").arg(partition->entryLengthBytes));
    connect(entry, &QAction::triggered, this, [this, p = *partition] { Q_EMIT offsetRequested(p.entryOffsetBytes, p.entryLengthBytes); });
    menu->addSeparator();
    QAction *copy = menu->addAction(tr("&Copy"));
    copy->setObjectName(u"copyPartitionAction"_s);
    copy->setShortcut(QKeySequence::Copy);
    const int row = m_tree->currentIndex().row();
    connect(copy, &QAction::triggered, this, [this, row] {
        QStringList cells;
        for (int column = 0; column < ColumnCount; ++column)
            cells.append(m_model->index(row, column).data().toString());
        QApplication::clipboard()->setText(cells.join(u'\t'));
    });
    return menu;
}

void PartitionsView::fitColumns()
{
    for (int column = 0; column < AllocatedColumn; ++column)
        m_tree->resizeColumnToContents(column);
    // In a narrow dock (1366x768) the allocated counts, the answer this list is for, stay in
    // view: long names and type names are cut first (elided; their tooltips have them whole).
    QHeaderView *header = m_tree->header();
    int allocatedWidth = header->sectionSizeHint(AllocatedColumn);
    for (int row = 0; row < m_model->rowCount(); ++row)
        allocatedWidth = std::max(allocatedWidth, m_tree->fontMetrics().horizontalAdvance(m_model->item(row, AllocatedColumn)->text()) + 12);
    int excess = allocatedWidth - m_tree->viewport()->width();
    for (int column = 0; column < AllocatedColumn; ++column)
        excess += header->sectionSize(column);
    const int minimum = header->fontMetrics().averageCharWidth() * 8;
    for (const int column : {NameColumn, TypeColumn}) {
        const int size = header->sectionSize(column);
        const int cut = std::clamp(excess, 0, std::max(0, size - minimum));
        header->resizeSection(column, size - cut);
        excess -= cut;
    }
}

bool PartitionsView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_tree->viewport() && event->type() == QEvent::MouseButtonPress)
        m_rowAtPress = m_tree->currentIndex().isValid() ? m_tree->currentIndex().row() : -1;
    if (watched == m_tree->viewport() && event->type() == QEvent::Resize && m_model->rowCount() > 0)
        fitColumns();
    return QWidget::eventFilter(watched, event);
}

void PartitionsView::contextMenuEvent(QContextMenuEvent *event)
{
    const QPoint viewportPos = m_tree->viewport()->mapFrom(this, event->pos());
    const QModelIndex index = m_tree->indexAt(viewportPos);
    if (index.isValid())
        m_tree->setCurrentIndex(index);
    QMenu *menu = createContextMenu();
    if (!menu)
        return;
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(event->globalPos());
}

} // namespace AddCow
