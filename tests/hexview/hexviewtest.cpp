// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "filehexdatasource.h"
#include "hexlayout.h"
#include "hextestsources.h"
#include "hexview.h"

#include <QAction>
#include <QClipboard>
#include <QMenu>
#include <QGuiApplication>
#include <QScrollBar>
#include <QVBoxLayout>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>
#include <QWheelEvent>

using namespace AddCow;
using HexTest::MemorySource;
using HexTest::SyntheticSource;

namespace
{
constexpr quint64 GiB = quint64(1) << 30;
constexpr quint64 TiB = quint64(1) << 40;

QByteArray countingBytes(int size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (int i = 0; i < size; ++i)
        bytes[i] = char(i * 7 + 3);
    return bytes;
}
} // namespace

class HexViewTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void readsOnlyVisibleRows_data();
    void readsOnlyVisibleRows();
    void sparse8TiBFile();
    void absentPastTheEnd();
    void readableRowsAfterAnUnreadablePage();
    void scrollBarMappingForHugeSizes();
    void wheelScrollsRowsOnHugeFiles();
    void keyboardNavigation_data();
    void keyboardNavigation();
    void shiftSelectionAndCopyAsHex();
    void mouseSelection();
    void accessibleName();
    void editUndoRedo();
    void editAsciiColumn();
    void noEditPastTheEnd();
    void bytesPerRow_data();
    void bytesPerRow();
    void copyFormats();
    void contextMenu();
    void windowShortcutsReachTheWindow();

private:
    QPoint hexCellCenter(int visibleRow, int column) const;
    std::unique_ptr<HexView> m_view;
};

void HexViewTest::init()
{
    m_view = std::make_unique<HexView>();
    m_view->resize(900, 20 * m_view->hexLayout().lineHeight() + 40);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
}

void HexViewTest::cleanup()
{
    m_view.reset();
}

QPoint HexViewTest::hexCellCenter(int visibleRow, int column) const
{
    return m_view->hexLayout().hexCellRect(visibleRow, column).center() - QPoint(m_view->horizontalScrollBar()->value(), 0);
}

void HexViewTest::readsOnlyVisibleRows_data()
{
    QTest::addColumn<quint64>("offset");
    QTest::newRow("above 4 GiB") << (5 * GiB + 123);
    QTest::newRow("4 GiB boundary") << (4 * GiB - 8);
    QTest::newRow("near the end of 8 TiB") << (8 * TiB - 1000);
    QTest::newRow("last byte of 8 TiB") << (8 * TiB - 1);
}

void HexViewTest::readsOnlyVisibleRows()
{
    QFETCH(quint64, offset);
    auto source = std::make_shared<SyntheticSource>(8 * TiB);
    m_view->setDataSource(source);
    m_view->viewport()->repaint();
    source->resetReads();

    m_view->goToOffset(offset);
    m_view->viewport()->repaint();

    QCOMPARE(m_view->cursorOffset(), offset);
    const quint64 top = m_view->topOffset();
    const quint64 visibleBytes = quint64(m_view->hexLayout().visibleRows(m_view->viewport()->height())) * quint64(m_view->bytesPerRow());
    QVERIFY(offset >= top && offset < top + visibleBytes);
    QCOMPARE(top % quint64(m_view->bytesPerRow()), quint64(0));
    if (offset + 1000 < 8 * TiB)
        QCOMPARE(top, offset - offset % quint64(m_view->bytesPerRow())); // exact positioning: the row is at the top

    // Only the pages holding the visible rows were read.
    const quint64 page = m_view->pageCache().pageBytes();
    const quint64 firstPage = top / page * page;
    const quint64 endPage = (top + visibleBytes + page - 1) / page * page;
    const auto reads = source->reads();
    QVERIFY(!reads.empty());
    QVERIFY(reads.size() <= 2);
    for (const auto &[readOffset, readLength] : reads) {
        QVERIFY(readOffset >= firstPage);
        QVERIFY(readOffset + readLength <= endPage);
    }
    QVERIFY(source->bytesRead() <= 2 * page);
    QVERIFY(m_view->pageCache().cachedPageCount() <= m_view->pageCache().maxPages());

    // The shown bytes are the source's.
    for (const quint64 probe : {top, offset, std::min(top + visibleBytes, 8 * TiB) - 1})
        QCOMPARE(m_view->byteAt(probe), std::optional<char>(HexTest::syntheticByte(probe)));
}

void HexViewTest::sparse8TiBFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("sparse.img"));
    if (!HexTest::makeSparseFile(path, 8 * TiB))
        QSKIP("the file system cannot hold an 8 TiB sparse file");
    QVERIFY(HexTest::writeAt(path, 8 * TiB - 16, QByteArrayLiteral("end of 8 TiB!!!!")));
    QVERIFY(HexTest::writeAt(path, 6 * GiB, QByteArrayLiteral("six")));

    auto source = std::make_shared<FileHexDataSource>(path);
    QVERIFY(source->isOpen());
    QCOMPARE(source->sizeBytes(), 8 * TiB);
    m_view->setDataSource(source);
    m_view->goToOffset(8 * TiB - 16);
    m_view->viewport()->repaint();
    QCOMPARE(m_view->byteAt(8 * TiB - 16), std::optional<char>('e'));
    QCOMPARE(m_view->byteAt(8 * TiB - 1), std::optional<char>('!'));
    QCOMPARE(m_view->byteAt(8 * TiB), std::nullopt);
    m_view->goToOffset(6 * GiB);
    m_view->viewport()->repaint();
    QCOMPARE(m_view->topOffset(), 6 * GiB);
    QCOMPARE(m_view->byteAt(6 * GiB + 2), std::optional<char>('x'));
    QCOMPARE(m_view->byteAt(6 * GiB + 3), std::optional<char>('\0'));
    QVERIFY(m_view->pageCache().cachedPageCount() <= 4);
    // SEEK_DATA finds the data after the hole.
    QCOMPARE(source->nextDataOffset(GiB) / 4096, 6 * GiB / 4096);
}

void HexViewTest::absentPastTheEnd()
{
    const QByteArray bytes = countingBytes(100);
    auto shortSource = std::make_shared<MemorySource>(bytes);
    m_view->setDataSource(shortSource);
    m_view->setDisplaySizeBytes(1000);
    QCOMPARE(m_view->totalSizeBytes(), quint64(1000));
    QCOMPARE(m_view->byteAt(99), std::optional<char>(bytes.at(99)));
    QCOMPARE(m_view->byteAt(100), std::nullopt);
    QCOMPARE(m_view->byteAt(999), std::nullopt);
    m_view->goToOffset(999);
    QCOMPARE(m_view->cursorOffset(), quint64(999)); // the rows past the end are there, absent

    // Absent bytes do not look like zeros: a view of 1000 zero bytes paints differently.
    HexView zeros;
    zeros.resize(m_view->size());
    zeros.setDataSource(std::make_shared<MemorySource>(QByteArray(1000, '\0')));
    HexView absent;
    absent.resize(m_view->size());
    absent.setDataSource(std::make_shared<MemorySource>(QByteArray()));
    absent.setDisplaySizeBytes(1000);
    QCOMPARE(absent.totalSizeBytes(), quint64(1000));
    QVERIFY(zeros.grab().toImage() != absent.grab().toImage());
    // ...and the same 1000 absent bytes paint the same wherever they come from.
    HexView absentToo;
    absentToo.resize(m_view->size());
    absentToo.setDataSource(std::make_shared<SyntheticSource>(0));
    absentToo.setDisplaySizeBytes(1000);
    QCOMPARE(absentToo.grab().toImage(), absent.grab().toImage());
}

void HexViewTest::readableRowsAfterAnUnreadablePage()
{
    // Two 64 KiB pages (clusters): the first cannot be read, as a clean cluster over a missing
    // backing file; the rows of the second, painted in the same pass, still show their bytes.
    QByteArray bytes(2 * 65536, Qt::Uninitialized);
    for (qsizetype i = 0; i < bytes.size(); ++i)
        bytes[i] = char('A' + i % 26);
    HexView failing;
    failing.resize(m_view->size());
    failing.setDataSource(std::make_shared<HexTest::FailingRangeSource>(bytes, 0, 65536));
    HexView readable;
    readable.resize(m_view->size());
    readable.setDataSource(std::make_shared<MemorySource>(bytes));
    // Four rows of the failing page at the top, the readable page below them.
    const quint64 top = 65536 - 4 * quint64(failing.bytesPerRow());
    failing.goToOffset(top);
    readable.goToOffset(top);
    QCOMPARE(failing.byteAt(65536), std::optional<char>(bytes.at(65536)));
    QCOMPARE(failing.byteAt(top), std::nullopt);
    const QImage failingImage = failing.grab().toImage();
    const QImage readableImage = readable.grab().toImage();
    QVERIFY(failingImage != readableImage); // the top rows show ··
    const int half = failingImage.height() / 2;
    QCOMPARE(failingImage.copy(0, half, failingImage.width(), failingImage.height() - half),
             readableImage.copy(0, half, readableImage.width(), readableImage.height() - half));
}

void HexViewTest::scrollBarMappingForHugeSizes()
{
    auto source = std::make_shared<SyntheticSource>(8 * TiB);
    m_view->setDataSource(source);
    QScrollBar *bar = m_view->verticalScrollBar();
    QVERIFY(quint64(bar->maximum()) <= HexLayout::MaxScrollValue);
    QVERIFY(bar->maximum() > 1000);

    QSignalSpy topSpy(m_view.get(), &HexView::topOffsetChanged);
    const quint64 target = 5 * TiB + 4 * GiB + 0x1230;
    m_view->goToOffset(target);
    QCOMPARE(m_view->topOffset(), target); // exact, though the scroll bar cannot say it
    const quint64 maxTopRow = HexLayout::rowCount(8 * TiB, m_view->bytesPerRow()) - quint64(m_view->pageRows());
    QCOMPARE(bar->value(), HexLayout::scrollValueForRow(target / 16, maxTopRow));
    QVERIFY(!topSpy.isEmpty());
    QCOMPARE(topSpy.last().at(0).toULongLong(), target);

    // Dragging the scroll bar lands on the row the value stands for.
    bar->setValue(bar->maximum() / 2);
    QCOMPARE(m_view->topOffset(), HexLayout::rowForScrollValue(bar->maximum() / 2, maxTopRow) * 16);
    bar->setValue(bar->maximum());
    QCOMPARE(m_view->topOffset(), maxTopRow * 16); // the last row is reachable
    m_view->viewport()->repaint();
    QCOMPARE(m_view->byteAt(8 * TiB - 1), std::optional<char>(HexTest::syntheticByte(8 * TiB - 1)));
    bar->setValue(0);
    QCOMPARE(m_view->topOffset(), quint64(0));
}

void HexViewTest::wheelScrollsRowsOnHugeFiles()
{
    m_view->setDataSource(std::make_shared<SyntheticSource>(8 * TiB));
    m_view->goToOffset(4 * TiB);
    QVERIFY(HexLayout::rowsPerScrollStep(HexLayout::rowCount(8 * TiB, m_view->bytesPerRow())) > 100); // a scroll bar step is many rows
    const QPoint inside = m_view->viewport()->rect().center();
    QWheelEvent down(inside, m_view->viewport()->mapToGlobal(inside), QPoint(), QPoint(0, -120), Qt::NoButton, Qt::NoModifier,
                     Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(m_view->viewport(), &down);
    QCOMPARE(m_view->topOffset(), 4 * TiB + 3 * 16);
    QWheelEvent up(inside, m_view->viewport()->mapToGlobal(inside), QPoint(), QPoint(0, 240), Qt::NoButton, Qt::NoModifier,
                   Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(m_view->viewport(), &up);
    QCOMPARE(m_view->topOffset(), 4 * TiB - 3 * 16);
}

void HexViewTest::keyboardNavigation_data()
{
    QTest::addColumn<quint64>("start");
    QTest::addColumn<int>("key");
    QTest::addColumn<int>("modifiers");
    QTest::addColumn<quint64>("expected");
    const int none = Qt::NoModifier;
    // The source holds 10000 bytes.
    QTest::newRow("right") << quint64(100) << int(Qt::Key_Right) << none << quint64(101);
    QTest::newRow("left") << quint64(100) << int(Qt::Key_Left) << none << quint64(99);
    QTest::newRow("left at 0") << quint64(0) << int(Qt::Key_Left) << none << quint64(0);
    QTest::newRow("right at the end") << quint64(9999) << int(Qt::Key_Right) << none << quint64(9999);
    QTest::newRow("down") << quint64(100) << int(Qt::Key_Down) << none << quint64(116);
    QTest::newRow("up") << quint64(100) << int(Qt::Key_Up) << none << quint64(84);
    QTest::newRow("up in the first row") << quint64(5) << int(Qt::Key_Up) << none << quint64(5);
    QTest::newRow("home") << quint64(100) << int(Qt::Key_Home) << none << quint64(96);
    QTest::newRow("end") << quint64(100) << int(Qt::Key_End) << none << quint64(111);
    QTest::newRow("ctrl+home") << quint64(5000) << int(Qt::Key_Home) << int(Qt::ControlModifier) << quint64(0);
    QTest::newRow("ctrl+end") << quint64(5000) << int(Qt::Key_End) << int(Qt::ControlModifier) << quint64(9999);
    QTest::newRow("page down") << quint64(100) << int(Qt::Key_PageDown) << none << quint64(100 + 16 * 20);
    QTest::newRow("page up") << quint64(5000) << int(Qt::Key_PageUp) << none << quint64(5000 - 16 * 20);
}

void HexViewTest::keyboardNavigation()
{
    QFETCH(quint64, start);
    QFETCH(int, key);
    QFETCH(int, modifiers);
    QFETCH(quint64, expected);
    // Exactly 20 rows, whether or not the font makes a row wider than the view.
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    m_view->resize(900, 20 * m_view->hexLayout().lineHeight() + m_view->horizontalScrollBar()->sizeHint().height() + 2 * m_view->frameWidth());
    QTRY_COMPARE(m_view->pageRows(), 20);
    m_view->setDataSource(std::make_shared<SyntheticSource>(10000));
    m_view->setFocus();
    m_view->goToOffset(start);
    QSignalSpy cursorSpy(m_view.get(), &HexView::cursorOffsetChanged);
    QTest::keyClick(m_view.get(), Qt::Key(key), Qt::KeyboardModifiers(modifiers));
    QCOMPARE(m_view->cursorOffset(), expected);
    QCOMPARE(cursorSpy.isEmpty(), expected == start);
    // The cursor stays visible.
    const quint64 top = m_view->topOffset();
    QVERIFY(expected >= top && expected < top + quint64(m_view->pageRows()) * 16);
    QCOMPARE(m_view->selectionLength(), quint64(0));
}

void HexViewTest::shiftSelectionAndCopyAsHex()
{
    QByteArray bytes = countingBytes(256);
    bytes.replace(0x10, 4, QByteArray::fromHex("deadbeef"));
    m_view->setDataSource(std::make_shared<MemorySource>(bytes));
    m_view->setFocus();
    m_view->goToOffset(0x10);
    QSignalSpy selectionSpy(m_view.get(), &HexView::selectionChanged);
    for (int i = 0; i < 3; ++i)
        QTest::keyClick(m_view.get(), Qt::Key_Right, Qt::ShiftModifier);
    QCOMPARE(m_view->selectionStart(), quint64(0x10));
    QCOMPARE(m_view->selectionLength(), quint64(4));
    QVERIFY(!selectionSpy.isEmpty());
    QCOMPARE(selectionSpy.last().at(0).toULongLong(), quint64(0x10));
    QCOMPARE(selectionSpy.last().at(1).toULongLong(), quint64(4));

    QGuiApplication::clipboard()->clear();
    QTest::keyClick(m_view.get(), Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("de ad be ef"));

    // Shift+Down extends by a row; backwards selections work too.
    QTest::keyClick(m_view.get(), Qt::Key_Down, Qt::ShiftModifier);
    QCOMPARE(m_view->selectionLength(), quint64(4 + 16));
    QTest::keyClick(m_view.get(), Qt::Key_Left); // plain move drops the selection
    QCOMPARE(m_view->selectionLength(), quint64(0));
    m_view->goToOffset(0x13);
    for (int i = 0; i < 3; ++i)
        QTest::keyClick(m_view.get(), Qt::Key_Left, Qt::ShiftModifier);
    QCOMPARE(m_view->selectionStart(), quint64(0x10));
    QCOMPARE(m_view->selectionLength(), quint64(4));
    QTest::keyClick(m_view.get(), Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("de ad be ef"));

    m_view->setSelection(0x12, 2);
    m_view->copySelection();
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("be ef"));
}

void HexViewTest::mouseSelection()
{
    const QByteArray bytes = countingBytes(4096);
    m_view->setDataSource(std::make_shared<MemorySource>(bytes));
    QTest::mousePress(m_view->viewport(), Qt::LeftButton, Qt::NoModifier, hexCellCenter(1, 2));
    QCOMPARE(m_view->cursorOffset(), quint64(18));
    QMouseEvent move(QEvent::MouseMove, hexCellCenter(2, 5), m_view->viewport()->mapToGlobal(hexCellCenter(2, 5)), Qt::NoButton,
                     Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(m_view->viewport(), &move);
    QTest::mouseRelease(m_view->viewport(), Qt::LeftButton, Qt::NoModifier, hexCellCenter(2, 5));
    QCOMPARE(m_view->selectionStart(), quint64(18));
    QCOMPARE(m_view->selectionLength(), quint64(37 - 18 + 1));
    QCOMPARE(m_view->selectionAsHex(), QString::fromLatin1(bytes.mid(18, 20).toHex(' ')));

    // Shift+click extends from the anchor.
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, Qt::ShiftModifier, hexCellCenter(0, 0));
    QCOMPARE(m_view->selectionStart(), quint64(0));
    QCOMPARE(m_view->selectionLength(), quint64(19));
    // A plain click drops it.
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, Qt::NoModifier, hexCellCenter(3, 3));
    QCOMPARE(m_view->selectionLength(), quint64(0));
    QCOMPARE(m_view->cursorOffset(), quint64(51));
    QVERIFY(!m_view->isCursorInAscii());
    const QPoint ascii = m_view->hexLayout().asciiCellRect(0, 7).center() - QPoint(m_view->horizontalScrollBar()->value(), 0);
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, Qt::NoModifier, ascii);
    QCOMPARE(m_view->cursorOffset(), quint64(7));
    QVERIFY(m_view->isCursorInAscii());
}

void HexViewTest::accessibleName()
{
    QVERIFY(!m_view->accessibleName().isEmpty());
    QCOMPARE(m_view->focusPolicy(), Qt::StrongFocus);
}

void HexViewTest::editUndoRedo()
{
    const QByteArray bytes = countingBytes(64);
    auto source = std::make_shared<MemorySource>(bytes);
    QUndoStack stack;
    m_view->setDataSource(source);
    m_view->setUndoStack(&stack);
    m_view->setFocus();
    m_view->goToOffset(4);

    QTest::keyClicks(m_view.get(), QStringLiteral("4")); // not editable yet
    QVERIFY(m_view->pendingEdits().empty());

    m_view->setEditable(true);
    QSignalSpy editsSpy(m_view.get(), &HexView::pendingEditsChanged);
    QTest::keyClicks(m_view.get(), QStringLiteral("4"));
    QCOMPARE(m_view->pendingByte(4), std::optional<char>(char(0x40 | (uchar(bytes.at(4)) & 0x0f)))); // high nibble only
    QCOMPARE(m_view->cursorOffset(), quint64(4));
    QTest::keyClicks(m_view.get(), QStringLiteral("1"));
    QCOMPARE(m_view->pendingByte(4), std::optional<char>(0x41));
    QCOMPARE(m_view->cursorOffset(), quint64(5));
    QCOMPARE(stack.count(), 1); // both nibbles: one command
    QTest::keyClicks(m_view.get(), QStringLiteral("fFx0a")); // x is ignored
    QCOMPARE(m_view->pendingByte(5), std::optional<char>(char(0xff)));
    QCOMPARE(m_view->pendingByte(6), std::optional<char>(0x0a));
    QCOMPARE(stack.count(), 3);
    QCOMPARE(m_view->pendingEdits().size(), size_t(3));
    QVERIFY(!editsSpy.isEmpty());
    QCOMPARE(source->read(4, nullptr, 0), 0); // nothing reaches the source
    QCOMPARE(m_view->byteAt(4), std::optional<char>(0x41));
    m_view->setSelection(4, 3);
    QCOMPARE(m_view->selectionAsHex(), QStringLiteral("41 ff 0a"));

    stack.undo();
    QCOMPARE(m_view->pendingByte(6), std::nullopt);
    QCOMPARE(m_view->byteAt(6), std::optional<char>(bytes.at(6)));
    stack.undo();
    stack.undo();
    QVERIFY(m_view->pendingEdits().empty());
    QCOMPARE(m_view->byteAt(4), std::optional<char>(bytes.at(4)));
    stack.redo();
    QCOMPARE(m_view->pendingByte(4), std::optional<char>(0x41));
    QTest::keyClick(m_view.get(), Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(m_view->pendingEdits().empty());
    QTest::keyClick(m_view.get(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(m_view->pendingByte(4), std::optional<char>(0x41));

    // Editing the same byte twice and undoing once restores the first edit, not the disk.
    m_view->goToOffset(4);
    QTest::keyClicks(m_view.get(), QStringLiteral("99"));
    QCOMPARE(m_view->pendingByte(4), std::optional<char>(char(0x99)));
    stack.undo();
    QCOMPARE(m_view->pendingByte(4), std::optional<char>(0x41));
    m_view->clearPendingEdits();
    QVERIFY(m_view->pendingEdits().empty());
}

void HexViewTest::editAsciiColumn()
{
    auto source = std::make_shared<MemorySource>(QByteArray(32, '\0'));
    QUndoStack stack;
    m_view->setDataSource(source);
    m_view->setUndoStack(&stack);
    m_view->setEditable(true);
    m_view->setFocus();
    m_view->goToOffset(10);
    QTest::keyClick(m_view.get(), Qt::Key_Tab);
    QVERIFY(m_view->isCursorInAscii());
    QTest::keyClicks(m_view.get(), QStringLiteral("Hi!"));
    QCOMPARE(m_view->pendingByte(10), std::optional<char>('H'));
    QCOMPARE(m_view->pendingByte(11), std::optional<char>('i'));
    QCOMPARE(m_view->pendingByte(12), std::optional<char>('!'));
    QCOMPARE(m_view->cursorOffset(), quint64(13));
    QCOMPARE(stack.count(), 3);
    QTest::keyClick(m_view.get(), Qt::Key_Tab);
    QVERIFY(!m_view->isCursorInAscii());
}

void HexViewTest::noEditPastTheEnd()
{
    // R15: a virtual disk of 20 bytes shown beside a longer file.
    auto source = std::make_shared<MemorySource>(QByteArray(20, 'a'));
    m_view->setDataSource(source);
    m_view->setDisplaySizeBytes(64);
    m_view->setEditable(true);
    m_view->setFocus();
    m_view->goToOffset(19);
    QTest::keyClicks(m_view.get(), QStringLiteral("1234"));
    QCOMPARE(m_view->pendingEdits().size(), size_t(1)); // the last byte only; the cursor stays there
    QCOMPARE(m_view->pendingByte(19), std::optional<char>(0x34));
    QCOMPARE(m_view->cursorOffset(), quint64(19));
    m_view->goToOffset(30);
    QTest::keyClicks(m_view.get(), QStringLiteral("ff"));
    QCOMPARE(m_view->pendingEdits().size(), size_t(1));
    QCOMPARE(m_view->pendingByte(30), std::nullopt);
}

void HexViewTest::bytesPerRow_data()
{
    QTest::addColumn<int>("bytes");
    QTest::newRow("8") << 8;
    QTest::newRow("16") << 16;
    QTest::newRow("32") << 32;
}

void HexViewTest::bytesPerRow()
{
    QFETCH(int, bytes);
    auto source = std::make_shared<MemorySource>(countingBytes(5000));
    m_view->setDataSource(source);
    m_view->resize(m_view->preferredWidth(bytes) + 20, m_view->height());
    m_view->goToOffset(1000);
    const quint64 oldTop = m_view->topOffset();
    m_view->setBytesPerRow(bytes);
    QCOMPARE(m_view->bytesPerRow(), bytes);
    QCOMPARE(m_view->hexLayout().bytesPerRow(), bytes);
    // The row holding the old top stays at the top; the cursor stays.
    QCOMPARE(m_view->topOffset(), oldTop - oldTop % quint64(bytes));
    QCOMPARE(m_view->cursorOffset(), quint64(1000));
    QCOMPARE(m_view->verticalScrollBar()->maximum(), int(HexLayout::rowCount(5000, bytes)) - m_view->pageRows());
    // Down moves a row, End to the row's last byte, a click hits the byte under it.
    m_view->setFocus();
    QTest::keyClick(m_view.get(), Qt::Key_Down);
    QCOMPARE(m_view->cursorOffset(), quint64(1000 + bytes));
    QTest::keyClick(m_view.get(), Qt::Key_End);
    QCOMPARE(m_view->cursorOffset(), quint64(1000 + bytes) / bytes * bytes + bytes - 1);
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, hexCellCenter(2, bytes - 1));
    QCOMPARE(m_view->cursorOffset(), m_view->topOffset() + 3 * quint64(bytes) - 1);
    // Everything fits: no scrolling sideways at the preferred width.
    QCOMPARE(m_view->horizontalScrollBar()->maximum(), 0);
    // Painted: the last byte of the row is drawn where the layout says.
    QVERIFY(!m_view->grab().isNull());
}

void HexViewTest::copyFormats()
{
    const QByteArray bytes = QByteArray::fromHex("deadbeef0001020304050607080910");
    QCOMPARE(HexView::formatBytes(bytes.left(4), HexView::CopyFormat::Hex), QStringLiteral("de ad be ef"));
    QCOMPARE(HexView::formatBytes(bytes.left(4), HexView::CopyFormat::Base64), QStringLiteral("3q2+7w=="));
    QCOMPARE(HexView::formatBytes(bytes.left(2), HexView::CopyFormat::CArray), QStringLiteral("unsigned char data[2] = {\n    0xde, 0xad\n};\n"));
    // Twelve a line.
    QCOMPARE(HexView::formatBytes(bytes, HexView::CopyFormat::CArray),
             QStringLiteral("unsigned char data[15] = {\n"
                            "    0xde, 0xad, 0xbe, 0xef, 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07,\n"
                            "    0x08, 0x09, 0x10\n};\n"));
    QCOMPARE(HexView::formatBytes({}, HexView::CopyFormat::CArray), QStringLiteral("unsigned char data[0] = {\n};\n"));
}

void HexViewTest::contextMenu()
{
    const QByteArray bytes = countingBytes(200000);
    m_view->setDataSource(std::make_shared<MemorySource>(bytes));
    m_view->setSelection(70000, 3);
    QSignalSpy copied(m_view.get(), &HexView::copied);
    std::unique_ptr<QMenu> menu(m_view->createContextMenu(70001));
    const auto action = [&](const char *name) {
        auto *found = menu->findChild<QAction *>(QString::fromLatin1(name));
        if (!found)
            qWarning() << "no action" << name;
        return found;
    };
    QVERIFY(action("copyHexAction") && action("copyCArrayAction") && action("copyBase64Action"));
    action("copyBase64Action")->trigger();
    QCOMPARE(QGuiApplication::clipboard()->text(), QString::fromLatin1(bytes.mid(70000, 3).toBase64()));
    action("copyCArrayAction")->trigger();
    QVERIFY(QGuiApplication::clipboard()->text().startsWith(QStringLiteral("unsigned char data[3] = {\n    0x")));
    action("copyHexAction")->trigger();
    QCOMPARE(QGuiApplication::clipboard()->text(), QString::fromLatin1(bytes.mid(70000, 3).toHex(' ')));
    QCOMPARE(copied.count(), 3);
    QCOMPARE(copied.last().at(0).toULongLong(), quint64(3));

    // Select Cluster: the 64 KiB cluster of the byte the menu is for; the last one ends with the data.
    action("selectClusterAction")->trigger();
    QCOMPARE(m_view->selectionStart(), quint64(65536));
    QCOMPARE(m_view->selectionLength(), quint64(65536));
    menu.reset(m_view->createContextMenu(199999));
    action("selectClusterAction")->trigger();
    QCOMPARE(m_view->selectionStart(), quint64(196608));
    QCOMPARE(m_view->selectionLength(), quint64(200000 - 196608));

    // What the view cannot do itself is asked for.
    QSignalSpy heatmap(m_view.get(), &HexView::showInHeatmapRequested);
    QSignalSpy goTo(m_view.get(), &HexView::goToClusterRequested);
    QSignalSpy bookmark(m_view.get(), &HexView::addBookmarkRequested);
    m_view->setSelection(65530, 10);
    menu.reset(m_view->createContextMenu(65535));
    action("showInHeatmapAction")->trigger();
    action("goToClusterAction")->trigger();
    action("addBookmarkAction")->trigger();
    QCOMPARE(heatmap.last().at(0).value<ClusterRange>(), (ClusterRange{0, 2}));
    QCOMPARE(goTo.last().at(0).toULongLong(), quint64(0));
    QCOMPARE(bookmark.last().at(0).toULongLong(), quint64(65530));
    QCOMPARE(bookmark.last().at(1).toULongLong(), quint64(10));

    // Without a selection the copy actions are off; the menu acts on the byte under the pointer.
    m_view->setSelection(0, 0);
    menu.reset(m_view->createContextMenu(5));
    QVERIFY(!action("copyHexAction")->isEnabled());
    action("addBookmarkAction")->trigger();
    QCOMPARE(bookmark.last().at(0).toULongLong(), quint64(5));
    QCOMPARE(bookmark.last().at(1).toULongLong(), quint64(1));

    // A right click outside the selection moves the cursor there first, as a left click would.
    m_view->setSelection(0, 4);
    QSignalSpy aboutToShow(m_view.get(), &HexView::contextMenuAboutToShow);
    QContextMenuEvent event(QContextMenuEvent::Mouse, hexCellCenter(1, 2), m_view->viewport()->mapToGlobal(hexCellCenter(1, 2)));
    QCoreApplication::sendEvent(m_view->viewport(), &event);
    QCOMPARE(aboutToShow.count(), 1);
    QCOMPARE(m_view->cursorOffset(), m_view->topOffset() + quint64(m_view->bytesPerRow()) + 2);
    QCOMPARE(m_view->selectionLength(), quint64(0));
    for (QMenu *open : m_view->findChildren<QMenu *>())
        open->close();
}

/**
 * Issue 14: Ctrl+E (Allow Editing) and other window shortcuts work while a hex view has focus;
 * the view keeps only what it uses: moving, Ctrl+C, and typed digits while editing.
 */
void HexViewTest::windowShortcutsReachTheWindow()
{
    QWidget window;
    auto *layout = new QVBoxLayout(&window);
    auto *view = new HexView;
    layout->addWidget(view);
    view->setDataSource(std::make_shared<MemorySource>(countingBytes(4096)));
    const auto windowAction = [&](const QKeySequence &key) {
        auto *action = new QAction(&window);
        action->setShortcut(key);
        action->setShortcutContext(Qt::WindowShortcut);
        window.addAction(action);
        return std::make_unique<QSignalSpy>(action, &QAction::triggered);
    };
    const auto allowEditing = windowAction(QKeySequence(Qt::CTRL | Qt::Key_E));
    const auto save = windowAction(QKeySequence(Qt::CTRL | Qt::Key_S));
    const auto plainE = windowAction(QKeySequence(Qt::Key_E)); // a one-key shortcut somewhere in the window
    const auto copy = windowAction(QKeySequence::Copy);
    const auto down = windowAction(QKeySequence(Qt::Key_Down));
    window.resize(900, 400);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    view->setFocus();
    QVERIFY(view->hasFocus());

    QTest::keyClick(view, Qt::Key_E, Qt::ControlModifier);
    QCOMPARE(allowEditing->count(), 1);
    QTest::keyClick(view, Qt::Key_S, Qt::ControlModifier);
    QCOMPARE(save->count(), 1);
    // Read-only, a plain E is not the view's: the window's shortcut gets it.
    QTest::keyClick(view, Qt::Key_E);
    QCOMPARE(plainE->count(), 1);
    // Moving and copying are the view's own.
    QTest::keyClick(view, Qt::Key_Down);
    QCOMPARE(down->count(), 0);
    QCOMPARE(view->cursorOffset(), quint64(view->bytesPerRow()));
    view->setSelection(16, 2);
    QTest::keyClick(view, Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(copy->count(), 0);
    QCOMPARE(QGuiApplication::clipboard()->text(), QString::fromLatin1(countingBytes(4096).mid(16, 2).toHex(' ')));

    // Editing: "e" is a hex digit, typed into the byte; Ctrl+E still reaches the window.
    view->setEditable(true);
    view->goToOffset(0);
    QTest::keyClick(view, Qt::Key_E, Qt::NoModifier);
    QCOMPARE(plainE->count(), 1);
    QCOMPARE(view->pendingByte(0), std::optional<char>(char((0xe << 4) | (countingBytes(1).at(0) & 0x0f))));
    QTest::keyClick(view, Qt::Key_E, Qt::ControlModifier);
    QCOMPARE(allowEditing->count(), 2);
}

QTEST_MAIN(HexViewTest)
#include "hexviewtest.moc"
