// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "headerrewrite.h"

#include <QByteArray>
#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace AddCow
{

class HeightForWidthKeeper;
class ProblemLabel;

/**
 * Image › Edit File Names: changes the stored image and backing file names (after the files
 * moved). Shows where each name leads (R16) and refuses missing files, names that do not fit
 * in the header (R5) and names that make two files the same (R17).
 */
class EditNamesDialog : public QDialog
{
    Q_OBJECT

public:
    /** storedBackingName empty: the image has no backing file, and none can be added here. */
    EditNamesDialog(const QString &addCowPath, const QByteArray &storedImageName, const QByteArray &storedBackingName, QWidget *parent = nullptr);

    /**
     * A header repair (repairableNames()): the broken names are stored whatever they are, a
     * broken backing name can be entered, and the dialog says so.
     */
    void setRepair(bool imageNameBroken, bool backingNameBroken);
    bool isRepair() const { return m_imageBroken || m_backingBroken; }

    QByteArray imageFileName() const;
    QByteArray backingFileName() const;
    /** Only the names that differ from the stored ones. */
    NameChange change() const;

    /** Why names cannot be stored, in plain words, with the rule behind it and the full error. */
    struct Problem {
        QString text; ///< empty: the names can be stored
        int rule = 0;
        QString details;
    };
    /**
     * The checks this dialog makes (R5, R6, R16, R17, files that exist) for any caller that
     * chooses names, such as Locate Backing File. hasBacking: the header has a backing file.
     */
    static Problem problemWith(const QString &addCowPath, const QByteArray &imageName, const QByteArray &backingName, bool hasBacking);
    /** The translated reason OK is refused; empty when the names are acceptable. */
    QString problem() const { return m_problem; }
    /** The rule behind problem() (R17 ...), 0 for none; it is in the message's tooltip, not its text. */
    int problemRule() const { return m_problemRule; }

    QLineEdit *imageNameEdit() const { return m_imageName; }
    QLineEdit *backingNameEdit() const { return m_backingName; }

private:
    void check();
    void browse(QLineEdit *edit);
    QString describe(const QByteArray &name) const;

    QString m_addCowPath;
    QByteArray m_storedImageName;
    QByteArray m_storedBackingName;
    bool m_hasBacking = false;
    bool m_imageBroken = false;
    bool m_backingBroken = false;
    QLabel *m_intro = nullptr;
    QPushButton *m_backingBrowse = nullptr;
    QLineEdit *m_imageName;
    QLineEdit *m_backingName;
    QLabel *m_imagePreview;
    QLabel *m_backingPreview;
    ProblemLabel *m_message;
    QDialogButtonBox *m_buttons;
    QString m_problem;
    int m_problemRule = 0;
    HeightForWidthKeeper *m_heightKeeper = nullptr;
};

} // namespace AddCow
