// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
//
// addcow-shots OUTPUT_DIR IMAGE.add-cow [--size WxH] [--dark] [--lang CODE]
//
// Grabs the app's windows and dialogs in the states worth looking at (an open image, the data
// inspector, the partitions of make-demo.sh's VM disk when vm.add-cow lies beside IMAGE, an edit
// session, the jobs panel with a running job, the findings of a broken image, Edit File Names
// with an R17 error, the wizard pages) at one window size, as PNG files named after them.
// For people checking layouts (scripts/screenshots.sh runs it at 1600x1000 and 1366x768);
// it is not a test and asserts nothing.

#include "commitjob.h"
#include "createwizard.h"
#include "editnamesdialog.h"
#include "heatmapwidget.h"
#include "hexchangesmodel.h"
#include "hexchangesview.h"
#include "hexpanel.h"
#include "hexview.h"
#include "imageactions.h"
#include "image.h"
#include "imagedocument.h"
#include "jobmanager.h"
#include "mainwindow.h"
#include "servedialog.h"
#include "translationloader.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QPalette>
#include <QProcess>
#include <QRadioButton>
#include <QStyleFactory>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QWizard>

#include <atomic>

using namespace AddCow;
using namespace Qt::StringLiterals;

namespace
{

QString g_output;
QSize g_size;

void settle(int ms = 400)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < ms) {
        QApplication::processEvents(QEventLoop::AllEvents, 50);
        QThread::msleep(10);
    }
}

void save(QWidget *widget, const QString &name)
{
    settle();
    const QString path = u"%1/%2-%3x%4.png"_s.arg(g_output, name).arg(g_size.width()).arg(g_size.height());
    widget->grab().save(path);
    qInfo("%s", qPrintable(path));
}

void waitFor(const std::function<bool()> &condition)
{
    QElapsedTimer timer;
    timer.start();
    while (!condition() && timer.elapsed() < 20000)
        settle(50);
}

/** Runs until released, with progress, so the jobs panel shows a running job. */
class SlowJob : public Job
{
public:
    QString description() const override { return u"slow"_s; }
    Result<void> run(JobContext &context) override
    {
        const quint64 total = quint64(3) << 40;
        for (quint64 step = 1; !release.load(); ++step) {
            context.setProgress(std::min(total, step * (quint64(1) << 30)), total);
            if (context.isCancelled())
                return Error::make(ErrorCode::Cancelled, {}, u"cancelled"_s);
            QThread::msleep(20);
        }
        return {};
    }
    std::atomic_bool release{false};
};

void darkPalette()
{
    QApplication::setStyle(QStyleFactory::create(u"Fusion"_s));
    QPalette dark;
    const QColor window(0x2b, 0x2d, 0x30);
    const QColor base(0x1e, 0x1f, 0x22);
    const QColor text(0xe6, 0xe6, 0xe6);
    for (auto [role, colour] : {std::pair{QPalette::Window, window}, {QPalette::WindowText, text}, {QPalette::Base, base}, {QPalette::AlternateBase, window},
                                {QPalette::ToolTipBase, base}, {QPalette::ToolTipText, text}, {QPalette::Text, text}, {QPalette::Button, window},
                                {QPalette::ButtonText, text}, {QPalette::Highlight, QColor(0x3d, 0xae, 0xe9)}, {QPalette::HighlightedText, base}})
        dark.setColor(role, colour);
    QApplication::setPalette(dark);
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"AddCow"_s);
    QApplication::setApplicationName(u"AddCow Studio shots"_s);
    QCommandLineParser parser;
    parser.addPositionalArgument(u"output"_s, u"Folder for the PNG files"_s);
    parser.addPositionalArgument(u"image"_s, u"The .add-cow file to show"_s);
    const QCommandLineOption sizeOption(u"size"_s, u"Window size"_s, u"WxH"_s, u"1600x1000"_s);
    const QCommandLineOption darkOption(u"dark"_s, u"Dark palette"_s);
    const QCommandLineOption langOption(u"lang"_s, u"Language"_s, u"CODE"_s, u"en"_s);
    parser.addOptions({sizeOption, darkOption, langOption});
    parser.addHelpOption();
    parser.process(app);
    if (parser.positionalArguments().size() != 2)
        parser.showHelp(1);
    g_output = parser.positionalArguments().at(0);
    const QString image = QFileInfo(parser.positionalArguments().at(1)).absoluteFilePath();
    const QStringList size = parser.value(sizeOption).split(u'x');
    g_size = QSize(size.value(0).toInt(), size.value(1).toInt());
    QDir().mkpath(g_output);
    if (parser.isSet(darkOption))
        darkPalette();
    TranslationLoader translations(&app);
    translations.load(parser.value(langOption));

    // A copy of the image set to play with: nothing happens to the one given. Only its own files
    // (the folder may hold others, such as make-demo.sh's 1 GiB VM disk).
    QTemporaryDir work;
    const QFileInfo info(image);
    QStringList files{info.fileName()};
    if (const Result<Image> header = Image::open(image, Image::Access::ReadOnly, Image::Contents::HeaderOnly)) {
        for (const FileRef &file : {header.value().imageFile(), header.value().backingFile()}) {
            if (!file.storedName.isEmpty() && QFileInfo(file.resolvedPath).absolutePath() == info.absolutePath())
                files.append(QFileInfo(file.resolvedPath).fileName());
        }
    }
    for (const QString &file : std::as_const(files))
        QFile::copy(info.dir().filePath(file), work.filePath(file));
    const QString path = work.filePath(info.fileName());

    MainWindow window;
    window.setWindowState(Qt::WindowNoState);
    window.resize(g_size);
    window.show();
    window.openImage(path);
    waitFor([&] { return !window.isLoading() && window.image(); });
    save(&window, u"main"_s);

    // README: the data inspector on the line make-demo.sh wrote into cluster 200, its changes listed.
    if (auto *inspector = window.findChild<QDockWidget *>(u"hexInspectorViewDock"_s)) {
        window.hexPanel()->goToOffset(200 * ClusterSizeBytes + 4096);
        inspector->show();
        inspector->raise();
        save(&window, u"inspector"_s);
    }

    // The Changes list with allocated, unchanged runs listed too, its second row current.
    if (auto *changes = window.findChild<QDockWidget *>(u"hexChangesViewDock"_s)) {
        changes->show();
        changes->raise();
        auto *view = window.hexPanel()->changesView();
        waitFor([&] { return view->model()->isComplete(); });
        view->setShowUnchanged(true);
        view->selectRow(1);
        save(&window, u"changes"_s);
    }

    // README: make-demo.sh's VM disk beside the image, its partitions listed and as bands on the map.
    if (const QString vm = info.dir().filePath(u"vm.add-cow"_s); QFileInfo::exists(vm)) {
        MainWindow vmWindow; // read only: the files given stay as they are
        vmWindow.setWindowState(Qt::WindowNoState);
        vmWindow.resize(g_size);
        vmWindow.show();
        vmWindow.openImage(vm);
        waitFor([&] { return !vmWindow.isLoading() && vmWindow.image() && !vmWindow.heatmap()->bands().isEmpty(); });
        if (auto *partitions = vmWindow.findChild<QDockWidget *>(u"partitionsDock"_s)) {
            partitions->show();
            partitions->raise();
        }
        save(&vmWindow, u"partitions"_s);
    }

    // An edit session with a typed byte pending.
    window.findChild<QAction *>(u"allowEditingAction"_s)->trigger();
    waitFor([&] { return window.isEditing(); });
    HexView *view = window.hexPanel()->virtualDiskView();
    view->goToOffset(4096);
    view->setFocus();
    QTest::keyClicks(view, u"42"_s);
    save(&window, u"main-editing"_s);
    window.findChild<QAction *>(u"saveEditsAction"_s)->trigger();
    window.findChild<QAction *>(u"allowEditingAction"_s)->trigger();

    // The jobs panel with a running job.
    auto job = std::make_shared<SlowJob>();
    window.jobManager()->start(job, u"Commit %1 to a raw image file with a long name"_s.arg(info.fileName()), path,
                               u"The clusters copied so far are kept."_s);
    settle(1500);
    save(&window, u"main-jobs"_s);
    job->release = true;
    window.jobManager()->waitForAll(5000);

    // Image › Serve to a Virtual Machine, serving, after a client wrote one cluster.
    if (window.image()) {
        waitFor([&] { return window.findChild<QAction *>(u"serveAction"_s)->isEnabled(); });
        window.findChild<QAction *>(u"serveAction"_s)->trigger();
        if (auto *dialog = window.findChild<ServeDialog *>()) {
            dialog->findChild<QLineEdit *>(u"serveSocketEdit"_s)->setText(work.filePath(u"vm.sock"_s));
            save(dialog, u"serve-options"_s);
            const int id = dialog->startServing();
            waitFor([&] { return dialog->statusText().contains(u"<b>"_s); });
            QProcess::execute(u"qemu-io"_s, {u"-f"_s, u"raw"_s, u"-c"_s, u"write -P 0x5a 0 1M"_s, dialog->commandLine(u"uri"_s)});
            settle(2500); // the document notices the flushed bitmap
            save(dialog, u"serve-serving"_s);
            save(&window, u"main-serving"_s);
            window.jobManager()->requestCancel(id);
            window.jobManager()->waitForAll(30000);
            dialog->close();
        }
    }

    // Another program removed the raw image file (only an image that opened has one to remove).
    if (window.image()) {
        const QString raw = window.image()->imageFile().resolvedPath;
        QFile::rename(raw, raw + u".away"_s);
        waitFor([&] { return window.document()->outsideChange() != ImageDocument::OutsideChange::None; });
        save(&window, u"main-outside-change"_s);
        QFile::rename(raw + u".away"_s, raw);
    }

    // The findings of a header with errors and warnings: optional features (R8), a stray byte (R10).
    {
        QFile file(path);
        file.open(QIODevice::ReadWrite);
        file.seek(36);
        file.putChar(char(0x10));
        file.seek(3000);
        file.putChar('x');
    }
    window.reloadImage();
    waitFor([&] { return !window.isLoading(); });
    if (auto *dock = window.findChild<QDockWidget *>(u"findingsDock"_s)) {
        dock->show();
        dock->raise();
    }
    save(&window, u"main-findings"_s);

    // Edit File Names with R17: the image file named as the backing file.
    {
        const Header &header = window.headerParse().header;
        EditNamesDialog dialog(path, header.imageFileName, header.backingFileName, &window);
        dialog.show();
        dialog.imageNameEdit()->setText(QString::fromUtf8(header.backingFileName));
        save(&dialog, u"edit-names-r17"_s);
    }

    // The wizard: image page with an error, names page.
    {
        JobManager jobs;
        CreateWizard wizard(&jobs, &window);
        wizard.show();
        wizard.findChild<QLineEdit *>(u"backingPathEdit"_s)->setText(window.image() ? window.image()->backingFile().resolvedPath : QString());
        save(&wizard, u"wizard-1-backing"_s);
        wizard.next();
        wizard.findChild<QLineEdit *>(u"imagePathEdit"_s)->setText(work.filePath(u"new-disk-with-a-long-name.raw"_s));
        wizard.findChild<QLineEdit *>(u"imageSizeEdit"_s)->setText(u"20T"_s);
        save(&wizard, u"wizard-2-image-too-large"_s);
        wizard.findChild<QLineEdit *>(u"imageSizeEdit"_s)->setText(u"2G"_s);
        save(&wizard, u"wizard-2-image"_s);
        wizard.next();
        wizard.next();
        save(&wizard, u"wizard-4-names"_s);
        wizard.findChild<QRadioButton *>(u"absoluteNamesRadio"_s)->setChecked(true);
        save(&wizard, u"wizard-4-names-absolute"_s);
    }
    return 0;
}
