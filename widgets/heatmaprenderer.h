// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "clusterpyramid.h"
#include "heatmaplayout.h"

#include <QColor>
#include <QFutureWatcher>
#include <QImage>
#include <QObject>
#include <QRect>
#include <QRgb>
#include <QSize>

#include <array>
#include <functional>
#include <memory>

namespace AddCow
{

/**
 * Draws heatmap frames into a QImage from a ClusterPyramid: the cost is O(pixels) at any zoom.
 * render() is a pure function (used for export and benchmarks); start() runs it on the
 * QtConcurrent pool and reports through finished(), one frame at a time.
 */
class HeatmapRenderer : public QObject
{
    Q_OBJECT

public:
    /** The colours of a frame, as ready-to-store pixels. */
    struct Palette {
        static constexpr int RampSteps = 8; ///< ramp[0] clean, ramp[RampSteps] all in the image file

        QRgb background = 0;
        QRgb unreadable = 0;
        /** Clean clusters inside the backing file, mixed with allocated ones (R13). */
        std::array<QRgb, RampSteps + 1> backingRamp{};
        /** Clean clusters past the backing file's end or without one: zeros (R13). */
        std::array<QRgb, RampSteps + 1> zeroRamp{};

        QRgb image() const { return backingRamp[RampSteps]; }
        QRgb backing() const { return backingRamp[0]; }
        QRgb zero() const { return zeroRamp[0]; }

        /** The colours shared with the hex views (sourcecolors.h) on the given background. */
        static Palette standard(const QColor &background);

        /**
         * The ramp step for allocated of total clusters: 0 only when none is allocated,
         * RampSteps only when all are; one allocated cluster is at least step 1.
         */
        static int rampStep(quint64 allocated, quint64 total)
        {
            if (allocated == 0)
                return 0;
            if (allocated >= total)
                return RampSteps;
            return 1 + int(allocated * (RampSteps - 1) / total);
        }
    };

    /** Everything one frame depends on; a value, safe to hand to another thread. */
    struct Frame {
        std::shared_ptr<const ClusterPyramid> pyramid;
        HeatmapLayout layout;
        /** Clusters below this index take their clean bytes from the backing file (R13). */
        quint64 backingEndCluster = 0;
        quint64 topPx = 0; ///< content row of the frame's first pixel row
        QSize sizePx; ///< the whole frame, layout (device) pixels
        QRect regionPx; ///< the part to draw, frame pixels; empty means the whole frame
        qreal devicePixelRatio = 1.0;
        Palette palette;
        quint64 serial = 0; ///< the caller's tag, handed back unchanged

        QRect effectiveRegion() const { return regionPx.isEmpty() ? QRect(QPoint(0, 0), sizePx) : regionPx & QRect(QPoint(0, 0), sizePx); }
    };

    explicit HeatmapRenderer(QObject *parent = nullptr);
    ~HeatmapRenderer() override;

    /**
     * Draws frame.effectiveRegion() of the frame: an RGB32 image of that size with the
     * frame's device pixel ratio. isCanceled is polled every few rows; a canceled render
     * returns a null image.
     */
    static QImage render(const Frame &frame, const std::function<bool()> &isCanceled = {});

    /** The colour of a cell holding allocated of total clusters that start at firstCluster. */
    static QRgb cellColor(const Frame &frame, quint64 firstCluster, quint64 total, quint64 allocated);

    /** Starts rendering frame off the GUI thread; only when !isBusy(). */
    void start(const Frame &frame);
    bool isBusy() const;
    /** The frame being rendered (valid while isBusy()). */
    const Frame &runningFrame() const { return m_running; }
    /** Asks the running render to stop early; finished() still follows, with canceled set. */
    void cancel();
    void waitForFinished();

Q_SIGNALS:
    /** A started render ended; image is null when canceled. */
    void finished(const QImage &image, const AddCow::HeatmapRenderer::Frame &frame, bool canceled);

private:
    QFutureWatcher<QImage> m_watcher;
    Frame m_running;
    bool m_busy = false;
};

} // namespace AddCow
