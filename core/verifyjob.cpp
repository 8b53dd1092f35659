// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "verifyjob.h"

#include "diskstreamreader.h"
#include "format.h"
#include "image.h"
#include "sha256.h"

#include <QFileInfo>

#include <algorithm>
#include <cstring>
#include <optional>
#include <utility>

using namespace Qt::StringLiterals;

namespace AddCow
{

namespace
{

// Progress is reported, and cancel checked, at least once per this much of the disk: 4 MiB
// hash in a few milliseconds, so cancel stops well within half a second.
constexpr quint64 ProgressStepBytes = 4 * 1024 * 1024;

Error cancelledError(const QString &path)
{
    Error error;
    error.code = ErrorCode::Cancelled;
    error.path = path;
    error.detail = u"verify cancelled"_s;
    return error;
}

} // namespace

VerifyJob::VerifyJob(QString addCowPath, bool readData)
    : m_addCowPath(std::move(addCowPath))
    , m_readData(readData)
{
}

QString VerifyJob::description() const
{
    const QString name = QFileInfo(m_addCowPath).fileName();
    return m_readData ? u"Verify %1 and read its whole disk"_s.arg(name) : u"Check %1"_s.arg(name);
}

Result<void> VerifyJob::run(JobContext &context)
{
    Report &report = context.report();
    m_result = VerifyResult{};
    report.addFile(m_addCowPath);

    // The one validating pass; the disk is read through the image it opened.
    Result<ImageCheck> checked = Image::check(m_addCowPath, Image::Access::ReadOnly, m_readData ? Image::Contents::Everything : Image::Contents::HeaderOnly);
    if (!checked) {
        report.error(checked.error().message());
        return checked.error();
    }
    m_result.findings = checked->findings;
    for (const Finding &finding : std::as_const(m_result.findings))
        report.add(finding.severity, finding.toString());
    if (m_result.findings.isEmpty())
        report.info(u"Every rule checked holds"_s);
    if (!m_readData)
        return {};

    if (!checked->image) {
        report.error(u"Cannot read the disk: %1"_s.arg(checked->error->message()));
        return *checked->error;
    }
    const Image &image = *checked->image;
    report.addFile(image.imageFile().resolvedPath);
    if (!image.isAllAllocated() && !image.backingFile().storedName.isEmpty())
        report.addFile(image.backingFile().resolvedPath);

    const quint64 virtualSize = image.virtualSizeBytes();
    Sha256 hash;
    QString firstReadError;
    context.setProgress(0, virtualSize);
    {
        // A thread reads ahead while this one hashes; zeros (holes, no backing data) are hashed
        // from a small buffer without reading them, so an 8 TiB sparse disk costs hashing only.
        DiskStreamReader reader(image, 0, virtualSize);
        quint64 reported = 0;
        auto cancelled = [&](quint64 doneBytes) {
            if (doneBytes - reported >= ProgressStepBytes || doneBytes == virtualSize) {
                context.setProgress(doneBytes, virtualSize);
                reported = doneBytes;
            }
            if (!context.isCancelled())
                return false;
            report.warning(u"Cancelled after reading %1 of %2 bytes"_s.arg(doneBytes).arg(virtualSize));
            return true;
        };
        while (const std::optional<DiskStreamReader::Piece> piece = reader.next()) {
            if (piece->data) {
                hash.addData(piece->data, piece->lengthBytes);
                if (cancelled(piece->offsetBytes + piece->lengthBytes))
                    return cancelledError(image.path());
                continue;
            }
            for (quint64 pos = piece->offsetBytes, end = piece->offsetBytes + piece->lengthBytes; pos < end;) {
                const quint64 length = std::min(ProgressStepBytes - pos % ProgressStepBytes, end - pos);
                hash.addZeros(length);
                pos += length;
                if (cancelled(pos))
                    return cancelledError(image.path());
            }
        }
        m_result.unreadable = reader.unreadable();
        if (const std::optional<Error> &error = reader.firstReadError())
            firstReadError = error->message();
    }

    m_result.sha256 = hash.result();
    if (m_result.sha256.isEmpty()) {
        Error error;
        error.code = ErrorCode::InvalidArgument;
        error.path = image.path();
        error.detail = u"OpenSSL's libcrypto could not compute SHA-256"_s;
        report.error(error.message());
        return error;
    }
    m_result.dataChecked = true;
    quint64 unreadableBytes = 0;
    for (const ByteRange &range : std::as_const(m_result.unreadable)) {
        unreadableBytes += range.lengthBytes;
        report.error(u"Bytes %1-%2 of the virtual disk (%3 bytes) cannot be read"_s.arg(range.offsetBytes)
                         .arg(range.offsetBytes + range.lengthBytes - 1)
                         .arg(range.lengthBytes));
    }
    if (!firstReadError.isEmpty())
        report.error(u"First read error: %1"_s.arg(firstReadError));
    const QString hex = QString::fromLatin1(m_result.sha256.toHex());
    if (unreadableBytes)
        report.warning(u"SHA-256 of the %1-byte virtual disk, with its %2 unreadable bytes counted as zeros: %3"_s.arg(virtualSize).arg(unreadableBytes).arg(hex));
    else
        report.info(u"Read all %1 bytes of the virtual disk; SHA-256 %2"_s.arg(virtualSize).arg(hex));
    return {};
}

} // namespace AddCow
