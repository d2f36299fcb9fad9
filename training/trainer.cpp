#include "trainer.h"

#include "analysis.h"
#include "cpu_features.h"
#include "data_parallel.h"
#include "experiments.h"
#include "files.h"
#include "memory.h"
#include "memory_estimate.h"
#include "pipeline.h"
#include "spec_json.h"
#include "train_step.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QThread>

#include <algorithm>
#include <climits>
#include <cmath>
#include <limits>
#include <vector>

namespace rx {

namespace {

class Training {
    Q_DECLARE_TR_FUNCTIONS(rx::Trainer)
public:
    static QString invalidNetwork(const QStringList& errors) {
        return tr("the network is invalid:\n%1").arg(errors.join(QLatin1Char('\n')));
    }
    static QString cannotCreateRunDir(const QString& dir) {
        return tr("cannot create the run folder %1").arg(dir);
    }
    static QString noCheckpoint(const QString& path) {
        return tr("cannot resume: %1 does not exist").arg(path);
    }
    static QString diverged(double loss, int iteration, int lastGood) {
        const QString value = std::isnan(loss) ? QStringLiteral("NaN") : QStringLiteral("infinite");
        if (lastGood > 0)
            return tr("training diverged: the loss became %1 at iteration %2. The run stopped; "
                      "the last good checkpoint (iteration %3) is kept. Try a lower learning "
                      "rate or a warm-up.")
                .arg(value)
                .arg(iteration)
                .arg(lastGood);
        return tr("training diverged: the loss became %1 at iteration %2, before any checkpoint "
                  "was written. Try a lower learning rate or a warm-up.")
            .arg(value)
            .arg(iteration);
    }
    static QString noNativeBf16() {
        return tr(
            "bf16 needs a CPU that computes bf16 natively (AVX-512 BF16 or AMX); this one "
            "does not, and emulated bf16 would train slower than fp32. Train in fp32, or "
            "on a GPU.");
    }
    static QString fp16NeedsGpu() {
        return tr(
            "fp16 autocast needs a GPU; on the CPU train in fp32 (or in bf16 where the CPU "
            "computes it natively).");
    }
    static QString tooFewImages(int n) {
        return tr("the training set has %1 images; at least one batch is needed").arg(n);
    }
    static QString failedWith(const QString& what) { return tr("training failed: %1").arg(what); }
    static QString noParallelResume() {
        return tr(
            "a run cannot be resumed on several processes yet: resume it with one process "
            "(without --world-size)");
    }
    static QString shardTooSmall(int ranks, int images, int batch, int last) {
        return tr("with %1 ranks every batch needs at least %1 images, one for each rank; with %2 "
                  "training images and a batch of %3 the last batch of each epoch holds %4. "
                  "Change --batch or --train-subset.")
            .arg(ranks)
            .arg(images)
            .arg(batch)
            .arg(last);
    }
    static QString outOfMemory(int iteration, int lastGood, const QString& what) {
        if (lastGood > 0)
            return tr("out of memory at iteration %1 (%2). The run stopped; the last checkpoint "
                      "(iteration %3) is kept. Use a smaller batch or a smaller network.")
                .arg(iteration)
                .arg(what)
                .arg(lastGood);
        return tr("out of memory at iteration %1 (%2), before any checkpoint was written. Use a "
                  "smaller batch or a smaller network.")
            .arg(iteration)
            .arg(what);
    }
    static QString badConfig(const QString& why) {
        return tr("invalid training settings: %1").arg(why);
    }
    static QString badConfigFile(const QString& path, const QString& why) {
        return tr("%1: invalid training settings: %2").arg(path, why);
    }
    static QString cannotRead(const QString& path, const QString& why) {
        return tr("cannot read %1: %2").arg(path, why);
    }
    static QString notAnObject() { return tr("the file must hold one JSON object"); }
    // A write into the run folder failed (disk full, read-only, file size limit).
    static QString cannotSave(const QString& why, int lastGood) {
        if (lastGood > 0)
            return tr("%1. Training stopped; the last good checkpoint (iteration %2) is kept: free "
                      "some space and resume the run.")
                .arg(why)
                .arg(lastGood);
        return tr("%1. Training stopped before any checkpoint was written.").arg(why);
    }
};

// The warm-up's error rule looks at the running error of at least this many iterations.
constexpr int kWarmupWindow = 10;

void writeStatus(const QString& runDir, RunState state, double best, const QString& message = {}) {
    if (QDir(runDir).exists())
        writeRunStatus(runDir, {state, best, message});
}

// bf16 on the CPU only where it is native (RX_ALLOW_EMULATED_BF16 lets the tests run the path on
// any CPU), fp16 never (LibTorch's CPU autocast has none); on CUDA both.
bool precisionAvailable(Precision precision, const torch::Device& device, QString* error) {
    if (precision == Precision::Fp32 || device.is_cuda())
        return true;
    if (precision == Precision::Fp16) {
        *error = Training::fp16NeedsGpu();
        return false;
    }
    if (cpuHasNativeBf16() || qEnvironmentVariableIsSet("RX_ALLOW_EMULATED_BF16"))
        return true;
    *error = Training::noNativeBf16();
    return false;
}

// Everything a running training holds; lives on the worker thread only.
class Session {
public:
    Session(Trainer& trainer, const TrainConfig& config, std::atomic<bool>& paused,
            std::atomic<bool>& stop)
        : t_(trainer), c_(config), paused_(paused), stop_(stop) {}

    // Trains; LibTorch's out-of-memory error ends the run with a message (no checkpoint of the
    // half-done step: the last one stays).
    bool run(QString* error);
    double bestTestError() const { return best_; }
    // Whether this session holds the run folder's lock (only then does it write its status).
    bool ownsRunDir() const { return lock_.held(); }
    // Whether this process may write the run folder at all: not a data-parallel rank other
    // than 0.
    bool writesRunDir() const { return c_.distributed.writesRunFolder(); }

private:
    bool train(QString* error);
    bool prepare(QString* error);
    bool step(int iteration, QString* error);
    bool readWindow(TrainStep::Totals* window, QString* error);
    void evaluate(int iteration);
    void probe(int iteration);
    bool checkpoint(int iteration, QString* error);
    double learningRate(int iteration) const;
    double epochOf(int iteration) const { return double(iteration) / perEpoch_; }
    bool stopAgreed() const { return parallel_ ? parallel_->stopVoted() : stop_.load(); }
    void status(RunState state) {
        if (writesRunDir())
            writeStatus(c_.runDir, state, best_);
    }
    void finishRanks();

    Trainer& t_;
    TrainConfig c_;
    std::atomic<bool>& paused_;
    std::atomic<bool>& stop_;

    torch::Device device_{torch::kCPU};
    QString deviceName_;
    DeviceSplit train_, test_;
    torch::Tensor probe_, probeLabels_;
    Normalizer normalizer_;
    Network model_{nullptr};
    std::unique_ptr<torch::optim::SGD> optimizer_;
    RunLock lock_;
    MetricsWriter metrics_;
    QString checkpointPath_;

    int startIteration_ = 0;
    int iteration_ = 0;  // the one running
    int total_ = 0;
    int perEpoch_ = 1;
    int lastCheckpoint_ = 0;
    double best_ = -1;
    bool warmupDone_ = false;
    torch::Tensor permutation_;
    int permutationEpoch_ = -1;

    std::unique_ptr<DataParallel> parallel_;  // a rank of a data-parallel training, else null
    std::unique_ptr<TrainStep> step_;         // sums the window of K iterations on the device
    QElapsedTimer windowTimer_;
    SharedNames names_;  // the records' names, one list for the whole run
    double imagesPerSecond_ = 0;
};

bool Session::prepare(QString* error) {
    QString why;
    if (!c_.validate(&why)) {
        *error = Training::badConfig(why);
        return false;
    }
    const Analysis analysis = analyze(c_.spec);
    if (!analysis.ok()) {
        *error = Training::invalidNetwork(analysis.errorMessages());
        return false;
    }
    // A new thread starts with one intra-op thread; use every core unless told otherwise.
    torch::set_num_threads(c_.threads > 0 ? c_.threads : QThread::idealThreadCount());
    if (!chooseDevice(c_.device, &device_, &deviceName_, error))
        return false;
    if (!precisionAvailable(c_.precision, device_, error))
        return false;
    if (!checkTrainingMemory(c_, device_.is_cuda(), availableMemory(device_.is_cuda()), error))
        return false;
    const DistributedSettings& ranks = c_.distributed;
    if (!ranks.validate(error))
        return false;
    if (ranks.enabled() && c_.resume) {
        *error = Training::noParallelResume();
        return false;
    }
    if (writesRunDir()) {
        if (!QDir().mkpath(c_.runDir)) {
            *error = Training::cannotCreateRunDir(c_.runDir);
            return false;
        }
        if (!lock_.acquire(c_.runDir, error))  // another process trains into this folder
            return false;
    }
    if (ranks.enabled() && !(parallel_ = DataParallel::join(ranks, error)))
        return false;
    const QDir run(c_.runDir);
    checkpointPath_ = run.filePath(QLatin1String(kRunCheckpointFile));

    CifarData data;
    if (!loadCifar10(c_.dataDir, &data, error))
        return false;
    int trainCount = data.train.size();
    int validationCount = 0;
    if (c_.validationSplit) {
        validationCount = std::min(c_.validationImages, trainCount / 10);
        trainCount -= validationCount;
    }
    if (c_.trainSubset > 0)
        trainCount = std::min(trainCount, c_.trainSubset);
    if (trainCount < 1) {
        *error = Training::tooFewImages(trainCount);
        return false;
    }
    if (ranks.enabled()) {
        const int last = trainCount % c_.batchSize ? trainCount % c_.batchSize
                                                   : std::min(trainCount, c_.batchSize);
        if (std::min({last, c_.batchSize, trainCount}) < ranks.worldSize) {
            *error = Training::shardTooSmall(ranks.worldSize, trainCount, c_.batchSize, last);
            return false;
        }
    }
    // Subsets are spread over their set (spreadSample), never its first N images: a test set
    // stored in class order would otherwise give a test of airplanes only.
    const int trainRange = data.train.size() - validationCount;
    train_ = toDevice(spreadSample(data.train, 0, trainRange, trainCount), 0, trainCount, device_);
    const CifarSplit& testSource = c_.validationSplit ? data.train : data.test;
    const int testFirst = c_.validationSplit ? trainRange : 0;
    const int testRange = c_.validationSplit ? validationCount : data.test.size();
    const int testCount = c_.testSubset > 0 ? std::min(testRange, c_.testSubset) : testRange;
    test_ =
        toDevice(spreadSample(testSource, testFirst, testRange, testCount), 0, testCount, device_);
    normalizer_ = Normalizer::fit(train_.images, c_.normalization);
    normalizer_.mean = normalizer_.mean.to(device_);
    normalizer_.std = normalizer_.std.to(device_);

    torch::manual_seed(c_.seed);
    model_ = Network(c_.spec);
    model_->to(device_);
    optimizer_ = std::make_unique<torch::optim::SGD>(model_->parameters(),
                                                     torch::optim::SGDOptions(c_.learningRate)
                                                         .momentum(c_.momentum)
                                                         .weight_decay(c_.weightDecay)
                                                         .nesterov(c_.nesterov));
    if (parallel_)
        parallel_->broadcastModel(model_);  // as DDP: every rank starts from rank 0's weights

    perEpoch_ = (trainCount + c_.batchSize - 1) / c_.batchSize;
    if (c_.iterations > 0)
        total_ = c_.iterations;
    else if (c_.epochs > 0)
        total_ = c_.epochs * perEpoch_;
    else
        total_ = kPaperIterations;
    if (c_.schedule == LrSchedule::MultiStep && c_.milestones.isEmpty()) {
        const int epochs = (total_ + perEpoch_ - 1) / perEpoch_;
        c_.milestones = {std::max(1, epochs / 2), std::max(1, epochs * 3 / 4)};
    }

    const QString metricsPath = run.filePath(QLatin1String(kRunMetricsFile));
    if (c_.resume) {
        if (!QFile::exists(checkpointPath_)) {
            *error = Training::noCheckpoint(checkpointPath_);
            return false;
        }
        Checkpoint info;
        if (!loadCheckpoint(checkpointPath_, model_, optimizer_.get(), &info, error))
            return false;
        startIteration_ = lastCheckpoint_ = info.iteration;
        // Keep the normalisation the run started with.
        if (info.inputMean.defined())
            normalizer_.mean = info.inputMean.to(device_);
        if (info.inputStd.defined())
            normalizer_.std = info.inputStd.to(device_);
        // Whether the warm-up had ended (maybe early, by the error rule) is in the checkpoint;
        // older checkpoints only allow a guess from the iteration.
        warmupDone_ = c_.warmupIterations <= 0 ||
                      info.warmupDone.value_or(startIteration_ >= c_.warmupIterations);
        if (!truncateMetrics(metricsPath, startIteration_, error))
            return false;
        // The best test error so far includes the tests before the stop.
        MetricsLog earlier;
        if (readMetrics(metricsPath, &earlier, nullptr))
            for (const TestMetrics& t : earlier.test)
                if (best_ < 0 || t.error < best_)
                    best_ = t.error;
    } else {
        if (writesRunDir()) {
            QFile::remove(metricsPath);
            QFile::remove(checkpointPath_);
        }
        warmupDone_ = c_.warmupIterations <= 0;
    }
    // The probe images in the normalisation the run uses (after a resume, the checkpoint's).
    if (test_.size() > 0) {
        const int n = std::min<int>(test_.size(), c_.probeImages);
        std::vector<int64_t> rows(n);
        for (int k = 0; k < n; ++k)
            rows[k] = spreadIndex(k, test_.size(), n);
        const torch::Tensor index = torch::tensor(rows, torch::kLong).to(test_.images.device());
        probe_ = normalizer_(test_.images.index_select(0, index));
        probeLabels_ = test_.labels.index_select(0, index);
    }
    step_ = std::make_unique<TrainStep>(model_, *optimizer_, c_.precision,
                                        parallel_.get());  // after a resume
    if (!writesRunDir())
        return true;  // rank 0 writes the run folder
    if (!writeFileAtomically(run.filePath(QLatin1String(kRunArchitectureFile)), specToJson(c_.spec),
                             error))
        return false;
    QJsonObject config = c_.toJson();
    config["iterations_total"] = total_;
    config["iterations_per_epoch"] = perEpoch_;
    config["device_name"] = deviceName_;
    if (ranks.enabled()) {  // how it was trained; not settings a resume reads
        config["world_size"] = ranks.worldSize;
        config["batch_norm"] = idOf(kBatchNormModes, ranks.batchNorm);
    }
    if (!writeFileAtomically(run.filePath(QLatin1String(kRunConfigFile)),
                             QJsonDocument(config).toJson(QJsonDocument::Indented), error))
        return false;
    return metrics_.open(metricsPath, error);
}

double Session::learningRate(int iteration) const {
    if (!warmupDone_)
        return c_.warmupLr;
    const double base = c_.learningRate;
    switch (c_.schedule) {
        case LrSchedule::Paper: {
            double lr = base;
            for (int drop : kPaperLrDrops)
                if (iteration > drop)
                    lr *= kLrDropFactor;
            return lr;
        }
        case LrSchedule::MultiStep: {
            const int epoch = (iteration - 1) / perEpoch_;
            double lr = base;
            for (int m : c_.milestones)
                if (epoch >= m)
                    lr *= kLrDropFactor;
            return lr;
        }
        case LrSchedule::Cosine:
            return base * 0.5 * (1.0 + std::cos(M_PI * double(iteration - 1) / total_));
    }
    return base;
}

bool Session::step(int iteration, QString* error) {
    const int epoch = (iteration - 1) / perEpoch_;
    const int position = (iteration - 1) % perEpoch_;
    if (epoch != permutationEpoch_) {
        at::Generator g = makeGenerator(c_.seed, 1, quint64(epoch));
        permutation_ = torch::randperm(train_.size(), g, torch::kLong).to(device_);
        permutationEpoch_ = epoch;
    }
    const int64_t begin = int64_t(position) * c_.batchSize;
    const torch::Tensor index =
        permutation_.slice(0, begin, std::min<int64_t>(train_.size(), begin + c_.batchSize));
    at::Generator g = makeGenerator(c_.seed, 2, quint64(iteration));
    // A rank takes its shard of the global batch, drawn as the whole batch draws it.
    std::optional<std::pair<int64_t, int64_t>> shard;
    if (parallel_)
        shard = c_.distributed.shard(index.size(0));
    const torch::Tensor x =
        trainingBatch(train_, index, normalizer_, c_.augment ? &g : nullptr, shard);
    const torch::Tensor y = train_.labels.index_select(
        0, shard ? index.slice(0, shard->first, shard->first + shard->second) : index);

    const double lr = learningRate(iteration);
    const bool report = iteration % c_.logEvery == 0 || iteration == total_;
    GradientNorms grads;
    if (parallel_)
        parallel_->beginStep(stop_);
    step_->run(
        iteration, x, y, lr,
        [&] {
            if (!report || !writesRunDir())
                return;
            grads.iteration = iteration;
            grads.epoch = epochOf(iteration);
            gradientNorms(model_, &grads.layers, &grads.norms);
        },
        index.size(0));
    // The window's totals live on the device; they are read (a host synchronisation) only when
    // a report needs them, and on every iteration of a warm-up whose error rule watches them.
    TrainStep::Totals window;
    const bool warmupRule = !warmupDone_ && iteration < c_.warmupIterations;
    if ((report || warmupRule) && !readWindow(&window, error))
        return false;
    if (!warmupDone_) {
        // The paper warms ResNet-110 up until the training error is below 80 %.
        const double runningError = 100.0 * window.errors / std::max(1.0, window.images);
        if (iteration >= c_.warmupIterations ||
            (window.iterations >= kWarmupWindow && runningError < c_.warmupUntilError))
            warmupDone_ = true;
    }
    if (report) {
        const double seconds = std::max(1e-9, windowTimer_.nsecsElapsed() / 1e9);
        imagesPerSecond_ = window.images / seconds;
        TrainMetrics m{iteration,
                       epochOf(iteration),
                       window.meanLoss(),
                       100.0 * window.errors / std::max(1.0, window.images),
                       lr,
                       imagesPerSecond_};
        metrics_.write(toJson(m));
        metrics_.write(toJson(grads));
        names_.share(grads);
        Q_EMIT t_.trainMetrics(m);
        Q_EMIT t_.gradientNorms(grads);
        step_->reset();
        windowTimer_.restart();
    }
    return true;
}

bool Session::readWindow(TrainStep::Totals* window, QString* error) {
    *window = step_->totals();
    if (parallel_) {  // the global batch's totals, on every rank
        std::vector<double> sums{window->lossSum, window->errors, window->images};
        parallel_->sum(&sums);
        std::vector<double> first{window->firstNonFinite > 0 ? double(window->firstNonFinite)
                                                             : double(INT_MAX)};
        parallel_->min(&first);
        window->lossSum = sums[0];
        window->errors = sums[1];
        window->images = sums[2];
        if (first[0] < INT_MAX && int(first[0]) != window->firstNonFinite) {
            window->firstNonFinite = int(first[0]);  // another rank's shard
            window->firstNonFiniteLoss = std::numeric_limits<double>::quiet_NaN();
        }
    }
    if (window->firstNonFinite > 0) {
        *error =
            Training::diverged(window->firstNonFiniteLoss, window->firstNonFinite, lastCheckpoint_);
        return false;
    }
    return true;
}

void Session::evaluate(int iteration) {
    if (test_.size() == 0)
        return;
    BatchControl control{&stop_, [this](int64_t done, int64_t total) {
                             Q_EMIT t_.testProgress(int(done), int(total));
                         }};
    const SplitEvaluation e =
        evaluateSplit(model_, test_, normalizer_, c_.testBatchSize, nullptr, control);
    if (!e.complete)
        return;  // stopped: a part of the test set is no test error
    TestMetrics m{iteration, epochOf(iteration), e.loss, e.error, c_.validationSplit};
    metrics_.write(toJson(m));
    if (best_ < 0 || m.error < best_)
        best_ = m.error;
    Q_EMIT t_.testMetrics(m);
}

void Session::probe(int iteration) {
    if (!probe_.defined() || probe_.size(0) == 0)
        return;
    // One pass over the probe for the Fig. 7 responses and the block dynamics.
    const BlockDynamicsValues v =
        blockDynamics(model_, probe_, probeLabels_, probeBatchSize(c_), {&stop_, {}});
    if (v.activationGradient.empty())
        return;  // stopped
    LayerResponses r{iteration, epochOf(iteration), model_->responseLayers(),
                     QVector<double>(v.responseStd.begin(), v.responseStd.end())};
    metrics_.write(toJson(r));
    names_.share(r);
    Q_EMIT t_.layerResponses(r);
    BlockDynamics d{iteration, epochOf(iteration), model_->blockNames(),
                    QVector<double>(v.residualRatio.begin(), v.residualRatio.end()),
                    QVector<double>(v.activationGradient.begin(), v.activationGradient.end())};
    metrics_.write(toJson(d));
    names_.share(d);
    Q_EMIT t_.blockDynamics(d);
}

bool Session::checkpoint(int iteration, QString* error) {
    Checkpoint info{iteration, normalizer_.mean, normalizer_.std, warmupDone_};
    QString why;
    if (!saveCheckpoint(checkpointPath_, model_, optimizer_.get(), info, &why)) {
        *error = Training::cannotSave(why, lastCheckpoint_);  // the file before it is intact
        return false;
    }
    lastCheckpoint_ = iteration;
    Q_EMIT t_.checkpointSaved(checkpointPath_, iteration);
    return true;
}

bool Session::run(QString* error) {
    try {
        return train(error);
    } catch (const std::exception& e) {
        if (!isOutOfMemory(e))
            throw;
        *error = Training::outOfMemory(iteration_, lastCheckpoint_, errorText(e));
        return false;
    }
}

bool Session::train(QString* error) {
    if (!prepare(error))
        return false;
    Q_EMIT t_.started({deviceName_, startIteration_, total_, perEpoch_, int(train_.size()),
                       int(test_.size()), static_cast<qint64>(countParameters(*model_))});
    status(RunState::Running);
    windowTimer_.start();
    QElapsedTimer runTimer;
    runTimer.start();
    for (int it = startIteration_ + 1; it <= total_; ++it) {
        iteration_ = it;
        if (paused_ && !parallel_) {  // the ranks cannot wait for one of them
            Q_EMIT t_.pausedAt(it - 1);
            while (paused_ && !stop_)
                QThread::msleep(10);
            windowTimer_.restart();
        }
        if (stopAgreed()) {  // every rank stops after the same step
            finishRanks();
            if (writesRunDir() && it - 1 > lastCheckpoint_ && !checkpoint(it - 1, error))
                return false;
            status(RunState::Stopped);
            lock_.release();  // whoever hears of the end may train into the folder again
            Q_EMIT t_.finished(it - 1, false);
            return true;
        }
        if (!step(it, error))
            return false;
        const bool epochEnd = it % perEpoch_ == 0;
        const bool last = it == total_;
        const bool test =
            (c_.testEvery > 0 && it % c_.testEvery == 0) || (c_.testEvery <= 0 && epochEnd) || last;
        const bool probing = epochEnd || last || (c_.probeEvery > 0 && it % c_.probeEvery == 0);
        // Weights that a non-finite loss has spoilt are neither measured nor saved.
        TrainStep::Totals window;
        if ((test || probing) && !readWindow(&window, error))  // probing: every epoch end
            return false;
        if (test && writesRunDir())  // the other ranks wait for rank 0's next step meanwhile
            evaluate(it);
        if (probing && writesRunDir())
            probe(it);
        if (test || probing)
            returnFreedMemory();  // their peak would stay resident through the steps after
        if (metrics_.failed()) {
            *error = Training::cannotSave(metrics_.error(), lastCheckpoint_);
            return false;
        }
        if (last)
            finishRanks();
        if ((epochEnd || last) && writesRunDir() && !checkpoint(it, error))
            return false;
        const double done = it - startIteration_;
        const double perIteration = runTimer.nsecsElapsed() / 1e9 / done;
        Q_EMIT t_.progress(
            {it, total_, epochOf(it), imagesPerSecond_, perIteration * (total_ - it)});
    }
    status(RunState::Finished);
    lock_.release();
    Q_EMIT t_.finished(total_, true);
    return true;
}

// The end of a run: every rank ends with rank 0's weights and running statistics, and (for the
// tests) writes their digest to $RX_TEST_WEIGHTS_DIGEST.RANK.
void Session::finishRanks() {
    if (parallel_)
        parallel_->broadcastBuffers(model_);
    const QString digestFile = qEnvironmentVariable("RX_TEST_WEIGHTS_DIGEST");
    if (!digestFile.isEmpty()) {
        QString why;
        writeFileAtomically(digestFile + QStringLiteral(".%1").arg(c_.distributed.rank),
                            weightsDigest(model_).toLatin1(), &why);
    }
}

}  // namespace

namespace {

// The settings of config.json, one row each: toJson, fromJson and validate read these tables.
enum class Range { Positive, NonNegative, Percent };

struct IntField {
    const char* key;
    int TrainConfig::*member;
    Range range;
};
constexpr IntField kIntFields[] = {
    {"epochs", &TrainConfig::epochs, Range::NonNegative},
    {"iterations", &TrainConfig::iterations, Range::NonNegative},
    {"batch", &TrainConfig::batchSize, Range::Positive},
    {"warmup_iterations", &TrainConfig::warmupIterations, Range::NonNegative},
    {"validation_images", &TrainConfig::validationImages, Range::Positive},
    {"train_subset", &TrainConfig::trainSubset, Range::NonNegative},
    {"test_subset", &TrainConfig::testSubset, Range::NonNegative},
    {"threads", &TrainConfig::threads, Range::NonNegative},
    {"log_every", &TrainConfig::logEvery, Range::Positive},
    {"test_every", &TrainConfig::testEvery, Range::NonNegative},
    {"test_batch", &TrainConfig::testBatchSize, Range::Positive},
    {"probe_images", &TrainConfig::probeImages, Range::NonNegative},
    {"probe_every", &TrainConfig::probeEvery, Range::NonNegative},
};

struct RealField {
    const char* key;
    double TrainConfig::*member;
    Range range;
};
constexpr RealField kRealFields[] = {
    {"lr", &TrainConfig::learningRate, Range::Positive},
    {"momentum", &TrainConfig::momentum, Range::NonNegative},
    {"weight_decay", &TrainConfig::weightDecay, Range::NonNegative},
    {"warmup_lr", &TrainConfig::warmupLr, Range::Positive},
    {"warmup_until_error", &TrainConfig::warmupUntilError, Range::Percent},
};

struct BoolField {
    const char* key;
    bool TrainConfig::*member;
};
constexpr BoolField kBoolFields[] = {
    {"nesterov", &TrainConfig::nesterov},
    {"augment", &TrainConfig::augment},
    {"validation_split", &TrainConfig::validationSplit},
};

class ConfigCheck {
    Q_DECLARE_TR_FUNCTIONS(rx::TrainConfig)
public:
    QString error;

    bool fail(const char* key, const QString& what) {
        if (error.isEmpty())
            error = QLatin1String(key) + QStringLiteral(": ") + what;
        return false;
    }
    static QString expectedInteger(Range range) {
        return range == Range::Positive ? tr("a positive integer") : tr("a non-negative integer");
    }
    static QString expectedNumber(Range range) {
        switch (range) {
            case Range::Positive:
                return tr("a positive number");
            case Range::NonNegative:
                return tr("a non-negative number");
            case Range::Percent:
                return tr("a percentage from 0 to 100");
        }
        return {};
    }
    static bool inRange(double v, Range range) {
        switch (range) {
            case Range::Positive:
                return v > 0;
            case Range::NonNegative:
                return v >= 0;
            case Range::Percent:
                return v >= 0 && v <= 100;
        }
        return false;
    }
    bool expected(const char* key, const QString& what, const QString& got) {
        return fail(key, tr("expected %1, got %2").arg(what, got));
    }

    // Checks that the values in `c` are in range.
    bool check(const TrainConfig& c) {
        for (const IntField& f : kIntFields)
            if (!inRange(c.*f.member, f.range))
                return expected(f.key, expectedInteger(f.range), QString::number(c.*f.member));
        for (const RealField& f : kRealFields)
            if (!std::isfinite(c.*f.member) || !inRange(c.*f.member, f.range))
                return expected(f.key, expectedNumber(f.range), QString::number(c.*f.member));
        for (int m : c.milestones)
            if (m < 1)
                return expected("milestones", tr("positive epochs"), QString::number(m));
        return true;
    }

    // Reads every key of `o` this version knows into `c`, checking types and values.
    bool read(const QJsonObject& o, TrainConfig* c) {
        for (const IntField& f : kIntFields) {
            const QJsonValue v = o.value(QLatin1String(f.key));
            if (v.isUndefined())
                continue;
            const double d = v.toDouble();
            if (!v.isDouble() || std::floor(d) != d || std::abs(d) > INT_MAX)
                return expected(f.key, expectedInteger(f.range), typeNameOrValue(v));
            c->*f.member = int(d);
        }
        for (const RealField& f : kRealFields) {
            const QJsonValue v = o.value(QLatin1String(f.key));
            if (v.isUndefined())
                continue;
            if (!v.isDouble())
                return expected(f.key, expectedNumber(f.range), jsonTypeName(v));
            c->*f.member = v.toDouble();
        }
        for (const BoolField& f : kBoolFields) {
            const QJsonValue v = o.value(QLatin1String(f.key));
            if (v.isUndefined())
                continue;
            if (!v.isBool())
                return expected(f.key, tr("true or false"), jsonTypeName(v));
            c->*f.member = v.toBool();
        }
        return enumValue(o, "schedule", kSchedules, &c->schedule) &&
               enumValue(o, "normalization", kNormalizations, &c->normalization) &&
               enumValue(o, "device", kDevices, &c->device) &&
               enumValue(o, "precision", kPrecisions, &c->precision) &&
               text(o, "data_dir", &c->dataDir) && milestones(o, &c->milestones) &&
               seed(o, &c->seed) && check(*c);
    }

private:
    static QString typeNameOrValue(const QJsonValue& v) {
        return v.isDouble() ? QString::number(v.toDouble()) : jsonTypeName(v);
    }
    template <typename Table, typename E>
    bool enumValue(const QJsonObject& o, const char* key, const Table& table, E* out) {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined())
            return true;
        const auto value = fromId(table, v.toString());
        if (!v.isString() || !value)
            return expected(
                key, tr("one of %1").arg(idList(table)),
                v.isString() ? QStringLiteral("'%1'").arg(v.toString()) : jsonTypeName(v));
        *out = *value;
        return true;
    }
    bool text(const QJsonObject& o, const char* key, QString* out) {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined())
            return true;
        if (!v.isString())
            return expected(key, tr("a string"), jsonTypeName(v));
        *out = v.toString();
        return true;
    }
    bool milestones(const QJsonObject& o, QVector<int>* out) {
        const QJsonValue v = o.value(QLatin1String("milestones"));
        if (v.isUndefined())
            return true;
        if (!v.isArray())
            return expected("milestones", tr("an array of epochs"), jsonTypeName(v));
        QVector<int> list;
        for (const QJsonValue& m : v.toArray()) {
            const double d = m.toDouble();
            if (!m.isDouble() || std::floor(d) != d || d < 1 || d > INT_MAX)
                return expected("milestones", tr("positive epochs"), typeNameOrValue(m));
            list << int(d);
        }
        *out = list;
        return true;
    }
    // Written as a string: JSON numbers lose 64-bit integers. A plain number is read too.
    bool seed(const QJsonObject& o, quint64* out) {
        const QJsonValue v = o.value(QLatin1String("seed"));
        if (v.isUndefined())
            return true;
        bool ok = false;
        quint64 value = 0;
        if (v.isString()) {
            value = v.toString().toULongLong(&ok);
        } else if (v.isDouble()) {
            const double d = v.toDouble();
            ok = d >= 0 && std::floor(d) == d && d <= 9007199254740992.0;  // 2^53
            value = ok ? quint64(d) : 0;
        }
        if (!ok)
            return expected(
                "seed", tr("a non-negative integer"),
                v.isString() ? QStringLiteral("'%1'").arg(v.toString()) : typeNameOrValue(v));
        *out = value;
        return true;
    }
};

}  // namespace

QString scheduleText(LrSchedule schedule) {
    const QString text = textOf(kSchedules, schedule, "rx::LrSchedule");
    if (schedule != LrSchedule::Paper)
        return text;
    auto thousands = [](int n) { return QStringLiteral("%1k").arg(n / 1000); };
    return text.arg(thousands(kPaperLrDrops[0]), thousands(kPaperLrDrops[1]));
}

QJsonObject TrainConfig::toJson() const {
    QJsonObject o;
    for (const IntField& f : kIntFields)
        o[QLatin1String(f.key)] = this->*f.member;
    for (const RealField& f : kRealFields)
        o[QLatin1String(f.key)] = this->*f.member;
    for (const BoolField& f : kBoolFields)
        o[QLatin1String(f.key)] = this->*f.member;
    QJsonArray ms;
    for (int m : milestones)
        ms.append(m);
    o["milestones"] = ms;
    o["schedule"] = idOf(kSchedules, schedule);
    o["normalization"] = idOf(kNormalizations, normalization);
    o["device"] = idOf(kDevices, device);
    o["precision"] = idOf(kPrecisions, precision);
    o["data_dir"] = dataDir;
    o["seed"] = QString::number(seed);
    return o;
}

bool TrainConfig::fromJson(const QJsonObject& o, TrainConfig* c, QString* error) {
    TrainConfig out = *c;
    ConfigCheck check;
    if (!check.read(o, &out)) {
        *error = check.error;
        return false;
    }
    *c = out;
    return true;
}

bool TrainConfig::validate(QString* error) const {
    ConfigCheck check;
    if (check.check(*this))
        return true;
    if (error)
        *error = check.error;
    return false;
}

bool loadRunConfig(const QString& runDir, TrainConfig* config, QString* error) {
    const QDir run(runDir);
    QFile file(run.filePath(QLatin1String(kRunConfigFile)));
    if (!file.open(QIODevice::ReadOnly)) {
        *error = Training::cannotRead(file.fileName(), file.errorString());
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = Training::cannotRead(file.fileName(), parseError.errorString());
        return false;
    }
    if (!document.isObject()) {  // an array or a bare value would read as all defaults
        *error = Training::badConfigFile(file.fileName(), Training::notAnObject());
        return false;
    }
    QJsonObject json = document.object();
    // Earlier versions wrote the device's description ("CPU (2 threads)") under "device".
    if (json.contains("iterations_total") && !json.contains("device_name"))
        json.remove("device");
    TrainConfig out = *config;
    QString why;
    if (!TrainConfig::fromJson(json, &out, &why)) {
        *error = Training::badConfigFile(file.fileName(), why);
        return false;
    }
    if (!loadSpecFile(run.filePath(QLatin1String(kRunArchitectureFile)), &out.spec, error))
        return false;
    out.runDir = runDir;
    *config = out;
    return true;
}

QString availableDevice() {
    if (!torch::cuda::is_available())
        return QStringLiteral("CPU");
    const QString name = cudaDeviceName(0);
    return name.isEmpty() ? QStringLiteral("CUDA") : QStringLiteral("CUDA: %1").arg(name);
}

Trainer::Trainer(TrainConfig config, QObject* parent)
    : QObject(parent), config_(std::move(config)) {
    registerMetricTypes();
    qRegisterMetaType<TrainingStart>();
}

Trainer::~Trainer() = default;

void Trainer::run() {
    QString error;
    bool ok = false;
    double best = -1;
    {
        Session session(*this, config_, paused_, stopRequested_);
        try {
            ok = session.run(&error);
            best = session.bestTestError();
        } catch (const std::exception& e) {
            error = Training::failedWith(errorText(e));
        }
        // Never over the status of a run another process is training (the lock refused us).
        if (!ok && session.writesRunDir() &&
            (session.ownsRunDir() || !runFolderInUse(config_.runDir)))
            writeStatus(config_.runDir, RunState::Failed, best, error);
    }  // the session, and with it the folder's lock, ends before anyone hears of the failure
    if (!ok)
        Q_EMIT failed(error);
}

double measureTrainingStep(const NetworkSpec& spec, const TrainConfig& config, QString* deviceName,
                           QString* error, int steps) {
    try {
        torch::set_num_threads(config.threads > 0 ? config.threads : QThread::idealThreadCount());
        torch::Device device(torch::kCPU);
        if (!chooseDevice(config.device, &device, deviceName, error) ||
            !precisionAvailable(config.precision, device, error))
            return -1;
        torch::manual_seed(config.seed);
        Network model(spec);
        model->to(device);
        model->train();
        torch::optim::SGD optimizer(model->parameters(),
                                    torch::optim::SGDOptions(config.learningRate)
                                        .momentum(config.momentum)
                                        .weight_decay(config.weightDecay));
        TrainStep step(model, optimizer, config.precision);
        const torch::Tensor x = torch::randn({config.batchSize, 3, 32, 32})
                                    .to(device)
                                    .contiguous(torch::MemoryFormat::ChannelsLast);
        const torch::Tensor y = torch::randint(0, 10, {config.batchSize}, torch::kLong).to(device);
        // The first step allocates and picks kernels; the rest are what training costs. The
        // median step: a burst of other work on a shared machine (the app starting up beside
        // the measurement) must not set the estimate.
        std::vector<double> seconds;
        for (int i = 0; i < 1 + std::max(1, steps); ++i) {
            QElapsedTimer timer;
            timer.start();
            step.run(i + 1, x, y, config.learningRate);
            step.totals();  // waits for the device
            if (i > 0)
                seconds.push_back(timer.nsecsElapsed() / 1e9);
        }
        std::sort(seconds.begin(), seconds.end());
        const size_t n = seconds.size();
        return n % 2 ? seconds[n / 2] : (seconds[n / 2 - 1] + seconds[n / 2]) / 2;
    } catch (const std::exception& e) {
        *error = Training::failedWith(errorText(e));
        return -1;
    }
}

}  // namespace rx
