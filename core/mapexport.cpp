// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "mapexport.h"

#include <QBuffer>
#include <QIODevice>

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

Result<void> flush(QIODevice &device, QByteArray &pending, const QString &path)
{
    if (pending.isEmpty())
        return {};
    if (device.write(pending) != pending.size()) {
        Error error;
        error.code = ErrorCode::Io;
        error.path = path;
        error.detail = u"cannot write the map: %1"_s.arg(device.errorString());
        return error;
    }
    pending.clear();
    return {};
}

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
    const QList<MapRun> merged = mergedRuns(runs);
    QByteArray pending = preamble(format, merged.isEmpty());
    pending.reserve(FlushThresholdBytes + 256);
    for (qsizetype i = 0; i < merged.size(); ++i) {
        appendRun(pending, merged.at(i), format, i == 0, i + 1 == merged.size());
        if (pending.size() >= FlushThresholdBytes) {
            if (auto flushed = flush(device, pending, path); !flushed)
                return flushed;
        }
    }
    return flush(device, pending, path);
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
