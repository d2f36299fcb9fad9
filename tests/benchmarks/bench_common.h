// What several benchmarks share: the machine's sgemm rate measured in the same run (the yardstick
// of every "fraction of sgemm"), and the median of repeated measurements.
#pragma once

#include <QElapsedTimer>

#include <torch/torch.h>

#include <algorithm>
#include <vector>

namespace rx::bench {

inline constexpr int64_t kSgemmSize = 2048;

// GFLOP/s of torch::mm on two n×n float matrices (best of a few), on the current thread count
// (or on the GPU).
inline double sgemmRate(int64_t n = kSgemmSize, const torch::Device& device = torch::kCPU) {
    torch::NoGradGuard noGrad;
    const torch::Tensor a = torch::randn({n, n}).to(device);
    const torch::Tensor b = torch::randn({n, n}).to(device);
    torch::mm(a, b).sum().item<float>();  // warm-up, and waits for the device
    double best = 0;
    for (int r = 0; r < 5; ++r) {
        QElapsedTimer t;
        t.start();
        torch::mm(a, b).sum().item<float>();
        const double s = t.nsecsElapsed() / 1e9;
        best = std::max(best, 2.0 * n * n * n / s / 1e9);
    }
    return best;
}

inline double median(std::vector<double> v) {
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

}  // namespace rx::bench
