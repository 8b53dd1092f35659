// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "hexbookmarksmodel.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QSettings>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace AddCow
{

HexBookmarksModel::HexBookmarksModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

QString HexBookmarksModel::settingsGroup(const QString &path)
{
    // A hash: QSettings groups cannot hold every character a path can.
    const QString absolute = QFileInfo(path).absoluteFilePath();
    return u"HexBookmarks/"_s + QString::fromLatin1(QCryptographicHash::hash(QFile::encodeName(absolute), QCryptographicHash::Sha1).toHex());
}

void HexBookmarksModel::setImagePath(const QString &path)
{
    beginResetModel();
    m_path = path;
    load();
    endResetModel();
}

void HexBookmarksModel::load()
{
    m_bookmarks.clear();
    if (m_path.isEmpty())
        return;
    QSettings settings;
    settings.beginGroup(settingsGroup(m_path));
    const int count = settings.beginReadArray(u"bookmarks"_s);
    for (int i = 0; i < count; ++i) {
        settings.setArrayIndex(i);
        HexBookmark bookmark;
        bookmark.offsetBytes = settings.value(u"offset"_s).toULongLong();
        bookmark.lengthBytes = std::max<quint64>(1, settings.value(u"length"_s, 1).toULongLong());
        bookmark.name = settings.value(u"name"_s).toString();
        m_bookmarks.append(bookmark);
    }
    settings.endArray();
    std::stable_sort(m_bookmarks.begin(), m_bookmarks.end(), [](const HexBookmark &a, const HexBookmark &b) {
        return a.offsetBytes < b.offsetBytes;
    });
}

void HexBookmarksModel::save() const
{
    if (m_path.isEmpty())
        return;
    QSettings settings;
    const QString group = settingsGroup(m_path);
    settings.remove(group);
    if (m_bookmarks.isEmpty())
        return;
    settings.beginGroup(group);
    settings.setValue(u"path"_s, QFileInfo(m_path).absoluteFilePath()); // for whoever reads the settings file
    settings.beginWriteArray(u"bookmarks"_s, int(m_bookmarks.size()));
    for (int i = 0; i < m_bookmarks.size(); ++i) {
        settings.setArrayIndex(i);
        settings.setValue(u"offset"_s, m_bookmarks.at(i).offsetBytes);
        settings.setValue(u"length"_s, m_bookmarks.at(i).lengthBytes);
        settings.setValue(u"name"_s, m_bookmarks.at(i).name);
    }
    settings.endArray();
}

int HexBookmarksModel::add(quint64 offsetBytes, quint64 lengthBytes, const QString &name)
{
    HexBookmark bookmark{offsetBytes, std::max<quint64>(lengthBytes, 1), name};
    if (bookmark.name.isEmpty())
        bookmark.name = tr("Bookmark at 0x%1").arg(offsetBytes, 0, 16);
    const auto position = std::upper_bound(m_bookmarks.cbegin(), m_bookmarks.cend(), offsetBytes, [](quint64 offset, const HexBookmark &other) {
        return offset < other.offsetBytes;
    });
    const int row = int(position - m_bookmarks.cbegin());
    beginInsertRows({}, row, row);
    m_bookmarks.insert(row, bookmark);
    endInsertRows();
    save();
    return row;
}

void HexBookmarksModel::remove(int row)
{
    if (row < 0 || row >= m_bookmarks.size())
        return;
    beginRemoveRows({}, row, row);
    m_bookmarks.removeAt(row);
    endRemoveRows();
    save();
}

int HexBookmarksModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_bookmarks.size());
}

int HexBookmarksModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HexBookmarksModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_bookmarks.size())
        return {};
    const HexBookmark &bookmark = m_bookmarks.at(index.row());
    if (role == Qt::DisplayRole || role == Qt::EditRole) {
        switch (index.column()) {
        case NameColumn:
            return bookmark.name;
        case OffsetColumn:
            return QString(u"0x"_s + QString::number(bookmark.offsetBytes, 16));
        case LengthColumn:
            return QLocale().toString(qulonglong(bookmark.lengthBytes));
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() != NameColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == NameColumn)
        return tr("Double-click to go there; F2 renames");
    return {};
}

bool HexBookmarksModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || index.column() != NameColumn || role != Qt::EditRole)
        return false;
    const QString name = value.toString().trimmed();
    if (name.isEmpty() || name == m_bookmarks.at(index.row()).name)
        return false;
    m_bookmarks[index.row()].name = name;
    Q_EMIT dataChanged(index, index);
    save();
    return true;
}

Qt::ItemFlags HexBookmarksModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags result = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == NameColumn)
        result |= Qt::ItemIsEditable;
    return result;
}

QVariant HexBookmarksModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case OffsetColumn:
        return tr("Offset");
    case LengthColumn:
        return tr("Bytes");
    default:
        return {};
    }
}

} // namespace AddCow
