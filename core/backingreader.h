// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "addcowcore_export.h"
#include "result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>

namespace AddCow
{

/** A run of the backing disk that holds data or reads as zeros, as its format reports it. */
struct BackingExtent {
    quint64 offsetBytes = 0;
    quint64 lengthBytes = 0;
    bool zero = false; ///< the backing format says these bytes read as zeros (NBD block status)
    bool operator==(const BackingExtent &) const = default;
};

/**
 * The backing disk as the guest sees it (R9, R13): its virtual bytes, zeros past its end.
 * A raw backing file is read natively; every other format through QEMU's own block layer
 * (NbdBackingReader). Safe to use from many threads at once.
 */
class ADDCOWCORE_EXPORT BackingReader
{
public:
    virtual ~BackingReader();

    /**
     * Opens the backing file at path as format, exactly as stored (R9: never probed): "raw"
     * natively, any other name through qemu-nbd. fileFd is the backing file, already opened and
     * checked by the caller (R17); a raw reader reads through it, it must outlive the reader.
     */
    static Result<std::unique_ptr<BackingReader>> open(const QString &path, const QByteArray &format, int fileFd);

    QString path() const { return m_path; }         ///< the backing file, resolved (R16)
    QByteArray format() const { return m_format; }  ///< as stored in the header (R9)
    /** The backing disk's virtual size in bytes: where R13's zeros begin and R20's default size. */
    quint64 sizeBytes() const { return m_sizeBytes; }

    /** Reads the virtual disk's bytes [offsetBytes, offsetBytes + lengthBytes); past sizeBytes() they are zeros (R13). */
    virtual Result<void> read(quint64 offsetBytes, char *buffer, quint64 lengthBytes) const = 0;

    /**
     * Whether extents() can report zeros: true when the format says where it reads as zeros
     * (NBD block status). A raw reader reports everything as data (see RawBackingReader).
     */
    virtual bool knowsZeros() const = 0;
    /** The data and zero runs covering [offsetBytes, offsetBytes + lengthBytes) clipped to sizeBytes(), in order. */
    virtual Result<QList<BackingExtent>> extents(quint64 offsetBytes, quint64 lengthBytes) const = 0;

    /** A descriptor whose bytes are the disk's, for copy_file_range and SEEK_DATA; -1 when there is none (NBD). */
    virtual int fileDescriptor() const = 0;

protected:
    BackingReader(QString path, QByteArray format, quint64 sizeBytes);

private:
    QString m_path;
    QByteArray m_format;
    quint64 m_sizeBytes = 0;
};

} // namespace AddCow
