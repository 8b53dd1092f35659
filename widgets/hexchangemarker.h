// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "hexpagecache.h"

#include <QtGlobal>

#include <memory>
#include <vector>

namespace AddCow
{

class Image;

/**
 * Which bytes of the virtual disk writes changed, for the red marks of the hex views: a byte
 * is changed where the virtual disk reads it from the image file (bit 1, R13) and it differs
 * from Image::readClean(), the byte the disk showed while the bit was 0. The definition of
 * ChangeScan, byte by byte: the clusters holding marked bytes are its changed clusters. Reads
 * the visible bytes only, through page caches. GUI thread only.
 */
class HexChangeMarker
{
public:
    explicit HexChangeMarker(std::shared_ptr<const Image> image);

    /** marks[i] tells whether byte offsetBytes + i is changed; bytes past the virtual disk never are. */
    void changedBytes(quint64 offsetBytes, quint64 lengthBytes, std::vector<bool> &marks);
    /** Forgets cached bytes (the files changed). */
    void clear();
    void invalidate(quint64 offsetBytes, quint64 lengthBytes);

private:
    std::shared_ptr<const Image> m_image;
    bool m_compares;
    HexPageCache m_written;
    HexPageCache m_clean;
};

} // namespace AddCow
