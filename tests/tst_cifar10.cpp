// The CIFAR-10 reader and where the dataset is looked for.
#include "cifar10.h"
#include "cifar_fixture.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace rx;

class TestCifar10 : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void readsSyntheticFolder() {
        QTemporaryDir dir;
        QVERIFY(test::writeSyntheticCifar(dir.path(), 20, 10));
        CifarData data;
        QString error;
        QVERIFY2(loadCifar10(dir.path(), &data, &error), qPrintable(error));
        QCOMPARE(data.train.size(), 100);
        QCOMPARE(data.test.size(), 10);
        QCOMPARE(data.train.images.size(), qsizetype(100) * 3072);
        QCOMPARE(data.classNames.size(), 10);
        QCOMPARE(data.classNames[9], QString("truck"));
        // The first record's label and first pixel are where the file put them.
        const QByteArray raw = test::syntheticBatch(20, 2);
        QCOMPARE(data.train.labels[0], raw[0]);
        QCOMPARE(data.train.images[0], raw[1]);
        QCOMPARE(data.train.images[3071], raw[3072]);
    }

    void missingFolder() {
        CifarData data;
        QString error;
        QVERIFY(!loadCifar10("/nonexistent/cifar", &data, &error));
        QVERIFY2(error.contains("/nonexistent/cifar does not exist"), qPrintable(error));
    }

    void missingFile() {
        QTemporaryDir dir;
        QVERIFY(test::writeSyntheticCifar(dir.path(), 10, 10));
        QFile::remove(dir.filePath("data_batch_3.bin"));
        CifarData data;
        QString error;
        QVERIFY(!loadCifar10(dir.path(), &data, &error));
        QVERIFY2(error.contains("data_batch_3.bin is missing"), qPrintable(error));
        QVERIFY(!looksLikeCifar10(dir.path()));
    }

    void truncatedFile() {
        QTemporaryDir dir;
        QVERIFY(test::writeSyntheticCifar(dir.path(), 10, 10));
        QFile f(dir.filePath("test_batch.bin"));
        QVERIFY(f.resize(3073 * 5 + 100));  // a record cut in the middle
        CifarData data;
        QString error;
        QVERIFY(!loadCifar10(dir.path(), &data, &error));
        QVERIFY2(error.contains("test_batch.bin is truncated or damaged: 15465 bytes"),
                 qPrintable(error));
    }

    void labelOutOfRange() {
        QTemporaryDir dir;
        QVERIFY(test::writeSyntheticCifar(dir.path(), 10, 10));
        QFile f(dir.filePath("data_batch_2.bin"));
        QVERIFY(f.open(QIODevice::ReadWrite));
        f.seek(3073 * 4);
        f.write(QByteArray(1, char(10)));
        f.close();
        CifarData data;
        QString error;
        QVERIFY(!loadCifar10(dir.path(), &data, &error));
        QVERIFY2(error.contains("data_batch_2.bin: record 4 has label 10, outside 0–9"),
                 qPrintable(error));
    }

    // Issue 13: a batch file of the wrong size or with a label byte over 9 is refused with a
    // message naming the file (and the record and its label); nothing is half-loaded.
    void damagedBatchesAreRefused_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<qint64>("size");  // −1: keep; else the file's new size
        QTest::addColumn<int>("record");   // ≥ 0: this record's label becomes `label`
        QTest::addColumn<int>("label");
        QTest::addColumn<QString>("message");
        const qint64 whole = 3073 * 10;
        QTest::newRow("empty") << "test_batch.bin" << qint64(0) << -1 << 0
                               << "test_batch.bin is truncated or damaged: 0 bytes";
        QTest::newRow("one byte short")
            << "data_batch_1.bin" << whole - 1 << -1 << 0
            << "data_batch_1.bin is truncated or damaged: 30729 bytes, expected 30730000";
        QTest::newRow("one byte over") << "data_batch_4.bin" << whole + 1 << -1 << 0
                                       << "data_batch_4.bin is truncated or damaged: 30731 bytes";
        QTest::newRow("more than 10,000 records")
            << "data_batch_5.bin" << qint64(3073) * 10001 << -1 << 0
            << "data_batch_5.bin is truncated or damaged: 30733073 bytes";
        QTest::newRow("label 10, first record") << "data_batch_1.bin" << qint64(-1) << 0 << 10
                                                << "data_batch_1.bin: record 0 has label 10";
        QTest::newRow("label 255, last record") << "test_batch.bin" << qint64(-1) << 9 << 255
                                                << "test_batch.bin: record 9 has label 255";
    }

    void damagedBatchesAreRefused() {
        QFETCH(QString, file);
        QFETCH(qint64, size);
        QFETCH(int, record);
        QFETCH(int, label);
        QFETCH(QString, message);
        QTemporaryDir dir;
        QVERIFY(test::writeSyntheticCifar(dir.path(), 10, 10));
        QFile f(dir.filePath(file));
        QVERIFY(f.open(QIODevice::ReadWrite));
        if (size >= 0)
            QVERIFY(f.resize(size));
        if (record >= 0) {
            QVERIFY(f.seek(qint64(3073) * record));
            QVERIFY(f.putChar(char(label)));
        }
        f.close();
        CifarData data;
        data.classNames = {"kept"};
        QString error;
        QVERIFY(!loadCifar10(dir.path(), &data, &error));
        QVERIFY2(error.contains(message), qPrintable(error));
        QVERIFY2(error.contains(dir.filePath(file)), qPrintable(error));  // the whole path
        QCOMPARE(data.classNames, QStringList{"kept"});                   // untouched
        CifarSplit split;
        QVERIFY(!readCifarBatch(dir.filePath(file), &split, &error));
        QCOMPARE(split.size(), 0);
    }

    // A folder where a batch file should be is refused, not read.
    void folderForABatchFile() {
        QTemporaryDir dir;
        QVERIFY(test::writeSyntheticCifar(dir.path(), 10, 10));
        QVERIFY(QFile::remove(dir.filePath("data_batch_2.bin")));
        QVERIFY(QDir().mkdir(dir.filePath("data_batch_2.bin")));
        CifarData data;
        QString error;
        QVERIFY(!loadCifar10(dir.path(), &data, &error));
        QVERIFY2(error.contains("data_batch_2.bin"), qPrintable(error));
    }

    void findPrefersUserThenEnvThenAppData() {
        QTemporaryDir envDir;
        QVERIFY(test::writeSyntheticCifar(envDir.path(), 2, 2));
        const QByteArray saved = qgetenv("CIFAR10_DIR");
        qputenv("CIFAR10_DIR", envDir.path().toUtf8());
        QCOMPARE(findCifar10("/my/choice"), QString("/my/choice"));
        QCOMPARE(findCifar10(), envDir.path());
        qputenv("CIFAR10_DIR", "/nonexistent");
        QDir(defaultCifar10Dir()).removeRecursively();
        QCOMPARE(findCifar10(), QString());
        QVERIFY(test::writeSyntheticCifar(defaultCifar10Dir(), 2, 2));
        QCOMPARE(findCifar10(), defaultCifar10Dir());
        QDir(defaultCifar10Dir()).removeRecursively();
        qputenv("CIFAR10_DIR", saved);
    }

    // A subset is spread over its set: from a set stored in class order (as the test set of
    // the project's copy is), N images hold every class N/10 times, not N images of class 0.
    void subsetsSpreadOverClassOrderedSets() {
        CifarSplit sorted;
        for (int label = 0; label < 10; ++label)
            for (int i = 0; i < 100; ++i) {
                sorted.labels.append(char(label));
                sorted.images.append(QByteArray(kCifarImageBytes, char(label * 10 + i % 10)));
            }
        const CifarSplit subset = spreadSample(sorted, 0, sorted.size(), 50);
        QCOMPARE(subset.size(), 50);
        QCOMPARE(subset.images.size(), qsizetype(50) * kCifarImageBytes);
        int counts[10] = {};
        for (char label : subset.labels)
            ++counts[int(label)];
        for (int c : counts)
            QCOMPARE(c, 5);
        // Images travel with their labels.
        for (int k = 0; k < subset.size(); ++k)
            QCOMPARE(int(subset.images[qsizetype(k) * kCifarImageBytes]) / 10,
                     int(subset.labels[k]));
        // A range: the last 200 records (classes 8 and 9), and all of them when count ≥ range.
        const CifarSplit tail = spreadSample(sorted, 800, 200, 4);
        QCOMPARE(tail.labels, QByteArray("\x08\x08\x09\x09", 4));
        const CifarSplit all = spreadSample(sorted, 0, sorted.size(), 5000);
        QCOMPARE(all.labels, sorted.labels);
        QCOMPARE(all.images, sorted.images);
    }

    void realDataset() {
        const QString dir = test::realCifarDir();
        if (dir.isEmpty())
            QSKIP("CIFAR10_DIR does not hold the real dataset");
        CifarData data;
        QString error;
        QVERIFY2(loadCifar10(dir, &data, &error), qPrintable(error));
        QCOMPARE(data.train.size(), 50000);
        QCOMPARE(data.test.size(), 10000);
        int counts[10] = {};
        for (char label : data.test.labels)
            ++counts[int(label)];
        for (int c : counts)
            QCOMPARE(c, 1000);
        QCOMPARE(data.classNames.first(), QString("airplane"));
        // 500 test images for a quick test hold every class equally, whatever the file order.
        int subsetCounts[10] = {};
        for (char label : spreadSample(data.test, 0, data.test.size(), 500).labels)
            ++subsetCounts[int(label)];
        for (int c : subsetCounts)
            QCOMPARE(c, 50);
    }
};

QTEST_GUILESS_MAIN(TestCifar10)
#include "tst_cifar10.moc"
