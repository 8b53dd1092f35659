// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "image.h"

#include <QColor>

namespace AddCow
{

/**
 * One colour per place the virtual disk takes bytes from (R13), shared by the heatmap and the
 * hex views. They stay apart from each other and from the heatmap's ramp for people with any
 * of the three colour vision deficiencies, on light and dark backgrounds (heatmaprenderertest).
 */
inline QColor sourceColor(DataSource source)
{
    switch (source) {
    case DataSource::Image:
        return QColor(0x3d, 0xae, 0xe9); // blue: the image file
    case DataSource::Backing:
        return QColor(0xf6, 0x74, 0x00); // orange: the backing file
    case DataSource::Zero:
        return QColor(0x95, 0xa5, 0xa6); // grey: zeros
    case DataSource::BackingZero:
        return QColor(0x00, 0x8e, 0x70); // teal: zeros the backing file's format records (backingZeroColor())
    }
    return QColor();
}

/** Teal: clean clusters whose backing data reads as zeros (a hole or zero cluster of the backing disk). */
inline QColor backingZeroColor()
{
    return QColor(0x00, 0x8e, 0x70);
}

} // namespace AddCow
