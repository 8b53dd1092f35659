// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "console.h"

#include <cstdio>

using namespace Qt::StringLiterals;

namespace AddCow::Console
{

void out(const QString &text)
{
    outBytes(text.toUtf8());
}

bool outBytes(QByteArrayView bytes)
{
    if (bytes.isEmpty())
        return !std::ferror(stdout);
    return std::fwrite(bytes.data(), 1, size_t(bytes.size()), stdout) == size_t(bytes.size());
}

bool flushOut()
{
    return std::fflush(stdout) == 0 && !std::ferror(stdout);
}

void err(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

void error(const QString &text)
{
    std::fflush(stdout);
    err(u"addcow: %1\n"_s.arg(text));
}

void error(const Error &error, const QString &hint)
{
    Console::error(error.message());
    if (!hint.isEmpty())
        err(u"addcow: %1\n"_s.arg(hint));
}

std::optional<Image> openImage(const QString &path, Image::Access access, Image::Contents contents)
{
    Result<Image> opened = Image::open(path, access, contents);
    if (!opened) {
        error(opened.error());
        return std::nullopt;
    }
    return std::move(opened).value();
}

} // namespace AddCow::Console
