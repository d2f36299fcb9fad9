// LibTorch side of training: the dataset held on the device, normalisation, seeded augmentation
// by tensor ops, Fig. 7 responses and gradient norms, checkpoints. Include only from .cpp files of
// torch targets.
#pragma once

#include "cifar10.h"
#include "network.h"
#include "trainer.h"

#include <torch/torch.h>

namespace rx {

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

// 4-pixel zero pad, random 32×32 crop and random horizontal flip, per image, as batched tensor
// ops on the batch's device.
torch::Tensor augment(const torch::Tensor& batch, at::Generator& generator);

// Mean loss and error % of `model` on a whole split (eval mode, batches of 500); `logits`, when
// given, receives every image's logits on the CPU, in split order.
struct SplitEvaluation {
    double loss = 0;
    double error = 0;
};
SplitEvaluation evaluateSplit(Network& model, const DeviceSplit& split, const Normalizer& norm,
                              torch::Tensor* logits = nullptr);

// The std of every response layer's output over the probe images (eval mode, population std over
// all elements), in Network::responseLayers() order.
std::vector<double> layerResponseStd(Network& model, const torch::Tensor& probe,
                                     int64_t batchSize = 250);

// L2 norm of the gradient of every conv and fc weight, named like the layer ("layer1.0.conv1").
void gradientNorms(Network& model, QStringList* layers, QVector<double>* norms);

// A checkpoint or a libtorch export: model, input normalisation and, for checkpoints, the
// optimizer, iteration and RNG state. Written atomically.
struct Checkpoint {
    int iteration = 0;
    torch::Tensor inputMean, inputStd;
};
bool saveCheckpoint(const QString& path, Network& model, torch::optim::Optimizer* optimizer,
                    const Checkpoint& info, QString* error);
bool loadCheckpoint(const QString& path, Network& model, torch::optim::Optimizer* optimizer,
                    Checkpoint* info, QString* error);

// A trained model loaded from a checkpoint or a libtorch export, with the architecture found
// beside it (FILE.resnet.json, or architecture.resnet.json in the same folder).
struct LoadedModel {
    NetworkSpec spec;
    Network model{nullptr};
    Checkpoint info;
};
bool loadTrainedModel(const QString& weightsPath, LoadedModel* loaded, QString* error);

// The GPU's name (e.g. "NVIDIA A100-SXM4-40GB") with a CUDA LibTorch; empty otherwise.
QString cudaDeviceName(int index = 0);

// CPU, or CUDA when asked for (or on Auto when LibTorch sees a GPU). False with a message when
// CUDA is asked for but not available.
bool chooseDevice(DeviceChoice choice, torch::Device* device, QString* description, QString* error);

}  // namespace rx
