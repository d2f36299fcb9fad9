// What the CPU can do that changes what the trainer offers: native bfloat16 arithmetic
// (AVX-512 BF16 or AMX-BF16), without which bf16 autocast is emulated and slower than fp32.
// Qt only (no torch): the Train form asks it too.
#pragma once

#include <QString>

namespace rx {

// The CPU's bf16 instruction sets by their /proc/cpuinfo names ("avx512_bf16", "amx_bf16"),
// space-separated; empty when it has none (or the file cannot be read).
QString cpuBf16Features();
inline bool cpuHasNativeBf16() {
    return !cpuBf16Features().isEmpty();
}

}  // namespace rx
