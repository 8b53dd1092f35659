// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "../app/testimages.h"
#include "createjob.h"
#include "format.h"
#include "heatmapaxis.h"
#include "heatmapwidget.h"
#include "image.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QHelpEvent>
#include <QMenu>
#include <QNativeGestureEvent>
#include <QPointingDevice>
#include <QProcess>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
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
    const int column = layout.columnOfCell(cell);
    const quint64 row = layout.rowOfCell(cell);
    const int x = (layout.columnLeftPx(column) + layout.columnLeftPx(column + 1)) / 2 - int(widget.leftPx());
    const qint64 y = qint64(layout.rowTopPx(row) + layout.rowTopPx(row + 1)) / 2 - qint64(widget.topPx());
    return QPoint(x, int(y));
}

QRgb framePixel(const HeatmapWidget &widget, quint64 clusterIndex)
{
    return widget.currentFrame().pixel(cellCentre(widget, clusterIndex));
}

void sendWheel(QWidget *target, QPoint pos, int angle, Qt::KeyboardModifiers modifiers)
{
    QWheelEvent event(QPointF(pos), QPointF(target->mapToGlobal(pos)), QPoint(), QPoint(0, angle), Qt::NoButton, modifiers, Qt::NoScrollPhase, false);
    QApplication::sendEvent(target, &event);
}

void sendMove(QWidget *target, QPoint pos, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QMouseEvent move(QEvent::MouseMove, QPointF(pos), target->mapToGlobal(QPointF(pos)), Qt::NoButton, Qt::LeftButton, modifiers);
    QApplication::sendEvent(target, &move);
}

ClusterRange selectionArg(const QSignalSpy &spy)
{
    return spy.last().at(0).value<ClusterRange>();
}

QAction *menuAction(QMenu *menu, const QString &objectName)
{
    for (QAction *action : menu->actions()) {
        if (action->objectName() == objectName)
            return action;
    }
    return nullptr;
}

} // namespace

class HeatmapWidgetTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<HeatmapWidget> m_widget;

    // 1000 clusters, 8 per row, 32 px cells: clusters 3 and 500-599 in the image file,
    // backing file of 200 clusters, no ALL_ALLOCATED.
    HeatmapWidget &smallMap()
    {
        ClusterBitmap bitmap(1000);
        bitmap.set(3);
        bitmap.setRange({500, 100});
        m_widget->setImageData(bitmap, 1000 * ClusterSizeBytes, 200 * ClusterSizeBytes, false, true);
        m_widget->setRowClustersLog2(3);
        m_widget->zoomBy(20);
        m_widget->scrollToPx(0);
        m_widget->scrollToXPx(0);
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

    // Issue 12: over a qcow2 base the clusters the base leaves unallocated are the fourth
    // source, told by QEMU at open (Image::backingZeroClusters()), coloured and named.
    void qcow2BaseZerosAreTheirOwnSource()
    {
        QTemporaryDir dir;
        const QString base = dir.filePath(u"base.qcow2"_s);
        const auto qemu = [](const QString &program, const QStringList &arguments) {
            QProcess process;
            process.start(program, arguments);
            return process.waitForFinished(60000) && process.exitCode() == 0;
        };
        QVERIFY(qemu(u"qemu-img"_s, {u"create"_s, u"-q"_s, u"-f"_s, u"qcow2"_s, base, u"1M"_s}));
        QVERIFY(qemu(u"qemu-io"_s, {u"-f"_s, u"qcow2"_s, u"-c"_s, u"write -P 0x33 0 256k"_s, base}));
        CreateOptions options;
        options.addCowPath = dir.filePath(u"disk.add-cow"_s);
        options.imageFileName = "disk.raw";
        options.backingFileName = "base.qcow2";
        JobContext context;
        QVERIFY(CreateJob(options).run(context));
        Result<Image> opened = Image::open(options.addCowPath);
        QVERIFY2(opened, qPrintable(opened.error().message()));
        const auto image = std::make_shared<Image>(std::move(opened.value()));
        QVERIFY(image->backingZeroClusters());

        m_widget->setImage(image);
        QTRY_VERIFY(m_widget->hasCurrentFrame());
        for (quint64 cluster = 0; cluster < 16; ++cluster) {
            const DataSource expected = cluster < 4 ? DataSource::Backing : DataSource::BackingZero;
            QCOMPARE(m_widget->sourceOfCluster(cluster), expected);
            QCOMPARE(framePixel(*m_widget, cluster), expected == DataSource::Backing ? m_widget->colors().backing : m_widget->colors().backingZero);
        }
        QVERIFY(m_widget->toolTipTextAt(cellCentre(*m_widget, 9)).contains(u"reads as zeros"_s));
        QVERIFY(!m_widget->toolTipTextAt(cellCentre(*m_widget, 2)).contains(u"reads as zeros"_s));
    }

    void accessibleNames()
    {
        smallMap();
        QVERIFY(!m_widget->accessibleName().isEmpty());
        QVERIFY(m_widget->accessibleDescription().contains(u"1000 clusters"_s));
        QVERIFY(m_widget->accessibleDescription().contains(u"101 in the image file"_s));
        QCOMPARE(m_widget->focusPolicy(), Qt::StrongFocus);
    }

    void smallMapHasThirtyTwoPixelCells()
    {
        HeatmapWidget &widget = smallMap();
        QCOMPARE(widget.layout().rowClusters(), quint64(8));
        QCOMPARE(widget.layout().cellWidthPx(), 32.0);
        QCOMPARE(widget.layout().cellHeightPx(), 32.0);
        QVERIFY(!widget.canZoomIn());
        QVERIFY(widget.canZoomOut());
        QCOMPARE(widget.maxLeftPx(), qint64(0)); // 256 px of row: no sideways scrolling
    }

    void zoomWithKeys()
    {
        HeatmapWidget &widget = smallMap();
        widget.setRowClustersLog2(HeatmapWidget::AutomaticRows);
        widget.zoomToFit();
        QVERIFY(widget.isFitMode());
        const HeatmapLayout fit = widget.layout();
        QVERIFY(widget.canZoomIn());
        QVERIFY(!widget.canZoomOut());
        QSignalSpy zoomSpy(&widget, &HeatmapWidget::zoomChanged);
        widget.setFocus();
        QTest::keyClick(&widget, Qt::Key_Plus);
        QCOMPARE(zoomSpy.count(), 1);
        QVERIFY(!widget.isFitMode());
        // Automatic rows: zooming in keeps the width, the rows get shorter and the map taller.
        QVERIFY(widget.layout().rowClusters() < fit.rowClusters());
        QVERIFY(widget.layout().contentHeightPx() > fit.contentHeightPx());
        QVERIFY(widget.layout().contentWidthPx() <= fit.contentWidthPx());
        QTest::keyClick(&widget, Qt::Key_Minus);
        QCOMPARE(widget.layout().rowClusters(), fit.rowClusters());
        QTest::keyClick(&widget, Qt::Key_Plus);
        QTest::keyClick(&widget, Qt::Key_0);
        QVERIFY(widget.isFitMode());
        QCOMPARE(widget.layout(), fit);
        // Fit is as far out as it goes: the whole map is on screen.
        QTest::keyClick(&widget, Qt::Key_Minus);
        QCOMPARE(widget.layout(), fit);
        QVERIFY(widget.layout().contentHeightPx() <= quint64(widget.viewport()->height()));
        QVERIFY(widget.isFitMode());
        QCOMPARE(zoomSpy.count(), 4);
    }

    void fitFillsTheView()
    {
        // 2 million clusters (122 GiB): the fit fills the view, no large blank band.
        ClusterBitmap bitmap(2'000'000);
        bitmap.setRange({0, 300'000});
        m_widget->resize(900, 500);
        m_widget->setImageData(bitmap, 2'000'000 * ClusterSizeBytes, 0, false, false);
        m_widget->zoomToFit();
        const QSize view = m_widget->viewportSizePx();
        const HeatmapLayout &layout = m_widget->layout();
        QVERIFY(layout.contentWidthPx() <= view.width() && layout.contentHeightPx() <= quint64(view.height()));
        QVERIFY2(double(layout.contentWidthPx()) * double(layout.contentHeightPx()) >= 0.85 * view.width() * view.height(),
                 qPrintable(QStringLiteral("%1 x %2 in %3 x %4").arg(layout.contentWidthPx()).arg(layout.contentHeightPx()).arg(view.width()).arg(view.height())));
    }

    void gridIsStableOnResize()
    {
        // The picture never re-flows when the window changes: a fit scales, a zoom keeps its cells.
        ClusterBitmap bitmap(5000);
        bitmap.setRange({1234, 77});
        m_widget->setImageData(bitmap, 5000 * ClusterSizeBytes, 0, false, false);
        m_widget->zoomToFit();
        QTRY_VERIFY(m_widget->hasCurrentFrame());
        const quint64 rowClusters = m_widget->layout().rowClusters();
        const auto place = [this](quint64 cluster) {
            const quint64 cell = m_widget->layout().cellOfCluster(cluster);
            return std::make_pair(m_widget->layout().rowOfCell(cell), m_widget->layout().columnOfCell(cell) * m_widget->layout().clustersPerCell());
        };
        const auto before = place(1234);
        m_widget->resize(300, 500);
        QVERIFY(m_widget->isFitMode());
        QCOMPARE(m_widget->layout().rowClusters(), rowClusters);
        QCOMPARE(place(1234).first, before.first);
        m_widget->resize(700, 200);
        QCOMPARE(m_widget->layout().rowClusters(), rowClusters);
        QCOMPARE(place(1234).first, before.first);
        QVERIFY(m_widget->layout().contentWidthPx() <= m_widget->viewportSizePx().width());
        // Zoomed: the very same layout at any size.
        m_widget->zoomIn();
        const HeatmapLayout zoomed = m_widget->layout();
        m_widget->resize(500, 450);
        QCOMPARE(m_widget->layout(), zoomed);
        m_widget->resize(250, 250);
        QCOMPARE(m_widget->layout(), zoomed);
    }

    void chosenRowsStayWhenZooming()
    {
        HeatmapWidget &widget = smallMap();
        QSignalSpy rowsSpy(&widget, &HeatmapWidget::rowClustersChanged);
        widget.setRowClustersLog2(6);
        QCOMPARE(rowsSpy.count(), 1);
        QCOMPARE(rowsSpy.at(0).at(0).toInt(), 6);
        QCOMPARE(widget.rowClustersSetting(), 6);
        QCOMPARE(widget.layout().rowClusters(), quint64(64));
        for (int i = 0; i < 8; ++i) {
            widget.zoomBy(i < 4 ? 1 : -1);
            QCOMPARE(widget.layout().rowClusters(), quint64(64));
            QCOMPARE(widget.layout().rowCount(), quint64(16));
        }
        // Row 3 starts at cluster 192 whatever the zoom: the axis says 12 MiB.
        const QList<HeatmapAxis::Tick> ticks = HeatmapAxis::ticks(widget.layout(), 0, widget.layout().contentHeightPx(), 1);
        QCOMPARE(ticks.at(3).text, u"12 MiB"_s);
        widget.setRowClustersLog2(6); // unchanged: no signal
        QCOMPARE(rowsSpy.count(), 1);
    }

    void rowActionsHalveAndDouble()
    {
        HeatmapWidget &widget = smallMap();
        widget.setRowClustersLog2(HeatmapWidget::AutomaticRows);
        QVERIFY(widget.automaticRowsAction()->isChecked());
        const quint64 automatic = widget.layout().rowClusters();
        widget.shorterRowsAction()->trigger();
        QCOMPARE(widget.layout().rowClusters(), automatic / 2);
        QCOMPARE(widget.rowClustersSetting(), widget.layout().rowClustersLog2());
        QVERIFY(!widget.automaticRowsAction()->isChecked());
        widget.longerRowsAction()->trigger();
        widget.longerRowsAction()->trigger();
        QCOMPARE(widget.layout().rowClusters(), automatic * 2);
        QVERIFY(widget.isFitMode());
        widget.automaticRowsAction()->trigger();
        QCOMPARE(widget.rowClustersSetting(), int(HeatmapWidget::AutomaticRows));
        QCOMPARE(widget.layout().rowClusters(), automatic);
        // At the shortest rows there is nothing shorter.
        widget.setRowClustersLog2(HeatmapLayout::MinRowClustersLog2);
        QVERIFY(!widget.shorterRowsAction()->isEnabled());
        QCOMPARE(widget.shorterRowsAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_BracketLeft));
    }

    void axisSitsLeftOfTheMap()
    {
        HeatmapWidget &widget = smallMap();
        auto *axis = widget.findChild<HeatmapAxis *>();
        QVERIFY(axis);
        QVERIFY(axis->isVisible());
        QCOMPARE(axis->geometry().right() + 1, widget.viewport()->geometry().left());
        QCOMPARE(axis->height(), widget.viewport()->height());
        // Its labels follow the scroll position.
        const QImage top = axis->grab().toImage();
        widget.scrollToPx(64 * 5);
        QVERIFY(axis->grab().toImage() != top);
    }

    void zoomWithWheel()
    {
        HeatmapWidget &widget = smallMap();
        widget.zoomToFit();
        const HeatmapLayout fit = widget.layout();
        QSignalSpy zoomSpy(&widget, &HeatmapWidget::zoomChanged);
        const QPoint pos = cellCentre(widget, 83);
        QVERIFY(widget.clustersAt(pos));
        const quint64 underPointer = widget.clustersAt(pos)->first;
        sendWheel(widget.viewport(), pos, 120, Qt::ControlModifier);
        QVERIFY(!(widget.layout() == fit));
        QCOMPARE(zoomSpy.count(), 1);
        // The cluster under the pointer stays in the pointer's row (the map is no wider than the
        // view yet, so it cannot move sideways).
        const QList<QRectF> rects = widget.viewportRectsFor({underPointer, 1});
        QCOMPARE(rects.size(), 1);
        QVERIFY2(rects[0].top() <= pos.y() + 1 && rects[0].bottom() >= pos.y() - 1, qPrintable(QString::number(rects[0].top())));
        // Half a notch does nothing yet, the other half zooms.
        const HeatmapLayout once = widget.layout();
        sendWheel(widget.viewport(), pos, 60, Qt::ControlModifier);
        QCOMPARE(widget.layout(), once);
        sendWheel(widget.viewport(), pos, 60, Qt::ControlModifier);
        QVERIFY(!(widget.layout() == once));
        sendWheel(widget.viewport(), pos, -240, Qt::ControlModifier);
        QCOMPARE(widget.layout(), fit);
        QCOMPARE(zoomSpy.count(), 3);
        // A plain wheel scrolls instead.
        widget.zoomBy(20);
        widget.scrollToPx(0);
        const HeatmapLayout finest = widget.layout();
        sendWheel(widget.viewport(), pos, -120, Qt::NoModifier);
        QVERIFY(widget.topPx() > 0);
        QCOMPARE(widget.layout(), finest);
    }

    void zoomWithPinch()
    {
        HeatmapWidget &widget = smallMap();
        widget.zoomToFit();
        const HeatmapLayout fit = widget.layout();
        const QPoint pos = cellCentre(widget, 43);
        const auto pinch = [&](Qt::NativeGestureType type, qreal value) {
            QNativeGestureEvent event(type, QPointingDevice::primaryPointingDevice(), 2, QPointF(pos), QPointF(pos), QPointF(widget.viewport()->mapToGlobal(pos)), value, QPointF());
            QApplication::sendEvent(widget.viewport(), &event);
        };
        pinch(Qt::BeginNativeGesture, 0);
        pinch(Qt::ZoomNativeGesture, 0.5); // x1.5: not yet a whole level
        QCOMPARE(widget.layout(), fit);
        pinch(Qt::ZoomNativeGesture, 0.5); // x1.5 again: x2.25 in all
        QVERIFY(!(widget.layout() == fit));
        pinch(Qt::ZoomNativeGesture, -0.75); // x0.25: two levels out, clamped at fit
        QCOMPARE(widget.layout(), fit);
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
        QSignalSpy spy(&widget, &HeatmapWidget::selectionChanged);
        const quint64 columns = quint64(widget.layout().columns());
        const quint64 target = columns + 2;
        QTest::mouseClick(widget.viewport(), Qt::LeftButton, Qt::NoModifier, cellCentre(widget, target));
        QCOMPARE(spy.count(), 1);
        QCOMPARE(selectionArg(spy), (ClusterRange{target, 1}));
        QCOMPARE(widget.selection(), (ClusterRange{target, 1}));
        QCOMPARE(widget.cursorCluster(), target);
        // Shift+click extends from the first cell to this one, in reading order.
        const quint64 other = 3 * columns + 5;
        QTest::mouseClick(widget.viewport(), Qt::LeftButton, Qt::ShiftModifier, cellCentre(widget, other));
        QCOMPARE(selectionArg(spy), (ClusterRange{target, other - target + 1}));
        // Backwards too.
        QTest::mouseClick(widget.viewport(), Qt::LeftButton, Qt::ShiftModifier, cellCentre(widget, 1));
        QCOMPARE(selectionArg(spy), (ClusterRange{1, target}));
        // Clicking below the last row clears it.
        widget.scrollToPx(widget.maxTopPx());
        QTest::mouseClick(widget.viewport(), Qt::LeftButton, Qt::NoModifier, QPoint(cellCentre(widget, 999).x() + 32, cellCentre(widget, 999).y()));
        QCOMPARE(selectionArg(spy), ClusterRange{});
    }

    void dragSelectsRange()
    {
        HeatmapWidget &widget = smallMap();
        const quint64 columns = quint64(widget.layout().columns());
        QSignalSpy spy(&widget, &HeatmapWidget::selectionChanged);
        QTest::mousePress(widget.viewport(), Qt::LeftButton, Qt::NoModifier, cellCentre(widget, 4));
        sendMove(widget.viewport(), cellCentre(widget, 2 * columns + 1));
        QTest::mouseRelease(widget.viewport(), Qt::LeftButton, Qt::NoModifier, cellCentre(widget, 2 * columns + 1));
        QCOMPARE(selectionArg(spy), (ClusterRange{4, 2 * columns + 1 - 4 + 1}));
        // Dragging past the right edge selects to the end of the row.
        QTest::mousePress(widget.viewport(), Qt::LeftButton, Qt::NoModifier, cellCentre(widget, 0));
        const QPoint beyond(widget.layout().contentWidthPx() + 3, cellCentre(widget, 0).y());
        sendMove(widget.viewport(), beyond);
        QTest::mouseRelease(widget.viewport(), Qt::LeftButton, Qt::NoModifier, beyond);
        QCOMPARE(widget.selection(), (ClusterRange{0, columns}));
        // Dragging below the viewport scrolls and keeps selecting.
        QTest::mousePress(widget.viewport(), Qt::LeftButton, Qt::NoModifier, cellCentre(widget, 0));
        const QPoint below(10, widget.viewport()->height() + 40);
        sendMove(widget.viewport(), below);
        QTest::mouseRelease(widget.viewport(), Qt::LeftButton, Qt::NoModifier, below);
        QCOMPARE(widget.topPx(), quint64(41));
        QCOMPARE(widget.selection().first, quint64(0));
        QCOMPARE(widget.selection().end(), widget.nearestClustersAt(below).end());
        QVERIFY(widget.selection().count > columns * quint64(widget.viewport()->height() / 32));
    }

    void dragWithControlPans()
    {
        HeatmapWidget &widget = smallMap();
        widget.setRowClustersLog2(5); // 32 clusters of 32 px: wider than the view
        widget.zoomBy(20);
        widget.scrollToPx(0);
        widget.scrollToXPx(0);
        QVERIFY(widget.maxLeftPx() > 40);
        QSignalSpy spy(&widget, &HeatmapWidget::selectionChanged);
        QTest::mousePress(widget.viewport(), Qt::LeftButton, Qt::ControlModifier, QPoint(150, 200));
        sendMove(widget.viewport(), QPoint(110, 120), Qt::ControlModifier);
        QTest::mouseRelease(widget.viewport(), Qt::LeftButton, Qt::ControlModifier, QPoint(110, 120));
        QCOMPARE(widget.topPx(), quint64(80));
        QCOMPARE(widget.leftPx(), qint64(40)); // and sideways
        QCOMPARE(widget.verticalScrollBar()->value(), 80);
        QCOMPARE(widget.horizontalScrollBar()->value(), 40);
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
        // The cursor is scrolled into view, down and sideways.
        QCOMPARE(widget.topPx(), widget.maxTopPx());
        QVERIFY(widget.clustersAt(cellCentre(widget, 999)));
        QVERIFY(widget.viewport()->rect().contains(cellCentre(widget, 999)));
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
        widget.ensureClusterVisible(250);
        const QString zero = widget.toolTipTextAt(cellCentre(widget, 250));
        QVERIFY2(zero.contains(u"past the end of the backing file"_s), qPrintable(zero));
        widget.scrollToPx(0);
        widget.scrollToXPx(0);
        widget.setUnreadableRanges({{4, 2}});
        QVERIFY(widget.toolTipTextAt(cellCentre(widget, 4)).contains(u"Unreadable"_s));
        QVERIFY(widget.toolTipTextAt(QPoint(-5, 2)).isEmpty());

        // The real tooltip event shows the same text.
        QHelpEvent help(QEvent::ToolTip, cellCentre(widget, 3), widget.viewport()->mapToGlobal(cellCentre(widget, 3)));
        QApplication::sendEvent(widget.viewport(), &help);
        QTRY_VERIFY(QToolTip::isVisible());
        QCOMPARE(QToolTip::text(), image);
        QToolTip::hideText();

        // Coarse zoom: a cell of several clusters with the count of allocated ones.
        ClusterBitmap big(2'000'000);
        big.set(3);
        big.setRange({500, 100});
        widget.setImageData(big, 2'000'000 * ClusterSizeBytes, 200 * ClusterSizeBytes, false, true);
        widget.setRowClustersLog2(12);
        while (widget.layout().clustersPerCellLog2() < 3 && widget.canZoomOut())
            widget.zoomOut();
        while (widget.layout().clustersPerCellLog2() > 3)
            widget.zoomIn();
        QCOMPARE(widget.layout().clustersPerCell(), quint64(8));
        widget.scrollToPx(0);
        widget.scrollToXPx(0);
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
        QTRY_VERIFY(m_widget->hasCurrentFrame());
        QCOMPARE(m_widget->clusterCount(), quint64(5));
        QCOMPARE(framePixel(*m_widget, 4), m_widget->colors().image);
        QCOMPARE(framePixel(*m_widget, 1), m_widget->colors().backing);
        QCOMPARE(framePixel(*m_widget, 2), m_widget->colors().zero);
        const QString text = m_widget->toolTipTextAt(cellCentre(*m_widget, 4));
        QVERIFY2(text.contains(u"Bytes 0x40000 to 0x47fff (32"_s), qPrintable(text));
    }

    void allAllocatedColours() // R14
    {
        ClusterBitmap bitmap(300); // on disk all clear: not consulted
        m_widget->setImageData(bitmap, 300 * ClusterSizeBytes, 300 * ClusterSizeBytes, true, true);
        QTRY_VERIFY(m_widget->hasCurrentFrame());
        QCOMPARE(framePixel(*m_widget, 0), m_widget->colors().image);
        QCOMPARE(framePixel(*m_widget, 299), m_widget->colors().image);
        QVERIFY(m_widget->toolTipTextAt(cellCentre(*m_widget, 10)).contains(u"image file (all allocated)"_s));
    }

    void markAllocatedRepaints()
    {
        HeatmapWidget &widget = smallMap();
        QTRY_VERIFY(widget.hasCurrentFrame());
        QCOMPARE(framePixel(widget, 10), widget.colors().backing);
        QCOMPARE(framePixel(widget, 11), widget.colors().backing);
        widget.markAllocated({10, 1});
        QTRY_VERIFY(widget.hasCurrentFrame());
        QCOMPARE(framePixel(widget, 10), widget.colors().image);
        QCOMPARE(framePixel(widget, 11), widget.colors().backing);
        QCOMPARE(widget.pyramid()->countAllocated(), quint64(102));
        // Many quick updates while frames render: every one lands.
        for (quint64 c = 20; c < 60; ++c)
            widget.markAllocated({c, 1});
        QTRY_VERIFY(widget.hasCurrentFrame());
        QCOMPARE(widget.pyramid()->countAllocated(), quint64(142));
        for (quint64 c = 20; c < 60; ++c)
            QCOMPARE(framePixel(widget, c), widget.colors().image);
    }

    void newlyAllocatedClustersFlash()
    {
        HeatmapWidget &widget = smallMap();
        QTRY_VERIFY(widget.hasCurrentFrame());
        QVERIFY(widget.flashes().isEmpty());
        widget.markAllocated({40, 3});
        QCOMPARE(widget.flashes().flashes().size(), size_t(1));
        QCOMPARE(widget.flashes().flashes().front().range, (ClusterRange{40, 3}));
        QTRY_VERIFY(widget.hasCurrentFrame());
        // Right after: the cell glows, lighter than its new colour; its neighbours do not.
        QImage shot = widget.viewport()->grab().toImage();
        const QRgb glowing = shot.pixel(cellCentre(widget, 41));
        QVERIFY(glowing != widget.colors().image);
        QVERIFY(qGray(glowing) > qGray(widget.colors().image));
        QCOMPARE(shot.pixel(cellCentre(widget, 45)), widget.colors().backing);
        // Then it fades away, and the timer stops.
        QTRY_VERIFY_WITH_TIMEOUT(widget.flashes().isEmpty(), HeatmapFlashes::DurationMs * 3);
        QTRY_COMPARE(widget.viewport()->grab().toImage().pixel(cellCentre(widget, 41)), widget.colors().image);
        // A range that stays clean (bits cleared by another process) does not flash.
        widget.updateClusters({70, 2});
        QVERIFY(widget.flashes().isEmpty());
    }

    void bandsShowAndSelect()
    {
        HeatmapWidget &widget = smallMap();
        auto *axis = widget.findChild<HeatmapAxis *>();
        const int axisWidth = axis->width();
        const QList<HeatmapBand> bands = {{{32, 64}, u"Partition 1"_s, QColor(0xe0, 0x40, 0xc0), u"Linux filesystem"_s},
                                          {{200, 100}, u"Partition 2"_s, QColor(0x40, 0xc0, 0x40), {}}};
        widget.setBands(bands);
        QCOMPARE(widget.bands(), bands);
        QVERIFY(axis->width() > axisWidth); // room for the bars
        QCOMPARE(axis->geometry().right() + 1, widget.viewport()->geometry().left());
        // Hovering the map names the band; hovering its bar too, with its range.
        QVERIFY(widget.toolTipTextAt(cellCentre(widget, 40)).contains(u"Partition 1"_s));
        QVERIFY(!widget.toolTipTextAt(cellCentre(widget, 20)).contains(u"Partition"_s));
        const QString barTip = widget.bandToolTip(0);
        QVERIFY2(barTip.contains(u"Clusters 32 to 95"_s) && barTip.contains(u"Linux filesystem"_s), qPrintable(barTip));
        // Clicking its bar (rows 2-5, in the first lane at the right of the axis) selects it.
        QSignalSpy spy(&widget, &HeatmapWidget::selectionChanged);
        const QPoint bar(axis->width() - 8, cellCentre(widget, 48).y());
        QTest::mouseClick(axis, Qt::LeftButton, Qt::NoModifier, bar);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(selectionArg(spy), (ClusterRange{32, 64}));
        // The band's outline is drawn over the map in its colour.
        QTRY_VERIFY(widget.hasCurrentFrame());
        widget.setSelection({});
        const QImage shot = widget.viewport()->grab().toImage();
        const QRectF first = widget.viewportRectsFor({32, 1}).first();
        bool outlined = false;
        for (int x = int(first.left()); x < int(first.right()) && !outlined; ++x)
            outlined = qAbs(qRed(shot.pixel(x, int(first.top()) + 1)) - 0xe0) < 40 && qAbs(qBlue(shot.pixel(x, int(first.top()) + 1)) - 0xc0) < 40;
        QVERIFY(outlined);
        // Cleared with a new image.
        widget.setImageData(ClusterBitmap(10), 10 * ClusterSizeBytes, 0, false, false);
        QVERIFY(widget.bands().isEmpty());
    }

    void contextMenuActions()
    {
        HeatmapWidget &widget = smallMap();
        const QPoint pos = cellCentre(widget, 510);
        widget.ensureClusterVisible(510);
        const QPoint at = cellCentre(widget, 510);
        Q_UNUSED(pos)
        std::unique_ptr<QMenu> menu(widget.createContextMenu(at, nullptr));
        QSignalSpy selection(&widget, &HeatmapWidget::selectionChanged);
        QAction *selectCell = menuAction(menu.get(), u"selectCellAction"_s);
        QVERIFY(selectCell);
        QVERIFY(selectCell->text().contains(u"510"_s));
        selectCell->trigger();
        QCOMPARE(widget.selection(), (ClusterRange{510, 1}));
        // The run: clusters 500-599 are in the image file.
        QAction *selectRun = menuAction(menu.get(), u"selectRunAction"_s);
        QVERIFY(selectRun->text().contains(u"100"_s));
        selectRun->trigger();
        QCOMPARE(widget.selection(), (ClusterRange{500, 100}));
        menuAction(menu.get(), u"copyOffsetAction"_s)->trigger();
        QCOMPARE(QApplication::clipboard()->text(), u"0x1fe0000"_s);
        menuAction(menu.get(), u"copyClusterAction"_s)->trigger();
        QCOMPARE(QApplication::clipboard()->text(), u"510"_s);
        QSignalSpy activated(&widget, &HeatmapWidget::clusterActivated);
        menuAction(menu.get(), u"showInHexAction"_s)->trigger();
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.at(0).at(0).value<quint64>(), quint64(510));
        QSignalSpy exportSpy(&widget, &HeatmapWidget::exportRequested);
        menuAction(menu.get(), u"exportPngAction"_s)->trigger();
        QCOMPARE(exportSpy.count(), 1);
        // Zoom out here, then Fit; clusters per row from the submenu.
        QVERIFY(!menuAction(menu.get(), u"zoomInHereAction"_s)->isEnabled()); // 32 px already
        menuAction(menu.get(), u"zoomOutHereAction"_s)->trigger();
        QCOMPARE(widget.layout().cellWidthPx(), 16.0);
        menuAction(menu.get(), u"zoomFitAction"_s)->trigger();
        QVERIFY(widget.isFitMode());
        auto *rows = menu->findChild<QMenu *>(u"rowClustersMenu"_s);
        QVERIFY(rows);
        QAction *checked = nullptr;
        for (QAction *action : rows->actions()) {
            if (action->isChecked())
                checked = action;
        }
        QVERIFY(checked);
        QCOMPARE(checked->data().toInt(), 3);
        for (QAction *action : rows->actions()) {
            if (action->data().toInt() == 8)
                action->trigger(); // 256 clusters per row
        }
        QCOMPARE(widget.layout().rowClusters(), quint64(256));
        // A band under the pointer offers to select it.
        widget.setBands({{{0, 1000}, u"Whole disk"_s, Qt::darkCyan, {}}});
        std::unique_ptr<QMenu> withBand(widget.createContextMenu(QPoint(5, 5), nullptr));
        QAction *band = menuAction(withBand.get(), u"selectBandAction"_s);
        QVERIFY(band && band->text().contains(u"Whole disk"_s));
        band->trigger();
        QCOMPARE(widget.selection(), (ClusterRange{0, 1000}));
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

    void sharesTheImagesBitmap()
    {
        // setImage reads the image's own bitmap: no copy; the document's changes show after
        // updateClusters.
        QTemporaryDir dir;
        TestImages::Options options;
        options.virtualBytes = 64 * ClusterSizeBytes;
        options.backingBytes = 32 * ClusterSizeBytes;
        options.allocated = {{3, 2}};
        const QString path = TestImages::make(dir.path(), options);
        QVERIFY(!path.isEmpty());
        Result<Image> opened = Image::open(path, Image::Access::ReadWrite);
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().message()));
        auto image = std::make_shared<Image>(std::move(opened).value());
        m_widget->setImage(image);
        QVERIFY(m_widget->hasImageData());
        QCOMPARE(m_widget->pyramid()->bitmap().get(), &image->bitmap());
        QCOMPARE(m_widget->clusterCount(), quint64(64));
        QCOMPARE(m_widget->sourceOfCluster(3), DataSource::Image);
        QCOMPARE(m_widget->sourceOfCluster(10), DataSource::Backing);
        QCOMPARE(m_widget->sourceOfCluster(40), DataSource::Zero); // R13: past the backing file
        QTRY_VERIFY(m_widget->hasCurrentFrame());
        QCOMPARE(framePixel(*m_widget, 20), m_widget->colors().backing);
        const Result<ClusterRange> written = image->write(20 * ClusterSizeBytes + 5, QByteArray("x")); // R18
        QVERIFY(written.ok());
        QCOMPARE(written.value(), (ClusterRange{20, 1}));
        m_widget->updateClusters(written.value());
        QTRY_VERIFY(m_widget->hasCurrentFrame());
        QCOMPARE(framePixel(*m_widget, 20), m_widget->colors().image);
        QCOMPARE(m_widget->pyramid()->countAllocated(), quint64(3));
        // The widget keeps the image alive while it shows it.
        std::weak_ptr<Image> weak = image;
        image.reset();
        QVERIFY(!weak.expired());
        m_widget->clear();
        QTRY_VERIFY(weak.expired());
    }

    void bigImageCountsInTheBackground()
    {
        // 2^24 clusters (1 TiB): the pyramid is counted by worker threads; the map ends up exact.
        const quint64 clusterCount = quint64(1) << 24;
        ClusterBitmap bitmap(clusterCount);
        bitmap.setRange({clusterCount / 2, 12345});
        bitmap.set(clusterCount - 1);
        m_widget->setImageData(bitmap, clusterCount * ClusterSizeBytes, 0, false, false);
        QVERIFY(m_widget->pyramid()->chunkCount() > 2);
        QTRY_VERIFY_WITH_TIMEOUT(m_widget->hasCurrentFrame(), 20000);
        QVERIFY(m_widget->pyramid()->isComplete());
        QCOMPARE(m_widget->pyramid()->countAllocated(), quint64(12346));
        QVERIFY(m_widget->accessibleDescription().contains(u"12346 in the image file"_s));
        // The last cell holds one allocated cluster: never drawn as clean.
        const HeatmapLayout &layout = m_widget->layout();
        QCOMPARE(framePixel(*m_widget, clusterCount - 1), m_widget->colors().ramp[0]);
        QVERIFY(layout.contentHeightPx() <= quint64(m_widget->viewportSizePx().height()));
    }

#ifdef Q_OS_LINUX
    void countingThreadsYieldToTheGuiThread()
    {
        // Issue 13: the threads that count a big pyramid run 10 nice steps below the GUI thread
        // (the frame renderer and the GUI thread come first); the GUI thread's own stays.
        auto niceOf = [](const QString &statPath) -> std::optional<int> {
            QFile stat(statPath);
            if (!stat.open(QIODevice::ReadOnly))
                return std::nullopt;
            const QByteArray line = stat.readAll();
            // Fields after the command's closing parenthesis: state is field 3, nice field 19.
            const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
            return fields.size() > 16 ? std::optional<int>(fields.at(16).toInt()) : std::nullopt;
        };
        const std::optional<int> guiNice = niceOf(u"/proc/thread-self/stat"_s);
        QVERIFY(guiNice.has_value());
        const quint64 clusterCount = quint64(1) << 24;
        ClusterBitmap bitmap(clusterCount);
        bitmap.setRange({0, clusterCount / 3});
        m_widget->setImageData(bitmap, clusterCount * ClusterSizeBytes, 0, false, false);
        QVERIFY(m_widget->pyramid()->chunkCount() > 2);
        QTRY_VERIFY_WITH_TIMEOUT(m_widget->pyramid()->isComplete(), 20000);
        QCOMPARE(m_widget->pyramid()->countAllocated(), clusterCount / 3);
        // The pool's threads outlive the build: one of them counted, at the lower priority.
        int counting = 0;
        for (const QString &task : QDir(u"/proc/self/task"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            if (niceOf(u"/proc/self/task/"_s + task + u"/stat"_s) == std::min(19, *guiNice + 10))
                ++counting;
        }
        QVERIFY(counting >= 1);
        QCOMPARE(niceOf(u"/proc/thread-self/stat"_s), guiNice);
    }
#endif

    void hugeImageScrollsOnIntScrollBar()
    {
        // 2^40 clusters (64 PiB) at 32 px cells: far taller than an int.
        const quint64 clusterCount = quint64(1) << 40;
        m_widget->setImageData(ClusterBitmap(), clusterCount * ClusterSizeBytes, 0, true, false);
        m_widget->setRowClustersLog2(6);
        m_widget->zoomBy(40);
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
        QCOMPARE(m_widget->currentFrame().pixel(5, 5), m_widget->colors().image);
    }

    void exportUsesTheScreensGrid()
    {
        HeatmapWidget &widget = smallMap();
        widget.setUnreadableRanges({{0, 1}});
        // The map alone: the whole image in the screen's grid, 8 clusters of 32 px per row.
        const QImage map = widget.renderImage();
        QCOMPARE(map.width(), 8 * 32);
        QCOMPARE(map.height(), 125 * 32);
        QCOMPARE(map.pixel(16 + 32 * 3, 16), widget.colors().image); // cluster 3
        int red = 0;
        for (int y = 0; y < 32; ++y) {
            for (int x = 0; x < 32; ++x)
                red += map.pixel(x, y) == widget.colors().unreadable ? 1 : 0;
        }
        QVERIFY2(red > 32 * 4, qPrintable(QString::number(red)));
        QCOMPARE(map.pixel(16 + 32, 16), widget.colors().backing); // cluster 1 untouched
        // With the axis left of it and the legend below.
        const QImage picture = widget.exportImage();
        QVERIFY(picture.width() > map.width() + 40);
        QVERIFY(picture.height() > map.height() + 20);
        // Bounded: cells shrink first, the rows stay.
        const QImage small = widget.renderImage(500);
        QVERIFY(small.width() <= 500 && small.height() <= 500);
        QCOMPARE(small.width() % 8, 0);

        m_widget->setImageData(ClusterBitmap(), (quint64(1) << 30) * ClusterSizeBytes, 0, true, false);
        const QImage big = m_widget->renderImage(4096);
        QVERIFY(big.width() <= 4096 && big.height() <= 4096);
        QCOMPARE(big.pixel(0, 0), m_widget->colors().image);
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
        QVERIFY(widget.exportImage().isNull());
        QVERIFY(!widget.canZoomIn());
    }
};

QTEST_MAIN(HeatmapWidgetTest)

#include "heatmapwidgettest.moc"
