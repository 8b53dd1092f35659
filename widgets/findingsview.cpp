// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "findingsview.h"

#include "ruletext.h"

#include <QHeaderView>
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
    m_tree->header()->setStretchLastSection(true);
    m_tree->sortByColumn(SeverityColumn, Qt::DescendingOrder);
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
        const QString rule = finding.rule > 0 ? u"R%1"_s.arg(finding.rule) : QString();
        const QString ruleTip = finding.rule > 0 ? u"%1: %2"_s.arg(rule, ruleText(finding.rule)) : QString();
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
        ruleItem->setData(finding.rule, SortRole);
        ruleItem->setToolTip(ruleTip);

        auto *value = new QStandardItem(finding.value);
        value->setData(finding.value, SortRole);

        auto *message = new QStandardItem(finding.message);
        message->setData(finding.message, SortRole);
        message->setToolTip(ruleTip.isEmpty() ? finding.message : finding.message + u"\n"_s + ruleTip);

        m_model->appendRow({severity, field, ruleItem, value, message});
    }
    m_tree->setSortingEnabled(sorting);
    if (sorting)
        m_model->sort(m_tree->header()->sortIndicatorSection(), m_tree->header()->sortIndicatorOrder());
    for (int column = 0; column < MessageColumn; ++column)
        m_tree->resizeColumnToContents(column);
    m_stack->setCurrentWidget(m_tree);
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
