// Process-wide memory settings for tensor work. No torch here.
#pragma once

namespace rx {

// Activations of a batch (500 × 16 × 32 × 32 floats, 31 MiB) are freed and allocated again every
// batch. With glibc's defaults the heap is trimmed and regrown each time, and the page faults
// cost `eval` on 10,000 images about 8 s of system time: keep such blocks in the heap (the largest
// mmap threshold glibc allows) and the freed heap mapped. Call once, early in main().
void keepTensorMemoryInHeap();

// Gives the memory that the heap keeps free back to the system (glibc's malloc_trim). The kept
// heap suits the work that repeats, such as a training step; a rarer pass that needs much more
// (a test, the probe) would otherwise leave its peak resident for the rest of the run. Call after
// such a pass, on the thread that ran it: it takes a few milliseconds.
void returnFreedMemory();

}  // namespace rx
