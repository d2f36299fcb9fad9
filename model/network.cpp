#include "network.h"

#include <stdexcept>
#include <utility>

namespace rx {

namespace nn = torch::nn;

nn::Conv2d convNoBias(int kernel, int in, int out, int stride) {
    return nn::Conv2d(
        nn::Conv2dOptions(in, out, kernel).stride(stride).padding(kernel / 2).bias(false));
}

BlockImpl::BlockImpl(const BlockInfo& info)
    : shortcutKind_(info.shortcut),
      stride_(info.stride),
      padChannels_(info.outChannels - info.inChannels) {
    const BlockKindInfo& kind = blockKindInfo(info.kind);
    int channels = info.inChannels;
    bool pendingResponse = false;  // a marked conv whose BN follows: record after the BN
    for (const LayerStep& step : kind.plan) {
        Op op{step.op};
        switch (step.op) {
            case StepOp::BatchNorm:
                op.module = static_cast<int>(bns_.size());
                bns_.push_back(register_module("bn" + std::to_string(bns_.size() + 1),
                                               nn::BatchNorm2d(channels)));
                op.record = std::exchange(pendingResponse, false);
                break;
            case StepOp::Conv: {
                const int out = step.to == StepWidth::Output ? info.outChannels : info.width;
                op.module = static_cast<int>(convs_.size());
                convs_.push_back(register_module(
                    "conv" + std::to_string(convs_.size() + 1),
                    convNoBias(step.kernel, channels, out, step.strided() ? stride_ : 1)));
                channels = out;
                const bool bnFollows = &step + 1 != kind.plan.data() + kind.plan.size() &&
                                       (&step + 1)->op == StepOp::BatchNorm;
                op.record = step.response() && !bnFollows;
                pendingResponse = step.response() && bnFollows;
                break;
            }
            case StepOp::Add:
                if (shortcutKind_ == ShortcutKind::None)
                    continue;  // plain kinds: no shortcut to add
                break;
            case StepOp::Relu:
            case StepOp::Branch:
                break;
        }
        ops_.push_back(op);
    }
    if (shortcutKind_ == ShortcutKind::Projection) {
        downsample_ = nn::Sequential(convNoBias(1, info.inChannels, info.outChannels, stride_));
        // Pre-activation projections act on the normalised input and need no BN of their own.
        if (!kind.preActivation)
            downsample_->push_back(nn::BatchNorm2d(info.outChannels));
        register_module("downsample", downsample_);
    }
}

torch::Tensor BlockImpl::shortcut(const torch::Tensor& x, const torch::Tensor& branch) {
    using torch::indexing::None;
    using torch::indexing::Slice;
    switch (shortcutKind_) {
        case ShortcutKind::None:
            return {};
        case ShortcutKind::Identity:
            return x;
        case ShortcutKind::Projection:
            return downsample_->forward(branch);
        case ShortcutKind::ZeroPad: {
            torch::Tensor s = x;
            if (stride_ > 1)
                s = s.index(
                    {Slice(), Slice(), Slice(None, None, stride_), Slice(None, None, stride_)});
            // [x, 0]: the extra channels come after the input's own.
            if (padChannels_ > 0)
                s = torch::constant_pad_nd(s, {0, 0, 0, 0, 0, padChannels_});
            return s;
        }
    }
    return {};
}

torch::Tensor BlockImpl::forward(torch::Tensor x, std::vector<torch::Tensor>* responses) {
    // The identity and option A shortcuts see x itself; a projection sees the input at the
    // plan's Branch step (pre-activation: the normalised x), else x.
    torch::Tensor out = x, branch = x;
    for (const Op& op : ops_) {
        switch (op.op) {
            case StepOp::BatchNorm:
                out = bns_[op.module]->forward(out);
                break;
            case StepOp::Conv:
                out = convs_[op.module]->forward(out);
                break;
            case StepOp::Relu:
                out = torch::relu(out);
                break;
            case StepOp::Branch:
                branch = out;
                break;
            case StepOp::Add:
                out = out + shortcut(x, branch);
                break;
        }
        if (op.record && responses)
            responses->push_back(out);
    }
    return out;
}

namespace {

void initialise(nn::Module& root) {
    for (auto& module : root.modules(/*include_self=*/false)) {
        if (auto* conv = module->as<nn::Conv2d>()) {
            nn::init::kaiming_normal_(conv->weight, 0.0, torch::kFanOut, torch::kReLU);
        } else if (auto* bn = module->as<nn::BatchNorm2d>()) {
            nn::init::ones_(bn->weight);
            nn::init::zeros_(bn->bias);
        }
        // Linear keeps PyTorch's default initialisation.
    }
}

}  // namespace

NetworkImpl::NetworkImpl(const NetworkSpec& spec) : spec_(spec), analysis_(analyze(spec)) {
    if (!analysis_.ok())
        throw std::invalid_argument(
            analysis_.errorMessages().join(QLatin1Char('\n')).toStdString());
    const StemKindInfo& stem = stemKindInfo(spec.stem.kind);
    stemMaxPool_ = stem.maxPool;
    stemResponse_ = stem.response;
    conv1_ = register_module(
        "conv1", convNoBias(stem.kernel, spec.input.channels, spec.stem.width, stem.stride));
    if (spec.stemHasBatchNorm())
        bn1_ = register_module("bn1", nn::BatchNorm2d(spec.stem.width));

    nn::ModuleList stage{nullptr};
    int currentStage = -1;
    for (const BlockInfo& info : analysis_.blocks) {
        if (info.role != BlockInfo::Role::Block)
            continue;
        if (info.stage != currentStage) {
            currentStage = info.stage;
            stage = register_module("layer" + std::to_string(currentStage + 1), nn::ModuleList());
        }
        Block block(info);
        stage->push_back(block);
        blocks_.push_back(block);
    }
    const int features = analysis_.blocks.back().inChannels;
    if (spec.headHasBatchNorm())
        finalBn_ = register_module("final_bn", nn::BatchNorm2d(features));
    fc_ = register_module("fc", nn::Linear(features, spec.input.classes));
    initialise(*this);
}

torch::Tensor NetworkImpl::forward(torch::Tensor x, std::vector<torch::Tensor>* responses) {
    x = conv1_->forward(x);
    if (bn1_)
        x = bn1_->forward(x);
    if (responses && stemResponse_)
        responses->push_back(x);
    if (bn1_)
        x = torch::relu(x);
    if (stemMaxPool_)
        x = torch::max_pool2d(x, 3, 2, 1);
    for (auto& block : blocks_)
        x = block->forward(x, responses);
    if (finalBn_)
        x = torch::relu(finalBn_->forward(x));
    x = torch::adaptive_avg_pool2d(x, {1, 1}).flatten(1);
    return fc_->forward(x);
}

std::int64_t countParameters(const torch::nn::Module& module) {
    std::int64_t total = 0;
    for (const auto& p : module.parameters())
        total += p.numel();
    return total;
}

}  // namespace rx
