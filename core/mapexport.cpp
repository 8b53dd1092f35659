// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "mapexport.h"

#include <QBuffer>
#include <QIODevice>

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;

namespace AddCow::MapExport
{

namespace
{

constexpr qsizetype FlushThresholdBytes = 1 << 20;

void appendHex(QByteArray &out, quint64 value, int width)
{
    out += "0x";
    out += QByteArray::number(value, 16).rightJustified(width, '0');
}

void appendRun(QByteArray &out, const MapRun &run, Format format, bool first, bool last)
{
    switch (format) {
    case Format::Json:
        out += first ? "[" : " ";
        out += "{\"start\": ";
        out += QByteArray::number(run.offsetBytes);
        out += ", \"length\": ";
        out += QByteArray::number(run.lengthBytes);
        out += ", \"source\": \"";
        out += dataSourceName(run.source);
        out += last ? "\"}]\n" : "\"},\n";
        break;
    case Format::Csv:
        out += QByteArray::number(run.offsetBytes);
        out += ',';
        out += QByteArray::number(run.lengthBytes);
        out += ',';
        out += dataSourceName(run.source);
        out += '\n';
        break;
    case Format::Human:
        appendHex(out, run.offsetBytes, 12);
        out += "  ";
        appendHex(out, run.lengthBytes, 12);
        out += "  ";
        out += dataSourceName(run.source);
        out += '\n';
        break;
    }
}

QByteArray preamble(Format format, bool empty)
{
    switch (format) {
    case Format::Json:
        return empty ? QByteArrayLiteral("[]\n") : QByteArray();
    case Format::Csv:
        return QByteArrayLiteral("start,length,source\n");
    case Format::Human:
        return QByteArrayLiteral("Offset          Length          Source\n");
    }
    return {};
}

// Clusters per window of the image walk: 4 GiB of virtual disk, at most about 65536 runs.
constexpr quint64 WindowClusters = quint64(1) << 16;

// Formats runs as they come: adjacent runs of one source merged, empty runs dropped. Holds the
// last run (the next may extend it) and at most about FlushThresholdBytes of text.
class Writer
{
public:
    Writer(QIODevice &device, Format format, const QString &path)
        : m_device(device)
        , m_format(format)
        , m_path(path)
    {
        m_pending.reserve(FlushThresholdBytes + 256);
    }

    Result<void> add(const MapRun &run)
    {
        if (run.lengthBytes == 0)
            return {};
        if (m_held && m_held->source == run.source && m_held->offsetBytes + m_held->lengthBytes == run.offsetBytes) {
            m_held->lengthBytes += run.lengthBytes;
            return {};
        }
        if (m_held) {
            if (Result<void> put = this->put(*m_held, false); !put)
                return put;
        }
        m_held = run;
        return {};
    }

    // The held run, then the closing text. Once, after the last add().
    Result<void> finish()
    {
        if (m_held) {
            if (Result<void> put = this->put(*m_held, true); !put)
                return put;
            m_held.reset();
        } else if (m_runsWritten == 0) {
            m_pending += preamble(m_format, true);
        }
        return flush();
    }

    quint64 runsWritten() const { return m_runsWritten; }

private:
    Result<void> put(const MapRun &run, bool last)
    {
        if (m_runsWritten == 0)
            m_pending += preamble(m_format, false);
        appendRun(m_pending, run, m_format, m_runsWritten == 0, last);
        ++m_runsWritten;
        if (m_pending.size() >= FlushThresholdBytes)
            return flush();
        return {};
    }

    Result<void> flush()
    {
        if (m_pending.isEmpty())
            return {};
        if (m_device.write(m_pending) != m_pending.size())
            return Error::make(ErrorCode::Io, m_path, u"cannot write the map: %1"_s.arg(m_device.errorString()));
        m_pending.clear();
        return {};
    }

    QIODevice &m_device;
    const Format m_format;
    const QString &m_path;
    QByteArray m_pending;
    std::optional<MapRun> m_held;
    quint64 m_runsWritten = 0;
};

} // namespace

QList<MapRun> mergedRuns(const QList<MapRun> &runs)
{
    QList<MapRun> merged;
    merged.reserve(runs.size());
    for (const MapRun &run : runs) {
        if (run.lengthBytes == 0)
            continue;
        if (!merged.isEmpty() && merged.last().source == run.source
            && merged.last().offsetBytes + merged.last().lengthBytes == run.offsetBytes) {
            merged.last().lengthBytes += run.lengthBytes;
            continue;
        }
        merged.append(run);
    }
    return merged;
}

bool coversExactly(const QList<MapRun> &runs, quint64 virtualSizeBytes)
{
    quint64 next = 0;
    for (const MapRun &run : runs) {
        if (run.offsetBytes != next || run.lengthBytes == 0)
            return false;
        next += run.lengthBytes;
    }
    return next == virtualSizeBytes;
}

Result<void> write(QIODevice &device, const QList<MapRun> &runs, Format format, const QString &path)
{
    Writer writer(device, format, path);
    for (const MapRun &run : runs) {
        if (Result<void> added = writer.add(run); !added)
            return added;
    }
    return writer.finish();
}

Result<quint64> write(QIODevice &device, const Image &image, Format format, const QString &path, const Progress &progress)
{
    Writer writer(device, format, path);
    const quint64 total = image.virtualSizeBytes();
    constexpr quint64 WindowBytes = WindowClusters * ClusterSizeBytes;
    for (quint64 position = 0; position < total;) {
        if (progress && !progress(position, total))
            return Error::make(ErrorCode::Cancelled, path, u"cancelled"_s);
        const quint64 length = std::min(WindowBytes, total - position);
        for (const MapRun &run : image.map(position, length)) {
            if (Result<void> added = writer.add(run); !added)
                return added.error();
        }
        position += length;
    }
    if (Result<void> finished = writer.finish(); !finished)
        return finished.error();
    if (progress)
        progress(total, total);
    return writer.runsWritten();
}

QByteArray toBytes(const QList<MapRun> &runs, Format format)
{
    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    // Writing to a QBuffer cannot fail.
    (void)write(buffer, runs, format);
    return out;
}

const char *formatName(Format format)
{
    switch (format) {
    case Format::Json:
        return "json";
    case Format::Csv:
        return "csv";
    case Format::Human:
        return "human";
    }
    return "";
}

} // namespace AddCow::MapExport
