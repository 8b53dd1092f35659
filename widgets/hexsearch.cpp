// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "hexsearch.h"

#include "hexdatasource.h"

#include <QtConcurrent>

#include <algorithm>

namespace AddCow
{

namespace
{
/** Progress over the bytes of one or two ranges searched in turn. */
struct Progress {
    QPromise<HexSearch::Match> &promise;
    quint64 totalBytes = 0;
    quint64 doneBefore = 0; ///< bytes of the ranges already searched
    void report(quint64 doneInRange) const
    {
        if (totalBytes > 0)
            promise.setProgressValue(int(std::min(totalBytes, doneBefore + doneInRange) * HexSearch::ProgressRange / totalBytes));
    }
};

enum class Stop { End, Cancelled, Asked };

/**
 * Calls found(offset) for every match starting in [from, to), in order, not overlapping.
 * found returns false to stop the search.
 */
Stop searchRange(QPromise<HexSearch::Match> &promise, const HexDataSource &source, const HexSearchPattern &pattern, quint64 from, quint64 to,
                 const Progress &progress, const std::function<bool(quint64)> &found)
{
    const quint64 size = source.sizeBytes();
    const quint64 length = pattern.lengthBytes();
    if (length == 0 || size < length)
        return Stop::End;
    to = std::min(to, size - length + 1); // the last start that fits, plus one
    if (from >= to)
        return Stop::End;
    // Holes read as zeros: skipped unless the pattern can match zeros.
    const bool skipHoles = !pattern.canMatchZeros();
    const quint64 overlap = length - 1; // so a match across two chunks is found
    QByteArray buffer(qsizetype(HexSearch::ChunkBytes + overlap), Qt::Uninitialized);
    quint64 position = from;
    quint64 notBefore = from; // the end of the last match: matches do not overlap
    while (position < to) {
        if (promise.isCanceled())
            return Stop::Cancelled;
        if (skipHoles) {
            const quint64 data = source.nextDataOffset(position);
            if (data >= size)
                return Stop::End;
            if (data > position + overlap) {
                position = data - overlap; // a match may start in the zeros before the data
                continue;
            }
        }
        const quint64 wanted = std::min(quint64(buffer.size()), to - position + overlap);
        const qint64 got = source.read(position, buffer.data(), wanted);
        if (got < qint64(length))
            return Stop::End; // unreadable or shrunk: nothing more to compare
        const char *begin = buffer.constData();
        const char *end = begin + got;
        for (const char *cursor = begin;;) {
            const char *hit = pattern.find(cursor, end);
            if (hit == end)
                break;
            const quint64 offset = position + quint64(hit - begin);
            if (offset >= to)
                break;
            if (offset >= notBefore) {
                if (!found(offset))
                    return Stop::Asked;
                notBefore = offset + length;
                cursor = hit + length;
            } else {
                cursor = hit + 1;
            }
        }
        if (quint64(got) < wanted)
            return Stop::End; // the source ended early
        position += quint64(got) - overlap;
        progress.report(position - from);
    }
    return Stop::End;
}
} // namespace

QFuture<HexSearch::Match> HexSearch::findNext(std::shared_ptr<const HexDataSource> source, const HexSearchPattern &pattern, quint64 fromOffsetBytes,
                                              bool wrapAround)
{
    return QtConcurrent::run(
        [](QPromise<Match> &promise, std::shared_ptr<const HexDataSource> source, HexSearchPattern pattern, quint64 from, bool wrap) {
            findNextIn(promise, *source, pattern, from, wrap);
        },
        std::move(source), pattern, fromOffsetBytes, wrapAround);
}

QFuture<HexSearch::Match> HexSearch::findAll(std::shared_ptr<const HexDataSource> source, const HexSearchPattern &pattern, int maxMatches)
{
    return QtConcurrent::run(
        [](QPromise<Match> &promise, std::shared_ptr<const HexDataSource> source, HexSearchPattern pattern, int maxMatches) {
            findAllIn(promise, *source, pattern, maxMatches);
        },
        std::move(source), pattern, maxMatches);
}

void HexSearch::findNextIn(QPromise<Match> &promise, const HexDataSource &source, const HexSearchPattern &pattern, quint64 fromOffsetBytes,
                           bool wrapAround)
{
    promise.setProgressRange(0, ProgressRange);
    const quint64 size = source.sizeBytes();
    const quint64 from = std::min(fromOffsetBytes, size);
    Progress progress{promise, wrapAround ? size : size - from, 0};
    bool wrapped = false;
    const auto found = [&](quint64 offset) {
        promise.addResult(Match{offset, pattern.lengthBytes(), wrapped});
        return false;
    };
    Stop stop = searchRange(promise, source, pattern, from, size, progress, found);
    if (stop == Stop::End && wrapAround && from > 0) {
        wrapped = true;
        progress.doneBefore = size - from;
        stop = searchRange(promise, source, pattern, 0, from, progress, found);
    }
    if (stop != Stop::Cancelled)
        promise.setProgressValue(ProgressRange);
}

void HexSearch::findAllIn(QPromise<Match> &promise, const HexDataSource &source, const HexSearchPattern &pattern, int maxMatches)
{
    promise.setProgressRange(0, ProgressRange);
    const quint64 size = source.sizeBytes();
    int matches = 0;
    const Progress progress{promise, size, 0};
    const Stop stop = searchRange(promise, source, pattern, 0, size, progress, [&](quint64 offset) {
        promise.addResult(Match{offset, pattern.lengthBytes(), false});
        return ++matches < maxMatches;
    });
    if (stop != Stop::Cancelled)
        promise.setProgressValue(ProgressRange);
}

} // namespace AddCow
