// LibTorch side of training: the dataset held on the device, normalisation, seeded augmentation
// by tensor ops, Fig. 7 responses and gradient norms, checkpoints. Include only from .cpp files of
// torch targets.
#pragma once

#include "augmentation.h"
#include "cifar10.h"
#include "network.h"
#include "trainer.h"

#include "torch_api.h"

#include <atomic>
#include <functional>
#include <optional>
#include <utility>

namespace rx {

// The first line of an exception's message (c10::Error adds a C++ backtrace after it).
QString errorText(const std::exception& e);

// A generator whose state depends only on (seed, stream, index): a resumed run draws the same
// numbers as an uninterrupted one without saving generator state.
at::Generator makeGenerator(quint64 seed, quint64 stream, quint64 index);

// Images as one uint8 tensor [N, 3, 32, 32] and labels as int64 [N], on the device.
struct DeviceSplit {
    torch::Tensor images;
    torch::Tensor labels;
    int64_t size() const { return labels.defined() ? labels.size(0) : 0; }
};
DeviceSplit toDevice(const CifarSplit& split, int64_t first, int64_t count, torch::Device device);

// Maps uint8 images to the network input: x/255, then (x − mean) / std with per-channel mean/std
// ([3,1,1]) or the paper's per-pixel mean ([3,32,32], std 1).
struct Normalizer {
    torch::Tensor mean;
    torch::Tensor std;
    static Normalizer fit(const torch::Tensor& images, Normalization mode);
    torch::Tensor operator()(const torch::Tensor& images) const;
};

// kAugmentPad-pixel zero pad, random crop of the input's size and random horizontal flip, per
// image, as batched tensor ops on the batch's device (augmentation.h names the parameters).
torch::Tensor augment(const torch::Tensor& batch, at::Generator& generator);

// The training batch of the images at `index` (int64, on the split's device): normalised by
// `norm`, and augmented with `generator`'s draws unless it is null, as a float [B, 3, 32, 32]
// tensor in channels-last memory (what the convolutions run fastest on). Element for element equal
// to augment(norm(split.images.index_select(0, index)), *generator), drawing the same numbers; on
// the CPU it is one pass over each image's bytes (gather, normalise, crop, flip) on every core
// instead of seven tensor ops, elsewhere those tensor ops on the device.
// `rows` [first, first + count), when given, keeps only those rows of the batch (a data-parallel
// rank's shard), drawn as the whole batch draws them: the rows the whole batch would hold.
torch::Tensor trainingBatch(const DeviceSplit& split, const torch::Tensor& index,
                            const Normalizer& norm, at::Generator* generator,
                            std::optional<std::pair<int64_t, int64_t>> rows = std::nullopt);

// How a long evaluation can be cut short: `cancel` (may be null) is checked before every batch;
// `onBatch(done, total)` (may be empty) runs after every batch with the images done so far.
struct BatchControl {
    const std::atomic<bool>* cancel = nullptr;
    std::function<void(int64_t done, int64_t total)> onBatch;
    bool cancelled() const { return cancel && cancel->load(); }
};

// Mean loss and error % of `model` on a whole split (inference mode, eval mode, `batchSize`
// images a forward pass); `logits`, when given, receives every image's logits on the CPU, in
// split order. `lesioned[i]` leaves block i out (ForwardProbe; the lesion study). A cancelled
// evaluation returns complete = false and no logits.
struct SplitEvaluation {
    double loss = 0;
    double error = 0;
    int64_t images = 0;  // evaluated before the end or the cancel
    bool complete = true;
};
SplitEvaluation evaluateSplit(Network& model, const DeviceSplit& split, const Normalizer& norm,
                              int64_t batchSize, torch::Tensor* logits = nullptr,
                              const BatchControl& control = {},
                              const std::vector<bool>& lesioned = {});

// Probe images a forward pass for the Fig. 7 responses.
inline constexpr int64_t kProbeBatchSize = 250;

// The std of every response layer's output over the probe images (eval mode, population std over
// all elements), in Network::responseLayers() order; empty when cancelled.
std::vector<double> layerResponseStd(Network& model, const torch::Tensor& probe,
                                     int64_t batchSize = kProbeBatchSize,
                                     const BatchControl& control = {});

// Each block's residual ratio and activation gradient (BlockDynamics, metrics.h) on the probe
// images `probe` with their `labels` (eval mode: BN uses its running statistics; the weights'
// gradients are left as they were), and from the same forward passes the Fig. 7 responses as
// layerResponseStd gives them. Empty vectors when cancelled.
struct BlockDynamicsValues {
    std::vector<double> responseStd;         // layerResponseStd's values
    std::vector<double> residualRatio;       // NaN for plain blocks
    std::vector<double> activationGradient;  // ‖∂L/∂y‖, L the mean loss over all probe images
};
BlockDynamicsValues blockDynamics(Network& model, const torch::Tensor& probe,
                                  const torch::Tensor& labels, int64_t batchSize = kProbeBatchSize,
                                  const BatchControl& control = {});

// L2 norm of the gradient of every conv and fc weight, named like the layer ("layer1.0.conv1").
void gradientNorms(Network& model, QStringList* layers, QVector<double>* norms);

// A checkpoint or a libtorch export: model, input normalisation and, for checkpoints, the
// optimizer, iteration, RNG state and whether the warm-up had ended. Written atomically.
struct Checkpoint {
    int iteration = 0;
    torch::Tensor inputMean, inputStd;
    std::optional<bool> warmupDone;  // unknown in exports and in checkpoints of older versions
};
bool saveCheckpoint(const QString& path, Network& model, torch::optim::Optimizer* optimizer,
                    const Checkpoint& info, QString* error);
bool loadCheckpoint(const QString& path, Network& model, torch::optim::Optimizer* optimizer,
                    Checkpoint* info, QString* error);

// A trained model loaded from `weightsPath`: a run folder (its checkpoint.pt), a checkpoint, a
// libtorch export or a pytorch export (a pickled state_dict, loaded by name, strictly, with the
// normalisation from FILE.preprocessing.json when present). The architecture is `architecture`
// when given, else found beside the weights: FILE.resnet.json, or architecture.resnet.json in
// the same folder.
struct LoadedModel {
    NetworkSpec spec;
    Network model{nullptr};
    Checkpoint info;
};
bool loadTrainedModel(const QString& weightsPath, LoadedModel* loaded, QString* error,
                      const NetworkSpec* architecture = nullptr);

// The input normalisation trained weights were saved with, on `images`' device; weights saved
// without one get `images`' own per-channel statistics.
Normalizer savedNormalizer(const Checkpoint& info, const torch::Tensor& images);
// What every evaluation of saved weights starts from: the trained model on the device and
// `count` test images spread over the test set (spreadSample; all when count ≤ 0), normalised as
// in training (or, for weights without their normalisation, with the images' own per-channel
// statistics). Used by evaluateWeights (export.cpp) and the lesion study (lesion.cpp).
struct TestBench {
    LoadedModel loaded;
    CifarSplit sample;  // the test images evaluated, as read, in `split`'s order
    DeviceSplit split;
    Normalizer norm;
    torch::Device device{torch::kCPU};
};
// False with a message when the weights, the architecture or the test batch cannot be read;
// torch errors (out of memory…) are thrown as std::exception.
bool prepareTestBench(const QString& weights, const QString& dataDir, int count,
                      const NetworkSpec* architecture, TestBench* bench, QString* error);

// The GPU's name (e.g. "NVIDIA A100-SXM4-40GB") with a CUDA LibTorch; empty otherwise.
QString cudaDeviceName(int index = 0);

// CPU, or CUDA when asked for (or on Auto when LibTorch sees a GPU). False with a message when
// CUDA is asked for but not available.
bool chooseDevice(DeviceChoice choice, torch::Device* device, QString* description, QString* error);

}  // namespace rx
