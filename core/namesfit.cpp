// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "namesfit.h"

#include "format.h"

namespace AddCow
{

Result<void> checkNamesFit(const QString &path, const QByteArray &imageName, const QByteArray &backingName)
{
    using Arg = FindingArgument;
    if (imageName.contains('\0'))
        return Error::fromCode(path, FindingCode::GivenNameContainsNul, {Arg::ofField(HeaderField::ImageFileName)}, HeaderField::ImageFileName);
    if (backingName.contains('\0'))
        return Error::fromCode(path, FindingCode::GivenNameContainsNul, {Arg::ofField(HeaderField::BackingFileName)}, HeaderField::BackingFileName);
    const quint64 room = HeaderPageBytes - NameAreaOffset;
    const quint64 bytes = quint64(imageName.size()) + quint64(backingName.size());
    if (bytes > room)
        return Error::fromCode(path, FindingCode::NamesDoNotFit, {Arg::ofNumber(bytes), Arg::ofNumber(room)}, HeaderField::NameArea);
    return {};
}

} // namespace AddCow
