// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "progressprinter.h"

#include "console.h"

using namespace Qt::StringLiterals;

namespace AddCow
{

ProgressPrinter::ProgressPrinter(bool enabled)
    : m_enabled(enabled)
{
}

ProgressPrinter::~ProgressPrinter()
{
    finish();
}

void ProgressPrinter::update(quint64 doneBytes, quint64 totalBytes)
{
    if (!m_enabled)
        return;
    const double fraction = totalBytes == 0 ? 1.0 : double(std::min(doneBytes, totalBytes)) / double(totalBytes);
    const int hundredths = int(fraction * 10000.0);
    if (hundredths == m_lastHundredths)
        return;
    m_lastHundredths = hundredths;
    m_started = true;
    Console::err(u"    (%1/100%)\r"_s.arg(hundredths / 100.0, 0, 'f', 2));
}

void ProgressPrinter::finish()
{
    if (!m_started)
        return;
    m_started = false;
    Console::err(u"\n"_s);
}

} // namespace AddCow
