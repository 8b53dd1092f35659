// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "hexpagecache.h"

#include "hexdatasource.h"

#include <algorithm>
#include <cstring>

namespace AddCow
{

HexPageCache::HexPageCache(quint64 pageBytes, int maxPages)
    : m_pageBytes(std::max<quint64>(pageBytes, 16))
    , m_maxPages(std::max(maxPages, 2))
{
}

void HexPageCache::setDataSource(std::shared_ptr<const HexDataSource> source)
{
    m_source = std::move(source);
    clear();
}

void HexPageCache::clear()
{
    m_pages.clear();
    m_lru.clear();
}

void HexPageCache::invalidate(quint64 offsetBytes, quint64 lengthBytes)
{
    if (lengthBytes == 0)
        return;
    const quint64 firstPage = offsetBytes / m_pageBytes;
    const quint64 lastPage = (offsetBytes + lengthBytes - 1) / m_pageBytes;
    for (auto it = m_pages.begin(); it != m_pages.end();) {
        if (it->first >= firstPage && it->first <= lastPage) {
            m_lru.erase(it->second.lruPosition);
            it = m_pages.erase(it);
        } else {
            ++it;
        }
    }
}

const QByteArray &HexPageCache::page(quint64 pageIndex)
{
    auto it = m_pages.find(pageIndex);
    if (it != m_pages.end()) {
        m_lru.splice(m_lru.begin(), m_lru, it->second.lruPosition);
        return it->second.bytes;
    }
    while (int(m_pages.size()) >= m_maxPages) {
        m_pages.erase(m_lru.back());
        m_lru.pop_back();
    }
    QByteArray bytes;
    const quint64 offset = pageIndex * m_pageBytes;
    const quint64 size = m_source->sizeBytes();
    if (offset < size) {
        bytes.resize(qsizetype(std::min(m_pageBytes, size - offset)));
        const qint64 got = m_source->read(offset, bytes.data(), quint64(bytes.size()));
        ++m_pageReads;
        bytes.truncate(qsizetype(std::max<qint64>(got, 0))); // a failed read shows as absent
    }
    m_lru.push_front(pageIndex);
    Page &stored = m_pages[pageIndex];
    stored.bytes = std::move(bytes);
    stored.lruPosition = m_lru.begin();
    return stored.bytes;
}

quint64 HexPageCache::read(quint64 offsetBytes, char *buffer, quint64 lengthBytes)
{
    if (!m_source)
        return 0;
    quint64 done = 0;
    while (done < lengthBytes) {
        const quint64 offset = offsetBytes + done;
        const quint64 pageIndex = offset / m_pageBytes;
        const quint64 inPage = offset % m_pageBytes;
        const QByteArray &bytes = page(pageIndex);
        if (inPage >= quint64(bytes.size()))
            break;
        const quint64 n = std::min(lengthBytes - done, quint64(bytes.size()) - inPage);
        std::memcpy(buffer + done, bytes.constData() + inPage, n);
        done += n;
        if (quint64(bytes.size()) < m_pageBytes)
            break; // the source ends inside this page
    }
    return done;
}

quint64 HexPageCache::readPresent(quint64 offsetBytes, char *buffer, quint64 lengthBytes, std::vector<bool> &present)
{
    present.assign(size_t(lengthBytes), false);
    if (!m_source)
        return 0;
    const quint64 size = m_source->sizeBytes();
    quint64 done = 0;
    quint64 got = 0;
    while (done < lengthBytes && offsetBytes + done < size) {
        const quint64 offset = offsetBytes + done;
        const quint64 inPage = offset % m_pageBytes;
        const quint64 n = std::min(lengthBytes - done, m_pageBytes - inPage);
        const QByteArray &bytes = page(offset / m_pageBytes);
        if (inPage < quint64(bytes.size())) {
            const quint64 have = std::min(n, quint64(bytes.size()) - inPage);
            std::memcpy(buffer + done, bytes.constData() + inPage, have);
            std::fill_n(present.begin() + qsizetype(done), have, true);
            got += have;
        }
        done += n;
    }
    return got;
}

} // namespace AddCow
