// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "image.h"
#include "result.h"

#include <QByteArrayView>
#include <QString>

#include <optional>

/** Output of the addcow tool: results to stdout, one-line errors to stderr. */
namespace AddCow::Console
{

/** Exit codes shared by the commands. */
enum ExitCode {
    Success = 0,
    Failure = 1,        ///< the command could not do its work (file unreadable, bad arguments)
    CheckErrors = 2,    ///< check/verify: the image is corrupt
    CheckWarnings = 3,  ///< check/verify: only warnings
    Interrupted = 130,  ///< stopped by SIGINT (128 + 2, as shells report it)
};

/** Writes UTF-8 text to stdout as it is (add the newline yourself). */
void out(const QString &text);
/** Writes bytes to stdout. @return false when stdout failed (closed pipe, full disk) */
bool outBytes(QByteArrayView bytes);
/** Flushes stdout. @return false when an earlier or this write failed */
bool flushOut();

/** "addcow: TEXT" on stderr. */
void error(const QString &text);
/** "addcow: " + error.message() on stderr, then hint on the next line when it is set. */
void error(const Error &error, const QString &hint = {});
/** Writes text to stderr as it is (progress lines). */
void err(const QString &text);

/** Opens the image at path, printing the error on stderr when that fails. */
std::optional<Image> openImage(const QString &path, Image::Access access, Image::Contents contents = Image::Contents::Everything);

} // namespace AddCow::Console
