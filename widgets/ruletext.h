// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "finding.h"
#include "headerfield.h"
#include "result.h"

#include <QIcon>
#include <QString>

namespace AddCow
{

/**
 * Translated texts for what the core reports in English or as codes: the rules of
 * FORMAT-DECISIONS.md, header field names, severities and errors.
 */

/** A translated one-sentence summary of rule R@p rule (1-20); a generic text for others. */
QString ruleText(int rule);

/** The translated name of a header field or file, e.g. "header pages size". */
QString fieldDisplayName(HeaderField field);

/** The translated sentence of a finding code, its arguments filled in (field names translated). */
QString findingText(FindingCode code, const FindingArguments &arguments);

/** The translated sentence of finding. */
QString findingText(const Finding &finding);

/** "Info", "Warning" or "Error", translated. */
QString severityDisplayName(Severity severity);

/** Translated text for any error: what went wrong (the finding it carries, translated), plus the file, field and rule it names. */
QString errorText(const Error &error);

/**
 * The translated sentence of an error alone, for a problem line that shows the rule apart (in
 * its tooltip): the sentence of the finding it carries, else what errorText() starts with.
 */
QString problemText(const Error &error);

/** The style's icon for a severity (information, warning, critical). */
QIcon severityIcon(Severity severity);

/** The style's icon for "nothing wrong here". */
QIcon validIcon();

} // namespace AddCow
