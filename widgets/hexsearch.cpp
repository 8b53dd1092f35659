// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "hexsearch.h"

#include "hexdatasource.h"

#include <QtConcurrent>

#include <algorithm>
#include <cstring>
#include <functional>
#include <utility>
#include <vector>

namespace AddCow
{

namespace
{
using Extent = std::pair<quint64, quint64>; // [first, second)

void reportProgress(QPromise<HexSearch::Match> &promise, quint64 doneBytes, quint64 totalBytes)
{
    if (totalBytes == 0)
        return;
    promise.setProgressValue(int(doneBytes * HexSearch::ProgressRange / totalBytes));
}

/** Data extents of source within [0, limit): the parts that are not holes. */
bool collectDataExtents(QPromise<HexSearch::Match> &promise, const HexDataSource &source, quint64 limit, std::vector<Extent> &extents)
{
    quint64 position = 0;
    while (position < limit) {
        if (promise.isCanceled())
            return false;
        const quint64 data = source.nextDataOffset(position);
        if (data >= limit)
            break;
        quint64 hole = source.nextHoleOffset(data);
        if (hole <= data)
            hole = limit; // the source cannot tell: treat the rest as data
        extents.emplace_back(data, std::min(hole, limit));
        position = hole;
    }
    return true;
}

/** Where the byte at offset differs, read one by one (used only at the search's starting point). */
bool differsAt(const HexDataSource &a, const HexDataSource &b, quint64 offset, quint64 minSize, quint64 maxSize)
{
    if (offset >= maxSize)
        return false;
    if (offset >= minSize)
        return true; // present against absent
    char byteA = 0;
    char byteB = 0;
    const qint64 gotA = a.read(offset, &byteA, 1);
    const qint64 gotB = b.read(offset, &byteB, 1);
    return gotA != gotB || byteA != byteB;
}
} // namespace

QFuture<HexSearch::Match> HexSearch::findPattern(std::shared_ptr<const HexDataSource> source, const QByteArray &pattern, quint64 fromOffsetBytes)
{
    return QtConcurrent::run(
        [](QPromise<Match> &promise, std::shared_ptr<const HexDataSource> source, QByteArray pattern, quint64 from) {
            findPatternIn(promise, *source, pattern, from);
        },
        std::move(source), pattern, fromOffsetBytes);
}

QFuture<HexSearch::Match> HexSearch::findDifference(std::shared_ptr<const HexDataSource> a, std::shared_ptr<const HexDataSource> b,
                                                    quint64 fromOffsetBytes, Direction direction)
{
    return QtConcurrent::run(
        [](QPromise<Match> &promise, std::shared_ptr<const HexDataSource> a, std::shared_ptr<const HexDataSource> b, quint64 from,
           Direction direction) {
            findDifferenceIn(promise, *a, *b, from, direction);
        },
        std::move(a), std::move(b), fromOffsetBytes, direction);
}

void HexSearch::findPatternIn(QPromise<Match> &promise, const HexDataSource &source, const QByteArray &pattern, quint64 fromOffsetBytes)
{
    promise.setProgressRange(0, ProgressRange);
    const quint64 size = source.sizeBytes();
    const auto patternBytes = quint64(pattern.size());
    if (patternBytes == 0 || fromOffsetBytes >= size || size - fromOffsetBytes < patternBytes)
        return;
    // Holes read as zeros: they can only be skipped when the pattern is not all zeros.
    const bool skipHoles = pattern.count('\0') != pattern.size();
    const std::boyer_moore_horspool_searcher searcher(pattern.cbegin(), pattern.cend());
    const quint64 overlap = patternBytes - 1; // so a match across two chunks is found
    QByteArray buffer(qsizetype(ChunkBytes + overlap), Qt::Uninitialized);
    quint64 position = fromOffsetBytes;
    while (size - position >= patternBytes) {
        if (promise.isCanceled())
            return;
        if (skipHoles) {
            const quint64 data = source.nextDataOffset(position);
            if (data >= size)
                return;
            if (data > position + overlap) {
                position = data - overlap; // a match may start in the zeros before the data
                continue;
            }
        }
        const quint64 length = std::min(quint64(buffer.size()), size - position);
        const qint64 got = source.read(position, buffer.data(), length);
        if (got < qint64(patternBytes))
            return;
        const char *begin = buffer.constData();
        const char *end = begin + got;
        const char *found = std::search(begin, end, searcher);
        if (found != end) {
            promise.addResult(Match{position + quint64(found - begin), patternBytes});
            promise.setProgressValue(ProgressRange);
            return;
        }
        if (quint64(got) < length)
            return; // the source ended early
        position += quint64(got) - overlap;
        reportProgress(promise, position - fromOffsetBytes, size - fromOffsetBytes);
    }
}

void HexSearch::findDifferenceIn(QPromise<Match> &promise, const HexDataSource &a, const HexDataSource &b, quint64 fromOffsetBytes,
                                 Direction direction)
{
    promise.setProgressRange(0, ProgressRange);
    const quint64 sizeA = a.sizeBytes();
    const quint64 sizeB = b.sizeBytes();
    const quint64 minSize = std::min(sizeA, sizeB);
    const quint64 maxSize = std::max(sizeA, sizeB);
    QByteArray bufferA(qsizetype(ChunkBytes), Qt::Uninitialized);
    QByteArray bufferB(qsizetype(ChunkBytes), Qt::Uninitialized);

    if (direction == Direction::Forward) {
        bool previousDiffers = fromOffsetBytes > 0 && differsAt(a, b, fromOffsetBytes - 1, minSize, maxSize);
        quint64 position = fromOffsetBytes;
        while (position < minSize) {
            if (promise.isCanceled())
                return;
            // Where both files are holes they are both zeros: skip (SEEK_DATA).
            const quint64 data = std::min(a.nextDataOffset(position), b.nextDataOffset(position));
            if (data > position) {
                previousDiffers = false;
                position = std::min(data, minSize);
                continue;
            }
            const quint64 length = std::min(ChunkBytes, minSize - position);
            const qint64 gotA = a.read(position, bufferA.data(), length);
            const qint64 gotB = b.read(position, bufferB.data(), length);
            const qint64 got = std::min(gotA, gotB);
            if (got <= 0)
                return; // unreadable: nothing to compare
            const char *bytesA = bufferA.constData();
            const char *bytesB = bufferB.constData();
            if (previousDiffers || std::memcmp(bytesA, bytesB, size_t(got)) != 0) {
                for (qint64 i = 0; i < got; ++i) {
                    const bool differs = bytesA[i] != bytesB[i];
                    if (differs && !previousDiffers) {
                        qint64 end = i + 1;
                        while (end < got && bytesA[end] != bytesB[end])
                            ++end;
                        promise.addResult(Match{position + quint64(i), quint64(end - i)});
                        promise.setProgressValue(ProgressRange);
                        return;
                    }
                    previousDiffers = differs;
                }
            }
            position += quint64(got);
            if (quint64(got) < length)
                return; // a file shrank while we read it
            reportProgress(promise, position - fromOffsetBytes, minSize - fromOffsetBytes);
        }
        // The longer file's tail, present against absent, is one run starting at the shorter's end.
        if (maxSize > minSize && fromOffsetBytes <= minSize && !previousDiffers)
            promise.addResult(Match{minSize, maxSize - minSize});
        promise.setProgressValue(ProgressRange);
        return;
    }

    // Backward.
    const quint64 end = std::min(fromOffsetBytes, maxSize);
    bool found = false;
    quint64 runStart = 0;
    quint64 runEnd = 0;
    if (end > minSize) {
        found = true;
        runStart = minSize;
        runEnd = maxSize;
    }
    const auto report = [&] {
        promise.addResult(Match{runStart, runEnd - runStart});
        promise.setProgressValue(ProgressRange);
    };
    quint64 position = std::min(end, minSize); // everything below position is still to scan
    std::vector<Extent> extents;
    if (!collectDataExtents(promise, a, position, extents) || !collectDataExtents(promise, b, position, extents))
        return;
    std::sort(extents.begin(), extents.end());
    std::vector<Extent> merged;
    for (const Extent &extent : extents) {
        if (!merged.empty() && extent.first <= merged.back().second)
            merged.back().second = std::max(merged.back().second, extent.second);
        else
            merged.push_back(extent);
    }
    const quint64 scanBytes = position;
    for (auto it = merged.rbegin(); it != merged.rend(); ++it) {
        if (it->second < position && found) {
            report(); // a hole in both files ends the run
            return;
        }
        position = std::min(position, it->second);
        while (position > it->first) {
            if (promise.isCanceled())
                return;
            const quint64 length = std::min(ChunkBytes, position - it->first);
            const quint64 start = position - length;
            const qint64 gotA = a.read(start, bufferA.data(), length);
            const qint64 gotB = b.read(start, bufferB.data(), length);
            if (gotA < qint64(length) || gotB < qint64(length))
                return; // unreadable inside both files: nothing sensible to report
            const char *bytesA = bufferA.constData();
            const char *bytesB = bufferB.constData();
            if (found || std::memcmp(bytesA, bytesB, size_t(length)) != 0) {
                for (quint64 i = length; i-- > 0;) {
                    const bool differs = bytesA[i] != bytesB[i];
                    if (found) {
                        if (!differs) {
                            report();
                            return;
                        }
                        runStart = start + i;
                    } else if (differs) {
                        found = true;
                        runStart = start + i;
                        runEnd = start + i + 1;
                    }
                }
            }
            position = start;
            reportProgress(promise, scanBytes - position, scanBytes);
        }
    }
    if (found)
        report();
    promise.setProgressValue(ProgressRange);
}

} // namespace AddCow
