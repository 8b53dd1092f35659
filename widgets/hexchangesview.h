// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "changerun.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QProgressBar;
class QToolButton;

namespace AddCow
{

class HexChangesModel;
class RowListView;

/**
 * The Changes list (as Hex Fiend lists differing ranges): a count, the runs of a
 * HexChangesModel with offset, bytes and clusters, Previous/Next change, the scan's progress
 * with Stop/Resume, and whether allocated, unchanged runs are listed too.
 */
class HexChangesView : public QWidget
{
    Q_OBJECT
public:
    explicit HexChangesView(HexChangesModel *model, QWidget *parent = nullptr);

    HexChangesModel *model() const { return m_model; }
    RowListView *listView() const { return m_list; }
    /** Lists allocated, unchanged runs too (off by default). */
    void setShowUnchanged(bool show);
    bool showsUnchanged() const;
    /** Makes the model's row current and visible (after Previous/Next change). */
    void selectRow(int modelRow);
    /** "3 changes in 7 clusters; 2 allocated, unchanged in 4 clusters", with the scan's state. */
    QString summaryText() const;

Q_SIGNALS:
    /** The user picked a run (click, Enter). */
    void runActivated(const AddCow::ChangeRun &run);
    void previousRequested();
    void nextRequested();

private:
    void updateState();

    HexChangesModel *m_model;
    QLabel *m_summary;
    QProgressBar *m_progress;
    QToolButton *m_stopButton;
    QToolButton *m_previousButton;
    QToolButton *m_nextButton;
    QCheckBox *m_showUnchanged;
    RowListView *m_list;
};

} // namespace AddCow
