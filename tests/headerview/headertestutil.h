// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "format.h"

#include <QAction>
#include <QApplication>
#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QMenu>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <QtEndian>

#include <functional>

/**
 * add-cow headers built byte by byte from the spec (independently of Header::serialize),
 * and files on disk for them.
 */
namespace HeaderTestUtil
{

struct Spec {
    QByteArray imageName = QByteArrayLiteral("disk.raw");
    QByteArray backingName = QByteArrayLiteral("base.img");
    QByteArray imageFormat = QByteArrayLiteral("raw");
    QByteArray backingFormat = QByteArrayLiteral("raw");
    quint64 features = 0;
};

inline void putLe32(QByteArray &bytes, int offset, quint32 value)
{
    qToLittleEndian(value, bytes.data() + offset);
}

inline void putLe64(QByteArray &bytes, int offset, quint64 value)
{
    qToLittleEndian(value, bytes.data() + offset);
}

inline void patch(QByteArray &bytes, int offset, const QByteArray &data)
{
    bytes.replace(offset, data.size(), data);
}

/** One 4096-byte header page (R1): image name at 80, backing name right after it (as R20 writes). */
inline QByteArray buildHeader(const Spec &spec = {})
{
    QByteArray bytes(4096, '\0');
    patch(bytes, 0, QByteArray("ADD_COW\xff", 8)); // R2
    putLe32(bytes, 8, 1); // R3
    const int imageOffset = 80;
    const int backingOffset = imageOffset + int(spec.imageName.size());
    patch(bytes, imageOffset, spec.imageName);
    putLe32(bytes, 20, quint32(imageOffset));
    putLe32(bytes, 24, quint32(spec.imageName.size()));
    if (!spec.backingName.isEmpty()) {
        patch(bytes, backingOffset, spec.backingName);
        putLe32(bytes, 12, quint32(backingOffset));
        putLe32(bytes, 16, quint32(spec.backingName.size()));
    }
    putLe64(bytes, 28, spec.features); // R7
    putLe64(bytes, 36, 0); // R8
    putLe32(bytes, 44, 1); // R4
    patch(bytes, 48, spec.backingFormat.left(16)); // R9
    patch(bytes, 64, spec.imageFormat.left(16));
    return bytes;
}

/**
 * Writes dir/name.add-cow (header + an R11-sized bitmap region whose first bytes are bitmapStart)
 * and an image file of imageSizeBytes named as the header says. @return the .add-cow path
 */
inline QString writeImageSet(const QDir &dir, const QByteArray &header, const QByteArray &imageName, quint64 imageSizeBytes,
                             const QByteArray &bitmapStart = {}, const QString &name = QStringLiteral("test.add-cow"))
{
    const quint64 clusters = AddCow::clusterCountFor(imageSizeBytes);
    QByteArray bitmap(qsizetype(AddCow::bitmapRegionBytesFor(clusters)), '\0');
    bitmap.replace(0, bitmapStart.size(), bitmapStart);
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return QString();
    file.write(header);
    file.write(bitmap);
    file.close();
    QFile image(dir.filePath(QString::fromUtf8(imageName)));
    if (!image.open(QIODevice::WriteOnly | QIODevice::Truncate) || !image.resize(qint64(imageSizeBytes)))
        return QString();
    return path;
}

/**
 * Opens a context menu with open(), which runs it (QMenu::exec), and returns the texts of its
 * enabled actions; triggers the first action whose text contains trigger (ampersands ignored)
 * or just closes the menu when trigger is empty.
 */
inline QStringList runContextMenu(const QString &menuName, const QString &trigger, const std::function<void()> &open)
{
    QStringList enabled;
    QTimer::singleShot(50, [&] {
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        if (!menu || menu->objectName() != menuName)
            return;
        QAction *chosen = nullptr;
        for (QAction *action : menu->actions()) {
            if (action->isSeparator() || !action->isEnabled())
                continue;
            QString text = action->text();
            text.remove(QLatin1Char('&'));
            enabled.append(text);
            if (!chosen && !trigger.isEmpty() && text.contains(trigger))
                chosen = action;
        }
        menu->close();
        if (chosen)
            chosen->trigger();
    });
    open();
    return enabled;
}

} // namespace HeaderTestUtil
