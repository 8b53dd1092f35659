// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "findingsview.h"
#include "imagedocument.h"
#include "headerparser.h"
#include "headertestutil.h"
#include "ruletext.h"

#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace AddCow;
using namespace HeaderTestUtil;
using namespace Qt::StringLiterals;

class FindingsViewTest : public QObject
{
    Q_OBJECT

private:
    static Finding finding(Severity severity, FindingCode code, HeaderField field, quint64 offset, quint64 length, const FindingArguments &arguments)
    {
        return Finding{severity, code, field, offset, length, FindingArgument::ofNumber(quint64(findingCodeRule(code))), arguments};
    }

    static Findings sample()
    {
        return {
            finding(Severity::Warning, FindingCode::OptionalFeaturesSet, HeaderField::OptionalFeatures, 36, 8, {FindingArgument::ofHex(8)}),
            finding(Severity::Error, FindingCode::UnknownFeatureBits, HeaderField::Features, 28, 8, {FindingArgument::ofHex(4)}),
            finding(Severity::Error, FindingCode::FileMissing, HeaderField::BackingFile, 0, 0,
                    {FindingArgument::ofField(HeaderField::BackingFile), FindingArgument::ofName("base.raw"), FindingArgument::ofPath(u"/x/base.raw"_s)}),
        };
    }

    static void doubleClickRow(QTreeView *tree, int row)
    {
        const QModelIndex index = tree->model()->index(row, FindingsView::MessageColumn);
        tree->scrollTo(index);
        const QPoint centre = tree->visualRect(index).center();
        // A double click is a click followed by a double-click event, as a real mouse sends it.
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, centre);
        QTest::mouseDClick(tree->viewport(), Qt::LeftButton, {}, centre);
    }

private Q_SLOTS:
    void messageIsOnScreenWhenNarrow();
    void contextMenuCopiesAndShows();
    void followsTheDocument();
    void emptyStateSaysNoProblems()
    {
        FindingsView view;
        QVERIFY(view.isShowingPlaceholder());
        view.setFindings(sample());
        QVERIFY(!view.isShowingPlaceholder());
        view.setFindings({});
        QVERIFY(view.isShowingPlaceholder());
        QCOMPARE(view.placeholderText(), u"No problems found"_s);
        view.clear();
        QVERIFY(view.isShowingPlaceholder());
        QVERIFY(view.placeholderText() != u"No problems found"_s);
    }

    void columnsShowTheFinding()
    {
        FindingsView view;
        view.setFindings(sample());
        QAbstractItemModel *model = view.treeView()->model();
        QCOMPARE(model->rowCount(), 3);
        QCOMPARE(model->columnCount(), int(FindingsView::ColumnCount));
        // Worst first.
        QCOMPARE(model->index(0, FindingsView::SeverityColumn).data().toString(), u"Error"_s);
        QCOMPARE(model->index(2, FindingsView::SeverityColumn).data().toString(), u"Warning"_s);
        QVERIFY(!model->index(0, FindingsView::SeverityColumn).data(Qt::DecorationRole).value<QIcon>().isNull());
        const QModelIndex warning = model->index(2, 0);
        QCOMPARE(view.findingAt(warning).rule(), 8);
        QCOMPARE(model->index(2, FindingsView::FieldColumn).data().toString(), u"optional features"_s);
        QCOMPARE(model->index(2, FindingsView::RuleColumn).data().toString(), u"R8"_s);
        QCOMPARE(model->index(2, FindingsView::RuleColumn).data(Qt::ToolTipRole).toString(), u"R8: %1"_s.arg(ruleText(8)));
        QCOMPARE(model->index(2, FindingsView::ValueColumn).data().toString(), u"8"_s);
        // The sentence is rendered from the code and its arguments, through tr().
        QCOMPARE(model->index(2, FindingsView::MessageColumn).data().toString(), u"optional features 0x8 are not 0 (ignored when reading)"_s);
        const QModelIndex missing = model->index(view.findingAt(model->index(0, 0)).rule() == 16 ? 0 : 1, FindingsView::MessageColumn);
        QCOMPARE(missing.data().toString(), u"backing file 'base.raw' (resolved to /x/base.raw) does not exist"_s);
        QVERIFY(model->index(2, FindingsView::FieldColumn).data(Qt::ToolTipRole).toString().contains(u"bytes 36-43"_s));
    }

    void sortsByClickedColumn()
    {
        FindingsView view;
        view.resize(800, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setFindings(sample());
        QTreeView *tree = view.treeView();
        QHeaderView *header = tree->header();
        // Click the rule column header: ascending rule numbers.
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
                          QPoint(header->sectionViewportPosition(FindingsView::RuleColumn) + header->sectionSize(FindingsView::RuleColumn) / 2,
                                 header->height() / 2));
        QList<int> rules;
        for (int row = 0; row < tree->model()->rowCount(); ++row)
            rules << view.findingAt(tree->model()->index(row, 0)).rule();
        if (header->sortIndicatorOrder() == Qt::DescendingOrder)
            std::reverse(rules.begin(), rules.end());
        QCOMPARE(rules, (QList<int>{7, 8, 16}));
        QCOMPARE(header->sortIndicatorSection(), int(FindingsView::RuleColumn));
        // Numbers sort as numbers, not text ("16" after "8").
        tree->sortByColumn(FindingsView::RuleColumn, Qt::AscendingOrder);
        QCOMPARE(view.findingAt(tree->model()->index(2, 0)).rule(), 16);
    }

    void doubleClickActivates()
    {
        FindingsView view;
        view.resize(800, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setFindings(sample());
        QTreeView *tree = view.treeView();
        tree->sortByColumn(FindingsView::RuleColumn, Qt::AscendingOrder);

        QSignalSpy fieldSpy(&view, &FindingsView::fieldActivated);
        QSignalSpy rangeSpy(&view, &FindingsView::rangeActivated);

        doubleClickRow(tree, 0); // R7, features 28-35
        QCOMPARE(fieldSpy.size(), 1);
        QCOMPARE(fieldSpy.at(0).at(0).value<HeaderField>(), HeaderField::Features);
        QCOMPARE(rangeSpy.size(), 1);
        QCOMPARE(rangeSpy.at(0).at(0).toULongLong(), 28u);
        QCOMPARE(rangeSpy.at(0).at(1).toULongLong(), 8u);

        // A file-level finding has no bytes in the .add-cow file: only the field.
        doubleClickRow(tree, 2); // R16, backing file
        QCOMPARE(fieldSpy.size(), 2);
        QCOMPARE(fieldSpy.at(1).at(0).value<HeaderField>(), HeaderField::BackingFile);
        QCOMPARE(rangeSpy.size(), 1);
    }

    void enterActivates()
    {
        FindingsView view;
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setFindings(sample());
        QTreeView *tree = view.treeView();
        tree->sortByColumn(FindingsView::RuleColumn, Qt::AscendingOrder);
        tree->setFocus();
        tree->setCurrentIndex(tree->model()->index(1, 0)); // R8
        QSignalSpy rangeSpy(&view, &FindingsView::rangeActivated);
        QTest::keyClick(tree, Qt::Key_Return);
        QCOMPARE(rangeSpy.size(), 1);
        QCOMPARE(rangeSpy.at(0).at(0).toULongLong(), 36u);
    }

    void showsParserFindings()
    {
        // Real findings from the core parser for a header with two problems (R3, R8).
        QByteArray bytes = buildHeader();
        putLe32(bytes, 8, 2);
        putLe64(bytes, 36, 0x10);
        const HeaderParse parse = parseHeader(bytes);
        FindingsView view;
        view.setFindings(parse.findings);
        QCOMPARE(view.treeView()->model()->rowCount(), parse.findings.size());
        QSet<int> rules;
        for (int row = 0; row < view.treeView()->model()->rowCount(); ++row)
            rules.insert(view.findingAt(view.treeView()->model()->index(row, 0)).rule());
        QVERIFY(rules.contains(3));
        QVERIFY(rules.contains(8));
    }
};

// Issue 14 item 5: in a narrow dock the message is on screen, right after the severity.
void FindingsViewTest::messageIsOnScreenWhenNarrow()
{
    FindingsView view;
    view.resize(460, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    Findings findings = sample();
    findings[0].value = FindingArgument::ofName("/a/very/long/path/that/someone/stored/as/the/backing/file/name/of/this/image.raw");
    view.setFindings(findings);
    QTreeView *tree = view.treeView();
    QCOMPARE(tree->header()->visualIndex(FindingsView::MessageColumn), 1);
    const int charWidth = tree->fontMetrics().averageCharWidth();
    const int left = tree->header()->sectionViewportPosition(FindingsView::MessageColumn);
    QVERIFY2(left >= 0 && left + charWidth * 25 <= tree->viewport()->width(), qPrintable(QString::number(left)));
    QVERIFY(tree->columnWidth(FindingsView::MessageColumn) >= charWidth * 25);
    QVERIFY(tree->columnWidth(FindingsView::ValueColumn) <= charWidth * 18);
    // Wider: the message takes the room.
    view.resize(1200, 300);
    QTRY_VERIFY(tree->columnWidth(FindingsView::MessageColumn) > 600);
}

// Issue 14 item 8: copy a finding, show its field or bytes from the context menu.
void FindingsViewTest::contextMenuCopiesAndShows()
{
    FindingsView view;
    view.resize(900, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setFindings(sample());
    QTreeView *tree = view.treeView();
    const QModelIndex first = tree->model()->index(0, FindingsView::MessageColumn); // worst first: an error
    const QPoint at = tree->visualRect(first).center();
    auto open = [&] { Q_EMIT tree->customContextMenuRequested(at); };
    const QStringList actions = runContextMenu(u"findingsContextMenu"_s, u"Copy Message"_s, open);
    QVERIFY2(actions.contains(u"Copy All Findings"_s), qPrintable(actions.join(u',')));
    QVERIFY(actions.contains(u"Show in Header"_s));
    QCOMPARE(QApplication::clipboard()->text(), findingText(view.findingAt(first)));

    QSignalSpy field(&view, &FindingsView::fieldActivated);
    runContextMenu(u"findingsContextMenu"_s, u"Show in Header"_s, open);
    QCOMPARE(field.size(), 1);
    QCOMPARE(field.at(0).at(0).value<HeaderField>(), view.findingAt(first).field);

    runContextMenu(u"findingsContextMenu"_s, u"Copy All Findings"_s, open);
    QCOMPARE(QApplication::clipboard()->text().count(u'\n'), 3);
    QVERIFY(QApplication::clipboard()->text().contains(u"unsupported feature bits 0x4 (R7)"_s));
}

void FindingsViewTest::followsTheDocument()
{
    QTemporaryDir dir;
    Spec spec;
    spec.backingName.clear();
    spec.backingFormat.clear();
    const QString path = writeImageSet(QDir(dir.path()), buildHeader(spec), spec.imageName, 65536);
    ImageDocument document;
    FindingsView view;
    view.setDocument(&document);
    QCOMPARE(view.placeholderText(), u"No image checked"_s);
    document.open(path);
    QTRY_VERIFY(!document.isLoading());
    QCOMPARE(view.placeholderText(), u"No problems found"_s);
    document.setFindings(sample()); // what a verify found
    QVERIFY(!view.isShowingPlaceholder());
    QCOMPARE(view.treeView()->model()->rowCount(), 3);
    document.close();
    QCOMPARE(view.placeholderText(), u"No image checked"_s);
}

QTEST_MAIN(FindingsViewTest)

#include "findingsviewtest.moc"
