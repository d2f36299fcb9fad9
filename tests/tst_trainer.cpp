// The trainer: it learns, it resumes exactly, it pauses and stops, it reports Fig. 6/7 metrics,
// and bad input stops it with a clear message.
#include "cifar_fixture.h"
#include "pipeline.h"
#include "presets.h"
#include "spec_json.h"
#include "trainer.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <cmath>

using namespace rx;

namespace {

// A small CIFAR ResNet (n = 1, 8 layers) keeps the tests fast on two cores.
NetworkSpec resnet8() {
    return cifarNet(QStringLiteral("resnet-8"), BlockKind::Basic, 1, ShortcutOption::ZeroPad);
}

struct Outcome {
    bool failed = false;
    QString message;
    int finishedAt = -1;
    bool completed = false;
    QVector<TrainMetrics> train;
    QVector<TestMetrics> test;
    QVector<LayerResponses> responses;
    QVector<GradientNorms> gradients;
};

QString status(const QString& runDir) {
    QFile f(QDir(runDir).filePath(kRunStatusFile));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object().value("state").toString();
}

Outcome runSync(const TrainConfig& config, int stopAfter = -1) {
    Trainer trainer(config);
    Outcome o;
    QObject::connect(&trainer, &Trainer::trainMetrics, [&](const TrainMetrics& m) {
        o.train << m;
        if (m.iteration == stopAfter)
            trainer.stop();
    });
    QObject::connect(&trainer, &Trainer::testMetrics, [&](const TestMetrics& m) { o.test << m; });
    QObject::connect(&trainer, &Trainer::layerResponses,
                     [&](const LayerResponses& r) { o.responses << r; });
    QObject::connect(&trainer, &Trainer::gradientNorms,
                     [&](const GradientNorms& g) { o.gradients << g; });
    QObject::connect(&trainer, &Trainer::finished, [&](int it, bool completed) {
        o.finishedAt = it;
        o.completed = completed;
    });
    QObject::connect(&trainer, &Trainer::failed, [&](const QString& m) {
        o.failed = true;
        o.message = m;
    });
    trainer.run();
    return o;
}

}  // namespace

class TestTrainer : public QObject {
    Q_OBJECT

    QTemporaryDir synthetic_;
    QString data_;

    TrainConfig base(const QString& runDir) const {
        TrainConfig c;
        c.spec = resnet8();
        c.dataDir = data_;
        c.runDir = runDir;
        c.device = DeviceChoice::Cpu;
        c.threads = 2;
        c.seed = 7;
        return c;
    }

private Q_SLOTS:
    void initTestCase() {
        // The real CIFAR-10 when present (as in CI), else learnable synthetic data.
        data_ = test::realCifarDir();
        if (data_.isEmpty()) {
            QVERIFY(test::writeSyntheticCifar(synthetic_.path(), 500, 500));
            data_ = synthetic_.path();
        }
    }

    void trainingErrorFallsOnASubset() {
        QTemporaryDir run;
        TrainConfig c = base(run.path());
        c.trainSubset = 2000;
        c.testSubset = 500;
        c.batchSize = 100;
        c.epochs = 4;
        c.logEvery = 10;
        c.augment = false;
        const Outcome o = runSync(c);
        QVERIFY2(!o.failed, qPrintable(o.message));
        QVERIFY(o.completed);
        QCOMPARE(o.finishedAt, 80);
        QCOMPARE(o.train.size(), 8);
        const double first = o.train.first().error, last = o.train.last().error;
        QVERIFY2(last < first - 10, qPrintable(QString("error %1 → %2").arg(first).arg(last)));
        QVERIFY(o.train.last().loss < o.train.first().loss);
        QCOMPARE(o.test.size(), 4);  // every epoch
        QVERIFY(o.test.last().error < 90);

        // Every metric kind reached metrics.jsonl, and the files of a run are there.
        MetricsLog log;
        QString error;
        QVERIFY(readMetrics(QDir(run.path()).filePath(kRunMetricsFile), &log, &error));
        QCOMPARE(log.train.size(), 8);
        QCOMPARE(log.test.size(), 4);
        QCOMPARE(log.responses.size(), 4);
        QCOMPARE(log.gradients.size(), 8);
        QCOMPARE(log.train.last().error, o.train.last().error);
        QVERIFY(QFile::exists(QDir(run.path()).filePath(kRunCheckpointFile)));
        QCOMPARE(status(run.path()), QString("finished"));
        NetworkSpec saved;
        QVERIFY(loadSpecFile(QDir(run.path()).filePath(kRunArchitectureFile), &saved, &error));
        QCOMPARE(saved, c.spec);
    }

    void responsesAndGradientsNameEveryLayer() {
        QTemporaryDir run;
        TrainConfig c = base(run.path());
        c.spec = *preset("resnet-20-b");
        c.trainSubset = 256;
        c.testSubset = 100;
        c.iterations = 2;
        c.logEvery = 1;
        const Outcome o = runSync(c);
        QVERIFY2(!o.failed, qPrintable(o.message));
        QCOMPARE(o.responses.size(), 1);  // at the end of the run
        const LayerResponses& r = o.responses.first();
        QCOMPARE(r.layers, analyze(c.spec).responseLayers());
        QCOMPARE(r.layers.size(), 19);  // one per 3×3 conv, in order
        QCOMPARE(r.std.size(), 19);
        for (double s : r.std)
            QVERIFY(s > 0 && std::isfinite(s));
        const GradientNorms& g = o.gradients.first();
        QCOMPARE(g.layers.first(), QString("conv1"));
        QVERIFY(g.layers.contains("layer2.0.downsample.0"));  // projection convs too
        QCOMPARE(g.layers.last(), QString("fc"));
        QCOMPARE(g.layers.size(), 1 + 18 + 2 + 1);
        for (double n : g.norms)
            QVERIFY(n > 0 && std::isfinite(n));
    }

    void stoppedAndResumedMatchesUninterrupted() {
        QTemporaryDir runA, runB;
        TrainConfig c = base(runA.path());
        c.trainSubset = 384;
        c.testSubset = 100;
        c.batchSize = 64;  // 6 iterations per epoch: the stop falls mid-epoch
        c.iterations = 8;
        c.logEvery = 1;
        const Outcome whole = runSync(c);
        QVERIFY2(!whole.failed, qPrintable(whole.message));

        c.runDir = runB.path();
        const Outcome first = runSync(c, /*stopAfter=*/4);
        QVERIFY(!first.completed);
        QCOMPARE(first.finishedAt, 4);
        QCOMPARE(status(runB.path()), QString("stopped"));
        {
            QFile metrics(QDir(runB.path()).filePath(kRunMetricsFile));
            QVERIFY(metrics.open(QIODevice::Append));
            metrics.write(R"({"type":"test","iteration":3,"epoch":0.5,"loss":0.1,"error":1.0})"
                          "\n");
        }
        c.resume = true;
        const Outcome second = runSync(c);
        QVERIFY2(!second.failed, qPrintable(second.message));
        QVERIFY(second.completed);
        QCOMPARE(second.train.first().iteration, 5);
        for (int i = 0; i < 4; ++i) {
            const double a = whole.train[4 + i].loss, b = second.train[i].loss;
            QVERIFY2(std::abs(a - b) <= 1e-5 * std::abs(a),
                     qPrintable(QString("iteration %1: %2 vs %3").arg(5 + i).arg(a).arg(b)));
        }
        // The resumed run's metrics.jsonl continues the same curve without duplicates.
        MetricsLog log;
        QString error;
        QVERIFY(readMetrics(QDir(runB.path()).filePath(kRunMetricsFile), &log, &error));
        QCOMPARE(log.train.size(), 8);
        for (int i = 0; i < 8; ++i)
            QCOMPARE(log.train[i].iteration, i + 1);
        // status.json's best test error covers the tests before the stop too: the marker test
        // line written before resuming (error 1 %) stays the best.
        QFile statusFile(QDir(runB.path()).filePath(kRunStatusFile));
        QVERIFY(statusFile.open(QIODevice::ReadOnly));
        QCOMPARE(
            QJsonDocument::fromJson(statusFile.readAll()).object()["best_test_error"].toDouble(),
            1.0);
        QCOMPARE(log.test.first().error, 1.0);
    }

    void pauseHoldsAndStopCheckpoints() {
        QTemporaryDir run;
        TrainConfig c = base(run.path());
        c.trainSubset = 640;
        c.testSubset = 100;
        c.batchSize = 32;
        c.iterations = 2000;
        c.logEvery = 1;
        auto* trainer = new Trainer(c);
        QSignalSpy progress(trainer, &Trainer::progress);
        QSignalSpy paused(trainer, &Trainer::pausedAt);
        QSignalSpy finished(trainer, &Trainer::finished);
        QSignalSpy saved(trainer, &Trainer::checkpointSaved);
        QPointer<QThread> thread;
        trainer->startInThread();
        thread = trainer->thread();
        QTRY_VERIFY_WITH_TIMEOUT(progress.count() >= 3, 60000);
        trainer->pause();
        QTRY_COMPARE_WITH_TIMEOUT(paused.count(), 1, 10000);
        const int pausedAt = paused.first().first().toInt();
        QTest::qWait(300);
        const int countWhilePaused = progress.count();
        QTest::qWait(500);
        QCOMPARE(progress.count(), countWhilePaused);  // no iteration while paused
        QCOMPARE(progress.last().first().value<TrainingProgress>().iteration, pausedAt);
        trainer->resume();
        QTRY_VERIFY_WITH_TIMEOUT(progress.count() > countWhilePaused + 2, 30000);
        trainer->stop();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
        const int stoppedAt = finished.first().at(0).toInt();
        QCOMPARE(finished.first().at(1).toBool(), false);
        QVERIFY(stoppedAt > pausedAt && stoppedAt < 2000);
        QVERIFY(!saved.isEmpty());
        QCOMPARE(saved.last().at(1).toInt(), stoppedAt);
        if (thread)
            QVERIFY(thread->wait(10000));
        // The checkpoint on disk is the stop's.
        NetworkSpec spec = c.spec;
        Network model(spec);
        Checkpoint info;
        QString error;
        QVERIFY2(loadCheckpoint(QDir(run.path()).filePath(kRunCheckpointFile), model, nullptr,
                                &info, &error),
                 qPrintable(error));
        QCOMPARE(info.iteration, stoppedAt);
    }

    void nanLossStopsAndKeepsLastGoodCheckpoint() {
        QTemporaryDir run;
        TrainConfig c = base(run.path());
        c.trainSubset = 256;
        c.testSubset = 100;
        c.batchSize = 128;  // 2 iterations per epoch: a checkpoint at iteration 2
        c.iterations = 20;
        c.warmupIterations = 2;
        c.warmupLr = 0.1;
        c.learningRate = 1e38;  // after the warm-up the weights blow up
        c.schedule = LrSchedule::MultiStep;
        c.milestones = {1000};
        const Outcome o = runSync(c);
        QVERIFY(o.failed);
        QVERIFY2(o.message.contains("training diverged: the loss became"), qPrintable(o.message));
        QVERIFY2(o.message.contains("last good checkpoint (iteration 2)"), qPrintable(o.message));
        QCOMPARE(status(run.path()), QString("failed"));
        Network model(c.spec);
        Checkpoint info;
        QString error;
        QVERIFY(loadCheckpoint(QDir(run.path()).filePath(kRunCheckpointFile), model, nullptr, &info,
                               &error));
        QCOMPARE(info.iteration, 2);
        for (const auto& p : model->parameters())
            QVERIFY(torch::isfinite(p).all().item<bool>());
    }

    void badInputFailsClearly() {
        QTemporaryDir run;
        TrainConfig c = base(run.path());
        c.iterations = 1;
        c.dataDir = "/nonexistent/cifar";
        Outcome o = runSync(c);
        QVERIFY(o.failed);
        QVERIFY2(o.message.contains("/nonexistent/cifar does not exist"), qPrintable(o.message));

        QTemporaryDir truncated;
        QVERIFY(test::writeSyntheticCifar(truncated.path(), 10, 10));
        QFile f(truncated.filePath("data_batch_4.bin"));
        QVERIFY(f.resize(5000));
        c.dataDir = truncated.path();
        o = runSync(c);
        QVERIFY(o.failed);
        QVERIFY2(o.message.contains("data_batch_4.bin is truncated"), qPrintable(o.message));

        c.dataDir = data_;
        c.spec.stages[1].width = 8;
        o = runSync(c);
        QVERIFY(o.failed);
        QVERIFY2(o.message.contains("stage 2, block 1: shortcut option A"), qPrintable(o.message));

        c.spec = resnet8();
        c.resume = true;
        o = runSync(c);
        QVERIFY(o.failed);
        QVERIFY2(o.message.contains("cannot resume"), qPrintable(o.message));
    }

    void responseStdKnownAnswer() {
        // A hand-set net on 1×1 images: stem conv (1 → 2 channels) with centre weights 1 and 3,
        // one plain block whose convs are identity and 2 × identity; BN in eval mode with fresh
        // statistics divides by s = sqrt(1 + 1e-5). For inputs 1 and 2 the stem's responses are
        // {1, 3, 2, 6}/s; the block's conv1 sees the same after ReLU, conv2 twice that, /s again.
        NetworkSpec spec;
        spec.input = {1, 1, 1, 2};
        spec.stem = {StemKind::Cifar, 2};
        spec.stages = {{BlockKind::PlainBasic, 1, 2, 1, ShortcutOption::ZeroPad}};
        Network net(spec);
        torch::NoGradGuard noGrad;
        auto params = net->named_parameters();
        params["conv1.weight"].zero_();
        params["conv1.weight"][0][0][1][1] = 1.0;
        params["conv1.weight"][1][0][1][1] = 3.0;
        for (const char* name : {"layer1.0.conv1.weight", "layer1.0.conv2.weight"}) {
            params[name].zero_();
            const double scale = std::string(name).find("conv2") != std::string::npos ? 2.0 : 1.0;
            params[name][0][0][1][1] = scale;
            params[name][1][1][1][1] = scale;
        }
        const torch::Tensor probe = torch::tensor({1.0f, 2.0f}).view({2, 1, 1, 1});
        const std::vector<double> std = layerResponseStd(net, probe, /*batchSize=*/1);
        QCOMPARE(int(std.size()), 3);
        auto pstdev = [](std::vector<double> v) {
            double mean = 0;
            for (double x : v)
                mean += x / v.size();
            double var = 0;
            for (double x : v)
                var += (x - mean) * (x - mean) / v.size();
            return std::sqrt(var);
        };
        const double s = std::sqrt(1.0 + 1e-5);
        const double stem = pstdev({1 / s, 3 / s, 2 / s, 6 / s});
        QVERIFY(std::abs(std[0] - stem) < 1e-6);
        QVERIFY(std::abs(std[1] - stem / s) < 1e-6);
        QVERIFY(std::abs(std[2] - 2 * stem / (s * s)) < 1e-6);
    }

    void augmentationIsSeededAndShapePreserving() {
        const torch::Tensor batch =
            torch::arange(2 * 3 * 32 * 32, torch::kFloat).view({2, 3, 32, 32});
        at::Generator g1 = makeGenerator(5, 2, 10), g2 = makeGenerator(5, 2, 10),
                      g3 = makeGenerator(5, 2, 11);
        const torch::Tensor a = augment(batch, g1), b = augment(batch, g2), c = augment(batch, g3);
        QCOMPARE(a.sizes().vec(), batch.sizes().vec());
        QVERIFY(torch::equal(a, b));
        QVERIFY(!torch::equal(a, c));
        // Each output is a (possibly flipped) shifted crop of the zero-padded input: every
        // non-zero value comes from the same image and channel.
        for (int i = 0; i < 2; ++i) {
            const torch::Tensor values = a[i][1].flatten();
            const torch::Tensor nz = values.masked_select(values != 0);
            QVERIFY(nz.numel() >= 28 * 28);
            QVERIFY((nz >= batch[i][1].min()).all().item<bool>());
            QVERIFY((nz <= batch[i][1].max()).all().item<bool>());
        }
    }
};

QTEST_GUILESS_MAIN(TestTrainer)
#include "tst_trainer.moc"
