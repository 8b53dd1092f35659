// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "hexsearchpattern.h"

#include <QByteArray>
#include <QFuture>
#include <QMetaType>
#include <QPromise>

#include <functional>
#include <memory>

namespace AddCow
{

class HexDataSource;

/**
 * Background searches over hex data sources (QtConcurrent::run with a QPromise). Progress runs
 * from 0 to ProgressRange; QFuture::cancel() stops a search within one chunk (a mebibyte).
 * Holes (SEEK_DATA) are skipped unless the pattern can match zeros; a match across two chunks
 * or two clusters is found like any other.
 */
class HexSearch
{
public:
    struct Match {
        quint64 offsetBytes = 0;
        quint64 lengthBytes = 0;
        bool wrapped = false; ///< found after wrapping around to the start
        bool operator==(const Match &) const = default;
    };
    static constexpr int ProgressRange = 1000;
    static constexpr quint64 ChunkBytes = 1024 * 1024;
    /** Find all stops after this many matches, so a pattern found everywhere cannot fill memory. */
    static constexpr int MaxFindAllMatches = 100000;

    /**
     * One result: the first match starting at or after fromOffsetBytes; with wrapAround, when
     * there is none, the first one before it (wrapped). No result when there is no match.
     */
    static QFuture<Match> findNext(std::shared_ptr<const HexDataSource> source, const HexSearchPattern &pattern, quint64 fromOffsetBytes,
                                   bool wrapAround = false);
    /** Every match from the start, in order and not overlapping, as they are found; at most maxMatches. */
    static QFuture<Match> findAll(std::shared_ptr<const HexDataSource> source, const HexSearchPattern &pattern,
                                  int maxMatches = MaxFindAllMatches);

    /** The same searches, run in the calling thread (the futures above run these). */
    static void findNextIn(QPromise<Match> &promise, const HexDataSource &source, const HexSearchPattern &pattern, quint64 fromOffsetBytes,
                           bool wrapAround);
    static void findAllIn(QPromise<Match> &promise, const HexDataSource &source, const HexSearchPattern &pattern, int maxMatches);
};

} // namespace AddCow

Q_DECLARE_METATYPE(AddCow::HexSearch::Match)
