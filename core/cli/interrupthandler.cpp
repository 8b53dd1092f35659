// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "interrupthandler.h"

#include <csignal>

namespace AddCow
{

namespace
{

std::atomic_bool s_interrupted{false};
static_assert(std::atomic_bool::is_always_lock_free, "the flag is set from a signal handler");

struct sigaction s_previous;

extern "C" void onInterrupt(int)
{
    s_interrupted.store(true, std::memory_order_relaxed);
}

} // namespace

InterruptHandler::InterruptHandler()
{
    s_interrupted.store(false);
    struct sigaction action = {};
    action.sa_handler = onInterrupt;
    sigemptyset(&action.sa_mask);
    // SA_RESETHAND: the second Ctrl-C gets the default action and ends the process.
    action.sa_flags = SA_RESETHAND | SA_RESTART;
    sigaction(SIGINT, &action, &s_previous);
}

InterruptHandler::~InterruptHandler()
{
    sigaction(SIGINT, &s_previous, nullptr);
}

const std::atomic_bool *InterruptHandler::cancelFlag() const
{
    return &s_interrupted;
}

bool InterruptHandler::interrupted() const
{
    return s_interrupted.load();
}

} // namespace AddCow
