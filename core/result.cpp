// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "result.h"

#include "finding.h"

#include <QStringList>

#include <cerrno>
#include <cstring>

using namespace Qt::StringLiterals;

namespace AddCow
{

QString Error::message() const
{
    QStringList parts;
    if (!path.isEmpty())
        parts << path;
    if (field)
        parts << QString::fromLatin1(headerFieldName(*field));
    QString text = detail;
    // A finding's sentence names the system error itself.
    if (code == ErrorCode::Io && errnoValue != 0 && !finding) {
        const QString reason = QString::fromLocal8Bit(std::strerror(errnoValue));
        text = text.isEmpty() ? reason : text + u": "_s + reason;
    }
    if (!text.isEmpty())
        parts << text;
    QString line = parts.join(u": "_s);
    if (rule != 0)
        line += u" (R%1)"_s.arg(rule);
    return line;
}

Error Error::make(ErrorCode code, const QString &path, const QString &detail)
{
    Error error;
    error.code = code;
    error.path = path;
    error.detail = detail;
    return error;
}

Error Error::fromErrno(const QString &path, const QString &what)
{
    const int savedErrno = errno;
    Error error;
    error.code = ErrorCode::Io;
    error.path = path;
    error.errnoValue = savedErrno;
    error.detail = what;
    return error;
}

Error Error::fromFinding(const QString &path, const Finding &finding)
{
    Error error;
    error.code = findingCodeError(finding.code);
    error.path = path;
    error.field = finding.field;
    error.rule = finding.rule();
    for (const FindingArgument &argument : finding.arguments) {
        if (argument.kind == FindingArgument::Kind::Errno)
            error.errnoValue = int(argument.number);
    }
    error.detail = finding.message();
    error.finding = finding.code;
    error.arguments = finding.arguments;
    return error;
}

Error Error::fromCode(const QString &path, FindingCode code, const FindingArguments &arguments, std::optional<HeaderField> field)
{
    Error error;
    error.code = findingCodeError(code);
    error.path = path;
    error.field = field;
    error.rule = findingCodeRule(code);
    error.detail = findingMessage(code, arguments);
    error.finding = code;
    error.arguments = arguments;
    return error;
}

} // namespace AddCow
