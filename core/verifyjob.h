// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "addcowcore_export.h"
#include "byterange.h"
#include "finding.h"
#include "job.h"
#include "result.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace AddCow
{

struct VerifyResult {
    Findings findings;             ///< as Image::check found them
    bool dataChecked = false;      ///< the data pass ran to the end
    QList<ByteRange> unreadable;   ///< virtual disk ranges that failed to read
    QByteArray sha256;             ///< of the whole virtual disk, raw 32 bytes; empty without data pass
};

/** Image::check, then optionally reads every byte of the virtual disk through the image it opened and hashes it. */
class ADDCOWCORE_EXPORT VerifyJob : public Job
{
public:
    VerifyJob(QString addCowPath, bool readData);
    QString description() const override;
    Result<void> run(JobContext &context) override;
    const VerifyResult &result() const { return m_result; }

private:
    QString m_addCowPath;
    bool m_readData;
    VerifyResult m_result;
};

} // namespace AddCow
