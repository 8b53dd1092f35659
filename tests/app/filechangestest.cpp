// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "commitjob.h"
#include "heatmapwidget.h"
#include "hexpanel.h"
#include "hexview.h"
#include "image.h"
#include "imagedocument.h"
#include "jobmanager.h"
#include "mainwindow.h"
#include "recentfiles.h"
#include "summarystrip.h"
#include "testimages.h"

#include <QAction>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMenu>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace AddCow;
using namespace Qt::StringLiterals;

namespace
{

bool waitForOpen(MainWindow &window, const QString &path)
{
    window.openImage(path);
    return QTest::qWaitFor([&] { return !window.isLoading() && window.imagePath() == path; }, 20000);
}

/** What `addcow info --output=json` says is allocated. */
qint64 cliAllocated(const QString &path)
{
    QProcess cli;
    cli.start(QStringLiteral(ADDCOW_CLI_BINARY), {u"info"_s, u"--output=json"_s, path});
    if (!cli.waitForFinished(20000) || cli.exitCode() != 0)
        return -1;
    return QJsonDocument::fromJson(cli.readAllStandardOutput()).object().value(u"allocated-clusters"_s).toInteger(-1);
}

/** `printf DATA | addcow write FILE OFFSET`, as from a terminal. */
bool cliWrite(const QString &path, quint64 offsetBytes, const QByteArray &data)
{
    QProcess cli;
    cli.start(QStringLiteral(ADDCOW_CLI_BINARY), {u"write"_s, path, QString::number(offsetBytes)});
    if (!cli.waitForStarted(5000))
        return false;
    cli.write(data);
    cli.closeWriteChannel();
    return cli.waitForFinished(20000) && cli.exitStatus() == QProcess::NormalExit && cli.exitCode() == 0;
}

QString countText(quint64 clusters)
{
    return QLocale().toString(qulonglong(clusters));
}

} // namespace

/**
 * Issue 14 item 4 and "files that change": the summary, the heatmap and the hex views stay
 * right through edits, commits and other programs' writes, without reloading.
 */
class FileChangesTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void countMatchesTheCliAfterWriteEdits();
    void countStaysRightDuringAndAfterCommit();
    void terminalWriteIsFollowed();
    void vanishedFileOffersReopen();
    void recentEntriesOfMissingFiles();
    void openingSaysSo();

private:
    QTemporaryDir m_dir;
    QString m_path;
    TestImages::Options m_options;
};

void FileChangesTest::init()
{
    const QString sub = m_dir.filePath(QString::fromLatin1(QTest::currentTestFunction()));
    QVERIFY(QDir().mkpath(sub));
    m_options = {};
    m_options.virtualBytes = 64 * 1024 * 1024;
    m_options.backingBytes = 48 * 1024 * 1024;
    m_options.allocated = {{10, 5}, {600, 1}};
    m_path = TestImages::make(sub, m_options);
    QVERIFY(!m_path.isEmpty());
}

void FileChangesTest::countMatchesTheCliAfterWriteEdits()
{
    MainWindow window;
    window.show();
    QVERIFY(waitForOpen(window, m_path));
    QCOMPARE(qint64(window.document()->allocatedClusters()), cliAllocated(m_path));
    window.findChild<QAction *>(u"allowEditingAction"_s)->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(window.isEditing(), 10000);
    HexView *view = window.hexPanel()->virtualDiskView();
    for (quint64 cluster : {100, 101, 14}) { // two clean clusters, one already allocated
        view->goToOffset(cluster * ClusterSizeBytes + 7);
        view->setFocus();
        QTest::keyClicks(view, u"42"_s);
    }
    window.findChild<QAction *>(u"saveEditsAction"_s)->trigger();
    QVERIFY(!window.hexPanel()->hasPendingEdits());
    window.findChild<QAction *>(u"allowEditingAction"_s)->trigger(); // off: the CLI may read it
    const qint64 expected = cliAllocated(m_path);
    QCOMPARE(expected, qint64(8));
    QCOMPARE(qint64(window.document()->allocatedClusters()), expected);
    QVERIFY2(window.summaryStrip()->clustersText().contains(countText(8)), qPrintable(window.summaryStrip()->clustersText()));
    QTRY_VERIFY_WITH_TIMEOUT(window.heatmap()->hasCurrentFrame(), 10000);
    QCOMPARE(window.heatmap()->sourceOfCluster(100), DataSource::Image);
    QCOMPARE(window.heatmap()->sourceOfCluster(101), DataSource::Image);
}

void FileChangesTest::countStaysRightDuringAndAfterCommit()
{
    MainWindow window;
    window.show();
    QVERIFY(waitForOpen(window, m_path));
    ImageDocument *document = window.document();
    // Every time the document announces new bits, the summary already shows its count, and
    // the count is what the document's bitmap holds.
    int checks = 0;
    QStringList wrong;
    connect(document, &ImageDocument::clustersChanged, this, [&] {
        const std::shared_ptr<Image> image = document->image();
        if (!image || image->isAllAllocated())
            return;
        ++checks;
        if (document->allocatedClusters() != image->bitmap().countAllocated())
            wrong.append(u"document %1 bitmap %2"_s.arg(document->allocatedClusters()).arg(image->bitmap().countAllocated()));
        if (!window.summaryStrip()->clustersText().contains(countText(document->allocatedClusters())))
            wrong.append(window.summaryStrip()->clustersText());
    });
    QSignalSpy finished(window.jobManager(), &JobManager::jobFinished);
    const int id = window.jobManager()->start(std::make_shared<CommitJob>(m_path), u"Commit"_s, m_path);
    QVERIFY(finished.wait(60000));
    QCOMPARE(window.jobManager()->state(id), JobState::Done);
    QVERIFY(checks > 0);
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(u'\n')));
    // Afterwards (ALL_ALLOCATED, R19): every cluster, as the CLI says.
    QTRY_COMPARE_WITH_TIMEOUT(qint64(document->allocatedClusters()), cliAllocated(m_path), 10000);
    QCOMPARE(document->allocatedClusters(), clusterCountFor(m_options.virtualBytes));
    QTRY_VERIFY(window.summaryStrip()->clustersText().contains(countText(clusterCountFor(m_options.virtualBytes))));
}

void FileChangesTest::terminalWriteIsFollowed()
{
    MainWindow window;
    window.show();
    QVERIFY(waitForOpen(window, m_path));
    QSignalSpy reopened(&window, &MainWindow::imageChanged);
    const std::shared_ptr<Image> image = window.image();
    // The hex view shows cluster 700 from the backing file.
    window.hexPanel()->goToOffset(700 * ClusterSizeBytes);
    QVERIFY(cliWrite(m_path, 700 * ClusterSizeBytes, "terminal"));
    QTRY_VERIFY_WITH_TIMEOUT(window.summaryStrip()->clustersText().contains(countText(7)), 10000);
    QCOMPARE(qint64(window.document()->allocatedClusters()), cliAllocated(m_path));
    QTRY_VERIFY_WITH_TIMEOUT(window.heatmap()->hasCurrentFrame(), 10000);
    QCOMPARE(window.heatmap()->sourceOfCluster(700), DataSource::Image);
    QCOMPARE(window.image(), image); // followed, not reloaded
    QCOMPARE(reopened.size(), 0);
    QCOMPARE(window.image()->read(700 * ClusterSizeBytes, 8).value(), QByteArray("terminal"));
}

void FileChangesTest::vanishedFileOffersReopen()
{
    MainWindow window;
    window.show();
    QVERIFY(waitForOpen(window, m_path));
    auto *bar = window.findChild<QWidget *>(u"outsideChangeBar"_s);
    QVERIFY(bar);
    QVERIFY(!bar->isVisible());
    const QString imagePath = window.image()->imageFile().resolvedPath;
    QVERIFY(QFile::rename(imagePath, imagePath + u".moved"_s));
    QTRY_VERIFY_WITH_TIMEOUT(bar->isVisible(), 10000);
    const QString text = window.findChild<QLabel *>(u"outsideChangeLabel"_s)->text();
    QVERIFY2(text.contains(QDir::toNativeSeparators(imagePath)), qPrintable(text));
    QVERIFY(window.heatmap()->hasImageData()); // what was opened is still shown

    QVERIFY(QFile::rename(imagePath + u".moved"_s, imagePath));
    QTRY_VERIFY_WITH_TIMEOUT(window.findChild<QLabel *>(u"outsideChangeLabel"_s)->text().contains(u"replaced"_s), 10000);
    QSignalSpy reopened(&window, &MainWindow::imageChanged);
    window.findChild<QPushButton *>(u"reopenButton"_s)->click();
    QTRY_COMPARE_WITH_TIMEOUT(reopened.size(), 1, 20000);
    QVERIFY(!bar->isVisible());
}

void FileChangesTest::recentEntriesOfMissingFiles()
{
    MainWindow window;
    const QString gone = m_dir.filePath(u"gone.add-cow"_s);
    window.recentFiles()->add(gone);
    window.recentFiles()->add(m_path);
    auto *menu = window.findChild<QMenu *>(u"recentMenu"_s);
    Q_EMIT menu->aboutToShow();
    QAction *present = nullptr;
    QAction *missing = nullptr;
    for (QAction *action : menu->actions()) {
        if (action->data().toString() == m_path)
            present = action;
        if (action->data().toString() == gone)
            missing = action;
    }
    QVERIFY(present && missing);
    QVERIFY(present->isEnabled());
    QVERIFY(!missing->isEnabled());
    QVERIFY2(missing->text().contains(u"missing"_s), qPrintable(missing->text()));
    QVERIFY(!present->text().contains(u"missing"_s));
}

void FileChangesTest::openingSaysSo()
{
    // Issue 14 item 8: not "No image open" while an image is being opened.
    MainWindow window;
    window.show();
    window.openImage(m_path);
    QVERIFY(window.isLoading());
    const QString title = window.findChild<QLabel *>(u"placeholderTitle"_s)->text();
    QVERIFY2(title.contains(u"disk.add-cow"_s), qPrintable(title));
    QTRY_VERIFY_WITH_TIMEOUT(!window.isLoading(), 20000);
}

QTEST_MAIN(FileChangesTest)
#include "filechangestest.moc"
