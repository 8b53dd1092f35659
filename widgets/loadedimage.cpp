// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "loadedimage.h"

#include "format.h"
#include "qemuimg.h"
#include "verifyjob.h"

#include <QFile>
#include <QFileInfo>

#include <cerrno>

namespace AddCow
{

LoadedImage LoadedImage::load(const QString &path, Image::Access access)
{
    LoadedImage loaded;
    const QFileInfo info(path);
    loaded.path = info.absoluteFilePath();
    if (!info.exists()) {
        loaded.fatalError = Error{.code = ErrorCode::FileMissing, .path = loaded.path, .errnoValue = ENOENT, .detail = QStringLiteral("no such file")};
        return loaded;
    }

    Result<HeaderParse> parse = readHeader(loaded.path);
    if (!parse.ok()) {
        loaded.fatalError = parse.error();
        return loaded;
    }
    loaded.parse = std::move(parse.value());
    // R2: a file that is not add-cow (or is the later ACOW layout) has no header to show.
    if (const std::optional<Error> first = loaded.parse.firstError();
        first && (first->code == ErrorCode::NotAddCow || first->code == ErrorCode::LaterAddCowLayout)) {
        loaded.fatalError = *first;
        if (loaded.fatalError->path.isEmpty())
            loaded.fatalError->path = loaded.path;
        return loaded;
    }

    // R4: header pages size out of range still leaves the first page to show.
    const quint32 pages = loaded.parse.header.headerPagesSize;
    const quint64 headerBytes = headerSizeFor(pages >= 1 && pages <= MaxHeaderPagesSize ? pages : 1);
    QFile file(loaded.path);
    if (file.open(QIODevice::ReadOnly))
        loaded.headerBytes = file.read(qint64(headerBytes));

    Result<Findings> findings = checkImage(loaded.path);
    loaded.findings = findings.ok() ? findings.value() : loaded.parse.findings;

    Result<Image> image = Image::open(loaded.path, access);
    if (image.ok())
        loaded.image = std::make_shared<Image>(std::move(image).value());
    else
        loaded.imageError = image.error();

    // R9: what QEMU reads the backing file as, and what that file is itself backed by.
    const Header &header = loaded.parse.header;
    if (header.hasBackingFile() && !header.isAllAllocated()) {
        const QString backingPath = resolveStoredName(loaded.path, header.backingFileName); // R16
        if (QFileInfo::exists(backingPath)) {
            if (Result<QList<BackingLayer>> chain = QemuImg::backingChain(backingPath, header.backingFormat()))
                loaded.backingChain = std::move(chain).value();
        }
    }
    return loaded;
}

} // namespace AddCow
