// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "findingprinter.h"

#include "console.h"
#include "headerfield.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace AddCow::FindingPrinter
{

namespace
{

qsizetype countOf(const Findings &findings, Severity severity)
{
    return std::count_if(findings.cbegin(), findings.cend(), [severity](const Finding &f) {
        return f.severity == severity;
    });
}

QString plural(qsizetype count, const QString &one, const QString &many)
{
    return u"%1 %2"_s.arg(count).arg(count == 1 ? one : many);
}

} // namespace

QString toText(const Finding &finding)
{
    QString text = severityName(finding.severity) + u": "_s + QLatin1StringView(headerFieldName(finding.field));
    if (finding.lengthBytes > 0)
        text += u" (bytes %1-%2)"_s.arg(finding.offsetBytes).arg(finding.offsetBytes + finding.lengthBytes - 1);
    else
        text += u" (at byte %1)"_s.arg(finding.offsetBytes);
    text += u": "_s + finding.message();
    if (!finding.value.isNull())
        text += u" (value %1)"_s.arg(finding.value.toString());
    text += u" [R%1]"_s.arg(finding.rule());
    return text;
}

QJsonObject toJson(const Finding &finding)
{
    QJsonObject object;
    object[u"severity"_s] = severityName(finding.severity);
    object[u"code"_s] = QLatin1StringView(findingCodeName(finding.code));
    object[u"rule"_s] = u"R%1"_s.arg(finding.rule());
    object[u"field"_s] = QLatin1StringView(headerFieldName(finding.field));
    object[u"offset"_s] = qint64(finding.offsetBytes);
    object[u"length"_s] = qint64(finding.lengthBytes);
    object[u"value"_s] = finding.value.toString();
    object[u"message"_s] = finding.message();
    return object;
}

QString summary(const Findings &findings)
{
    const qsizetype errors = countOf(findings, Severity::Error);
    const qsizetype warnings = countOf(findings, Severity::Warning);
    if (errors == 0 && warnings == 0)
        return u"No errors were found on the image."_s;
    QStringList parts;
    if (errors > 0)
        parts << plural(errors, u"error"_s, u"errors"_s);
    if (warnings > 0)
        parts << plural(warnings, u"warning"_s, u"warnings"_s);
    return parts.join(u" and "_s) + u" found on the image."_s;
}

int exitCode(const Findings &findings)
{
    if (hasErrors(findings))
        return Console::CheckErrors;
    if (hasWarnings(findings))
        return Console::CheckWarnings;
    return Console::Success;
}

} // namespace AddCow::FindingPrinter
