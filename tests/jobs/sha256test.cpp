// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later

// Sha256 (OpenSSL's libcrypto) against the FIPS 180-2 examples and against Qt's implementation,
// whole and in pieces, with zeros fed from its own zero buffer.

#include "sha256.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QTest>

using namespace AddCow;

class Sha256Test : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void knownDigests_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("digest");
        QTest::newRow("empty") << QByteArray() << QByteArray("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        QTest::newRow("abc") << QByteArray("abc") << QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        QTest::newRow("two blocks") << QByteArray("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                                    << QByteArray("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
        QTest::newRow("a million a") << QByteArray(1000000, 'a') << QByteArray("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    }

    void knownDigests()
    {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, digest);
        QCOMPARE(Sha256::hash(input).toHex(), digest);
    }

    void piecesMatchQt()
    {
        QRandomGenerator random(7);
        QByteArray data(3 * 1024 * 1024 + 17, Qt::Uninitialized);
        for (char &byte : data)
            byte = char(random.generate());
        const QByteArray expected = QCryptographicHash::hash(data, QCryptographicHash::Sha256);
        Sha256 sha;
        for (qsizetype pos = 0; pos < data.size();) {
            const qsizetype length = std::min<qsizetype>(1 + random.bounded(200000), data.size() - pos);
            sha.addData(data.constData() + pos, quint64(length));
            pos += length;
        }
        QCOMPARE(sha.result(), expected);
    }

    // Zeros come from a 16 KiB buffer: lengths around its size and mixed with data.
    void zeros_data()
    {
        QTest::addColumn<quint64>("before");
        QTest::addColumn<quint64>("zeros");
        QTest::addColumn<quint64>("after");
        for (const quint64 zeros : {quint64(0), quint64(1), quint64(16383), quint64(16384), quint64(16385), quint64(1024 * 1024 + 7)})
            QTest::addRow("%llu zeros", zeros) << quint64(0) << zeros << quint64(0);
        QTest::newRow("data, zeros, data") << quint64(100) << quint64(40000) << quint64(33);
    }

    void zeros()
    {
        QFETCH(quint64, before);
        QFETCH(quint64, zeros);
        QFETCH(quint64, after);
        const QByteArray head(qsizetype(before), 'x');
        const QByteArray tail(qsizetype(after), 'y');
        Sha256 sha;
        sha.addData(head);
        sha.addZeros(zeros);
        sha.addData(tail);
        const QByteArray whole = head + QByteArray(qsizetype(zeros), '\0') + tail;
        QCOMPARE(sha.result(), QCryptographicHash::hash(whole, QCryptographicHash::Sha256));
    }

    void resultEndsTheHash()
    {
        Sha256 sha;
        sha.addData(QByteArrayView("abc"));
        QCOMPARE(sha.result().toHex(), QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        sha.addData(QByteArrayView("more"));
        QVERIFY(sha.result().isEmpty());
    }
};

QTEST_GUILESS_MAIN(Sha256Test)
#include "sha256test.moc"
