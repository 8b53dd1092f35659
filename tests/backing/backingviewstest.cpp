// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later

// Issue 12 in the app's views: over a qcow2 chain made by QEMU alone, the summary strip names
// the format, the disk's size and the chain as QEMU reports it, and the backing hex column shows
// the disk the guest sees, or with File Bytes the qcow2 file's own bytes, saying which.

#include "backingtestutil.h"

#include "createjob.h"
#include "hexdatasource.h"
#include "hexpanel.h"
#include "hexview.h"
#include "image.h"
#include "imagedocument.h"
#include "summarystrip.h"

#include <QLabel>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace AddCow;
using namespace BackingTest;
using namespace Qt::StringLiterals;

namespace
{
QByteArray sourceBytes(const HexDataSource &source, quint64 offset, quint64 length)
{
    QByteArray bytes(qsizetype(length), '\0');
    const qint64 got = source.read(offset, bytes.data(), length);
    bytes.truncate(qsizetype(std::max<qint64>(got, 0)));
    return bytes;
}
}

class BackingViewsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_top = makeQcow2Chain(m_dir.path());
        QVERIFY(!m_top.isEmpty());
        m_disk = qemuBytes(m_top, u"qcow2"_s, m_dir.filePath(u"reference.raw"_s));
        QCOMPARE(quint64(m_disk.size()), DiskBytes);
        CreateOptions options;
        options.addCowPath = m_dir.filePath(u"disk.add-cow"_s);
        options.imageFileName = "disk.raw";
        options.backingFileName = "top.qcow2"; // R9: probed once, stored as qcow2
        JobContext context;
        const Result<void> created = CreateJob(options).run(context);
        QVERIFY2(created, qPrintable(created ? QString() : created.error().message()));
        m_addCow = options.addCowPath;
    }

    void summaryStripShowsTheChain()
    {
        ImageDocument document;
        SummaryStrip strip;
        strip.setDocument(&document);
        document.open(m_addCow);
        QTRY_VERIFY_WITH_TIMEOUT(!document.isLoading(), 20000);
        QVERIFY(document.image());
        QCOMPARE(document.backingChain().size(), 2);
        QString tip;
        for (const QLabel *label : strip.findChildren<QLabel *>()) {
            if (label->toolTip().contains(u"Backing chain"_s))
                tip = label->toolTip();
        }
        QVERIFY2(tip.contains(u"Format: qcow2"_s), qPrintable(tip));
        QVERIFY2(tip.contains(u"top.qcow2 (qcow2)"_s) && tip.contains(u"base.qcow2 (qcow2)"_s), qPrintable(tip));
        QVERIFY2(tip.indexOf(u"top.qcow2 (qcow2)"_s) < tip.indexOf(u"base.qcow2 (qcow2)"_s), qPrintable(tip)); // top first, as QEMU lists it
    }

    void fileBytesSwitch()
    {
        Result<Image> opened = Image::open(m_addCow);
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message()));
        HexPanel panel;
        panel.resize(1600, 600);
        panel.show();
        panel.setImage(std::make_shared<Image>(std::move(opened).value()));
        QToolButton *fileBytes = nullptr;
        for (QToolButton *button : panel.findChildren<QToolButton *>()) {
            if (button->text().contains(u"File Bytes"_s))
                fileBytes = button;
        }
        QVERIFY(fileBytes && fileBytes->isVisible() && !fileBytes->isChecked());
        const auto backingTitle = [&panel] {
            for (const QLabel *label : panel.findChildren<QLabel *>()) {
                if (label->text().startsWith(u"Backing"_s))
                    return label->text();
            }
            return QString();
        };

        // The disk the guest sees: QEMU's bytes of the chain.
        QVERIFY2(backingTitle().startsWith(u"Backing disk, as the guest sees it (qcow2)"_s), qPrintable(backingTitle()));
        std::shared_ptr<const HexDataSource> source = panel.backingView()->dataSource();
        QCOMPARE(source->sizeBytes(), DiskBytes);
        QVERIFY(sourceBytes(*source, 0, 4 * Cluster) == m_disk.left(qsizetype(4 * Cluster)));
        QVERIFY(sourceBytes(*source, DiskBytes - 4096, 4096) == m_disk.right(4096));

        // File Bytes: the qcow2 file itself, its magic first.
        fileBytes->click();
        QVERIFY2(backingTitle().startsWith(u"Backing file, its own qcow2 bytes"_s), qPrintable(backingTitle()));
        source = panel.backingView()->dataSource();
        QFile qcow2(m_top);
        QVERIFY(qcow2.open(QIODevice::ReadOnly));
        QCOMPARE(source->sizeBytes(), quint64(qcow2.size()));
        QCOMPARE(sourceBytes(*source, 0, 4), QByteArray("QFI\xfb"));
        QVERIFY(sourceBytes(*source, 0, 512) == qcow2.read(512));

        fileBytes->click();
        QVERIFY(backingTitle().startsWith(u"Backing disk"_s));
        QCOMPARE(panel.backingView()->dataSource()->sizeBytes(), DiskBytes);
    }

private:
    QTemporaryDir m_dir;
    QString m_top;
    QString m_addCow;
    QByteArray m_disk;
};

QTEST_MAIN(BackingViewsTest)

#include "backingviewstest.moc"
