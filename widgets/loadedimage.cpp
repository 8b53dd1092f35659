// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "loadedimage.h"

#include "qemuimg.h"

#include <QFileInfo>

namespace AddCow
{

LoadedImage LoadedImage::load(const QString &path, Image::Access access)
{
    LoadedImage loaded;
    loaded.path = QFileInfo(path).absoluteFilePath();
    // One validating pass: the findings shown and the image opened come from the same code,
    // so a clean Findings panel never sits beside a disk that cannot be read.
    Result<ImageCheck> checked = Image::check(loaded.path, access);
    if (!checked) {
        // Not even the header can be shown: missing, unreadable, or not add-cow (R2).
        loaded.fatalError = checked.error();
        return loaded;
    }
    loaded.parse = std::move(checked->parse);
    loaded.headerBytes = loaded.parse.bytes;
    loaded.findings = std::move(checked->findings);
    loaded.image = std::move(checked->image);
    loaded.imageError = std::move(checked->error);
    // A backing file that cannot be read (missing, unreadable, no QEMU for its format) leaves the
    // bitmap and the image file to show (issue 14): the same open, keeping the backing error.
    // Any other error fails it again.
    if (!loaded.image && access == Image::Access::ReadOnly) {
        if (Result<Image> degraded = Image::open(loaded.path, access, Image::Contents::Everything, Image::UnreadableBacking::Degrade))
            loaded.image = std::make_shared<Image>(std::move(degraded).value());
    }

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
