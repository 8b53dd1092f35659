// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

// What every addcow-bench-* program needs: lines on stdout, a failure that names the program and
// removes the scratch directory (it may hold a sparse file of terabytes), and the median of runs.

#include "result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace BenchSupport
{

/** Set by main: removed by fail(). */
inline QTemporaryDir *scratch = nullptr;

inline void print(const QString &line)
{
    std::fputs(qPrintable(line + u'\n'), stdout);
    std::fflush(stdout);
}

[[noreturn]] inline void fail(const QString &what)
{
    std::fputs(qPrintable(QCoreApplication::applicationName() + QStringLiteral(": ") + what + u'\n'), stderr);
    if (scratch)
        scratch->remove();
    std::exit(1);
}

template<typename T>
T check(AddCow::Result<T> result)
{
    if (!result)
        fail(result.error().message());
    return std::move(result).value();
}

inline void check(const AddCow::Result<void> &result)
{
    if (!result)
        fail(result.error().message());
}

/** The middle of values; 0 for none. */
inline double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

} // namespace BenchSupport
