// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "finding.h"
#include "headerfield.h"
#include "headerparser.h"

#include <QByteArray>
#include <QPointer>
#include <QWidget>

#include <optional>

class QMenu;
class QModelIndex;
class QSplitter;
class QTableView;

namespace AddCow
{

class HeaderModel;
class ImageDocument;
class HexView;

/**
 * The header field table (left) beside a hex view of the .add-cow file (right).
 * Selecting a field highlights its bytes in the hex view; the status column and its tooltip
 * say which rules the field breaks. The context menu copies values, bytes and paths.
 */
class HeaderView : public QWidget
{
    Q_OBJECT

public:
    explicit HeaderView(QWidget *parent = nullptr);
    ~HeaderView() override;

    /**
     * Follows document from now on: its header and findings, and the .add-cow file's bytes as
     * bits change. Null stops following (and clears).
     */
    void setDocument(ImageDocument *document);
    /**
     * Shows a header, valid or not.
     * @param headerBytes the first HEADER_SIZE bytes of the .add-cow file (fewer when it is shorter)
     * @param parse parseHeader(headerBytes)
     * @param fileFindings what Image::check found about the files (may repeat parse.findings)
     * @param addCowPath the .add-cow file; the hex view shows it
     */
    void setHeader(const QByteArray &headerBytes, const HeaderParse &parse, const Findings &fileFindings, const QString &addCowPath);
    void clear();
    /** Selects the row of field and highlights its bytes; emits fieldSelected when the row changes. */
    void selectField(AddCow::HeaderField field);
    /** The field of the selected row, if a row is selected. */
    std::optional<HeaderField> selectedField() const;

    HeaderModel *model() const { return m_model; }
    QTableView *tableView() const { return m_table; }
    HexView *hexView() const { return m_hexView; }

Q_SIGNALS:
    /** The user (or selectField) selected the row of field. */
    void fieldSelected(AddCow::HeaderField field);
    /** The row's context menu is about to open: the app may add its own actions (repair, ...). */
    void contextMenuAboutToShow(QMenu *menu, AddCow::HeaderField field);

protected:
    void showEvent(QShowEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void currentRowChanged(const QModelIndex &current);
    void showContextMenu(const QPoint &position);
    /** The file a row is about (R16: resolved), empty for rows about no file. */
    QString filePathFor(HeaderField field) const;
    /** Gives the hex view the width of a whole row (offset, 16 bytes, ASCII), the table the rest. */
    void fitHexViewWidth();
    /** Table beside the bytes when both fit, else the table above the bytes. */
    void updateOrientation();
    int tableWidthNeeded() const;
    void fitRawColumn();

    void showDocument();

    QPointer<ImageDocument> m_document;
    QString m_addCowPath;
    Header m_header;
    HeaderModel *m_model;
    QSplitter *m_splitter;
    QTableView *m_table;
    HexView *m_hexView;
    bool m_splitterFitted = false;
    int m_rawColumnWidth = 0; ///< the raw column's width with room to spare
};

} // namespace AddCow
