// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "addcowcore_export.h"

#include <cstddef>
#include <memory>

namespace AddCow
{

/**
 * Memory for the big arrays of a huge image (the bitmap's words, the heatmap's counters): from
 * 2 MiB on an anonymous mapping in 2 MiB pages where the system offers them, as thousands of
 * 4 KiB page faults cost more than filling the array on a busy machine (issue 13); it reads as
 * zeros and its pages are touched only when written. Smaller blocks come from malloc and are
 * not zeroed. Never fails: out of memory is qBadAlloc.
 */
ADDCOWCORE_EXPORT void *allocateLarge(std::size_t bytes);
/** Zeroed memory, as allocateLarge: only the small, malloc'd blocks need clearing. */
ADDCOWCORE_EXPORT void *allocateLargeZeroed(std::size_t bytes);
/** Releases memory from allocateLarge or allocateLargeZeroed; bytes as asked for there. */
ADDCOWCORE_EXPORT void releaseLarge(void *memory, std::size_t bytes) noexcept;

/** Releases large memory as it was taken: releaseLarge needs the size asked for. */
struct LargeMemoryRelease {
    std::size_t bytes = 0;
    void operator()(void *memory) const noexcept { releaseLarge(memory, bytes); }
};
/** Owns a block from allocateLarge or allocateLargeZeroed. */
using LargeMemory = std::unique_ptr<void, LargeMemoryRelease>;

/** allocateLarge (or, zeroed, allocateLargeZeroed) with its owner. */
inline LargeMemory makeLargeMemory(std::size_t bytes, bool zeroed = false)
{
    return LargeMemory(zeroed ? allocateLargeZeroed(bytes) : allocateLarge(bytes), LargeMemoryRelease{bytes});
}

} // namespace AddCow
