// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "finding.h"

#include <QJsonObject>
#include <QString>

/** How check and verify show findings, and the exit code they lead to. */
namespace AddCow::FindingPrinter
{

/** "error: image file name offset (bytes 20-23): MESSAGE (value 40) [R5]" */
QString toText(const Finding &finding);
/** {"severity", "code", "rule", "field", "offset", "length", "value", "message"} */
QJsonObject toJson(const Finding &finding);
/** "No errors were found on the image." or counts of errors and warnings, one line. */
QString summary(const Findings &findings);
/** 0 clean (infos only), 2 any error, 3 only warnings. */
int exitCode(const Findings &findings);

} // namespace AddCow::FindingPrinter
