// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QString>

namespace AddCow
{

/** A named place in the hex views: offset and length of the bytes, the same in all three. */
struct HexBookmark {
    quint64 offsetBytes = 0;
    quint64 lengthBytes = 1;
    QString name;
    bool operator==(const HexBookmark &) const = default;
};

/**
 * The bookmarks of one image, in offset order, kept in QSettings under the .add-cow file's path
 * so each image has its own and they come back when it is opened again. Every change is saved
 * at once. The name column is editable.
 */
class HexBookmarksModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, OffsetColumn, LengthColumn, ColumnCount };

    explicit HexBookmarksModel(QObject *parent = nullptr);

    /** Shows the bookmarks saved for the .add-cow file at path (empty: none, nothing is saved). */
    void setImagePath(const QString &path);
    QString imagePath() const { return m_path; }

    /** Adds a bookmark (a default name when name is empty) and returns its row. */
    int add(quint64 offsetBytes, quint64 lengthBytes, const QString &name = QString());
    void remove(int row);
    const HexBookmark &bookmark(int row) const { return m_bookmarks.at(row); }
    const QList<HexBookmark> &bookmarks() const { return m_bookmarks; }

    /** Where the bookmarks of the image at path live in QSettings. */
    static QString settingsGroup(const QString &path);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void load();
    void save() const;

    QString m_path;
    QList<HexBookmark> m_bookmarks;
};

} // namespace AddCow
