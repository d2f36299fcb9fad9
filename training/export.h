// Export of trained weights, and evaluation of exported weights on the test set.
// No torch here: the LibTorch code lives in export.cpp.
#pragma once

#include <QString>

#include <optional>
#include <span>

namespace rx {

enum class ExportFormat {
    PyTorch,   // torch.load-able state_dict (torchvision names), strict=True into PyTorch
    LibTorch,  // torch::serialize archive that the app and `eval` reload
};

struct LoadedModel;  // pipeline.h (torch)

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
