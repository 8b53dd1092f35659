// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "addcowcore_export.h"

#include <QByteArray>
#include <QByteArrayView>

struct evp_md_ctx_st;

namespace AddCow
{

/**
 * SHA-256 from OpenSSL's libcrypto (the EVP interface), which uses the CPU's SHA extensions
 * where it has them: several times the speed of QCryptographicHash on such CPUs.
 */
class ADDCOWCORE_EXPORT Sha256
{
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256 &) = delete;
    Sha256 &operator=(const Sha256 &) = delete;

    void addData(const char *data, quint64 lengthBytes);
    void addData(QByteArrayView data) { addData(data.data(), quint64(data.size())); }
    /** Hashes lengthBytes zero bytes from a small zero buffer that stays in the CPU's cache. */
    void addZeros(quint64 lengthBytes);
    /**
     * The digest, 32 raw bytes. Ends the hash: data added afterwards is ignored and a second
     * call returns empty, as does a failure of libcrypto (it does not fail for SHA-256).
     */
    QByteArray result();

    static QByteArray hash(QByteArrayView data);

private:
    evp_md_ctx_st *m_context = nullptr;
    bool m_failed = false;
    bool m_finished = false;
};

} // namespace AddCow
