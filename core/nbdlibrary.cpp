// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "nbdlibrary.h"

#include <dlfcn.h>
#include <mutex>
#include <optional>

using namespace Qt::StringLiterals;

namespace AddCow
{

namespace
{

constexpr char LibraryName[] = "libnbd.so.0"; // the SONAME: libnbd keeps its ABI stable

template<typename Function>
bool resolve(void *library, Function &function, const char *name, QString &missing)
{
    function = reinterpret_cast<Function>(::dlsym(library, name));
    if (!function)
        missing = QString::fromLatin1(name);
    return function != nullptr;
}

} // namespace

Result<const NbdLibrary *> NbdLibrary::load()
{
    static std::once_flag once;
    static NbdLibrary *loaded = nullptr;
    static std::optional<Error> failure;
    std::call_once(once, [] {
        // Never unloaded: handles may live until the process ends.
        void *library = ::dlopen(LibraryName, RTLD_NOW | RTLD_LOCAL);
        if (!library) {
            failure = Error::fromCode(QString(), FindingCode::LibnbdMissing,
                                      {FindingArgument::ofText(QString::fromLatin1(LibraryName)), FindingArgument::ofText(QString::fromLocal8Bit(::dlerror())),
                                       FindingArgument::ofText(u"libnbd0"_s)});
            return;
        }
        auto *lib = new NbdLibrary;
        QString missing;
        const bool ok = resolve(library, lib->create, "nbd_create", missing) && resolve(library, lib->close, "nbd_close", missing)
            && resolve(library, lib->getError, "nbd_get_error", missing) && resolve(library, lib->getErrno, "nbd_get_errno", missing)
            && resolve(library, lib->addMetaContext, "nbd_add_meta_context", missing)
            && resolve(library, lib->canMetaContext, "nbd_can_meta_context", missing)
            && resolve(library, lib->aioConnectSocket, "nbd_aio_connect_socket", missing)
            && resolve(library, lib->aioIsReady, "nbd_aio_is_ready", missing) && resolve(library, lib->aioIsDead, "nbd_aio_is_dead", missing)
            && resolve(library, lib->aioIsClosed, "nbd_aio_is_closed", missing) && resolve(library, lib->poll, "nbd_poll", missing)
            && resolve(library, lib->setPreadInitialize, "nbd_set_pread_initialize", missing)
            && resolve(library, lib->getSize, "nbd_get_size", missing) && resolve(library, lib->getBlockSize, "nbd_get_block_size", missing)
            && resolve(library, lib->aioPread, "nbd_aio_pread", missing) && resolve(library, lib->aioBlockStatus, "nbd_aio_block_status", missing)
            && resolve(library, lib->aioCommandCompleted, "nbd_aio_command_completed", missing)
            && resolve(library, lib->aioInFlight, "nbd_aio_in_flight", missing);
        if (!ok) {
            failure = Error::fromCode(QString(), FindingCode::LibnbdTooOld,
                                      {FindingArgument::ofText(QString::fromLatin1(LibraryName)), FindingArgument::ofText(missing)});
            delete lib;
            return;
        }
        loaded = lib;
    });
    if (!loaded)
        return *failure;
    return static_cast<const NbdLibrary *>(loaded);
}

} // namespace AddCow
