// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later

// R18-R21, temp-file-and-rename once: create and the header rewrite (rebase -u, name edits,
// repair) both put their new .add-cow file in place through AtomicFile. Seen through FileIo's
// fault hook, both take the same steps in the same order, and a fault at any step leaves the
// old file (or none) and no temporary file behind.

#include "../jobs/jobstestutil.h"

#include "atomicfile.h"
#include "createjob.h"
#include "fileio.h"
#include "findingcode.h"
#include "headerrewrite.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>

using namespace AddCow;
using namespace JobsTest;
using namespace Qt::StringLiterals;

namespace
{

enum class Writer { Create, RewriteNames };

// The steps a writer takes on the target, its temporary file and its directory, as "Op place".
class StepRecorder
{
public:
    explicit StepRecorder(const QString &target)
        : m_target(target)
        , m_directory(QFileInfo(target).absolutePath())
        , m_temporaryPrefix(m_directory + u"/."_s + QFileInfo(target).fileName() + u".tmp-"_s)
    {
    }
    /** Records op; fails it with errnoValue when it is the failAt-th recorded step (0-based). */
    FileIo::Fault record(FileIo::Op op, const QString &path, int failAt, int errnoValue)
    {
        QString place;
        if (path == m_target)
            place = u"target"_s;
        else if (path == m_directory)
            place = u"directory"_s;
        else if (path.startsWith(m_temporaryPrefix))
            place = u"temporary"_s;
        else
            return {};
        if (place == u"temporary"_s && op == FileIo::Op::Open)
            m_steps.clear(); // what came before (the rewrite reading the old file) is the writer's own
        m_steps.append(opName(op) + u' ' + place);
        FileIo::Fault fault;
        if (m_steps.size() - 1 == failAt)
            fault.errnoValue = errnoValue;
        return fault;
    }
    QStringList steps() const { return m_steps; }

private:
    static QString opName(FileIo::Op op)
    {
        switch (op) {
        case FileIo::Op::Open: return u"open"_s;
        case FileIo::Op::Read: return u"read"_s;
        case FileIo::Op::Write: return u"write"_s;
        case FileIo::Op::Sync: return u"sync"_s;
        case FileIo::Op::Truncate: return u"truncate"_s;
        case FileIo::Op::Rename: return u"rename"_s;
        case FileIo::Op::CopyRange: return u"copy"_s;
        case FileIo::Op::Remove: return u"remove"_s;
        }
        return {};
    }

    QString m_target;
    QString m_directory;
    QString m_temporaryPrefix;
    QStringList m_steps;
};

} // namespace

Q_DECLARE_METATYPE(Writer)

class AtomicFileTest : public QObject
{
    Q_OBJECT

private:
    // A directory with disk.raw and, for the rewrite, a valid disk.add-cow naming it.
    static bool prepare(const QTemporaryDir &dir, Writer writer)
    {
        if (!writeAt(dir.filePath(u"disk.raw"_s), 0, QByteArray(3 * ClusterSizeBytes, 'x')))
            return false;
        if (writer == Writer::Create)
            return true;
        CreateOptions options;
        options.addCowPath = dir.filePath(u"disk.add-cow"_s);
        options.imageFileName = "disk.raw";
        return create(options).ok();
    }

    static Result<void> runWriter(const QTemporaryDir &dir, Writer writer)
    {
        if (writer == Writer::Create) {
            CreateOptions options;
            options.addCowPath = dir.filePath(u"disk.add-cow"_s);
            options.imageFileName = "disk.raw";
            return create(options);
        }
        NameChange change;
        change.imageFileName = QByteArray("./disk.raw");
        return rewriteNames(dir.filePath(u"disk.add-cow"_s), change);
    }

    static QStringList stepsOf(Writer writer, int failAt = -1, int errnoValue = 0)
    {
        QTemporaryDir dir;
        if (!dir.isValid() || !prepare(dir, writer))
            return {u"cannot prepare"_s};
        StepRecorder recorder(dir.filePath(u"disk.add-cow"_s));
        FileIo::setFaultHook([&](FileIo::Op op, int, const QString &path) {
            return recorder.record(op, path, failAt, errnoValue);
        });
        const Result<void> result = runWriter(dir, writer);
        FileIo::setFaultHook({});
        if (!result)
            return {result.error().message()};
        return recorder.steps();
    }

private Q_SLOTS:
    void cleanup() { FileIo::setFaultHook({}); }

    // The callers agree: the same steps around their own bytes, in R20's order.
    void createAndRewriteTakeTheSameSteps_R20()
    {
        const QStringList created = stepsOf(Writer::Create);
        const QStringList rewritten = stepsOf(Writer::RewriteNames);
        // What each writes into the temporary file is its own: a sparse bitmap, or the old one copied.
        QCOMPARE(created, (QStringList{u"open temporary"_s, u"write temporary"_s, u"truncate temporary"_s, u"sync temporary"_s,
                                       u"rename target"_s, u"open directory"_s, u"sync directory"_s}));
        QCOMPARE(rewritten, (QStringList{u"open temporary"_s, u"write temporary"_s, u"copy temporary"_s, u"sync temporary"_s,
                                         u"rename target"_s, u"open directory"_s, u"sync directory"_s}));
        QCOMPARE(created.mid(3), rewritten.mid(3));
    }

    // A fault at any step before the rename: the old file (or none) stays, no temporary file.
    void faultBeforeRenameLeavesTheOldFile_data()
    {
        QTest::addColumn<Writer>("writer");
        QTest::addColumn<int>("failAt");
        const QStringList steps{u"open"_s, u"write"_s, u"truncate or copy"_s, u"sync"_s, u"rename"_s};
        for (const auto &[writer, name] : {std::pair{Writer::Create, "create"}, std::pair{Writer::RewriteNames, "rewrite"}}) {
            for (int step = 0; step < steps.size(); ++step)
                QTest::addRow("R20 %s, %s fails", name, qPrintable(steps.at(step))) << writer << step;
        }
    }

    void faultBeforeRenameLeavesTheOldFile()
    {
        QFETCH(Writer, writer);
        QFETCH(int, failAt);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(prepare(dir, writer));
        const QString addCow = dir.filePath(u"disk.add-cow"_s);
        const QStringList entriesBefore = entries(dir.path());
        const QByteArray before = QFile::exists(addCow) ? sha256OfFile(addCow) : QByteArray();
        StepRecorder recorder(addCow);
        FileIo::setFaultHook([&](FileIo::Op op, int, const QString &path) {
            return recorder.record(op, path, failAt, EIO);
        });
        const Result<void> result = runWriter(dir, writer);
        FileIo::setFaultHook({});

        QVERIFY(recorder.steps().size() > failAt);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, ErrorCode::Io);
        QCOMPARE(result.error().errnoValue, EIO);
        QCOMPARE(entries(dir.path()), entriesBefore); // nothing new, no temporary file
        if (!before.isEmpty())
            QCOMPARE(sha256OfFile(addCow), before);
    }

    void neverReplacesAnExistingFile_R20()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString target = dir.filePath(u"disk.add-cow"_s);
        QVERIFY(writeAt(target, 0, "someone else's"));
        AtomicFile file(target);
        QVERIFY(file.open().ok());
        QVERIFY(FileIo::writeFull(file.fd(), "new", 3, 0));
        const Result<void> placed = file.commit(AtomicFile::Replace::Never);
        QVERIFY(!placed.ok());
        QCOMPARE(placed.error().code, ErrorCode::AlreadyExists);
        QCOMPARE(placed.error().finding, std::optional(FindingCode::AddCowFileExists));
        QVERIFY(!file.isRenamed());
        QCOMPARE(entries(dir.path()), QStringList{u"disk.add-cow"_s});
        QFile old(target);
        QVERIFY(old.open(QIODevice::ReadOnly));
        QCOMPARE(old.readAll(), QByteArray("someone else's"));
    }

    void replacesWhenAskedAndKeepsTheMode()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString target = dir.filePath(u"disk.add-cow"_s);
        QVERIFY(writeAt(target, 0, "old bytes, longer than the new"));
        {
            AtomicFile file(target);
            QVERIFY(file.open(0600).ok());
            QVERIFY(QFileInfo(file.temporaryPath()).isHidden());
            QCOMPARE(QFileInfo(file.temporaryPath()).absolutePath(), dir.path());
            QVERIFY(FileIo::writeFull(file.fd(), "new", 3, 0));
            QVERIFY(file.commit(AtomicFile::Replace::Existing).ok());
            QVERIFY(file.isRenamed());
        }
        QCOMPARE(entries(dir.path()), QStringList{u"disk.add-cow"_s});
        QFile replaced(target);
        QVERIFY(replaced.open(QIODevice::ReadOnly));
        QCOMPARE(replaced.readAll(), QByteArray("new"));
        QCOMPARE(replaced.permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
    }

    void discardedWhenNotCommitted()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        {
            AtomicFile file(dir.filePath(u"disk.add-cow"_s));
            QVERIFY(file.open().ok());
            QVERIFY(QFile::exists(file.temporaryPath()));
        }
        QVERIFY(entries(dir.path()).isEmpty());
    }

    // The directory sync fails after the rename: the new file is in place and isRenamed() says so.
    void directorySyncFailsAfterTheRename()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString target = dir.filePath(u"disk.add-cow"_s);
        StepRecorder recorder(target);
        FileIo::setFaultHook([&](FileIo::Op op, int, const QString &path) {
            return recorder.record(op, path, 5, EIO); // open, write, sync, rename, open directory, sync directory
        });
        AtomicFile file(target);
        QVERIFY(file.open().ok());
        QVERIFY(FileIo::writeFull(file.fd(), "new", 3, 0));
        const Result<void> placed = file.commit(AtomicFile::Replace::Never);
        FileIo::setFaultHook({});
        QCOMPARE(recorder.steps().value(5), u"sync directory"_s);
        QVERIFY(!placed.ok());
        QCOMPARE(placed.error().errnoValue, EIO);
        QVERIFY(file.isRenamed());
        QCOMPARE(entries(dir.path()), QStringList{u"disk.add-cow"_s});
    }
};

QTEST_GUILESS_MAIN(AtomicFileTest)
#include "atomicfiletest.moc"
