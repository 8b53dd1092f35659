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
#include "format.h"
#include "image.h"
#include "jobmanager.h"
#include "opstestutil.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

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
    void createsWithoutBacking_R14();
    void absoluteNamesStoredAsTyped_R16();
    void refusals_data();
    void refusals();
    void cancelRemovesHalfMadeFiles_R20();
    void failedCreateGoesBackToChangeSettings_R20();

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

void CreateWizardTest::refusals_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<int>("stuckPage");
    QTest::addColumn<QString>("message");
    QTest::newRow("R16-missing-backing") << u"missing-backing"_s << int(CreateWizard::BackingPageId) << u"does not exist"_s;
    QTest::newRow("R17-image-is-backing") << u"same-path"_s << int(CreateWizard::ImagePageId) << u"R17"_s;
    QTest::newRow("R17-image-is-hard-link-of-backing") << u"hard-link"_s << int(CreateWizard::ImagePageId) << u"R17"_s;
    QTest::newRow("R17-add-cow-is-image") << u"addcow-is-image"_s << int(CreateWizard::AddCowPageId) << u"R17"_s;
    QTest::newRow("R20-new-image-smaller-than-backing") << u"small-new"_s << int(CreateWizard::ImagePageId) << u"R20"_s;
    QTest::newRow("R20-existing-image-smaller-than-backing") << u"small-existing"_s << int(CreateWizard::ImagePageId) << u"R20"_s;
    QTest::newRow("R20-overwrite-without-consent") << u"overwrite"_s << int(CreateWizard::AddCowPageId) << u"already exists"_s;
    QTest::newRow("R11-unparsable-size") << u"bad-size"_s << int(CreateWizard::ImagePageId) << u"is not a size"_s;
    QTest::newRow("full-allocation-does-not-fit") << u"no-space"_s << int(CreateWizard::ImagePageId) << u"does not fit"_s;
}

void CreateWizardTest::refusals()
{
    QFETCH(QString, scenario);
    QFETCH(int, stuckPage);
    QFETCH(QString, message);

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
    auto stuckHere = [&](QWizardPage *page, const QString &problem) {
        QVERIFY(!page->isComplete());
        QVERIFY2(problem.contains(message), qPrintable(problem));
        const int before = wizard.currentId();
        wizard.next(); // refused: stays
        QCOMPARE(wizard.currentId(), before);
        QCOMPARE(wizard.currentId(), stuckPage);
    };
    if (stuckPage == CreateWizard::BackingPageId) {
        stuckHere(wizard.backingPage(), wizard.backingPage()->problem());
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
        setText(wizard, "imageSizeEdit", u"8E"_s); // 8 EiB: no file system has that free
        wizard.findChild<QRadioButton *>(u"fullyAllocatedRadio"_s)->setChecked(true);
    }
    if (stuckPage == CreateWizard::ImagePageId) {
        stuckHere(wizard.imagePage(), wizard.imagePage()->problem());
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
    stuckHere(wizard.addCowPage(), wizard.addCowPage()->problem());
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

QTEST_MAIN(CreateWizardTest)
#include "createwizardtest.moc"
