// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "editnamesdialog.h"
#include "opstestutil.h"

#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace AddCow;
using namespace Qt::StringLiterals;

class EditNamesDialogTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validation_data();
    void validation();
    void noBackingFileCannotBeAdded_R6();
};

void EditNamesDialogTest::validation_data()
{
    QTest::addColumn<QString>("imageName");
    QTest::addColumn<QString>("backingName");
    QTest::addColumn<QString>("problem"); // empty: accepted

    QTest::newRow("R16-relative-to-add-cow-folder") << u"sub/disk.raw"_s << u"base.raw"_s << QString();
    QTest::newRow("R16-absolute") << u"@/sub/disk.raw"_s << u"@/base.raw"_s << QString();
    QTest::newRow("R6-image-name-required") << QString() << u"base.raw"_s << u"R6"_s;
    QTest::newRow("R5-names-too-long") << u"sub/"_s + QString(4100, u'x') << u"base.raw"_s << u"R5"_s;
    QTest::newRow("missing-image-file") << u"disk.raw"_s << u"base.raw"_s << u"does not exist"_s;
    QTest::newRow("missing-backing-file") << u"sub/disk.raw"_s << u"gone.raw"_s << u"does not exist"_s;
    QTest::newRow("R17-image-is-backing") << u"base.raw"_s << u"base.raw"_s << u"R17"_s;
    QTest::newRow("R17-hard-link") << u"link.raw"_s << u"base.raw"_s << u"R17"_s;
    QTest::newRow("unchanged") << u"old.raw"_s << u"base.raw"_s << u"unchanged"_s;
}

void EditNamesDialogTest::validation()
{
    QFETCH(QString, imageName);
    QFETCH(QString, backingName);
    QFETCH(QString, problem);

    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkdir(u"sub"_s));
    QVERIFY(OpsTest::writePatternFile(dir.filePath(u"base.raw"_s), 65536));
    QVERIFY(OpsTest::writeSparseFile(dir.filePath(u"sub/disk.raw"_s), 65536));
    QVERIFY(OpsTest::writeSparseFile(dir.filePath(u"old.raw"_s), 65536));
    QCOMPARE(::link(QFile::encodeName(dir.filePath(u"base.raw"_s)).constData(), QFile::encodeName(dir.filePath(u"link.raw"_s)).constData()), 0);
    imageName.replace(u"@"_s, dir.path());
    backingName.replace(u"@"_s, dir.path());

    EditNamesDialog dialog(dir.filePath(u"x.add-cow"_s), "old.raw", "base.raw");
    QPushButton *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QVERIFY(!ok->isEnabled()); // nothing changed yet
    dialog.imageNameEdit()->setText(imageName);
    dialog.backingNameEdit()->setText(backingName);
    if (problem.isEmpty()) {
        QVERIFY2(dialog.problem().isEmpty(), qPrintable(dialog.problem()));
        QVERIFY(ok->isEnabled());
        const NameChange change = dialog.change();
        QCOMPARE(change.imageFileName.value_or(QByteArray()), QFile::encodeName(imageName));
        // Only what changed is rewritten.
        QCOMPARE(change.backingFileName.has_value(), backingName != u"base.raw"_s);
    } else {
        QVERIFY2(dialog.problem().contains(problem), qPrintable(dialog.problem()));
        QVERIFY(!ok->isEnabled());
    }
}

void EditNamesDialogTest::noBackingFileCannotBeAdded_R6()
{
    QTemporaryDir dir;
    QVERIFY(OpsTest::writeSparseFile(dir.filePath(u"disk.raw"_s), 65536));
    QVERIFY(OpsTest::writeSparseFile(dir.filePath(u"new.raw"_s), 65536));
    EditNamesDialog dialog(dir.filePath(u"x.add-cow"_s), "disk.raw", QByteArray());
    QVERIFY(!dialog.backingNameEdit()->isEnabled());
    dialog.imageNameEdit()->setText(u"new.raw"_s);
    QVERIFY2(dialog.problem().isEmpty(), qPrintable(dialog.problem()));
    QVERIFY(!dialog.change().backingFileName);
    QCOMPARE(*dialog.change().imageFileName, QByteArray("new.raw"));
}

QTEST_MAIN(EditNamesDialogTest)
#include "editnamesdialogtest.moc"
