// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
// libFuzzer target: the fuzz bytes are the header bytes (R1-R10).
#include "fuzzentrypoints.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FuzzEntryPoints::parseHeaderBytes(QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size)));
    return 0;
}
