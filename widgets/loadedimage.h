// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "backinglayer.h"
#include "finding.h"
#include "headerparser.h"
#include "image.h"
#include "result.h"

#include <QByteArray>
#include <QString>

#include <memory>
#include <optional>

namespace AddCow
{

/**
 * Everything the main window shows about one .add-cow file, gathered off the GUI thread
 * (the bitmap of a 64 TiB image is 128 MiB). A half-broken image still yields its header and
 * findings; only image is null then, with the reason in imageError.
 */
struct LoadedImage {
    QString path;                          ///< absolute path of the .add-cow file
    std::optional<Error> fatalError;       ///< set when not even the header can be shown
    QByteArray headerBytes;                ///< the first HEADER_SIZE bytes (fewer when the file is short)
    HeaderParse parse;                     ///< R1-R10
    Findings findings;                     ///< every finding of Image::check (the header's among them)
    std::shared_ptr<Image> image;          ///< null in header-only mode; its backingError() may be set
    std::optional<Error> imageError;       ///< why the image cannot be opened (Image::check's error)
    QList<BackingLayer> backingChain;      ///< R9: as QEMU reports it; empty without a backing file or when unreadable

    bool isHeaderOnly() const { return !fatalError && !image; }

    /**
     * Checks and opens the image with access in one pass (Image::check). Blocking: run it on a
     * worker thread.
     */
    static LoadedImage load(const QString &path, Image::Access access = Image::Access::ReadOnly);
};

} // namespace AddCow
