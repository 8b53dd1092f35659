// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "commitjob.h"
#include "headerrewrite.h"
#include "verifyjob.h"

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>

#include <memory>

class QAction;
class QMessageBox;
class QUndoStack;

namespace AddCow
{

class CommitDialog;
class CommitDoneDialog;
class CreateWizard;
class MainWindow;

/**
 * The operations of AddCow Studio on image files: File › New Image (the create wizard),
 * Image › Commit to Raw (R19), Image › Verify, Image › Edit File Names with undo. Each runs as
 * a job through the main window's JobManager; the actions are enabled for the current image
 * state and say why not in their tooltips.
 */
class ImageActions : public QObject
{
    Q_OBJECT

public:
    explicit ImageActions(MainWindow *window);
    ~ImageActions() override;

    QAction *newImageAction() const { return m_newImageAction; }
    QAction *commitAction() const { return m_commitAction; }
    QAction *verifyAction() const { return m_verifyAction; }
    QAction *editNamesAction() const { return m_editNamesAction; }
    QAction *locateBackingAction() const { return m_locateBackingAction; }
    QAction *undoNamesAction() const { return m_undoNamesAction; }
    QAction *redoNamesAction() const { return m_redoNamesAction; }
    QUndoStack *nameUndoStack() const { return m_nameUndoStack; }

    /**
     * Why the shown image cannot be committed now, translated; empty when it can.
     * probeFiles also checks that the files are writable and that no other process holds them
     * open for writing (QEMU's locks).
     */
    QString commitRefusal(bool probeFiles) const;
    QString verifyRefusal() const;
    QString editNamesRefusal() const;
    /** Why the backing file cannot be located now; empty when the header names one that is missing or unreadable. */
    QString locateBackingRefusal() const;

    /** The wizard shown by newImage(), while it is open. */
    CreateWizard *createWizard() const;
    /** The confirmation shown by commitToRaw(), while it is open. */
    CommitDialog *commitDialog() const;
    /** The dialog shown after a commit finished, while it is open. */
    CommitDoneDialog *commitDoneDialog() const;
    int commitJobId() const { return m_commitJobId; }
    int verifyJobId() const { return m_verifyJobId; }
    int nameJobId() const { return m_nameJobId; }
    /** The last verify result (empty before the first verify). */
    const VerifyResult &lastVerifyResult() const { return m_lastVerify; }
    /** The summary text of the last verify, as its message box shows it. */
    QString lastVerifySummary() const { return m_lastVerifySummary; }

    /** Starts committing the shown image without asking. @return the job id, 0 when refused (reason in a message box) */
    int startCommit();
    /** Starts verifying addCowPath with a data pass. @return the job id */
    int startVerify(const QString &addCowPath);
    /** Rewrites the shown image's names (only the set members), undoable. @return false when refused */
    bool changeNames(const NameChange &change);
    /**
     * Stores path as the shown image's backing file, as `addcow rebase -u` does (same checks,
     * format probed, atomic rewrite), undoable; a relative stored name stays relative (R16).
     * @return false when refused (the reason in a message box)
     */
    bool setBackingFile(const QString &path);

public Q_SLOTS:
    void newImage();
    void commitToRaw();
    void verify();
    void editNames();
    /** Image › Locate Backing File: asks for the file, then setBackingFile(). */
    void locateBacking();

Q_SIGNALS:
    void commitFinished(int jobId);
    void verifyFinished(int jobId);
    /** A name rewrite (or its undo/redo) ended; ok false when it failed. */
    void namesRewritten(bool ok);

private:
    void createActions();
    void addToMenus();
    void updateActions();
    void planReady();
    void jobFinished(int jobId);
    void commitEnded(int jobId);
    void verifyEnded(int jobId);
    void nameJobEnded(int jobId);
    void applyNames(const QString &addCowPath, const NameChange &change);
    void removeFilesAfterCommit();
    void showMessage(int icon, const QString &objectName, const QString &title, const QString &text, const QString &details);
    bool isJobRunningOn(const QString &addCowPath) const;

    MainWindow *m_window;
    QAction *m_newImageAction = nullptr;
    QAction *m_commitAction = nullptr;
    QAction *m_verifyAction = nullptr;
    QAction *m_editNamesAction = nullptr;
    QAction *m_locateBackingAction = nullptr;
    QAction *m_undoNamesAction = nullptr;
    QAction *m_redoNamesAction = nullptr;
    QUndoStack *m_nameUndoStack;
    QString m_undoPath;

    QPointer<CreateWizard> m_wizard;
    QPointer<CommitDialog> m_commitDialog;
    QPointer<CommitDoneDialog> m_commitDoneDialog;
    QFutureWatcher<CommitPlan> m_planWatcher;
    QString m_planPath;

    int m_commitJobId = 0;
    QString m_commitImagePath;
    QString m_commitBackingPath;
    int m_verifyJobId = 0;
    int m_nameJobId = 0;
    std::shared_ptr<VerifyJob> m_verifyJob;
    VerifyResult m_lastVerify;
    QString m_lastVerifySummary;

    struct Cleanup {
        QString addCowPath;
        QString backingPath;
        bool removeAddCow = false;
        bool removeBacking = false;
        int verifyJobId = 0; ///< the removal waits for this verify
    };
    Cleanup m_cleanup;
};

} // namespace AddCow
