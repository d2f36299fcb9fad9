#include "network.h"

#include "fast_conv.h"

#include <algorithm>
#include <stdexcept>
#include <utility>

namespace rx {

namespace nn = torch::nn;

nn::Conv2d convNoBias(int kernel, int in, int out, int stride) {
    return nn::Conv2d(
        nn::Conv2dOptions(in, out, kernel).stride(stride).padding(kernel / 2).bias(false));
}

namespace {

// A conv module's forward pass; its 3×3 convolutions through conv3x3 (fast_conv.h).
torch::Tensor runConv(nn::Conv2d conv, const torch::Tensor& x) {
    const auto& o = conv->options;
    if ((*o.kernel_size())[0] == 3 && (*o.kernel_size())[1] == 3 && !o.bias() &&
        (*o.stride())[0] == (*o.stride())[1])
        return conv3x3(x, conv->weight, int((*o.stride())[0]));
    return conv->forward(x);
}

}  // namespace

torch::Tensor FoldedConv::operator()(const torch::Tensor& x) const {
    const int64_t padding = weight.size(2) / 2;
    if (weight.size(2) == 3 && weight.size(3) == 3)
        return conv3x3Inference(x, weight, bias, int(stride));
    return torch::conv2d(x, weight, bias, {stride, stride}, {padding, padding});
}

FoldedConv FoldedConv::fold(const nn::Conv2d& conv, const nn::BatchNorm2d& bn) {
    torch::NoGradGuard noGrad;
    FoldedConv f;
    f.stride = (*conv->options.stride())[0];
    torch::Tensor w = conv->weight.detach();
    if (bn) {
        const torch::Tensor scale =
            bn->weight.detach() / torch::sqrt(bn->running_var + bn->options.eps());
        f.weight = w * scale.reshape({-1, 1, 1, 1});
        f.bias = bn->bias.detach() - bn->running_mean * scale;
    } else {
        f.weight = w.clone();
        f.bias = torch::zeros({w.size(0)}, w.options());
    }
    f.weight = f.weight.contiguous(torch::MemoryFormat::ChannelsLast);
    return f;
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
    // The steps up to and including the Branch make the projection's input.
    const auto branchAt = std::find_if(ops_.begin(), ops_.end(),
                                       [](const Op& op) { return op.op == StepOp::Branch; });
    if (branchAt != ops_.end())
        for (auto it = ops_.begin(); it != std::next(branchAt); ++it)
            it->feedsBranch = true;
    if (shortcutKind_ == ShortcutKind::Projection) {
        downsample_ = nn::Sequential(convNoBias(1, info.inChannels, info.outChannels, stride_));
        // Pre-activation projections act on the normalised input and need no BN of their own.
        if (!kind.preActivation)
            downsample_->push_back(nn::BatchNorm2d(info.outChannels));
        register_module("downsample", downsample_);
    }
}

namespace {

// A batch norm layer's forward pass: `override`'s in training mode when there is one.
torch::Tensor batchNorm(nn::BatchNorm2dImpl& bn, const torch::Tensor& x,
                        const BatchNormForward* override) {
    if (override && *override && bn.is_training())
        return (*override)(bn, x);
    return bn.forward(x);
}

}  // namespace

torch::Tensor BlockImpl::shortcut(const torch::Tensor& x, const torch::Tensor& branch) {
    using torch::indexing::None;
    using torch::indexing::Slice;
    switch (shortcutKind_) {
        case ShortcutKind::None:
            return {};
        case ShortcutKind::Identity:
            return x;
        case ShortcutKind::Projection: {
            torch::Tensor s = downsample_->ptr(0)->as<nn::Conv2dImpl>()->forward(branch);
            if (downsample_->size() > 1)
                s = batchNorm(*downsample_->ptr(1)->as<nn::BatchNorm2dImpl>(), s, bnForward_.get());
            return s;
        }
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
    BlockProbe probe;
    probe.responses = responses;
    return forward(std::move(x), probe);
}

torch::Tensor BlockImpl::forward(torch::Tensor x, const BlockProbe& probe) {
    const bool folded = !folded_.empty() && !is_training();
    if (probe.lesioned && !isResidual()) {
        if (!canLesion())
            throw std::invalid_argument("a plain block that changes the shape cannot be removed");
        if (probe.tap)
            *probe.tap = {x, {}, {}, x};
        return x;
    }
    // In place only on a tensor this block made and nothing else holds: not the input, not the
    // projection's input, nor anything a probe keeps. In training too: the ReLU and the addition
    // follow a BN or a conv, whose backward needs their inputs, not their outputs.
    const bool keep = probe.responses || probe.tap;
    // The identity and option A shortcuts see x itself; a projection sees the input at the
    // plan's Branch step (pre-activation: the normalised x), else x. A lesioned block skips its
    // main path (up to the Branch when a projection needs it) and passes the shortcut on.
    torch::Tensor out = x, branch = x;
    bool added = false;
    for (const Op& op : ops_) {
        if (probe.lesioned && !added && op.op != StepOp::Add &&
            !(shortcutKind_ == ShortcutKind::Projection && op.feedsBranch))
            continue;
        switch (op.op) {
            case StepOp::BatchNorm:
                if (!folded || !bnFolded_[op.module])
                    out = batchNorm(*bns_[op.module], out, bnForward_.get());
                break;
            case StepOp::Conv:
                out = folded ? folded_[op.module](out) : runConv(convs_[op.module], out);
                break;
            case StepOp::Relu:
                out = !keep && !out.is_same(x) && !out.is_same(branch) ? torch::relu_(out)
                                                                       : torch::relu(out);
                break;
            case StepOp::Branch:
                branch = out;
                break;
            case StepOp::Add: {
                const torch::Tensor s = folded && foldedDownsample_ ? (*foldedDownsample_)(branch)
                                                                    : shortcut(x, branch);
                if (probe.tap) {
                    probe.tap->residual = probe.lesioned ? torch::zeros_like(s) : out;
                    probe.tap->shortcut = s;
                }
                out = probe.lesioned                                     ? s
                      : !keep && !out.is_same(x) && !out.is_same(branch) ? out.add_(s)
                                                                         : out + s;
                added = true;
                break;
            }
        }
        if (op.record && probe.responses && !probe.lesioned)
            probe.responses->push_back(out);
    }
    if (probe.tap) {
        probe.tap->input = x;
        probe.tap->output = out;
    }
    return out;
}

void BlockImpl::foldForInference() {
    folded_.clear();
    bnFolded_.assign(bns_.size(), false);
    for (size_t i = 0; i < ops_.size(); ++i) {
        if (ops_[i].op != StepOp::Conv)
            continue;
        const bool bnFollows = i + 1 < ops_.size() && ops_[i + 1].op == StepOp::BatchNorm;
        nn::BatchNorm2d bn{nullptr};
        if (bnFollows) {
            bn = bns_[ops_[i + 1].module];
            bnFolded_[ops_[i + 1].module] = true;
        }
        folded_.push_back(FoldedConv::fold(convs_[ops_[i].module], bn));
    }
    foldedDownsample_.reset();
    if (downsample_) {
        auto conv = std::dynamic_pointer_cast<nn::Conv2dImpl>(downsample_->ptr(0));
        nn::BatchNorm2d bn{nullptr};
        if (downsample_->size() > 1)
            bn = nn::BatchNorm2d(
                std::dynamic_pointer_cast<nn::BatchNorm2dImpl>(downsample_->ptr(1)));
        foldedDownsample_ = FoldedConv::fold(nn::Conv2d(conv), bn);
    }
}

void BlockImpl::train(bool on) {
    if (on) {
        folded_.clear();
        foldedDownsample_.reset();
    }
    nn::Module::train(on);
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

void NetworkImpl::foldForInference() {
    eval();
    stemFolded_ = FoldedConv::fold(conv1_, bn1_);
    for (auto& block : blocks_)
        block->foldForInference();
}

void NetworkImpl::setBatchNormForward(BatchNormForward forward) {
    bnForward_ = forward ? std::make_shared<const BatchNormForward>(std::move(forward)) : nullptr;
    for (auto& block : blocks_)
        block->setBatchNormForward(bnForward_);
}

void NetworkImpl::train(bool on) {
    if (on)
        stemFolded_.reset();
    nn::Module::train(on);
}

torch::Tensor NetworkImpl::forward(torch::Tensor x, std::vector<torch::Tensor>* responses) {
    ForwardProbe probe;
    probe.responses = responses;
    return forward(std::move(x), probe);
}

torch::Tensor NetworkImpl::forward(torch::Tensor x, const ForwardProbe& probe) {
    x = stem(std::move(x), probe.responses);
    if (probe.blocks)
        probe.blocks->assign(blocks_.size(), {});
    for (size_t i = 0; i < blocks_.size(); ++i) {
        BlockProbe p;
        p.responses = probe.responses;
        p.tap = probe.blocks ? &(*probe.blocks)[i] : nullptr;
        p.lesioned = i < probe.lesioned.size() && probe.lesioned[i];
        x = blocks_[i]->forward(x, p);
    }
    return head(x);
}

torch::Tensor NetworkImpl::stem(torch::Tensor x, std::vector<torch::Tensor>* responses) {
    const bool folded = stemFolded_ && !is_training();
    if (folded) {
        x = (*stemFolded_)(x.contiguous(torch::MemoryFormat::ChannelsLast));
    } else {
        x = runConv(conv1_, x);
        if (bn1_)
            x = batchNorm(*bn1_, x, bnForward_.get());
    }
    if (responses && stemResponse_)
        responses->push_back(x);
    if (bn1_)  // in place unless a probe keeps the BN's output
        x = responses && stemResponse_ ? torch::relu(x) : torch::relu_(x);
    if (stemMaxPool_)
        x = torch::max_pool2d(x, 3, 2, 1);
    return x;
}

torch::Tensor NetworkImpl::head(torch::Tensor x) {
    if (finalBn_)
        x = batchNorm(*finalBn_, x, bnForward_.get()).relu_();
    x = torch::adaptive_avg_pool2d(x, {1, 1}).flatten(1);
    return fc_->forward(x);
}

QStringList NetworkImpl::blockNames() const {
    QStringList names;
    for (const BlockInfo& info : analysis_.blocks)
        if (info.role == BlockInfo::Role::Block)
            names << info.name;
    return names;
}

std::int64_t countParameters(const torch::nn::Module& module) {
    std::int64_t total = 0;
    for (const auto& p : module.parameters())
        total += p.numel();
    return total;
}

}  // namespace rx
