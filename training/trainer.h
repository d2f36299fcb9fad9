// The trainer: a QObject worker that runs in its own QThread (TrainerThread owns both) and talks
// to the UI only through queued signals carrying the plain structs of metrics.h. pause(),
// resume() and stop() are atomics, safe to call from any thread; each takes effect within one
// iteration, and stop() also between the batches of a test or response probe.
// No torch here: the LibTorch code lives in trainer.cpp.
#pragma once

#include "distributed.h"
#include "enum_table.h"
#include "metrics.h"
#include "run_folder.h"
#include "spec.h"

#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QVector>

#include <atomic>

namespace rx {

// The paper's recipe (§4.2): 64k iterations, the learning rate ÷ 10 after 32k and 48k.
inline constexpr int kPaperIterations = 64000;
inline constexpr int kPaperLrDrops[] = {32000, 48000};
inline constexpr double kLrDropFactor = 0.1;

enum class LrSchedule { Paper, MultiStep, Cosine };
// The paper entry's text has %1 and %2 for the drops (scheduleText fills them in).
inline constexpr EnumEntry<LrSchedule> kSchedules[] = {
    {LrSchedule::Paper, "paper", QT_TRANSLATE_NOOP("rx::LrSchedule", "paper: ÷10 at %1 and %2")},
    {LrSchedule::MultiStep, "multistep",
     QT_TRANSLATE_NOOP("rx::LrSchedule", "multi-step: ÷10 at 50 % and 75 %")},
    {LrSchedule::Cosine, "cosine", QT_TRANSLATE_NOOP("rx::LrSchedule", "cosine")},
};
QString scheduleText(LrSchedule schedule);

enum class Normalization { PerChannel, PerPixelMean };
inline constexpr EnumEntry<Normalization> kNormalizations[] = {
    {Normalization::PerChannel, "per_channel",
     QT_TRANSLATE_NOOP("rx::Normalization", "per-channel mean and std")},
    {Normalization::PerPixelMean, "per_pixel_mean",
     QT_TRANSLATE_NOOP("rx::Normalization", "per-pixel mean (the paper)")},
};
inline QString normalizationText(Normalization normalization) {
    return textOf(kNormalizations, normalization, "rx::Normalization");
}

enum class DeviceChoice { Auto, Cpu, Cuda };
inline constexpr EnumEntry<DeviceChoice> kDevices[] = {
    {DeviceChoice::Auto, "auto", QT_TRANSLATE_NOOP("rx::DeviceChoice", "automatic")},
    {DeviceChoice::Cpu, "cpu", QT_TRANSLATE_NOOP("rx::DeviceChoice", "CPU")},
    {DeviceChoice::Cuda, "cuda", QT_TRANSLATE_NOOP("rx::DeviceChoice", "CUDA")},
};
inline QString deviceText(DeviceChoice device) {
    return textOf(kDevices, device, "rx::DeviceChoice");
}

// The arithmetic of the training step: fp32, or bf16 / fp16 autocast (convolutions and matrix
// products in 16 bits; batch norm, the loss and the weights in fp32). On the CPU bf16 is offered
// only where it is native (cpu_features.h); fp16 (with loss scaling) only on a GPU. Tests and
// evaluations stay in fp32.
enum class Precision { Fp32, Bf16, Fp16 };
inline constexpr EnumEntry<Precision> kPrecisions[] = {
    {Precision::Fp32, "fp32", QT_TRANSLATE_NOOP("rx::Precision", "fp32")},
    {Precision::Bf16, "bf16", QT_TRANSLATE_NOOP("rx::Precision", "bf16 autocast")},
    {Precision::Fp16, "fp16", QT_TRANSLATE_NOOP("rx::Precision", "fp16 autocast (GPU)")},
};
inline QString precisionText(Precision precision) {
    return textOf(kPrecisions, precision, "rx::Precision");
}

// The training settings. The member initialisers are the defaults, named here once: the CLI's
// help, the dashboard's form and config.json all start from TrainConfig{}. They follow the
// paper's recipe (§4.2).
struct TrainConfig {
    NetworkSpec spec;
    QString dataDir;     // folder holding the CIFAR-10 .bin files
    QString runDir;      // architecture, settings, metrics.jsonl, checkpoint.pt
    int epochs = 0;      // > 0: stop after this many epochs
    int iterations = 0;  // > 0: stop after this many iterations (wins over epochs); else
                         // kPaperIterations
    int batchSize = 128;
    double learningRate = 0.1;
    double momentum = 0.9;
    double weightDecay = 1e-4;
    bool nesterov = false;
    LrSchedule schedule = LrSchedule::Paper;
    QVector<int> milestones;  // multistep: epochs where lr ÷ 10 (default 50 % and 75 %)
    // Warm-up (the paper's ResNet-110): lr = warmupLr until the running training error falls
    // below warmupUntilError % (0: never early) or for at most warmupIterations iterations;
    // warmupIterations 0 turns it off.
    int warmupIterations = 0;
    double warmupLr = 0.01;
    double warmupUntilError = 80.0;
    Normalization normalization = Normalization::PerChannel;
    bool augment = true;
    bool validationSplit = false;  // train on the rest, test on the last validationImages
    int validationImages = 5000;   // the paper's 45k/5k split (at most a tenth of the set)
    int trainSubset = 0;           // > 0: N training images spread over the set
    int testSubset = 0;            // > 0: N test images spread over the set
    quint64 seed = 1;
    DeviceChoice device = DeviceChoice::Auto;
    Precision precision = Precision::Fp32;
    int threads = 0;          // CPU threads; 0 = every core
    int logEvery = 50;        // K: train metrics and gradient norms every K iterations
    int testEvery = 0;        // M: test every M iterations; 0 = every epoch
    int testBatchSize = 500;  // images per forward pass when testing
    int probeImages = 500;    // test images for the Fig. 7 responses and the block dynamics
    int probeEvery = 100;     // Fig. 7 responses and block dynamics (residual ratio, activation
                              // gradient) every N iterations and at every epoch end, so the
                              // plots fill within the first minute; 0 = epoch ends only

    bool resume = false;  // continue from runDir/checkpoint.pt
    // One rank of a data-parallel training (distributed.h); batchSize is then the global batch.
    // Not part of config.json's settings (a run can go on with another number of processes).
    DistributedSettings distributed;

    QJsonObject toJson() const;  // settings only; the spec goes to architecture.resnet.json
    // Reads the settings `json` names over *config; every field present must be valid, else
    // false with a message naming the field ("batch: expected a positive integer, got a
    // string"). Keys it does not know (iterations_total, device_name…) are ignored.
    static bool fromJson(const QJsonObject& json, TrainConfig* config, QString* error);
    // Whether every setting is in range; false with the same kind of message as fromJson.
    bool validate(QString* error) const;
};

// A run folder's settings and architecture (config.json, architecture.resnet.json) for --resume;
// false with a message when either is missing or invalid.
bool loadRunConfig(const QString& runDir, TrainConfig* config, QString* error);

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

    // Thread-safe; take effect within one iteration (stop also within a test evaluation).
    void pause() { paused_ = true; }
    void resume() { paused_ = false; }
    void stop() { stopRequested_ = true; }

    // Runs the training in the calling thread until done, stopped or failed; the usual caller is
    // the thread of a TrainerThread.
    void run();

Q_SIGNALS:
    void started(const rx::TrainingStart& info);
    void trainMetrics(const rx::TrainMetrics& metrics);
    void testMetrics(const rx::TestMetrics& metrics);
    void layerResponses(const rx::LayerResponses& responses);
    void gradientNorms(const rx::GradientNorms& norms);
    void blockDynamics(const rx::BlockDynamics& blocks);
    void progress(const rx::TrainingProgress& progress);
    // During a test evaluation, after each batch: `images` of `total` test images done.
    void testProgress(int images, int total);
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
