// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "addcowcore_export.h"
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

/** One rule checked against one field of an image: what `check` prints, what the header view marks. */
struct ADDCOWCORE_EXPORT Finding {
    Severity severity = Severity::Error;
    int rule = 0;                     ///< FORMAT-DECISIONS rule number
    HeaderField field = HeaderField::Magic;
    quint64 offsetBytes = 0;          ///< where in the .add-cow file the offending bytes are
    quint64 lengthBytes = 0;
    QString value;                    ///< the bad value as text, e.g. "0x4" or "'qcow2'"
    QString message;                  ///< English sentence, e.g. "unsupported feature bits 0x4"

    /** "field (bytes 28-35): message [R7]" */
    QString toString() const;
};

using Findings = QList<Finding>;

ADDCOWCORE_EXPORT bool hasErrors(const Findings &findings);
ADDCOWCORE_EXPORT bool hasWarnings(const Findings &findings);
ADDCOWCORE_EXPORT QString severityName(Severity severity); ///< "error", "warning", "info"

} // namespace AddCow
