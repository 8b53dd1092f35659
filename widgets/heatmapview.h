// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QToolButton;

namespace AddCow
{

class HeatmapLegend;
class HeatmapWidget;

/** The cluster map with its tools (zoom out, in, fit; clusters per row), scale and legend. */
class HeatmapView : public QWidget
{
    Q_OBJECT

public:
    explicit HeatmapView(QWidget *parent = nullptr);

    HeatmapWidget *heatmap() const { return m_heatmap; }
    HeatmapLegend *legend() const { return m_legend; }
    QToolButton *zoomInButton() const { return m_zoomIn; }
    QToolButton *zoomOutButton() const { return m_zoomOut; }
    QToolButton *zoomFitButton() const { return m_zoomFit; }
    QComboBox *rowClustersBox() const { return m_rowClusters; }
    /** The map's scale, whole (the label beside the tools shows it elided when narrow). */
    QString scaleText() const;
    /** The scale as the label shows it now. */
    QString shownScaleText() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateZoomControls();
    void updateRowClustersBox();
    void showScale();

    HeatmapWidget *m_heatmap;
    HeatmapLegend *m_legend;
    QToolButton *m_zoomOut;
    QToolButton *m_zoomIn;
    QToolButton *m_zoomFit;
    QComboBox *m_rowClusters;
    QLabel *m_scale; ///< the map's scale, elided to the label's width
};

} // namespace AddCow
