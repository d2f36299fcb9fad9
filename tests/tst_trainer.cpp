// The trainer: it learns, it resumes exactly, it pauses and stops, it reports Fig. 6/7 metrics,
// and bad input stops it with a clear message.
#include "background.h"
#include "cifar_fixture.h"
#include "cpu_features.h"
#include "fast_conv.h"
#include "pipeline.h"
#include "presets.h"
#include "spec_json.h"
#include "train_step.h"
#include "trainer.h"
#include "trainer_thread.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <sys/resource.h>
#include <unistd.h>
#include <cerrno>
#include <climits>
#include <cmath>
#include <limits>

using namespace rx;

namespace {

// How long a test waits for a signal before it fails (no speed is asserted).
constexpr int kWaitMs = 60000;

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
    QVector<BlockDynamics> blocks;
};

QString status(const QString& runDir) {
    const auto s = readRunStatus(runDir);
    return s ? runStateId(s->state) : QString();
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
    QObject::connect(&trainer, &Trainer::blockDynamics,
                     [&](const BlockDynamics& b) { o.blocks << b; });
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

    // Fig. 7 fills early: responses every probeEvery iterations as well as at epoch ends.
    void responsesEveryProbeInterval() {
        QTemporaryDir run;
        TrainConfig c = base(run.path());
        c.trainSubset = 640;
        c.testSubset = 100;
        c.batchSize = 64;  // 10 iterations an epoch
        c.iterations = 6;
        c.probeEvery = 2;
        c.probeImages = 50;
        Outcome o = runSync(c);
        QVERIFY2(!o.failed, qPrintable(o.message));
        QVector<int> at;
        for (const LayerResponses& r : o.responses)
            at << r.iteration;
        QCOMPARE(at, QVector<int>({2, 4, 6}));
        // Issue 11: the block dynamics at the same probes, written to metrics.jsonl too.
        at.clear();
        for (const BlockDynamics& b : o.blocks)
            at << b.iteration;
        QCOMPARE(at, QVector<int>({2, 4, 6}));
        MetricsLog log;
        QVERIFY(readMetrics(QDir(run.path()).filePath(kRunMetricsFile), &log, nullptr));
        QCOMPARE(log.all<BlockDynamics>(), o.blocks);

        QTemporaryDir run2;
        c = base(run2.path());
        c.trainSubset = 640;
        c.testSubset = 100;
        c.batchSize = 64;
        c.iterations = 6;
        c.probeEvery = 0;  // epoch ends (and the last iteration) only
        c.probeImages = 50;
        o = runSync(c);
        QVERIFY2(!o.failed, qPrintable(o.message));
        QCOMPARE(o.responses.size(), 1);
        QCOMPARE(o.responses.first().iteration, 6);
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
        // Every record of a run shares one list of names (SharedNames), not a copy each.
        QCOMPARE(o.gradients.size(), 2);
        QCOMPARE(o.gradients.last().layers.constData(), g.layers.constData());
        // One residual ratio and activation gradient per block, named as in the state_dict.
        QCOMPARE(o.blocks.size(), 1);
        const BlockDynamics& b = o.blocks.first();
        QCOMPARE(b.blocks.size(), 9);
        QCOMPARE(b.blocks.first(), QString("layer1.0"));
        for (int i = 0; i < 9; ++i)
            QVERIFY(b.residualRatio[i] > 0 && std::isfinite(b.residualRatio[i]) &&
                    b.activationGradient[i] > 0 && std::isfinite(b.activationGradient[i]));
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
        const auto statusB = readRunStatus(runB.path());
        QVERIFY(statusB);
        QCOMPARE(statusB->bestTestError, 1.0);
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
        TrainerThread owner(c);
        Trainer* trainer = owner.trainer();
        QSignalSpy progress(trainer, &Trainer::progress);
        QSignalSpy paused(trainer, &Trainer::pausedAt);
        QSignalSpy finished(trainer, &Trainer::finished);
        QSignalSpy saved(trainer, &Trainer::checkpointSaved);
        owner.start();
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
        QVERIFY(owner.wait(10000));
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

    // The fused CPU batch (one pass: gather, normalise, crop, flip) against the tensor-op path it
    // replaces, bit for bit, for both normalisations, with and without the augmentation.
    void trainingBatchEqualsTheTensorOps_data() {
        QTest::addColumn<int>("mode");
        QTest::addColumn<bool>("augmented");
        QTest::newRow("per channel, augmented") << int(Normalization::PerChannel) << true;
        QTest::newRow("per pixel, augmented") << int(Normalization::PerPixelMean) << true;
        QTest::newRow("per channel, plain") << int(Normalization::PerChannel) << false;
    }
    void trainingBatchEqualsTheTensorOps() {
        QFETCH(int, mode);
        QFETCH(bool, augmented);
        torch::manual_seed(3);
        DeviceSplit split;
        split.images = torch::randint(0, 256, {300, 3, 32, 32}, torch::kUInt8);
        split.labels = torch::randint(0, 10, {300}, torch::kLong);
        const Normalizer norm = Normalizer::fit(split.images, Normalization(mode));
        const torch::Tensor index = torch::randint(0, 300, {128}, torch::kLong);
        at::Generator g1 = makeGenerator(7, 2, 42), g2 = makeGenerator(7, 2, 42);
        const torch::Tensor fused = trainingBatch(split, index, norm, augmented ? &g1 : nullptr);
        torch::Tensor expected = norm(split.images.index_select(0, index));
        if (augmented)
            expected = augment(expected, g2);
        QVERIFY(fused.is_contiguous(torch::MemoryFormat::ChannelsLast));
        QCOMPARE(fused.sizes().vec(), expected.sizes().vec());
        QVERIFY(torch::equal(fused, expected));
        if (augmented) {  // the same draws were taken: both generators are at the same state
            QVERIFY(
                torch::equal(torch::randint(0, 1000, {4}, g1), torch::randint(0, 1000, {4}, g2)));
            // and the augmentation did something (some image is shifted or flipped)
            QVERIFY(!torch::equal(fused, norm(split.images.index_select(0, index))));
        }
        // A bad index is refused, not read out of bounds.
        QVERIFY_THROWS_EXCEPTION(
            std::exception,
            trainingBatch(split, torch::full({1}, 300, torch::kLong), norm, nullptr));
    }

    // The trainer's step (the own Winograd kernels, channels-last weights and input, gradients
    // from none, in-place ReLU and additions, the fused batch, totals on the device) against the
    // plain path it replaced (LibTorch's convolutions, NCHW, zero_grad, tensor-op batches): the
    // same losses for a few iterations from the same seed, for a residual (option A and B) and a
    // plain net.
    void trainStepMatchesThePlainPath_data() {
        QTest::addColumn<QString>("preset");
        QTest::newRow("resnet-20") << "resnet-20";
        QTest::newRow("resnet-20-b") << "resnet-20-b";
        QTest::newRow("plain-20") << "plain-20";
    }
    void trainStepMatchesThePlainPath() {
        QFETCH(QString, preset);
        torch::set_num_threads(2);
        torch::manual_seed(5);
        DeviceSplit split;
        split.images = torch::randint(0, 256, {256, 3, 32, 32}, torch::kUInt8);
        split.labels = torch::randint(0, 10, {256}, torch::kLong);
        const Normalizer norm = Normalizer::fit(split.images, Normalization::PerChannel);
        // The two paths' kernels sum in different orders; random labels make each step amplify
        // that rounding (plain-20 most: 5e-5 of the loss after four steps, 1e-7 after one).
        constexpr int kSteps = 4;
        auto options = torch::optim::SGDOptions(0.01).momentum(0.9).weight_decay(1e-4);

        torch::manual_seed(1);
        Network fastNet(*rx::preset(preset));
        torch::optim::SGD fastSgd(fastNet->parameters(), options);
        TrainStep step(fastNet, fastSgd);
        torch::manual_seed(1);
        Network plainNet(*rx::preset(preset));
        torch::optim::SGD plainSgd(plainNet->parameters(), options);

        std::vector<double> fast, plain;
        for (int it = 1; it <= kSteps; ++it) {
            const torch::Tensor index = torch::arange((it - 1) * 64, it * 64, torch::kLong);
            const torch::Tensor y = split.labels.index_select(0, index);
            at::Generator g1 = makeGenerator(3, 2, quint64(it)),
                          g2 = makeGenerator(3, 2, quint64(it));
            step.reset();
            step.run(it, trainingBatch(split, index, norm, &g1), y, 0.01);
            fast.push_back(step.totals().meanLoss());

            plainNet->train();
            plainSgd.zero_grad();
            setOwnConvKernels(false);  // LibTorch's convolutions, as before issue #12
            const torch::Tensor logits =
                plainNet->forward(augment(norm(split.images.index_select(0, index)), g2));
            const torch::Tensor loss = torch::nn::functional::cross_entropy(logits, y);
            loss.backward();
            setOwnConvKernels(true);
            plainSgd.step();
            plain.push_back(loss.item<double>());
        }
        for (int i = 0; i < kSteps; ++i)
            QVERIFY2(std::abs(fast[i] - plain[i]) <= 2e-4 * std::abs(plain[i]),
                     qPrintable(QString("iteration %1: %2 against %3")
                                    .arg(i + 1)
                                    .arg(fast[i], 0, 'g', 9)
                                    .arg(plain[i], 0, 'g', 9)));
        QVERIFY(fast.back() != fast.front());  // it trained
        QCOMPARE(step.totals().images, 64.0);
        QCOMPARE(step.totals().iterations, 1);
        QCOMPARE(step.totals().firstNonFinite, 0);
    }

    // A loss that is not finite is caught at the next read of the totals, naming its iteration,
    // even when later iterations were finite again.
    void trainStepNamesTheFirstNonFiniteIteration() {
        torch::manual_seed(1);
        Network net(*rx::preset(QStringLiteral("resnet-20")));
        torch::optim::SGD sgd(net->parameters(), torch::optim::SGDOptions(0.0));
        TrainStep step(net, sgd);
        const torch::Tensor y = torch::zeros({4}, torch::kLong);
        torch::Tensor x = torch::randn({4, 3, 32, 32});
        step.run(1, x, y, 0.0);
        QCOMPARE(step.totals().firstNonFinite, 0);
        x[0][0][0][0] = std::numeric_limits<float>::quiet_NaN();
        step.run(2, x, y, 0.0);  // lr 0: the weights stay finite, the next loss too
        x[0][0][0][0] = 0;
        step.run(3, x, y, 0.0);
        const TrainStep::Totals t = step.totals();
        QCOMPARE(t.firstNonFinite, 2);
        QVERIFY(std::isnan(t.firstNonFiniteLoss));
        QCOMPARE(t.iterations, 3);
    }

    // The session stops on a diverging run with the iteration in its message, and writes no
    // checkpoint of spoilt weights.
    void divergingRunStopsWithTheIteration() {
        QTemporaryDir run;
        TrainConfig c = base(run.path());
        c.trainSubset = 512;
        c.testSubset = 100;
        c.batchSize = 64;
        c.iterations = 40;
        c.logEvery = 20;
        c.learningRate = 1e8;
        c.warmupIterations = 0;
        const Outcome o = runSync(c);
        QVERIFY(o.failed);
        QVERIFY2(o.message.contains("diverged"), qPrintable(o.message));
        const QRegularExpressionMatch m =
            QRegularExpression("at iteration (\\d+)").match(o.message);
        QVERIFY2(m.hasMatch(), qPrintable(o.message));
        QVERIFY(m.captured(1).toInt() >= 1 && m.captured(1).toInt() <= 20);
        QVERIFY(!QFile::exists(QDir(run.path()).filePath(kRunCheckpointFile)));
    }

    // bf16 autocast: the forward pass in bfloat16 gives nearly fp32's loss (not the same one),
    // and the step leaves autocast off behind it.
    void bf16StepIsCloseToFp32() {
        torch::manual_seed(6);
        const torch::Tensor x = torch::randn({16, 3, 32, 32});
        const torch::Tensor y = torch::randint(0, 10, {16}, torch::kLong);
        std::vector<double> losses;
        for (Precision precision : {Precision::Fp32, Precision::Bf16}) {
            torch::manual_seed(1);
            Network net(*rx::preset(QStringLiteral("resnet-20")));
            torch::optim::SGD sgd(net->parameters(), torch::optim::SGDOptions(0.0));
            TrainStep step(net, sgd, precision);
            step.run(1, x, y, 0.0);
            losses.push_back(step.totals().meanLoss());
            net->train();
            QCOMPARE(net->forward(x).scalar_type(), torch::kFloat);  // autocast is off again
        }
        QVERIFY2(losses[0] != losses[1], "the bf16 step computed in fp32");
        QVERIFY2(std::abs(losses[0] - losses[1]) < 2e-2 * losses[0],
                 qPrintable(QString("fp32 %1, bf16 %2").arg(losses[0]).arg(losses[1])));
    }

    // On a CPU without native bf16 a bf16 run is refused with a message saying why; with it
    // (or with the tests' override) it trains.
    void bf16RunNeedsANativeCpu() {
        QTemporaryDir run;
        TrainConfig c = base(run.path());
        c.trainSubset = 256;
        c.testSubset = 100;
        c.batchSize = 64;
        c.iterations = 4;
        c.precision = Precision::Bf16;
        if (!cpuHasNativeBf16()) {
            const Outcome refused = runSync(c);
            QVERIFY(refused.failed);
            QVERIFY2(refused.message.contains("AVX-512 BF16"), qPrintable(refused.message));
            QVERIFY(!QFile::exists(QDir(run.path()).filePath(kRunMetricsFile)));
            qputenv("RX_ALLOW_EMULATED_BF16", "1");
        }
        const Outcome o = runSync(c);
        qunsetenv("RX_ALLOW_EMULATED_BF16");
        QVERIFY2(!o.failed, qPrintable(o.message));
        QVERIFY(o.completed);
        TrainConfig saved;
        QString error;
        QVERIFY(loadRunConfig(run.path(), &saved, &error));
        QCOMPARE(saved.precision, Precision::Bf16);
    }

    // fp16's loss scaling: gradients divided by the scale; an overflow is reported (the step is
    // skipped) and halves the scale; good steps in a row double it.
    void lossScalerUnscalesSkipsAndGrows() {
        LossScaler scaler(1024.0, 2);
        torch::Tensor p = torch::zeros({3}, torch::requires_grad());
        (scaler.scaled(torch::tensor({1.0f, 2.0f, 3.0f}).mul(p).sum())).backward();
        QVERIFY(scaler.unscale({p}));
        QVERIFY(torch::allclose(p.grad(), torch::tensor({1.0f, 2.0f, 3.0f})));
        scaler.update(true);
        QCOMPARE(scaler.scale(), 1024.0);
        scaler.update(true);
        QCOMPARE(scaler.scale(), 2048.0);  // two good steps in a row
        p.mutable_grad() = torch::tensor({1.0f, std::numeric_limits<float>::infinity(), 0.0f});
        QVERIFY(!scaler.unscale({p}));
        scaler.update(false);
        QCOMPARE(scaler.scale(), 1024.0);
        // parameters without gradients are left out
        QVERIFY(scaler.unscale({torch::zeros({2}, torch::requires_grad())}));
    }

    // The fp16 step's loss scaling (on the CPU without autocast: the scaling alone) changes
    // nothing while nothing overflows: the losses of fp32's steps, to float rounding.
    void fp16StepScalesWithoutChangingTheResult() {
        torch::manual_seed(6);
        const torch::Tensor x = torch::randn({16, 3, 32, 32});
        const torch::Tensor y = torch::randint(0, 10, {16}, torch::kLong);
        std::vector<double> losses[2];
        for (int i = 0; i < 2; ++i) {
            torch::manual_seed(1);
            Network net(*rx::preset(QStringLiteral("resnet-20")));
            torch::optim::SGD sgd(net->parameters(), torch::optim::SGDOptions(0.05).momentum(0.9));
            TrainStep step(net, sgd, i == 0 ? Precision::Fp32 : Precision::Fp16);
            for (int it = 1; it <= 3; ++it) {
                step.reset();
                step.run(it, x, y, 0.05);
                losses[i].push_back(step.totals().meanLoss());
            }
        }
        for (int it = 0; it < 3; ++it)
            QVERIFY2(std::abs(losses[0][it] - losses[1][it]) <= 1e-5 * losses[0][it],
                     qPrintable(QString("%1 against %2").arg(losses[1][it]).arg(losses[0][it])));
        QVERIFY(losses[0][2] != losses[0][0]);  // it trained
    }

    // fp16 autocast is for GPUs: on the CPU the run is refused with a message saying so
    // (gpu-check.sh runs the fp16 path where a GPU is).
    void fp16RunNeedsAGpu() {
        QTemporaryDir run;
        TrainConfig c = base(run.path());
        c.iterations = 2;
        c.device = DeviceChoice::Cpu;
        c.precision = Precision::Fp16;
        const Outcome o = runSync(c);
        QVERIFY(o.failed);
        QVERIFY2(o.message.contains("GPU"), qPrintable(o.message));
    }

    // Normalizer::fit's one-pass integer sums (contiguous CPU images) against its tensor ops
    // (taken for any other tensor: here every other image of a larger one, not contiguous).
    void normalizerFitPathsAgree() {
        torch::manual_seed(4);
        const torch::Tensor all = torch::randint(0, 256, {1200, 3, 32, 32}, torch::kUInt8);
        const torch::Tensor strided = all.slice(0, 0, 1200, 2);
        QVERIFY(!strided.is_contiguous());
        for (Normalization mode : {Normalization::PerChannel, Normalization::PerPixelMean}) {
            const Normalizer fast = Normalizer::fit(strided.contiguous(), mode);
            const Normalizer slow = Normalizer::fit(strided, mode);
            QVERIFY(torch::allclose(fast.mean, slow.mean, 0, 1e-7));
            QVERIFY(torch::allclose(fast.std, slow.std, 0, 1e-7));
            // and both are the statistics of the images
            const torch::Tensor x = strided.to(torch::kDouble) / 255.0;
            const torch::Tensor mean =
                mode == Normalization::PerChannel ? x.mean({0, 2, 3}).view({3, 1, 1}) : x.mean(0);
            QVERIFY(torch::allclose(fast.mean.to(torch::kDouble), mean, 0, 1e-6));
        }
    }

    void configRefusesEachBadValue_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("message");
        QTest::newRow("device") << QByteArray(R"({"device": "gpu0"})")
                                << "device: expected one of auto, cpu, cuda, got 'gpu0'";
        QTest::newRow("device type") << QByteArray(R"({"device": 1})")
                                     << "device: expected one of auto, cpu, cuda, got a number";
        QTest::newRow("precision") << QByteArray(R"({"precision": "fp8"})")
                                   << "precision: expected one of fp32, bf16, fp16, got 'fp8'";
        QTest::newRow("normalization")
            << QByteArray(R"({"normalization": "zca"})")
            << "normalization: expected one of per_channel, per_pixel_mean, got 'zca'";
        QTest::newRow("schedule") << QByteArray(R"({"schedule": "step"})")
                                  << "schedule: expected one of paper, multistep, cosine, got "
                                     "'step'";
        QTest::newRow("batch string") << QByteArray(R"({"batch": "128"})")
                                      << "batch: expected a positive integer, got a string";
        QTest::newRow("batch negative")
            << QByteArray(R"({"batch": -5})") << "batch: expected a positive integer, got -5";
        QTest::newRow("batch zero")
            << QByteArray(R"({"batch": 0})") << "batch: expected a positive integer, got 0";
        QTest::newRow("batch fraction")
            << QByteArray(R"({"batch": 1.5})") << "batch: expected a positive integer, got 1.5";
        QTest::newRow("epochs array") << QByteArray(R"({"epochs": [1]})")
                                      << "epochs: expected a non-negative integer, got an array";
        QTest::newRow("iterations negative")
            << QByteArray(R"({"iterations": -1})")
            << "iterations: expected a non-negative integer, got -1";
        QTest::newRow("train_subset negative")
            << QByteArray(R"({"train_subset": -10})")
            << "train_subset: expected a non-negative integer, got -10";
        QTest::newRow("test_subset bool")
            << QByteArray(R"({"test_subset": true})")
            << "test_subset: expected a non-negative integer, got a boolean";
        QTest::newRow("log_every zero")
            << QByteArray(R"({"log_every": 0})") << "log_every: expected a positive integer, got 0";
        QTest::newRow("test_batch zero") << QByteArray(R"({"test_batch": 0})")
                                         << "test_batch: expected a positive integer, got 0";
        QTest::newRow("threads negative") << QByteArray(R"({"threads": -2})")
                                          << "threads: expected a non-negative integer, got -2";
        QTest::newRow("probe_every negative")
            << QByteArray(R"({"probe_every": -1})")
            << "probe_every: expected a non-negative integer, got -1";
        QTest::newRow("probe_images negative")
            << QByteArray(R"({"probe_images": -3})")
            << "probe_images: expected a non-negative integer, got -3";
        QTest::newRow("validation_images zero")
            << QByteArray(R"({"validation_images": 0})")
            << "validation_images: expected a positive integer, got 0";
        QTest::newRow("lr zero") << QByteArray(R"({"lr": 0})")
                                 << "lr: expected a positive number, got 0";
        QTest::newRow("lr string")
            << QByteArray(R"({"lr": "0.1"})") << "lr: expected a positive number, got a string";
        QTest::newRow("momentum negative") << QByteArray(R"({"momentum": -0.9})")
                                           << "momentum: expected a non-negative number, got -0.9";
        QTest::newRow("weight_decay null")
            << QByteArray(R"({"weight_decay": null})")
            << "weight_decay: expected a non-negative number, got null";
        QTest::newRow("warmup_lr negative") << QByteArray(R"({"warmup_lr": -0.01})")
                                            << "warmup_lr: expected a positive number, got -0.01";
        QTest::newRow("warmup_until_error")
            << QByteArray(R"({"warmup_until_error": 150})")
            << "warmup_until_error: expected a percentage from 0 to 100, got 150";
        QTest::newRow("nesterov string") << QByteArray(R"({"nesterov": "yes"})")
                                         << "nesterov: expected true or false, got a string";
        QTest::newRow("augment number")
            << QByteArray(R"({"augment": 1})") << "augment: expected true or false, got a number";
        QTest::newRow("validation_split object")
            << QByteArray(R"({"validation_split": {}})")
            << "validation_split: expected true or false, got an object";
        QTest::newRow("milestones number")
            << QByteArray(R"({"milestones": 5})")
            << "milestones: expected an array of epochs, got a number";
        QTest::newRow("milestones negative") << QByteArray(R"({"milestones": [10, -2]})")
                                             << "milestones: expected positive epochs, got -2";
        QTest::newRow("seed negative")
            << QByteArray(R"({"seed": "-1"})") << "seed: expected a non-negative integer, got '-1'";
        QTest::newRow("seed object") << QByteArray(R"({"seed": {}})")
                                     << "seed: expected a non-negative integer, got an object";
        QTest::newRow("data_dir number")
            << QByteArray(R"({"data_dir": 3})") << "data_dir: expected a string, got a number";
    }
    void configRefusesEachBadValue() {
        QFETCH(QByteArray, json);
        QFETCH(QString, message);
        TrainConfig c;
        c.batchSize = 77;
        QString error;
        QVERIFY(!TrainConfig::fromJson(QJsonDocument::fromJson(json).object(), &c, &error));
        QCOMPARE(error, message);
        QCOMPARE(c.batchSize, 77);  // unchanged
    }

    void configRoundTripsAndValidates() {
        TrainConfig c;
        c.epochs = 3;
        c.batchSize = 64;
        c.learningRate = 0.05;
        c.nesterov = true;
        c.schedule = LrSchedule::Cosine;
        c.milestones = {2, 3};
        c.normalization = Normalization::PerPixelMean;
        c.device = DeviceChoice::Cpu;
        c.seed = 18446744073709551615ULL;
        c.warmupUntilError = 60;
        c.testBatchSize = 100;
        TrainConfig back;
        QString error;
        QVERIFY2(TrainConfig::fromJson(c.toJson(), &back, &error), qPrintable(error));
        QCOMPARE(back.toJson(), c.toJson());
        QCOMPARE(back.seed, c.seed);
        QCOMPARE(back.device, DeviceChoice::Cpu);
        QCOMPARE(back.normalization, Normalization::PerPixelMean);
        // Unknown keys (written by the trainer beside the settings) are no error.
        QJsonObject extra = c.toJson();
        extra["iterations_total"] = 100;
        extra["device_name"] = "CPU (2 threads)";
        QVERIFY2(TrainConfig::fromJson(extra, &back, &error), qPrintable(error));
        // Settings made in code are checked the same way, and the trainer refuses them.
        TrainConfig bad = base(QString());
        bad.learningRate = -1;
        QVERIFY(!bad.validate(&error));
        QCOMPARE(error, QString("lr: expected a positive number, got -1"));
        QTemporaryDir run;
        bad.runDir = run.path();
        const Outcome o = runSync(bad);
        QVERIFY(o.failed);
        QCOMPARE(o.message, QString("invalid training settings: lr: expected a positive number, "
                                    "got -1"));
        // Ids and texts come from one table each.
        QCOMPARE(idOf(kSchedules, LrSchedule::MultiStep), QString("multistep"));
        QCOMPARE(scheduleText(LrSchedule::Paper), QString("paper: ÷10 at 32k and 48k"));
        QCOMPARE(deviceText(DeviceChoice::Auto), QString("automatic"));
        QVERIFY(normalizationText(Normalization::PerPixelMean).contains("per-pixel"));
    }

    void runConfigOfAnEarlierVersionLoads() {
        // Earlier versions wrote the device's description under "device".
        QTemporaryDir run;
        QJsonObject json = TrainConfig{}.toJson();
        json["device"] = "CPU (2 threads)";
        json["iterations_total"] = 100;
        json["batch"] = 32;
        QFile f(QDir(run.path()).filePath(kRunConfigFile));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QJsonDocument(json).toJson());
        f.close();
        QVERIFY(saveSpecFile(QDir(run.path()).filePath(kRunArchitectureFile), resnet8(), nullptr));
        TrainConfig c;
        QString error;
        QVERIFY2(loadRunConfig(run.path(), &c, &error), qPrintable(error));
        QCOMPARE(c.batchSize, 32);
        QCOMPARE(c.device, DeviceChoice::Auto);
        QCOMPARE(c.spec, resnet8());
        // A bad value in a run's settings names the file and the field.
        json["batch"] = "many";
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(QJsonDocument(json).toJson());
        f.close();
        QVERIFY(!loadRunConfig(run.path(), &c, &error));
        QVERIFY2(error.contains("config.json: invalid training settings: batch: expected a "
                                "positive integer, got a string"),
                 qPrintable(error));
    }

    void trainerThreadOwnsTheRun() {
        QTemporaryDir run;
        TrainConfig c = base(run.path());
        c.trainSubset = 640;
        c.testSubset = 100;
        c.batchSize = 32;
        c.iterations = 100000;
        c.logEvery = 1;
        auto owner = std::make_unique<TrainerThread>(c);
        QPointer<Trainer> trainer = owner->trainer();
        QSignalSpy progress(trainer.data(), &Trainer::progress);
        QSignalSpy finished(trainer.data(), &Trainer::finished);
        QSignalSpy ended(owner.get(), &TrainerThread::ended);
        QVERIFY(owner->wait(0));  // not started: nothing to wait for
        owner->start();
        QVERIFY(owner->isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(progress.count() >= 2, kWaitMs);
        owner->stop();
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, kWaitMs);
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.first().at(1).toBool(), false);
        QVERIFY(!owner->isRunning());
        QVERIFY(owner->wait());
        QCOMPARE(status(run.path()), QString("stopped"));
        QVERIFY(!trainer.isNull());  // the trainer does not delete itself…
        owner.reset();
        QVERIFY(trainer.isNull());  // …its owner does

        // Destroying the owner of a running training stops it, waits and writes the checkpoint.
        QTemporaryDir run2;
        c.runDir = run2.path();
        int stoppedAt = -1;
        {
            TrainerThread running(c);
            QSignalSpy progress2(running.trainer(), &Trainer::progress);
            QObject::connect(running.trainer(), &Trainer::finished,
                             [&](int it, bool) { stoppedAt = it; });
            running.start();
            QTRY_VERIFY_WITH_TIMEOUT(progress2.count() >= 2, kWaitMs);
        }
        QVERIFY(stoppedAt >= 2);
        QCOMPARE(status(run2.path()), QString("stopped"));
        Network model(c.spec);
        Checkpoint info;
        QString error;
        QVERIFY2(loadCheckpoint(QDir(run2.path()).filePath(kRunCheckpointFile), model, nullptr,
                                &info, &error),
                 qPrintable(error));
        QCOMPARE(info.iteration, stoppedAt);
    }

    // In the GUI (keepInterfaceResponsive) a run's thread and the OpenMP workers its parallel
    // work starts run below the interface thread; in the CLI, at the same priority.
    void trainingYieldsToTheInterface() {
        const auto niceOf = [](qint64 thread) {
            errno = 0;
            const int nice = ::getpriority(PRIO_PROCESS, static_cast<id_t>(thread));
            return errno == 0 ? nice : INT_MIN;
        };
        const int interfaceNice = niceOf(::gettid());
        QVERIFY(interfaceNice != INT_MIN);
        // The trainer thread's nice value, and how many of the process's threads have a lower
        // priority than the interface, seen from the trainer thread after its first iteration.
        const auto measure = [&](int* trainerNice, int* lowered) {
            QTemporaryDir run;
            TrainConfig c = base(run.path());
            c.trainSubset = 320;
            c.testSubset = 100;
            c.batchSize = 32;
            c.iterations = 2;
            TrainerThread owner(c);
            *trainerNice = INT_MIN;
            QObject::connect(
                owner.trainer(), &Trainer::progress, owner.trainer(),
                [&] {
                    if (*trainerNice != INT_MIN)
                        return;
                    *trainerNice = niceOf(::gettid());
                    *lowered = 0;
                    const QStringList tasks = QDir(QStringLiteral("/proc/self/task"))
                                                  .entryList(QDir::Dirs | QDir::NoDotAndDotDot);
                    for (const QString& task : tasks)
                        *lowered += niceOf(task.toLongLong()) > interfaceNice;
                },
                Qt::DirectConnection);  // in the trainer's thread
            QSignalSpy ended(&owner, &TrainerThread::ended);
            owner.start();
            QVERIFY(ended.wait(kWaitMs));
        };
        int trainerNice = 0, lowered = 0;
        measure(&trainerNice, &lowered);
        QCOMPARE(trainerNice, interfaceNice);
        QCOMPARE(lowered, 0);
        keepInterfaceResponsive();
        measure(&trainerNice, &lowered);
        QCOMPARE(trainerNice, std::min(19, interfaceNice + kBackgroundNice));
        QVERIFY2(lowered >= 2, "the trainer thread and its OpenMP worker (c.threads = 2)");
        QCOMPARE(niceOf(::gettid()), interfaceNice);  // the interface thread keeps its own
    }

    void stopDuringTestEvaluationIsHonoured() {
        QTemporaryDir run;
        TrainConfig c = base(run.path());
        c.trainSubset = 64;
        c.batchSize = 64;  // one iteration an epoch: a test after iteration 1
        c.iterations = 3;
        c.testSubset = 500;
        c.testBatchSize = 50;  // 10 batches
        c.logEvery = 1;
        Trainer trainer(c);
        int batches = 0, total = 0;
        QObject::connect(&trainer, &Trainer::testProgress, [&](int, int all) {
            total = all;
            if (++batches == 2)
                trainer.stop();
        });
        int finishedAt = -1;
        bool completed = true;
        QObject::connect(&trainer, &Trainer::finished, [&](int it, bool done) {
            finishedAt = it;
            completed = done;
        });
        QString failure;
        QObject::connect(&trainer, &Trainer::failed, [&](const QString& m) { failure = m; });
        QSignalSpy tests(&trainer, &Trainer::testMetrics);
        QSignalSpy responses(&trainer, &Trainer::layerResponses);
        trainer.run();
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        QCOMPARE(finishedAt, 1);
        QVERIFY(!completed);
        QCOMPARE(total, 500);
        QCOMPARE(batches, 2);  // of 10: the rest was not evaluated
        QCOMPARE(tests.count(), 0);
        QCOMPARE(responses.count(), 0);  // the probe stops too
        MetricsLog log;
        QString error;
        QVERIFY(readMetrics(QDir(run.path()).filePath(kRunMetricsFile), &log, &error));
        QVERIFY(log.test.isEmpty());  // no test error from a fifth of the test set
        QVERIFY(log.responses.isEmpty());
        QCOMPARE(log.train.size(), 1);
        QCOMPARE(status(run.path()), QString("stopped"));
        auto statusBest = readRunStatus(run.path());
        QVERIFY(statusBest);
        QCOMPARE(statusBest->bestTestError, -1.0);
    }

    void evaluationsStopBetweenBatches() {
        torch::manual_seed(1);
        Network net(resnet8());
        CifarSplit split;
        split.images = QByteArray(300 * kCifarImageBytes, char(100));
        split.labels = QByteArray(300, char(3));
        const DeviceSplit data = toDevice(split, 0, 300, torch::kCPU);
        const Normalizer norm = Normalizer::fit(data.images, Normalization::PerChannel);
        std::atomic<bool> cancel{false};
        int calls = 0;
        const BatchControl control{&cancel, [&](int64_t done, int64_t total) {
                                       QCOMPARE(total, int64_t(300));
                                       ++calls;
                                       if (done >= 100)
                                           cancel = true;
                                   }};
        torch::Tensor logits;
        SplitEvaluation e = evaluateSplit(net, data, norm, 50, &logits, control);
        QVERIFY(!e.complete);
        QCOMPARE(e.images, int64_t(100));
        QCOMPARE(calls, 2);
        QVERIFY(!logits.defined());
        cancel = false;
        calls = 0;
        e = evaluateSplit(net, data, norm, 50, &logits, {&cancel, {}});
        QVERIFY(e.complete);
        QCOMPARE(e.images, int64_t(300));
        QCOMPARE(logits.size(0), 300);

        const torch::Tensor probe = norm(data.images);
        QVERIFY(layerResponseStd(net, probe, 50, control).empty());
        QCOMPARE(calls, 2);
        cancel = false;
        QCOMPARE(int(layerResponseStd(net, probe, 50).size()),
                 int(analyze(resnet8()).responseLayers().size()));
    }

    void resumeKeepsAWarmupThatEndedEarly() {
        QTemporaryDir runA, runB;
        TrainConfig c = base(runA.path());
        c.trainSubset = 640;
        c.testSubset = 100;
        c.batchSize = 32;  // 20 iterations an epoch
        c.iterations = 20;
        c.logEvery = 10;
        c.warmupIterations = 1000;
        c.warmupLr = 0.01;
        c.warmupUntilError = 100;  // any error below 100 % ends it after 10 iterations
        const Outcome whole = runSync(c);
        QVERIFY2(!whole.failed, qPrintable(whole.message));
        QCOMPARE(whole.train.size(), 2);
        QCOMPARE(whole.train[0].learningRate, 0.01);  // iterations 1–10 warm up
        QCOMPARE(whole.train[1].learningRate, 0.1);   // then the rule ended it, long before 1000

        c.runDir = runB.path();
        const Outcome first = runSync(c, /*stopAfter=*/10);
        QCOMPARE(first.finishedAt, 10);
        c.resume = true;
        const Outcome second = runSync(c);
        QVERIFY2(!second.failed, qPrintable(second.message));
        QCOMPARE(second.train.size(), 1);
        QCOMPARE(second.train[0].iteration, 20);
        QCOMPARE(second.train[0].learningRate, 0.1);
        const double a = whole.train[1].loss, b = second.train[0].loss;
        QVERIFY2(std::abs(a - b) <= 1e-5 * std::abs(a),
                 qPrintable(QString("%1 vs %2").arg(a).arg(b)));
    }

    void resumedProbeUsesTheCheckpointsNormalisation() {
        QTemporaryDir run;
        TrainConfig c = base(run.path());
        c.trainSubset = 256;
        c.testSubset = 100;
        c.batchSize = 64;
        c.iterations = 2;
        c.logEvery = 1;
        c.probeImages = 50;
        const Outcome first = runSync(c);
        QVERIFY2(!first.failed, qPrintable(first.message));
        // Resumed with another normalisation asked for: the run keeps the checkpoint's.
        c.resume = true;
        c.iterations = 4;
        c.normalization = Normalization::PerPixelMean;
        const Outcome second = runSync(c);
        QVERIFY2(!second.failed, qPrintable(second.message));
        QCOMPARE(second.responses.size(), 1);
        QCOMPARE(second.responses.last().iteration, 4);

        Network net(c.spec);
        Checkpoint info;
        QString error;
        QVERIFY2(loadCheckpoint(QDir(run.path()).filePath(kRunCheckpointFile), net, nullptr, &info,
                                &error),
                 qPrintable(error));
        QCOMPARE(info.iteration, 4);
        QCOMPARE(info.inputStd.numel(), 3);
        QVERIFY((info.inputStd - 1).abs().min().item<double>() > 0.01);  // per-channel std
        CifarSplit testSplit;
        QVERIFY(readCifarBatch(QDir(data_).filePath("test_batch.bin"), &testSplit, &error));
        // The probe: 50 images spread over the run's 100 test images, themselves spread over
        // the test set.
        const CifarSplit tested = spreadSample(testSplit, 0, testSplit.size(), 100);
        const torch::Tensor probe = Normalizer{info.inputMean, info.inputStd}(
            toDevice(spreadSample(tested, 0, tested.size(), 50), 0, 50, torch::kCPU).images);
        const std::vector<double> expected = layerResponseStd(net, probe);
        const QVector<double>& got = second.responses.last().std;
        QCOMPARE(got.size(), int(expected.size()));
        for (int i = 0; i < got.size(); ++i)
            QVERIFY2(std::abs(got[i] - expected[i]) <= 1e-5 * expected[i],
                     qPrintable(QString("layer %1: %2 vs %3").arg(i).arg(got[i]).arg(expected[i])));
    }
};

QTEST_GUILESS_MAIN(TestTrainer)
#include "tst_trainer.moc"
