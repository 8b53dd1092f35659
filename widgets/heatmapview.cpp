// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "heatmapview.h"

#include "heatmaplegend.h"
#include "heatmapwidget.h"

#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace AddCow
{

namespace
{

QToolButton *makeButton(const QString &iconName, const QString &text, const QString &toolTip, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setIcon(QIcon::fromTheme(iconName));
    button->setText(text);
    button->setToolTip(toolTip);
    button->setAccessibleName(toolTip);
    button->setToolButtonStyle(button->icon().isNull() ? Qt::ToolButtonTextOnly : Qt::ToolButtonIconOnly);
    button->setAutoRaise(true);
    return button;
}

} // namespace

HeatmapView::HeatmapView(QWidget *parent)
    : QWidget(parent)
    , m_heatmap(new HeatmapWidget(this))
    , m_legend(new HeatmapLegend(this))
    , m_zoomOut(makeButton(u"zoom-out"_s, tr("−"), tr("Zoom out (-)"), this))
    , m_zoomIn(makeButton(u"zoom-in"_s, tr("+"), tr("Zoom in (+)"), this))
    , m_zoomFit(makeButton(u"zoom-fit-best"_s, tr("Fit"), tr("Fit the whole map (0)"), this))
    , m_scale(new QLabel(this))
{
    auto *tools = new QHBoxLayout;
    tools->setContentsMargins(0, 0, 0, 0);
    tools->addWidget(m_zoomOut);
    tools->addWidget(m_zoomIn);
    tools->addWidget(m_zoomFit);
    tools->addWidget(m_scale);
    tools->addStretch();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(tools);
    layout->addWidget(m_heatmap, 1);
    layout->addWidget(m_legend);

    m_scale->setTextFormat(Qt::PlainText);
    connect(m_zoomIn, &QToolButton::clicked, m_heatmap, &HeatmapWidget::zoomIn);
    connect(m_zoomOut, &QToolButton::clicked, m_heatmap, &HeatmapWidget::zoomOut);
    connect(m_zoomFit, &QToolButton::clicked, m_heatmap, &HeatmapWidget::zoomToFit);
    connect(m_heatmap, &HeatmapWidget::zoomChanged, this, &HeatmapView::updateZoomControls);
    updateZoomControls();
}

void HeatmapView::updateZoomControls()
{
    m_zoomIn->setEnabled(m_heatmap->canZoomIn());
    m_zoomOut->setEnabled(m_heatmap->canZoomOut());
    m_legend->setColors(m_heatmap->colors());
    m_legend->setScale(m_heatmap->layout(), m_heatmap->viewport()->devicePixelRatioF());
    m_scale->setText(m_legend->scaleText());
}

} // namespace AddCow
