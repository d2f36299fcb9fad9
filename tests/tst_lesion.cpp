// The lesion study (issue 11; Veit, Wilber, Belongie 2016): residual branches that are zero make
// every lesion exact at the level of the test error, a plain net's lesions change it, the random
// subsets, the JSON round trip, `analyze lesion` (its table, its file, every kind of bad input),
// and the shared test bench under it and `eval`. The Insights view: tst_lesion_view.
#include "cifar_fixture.h"
#include "cli_fixture.h"
#include "export.h"
#include "lesion.h"
#include "pipeline.h"
#include "presets.h"
#include "run_fixture.h"
#include "run_folder.h"
#include "spec_json.h"

#include <QTemporaryDir>
#include <QtTest>

#include <set>

using namespace rx;

namespace {

qint64 binomial(int n, int k) {
    qint64 c = 1;
    for (int i = 1; i <= k; ++i)
        c = c * (n - k + i) / i;
    return c;
}

}  // namespace

class TestLesion : public QObject {
    Q_OBJECT

    QTemporaryDir tmp_;
    QString data_;  // synthetic CIFAR-10, 300 test images
    QString residual_, zeroed_, plain_, deep_;

    LesionStudy study(const QString& run, int trials = 4, quint64 seed = 1, int images = 300) {
        LesionOptions options;
        options.dataDir = data_;
        options.images = images;
        options.trials = trials;
        options.seed = seed;
        options.threads = 2;
        LesionStudy s;
        QString error;
        const bool ok = runLesionStudy(run, options, &s, &error);
        if (!ok)
            qWarning() << error;
        return ok ? s : LesionStudy{};
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(tmp_.isValid());
        torch::set_num_threads(2);
        data_ = tmp_.filePath(QStringLiteral("cifar"));
        QVERIFY(test::writeSyntheticCifar(data_, 20, 300));
        residual_ = tmp_.filePath(QStringLiteral("runs/residual"));
        test::writeRun(residual_, BlockKind::Basic, 2);
        zeroed_ = tmp_.filePath(QStringLiteral("runs/zeroed"));
        test::writeRun(zeroed_, BlockKind::Basic, 2, true);
        plain_ = tmp_.filePath(QStringLiteral("runs/plain"));
        test::writeRun(plain_, BlockKind::PlainBasic, 2, false, data_);
        deep_ = tmp_.filePath(QStringLiteral("runs/deep"));
        test::writeRun(deep_, BlockKind::Basic, 3);
    }

    void zeroBranchesGiveTheSameErrorWithAnyBlockLesioned() {
        const LesionStudy s = study(zeroed_);
        QCOMPARE(s.blocks.size(), 6);
        QCOMPARE(s.removableCount(), 6);  // residual blocks can always be left out
        QVERIFY(s.baselineError > 0 && s.baselineError < 100);
        for (const LesionBlock& b : s.blocks) {
            QVERIFY(b.residual);
            QCOMPARE(b.error, s.baselineError);  // exactly: the branch adds exact zeros
            QCOMPARE(b.loss, s.baselineLoss);
        }
        QCOMPARE(s.random.size(), 6);
        for (const LesionRandom& r : s.random)
            for (const LesionSubset& t : r.trials)
                QCOMPARE(t.error, s.baselineError);
    }

    void residualLesionsMeasureSomething() {
        // The same net with its branches at work: leaving blocks out changes the loss (so the
        // zero-branch equality above is not a study that ignores its lesions).
        const LesionStudy s = study(residual_);
        int changed = 0;
        for (const LesionBlock& b : s.blocks)
            changed += b.loss != s.baselineLoss;
        QCOMPARE(changed, 6);
        QCOMPARE(s.blocks[2].name, QStringLiteral("layer2.0"));
        QVERIFY(s.blocks[2].downsampling);
        QVERIFY(!s.blocks[1].downsampling);
        QVERIFY(s.isResidual());
    }

    void plainLesionsChangeTheError() {
        const LesionStudy s = study(plain_);
        QVERIFY(!s.isResidual());
        QVERIFY2(s.baselineError < 50, qPrintable(QString::number(s.baselineError)));
        QCOMPARE(s.blocks.size(), 6);
        // layer2.0 and layer3.0 change the shape: a plain block there cannot be left out.
        QVERIFY(!s.blocks[2].removable);
        QVERIFY(!s.blocks[4].removable);
        QCOMPARE(s.blocks[2].error, -1.0);
        QCOMPARE(s.removableCount(), 4);
        for (const LesionBlock& b : s.blocks)
            if (b.removable)
                QVERIFY2(b.error > s.baselineError + 10, qPrintable(QStringLiteral("%1: %2 → %3")
                                                                        .arg(b.name)
                                                                        .arg(s.baselineError)
                                                                        .arg(b.error)));
        QCOMPARE(s.random.size(), 4);
        for (const LesionRandom& r : s.random)
            for (const LesionSubset& t : r.trials)
                for (int i : t.removed)
                    QVERIFY(s.blocks[i].removable);
    }

    void randomSubsetsAreDistinctAndSeeded() {
        const LesionStudy a = study(deep_, 5, 3, 50);
        const int m = a.removableCount();
        QCOMPARE(m, 9);
        QCOMPARE(a.random.size(), m);
        for (const LesionRandom& r : a.random) {
            // k = 1: every block (the single lesions); else all subsets when there are at most
            // `trials`, else `trials` distinct ones.
            const qint64 expected = r.k == 1 ? m : std::min<qint64>(5, binomial(m, r.k));
            QCOMPARE(qint64(r.trials.size()), expected);
            std::set<QVector<int>> seen;
            for (const LesionSubset& t : r.trials) {
                QCOMPARE(t.removed.size(), r.k);
                QVERIFY(seen.insert(t.removed).second);
            }
            QVERIFY(r.min() <= r.mean() + 1e-9 && r.mean() <= r.max() + 1e-9);
        }
        const LesionStudy b = study(deep_, 5, 3, 50);
        const LesionStudy c = study(deep_, 5, 4, 50);
        bool differs = false;
        for (int k = 0; k < m; ++k) {
            for (int t = 0; t < a.random[k].trials.size(); ++t) {
                QCOMPARE(b.random[k].trials[t].removed, a.random[k].trials[t].removed);
                QCOMPARE(b.random[k].trials[t].error, a.random[k].trials[t].error);
                differs = differs || c.random[k].trials[t].removed != a.random[k].trials[t].removed;
            }
        }
        QVERIFY(differs);  // another seed draws other subsets
    }

    void jsonRoundTrip() {
        const LesionStudy s = study(plain_);
        const QString dir = tmp_.filePath(QStringLiteral("json"));
        QDir().mkpath(dir);
        QString error;
        QVERIFY2(writeLesionStudy(dir, s, &error), qPrintable(error));
        LesionStudy back;
        QVERIFY2(readLesionStudy(dir, &back, &error), qPrintable(error));
        QCOMPARE(back.architecture, s.architecture);
        QCOMPARE(back.images, 300);
        QCOMPARE(back.trials, s.trials);
        QCOMPARE(back.seed, s.seed);
        QCOMPARE(back.baselineError, s.baselineError);
        QCOMPARE(back.baselineLoss, s.baselineLoss);
        QCOMPARE(back.blocks.size(), s.blocks.size());
        for (int i = 0; i < s.blocks.size(); ++i) {
            QCOMPARE(back.blocks[i].name, s.blocks[i].name);
            QCOMPARE(back.blocks[i].residual, s.blocks[i].residual);
            QCOMPARE(back.blocks[i].downsampling, s.blocks[i].downsampling);
            QCOMPARE(back.blocks[i].removable, s.blocks[i].removable);
            QCOMPARE(back.blocks[i].error, s.blocks[i].error);
        }
        QCOMPARE(back.random.size(), s.random.size());
        for (int k = 0; k < s.random.size(); ++k) {
            QCOMPARE(back.random[k].k, s.random[k].k);
            QCOMPARE(back.random[k].trials.size(), s.random[k].trials.size());
            for (int t = 0; t < s.random[k].trials.size(); ++t) {
                QCOMPARE(back.random[k].trials[t].removed, s.random[k].trials[t].removed);
                QCOMPARE(back.random[k].trials[t].error, s.random[k].trials[t].error);
            }
        }
        // Not a study: another kind, or not JSON at all.
        QFile other(QDir(dir).filePath(QStringLiteral("other.json")));
        QVERIFY(other.open(QIODevice::WriteOnly));
        other.write(R"({"kind": "landscape", "version": 1, "blocks": []})");
        other.close();
        QVERIFY(!readLesionStudy(other.fileName(), &back, &error));
        QVERIFY2(error.contains(QStringLiteral("not a lesion study")), qPrintable(error));
        QVERIFY(!readLesionStudy(tmp_.filePath(QStringLiteral("nowhere")), &back, &error));
        QVERIFY2(error.contains(QStringLiteral("cannot read")), qPrintable(error));
    }

    void cliWritesTheStudy() {
        const QString run = tmp_.filePath(QStringLiteral("runs/cli"));
        test::writeRun(run, BlockKind::PlainBasic, 2);
        const test::CliRun r = test::runCli({"analyze", "lesion", run, "--data", data_, "--images",
                                             "100", "--trials", "2", "--threads", "2"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("layer1.0")), qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("cannot be removed")));
        QVERIFY(r.out.contains(QLatin1String(kRunLesionFile)));
        LesionStudy s;
        QString error;
        QVERIFY2(readLesionStudy(run, &s, &error), qPrintable(error));
        QCOMPARE(s.images, 100);
        QCOMPARE(s.trials, 2);
        QCOMPARE(s.removableCount(), 4);
    }

    void cliRejectsBadInput_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        const QString empty = tmp_.filePath(QStringLiteral("empty-run"));
        QDir().mkpath(empty);
        const QString noData = tmp_.filePath(QStringLiteral("no-data"));
        QDir().mkpath(noData);
        QTest::newRow("no run") << QStringList{} << 2 << "give one RUN_DIR";
        QTest::newRow("missing folder")
            << QStringList{tmp_.filePath(QStringLiteral("nowhere")), "--data", data_} << 1
            << "does not exist";
        QTest::newRow("empty folder")
            << QStringList{empty, "--data", data_} << 1 << "holds no checkpoint.pt";
        QTest::newRow("a file, not a folder")
            << QStringList{QDir(residual_).filePath(kRunCheckpointFile), "--data", data_} << 1
            << "is not a run folder";
        QTest::newRow("missing data")
            << QStringList{residual_, "--data", noData} << 1 << "CIFAR-10 not found";
        QTest::newRow("--images 0")
            << QStringList{residual_, "--images", "0"} << 2 << "invalid value '0' for --images";
        QTest::newRow("--images abc")
            << QStringList{residual_, "--images", "abc"} << 2 << "invalid value 'abc' for --images";
        QTest::newRow("--trials 0")
            << QStringList{residual_, "--trials", "0"} << 2 << "invalid value '0' for --trials";
        QTest::newRow("--seed x") << QStringList{residual_, "--seed", "x"} << 2
                                  << "invalid value 'x' for --seed";
    }

    void cliRejectsBadInput() {
        QFETCH(QStringList, args);
        QFETCH(int, code);
        QFETCH(QString, message);
        const test::CliRun r = test::runCli(QStringList{"analyze", "lesion"} + args);
        QCOMPARE(r.code, code);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(!QFile::exists(QDir(residual_).filePath(kRunLesionFile)));
    }

    void testBenchLabelsFollowTheSample() {
        // evaluateWeights on a subset: the labels are those of the images evaluated (spread over
        // the set), in the logits' order, not the first N of the test set.
        EvalOptions options;
        options.dataDir = data_;
        options.testSubset = 50;
        options.keepLogits = true;
        options.threads = 2;
        EvalResult result;
        QString error;
        QVERIFY2(evaluateWeights(residual_, options, &result, &error), qPrintable(error));
        CifarSplit test;
        QVERIFY(
            readCifarBatch(QDir(data_).filePath(QStringLiteral("test_batch.bin")), &test, &error));
        const CifarSplit sample = spreadSample(test, 0, test.size(), 50);
        QCOMPARE(result.images, 50);
        QCOMPARE(result.labels, sample.labels);
        QVERIFY(result.labels != test.labels.left(50));  // the two differ on this data
        int wrong = 0;
        for (int i = 0; i < result.images; ++i) {
            const float* row = result.logits.constData() + i * 10;
            wrong += int(std::max_element(row, row + 10) - row) != int(result.labels[i]);
        }
        QCOMPARE(100.0 * wrong / result.images, result.error);
    }
};

QTEST_MAIN(TestLesion)
#include "tst_lesion.moc"
