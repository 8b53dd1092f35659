// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later

// nbdkit addcow plugin: serves the virtual disk of an add-cow image over NBD.
//
//   nbdkit addcow file=disk.add-cow [readonly=true]
//
// A thin adapter in the manner of nbdkit's file plugin: one Image for the whole server (every
// connection shares it, so a flush covers every connection's writes), opened with the same
// validating open as 'addcow check', written in WriteBack mode (R21): a write is durable after
// the next flush, or at once with FUA. The format logic is the core library's.

#define NBDKIT_API_VERSION 2
#include <nbdkit-plugin.h>

#include "addcow_version.h"
#include "blockstatus.h"
#include "image.h"

#include <QFileInfo>

#include <cerrno>
#include <optional>

using namespace AddCow;
using namespace Qt::StringLiterals;

#define THREAD_MODEL NBDKIT_THREAD_MODEL_PARALLEL

namespace
{

QString s_fileName;
bool s_readOnly = false;
std::optional<Image> s_image;

// An errno for NBD that says what went wrong, and the error's own words in the server log.
int reportError(const Error &error)
{
    nbdkit_error("%s", error.message().toLocal8Bit().constData());
    int errnoValue = EIO;
    switch (error.code) {
    case ErrorCode::Io:
        errnoValue = error.errnoValue != 0 ? error.errnoValue : EIO;
        break;
    case ErrorCode::OutOfRange:
        errnoValue = EINVAL; // R15: nbdkit checks bounds first; this is the image file shrinking
        break;
    case ErrorCode::InvalidArgument:
        errnoValue = EPERM; // a write to an image that is not writable
        break;
    default:
        break;
    }
    nbdkit_set_error(errnoValue);
    return -1;
}

Image::WriteFlags writeFlags(uint32_t flags)
{
    Image::WriteFlags result;
    result.setFlag(Image::Fua, flags & NBDKIT_FLAG_FUA);
    result.setFlag(Image::MayDeallocate, flags & NBDKIT_FLAG_MAY_TRIM);
    return result;
}

int addcowConfig(const char *key, const char *value)
{
    if (qstrcmp(key, "file") == 0) {
        // Absolute now: nbdkit changes to / when it goes into the background.
        s_fileName = QFileInfo(QFile::decodeName(value)).absoluteFilePath();
        return 0;
    }
    if (qstrcmp(key, "readonly") == 0) {
        const int parsed = nbdkit_parse_bool(value);
        if (parsed < 0)
            return -1;
        s_readOnly = parsed == 1;
        return 0;
    }
    nbdkit_error("unknown parameter '%s' (the addcow plugin takes file= and readonly=)", key);
    return -1;
}

int addcowConfigComplete()
{
    if (s_fileName.isEmpty()) {
        nbdkit_error("the .add-cow file to serve is missing: file=disk.add-cow");
        return -1;
    }
    return 0;
}

// Opens before nbdkit listens, so that a bad image stops it with the error 'addcow check'
// names, and the locks are held for the export's whole life.
int addcowGetReady()
{
    Result<Image> opened = Image::open(s_fileName, s_readOnly ? Image::Access::ReadOnly : Image::Access::ReadWrite);
    if (!opened)
        return reportError(opened.error());
    if (s_readOnly) {
        if (Result<void> locked = opened->lockAgainstWriters(); !locked)
            return reportError(locked.error());
    } else if (Result<void> mode = opened->setWriteMode(Image::WriteMode::WriteBack); !mode) {
        return reportError(mode.error());
    }
    s_image.emplace(std::move(opened.value()));
    nbdkit_debug("serving %s: %llu bytes, %s", s_fileName.toLocal8Bit().constData(),
                 static_cast<unsigned long long>(s_image->virtualSizeBytes()), s_readOnly ? "read-only" : "write-back");
    return 0;
}

// Last: everything acknowledged becomes durable, then the files and their locks are released.
void addcowCleanup()
{
    if (!s_image)
        return;
    if (Result<void> flushed = s_image->flush(); !flushed)
        reportError(flushed.error());
    s_image.reset();
}

void *addcowOpen(int)
{
    // All connections share the one Image; nbdkit itself refuses writes on read-only ones.
    return &s_image;
}

void addcowClose(void *)
{
}

int64_t addcowGetSize(void *)
{
    return int64_t(s_image->virtualSizeBytes());
}

int addcowCanWrite(void *)
{
    return s_readOnly ? 0 : 1;
}

int addcowTrue(void *)
{
    return 1;
}

int addcowFalse(void *)
{
    return 0;
}

int addcowCanFua(void *)
{
    return NBDKIT_FUA_NATIVE; // Image::Fua flushes only the clusters of that write
}

int addcowBlockSize(void *, uint32_t *minimum, uint32_t *preferred, uint32_t *maximum)
{
    // Any size works; whole clusters need no copy-on-write fill.
    *minimum = 1;
    *preferred = uint32_t(ClusterSizeBytes);
    *maximum = 0xffffffff;
    return 0;
}

int addcowPread(void *, void *buffer, uint32_t count, uint64_t offset, uint32_t)
{
    if (Result<void> read = s_image->read(offset, static_cast<char *>(buffer), count); !read)
        return reportError(read.error());
    return 0;
}

int addcowPwrite(void *, const void *buffer, uint32_t count, uint64_t offset, uint32_t flags)
{
    const QByteArrayView data(static_cast<const char *>(buffer), qsizetype(count));
    if (Result<ClusterRange> written = s_image->write(offset, data, writeFlags(flags)); !written)
        return reportError(written.error());
    return 0;
}

int addcowZero(void *, uint32_t count, uint64_t offset, uint32_t flags)
{
    if (Result<ClusterRange> zeroed = s_image->writeZeroes(offset, count, writeFlags(flags)); !zeroed)
        return reportError(zeroed.error());
    return 0;
}

int addcowFlush(void *, uint32_t)
{
    if (Result<void> flushed = s_image->flush(); !flushed)
        return reportError(flushed.error());
    return 0;
}

int addcowExtents(void *, uint32_t count, uint64_t offset, uint32_t flags, struct nbdkit_extents *extents)
{
    const qsizetype maxRuns = (flags & NBDKIT_FLAG_REQ_ONE) ? 1 : 1024;
    const Result<QList<BlockStatusRun>> runs = blockStatus(*s_image, offset, count, maxRuns);
    if (!runs)
        return reportError(runs.error());
    for (const BlockStatusRun &run : runs.value()) {
        const uint32_t type = run.zero ? NBDKIT_EXTENT_HOLE | NBDKIT_EXTENT_ZERO : 0;
        if (nbdkit_add_extent(extents, run.offsetBytes, run.lengthBytes, type) == -1)
            return -1;
    }
    return 0;
}

void addcowDumpPlugin()
{
    printf("addcow_version=%s\n", ADDCOW_VERSION_STRING);
}

// Designated initializers: the fields not named stay null, as nbdkit's own plugins leave them.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
struct nbdkit_plugin plugin = {
    .name = "addcow",
    .longname = "nbdkit add-cow plugin (AddCow Studio)",
    .version = ADDCOW_VERSION_STRING,
    .description = "Serves the virtual disk of an add-cow image: copy-on-write over its backing file, "
                   "write-back with flush and FUA, block status from the cluster bitmap.",
    .config = addcowConfig,
    .config_complete = addcowConfigComplete,
    .config_help = "file=<FILENAME>     (required) The .add-cow file to serve.\n"
                   "readonly=true       Serve it read-only: nobody may write it meanwhile.",
    .open = addcowOpen,
    .close = addcowClose,
    .get_size = addcowGetSize,
    .can_write = addcowCanWrite,
    .can_flush = addcowTrue,
    .is_rotational = addcowFalse,
    .can_trim = addcowFalse, // a cluster never goes back to the backing file
    .errno_is_preserved = 0,
    .dump_plugin = addcowDumpPlugin,
    .can_zero = addcowTrue,
    .can_fua = addcowCanFua,
    .pread = addcowPread,
    .pwrite = addcowPwrite,
    .flush = addcowFlush,
    .zero = addcowZero,
    .magic_config_key = "file",
    .can_multi_conn = addcowTrue, // one Image: a flush covers every connection's writes
    .can_extents = addcowTrue,
    .extents = addcowExtents,
    .can_fast_zero = addcowFalse, // zeroing part of a clean cluster reads the backing file
    .get_ready = addcowGetReady,
    .cleanup = addcowCleanup,
    .block_size = addcowBlockSize,
};
#pragma GCC diagnostic pop

} // namespace

NBDKIT_REGISTER_PLUGIN(plugin)
