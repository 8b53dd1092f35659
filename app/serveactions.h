// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QObject>
#include <QPointer>

class QAction;

namespace AddCow
{

class MainWindow;
class ServeDialog;

/**
 * Image › Serve to a Virtual Machine: opens the ServeDialog for the shown image, or the dialog
 * of the serve job already running on it. The serve job lives in the Jobs panel (Cancel there
 * stops it too). While it runs nbdkit holds the image's write locks, so the app reads only: an
 * edit session is refused naming nbdkit, and the heatmap, summary and hex views follow the
 * guest's flushed writes through the document's file watching (ImageDocument re-reads the
 * bitmap bytes that changed, at most about once a second).
 */
class ServeActions : public QObject
{
    Q_OBJECT

public:
    explicit ServeActions(MainWindow *window);

    QAction *serveAction() const { return m_serveAction; }
    /** The dialog serve() showed, while it is open. */
    ServeDialog *serveDialog() const;
    /** The running serve job on addCowPath; 0 when none. */
    int servingJobId(const QString &addCowPath) const;
    /** Why the shown image cannot be served now, translated; empty when it can. */
    QString serveRefusal() const;

public Q_SLOTS:
    void serve();

private:
    void updateAction();

    MainWindow *m_window;
    QAction *m_serveAction;
    QPointer<ServeDialog> m_dialog;
};

} // namespace AddCow
