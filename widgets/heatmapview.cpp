// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "heatmapview.h"

#include "heatmaplegend.h"
#include "heatmapwidget.h"

#include <QComboBox>
#include <QEvent>
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
    , m_rowClusters(new QComboBox(this))
    , m_scale(new QLabel(this))
{
    m_rowClusters->setObjectName(u"rowClustersBox"_s);
    m_rowClusters->setToolTip(tr("Clusters per row of the map: a fixed length keeps the grid when zooming; "
                                 "Automatic fills the view and halves the rows as you zoom in"));
    m_rowClusters->setAccessibleName(tr("Clusters per row"));
    m_rowClusters->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    for (const auto &[log2, text] : HeatmapWidget::rowClustersChoices())
        m_rowClusters->addItem(text, log2);
    auto *rowsLabel = new QLabel(tr("&Row:"), this);
    rowsLabel->setBuddy(m_rowClusters);

    auto *tools = new QHBoxLayout;
    tools->setContentsMargins(0, 0, 0, 0);
    tools->addWidget(m_zoomOut);
    tools->addWidget(m_zoomIn);
    tools->addWidget(m_zoomFit);
    tools->addSpacing(8);
    tools->addWidget(rowsLabel);
    tools->addWidget(m_rowClusters);
    tools->addSpacing(8);
    tools->addWidget(m_scale, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(tools);
    layout->addWidget(m_heatmap, 1);
    layout->addWidget(m_legend);

    m_scale->setTextFormat(Qt::PlainText);
    m_scale->setMinimumWidth(40);
    m_scale->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_scale->installEventFilter(this); // elides the scale to the label's width
    connect(m_zoomIn, &QToolButton::clicked, m_heatmap, &HeatmapWidget::zoomIn);
    connect(m_zoomOut, &QToolButton::clicked, m_heatmap, &HeatmapWidget::zoomOut);
    connect(m_zoomFit, &QToolButton::clicked, m_heatmap, &HeatmapWidget::zoomToFit);
    connect(m_rowClusters, &QComboBox::activated, this, [this](int index) {
        m_heatmap->setRowClustersLog2(m_rowClusters->itemData(index).toInt());
    });
    connect(m_heatmap, &HeatmapWidget::zoomChanged, this, &HeatmapView::updateZoomControls);
    connect(m_heatmap, &HeatmapWidget::rowClustersChanged, this, &HeatmapView::updateRowClustersBox);
    updateZoomControls();
    updateRowClustersBox();
}

QString HeatmapView::scaleText() const
{
    return m_heatmap->scaleText();
}

QString HeatmapView::shownScaleText() const
{
    return m_scale->text();
}

bool HeatmapView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_scale && (event->type() == QEvent::Resize || event->type() == QEvent::FontChange))
        showScale();
    return QWidget::eventFilter(watched, event);
}

// A narrow window cuts the label; elided, it says that more is there (the tooltip and the
// status bar show it whole).
void HeatmapView::showScale()
{
    m_scale->setText(m_scale->fontMetrics().elidedText(scaleText(), Qt::ElideRight, m_scale->width()));
}

void HeatmapView::updateZoomControls()
{
    m_zoomIn->setEnabled(m_heatmap->canZoomIn());
    m_zoomOut->setEnabled(m_heatmap->canZoomOut());
    m_legend->setColors(m_heatmap->colors());
    m_scale->setToolTip(scaleText());
    showScale();
}

void HeatmapView::updateRowClustersBox()
{
    const int index = m_rowClusters->findData(m_heatmap->rowClustersSetting());
    m_rowClusters->setCurrentIndex(std::max(0, index));
}

} // namespace AddCow
