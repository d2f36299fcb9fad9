// The ONNX form of a trained network (export --format onnx), built with the ONNX project's own
// protobuf classes (Debian's libonnx-dev) and checked with its C++ checker. No torch here: the
// weights come in as plain float arrays (export.cpp converts the module's state_dict).
#pragma once

#include "export.h"

#include <QByteArray>
#include <QString>

#include <map>
#include <string>

namespace rx {

// What the model is built from: the architecture, its state_dict under the pytorch export's
// names ("layer1.0.conv1.weight", "layer1.0.bn1.running_mean", "fc.bias"), the input
// normalisation ([C, H, W] tensors, each size 1 or the input's) and the BN epsilon.
struct OnnxSource {
    const NetworkSpec* spec = nullptr;
    const std::map<std::string, FloatTensor>* state = nullptr;
    FloatTensor inputMean, inputStd;
    double batchNormEpsilon = 1e-5;
};

// The opset the graph is written for (Slice with steps and Pad with a pads input need 13).
inline constexpr int kOnnxOpset = 13;
// The graph's input (RGB pixels scaled to [0, 1], N×C×H×W, N dynamic) and output.
inline constexpr const char* kOnnxInput = "input";
inline constexpr const char* kOnnxOutput = "logits";

// The serialised ModelProto: the input normalisation as Sub and Div nodes, then the layers of
// analyze(spec) in forward order (each block following its kind's plan, block_kinds.h), batch
// norm as BatchNormalization nodes with the running statistics, node and initializer names from
// the module names. False with the reason (a missing tensor, the checker's finding).
bool onnxModel(const OnnxSource& source, QByteArray* bytes, QString* why);

}  // namespace rx
