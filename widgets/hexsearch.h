// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QFuture>
#include <QMetaType>
#include <QPromise>

#include <memory>

namespace AddCow
{

class HexDataSource;

/**
 * Background searches over hex data sources (QtConcurrent::run with a QPromise). Each returns a
 * future with one Match when found, none when not found or cancelled. Progress runs from 0 to
 * ProgressRange; QFuture::cancel() stops the search within one chunk (about a mebibyte).
 * Both skip holes (SEEK_DATA) where that cannot hide a match.
 */
class HexSearch
{
public:
    struct Match {
        quint64 offsetBytes = 0;
        quint64 lengthBytes = 0;
        bool operator==(const Match &) const = default;
    };
    enum class Direction { Forward, Backward };
    static constexpr int ProgressRange = 1000;
    static constexpr quint64 ChunkBytes = 1024 * 1024;

    /** The first occurrence of pattern starting at or after fromOffsetBytes. */
    static QFuture<Match> findPattern(std::shared_ptr<const HexDataSource> source, const QByteArray &pattern, quint64 fromOffsetBytes);

    /**
     * The start of a run of bytes that differ between a and b. Forward: the first run that starts at
     * or after fromOffsetBytes; Backward: the run holding the nearest differing byte before
     * fromOffsetBytes. Bytes are compared up to the shorter source's end; the rest of the longer
     * source (present against absent) is one last run. lengthBytes is the run's length, as far as
     * the chunk that found it reaches.
     */
    static QFuture<Match> findDifference(std::shared_ptr<const HexDataSource> a, std::shared_ptr<const HexDataSource> b,
                                         quint64 fromOffsetBytes, Direction direction);

    /** The same searches, run in the calling thread (the futures above run these). */
    static void findPatternIn(QPromise<Match> &promise, const HexDataSource &source, const QByteArray &pattern, quint64 fromOffsetBytes);
    static void findDifferenceIn(QPromise<Match> &promise, const HexDataSource &a, const HexDataSource &b, quint64 fromOffsetBytes,
                                 Direction direction);
};

} // namespace AddCow

Q_DECLARE_METATYPE(AddCow::HexSearch::Match)
