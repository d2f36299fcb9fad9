// The 3×3 convolutions (padding 1, no bias) of the networks, as one differentiable op that runs
// the project's own CPU kernels (conv_kernels.h: Winograd F(4×4, 3×3) for stride 1, a direct
// weight gradient for stride 2) where they apply and are faster than LibTorch's oneDNN, and
// at::conv2d / at::convolution_backward everywhere else (GPU, other dtypes, channel counts that
// are not multiples of 16, a CPU without AVX2). Results equal LibTorch's to float rounding
// (tst_network: forward and both gradients). Include only from .cpp files of torch targets.
#pragma once

#include "torch_api.h"

namespace rx {

// conv2d(x, weight, bias = none, stride, padding 1) for a [K, C, 3, 3] weight; differentiable in
// x and weight.
torch::Tensor conv3x3(const torch::Tensor& x, const torch::Tensor& weight, int stride);
// The same with a bias, for inference (no autograd graph): the folded conv + BN of evaluations.
torch::Tensor conv3x3Inference(const torch::Tensor& x, const torch::Tensor& weight,
                               const torch::Tensor& bias, int stride);

// Whether conv3x3 uses the own kernels where they apply (default: yes, unless the environment
// sets RX_OWN_CONV=0). bench_training turns them off to measure LibTorch's kernels beside them.
bool ownConvKernels();
void setOwnConvKernels(bool on);

}  // namespace rx
