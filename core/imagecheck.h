// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "finding.h"
#include "headerparser.h"
#include "result.h"

#include <memory>
#include <optional>

namespace AddCow
{

class Image;

/**
 * What Image::check found: the one validating pass of Image::open run to the end, every finding
 * kept, like qcow2's open with BDRV_O_CHECK. An image is usable exactly when there is no error,
 * and then it is open: check and open cannot disagree, they are the same code.
 */
struct ImageCheck {
    HeaderParse parse;            ///< the header as read, decoded, with its findings (R1-R10)
    Findings findings;            ///< every finding: the header's, then the files' in the order open meets them
    std::optional<Error> error;   ///< what Image::open fails with for these files; nullopt when usable
    std::shared_ptr<Image> image; ///< the open image when usable, null otherwise

    bool hasErrors() const { return AddCow::hasErrors(findings); }
};

} // namespace AddCow
