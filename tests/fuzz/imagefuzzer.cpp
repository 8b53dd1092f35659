// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
// libFuzzer target: the fuzz bytes become a whole file set (FuzzEntryPoints::ImageInput), opened and read.
#include "fuzzentrypoints.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FuzzEntryPoints::openImageBytes(QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size)));
    return 0;
}
