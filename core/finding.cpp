// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "finding.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace AddCow
{

QString Finding::toString() const
{
    QString text = QString::fromLatin1(headerFieldName(field));
    if (lengthBytes == 1)
        text += u" (byte %1)"_s.arg(offsetBytes);
    else if (lengthBytes > 1)
        text += u" (bytes %1-%2)"_s.arg(offsetBytes).arg(offsetBytes + lengthBytes - 1);
    text += u": "_s + message();
    text += u" [R%1]"_s.arg(rule());
    return text;
}

bool hasErrors(const Findings &findings)
{
    return std::any_of(findings.cbegin(), findings.cend(), [](const Finding &f) {
        return f.severity == Severity::Error;
    });
}

bool hasWarnings(const Findings &findings)
{
    return std::any_of(findings.cbegin(), findings.cend(), [](const Finding &f) {
        return f.severity == Severity::Warning;
    });
}

QString severityName(Severity severity)
{
    switch (severity) {
    case Severity::Info:
        return u"info"_s;
    case Severity::Warning:
        return u"warning"_s;
    case Severity::Error:
        return u"error"_s;
    }
    return u"error"_s;
}

} // namespace AddCow
