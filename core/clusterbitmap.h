// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "addcowcore_export.h"
#include "clusterrange.h"

#include <QByteArray>
#include <QByteArrayView>

#include <atomic>
#include <cstddef>
#include <optional>
#include <utility>
#include <vector>

namespace AddCow
{

/**
 * The COW bitmap in memory: one bit per cluster, 1 = in the image file (R13).
 * Stored as 64-bit words so counting and run search work a word at a time.
 * Bits at or past clusterCount() are always 0 in memory (R12: ignored when reading).
 *
 * One bitmap may be read and changed from many threads at once (an NBD export): every word is
 * loaded and stored atomically, so a reader never sees a torn word and two threads setting bits
 * of the same word never lose one. Relaxed order: what a set bit vouches for (data in the image
 * file) is ordered by the writer, see Image.
 */
class ADDCOWCORE_EXPORT ClusterBitmap
{
public:
    /**
     * Word storage. A bitmap read from disk (128 MiB at 64 TiB) is written once, by the read:
     * words made by vector(n) or resize(n) are left unset, as zeroing them first would cost as
     * much as the read, and big bitmaps take 2 MiB pages where the system offers them, as 32768
     * page faults of 4 KiB cost more than the read on a busy machine (issue 13).
     */
    template<typename T>
    struct WordAllocator {
        using value_type = T;
        WordAllocator() = default;
        template<typename U>
        WordAllocator(const WordAllocator<U> &) noexcept
        {
        }
        T *allocate(std::size_t n) { return static_cast<T *>(allocateStorage(n * sizeof(T))); }
        void deallocate(T *p, std::size_t n) noexcept { releaseStorage(p, n * sizeof(T)); }
        template<typename U>
        void construct(U *p) noexcept
        {
            ::new (static_cast<void *>(p)) U;
        }
        template<typename U, typename... Args>
        void construct(U *p, Args &&...args)
        {
            ::new (static_cast<void *>(p)) U(std::forward<Args>(args)...);
        }
        template<typename U>
        bool operator==(const WordAllocator<U> &) const noexcept
        {
            return true;
        }
    };
    static void *allocateStorage(std::size_t bytes);
    static void releaseStorage(void *storage, std::size_t bytes) noexcept;
    using Words = std::vector<quint64, WordAllocator<quint64>>;

    ClusterBitmap() = default;
    /** All clusters clear. */
    explicit ClusterBitmap(quint64 clusterCount);
    /** Decodes on-disk bitmap bytes (LSB first, R13); missing bytes read as 0, bits past the end are dropped. */
    static ClusterBitmap fromBytes(QByteArrayView bitmapBytes, quint64 clusterCount);
    /**
     * Takes over words that hold the on-disk bitmap bytes as read (little-endian 64-bit words),
     * so a large bitmap can be read straight into its final storage. Missing words read as 0.
     */
    static ClusterBitmap fromLittleEndianWords(Words words, quint64 clusterCount);
    static ClusterBitmap fromLittleEndianWords(const std::vector<quint64> &words, quint64 clusterCount);

    quint64 clusterCount() const { return m_clusterCount; }
    bool test(quint64 clusterIndex) const
    {
        return (word(clusterIndex >> 6) >> (clusterIndex & 63)) & 1;
    }
    /** Word wordIndex (clusters 64 * wordIndex to 64 * wordIndex + 63, bit n = cluster n), loaded atomically. */
    quint64 word(quint64 wordIndex) const
    {
        return std::atomic_ref<quint64>(const_cast<quint64 &>(m_words[wordIndex])).load(std::memory_order_relaxed);
    }
    void set(quint64 clusterIndex, bool allocated = true);
    void setRange(ClusterRange range, bool allocated = true);
    /**
     * The bits of word wordIndex under mask that differ from value, a word as word() gives it
     * (bit n = cluster 64 * wordIndex + n): the one diff of two bitmaps, a word at a time.
     */
    quint64 diffWord(quint64 wordIndex, quint64 value, quint64 mask = ~quint64(0)) const
    {
        return (word(wordIndex) ^ value) & mask;
    }
    /** Makes the bits of word wordIndex under mask those of value, atomically per changed bit; returns diffWord(). */
    quint64 assignWord(quint64 wordIndex, quint64 value, quint64 mask = ~quint64(0));

    /** Set bits in on-disk bitmap bytes at any alignment, counted a 64-bit word at a time. */
    static quint64 countSetBits(QByteArrayView bitmapBytes);

    /** Allocated clusters in the whole bitmap (popcount per word). */
    quint64 countAllocated() const;
    /** Allocated clusters within range (clamped to clusterCount()). */
    quint64 countAllocated(ClusterRange range) const;
    bool isAllAllocated() const { return countAllocated() == m_clusterCount; }

    /**
     * The first cluster at or after fromCluster, before limitEnd, whose bit equals allocated, if
     * any. A caller looking within a part of the bitmap gives its end: the walk stops there.
     */
    std::optional<quint64> findNext(quint64 fromCluster, bool allocated, quint64 limitEnd = ~quint64(0)) const;
    /** The last cluster at or before atOrBefore (clamped to the last cluster) whose bit equals allocated, if any. */
    std::optional<quint64> findPrevious(quint64 atOrBefore, bool allocated) const;
    /** The run of clusters starting at clusterIndex that share its state, up to limit's end. */
    ClusterRange runAt(quint64 clusterIndex, quint64 limitEnd = ~quint64(0)) const;

    /** On-disk bytes [firstByte, firstByte + byteCount) of the bitmap (R13 bit order). */
    QByteArray toBytes(quint64 firstByte, quint64 byteCount) const;
    /** All bitmapBytesFor(clusterCount()) bytes. */
    QByteArray toBytes() const;

    /** The words themselves, for a copy made where no thread changes them; else use word(). */
    const quint64 *words() const { return m_words.data(); }
    quint64 wordCount() const { return m_words.size(); }

    bool operator==(const ClusterBitmap &) const = default;

private:
    void applyMask(quint64 wordIndex, quint64 mask, bool allocated);

    quint64 m_clusterCount = 0;
    Words m_words;
};

} // namespace AddCow
