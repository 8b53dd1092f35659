// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "hexsearch.h"

#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;
class QTreeView;

namespace AddCow
{

class HexSearchResultsModel;

/** The hits of Find All: a count, the search's progress with Cancel, and the list; activating a hit goes there. */
class HexSearchResultsView : public QWidget
{
    Q_OBJECT
public:
    explicit HexSearchResultsView(HexSearchResultsModel *model, QWidget *parent = nullptr);

    HexSearchResultsModel *model() const { return m_model; }
    QTreeView *treeView() const { return m_tree; }
    QString summaryText() const;

Q_SIGNALS:
    void matchActivated(const AddCow::HexSearch::Match &match);

private:
    void updateState();

    HexSearchResultsModel *m_model;
    QLabel *m_summary;
    QProgressBar *m_progress;
    QToolButton *m_cancelButton;
    QTreeView *m_tree;
};

} // namespace AddCow
