// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "addcowcore_export.h"
#include "headerfield.h"
#include "result.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace AddCow
{

/** The stored names and formats to change; unset members stay as they are. */
struct NameChange {
    std::optional<QByteArray> imageFileName;
    std::optional<QByteArray> backingFileName; ///< empty array removes the backing file
    std::optional<QByteArray> backingFormat;
    /**
     * Undo of a repair (repairableNames()): the header exactly as it was, broken names and all,
     * put back as the user asks; the names above are ignored then.
     */
    std::optional<QByteArray> headerBytes;
};

struct HeaderParse;

/** The name fields: offsets, sizes and bytes of the two names, the two formats (R5, R6, R9). */
ADDCOWCORE_EXPORT bool isNameField(HeaderField field);
/**
 * A header repair: true when parse has errors and every one of them is in a name field, so
 * that rewriteNames() with new values for the broken names gives a valid header. Which of them
 * are broken: imageNameBroken, backingNameBroken, backingFormatBroken (each may be null).
 */
ADDCOWCORE_EXPORT bool repairableNames(const HeaderParse &parse, bool *imageNameBroken = nullptr, bool *backingNameBroken = nullptr,
                                       bool *backingFormatBroken = nullptr);

/**
 * Rewrites the header of addCowPath with new names (rebase -u, moved files), keeping the bitmap:
 * the new file is written whole beside it, made durable and renamed into place (R20), so a
 * crash leaves either the old or the new file. Validates the result (R5, R9, R17) first.
 * A header whose only errors are in its name fields is repaired (repairableNames()): change
 * must then give every broken name (and a broken backing format); a broken image format
 * becomes raw (R9).
 */
ADDCOWCORE_EXPORT Result<void> rewriteNames(const QString &addCowPath, const NameChange &change);

/**
 * What `addcow rebase -u -b NEW [-F FORMAT]` changes, for the CLI and the app's Locate Backing
 * File alike: the backing name, and its format (R9): format when given, else probed from the new
 * backing file when it exists (probing is allowed when a name is chosen, never at open), else the
 * stored one, kept. An empty name removes the backing file and its format.
 */
ADDCOWCORE_EXPORT Result<NameChange> backingNameChange(const QString &addCowPath, const QByteArray &newBackingName,
                                                       const std::optional<QByteArray> &format = std::nullopt);

} // namespace AddCow
