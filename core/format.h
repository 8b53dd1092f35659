// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArrayView>
#include <QtGlobal>

/** Constants and size arithmetic of add-cow v1 (FORMAT-DECISIONS R1-R13). */
namespace AddCow
{

inline constexpr char MagicBytes[8] = {'A', 'D', 'D', '_', 'C', 'O', 'W', '\xff'}; // R2
inline constexpr char LaterLayoutMagic[4] = {'A', 'C', 'O', 'W'}; // R2: V18-V20
inline constexpr quint32 SupportedVersion = 1; // R3
inline constexpr quint32 HeaderPageBytes = 4096; // R1
inline constexpr quint32 MaxHeaderPagesSize = 256; // R4
inline constexpr quint32 NameAreaOffset = 80; // R5: names live in [80, HEADER_SIZE)
inline constexpr quint32 FormatFieldBytes = 16; // R9
inline constexpr quint32 BackingFormatOffset = 48; // R9: bytes 48-63
inline constexpr quint64 ClusterSizeBytes = 65536; // R11: 128 sectors of 512
inline constexpr quint64 BitmapAlignmentBytes = 65536; // R11
inline constexpr quint64 FeatureAllAllocated = 0x1; // R7, R14
inline constexpr quint64 KnownFeatures = FeatureAllAllocated; // R7

/** R11: ceil(virtual size / 65536). */
constexpr quint64 clusterCountFor(quint64 virtualSizeBytes)
{
    return virtualSizeBytes / ClusterSizeBytes + (virtualSizeBytes % ClusterSizeBytes ? 1 : 0);
}

/** R11: bytes of bitmap that hold bits, ceil(clusters / 8). */
constexpr quint64 bitmapBytesFor(quint64 clusterCount)
{
    return clusterCount / 8 + (clusterCount % 8 ? 1 : 0);
}

/** R11: the bitmap region, bitmap bytes rounded up to a multiple of 65536. */
constexpr quint64 bitmapRegionBytesFor(quint64 clusterCount)
{
    const quint64 bytes = bitmapBytesFor(clusterCount);
    return (bytes + BitmapAlignmentBytes - 1) / BitmapAlignmentBytes * BitmapAlignmentBytes;
}

/** R1: HEADER_SIZE in bytes. */
constexpr quint64 headerSizeFor(quint32 headerPagesSize)
{
    return quint64(HeaderPageBytes) * headerPagesSize;
}

} // namespace AddCow
