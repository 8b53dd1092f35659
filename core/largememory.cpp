// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "largememory.h"

#include <QtGlobal>

#include <algorithm>
#include <cstdlib>
#include <cstring>

#ifdef Q_OS_LINUX
#include <sys/mman.h>
#endif

namespace AddCow
{

namespace
{
// Memory this big comes from mmap, in 2 MiB pages where offered; smaller from malloc.
constexpr std::size_t HugePageBytes = std::size_t(2) << 20;

#ifdef Q_OS_LINUX
std::size_t mappedLength(std::size_t bytes)
{
    return (bytes + HugePageBytes - 1) / HugePageBytes * HugePageBytes;
}
#endif
} // namespace

void *allocateLarge(std::size_t bytes)
{
#ifdef Q_OS_LINUX
    if (bytes >= HugePageBytes) {
        const std::size_t length = mappedLength(bytes);
        void *memory = mmap(nullptr, length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (memory == MAP_FAILED)
            qBadAlloc();
        madvise(memory, length, MADV_HUGEPAGE); // a hint: 4 KiB pages still work
        return memory;
    }
#endif
    void *memory = std::malloc(std::max<std::size_t>(bytes, 1));
    Q_CHECK_PTR(memory);
    return memory;
}

void *allocateLargeZeroed(std::size_t bytes)
{
    void *memory = allocateLarge(bytes);
#ifdef Q_OS_LINUX
    if (bytes >= HugePageBytes)
        return memory; // an anonymous mapping reads as zeros
#endif
    std::memset(memory, 0, bytes);
    return memory;
}

void releaseLarge(void *memory, std::size_t bytes) noexcept
{
#ifdef Q_OS_LINUX
    if (bytes >= HugePageBytes) {
        munmap(memory, mappedLength(bytes));
        return;
    }
#endif
    std::free(memory);
}

} // namespace AddCow
