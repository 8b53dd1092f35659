// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "finding.h"
#include "headerfield.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QModelIndex;
class QStackedWidget;
class QStandardItemModel;
class QTreeView;

namespace AddCow
{

class ImageDocument;

/**
 * The findings of a check as a sortable list: severity icon and the message first, then field,
 * rule and value. Activating a finding (double click, Enter) points at where it is; the context
 * menu copies findings and shows their field or bytes. With no findings it says "No problems found".
 */
class FindingsView : public QWidget
{
    Q_OBJECT

public:
    enum Column {
        SeverityColumn,
        FieldColumn,
        RuleColumn,
        ValueColumn,
        MessageColumn,
        ColumnCount
    };

    explicit FindingsView(QWidget *parent = nullptr);
    ~FindingsView() override;

    /** Follows document's findings from now on (opened, reloaded, verified). Null stops following. */
    void setDocument(ImageDocument *document);
    /** Shows findings, worst first; an empty list shows "No problems found". */
    void setFindings(const Findings &findings);
    /** Shows nothing: no image has been checked. */
    void clear();

    Findings findings() const { return m_findings; }
    /** True when the "No problems found" / "nothing checked" text is shown instead of the list. */
    bool isShowingPlaceholder() const;
    QString placeholderText() const;
    QTreeView *treeView() const { return m_tree; }
    /** The finding shown in a row of treeView()'s model, as sorted now. */
    Finding findingAt(const QModelIndex &index) const;

Q_SIGNALS:
    /** A finding was activated: the header field (or file) it concerns. */
    void fieldActivated(AddCow::HeaderField field);
    /** A finding with bytes in the .add-cow file was activated: those bytes. */
    void rangeActivated(quint64 offsetBytes, quint64 lengthBytes);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void activate(const QModelIndex &index);
    void fitColumns();
    void showContextMenu(const QPoint &position);
    /** One line for the clipboard: "Error: field = value: message (R7)". */
    QString copyText(const Finding &finding) const;
    void showPlaceholder(const QString &text);

    void showDocument();

    QPointer<ImageDocument> m_document;
    Findings m_findings;
    QStackedWidget *m_stack;
    QTreeView *m_tree;
    QStandardItemModel *m_model;
    QLabel *m_placeholder;
};

} // namespace AddCow
