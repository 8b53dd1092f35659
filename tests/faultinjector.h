// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

// Shared by the image and faults tests: a fault injector over FileIo's hook (R18, R19).

#include "fileio.h"

#include <QString>

#include <cerrno>

namespace FaultInjection
{

enum class FaultKind { Eio, Enospc, ShortWrite };

// Fails the failAt-th FileIo operation (0-based) counted from install(), once. For short writes
// only writes are counted, unless shortWriteCountsAll is set.
struct FaultInjector {
    int failAt = -1;
    FaultKind kind = FaultKind::Eio;
    bool shortWriteCountsAll = false;
    int seen = 0;
    bool fired = false;
    AddCow::FileIo::Op failedOp = AddCow::FileIo::Op::Open;

    void install()
    {
        namespace FileIo = AddCow::FileIo;
        FileIo::setFaultHook([this](FileIo::Op op, int, const QString &) {
            FileIo::Fault fault;
            // Short writes only exist for writes.
            const bool writes = op == FileIo::Op::Write || op == FileIo::Op::CopyRange;
            if (kind == FaultKind::ShortWrite && !shortWriteCountsAll && !writes)
                return fault;
            if (seen++ == failAt) {
                fired = true;
                failedOp = op;
                if (kind == FaultKind::ShortWrite)
                    fault.shortWrite = true;
                else
                    fault.errnoValue = kind == FaultKind::Eio ? EIO : ENOSPC;
            }
            return fault;
        });
    }
    ~FaultInjector() { AddCow::FileIo::setFaultHook({}); }
};

} // namespace FaultInjection
