// Runs code inside an OpenMP parallel region, for tests of code that uses OpenMP itself (the own
// convolution kernels). Torch-free: only omp_region.cpp is compiled with OpenMP.
#pragma once

#include <functional>

namespace rx::test {

// Calls f(i) for i in [0, threads), each on its own thread of one OpenMP team of `threads`;
// returns the team's size.
int inParallelRegion(int threads, const std::function<void(int)>& f);

}  // namespace rx::test
