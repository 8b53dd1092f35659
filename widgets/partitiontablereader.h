// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "image.h"
#include "partitiontable.h"
#include "result.h"

#include <QFutureWatcher>
#include <QList>
#include <QObject>

#include <memory>
#include <optional>

class QTimer;

namespace AddCow
{

class ImageDocument;

/**
 * Reads the partition table of an image's virtual disk and counts the clusters allocated in each
 * partition, off the GUI thread: the table is a few KiB, but the backing file may be slow (NBD)
 * and counting a partition of a 64 TiB disk walks millions of bitmap words.
 *
 * read() starts over (the newest request wins; older results are dropped); recount() only counts
 * again with the table it has, at most a few times a second however often it is called (a
 * commit sets bits in many small batches). Following an ImageDocument does both by itself.
 */
class PartitionTableReader : public QObject
{
    Q_OBJECT

public:
    /** One reading: the table (or why it could not be read) and the allocated clusters per partition. */
    struct Scan {
        std::optional<PartitionTable> table; ///< unset when reading failed
        std::optional<Error> error;          ///< why, when reading failed
        QList<quint64> allocatedClusters;    ///< per partition of table, in its order
    };

    explicit PartitionTableReader(QObject *parent = nullptr);
    ~PartitionTableReader() override;

    /** Reads image's table in the background; tableRead() follows. A null image clears. */
    void read(std::shared_ptr<const Image> image);
    /** Counts the allocated clusters again (bits changed); allocationCounted() follows. */
    void recount();
    /** Forgets the image and the table; nothing more is reported for older requests. */
    void clear();

    /**
     * Follows document (null: stops): reads its image's table when the image is replaced and
     * again when bytes the table was read from change (the guest repartitioned), and recounts
     * when bits change. Reads the current image at once.
     */
    void setDocument(ImageDocument *document);
    ImageDocument *document() const { return m_document; }

    bool isReading() const { return m_reading; }
    std::shared_ptr<const Image> image() const { return m_image; }
    /** The last result; empty table and no error before the first read and after clear(). */
    const Scan &scan() const { return m_scan; }

    /** Reads and counts on the calling thread: what read() runs in the background. */
    static Scan scanImage(const Image &image);
    /** Counts the partitions of table on image. */
    static Result<QList<quint64>> countPartitions(const Image &image, const PartitionTable &table);

Q_SIGNALS:
    void readingStarted();
    /** read(nullptr) or clear(): there is no table to show. */
    void cleared();
    /** A read() finished: scan() holds its result. */
    void tableRead();
    /** A recount() finished: scan().allocatedClusters is current. */
    void allocationCounted();

private:
    void documentDataChanged(quint64 offsetBytes, quint64 lengthBytes);
    void startRecount();
    void readFinished();
    void recountFinished();

    ImageDocument *m_document = nullptr;
    std::shared_ptr<const Image> m_image;
    Scan m_scan;
    bool m_reading = false;
    quint64 m_generation = 0; ///< bumped by read() and clear(): results of older requests are dropped
    QFutureWatcher<Scan> m_readWatcher;
    QFutureWatcher<Result<QList<quint64>>> m_countWatcher;
    quint64 m_readGeneration = 0;
    quint64 m_countGeneration = 0;
    bool m_recountPending = false;
    QTimer *m_recountTimer;
};

} // namespace AddCow
