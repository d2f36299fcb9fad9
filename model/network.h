// The LibTorch module built from a NetworkSpec, in torchvision's resnet.py idiom and naming
// (conv1, bn1, layer1.0.conv1, layer1.0.downsample.0, fc), so its state_dict loads into the
// equivalent PyTorch model. Include only from .cpp files of torch targets (model, training, tests).
#pragma once

#include "analysis.h"
#include "spec.h"

#include <torch/torch.h>

#include <vector>

namespace rx {

// 3×3 and 1×1 convolutions without bias (every conv here is followed by BN).
torch::nn::Conv2d conv3x3(int in, int out, int stride = 1);
torch::nn::Conv2d conv1x1(int in, int out, int stride = 1);

// One residual or plain block of any BlockKind; BlockKindInfo::expansion gives its output width.
// `responses`, when given, receives the output of each 3×3 conv after BN and before the addition
// and ReLU (paper Fig. 7), in layer order.
class BlockImpl : public torch::nn::Module {
public:
    explicit BlockImpl(const BlockInfo& info);
    torch::Tensor forward(torch::Tensor x, std::vector<torch::Tensor>* responses = nullptr);

private:
    torch::Tensor shortcut(const torch::Tensor& x, const torch::Tensor& preactivated);

    BlockKindInfo kind_;
    ShortcutKind shortcutKind_;
    int stride_;
    int padChannels_;  // option A: zero channels appended to the subsampled input
    torch::nn::Conv2d conv1_{nullptr}, conv2_{nullptr}, conv3_{nullptr};
    torch::nn::BatchNorm2d bn1_{nullptr}, bn2_{nullptr}, bn3_{nullptr};
    torch::nn::Sequential downsample_{nullptr};
};
TORCH_MODULE(Block);

class NetworkImpl : public torch::nn::Module {
public:
    // Throws std::invalid_argument with the validation messages when the spec is invalid.
    explicit NetworkImpl(const NetworkSpec& spec);
    torch::Tensor forward(torch::Tensor x, std::vector<torch::Tensor>* responses = nullptr);

    const NetworkSpec& spec() const { return spec_; }
    const Analysis& analysis() const { return analysis_; }
    // Names of the layers whose outputs forward() reports in `responses`, in the same order.
    QStringList responseLayers() const { return analysis_.responseLayers(); }

private:
    NetworkSpec spec_;
    Analysis analysis_;
    bool imagenetStem_ = false;
    torch::nn::Conv2d conv1_{nullptr};
    torch::nn::BatchNorm2d bn1_{nullptr}, finalBn_{nullptr};
    std::vector<Block> blocks_;
    torch::nn::Linear fc_{nullptr};
};
TORCH_MODULE(Network);

std::int64_t countParameters(const torch::nn::Module& module);

}  // namespace rx
