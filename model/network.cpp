#include "network.h"

#include <stdexcept>

namespace rx {

namespace nn = torch::nn;

nn::Conv2d conv3x3(int in, int out, int stride) {
    return nn::Conv2d(nn::Conv2dOptions(in, out, 3).stride(stride).padding(1).bias(false));
}

nn::Conv2d conv1x1(int in, int out, int stride) {
    return nn::Conv2d(nn::Conv2dOptions(in, out, 1).stride(stride).bias(false));
}

BlockImpl::BlockImpl(const BlockInfo& info)
    : kind_(blockKindInfo(info.kind)),
      shortcutKind_(info.shortcut),
      stride_(info.stride),
      padChannels_(info.outChannels - info.inChannels) {
    const int in = info.inChannels, width = info.width, out = info.outChannels;
    auto bn = [this](const char* name, int features) {
        return register_module(name, nn::BatchNorm2d(features));
    };
    if (kind_.preActivation)
        bn1_ = bn("bn1", in);
    if (!kind_.bottleneck) {
        conv1_ = register_module("conv1", conv3x3(in, width, stride_));
        if (kind_.preActivation)
            bn2_ = bn("bn2", width);
        else
            bn1_ = bn("bn1", width);
        conv2_ = register_module("conv2", conv3x3(width, out));
        if (!kind_.preActivation)
            bn2_ = bn("bn2", out);
    } else {
        conv1_ = register_module("conv1", conv1x1(in, width));
        if (kind_.preActivation)
            bn2_ = bn("bn2", width);
        else
            bn1_ = bn("bn1", width);
        conv2_ = register_module("conv2", conv3x3(width, width, stride_));
        if (kind_.preActivation)
            bn3_ = bn("bn3", width);
        else
            bn2_ = bn("bn2", width);
        conv3_ = register_module("conv3", conv1x1(width, out));
        if (!kind_.preActivation)
            bn3_ = bn("bn3", out);
    }
    if (shortcutKind_ == ShortcutKind::Projection) {
        downsample_ = nn::Sequential(conv1x1(in, out, stride_));
        // Pre-activation projections act on the normalised input and need no BN of their own.
        if (!kind_.preActivation)
            downsample_->push_back(nn::BatchNorm2d(out));
        register_module("downsample", downsample_);
    }
}

torch::Tensor BlockImpl::shortcut(const torch::Tensor& x, const torch::Tensor& preactivated) {
    using torch::indexing::None;
    using torch::indexing::Slice;
    switch (shortcutKind_) {
        case ShortcutKind::None:
            return {};
        case ShortcutKind::Identity:
            return x;
        case ShortcutKind::Projection:
            return downsample_->forward(preactivated);
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
    auto record = [responses](const torch::Tensor& t) {
        if (responses)
            responses->push_back(t);
    };
    torch::Tensor out;
    torch::Tensor input = x;
    if (kind_.preActivation) {
        // BN → ReLU → conv, repeated; the shortcut sees x itself (or the projection the
        // normalised x), and nothing follows the addition.
        input = torch::relu(bn1_->forward(x));
        if (!kind_.bottleneck) {
            out = bn2_->forward(conv1_->forward(input));
            record(out);
            out = conv2_->forward(torch::relu(out));
            record(out);
        } else {
            out = torch::relu(bn2_->forward(conv1_->forward(input)));
            out = bn3_->forward(conv2_->forward(out));
            record(out);
            out = conv3_->forward(torch::relu(out));
        }
        if (kind_.residual)
            out = out + shortcut(x, input);
        return out;
    }
    if (!kind_.bottleneck) {
        out = bn1_->forward(conv1_->forward(x));
        record(out);
        out = bn2_->forward(conv2_->forward(torch::relu(out)));
        record(out);
    } else {
        out = torch::relu(bn1_->forward(conv1_->forward(x)));
        out = bn2_->forward(conv2_->forward(out));
        record(out);
        out = bn3_->forward(conv3_->forward(torch::relu(out)));
    }
    if (kind_.residual)
        out = out + shortcut(x, x);
    return torch::relu(out);
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
    imagenetStem_ = spec.stem.kind == StemKind::ImageNet;
    const int stemKernel = imagenetStem_ ? 7 : 3;
    conv1_ = register_module(
        "conv1", nn::Conv2d(nn::Conv2dOptions(spec.input.channels, spec.stem.width, stemKernel)
                                .stride(imagenetStem_ ? 2 : 1)
                                .padding(stemKernel / 2)
                                .bias(false)));
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
    if (responses && !imagenetStem_)
        responses->push_back(x);
    if (bn1_)
        x = torch::relu(x);
    if (imagenetStem_)
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
