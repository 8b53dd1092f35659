// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <cstddef>
#include <cstdint>

/**
 * What the fuzzers and the corpus replay feed the core with. Each entry point checks invariants
 * that must hold for any input and calls abort() when one breaks, so libFuzzer reports a crash.
 */
namespace FuzzEntryPoints
{

/** parseHeader (R1-R10) on the bytes as they are, then a serialize/parse round trip when valid. */
void parseHeaderBytes(QByteArrayView bytes);

/**
 * A whole file set built from the bytes (see ImageInput): the .add-cow file, a sparse image file
 * and optionally a backing file, written to a temporary directory; then checkAgreesWithOpen,
 * Image::open read-only, map(), read() of a few ranges and the partition table of the virtual
 * disk, each with its invariants (R11, R13, R15; bounded, sane partitions).
 */
void openImageBytes(QByteArrayView bytes);

/**
 * The property of the one validating open: for the files at addCowPath, Image::check reports
 * an error if and only if Image::open fails, read-only and read-write alike, with the same
 * error; and when check finds no error, the image it opened is the one open opens.
 * Check runs read-only against both opens as well, which holds as long as nothing outside the
 * format decides (see OpenCheckPropertyTest for the deliberate exceptions: locks held by
 * another process, files the user may read but not write, read-only file systems, block devices).
 * @param readOnlyCheckCoversReadWrite false where such an exception applies to these files
 * @return an empty string when they agree, else what disagreed
 */
QString checkAgreesWithOpen(const QString &addCowPath, bool readOnlyCheckCoversReadWrite = true);

struct ImageInput;

/**
 * Writes the file set of input to the fuzzers' temporary directory (disk.add-cow, disk.raw and
 * optionally base.raw, replacing those of the previous input). @return the .add-cow file's path
 */
QString writeFileSet(const ImageInput &input);

/**
 * The image fuzzer's input layout, little-endian:
 * byte 0 flags (bit 0: make the backing file, bit 1: fill the backing file, bit 2: no image file),
 * bytes 1-4 image file size, bytes 5-8 backing file size (both capped at MaxFileBytes),
 * bytes 9-12 a read offset, bytes 13-16 the .add-cow length; the next that many bytes are the
 * .add-cow file, the rest is written at the start of the image file.
 */
struct ImageInput {
    quint8 flags = 0;
    quint32 imageSizeBytes = 0;
    quint32 backingSizeBytes = 0;
    quint32 readOffsetBytes = 0;
    QByteArray addCowBytes;
    QByteArray imageBytes;

    static constexpr quint32 MaxFileBytes = 64u * 1024 * 1024;
    static constexpr quint8 MakeBacking = 0x1;
    static constexpr quint8 FillBacking = 0x2;
    static constexpr quint8 NoImageFile = 0x4;

    static ImageInput decode(QByteArrayView bytes);
    QByteArray encode() const; ///< the corpus generator's side
};

} // namespace FuzzEntryPoints
