// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "headerparser.h"
#include "headertestutil.h"
#include "image.h"
#include "imagedocument.h"
#include "summarystrip.h"
#include "verifyjob.h"

#include <QClipboard>
#include <QContextMenuEvent>
#include <QLabel>
#include <QLocale>
#include <QTemporaryDir>
#include <QTest>

using namespace AddCow;
using namespace HeaderTestUtil;
using namespace Qt::StringLiterals;

class SummaryStripTest : public QObject
{
    Q_OBJECT

private:
    static bool writeFile(const QString &path, qint64 sizeBytes)
    {
        QFile file(path);
        return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.resize(sizeBytes);
    }

private Q_SLOTS:
    void followsTheDocument();
    void contextMenuCopiesPaths();
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void missingBackingFileHeaderOnly()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Spec spec;
        spec.backingName = "missing.img";
        const QString path = writeImageSet(QDir(dir.path()), buildHeader(spec), spec.imageName, 1024 * 1024);
        QVERIFY(!path.isEmpty());

        // The image cannot be opened without its backing file: the GUI falls back to the header.
        QVERIFY(!Image::open(path).ok());
        const Result<HeaderParse> parse = readHeader(path);
        QVERIFY(parse.ok());
        const Result<ImageCheck> findings = Image::check(path);
        QVERIFY(findings.ok());

        SummaryStrip strip;
        strip.setHeaderOnly(parse.value(), path, findings->findings);
        QVERIFY(strip.isHeaderOnly());

        const QString backingPath = QDir(dir.path()).filePath(u"missing.img"_s);
        QCOMPARE(strip.backingFileText(), u"Backing file: missing.img → %1"_s.arg(backingPath));
        QVERIFY(strip.isBackingFileMissing());
        QVERIFY(strip.findChild<QLabel *>(u"backingFileIcon"_s)->isVisibleTo(&strip));
        QVERIFY(!strip.findChild<QLabel *>(u"backingFileIcon"_s)->pixmap().isNull());
        QCOMPARE(strip.backingFileToolTip(), u"Backing file “%1” does not exist."_s.arg(backingPath));

        QCOMPARE(strip.imageFileText(), u"Image file: disk.raw → %1"_s.arg(QDir(dir.path()).filePath(u"disk.raw"_s)));
        QVERIFY(!strip.isImageFileMissing());
        QVERIFY(!strip.findChild<QLabel *>(u"imageFileIcon"_s)->isVisibleTo(&strip));

        // R11: the virtual size is known from the image file; the bitmap was not loaded.
        QCOMPARE(strip.virtualSizeText(), u"Virtual size: 1.0 MiB (1,048,576 bytes)"_s);
        QCOMPARE(strip.clustersText(), u"Clusters: 16, allocation unknown"_s);

        QCOMPARE(strip.state(), SummaryStrip::State::Errors);
        QVERIFY2(strip.stateText().endsWith(u"(header only)"_s), qPrintable(strip.stateText()));
        QVERIFY2(strip.stateText().contains(u"error"_s), qPrintable(strip.stateText()));
    }

    void openImage()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(writeFile(dir.filePath(u"base.img"_s), 1024 * 1024));
        // Clusters 0, 1, 2 and 9 in the image file (R13: LSB first).
        const QString path = writeImageSet(QDir(dir.path()), buildHeader(), "disk.raw", 1024 * 1024, QByteArray("\x07\x02", 2));
        Result<Image> image = Image::open(path);
        QVERIFY2(image.ok(), qPrintable(image.error().message()));
        const Result<ImageCheck> findings = Image::check(path);
        QVERIFY(findings.ok());

        SummaryStrip strip;
        strip.setImage(&image.value(), findings->findings);
        QVERIFY(!strip.isHeaderOnly());
        QCOMPARE(strip.virtualSizeText(), u"Virtual size: 1.0 MiB (1,048,576 bytes)"_s);
        QCOMPARE(strip.clustersText(), u"Clusters: 4 of 16 allocated (25.0 %)"_s);
        QCOMPARE(strip.backingFileText(), u"Backing file: base.img → %1"_s.arg(image.value().backingFile().resolvedPath));
        QVERIFY(!strip.isBackingFileMissing());
        QCOMPARE(strip.state(), SummaryStrip::State::Clean);
        QCOMPARE(strip.stateText(), u"Clean"_s);

        // A warning found by a check turns the state to warnings, coloured by the palette's own window tint.
        const QColor cleanBackground = strip.findChild<QLabel *>(u"stateLabel"_s)->palette().color(QPalette::Window);
        Finding warning;
        warning.severity = Severity::Warning;
        warning.code = FindingCode::SpareBitsSet; // R12
        warning.field = HeaderField::Bitmap;
        strip.setImage(&image.value(), {warning});
        QCOMPARE(strip.state(), SummaryStrip::State::Warnings);
        QCOMPARE(strip.stateText(), u"1 warning(s)"_s);
        const QColor warningBackground = strip.findChild<QLabel *>(u"stateLabel"_s)->palette().color(QPalette::Window);
        QVERIFY(warningBackground != cleanBackground);
        QVERIFY(warningBackground.red() > warningBackground.blue());

        strip.setImage(nullptr, {});
        QCOMPARE(strip.state(), SummaryStrip::State::Empty);
        QCOMPARE(strip.clustersText(), QString());
    }

    void longPathsAreElidedOnScreenOnly()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Spec spec;
        spec.backingName = QByteArray(200, 'b');
        const QString path = writeImageSet(QDir(dir.path()), buildHeader(spec), spec.imageName, 65536);
        const Result<HeaderParse> parse = readHeader(path);
        QVERIFY(parse.ok());
        SummaryStrip strip;
        strip.resize(600, 40);
        strip.show();
        QVERIFY(QTest::qWaitForWindowExposed(&strip));
        strip.setHeaderOnly(parse.value(), path, parse.value().findings);
        const QString full = u"Backing file: %1 → %2"_s.arg(QString::fromLatin1(spec.backingName), QDir(dir.path()).filePath(QString::fromLatin1(spec.backingName)));
        QCOMPARE(strip.backingFileText(), full);
        auto *label = strip.findChild<QLabel *>(u"backingFileLabel"_s);
        // The layout gives the label its width on the next pass; then the text is elided to fit.
        QTRY_VERIFY(label->width() > 0);
        QTRY_VERIFY(label->text().contains(QChar(0x2026)));
        QVERIFY(label->text() != full);
        // Only the name and path lose their middle; the label before them stays whole.
        QVERIFY(label->text().startsWith(u"Backing file: "_s));
        QVERIFY(label->fontMetrics().horizontalAdvance(label->text()) <= label->contentsRect().width());
        QVERIFY(label->toolTip().contains(QDir(dir.path()).filePath(QString::fromLatin1(spec.backingName))));
        // Wider: more of it shows.
        const int shortLength = label->text().size();
        strip.resize(1200, 40);
        QTRY_VERIFY(label->text().size() > shortLength);
    }

    void fileNamesMoveToASecondLineWhenNarrow()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Spec spec;
        spec.backingName = "a-rather-long-backing-file-name.raw";
        const QString path = writeImageSet(QDir(dir.path()), buildHeader(spec), spec.imageName, 65536);
        const Result<HeaderParse> parse = readHeader(path);
        QVERIFY(parse.ok());
        SummaryStrip strip;
        strip.resize(3000, 40);
        strip.show();
        QVERIFY(QTest::qWaitForWindowExposed(&strip));
        strip.setHeaderOnly(parse.value(), path, parse.value().findings);
        auto *size = strip.findChild<QLabel *>(u"virtualSizeLabel"_s);
        auto *backing = strip.findChild<QLabel *>(u"backingFileLabel"_s);
        auto *image = strip.findChild<QLabel *>(u"imageFileLabel"_s);
        const auto top = [&strip](QLabel *label) {
            return label->mapTo(&strip, QPoint(0, 0)).y();
        };
        // Wide: one line, the names whole.
        QTRY_COMPARE(top(backing), top(size));
        QCOMPARE(backing->text(), strip.backingFileText());
        QCOMPARE(image->text(), strip.imageFileText());
        const int oneLineHeight = strip.sizeHint().height();

        // Narrow: the names go below the facts instead of being cut first.
        strip.resize(size->sizeHint().width() + 400, 40);
        QTRY_VERIFY(top(backing) > top(size) + size->height() / 2);
        QCOMPARE(top(image), top(backing));
        QVERIFY(strip.sizeHint().height() > oneLineHeight);

        // Wide again: back on one line.
        strip.resize(3000, 40);
        QTRY_COMPARE(top(backing), top(size));
    }

    void allAllocatedWithoutBackingFile()
    {
        // R14: with ALL_ALLOCATED the backing file is not needed; a missing one is only noted.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Spec spec;
        spec.features = FeatureAllAllocated;
        const QString path = writeImageSet(QDir(dir.path()), buildHeader(spec), spec.imageName, 200000);
        Result<Image> image = Image::open(path);
        QVERIFY2(image.ok(), qPrintable(image.error().message()));

        SummaryStrip strip;
        strip.setImage(&image.value(), {});
        QCOMPARE(strip.clustersText(), u"Clusters: 4 of 4 allocated (100.0 %)"_s);
        QCOMPARE(strip.virtualSizeText(), u"Virtual size: 195.3 KiB (200,000 bytes)"_s);
        QVERIFY(strip.isBackingFileMissing());
        QVERIFY(strip.backingFileToolTip().contains(u"ALL_ALLOCATED"_s));
    }

    void noBackingFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Spec spec;
        spec.backingName.clear();
        spec.backingFormat.clear();
        spec.features = FeatureAllAllocated;
        const QString path = writeImageSet(QDir(dir.path()), buildHeader(spec), spec.imageName, 65536);
        const Result<HeaderParse> parse = readHeader(path);
        QVERIFY(parse.ok());
        SummaryStrip strip;
        strip.setHeaderOnly(parse.value(), path, parse.value().findings);
        QCOMPARE(strip.backingFileText(), u"Backing file: none"_s);
        QVERIFY(!strip.isBackingFileMissing());
        QCOMPARE(strip.clustersText(), u"Clusters: 1 of 1 allocated (100.0 %)"_s);
        QCOMPARE(strip.state(), SummaryStrip::State::Clean);
    }
};

void SummaryStripTest::followsTheDocument()
{
    // Issue 14 item 4: the count is kept current through the document, not set once at load.
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath(u"base.img"_s), 1024 * 1024));
    const QString path = writeImageSet(QDir(dir.path()), buildHeader(), "disk.raw", 1024 * 1024, QByteArray("\x07", 1));
    ImageDocument document;
    SummaryStrip strip;
    strip.setDocument(&document);
    QCOMPARE(strip.state(), SummaryStrip::State::Empty);
    document.open(path);
    QTRY_VERIFY(!document.isLoading());
    QCOMPARE(strip.clustersText(), u"Clusters: 3 of 16 allocated (18.8 %)"_s);
    {
        Result<Image> other = Image::open(path, Image::Access::ReadWrite); // another process
        QVERIFY(other.ok());
        QVERIFY(other->write(5 * 65536, "x").ok());
        QVERIFY(other->write(9 * 65536, "y").ok());
    }
    QVERIFY(document.reloadClusters({0, 16}).ok());
    QCOMPARE(strip.clustersText(), u"Clusters: 5 of 16 allocated (31.3 %)"_s);

    Finding warning;
    warning.severity = Severity::Warning;
    warning.code = FindingCode::OptionalFeaturesSet; // R8
    document.setFindings({warning});
    QCOMPARE(strip.state(), SummaryStrip::State::Warnings);
    document.close();
    QCOMPARE(strip.state(), SummaryStrip::State::Empty);
}

void SummaryStripTest::contextMenuCopiesPaths()
{
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath(u"base.img"_s), 1024 * 1024));
    const QString path = writeImageSet(QDir(dir.path()), buildHeader(), "disk.raw", 1024 * 1024);
    Result<Image> image = Image::open(path);
    QVERIFY(image.ok());
    SummaryStrip strip;
    strip.resize(1200, 60);
    strip.show();
    strip.setImage(&image.value(), {});
    auto open = [&strip] {
        QContextMenuEvent event(QContextMenuEvent::Mouse, QPoint(10, 10), strip.mapToGlobal(QPoint(10, 10)));
        QApplication::sendEvent(&strip, &event);
    };
    const QStringList actions = runContextMenu(u"summaryContextMenu"_s, u"Copy Image File Path"_s, open);
    QVERIFY2(actions.contains(u"Copy Backing File Path"_s), qPrintable(actions.join(u',')));
    QVERIFY(actions.contains(u"Open Containing Folder"_s));
    QCOMPARE(QApplication::clipboard()->text(), image->imageFile().resolvedPath);
    runContextMenu(u"summaryContextMenu"_s, u"Copy Virtual Size"_s, open);
    QCOMPARE(QApplication::clipboard()->text(), u"1048576"_s);
}

QTEST_MAIN(SummaryStripTest)

#include "summarystriptest.moc"
