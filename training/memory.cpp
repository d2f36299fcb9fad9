#include "memory.h"

#include <cstdlib>  // defines __GLIBC__ on glibc (<features.h>): test it only after this
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

void returnFreedMemory() {
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}

}  // namespace rx
