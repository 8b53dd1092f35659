// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "result.h"

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
    if (!field.isEmpty())
        parts << field;
    QString text = detail;
    if (code == ErrorCode::Io && errnoValue != 0) {
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

} // namespace AddCow
