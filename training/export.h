// Export of trained weights, and evaluation of exported weights on the test set.
// No torch here: the LibTorch code lives in export.cpp.
#pragma once

#include "spec.h"

#include <QByteArray>
#include <QString>
#include <QVector>

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <vector>

namespace rx {

enum class ExportFormat {
    PyTorch,      // torch.load-able state_dict (torchvision names), strict=True into PyTorch
    LibTorch,     // torch::serialize archive that the app and `eval` reload
    Onnx,         // ONNX model (opset 13) with the input normalisation inside (onnx_export.h)
    PyTorchCode,  // a torchvision-style .py defining the network (pytorch_code.h)
};

struct LoadedModel;  // pipeline.h (torch)

// A float tensor outside torch: its sizes and its values in row-major order. What export.cpp
// hands to the torch-free writers (onnx_export.h, pytorch_code.h).
struct FloatTensor {
    std::vector<std::int64_t> sizes;
    std::vector<float> values;
    bool defined() const { return !values.empty(); }
};

// A pytorch export's input normalisation lives beside it: FILE.preprocessing.json.
inline constexpr const char* kPreprocessingFileSuffix = ".preprocessing.json";

// One row per export format: the CLI's --format, the GUI's export dialog and the docs all read
// this table. Adding a format is one row here plus its writer in export.cpp.
struct ExportFormatInfo {
    ExportFormat format;
    const char* id;           // --format ID
    const char* suffix;       // ".pth", with the dot
    const char* description;  // QT_TRANSLATE_NOOP("rx::ExportFormat", …); the dialog's filter name
    // Writes `model` to `out` (and its companion files beside it). False with a message.
    bool (*write)(const LoadedModel& model, const QString& out, QString* error);
};
std::span<const ExportFormatInfo> exportFormats();
const ExportFormatInfo& exportFormatInfo(ExportFormat format);
std::optional<ExportFormat> exportFormatFromId(const QString& id);
// The format a file name's suffix names, if any.
std::optional<ExportFormat> exportFormatForPath(const QString& path);
// "PyTorch state_dict (*.pth)": a file-dialog filter for one format, translated.
QString exportFilter(ExportFormat format);
// Every format's filter joined with ";;", in table order.
QString exportFilters();
// The format a file dialog's selected filter names (from exportFilters()), if any.
std::optional<ExportFormat> exportFormatForFilter(const QString& filter);

// `source` is anything loadTrainedModel (pipeline.h) reads: a run folder, a checkpoint or an
// export of either format.
bool exportWeights(const QString& source, ExportFormat format, const QString& out, QString* error);

struct EvalOptions {
    QString dataDir;          // the CIFAR-10 folder (its test_batch.bin is used)
    QString logitsCsv;        // when set, receives one row of 10 logits per test image
    bool keepLogits = false;  // EvalResult::logits and labels receive every image's
    int testSubset = 0;       // > 0: N test images spread over the set
    int threads = 0;          // CPU threads; 0 = every core
    std::optional<NetworkSpec> architecture;  // else found beside the weights
    // Checked before every batch (may be null): a cancelled evaluation returns false.
    const std::atomic<bool>* cancel = nullptr;
    // Called after every batch with the images done so far, on the evaluating thread.
    std::function<void(int done, int total)> onBatch;
};
struct EvalResult {
    int images = 0;
    double error = 0;  // %
    double loss = 0;
    QVector<float> logits;  // images × classes, in test-set order (keepLogits)
    QByteArray labels;      // images, each 0..9 (keepLogits)
    bool cancelled = false;
};
// Test error of saved weights (a run folder, a checkpoint or an export of either format) on the
// CIFAR-10 test set, in inference mode (Network::foldForInference, via evaluateSplit) on every
// core. The one evaluation of saved weights: `eval`, the Predictions view and tests use it.
bool evaluateWeights(const QString& weights, const EvalOptions& options, EvalResult* result,
                     QString* error);

}  // namespace rx
