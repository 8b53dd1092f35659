// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "finding.h"
#include "headerfield.h"
#include "headerparser.h"

#include <QAbstractTableModel>
#include <QByteArray>
#include <QList>
#include <QString>

#include <vector>

namespace AddCow
{

/**
 * The add-cow header as a table: one row per field (fixed fields, the two names, the name
 * area, the bitmap region, then the three files), with byte range, raw bytes, decoded value
 * and a status built from the findings that point at the row.
 * It shows a corrupt header as far as it can be decoded.
 */
class HeaderModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        RangeColumn,  ///< "12-15", empty for rows without bytes in the header
        NameColumn,   ///< translated field name
        RawColumn,    ///< raw bytes in hex
        ValueColumn,  ///< decoded value
        StatusColumn, ///< valid / warning / error, with icon; tooltip lists the findings
        ColumnCount
    };

    enum Role {
        FieldRole = Qt::UserRole + 1, ///< int(HeaderField)
        OffsetRole,                   ///< quint64, first byte of the row in the .add-cow file
        LengthRole,                   ///< quint64 bytes; 0 when the row has no bytes in the file
        StatusRole,                   ///< int(Status)
        RulesRole,                    ///< QList<int>, rules of the findings on the row
        FocusOffsetRole,              ///< quint64, the most interesting byte (first bad one)
    };

    enum class Status {
        Valid,
        Warning,
        Error,
    };
    Q_ENUM(Status)

    explicit HeaderModel(QObject *parent = nullptr);
    ~HeaderModel() override;

    /**
     * Shows a header.
     * @param headerBytes the first bytes of the .add-cow file (HEADER_SIZE of them when available)
     * @param parse parseHeader(headerBytes)
     * @param fileFindings findings about the files (Image::check); duplicates of parse.findings are dropped
     * @param addCowPath the .add-cow file, used to resolve names (R16) and to size the bitmap (R11)
     */
    void setHeader(const QByteArray &headerBytes, const HeaderParse &parse, const Findings &fileFindings,
                   const QString &addCowPath);
    void clear();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /** The row that shows field, -1 when nothing is shown. */
    int rowForField(HeaderField field) const;
    HeaderField fieldForRow(int row) const;
    Status status(int row) const;
    /** Findings on the row, parse findings first. */
    Findings findings(int row) const;
    /** Bytes of the .add-cow file the row covers; length 0 when it covers none. */
    quint64 offsetBytes(int row) const;
    quint64 lengthBytes(int row) const;
    /** All findings shown (parse and file findings, without duplicates). */
    Findings allFindings() const;

    static QString statusDisplayName(Status status);

private:
    struct Row;
    std::vector<Row> m_rows;
    Findings m_findings;
};

} // namespace AddCow
