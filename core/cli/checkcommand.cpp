// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "commands.h"
#include "console.h"
#include "findingprinter.h"
#include "subcommandparser.h"

#include "image.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace AddCow::Commands
{

int check(const QStringList &arguments)
{
    SubcommandParser parser(u"check"_s, u"[--output=human|json] FILE"_s,
                            u"Checks an add-cow image against every rule of the format without reading the virtual "
                            "disk: the header fields (R1-R10), the file names and the files they lead to (R16, R17), "
                            "the formats (R9) and the length and spare bits of the bitmap (R11, R12). Each finding "
                            "names the field, the bytes it occupies, the bad value and the rule it breaks."_s);
    parser.addHumanJsonOutputOption();
    parser.addImageFileArgument();
    parser.addNotes(u"Exit status"_s,
                    u"0 when the image is clean, 2 when errors were found (the image is corrupt), 3 when only "
                    "warnings were found, 1 when the file cannot be read or is not an add-cow image."_s);
    if (const auto exitCode = parser.parse(arguments))
        return *exitCode;
    const QString output = parser.value(u"output"_s);
    const QString fileName = parser.positional().at(0);

    // The pass Image::open makes, in check mode: check and info cannot disagree. The bitmap
    // stays on disk; what check needs of it is read where it lies.
    const Result<ImageCheck> checked = Image::check(fileName, Image::Access::ReadOnly, Image::Contents::HeaderOnly);
    if (!checked) {
        Console::error(checked.error());
        return Console::Failure;
    }
    const Findings &findings = checked->findings;

    if (output == u"json") {
        QJsonArray list;
        int errors = 0;
        int warnings = 0;
        for (const Finding &finding : findings) {
            list.append(FindingPrinter::toJson(finding));
            errors += finding.severity == Severity::Error;
            warnings += finding.severity == Severity::Warning;
        }
        QJsonObject object;
        object[u"filename"_s] = fileName;
        object[u"format"_s] = u"add-cow"_s;
        object[u"errors"_s] = errors;
        object[u"warnings"_s] = warnings;
        object[u"findings"_s] = list;
        Console::outBytes(QJsonDocument(object).toJson(QJsonDocument::Indented));
    } else {
        QString text;
        for (const Finding &finding : findings)
            text += FindingPrinter::toText(finding) + u'\n';
        text += FindingPrinter::summary(findings) + u'\n';
        Console::out(text);
    }
    if (!Console::flushOut())
        return Console::Failure;
    return FindingPrinter::exitCode(findings);
}

} // namespace AddCow::Commands
