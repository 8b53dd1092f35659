// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "nbdbackingreader.h"

#include "nbdlibrary.h"
#include "nbdserverprocess.h"
#include "qemuimg.h"
#include "qemuprogram.h"

#include <QDeadlineTimer>
#include <QMutex>

#include <cerrno>
#include <cstring>
#include <optional>

using namespace Qt::StringLiterals;

namespace AddCow
{

namespace
{

constexpr char AllocationContext[] = "base:allocation";
// Reads go out as requests of RequestBytes, at most RequestsInFlight at once, so qemu-nbd works
// on the next while the last one's data is still on its way.
constexpr quint64 RequestBytes = 2 * 1024 * 1024;
constexpr int RequestsInFlight = 8;
// NBD lengths are 32-bit; block status asks for at most this much at a time.
constexpr quint64 StatusRequestBytes = quint64(1) << 30;

Error readerError(ErrorCode code, const QString &path, const QString &detail)
{
    Error error;
    error.code = code;
    error.path = path;
    error.rule = 9;
    error.detail = detail;
    return error;
}

// libnbd's message without the name of the call: "nbd_poll: recv: ..." -> "recv: ...".
QString libnbdMessage(const NbdLibrary &lib)
{
    QString message = QString::fromUtf8(lib.getError() ? lib.getError() : "unknown libnbd error");
    if (message.startsWith(u"nbd_")) {
        const qsizetype colon = message.indexOf(u": "_s);
        if (colon > 0)
            message = message.mid(colon + 2);
    }
    return message;
}

} // namespace

struct NbdBackingReader::Private {
    ~Private()
    {
        // Closing our end makes qemu-nbd exit; server's destructor then makes sure it has.
        if (handle)
            lib->close(handle);
    }

    const NbdLibrary *lib = nullptr;
    nbd_handle *handle = nullptr;
    std::unique_ptr<NbdServerProcess> server;
    QString path;
    int timeoutMs = DefaultTimeoutMs;
    bool knowsZeros = false;
    quint64 requestBytes = RequestBytes; // a multiple of minimumBytes
    quint64 minimumBytes = 1;           // the server's minimum block size: requests are aligned to it

    QMutex mutex; // one request at a time on the handle; libnbd has no threads of its own
    std::optional<Error> broken; // set once the connection failed: every later request fails alike

    enum class Wait { Done, Failed, TimedOut };

    // Runs the connection until cookie completes, for at most timeoutMs.
    Wait waitFor(int64_t cookie)
    {
        const QDeadlineTimer deadline(timeoutMs);
        for (;;) {
            const int completed = lib->aioCommandCompleted(handle, cookie);
            if (completed == 1)
                return Wait::Done;
            if (completed == -1)
                return Wait::Failed;
            if (deadline.hasExpired())
                return Wait::TimedOut;
            const int polled = lib->poll(handle, int(std::max<qint64>(1, deadline.remainingTime())));
            if (polled == -1 && errno != EINTR)
                return Wait::Failed;
        }
    }

    // Reads [offsetBytes, +lengthBytes) of the disk, aligned to minimumBytes (or ending at the
    // disk's end), as requests of requestBytes with several in flight. Needs mutex.
    Result<void> readAligned(quint64 offsetBytes, char *buffer, quint64 lengthBytes, const QString &what)
    {
        int64_t cookies[RequestsInFlight];
        int first = 0;
        int inFlight = 0;
        quint64 issued = 0;
        std::optional<Error> error;
        while (issued < lengthBytes || inFlight > 0) {
            while (!error && issued < lengthBytes && inFlight < RequestsInFlight) {
                const quint64 length = std::min(requestBytes, lengthBytes - issued);
                const int64_t cookie = lib->aioPread(handle, buffer + issued, length, offsetBytes + issued, NBD_NULL_COMPLETION, 0);
                if (cookie == -1) {
                    error = failure(what);
                    break;
                }
                cookies[(first + inFlight) % RequestsInFlight] = cookie;
                ++inFlight;
                issued += length;
            }
            if (inFlight == 0)
                break;
            // After a failure the requests still out are waited for: they write into buffer.
            const Wait wait = waitFor(cookies[first]);
            if (wait == Wait::TimedOut)
                return timedOut(what);
            if (wait == Wait::Failed && !error)
                error = failure(what);
            first = (first + 1) % RequestsInFlight;
            --inFlight;
            if (broken)
                return *broken;
        }
        if (error)
            return *error;
        return {};
    }

    bool isDead() const { return lib->aioIsDead(handle) == 1 || lib->aioIsClosed(handle) == 1; }

    // Why the server is gone, when it is: how it ended and its last message.
    QString serverState()
    {
        if (!server->hasExited())
            return {};
        QString state = u"qemu-nbd "_s + server->exitDescription();
        const QString message = QemuProgram::messageFrom(server->errorOutput(), u"qemu-nbd"_s);
        if (!message.isEmpty())
            state += u": "_s + message;
        return state;
    }

    // An error for what failed, right after the failing libnbd call (its message is per thread).
    Error failure(const QString &what)
    {
        QString detail = what + u" through qemu-nbd: "_s + libnbdMessage(*lib);
        if (isDead()) {
            if (!server->waitForExit(200))
                server->kill();
            const QString state = serverState();
            if (!state.isEmpty())
                detail += u"; "_s + state;
        }
        Error error = readerError(ErrorCode::Io, path, detail);
        if (isDead())
            broken = error;
        return error;
    }

    // The request did not finish in time: qemu-nbd hangs. It is killed, and the handle is never
    // used again (libnbd only touches our buffers inside our own calls on it).
    Error timedOut(const QString &what)
    {
        server->kill();
        broken = readerError(ErrorCode::Io, path, u"%1: qemu-nbd did not answer within %2 s and was stopped"_s.arg(what).arg(timeoutMs / 1000.0));
        return *broken;
    }
};

NbdBackingReader::NbdBackingReader(const QString &path, const QByteArray &format, quint64 sizeBytes, std::unique_ptr<Private> d)
    : BackingReader(path, format, sizeBytes)
    , d(std::move(d))
{
}

NbdBackingReader::~NbdBackingReader() = default;

Result<std::unique_ptr<NbdBackingReader>> NbdBackingReader::open(const QString &path, const QByteArray &format, int timeoutMs)
{
    if (format.isEmpty())
        return readerError(ErrorCode::UnsupportedFormat, path, u"no backing format given"_s);
    const Result<const NbdLibrary *> lib = NbdLibrary::load();
    if (!lib)
        return lib.error();
    const Result<QString> program = QemuProgram::find(u"qemu-nbd"_s);
    if (!program)
        return program.error();
    const QString openedName = QemuImg::openName(path, format);
    Result<std::unique_ptr<NbdServerProcess>> started = NbdServerProcess::start(program.value(), openedName);
    if (!started) {
        Error error = started.error();
        error.path = path;
        return error;
    }

    auto d = std::make_unique<Private>();
    d->lib = lib.value();
    d->server = std::move(started).value();
    d->path = path;
    d->timeoutMs = timeoutMs;
    d->handle = d->lib->create();
    if (!d->handle)
        return readerError(ErrorCode::Io, path, u"cannot create an NBD handle: "_s + libnbdMessage(*d->lib));
    d->lib->addMetaContext(d->handle, AllocationContext);
    // libnbd clears every read buffer before it is filled, against leaking old memory when a
    // caller uses the buffer of a failed read. read() fails then, and no caller looks at the
    // buffer: the clearing cost commit a write of every byte it copies.
    d->lib->setPreadInitialize(d->handle, false);

    // The handshake, bounded: qemu-nbd opens the file first and exits when it cannot.
    bool ready = d->lib->aioConnectSocket(d->handle, d->server->takeClientSocket()) == 0;
    const QDeadlineTimer deadline(timeoutMs);
    while (ready && d->lib->aioIsReady(d->handle) != 1) {
        if (d->isDead() || deadline.hasExpired()) {
            ready = false;
            break;
        }
        if (d->lib->poll(d->handle, int(std::max<qint64>(1, deadline.remainingTime()))) == -1 && errno != EINTR)
            ready = false;
    }
    if (!ready) {
        const QString connectMessage = libnbdMessage(*d->lib);
        // A server that cannot open the file exits right after it closed the connection.
        if (!deadline.hasExpired())
            d->server->waitForExit(2000);
        if (!d->server->hasExited()) {
            d->server->stop(500);
            if (!deadline.hasExpired())
                return readerError(ErrorCode::Io, path, u"cannot connect to qemu-nbd: "_s + connectMessage);
            return readerError(ErrorCode::Io, path, u"qemu-nbd did not open the backing file within %1 s"_s.arg(timeoutMs / 1000.0));
        }
        // qemu-img says why in the words create and check use: unknown format, encrypted layer.
        const QString message = QemuProgram::messageFrom(d->server->errorOutput(), u"qemu-nbd"_s, openedName);
        const Result<QList<BackingLayer>> readable = QemuImg::readableChain(path, format);
        if (!readable && readable.error().code == ErrorCode::UnsupportedFormat)
            return readable.error();
        if (message.isEmpty())
            return readerError(ErrorCode::QemuError, path, u"qemu-nbd %1"_s.arg(d->server->exitDescription()));
        return Error::fromCode(path, FindingCode::QemuCannotReadAs, {FindingArgument::ofFormat(format), FindingArgument::ofText(message)},
                               HeaderField::BackingFormat);
    }

    const int64_t size = d->lib->getSize(d->handle);
    if (size < 0)
        return readerError(ErrorCode::Io, path, u"qemu-nbd reports no size: "_s + libnbdMessage(*d->lib));
    d->knowsZeros = d->lib->canMetaContext(d->handle, AllocationContext) == 1;
    const int64_t minimum = d->lib->getBlockSize(d->handle, LIBNBD_SIZE_MINIMUM);
    if (minimum > 0)
        d->minimumBytes = quint64(minimum);
    const int64_t maximum = d->lib->getBlockSize(d->handle, LIBNBD_SIZE_MAXIMUM);
    if (maximum > 0)
        d->requestBytes = std::min(RequestBytes, quint64(maximum));
    d->requestBytes = std::max(d->minimumBytes, d->requestBytes / d->minimumBytes * d->minimumBytes);
    return std::unique_ptr<NbdBackingReader>(new NbdBackingReader(path, format, quint64(size), std::move(d)));
}

Result<void> NbdBackingReader::read(quint64 offsetBytes, char *buffer, quint64 lengthBytes) const
{
    const quint64 size = sizeBytes();
    const quint64 inDisk = offsetBytes < size ? std::min(lengthBytes, size - offsetBytes) : 0;
    std::memset(buffer + inDisk, 0, lengthBytes - inDisk); // R13: zeros past the backing disk's end
    if (inDisk == 0)
        return {};
    const QString what = u"cannot read bytes %1-%2 of the backing disk"_s.arg(offsetBytes).arg(offsetBytes + inDisk - 1);

    QMutexLocker locker(&d->mutex);
    if (d->broken)
        return *d->broken;
    // The server may only take requests aligned to its minimum block size (vhdx: 512 bytes):
    // a partly covered block at either end goes through a bounce buffer.
    const quint64 block = d->minimumBytes;
    const quint64 end = offsetBytes + inDisk;
    const quint64 headEnd = std::min(end, (offsetBytes + block - 1) / block * block);
    const quint64 tailStart = std::max(headEnd, end / block * block);
    QByteArray bounce;
    auto partial = [&](quint64 from, quint64 to) -> Result<void> {
        const quint64 blockStart = from / block * block;
        const quint64 blockLength = std::min(block, size - blockStart);
        bounce.resize(qsizetype(blockLength));
        if (Result<void> r = d->readAligned(blockStart, bounce.data(), blockLength, what); !r)
            return r;
        std::memcpy(buffer + (from - offsetBytes), bounce.constData() + (from - blockStart), to - from);
        return {};
    };
    if (headEnd > offsetBytes) {
        if (Result<void> r = partial(offsetBytes, headEnd); !r)
            return r;
    }
    if (tailStart > headEnd) {
        if (Result<void> r = d->readAligned(headEnd, buffer + (headEnd - offsetBytes), tailStart - headEnd, what); !r)
            return r;
    }
    if (end > tailStart) {
        if (Result<void> r = partial(tailStart, end); !r)
            return r;
    }
    return {};
}

bool NbdBackingReader::knowsZeros() const
{
    return d->knowsZeros;
}

Result<QList<BackingExtent>> NbdBackingReader::extents(quint64 offsetBytes, quint64 lengthBytes) const
{
    QList<BackingExtent> extents;
    const quint64 size = sizeBytes();
    if (offsetBytes >= size || lengthBytes == 0)
        return extents;
    const quint64 end = offsetBytes + std::min(lengthBytes, size - offsetBytes);
    if (!d->knowsZeros) {
        extents.append({offsetBytes, end - offsetBytes, false});
        return extents;
    }

    QMutexLocker locker(&d->mutex);
    if (d->broken)
        return *d->broken;
    struct Collector {
        QList<BackingExtent> *extents;
        quint64 start;   // of what was asked: the request may begin earlier, aligned
        quint64 end;
        quint64 reached; // where the reply got to
    };
    const nbd_extent_callback callback{
        [](void *data, const char *context, uint64_t offset, uint32_t *entries, size_t count, int *) -> int {
            auto *collector = static_cast<Collector *>(data);
            if (std::strcmp(context, AllocationContext) != 0)
                return 0;
            quint64 position = offset;
            for (size_t i = 0; i + 1 < count && position < collector->end; i += 2) {
                const quint64 extentEnd = std::min<quint64>(position + entries[i], collector->end);
                if (extentEnd <= collector->start) {
                    position = extentEnd;
                    continue;
                }
                position = std::max(position, collector->start);
                const quint64 length = extentEnd - position;
                const bool zero = entries[i + 1] & LIBNBD_STATE_ZERO;
                if (!collector->extents->isEmpty() && collector->extents->last().zero == zero
                    && collector->extents->last().offsetBytes + collector->extents->last().lengthBytes == position)
                    collector->extents->last().lengthBytes += length;
                else
                    collector->extents->append({position, length, zero});
                position += length;
            }
            collector->reached = std::max(collector->reached, position);
            return 0;
        },
        nullptr, nullptr};

    for (quint64 position = offsetBytes; position < end;) {
        const QString what = u"cannot get the block status of bytes %1-%2 of the backing disk"_s.arg(position).arg(end - 1);
        Collector collector{&extents, position, end, position};
        nbd_extent_callback call = callback;
        call.user_data = &collector;
        const quint64 block = d->minimumBytes;
        const quint64 alignedStart = position / block * block;
        const quint64 alignedEnd = std::min(size, (std::min(end, alignedStart + StatusRequestBytes) + block - 1) / block * block);
        const int64_t cookie = d->lib->aioBlockStatus(d->handle, alignedEnd - alignedStart, alignedStart, call, NBD_NULL_COMPLETION, 0);
        if (cookie == -1)
            return d->failure(what);
        const Private::Wait wait = d->waitFor(cookie);
        if (wait == Private::Wait::TimedOut)
            return d->timedOut(what);
        if (wait == Private::Wait::Failed)
            return d->failure(what);
        if (collector.reached <= position)
            return readerError(ErrorCode::Io, d->path, what + u": qemu-nbd described no bytes"_s);
        position = collector.reached;
    }
    return extents;
}

qint64 NbdBackingReader::serverPid() const
{
    return d->server->pid();
}

} // namespace AddCow
