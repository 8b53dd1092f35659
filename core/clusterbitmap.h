// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "addcowcore_export.h"
#include "clusterrange.h"

#include <QByteArray>
#include <QByteArrayView>

#include <optional>
#include <vector>

namespace AddCow
{

/**
 * The COW bitmap in memory: one bit per cluster, 1 = in the image file (R13).
 * Stored as 64-bit words so counting and run search work a word at a time.
 * Bits at or past clusterCount() are always 0 in memory (R12: ignored when reading).
 */
class ADDCOWCORE_EXPORT ClusterBitmap
{
public:
    ClusterBitmap() = default;
    /** All clusters clear. */
    explicit ClusterBitmap(quint64 clusterCount);
    /** Decodes on-disk bitmap bytes (LSB first, R13); missing bytes read as 0, bits past the end are dropped. */
    static ClusterBitmap fromBytes(QByteArrayView bitmapBytes, quint64 clusterCount);
    /**
     * Takes over words that hold the on-disk bitmap bytes as read (little-endian 64-bit words),
     * so a large bitmap can be read straight into its final storage. Missing words read as 0.
     */
    static ClusterBitmap fromLittleEndianWords(std::vector<quint64> words, quint64 clusterCount);

    quint64 clusterCount() const { return m_clusterCount; }
    bool test(quint64 clusterIndex) const
    {
        return (m_words[clusterIndex >> 6] >> (clusterIndex & 63)) & 1;
    }
    void set(quint64 clusterIndex, bool allocated = true);
    void setRange(ClusterRange range, bool allocated = true);

    /** Set bits in on-disk bitmap bytes at any alignment, counted a 64-bit word at a time. */
    static quint64 countSetBits(QByteArrayView bitmapBytes);

    /** Allocated clusters in the whole bitmap (popcount per word). */
    quint64 countAllocated() const;
    /** Allocated clusters within range (clamped to clusterCount()). */
    quint64 countAllocated(ClusterRange range) const;
    bool isAllAllocated() const { return countAllocated() == m_clusterCount; }

    /** The first cluster at or after fromCluster whose bit equals allocated, if any. */
    std::optional<quint64> findNext(quint64 fromCluster, bool allocated) const;
    /** The run of clusters starting at clusterIndex that share its state, up to limit's end. */
    ClusterRange runAt(quint64 clusterIndex, quint64 limitEnd = ~quint64(0)) const;

    /** On-disk bytes [firstByte, firstByte + byteCount) of the bitmap (R13 bit order). */
    QByteArray toBytes(quint64 firstByte, quint64 byteCount) const;
    /** All bitmapBytesFor(clusterCount()) bytes. */
    QByteArray toBytes() const;

    const quint64 *words() const { return m_words.data(); }
    quint64 wordCount() const { return m_words.size(); }

    bool operator==(const ClusterBitmap &) const = default;

private:
    quint64 m_clusterCount = 0;
    std::vector<quint64> m_words;
};

} // namespace AddCow
