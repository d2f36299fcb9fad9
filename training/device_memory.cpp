// The torch side of memory_estimate.h: the GPU's free memory.
#include "memory_estimate.h"

#include "pipeline.h"

// Only a CUDA LibTorch ships the CUDA runtime's headers (CMake defines RX_TORCH_HAS_CUDA then).
#if defined(RX_TORCH_HAS_CUDA) && __has_include(<ATen/cuda/CUDAContext.h>)
#include <ATen/cuda/CUDAContext.h>
#include <c10/cuda/CUDAGuard.h>
#define RX_CUDA_MEMORY_INFO 1
#endif

namespace rx {

static_assert(kEstimatedProbeBatch == kProbeBatchSize, "the estimate's probe is the trainer's");

qint64 availableCudaMemory(int device) {
#ifdef RX_CUDA_MEMORY_INFO
    try {
        if (!torch::cuda::is_available() || device >= int(torch::cuda::device_count()))
            return -1;
        const c10::cuda::CUDAGuard guard(static_cast<c10::DeviceIndex>(device));
        size_t free = 0, total = 0;
        if (cudaMemGetInfo(&free, &total) != cudaSuccess)
            return -1;
        return static_cast<qint64>(free);
    } catch (const std::exception&) {
        return -1;
    }
#else
    (void)device;
    return -1;
#endif
}

qint64 availableMemory(bool cuda) {
    return cuda ? availableCudaMemory() : availableHostMemory();
}

bool isOutOfMemory(const std::exception& e) {
    if (dynamic_cast<const c10::OutOfMemoryError*>(&e))
        return true;
    if (!dynamic_cast<const c10::Error*>(&e))
        return false;
    const std::string what = e.what();
    return what.find("out of memory") != std::string::npos ||
           what.find("not enough memory") != std::string::npos;
}

}  // namespace rx
