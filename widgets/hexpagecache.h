// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QtGlobal>

#include <list>
#include <memory>
#include <unordered_map>
#include <vector>

namespace AddCow
{

class HexDataSource;

/**
 * A bounded least-recently-used cache of fixed-size pages of one HexDataSource, so a view reads
 * only the pages its visible rows touch and memory stays bounded at any file size.
 * Not thread-safe: owned and used by one view on the GUI thread.
 */
class HexPageCache
{
public:
    static constexpr quint64 DefaultPageBytes = 65536;
    static constexpr int DefaultMaxPages = 64; ///< 4 MiB with the default page size

    explicit HexPageCache(quint64 pageBytes = DefaultPageBytes, int maxPages = DefaultMaxPages);

    void setDataSource(std::shared_ptr<const HexDataSource> source);
    std::shared_ptr<const HexDataSource> dataSource() const { return m_source; }

    /**
     * Copies bytes [offsetBytes, offsetBytes + lengthBytes) into buffer, reading missing pages.
     * @return bytes available from offsetBytes on: fewer when the source ends (or fails) first
     */
    quint64 read(quint64 offsetBytes, char *buffer, quint64 lengthBytes);
    /**
     * Like read(), but goes on past a page the source cannot read, so what follows still shows
     * (a clean cluster of an image whose backing file is missing sits between allocated ones).
     * @param present set to lengthBytes flags: true where the byte was read
     * @return how many bytes were read
     */
    quint64 readPresent(quint64 offsetBytes, char *buffer, quint64 lengthBytes, std::vector<bool> &present);

    /** Drops every page (after the source changed). */
    void clear();
    /** Drops the pages that overlap [offsetBytes, offsetBytes + lengthBytes). */
    void invalidate(quint64 offsetBytes, quint64 lengthBytes);

    quint64 pageBytes() const { return m_pageBytes; }
    int maxPages() const { return m_maxPages; }
    int cachedPageCount() const { return int(m_pages.size()); }
    /** Pages read from the source since construction (for tests and diagnostics). */
    quint64 pageReads() const { return m_pageReads; }

private:
    struct Page {
        QByteArray bytes; ///< short when the source ends inside the page
        std::list<quint64>::iterator lruPosition;
    };
    const QByteArray &page(quint64 pageIndex);

    std::shared_ptr<const HexDataSource> m_source;
    quint64 m_pageBytes;
    int m_maxPages;
    quint64 m_pageReads = 0;
    std::list<quint64> m_lru; ///< most recently used first
    std::unordered_map<quint64, Page> m_pages;
};

} // namespace AddCow
