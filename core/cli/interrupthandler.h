// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <atomic>

namespace AddCow
{

/**
 * Turns the first SIGINT (Ctrl-C) into a job's cancel flag, so a commit stops at the end of
 * its current batch and keeps its progress. A second SIGINT kills the process as usual.
 * One instance at a time; the previous handler comes back when it is destroyed.
 */
class InterruptHandler
{
public:
    InterruptHandler();
    ~InterruptHandler();
    InterruptHandler(const InterruptHandler &) = delete;
    InterruptHandler &operator=(const InterruptHandler &) = delete;

    /** The flag to give to JobContext. */
    const std::atomic_bool *cancelFlag() const;
    bool interrupted() const;
};

} // namespace AddCow
