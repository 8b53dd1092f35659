// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "format.h"
#include "gotodialog.h"

#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

using namespace AddCow;

class GoToDialogTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseNumber_data();
    void parseNumber();
    void limits_data();
    void limits();
};

void GoToDialogTest::parseNumber_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<quint64>("value");
    QTest::newRow("decimal") << QStringLiteral("123") << true << quint64(123);
    QTest::newRow("hex") << QStringLiteral("0x7B") << true << quint64(123);
    QTest::newRow("spaces") << QStringLiteral("  42 ") << true << quint64(42);
    QTest::newRow("size suffix") << QStringLiteral("64K") << true << quint64(65536);
    QTest::newRow("fraction") << QStringLiteral("1.5M") << true << quint64(1572864);
    QTest::newRow("garbage") << QStringLiteral("twelve") << false << quint64(0);
    QTest::newRow("bad hex") << QStringLiteral("0xZZ") << false << quint64(0);
    QTest::newRow("empty") << QString() << false << quint64(0);
}

void GoToDialogTest::parseNumber()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(quint64, value);
    const std::optional<quint64> parsed = GoToDialog::parseNumber(text);
    QCOMPARE(parsed.has_value(), valid);
    if (valid)
        QCOMPARE(*parsed, value);
}

void GoToDialogTest::limits_data()
{
    QTest::addColumn<bool>("cluster");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<quint64>("clusterIndex");
    QTest::addColumn<quint64>("offsetBytes");
    // 100 clusters, the last one partial: virtual size 99 * 65536 + 512 (R11, R15).
    QTest::newRow("first cluster") << true << QStringLiteral("0") << true << quint64(0) << quint64(0);
    QTest::newRow("last cluster") << true << QStringLiteral("99") << true << quint64(99) << quint64(99 * 65536);
    QTest::newRow("R15 cluster past the end") << true << QStringLiteral("100") << false << quint64(0) << quint64(0);
    QTest::newRow("offset in cluster 2") << false << QStringLiteral("0x20010") << true << quint64(2) << quint64(0x20010);
    QTest::newRow("last byte") << false << QString::number(99 * 65536 + 511) << true << quint64(99) << quint64(99 * 65536 + 511);
    QTest::newRow("R15 offset past the end") << false << QString::number(99 * 65536 + 512) << false << quint64(0) << quint64(0);
}

void GoToDialogTest::limits()
{
    QFETCH(bool, cluster);
    QFETCH(QString, text);
    QFETCH(bool, accepted);
    QFETCH(quint64, clusterIndex);
    QFETCH(quint64, offsetBytes);
    GoToDialog dialog(100, 99 * ClusterSizeBytes + 512);
    dialog.setTarget(cluster ? GoToDialog::Target::Cluster : GoToDialog::Target::Offset);
    auto *edit = dialog.findChild<QLineEdit *>(QStringLiteral("goToEdit"));
    QVERIFY(edit);
    QTest::keyClicks(edit, text);
    QPushButton *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QCOMPARE(ok->isEnabled(), accepted);
    QCOMPARE(dialog.value().has_value(), accepted);
    if (accepted) {
        QCOMPARE(dialog.clusterIndex(), clusterIndex);
        QCOMPARE(dialog.offsetBytes(), offsetBytes);
    }
}

QTEST_MAIN(GoToDialogTest)
#include "gotodialogtest.moc"
