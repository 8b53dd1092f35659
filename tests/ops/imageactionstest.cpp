// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "commitdialog.h"
#include "commitdonedialog.h"
#include "createjob.h"
#include "createwizard.h"
#include "createwizardprogresspage.h"
#include "editnamesdialog.h"
#include "fileio.h"
#include "findingsview.h"
#include "heatmapwidget.h"
#include "image.h"
#include "imageactions.h"
#include "jobmanager.h"
#include "jobpanel.h"
#include "mainwindow.h"
#include "opstestutil.h"

#include <QAction>
#include <QCheckBox>
#include <QCryptographicHash>
#include <QLineEdit>
#include <QMenu>
#include <QProcess>
#include <QToolBar>
#include <QToolButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QScopeGuard>
#include <QtEndian>
#include <QUndoStack>

#include <thread>
#include <unistd.h>

using namespace AddCow;
using namespace Qt::StringLiterals;

class ImageActionsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void actionsInMenus();
    void newImageOpensInInspector_R20();
    void commitCancelledResumes_R19();
    void commitRefusedWhenBusy_R19();
    void commitRefusedWhenFileMissing_R16();
    void commitRefusedWhenReadOnly_R19();
    void verifyMarksUnreadableRanges();
    void verifyShowsFindings_R8_R12();
    void nameEditAndUndo_R16();
    void locateMissingBackingFile_R16();
    void locateRefusesWhatRebaseRefuses_R17();
    void repairBrokenNameFields_R5_data();
    void repairBrokenNameFields_R5();

private:
    /** backing.raw (backingBytes of data) + disk.raw (imageBytes, sparse) + disk.add-cow in dir. */
    static QString makeImage(const QTemporaryDir &dir, quint64 backingBytes, quint64 imageBytes);
    static bool openIn(MainWindow &window, const QString &path);
    static ImageActions *actionsOf(MainWindow &window) { return window.findChild<ImageActions *>(); }
};

void ImageActionsTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void ImageActionsTest::cleanup()
{
    FileIo::setFaultHook({});
}

QString ImageActionsTest::makeImage(const QTemporaryDir &dir, quint64 backingBytes, quint64 imageBytes)
{
    if (!OpsTest::writePatternFile(dir.filePath(u"backing.raw"_s), backingBytes))
        return {};
    CreateOptions options;
    options.addCowPath = dir.filePath(u"disk.add-cow"_s);
    options.imageFileName = "disk.raw";
    options.backingFileName = "backing.raw";
    options.sizeBytes = imageBytes;
    CreateJob job(options);
    JobContext context;
    if (!job.run(context))
        return {};
    return options.addCowPath;
}

bool ImageActionsTest::openIn(MainWindow &window, const QString &path)
{
    QSignalSpy changed(&window, &MainWindow::imageChanged);
    window.openImage(path);
    return changed.wait(20000) && window.imagePath() == QFileInfo(path).absoluteFilePath();
}

void ImageActionsTest::actionsInMenus()
{
    MainWindow window;
    ImageActions *actions = actionsOf(window);
    QVERIFY(actions);
    QCOMPARE(actions->newImageAction()->shortcut(), QKeySequence(QKeySequence::New));
    QVERIFY(window.findChild<QMenu *>(u"fileMenu"_s)->actions().contains(actions->newImageAction()));
    QVERIFY(window.findChild<QMenu *>(u"imageMenu"_s)->actions().contains(actions->commitAction()));
    QVERIFY(window.findChild<QMenu *>(u"imageMenu"_s)->actions().contains(actions->verifyAction()));
    QVERIFY(window.findChild<QMenu *>(u"imageMenu"_s)->actions().contains(actions->editNamesAction()));
    QVERIFY(window.findChild<QMenu *>(u"editMenu"_s)->actions().contains(actions->undoNamesAction()));
    QVERIFY(window.findChild<QToolBar *>(u"mainToolBar"_s)->actions().contains(actions->commitAction()));
    // Nothing open: disabled, with the reason in the tooltip.
    QVERIFY(!actions->commitAction()->isEnabled());
    QVERIFY(actions->commitAction()->toolTip().contains(u"No image"_s));
    QVERIFY(actions->newImageAction()->isEnabled());
}

void ImageActionsTest::newImageOpensInInspector_R20()
{
    QTemporaryDir dir;
    QVERIFY(OpsTest::writePatternFile(dir.filePath(u"base.raw"_s), 5 * 65536));
    MainWindow window;
    window.show();
    ImageActions *actions = actionsOf(window);
    actions->newImageAction()->trigger();
    CreateWizard *wizard = actions->createWizard();
    QVERIFY(wizard);
    QTRY_VERIFY(wizard->isVisible());
    wizard->findChild<QLineEdit *>(u"backingPathEdit"_s)->setText(dir.filePath(u"base.raw"_s));
    wizard->next();
    wizard->findChild<QLineEdit *>(u"imagePathEdit"_s)->setText(dir.filePath(u"new.raw"_s));
    wizard->next();
    wizard->next();
    wizard->next();
    QCOMPARE(wizard->currentId(), int(CreateWizard::ReviewPageId));
    QSignalSpy changed(&window, &MainWindow::imageChanged);
    wizard->next(); // Create
    QVERIFY(changed.wait(20000));
    QCOMPARE(window.imagePath(), dir.filePath(u"new.add-cow"_s));
    QVERIFY(window.image());
    QCOMPARE(window.image()->virtualSizeBytes(), quint64(5 * 65536)); // the backing file's size (R20)
    QVERIFY(wizard->progressPage()->isComplete());
    wizard->accept();
    QTRY_VERIFY(!actions->createWizard());
}

void ImageActionsTest::commitCancelledResumes_R19()
{
    QTemporaryDir dir;
    constexpr quint64 MiB = 1024 * 1024;
    const QString path = makeImage(dir, 160 * MiB, 160 * MiB + 3 * 65536 + 100); // zeros past the backing file's end
    QVERIFY(!path.isEmpty());
    {
        // Real data of its own in a few clusters (R18), so the commit has to skip them.
        Result<Image> writable = Image::open(path, Image::Access::ReadWrite);
        QVERIFY2(writable.ok(), qPrintable(writable.error().message()));
        QVERIFY(writable->write(5 * MiB + 17, QByteArray(70000, 'w')).ok());
        QVERIFY(writable->write(150 * MiB, QByteArray(4096, 'x')).ok());
    }
    const QString before = dir.filePath(u"before.raw"_s);
    QVERIFY(OpsTest::dumpVirtualDisk(path, before));

    MainWindow window;
    window.show();
    QVERIFY(openIn(window, path));
    ImageActions *actions = actionsOf(window);
    QVERIFY2(actions->commitAction()->isEnabled(), qPrintable(actions->commitAction()->toolTip()));
    const quint64 allocatedBefore = window.image()->bitmap().countAllocated();

    // Slow each copy chunk so the commit runs long enough to be cancelled mid-way.
    FileIo::setFaultHook([](FileIo::Op op, int, const QString &) {
        if (op == FileIo::Op::CopyRange)
            std::this_thread::sleep_for(std::chrono::milliseconds(60));
        return FileIo::Fault{};
    });
    JobManager *jobs = window.jobManager();
    QSignalSpy allocated(jobs, &JobManager::jobClustersAllocated);
    QSignalSpy finished(jobs, &JobManager::jobFinished);

    actions->commitAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(actions->commitDialog() && actions->commitDialog()->isVisible(), 10000);
    const QString plan = actions->commitDialog()->planText();
    QVERIFY2(plan.contains(dir.filePath(u"backing.raw"_s)), qPrintable(plan));
    QVERIFY(plan.contains(dir.filePath(u"disk.raw"_s)));
    QVERIFY2(plan.contains(QString::number(160 * MiB - 3 * 65536)), qPrintable(plan)); // copied: all but the three clusters written above
    actions->commitDialog()->accept();
    const int first = actions->commitJobId();
    QVERIFY(first > 0);
    QVERIFY(!actions->commitAction()->isEnabled()); // one commit at a time

    // First durable batch (64 MiB) reported: the heatmap is told (MainWindow wires it); then cancel.
    QVERIFY(allocated.wait(20000));
    QTRY_VERIFY_WITH_TIMEOUT(jobs->doneBytes(first) > 0, 5000);
    QSignalSpy reloaded(&window, &MainWindow::imageChanged);
    OpsTest::answerNextMessageBox(QMessageBox::Yes);
    QElapsedTimer timer;
    timer.start();
    QVERIFY(window.jobPanel()->cancelJob(first));
    QTRY_VERIFY_WITH_TIMEOUT(jobs->state(first) != JobState::Running, 5000);
    QVERIFY2(timer.elapsed() < 500, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(jobs->state(first), JobState::Cancelled);
    FileIo::setFaultHook({});

    // The progress is kept: some, not all, bits are set; the disk reads the same (R19).
    QTRY_VERIFY_WITH_TIMEOUT(!reloaded.isEmpty() && !window.isLoading(), 20000);
    quint64 partial = 0;
    {
        const Result<Image> image = Image::open(path);
        QVERIFY(image.ok());
        partial = image->bitmap().countAllocated();
        QVERIFY2(partial > allocatedBefore && partial < image->clusterCount(), qPrintable(QString::number(partial)));
        QVERIFY(!image->isAllAllocated());
    }
    const QString during = dir.filePath(u"during.raw"_s);
    QVERIFY(OpsTest::dumpVirtualDisk(path, during));
    QCOMPARE(OpsTest::qemuCompare(before, during), 0);

    // Second run resumes and finishes.
    QTRY_VERIFY_WITH_TIMEOUT(actions->commitAction()->isEnabled(), 5000);
    actions->commitAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(actions->commitDialog() && actions->commitDialog()->isVisible(), 10000);
    actions->commitDialog()->accept();
    const int second = actions->commitJobId();
    QVERIFY(second > first);
    QTRY_VERIFY_WITH_TIMEOUT(jobs->state(second) != JobState::Running, 30000);
    QCOMPARE(jobs->state(second), JobState::Done);
    QVERIFY(jobs->totalBytes(second) < jobs->totalBytes(first)); // resumed, not restarted
    {
        const Result<Image> image = Image::open(path);
        QVERIFY(image.ok());
        QVERIFY(image->isAllAllocated()); // R19
    }
    // The raw image alone is now the disk as it was before.
    QString output;
    const int compared = OpsTest::qemuCompare(before, dir.filePath(u"disk.raw"_s), true, &output);
    QVERIFY2(compared == 0, qPrintable(output));

    // Afterwards: verify, and remove the .add-cow file; never the backing file unless asked twice.
    QTRY_VERIFY_WITH_TIMEOUT(actions->commitDoneDialog() && actions->commitDoneDialog()->isVisible(), 10000);
    CommitDoneDialog *done = actions->commitDoneDialog();
    QVERIFY(done->verifyCheck()->isChecked());
    QVERIFY(!done->removeAddCowCheck()->isChecked());
    QVERIFY(!done->removeBackingCheck()->isChecked());
    done->removeAddCowCheck()->setChecked(true);
    done->removeBackingCheck()->setChecked(true);
    OpsTest::answerNextMessageBox(QMessageBox::No); // the second confirmation for the backing file
    done->accept();
    QVERIFY(!done->removeBackingCheck()->isChecked());
    QVERIFY(done->isVisible()); // not accepted yet: the user said no
    done->accept();
    QSignalSpy verified(actions, &ImageActions::verifyFinished);
    QVERIFY(verified.wait(30000));
    QVERIFY(actions->lastVerifyResult().dataChecked);
    QFile dump(before);
    QVERIFY(dump.open(QIODevice::ReadOnly));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QVERIFY(hash.addData(&dump));
    QCOMPARE(actions->lastVerifyResult().sha256, hash.result());
    QVERIFY(actions->lastVerifySummary().contains(QString::fromLatin1(hash.result().toHex())));
    QTRY_VERIFY_WITH_TIMEOUT(!QFileInfo::exists(path), 5000);
    QVERIFY(QFileInfo::exists(dir.filePath(u"backing.raw"_s)));
    QVERIFY(window.imagePath().isEmpty());
}

void ImageActionsTest::commitRefusedWhenBusy_R19()
{
    QTemporaryDir dir;
    const QString path = makeImage(dir, 4 * 65536, 4 * 65536);
    QVERIFY(!path.isEmpty());
    MainWindow window;
    QVERIFY(openIn(window, path));
    ImageActions *actions = actionsOf(window);
    QVERIFY(actions->commitRefusal(true).isEmpty());

    // qemu-io holds the raw image open for writing under QEMU's locks.
    QProcess qemuIo;
    qemuIo.start(u"qemu-io"_s, {u"-f"_s, u"raw"_s, dir.filePath(u"disk.raw"_s)});
    QVERIFY(qemuIo.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(!actions->commitRefusal(true).isEmpty(), 10000);
    const QString refusal = actions->commitRefusal(true);
    QVERIFY2(refusal.contains(dir.filePath(u"disk.raw"_s)), qPrintable(refusal)); // names the busy file
    QString shown;
    OpsTest::answerNextMessageBox(QMessageBox::Ok, &shown);
    actions->commitAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty(), 5000);
    QVERIFY(shown.contains(u"open for writing"_s));
    QVERIFY(!actions->commitDialog());
    QCOMPARE(window.jobManager()->jobIds().size(), 0);
    qemuIo.write("quit\n");
    qemuIo.closeWriteChannel();
    QVERIFY(qemuIo.waitForFinished(10000));
    QVERIFY(actions->commitRefusal(true).isEmpty());
}

void ImageActionsTest::commitRefusedWhenFileMissing_R16()
{
    QTemporaryDir dir;
    const QString path = makeImage(dir, 65536, 65536);
    QVERIFY(!path.isEmpty());
    QVERIFY(QFile::rename(dir.filePath(u"backing.raw"_s), dir.filePath(u"moved.raw"_s)));
    MainWindow window;
    QVERIFY(openIn(window, path));
    ImageActions *actions = actionsOf(window);
    QVERIFY(window.image()->backingError()); // the backing file is gone: its data cannot be copied
    QVERIFY(!actions->commitAction()->isEnabled());
    QVERIFY2(actions->commitAction()->toolTip().contains(u"cannot be read"_s), qPrintable(actions->commitAction()->toolTip()));
    QVERIFY(actions->editNamesAction()->isEnabled()); // the way out: fix the name
}

void ImageActionsTest::commitRefusedWhenReadOnly_R19()
{
    QTemporaryDir dir;
    const QString path = makeImage(dir, 65536, 65536);
    QVERIFY(!path.isEmpty());
    const QString imageFile = dir.filePath(u"disk.raw"_s);
    QVERIFY(QFile::setPermissions(imageFile, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
    // root may write to a 0444 file; an immutable file (chattr +i) is read-only even for root.
    bool immutable = false;
    const auto undoImmutable = qScopeGuard([&] {
        if (immutable)
            QProcess::execute(u"chattr"_s, {u"-i"_s, imageFile});
    });
    if (::geteuid() == 0) {
        immutable = QProcess::execute(u"chattr"_s, {u"+i"_s, imageFile}) == 0;
        if (!immutable)
            QSKIP("running as root on a file system without chattr +i: no file is read-only");
    }
    MainWindow window;
    QVERIFY(openIn(window, path));
    ImageActions *actions = actionsOf(window);
    const QString refusal = actions->commitRefusal(true);
    QVERIFY2(refusal.contains(u"read-only"_s) && refusal.contains(imageFile), qPrintable(refusal));
    QString shown;
    OpsTest::answerNextMessageBox(QMessageBox::Ok, &shown);
    actions->commitAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty(), 5000);
    QVERIFY2(shown.contains(u"read-only"_s), qPrintable(shown));
    QCOMPARE(window.jobManager()->jobIds().size(), 0);
}

void ImageActionsTest::verifyMarksUnreadableRanges()
{
    QTemporaryDir dir;
    const QString path = makeImage(dir, 8 * 65536, 8 * 65536);
    QVERIFY(!path.isEmpty());
    const QString backing = QFileInfo(dir.filePath(u"backing.raw"_s)).canonicalFilePath();
    MainWindow window;
    window.show();
    QVERIFY(openIn(window, path));
    ImageActions *actions = actionsOf(window);
    // Every read of the backing file fails with EIO: the whole disk (all clusters clean) is unreadable.
    FileIo::setFaultHook([backing](FileIo::Op op, int fd, const QString &) {
        FileIo::Fault fault;
        if (op == FileIo::Op::Read && fd >= 0 && QFileInfo(u"/proc/self/fd/%1"_s.arg(fd)).symLinkTarget() == backing)
            fault.errnoValue = EIO;
        return fault;
    });
    QSignalSpy verified(actions, &ImageActions::verifyFinished);
    actions->verifyAction()->trigger();
    QVERIFY(verified.wait(30000));
    FileIo::setFaultHook({});
    const VerifyResult &result = actions->lastVerifyResult();
    QVERIFY(!result.unreadable.isEmpty());
    QList<ClusterRange> expected;
    for (const ByteRange &range : result.unreadable)
        expected.append(ClusterRange::forBytes(range.offsetBytes, range.lengthBytes));
    QCOMPARE(window.heatmap()->unreadableRanges(), expected);
    quint64 unreadableClusters = 0;
    for (const ClusterRange &range : expected)
        unreadableClusters += range.count;
    QCOMPARE(unreadableClusters, quint64(8));
    QVERIFY2(actions->lastVerifySummary().contains(u"Unreadable: bytes 0x0"_s), qPrintable(actions->lastVerifySummary()));
}

void ImageActionsTest::verifyShowsFindings_R8_R12()
{
    QTemporaryDir dir;
    const QString path = makeImage(dir, 3 * 65536, 3 * 65536);
    QVERIFY(!path.isEmpty());
    {
        // Broken but readable: optional features not 0 (R8), a bit past the last cluster set (R12).
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.seek(36));
        file.write(QByteArray("\x05\0\0\0\0\0\0\0", 8));
        QVERIFY(file.seek(4096));
        file.write(QByteArray(1, char(0x80)));
    }
    MainWindow window;
    window.show();
    QVERIFY(openIn(window, path));
    ImageActions *actions = actionsOf(window);
    window.findingsView()->clear();
    QVERIFY(actions->verifyAction()->isEnabled());
    QSignalSpy verified(actions, &ImageActions::verifyFinished);
    actions->verifyAction()->trigger();
    QVERIFY(verified.wait(30000));
    const Findings shown = window.findingsView()->findings();
    auto hasRule = [&](int rule) {
        return std::any_of(shown.begin(), shown.end(), [rule](const Finding &f) { return f.rule() == rule; });
    };
    QVERIFY(hasRule(8));
    QVERIFY(hasRule(12));
    QVERIFY(!window.findingsView()->isShowingPlaceholder());
    QVERIFY(actions->lastVerifyResult().dataChecked);
    QCOMPARE(actions->lastVerifyResult().sha256.size(), 32);
    QVERIFY(actions->lastVerifySummary().contains(u"warning"_s));
}

void ImageActionsTest::nameEditAndUndo_R16()
{
    QTemporaryDir dir;
    const QString path = makeImage(dir, 2 * 65536, 2 * 65536);
    QVERIFY(!path.isEmpty());
    QFile original(path);
    QVERIFY(original.open(QIODevice::ReadOnly));
    const QByteArray originalBytes = original.readAll();
    original.close();
    // The raw image moved into a sub folder: the image cannot be read until its name is fixed.
    QVERIFY(QDir(dir.path()).mkdir(u"moved"_s));
    QVERIFY(QFile::rename(dir.filePath(u"disk.raw"_s), dir.filePath(u"moved/disk.raw"_s)));

    MainWindow window;
    window.show();
    QVERIFY(openIn(window, path));
    QVERIFY(!window.image());
    ImageActions *actions = actionsOf(window);
    QVERIFY(!actions->undoNamesAction()->isEnabled());

    actions->editNamesAction()->trigger();
    auto *dialog = window.findChild<EditNamesDialog *>();
    QVERIFY(dialog);
    QCOMPARE(dialog->imageNameEdit()->text(), u"disk.raw"_s);
    QVERIFY(dialog->problem().contains(u"does not exist"_s)); // the stored name leads nowhere now
    dialog->imageNameEdit()->setText(u"moved/disk.raw"_s);
    QVERIFY2(dialog->problem().isEmpty(), qPrintable(dialog->problem()));
    QSignalSpy rewritten(actions, &ImageActions::namesRewritten);
    QSignalSpy changed(&window, &MainWindow::imageChanged);
    dialog->accept();
    QVERIFY(rewritten.wait(20000));
    QCOMPARE(rewritten.first().first().toBool(), true);
    QTRY_VERIFY_WITH_TIMEOUT(window.image() != nullptr, 20000); // reloaded, now readable
    QCOMPARE(window.image()->header().imageFileName, QByteArray("moved/disk.raw"));
    QCOMPARE(window.image()->header().backingFileName, QByteArray("backing.raw"));
    QTRY_VERIFY(actions->undoNamesAction()->isEnabled());

    // Undo restores the original bytes exactly.
    rewritten.clear();
    actions->undoNamesAction()->trigger();
    QVERIFY(rewritten.wait(20000));
    QCOMPARE(rewritten.first().first().toBool(), true);
    QFile after(path);
    QVERIFY(after.open(QIODevice::ReadOnly));
    QCOMPARE(after.readAll(), originalBytes);
    after.close();
    QTRY_VERIFY_WITH_TIMEOUT(!window.isLoading() && !window.image(), 20000); // back to the broken name

    // Redo applies it again.
    rewritten.clear();
    QTRY_VERIFY(actions->redoNamesAction()->isEnabled());
    actions->redoNamesAction()->trigger();
    QVERIFY(rewritten.wait(20000));
    const Result<Image> image = Image::open(path);
    QVERIFY2(image.ok(), qPrintable(image.error().message()));
    QCOMPARE(image->header().imageFileName, QByteArray("moved/disk.raw"));
}

// Issue 14 item 3: a missing backing file is located inline, as `addcow rebase -u` would store it.
void ImageActionsTest::locateMissingBackingFile_R16()
{
    QTemporaryDir dir;
    const QString path = makeImage(dir, 2 * 65536, 2 * 65536);
    QVERIFY(!path.isEmpty());
    const QByteArray before = OpsTest::readFile(path);
    QVERIFY(QDir(dir.path()).mkdir(u"archive"_s));
    QVERIFY(QFile::rename(dir.filePath(u"backing.raw"_s), dir.filePath(u"archive/base.img"_s)));

    MainWindow window;
    window.show();
    QVERIFY(openIn(window, path));
    QVERIFY(window.image()); // the bits and the image file are shown without it
    QVERIFY(window.image()->backingError());
    ImageActions *actions = actionsOf(window);
    QVERIFY2(actions->locateBackingAction()->isEnabled(), qPrintable(actions->locateBackingAction()->toolTip()));
    QVERIFY(window.findChild<QMenu *>(u"imageMenu"_s)->actions().contains(actions->locateBackingAction()));
    // Offered right where the window says the backing file cannot be read.
    QTRY_VERIFY(window.findChild<QToolButton *>(u"backingBarLocateButton"_s)->isVisible());

    QSignalSpy rewritten(actions, &ImageActions::namesRewritten);
    QVERIFY(actions->setBackingFile(dir.filePath(u"archive/base.img"_s)));
    QVERIFY(rewritten.wait(20000));
    QCOMPARE(rewritten.first().first().toBool(), true);
    QTRY_VERIFY_WITH_TIMEOUT(window.image() && !window.image()->backingError(), 20000); // reopened whole
    QCOMPARE(window.image()->header().backingFileName, QByteArray("archive/base.img")); // still relative (R16)
    QCOMPARE(window.image()->header().backingFormat(), QByteArray("raw"));              // probed, as rebase -u does (R9)
    QVERIFY(!actions->locateBackingAction()->isEnabled()); // found now
    QTRY_VERIFY(!window.findChild<QToolButton *>(u"backingBarLocateButton"_s)->isVisible());
    QTRY_VERIFY(!window.findChild<QWidget *>(u"backingUnavailableBar"_s)->isVisible());

    // What the CLI writes for the same change is byte for byte the same file.
    QProcess cli;
    const QString copy = dir.filePath(u"copy.add-cow"_s);
    QVERIFY(OpsTest::writeFile(copy, before));
    cli.start(QStringLiteral(ADDCOW_CLI_BINARY), {u"rebase"_s, u"-u"_s, u"-b"_s, u"archive/base.img"_s, copy});
    QVERIFY(cli.waitForFinished(20000));
    QCOMPARE(cli.exitCode(), 0);
    QCOMPARE(OpsTest::readFile(copy), OpsTest::readFile(path));

    // Undo puts the old name back.
    rewritten.clear();
    QTRY_VERIFY(actions->undoNamesAction()->isEnabled());
    actions->undoNamesAction()->trigger();
    QVERIFY(rewritten.wait(20000));
    QCOMPARE(OpsTest::readFile(path), before);
}

void ImageActionsTest::locateRefusesWhatRebaseRefuses_R17()
{
    QTemporaryDir dir;
    const QString path = makeImage(dir, 2 * 65536, 2 * 65536);
    QVERIFY(QFile::remove(dir.filePath(u"backing.raw"_s)));
    const QByteArray before = OpsTest::readFile(path);
    MainWindow window;
    window.show();
    QVERIFY(openIn(window, path));
    ImageActions *actions = actionsOf(window);
    QVERIFY(actions->locateBackingAction()->isEnabled());
    // The image file itself cannot be its own backing file (R17): refused, nothing written.
    QVERIFY(!actions->setBackingFile(dir.filePath(u"disk.raw"_s)));
    QTRY_VERIFY(window.findChild<QMessageBox *>(u"locateBackingRefusedBox"_s));
    QVERIFY(window.findChild<QMessageBox *>(u"locateBackingRefusedBox"_s)->informativeText().contains(u"same file"_s));
    QCOMPARE(OpsTest::readFile(path), before);
}

void ImageActionsTest::repairBrokenNameFields_R5_data()
{
    QTest::addColumn<int>("fieldOffset"); // a little-endian u32 of the header
    QTest::addColumn<quint32>("value");
    QTest::addColumn<bool>("imageBroken");
    QTest::newRow("R5 image name offset past the header") << 20 << quint32(5000) << true;
    QTest::newRow("R5 image name size too large") << 24 << quint32(4090) << true;
    QTest::newRow("R5 backing name offset below the name area") << 12 << quint32(8) << false;
}

// Issue 14 item 3: F2 repairs broken name fields (an image that opens header-only), with the
// checks of New Image and rebase, the crash-safe rewrite, and undo back to the broken header.
void ImageActionsTest::repairBrokenNameFields_R5()
{
    QFETCH(int, fieldOffset);
    QFETCH(quint32, value);
    QFETCH(bool, imageBroken);
    QTemporaryDir dir;
    const QString path = makeImage(dir, 2 * 65536, 2 * 65536);
    QVERIFY(!path.isEmpty());
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.seek(fieldOffset));
        uchar bytes[4];
        qToLittleEndian(value, bytes);
        QCOMPARE(file.write(reinterpret_cast<const char *>(bytes), 4), qint64(4));
    }
    const QByteArray broken = OpsTest::readFile(path);
    QVERIFY(!Image::open(path).ok());

    MainWindow window;
    window.show();
    QVERIFY(openIn(window, path));
    QVERIFY(window.isHeaderOnly());
    ImageActions *actions = actionsOf(window);
    QVERIFY2(actions->editNamesAction()->isEnabled(), qPrintable(actions->editNamesAction()->toolTip()));
    QCOMPARE(actions->editNamesAction()->shortcut(), QKeySequence(Qt::Key_F2));

    actions->editNamesAction()->trigger();
    auto *dialog = window.findChild<EditNamesDialog *>();
    QVERIFY(dialog);
    QVERIFY(dialog->isRepair());
    QVERIFY(dialog->backingNameEdit()->isEnabled());
    // The same checks as everywhere names are chosen: two names leading to one file are refused (R17).
    dialog->imageNameEdit()->setText(u"disk.raw"_s);
    dialog->backingNameEdit()->setText(u"disk.raw"_s);
    QCOMPARE(dialog->problemRule(), 17);
    dialog->backingNameEdit()->setText(u"backing.raw"_s);
    QVERIFY2(dialog->problem().isEmpty(), qPrintable(dialog->problem()));
    const NameChange change = dialog->change();
    // The broken name is stored anew; the other one only when it changes.
    QCOMPARE(change.imageFileName.has_value(), imageBroken);
    QCOMPARE(change.backingFileName.has_value(), !imageBroken);

    QSignalSpy rewritten(actions, &ImageActions::namesRewritten);
    dialog->accept();
    QVERIFY(rewritten.wait(20000));
    QCOMPARE(rewritten.first().first().toBool(), true);
    QTRY_VERIFY_WITH_TIMEOUT(!window.isLoading() && window.image() != nullptr, 20000); // opens whole now
    QVERIFY(!window.headerParse().hasErrors());
    QCOMPARE(window.image()->header().imageFileName, QByteArray("disk.raw"));
    QCOMPARE(window.image()->header().backingFileName, QByteArray("backing.raw"));
    // The bitmap came along unchanged (R20's rewrite copies it).
    QCOMPARE(OpsTest::readFile(path).mid(4096), broken.mid(4096));

    // Undo (Ctrl+Z on the names) puts the broken header back, byte for byte.
    rewritten.clear();
    QTRY_VERIFY(actions->undoNamesAction()->isEnabled());
    actions->undoNamesAction()->trigger();
    QVERIFY(rewritten.wait(20000));
    QCOMPARE(rewritten.first().first().toBool(), true);
    QCOMPARE(OpsTest::readFile(path), broken);
    QTRY_VERIFY_WITH_TIMEOUT(!window.isLoading() && window.isHeaderOnly(), 20000);
}

QTEST_MAIN(ImageActionsTest)
#include "imageactionstest.moc"
