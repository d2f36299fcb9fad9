// The paper's experiments as data (Fig. 6 degradation, Fig. 7 layer responses, shortcut options
// A/B/C, the Table 6 depth series): one row of kExperiments each, with its networks (presets),
// the paper's numbers, its explanation and the recipe of its quick CPU variant. planExperiment()
// turns a row into the runs to train; ExperimentRunner trains them one after another into one
// folder, resumable, and keeps DIR/summary.json up to date. The CLI's `experiment` command and
// the GUI's Experiments menu both read this table. No torch here.
//
//   DIR/summary.json   {"experiment", "quick", "seed", "complete", "runs": [{"name", "arch",
//                      "dir", "iterations", "state", "final_train_error", "final_test_error",
//                      "paper_test_error"}]}  (errors as fractions, null when there is none)
//   DIR/<name>/        one run folder per network (run_folder.h), named after its preset
//   DIR/figure.png|pdf the experiment's figure (plots/experiment_figure.h)
#pragma once

#include "trainer.h"

#include <QObject>
#include <QString>
#include <QVector>

#include <limits>
#include <memory>
#include <optional>
#include <span>

namespace rx {

class TrainerThread;

inline constexpr double kNoPaperValue = std::numeric_limits<double>::quiet_NaN();

struct ExperimentNet {
    const char* preset;     // a preset name (model/presets.h): the run's name and folder
    double paperTestError;  // %, the paper's figure, or kNoPaperValue
    bool inQuick;           // also trained by the quick variant
    int warmupIterations;   // the paper's ResNet-110 warm-up (lr 0.01 until error < 80 %), or 0
};

// What the experiment's figure shows (drawn by the dashboard's own plot classes).
enum class ExperimentFigure {
    ErrorCurves,     // Fig. 6: training (thin) and test (bold) error; plain and residual apart
    LayerResponses,  // Fig. 7: the std of each layer's response, in layer order and sorted
};

// How the quick CPU variant differs from the paper's recipe (which the full variant follows).
struct QuickRecipe {
    int iterations;   // per network
    int trainSubset;  // training images (spread over the set)
    int testEvery;    // iterations between test evaluations (on the whole test set)
    int logEvery;     // iterations per training-error point (the final error is the last one's)
    // One rate for the whole of a run this short. Mostly the paper's warm-up rate (ResNet-110
    // starts at 0.01): at 0.1 a deep ResNet's first steps can throw it back for longer than the
    // run lasts (measured: resnet-56, seed 1, 88 % training error after 200 iterations at 0.1,
    // 70 % after 100 at 0.01). Fig. 7's responses only part at the paper's 0.1, so that
    // experiment's quick variant uses 0.1 with the 20-layer nets.
    double learningRate;
};

struct ExperimentInfo {
    const char* id;           // "degradation": the CLI's NAME and the folder's summary
    const char* title;        // QT_TRANSLATE_NOOP("rx::Experiments", …)
    const char* explanation;  // what to look for; QT_TRANSLATE_NOOP("rx::Experiments", …)
    std::span<const ExperimentNet> nets;
    ExperimentFigure figure;
    QuickRecipe quick;
};

std::span<const ExperimentInfo> experiments();
const ExperimentInfo* findExperiment(const QString& id);
QString experimentTitle(const ExperimentInfo& info);        // translated
QString experimentExplanation(const ExperimentInfo& info);  // translated
// The label of the variant, as the UI and every output show it: "quick (CPU)" or "full".
QString experimentVariantText(bool quick);
// How the quick variant differs from the paper: "4 networks · 250 iterations · 20,000 images".
QString quickRecipeText(const ExperimentInfo& info);

struct PlannedRun {
    QString name;  // the preset's name, also the folder under the experiment's DIR
    double paperTestError = kNoPaperValue;
    TrainConfig config;  // spec, runDir, data, recipe
};

struct ExperimentPlan {
    const ExperimentInfo* info = nullptr;
    bool quick = false;
    quint64 seed = 1;
    QString dir;
    QVector<PlannedRun> runs;
};

struct ExperimentOptions {
    bool quick = false;
    QString dir;
    QString dataDir;
    int threads = 0;  // 0: every core
    quint64 seed = 1;
    DeviceChoice device = DeviceChoice::Auto;
    int iterations = 0;  // > 0: instead of the variant's iterations per network
};

// The runs of `info` in table order: the quick variant's networks and recipe, or all networks
// with the paper's (TrainConfig's defaults).
ExperimentPlan planExperiment(const ExperimentInfo& info, const ExperimentOptions& options);

// Estimated seconds for a plan on the machine: `secondsPerMac` is the measured cost of one
// training iteration per multiply-accumulate of a network (measureTrainingStep / MACs); test
// evaluations and probes count as forward passes (a third of a training step per image).
double estimateExperimentSeconds(const ExperimentPlan& plan, double secondsPerMac);
// Trains `spec` for a few iterations on random data with `config`'s device and threads and
// returns the median seconds of the `steps` iterations after the first (which warms up), or a
// negative value with a message. Blocks: call it off the UI thread. In trainer.cpp (torch).
double measureTrainingStep(const NetworkSpec& spec, const TrainConfig& config, QString* deviceName,
                           QString* error, int steps = 5);
// The seconds per MAC of one training iteration, from a measured step of resnet-20.
double measureSecondsPerMac(const TrainConfig& config, QString* deviceName, QString* error);

// One run's outcome as the summary shows it.
struct ExperimentRunResult {
    QString name, arch, dir;
    int iterations = 0;  // planned
    std::optional<RunState> state;
    int lastIteration = 0;
    std::optional<double> finalTrainError;  // fraction, of the last train record
    std::optional<double> finalTestError;   // fraction, of the last test record
    std::optional<double> paperTestError;   // fraction
    int skippedMetricLines = 0;             // damaged lines of its metrics.jsonl
};

struct ExperimentSummary {
    QString experiment;
    bool quick = false;
    quint64 seed = 1;
    bool complete = false;
    QVector<ExperimentRunResult> runs;
};

inline constexpr const char* kExperimentSummaryFile = "summary.json";

// The plan's results as they stand in its run folders.
ExperimentSummary summarizeExperiment(const ExperimentPlan& plan);
bool writeExperimentSummary(const QString& dir, const ExperimentSummary& summary, QString* error);
// DIR/summary.json; false with a message naming the file and the field when it is not one.
bool readExperimentSummary(const QString& dir, ExperimentSummary* summary, QString* error);

// Trains the runs of a plan one after another in its own threads (one at a time): a finished run
// is kept, a stopped or interrupted one resumes from its checkpoint, the others start afresh.
// summary.json is written before the first run and after each. Created, used and destroyed on
// one thread (the CLI's main, the UI thread); its signals come on that thread.
class ExperimentRunner : public QObject {
    Q_OBJECT

public:
    explicit ExperimentRunner(ExperimentPlan plan, QObject* parent = nullptr);
    ~ExperimentRunner() override;  // stops the current run and waits for it

    const ExperimentPlan& plan() const { return plan_; }
    // Checks the folder (a folder holding another experiment, or this one without `resume`, is
    // refused with a message), writes summary.json and starts the first run not finished.
    bool start(bool resume, QString* error);
    // Stops the current run (its checkpoint is kept, so --resume continues it) and the queue.
    void stop();
    bool isRunning() const { return current_ >= 0; }
    int currentIndex() const { return current_; }
    Trainer* currentTrainer() const;

Q_SIGNALS:
    // Run `index` of the plan starts (connect to the trainer's signals here; they are queued).
    void runStarted(int index, rx::Trainer* trainer);
    void runSkipped(int index);  // already finished in an earlier session
    void runEnded(int index, rx::RunState state, const QString& message);
    // The queue ended: every run finished (completed), or it was stopped or a run failed.
    void finished(bool completed);

private:
    void startNext();
    void onRunEnded(RunState state, const QString& message);

    ExperimentPlan plan_;
    int current_ = -1;
    int next_ = 0;
    bool stopping_ = false;
    std::unique_ptr<TrainerThread> thread_;
};

}  // namespace rx
