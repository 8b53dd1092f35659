// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "addcowcore_export.h"
#include "finding.h"
#include "header.h"
#include "result.h"

#include <QByteArrayView>
#include <QString>

namespace AddCow
{

/** What parsing a header found: every field decoded as far as possible, every broken rule. */
struct ADDCOWCORE_EXPORT HeaderParse {
    QByteArray bytes;  ///< the header bytes parsed: HEADER_SIZE, fewer when the file is short
    Header header;
    Findings findings; ///< sorted by offset; errors and warnings for rules R1-R10
    bool complete = false; ///< false when fewer than HEADER_SIZE bytes were given
    QString path;          ///< the file the bytes came from, named in firstError()

    bool hasErrors() const { return AddCow::hasErrors(findings); }
    /**
     * The first error in QEMU cow.c order (magic, version, header pages size, features, ...),
     * as an Error with code, field, rule and path; nullopt when the header is usable.
     */
    std::optional<Error> firstError() const;
};

/**
 * Parses and validates an add-cow header without touching any file (R1-R10).
 * Never fails: a corrupt header comes back decoded, with its findings.
 * @param bytes the start of the .add-cow file; at least HEADER_SIZE bytes for a complete parse
 * @param path only used to name the file in errors
 */
ADDCOWCORE_EXPORT HeaderParse parseHeader(QByteArrayView bytes, const QString &path = {});

/**
 * Reads the header of the open .add-cow file fd and parses it: the first page, then all
 * HEADER_SIZE bytes when the header pages size is valid (R4, never more than 256 pages).
 * Fails only when reading fails; a short file is a short header (R1).
 * @param path names the file in errors and in the parse
 */
ADDCOWCORE_EXPORT Result<HeaderParse> readHeader(int fd, const QString &path);

/** Opens path read-only and reads its header (readHeader(int, QString)). FileMissing when it does not exist. */
ADDCOWCORE_EXPORT Result<HeaderParse> readHeader(const QString &path);

} // namespace AddCow
