// The trainer: a QObject worker that runs in its own QThread and talks to the UI only through
// queued signals carrying the plain structs of metrics.h. pause(), resume() and stop() are
// atomics, safe to call from any thread; each takes effect within one iteration.
// No torch here: the LibTorch code lives in trainer.cpp.
#pragma once

#include "metrics.h"
#include "run_folder.h"
#include "spec.h"

#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QVector>

#include <atomic>

class QThread;

namespace rx {

enum class LrSchedule { Paper, MultiStep, Cosine };
enum class Normalization { PerChannel, PerPixelMean };
enum class DeviceChoice { Auto, Cpu, Cuda };

// The paper's recipe (§4.2) as defaults.
struct TrainConfig {
    NetworkSpec spec;
    QString dataDir;     // folder holding the CIFAR-10 .bin files
    QString runDir;      // architecture, settings, metrics.jsonl, checkpoint.pt
    int epochs = 0;      // > 0: stop after this many epochs
    int iterations = 0;  // > 0: stop after this many iterations (wins over epochs)
    int batchSize = 128;
    double learningRate = 0.1;
    double momentum = 0.9;
    double weightDecay = 1e-4;
    bool nesterov = false;
    LrSchedule schedule = LrSchedule::Paper;
    QVector<int> milestones;  // multistep: epochs where lr ÷ 10 (default 50 % and 75 %)
    // Warm-up (the paper's ResNet-110): lr = warmupLr until the training error falls below 80 %
    // or for at most warmupIterations iterations; 0 turns it off.
    int warmupIterations = 0;
    double warmupLr = 0.01;
    Normalization normalization = Normalization::PerChannel;
    bool augment = true;
    bool validationSplit = false;  // train on 45k, test on the last 5k training images
    int trainSubset = 0;           // > 0: use only the first N training images
    int testSubset = 0;            // > 0: use only the first N test images
    quint64 seed = 1;
    DeviceChoice device = DeviceChoice::Auto;
    int threads = 0;        // CPU threads; 0 = LibTorch's default
    int logEvery = 50;      // K: train metrics and gradient norms every K iterations
    int testEvery = 0;      // M: test every M iterations; 0 = every epoch
    int probeImages = 500;  // test images for the Fig. 7 responses
    bool resume = false;    // continue from runDir/checkpoint.pt

    QJsonObject toJson() const;  // settings only; the spec goes to architecture.resnet.json
    static bool fromJson(const QJsonObject& json, TrainConfig* config, QString* error);
};

QString scheduleId(LrSchedule schedule);
bool scheduleFromId(const QString& id, LrSchedule* schedule);

// What the trainer tells when it starts.
struct TrainingStart {
    QString device;  // "CPU" or "CUDA (…)"
    int startIteration = 0;
    int totalIterations = 0;
    int iterationsPerEpoch = 0;
    int trainImages = 0;
    int testImages = 0;
    qint64 parameters = 0;
};

// "CUDA" when LibTorch has a usable GPU, else "CPU".
QString availableDevice();

class Trainer : public QObject {
    Q_OBJECT

public:
    explicit Trainer(TrainConfig config, QObject* parent = nullptr);
    ~Trainer() override;

    const TrainConfig& config() const { return config_; }

    // Thread-safe; take effect within one iteration.
    void pause() { paused_ = true; }
    void resume() { paused_ = false; }
    void stop() { stopRequested_ = true; }
    bool isPaused() const { return paused_; }

    // Runs the training in the calling thread until done, stopped or failed; the usual caller is
    // QThread::started of the thread this object was moved to (see startInThread).
    void run();

    // Moves this trainer (created without parent, signals already connected) to a new QThread
    // and starts it there; trainer and thread delete themselves when the run ends.
    void startInThread();

Q_SIGNALS:
    void started(const rx::TrainingStart& info);
    void trainMetrics(const rx::TrainMetrics& metrics);
    void testMetrics(const rx::TestMetrics& metrics);
    void layerResponses(const rx::LayerResponses& responses);
    void gradientNorms(const rx::GradientNorms& norms);
    void progress(const rx::TrainingProgress& progress);
    void pausedAt(int iteration);
    void checkpointSaved(const QString& path, int iteration);
    // The run ended: completed (all iterations done) or stopped by the user.
    void finished(int iteration, bool completed);
    // The run could not go on: bad data, NaN loss, disk full… (the last good checkpoint stays).
    void failed(const QString& message);

private:
    TrainConfig config_;
    std::atomic<bool> paused_{false};
    std::atomic<bool> stopRequested_{false};
};

}  // namespace rx

Q_DECLARE_METATYPE(rx::TrainingStart)
