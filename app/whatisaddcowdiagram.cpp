// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "whatisaddcowdiagram.h"

#include "sourcecolors.h"

#include <QEvent>
#include <QPainter>
#include <QPainterPath>

using namespace Qt::StringLiterals;

namespace AddCow
{

namespace
{
enum Row { BackingRow, ImageRow, BitmapRow, VirtualRow };
constexpr int RowCount = VirtualRow + 1;
constexpr int CellCount = 8;
}

WhatIsAddCowDiagram::WhatIsAddCowDiagram(QWidget *parent)
    : QWidget(parent)
    , m_bits{false, true, true, false, false, true, false, false}
{
    setObjectName(u"whatIsAddCowDiagram"_s);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    updateAccessibleText();
}

QStringList WhatIsAddCowDiagram::rowLabels() const
{
    return {tr("Backing file"), tr("Image file (raw)"), tr("Bitmap (.add-cow)"), tr("Virtual disk")};
}

QSize WhatIsAddCowDiagram::sizeHint() const
{
    const int line = fontMetrics().height();
    int labelWidth = 0;
    for (const QString &label : rowLabels())
        labelWidth = std::max(labelWidth, fontMetrics().horizontalAdvance(label));
    return QSize(labelWidth + line + CellCount * line * 3, RowCount * line * 3 + line);
}

QSize WhatIsAddCowDiagram::minimumSizeHint() const
{
    const QSize hint = sizeHint();
    return QSize(hint.width() * 2 / 3, hint.height());
}

void WhatIsAddCowDiagram::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::FontChange)
        updateAccessibleText();
    if (event->type() == QEvent::FontChange)
        updateGeometry();
    QWidget::changeEvent(event);
}

void WhatIsAddCowDiagram::updateAccessibleText()
{
    setAccessibleName(tr("add-cow diagram"));
    setAccessibleDescription(tr("Each bit of the bitmap selects where a cluster of the virtual disk is read from: "
                                "bit 1 reads the image file, bit 0 reads the backing file."));
}

void WhatIsAddCowDiagram::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);

    const QStringList labels = rowLabels();
    const QFontMetrics metrics = fontMetrics();
    const int line = metrics.height();
    int labelWidth = 0;
    for (const QString &label : labels)
        labelWidth = std::max(labelWidth, metrics.horizontalAdvance(label));

    const QRectF area = QRectF(rect()).adjusted(line / 2.0, line / 2.0, -line / 2.0, -line / 2.0);
    const qreal cellsLeft = area.left() + labelWidth + line;
    const qreal pitch = (area.right() - cellsLeft) / CellCount;
    const qreal rowPitch = area.height() / RowCount;
    const qreal cellHeight = rowPitch * 0.55;
    const qreal gap = std::max<qreal>(2, pitch * 0.12);

    auto cellRect = [&](int row, int cell) {
        return QRectF(cellsLeft + cell * pitch + gap / 2, area.top() + row * rowPitch + (rowPitch - cellHeight) / 2, pitch - gap, cellHeight);
    };

    const QPalette &pal = palette();
    const QColor text = pal.color(QPalette::WindowText);
    const QColor base = pal.color(QPalette::Base);
    const QColor outline = pal.color(QPalette::Mid);
    const QColor image = sourceColor(DataSource::Image);
    const QColor backing = sourceColor(DataSource::Backing);

    // Which file each virtual cluster comes from: a line from the used cell down to it, drawn
    // first so the cells sit on top of it.
    for (int cell = 0; cell < CellCount; ++cell) {
        const int from = m_bits.at(cell) ? ImageRow : BackingRow;
        const QRectF source = cellRect(from, cell);
        const QRectF target = cellRect(VirtualRow, cell);
        QPen pen(m_bits.at(cell) ? image : backing, std::max<qreal>(1.5, line / 8.0));
        painter.setPen(pen);
        const QPointF start(source.center().x(), source.bottom());
        const QPointF end(target.center().x(), target.top() - 1);
        painter.drawLine(start, end);
        const qreal head = std::max<qreal>(3, line / 4.0);
        QPainterPath arrow;
        arrow.moveTo(end);
        arrow.lineTo(end + QPointF(-head, -head * 1.4));
        arrow.lineTo(end + QPointF(head, -head * 1.4));
        arrow.closeSubpath();
        painter.fillPath(arrow, pen.color());
    }

    for (int row = 0; row < RowCount; ++row) {
        const QRectF labelRect(area.left(), area.top() + row * rowPitch, labelWidth, rowPitch);
        painter.setPen(text);
        painter.drawText(labelRect, Qt::AlignVCenter | Qt::AlignLeft, labels.at(row));
        for (int cell = 0; cell < CellCount; ++cell) {
            const QRectF r = cellRect(row, cell);
            const bool fromImage = m_bits.at(cell);
            QColor fill = base;
            Qt::PenStyle border = Qt::SolidLine;
            switch (row) {
            case BackingRow:
                fill = backing;
                if (fromImage)
                    fill.setAlphaF(0.3); // there, but not read: the image file has the cluster
                break;
            case ImageRow:
                if (fromImage)
                    fill = image;
                else
                    border = Qt::DashLine; // the raw file's bytes here mean nothing (R13)
                break;
            case BitmapRow:
                fill = base;
                break;
            case VirtualRow:
                fill = fromImage ? image : backing;
                break;
            }
            painter.setPen(QPen(outline, 1, border));
            painter.setBrush(fill);
            painter.drawRoundedRect(r, 3, 3);
            if (row == BitmapRow) {
                painter.setPen(pal.color(QPalette::Text));
                painter.drawText(r, Qt::AlignCenter, fromImage ? u"1"_s : u"0"_s);
            }
        }
    }
}

} // namespace AddCow
