// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "editnamesdialog.h"
#include "opstestutil.h"

#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPushButton>
#include <QLabel>
#include <QRegularExpression>
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
    void fieldsKeepTheirSizeWithAProblem_R17();
};

void EditNamesDialogTest::validation_data()
{
    QTest::addColumn<QString>("imageName");
    QTest::addColumn<QString>("backingName");
    QTest::addColumn<QString>("problem"); // empty: accepted
    QTest::addColumn<int>("rule");        // the rule in the message's tooltip, not its text

    QTest::newRow("R16-relative-to-add-cow-folder") << u"sub/disk.raw"_s << u"base.raw"_s << QString() << 0;
    QTest::newRow("R16-absolute") << u"@/sub/disk.raw"_s << u"@/base.raw"_s << QString() << 0;
    QTest::newRow("R6-image-name-required") << QString() << u"base.raw"_s << u"required"_s << 6;
    QTest::newRow("R5-names-too-long") << u"sub/"_s + QString(4100, u'x') << u"base.raw"_s << u"fit in the header"_s << 5;
    QTest::newRow("R16-missing-image-file") << u"disk.raw"_s << u"base.raw"_s << u"does not exist"_s << 16;
    QTest::newRow("R16-missing-backing-file") << u"sub/disk.raw"_s << u"gone.raw"_s << u"does not exist"_s << 16;
    QTest::newRow("R17-image-is-backing") << u"base.raw"_s << u"base.raw"_s << u"same file"_s << 17;
    QTest::newRow("R17-hard-link") << u"link.raw"_s << u"base.raw"_s << u"same file"_s << 17;
    QTest::newRow("unchanged") << u"old.raw"_s << u"base.raw"_s << u"unchanged"_s << 0;
}

void EditNamesDialogTest::validation()
{
    QFETCH(QString, imageName);
    QFETCH(QString, backingName);
    QFETCH(QString, problem);
    QFETCH(int, rule);

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
        // Issue 14 item 8: the rule is in the tooltip, not in the sentence.
        QCOMPARE(dialog.problemRule(), rule);
        QVERIFY2(!dialog.problem().contains(QRegularExpression(u"\\bR\\d+\\b"_s)), qPrintable(dialog.problem()));
        auto *message = dialog.findChild<QLabel *>(u"editNamesMessageLabel"_s);
        if (rule > 0)
            QVERIFY(message->toolTip().contains(u"R%1"_s.arg(rule)));
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

// Issue 14 item 5: the fields were squashed to about 12 px when the R17 error appeared.
void EditNamesDialogTest::fieldsKeepTheirSizeWithAProblem_R17()
{
    QTemporaryDir dir;
    const QString deep = dir.filePath(u"a/folder/deep/enough/that/the/paths/in/an/error/take/several/lines/when/they/are/shown"_s);
    QVERIFY(QDir().mkpath(deep));
    QVERIFY(OpsTest::writePatternFile(deep + u"/base.raw"_s, 65536));
    QVERIFY(OpsTest::writeSparseFile(deep + u"/disk.raw"_s, 65536));
    EditNamesDialog dialog(deep + u"/x.add-cow"_s, "disk.raw", "base.raw");
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    const int editHeight = dialog.imageNameEdit()->height();
    dialog.imageNameEdit()->setText(u"base.raw"_s); // R17: the image file is the backing file
    QCOMPARE(dialog.problemRule(), 17);
    QTRY_VERIFY(dialog.imageNameEdit()->height() >= std::min(editHeight, dialog.imageNameEdit()->sizeHint().height()));
    QVERIFY(dialog.backingNameEdit()->height() >= dialog.backingNameEdit()->minimumSizeHint().height());
    auto *message = dialog.findChild<QLabel *>(u"editNamesMessageLabel"_s);
    QVERIFY(message->height() >= message->heightForWidth(message->width()));
    // Nothing overlaps: the message starts below the last field's preview.
    auto *preview = dialog.findChild<QLabel *>(u"backingPreviewLabel"_s);
    QVERIFY(message->geometry().top() >= preview->geometry().bottom());
    QVERIFY(preview->geometry().top() >= dialog.backingNameEdit()->geometry().bottom());
}

QTEST_MAIN(EditNamesDialogTest)
#include "editnamesdialogtest.moc"
