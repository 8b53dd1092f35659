// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QTreeView;

namespace AddCow
{

class HexInspectorModel;

/** The data inspector: where the cursor is and the bytes there read as every type (HexInspectorModel). */
class HexInspectorView : public QWidget
{
    Q_OBJECT
public:
    explicit HexInspectorView(QWidget *parent = nullptr);

    HexInspectorModel *model() const { return m_model; }
    QTreeView *treeView() const { return m_tree; }
    /** Shows the bytes at offsetBytes of the view named where; empty bytes: nothing there. */
    void setBytes(const QString &where, quint64 offsetBytes, const QByteArray &bytes);
    void clear();
    QString locationText() const;

private:
    HexInspectorModel *m_model;
    QLabel *m_location;
    QTreeView *m_tree;
};

} // namespace AddCow
