// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "result.h"

#include <libnbd.h>

namespace AddCow
{

/**
 * libnbd, loaded with dlopen the first time an NBD backing file is opened. Linking it would make
 * every start of addcow and the app load it and the TLS and XML libraries behind it (about half
 * again Qt's own start-up), although most images have raw backing files or none. Internal to
 * the core library: libnbd.h stays out of its public headers.
 */
class NbdLibrary
{
public:
    /** The library, loaded once; FileMissing naming the Debian package when it is not installed. */
    static Result<const NbdLibrary *> load();

    decltype(&::nbd_create) create = nullptr;
    decltype(&::nbd_close) close = nullptr;
    decltype(&::nbd_get_error) getError = nullptr;
    decltype(&::nbd_get_errno) getErrno = nullptr;
    decltype(&::nbd_add_meta_context) addMetaContext = nullptr;
    decltype(&::nbd_can_meta_context) canMetaContext = nullptr;
    decltype(&::nbd_aio_connect_socket) aioConnectSocket = nullptr;
    decltype(&::nbd_aio_is_ready) aioIsReady = nullptr;
    decltype(&::nbd_aio_is_dead) aioIsDead = nullptr;
    decltype(&::nbd_aio_is_closed) aioIsClosed = nullptr;
    decltype(&::nbd_set_pread_initialize) setPreadInitialize = nullptr;
    decltype(&::nbd_poll) poll = nullptr;
    decltype(&::nbd_get_size) getSize = nullptr;
    decltype(&::nbd_get_block_size) getBlockSize = nullptr;
    decltype(&::nbd_aio_pread) aioPread = nullptr;
    decltype(&::nbd_aio_block_status) aioBlockStatus = nullptr;
    decltype(&::nbd_aio_command_completed) aioCommandCompleted = nullptr;
    decltype(&::nbd_aio_in_flight) aioInFlight = nullptr;

private:
    NbdLibrary() = default;
};

} // namespace AddCow
