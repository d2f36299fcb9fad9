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
