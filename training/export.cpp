#include "export.h"

#include "files.h"

#include "cifar10.h"
#include "onnx_export.h"
#include "pipeline.h"
#include "pytorch_code.h"
#include "spec_json.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>

namespace rx {

namespace {

class Export {
    Q_DECLARE_TR_FUNCTIONS(rx::Export)
public:
    static QString cannotWrite(const QString& path, const QString& why) {
        return tr("cannot write %1: %2").arg(path, why);
    }
    static QString evalFailed(const QString& weights, const QString& why) {
        return tr("cannot evaluate %1: %2").arg(weights, why);
    }
    static QString evalCancelled(const QString& weights) {
        return tr("the evaluation of %1 was cancelled").arg(weights);
    }
    static QString noNormalisation() {
        return tr("the weights carry no input normalisation (a pytorch export keeps it in "
                  "FILE%1 beside it)")
            .arg(QLatin1String(kPreprocessingFileSuffix));
    }
};

QString besideOut(const QString& out, const char* suffix) {
    const QFileInfo info(out);
    return info.absoluteDir().filePath(info.completeBaseName() + QLatin1String(suffix));
}

QJsonArray values(const torch::Tensor& t) {
    QJsonArray a;
    const torch::Tensor flat = t.to(torch::kDouble).cpu().contiguous().flatten();
    for (int64_t i = 0; i < flat.numel(); ++i)
        a.append(flat[i].item<double>());
    return a;
}

// The module's state_dict (parameters, then buffers) on the CPU, under the names the pytorch
// export writes.
std::vector<std::pair<std::string, torch::Tensor>> stateDict(const Network& model) {
    std::vector<std::pair<std::string, torch::Tensor>> state;
    for (const auto& item : model->named_parameters())
        state.emplace_back(item.key(), item.value().detach().cpu().contiguous());
    for (const auto& item : model->named_buffers())
        state.emplace_back(item.key(), item.value().detach().cpu().contiguous());
    return state;
}

FloatTensor floatTensor(const torch::Tensor& t) {
    const torch::Tensor f = t.detach().to(torch::kFloat).cpu().contiguous();
    return {f.sizes().vec(),
            std::vector<float>(f.data_ptr<float>(), f.data_ptr<float>() + f.numel())};
}

// The ONNX and code exports put the input normalisation in the file: weights without one
// (a pytorch export whose .preprocessing.json is gone) are refused.
bool hasNormalisation(const LoadedModel& loaded, const QString& out, QString* error) {
    if (loaded.info.inputMean.defined() && loaded.info.inputStd.defined())
        return true;
    *error = Export::cannotWrite(out, Export::noNormalisation());
    return false;
}

bool writeSpecBeside(const LoadedModel& loaded, const QString& out, QString* error) {
    return writeFileAtomically(besideOut(out, kSpecFileSuffix), specToJson(loaded.spec), error);
}

// PyTorch: a file Python's torch.load reads as a state_dict of tensors, with FILE.resnet.json and
// FILE.preprocessing.json (input mean/std) beside it.
bool writePyTorch(const LoadedModel& loaded, const QString& out, QString* error) {
    QByteArray bytes;
    try {
        c10::Dict<std::string, torch::Tensor> state;
        for (const auto& [name, tensor] : stateDict(loaded.model))
            state.insert(name, tensor);
        const std::vector<char> data = torch::pickle_save(c10::IValue(state));
        bytes = QByteArray(data.data(), qsizetype(data.size()));
    } catch (const std::exception& e) {
        *error = Export::cannotWrite(out, errorText(e));
        return false;
    }
    if (!writeFileAtomically(out, bytes, error) || !writeSpecBeside(loaded, out, error))
        return false;
    if (!loaded.info.inputMean.defined())
        return true;
    const QJsonObject pre{
        {"input", QStringLiteral("RGB, NCHW, pixel values divided by 255")},
        {"mean", values(loaded.info.inputMean)},
        {"mean_shape", QJsonArray::fromVariantList({qlonglong(loaded.info.inputMean.size(0)),
                                                    qlonglong(loaded.info.inputMean.size(1)),
                                                    qlonglong(loaded.info.inputMean.size(2))})},
        {"std", values(loaded.info.inputStd)},
        {"std_shape", QJsonArray::fromVariantList({qlonglong(loaded.info.inputStd.size(0)),
                                                   qlonglong(loaded.info.inputStd.size(1)),
                                                   qlonglong(loaded.info.inputStd.size(2))})}};
    return writeFileAtomically(besideOut(out, kPreprocessingFileSuffix),
                               QJsonDocument(pre).toJson(QJsonDocument::Indented), error);
}

// LibTorch: a torch::serialize archive (model and input normalisation) with FILE.resnet.json.
bool writeLibTorch(const LoadedModel& loaded, const QString& out, QString* error) {
    Network model = loaded.model;
    return saveCheckpoint(out, model, nullptr, loaded.info, error) &&
           writeSpecBeside(loaded, out, error);
}

// ONNX: the graph (onnx_export.h) with the input normalisation inside; nothing beside it.
bool writeOnnx(const LoadedModel& loaded, const QString& out, QString* error) {
    if (!hasNormalisation(loaded, out, error))
        return false;
    std::map<std::string, FloatTensor> state;
    double epsilon = torch::nn::BatchNormOptions(1).eps();
    QByteArray bytes;
    QString why;
    try {
        for (const auto& [name, tensor] : stateDict(loaded.model))
            state[name] = floatTensor(tensor);
        for (const auto& module : loaded.model->modules(/*include_self=*/false))
            if (const auto* bn = module->as<torch::nn::BatchNorm2d>())
                epsilon = bn->options.eps();
    } catch (const std::exception& e) {
        *error = Export::cannotWrite(out, errorText(e));
        return false;
    }
    OnnxSource source{&loaded.spec, &state, floatTensor(loaded.info.inputMean),
                      floatTensor(loaded.info.inputStd), epsilon};
    if (!onnxModel(source, &bytes, &why)) {
        *error = Export::cannotWrite(out, why);
        return false;
    }
    return writeFileAtomically(out, bytes, error);
}

// PyTorch code: FILE.py (pytorch_code.h); its weights are the pytorch export's.
bool writePyTorchCode(const LoadedModel& loaded, const QString& out, QString* error) {
    return hasNormalisation(loaded, out, error) &&
           writeFileAtomically(
               out,
               pytorchCode(loaded.spec, floatTensor(loaded.info.inputMean),
                           floatTensor(loaded.info.inputStd), QFileInfo(out).completeBaseName()),
               error);
}

constexpr ExportFormatInfo kExportFormats[] = {
    {ExportFormat::PyTorch, "pytorch", ".pth",
     QT_TRANSLATE_NOOP("rx::ExportFormat", "PyTorch state_dict"), writePyTorch},
    {ExportFormat::LibTorch, "libtorch", ".pt",
     QT_TRANSLATE_NOOP("rx::ExportFormat", "LibTorch archive"), writeLibTorch},
    {ExportFormat::Onnx, "onnx", ".onnx", QT_TRANSLATE_NOOP("rx::ExportFormat", "ONNX model"),
     writeOnnx},
    {ExportFormat::PyTorchCode, "pytorch-code", ".py",
     QT_TRANSLATE_NOOP("rx::ExportFormat", "PyTorch code"), writePyTorchCode},
};

}  // namespace

std::span<const ExportFormatInfo> exportFormats() {
    return kExportFormats;
}

const ExportFormatInfo& exportFormatInfo(ExportFormat format) {
    for (const auto& f : kExportFormats)
        if (f.format == format)
            return f;
    return kExportFormats[0];  // every enumerator has a row
}

std::optional<ExportFormat> exportFormatFromId(const QString& id) {
    for (const auto& f : kExportFormats)
        if (id == QLatin1String(f.id))
            return f.format;
    return std::nullopt;
}

std::optional<ExportFormat> exportFormatForPath(const QString& path) {
    for (const auto& f : kExportFormats)
        if (path.endsWith(QLatin1String(f.suffix), Qt::CaseInsensitive))
            return f.format;
    return std::nullopt;
}

QString exportFilter(ExportFormat format) {
    const ExportFormatInfo& f = exportFormatInfo(format);
    return QStringLiteral("%1 (*%2)")
        .arg(QCoreApplication::translate("rx::ExportFormat", f.description),
             QLatin1String(f.suffix));
}

QString exportFilters() {
    QStringList filters;
    for (const auto& f : kExportFormats)
        filters << exportFilter(f.format);
    return filters.join(QStringLiteral(";;"));
}

std::optional<ExportFormat> exportFormatForFilter(const QString& filter) {
    for (const auto& f : kExportFormats)
        if (filter == exportFilter(f.format))
            return f.format;
    return std::nullopt;
}

bool exportWeights(const QString& source, ExportFormat format, const QString& out, QString* error) {
    LoadedModel loaded;
    if (!loadTrainedModel(source, &loaded, error))
        return false;
    return exportFormatInfo(format).write(loaded, out, error);
}

bool evaluateWeights(const QString& weights, const EvalOptions& options, EvalResult* result,
                     QString* error) {
    torch::set_num_threads(options.threads > 0 ? options.threads : QThread::idealThreadCount());
    TestBench bench;
    torch::Tensor all;
    try {
        if (!prepareTestBench(weights, options.dataDir, options.testSubset,
                              options.architecture ? &*options.architecture : nullptr, &bench,
                              error))
            return false;
        BatchControl control{options.cancel, {}};
        if (options.onBatch)
            control.onBatch = [&options](int64_t done, int64_t total) {
                options.onBatch(int(done), int(total));
            };
        const bool wantLogits = options.keepLogits || !options.logitsCsv.isEmpty();
        const SplitEvaluation e =
            evaluateSplit(bench.loaded.model, bench.split, bench.norm, TrainConfig{}.testBatchSize,
                          wantLogits ? &all : nullptr, control);
        if (!e.complete) {
            result->cancelled = true;
            *error = Export::evalCancelled(weights);
            return false;
        }
        result->images = int(bench.split.size());
        result->error = e.error;
        result->loss = e.loss;
        if (options.keepLogits) {
            const torch::Tensor l = all.to(torch::kFloat).contiguous();
            result->logits = QVector<float>(l.data_ptr<float>(), l.data_ptr<float>() + l.numel());
            result->labels = bench.sample.labels;  // in the order of the logits
        }
    } catch (const std::exception& e) {
        *error = Export::evalFailed(weights, errorText(e));
        return false;
    }
    if (options.logitsCsv.isEmpty())
        return true;
    const torch::Tensor logits = all.to(torch::kDouble).contiguous();
    const double* p = logits.data_ptr<double>();
    QByteArray csv;
    csv.reserve(logits.size(0) * 160);
    for (int64_t r = 0; r < logits.size(0); ++r) {
        for (int64_t c = 0; c < logits.size(1); ++c) {
            if (c)
                csv += ',';
            csv += QByteArray::number(p[r * logits.size(1) + c], 'g', 9);
        }
        csv += '\n';
    }
    return writeFileAtomically(options.logitsCsv, csv, error);
}

}  // namespace rx
