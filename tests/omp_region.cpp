#include "omp_region.h"

#include <omp.h>

namespace rx::test {

int inParallelRegion(int threads, const std::function<void(int)>& f) {
    int team = 0;
#pragma omp parallel num_threads(threads)
    {
#pragma omp single
        team = omp_get_num_threads();
        for (int i = omp_get_thread_num(); i < threads; i += team)
            f(i);
    }
    return team;
}

}  // namespace rx::test
