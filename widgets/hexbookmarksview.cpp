// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "hexbookmarksview.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace AddCow
{

HexBookmarksView::HexBookmarksView(HexBookmarksModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_addButton(new QToolButton)
    , m_removeButton(new QToolButton)
    , m_tree(new QTreeView)
{
    setObjectName(u"hexBookmarksView"_s);
    m_addButton->setText(tr("Add"));
    m_addButton->setToolTip(tr("Bookmark the selected bytes, or the byte at the cursor (Ctrl+B)"));
    m_addButton->setIcon(QIcon::fromTheme(u"bookmark-new"_s));
    m_addButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_removeButton->setText(tr("Remove"));
    m_removeButton->setToolTip(tr("Remove the selected bookmark (Delete)"));
    m_removeButton->setIcon(QIcon::fromTheme(u"list-remove"_s));
    m_removeButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_tree->setModel(m_model);
    m_tree->setRootIsDecorated(false);
    m_tree->setUniformRowHeights(true);
    m_tree->setAllColumnsShowFocus(true);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::SelectedClicked);
    m_tree->setAccessibleName(tr("Bookmarks"));
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(HexBookmarksModel::NameColumn, QHeaderView::Stretch);
    auto *remove = new QAction(tr("Remove Bookmark"), m_tree);
    remove->setShortcut(QKeySequence::Delete);
    remove->setShortcutContext(Qt::WidgetShortcut);
    connect(remove, &QAction::triggered, m_removeButton, &QToolButton::click);
    m_tree->addAction(remove);

    auto *buttons = new QHBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->addWidget(m_addButton);
    buttons->addWidget(m_removeButton);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    layout->addLayout(buttons);
    layout->addWidget(m_tree, 1);

    connect(m_addButton, &QToolButton::clicked, this, &HexBookmarksView::addRequested);
    connect(m_removeButton, &QToolButton::clicked, this, [this] {
        const QModelIndex current = m_tree->currentIndex();
        if (current.isValid())
            m_model->remove(current.row());
    });
    connect(m_tree, &QTreeView::activated, this, [this](const QModelIndex &index) {
        if (index.isValid())
            Q_EMIT bookmarkActivated(m_model->bookmark(index.row()));
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, &HexBookmarksView::updateButtons);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &HexBookmarksView::updateButtons);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &HexBookmarksView::updateButtons);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this, &HexBookmarksView::updateButtons);
    updateButtons();
}

void HexBookmarksView::selectRow(int row)
{
    const QModelIndex index = m_model->index(row, 0);
    m_tree->setCurrentIndex(index);
    m_tree->scrollTo(index);
}

void HexBookmarksView::updateButtons()
{
    m_removeButton->setEnabled(m_tree->currentIndex().isValid());
}

} // namespace AddCow
