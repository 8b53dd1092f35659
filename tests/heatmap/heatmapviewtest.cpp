// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "format.h"
#include "heatmaplegend.h"
#include "heatmapview.h"
#include "heatmapwidget.h"

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

    void buttonsZoomAndLegendFollows()
    {
        HeatmapView view;
        view.resize(600, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        ClusterBitmap bitmap(1 << 20);
        bitmap.setRange({0, 1000});
        view.heatmap()->setImageData(bitmap, quint64(1 << 20) * ClusterSizeBytes, 0, false, false);
        HeatmapWidget *heatmap = view.heatmap();
        const int fit = heatmap->zoomLevel();
        QVERIFY(fit > 0);
        QVERIFY(!view.zoomOutButton()->isEnabled()); // fit is as far out as it goes
        QVERIFY(view.zoomInButton()->isEnabled());
        QVERIFY2(view.legend()->scaleText().contains(u"1 px = "_s), qPrintable(view.legend()->scaleText()));

        QTest::mouseClick(view.zoomInButton(), Qt::LeftButton);
        QCOMPARE(heatmap->zoomLevel(), fit - 1);
        QVERIFY(view.zoomOutButton()->isEnabled());
        QTest::mouseClick(view.zoomOutButton(), Qt::LeftButton);
        QCOMPARE(heatmap->zoomLevel(), fit);
        for (int i = 0; i < 40 && view.zoomInButton()->isEnabled(); ++i)
            QTest::mouseClick(view.zoomInButton(), Qt::LeftButton);
        QCOMPARE(heatmap->zoomLevel(), heatmap->finestZoomLevel());
        QVERIFY2(view.legend()->scaleText().contains(u"32 × 32 px"_s), qPrintable(view.legend()->scaleText()));
        QTest::mouseClick(view.zoomFitButton(), Qt::LeftButton);
        QCOMPARE(heatmap->zoomLevel(), fit);
        QVERIFY(heatmap->isFitMode());
    }

    void legendDescribesScale()
    {
        QCOMPARE(HeatmapLegend::scaleDescription(HeatmapLayout(100, 100, 10), 1.0), u"1 px = 1024 clusters (64 MiB)"_s);
        QCOMPARE(HeatmapLegend::scaleDescription(HeatmapLayout(100, 100, -3), 1.0), u"1 cluster (64 KiB) = 8 × 8 px"_s);
        QCOMPARE(HeatmapLegend::scaleDescription(HeatmapLayout(100, 100, -5), 2.0), u"1 cluster (64 KiB) = 16 × 16 px"_s);
    }
};

QTEST_MAIN(HeatmapViewTest)

#include "heatmapviewtest.moc"
