#include "train_step.h"

#include "data_parallel.h"

#include <ATen/autocast_mode.h>
#include <torch/version.h>

namespace rx {

namespace {

// Autocast to `dtype` on `device` for the guard's lifetime (thread-local, as PyTorch's
// torch.autocast). LibTorch 2.4 replaced the per-device setters by ones taking the device type.
class AutocastGuard {
public:
    AutocastGuard(const torch::Device& device, at::ScalarType dtype) : cuda_(device.is_cuda()) {
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
        const at::DeviceType type = device.type();
        wasEnabled_ = at::autocast::is_autocast_enabled(type);
        wasType_ = at::autocast::get_autocast_dtype(type);
        at::autocast::set_autocast_dtype(type, dtype);
        at::autocast::set_autocast_enabled(type, true);
#else
        wasEnabled_ = cuda_ ? at::autocast::is_enabled() : at::autocast::is_cpu_enabled();
        wasType_ =
            cuda_ ? at::autocast::get_autocast_gpu_dtype() : at::autocast::get_autocast_cpu_dtype();
        if (cuda_) {
            at::autocast::set_autocast_gpu_dtype(dtype);
            at::autocast::set_enabled(true);
        } else {
            at::autocast::set_autocast_cpu_dtype(dtype);
            at::autocast::set_cpu_enabled(true);
        }
#endif
        at::autocast::increment_nesting();
    }
    ~AutocastGuard() {
        if (at::autocast::decrement_nesting() == 0)
            at::autocast::clear_cache();
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
        const at::DeviceType type = cuda_ ? at::kCUDA : at::kCPU;
        at::autocast::set_autocast_enabled(type, wasEnabled_);
        at::autocast::set_autocast_dtype(type, wasType_);
#else
        if (cuda_) {
            at::autocast::set_enabled(wasEnabled_);
            at::autocast::set_autocast_gpu_dtype(wasType_);
        } else {
            at::autocast::set_cpu_enabled(wasEnabled_);
            at::autocast::set_autocast_cpu_dtype(wasType_);
        }
#endif
    }
    AutocastGuard(const AutocastGuard&) = delete;
    AutocastGuard& operator=(const AutocastGuard&) = delete;

private:
    bool cuda_;
    bool wasEnabled_ = false;
    at::ScalarType wasType_ = at::kFloat;
};

}  // namespace

TrainStep::TrainStep(Network& model, torch::optim::SGD& optimizer, Precision precision,
                     DataParallel* parallel)
    : model_(model), optimizer_(optimizer), precision_(precision), parallel_(parallel) {
    torch::NoGradGuard noGrad;
    for (const auto& p : model_->parameters()) {
        if (p.dim() == 4)
            p.set_data(p.contiguous(torch::MemoryFormat::ChannelsLast));
        parameters_.push_back(p);
    }
    if (parallel_)
        parallel_->attach(model_, parameters_);
    reset();
}

void TrainStep::reset() {
    const torch::Device device =
        parameters_.empty() ? torch::Device(torch::kCPU) : parameters_.front().device();
    const auto options = torch::TensorOptions().dtype(torch::kDouble).device(device);
    lossSum_ = torch::zeros({}, options);
    errors_ = torch::zeros({}, options);
    firstNonFinite_ = torch::zeros({}, options.dtype(torch::kLong));
    firstNonFiniteLoss_ = torch::zeros({}, options);
    images_ = 0;
    iterations_ = 0;
}

void TrainStep::run(int iteration, const torch::Tensor& x, const torch::Tensor& y, double lr,
                    const std::function<void()>& beforeUpdate, int64_t globalBatch) {
    for (auto& group : optimizer_.param_groups())
        static_cast<torch::optim::SGDOptions&>(group.options()).lr(lr);
    model_->train();
    for (auto& p : parameters_)
        p.mutable_grad() = torch::Tensor();  // none, not zeros: the backward writes them
    torch::Tensor logits, loss;
    // LibTorch's CPU autocast has no fp16: there fp16 is the loss scaling alone (the trainer
    // refuses fp16 on the CPU; the tests check the scaling this way).
    const bool autocast =
        precision_ == Precision::Bf16 || (precision_ == Precision::Fp16 && x.device().is_cuda());
    if (!autocast) {
        logits = model_->forward(x);
        loss = torch::nn::functional::cross_entropy(logits, y);
    } else {
        {
            const AutocastGuard autocast(x.device(),
                                         precision_ == Precision::Bf16 ? at::kBFloat16 : at::kHalf);
            logits = model_->forward(x);
        }
        loss = torch::nn::functional::cross_entropy(logits.to(torch::kFloat), y);
    }
    // A shard's share of the global batch's mean loss (the ranks' gradients are summed).
    const torch::Tensor objective =
        parallel_ ? loss * (double(y.size(0)) / double(globalBatch)) : loss;
    if (precision_ == Precision::Fp16) {
        // fp16 gradients underflow: the backward runs on the scaled loss, and a step whose
        // gradients overflowed is skipped (one host synchronisation a step, as PyTorch's own
        // GradScaler).
        scaler_.scaled(objective).backward();
        if (parallel_)
            parallel_->finishGradients();
        const bool finite = scaler_.unscale(parameters_);
        if (finite) {
            if (beforeUpdate)
                beforeUpdate();
            optimizer_.step();
        }
        scaler_.update(finite);
    } else {
        objective.backward();
        if (parallel_)
            parallel_->finishGradients();
        if (beforeUpdate)
            beforeUpdate();
        optimizer_.step();
    }
    {
        torch::NoGradGuard noGrad;
        const torch::Tensor l = loss.detach().to(torch::kDouble);
        lossSum_.add_(l * double(y.size(0)));
        errors_.add_(logits.argmax(1).ne(y).sum());
        // The first iteration whose loss is not finite (0 while there is none), and that loss.
        const torch::Tensor first = firstNonFinite_.eq(0) & l.isfinite().logical_not();
        firstNonFinite_.masked_fill_(first, iteration);
        firstNonFiniteLoss_.copy_(torch::where(first, l, firstNonFiniteLoss_));
    }
    images_ += double(y.size(0));
    ++iterations_;
}

LossScaler::LossScaler(double initial, int growthInterval)
    : scale_(initial), growthInterval_(growthInterval) {}

bool LossScaler::unscale(const std::vector<torch::Tensor>& parameters) {
    torch::NoGradGuard noGrad;
    std::vector<torch::Tensor> finite;
    for (const torch::Tensor& p : parameters) {
        if (!p.grad().defined())
            continue;
        torch::Tensor g = p.mutable_grad();
        g.mul_(1.0 / scale_);
        finite.push_back(g.isfinite().all());
    }
    return finite.empty() || torch::stack(finite).all().item<bool>();
}

void LossScaler::update(bool finite) {
    if (!finite) {
        scale_ *= 0.5;
        good_ = 0;
    } else if (++good_ >= growthInterval_) {
        scale_ *= 2.0;
        good_ = 0;
    }
}

TrainStep::Totals TrainStep::totals() const {
    Totals t;
    const torch::Tensor host =
        torch::stack({lossSum_, errors_, firstNonFinite_.to(torch::kDouble), firstNonFiniteLoss_})
            .cpu();
    const double* v = host.data_ptr<double>();
    t.lossSum = v[0];
    t.errors = v[1];
    t.firstNonFinite = int(v[2]);
    t.firstNonFiniteLoss = v[3];
    t.images = images_;
    t.iterations = iterations_;
    return t;
}

}  // namespace rx
