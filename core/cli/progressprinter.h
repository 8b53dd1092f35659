// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QtGlobal>

namespace AddCow
{

/**
 * qemu-img's progress line on stderr: "    (45.00/100%)" rewritten in place with '\r',
 * printed only when the hundredths change. Does nothing when disabled.
 */
class ProgressPrinter
{
public:
    explicit ProgressPrinter(bool enabled);
    ~ProgressPrinter();
    void update(quint64 doneBytes, quint64 totalBytes);
    /** Ends the line (once), leaving the last value visible. */
    void finish();

private:
    bool m_enabled;
    bool m_started = false;
    int m_lastHundredths = -1;
};

} // namespace AddCow
