#!/usr/bin/env bash
# Installs every Debian 12 package that ResNet Explorer needs to build, run and test.
# Idempotent: packages already present are skipped. Works as root or through sudo.
set -euo pipefail

PACKAGES=(
  # toolchain
  build-essential cmake ninja-build clang-format pkg-config
  # Qt 6 and plotting
  qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-svg-dev
  libqcustomplot-dev libqcustomplot2.1-qt6 libgl1-mesa-dev
  # LibTorch (CPU) with a fast BLAS
  libtorch-dev libopenblas0-openmp
  # ONNX export (its protobuf classes and checker); c10d's Gloo headers for multi-process training
  libonnx-dev libgloo-dev
  # data download / unpacking; zlib to check a checkpoint's compressed records
  libarchive-dev zlib1g-dev
  # display for screenshots and Korean glyphs
  xvfb xauth fonts-nanum
  # Korean (and other) translations of Qt's own dialogs and buttons
  qt6-translations-l10n
  # tests: PyTorch export check, image tools
  python3-torch python3-onnx python3-opencv imagemagick
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#PACKAGES[@]} packages present"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install-deps: run as root or install sudo" >&2; exit 1; }
  SUDO="sudo"
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
