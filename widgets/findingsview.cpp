// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "findingsview.h"

#include "imagedocument.h"
#include "ruletext.h"

#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QHeaderView>
#include <QMenu>
#include <QLabel>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace AddCow
{

namespace
{

constexpr int FindingIndexRole = Qt::UserRole + 1; // position in m_findings
constexpr int SortRole = Qt::UserRole + 2;

int severityRank(Severity severity)
{
    switch (severity) {
    case Severity::Info:
        return 0;
    case Severity::Warning:
        return 1;
    case Severity::Error:
        return 2;
    }
    return 0;
}

} // namespace

FindingsView::FindingsView(QWidget *parent)
    : QWidget(parent)
    , m_stack(new QStackedWidget(this))
    , m_tree(new QTreeView(m_stack))
    , m_model(new QStandardItemModel(0, ColumnCount, this))
    , m_placeholder(new QLabel(m_stack))
{
    m_model->setHorizontalHeaderLabels({tr("Severity"), tr("Field"), tr("Rule"), tr("Value"), tr("Message")});
    m_model->setSortRole(SortRole);

    m_tree->setObjectName(u"findingsTree"_s);
    m_tree->setModel(m_model);
    m_tree->setRootIsDecorated(false);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setSortingEnabled(true);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // The message is what a finding says: right after the severity, with the room that is left
    // (fitColumns); field, rule and value follow, narrow, their whole text in the tooltips.
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->moveSection(MessageColumn, SeverityColumn + 1);
    m_tree->setTextElideMode(Qt::ElideMiddle);
    m_tree->viewport()->installEventFilter(this);
    m_tree->sortByColumn(SeverityColumn, Qt::DescendingOrder);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_tree, &QWidget::customContextMenuRequested, this, &FindingsView::showContextMenu);
    connect(m_tree, &QTreeView::activated, this, &FindingsView::activate);

    m_placeholder->setObjectName(u"findingsPlaceholder"_s);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setEnabled(false); // drawn in the palette's disabled text colour

    m_stack->addWidget(m_tree);
    m_stack->addWidget(m_placeholder);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    clear();
}

FindingsView::~FindingsView() = default;

void FindingsView::setDocument(ImageDocument *document)
{
    if (m_document)
        m_document->disconnect(this);
    m_document = document;
    if (!document) {
        clear();
        return;
    }
    connect(document, &ImageDocument::imageReplaced, this, &FindingsView::showDocument);
    connect(document, &ImageDocument::findingsChanged, this, &FindingsView::showDocument);
    showDocument();
}

void FindingsView::showDocument()
{
    if (m_document->path().isEmpty())
        clear();
    else
        setFindings(m_document->findings());
}

void FindingsView::setFindings(const Findings &findings)
{
    m_findings = findings;
    m_model->removeRows(0, m_model->rowCount());
    if (findings.isEmpty()) {
        showPlaceholder(tr("No problems found"));
        return;
    }

    const bool sorting = m_tree->isSortingEnabled();
    m_tree->setSortingEnabled(false);
    for (qsizetype i = 0; i < findings.size(); ++i) {
        const Finding &finding = findings.at(i);
        const QString rule = finding.rule() > 0 ? u"R%1"_s.arg(finding.rule()) : QString();
        const QString ruleTip = finding.rule() > 0 ? u"%1: %2"_s.arg(rule, ruleText(finding.rule())) : QString();
        const QString text = findingText(finding);
        const QString valueText = finding.value.toString();
        const QString range = finding.lengthBytes > 0
            ? tr("bytes %1-%2").arg(finding.offsetBytes).arg(finding.offsetBytes + finding.lengthBytes - 1)
            : QString();

        auto *severity = new QStandardItem(severityIcon(finding.severity), severityDisplayName(finding.severity));
        severity->setData(int(i), FindingIndexRole);
        severity->setData(severityRank(finding.severity), SortRole);

        auto *field = new QStandardItem(fieldDisplayName(finding.field));
        field->setData(int(finding.field), SortRole);
        field->setToolTip(range.isEmpty() ? fieldDisplayName(finding.field) : tr("%1, %2").arg(fieldDisplayName(finding.field), range));

        auto *ruleItem = new QStandardItem(rule);
        ruleItem->setData(finding.rule(), SortRole);
        ruleItem->setToolTip(ruleTip);

        auto *value = new QStandardItem(valueText);
        value->setData(valueText, SortRole);
        value->setToolTip(valueText);

        auto *message = new QStandardItem(text);
        message->setData(text, SortRole);
        message->setToolTip(ruleTip.isEmpty() ? text : text + u"\n"_s + ruleTip);

        m_model->appendRow({severity, field, ruleItem, value, message});
    }
    m_tree->setSortingEnabled(sorting);
    if (sorting)
        m_model->sort(m_tree->header()->sortIndicatorSection(), m_tree->header()->sortIndicatorOrder());
    m_stack->setCurrentWidget(m_tree);
    fitColumns();
}

void FindingsView::fitColumns()
{
    if (m_model->rowCount() == 0)
        return;
    // Severity, field and rule at their contents; the value at most about 18 characters; the
    // message the rest, never less than about 30 characters (then the list scrolls sideways).
    const int charWidth = m_tree->fontMetrics().averageCharWidth();
    int others = 0;
    for (int column : {SeverityColumn, FieldColumn, RuleColumn, ValueColumn}) {
        m_tree->resizeColumnToContents(column);
        if (column == ValueColumn || column == FieldColumn)
            m_tree->setColumnWidth(column, std::min(m_tree->columnWidth(column), charWidth * (column == ValueColumn ? 18 : 22)));
        others += m_tree->columnWidth(column);
    }
    m_tree->setColumnWidth(MessageColumn, std::max(m_tree->viewport()->width() - others, charWidth * 30));
}

bool FindingsView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_tree->viewport() && event->type() == QEvent::Resize)
        fitColumns();
    return QWidget::eventFilter(watched, event);
}

QString FindingsView::copyText(const Finding &finding) const
{
    QString text = u"%1: %2"_s.arg(severityDisplayName(finding.severity), fieldDisplayName(finding.field));
    if (!finding.value.isNull())
        text += u" = "_s + finding.value.toString();
    text += u": "_s + findingText(finding);
    if (finding.rule() > 0)
        text += u" (R%1)"_s.arg(finding.rule());
    return text;
}

void FindingsView::showContextMenu(const QPoint &position)
{
    const QModelIndex index = m_tree->indexAt(position);
    QMenu menu(this);
    menu.setObjectName(u"findingsContextMenu"_s);
    if (index.isValid()) {
        m_tree->setCurrentIndex(index);
        const Finding finding = findingAt(index);
        menu.addAction(tr("&Copy Finding"), this, [this, finding] { QApplication::clipboard()->setText(copyText(finding)); });
        menu.addAction(tr("Copy &Message"), this, [finding] { QApplication::clipboard()->setText(findingText(finding)); });
        if (!finding.value.isNull())
            menu.addAction(tr("Copy &Value"), this, [finding] { QApplication::clipboard()->setText(finding.value.toString()); });
        menu.addSeparator();
        menu.addAction(tr("Show in &Header"), this, [this, finding] { Q_EMIT fieldActivated(finding.field); });
        if (finding.lengthBytes > 0)
            menu.addAction(tr("Show the &Bytes"), this, [this, finding] { Q_EMIT rangeActivated(finding.offsetBytes, finding.lengthBytes); });
        menu.addSeparator();
    }
    QAction *all = menu.addAction(tr("Copy &All Findings"), this, [this] {
        QStringList lines;
        for (const Finding &finding : std::as_const(m_findings))
            lines.append(copyText(finding));
        QApplication::clipboard()->setText(lines.join(u'\n') + u'\n');
    });
    all->setEnabled(!m_findings.isEmpty());
    menu.exec(m_tree->viewport()->mapToGlobal(position));
}

void FindingsView::clear()
{
    m_findings.clear();
    m_model->removeRows(0, m_model->rowCount());
    showPlaceholder(tr("No image checked"));
}

bool FindingsView::isShowingPlaceholder() const
{
    return m_stack->currentWidget() == m_placeholder;
}

QString FindingsView::placeholderText() const
{
    return m_placeholder->text();
}

Finding FindingsView::findingAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != m_model)
        return {};
    const int i = m_model->index(index.row(), SeverityColumn).data(FindingIndexRole).toInt();
    return m_findings.value(i);
}

void FindingsView::activate(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    const Finding finding = findingAt(index);
    Q_EMIT fieldActivated(finding.field);
    if (finding.lengthBytes > 0)
        Q_EMIT rangeActivated(finding.offsetBytes, finding.lengthBytes);
}

void FindingsView::showPlaceholder(const QString &text)
{
    m_placeholder->setText(text);
    m_stack->setCurrentWidget(m_placeholder);
}

} // namespace AddCow
