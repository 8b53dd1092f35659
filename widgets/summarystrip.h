// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "backinglayer.h"
#include "finding.h"
#include "headerparser.h"

#include <QPointer>
#include <QString>
#include <QWidget>

#include <optional>

class QBoxLayout;
class QFrame;
class QGridLayout;
class QLabel;

namespace AddCow
{

class Image;
class ImageDocument;

/**
 * One line about the open image: virtual size, allocated clusters, the backing and image
 * files (stored name and resolved path, flagged when missing) and the overall state. When the
 * file names do not fit on that line, they move to a second line.
 * For an image that cannot be opened it shows what the header alone tells. The context menu
 * copies the size, the summary and the paths, and opens the folder.
 */
class SummaryStrip : public QWidget
{
    Q_OBJECT

public:
    enum class State {
        Empty,    ///< nothing shown
        Clean,    ///< no warnings, no errors
        Warnings, ///< warnings only
        Errors,   ///< at least one error
    };
    Q_ENUM(State)

    explicit SummaryStrip(QWidget *parent = nullptr);
    ~SummaryStrip() override;

    /**
     * Follows document from now on: what it shows, its allocated count as bits change, its
     * findings. Null stops following (and clears).
     */
    void setDocument(ImageDocument *document);
    ImageDocument *document() const { return m_document; }
    /** Shows an open image and the findings of its check. A null image clears the strip. */
    void setImage(const Image *image, const Findings &findings);
    /** Shows what the header tells about an image that cannot be opened (header-only mode). */
    void setHeaderOnly(const HeaderParse &parse, const QString &addCowPath, const Findings &findings);
    /**
     * Adds the backing chain as QEMU reports it (R9: the backing file, the file it is backed by,
     * ...) to the backing file's tooltip. Call after setImage(); an empty chain adds nothing.
     */
    void setBackingChain(const QList<BackingLayer> &chain);
    void clear();

    State state() const { return m_state; }
    bool isHeaderOnly() const { return m_headerOnly; }
    QString virtualSizeText() const;
    QString clustersText() const;
    QString backingFileText() const;
    QString imageFileText() const;
    QString stateText() const;
    /** True when the header names the file and it does not exist; the tooltip says so. */
    bool isBackingFileMissing() const { return m_backingMissing; }
    bool isImageFileMissing() const { return m_imageMissing; }
    QString backingFileToolTip() const;
    QString imageFileToolTip() const;
    /** The narrowest arrangement's, whatever the texts say (issue 13). */
    QSize minimumSizeHint() const override;

protected:
    void changeEvent(QEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct FileState {
        QByteArray storedName;
        QString resolvedPath;
        bool exists = false;
        bool named = false;
    };
    void showDocument();
    void showImage(const Image &image, quint64 allocatedClusters, const Findings &findings);
    void showClusters(quint64 allocated, quint64 total, bool allAllocated);
    void showFile(QLabel *label, QLabel *icon, bool *missing, const FileState &file, bool backing, bool notNeeded);
    void showState(const Findings &findings);
    void updateStateColours();
    /** Long paths are elided in the middle to fit, keptText (their label) never; the accessors and tooltips keep them whole. */
    void setElidedText(QLabel *label, const QString &text, const QString &keptText = QString());
    void placeParts(bool twoLines);
    /** Width the two file labels need to show their whole text. */
    int fullFilesWidth() const;
    /** One line or two, whichever lets the file names show in full. */
    void updateLines();
    void updateElision(QLabel *label);

    QPointer<ImageDocument> m_document;
    QString m_addCowPath;
    QString m_backingPath; ///< resolved (R16), empty when the header names none
    QString m_imagePath;
    std::optional<quint64> m_virtualSizeBytes;
    State m_state = State::Empty;
    bool m_headerOnly = false;
    QByteArray m_backingFormat; ///< R9: shown beside "Backing file" when not raw
    bool m_backingMissing = false;
    bool m_imageMissing = false;
    QLabel *m_sizeLabel;
    QLabel *m_clustersLabel;
    QLabel *m_backingIcon;
    QLabel *m_backingLabel;
    QLabel *m_imageIcon;
    QLabel *m_imageLabel;
    QLabel *m_stateIcon;
    QLabel *m_stateLabel;
    QWidget *m_factsPart = nullptr;
    QWidget *m_filesPart = nullptr;
    QWidget *m_statePart = nullptr;
    QFrame *m_filesLeadingSeparator = nullptr;
    QFrame *m_filesTrailingSeparator = nullptr;
    QGridLayout *m_grid = nullptr;
    QBoxLayout *m_factsLayout = nullptr;
    QFrame *m_factsSeparator = nullptr;
    bool m_twoLines = false;
};

} // namespace AddCow
