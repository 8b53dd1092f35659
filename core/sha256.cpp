// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "sha256.h"

#include <openssl/evp.h>

#include <algorithm>

namespace AddCow
{

namespace
{

// 16 KiB fits in L1 next to the hash state; larger buffers only cost cache.
constexpr quint64 ZeroBlockBytes = 16 * 1024;
alignas(64) const char s_zeros[ZeroBlockBytes] = {};

} // namespace

Sha256::Sha256()
    : m_context(EVP_MD_CTX_new())
{
    m_failed = !m_context || EVP_DigestInit_ex(m_context, EVP_sha256(), nullptr) != 1;
}

Sha256::~Sha256()
{
    EVP_MD_CTX_free(m_context);
}

void Sha256::addData(const char *data, quint64 lengthBytes)
{
    if (m_failed || m_finished || lengthBytes == 0)
        return;
    m_failed = EVP_DigestUpdate(m_context, data, size_t(lengthBytes)) != 1;
}

void Sha256::addZeros(quint64 lengthBytes)
{
    while (lengthBytes > 0 && !m_failed && !m_finished) {
        const quint64 length = std::min(lengthBytes, ZeroBlockBytes);
        addData(s_zeros, length);
        lengthBytes -= length;
    }
}

QByteArray Sha256::result()
{
    if (m_failed || m_finished)
        return {};
    m_finished = true;
    QByteArray digest(EVP_MAX_MD_SIZE, Qt::Uninitialized);
    unsigned int length = 0;
    if (EVP_DigestFinal_ex(m_context, reinterpret_cast<unsigned char *>(digest.data()), &length) != 1)
        return {};
    digest.truncate(qsizetype(length));
    return digest;
}

QByteArray Sha256::hash(QByteArrayView data)
{
    Sha256 sha;
    sha.addData(data);
    return sha.result();
}

} // namespace AddCow
