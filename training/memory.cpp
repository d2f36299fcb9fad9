#include "memory.h"

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace rx {

void keepTensorMemoryInHeap() {
#ifdef __GLIBC__
    mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);
    mallopt(M_TRIM_THRESHOLD, 512 * 1024 * 1024);
#endif
}

}  // namespace rx
