// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "format.h"
#include "heatmapaxis.h"

#include <QImage>
#include <QPainter>
#include <QTest>

using namespace AddCow;
using namespace Qt::StringLiterals;

class HeatmapAxisTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QLocale::setDefault(QLocale::c());
    }

    void offsetText_data()
    {
        QTest::addColumn<quint64>("offset");
        QTest::addColumn<quint64>("step");
        QTest::addColumn<QString>("text");
        const quint64 MiB = quint64(1) << 20;
        const quint64 GiB = quint64(1) << 30;
        const quint64 TiB = quint64(1) << 40;
        QTest::newRow("start") << quint64(0) << MiB << u"0"_s;
        QTest::newRow("one cluster") << quint64(65536) << quint64(65536) << u"64 KiB"_s;
        QTest::newRow("16 MiB") << 16 * MiB << 16 * MiB << u"16 MiB"_s;
        QTest::newRow("half GiB steps") << 3 * GiB / 2 << GiB / 2 << u"1.5 GiB"_s;
        QTest::newRow("quarter GiB steps") << 49 * GiB / 4 << GiB / 4 << u"12.25 GiB"_s;
        QTest::newRow("4 MiB steps stay in MiB") << 1028 * MiB << 4 * MiB << u"1028 MiB"_s;
        QTest::newRow("4 MiB steps, a round GiB still in MiB") << 1024 * MiB << 4 * MiB << u"1024 MiB"_s;
        QTest::newRow("2 TiB steps") << 62 * TiB << 2 * TiB << u"62 TiB"_s;
        QTest::newRow("1 MiB steps deep in 64 TiB") << 3423353 * MiB << MiB << u"3423353 MiB"_s;
        QTest::newRow("bytes") << quint64(1000) << quint64(8) << u"1000 B"_s;
    }
    void offsetText()
    {
        QFETCH(quint64, offset);
        QFETCH(quint64, step);
        QFETCH(QString, text);
        QCOMPARE(HeatmapAxis::offsetText(offset, step), text);
    }

    void widthFitsTheWidestLabel()
    {
        // 64 TiB in rows of 16 clusters: labels of seven digits of MiB when every row is labelled.
        const QFontMetrics metrics{QFont()};
        const HeatmapLayout deep = HeatmapLayout::withCellSize(quint64(1) << 30, 4, 0, 32, 32);
        const int width = HeatmapAxis::preferredWidth(metrics, deep, {});
        QVERIFY(width > metrics.horizontalAdvance(u"67108863 MiB"_s));
        const HeatmapLayout fit = HeatmapLayout::withCellSize(quint64(1) << 30, 21, 11, 1.5625, 1.95);
        QVERIFY(HeatmapAxis::preferredWidth(metrics, fit, {}) < width);
    }

    void ticksAreRoundAndSpaced()
    {
        // 4096 clusters, 128 per row (8 MiB), rows 12.5 px: labels at least 30 px apart, every 4 rows.
        const HeatmapLayout layout = HeatmapLayout::withCellSize(4096, 7, 0, 8.6, 12.5);
        const QList<HeatmapAxis::Tick> ticks = HeatmapAxis::ticks(layout, 0, layout.contentHeightPx(), 30);
        QCOMPARE(ticks.size(), 8);
        QCOMPARE(ticks[0].row, quint64(0));
        QCOMPARE(ticks[0].text, u"0"_s);
        QCOMPARE(ticks[1].row, quint64(4));
        QCOMPARE(ticks[1].offsetBytes, quint64(32) << 20);
        QCOMPARE(ticks[1].text, u"32 MiB"_s);
        QCOMPARE(ticks[7].text, u"224 MiB"_s);
        // Scrolled: the first label is the first multiple of the step at or below the top.
        const QList<HeatmapAxis::Tick> scrolled = HeatmapAxis::ticks(layout, 60, 100, 30);
        QVERIFY(!scrolled.isEmpty());
        QCOMPARE(scrolled[0].row, quint64(8));
        // 64 TiB, 2^21 clusters (128 GiB) per row, 512 rows of 1.95 px: every 16 rows, 2 TiB.
        const HeatmapLayout huge = HeatmapLayout::withCellSize(quint64(1) << 30, 21, 11, 1.5625, 1000.0 / 512);
        const QList<HeatmapAxis::Tick> hugeTicks = HeatmapAxis::ticks(huge, 0, huge.contentHeightPx(), 30);
        QCOMPARE(hugeTicks[1].text, u"2 TiB"_s);
        QCOMPARE(hugeTicks.last().text, u"62 TiB"_s);
    }

    void bandLanesSeparateOverlaps()
    {
        // An extended partition holding two logical ones, and a partition after them.
        const QList<HeatmapBand> bands = {
            {{100, 900}, u"extended"_s, Qt::red, {}},
            {{120, 300}, u"logical 5"_s, Qt::green, {}},
            {{500, 400}, u"logical 6"_s, Qt::blue, {}},
            {{1000, 50}, u"primary 3"_s, Qt::yellow, {}},
        };
        QCOMPARE(HeatmapAxis::bandLanes(bands), (QList<int>{0, 1, 1, 0}));
    }

    void paintsLabelsAndBars()
    {
        const HeatmapLayout layout = HeatmapLayout::withCellSize(4096, 7, 0, 8, 10);
        HeatmapAxis::Scene scene;
        scene.layout = layout;
        scene.bands = {{{128, 512}, u"p1"_s, QColor(0xff, 0x00, 0xff), {}}}; // rows 1-4
        scene.text = Qt::black;
        scene.line = Qt::gray;
        scene.background = Qt::white;
        const QFontMetrics metrics(scene.font);
        const int width = HeatmapAxis::preferredWidth(metrics, layout, scene.bands);
        QImage image(width, 320, QImage::Format_RGB32);
        QPainter painter(&image);
        HeatmapAxis::paint(painter, image.rect(), scene);
        painter.end();
        // The band's bar spans rows 1-4 (y 10-49) in its lane at the right edge.
        int magenta = 0;
        int firstY = -1;
        int lastY = -1;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = width - 12; x < width; ++x) {
                if (image.pixel(x, y) == qRgb(0xff, 0x00, 0xff)) {
                    ++magenta;
                    firstY = firstY < 0 ? y : firstY;
                    lastY = y;
                }
            }
        }
        QVERIFY(magenta > 0);
        QCOMPARE(firstY, 10 + 1); // inside its outline
        QCOMPARE(lastY, 48);
        QCOMPARE(HeatmapAxis::bandAt(image.rect(), scene, QPoint(width - 6, 30)), std::optional<int>(0));
        QCOMPARE(HeatmapAxis::bandAt(image.rect(), scene, QPoint(width - 6, 80)), std::nullopt);
        // Some text was drawn left of the bars.
        bool dark = false;
        for (int y = 0; y < 20 && !dark; ++y) {
            for (int x = 0; x < width - 16 && !dark; ++x)
                dark = qGray(image.pixel(x, y)) < 100;
        }
        QVERIFY(dark);
    }
};

QTEST_MAIN(HeatmapAxisTest)

#include "heatmapaxistest.moc"
