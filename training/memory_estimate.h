// How much memory a training run needs, estimated before it starts from the network's analysis
// and the settings (no torch: the Train panel computes it on the UI thread), the memory the
// device has available, and the one check that refuses a run that will not fit (the trainer's
// prepare step, before it writes anything, and the GUI's Start, before it makes the run folder).
#pragma once

#include "analysis.h"
#include "trainer.h"

#include <QString>

#include <algorithm>
#include <exception>

namespace rx {

// One training run's memory on its device, each part in bytes. A training step and an
// evaluation (the test set's forward passes, the probe's backward pass) never run at the same
// time: the total takes the larger.
struct MemoryEstimate {
    qint64 weights = 0;         // parameters and BN statistics (+ autocast's 16-bit copies)
    qint64 gradients = 0;       // one per parameter
    qint64 optimizerState = 0;  // SGD's momentum buffers
    // The peak of one training step's backward pass: what autograd keeps of the forward pass
    // (every conv and BN output; the ReLUs and additions run in place), the batch, and the
    // gradients in flight at that layer, plus the own Winograd kernels' transformed weights.
    qint64 activations = 0;
    qint64 workspace = 0;   // the own conv kernels' per-thread buffers (outside the allocator)
    qint64 evaluation = 0;  // the larger of a test batch's forward pass and the probe's backward
    qint64 dataset = 0;     // the uint8 images and int64 labels held on the device, the probe
    qint64 loading = 0;     // the files' bytes while they are read (host only; freed before)
    qint64 framework = 0;   // stated allowance: allocator slack, oneDNN / cuDNN buffers
    bool cuda = false;

    // What the tensor allocator holds at a step's peak (the figure tst_memory measures).
    qint64 stepTensors() const { return weights + gradients + optimizerState + activations; }
    qint64 total() const;
};

// `config`'s run of the analysed network (analysis.ok()) on the CPU or on CUDA (config.threads:
// the CPU threads whose kernel buffers count, 0 every core).
MemoryEstimate estimateTrainingMemory(const Analysis& analysis, const TrainConfig& config,
                                      bool cuda);

// Bytes the host can still give: MemAvailable of /proc/meminfo, lowered to what the cgroup's
// limit (memory.max − memory.current) leaves when one is set; -1 when unknown. No torch.
qint64 availableHostMemory();
// The GPU's free memory (cudaMemGetInfo) with a CUDA LibTorch; -1 without one or without a GPU.
// Runs torch code: never on the UI thread.
qint64 availableCudaMemory(int device = 0);

// availableCudaMemory() or availableHostMemory(): what a run on that device can have.
qint64 availableMemory(bool cuda);

// Whether `e` is LibTorch's out-of-memory error (c10::OutOfMemoryError, which the CUDA
// allocator throws, or the CPU allocator's c10::Error "not enough memory").
bool isOutOfMemory(const std::exception& e);

// Whether `config` trains on CUDA: asked for, or automatic and a GPU is there.
inline bool trainsOnCuda(DeviceChoice choice, bool cudaAvailable) {
    return choice == DeviceChoice::Cuda || (choice == DeviceChoice::Auto && cudaAvailable);
}

// The most images a forward pass of the trainer's probe takes (pipeline.h's kProbeBatchSize,
// asserted equal).
inline constexpr int kEstimatedProbeBatch = 250;

// Images per forward pass of `config`'s probe: no more than a training batch, so that the probe's
// backward pass (eval mode, every block tapped) needs about what a training step needs, not
// several times that (resnet-20 at batch 32: 0.1 GB rather than 0.7 GB every probe).
inline int probeBatchSize(const TrainConfig& config) {
    return config.batchSize < 1 ? 1 : std::min(config.batchSize, kEstimatedProbeBatch);
}

// "1.2 GB" (base 1024, the locale's digits).
QString memoryText(qint64 bytes);

// The one check before a run starts: true when `config`'s estimate fits into `available` bytes
// (or when `available` is unknown, < 0); else false with a message giving the estimate, its
// largest parts and the available memory. `estimate`, when given, receives the estimate.
bool checkTrainingMemory(const TrainConfig& config, bool cuda, qint64 available, QString* error,
                         MemoryEstimate* estimate = nullptr);

}  // namespace rx
