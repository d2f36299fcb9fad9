#include "trainer.h"

#include "analysis.h"
#include "files.h"
#include "pipeline.h"
#include "spec_json.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QThread>

#include <cmath>

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
    static QString tooFewImages(int n) {
        return tr("the training set has %1 images; at least one batch is needed").arg(n);
    }
    static QString failedWith(const QString& what) { return tr("training failed: %1").arg(what); }
    static QString badConfig(const QString& field) {
        return tr("invalid training settings: %1").arg(field);
    }
};

void writeStatus(const QString& runDir, RunState state, double best, const QString& message = {}) {
    if (QDir(runDir).exists())
        writeRunStatus(runDir, {state, best, message});
}

// Everything a running training holds; lives on the worker thread only.
class Session {
public:
    Session(Trainer& trainer, const TrainConfig& config, std::atomic<bool>& paused,
            std::atomic<bool>& stop)
        : t_(trainer), c_(config), paused_(paused), stop_(stop) {}

    bool run(QString* error);
    double bestTestError() const { return best_; }

private:
    bool prepare(QString* error);
    bool step(int iteration, QString* error);
    void evaluate(int iteration);
    void probe(int iteration);
    bool checkpoint(int iteration, QString* error);
    double learningRate(int iteration) const;
    double epochOf(int iteration) const { return double(iteration) / perEpoch_; }

    Trainer& t_;
    TrainConfig c_;
    std::atomic<bool>& paused_;
    std::atomic<bool>& stop_;

    torch::Device device_{torch::kCPU};
    QString deviceName_;
    DeviceSplit train_, test_;
    torch::Tensor probe_;
    Normalizer normalizer_;
    Network model_{nullptr};
    std::unique_ptr<torch::optim::SGD> optimizer_;
    MetricsWriter metrics_;
    QString checkpointPath_;

    int startIteration_ = 0;
    int total_ = 0;
    int perEpoch_ = 1;
    int lastCheckpoint_ = 0;
    double best_ = -1;
    bool warmupDone_ = false;
    torch::Tensor permutation_;
    int permutationEpoch_ = -1;

    // Running window of K iterations.
    double windowLoss_ = 0, windowErrors_ = 0, windowImages_ = 0;
    int windowIterations_ = 0;
    QElapsedTimer windowTimer_;
    double imagesPerSecond_ = 0;
};

bool Session::prepare(QString* error) {
    if (c_.batchSize < 1 || c_.learningRate <= 0 || c_.logEvery < 1 || c_.probeImages < 0) {
        *error =
            Training::badConfig(QStringLiteral("batch, lr, log-every and probe must be "
                                               "positive"));
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
    if (!QDir().mkpath(c_.runDir)) {
        *error = Training::cannotCreateRunDir(c_.runDir);
        return false;
    }
    const QDir run(c_.runDir);
    checkpointPath_ = run.filePath(QLatin1String(kRunCheckpointFile));

    CifarData data;
    if (!loadCifar10(c_.dataDir, &data, error))
        return false;
    int trainCount = data.train.size();
    int validationCount = 0;
    if (c_.validationSplit) {
        validationCount = std::min(5000, trainCount / 10);  // the paper's 45k/5k
        trainCount -= validationCount;
    }
    if (c_.trainSubset > 0)
        trainCount = std::min(trainCount, c_.trainSubset);
    if (trainCount < 1) {
        *error = Training::tooFewImages(trainCount);
        return false;
    }
    train_ = toDevice(data.train, 0, trainCount, device_);
    if (c_.validationSplit) {
        const int count =
            c_.testSubset > 0 ? std::min(validationCount, c_.testSubset) : validationCount;
        test_ = toDevice(data.train, data.train.size() - validationCount, count, device_);
    } else {
        const int count =
            c_.testSubset > 0 ? std::min(data.test.size(), c_.testSubset) : data.test.size();
        test_ = toDevice(data.test, 0, count, device_);
    }
    normalizer_ = Normalizer::fit(train_.images, c_.normalization);
    normalizer_.mean = normalizer_.mean.to(device_);
    normalizer_.std = normalizer_.std.to(device_);
    if (test_.size() > 0)
        probe_ =
            normalizer_(test_.images.slice(0, 0, std::min<int64_t>(test_.size(), c_.probeImages)));

    torch::manual_seed(c_.seed);
    model_ = Network(c_.spec);
    model_->to(device_);
    optimizer_ = std::make_unique<torch::optim::SGD>(model_->parameters(),
                                                     torch::optim::SGDOptions(c_.learningRate)
                                                         .momentum(c_.momentum)
                                                         .weight_decay(c_.weightDecay)
                                                         .nesterov(c_.nesterov));

    perEpoch_ = (trainCount + c_.batchSize - 1) / c_.batchSize;
    if (c_.iterations > 0)
        total_ = c_.iterations;
    else if (c_.epochs > 0)
        total_ = c_.epochs * perEpoch_;
    else
        total_ = 64000;  // the paper's length
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
        warmupDone_ = c_.warmupIterations <= 0 || startIteration_ >= c_.warmupIterations;
        if (!truncateMetrics(metricsPath, startIteration_, error))
            return false;
        // The best test error so far includes the tests before the stop.
        MetricsLog earlier;
        if (readMetrics(metricsPath, &earlier, nullptr))
            for (const TestMetrics& t : earlier.test)
                if (best_ < 0 || t.error < best_)
                    best_ = t.error;
    } else {
        QFile::remove(metricsPath);
        QFile::remove(checkpointPath_);
        warmupDone_ = c_.warmupIterations <= 0;
    }
    if (!writeFileAtomically(run.filePath(QLatin1String(kRunArchitectureFile)), specToJson(c_.spec),
                             error))
        return false;
    QJsonObject config = c_.toJson();
    config["iterations_total"] = total_;
    config["iterations_per_epoch"] = perEpoch_;
    config["device"] = deviceName_;
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
        case LrSchedule::Paper:
            // ÷10 after 32k and 48k iterations (paper §4.2).
            return base * (iteration > 48000 ? 0.01 : iteration > 32000 ? 0.1 : 1.0);
        case LrSchedule::MultiStep: {
            const int epoch = (iteration - 1) / perEpoch_;
            double lr = base;
            for (int m : c_.milestones)
                if (epoch >= m)
                    lr *= 0.1;
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
    torch::Tensor x = normalizer_(train_.images.index_select(0, index));
    if (c_.augment) {
        at::Generator g = makeGenerator(c_.seed, 2, quint64(iteration));
        x = augment(x, g);
    }
    const torch::Tensor y = train_.labels.index_select(0, index);

    const double lr = learningRate(iteration);
    for (auto& group : optimizer_->param_groups())
        static_cast<torch::optim::SGDOptions&>(group.options()).lr(lr);

    model_->train();
    optimizer_->zero_grad();
    const torch::Tensor logits = model_->forward(x);
    const torch::Tensor loss = torch::nn::functional::cross_entropy(logits, y);
    const double lossValue = loss.item<double>();
    if (!std::isfinite(lossValue)) {
        *error = Training::diverged(lossValue, iteration, lastCheckpoint_);
        return false;
    }
    loss.backward();
    const bool report = iteration % c_.logEvery == 0 || iteration == total_;
    GradientNorms grads;
    if (report) {
        grads.iteration = iteration;
        grads.epoch = epochOf(iteration);
        gradientNorms(model_, &grads.layers, &grads.norms);
    }
    optimizer_->step();

    const double images = double(index.size(0));
    windowLoss_ += lossValue * images;
    windowErrors_ += logits.argmax(1).ne(y).sum().item<double>();
    windowImages_ += images;
    windowIterations_ += 1;
    if (!warmupDone_) {
        // The paper warms ResNet-110 up until the training error is below 80 %.
        const double runningError = 100.0 * windowErrors_ / windowImages_;
        if (iteration >= c_.warmupIterations || (windowIterations_ >= 10 && runningError < 80.0))
            warmupDone_ = true;
    }
    if (report) {
        const double seconds = std::max(1e-9, windowTimer_.nsecsElapsed() / 1e9);
        imagesPerSecond_ = windowImages_ / seconds;
        TrainMetrics m{iteration,
                       epochOf(iteration),
                       windowLoss_ / windowImages_,
                       100.0 * windowErrors_ / windowImages_,
                       lr,
                       imagesPerSecond_};
        metrics_.write(toJson(m));
        metrics_.write(toJson(grads));
        Q_EMIT t_.trainMetrics(m);
        Q_EMIT t_.gradientNorms(grads);
        windowLoss_ = windowErrors_ = windowImages_ = 0;
        windowIterations_ = 0;
        windowTimer_.restart();
    }
    return true;
}

void Session::evaluate(int iteration) {
    if (test_.size() == 0)
        return;
    const SplitEvaluation e = evaluateSplit(model_, test_, normalizer_);
    TestMetrics m{iteration, epochOf(iteration), e.loss, e.error, c_.validationSplit};
    metrics_.write(toJson(m));
    if (best_ < 0 || m.error < best_)
        best_ = m.error;
    Q_EMIT t_.testMetrics(m);
}

void Session::probe(int iteration) {
    if (!probe_.defined() || probe_.size(0) == 0)
        return;
    const std::vector<double> std = layerResponseStd(model_, probe_);
    LayerResponses r{iteration, epochOf(iteration), model_->responseLayers(), {}};
    for (double s : std)
        r.std << s;
    metrics_.write(toJson(r));
    Q_EMIT t_.layerResponses(r);
}

bool Session::checkpoint(int iteration, QString* error) {
    Checkpoint info{iteration, normalizer_.mean, normalizer_.std};
    if (!saveCheckpoint(checkpointPath_, model_, optimizer_.get(), info, error))
        return false;
    lastCheckpoint_ = iteration;
    Q_EMIT t_.checkpointSaved(checkpointPath_, iteration);
    return true;
}

bool Session::run(QString* error) {
    if (!prepare(error))
        return false;
    Q_EMIT t_.started({deviceName_, startIteration_, total_, perEpoch_, int(train_.size()),
                       int(test_.size()), static_cast<qint64>(countParameters(*model_))});
    writeStatus(c_.runDir, RunState::Running, best_);
    windowTimer_.start();
    QElapsedTimer runTimer;
    runTimer.start();
    for (int it = startIteration_ + 1; it <= total_; ++it) {
        if (paused_) {
            Q_EMIT t_.pausedAt(it - 1);
            while (paused_ && !stop_)
                QThread::msleep(10);
            windowTimer_.restart();
        }
        if (stop_) {
            if (it - 1 > lastCheckpoint_ && !checkpoint(it - 1, error))
                return false;
            writeStatus(c_.runDir, RunState::Stopped, best_);
            Q_EMIT t_.finished(it - 1, false);
            return true;
        }
        if (!step(it, error))
            return false;
        const bool epochEnd = it % perEpoch_ == 0;
        const bool last = it == total_;
        if ((c_.testEvery > 0 && it % c_.testEvery == 0) || (c_.testEvery <= 0 && epochEnd) || last)
            evaluate(it);
        if (epochEnd || last) {
            probe(it);
            if (!checkpoint(it, error))
                return false;
        }
        const double done = it - startIteration_;
        const double perIteration = runTimer.nsecsElapsed() / 1e9 / done;
        Q_EMIT t_.progress(
            {it, total_, epochOf(it), imagesPerSecond_, perIteration * (total_ - it)});
    }
    writeStatus(c_.runDir, RunState::Finished, best_);
    Q_EMIT t_.finished(total_, true);
    return true;
}

}  // namespace

QString scheduleId(LrSchedule schedule) {
    switch (schedule) {
        case LrSchedule::Paper:
            return QStringLiteral("paper");
        case LrSchedule::MultiStep:
            return QStringLiteral("multistep");
        case LrSchedule::Cosine:
            return QStringLiteral("cosine");
    }
    return {};
}

bool scheduleFromId(const QString& id, LrSchedule* schedule) {
    for (LrSchedule s : {LrSchedule::Paper, LrSchedule::MultiStep, LrSchedule::Cosine}) {
        if (scheduleId(s) == id) {
            *schedule = s;
            return true;
        }
    }
    return false;
}

QJsonObject TrainConfig::toJson() const {
    QJsonArray ms;
    for (int m : milestones)
        ms.append(m);
    return {{"data_dir", dataDir},
            {"epochs", epochs},
            {"iterations", iterations},
            {"batch", batchSize},
            {"lr", learningRate},
            {"momentum", momentum},
            {"weight_decay", weightDecay},
            {"nesterov", nesterov},
            {"schedule", scheduleId(schedule)},
            {"milestones", ms},
            {"warmup_iterations", warmupIterations},
            {"warmup_lr", warmupLr},
            {"normalization", normalization == Normalization::PerChannel
                                  ? QStringLiteral("per_channel")
                                  : QStringLiteral("per_pixel_mean")},
            {"augment", augment},
            {"validation_split", validationSplit},
            {"train_subset", trainSubset},
            {"test_subset", testSubset},
            {"seed", QString::number(seed)},
            {"device", device == DeviceChoice::Auto  ? QStringLiteral("auto")
                       : device == DeviceChoice::Cpu ? QStringLiteral("cpu")
                                                     : QStringLiteral("cuda")},
            {"threads", threads},
            {"log_every", logEvery},
            {"test_every", testEvery},
            {"probe_images", probeImages}};
}

bool TrainConfig::fromJson(const QJsonObject& o, TrainConfig* c, QString* error) {
    TrainConfig out = *c;
    out.dataDir = o.value("data_dir").toString(out.dataDir);
    out.epochs = o.value("epochs").toInt(out.epochs);
    out.iterations = o.value("iterations").toInt(out.iterations);
    out.batchSize = o.value("batch").toInt(out.batchSize);
    out.learningRate = o.value("lr").toDouble(out.learningRate);
    out.momentum = o.value("momentum").toDouble(out.momentum);
    out.weightDecay = o.value("weight_decay").toDouble(out.weightDecay);
    out.nesterov = o.value("nesterov").toBool(out.nesterov);
    if (o.contains("schedule") && !scheduleFromId(o.value("schedule").toString(), &out.schedule)) {
        *error = Training::badConfig(QStringLiteral("schedule"));
        return false;
    }
    if (o.contains("milestones")) {
        out.milestones.clear();
        for (const auto& v : o.value("milestones").toArray())
            out.milestones << v.toInt();
    }
    out.warmupIterations = o.value("warmup_iterations").toInt(out.warmupIterations);
    out.warmupLr = o.value("warmup_lr").toDouble(out.warmupLr);
    if (o.contains("normalization"))
        out.normalization = o.value("normalization").toString() == QLatin1String("per_pixel_mean")
                                ? Normalization::PerPixelMean
                                : Normalization::PerChannel;
    out.augment = o.value("augment").toBool(out.augment);
    out.validationSplit = o.value("validation_split").toBool(out.validationSplit);
    out.trainSubset = o.value("train_subset").toInt(out.trainSubset);
    out.testSubset = o.value("test_subset").toInt(out.testSubset);
    if (o.contains("seed"))
        out.seed = o.value("seed").toString().toULongLong();
    const QString device = o.value("device").toString();
    if (device == QLatin1String("cpu"))
        out.device = DeviceChoice::Cpu;
    if (device == QLatin1String("cuda"))
        out.device = DeviceChoice::Cuda;
    if (device == QLatin1String("auto"))
        out.device = DeviceChoice::Auto;
    out.threads = o.value("threads").toInt(out.threads);
    out.logEvery = o.value("log_every").toInt(out.logEvery);
    out.testEvery = o.value("test_every").toInt(out.testEvery);
    out.probeImages = o.value("probe_images").toInt(out.probeImages);
    *c = out;
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
    try {
        Session session(*this, config_, paused_, stopRequested_);
        ok = session.run(&error);
        best = session.bestTestError();
    } catch (const std::exception& e) {
        error = Training::failedWith(QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0));
    }
    if (!ok) {
        writeStatus(config_.runDir, RunState::Failed, best, error);
        Q_EMIT failed(error);
    }
}

void Trainer::startInThread() {
    auto* thread = new QThread;
    Trainer* trainer = this;
    trainer->moveToThread(thread);
    QObject::connect(thread, &QThread::started, trainer, &Trainer::run);
    // Direct: quit() is thread-safe, and the receiving thread's event loop may already be gone.
    QObject::connect(trainer, &Trainer::finished, thread, &QThread::quit, Qt::DirectConnection);
    QObject::connect(trainer, &Trainer::failed, thread, &QThread::quit, Qt::DirectConnection);
    QObject::connect(thread, &QThread::finished, trainer, &QObject::deleteLater);
    QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
}

}  // namespace rx
