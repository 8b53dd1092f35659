// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "hexinspectorview.h"

#include "hexinspectormodel.h"

#include <QAction>
#include <QClipboard>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLabel>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace AddCow
{

HexInspectorView::HexInspectorView(QWidget *parent)
    : QWidget(parent)
    , m_model(new HexInspectorModel(this))
    , m_location(new QLabel)
    , m_tree(new QTreeView)
{
    setObjectName(u"hexInspectorView"_s);
    m_location->setWordWrap(true);
    m_location->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_tree->setModel(m_model);
    m_tree->setRootIsDecorated(false);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setAccessibleName(tr("Data inspector"));
    m_tree->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_tree->header()->setStretchLastSection(false);
    // The two value columns share what the type names leave: both stay in view in a narrow dock
    // (1366x768), a long value is elided there and whole in its tooltip.
    m_tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(HexInspectorModel::LittleEndianColumn, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(HexInspectorModel::BigEndianColumn, QHeaderView::Stretch);
    m_tree->setToolTip(tr("The bytes at the cursor read as each type; select a row and copy it with Ctrl+C"));
    auto *copy = new QAction(tr("Copy Value"), m_tree);
    copy->setObjectName(u"copyInspectorValueAction"_s);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    connect(copy, &QAction::triggered, this, [this] {
        const QModelIndex current = m_tree->currentIndex();
        if (!current.isValid())
            return;
        // The value of the column clicked, or both when the type name is current.
        const auto value = [&](int column) {
            return m_model->index(current.row(), column).data().toString();
        };
        const QString text = current.column() == HexInspectorModel::TypeColumn
            ? value(HexInspectorModel::TypeColumn) + u'\t' + value(HexInspectorModel::LittleEndianColumn) + u'\t' + value(HexInspectorModel::BigEndianColumn)
            : value(current.column());
        QGuiApplication::clipboard()->setText(text);
    });
    m_tree->addAction(copy);
    m_tree->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectItems);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    layout->addWidget(m_location);
    layout->addWidget(m_tree, 1);
    clear();
}

void HexInspectorView::setBytes(const QString &where, quint64 offsetBytes, const QByteArray &bytes)
{
    m_model->setBytes(offsetBytes, bytes);
    if (bytes.isEmpty())
        m_location->setText(tr("%1, offset 0x%2: past the end").arg(where).arg(offsetBytes, 0, 16));
    else
        m_location->setText(tr("%1, offset 0x%2 (%3)").arg(where).arg(offsetBytes, 0, 16).arg(offsetBytes));
}

void HexInspectorView::clear()
{
    m_model->setBytes(0, {});
    m_location->setText(tr("Place the cursor in a hex view to read the bytes there."));
}

QString HexInspectorView::locationText() const
{
    return m_location->text();
}

} // namespace AddCow
