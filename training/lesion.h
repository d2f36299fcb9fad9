// The lesion study of Veit, Wilber and Belongie (2016), "Residual Networks Behave Like Ensembles
// of Relatively Shallow Networks": the test error of a trained net with one block left out, for
// every block, and with k random blocks left out at once, k = 1…n. A left-out residual block
// passes its shortcut on; a left-out plain block passes its input on, which only a block keeping
// its input's shape can (Block::canLesion). The CLI's `analyze lesion` and the Insights tab's
// lesion view run it; its result lives in RUN_DIR/lesion.json. No torch here: lesion.cpp.
#pragma once

#include <QJsonObject>
#include <QString>
#include <QVector>

#include <atomic>
#include <functional>

namespace rx {

// Test images a lesioned net is evaluated on by default: 1000 images spread over the classes
// give the error to about ±1 percentage point (the binomial standard error at 10 % error), far
// finer than the effects measured (a few points for a residual block, 80 for a plain one), and
// keep a ResNet-56 study (about 300 evaluations) within minutes on a CPU.
inline constexpr int kLesionDefaultImages = 1000;
// Random subsets drawn for each k (all of them when there are fewer).
inline constexpr int kLesionDefaultTrials = 10;
// The error of guessing among CIFAR-10's ten classes, %: where a broken net ends.
inline constexpr double kChanceErrorPercent = 90.0;

struct LesionOptions {
    QString dataDir;                    // the CIFAR-10 folder (its test_batch.bin is used)
    int images = kLesionDefaultImages;  // test images spread over the set; ≤ 0: all 10000
    int trials = kLesionDefaultTrials;  // random subsets per k
    quint64 seed = 1;                   // of the random subsets
    int threads = 0;                    // CPU threads; 0 = every core
    // Checked before every batch (may be null): a cancelled study returns false.
    const std::atomic<bool>* cancel = nullptr;
    // Called after every batch on the computing thread: images evaluated so far over all the
    // study's evaluations, and their total.
    std::function<void(qint64 done, qint64 total)> onProgress;
};

// One block of the network and the test error with it left out.
struct LesionBlock {
    QString name;               // "layer1.0"
    bool residual = true;       // has a shortcut
    bool downsampling = false;  // changes the shape (stride 2 or more channels)
    bool removable = true;      // Block::canLesion; a plain downsampling block is not
    double error = -1;          // %, −1 when not removable
    double loss = -1;
};

// k blocks left out at once: the removed blocks' indices and the error, per trial.
struct LesionSubset {
    QVector<int> removed;
    double error = 0;  // %
};
struct LesionRandom {
    int k = 0;
    QVector<LesionSubset> trials;
    double mean() const;
    double min() const;
    double max() const;
};

struct LesionStudy {
    QString architecture;  // the spec's name ("resnet-20")
    int images = 0;        // test images evaluated
    int trials = 0;
    quint64 seed = 1;
    double seconds = 0;        // the study's computing time
    double baselineError = 0;  // %, nothing removed
    double baselineLoss = 0;
    QVector<LesionBlock> blocks;   // in forward order
    QVector<LesionRandom> random;  // k = 1…removable blocks

    int removableCount() const;
    // Whether the net has shortcuts (any residual block).
    bool isResidual() const;
    QJsonObject toJson() const;
    // False with a message when `json` is not a lesion study.
    static bool fromJson(const QJsonObject& json, LesionStudy* study, QString* error);
};

// Runs the study on a trained run (a run folder, a checkpoint or an export: loadTrainedModel).
// False with a message when the weights or the data cannot be read, or when cancelled.
bool runLesionStudy(const QString& weights, const LesionOptions& options, LesionStudy* study,
                    QString* error);

// RUN_DIR/lesion.json (kRunLesionFile), written atomically; and read back.
bool writeLesionStudy(const QString& runDir, const LesionStudy& study, QString* error);
bool readLesionStudy(const QString& path, LesionStudy* study, QString* error);

}  // namespace rx
