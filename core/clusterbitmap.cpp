// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "clusterbitmap.h"

#include "largememory.h"

#include <QSysInfo>
#include <QtEndian>

#include <algorithm>
#include <bit>
#include <cstdlib>
#include <cstring>

namespace AddCow
{

namespace
{

constexpr quint64 AllOnes = ~quint64(0);

constexpr quint64 wordCountFor(quint64 clusterCount)
{
    return clusterCount / 64 + (clusterCount % 64 ? 1 : 0);
}

// Bits [fromBit, toBit) of a word set, 0 <= fromBit < toBit <= 64.
constexpr quint64 maskBetween(unsigned fromBit, unsigned toBit)
{
    const quint64 upper = toBit >= 64 ? AllOnes : (quint64(1) << toBit) - 1;
    const quint64 lower = (quint64(1) << fromBit) - 1;
    return upper & ~lower;
}

} // namespace

ClusterBitmap::ClusterBitmap(quint64 clusterCount)
    : m_clusterCount(clusterCount)
    , m_words(wordCountFor(clusterCount), 0)
{
}

void *ClusterBitmap::allocateStorage(std::size_t bytes)
{
    return allocateLarge(bytes);
}

void ClusterBitmap::releaseStorage(void *storage, std::size_t bytes) noexcept
{
    releaseLarge(storage, bytes);
}

ClusterBitmap ClusterBitmap::fromBytes(QByteArrayView bitmapBytes, quint64 clusterCount)
{
    ClusterBitmap bitmap(clusterCount);
    const quint64 usableBytes = std::min<quint64>(quint64(bitmapBytes.size()), bitmapBytesFor(clusterCount));
    const auto *data = reinterpret_cast<const uchar *>(bitmapBytes.data());
    // R13: cluster n is byte n / 8, bit n % 8, LSB first. Read as little-endian 64-bit words,
    // byte k of a word holds clusters 8k..8k+7 of that word on any host.
    const quint64 wholeWords = usableBytes / 8;
    for (quint64 w = 0; w < wholeWords; ++w)
        bitmap.m_words[w] = qFromLittleEndian<quint64>(data + w * 8);
    const quint64 tailBytes = usableBytes % 8;
    if (tailBytes != 0) {
        quint64 word = 0;
        for (quint64 b = 0; b < tailBytes; ++b)
            word |= quint64(data[wholeWords * 8 + b]) << (8 * b);
        bitmap.m_words[wholeWords] = word;
    }
    // R12: bits at or past clusterCount are ignored.
    if (clusterCount % 64 != 0)
        bitmap.m_words.back() &= maskBetween(0, unsigned(clusterCount % 64));
    return bitmap;
}

ClusterBitmap ClusterBitmap::fromLittleEndianWords(Words words, quint64 clusterCount)
{
    ClusterBitmap bitmap;
    bitmap.m_clusterCount = clusterCount;
    bitmap.m_words = std::move(words);
    bitmap.m_words.resize(wordCountFor(clusterCount), 0);
    if constexpr (QSysInfo::ByteOrder != QSysInfo::LittleEndian) {
        for (quint64 &word : bitmap.m_words)
            word = qFromLittleEndian(word);
    }
    // R12: bits at or past clusterCount are ignored.
    if (clusterCount % 64 != 0)
        bitmap.m_words.back() &= maskBetween(0, unsigned(clusterCount % 64));
    return bitmap;
}

ClusterBitmap ClusterBitmap::fromLittleEndianWords(const std::vector<quint64> &words, quint64 clusterCount)
{
    return fromLittleEndianWords(Words(words.begin(), words.end()), clusterCount);
}

void ClusterBitmap::set(quint64 clusterIndex, bool allocated)
{
    Q_ASSERT(clusterIndex < m_clusterCount);
    if (clusterIndex >= m_clusterCount)
        return;
    applyMask(clusterIndex >> 6, quint64(1) << (clusterIndex & 63), allocated);
}

void ClusterBitmap::applyMask(quint64 wordIndex, quint64 mask, bool allocated)
{
    // Atomic read-modify-write: other threads may set other bits of the same word meanwhile.
    std::atomic_ref<quint64> word(m_words[wordIndex]);
    if (allocated)
        word.fetch_or(mask, std::memory_order_release);
    else
        word.fetch_and(~mask, std::memory_order_release);
}

quint64 ClusterBitmap::assignWord(quint64 wordIndex, quint64 value, quint64 mask)
{
    const quint64 difference = diffWord(wordIndex, value, mask);
    if (difference & value)
        applyMask(wordIndex, difference & value, true);
    if (difference & ~value)
        applyMask(wordIndex, difference & ~value, false);
    return difference;
}

void ClusterBitmap::setRange(ClusterRange range, bool allocated)
{
    range = range.intersected({0, m_clusterCount});
    if (range.isEmpty())
        return;
    const quint64 first = range.first;
    const quint64 last = range.end() - 1;
    const quint64 firstWord = first >> 6;
    const quint64 lastWord = last >> 6;
    if (firstWord == lastWord) {
        applyMask(firstWord, maskBetween(unsigned(first & 63), unsigned(last & 63) + 1), allocated);
        return;
    }
    applyMask(firstWord, maskBetween(unsigned(first & 63), 64), allocated);
    for (quint64 w = firstWord + 1; w < lastWord; ++w)
        std::atomic_ref<quint64>(m_words[w]).store(allocated ? AllOnes : 0, std::memory_order_release);
    applyMask(lastWord, maskBetween(0, unsigned(last & 63) + 1), allocated);
}

// Counting a 16 MiB bitmap should cost less than reading it: the x86-64 baseline has no POPCNT
// instruction, so pick the POPCNT clone at load time where the CPU has one, and keep four sums
// so that each add does not wait for the one before (twice as fast as one sum).
// Words are read through a may_alias type: the bytes may come from any buffer. Each is loaded
// atomically (a plain mov on x86-64): the bitmap in memory may be changing under the count.
using AnyWord = quint64 __attribute__((may_alias));
static inline quint64 loadWord(const AnyWord *word)
{
    return __atomic_load_n(word, __ATOMIC_RELAXED);
}
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__SANITIZE_ADDRESS__)
__attribute__((target_clones("popcnt", "default")))
#endif
static quint64 popcountWords(const AnyWord *words, quint64 wordCount)
{
    quint64 sums[4] = {0, 0, 0, 0};
    quint64 w = 0;
    for (; w + 4 <= wordCount; w += 4) {
        sums[0] += quint64(std::popcount(loadWord(words + w)));
        sums[1] += quint64(std::popcount(loadWord(words + w + 1)));
        sums[2] += quint64(std::popcount(loadWord(words + w + 2)));
        sums[3] += quint64(std::popcount(loadWord(words + w + 3)));
    }
    for (; w < wordCount; ++w)
        sums[0] += quint64(std::popcount(loadWord(words + w)));
    return sums[0] + sums[1] + sums[2] + sums[3];
}

// The same for bytes at any alignment: the unaligned head and the tail byte by byte.
static quint64 popcountBytes(const uchar *bytes, quint64 byteCount)
{
    quint64 count = 0;
    for (; byteCount > 0 && reinterpret_cast<quintptr>(bytes) % 8 != 0; ++bytes, --byteCount)
        count += quint64(std::popcount(*bytes));
    count += popcountWords(reinterpret_cast<const AnyWord *>(bytes), byteCount / 8);
    bytes += byteCount / 8 * 8;
    for (byteCount %= 8; byteCount > 0; ++bytes, --byteCount)
        count += quint64(std::popcount(*bytes));
    return count;
}

quint64 ClusterBitmap::countSetBits(QByteArrayView bitmapBytes)
{
    return popcountBytes(reinterpret_cast<const uchar *>(bitmapBytes.data()), quint64(bitmapBytes.size()));
}

quint64 ClusterBitmap::countAllocated() const
{
    return popcountWords(m_words.data(), m_words.size());
}

quint64 ClusterBitmap::countAllocated(ClusterRange range) const
{
    range = range.intersected({0, m_clusterCount});
    if (range.isEmpty())
        return 0;
    const quint64 first = range.first;
    const quint64 last = range.end() - 1;
    const quint64 firstWord = first >> 6;
    const quint64 lastWord = last >> 6;
    if (firstWord == lastWord)
        return quint64(std::popcount(word(firstWord) & maskBetween(unsigned(first & 63), unsigned(last & 63) + 1)));
    quint64 count = quint64(std::popcount(word(firstWord) & maskBetween(unsigned(first & 63), 64)));
    count += popcountWords(m_words.data() + firstWord + 1, lastWord - firstWord - 1);
    count += quint64(std::popcount(word(lastWord) & maskBetween(0, unsigned(last & 63) + 1)));
    return count;
}

namespace
{

// The first bit equal to allocated in [from, limit), scanning whole words; limit <= clusterCount.
std::optional<quint64> findInWords(const ClusterBitmap &bitmap, quint64 from, quint64 limit, bool allocated)
{
    if (from >= limit)
        return std::nullopt;
    quint64 w = from >> 6;
    const quint64 lastWord = (limit - 1) >> 6;
    // Looking for 0 bits is looking for 1 bits in the complement; all-0 words are skipped.
    quint64 word = (allocated ? bitmap.word(w) : ~bitmap.word(w)) & maskBetween(unsigned(from & 63), 64);
    while (word == 0) {
        if (++w > lastWord)
            return std::nullopt;
        word = allocated ? bitmap.word(w) : ~bitmap.word(w);
    }
    const quint64 found = (w << 6) + quint64(std::countr_zero(word));
    if (found >= limit)
        return std::nullopt;
    return found;
}

} // namespace

std::optional<quint64> ClusterBitmap::findNext(quint64 fromCluster, bool allocated, quint64 limitEnd) const
{
    return findInWords(*this, fromCluster, std::min(limitEnd, m_clusterCount), allocated);
}

std::optional<quint64> ClusterBitmap::findPrevious(quint64 atOrBefore, bool allocated) const
{
    if (m_clusterCount == 0)
        return std::nullopt;
    const quint64 from = std::min(atOrBefore, m_clusterCount - 1);
    quint64 w = from >> 6;
    // As findNext, downwards: the highest wanted bit of a word is its last such cluster.
    quint64 bits = (allocated ? word(w) : ~word(w)) & maskBetween(0, unsigned(from & 63) + 1);
    while (bits == 0) {
        if (w == 0)
            return std::nullopt;
        --w;
        bits = allocated ? word(w) : ~word(w);
    }
    return (w << 6) + quint64(63 - std::countl_zero(bits));
}

ClusterRange ClusterBitmap::runAt(quint64 clusterIndex, quint64 limitEnd) const
{
    const quint64 limit = std::min(limitEnd, m_clusterCount);
    if (clusterIndex >= limit)
        return {clusterIndex, 0};
    const bool state = test(clusterIndex);
    const std::optional<quint64> change = findInWords(*this, clusterIndex, limit, !state);
    return {clusterIndex, change.value_or(limit) - clusterIndex};
}

QByteArray ClusterBitmap::toBytes(quint64 firstByte, quint64 byteCount) const
{
    QByteArray bytes(qsizetype(byteCount), '\0');
    const quint64 storedBytes = bitmapBytesFor(m_clusterCount);
    if (firstByte >= storedBytes)
        return bytes;
    const quint64 endByte = std::min(storedBytes, firstByte + byteCount);
    auto *out = reinterpret_cast<uchar *>(bytes.data());
    quint64 b = firstByte;
    // R13: little-endian words give the LSB-first on-disk order on any host.
    for (; b < endByte && b % 8 != 0; ++b)
        out[b - firstByte] = uchar(word(b / 8) >> (8 * (b % 8)));
    for (; b + 8 <= endByte; b += 8)
        qToLittleEndian<quint64>(word(b / 8), out + (b - firstByte));
    for (; b < endByte; ++b)
        out[b - firstByte] = uchar(word(b / 8) >> (8 * (b % 8)));
    return bytes;
}

QByteArray ClusterBitmap::toBytes() const
{
    return toBytes(0, bitmapBytesFor(m_clusterCount));
}

} // namespace AddCow
