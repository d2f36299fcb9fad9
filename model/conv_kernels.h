// The project's own CPU kernels for the 3×3 convolutions (padding 1, no bias) of the CIFAR nets,
// written for AVX2 + FMA on channels-last float32 data, parallel over the batch with OpenMP (the
// calling thread's thread count, which LibTorch's set_num_threads sets):
//   - Winograd F(4×4, 3×3) for stride 1: forward, backward-data (the same transform with the
//     flipped, transposed kernel) and backward-weights (the weight gradient summed in the
//     Winograd domain over all tiles);
//   - a direct, register-blocked backward-weights for any stride (oneDNN's is slowest there).
// Measured against oneDNN 2.6 (LibTorch 1.13) on a 2-core AVX2 EPYC, batch 128: 1.3-2.5× on the
// stride-1 shapes of resnet-20, 1.47× for the stride-2 weight gradients (issue #12's note).
// Torch-free; model/fast_conv.cpp wraps them as a differentiable op and decides when they apply.
// This file alone is compiled with -mavx2 -mfma: call it only after convKernelsSupported().
#pragma once

namespace rx::kernels {

// Whether this CPU runs the kernels (AVX2 and FMA).
bool supported();

// Layouts: images [N][H][W][C] (a channels-last NCHW tensor), weights [K][3][3][C] (a
// channels-last KCRS tensor). C and K multiples of 16; for Winograd, H and W multiples of 4.

// Winograd weights U [36][Cin][Cout] of `w` (K × C × 3 × 3) for the forward pass (Cin = C,
// Cout = K) or, `backwardData`, for the gradient with respect to the input (Cin = K, Cout = C).
void winogradWeights(const float* w, float* u, int k, int c, bool backwardData);
// y [N][H][W][Cout] = the stride-1 convolution of x [N][H][W][Cin] with the transformed u.
void winogradConv(const float* x, const float* u, float* y, int n, int h, int w, int cin, int cout);
// dw [K][3][3][C] of the stride-1 convolution of x [N][H][W][C], given dy [N][H][W][K].
void winogradWeightGradient(const float* x, const float* dy, float* dw, int n, int h, int w, int c,
                            int k);
// dw [K][3][3][C] of the convolution with `stride` of x [N][H][W][C], given dy [N][OH][OW][K].
void directWeightGradient(const float* x, const float* dy, float* dw, int n, int h, int w, int c,
                          int k, int stride);

}  // namespace rx::kernels
