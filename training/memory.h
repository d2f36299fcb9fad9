// Process-wide memory settings for tensor work. No torch here.
#pragma once

namespace rx {

// Activations of a batch (500 × 16 × 32 × 32 floats, 31 MiB) are freed and allocated again every
// batch. With glibc's defaults the heap is trimmed and regrown each time, and the page faults
// cost `eval` on 10,000 images about 8 s of system time: keep such blocks in the heap (the largest
// mmap threshold glibc allows) and the freed heap mapped. Call once, early in main().
void keepTensorMemoryInHeap();

}  // namespace rx
