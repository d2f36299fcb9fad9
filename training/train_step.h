// One SGD iteration as the trainer runs it, written once: the training session, the time
// estimate of the Train panel (measureTrainingStep) and bench_training all run this class, so the
// benchmark measures what a user's run does. Include only from .cpp files of torch targets.
#pragma once

#include "network.h"
#include "trainer.h"

#include "torch_api.h"

#include <functional>

namespace rx {

class DataParallel;

// Dynamic loss scaling for fp16 training, as PyTorch's GradScaler: the backward pass runs on the
// loss times scale(); unscale() divides the gradients by it and tells whether they are all finite
// (else the step is skipped); update() halves the scale after an overflow and doubles it after
// `growthInterval` good steps in a row.
class LossScaler {
public:
    explicit LossScaler(double initial = 65536.0, int growthInterval = 2000);
    torch::Tensor scaled(const torch::Tensor& loss) const { return loss * scale_; }
    bool unscale(const std::vector<torch::Tensor>& parameters);  // one host synchronisation
    void update(bool finite);
    double scale() const { return scale_; }

private:
    double scale_;
    int growthInterval_;
    int good_ = 0;
};

class TrainStep {
public:
    // Puts the conv weights in channels-last memory (the layout the convolutions run fastest
    // on, with trainingBatch's channels-last input); `model` and `optimizer` stay the caller's.
    // Precision::Bf16 (Fp16) runs the forward pass under bf16 (fp16) autocast on the input's
    // device (the caller checks that the device has it: TrainConfig's precision note); fp16
    // also scales the loss (LossScaler).
    // With `parallel` (a rank of a data-parallel training) the gradients are summed over the
    // ranks between the backward pass and the update (DataParallel's buckets).
    TrainStep(Network& model, torch::optim::SGD& optimizer, Precision precision = Precision::Fp32,
              DataParallel* parallel = nullptr);

    // Forward in training mode, cross-entropy, backward, `beforeUpdate` (may read the
    // gradients: the gradient norms), SGD update with learning rate `lr`. The gradients start
    // from none, not from zeros. The loss and the error count are summed on the device: no host
    // synchronisation (the GPU runs ahead) until totals() is read. `iteration` names the first
    // non-finite loss. In a data-parallel training x and y are this rank's shard of a global
    // batch of `globalBatch` images: the loss is scaled by shard / global batch, so that the sum
    // of the ranks' gradients is the global batch's mean-loss gradient; the caller has called
    // DataParallel::beginStep.
    void run(int iteration, const torch::Tensor& x, const torch::Tensor& y, double lr,
             const std::function<void()>& beforeUpdate = {}, int64_t globalBatch = 0);

    // What the steps since the last reset() added up: one host synchronisation.
    struct Totals {
        double lossSum = 0;  // summed over images
        double errors = 0;
        double images = 0;
        int iterations = 0;
        int firstNonFinite = 0;         // the first iteration with a non-finite loss, 0 when none
        double firstNonFiniteLoss = 0;  // its loss (NaN or ±infinity)
        double meanLoss() const { return images > 0 ? lossSum / images : 0; }
    };
    Totals totals() const;
    void reset();

private:
    Network& model_;
    torch::optim::SGD& optimizer_;
    Precision precision_;
    DataParallel* parallel_;
    LossScaler scaler_;
    std::vector<torch::Tensor> parameters_;
    torch::Tensor lossSum_, errors_, firstNonFinite_, firstNonFiniteLoss_;  // on the device
    double images_ = 0;
    int iterations_ = 0;
};

}  // namespace rx
