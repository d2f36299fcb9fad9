// Export of trained weights, and evaluation of exported weights on the test set.
// No torch here: the LibTorch code lives in export.cpp.
#pragma once

#include <QString>

#include <optional>

namespace rx {

enum class ExportFormat {
    // A file Python's torch.load reads as a state_dict of tensors (torchvision names), which
    // loads with strict=True into the equivalent PyTorch module. FILE.resnet.json and
    // FILE.preprocessing.json (input mean/std) are written beside it.
    PyTorch,
    // A torch::serialize archive that the app and `eval` reload, with FILE.resnet.json beside it.
    LibTorch,
};
std::optional<ExportFormat> exportFormatFromId(const QString& id);

// `source` is a run folder (its checkpoint.pt is exported) or a checkpoint/libtorch file.
bool exportWeights(const QString& source, ExportFormat format, const QString& out, QString* error);

struct EvalResult {
    int images = 0;
    double error = 0;  // %
    double loss = 0;
};
// Test error of saved weights (a libtorch export or a run's checkpoint) on the CIFAR-10 test
// set in `dataDir`; `logitsCsv`, when given, receives one row of 10 logits per test image.
bool evaluateWeights(const QString& weights, const QString& dataDir, const QString& logitsCsv,
                     int testSubset, EvalResult* result, QString* error);

}  // namespace rx
