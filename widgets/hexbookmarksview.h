// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "hexbookmarksmodel.h"

#include <QWidget>

class QToolButton;
class QTreeView;

namespace AddCow
{

/** The bookmarks list: add (the owner decides what), remove, rename in place, activate to go there. */
class HexBookmarksView : public QWidget
{
    Q_OBJECT
public:
    explicit HexBookmarksView(HexBookmarksModel *model, QWidget *parent = nullptr);

    HexBookmarksModel *model() const { return m_model; }
    QTreeView *treeView() const { return m_tree; }
    QToolButton *addButton() const { return m_addButton; }
    QToolButton *removeButton() const { return m_removeButton; }
    /** Makes row current (after adding it). */
    void selectRow(int row);

Q_SIGNALS:
    void addRequested();
    void bookmarkActivated(const AddCow::HexBookmark &bookmark);

private:
    void updateButtons();

    HexBookmarksModel *m_model;
    QToolButton *m_addButton;
    QToolButton *m_removeButton;
    QTreeView *m_tree;
};

} // namespace AddCow
