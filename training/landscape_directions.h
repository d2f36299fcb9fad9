// The torch side of the loss landscape (landscape.h): random directions with filter normalisation
// and moving the weights along them. Include only from .cpp files of torch targets.
#pragma once

#include "torch_api.h"

#include <vector>

namespace rx {

// Scales each output filter of `direction` (slice i of dimension 0: a conv filter, a row of the
// fc weight) to the Frobenius norm of the same filter of `weight`, in place (Li et al. 2018,
// eq. 1). 1-D tensors (biases, BN weights) become zero, as the paper's scripts leave them.
void normalizeFilters(torch::Tensor& direction, const torch::Tensor& weight);

// A random Gaussian direction for every tensor of `weights`, drawn from `generator` in order and
// filter-normalised against it; on the weights' device.
std::vector<torch::Tensor> filterNormalizedDirection(const std::vector<torch::Tensor>& weights,
                                                     at::Generator& generator);

// params[k] = w0[k] + alpha·d1[k] + beta·d2[k], in place, without recording gradients.
void moveWeights(const std::vector<torch::Tensor>& params, const std::vector<torch::Tensor>& w0,
                 const std::vector<torch::Tensor>& d1, const std::vector<torch::Tensor>& d2,
                 double alpha, double beta);

}  // namespace rx
