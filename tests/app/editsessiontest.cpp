// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "filelock.h"
#include "hexpanel.h"
#include "hexview.h"
#include "image.h"
#include "imagedocument.h"
#include "mainwindow.h"
#include "summarystrip.h"
#include "testimages.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QMessageBox>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace AddCow;
using namespace Qt::StringLiterals;

namespace
{

bool heldForWriting(const QString &path)
{
    const Result<bool> held = FileLock::isHeldForWriting(path);
    return held.ok() && held.value();
}

bool waitForOpen(MainWindow &window, const QString &path)
{
    window.openImage(path);
    return QTest::qWaitFor([&] { return !window.isLoading() && window.imagePath() == path; }, 20000);
}

QAction *action(const MainWindow &window, const char *name)
{
    return window.findChild<QAction *>(QString::fromLatin1(name));
}

void pressCtrl(QWidget *widget, Qt::Key key)
{
    QTest::keyClick(widget, key, Qt::ControlModifier);
}

} // namespace

/** Issue 14 item 1: edit sessions that behave (Allow Editing on and off, locks, Commit). */
class EditSessionTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void offAndOnAgain();
    void ctrlEWorksWithTheHexViewFocused();
    void failedRetryNeverClaimsEditing();
    void turningOffAsksAboutPendingEdits();

private:
    QTemporaryDir m_dir;
    QString m_path;
};

void EditSessionTest::init()
{
    const QString sub = m_dir.filePath(QString::fromLatin1(QTest::currentTestFunction()));
    QVERIFY(QDir().mkpath(sub));
    TestImages::Options options;
    options.allocated = {{10, 2}};
    m_path = TestImages::make(sub, options);
    QVERIFY(!m_path.isEmpty());
}

void EditSessionTest::offAndOnAgain()
{
    // Ctrl+E, type, Ctrl+S, Ctrl+E off, Ctrl+E on: no "another process has the file open for
    // writing" from the app itself, and one Image throughout.
    MainWindow window;
    window.show();
    QVERIFY(waitForOpen(window, m_path));
    const Image *image = window.image().get();
    QAction *commit = action(window, "commitAction");
    QVERIFY(commit->isEnabled());

    for (int round = 0; round < 2; ++round) {
        pressCtrl(&window, Qt::Key_E);
        QTRY_VERIFY_WITH_TIMEOUT(window.isEditing(), 10000);
        QVERIFY(action(window, "allowEditingAction")->isChecked());
        QVERIFY(heldForWriting(m_path));
        QVERIFY(!commit->isEnabled()); // the session holds the write lock a commit needs

        HexView *view = window.hexPanel()->virtualDiskView();
        view->goToOffset(quint64(30 + round) * ClusterSizeBytes);
        view->setFocus();
        QTest::keyClicks(view, u"ab"_s);
        QVERIFY(window.hexPanel()->hasPendingEdits());
        pressCtrl(&window, Qt::Key_S);
        QVERIFY(!window.hexPanel()->hasPendingEdits());

        pressCtrl(&window, Qt::Key_E);
        QVERIFY(!window.isEditing());
        QVERIFY(!action(window, "allowEditingAction")->isChecked());
        QVERIFY(!heldForWriting(m_path)); // released at once
        QVERIFY(!heldForWriting(window.image()->imageFile().resolvedPath));
        QVERIFY(commit->isEnabled());
    }
    QVERIFY(!window.findChild<QMessageBox *>(u"editErrorBox"_s));
    QCOMPARE(window.image().get(), image);
    Result<Image> reopened = Image::open(m_path);
    QVERIFY(reopened.ok());
    QCOMPARE(reopened->read(30 * ClusterSizeBytes, 1).value(), QByteArray("\xab"));
    QCOMPARE(reopened->read(31 * ClusterSizeBytes, 1).value(), QByteArray("\xab"));
}

void EditSessionTest::ctrlEWorksWithTheHexViewFocused()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QVERIFY(waitForOpen(window, m_path));
    HexView *view = window.hexPanel()->virtualDiskView();
    view->setFocus();
    QVERIFY(view->hasFocus());
    pressCtrl(view, Qt::Key_E);
    QTRY_VERIFY_WITH_TIMEOUT(window.isEditing(), 10000);
    view->setFocus();
    pressCtrl(view, Qt::Key_E);
    QVERIFY(!window.isEditing());
}

void EditSessionTest::failedRetryNeverClaimsEditing()
{
    MainWindow window;
    window.show();
    QVERIFY(waitForOpen(window, m_path));
    {
        // A VM holds the image for writing.
        Result<Image> other = Image::open(m_path, Image::Access::ReadWrite);
        QVERIFY(other.ok());
        action(window, "allowEditingAction")->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(window.findChild<QMessageBox *>(u"editErrorBox"_s), 10000);
        auto *box = window.findChild<QMessageBox *>(u"editErrorBox"_s);
        QVERIFY(box->informativeText().contains(u"writing"_s));
        box->close();
        QVERIFY(!window.isEditing());
        QVERIFY(!action(window, "allowEditingAction")->isChecked());
        QVERIFY(!window.hexPanel()->virtualDiskView()->isEditable());
        QVERIFY(action(window, "allowEditingAction")->isEnabled());
    }
    // The VM is gone: the next try works and really holds the lock.
    QTRY_VERIFY(!window.findChild<QMessageBox *>(u"editErrorBox"_s));
    action(window, "allowEditingAction")->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(window.isEditing(), 10000);
    QVERIFY(heldForWriting(m_path));
    QVERIFY(window.hexPanel()->virtualDiskView()->isEditable());
}

void EditSessionTest::turningOffAsksAboutPendingEdits()
{
    MainWindow window;
    window.show();
    QVERIFY(waitForOpen(window, m_path));
    action(window, "allowEditingAction")->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(window.isEditing(), 10000);
    HexView *view = window.hexPanel()->virtualDiskView();
    view->goToOffset(40 * ClusterSizeBytes);
    view->setFocus();
    QTest::keyClicks(view, u"cd"_s);

    // Cancel: still editing, still holding the lock, the edit still pending.
    QTimer::singleShot(0, [] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget()))
            box->button(QMessageBox::Cancel)->click();
    });
    action(window, "allowEditingAction")->trigger();
    QVERIFY(window.isEditing());
    QVERIFY(action(window, "allowEditingAction")->isChecked());
    QVERIFY(window.hexPanel()->hasPendingEdits());
    QVERIFY(heldForWriting(m_path));

    // Save: written, then the locks go.
    const quint64 before = window.document()->allocatedClusters();
    QTimer::singleShot(0, [] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget()))
            box->button(QMessageBox::Save)->click();
    });
    action(window, "allowEditingAction")->trigger();
    QVERIFY(!window.isEditing());
    QVERIFY(!window.hexPanel()->hasPendingEdits());
    QVERIFY(!heldForWriting(m_path));
    QCOMPARE(window.document()->allocatedClusters(), before + 1);
    QVERIFY(window.summaryStrip()->clustersText().contains(QLocale().toString(before + 1)));
}

QTEST_MAIN(EditSessionTest)
#include "editsessiontest.moc"
