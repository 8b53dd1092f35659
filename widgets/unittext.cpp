// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "unittext.h"

#include <QCoreApplication>
#include <QLocale>

namespace AddCow
{

QString durationText(qint64 seconds)
{
    seconds = std::max<qint64>(seconds, 0);
    const qint64 hours = seconds / 3600;
    const qint64 minutes = (seconds / 60) % 60;
    if (hours > 0)
        return QCoreApplication::translate("UnitText", "%1 h %2 min").arg(hours).arg(minutes);
    if (minutes > 0)
        return QCoreApplication::translate("UnitText", "%1 min %2 s").arg(minutes).arg(seconds % 60);
    return QCoreApplication::translate("UnitText", "%1 s").arg(seconds);
}

QString dataSizeText(quint64 bytes)
{
    if (bytes < 1024)
        return QCoreApplication::translate("UnitText", "%n byte(s)", nullptr, int(bytes));
    return QLocale().formattedDataSize(qint64(bytes));
}

} // namespace AddCow
