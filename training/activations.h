// The activation viewer's data: for one test image, what each block of a trained network takes
// in (x), what its residual branch adds (F(x)) and what it passes on (its output: x + F(x), after
// the ReLU where the kind has one), as feature maps; with the image and the net's top classes.
// A plain block has no branch apart from its path, so it reports its input and output only. The
// CLI's `analyze activations` and the Insights tab's activation view compute it; its result
// lives in RUN_DIR/activations.json. No torch here: activations.cpp.
#pragma once

#include "predictions.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QVector>

#include <memory>

namespace rx {

// One tensor of C feature maps, H × W each, row-major (channel, row, column).
struct FeatureMaps {
    int channels = 0, height = 0, width = 0;
    QVector<float> values;
    bool isEmpty() const { return values.isEmpty(); }
    float at(int c, int y, int x) const { return values[(qsizetype(c) * height + y) * width + x]; }
    double norm() const;  // Frobenius norm over every map
};

// The three taps of a block; which ones the viewer shows.
enum class ActivationTap { Input, Residual, Output };
inline constexpr ActivationTap kActivationTaps[] = {ActivationTap::Input, ActivationTap::Residual,
                                                    ActivationTap::Output};

struct BlockActivations {
    QString name;               // "layer1.0"
    bool residual = true;       // has a shortcut (else `branch` is empty)
    bool downsampling = false;  // changes the shape
    FeatureMaps input, branch, output;
    // The block's colour scale, shared by its taps: values are drawn over [−scale, scale]. The
    // 99.5th percentile of |value| over the block's taps, so that a few outliers do not wash the
    // rest out (larger values are drawn at the end of the scale).
    float scale = 1;
    const FeatureMaps& tap(ActivationTap tap) const;
    // ‖F(x)‖ / ‖x‖ for this image (Jastrzębski et al. 2018's residual ratio); NaN for a plain
    // block, or where x's shape differs from F(x)'s (then the shortcut's norm is used).
    double residualRatio = 0;
};

struct ActivationSnapshot {
    QString architecture;           // the spec's name ("resnet-20")
    int image = 0;                  // index in the test set (test_batch.bin)
    int label = 0;                  // its true class
    QByteArray pixels;              // 3 × 32 × 32 uint8 channel planes, as in the file
    QVector<ClassProbability> top;  // the three most probable classes
    QVector<BlockActivations> blocks;

    bool isResidual() const;  // any block has a shortcut
    QJsonObject toJson() const;
    // False with a message when `json` is not an activation snapshot.
    static bool fromJson(const QJsonObject& json, ActivationSnapshot* snapshot, QString* error);
};

inline constexpr int kActivationTop = 3;

// A trained network and the test set, loaded once, then probed image by image (the viewer keeps
// one open while its run is shown). Not thread-safe: use it from one thread.
class ActivationProbe {
public:
    ActivationProbe();
    ~ActivationProbe();
    // Loads the weights (a run folder, a checkpoint or an export: loadTrainedModel) and the test
    // set of `dataDir`. False with a message when either cannot be read.
    bool open(const QString& weights, const QString& dataDir, QString* error, int threads = 0);
    bool isOpen() const;
    QString weights() const;
    int images() const;  // test images (10000), 0 when not open
    // The activations for test image `image` (0 … images()−1). False with a message when the
    // index is out of range or the forward pass fails.
    bool compute(int image, ActivationSnapshot* snapshot, QString* error);

private:
    struct State;
    std::unique_ptr<State> state_;
};

// RUN_DIR/activations.json (kRunActivationsFile), written atomically; and read back (`path`: the
// run folder or the file).
bool writeActivations(const QString& runDir, const ActivationSnapshot& snapshot, QString* error);
bool readActivations(const QString& path, ActivationSnapshot* snapshot, QString* error);

}  // namespace rx
