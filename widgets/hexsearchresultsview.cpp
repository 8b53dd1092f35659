// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "hexsearchresultsview.h"

#include "hexsearchresultsmodel.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace AddCow
{

HexSearchResultsView::HexSearchResultsView(HexSearchResultsModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_summary(new QLabel)
    , m_progress(new QProgressBar)
    , m_cancelButton(new QToolButton)
    , m_tree(new QTreeView)
{
    setObjectName(u"hexSearchResultsView"_s);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress->setRange(0, HexSearch::ProgressRange);
    m_progress->setTextVisible(false);
    m_progress->setAccessibleName(tr("Find All progress"));
    m_cancelButton->setText(tr("Cancel"));
    m_cancelButton->setToolTip(tr("Stop searching; the hits found so far stay"));
    m_cancelButton->setIcon(QIcon::fromTheme(u"process-stop"_s));
    m_cancelButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_tree->setModel(m_model);
    m_tree->setRootIsDecorated(false);
    m_tree->setUniformRowHeights(true);
    m_tree->setAllColumnsShowFocus(true);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setAccessibleName(tr("Search results"));
    m_tree->header()->setStretchLastSection(true);
    m_tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_tree->setFont(fixed);

    auto *progressRow = new QHBoxLayout;
    progressRow->setContentsMargins(0, 0, 0, 0);
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_cancelButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    layout->addWidget(m_summary);
    layout->addLayout(progressRow);
    layout->addWidget(m_tree, 1);

    connect(m_model, &HexSearchResultsModel::stateChanged, this, &HexSearchResultsView::updateState);
    connect(m_model, &HexSearchResultsModel::progressChanged, m_progress, &QProgressBar::setValue);
    connect(m_cancelButton, &QToolButton::clicked, m_model, &HexSearchResultsModel::cancel);
    connect(m_tree, &QTreeView::activated, this, [this](const QModelIndex &index) {
        if (index.isValid())
            Q_EMIT matchActivated(m_model->match(index.row()));
    });
    connect(m_tree, &QTreeView::clicked, m_tree, &QTreeView::activated);
    updateState();
}

QString HexSearchResultsView::summaryText() const
{
    if (m_model->sourceName().isEmpty())
        return tr("Find All lists every hit here.");
    const int hits = m_model->rowCount();
    QString text = tr("%n hit(s) in the %1", nullptr, hits).arg(m_model->sourceName());
    if (m_model->isRunning())
        text += u"; "_s + tr("searching…");
    else if (m_model->wasCancelled())
        text += u"; "_s + tr("cancelled: there may be more.");
    else if (m_model->isTruncated())
        text += u"; "_s + tr("stopped at %1: there may be more.").arg(QLocale().toString(hits));
    return text;
}

void HexSearchResultsView::updateState()
{
    m_summary->setText(summaryText());
    const bool running = m_model->isRunning();
    m_progress->setVisible(running);
    m_cancelButton->setVisible(running);
    if (!running)
        m_progress->setValue(0);
}

} // namespace AddCow
