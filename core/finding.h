// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "addcowcore_export.h"
#include "findingargument.h"
#include "findingcode.h"
#include "headerfield.h"

#include <QList>
#include <QString>

namespace AddCow
{

enum class Severity {
    Info,
    Warning, ///< readable, but not as a writer must write it
    Error,   ///< corrupt: must not be used
};

/**
 * One rule checked against one field of an image: what `check` prints, what the header view
 * marks. Data only: a code with typed arguments; the sentence is rendered from them (message()
 * in English here, through tr() in the app).
 */
struct ADDCOWCORE_EXPORT Finding {
    Severity severity = Severity::Error;
    FindingCode code = FindingCode::NotAddCow;
    HeaderField field = HeaderField::Magic;
    quint64 offsetBytes = 0;     ///< where in the .add-cow file the offending bytes are
    quint64 lengthBytes = 0;
    FindingArgument value;       ///< the bad value, e.g. 0x4 or 'qcow2'; None when there is none
    FindingArguments arguments;  ///< the code's placeholders, in order

    /** FORMAT-DECISIONS rule number, from the code. */
    int rule() const { return findingCodeRule(code); }
    /** The English sentence, e.g. "unsupported feature bits 0x4". */
    QString message() const { return findingMessage(code, arguments); }
    /** "field (bytes 28-35): message [R7]" */
    QString toString() const;

    bool operator==(const Finding &) const = default;
};

using Findings = QList<Finding>;

ADDCOWCORE_EXPORT bool hasErrors(const Findings &findings);
ADDCOWCORE_EXPORT bool hasWarnings(const Findings &findings);
ADDCOWCORE_EXPORT QString severityName(Severity severity); ///< "error", "warning", "info"

} // namespace AddCow
