// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "format.h"
#include "heatmaplegend.h"
#include "heatmapview.h"
#include "heatmapwidget.h"

#include <QComboBox>
#include <QLabel>
#include <QPainter>
#include <QTest>
#include <QToolButton>

using namespace AddCow;
using namespace Qt::StringLiterals;

class HeatmapViewTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QLocale::setDefault(QLocale::c());
    }

    void buttonsZoomAndScaleFollows()
    {
        HeatmapView view;
        view.resize(600, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        ClusterBitmap bitmap(1 << 20);
        bitmap.setRange({0, 1000});
        view.heatmap()->setImageData(bitmap, quint64(1 << 20) * ClusterSizeBytes, 0, false, false);
        HeatmapWidget *heatmap = view.heatmap();
        const HeatmapLayout fit = heatmap->layout();
        QVERIFY(fit.clustersPerCellLog2() > 0);
        QVERIFY(!view.zoomOutButton()->isEnabled()); // fit is as far out as it goes
        QVERIFY(view.zoomInButton()->isEnabled());
        QVERIFY2(view.scaleText().contains(u"clusters (") && view.scaleText().contains(u"per row"), qPrintable(view.scaleText()));
        QCOMPARE(view.scaleText(), heatmap->scaleText());

        QTest::mouseClick(view.zoomInButton(), Qt::LeftButton);
        QCOMPARE(heatmap->layout().clustersPerCellLog2(), fit.clustersPerCellLog2() - 1);
        QVERIFY(view.zoomOutButton()->isEnabled());
        QTest::mouseClick(view.zoomOutButton(), Qt::LeftButton);
        QCOMPARE(heatmap->layout(), fit);
        for (int i = 0; i < 40 && view.zoomInButton()->isEnabled(); ++i)
            QTest::mouseClick(view.zoomInButton(), Qt::LeftButton);
        // As far in as it goes: one cluster per cell, as big as cells get while the map keeps its width.
        QCOMPARE(heatmap->layout().clustersPerCellLog2(), 0);
        QVERIFY(heatmap->layout().cellWidthPx() > 16 && heatmap->layout().cellWidthPx() <= 32);
        QCOMPARE(heatmap->layout().contentWidthPx(), fit.contentWidthPx());
        QVERIFY2(view.scaleText().startsWith(u"1 cluster (64 KiB) = "_s), qPrintable(view.scaleText()));
        QTest::mouseClick(view.zoomFitButton(), Qt::LeftButton);
        QCOMPARE(heatmap->layout(), fit);
        QVERIFY(heatmap->isFitMode());
    }

    // At 800x600 the label beside the tools had no room for the scale and cut it mid-word.
    void narrowScaleIsElided()
    {
        HeatmapView view;
        view.resize(1200, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        ClusterBitmap bitmap(1 << 20);
        view.heatmap()->setImageData(bitmap, quint64(1 << 20) * ClusterSizeBytes, 0, false, false);
        const QString whole = view.heatmap()->scaleText();
        QVERIFY(!whole.isEmpty());
        QCOMPARE(view.scaleText(), whole);
        QCOMPARE(view.shownScaleText(), whole); // room for all of it

        // Narrow: the map refits (a new scale), the label shows its start and an ellipsis.
        view.resize(360, 400);
        QTRY_VERIFY(view.shownScaleText().endsWith(QChar(0x2026)));
        const QString narrowWhole = view.heatmap()->scaleText();
        QCOMPARE(view.scaleText(), narrowWhole);
        const QString shown = view.shownScaleText();
        QVERIFY2(shown.size() < narrowWhole.size() && narrowWhole.startsWith(shown.chopped(1)), qPrintable(shown));
        QLabel *label = nullptr;
        for (QLabel *candidate : view.findChildren<QLabel *>()) {
            if (candidate->text() == shown)
                label = candidate;
        }
        QVERIFY(label);
        QCOMPARE(label->toolTip(), narrowWhole);
        QVERIFY(label->fontMetrics().horizontalAdvance(shown) <= label->width());

        view.resize(1200, 400);
        QTRY_COMPARE(view.shownScaleText(), view.heatmap()->scaleText());
        QCOMPARE(view.scaleText(), view.heatmap()->scaleText());
    }

    void rowChoiceFollowsTheMap()
    {
        HeatmapView view;
        view.resize(600, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.heatmap()->setImageData(ClusterBitmap(5000), 5000 * ClusterSizeBytes, 0, false, false);
        QComboBox *box = view.rowClustersBox();
        QCOMPARE(box->currentData().toInt(), int(HeatmapWidget::AutomaticRows));
        // Choosing in the box sets the map's rows...
        const int index = box->findData(7);
        QVERIFY(index >= 0);
        QVERIFY(box->itemText(index).contains(u"128 clusters (8 MiB)"_s));
        box->setCurrentIndex(index);
        Q_EMIT box->activated(index);
        QCOMPARE(view.heatmap()->rowClustersSetting(), 7);
        QCOMPARE(view.heatmap()->layout().rowClusters(), quint64(128));
        // ...and the map's setting (a menu, the stored setting) moves the box.
        view.heatmap()->setRowClustersLog2(HeatmapWidget::AutomaticRows);
        QCOMPARE(box->currentData().toInt(), int(HeatmapWidget::AutomaticRows));
    }

    void legendListsEverySource()
    {
        HeatmapLegend legend;
        const HeatmapRenderer::Palette palette = HeatmapRenderer::Palette::standard(Qt::white, Qt::black);
        legend.setColors(palette);
        QStringList texts;
        QList<QRgb> colors;
        for (const HeatmapLegend::Item &item : legend.shownItems()) {
            texts << item.text;
            colors << item.color.rgb();
        }
        QVERIFY(colors.contains(palette.image));
        QVERIFY(colors.contains(palette.backing));
        QVERIFY(colors.contains(palette.backingZero)); // the fourth source
        QVERIFY(colors.contains(palette.zero));
        QVERIFY(texts.contains(u"Backing file reads zeros"_s));
        // Narrow: the items wrap onto more lines.
        QVERIFY(legend.heightForWidth(200) > legend.heightForWidth(2000));
        QImage image(2000, legend.heightForWidth(2000), QImage::Format_RGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        HeatmapLegend::paint(&painter, image.rect(), legend.shownItems(), QString(), legend.font(), Qt::black);
        painter.end();
        // Every swatch colour is on the picture, and every ramp step.
        for (const QRgb color : {palette.image, palette.backing, palette.backingZero, palette.zero, palette.ramp.front(), palette.ramp.back()}) {
            bool found = false;
            for (int y = 0; y < image.height() && !found; ++y) {
                for (int x = 0; x < image.width() && !found; ++x)
                    found = image.pixel(x, y) == color;
            }
            QVERIFY2(found, qPrintable(QString::number(color, 16)));
        }
    }

    void legendDescribesScale()
    {
        QCOMPARE(HeatmapLegend::scaleDescription(HeatmapLayout::withCellSize(1 << 20, 20, 10, 1, 1), 1.0),
                 u"1 cell = 1024 clusters (64 MiB) = 1 × 1 px, 1048576 clusters (64 GiB) per row"_s);
        QCOMPARE(HeatmapLegend::scaleDescription(HeatmapLayout::withCellSize(100, 4, 0, 8, 8), 1.0), u"1 cluster (64 KiB) = 8 × 8 px, 16 clusters (1 MiB) per row"_s);
        QCOMPARE(HeatmapLegend::scaleDescription(HeatmapLayout::withCellSize(100, 4, 0, 32, 32), 2.0),
                 u"1 cluster (64 KiB) = 16 × 16 px, 16 clusters (1 MiB) per row"_s);
        QCOMPARE(HeatmapLegend::scaleDescription(HeatmapLayout::withCellSize(128, 4, 0, 8.6, 12.5), 1.0),
                 u"1 cluster (64 KiB) = 8.6 × 12.5 px, 16 clusters (1 MiB) per row"_s);
    }
};

QTEST_MAIN(HeatmapViewTest)

#include "heatmapviewtest.moc"
