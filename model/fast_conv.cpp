#include "fast_conv.h"

#include "conv_kernels.h"

#include <ATen/autocast_mode.h>
#include <torch/version.h>
#include <QString>

#include <atomic>

namespace rx {

namespace {

std::atomic<bool>& ownKernelsFlag() {
    static std::atomic<bool> on{qEnvironmentVariable("RX_OWN_CONV") != QLatin1String("0")};
    return on;
}

// Which of the own kernels a convolution of `x` with `w` can use.
struct Plan {
    bool forward = false;         // Winograd forward and backward-data (stride 1)
    bool weightGradient = false;  // Winograd (stride 1) or direct (stride 2) weight gradient
};

Plan planFor(const torch::Tensor& x, const torch::Tensor& w, int stride) {
    Plan p;
    if (!ownKernelsFlag().load(std::memory_order_relaxed) || !kernels::supported())
        return p;
    if (!x.device().is_cpu() || x.scalar_type() != torch::kFloat ||
        w.scalar_type() != torch::kFloat || x.dim() != 4 || w.dim() != 4 || w.size(2) != 3 ||
        w.size(3) != 3 || x.size(1) != w.size(1) || x.size(1) % 16 || w.size(0) % 16)
        return p;
    const int64_t h = x.size(2), wd = x.size(3);
    if (stride == 1 && h % 4 == 0 && wd % 4 == 0)
        p.forward = p.weightGradient = true;
    else if (stride == 2 && h % 2 == 0 && wd % 2 == 0)
        p.weightGradient = true;
    return p;
}

torch::Tensor channelsLast(const torch::Tensor& t) {
    return t.contiguous(torch::MemoryFormat::ChannelsLast);
}

// Stride-1 convolution of x with the Winograd-transformed w (forward), or of the output gradient
// with the flipped, transposed w (backward-data).
torch::Tensor winograd(const torch::Tensor& in, const torch::Tensor& w, bool backwardData) {
    const torch::Tensor x = channelsLast(in), weight = channelsLast(w);
    const int k = int(weight.size(0)), c = int(weight.size(1));
    const int cin = backwardData ? k : c, cout = backwardData ? c : k;
    torch::Tensor u = torch::empty({36, cin, cout}, x.options());
    kernels::winogradWeights(weight.data_ptr<float>(), u.data_ptr<float>(), k, c, backwardData);
    torch::Tensor y = torch::empty({x.size(0), cout, x.size(2), x.size(3)}, x.options(),
                                   torch::MemoryFormat::ChannelsLast);
    kernels::winogradConv(x.data_ptr<float>(), u.data_ptr<float>(), y.data_ptr<float>(),
                          int(x.size(0)), int(x.size(2)), int(x.size(3)), cin, cout);
    return y;
}

torch::Tensor weightGradient(const torch::Tensor& in, const torch::Tensor& gradOut,
                             const torch::Tensor& w, int stride) {
    const torch::Tensor x = channelsLast(in), dy = channelsLast(gradOut);
    const int k = int(w.size(0)), c = int(w.size(1));
    torch::Tensor dw = torch::empty({k, c, 3, 3}, x.options(), torch::MemoryFormat::ChannelsLast);
    const int n = int(x.size(0)), h = int(x.size(2)), wd = int(x.size(3));
    if (stride == 1)
        kernels::winogradWeightGradient(x.data_ptr<float>(), dy.data_ptr<float>(),
                                        dw.data_ptr<float>(), n, h, wd, c, k);
    else
        kernels::directWeightGradient(x.data_ptr<float>(), dy.data_ptr<float>(),
                                      dw.data_ptr<float>(), n, h, wd, c, k, stride);
    return dw;
}

class Conv3x3Function : public torch::autograd::Function<Conv3x3Function> {
public:
    static torch::Tensor forward(torch::autograd::AutogradContext* ctx, const torch::Tensor& x,
                                 const torch::Tensor& w, int64_t stride) {
        ctx->save_for_backward({x, w});
        ctx->saved_data["stride"] = stride;
        if (planFor(x, w, int(stride)).forward)
            return winograd(x, w, false);
        return torch::conv2d(x, w, {}, stride, 1);
    }

    static torch::autograd::variable_list backward(torch::autograd::AutogradContext* ctx,
                                                   torch::autograd::variable_list grads) {
        const auto saved = ctx->get_saved_variables();
        const torch::Tensor &x = saved[0], &w = saved[1];
        const int stride = int(ctx->saved_data["stride"].toInt());
        const torch::Tensor& dy = grads[0];
        const bool wantX = ctx->needs_input_grad(0), wantW = ctx->needs_input_grad(1);
        const Plan plan = planFor(x, w, stride);
        torch::Tensor dx, dw;
        const bool libX = wantX && !plan.forward, libW = wantW && !plan.weightGradient;
        if (libX || libW) {
            const auto g =
                at::convolution_backward(dy, x, w, c10::nullopt, {stride, stride}, {1, 1}, {1, 1},
                                         false, {0, 0}, 1, {libX, libW, false});
            dx = std::get<0>(g);
            dw = std::get<1>(g);
        }
        if (wantX && plan.forward)
            dx = winograd(dy, w, true);
        if (wantW && plan.weightGradient)
            dw = weightGradient(x, dy, w, stride);
        return {dx, dw, torch::Tensor()};
    }
};

}  // namespace

// Under CPU autocast the convolutions belong to LibTorch (in bf16); the own kernels are fp32.
static bool cpuAutocast() {
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
    return at::autocast::is_autocast_enabled(at::kCPU);
#else
    return at::autocast::is_cpu_enabled();
#endif
}

torch::Tensor conv3x3(const torch::Tensor& x, const torch::Tensor& weight, int stride) {
    const Plan plan = planFor(x, weight, stride);
    if ((!plan.forward && !plan.weightGradient) || cpuAutocast())
        return torch::conv2d(x, weight, {}, stride, 1);
    return Conv3x3Function::apply(x, weight, int64_t(stride));
}

torch::Tensor conv3x3Inference(const torch::Tensor& x, const torch::Tensor& weight,
                               const torch::Tensor& bias, int stride) {
    if (!planFor(x, weight, stride).forward || cpuAutocast())
        return torch::conv2d(x, weight, bias, stride, 1);
    torch::Tensor y = winograd(x, weight, false);
    if (bias.defined())
        y.add_(bias.view({1, -1, 1, 1}));
    return y;
}

bool ownConvKernels() {
    return ownKernelsFlag().load();
}
void setOwnConvKernels(bool on) {
    ownKernelsFlag().store(on);
}

}  // namespace rx
