// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "hexview.h"

#include "hexchangemarker.h"
#include "hexdatasource.h"
#include "hexeditcommand.h"
#include "sourcecolors.h"

#include <QClipboard>
#include <QContextMenuEvent>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QLocale>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QUndoStack>
#include <QWheelEvent>

using namespace Qt::StringLiterals;

namespace AddCow
{

namespace
{
const QString AbsentHex = u"\u00b7\u00b7"_s;
const QString AbsentAscii = u"\u00b7"_s;

QColor withAlpha(QColor color, int alpha)
{
    color.setAlpha(alpha);
    return color;
}

QColor pendingColor()
{
    return QColor(0x27, 0xae, 0x60); // edits not written yet: green, unlike any source colour
}

QColor differenceColor(const QColor &base)
{
    // A write changed the byte (R13). A lighter red on dark backgrounds keeps the text readable.
    return base.lightness() < 128 ? QColor(0xff, 0x80, 0x8a) : QColor(0xda, 0x44, 0x53);
}

QChar asciiFor(char byte)
{
    const auto value = uchar(byte);
    return value >= 0x20 && value < 0x7f ? QChar(QLatin1Char(byte)) : QChar(u'.');
}

const QString &hexByte(char byte)
{
    static const QList<QString> table = [] {
        QList<QString> strings;
        for (int value = 0; value < 256; ++value)
            strings.append(QString::number(value, 16).rightJustified(2, u'0'));
        return strings;
    }();
    return table.at(uchar(byte));
}
} // namespace

HexView::HexView(QWidget *parent)
    : QAbstractScrollArea(parent)
    , m_keyboard(this)
    , m_mouse(this)
{
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_layout.setFontMetrics(fontMetrics());
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Hex view"));
    viewport()->setCursor(Qt::IBeamCursor);
    viewport()->setAutoFillBackground(false);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        if (m_settingScrollBar)
            return;
        const quint64 row = HexLayout::rowForScrollValue(value, maxTopRow());
        if (row == m_topRow)
            return;
        m_topRow = row;
        viewport()->update();
        Q_EMIT topOffsetChanged(topOffset());
    });
    updateScrollBars();
}

HexView::~HexView() = default;

void HexView::setDataSource(std::shared_ptr<const HexDataSource> source)
{
    m_source = std::move(source);
    m_cache.setDataSource(m_source);
    m_cursorOffset = 0;
    m_cursorNibble = 0;
    m_hasSelection = false;
    m_topRow = 0;
    m_pendingEdits.clear();
    updateOffsetDigits();
    updateScrollBars();
    viewport()->update();
    emitSelectionIfChanged();
    Q_EMIT topOffsetChanged(0);
}

void HexView::setChangeMarker(std::shared_ptr<HexChangeMarker> marker)
{
    m_changeMarker = std::move(marker);
    viewport()->update();
}

void HexView::setDisplaySizeBytes(quint64 sizeBytes)
{
    m_displaySizeBytes = sizeBytes;
    updateOffsetDigits();
    updateScrollBars();
    setTopRow(m_topRow);
    viewport()->update();
}

quint64 HexView::totalSizeBytes() const
{
    return std::max(m_source ? m_source->sizeBytes() : 0, m_displaySizeBytes);
}

void HexView::setSourceMarkingEnabled(bool enabled)
{
    m_markSources = enabled;
    viewport()->update();
}

void HexView::refresh()
{
    m_cache.clear();
    if (m_changeMarker)
        m_changeMarker->clear();
    updateScrollBars();
    viewport()->update();
}

void HexView::invalidate(quint64 offsetBytes, quint64 lengthBytes)
{
    if (lengthBytes == 0)
        return;
    m_cache.invalidate(offsetBytes, lengthBytes);
    updateOffsets(offsetBytes, offsetBytes + lengthBytes - 1);
}

quint64 HexView::rowCount() const
{
    return m_layout.rowCount(totalSizeBytes());
}

void HexView::setBytesPerRow(int bytes)
{
    const quint64 top = topOffset();
    const int before = m_layout.bytesPerRow();
    m_layout.setBytesPerRow(bytes);
    if (m_layout.bytesPerRow() == before)
        return;
    m_topRow = std::min(top / rowBytes(), maxTopRow());
    updateGeometry();
    updateScrollBars();
    viewport()->update();
    Q_EMIT topOffsetChanged(topOffset());
}

quint64 HexView::maxTopRow() const
{
    const quint64 rows = rowCount();
    const quint64 page = quint64(pageRows());
    return rows > page ? rows - page : 0;
}

int HexView::pageRows() const
{
    return m_layout.fullRows(viewport()->height());
}

quint64 HexView::topOffset() const
{
    return m_topRow * rowBytes();
}

void HexView::updateOffsetDigits()
{
    const int digits = HexLayout::offsetDigitsFor(totalSizeBytes());
    if (digits == m_layout.offsetDigits())
        return;
    m_layout.setOffsetDigits(digits);
    updateGeometry();
}

QFont HexView::compactFont()
{
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    if (font.pointSizeF() > 8)
        font.setPointSizeF(std::max<qreal>(8, font.pointSizeF() - 1));
    return font;
}

QSize HexView::sizeHint() const
{
    return QSize(preferredWidth(bytesPerRow()), QAbstractScrollArea::sizeHint().height());
}

int HexView::preferredWidth(int bytesPerRow) const
{
    HexLayout layout = m_layout;
    layout.setBytesPerRow(bytesPerRow);
    return layout.totalWidth() + 2 * frameWidth() + verticalScrollBar()->sizeHint().width();
}

void HexView::updateScrollBars()
{
    const quint64 maxRow = maxTopRow();
    const quint64 step = HexLayout::rowsPerScrollStep(maxRow);
    m_settingScrollBar = true;
    verticalScrollBar()->setRange(0, HexLayout::scrollMaximum(maxRow));
    verticalScrollBar()->setPageStep(int(std::max<quint64>(1, quint64(pageRows()) / step)));
    verticalScrollBar()->setSingleStep(1);
    verticalScrollBar()->setValue(HexLayout::scrollValueForRow(m_topRow, maxRow));
    horizontalScrollBar()->setRange(0, std::max(0, m_layout.totalWidth() - viewport()->width()));
    horizontalScrollBar()->setPageStep(viewport()->width());
    horizontalScrollBar()->setSingleStep(m_layout.charWidth());
    m_settingScrollBar = false;
}

void HexView::setTopRow(quint64 row)
{
    row = std::min(row, maxTopRow());
    if (row == m_topRow)
        return;
    m_topRow = row;
    m_settingScrollBar = true;
    verticalScrollBar()->setValue(HexLayout::scrollValueForRow(m_topRow, maxTopRow()));
    m_settingScrollBar = false;
    viewport()->update();
    Q_EMIT topOffsetChanged(topOffset());
}

void HexView::setTopOffset(quint64 offsetBytes)
{
    setTopRow(offsetBytes / rowBytes());
}

void HexView::goToOffset(quint64 offsetBytes)
{
    const quint64 total = totalSizeBytes();
    offsetBytes = total ? std::min(offsetBytes, total - 1) : 0;
    const quint64 oldCursor = m_cursorOffset;
    m_cursorOffset = offsetBytes;
    m_cursorNibble = 0;
    m_hasSelection = false;
    setTopRow(offsetBytes / rowBytes());
    updateOffsets(oldCursor, oldCursor);
    updateOffsets(m_cursorOffset, m_cursorOffset);
    emitSelectionIfChanged();
    if (oldCursor != m_cursorOffset)
        Q_EMIT cursorOffsetChanged(m_cursorOffset);
}

void HexView::setHighlightedRange(quint64 offsetBytes, quint64 lengthBytes)
{
    m_highlightOffset = offsetBytes;
    m_highlightLength = lengthBytes;
    viewport()->update();
}

void HexView::setSelection(quint64 offsetBytes, quint64 lengthBytes)
{
    const quint64 total = totalSizeBytes();
    if (lengthBytes == 0 || offsetBytes >= total) {
        m_hasSelection = false;
        viewport()->update();
        emitSelectionIfChanged();
        return;
    }
    lengthBytes = std::min(lengthBytes, total - offsetBytes);
    m_anchorOffset = offsetBytes + lengthBytes - 1;
    m_cursorOffset = offsetBytes;
    m_cursorNibble = 0;
    m_hasSelection = true;
    const quint64 top = offsetBytes / rowBytes();
    if (top < m_topRow || top >= m_topRow + quint64(pageRows()))
        setTopRow(top);
    viewport()->update();
    emitSelectionIfChanged();
    Q_EMIT cursorOffsetChanged(m_cursorOffset);
}

quint64 HexView::selectionStart() const
{
    return m_hasSelection ? std::min(m_anchorOffset, m_cursorOffset) : m_cursorOffset;
}

quint64 HexView::selectionLength() const
{
    return m_hasSelection ? std::max(m_anchorOffset, m_cursorOffset) - std::min(m_anchorOffset, m_cursorOffset) + 1 : 0;
}

void HexView::emitSelectionIfChanged()
{
    const quint64 start = m_hasSelection ? selectionStart() : 0;
    const quint64 length = selectionLength();
    if (start == m_lastSelectionStart && length == m_lastSelectionLength)
        return;
    m_lastSelectionStart = start;
    m_lastSelectionLength = length;
    Q_EMIT selectionChanged(start, length);
}

QByteArray HexView::selectedBytes() const
{
    if (!m_source || !m_hasSelection)
        return {};
    const quint64 start = selectionStart();
    const quint64 length = std::min(selectionLength(), MaxCopyBytes);
    QByteArray bytes(qsizetype(length), Qt::Uninitialized);
    const qint64 got = m_source->read(start, bytes.data(), length);
    bytes.truncate(qsizetype(std::max<qint64>(got, 0)));
    // Pending edits count even where the source has no byte yet.
    for (auto it = m_pendingEdits.lower_bound(start); it != m_pendingEdits.end() && it->first < start + length; ++it) {
        const auto index = qsizetype(it->first - start);
        if (index < bytes.size())
            bytes[index] = it->second;
    }
    return bytes;
}

QString HexView::formatBytes(const QByteArray &bytes, CopyFormat format)
{
    switch (format) {
    case CopyFormat::Hex:
        return QString::fromLatin1(bytes.toHex(' '));
    case CopyFormat::Base64:
        return QString::fromLatin1(bytes.toBase64());
    case CopyFormat::CArray: {
        constexpr int PerLine = 12;
        QString text = u"unsigned char data[%1] = {"_s.arg(bytes.size());
        for (qsizetype i = 0; i < bytes.size(); ++i) {
            text += i % PerLine == 0 ? u"\n    "_s : u" "_s;
            text += u"0x"_s + hexByte(bytes.at(i));
            if (i + 1 < bytes.size())
                text += u',';
        }
        text += u"\n};\n"_s;
        return text;
    }
    }
    return {};
}

QString HexView::selectionAsHex() const
{
    return formatBytes(selectedBytes(), CopyFormat::Hex);
}

void HexView::copySelection(CopyFormat format)
{
    const QByteArray bytes = selectedBytes();
    if (bytes.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(formatBytes(bytes, format));
    Q_EMIT copied(quint64(bytes.size()), selectionLength());
}

QMenu *HexView::createContextMenu(quint64 offsetBytes)
{
    auto *menu = new QMenu(this);
    const bool selection = m_hasSelection && selectionLength() > 0;
    const auto addCopy = [&](const QString &text, const QString &name, CopyFormat format) {
        QAction *action = menu->addAction(text, this, [this, format] {
            copySelection(format);
        });
        action->setObjectName(name);
        action->setEnabled(selection);
        return action;
    };
    addCopy(tr("Copy as &Hex"), u"copyHexAction"_s, CopyFormat::Hex)->setShortcut(QKeySequence::Copy);
    addCopy(tr("Copy as &C Array"), u"copyCArrayAction"_s, CopyFormat::CArray);
    addCopy(tr("Copy as &Base64"), u"copyBase64Action"_s, CopyFormat::Base64);
    menu->addSeparator();

    const quint64 total = totalSizeBytes();
    const quint64 cluster = offsetBytes / ClusterSizeBytes;
    QAction *selectCluster = menu->addAction(tr("&Select Cluster %1").arg(QLocale().toString(qulonglong(cluster))), this, [this, cluster, total] {
        const quint64 start = cluster * ClusterSizeBytes;
        if (start < total)
            setSelection(start, std::min(ClusterSizeBytes, total - start)); // a partial last cluster ends with the data
    });
    selectCluster->setObjectName(u"selectClusterAction"_s);
    QAction *goToCluster = menu->addAction(tr("&Go to Cluster…"), this, [this, cluster] {
        Q_EMIT goToClusterRequested(cluster);
    });
    goToCluster->setObjectName(u"goToClusterAction"_s);
    const quint64 start = selection ? selectionStart() : offsetBytes;
    const quint64 length = selection ? selectionLength() : 1;
    QAction *showInHeatmap = menu->addAction(tr("Show in &Heatmap"), this, [this, start, length] {
        Q_EMIT showInHeatmapRequested(ClusterRange::forBytes(start, length));
    });
    showInHeatmap->setObjectName(u"showInHeatmapAction"_s);
    menu->addSeparator();
    QAction *bookmark = menu->addAction(tr("Add &Bookmark"), this, [this, start, length] {
        Q_EMIT addBookmarkRequested(start, length);
    });
    bookmark->setObjectName(u"addBookmarkAction"_s);
    bookmark->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
    for (QAction *action : menu->actions())
        action->setShortcutVisibleInContextMenu(true);
    Q_EMIT contextMenuAboutToShow(menu, offsetBytes);
    return menu;
}

QRect HexView::cursorCellRect() const
{
    const quint64 row = m_cursorOffset / rowBytes();
    if (row < m_topRow || row >= m_topRow + quint64(pageRows()))
        return QRect(viewport()->rect().center(), QSize(1, 1));
    const int column = int(m_cursorOffset % rowBytes());
    const QRect cell = m_cursorInAscii ? m_layout.asciiCellRect(int(row - m_topRow), column) : m_layout.hexCellRect(int(row - m_topRow), column);
    return cell.translated(-horizontalScrollBar()->value(), 0);
}

bool HexView::event(QEvent *event)
{
    if (event->type() == QEvent::ShortcutOverride) {
        const auto *key = static_cast<QKeyEvent *>(event);
        const Qt::KeyboardModifiers commands = key->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier);
        bool mine = key->matches(QKeySequence::Copy);
        switch (key->key()) {
        case Qt::Key_Left:
        case Qt::Key_Right:
        case Qt::Key_Up:
        case Qt::Key_Down:
        case Qt::Key_PageUp:
        case Qt::Key_PageDown:
            mine = mine || !commands;
            break;
        case Qt::Key_Home:
        case Qt::Key_End:
            mine = mine || (commands & ~Qt::ControlModifier) == 0;
            break;
        default:
            // While editing, a typed digit or character is an edit, never a one-key shortcut.
            mine = mine || (m_editable && !commands && !key->text().isEmpty() && key->text().at(0).isPrint());
            break;
        }
        if (mine) {
            event->accept();
            return true;
        }
    }
    return QAbstractScrollArea::event(event);
}

void HexView::contextMenuEvent(QContextMenuEvent *event)
{
    quint64 offset = m_cursorOffset;
    if (event->reason() == QContextMenuEvent::Mouse) {
        const std::optional<quint64> clicked = offsetAt(event->pos(), nullptr);
        if (!clicked)
            return;
        offset = *clicked;
        const bool insideSelection = m_hasSelection && offset >= selectionStart() && offset - selectionStart() < selectionLength();
        if (!insideSelection)
            moveCursor(offset, false); // as a left click would, so the menu acts on what is under the pointer
    }
    if (!m_source || totalSizeBytes() == 0)
        return;
    QMenu *menu = createContextMenu(offset);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    const QPoint where = event->reason() == QContextMenuEvent::Mouse ? event->globalPos()
                                                                     : viewport()->mapToGlobal(cursorCellRect().bottomLeft());
    menu->popup(where);
    event->accept();
}

void HexView::setEditable(bool editable)
{
    m_editable = editable;
    viewport()->update();
}

void HexView::setUndoStack(QUndoStack *stack)
{
    m_undoStack = stack;
}

std::optional<char> HexView::pendingByte(quint64 offsetBytes) const
{
    const auto it = m_pendingEdits.find(offsetBytes);
    if (it == m_pendingEdits.end())
        return std::nullopt;
    return it->second;
}

void HexView::setPendingByte(quint64 offsetBytes, std::optional<char> value)
{
    if (value)
        m_pendingEdits[offsetBytes] = *value;
    else
        m_pendingEdits.erase(offsetBytes);
    updateOffsets(offsetBytes, offsetBytes);
    Q_EMIT pendingEditsChanged();
}

void HexView::clearPendingEdits()
{
    if (m_pendingEdits.empty())
        return;
    m_pendingEdits.clear();
    viewport()->update();
    Q_EMIT pendingEditsChanged();
}

std::optional<char> HexView::byteAt(quint64 offsetBytes)
{
    if (const std::optional<char> pending = pendingByte(offsetBytes))
        return pending;
    char byte = 0;
    if (m_cache.read(offsetBytes, &byte, 1) == 1)
        return byte;
    return std::nullopt;
}

bool HexView::isEditableOffset(quint64 offsetBytes) const
{
    return m_editable && m_source && offsetBytes < m_source->sizeBytes(); // R15: nothing past the end
}

void HexView::updateOffsets(quint64 firstOffset, quint64 lastOffset)
{
    if (lastOffset < firstOffset)
        std::swap(firstOffset, lastOffset);
    const quint64 firstRow = firstOffset / rowBytes();
    const quint64 lastRow = lastOffset / rowBytes();
    const quint64 visibleEnd = m_topRow + quint64(m_layout.visibleRows(viewport()->height()));
    if (lastRow < m_topRow || firstRow >= visibleEnd)
        return;
    const int top = int(std::max(firstRow, m_topRow) - m_topRow);
    const int bottom = int(std::min(lastRow, visibleEnd - 1) - m_topRow);
    viewport()->update(QRect(0, top * m_layout.lineHeight(), viewport()->width(), (bottom - top + 1) * m_layout.lineHeight()));
}

void HexView::ensureCursorVisible()
{
    const quint64 row = m_cursorOffset / rowBytes();
    const quint64 page = quint64(pageRows());
    if (row < m_topRow)
        setTopRow(row);
    else if (row >= m_topRow + page)
        setTopRow(row - page + 1);
}

void HexView::moveCursor(quint64 offsetBytes, bool extendSelection)
{
    const quint64 total = totalSizeBytes();
    if (total == 0)
        return;
    offsetBytes = std::min(offsetBytes, total - 1);
    const quint64 oldStart = selectionStart();
    const quint64 oldEnd = oldStart + std::max<quint64>(selectionLength(), 1) - 1;
    const quint64 oldCursor = m_cursorOffset;
    if (extendSelection) {
        if (!m_hasSelection) {
            m_anchorOffset = m_cursorOffset;
            m_hasSelection = true;
        }
    } else {
        m_hasSelection = false;
    }
    m_cursorOffset = offsetBytes;
    m_cursorNibble = 0;
    ensureCursorVisible();
    updateOffsets(oldStart, oldEnd);
    updateOffsets(oldCursor, m_cursorOffset);
    if (m_hasSelection)
        updateOffsets(selectionStart(), selectionStart() + selectionLength() - 1);
    emitSelectionIfChanged();
    if (oldCursor != m_cursorOffset)
        Q_EMIT cursorOffsetChanged(m_cursorOffset);
}

void HexView::applyEdit(quint64 offsetBytes, char value, bool firstNibble)
{
    if (m_undoStack)
        m_undoStack->push(new HexEditCommand(this, offsetBytes, value, firstNibble));
    else
        setPendingByte(offsetBytes, value);
}

void HexView::typeHexDigit(int digit)
{
    if (!isEditableOffset(m_cursorOffset))
        return;
    const char current = byteAt(m_cursorOffset).value_or(0);
    if (m_cursorNibble == 0) {
        applyEdit(m_cursorOffset, char((digit << 4) | (uchar(current) & 0x0f)), true);
        m_cursorNibble = 1;
        updateOffsets(m_cursorOffset, m_cursorOffset);
        return;
    }
    applyEdit(m_cursorOffset, char((uchar(current) & 0xf0) | digit), false);
    if (isEditableOffset(m_cursorOffset + 1)) {
        moveCursor(m_cursorOffset + 1, false);
    } else {
        m_cursorNibble = 0;
        updateOffsets(m_cursorOffset, m_cursorOffset);
    }
}

void HexView::typeByte(char value)
{
    if (!isEditableOffset(m_cursorOffset))
        return;
    applyEdit(m_cursorOffset, value, false);
    if (isEditableOffset(m_cursorOffset + 1))
        moveCursor(m_cursorOffset + 1, false);
}

void HexView::keyPressEvent(QKeyEvent *event)
{
    if (m_keyboard.keyPress(event))
        event->accept();
    else
        QAbstractScrollArea::keyPressEvent(event);
}

bool HexView::focusNextPrevChild(bool next)
{
    if (m_editable) {
        // Tab switches between the hex and the ASCII column while editing.
        m_cursorInAscii = !m_cursorInAscii;
        m_cursorNibble = 0;
        updateOffsets(m_cursorOffset, m_cursorOffset);
        return true;
    }
    return QAbstractScrollArea::focusNextPrevChild(next);
}

std::optional<quint64> HexView::offsetAt(QPoint viewportPoint, bool *inAscii) const
{
    const quint64 total = totalSizeBytes();
    if (total == 0)
        return std::nullopt;
    QPoint content = viewportPoint + QPoint(horizontalScrollBar()->value(), 0);
    content.setY(std::clamp(content.y(), 0, std::max(0, viewport()->height() - 1)));
    const HexLayout::Hit hit = m_layout.hitTest(content);
    if (hit.area != HexLayout::Area::Hex && hit.area != HexLayout::Area::Ascii)
        return std::nullopt;
    if (inAscii)
        *inAscii = hit.area == HexLayout::Area::Ascii;
    const quint64 offset = (m_topRow + quint64(hit.visibleRow)) * rowBytes() + quint64(hit.byteColumn);
    return std::min(offset, total - 1);
}

void HexView::mousePressEvent(QMouseEvent *event)
{
    if (m_mouse.press(event))
        event->accept();
    else
        QAbstractScrollArea::mousePressEvent(event);
}

void HexView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_mouse.move(event))
        event->accept();
    else
        QAbstractScrollArea::mouseMoveEvent(event);
}

void HexView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_mouse.release(event))
        event->accept();
    else
        QAbstractScrollArea::mouseReleaseEvent(event);
}

void HexView::dragSelectionTo(quint64 offsetBytes)
{
    const quint64 anchor = m_hasSelection ? m_anchorOffset : m_cursorOffset;
    m_anchorOffset = anchor;
    m_hasSelection = true;
    const quint64 oldCursor = m_cursorOffset;
    m_cursorOffset = offsetBytes;
    m_cursorNibble = 0;
    updateOffsets(oldCursor, m_cursorOffset);
    updateOffsets(anchor, m_cursorOffset);
    emitSelectionIfChanged();
    Q_EMIT cursorOffsetChanged(m_cursorOffset);
}

void HexView::scrollRows(qint64 rows)
{
    if (rows < 0)
        setTopRow(m_topRow > quint64(-rows) ? m_topRow - quint64(-rows) : 0);
    else
        setTopRow(m_topRow + quint64(rows));
}

void HexView::wheelEvent(QWheelEvent *event)
{
    // In rows, not scroll bar steps: a scaled scroll bar step can be thousands of rows.
    if (event->modifiers() & (Qt::ControlModifier | Qt::ShiftModifier) || event->angleDelta().y() == 0) {
        QAbstractScrollArea::wheelEvent(event);
        return;
    }
    m_wheelRemainder += event->angleDelta().y();
    const int steps = m_wheelRemainder / 120;
    m_wheelRemainder -= steps * 120;
    scrollRows(-qint64(steps) * 3);
    event->accept();
}

void HexView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBars();
    setTopRow(m_topRow);
}

void HexView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange) {
        m_layout.setFontMetrics(fontMetrics());
        updateGeometry();
        updateScrollBars();
        viewport()->update();
    } else if (event->type() == QEvent::PaletteChange) {
        viewport()->update();
    }
    QAbstractScrollArea::changeEvent(event);
}

void HexView::focusInEvent(QFocusEvent *event)
{
    QAbstractScrollArea::focusInEvent(event);
    updateOffsets(m_cursorOffset, m_cursorOffset);
}

void HexView::focusOutEvent(QFocusEvent *event)
{
    QAbstractScrollArea::focusOutEvent(event);
    updateOffsets(m_cursorOffset, m_cursorOffset);
}

void HexView::scrollContentsBy(int dx, int dy)
{
    Q_UNUSED(dy)
    if (dx != 0)
        viewport()->update(); // vertical moves repaint through setTopRow
}

void HexView::paintEvent(QPaintEvent *event)
{
    QPainter painter(viewport());
    const QRect dirty = event->rect();
    const QPalette &pal = palette();
    painter.fillRect(dirty, pal.base());
    const quint64 total = totalSizeBytes();
    if (!m_source || total == 0)
        return;

    const int lineHeight = m_layout.lineHeight();
    const int firstRow = std::max(0, dirty.top() / lineHeight);
    const int lastRow = dirty.bottom() / lineHeight;
    const quint64 firstOffset = (m_topRow + quint64(firstRow)) * rowBytes();
    if (firstOffset >= total)
        return;
    const quint64 spanBytes = std::min(quint64(lastRow - firstRow + 1) * rowBytes(), total - firstOffset);

    // Only the rows in the dirty rect are read, through the page caches.
    QByteArray bytes(qsizetype(spanBytes), Qt::Uninitialized);
    std::vector<bool> presentBytes;
    const quint64 available = m_cache.readPresent(firstOffset, bytes.data(), spanBytes, presentBytes);
    std::vector<bool> changed;
    if (m_changeMarker)
        m_changeMarker->changedBytes(firstOffset, spanBytes, changed);
    QList<MapRun> runs;
    if (m_markSources && available > 0)
        runs = m_source->sourceRuns(firstOffset, spanBytes);
    qsizetype runIndex = 0;

    const int xShift = horizontalScrollBar()->value();
    painter.translate(-xShift, 0);
    const QColor textColor = pal.color(QPalette::Text);
    const QColor dimColor = pal.color(QPalette::PlaceholderText);
    const QColor selectionColor = pal.color(QPalette::Highlight);
    const QColor selectedTextColor = pal.color(QPalette::HighlightedText);
    const QColor highlightColor = withAlpha(pal.color(QPalette::Highlight), 70);
    const QColor diffColor = differenceColor(pal.color(QPalette::Base));
    const QColor editColor = withAlpha(pendingColor(), 150);
    const quint64 selStart = selectionStart();
    const quint64 selLength = selectionLength();
    const bool showCursor = hasFocus() || m_editable;
    const int ascent = m_layout.ascent();
    const int halfGap = m_layout.charWidth() / 2;

    painter.fillRect(QRect(0, firstRow * lineHeight, m_layout.offsetColumnX() + m_layout.offsetColumnWidth() + halfGap,
                           (lastRow - firstRow + 1) * lineHeight),
                     pal.alternateBase());

    for (int row = firstRow; row <= lastRow; ++row) {
        const quint64 rowOffset = (m_topRow + quint64(row)) * rowBytes();
        if (rowOffset >= total)
            break;
        const int y = row * lineHeight;
        painter.setPen(dimColor);
        painter.drawText(m_layout.offsetColumnX(), y + ascent, QString::number(rowOffset, 16).rightJustified(m_layout.offsetDigits(), u'0'));

        for (int column = 0; column < m_layout.bytesPerRow(); ++column) {
            const quint64 offset = rowOffset + quint64(column);
            if (offset >= total)
                break;
            const quint64 index = offset - firstOffset;
            const bool present = index < presentBytes.size() && presentBytes[size_t(index)];
            const auto pendingIt = m_pendingEdits.find(offset);
            const bool pending = pendingIt != m_pendingEdits.end();
            const char byte = pending ? pendingIt->second : (present ? bytes.at(qsizetype(index)) : char(0));

            QColor background;
            while (runIndex < runs.size() && runs.at(runIndex).offsetBytes + runs.at(runIndex).lengthBytes <= offset)
                ++runIndex;
            if (runIndex < runs.size() && runs.at(runIndex).offsetBytes <= offset)
                background = withAlpha(sourceColor(runs.at(runIndex).source), 50);
            // Changes show in the text colour, so the source tint stays visible under them.
            const bool differs = index < changed.size() && changed[size_t(index)];
            const bool highlighted = m_highlightLength && offset >= m_highlightOffset && offset - m_highlightOffset < m_highlightLength;
            if (highlighted)
                background = highlightColor;
            if (pending)
                background = editColor;
            const bool selected = selLength && offset >= selStart && offset - selStart < selLength;
            if (selected)
                background = selectionColor;

            const QRect hexRect = m_layout.hexCellRect(row, column);
            const QRect asciiRect = m_layout.asciiCellRect(row, column);
            if (background.isValid()) {
                // A selection or highlighted range also fills the gap to its next byte, so it reads as one band.
                const int extra = column == m_layout.bytesPerRow() - 1 ? 0 : m_layout.hexColumnX(column + 1) - hexRect.right() - 1;
                const bool selectionGoesOn = selected && offset - selStart + 1 < selLength;
                const bool highlightGoesOn = highlighted && !selected && !pending && offset - m_highlightOffset + 1 < m_highlightLength
                    && !(selLength && offset + 1 >= selStart && offset + 1 - selStart < selLength) && !m_pendingEdits.count(offset + 1);
                painter.fillRect(hexRect.adjusted(0, 0, selectionGoesOn || highlightGoesOn ? extra : 0, 0), background);
                painter.fillRect(asciiRect, background);
            }
            if (differs && !selected)
                painter.fillRect(QRect(hexRect.left(), hexRect.bottom() - 1, hexRect.width(), 2), diffColor);
            if (present || pending) {
                painter.setPen(selected ? selectedTextColor : (differs && !pending ? diffColor : textColor));
                painter.drawText(hexRect.x(), y + ascent, hexByte(byte));
                painter.drawText(asciiRect.x(), y + ascent, QString(asciiFor(byte)));
            } else {
                painter.setPen(dimColor);
                painter.drawText(hexRect.x(), y + ascent, AbsentHex);
                painter.drawText(asciiRect.x(), y + ascent, AbsentAscii);
            }
            if (showCursor && offset == m_cursorOffset) {
                painter.setPen(QPen(textColor, 1));
                if (m_cursorInAscii) {
                    painter.drawRect(asciiRect.adjusted(0, 0, -1, -1));
                    painter.setPen(QPen(dimColor, 1, Qt::DotLine));
                    painter.drawRect(hexRect.adjusted(0, 0, -1, -1));
                } else {
                    QRect cursorRect = hexRect.adjusted(0, 0, -1, -1);
                    if (m_editable) {
                        cursorRect.setWidth(m_layout.charWidth() - 1);
                        cursorRect.moveLeft(hexRect.x() + m_cursorNibble * m_layout.charWidth());
                    }
                    painter.drawRect(cursorRect);
                    painter.setPen(QPen(dimColor, 1, Qt::DotLine));
                    painter.drawRect(asciiRect.adjusted(0, 0, -1, -1));
                }
            }
        }
    }
}

} // namespace AddCow
