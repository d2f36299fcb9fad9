// The LibTorch module built from a NetworkSpec, in torchvision's resnet.py idiom and naming
// (conv1, bn1, layer1.0.conv1, layer1.0.downsample.0, fc), so its state_dict loads into the
// equivalent PyTorch model. Include only from .cpp files of torch targets (model, training, tests).
#pragma once

#include "analysis.h"
#include "spec.h"

#include "torch_api.h"

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace rx {

// A k×k convolution without bias, "same" padding (every conv here is followed by BN or is the
// last of a pre-activation block).
torch::nn::Conv2d convNoBias(int kernel, int in, int out, int stride = 1);

// A conv with the BN that directly follows it folded in (eval mode: w·γ/σ, β − μ·γ/σ), its weight
// in channels-last memory format: what an inference forward pass runs instead of conv + BN.
struct FoldedConv {
    torch::Tensor weight, bias;
    int64_t stride = 1;
    torch::Tensor operator()(const torch::Tensor& x) const;
    // `bn` may be null: then the conv alone, with a zero bias. Stride and padding are the conv's.
    static FoldedConv fold(const torch::nn::Conv2d& conv, const torch::nn::BatchNorm2d& bn);
};

// One block's tensors in a forward pass: its input x, the residual F(x) (the main path where it
// meets the shortcut; zeros in a lesioned block), what the shortcut carries to the addition
// (x itself for identity shortcuts) and the output. Residual and shortcut stay undefined in
// plain blocks.
struct BlockTap {
    torch::Tensor input, residual, shortcut, output;
};

// What a block's forward pass reports, and whether the block is left out (Veit et al. 2016's
// lesion): a lesioned residual block outputs its shortcut (then the ReLU after the addition,
// where the kind has one); a lesioned plain block passes its input on, which only a block
// keeping its input's shape can (canLesion). A lesioned block reports no responses.
struct BlockProbe {
    std::vector<torch::Tensor>* responses = nullptr;
    BlockTap* tap = nullptr;
    bool lesioned = false;
};

// What a network's forward pass reports and leaves out: `blocks` receives one BlockTap per
// block, in order; `lesioned[i]` leaves out block i (shorter than the blocks: the rest stay).
struct ForwardProbe {
    std::vector<torch::Tensor>* responses = nullptr;
    std::vector<BlockTap>* blocks = nullptr;
    std::vector<bool> lesioned;
};

// The training-mode forward pass of every batch norm layer of a network, when it is not
// LibTorch's own: the data-parallel trainer's synchronised batch norm (training/data_parallel.cpp).
// An empty function (the default) leaves LibTorch's BatchNorm2d in charge.
using BatchNormForward =
    std::function<torch::Tensor(torch::nn::BatchNorm2dImpl& bn, const torch::Tensor& x)>;

// One residual or plain block of any BlockKind, built by following the kind's layer plan
// (block_kinds.h) as the analysis counts it. `responses`, when given, receives the response of
// each conv the plan marks (after its BN, before the addition and ReLU; paper Fig. 7), in order.
class BlockImpl : public torch::nn::Module {
public:
    explicit BlockImpl(const BlockInfo& info);
    torch::Tensor forward(torch::Tensor x, std::vector<torch::Tensor>* responses = nullptr);
    torch::Tensor forward(torch::Tensor x, const BlockProbe& probe);

    bool isResidual() const { return shortcutKind_ != ShortcutKind::None; }
    // Whether the output's shape differs from the input's (stride 2 or more channels).
    bool changesShape() const { return stride_ != 1 || padChannels_ != 0; }
    // Whether the block can be left out: residual blocks always, plain ones that keep the shape.
    bool canLesion() const { return isResidual() || !changesShape(); }

    // See NetworkImpl::foldForInference.
    void foldForInference();
    void train(bool on = true) override;
    void setBatchNormForward(std::shared_ptr<const BatchNormForward> forward) {
        bnForward_ = std::move(forward);
    }

private:
    // One step of the plan, resolved at construction so forward() only indexes.
    struct Op {
        StepOp op;
        int module = -1;           // index into convs_ or bns_
        bool record = false;       // the output after this op is a Fig. 7 response
        bool feedsBranch = false;  // up to the Branch step: makes the projection's input
    };
    torch::Tensor shortcut(const torch::Tensor& x, const torch::Tensor& branch);

    std::vector<Op> ops_;
    std::vector<torch::nn::Conv2d> convs_;
    std::vector<torch::nn::BatchNorm2d> bns_;
    ShortcutKind shortcutKind_;
    int stride_;
    int padChannels_;  // option A: zero channels appended to the subsampled input
    torch::nn::Sequential downsample_{nullptr};
    // The inference form (empty unless folded): one FoldedConv per conv, which BNs it absorbed,
    // and the projection shortcut's conv + BN.
    std::vector<FoldedConv> folded_;
    std::vector<bool> bnFolded_;
    std::optional<FoldedConv> foldedDownsample_;
    std::shared_ptr<const BatchNormForward> bnForward_;
};
TORCH_MODULE(Block);

class NetworkImpl : public torch::nn::Module {
public:
    // Throws std::invalid_argument with the validation messages when the spec is invalid.
    explicit NetworkImpl(const NetworkSpec& spec);
    torch::Tensor forward(torch::Tensor x, std::vector<torch::Tensor>* responses = nullptr);
    torch::Tensor forward(torch::Tensor x, const ForwardProbe& probe);
    // forward() in three parts: the stem (its response, when asked), the blocks, the head
    // (final BN-ReLU of pre-activation nets, pooling, fc) that makes logits of the last
    // block's output.
    torch::Tensor stem(torch::Tensor x, std::vector<torch::Tensor>* responses = nullptr);
    torch::Tensor head(torch::Tensor x);

    const NetworkSpec& spec() const { return spec_; }
    // The blocks in forward order, and their names ("layer1.0", as in the state_dict).
    const std::vector<Block>& blocks() const { return blocks_; }
    QStringList blockNames() const;
    const Analysis& analysis() const { return analysis_; }
    // Names of the layers whose outputs forward() reports in `responses`, in the same order.
    QStringList responseLayers() const { return analysis_.responseLayers(); }

    // Puts the module in eval mode and prepares its inference form: every BN that directly
    // follows a conv folded into that conv, weights channels-last, ReLU in place. Eval-mode
    // forward passes then compute the same logits (to float rounding) faster; the parameters
    // themselves are untouched, and train() drops the inference form, so training and export
    // are unaffected. Call it again after the weights change.
    void foldForInference();
    bool isFolded() const { return stemFolded_.has_value(); }
    void train(bool on = true) override;
    // Every batch norm layer's training-mode forward pass from now on (BatchNormForward); an
    // empty function gives it back to LibTorch.
    void setBatchNormForward(BatchNormForward forward);

private:
    NetworkSpec spec_;
    Analysis analysis_;
    bool stemMaxPool_ = false;
    bool stemResponse_ = false;
    torch::nn::Conv2d conv1_{nullptr};
    torch::nn::BatchNorm2d bn1_{nullptr}, finalBn_{nullptr};
    std::vector<Block> blocks_;
    torch::nn::Linear fc_{nullptr};
    std::optional<FoldedConv> stemFolded_;
    std::shared_ptr<const BatchNormForward> bnForward_;
};
TORCH_MODULE(Network);

std::int64_t countParameters(const torch::nn::Module& module);

}  // namespace rx
