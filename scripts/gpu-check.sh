#!/usr/bin/env bash
# Checks the CUDA path wherever an NVIDIA GPU is (none is on the project's CI machines): builds the
# app, the CLI, the tests and the benchmarks against a CUDA LibTorch, runs the test suite, trains
# resnet-20 for a few hundred iterations on the GPU (fp32, then bf16 and fp16 autocast), and runs
# bench_training on the GPU beside the same step in PyTorch.
#
#   scripts/gpu-check.sh [LIBTORCH_PREFIX]
#
# LIBTORCH_PREFIX: an official LibTorch with CUDA and the C++11 ABI (unpacked zip), or the CMake
# prefix of a pip PyTorch (python3 -c 'import torch; print(torch.utils.cmake_prefix_path)'), which
# is the default; it must use the C++11 ABI, as Qt does (torch._C._GLIBCXX_USE_CXX11_ABI).
# CIFAR10_DIR: the data set (default: ../shared/data/cifar-10-batches-bin beside the checkout).
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
prefix=${1:-$("$PYTHON" -c 'import torch; print(torch.utils.cmake_prefix_path)')}
export CIFAR10_DIR=${CIFAR10_DIR:-$(realpath -m ../shared/data/cifar-10-batches-bin)}
build=${BUILD_DIR:-build-cuda}

command -v nvidia-smi >/dev/null && nvidia-smi -L || {
  echo "gpu-check: no NVIDIA GPU here (nvidia-smi not found)" >&2
  exit 1
}
if [ -z "${1:-}" ] && [ "$("$PYTHON" -c 'import torch; print(int(torch._C._GLIBCXX_USE_CXX11_ABI))')" != 1 ]; then
  echo "gpu-check: this pip PyTorch uses the old C++ ABI; Qt needs the C++11 ABI." >&2
  echo "Pass an official 'cxx11 ABI' LibTorch with CUDA as LIBTORCH_PREFIX." >&2
  exit 1
fi

echo "== build against $prefix"
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_PREFIX_PATH="$prefix"
cmake --build "$build"

echo "== LibTorch version and device"
"$PYTHON" - <<'PY' || true
import torch
print("PyTorch", torch.__version__, "CUDA", torch.version.cuda, torch.cuda.get_device_name(0))
PY

echo "== test suite"
(cd "$build" && RX_CLI="$PWD/app/resnet-explorer-cli" QT_QPA_PLATFORM=offscreen \
  ctest --output-on-failure)

echo "== a short run on the GPU, fp32 then bf16 and fp16 autocast"
runs=$(mktemp -d)
for precision in fp32 bf16 fp16; do
  "$build/app/resnet-explorer-cli" train --arch resnet-20 --out "$runs/$precision" \
    --device cuda --precision "$precision" --iterations 300 --seed 1 --data "$CIFAR10_DIR"
done

echo "== bench_training on the GPU (PyTorch reference: $PYTHON)"
RX_PYTHON=$(command -v "$PYTHON") "$build/tests/benchmarks/bench_training" --device cuda \
  --rounds 3 --iterations 50
echo "gpu-check: done; run folders in $runs"
