// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "clusterpyramid.h"
#include "heatmaplayout.h"

#include <QColor>
#include <QFutureWatcher>
#include <QImage>
#include <QList>
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
        static constexpr int RampSteps = 8; ///< step 0 clean, RampSteps all in the image file

        QRgb background = 0;
        QRgb unreadable = 0; ///< verify failures, drawn hatched over the map
        QRgb pending = 0; ///< blocks whose counts are still being built
        QRgb image = 0; ///< R13 bit 1 (or R14): the image file
        QRgb backing = 0; ///< bit 0 inside the backing file
        QRgb zero = 0; ///< bit 0 past the backing file's end, or no backing file
        QRgb backingZero = 0; ///< bit 0 where the backing file reads as zeros
        QRgb backingUnavailable = 0; ///< bit 0 while the backing file cannot be read (no bytes known)
        /** The backing file cannot be read: clean clusters are drawn as backingUnavailable (withBackingUnavailable()). */
        bool isBackingUnavailable = false;
        /**
         * Partly allocated cells, from a few clusters in the image file (ramp[0]) to nearly all
         * (ramp[RampSteps - 2]): one ramp apart from every source colour, whatever the clean
         * clusters are (neighbouring cells show that).
         */
        std::array<QRgb, RampSteps - 1> ramp{};

        /** The colours shared with the hex views (sourcecolors.h), on the given background. */
        static Palette standard(const QColor &background, const QColor &text);
        /** This palette for an image whose backing file cannot be read: clean clusters in backingUnavailable. */
        Palette withBackingUnavailable() const
        {
            Palette palette = *this;
            palette.backing = backingUnavailable;
            palette.isBackingUnavailable = true;
            return palette;
        }

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
        /** The colour of step with clean as the colour of no allocated cluster. */
        QRgb stepColor(int step, QRgb clean) const { return step <= 0 ? clean : (step >= RampSteps ? image : ramp[step - 1]); }
    };

    /** Everything one frame depends on; a value, safe to hand to another thread. */
    struct Frame {
        std::shared_ptr<const ClusterPyramid> pyramid;
        HeatmapLayout layout;
        /** Clusters below this index take their clean bytes from the backing file (R13). */
        quint64 backingEndCluster = 0;
        /** Sorted, disjoint clusters whose backing data reads as zeros (shown as backingZero when clean). */
        std::shared_ptr<const QList<ClusterRange>> backingZeroRanges;
        qint64 leftPx = 0; ///< content column of the frame's first pixel column
        quint64 topPx = 0; ///< content row of the frame's first pixel row
        QSize sizePx; ///< the whole frame, layout (device) pixels
        QRect regionPx; ///< the part to draw, frame pixels; empty means the whole frame
        qreal devicePixelRatio = 1.0;
        Palette palette;
        quint64 serial = 0; ///< the caller's tag, handed back unchanged

        QRect effectiveRegion() const { return regionPx.isEmpty() ? QRect(QPoint(0, 0), sizePx) : regionPx & QRect(QPoint(0, 0), sizePx); }
    };

    /** How a render went. */
    struct Outcome {
        QImage image; ///< null when canceled
        bool pendingShown = false; ///< some cells were drawn as pending: draw again once counted
    };

    explicit HeatmapRenderer(QObject *parent = nullptr);
    ~HeatmapRenderer() override;

    /**
     * Draws frame.effectiveRegion() of the frame: an RGB32 image of that size with the frame's
     * device pixel ratio. isCanceled is polled every few rows; a canceled render gives a null image.
     */
    static Outcome renderFrame(const Frame &frame, const std::function<bool()> &isCanceled = {});
    static QImage render(const Frame &frame) { return renderFrame(frame).image; }

    /** Where a clean cluster reads from: backing, backing zeros or zeros (R13). */
    static QRgb cleanColor(const Frame &frame, ClusterRange cell);

    /** Starts rendering frame off the GUI thread; only when !isBusy(). */
    void start(const Frame &frame);
    bool isBusy() const;
    /** The frame being rendered (valid while isBusy()). */
    const Frame &runningFrame() const { return m_running; }
    /** Asks the running render to stop early; finished() still follows, with canceled set. */
    void cancel();
    void waitForFinished();

Q_SIGNALS:
    /** A started render ended; the outcome's image is null when canceled. */
    void finished(const AddCow::HeatmapRenderer::Outcome &outcome, const AddCow::HeatmapRenderer::Frame &frame, bool canceled);

private:
    QFutureWatcher<Outcome> m_watcher;
    Frame m_running;
    bool m_busy = false;
};

} // namespace AddCow
