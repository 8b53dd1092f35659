// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "headermodel.h"
#include "headerparser.h"
#include "headertestutil.h"
#include "headerview.h"
#include "hexdatasource.h"
#include "hexview.h"

#include <QApplication>
#include <QClipboard>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace AddCow;
using namespace HeaderTestUtil;
using namespace Qt::StringLiterals;

class HeaderViewTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    QByteArray m_header;

private Q_SLOTS:
    void contextMenuCopiesValuesAndPaths();
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_header = buildHeader();
        patch(m_header, 500, QByteArray("\x5a")); // R10: one stray byte in the name area
        m_path = writeImageSet(QDir(m_dir.path()), m_header, "disk.raw", 3 * 65536 + 1);
        QVERIFY(!m_path.isEmpty());
    }

    void clickingARowSelectsTheField_data()
    {
        QTest::addColumn<HeaderField>("field");
        QTest::addColumn<quint64>("offset");
        QTest::addColumn<quint64>("length");
        QTest::newRow("R2 magic") << HeaderField::Magic << quint64(0) << quint64(8);
        QTest::newRow("R4 header pages size") << HeaderField::HeaderPagesSize << quint64(44) << quint64(4);
        QTest::newRow("R5 backing file name") << HeaderField::BackingFileName << quint64(88) << quint64(8);
        QTest::newRow("R9 image format") << HeaderField::ImageFormat << quint64(64) << quint64(16);
        QTest::newRow("R10 name area") << HeaderField::NameArea << quint64(80) << quint64(4016);
        QTest::newRow("R11 bitmap") << HeaderField::Bitmap << quint64(4096) << quint64(65536);
    }

    void clickingARowSelectsTheField()
    {
        QFETCH(HeaderField, field);
        QFETCH(quint64, offset);
        QFETCH(quint64, length);

        HeaderView view;
        view.resize(1000, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setHeader(m_header, parseHeader(m_header, m_path), {}, m_path);
        QSignalSpy spy(&view, &HeaderView::fieldSelected);

        QTableView *table = view.tableView();
        const QModelIndex index = view.model()->index(view.model()->rowForField(field), HeaderModel::NameColumn);
        table->scrollTo(index);
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(index).center());

        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.at(0).at(0).value<HeaderField>(), field);
        QCOMPARE(view.selectedField(), std::optional<HeaderField>(field));
        QCOMPARE(view.hexView()->highlightedOffset(), offset);
        QCOMPARE(view.hexView()->highlightedLength(), length);
    }

    void selectFieldHighlightsAndShowsTheFirstBadByte()
    {
        HeaderView view;
        view.resize(1000, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setHeader(m_header, parseHeader(m_header, m_path), {}, m_path);
        QVERIFY(view.hexView()->dataSource());
        QCOMPARE(view.hexView()->dataSource()->sizeBytes(), quint64(4096 + 65536));

        QSignalSpy spy(&view, &HeaderView::fieldSelected);
        view.selectField(HeaderField::NameArea);
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.at(0).at(0).value<HeaderField>(), HeaderField::NameArea);
        QCOMPARE(view.hexView()->highlightedOffset(), 80u);
        QCOMPARE(view.hexView()->highlightedLength(), 4016u);
        // R10: the view goes to the stray byte, not to the start of the area.
        QCOMPARE(view.hexView()->cursorOffset(), 500u);
        QCOMPARE(view.model()->status(view.model()->rowForField(HeaderField::NameArea)), HeaderModel::Status::Warning);

        // Selecting the same field again changes nothing.
        view.selectField(HeaderField::NameArea);
        QCOMPARE(spy.size(), 1);

        view.selectField(HeaderField::Version);
        QCOMPARE(spy.size(), 2);
        QCOMPARE(view.hexView()->highlightedOffset(), 8u);
        QCOMPARE(view.hexView()->highlightedLength(), 4u);

        // A file row has no bytes in the .add-cow file: no highlight.
        view.selectField(HeaderField::ImageFile);
        QCOMPARE(spy.size(), 3);
        QCOMPARE(view.hexView()->highlightedLength(), 0u);
    }

    void keyboardMovesTheSelection()
    {
        HeaderView view;
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setHeader(m_header, parseHeader(m_header, m_path), {}, m_path);
        view.selectField(HeaderField::Magic);
        QSignalSpy spy(&view, &HeaderView::fieldSelected);
        view.tableView()->setFocus();
        QTest::keyClick(view.tableView(), Qt::Key_Down);
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.at(0).at(0).value<HeaderField>(), HeaderField::Version);
        QCOMPARE(view.hexView()->highlightedOffset(), 8u);
    }

    void narrowViewPutsTheBytesBelowTheTable()
    {
        HeaderView view;
        view.resize(600, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setHeader(m_header, parseHeader(m_header, m_path), {}, m_path);
        QTableView *table = view.tableView();
        HexView *hex = view.hexView();
        // Narrow (a dock): table above the bytes, each the full width, the decoded value readable.
        QTRY_VERIFY(hex->mapTo(&view, QPoint(0, 0)).y() >= table->mapTo(&view, QPoint(0, 0)).y() + table->height());
        QCOMPARE(table->width(), view.width());
        QVERIFY(table->columnWidth(HeaderModel::ValueColumn) >= table->fontMetrics().averageCharWidth() * 15);
        int columnsWidth = 0;
        for (int column = 0; column < HeaderModel::ColumnCount; ++column)
            columnsWidth += table->columnWidth(column);
        QVERIFY(columnsWidth <= table->viewport()->width()); // no column cut off at the right

        // Wide: side by side again, the bytes with all 16 columns and ASCII.
        view.resize(2000, 700);
        QTRY_VERIFY(hex->mapTo(&view, QPoint(0, 0)).x() >= table->width());
        QVERIFY(hex->viewport()->width() >= hex->hexLayout().totalWidth());
    }

    void clearForgetsTheFile()
    {
        HeaderView view;
        view.setHeader(m_header, parseHeader(m_header, m_path), {}, m_path);
        view.selectField(HeaderField::Features);
        view.clear();
        QCOMPARE(view.model()->rowCount(), 0);
        QVERIFY(!view.hexView()->dataSource());
        QCOMPARE(view.hexView()->highlightedLength(), 0u);
        QVERIFY(!view.selectedField());
    }
};

// Issue 14 item 8: copy a value, the raw bytes, a path; open the folder of a file the header names.
void HeaderViewTest::contextMenuCopiesValuesAndPaths()
{
    HeaderView view;
    view.resize(1000, 700);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setHeader(m_header, parseHeader(m_header, m_path), {}, m_path);
    QTableView *table = view.tableView();
    auto openAt = [&](HeaderField field) {
        const QModelIndex index = view.model()->index(view.model()->rowForField(field), HeaderModel::NameColumn);
        table->scrollTo(index);
        const QPoint at = table->visualRect(index).center();
        return [table, at] { Q_EMIT table->customContextMenuRequested(at); };
    };
    QStringList actions = runContextMenu(u"headerContextMenu"_s, u"Copy Value"_s, openAt(HeaderField::Version));
    QCOMPARE(QApplication::clipboard()->text(), view.model()->index(view.model()->rowForField(HeaderField::Version), HeaderModel::ValueColumn).data().toString());
    QVERIFY(!actions.contains(u"Copy Path"_s)); // the version is about no file
    QCOMPARE(view.selectedField(), std::optional<HeaderField>(HeaderField::Version));

    runContextMenu(u"headerContextMenu"_s, u"Copy Raw Bytes"_s, openAt(HeaderField::Magic));
    QVERIFY2(QApplication::clipboard()->text().startsWith(u"41 44 44"_s), qPrintable(QApplication::clipboard()->text()));

    actions = runContextMenu(u"headerContextMenu"_s, u"Copy Path"_s, openAt(HeaderField::ImageFileName));
    QVERIFY(actions.contains(u"Open Containing Folder"_s));
    QCOMPARE(QApplication::clipboard()->text(), QDir(m_dir.path()).filePath(u"disk.raw"_s));
}

QTEST_MAIN(HeaderViewTest)

#include "headerviewtest.moc"
