// LibTorch's C++ API, for the project's headers that declare torch types (network.h, pipeline.h,
// ...). Include only from .cpp files of torch targets.
//
// moc reads a test file and every header it can find below it for macros; LibTorch's headers took
// it 5 s a test target and hold nothing moc needs, so moc (which defines Q_MOC_RUN) skips them.
#pragma once

#ifndef Q_MOC_RUN
#include <ATen/core/Generator.h>
#include <torch/torch.h>
#endif
