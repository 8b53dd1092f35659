// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "headermodel.h"
#include "headerparser.h"
#include "headertestutil.h"
#include "ruletext.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace AddCow;
using namespace HeaderTestUtil;
using namespace Qt::StringLiterals;

class HeaderModelTest : public QObject
{
    Q_OBJECT

private:
    static QString cell(const HeaderModel &model, HeaderField field, int column, int role = Qt::DisplayRole)
    {
        return model.index(model.rowForField(field), column).data(role).toString();
    }

    static HeaderModel::Status status(const HeaderModel &model, HeaderField field)
    {
        return model.status(model.rowForField(field));
    }

    static void show(HeaderModel &model, const QByteArray &bytes, const Findings &fileFindings = {}, const QString &path = {})
    {
        model.setHeader(bytes, parseHeader(bytes, path), fileFindings, path);
    }

private Q_SLOTS:
    void emptyModel()
    {
        HeaderModel model;
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), int(HeaderModel::ColumnCount));
        QCOMPARE(model.rowForField(HeaderField::Magic), -1);
    }

    void validHeader()
    {
        HeaderModel model;
        show(model, buildHeader());

        QCOMPARE(model.rowCount(), 18);
        QCOMPARE(model.columnCount(), 5);
        for (int row = 0; row < model.rowCount(); ++row) {
            QVERIFY2(model.status(row) == HeaderModel::Status::Valid, qPrintable(model.index(row, HeaderModel::NameColumn).data().toString()));
            QCOMPARE(model.index(row, HeaderModel::StatusColumn).data().toString(), u"valid"_s);
            QVERIFY(!model.index(row, HeaderModel::StatusColumn).data(Qt::DecorationRole).value<QIcon>().isNull());
        }

        // R2
        QCOMPARE(cell(model, HeaderField::Magic, HeaderModel::RangeColumn), u"0-7"_s);
        QCOMPARE(cell(model, HeaderField::Magic, HeaderModel::NameColumn), u"magic"_s);
        QCOMPARE(cell(model, HeaderField::Magic, HeaderModel::RawColumn), u"41 44 44 5f 43 4f 57 ff"_s);
        QCOMPARE(cell(model, HeaderField::Magic, HeaderModel::ValueColumn), u"\"ADD_COW\\xff\""_s);
        // R3
        QCOMPARE(cell(model, HeaderField::Version, HeaderModel::RangeColumn), u"8-11"_s);
        QCOMPARE(cell(model, HeaderField::Version, HeaderModel::RawColumn), u"01 00 00 00"_s);
        QCOMPARE(cell(model, HeaderField::Version, HeaderModel::ValueColumn), u"1 (0x1)"_s);
        // R5: image name at 80-87, backing name at 88-95, numbers in decimal and hex
        QCOMPARE(cell(model, HeaderField::BackingFileNameOffset, HeaderModel::RangeColumn), u"12-15"_s);
        QCOMPARE(cell(model, HeaderField::BackingFileNameOffset, HeaderModel::ValueColumn), u"88 (0x58)"_s);
        QCOMPARE(cell(model, HeaderField::BackingFileNameSize, HeaderModel::ValueColumn), u"8 (0x8)"_s);
        QCOMPARE(cell(model, HeaderField::ImageFileNameOffset, HeaderModel::RawColumn), u"50 00 00 00"_s);
        QCOMPARE(cell(model, HeaderField::ImageFileNameOffset, HeaderModel::ValueColumn), u"80 (0x50)"_s);
        QCOMPARE(cell(model, HeaderField::ImageFileNameSize, HeaderModel::RangeColumn), u"24-27"_s);
        QCOMPARE(cell(model, HeaderField::ImageFileName, HeaderModel::RangeColumn), u"80-87"_s);
        QCOMPARE(cell(model, HeaderField::ImageFileName, HeaderModel::ValueColumn), u"“disk.raw”"_s);
        QCOMPARE(cell(model, HeaderField::ImageFileName, HeaderModel::RawColumn), u"64 69 73 6b 2e 72 61 77"_s);
        QCOMPARE(cell(model, HeaderField::BackingFileName, HeaderModel::RangeColumn), u"88-95"_s);
        QCOMPARE(cell(model, HeaderField::BackingFileName, HeaderModel::ValueColumn), u"“base.img”"_s);
        // R7, R8
        QCOMPARE(cell(model, HeaderField::Features, HeaderModel::RangeColumn), u"28-35"_s);
        QCOMPARE(cell(model, HeaderField::Features, HeaderModel::ValueColumn), u"0x0 none"_s);
        QCOMPARE(cell(model, HeaderField::OptionalFeatures, HeaderModel::RangeColumn), u"36-43"_s);
        // R4
        QCOMPARE(cell(model, HeaderField::HeaderPagesSize, HeaderModel::RangeColumn), u"44-47"_s);
        QCOMPARE(cell(model, HeaderField::HeaderPagesSize, HeaderModel::ValueColumn), u"1 (0x1): header size 4096 bytes"_s);
        // R9
        QCOMPARE(cell(model, HeaderField::BackingFormat, HeaderModel::RangeColumn), u"48-63"_s);
        QCOMPARE(cell(model, HeaderField::BackingFormat, HeaderModel::ValueColumn), u"'raw'"_s);
        QCOMPARE(cell(model, HeaderField::ImageFormat, HeaderModel::RangeColumn), u"64-79"_s);
        QCOMPARE(cell(model, HeaderField::ImageFormat, HeaderModel::RawColumn), u"72 61 77 00 00 00 00 00 00 00 00 00 00 00 00 00"_s);
        // R10
        QCOMPARE(cell(model, HeaderField::NameArea, HeaderModel::RangeColumn), u"80-4095"_s);
        QCOMPARE(cell(model, HeaderField::NameArea, HeaderModel::ValueColumn), u"zero outside the names"_s);

        // Roles the header view uses to highlight bytes.
        const int row = model.rowForField(HeaderField::BackingFileName);
        QCOMPARE(model.fieldForRow(row), HeaderField::BackingFileName);
        QCOMPARE(model.offsetBytes(row), 88u);
        QCOMPARE(model.lengthBytes(row), 8u);
        QCOMPARE(model.index(row, 0).data(HeaderModel::FieldRole).toInt(), int(HeaderField::BackingFileName));
        QCOMPARE(model.index(row, 0).data(HeaderModel::OffsetRole).toULongLong(), 88u);
        QCOMPARE(model.index(row, 0).data(HeaderModel::LengthRole).toULongLong(), 8u);
    }

    void featureBitsByName_data()
    {
        QTest::addColumn<quint64>("features");
        QTest::addColumn<QString>("value");
        QTest::addColumn<int>("expectedStatus");
        QTest::newRow("R14 ALL_ALLOCATED") << quint64(1) << u"0x1 ALL_ALLOCATED"_s << int(HeaderModel::Status::Valid);
        QTest::newRow("R7 unknown bit 2") << quint64(5) << u"0x5 ALL_ALLOCATED, unknown bit 2 (0x4)"_s << int(HeaderModel::Status::Error);
        QTest::newRow("R7 unknown bit 63") << (quint64(1) << 63) << u"0x8000000000000000 unknown bit 63 (0x8000000000000000)"_s
                                          << int(HeaderModel::Status::Error);
    }

    void featureBitsByName()
    {
        QFETCH(quint64, features);
        QFETCH(QString, value);
        QFETCH(int, expectedStatus);
        Spec spec;
        spec.features = features;
        HeaderModel model;
        show(model, buildHeader(spec));
        QCOMPARE(cell(model, HeaderField::Features, HeaderModel::ValueColumn), value);
        QCOMPARE(int(status(model, HeaderField::Features)), expectedStatus);
    }

    void brokenHeader_data()
    {
        QTest::addColumn<int>("offset");
        QTest::addColumn<QByteArray>("patch");
        QTest::addColumn<HeaderField>("field");
        QTest::addColumn<HeaderModel::Status>("expected");
        QTest::addColumn<int>("rule");

        auto le32 = [](quint32 value) {
            QByteArray bytes(4, '\0');
            qToLittleEndian(value, bytes.data());
            return bytes;
        };
        auto le64 = [](quint64 value) {
            QByteArray bytes(8, '\0');
            qToLittleEndian(value, bytes.data());
            return bytes;
        };
        using S = HeaderModel::Status;
        QTest::newRow("R2 bad magic") << 0 << QByteArray("QFI\xfb\0\0\0\3", 8) << HeaderField::Magic << S::Error << 2;
        QTest::newRow("R2 ACOW later layout") << 0 << QByteArray("ACOW\0\0\0\0", 8) << HeaderField::Magic << S::Error << 2;
        QTest::newRow("R3 version 2") << 8 << le32(2) << HeaderField::Version << S::Error << 3;
        QTest::newRow("R4 header pages size 0") << 44 << le32(0) << HeaderField::HeaderPagesSize << S::Error << 4;
        QTest::newRow("R4 header pages size 257") << 44 << le32(257) << HeaderField::HeaderPagesSize << S::Error << 4;
        QTest::newRow("R5 name offset below 80") << 20 << le32(40) << HeaderField::ImageFileNameOffset << S::Error << 5;
        QTest::newRow("R5 name size past header") << 16 << le32(4090) << HeaderField::BackingFileNameSize << S::Error << 5;
        QTest::newRow("R5 NUL in name") << 82 << QByteArray(1, '\0') << HeaderField::ImageFileName << S::Error << 5;
        QTest::newRow("R6 no image file name") << 20 << le64(0) << HeaderField::ImageFileNameOffset << S::Error << 6;
        QTest::newRow("R7 unknown feature bit") << 28 << le64(0x4) << HeaderField::Features << S::Error << 7;
        QTest::newRow("R8 optional features") << 36 << le64(0x8) << HeaderField::OptionalFeatures << S::Warning << 8;
        QTest::newRow("R9 bad format byte") << 64 << QByteArray("r w") << HeaderField::ImageFormat << S::Error << 9;
        QTest::newRow("R9 bytes after NUL") << 69 << QByteArray("x") << HeaderField::ImageFormat << S::Warning << 9;
        QTest::newRow("R9 backing format without backing file") << 12 << le64(0) << HeaderField::BackingFormat << S::Error << 9;
        QTest::newRow("R10 non-zero name area") << 200 << QByteArray("\x7f") << HeaderField::NameArea << S::Warning << 10;
    }

    void brokenHeader()
    {
        QFETCH(int, offset);
        QFETCH(QByteArray, patch);
        QFETCH(HeaderField, field);
        QFETCH(HeaderModel::Status, expected);
        QFETCH(int, rule);

        QByteArray bytes = buildHeader();
        HeaderTestUtil::patch(bytes, offset, patch);
        HeaderModel model;
        show(model, bytes);

        // A corrupt header is still shown whole.
        QCOMPARE(model.rowCount(), 18);
        const int row = model.rowForField(field);
        QVERIFY(row >= 0);
        QCOMPARE(model.status(row), expected);
        QCOMPARE(model.index(row, HeaderModel::StatusColumn).data().toString(), HeaderModel::statusDisplayName(expected));
        const QString toolTip = model.index(row, HeaderModel::StatusColumn).data(Qt::ToolTipRole).toString();
        QVERIFY2(toolTip.contains(u"R%1"_s.arg(rule)), qPrintable(toolTip));
        QVERIFY(model.index(row, HeaderModel::StatusColumn).data(HeaderModel::RulesRole).value<QList<int>>().contains(rule));
        bool found = false;
        for (const Finding &finding : model.findings(row))
            found = found || finding.rule() == rule;
        QVERIFY(found);
        // The fields the patch did not touch stay valid where no rule ties them to it.
        if (field != HeaderField::Version)
            QCOMPARE(status(model, HeaderField::Version), HeaderModel::Status::Valid);
    }

    void worstSeverityWinsAndTooltipListsAll()
    {
        // R9: a space in the value (error) and a byte after the NUL (warning) on one row.
        QByteArray bytes = buildHeader();
        patch(bytes, 64, QByteArray("r w\0\0x", 6));
        HeaderModel model;
        show(model, bytes);
        const int row = model.rowForField(HeaderField::ImageFormat);
        QCOMPARE(model.status(row), HeaderModel::Status::Error);
        const Findings findings = model.findings(row);
        QVERIFY(findings.size() >= 2);
        const QString toolTip = model.index(row, HeaderModel::ValueColumn).data(Qt::ToolTipRole).toString();
        for (const Finding &finding : findings)
            QVERIFY2(toolTip.contains(findingText(finding)), qPrintable(toolTip));
        QVERIFY(toolTip.contains(u"Error (R9)"_s));
        QVERIFY(toolTip.contains(u"Warning (R9)"_s));
        QCOMPARE(model.index(row, HeaderModel::ValueColumn).data().toString(), u"'r w' (bytes after the NUL: \"\\x00x\")"_s);
    }

    void nameAreaFlagsNonZeroBytes()
    {
        // R10: reserved bytes that no name covers are flagged, names themselves are not.
        QByteArray bytes = buildHeader();
        patch(bytes, 300, QByteArray("\x01\x02"));
        patch(bytes, 4095, QByteArray("\x03"));
        HeaderModel model;
        show(model, bytes);
        const int row = model.rowForField(HeaderField::NameArea);
        QCOMPARE(model.status(row), HeaderModel::Status::Warning);
        QCOMPARE(model.index(row, HeaderModel::ValueColumn).data().toString(), u"3 non-zero byte(s) outside the names, the first at byte 300"_s);
        QCOMPARE(model.index(row, HeaderModel::RawColumn).data().toString(), u"at 300: 01 02 00 00 00 00 00 00"_s);
        QCOMPARE(model.index(row, 0).data(HeaderModel::FocusOffsetRole).toULongLong(), 300u);
    }

    void truncatedHeader()
    {
        // Fewer bytes than a header: what is there is decoded, the rest says it is missing.
        const QByteArray bytes = buildHeader().left(30);
        HeaderModel model;
        show(model, bytes);
        QCOMPARE(model.rowCount(), 18);
        QCOMPARE(cell(model, HeaderField::Version, HeaderModel::ValueColumn), u"1 (0x1)"_s);
        QCOMPARE(cell(model, HeaderField::Features, HeaderModel::RawColumn), u"00 00"_s);
        QVERIFY(cell(model, HeaderField::Features, HeaderModel::ValueColumn).startsWith(u"(missing"_s));
    }

    void fileRowsAndFileFindings()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QByteArray header = buildHeader();
        // 1 MiB image: 16 clusters, 2 bytes of bits, one 65536-byte bitmap region (R11).
        const QString path = writeImageSet(QDir(dir.path()), header, "disk.raw", 1024 * 1024);
        QVERIFY(!path.isEmpty());

        Finding missing;
        missing.severity = Severity::Error;
        missing.code = FindingCode::FileMissing; // R16
        missing.field = HeaderField::BackingFile;
        missing.arguments = {FindingArgument::ofField(HeaderField::BackingFile), FindingArgument::ofName("base.img"), FindingArgument::ofPath(u"base.img"_s)};
        missing.offsetBytes = 88; // where its name is stored; the file row itself has no header bytes
        missing.lengthBytes = 8;
        const HeaderParse parse = parseHeader(header, path);
        Findings fileFindings = parse.findings; // repeated findings are shown once
        fileFindings << missing;

        HeaderModel model;
        model.setHeader(header, parse, fileFindings, path);
        QCOMPARE(model.allFindings().size(), parse.findings.size() + 1);

        const QString backingPath = QDir(dir.path()).filePath(u"base.img"_s);
        QCOMPARE(status(model, HeaderField::BackingFile), HeaderModel::Status::Error);
        QCOMPARE(cell(model, HeaderField::BackingFile, HeaderModel::ValueColumn), u"%1 (missing)"_s.arg(backingPath));
        QVERIFY(cell(model, HeaderField::BackingFile, HeaderModel::StatusColumn, Qt::ToolTipRole).contains(u"R16"_s));
        QCOMPARE(cell(model, HeaderField::BackingFile, HeaderModel::RangeColumn), QString());
        QCOMPARE(status(model, HeaderField::ImageFile), HeaderModel::Status::Valid);
        QCOMPARE(cell(model, HeaderField::ImageFile, HeaderModel::ValueColumn),
                 u"%1 (1048576 bytes)"_s.arg(QDir(dir.path()).filePath(u"disk.raw"_s)));
        QCOMPARE(cell(model, HeaderField::AddCowFile, HeaderModel::ValueColumn), u"%1 (69632 bytes)"_s.arg(QFileInfo(path).absoluteFilePath()));

        QCOMPARE(cell(model, HeaderField::Bitmap, HeaderModel::RangeColumn), u"4096-69631"_s);
        QCOMPARE(cell(model, HeaderField::Bitmap, HeaderModel::ValueColumn), u"16 clusters: 2 bytes of bits in a region of 65536 bytes"_s);
    }

    void clearEmpties()
    {
        HeaderModel model;
        show(model, buildHeader());
        QVERIFY(model.rowCount() > 0);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(model.allFindings().isEmpty());
    }
};

QTEST_MAIN(HeaderModelTest)

#include "headermodeltest.moc"
