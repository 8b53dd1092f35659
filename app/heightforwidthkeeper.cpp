// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "heightforwidthkeeper.h"

#include <QEvent>
#include <QLayout>
#include <QWidget>

namespace AddCow
{

HeightForWidthKeeper::HeightForWidthKeeper(QWidget *widget)
    : QObject(widget)
    , m_widget(widget)
{
    widget->installEventFilter(this);
}

void HeightForWidthKeeper::update()
{
    QLayout *layout = m_widget->layout();
    if (!layout || !layout->hasHeightForWidth() || m_widget->width() <= 0)
        return;
    const int needed = layout->totalHeightForWidth(m_widget->width());
    if (needed > m_widget->minimumHeight())
        m_widget->setMinimumHeight(needed);
}

bool HeightForWidthKeeper::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_widget && (event->type() == QEvent::Resize || event->type() == QEvent::LayoutRequest || event->type() == QEvent::Show))
        update();
    return QObject::eventFilter(watched, event);
}

} // namespace AddCow
