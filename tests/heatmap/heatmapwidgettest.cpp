// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "format.h"
#include "heatmapwidget.h"

#include <QApplication>
#include <QHelpEvent>
#include <QNativeGestureEvent>
#include <QPointingDevice>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QToolTip>
#include <QWheelEvent>

using namespace AddCow;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(std::optional<quint64>)

namespace
{

// The centre of the cell holding clusterIndex, in viewport coordinates (device pixel ratio 1).
QPoint cellCentre(const HeatmapWidget &widget, quint64 clusterIndex)
{
    const HeatmapLayout &layout = widget.layout();
    const quint64 cell = layout.cellOfCluster(clusterIndex);
    return QPoint(layout.cellLeftPx(cell) + layout.cellSizePx() / 2, int(qint64(layout.cellTopPx(cell)) - qint64(widget.topPx())) + layout.cellSizePx() / 2);
}

QRgb framePixel(const HeatmapWidget &widget, quint64 clusterIndex)
{
    const QPoint centre = cellCentre(widget, clusterIndex);
    return widget.currentFrame().pixel(centre);
}

void sendWheel(QWidget *target, QPoint pos, int angle, Qt::KeyboardModifiers modifiers)
{
    QWheelEvent event(QPointF(pos), QPointF(target->mapToGlobal(pos)), QPoint(), QPoint(0, angle), Qt::NoButton, modifiers, Qt::NoScrollPhase, false);
    QApplication::sendEvent(target, &event);
}

ClusterRange selectionArg(const QSignalSpy &spy)
{
    return spy.last().at(0).value<ClusterRange>();
}

} // namespace

class HeatmapWidgetTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<HeatmapWidget> m_widget;

    // 1000 clusters, 32 px cells: clusters 3 and 500-599 in the image file, backing file of
    // 200 clusters, no ALL_ALLOCATED.
    HeatmapWidget &smallMap()
    {
        ClusterBitmap bitmap(1000);
        bitmap.set(3);
        bitmap.setRange({500, 100});
        m_widget->setImageData(bitmap, 1000 * ClusterSizeBytes, 200 * ClusterSizeBytes, false, true);
        m_widget->setZoomLevel(m_widget->finestZoomLevel());
        m_widget->scrollToPx(0);
        return *m_widget;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QLocale::setDefault(QLocale::c());
        qRegisterMetaType<ClusterRange>();
    }

    void init()
    {
        m_widget = std::make_unique<HeatmapWidget>();
        m_widget->resize(420, 340);
        m_widget->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_widget.get()));
    }

    void cleanup()
    {
        m_widget.reset();
    }

    void accessibleNames()
    {
        smallMap();
        QVERIFY(!m_widget->accessibleName().isEmpty());
        QVERIFY(m_widget->accessibleDescription().contains(u"1000 clusters"_s));
        QVERIFY(m_widget->accessibleDescription().contains(u"101 in the image file"_s));
        QCOMPARE(m_widget->focusPolicy(), Qt::StrongFocus);
    }

    void zoomWithKeys()
    {
        HeatmapWidget &widget = smallMap();
        widget.zoomToFit();
        QVERIFY(widget.isFitMode());
        const int fit = widget.zoomLevel();
        QVERIFY(fit > widget.finestZoomLevel());
        QSignalSpy zoomSpy(&widget, &HeatmapWidget::zoomChanged);
        widget.setFocus();
        QTest::keyClick(&widget, Qt::Key_Plus);
        QCOMPARE(widget.zoomLevel(), fit - 1);
        QCOMPARE(zoomSpy.count(), 1);
        QVERIFY(!widget.isFitMode());
        QTest::keyClick(&widget, Qt::Key_Plus);
        QCOMPARE(widget.zoomLevel(), fit - 2);
        QTest::keyClick(&widget, Qt::Key_Minus);
        QCOMPARE(widget.zoomLevel(), fit - 1);
        QTest::keyClick(&widget, Qt::Key_0);
        QCOMPARE(widget.zoomLevel(), fit);
        QVERIFY(widget.isFitMode());
        // Fit is as far out as it goes: the whole map is on screen.
        QTest::keyClick(&widget, Qt::Key_Minus);
        QCOMPARE(widget.zoomLevel(), fit);
        QVERIFY(widget.layout().contentHeightPx() <= quint64(widget.viewport()->height()));
        QVERIFY(widget.isFitMode());
        QCOMPARE(zoomSpy.count(), 4);
    }

    void zoomWithWheel()
    {
        HeatmapWidget &widget = smallMap();
        widget.zoomToFit();
        const int fit = widget.zoomLevel();
        QSignalSpy zoomSpy(&widget, &HeatmapWidget::zoomChanged);
        const QPoint pos(50, 40);
        const quint64 underPointer = widget.clustersAt(pos)->first;
        sendWheel(widget.viewport(), pos, 120, Qt::ControlModifier);
        QCOMPARE(widget.zoomLevel(), fit - 1);
        // The cluster under the pointer stays in the pointer's row.
        const QList<QRectF> rects = widget.viewportRectsFor({underPointer, 1});
        QCOMPARE(rects.size(), 1);
        QVERIFY2(rects[0].top() <= pos.y() && rects[0].bottom() >= pos.y() - 1, qPrintable(QString::number(rects[0].top())));
        // Half a notch does nothing yet, the other half zooms.
        sendWheel(widget.viewport(), pos, 60, Qt::ControlModifier);
        QCOMPARE(widget.zoomLevel(), fit - 1);
        sendWheel(widget.viewport(), pos, 60, Qt::ControlModifier);
        QCOMPARE(widget.zoomLevel(), fit - 2);
        sendWheel(widget.viewport(), pos, -240, Qt::ControlModifier);
        QCOMPARE(widget.zoomLevel(), fit);
        QCOMPARE(zoomSpy.count(), 3);
        // A plain wheel scrolls instead.
        widget.setZoomLevel(widget.finestZoomLevel());
        widget.scrollToPx(0);
        sendWheel(widget.viewport(), pos, -120, Qt::NoModifier);
        QVERIFY(widget.topPx() > 0);
        QCOMPARE(widget.zoomLevel(), widget.finestZoomLevel());
    }

    void zoomWithPinch()
    {
        HeatmapWidget &widget = smallMap();
        widget.zoomToFit();
        const int fit = widget.zoomLevel();
        const QPoint pos(60, 30);
        const auto pinch = [&](Qt::NativeGestureType type, qreal value) {
            QNativeGestureEvent event(type, QPointingDevice::primaryPointingDevice(), 2, QPointF(pos), QPointF(pos), QPointF(widget.viewport()->mapToGlobal(pos)), value, QPointF());
            QApplication::sendEvent(widget.viewport(), &event);
        };
        pinch(Qt::BeginNativeGesture, 0);
        pinch(Qt::ZoomNativeGesture, 0.5); // x1.5: not yet a whole level
        QCOMPARE(widget.zoomLevel(), fit);
        pinch(Qt::ZoomNativeGesture, 0.5); // x1.5 again: x2.25 in all
        QCOMPARE(widget.zoomLevel(), fit - 1);
        pinch(Qt::ZoomNativeGesture, -0.75); // x0.25: two levels out, clamped at fit
        QCOMPARE(widget.zoomLevel(), fit);
        pinch(Qt::EndNativeGesture, 0);
    }

    void unreadableRangesAreHatched()
    {
        HeatmapWidget &widget = smallMap();
        widget.setUnreadableRanges({{600, 3}, {4, 2}});
        QTRY_VERIFY(widget.hasCurrentFrame());
        const QImage shot = widget.viewport()->grab().toImage();
        const auto redIn = [&](quint64 cluster) {
            const QRectF cell = widget.viewportRectsFor({cluster, 1}).first();
            int red = 0;
            for (int y = int(cell.top()); y < int(cell.bottom()); ++y) {
                for (int x = int(cell.left()); x < int(cell.right()); ++x)
                    red += shot.pixel(x, y) == widget.colors().unreadable ? 1 : 0;
            }
            return red;
        };
        QVERIFY(redIn(4) > 32 * 4);
        QVERIFY(redIn(5) > 32 * 4);
        QCOMPARE(redIn(6), 0);
        QCOMPARE(widget.unreadableRanges().first(), (ClusterRange{4, 2})); // kept sorted
    }

    void clickSelectsCell()
    {
        HeatmapWidget &widget = smallMap();
        const int columns = widget.layout().columns();
        QSignalSpy spy(&widget, &HeatmapWidget::selectionChanged);
        const quint64 target = quint64(columns) + 2;
        QTest::mouseClick(widget.viewport(), Qt::LeftButton, Qt::NoModifier, cellCentre(widget, target));
        QCOMPARE(spy.count(), 1);
        QCOMPARE(selectionArg(spy), (ClusterRange{target, 1}));
        QCOMPARE(widget.selection(), (ClusterRange{target, 1}));
        QCOMPARE(widget.cursorCluster(), target);
        // Shift+click extends from the first cell to this one, in reading order.
        const quint64 other = 3 * quint64(columns) + 5;
        QTest::mouseClick(widget.viewport(), Qt::LeftButton, Qt::ShiftModifier, cellCentre(widget, other));
        QCOMPARE(selectionArg(spy), (ClusterRange{target, other - target + 1}));
        // Backwards too.
        QTest::mouseClick(widget.viewport(), Qt::LeftButton, Qt::ShiftModifier, cellCentre(widget, 1));
        QCOMPARE(selectionArg(spy), (ClusterRange{1, target}));
        // Clicking outside the map clears it.
        QTest::mouseClick(widget.viewport(), Qt::LeftButton, Qt::NoModifier, QPoint(widget.layout().contentWidthPx() + 1, 5));
        QCOMPARE(selectionArg(spy), ClusterRange{});
    }

    void dragSelectsRange()
    {
        HeatmapWidget &widget = smallMap();
        const quint64 columns = quint64(widget.layout().columns());
        QSignalSpy spy(&widget, &HeatmapWidget::selectionChanged);
        QTest::mousePress(widget.viewport(), Qt::LeftButton, Qt::NoModifier, cellCentre(widget, 4));
        QMouseEvent move(QEvent::MouseMove, QPointF(cellCentre(widget, 2 * columns + 1)), widget.viewport()->mapToGlobal(QPointF(cellCentre(widget, 2 * columns + 1))),
                         Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(widget.viewport(), &move);
        QTest::mouseRelease(widget.viewport(), Qt::LeftButton, Qt::NoModifier, cellCentre(widget, 2 * columns + 1));
        QCOMPARE(selectionArg(spy), (ClusterRange{4, 2 * columns + 1 - 4 + 1}));
        // Dragging past the right edge selects to the end of the row.
        QTest::mousePress(widget.viewport(), Qt::LeftButton, Qt::NoModifier, cellCentre(widget, 0));
        const QPoint beyond(widget.layout().contentWidthPx() + 3, cellCentre(widget, 0).y());
        QMouseEvent moveOut(QEvent::MouseMove, QPointF(beyond), widget.viewport()->mapToGlobal(QPointF(beyond)), Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(widget.viewport(), &moveOut);
        QTest::mouseRelease(widget.viewport(), Qt::LeftButton, Qt::NoModifier, beyond);
        QCOMPARE(widget.selection(), (ClusterRange{0, columns}));
        // Dragging below the viewport scrolls and keeps selecting.
        QTest::mousePress(widget.viewport(), Qt::LeftButton, Qt::NoModifier, cellCentre(widget, 0));
        const QPoint below(10, widget.viewport()->height() + 40);
        QMouseEvent moveDown(QEvent::MouseMove, QPointF(below), widget.viewport()->mapToGlobal(QPointF(below)), Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(widget.viewport(), &moveDown);
        QTest::mouseRelease(widget.viewport(), Qt::LeftButton, Qt::NoModifier, below);
        QCOMPARE(widget.topPx(), quint64(41));
        QCOMPARE(widget.selection().first, quint64(0));
        QCOMPARE(widget.selection().end(), widget.nearestClustersAt(below).end());
        QVERIFY(widget.selection().count > columns * quint64(widget.viewport()->height() / 32));
    }

    void dragWithControlPans()
    {
        HeatmapWidget &widget = smallMap();
        QCOMPARE(widget.topPx(), quint64(0));
        QSignalSpy spy(&widget, &HeatmapWidget::selectionChanged);
        QTest::mousePress(widget.viewport(), Qt::LeftButton, Qt::ControlModifier, QPoint(50, 200));
        QMouseEvent move(QEvent::MouseMove, QPointF(50, 120), widget.viewport()->mapToGlobal(QPointF(50, 120)), Qt::NoButton, Qt::LeftButton, Qt::ControlModifier);
        QApplication::sendEvent(widget.viewport(), &move);
        QTest::mouseRelease(widget.viewport(), Qt::LeftButton, Qt::ControlModifier, QPoint(50, 120));
        QCOMPARE(widget.topPx(), quint64(80));
        QCOMPARE(widget.verticalScrollBar()->value(), 80);
        QCOMPARE(spy.count(), 0);
    }

    void doubleClickActivates()
    {
        HeatmapWidget &widget = smallMap();
        QSignalSpy spy(&widget, &HeatmapWidget::clusterActivated);
        QTest::mouseDClick(widget.viewport(), Qt::LeftButton, Qt::NoModifier, cellCentre(widget, 7));
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).value<quint64>(), quint64(7));
    }

    void keyboardNavigation()
    {
        HeatmapWidget &widget = smallMap();
        const quint64 columns = quint64(widget.layout().columns());
        widget.setFocus();
        QSignalSpy spy(&widget, &HeatmapWidget::selectionChanged);
        QSignalSpy activated(&widget, &HeatmapWidget::clusterActivated);
        QTest::keyClick(&widget, Qt::Key_Right);
        QCOMPARE(widget.cursorCluster(), quint64(1));
        QCOMPARE(selectionArg(spy), (ClusterRange{1, 1}));
        QTest::keyClick(&widget, Qt::Key_Down);
        QCOMPARE(widget.cursorCluster(), columns + 1);
        QTest::keyClick(&widget, Qt::Key_Right, Qt::ShiftModifier);
        QCOMPARE(selectionArg(spy), (ClusterRange{columns + 1, 2}));
        QTest::keyClick(&widget, Qt::Key_Return);
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.at(0).at(0).value<quint64>(), columns + 2);
        QTest::keyClick(&widget, Qt::Key_End, Qt::ControlModifier);
        QCOMPARE(widget.cursorCluster(), quint64(999));
        // The cursor is scrolled into view.
        QCOMPARE(widget.topPx(), widget.maxTopPx());
        QVERIFY(widget.clustersAt(cellCentre(widget, 999)));
        QTest::keyClick(&widget, Qt::Key_Escape);
        QCOMPARE(widget.selection(), ClusterRange{});
    }

    void toolTipText()
    {
        HeatmapWidget &widget = smallMap();
        const QString image = widget.toolTipTextAt(cellCentre(widget, 3));
        QVERIFY2(image.contains(u"Cluster 3"_s), qPrintable(image));
        QVERIFY2(image.contains(u"Bytes 0x30000 to 0x3ffff"_s), qPrintable(image));
        QVERIFY2(image.contains(u"Source: image file"_s), qPrintable(image));
        const QString backing = widget.toolTipTextAt(cellCentre(widget, 4));
        QVERIFY2(backing.contains(u"Source: backing file"_s), qPrintable(backing));
        const QString zero = widget.toolTipTextAt(cellCentre(widget, 250));
        QVERIFY2(zero.contains(u"past the end of the backing file"_s), qPrintable(zero));
        widget.setUnreadableRanges({{4, 2}});
        QVERIFY(widget.toolTipTextAt(cellCentre(widget, 4)).contains(u"Unreadable"_s));
        QVERIFY(widget.toolTipTextAt(QPoint(widget.layout().contentWidthPx() + 2, 2)).isEmpty());

        // The real tooltip event shows the same text.
        QHelpEvent help(QEvent::ToolTip, cellCentre(widget, 3), widget.viewport()->mapToGlobal(cellCentre(widget, 3)));
        QApplication::sendEvent(widget.viewport(), &help);
        QTRY_VERIFY(QToolTip::isVisible());
        QCOMPARE(QToolTip::text(), image);
        QToolTip::hideText();

        // Coarse zoom: a pixel block with the count of allocated clusters under the pointer.
        ClusterBitmap big(2'000'000);
        big.set(3);
        big.setRange({500, 100});
        widget.setImageData(big, 2'000'000 * ClusterSizeBytes, 200 * ClusterSizeBytes, false, true);
        widget.setZoomLevel(3); // 8 clusters per pixel
        QCOMPARE(widget.zoomLevel(), 3);
        widget.scrollToPx(0);
        const QString block = widget.toolTipTextAt(cellCentre(widget, 500));
        QVERIFY2(block.contains(u"Clusters 496 to 503 (8 clusters)"_s), qPrintable(block));
        QVERIFY2(block.contains(u"Allocated in the image file: 4 of 8 clusters (50.0%)"_s), qPrintable(block));
        QVERIFY2(block.contains(u"From the backing file: 0, zeros: 4"_s), qPrintable(block));
    }

    void partialLastClusterTooltipAndColour() // R15
    {
        // 4.5 clusters: 5 clusters, the last holds 32 KiB; backing file of 2 clusters.
        ClusterBitmap bitmap(5);
        bitmap.set(4);
        m_widget->setImageData(bitmap, 4 * ClusterSizeBytes + 32768, 2 * ClusterSizeBytes, false, true);
        m_widget->setZoomLevel(m_widget->finestZoomLevel());
        QTRY_VERIFY(m_widget->hasCurrentFrame());
        QCOMPARE(m_widget->clusterCount(), quint64(5));
        QCOMPARE(framePixel(*m_widget, 4), m_widget->colors().image());
        QCOMPARE(framePixel(*m_widget, 1), m_widget->colors().backing());
        QCOMPARE(framePixel(*m_widget, 2), m_widget->colors().zero());
        const QString text = m_widget->toolTipTextAt(cellCentre(*m_widget, 4));
        QVERIFY2(text.contains(u"Bytes 0x40000 to 0x47fff (32"_s), qPrintable(text));
    }

    void allAllocatedColours() // R14
    {
        ClusterBitmap bitmap(300); // on disk all clear: not consulted
        m_widget->setImageData(bitmap, 300 * ClusterSizeBytes, 300 * ClusterSizeBytes, true, true);
        m_widget->setZoomLevel(m_widget->finestZoomLevel());
        m_widget->scrollToPx(0);
        QTRY_VERIFY(m_widget->hasCurrentFrame());
        QCOMPARE(framePixel(*m_widget, 0), m_widget->colors().image());
        QCOMPARE(framePixel(*m_widget, 10), m_widget->colors().image());
        QVERIFY(m_widget->toolTipTextAt(cellCentre(*m_widget, 10)).contains(u"image file (all allocated)"_s));
        m_widget->zoomToFit();
        QTRY_VERIFY(m_widget->hasCurrentFrame());
        QCOMPARE(m_widget->currentFrame().pixel(0, 0), m_widget->colors().image());
    }

    void markAllocatedRepaints()
    {
        HeatmapWidget &widget = smallMap();
        QTRY_VERIFY(widget.hasCurrentFrame());
        QCOMPARE(framePixel(widget, 10), widget.colors().backing());
        QCOMPARE(framePixel(widget, 11), widget.colors().backing());
        widget.markAllocated({10, 1});
        QTRY_VERIFY(widget.hasCurrentFrame());
        QCOMPARE(framePixel(widget, 10), widget.colors().image());
        QCOMPARE(framePixel(widget, 11), widget.colors().backing());
        QCOMPARE(widget.pyramid()->countAllocated(), quint64(102));
        // Many quick updates while frames render: every one lands.
        for (quint64 c = 20; c < 60; ++c)
            widget.markAllocated({c, 1});
        QTRY_VERIFY(widget.hasCurrentFrame());
        QCOMPARE(widget.pyramid()->countAllocated(), quint64(142));
        for (quint64 c = 20; c < 60; ++c)
            QCOMPARE(framePixel(widget, c), widget.colors().image());
    }

    void goToClusterScrollsAndMarks()
    {
        HeatmapWidget &widget = smallMap();
        widget.goToCluster(900);
        QCOMPARE(widget.markedCluster(), std::optional<quint64>(900));
        QCOMPARE(widget.cursorCluster(), quint64(900));
        const QPoint centre = cellCentre(widget, 900);
        QVERIFY(widget.viewport()->rect().contains(centre));
        QCOMPARE(widget.clustersAt(centre)->first, quint64(900));
        // Out of range: ignored.
        widget.goToCluster(1000);
        QCOMPARE(widget.markedCluster(), std::optional<quint64>(900));
    }

    void hugeImageScrollsOnIntScrollBar()
    {
        // 2^40 clusters (64 PiB) at 32 px cells: far taller than an int.
        const quint64 clusterCount = quint64(1) << 40;
        m_widget->setImageData(ClusterBitmap(), clusterCount * ClusterSizeBytes, 0, true, false);
        m_widget->setZoomLevel(m_widget->finestZoomLevel());
        QVERIFY(m_widget->maxTopPx() > quint64(std::numeric_limits<int>::max()));
        QScrollBar *bar = m_widget->verticalScrollBar();
        QVERIFY(bar->maximum() > 0 && bar->maximum() <= (1 << 30));
        bar->setValue(bar->maximum());
        QCOMPARE(m_widget->topPx(), m_widget->maxTopPx());
        // The last cluster is reachable and its index is exact.
        m_widget->goToCluster(clusterCount - 1);
        QCOMPARE(m_widget->clustersAt(cellCentre(*m_widget, clusterCount - 1))->first, clusterCount - 1);
        bar->setValue(bar->maximum() / 2);
        const quint64 middle = m_widget->clustersAt(QPoint(1, 1))->first;
        QVERIFY(middle > clusterCount / 2 - clusterCount / 100 && middle < clusterCount / 2 + clusterCount / 100);
        QTRY_VERIFY(m_widget->hasCurrentFrame());
        QCOMPARE(m_widget->currentFrame().pixel(5, 5), m_widget->colors().image());
    }

    void renderImageIsBounded()
    {
        HeatmapWidget &widget = smallMap();
        widget.setUnreadableRanges({{0, 1}});
        const QImage small = widget.renderImage();
        // 1000 clusters fit at 32 px cells in a square-ish picture.
        QVERIFY(small.width() <= 4096 && small.height() <= 4096);
        QCOMPARE(small.width() % 32, 0);
        QCOMPARE(small.pixel(16 + 32 * 3, 16), widget.colors().image()); // cluster 3
        // Cluster 0 is unreadable: hatched red over its cell.
        int red = 0;
        for (int y = 0; y < 32; ++y) {
            for (int x = 0; x < 32; ++x)
                red += small.pixel(x, y) == widget.colors().unreadable ? 1 : 0;
        }
        QVERIFY2(red > 32 * 4, qPrintable(QString::number(red)));
        QCOMPARE(small.pixel(16 + 32, 16), widget.colors().backing()); // cluster 1 untouched

        m_widget->setImageData(ClusterBitmap(), (quint64(1) << 30) * ClusterSizeBytes, 0, true, false);
        const QImage big = m_widget->renderImage();
        QVERIFY(big.width() <= 4096 && big.height() <= 4096);
        QVERIFY(big.width() >= 2048 || big.height() >= 2048);
        QCOMPARE(big.pixel(0, 0), m_widget->colors().image());
        QVERIFY(m_widget->renderImage(100).width() <= 100);
    }

    void clearShowsNothing()
    {
        HeatmapWidget &widget = smallMap();
        widget.setSelection({1, 5});
        QSignalSpy spy(&widget, &HeatmapWidget::selectionChanged);
        widget.clear();
        QCOMPARE(spy.count(), 1);
        QCOMPARE(widget.clusterCount(), quint64(0));
        QVERIFY(!widget.clustersAt(QPoint(5, 5)));
        QVERIFY(widget.toolTipTextAt(QPoint(5, 5)).isEmpty());
        QVERIFY(widget.renderImage().isNull());
    }
};

QTEST_MAIN(HeatmapWidgetTest)

#include "heatmapwidgettest.moc"
