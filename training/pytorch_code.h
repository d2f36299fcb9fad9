// The network as PyTorch source code (export --format pytorch-code): a self-contained,
// torchvision-style .py file that defines it as an nn.Module whose state_dict names are those of
// the `pytorch` export, so `build_model("FILE.pth")` loads that export with strict=True.
// Generated from the block-kind table (one class per kind used, written from its plan) and the
// spec; no torch here.
#pragma once

#include "export.h"

#include <QByteArray>
#include <QString>

namespace rx {

// What the file holds, in order: the conv helpers used; option A's ZeroPadShortcut when a block
// uses it; one block class per kind used (its layers in the plan's order, named conv1, bn1, … as
// the LibTorch module names them); the network `ResNet` with `_make_layer` (and
// `_make_shortcut` for residual stages); `build_model(weights=None)`; and the input
// normalisation the weights were trained with: INPUT_MEAN, INPUT_STD and `preprocess(pixels)`.
// Like torchvision's models, the module takes normalised input. `module` names the file in its
// usage example ("resnet20" for resnet20.py). `inputMean` and `inputStd` are [C, H, W].
QByteArray pytorchCode(const NetworkSpec& spec, const FloatTensor& inputMean,
                       const FloatTensor& inputStd, const QString& module);

}  // namespace rx
