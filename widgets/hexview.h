// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "hexkeyboardcontroller.h"
#include "hexlayout.h"
#include "hexmousecontroller.h"
#include "hexpagecache.h"

#include "clusterrange.h"

#include <QAbstractScrollArea>

#include <map>
#include <memory>
#include <optional>

class QMenu;
class QUndoStack;

namespace AddCow
{

class HexChangeMarker;
class HexDataSource;

/**
 * Shows one HexDataSource as offset | 8, 16 or 32 hex bytes | ASCII rows, reading only the
 * visible rows through a bounded page cache, so any offset of an 8 TiB file shows at once.
 * Offsets are 64-bit; the scroll bar is scaled when rows exceed its int range, and goToOffset()
 * stays exact. Bytes past the end of the source (up to the display size) show as absent, not as
 * zeros. Optionally marks where the virtual disk takes bytes from (HexDataSource::sourceRuns)
 * and the bytes writes changed (HexChangeMarker), and accepts typed edits as pending bytes (an
 * overlay with undo through a QUndoStack) that the owner writes out.
 */
class HexView : public QAbstractScrollArea
{
    Q_OBJECT
public:
    /** The most bytes Ctrl+C copies; larger selections copy their start. */
    static constexpr quint64 MaxCopyBytes = 1024 * 1024;
    /** How the context menu's Copy as… writes bytes. */
    enum class CopyFormat {
        Hex,    ///< "de ad be ef"
        CArray, ///< "unsigned char data[4] = { 0xde, 0xad, 0xbe, 0xef };", 12 a line
        Base64,
    };

    explicit HexView(QWidget *parent = nullptr);
    ~HexView() override;

    void setDataSource(std::shared_ptr<const HexDataSource> source);
    std::shared_ptr<const HexDataSource> dataSource() const { return m_source; }
    /** Marks the bytes writes changed, at the virtual disk's offsets (shared by the views of one image). Null: none. */
    void setChangeMarker(std::shared_ptr<HexChangeMarker> marker);
    /** Shows rows up to at least sizeBytes, so views of files of different sizes line up. */
    void setDisplaySizeBytes(quint64 sizeBytes);
    /** max(source size, display size): the offsets the view can show. */
    quint64 totalSizeBytes() const;
    /** Tint bytes by where the virtual disk takes them from (on by default). */
    void setSourceMarkingEnabled(bool enabled);
    /** Forgets cached bytes (the source changed on disk) and repaints. */
    void refresh();
    /** Forgets the cached bytes of [offsetBytes, offsetBytes + lengthBytes) and repaints them. */
    void invalidate(quint64 offsetBytes, quint64 lengthBytes);

    /** Moves the cursor to offsetBytes and scrolls so its row is at the top (or as close as the end allows). */
    void goToOffset(quint64 offsetBytes);
    /** Scrolls so the row holding offsetBytes is at the top; the cursor stays. */
    void setTopOffset(quint64 offsetBytes);
    quint64 topOffset() const;
    quint64 cursorOffset() const { return m_cursorOffset; }
    /** Rows fully visible in the viewport. */
    int pageRows() const;

    /** A range drawn with a highlight (e.g. a cluster range); length 0 removes it. */
    void setHighlightedRange(quint64 offsetBytes, quint64 lengthBytes);
    quint64 highlightedOffset() const { return m_highlightOffset; }
    quint64 highlightedLength() const { return m_highlightLength; }
    /** Selects [offsetBytes, offsetBytes + lengthBytes) and shows its start; length 0 clears the selection. */
    void setSelection(quint64 offsetBytes, quint64 lengthBytes);
    quint64 selectionStart() const;
    quint64 selectionLength() const;
    /** The selected bytes (pending edits included, none past the end), at most MaxCopyBytes. Empty without a selection. */
    QByteArray selectedBytes() const;
    static QString formatBytes(const QByteArray &bytes, CopyFormat format);
    /** The selected bytes as "de ad be ef" (pending edits included), at most MaxCopyBytes. */
    QString selectionAsHex() const;
    /** Copies the selected bytes to the clipboard as format (Ctrl+C: hex) and emits copied(). */
    void copySelection(CopyFormat format = CopyFormat::Hex);

    /**
     * The context menu for the byte at offsetBytes: copy as hex, C array or Base64, select its
     * cluster, go to a cluster, show in the heatmap, add a bookmark; then
     * contextMenuAboutToShow() lets the owner add more. The caller owns the menu.
     */
    QMenu *createContextMenu(quint64 offsetBytes);

    /** Typing hex digits (or text in the ASCII column) edits bytes before the source's end. */
    void setEditable(bool editable);
    bool isEditable() const { return m_editable; }
    /** Typed edits are pushed as HexEditCommand here; without a stack they apply directly. */
    void setUndoStack(QUndoStack *stack);
    QUndoStack *undoStack() const { return m_undoStack; }
    /** Edited bytes not written yet, by offset. */
    const std::map<quint64, char> &pendingEdits() const { return m_pendingEdits; }
    std::optional<char> pendingByte(quint64 offsetBytes) const;
    /** Sets (or with nullopt removes) the pending byte at offsetBytes; used by HexEditCommand. */
    void setPendingByte(quint64 offsetBytes, std::optional<char> value);
    void clearPendingEdits();
    /** The byte shown at offsetBytes: the pending edit, else the source's byte; nullopt when absent. */
    std::optional<char> byteAt(quint64 offsetBytes);
    /** True while the cursor is in the ASCII column (typing enters characters). */
    bool isCursorInAscii() const { return m_cursorInAscii; }

    const HexLayout &hexLayout() const { return m_layout; }
    /** 8, 16 or 32 bytes a row (HexLayout::setBytesPerRow); the row at the top stays in view. */
    void setBytesPerRow(int bytes);
    int bytesPerRow() const { return m_layout.bytesPerRow(); }
    /**
     * The fixed font one point smaller (not below 8 pt): three views of 16 bytes and their ASCII
     * side by side, about 230 characters, then fit a 1600 pixel screen without scrolling sideways
     * (HexPanel drops to 8 bytes a row where they do not).
     */
    static QFont compactFont();
    /** Wide enough for the offset column, the bytes of a row and the ASCII column. */
    QSize sizeHint() const override;
    /** The width that shows bytesPerRow bytes a row without scrolling sideways (frame and scroll bar included). */
    int preferredWidth(int bytesPerRow) const;
    const HexPageCache &pageCache() const { return m_cache; }

Q_SIGNALS:
    void topOffsetChanged(quint64 offsetBytes);
    void selectionChanged(quint64 offsetBytes, quint64 lengthBytes);
    void cursorOffsetChanged(quint64 offsetBytes);
    void pendingEditsChanged();
    /** The context menu's actions the view cannot do itself. */
    void showInHeatmapRequested(AddCow::ClusterRange range);
    void goToClusterRequested(quint64 clusterIndex);
    void addBookmarkRequested(quint64 offsetBytes, quint64 lengthBytes);
    void contextMenuAboutToShow(QMenu *menu, quint64 offsetBytes);
    /** bytesCopied of bytesSelected went to the clipboard (fewer when the selection passes MaxCopyBytes). */
    void copied(quint64 bytesCopied, quint64 bytesSelected);

protected:
    /** Takes the keys it uses before the window's shortcuts can (Ctrl+C, moving, typing while editable); every other shortcut (Ctrl+E, Ctrl+S) reaches the window. */
    bool event(QEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void changeEvent(QEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    bool focusNextPrevChild(bool next) override;

private:
    friend class HexKeyboardController;
    friend class HexMouseController;

    quint64 rowCount() const;
    quint64 rowBytes() const { return quint64(m_layout.bytesPerRow()); }
    quint64 maxTopRow() const;
    void setTopRow(quint64 row);
    void scrollRows(qint64 rows);
    void updateScrollBars();
    void updateOffsetDigits();
    void moveCursor(quint64 offsetBytes, bool extendSelection);
    void ensureCursorVisible();
    void updateOffsets(quint64 firstOffset, quint64 lastOffset);
    void emitSelectionIfChanged();
    /** The cursor's cell in viewport coordinates, or the viewport's middle when it is not visible. */
    QRect cursorCellRect() const;
    std::optional<quint64> offsetAt(QPoint viewportPoint, bool *inAscii) const;
    void dragSelectionTo(quint64 offsetBytes);
    void typeHexDigit(int digit);
    void typeByte(char value);
    void applyEdit(quint64 offsetBytes, char value, bool firstNibble);
    bool isEditableOffset(quint64 offsetBytes) const;

    std::shared_ptr<const HexDataSource> m_source;
    std::shared_ptr<HexChangeMarker> m_changeMarker;
    HexPageCache m_cache;
    HexLayout m_layout;
    HexKeyboardController m_keyboard;
    HexMouseController m_mouse;
    quint64 m_displaySizeBytes = 0;
    quint64 m_topRow = 0;
    bool m_settingScrollBar = false;
    int m_wheelRemainder = 0; ///< angle delta not yet turned into rows
    bool m_markSources = true;

    quint64 m_cursorOffset = 0;
    int m_cursorNibble = 0;
    bool m_cursorInAscii = false;
    quint64 m_anchorOffset = 0;
    bool m_hasSelection = false;
    quint64 m_lastSelectionStart = 0;
    quint64 m_lastSelectionLength = 0;

    quint64 m_highlightOffset = 0;
    quint64 m_highlightLength = 0;

    bool m_editable = false;
    QUndoStack *m_undoStack = nullptr;
    std::map<quint64, char> m_pendingEdits;
};

} // namespace AddCow
