// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "createwizard.h"
#include "createwizardaddcowpage.h"
#include "createwizardbackingpage.h"
#include "createwizardimagepage.h"
#include "createwizardnamespage.h"
#include "createwizardprogresspage.h"
#include "createwizardreviewpage.h"
#include "fileio.h"
#include "filesystemroom.h"
#include "format.h"
#include "image.h"
#include "jobmanager.h"
#include "opstestutil.h"

#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QTimer>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <thread>
#include <unistd.h>

using namespace AddCow;
using namespace Qt::StringLiterals;

class CreateWizardTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup();
    void createsImageOverBacking_R20();
    void createsImageOverQcow2_R9_R20();
    void refusesWhatQemuCannotRead_R9();
    void createsWithoutBacking_R14();
    void absoluteNamesStoredAsTyped_R16();
    void refusals_data();
    void refusals();
    void sizeTableSameAsCli_R11_R20_data();
    void sizeTableSameAsCli_R11_R20();
    void fileTableSameAsCli_R16_R17_R20_data();
    void fileTableSameAsCli_R16_R17_R20();
    void blockDeviceBackingSizeSameAsCli_R16_R20();
    void cancelRemovesHalfMadeFiles_R20();
    void failedCreateGoesBackToChangeSettings_R20();
    void escapeAsksOnceSomethingWasEntered();
    void layoutStaysWhileTyping();
    void namesPageShowsWhereBothNamesLead_R16();

private:
    static void setText(QWizard &wizard, const char *objectName, const QString &text)
    {
        auto *edit = wizard.findChild<QLineEdit *>(QString::fromLatin1(objectName));
        QVERIFY2(edit, objectName);
        edit->setText(text);
    }
    static QString labelText(QWizard &wizard, const char *objectName)
    {
        auto *label = wizard.findChild<QLabel *>(QString::fromLatin1(objectName));
        return label ? label->text() : QString();
    }
};

void CreateWizardTest::cleanup()
{
    FileIo::setFaultHook({});
}

void CreateWizardTest::createsImageOverBacking_R20()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const quint64 backingSize = 3 * 1024 * 1024 + 1000; // not a whole number of clusters
    const QString backing = dir.filePath(u"base.raw"_s);
    QVERIFY(OpsTest::writePatternFile(backing, backingSize));

    JobManager jobs;
    CreateWizard wizard(&jobs);
    wizard.show();
    QCOMPARE(wizard.currentId(), int(CreateWizard::BackingPageId));
    QVERIFY(!wizard.backingPage()->isComplete()); // nothing chosen yet
    setText(wizard, "backingPathEdit", backing);
    QVERIFY2(wizard.backingPage()->isComplete(), qPrintable(wizard.backingPage()->problem()));
    QCOMPARE(wizard.backingPage()->backingFormat(), QByteArray("raw")); // probed (R9)
    QVERIFY(labelText(wizard, "backingInfoLabel").contains(QString::number(backingSize)));
    wizard.next();

    QCOMPARE(wizard.currentId(), int(CreateWizard::ImagePageId));
    // The size defaults to the backing file's (R20).
    QCOMPARE(wizard.findChild<QLineEdit *>(u"imageSizeEdit"_s)->text(), QString::number(backingSize));
    setText(wizard, "imagePathEdit", dir.filePath(u"disk.raw"_s));
    setText(wizard, "imageSizeEdit", u"4M"_s);
    QVERIFY2(wizard.imagePage()->isComplete(), qPrintable(wizard.imagePage()->problem()));
    QCOMPARE(wizard.imagePage()->virtualSizeBytes(), quint64(4 * 1024 * 1024));
    wizard.next();

    QCOMPARE(wizard.currentId(), int(CreateWizard::AddCowPageId));
    QCOMPARE(wizard.addCowPage()->addCowPath(), dir.filePath(u"disk.add-cow"_s)); // IMAGE.add-cow beside the image
    QVERIFY(wizard.addCowPage()->isComplete());
    wizard.next();

    QCOMPARE(wizard.currentId(), int(CreateWizard::NamesPageId));
    QVERIFY(wizard.namesPage()->storesRelativeNames());
    QCOMPARE(wizard.namesPage()->imageFileName(), QByteArray("disk.raw"));
    QCOMPARE(wizard.namesPage()->backingFileName(), QByteArray("base.raw"));
    // The exact bytes are shown: "disk.raw" is 64 69 73 6b 2e 72 61 77.
    QVERIFY(labelText(wizard, "storedImageNameLabel").contains(u"64 69 73 6b 2e 72 61 77"_s));
    wizard.next();

    QCOMPARE(wizard.currentId(), int(CreateWizard::ReviewPageId));
    const QString review = wizard.reviewPage()->reviewText();
    QVERIFY(review.contains(dir.filePath(u"disk.add-cow"_s)));
    QVERIFY(review.contains(u"sparse"_s));
    QVERIFY(review.contains(u"4194304"_s));
    QVERIFY(QDir(dir.path()).entryList(QDir::Files).size() == 1); // nothing written before Create

    QSignalSpy created(&wizard, &CreateWizard::imageCreated);
    wizard.next(); // Create: the commit page starts the job
    QCOMPARE(wizard.currentId(), int(CreateWizard::ProgressPageId));
    QVERIFY(wizard.jobId() > 0);
    QVERIFY(created.wait(20000));
    QCOMPARE(created.first().first().toString(), dir.filePath(u"disk.add-cow"_s));
    QVERIFY(wizard.progressPage()->isComplete());

    // The files are right: R11 length, the names as given, the disk reads the backing file.
    QCOMPARE(QFileInfo(dir.filePath(u"disk.add-cow"_s)).size(), qint64(4096 + 65536));
    QCOMPARE(QFileInfo(dir.filePath(u"disk.raw"_s)).size(), qint64(4 * 1024 * 1024));
    const Result<Image> image = Image::open(dir.filePath(u"disk.add-cow"_s));
    QVERIFY2(image.ok(), qPrintable(image.error().message()));
    QCOMPARE(image->header().imageFileName, QByteArray("disk.raw"));
    QCOMPARE(image->header().backingFileName, QByteArray("base.raw"));
    QCOMPARE(image->header().backingFormat(), QByteArray("raw"));
    QVERIFY(!image->isAllAllocated());
    QCOMPARE(image->bitmap().countAllocated(), quint64(0));
    const QString dump = dir.filePath(u"dump.raw"_s);
    QVERIFY(OpsTest::dumpVirtualDisk(dir.filePath(u"disk.add-cow"_s), dump));
    // The disk is the backing file followed by zeros: qemu-img, not strict, treats the tail as equal.
    QString output;
    QCOMPARE(OpsTest::qemuCompare(dump, backing, false, &output), 0);
    QCOMPARE(OpsTest::qemuCompare(dump, backing, true), 1); // but sizes differ
}

void CreateWizardTest::createsWithoutBacking_R14()
{
    QTemporaryDir dir;
    JobManager jobs;
    CreateWizard wizard(&jobs);
    wizard.show();
    wizard.findChild<QCheckBox *>(u"useBackingCheck"_s)->setChecked(false);
    QVERIFY(wizard.backingPage()->isComplete());
    wizard.next();
    setText(wizard, "imagePathEdit", dir.filePath(u"solo.raw"_s));
    QVERIFY(!wizard.imagePage()->isComplete()); // no size and no backing file to take it from
    setText(wizard, "imageSizeEdit", u"1M"_s);
    wizard.findChild<QRadioButton *>(u"fullyAllocatedRadio"_s)->setChecked(true);
    QVERIFY2(wizard.imagePage()->isComplete(), qPrintable(wizard.imagePage()->problem()));
    QVERIFY(labelText(wizard, "freeSpaceLabel").contains(u"Free space"_s)); // QStorageInfo shown for a full image
    wizard.next();
    wizard.next();
    QVERIFY(wizard.namesPage()->backingFileName().isEmpty());
    wizard.next();
    QSignalSpy created(&wizard, &CreateWizard::imageCreated);
    wizard.next();
    QVERIFY(created.wait(20000));
    const Result<Image> image = Image::open(dir.filePath(u"solo.add-cow"_s));
    QVERIFY2(image.ok(), qPrintable(image.error().message()));
    QVERIFY(image->isAllAllocated()); // R14: no backing file
    QVERIFY(image->header().backingFileName.isEmpty());
    QCOMPARE(image->virtualSizeBytes(), quint64(1024 * 1024));
}

void CreateWizardTest::absoluteNamesStoredAsTyped_R16()
{
    QTemporaryDir dir;
    const QString backing = dir.filePath(u"b.raw"_s);
    QVERIFY(OpsTest::writePatternFile(backing, 65536));
    QDir(dir.path()).mkdir(u"meta"_s);
    JobManager jobs;
    CreateWizard wizard(&jobs);
    wizard.show();
    setText(wizard, "backingPathEdit", backing);
    wizard.next();
    setText(wizard, "imagePathEdit", dir.filePath(u"i.raw"_s));
    wizard.next();
    setText(wizard, "addCowPathEdit", dir.filePath(u"meta/i.add-cow"_s));
    wizard.next();
    // Relative names are relative to the .add-cow file's folder, not the working directory (R16).
    QCOMPARE(wizard.namesPage()->imageFileName(), QByteArray("../i.raw"));
    wizard.findChild<QRadioButton *>(u"absoluteNamesRadio"_s)->setChecked(true);
    QCOMPARE(wizard.namesPage()->imageFileName(), QFile::encodeName(dir.filePath(u"i.raw"_s)));
    QCOMPARE(wizard.namesPage()->backingFileName(), QFile::encodeName(backing));
    const CreateOptions options = wizard.createOptions();
    QCOMPARE(options.addCowPath, dir.filePath(u"meta/i.add-cow"_s));
    QCOMPARE(options.imageFileName, QFile::encodeName(dir.filePath(u"i.raw"_s)));
    QVERIFY(!options.overwrite);
    QVERIFY(!options.force);
}

void CreateWizardTest::createsImageOverQcow2_R9_R20()
{
    // A qcow2 file of a few hundred KiB holding a 5 MiB disk: the format is probed by QEMU in the
    // background and shown with the disk's size, which becomes the new image's default size.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString base = dir.filePath(u"base.qcow2"_s);
    const QString backing = dir.filePath(u"top.qcow2"_s);
    QCOMPARE(QProcess::execute(u"qemu-img"_s, {u"create"_s, u"-q"_s, u"-f"_s, u"qcow2"_s, base, u"5M"_s}), 0);
    QCOMPARE(QProcess::execute(u"qemu-img"_s, {u"create"_s, u"-q"_s, u"-f"_s, u"qcow2"_s, u"-b"_s, u"base.qcow2"_s, u"-F"_s, u"qcow2"_s, backing}), 0);

    JobManager jobs;
    CreateWizard wizard(&jobs);
    wizard.show();
    setText(wizard, "backingPathEdit", backing);
    QVERIFY(!wizard.backingPage()->isComplete()); // QEMU is being asked; Next waits
    QVERIFY(wizard.backingPage()->isProbing());
    QTRY_VERIFY_WITH_TIMEOUT(wizard.backingPage()->isComplete(), 20000);
    QCOMPARE(wizard.backingPage()->backingFormat(), QByteArray("qcow2"));
    QCOMPARE(wizard.backingPage()->backingSizeBytes(), quint64(5 * 1024 * 1024));
    const QString info = labelText(wizard, "backingInfoLabel");
    QVERIFY2(info.contains(u"qcow2"_s) && info.contains(u"5242880"_s) && info.contains(base), qPrintable(info));
    wizard.next();
    QCOMPARE(wizard.currentId(), int(CreateWizard::ImagePageId));
    QCOMPARE(wizard.findChild<QLineEdit *>(u"imageSizeEdit"_s)->text(), u"5M"_s); // R20: the backing disk's size
    setText(wizard, "imagePathEdit", dir.filePath(u"disk.raw"_s));
    QVERIFY2(wizard.imagePage()->isComplete(), qPrintable(wizard.imagePage()->problem()));
    wizard.next();
    wizard.next();
    wizard.next();
    QCOMPARE(wizard.currentId(), int(CreateWizard::ReviewPageId));
    QVERIFY(wizard.reviewPage()->reviewText().contains(u"qcow2"_s));
    QSignalSpy created(&wizard, &CreateWizard::imageCreated);
    wizard.next();
    QVERIFY(created.wait(20000));
    const Result<Image> image = Image::open(dir.filePath(u"disk.add-cow"_s), Image::Access::ReadOnly, Image::Contents::HeaderOnly);
    QVERIFY2(image.ok(), qPrintable(image.error().message()));
    QCOMPARE(image->header().backingFormat(), QByteArray("qcow2")); // stored as probed (R9)
    QCOMPARE(image->virtualSizeBytes(), quint64(5 * 1024 * 1024));
}

void CreateWizardTest::refusesWhatQemuCannotRead_R9()
{
    // Looks like qcow2 to the signature probe, but QEMU cannot open it: its message, no Next.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString backing = dir.filePath(u"broken.qcow2"_s);
    QFile file(backing);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray("QFI\xfb\0\0\0\3", 8) + QByteArray(4096, '\xff'));
    file.close();
    JobManager jobs;
    CreateWizard wizard(&jobs);
    wizard.show();
    setText(wizard, "backingPathEdit", backing);
    QTRY_VERIFY_WITH_TIMEOUT(!wizard.backingPage()->isProbing(), 20000);
    QVERIFY(!wizard.backingPage()->isComplete());
    QVERIFY2(wizard.backingPage()->problem().contains(u"QEMU"_s), qPrintable(wizard.backingPage()->problem()));
    wizard.next();
    QCOMPARE(wizard.currentId(), int(CreateWizard::BackingPageId));
}

void CreateWizardTest::refusals_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<int>("stuckPage");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("rule"); // in the message's tooltip, never in its sentence (issue 14 item 8)
    QTest::newRow("R16-missing-backing") << u"missing-backing"_s << int(CreateWizard::BackingPageId) << u"does not exist"_s << 16;
    QTest::newRow("R17-image-is-backing") << u"same-path"_s << int(CreateWizard::ImagePageId) << u"same file"_s << 17;
    QTest::newRow("R17-image-is-hard-link-of-backing") << u"hard-link"_s << int(CreateWizard::ImagePageId) << u"same file"_s << 17;
    QTest::newRow("R17-add-cow-is-image") << u"addcow-is-image"_s << int(CreateWizard::AddCowPageId) << u"cannot be the image file"_s << 17;
    QTest::newRow("R20-new-image-smaller-than-backing") << u"small-new"_s << int(CreateWizard::ImagePageId) << u"smaller than the backing file"_s << 20;
    QTest::newRow("R20-existing-image-smaller-than-backing") << u"small-existing"_s << int(CreateWizard::ImagePageId) << u"smaller than the backing file"_s << 20;
    QTest::newRow("R20-overwrite-without-consent") << u"overwrite"_s << int(CreateWizard::AddCowPageId) << u"already exists"_s << 20;
    QTest::newRow("R11-unparsable-size") << u"bad-size"_s << int(CreateWizard::ImagePageId) << u"is not a size"_s << 0;
    QTest::newRow("full-allocation-does-not-fit") << u"no-space"_s << int(CreateWizard::ImagePageId) << u"Not enough free space"_s << 20;
    // Issue 14 item 7: refused while typing, not with EFBIG at Create.
    QTest::newRow("R20-larger-than-the-file-system-takes") << u"too-large"_s << int(CreateWizard::ImagePageId) << u"cannot hold a file"_s << 20;
    QTest::newRow("R20-no-file-can-be-that-large") << u"beyond-any-file"_s << int(CreateWizard::ImagePageId) << u"cannot hold a file"_s << 20;
}

void CreateWizardTest::refusals()
{
    QFETCH(QString, scenario);
    QFETCH(int, stuckPage);
    QFETCH(QString, message);
    QFETCH(int, rule);

    QTemporaryDir dir;
    const QString backing = dir.filePath(u"base.raw"_s);
    QVERIFY(OpsTest::writePatternFile(backing, 2 * 65536));
    const QString image = dir.filePath(u"disk.raw"_s);
    if (scenario == u"hard-link"_s)
        QCOMPARE(::link(QFile::encodeName(backing).constData(), QFile::encodeName(image).constData()), 0);
    if (scenario == u"small-existing"_s)
        QVERIFY(OpsTest::writeSparseFile(image, 65536));
    if (scenario == u"overwrite"_s) {
        QFile existing(dir.filePath(u"disk.add-cow"_s));
        QVERIFY(existing.open(QIODevice::WriteOnly));
        existing.write("precious");
    }

    JobManager jobs;
    CreateWizard wizard(&jobs);
    wizard.show();
    setText(wizard, "backingPathEdit", scenario == u"missing-backing"_s ? dir.filePath(u"nothere.raw"_s) : backing);
    auto stuckHere = [&](QWizardPage *page, const QString &problem, int problemRule) {
        QVERIFY(!page->isComplete());
        QVERIFY2(problem.contains(message), qPrintable(problem));
        QVERIFY2(!problem.contains(QRegularExpression(u"\\bR\\d+\\b"_s)), qPrintable(problem));
        QCOMPARE(problemRule, rule);
        const int before = wizard.currentId();
        wizard.next(); // refused: stays
        QCOMPARE(wizard.currentId(), before);
        QCOMPARE(wizard.currentId(), stuckPage);
    };
    if (stuckPage == CreateWizard::BackingPageId) {
        stuckHere(wizard.backingPage(), wizard.backingPage()->problem(), wizard.backingPage()->problemRule());
        return;
    }
    wizard.next();
    QCOMPARE(wizard.currentId(), int(CreateWizard::ImagePageId));
    setText(wizard, "imagePathEdit", scenario == u"same-path"_s ? backing : image);
    if (scenario == u"small-new"_s)
        setText(wizard, "imageSizeEdit", u"64K"_s);
    if (scenario == u"bad-size"_s)
        setText(wizard, "imageSizeEdit", u"12 parsecs"_s);
    if (scenario == u"no-space"_s) {
        if (FileSystemRoom::freeBytes(dir.path()).value() >= (quint64(10) << 40) || !FileSystemRoom::takesFileOf(dir.path(), quint64(10) << 40).value())
            QSKIP("the file system has 10 TiB free, or takes no 10 TiB file");
        setText(wizard, "imageSizeEdit", u"10T"_s);
        wizard.findChild<QRadioButton *>(u"fullyAllocatedRadio"_s)->setChecked(true);
    }
    if (scenario == u"too-large"_s) {
        if (FileSystemRoom::takesFileOf(dir.path(), quint64(20) << 40).value())
            QSKIP("this file system takes 20 TiB files");
        setText(wizard, "imageSizeEdit", u"20T"_s);
    }
    if (scenario == u"beyond-any-file"_s)
        setText(wizard, "imageSizeEdit", u"9E"_s); // past 2^63 - 1, the largest file any file system can have

    if (stuckPage == CreateWizard::ImagePageId) {
        stuckHere(wizard.imagePage(), wizard.imagePage()->problem(), wizard.imagePage()->problemRule());
        if (scenario.startsWith(u"small"_s)) {
            // R20: the user may force it, with a warning.
            auto *force = wizard.findChild<QCheckBox *>(u"forceCheck"_s);
            QVERIFY(force->isVisible());
            force->setChecked(true);
            QVERIFY(wizard.findChild<QLabel *>(u"forceWarningLabel"_s)->isVisible());
            QVERIFY2(wizard.imagePage()->isComplete(), qPrintable(wizard.imagePage()->problem()));
            QVERIFY(wizard.createOptions().force);
        }
        return;
    }
    QVERIFY2(wizard.imagePage()->isComplete(), qPrintable(wizard.imagePage()->problem()));
    wizard.next();
    if (scenario == u"addcow-is-image"_s)
        setText(wizard, "addCowPathEdit", image);
    stuckHere(wizard.addCowPage(), wizard.addCowPage()->problem(), wizard.addCowPage()->problemRule());
    if (scenario == u"overwrite"_s) {
        // Explicit consent lets it through, and the option reaches the job (R20).
        wizard.findChild<QCheckBox *>(u"overwriteCheck"_s)->setChecked(true);
        QVERIFY(wizard.addCowPage()->isComplete());
        QVERIFY(wizard.createOptions().overwrite);
        QFile existing(dir.filePath(u"disk.add-cow"_s));
        QVERIFY(existing.open(QIODevice::ReadOnly));
        QCOMPARE(existing.readAll(), QByteArray("precious")); // untouched until Create
    }
}

void CreateWizardTest::sizeTableSameAsCli_R11_R20_data()
{
    QTest::addColumn<QString>("size");              // as typed; empty: none given (the wizard shows the backing disk's)
    QTest::addColumn<qint64>("existingImageBytes"); // -1: the image file is created
    QTest::addColumn<qint64>("backingBytes");       // 0: no backing file
    QTest::addColumn<QString>("imageName");
    QTest::addColumn<bool>("force");
    QTest::addColumn<bool>("accepted");
    const QString disk = u"disk.raw"_s;
    // R11: every size is a disk, 0 bytes too (0 clusters, an empty bitmap).
    QTest::newRow("R11 0 bytes") << u"0"_s << qint64(-1) << qint64(0) << disk << false << true;
    QTest::newRow("R11 1 byte") << u"1"_s << qint64(-1) << qint64(0) << disk << false << true;
    QTest::newRow("R11 512") << u"512"_s << qint64(-1) << qint64(0) << disk << false << true;
    QTest::newRow("R11 64K") << u"64K"_s << qint64(-1) << qint64(0) << disk << false << true;
    QTest::newRow("R11 100000T: no room for its bitmap") << u"100000T"_s << qint64(-1) << qint64(0) << disk << false << false;
    QTest::newRow("R11 abc is not a size") << u"abc"_s << qint64(-1) << qint64(0) << disk << false << false;
    QTest::newRow("R20 no size and no backing file") << QString() << qint64(-1) << qint64(0) << disk << false << false;
    QTest::newRow("R20 no size: the backing disk's") << QString() << qint64(-1) << qint64(131072) << disk << false << true;
    QTest::newRow("R20 backing bigger than the size") << u"64K"_s << qint64(-1) << qint64(131072) << disk << false << false;
    QTest::newRow("R20 backing bigger than the size, forced") << u"64K"_s << qint64(-1) << qint64(131072) << disk << true << true;
    QTest::newRow("R11 0 bytes over a backing file, forced") << u"0"_s << qint64(-1) << qint64(131072) << disk << true << true;
    QTest::newRow("R11 existing 0-byte image file") << QString() << qint64(0) << qint64(0) << disk << false << true;
    QTest::newRow("R20 existing image smaller than the backing disk") << QString() << qint64(65536) << qint64(131072) << disk << false << false;
    QTest::newRow("R20 existing image as large as the backing disk") << QString() << qint64(131072) << qint64(131072) << disk << false << true;
    QTest::newRow("R17 image file is the backing file") << QString() << qint64(-1) << qint64(131072) << u"base.raw"_s << false << false;
}

// Issue 11: the wizard and `addcow create` accept and refuse exactly the same sizes, because
// newImageSize() decides for both. Each row runs through the CLI and through the image page.
void CreateWizardTest::sizeTableSameAsCli_R11_R20()
{
    QFETCH(QString, size);
    QFETCH(qint64, existingImageBytes);
    QFETCH(qint64, backingBytes);
    QFETCH(QString, imageName);
    QFETCH(bool, force);
    QFETCH(bool, accepted);

    const auto prepare = [&](const QTemporaryDir &dir) {
        if (backingBytes > 0)
            QVERIFY(OpsTest::writePatternFile(dir.filePath(u"base.raw"_s), quint64(backingBytes)));
        if (existingImageBytes >= 0)
            QVERIFY(OpsTest::writeSparseFile(dir.filePath(imageName), quint64(existingImageBytes)));
    };

    // `addcow create`
    QTemporaryDir cliDir;
    prepare(cliDir);
    if (size == u"100000T"_s) {
        const quint64 hugeBytes = quint64(100000) << 40;
        if (FileSystemRoom::takesFileOf(cliDir.path(), hugeBytes).value()
            && FileSystemRoom::freeBytes(cliDir.path()).value() >= bitmapRegionBytesFor(clusterCountFor(hugeBytes)))
            QSKIP("this file system would hold a 100000 TiB disk and its bitmap");
    }
    QStringList arguments{u"create"_s, u"-i"_s, imageName};
    if (backingBytes > 0)
        arguments << u"-b"_s << u"base.raw"_s;
    if (!size.isEmpty())
        arguments << u"-s"_s << size;
    if (force)
        arguments << u"-f"_s;
    arguments << cliDir.filePath(u"disk.add-cow"_s);
    QProcess cli;
    cli.setWorkingDirectory(cliDir.path());
    cli.start(QStringLiteral(ADDCOW_CLI_BINARY), arguments);
    QVERIFY(cli.waitForFinished(60000));
    const bool cliAccepted = cli.exitStatus() == QProcess::NormalExit && cli.exitCode() == 0;
    QCOMPARE(QFile::exists(cliDir.filePath(u"disk.add-cow"_s)), cliAccepted);

    // The wizard's image page
    QTemporaryDir wizardDir;
    prepare(wizardDir);
    JobManager jobs;
    CreateWizard wizard(&jobs);
    wizard.show();
    if (backingBytes > 0) {
        setText(wizard, "backingPathEdit", wizardDir.filePath(u"base.raw"_s));
        QTRY_VERIFY_WITH_TIMEOUT(wizard.backingPage()->isComplete(), 20000);
    } else {
        wizard.findChild<QCheckBox *>(u"useBackingCheck"_s)->setChecked(false);
    }
    wizard.next();
    QCOMPARE(wizard.currentId(), int(CreateWizard::ImagePageId));
    wizard.findChild<QCheckBox *>(u"forceCheck"_s)->setChecked(force);
    setText(wizard, "imagePathEdit", wizardDir.filePath(imageName));
    if (!size.isEmpty())
        setText(wizard, "imageSizeEdit", size);
    const bool wizardAccepted = wizard.imagePage()->isComplete();

    QVERIFY2(cliAccepted == wizardAccepted,
             qPrintable(u"addcow create %1 (%2), the wizard %3 (%4)"_s.arg(cliAccepted ? u"accepts"_s : u"refuses"_s, QString::fromUtf8(cli.readAllStandardError()).trimmed(),
                                                                      wizardAccepted ? u"accepts"_s : u"refuses"_s, wizard.imagePage()->problem())));
    QCOMPARE(cliAccepted, accepted);
}

void CreateWizardTest::fileTableSameAsCli_R16_R17_R20_data()
{
    // In a fresh folder holding base.raw (128 KiB): what each name is made to be first, then
    // the names given (relative to the folder; empty backing: none).
    QTest::addColumn<QString>("setup"); // "", "add-cow-file", "add-cow-dir", "add-cow-fifo", "image-file", "image-dir", "image-fifo",
                                        // "backing-dir", "backing-fifo", "image-link-to-backing"
    QTest::addColumn<QString>("backingName");
    QTest::addColumn<QString>("imageName");
    QTest::addColumn<QString>("addCowName");
    QTest::addColumn<bool>("overwrite");
    QTest::addColumn<int>("rule"); // 0: accepted
    const QString base = u"base.raw"_s;
    const QString disk = u"disk.raw"_s;
    const QString addCow = u"disk.add-cow"_s;
    QTest::newRow("new image over a backing file") << QString() << base << disk << addCow << false << 0;
    QTest::newRow("existing image over a backing file") << u"image-file"_s << base << disk << addCow << false << 0;
    QTest::newRow("new image, no backing file") << QString() << QString() << disk << addCow << false << 0;
    QTest::newRow("R20 the .add-cow file exists") << u"add-cow-file"_s << base << disk << addCow << false << 20;
    QTest::newRow("R20 the .add-cow file exists, replace asked") << u"add-cow-file"_s << base << disk << addCow << true << 0;
    QTest::newRow("R20 the .add-cow file is a directory, replace asked") << u"add-cow-dir"_s << base << disk << addCow << true << 16;
    QTest::newRow("R20 the .add-cow file is a FIFO, replace asked") << u"add-cow-fifo"_s << base << disk << addCow << true << 16;
    QTest::newRow("R20 the .add-cow file's folder is missing") << QString() << base << disk << u"gone/disk.add-cow"_s << false << 20;
    QTest::newRow("R20 the image file is a directory") << u"image-dir"_s << base << disk << addCow << false << 16;
    QTest::newRow("R20 the image file is a FIFO") << u"image-fifo"_s << base << disk << addCow << false << 16;
    QTest::newRow("R20 the image file's folder is missing") << QString() << base << u"gone/disk.raw"_s << addCow << false << 20;
    QTest::newRow("R16 the backing file is missing") << QString() << u"nothere.raw"_s << disk << addCow << false << 16;
    QTest::newRow("R16 the backing file is a directory") << u"backing-dir"_s << u"folder"_s << disk << addCow << false << 16;
    QTest::newRow("R16 the backing file is a FIFO") << u"backing-fifo"_s << u"pipe"_s << disk << addCow << false << 16;
    QTest::newRow("R17 the image file is a hard link of the backing file") << u"image-link-to-backing"_s << base << disk << addCow << false << 17;
    QTest::newRow("R17 the .add-cow file is the image file") << u"image-file"_s << base << disk << disk << true << 17;
    QTest::newRow("R17 the .add-cow file is the backing file") << QString() << base << disk << base << true << 17;
}

// Issue 11: the wizard and `addcow create` accept and refuse exactly the same files, because
// checkCreateBacking/Image/AddCow decide for both (and CreateJob asks checkCreateFiles). Each
// row runs through the CLI and through the wizard's three file pages; both cite the same rule.
void CreateWizardTest::fileTableSameAsCli_R16_R17_R20()
{
    QFETCH(QString, setup);
    QFETCH(QString, backingName);
    QFETCH(QString, imageName);
    QFETCH(QString, addCowName);
    QFETCH(bool, overwrite);
    QFETCH(int, rule);

    const auto prepare = [&](const QTemporaryDir &dir) {
        QVERIFY(OpsTest::writePatternFile(dir.filePath(u"base.raw"_s), 131072));
        const QByteArray image = QFile::encodeName(dir.filePath(u"disk.raw"_s));
        if (setup == u"add-cow-file"_s) {
            QFile file(dir.filePath(u"disk.add-cow"_s));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("precious");
        }
        if (setup == u"add-cow-dir"_s)
            QVERIFY(QDir(dir.path()).mkdir(u"disk.add-cow"_s));
        if (setup == u"add-cow-fifo"_s)
            QCOMPARE(::mkfifo(QFile::encodeName(dir.filePath(u"disk.add-cow"_s)).constData(), 0644), 0);
        if (setup == u"image-file"_s)
            QVERIFY(OpsTest::writeSparseFile(dir.filePath(u"disk.raw"_s), 131072));
        if (setup == u"image-dir"_s)
            QVERIFY(QDir(dir.path()).mkdir(u"disk.raw"_s));
        if (setup == u"image-fifo"_s)
            QCOMPARE(::mkfifo(image.constData(), 0644), 0);
        if (setup == u"image-link-to-backing"_s)
            QCOMPARE(::link(QFile::encodeName(dir.filePath(u"base.raw"_s)).constData(), image.constData()), 0);
        if (setup == u"backing-dir"_s)
            QVERIFY(QDir(dir.path()).mkdir(u"folder"_s));
        if (setup == u"backing-fifo"_s)
            QCOMPARE(::mkfifo(QFile::encodeName(dir.filePath(u"pipe"_s)).constData(), 0644), 0);
    };
    const bool newImage = setup != u"image-file"_s && setup != u"image-link-to-backing"_s;

    // `addcow create`, with absolute names so both sides name the same paths
    QTemporaryDir cliDir;
    prepare(cliDir);
    QStringList arguments{u"create"_s, u"-i"_s, cliDir.filePath(imageName)};
    if (!backingName.isEmpty())
        arguments << u"-b"_s << cliDir.filePath(backingName);
    if (newImage)
        arguments << u"-s"_s << u"128K"_s;
    if (overwrite)
        arguments << u"--overwrite"_s;
    arguments << cliDir.filePath(addCowName);
    const auto cliEntries = [&cliDir] {
        return QDir(cliDir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
    };
    const QStringList cliEntriesBefore = cliEntries();
    QProcess cli;
    cli.start(QStringLiteral(ADDCOW_CLI_BINARY), arguments);
    QVERIFY(cli.waitForFinished(60000));
    const QString cliError = QString::fromUtf8(cli.readAllStandardError()).trimmed();
    const bool cliAccepted = cli.exitStatus() == QProcess::NormalExit && cli.exitCode() == 0;

    // The wizard: backing page, image page, .add-cow page; refused where one stays incomplete
    QTemporaryDir wizardDir;
    prepare(wizardDir);
    JobManager jobs;
    CreateWizard wizard(&jobs);
    wizard.show();
    QString wizardProblem;
    int wizardRule = 0;
    const auto stuck = [&](auto *page) {
        if (page->isComplete())
            return false;
        wizardProblem = page->problem();
        wizardRule = page->problemRule();
        return true;
    };
    [&] {
        if (backingName.isEmpty())
            wizard.findChild<QCheckBox *>(u"useBackingCheck"_s)->setChecked(false);
        else
            setText(wizard, "backingPathEdit", wizardDir.filePath(backingName));
        if (stuck(wizard.backingPage()))
            return;
        wizard.next();
        QCOMPARE(wizard.currentId(), int(CreateWizard::ImagePageId));
        setText(wizard, "imagePathEdit", wizardDir.filePath(imageName));
        if (newImage)
            setText(wizard, "imageSizeEdit", u"128K"_s);
        if (stuck(wizard.imagePage()))
            return;
        wizard.next();
        QCOMPARE(wizard.currentId(), int(CreateWizard::AddCowPageId));
        setText(wizard, "addCowPathEdit", wizardDir.filePath(addCowName));
        wizard.findChild<QCheckBox *>(u"overwriteCheck"_s)->setChecked(overwrite);
        stuck(wizard.addCowPage());
    }();
    const bool wizardAccepted = wizardProblem.isEmpty();

    QVERIFY2(cliAccepted == wizardAccepted,
             qPrintable(u"addcow create %1 (%2), the wizard %3 (%4)"_s.arg(cliAccepted ? u"accepts"_s : u"refuses"_s, cliError,
                                                                      wizardAccepted ? u"accepts"_s : u"refuses"_s, wizardProblem)));
    QCOMPARE(cliAccepted, rule == 0);
    if (rule != 0) {
        QCOMPARE(wizardRule, rule);
        QVERIFY2(cliError.contains(u"(R%1)"_s.arg(rule)), qPrintable(cliError));
    }
    if (QByteArray(QTest::currentDataTag()).contains("folder is missing")) { // says which folder, in both
        QVERIFY2(cliError.contains(u"the folder %1 does not exist"_s.arg(cliDir.filePath(u"gone"_s))), qPrintable(cliError));
        QVERIFY2(wizardProblem.contains(u"does not exist"_s) && wizardProblem.contains(u"gone"_s), qPrintable(wizardProblem));
    }
    if (!cliAccepted) // R20: a refusal writes, creates and removes nothing
        QCOMPARE(cliEntries(), cliEntriesBefore);
}

// R16 lets a block device be a backing file; R20 makes its size the new disk's default. Its
// st_size is 0, so the wizard must ask for its size as `addcow create` does (a loop device
// over a 3 MiB file; skipped where loop devices cannot be made).
void CreateWizardTest::blockDeviceBackingSizeSameAsCli_R16_R20()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const quint64 sizeBytes = 3 * 1024 * 1024;
    QVERIFY(OpsTest::writePatternFile(dir.filePath(u"base.raw"_s), sizeBytes));
    QProcess attach;
    attach.start(u"losetup"_s, {u"--find"_s, u"--show"_s, u"--read-only"_s, dir.filePath(u"base.raw"_s)});
    if (!attach.waitForFinished(20000) || attach.exitStatus() != QProcess::NormalExit || attach.exitCode() != 0)
        QSKIP("cannot attach a loop device here (needs root and /dev/loop-control)");
    const QString device = QString::fromLocal8Bit(attach.readAllStandardOutput()).trimmed();
    const auto detach = qScopeGuard([&device] { QProcess::execute(u"losetup"_s, {u"--detach"_s, device}); });
    QVERIFY(device.startsWith(u"/dev/"_s));
    QCOMPARE(QFileInfo(device).size(), qint64(0)); // what the wizard used to take as the size
    QCOMPARE(FileIo::fileSizeAt(device), qint64(sizeBytes));

    JobManager jobs;
    CreateWizard wizard(&jobs);
    wizard.show();
    setText(wizard, "backingPathEdit", device);
    QTRY_VERIFY_WITH_TIMEOUT(wizard.backingPage()->isComplete(), 20000);
    QCOMPARE(wizard.backingPage()->backingFormat(), QByteArray("raw"));
    QCOMPARE(wizard.backingPage()->backingSizeBytes(), sizeBytes);
    wizard.next();
    QCOMPARE(wizard.findChild<QLineEdit *>(u"imageSizeEdit"_s)->text(), u"3M"_s);

    QProcess cli;
    cli.start(QStringLiteral(ADDCOW_CLI_BINARY), {u"create"_s, u"-b"_s, device, u"-i"_s, dir.filePath(u"disk.raw"_s), dir.filePath(u"disk.add-cow"_s)});
    QVERIFY(cli.waitForFinished(60000));
    QVERIFY2(cli.exitStatus() == QProcess::NormalExit && cli.exitCode() == 0, cli.readAllStandardError().constData());
    const Result<Image> image = Image::open(dir.filePath(u"disk.add-cow"_s), Image::Access::ReadOnly, Image::Contents::HeaderOnly);
    QVERIFY2(image.ok(), qPrintable(image.error().message()));
    QCOMPARE(image->virtualSizeBytes(), sizeBytes);
}

void CreateWizardTest::cancelRemovesHalfMadeFiles_R20()
{
    QTemporaryDir dir;
    const QString backing = dir.filePath(u"base.raw"_s);
    QVERIFY(OpsTest::writePatternFile(backing, 65536));
    // Slow every write down so the fully allocated image takes long enough to cancel it.
    FileIo::setFaultHook([](FileIo::Op op, int, const QString &) {
        if (op == FileIo::Op::Write)
            std::this_thread::sleep_for(std::chrono::milliseconds(40));
        return FileIo::Fault{};
    });

    JobManager jobs;
    CreateWizard wizard(&jobs);
    wizard.show();
    setText(wizard, "backingPathEdit", backing);
    wizard.next();
    setText(wizard, "imagePathEdit", dir.filePath(u"big.raw"_s));
    setText(wizard, "imageSizeEdit", u"512M"_s);
    wizard.findChild<QRadioButton *>(u"fullyAllocatedRadio"_s)->setChecked(true);
    QVERIFY2(wizard.imagePage()->isComplete(), qPrintable(wizard.imagePage()->problem()));
    wizard.next();
    wizard.next();
    wizard.next();
    QSignalSpy progress(&jobs, &JobManager::jobProgress);
    QSignalSpy finished(&wizard, &QDialog::finished);
    wizard.next();
    QVERIFY(wizard.jobId() > 0);
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(dir.filePath(u"big.raw"_s)), 10000);
    QVERIFY(progress.wait(10000));

    // Cancel asks first; "No" keeps it running.
    OpsTest::answerNextMessageBox(QMessageBox::No);
    wizard.reject();
    QCOMPARE(jobs.state(wizard.jobId()), JobState::Running);
    QVERIFY(wizard.isVisible());

    QString question;
    OpsTest::answerNextMessageBox(QMessageBox::Yes, &question);
    QElapsedTimer timer;
    timer.start();
    wizard.reject();
    QVERIFY(question.contains(u"removed"_s));
    QVERIFY(finished.wait(5000));
    QVERIFY2(timer.elapsed() < 1500, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(jobs.state(wizard.jobId()), JobState::Cancelled);
    // Nothing half-made is left: not the new image file, not the .add-cow file or its temporary.
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{u"base.raw"_s});
}

void CreateWizardTest::failedCreateGoesBackToChangeSettings_R20()
{
    QTemporaryDir dir;
    const QString backing = dir.filePath(u"base.raw"_s);
    QVERIFY(OpsTest::writePatternFile(backing, 65536));
    const QString addCow = dir.filePath(u"disk.add-cow"_s);
    // The .add-cow file's final rename fails: the job fails and removes what it made (R20).
    FileIo::setFaultHook([&](FileIo::Op op, int, const QString &path) {
        FileIo::Fault fault;
        if (op == FileIo::Op::Rename && path == addCow)
            fault.errnoValue = EIO;
        return fault;
    });

    JobManager jobs;
    CreateWizard wizard(&jobs);
    wizard.show();
    setText(wizard, "backingPathEdit", backing);
    wizard.next();
    setText(wizard, "imagePathEdit", dir.filePath(u"disk.raw"_s));
    wizard.next();
    wizard.next();
    wizard.next();
    QCOMPARE(wizard.currentId(), int(CreateWizard::ReviewPageId));
    QSignalSpy finished(&jobs, &JobManager::jobFinished);
    wizard.next();
    QCOMPARE(wizard.currentId(), int(CreateWizard::ProgressPageId));
    const int failedJob = wizard.jobId();
    QVERIFY(finished.wait(20000));
    QCOMPARE(jobs.state(failedJob), JobState::Failed);
    QVERIFY(!wizard.progressPage()->isComplete());
    QVERIFY(wizard.progressPage()->statusText().contains(u"failed"_s));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{u"base.raw"_s});

    // Change Settings and Try Again: back on the review page, and Back works from there.
    auto *change = wizard.findChild<QPushButton *>(u"changeSettingsButton"_s);
    QVERIFY(change);
    QVERIFY(change->isVisible());
    QTest::mouseClick(change, Qt::LeftButton);
    QCOMPARE(wizard.currentId(), int(CreateWizard::ReviewPageId));
    QCOMPARE(wizard.jobId(), 0);
    wizard.back();
    QCOMPARE(wizard.currentId(), int(CreateWizard::NamesPageId));
    wizard.back();
    QCOMPARE(wizard.currentId(), int(CreateWizard::AddCowPageId));
    setText(wizard, "addCowPathEdit", dir.filePath(u"second.add-cow"_s));
    wizard.next();
    wizard.next();
    QCOMPARE(wizard.currentId(), int(CreateWizard::ReviewPageId));
    QVERIFY(wizard.reviewPage()->reviewText().contains(dir.filePath(u"second.add-cow"_s)));

    // The second Create is a new job, and it works.
    FileIo::setFaultHook({});
    QSignalSpy created(&wizard, &CreateWizard::imageCreated);
    wizard.next();
    QCOMPARE(wizard.currentId(), int(CreateWizard::ProgressPageId));
    QVERIFY(wizard.jobId() > 0 && wizard.jobId() != failedJob);
    QVERIFY(!change->isVisible());
    QVERIFY(created.wait(20000));
    QCOMPARE(created.first().first().toString(), dir.filePath(u"second.add-cow"_s));
    QVERIFY(wizard.progressPage()->isComplete());
    QVERIFY(!change->isVisible());
    QVERIFY(Image::open(dir.filePath(u"second.add-cow"_s)).ok());
}

// Issue 14 item 7: Esc does not drop what was entered unasked.
void CreateWizardTest::escapeAsksOnceSomethingWasEntered()
{
    JobManager jobs;
    {
        CreateWizard untouched(&jobs);
        untouched.show();
        QTest::keyClick(&untouched, Qt::Key_Escape);
        QVERIFY(!untouched.isVisible()); // nothing entered: nothing to lose
    }
    CreateWizard wizard(&jobs);
    wizard.show();
    auto *edit = wizard.findChild<QLineEdit *>(u"backingPathEdit"_s);
    edit->setFocus();
    QTest::keyClicks(edit, u"/tmp/base"_s);
    for (const auto answer : {QMessageBox::Cancel, QMessageBox::Discard}) {
        bool asked = false;
        QTimer::singleShot(0, [&asked, answer] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box || box->objectName() != u"discardSettingsBox"_s)
                return;
            asked = true;
            box->button(answer)->click();
        });
        QTest::keyClick(&wizard, Qt::Key_Escape);
        QVERIFY(asked);
        QCOMPARE(wizard.isVisible(), answer == QMessageBox::Cancel);
    }
}

// Issue 14 item 7: messages that come and go while typing do not move the fields.
void CreateWizardTest::layoutStaysWhileTyping()
{
    QTemporaryDir dir;
    const QString backing = dir.filePath(u"base.raw"_s);
    QVERIFY(OpsTest::writePatternFile(backing, 4 * 65536));
    JobManager jobs;
    CreateWizard wizard(&jobs);
    wizard.resize(800, 600);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    setText(wizard, "backingPathEdit", backing);
    wizard.next();
    setText(wizard, "imagePathEdit", dir.filePath(u"disk.raw"_s));
    auto *sparse = wizard.findChild<QRadioButton *>(u"sparseRadio"_s);
    auto *full = wizard.findChild<QRadioButton *>(u"fullyAllocatedRadio"_s);
    QList<QRect> places;
    // Fine, an error, too small (the force box and its warning appear), fine again.
    for (const QString &size : {u"1M"_s, u"12 parsecs"_s, u"64K"_s, u"1M"_s}) {
        setText(wizard, "imageSizeEdit", size);
        QApplication::processEvents();
        places.append(QRect(sparse->mapTo(&wizard, QPoint()), full->mapTo(&wizard, QPoint()) + QPoint(1, 1)));
        QVERIFY(wizard.findChild<QLabel *>(u"imageMessageLabel"_s)->height() >= 2 * wizard.fontMetrics().lineSpacing());
    }
    for (const QRect &place : std::as_const(places))
        QCOMPARE(place, places.first());
    QCOMPARE(wizard.size(), QSize(800, 600));
}

// Issue 14 item 5: both names show what they store and where they lead, also when narrow.
void CreateWizardTest::namesPageShowsWhereBothNamesLead_R16()
{
    QTemporaryDir dir;
    const QString backing = dir.filePath(u"a-rather-long-folder-name/base-disk-of-the-virtual-machine.raw"_s);
    QVERIFY(QDir().mkpath(QFileInfo(backing).absolutePath()));
    QVERIFY(OpsTest::writePatternFile(backing, 4 * 65536));
    JobManager jobs;
    CreateWizard wizard(&jobs); // at the size it opens with
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    setText(wizard, "backingPathEdit", backing);
    wizard.next();
    setText(wizard, "imagePathEdit", dir.filePath(u"another-long-folder/the-image-of-the-virtual-machine.raw"_s));
    QVERIFY(QDir().mkpath(dir.filePath(u"another-long-folder"_s)));
    setText(wizard, "imagePathEdit", dir.filePath(u"another-long-folder/the-image-of-the-virtual-machine.raw"_s));
    wizard.next();
    wizard.next();
    QCOMPARE(wizard.currentId(), int(CreateWizard::NamesPageId));
    QApplication::processEvents();
    for (const char *name : {"storedImageNameLabel", "storedBackingNameLabel"}) {
        auto *label = wizard.findChild<QLabel *>(QString::fromLatin1(name));
        QVERIFY(label->text().contains(u"Resolves to:"_s));
        // The whole text is on screen: the label is as tall as its text needs at its width.
        QVERIFY2(label->height() >= label->heightForWidth(label->width()), name);
        QVERIFY(label->visibleRegion().boundingRect().height() >= label->heightForWidth(label->width()) - 1);
    }
}

QTEST_MAIN(CreateWizardTest)
#include "createwizardtest.moc"
