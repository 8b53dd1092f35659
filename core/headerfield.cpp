// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "headerfield.h"

#include "format.h"

#include <array>

namespace AddCow
{

namespace
{

// Indexed by HeaderField; the fixed fields follow the spec's byte table (R1-R10).
constexpr std::array<HeaderFieldInfo, 18> fieldTable = {{
    {HeaderField::Magic, 0, 8, "magic"},
    {HeaderField::Version, 8, 4, "version"},
    {HeaderField::BackingFileNameOffset, 12, 4, "backing file name offset"},
    {HeaderField::BackingFileNameSize, 16, 4, "backing file name size"},
    {HeaderField::ImageFileNameOffset, 20, 4, "image file name offset"},
    {HeaderField::ImageFileNameSize, 24, 4, "image file name size"},
    {HeaderField::Features, 28, 8, "features"},
    {HeaderField::OptionalFeatures, 36, 8, "optional features"},
    {HeaderField::HeaderPagesSize, 44, 4, "header pages size"},
    {HeaderField::BackingFormat, 48, FormatFieldBytes, "backing file format"},
    {HeaderField::ImageFormat, 64, FormatFieldBytes, "image file format"},
    {HeaderField::NameArea, NameAreaOffset, 0, "name area"},
    {HeaderField::BackingFileName, 0, 0, "backing file name"},
    {HeaderField::ImageFileName, 0, 0, "image file name"},
    {HeaderField::Bitmap, 0, 0, "COW bitmap"},
    {HeaderField::BackingFile, 0, 0, "backing file"},
    {HeaderField::ImageFile, 0, 0, "image file"},
    {HeaderField::AddCowFile, 0, 0, "add-cow file"},
}};

constexpr bool tableMatchesEnum()
{
    for (std::size_t i = 0; i < fieldTable.size(); ++i) {
        if (static_cast<std::size_t>(fieldTable[i].field) != i)
            return false;
    }
    return true;
}
static_assert(tableMatchesEnum(), "fieldTable must be indexed by HeaderField");
static_assert(static_cast<std::size_t>(HeaderField::AddCowFile) + 1 == fieldTable.size());

} // namespace

const HeaderFieldInfo &headerFieldInfo(HeaderField field)
{
    const auto index = static_cast<std::size_t>(field);
    Q_ASSERT(index < fieldTable.size());
    return fieldTable[index < fieldTable.size() ? index : 0];
}

const char *headerFieldName(HeaderField field)
{
    return headerFieldInfo(field).name;
}

} // namespace AddCow
