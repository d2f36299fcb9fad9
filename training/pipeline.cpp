#include "pipeline.h"

#include "export.h"
#include "files.h"
#include "spec_json.h"
#include "torch_archive.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <ATen/CPUGeneratorImpl.h>
#include <c10/util/Logging.h>
#include <caffe2/serialize/inline_container.h>
// Only a CUDA LibTorch ships a working CUDA context (CMake defines RX_TORCH_HAS_CUDA then).
#if defined(RX_TORCH_HAS_CUDA) && __has_include(<ATen/cuda/CUDAContext.h>)
#include <ATen/cuda/CUDAContext.h>
#define RX_CUDA_DEVICE_NAMES 1
#endif

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <mutex>
#include <sstream>

namespace rx {

namespace {

class Pipeline {
    Q_DECLARE_TR_FUNCTIONS(rx::Pipeline)
public:
    static QString cannotWrite(const QString& path, const QString& why) {
        return tr("cannot write %1: %2").arg(path, why);
    }
    static QString cannotRead(const QString& path, const QString& why) {
        return tr("cannot read %1: %2").arg(path, why);
    }
    static QString noArchitecture(const QString& path) {
        return tr("no architecture found beside %1 (expected %2 or %3 in the same folder)")
            .arg(path, QFileInfo(path).completeBaseName() + QLatin1String(kSpecFileSuffix),
                 QLatin1String(kRunArchitectureFile));
    }
    static QString noCheckpoint(const QString& dir) {
        return tr("%1 holds no %2; train the run first")
            .arg(dir, QLatin1String(kRunCheckpointFile));
    }
    static QString noSuchFile() { return tr("no such file"); }
    static QString notWeights(const QString& path) {
        return tr("%1 holds no trained weights: expected a run folder, its %2, a libtorch export "
                  "(.pt) or a pytorch export (.pth)")
            .arg(path, QLatin1String(kRunCheckpointFile));
    }
    static QString notStateDict(const QString& path) {
        return tr("%1 is not a state_dict of named tensors").arg(path);
    }
    static QString stateMismatch(const QString& path, const QStringList& problems) {
        const int shown = 5;
        QString list = problems.mid(0, shown).join(QStringLiteral("; "));
        if (problems.size() > shown)
            list += tr("; and %n more", nullptr, int(problems.size() - shown));
        return tr("%1 does not fit the architecture: %2").arg(path, list);
    }
    static QString missingTensor(const QString& name) { return tr("%1 is missing").arg(name); }
    static QString unexpectedTensor(const QString& name) {
        return tr("%1 is not in the network").arg(name);
    }
    static QString wrongShape(const QString& name) { return tr("%1 has another shape").arg(name); }
    static QString badPreprocessing(const QString& path) {
        return tr("%1 holds no valid mean and std").arg(path);
    }
    static QString invalidArchitecture(const QString& why) {
        return tr("the architecture cannot be built: %1").arg(why);
    }
    static QString noCuda() {
        return tr(
            "CUDA was asked for, but this LibTorch has no usable GPU; use --device cpu or "
            "auto, or build with a CUDA LibTorch");
    }
};

quint64 splitmix(quint64 x) {
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

// LibTorch writes a symbolised backtrace into every c10::Error it throws, about 2 ms of dladdr
// lookups each (most of the time a damaged checkpoint takes to refuse). The app shows an error's
// first line only (errorText), so a process that links this library throws them without it.
const bool kNoTorchBacktraces = [] {
    c10::SetStackTraceFetcher([] { return std::string(); });
    return true;
}();

}  // namespace

QString errorText(const std::exception& e) {
    return QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0);
}

at::Generator makeGenerator(quint64 seed, quint64 stream, quint64 index) {
    const quint64 mixed = splitmix(splitmix(splitmix(seed) ^ stream) ^ index);
    return at::make_generator<at::CPUGeneratorImpl>(mixed);
}

DeviceSplit toDevice(const CifarSplit& split, int64_t first, int64_t count, torch::Device device) {
    DeviceSplit out;
    if (count <= 0)
        return out;
    auto* images = reinterpret_cast<uint8_t*>(const_cast<char*>(split.images.constData()));
    auto* labels = reinterpret_cast<uint8_t*>(const_cast<char*>(split.labels.constData()));
    out.images =
        torch::from_blob(images + first * kCifarImageBytes, {count, 3, 32, 32}, torch::kUInt8)
            .to(device, /*non_blocking=*/false, /*copy=*/true);
    out.labels = torch::from_blob(labels + first, {count}, torch::kUInt8).to(device, torch::kLong);
    return out;
}

Normalizer Normalizer::fit(const torch::Tensor& images, Normalization mode) {
    torch::NoGradGuard noGrad;
    const int64_t n = images.size(0);
    const auto options = torch::TensorOptions().dtype(torch::kDouble).device(images.device());
    torch::Tensor sum, sumSq;
    if (images.device().is_cpu() && images.is_contiguous() && images.numel() == n * 3 * 32 * 32) {
        // Exact integer sums of the bytes and of their squares per pixel position, one pass on
        // every core (the tensor ops below took 2 s of the start-up for 50,000 images).
        constexpr int64_t positions = 3 * 32 * 32;
        const uint8_t* bytes = images.data_ptr<uint8_t>();
        std::mutex merge;
        std::vector<uint64_t> total(2 * positions, 0);
        at::parallel_for(0, n, 1000, [&](int64_t begin, int64_t end) {
            std::vector<uint64_t> part(2 * positions, 0);
            for (int64_t i = begin; i < end; ++i)
                for (int64_t p = 0; p < positions; ++p) {
                    const uint64_t v = bytes[i * positions + p];
                    part[p] += v;
                    part[positions + p] += v * v;
                }
            const std::lock_guard<std::mutex> lock(merge);
            for (size_t k = 0; k < part.size(); ++k)
                total[k] += part[k];
        });
        torch::Tensor both = torch::empty({2, 3, 32, 32}, options.device(torch::kCPU));
        double* out = both.data_ptr<double>();
        for (int64_t p = 0; p < positions; ++p) {
            out[p] = double(total[p]) / 255.0;
            out[positions + p] = double(total[positions + p]) / (255.0 * 255.0);
        }
        sum = both[0];
        sumSq = both[1];
    } else {
        sum = torch::zeros({3, 32, 32}, options);
        sumSq = torch::zeros({3, 32, 32}, options);
        for (int64_t i = 0; i < n; i += 5000) {  // chunks keep the float copy small
            const torch::Tensor x =
                images.slice(0, i, std::min(n, i + 5000)).to(torch::kDouble) / 255.0;
            sum += x.sum(0);
            sumSq += x.pow(2).sum(0);
        }
    }
    Normalizer norm;
    if (mode == Normalization::PerPixelMean) {
        norm.mean = (sum / n).to(torch::kFloat);
        norm.std = torch::ones({3, 1, 1}, norm.mean.options());
    } else {
        const double pixels = double(n) * 32 * 32;
        const torch::Tensor mean = sum.sum({1, 2}) / pixels;
        const torch::Tensor var = sumSq.sum({1, 2}) / pixels - mean.pow(2);
        norm.mean = mean.view({3, 1, 1}).to(torch::kFloat);
        norm.std = var.clamp_min(1e-12).sqrt().view({3, 1, 1}).to(torch::kFloat);
    }
    return norm;
}

torch::Tensor Normalizer::operator()(const torch::Tensor& images) const {
    return (images.to(torch::kFloat) / 255.0f - mean) / std;
}

torch::Tensor augment(const torch::Tensor& batch, at::Generator& generator) {
    // The crop is the batch's own size (kAugmentCrop for CIFAR-10).
    const int64_t b = batch.size(0), c = batch.size(1), h = batch.size(2), w = batch.size(3);
    const int64_t pad = kAugmentPad;
    const auto cpuLong = torch::TensorOptions().dtype(torch::kLong);
    const torch::Tensor dy = torch::randint(0, 2 * pad + 1, {b}, generator, cpuLong);
    const torch::Tensor dx = torch::randint(0, 2 * pad + 1, {b}, generator, cpuLong);
    static_assert(kAugmentFlipChance == 0.5, "the flip is drawn as a fair coin (randint 0..1)");
    const torch::Tensor flip = torch::randint(0, 2, {b}, generator, cpuLong).to(torch::kBool);
    const auto device = batch.device();
    // The draws go to a GPU from pinned memory without waiting: no host synchronisation a step.
    const auto upload = [&](const torch::Tensor& t) {
        return device.is_cuda() ? t.pin_memory().to(device, /*non_blocking=*/true) : t;
    };
    const torch::Tensor padded =
        torch::constant_pad_nd(batch, {pad, pad, pad, pad}, kAugmentPadValue);
    const torch::Tensor rows = upload(dy.view({b, 1}) + torch::arange(h, cpuLong).view({1, h}));
    const torch::Tensor cols = upload(dx.view({b, 1}) + torch::arange(w, cpuLong).view({1, w}));
    torch::Tensor out = padded.gather(2, rows.view({b, 1, h, 1}).expand({b, c, h, w + 2 * pad}));
    out = out.gather(3, cols.view({b, 1, 1, w}).expand({b, c, h, w}));
    return torch::where(upload(flip).view({b, 1, 1, 1}), out.flip({3}), out);
}

namespace {

// One image of trainingBatch on the CPU: `src` the uint8 planes, `dst` the NHWC floats, `mean`
// per channel (3 values) or per pixel (3 × 32 × 32). The arithmetic is Normalizer's, float
// division included, so that both paths round alike.
void writeTrainingImage(const uint8_t* src, float* dst, const float* mean, bool perPixelMean,
                        const float* std, int dy, int dx, bool flip) {
    constexpr int side = kAugmentCrop, channels = 3, plane = side * side;
    for (int y = 0; y < side; ++y) {
        const int sy = dy + y - kAugmentPad;
        float* row = dst + y * side * channels;
        if (sy < 0 || sy >= side) {
            std::fill(row, row + side * channels, kAugmentPadValue);
            continue;
        }
        for (int x = 0; x < side; ++x) {
            const int sx = dx + (flip ? side - 1 - x : x) - kAugmentPad;
            float* pixel = row + x * channels;
            if (sx < 0 || sx >= side) {
                std::fill(pixel, pixel + channels, kAugmentPadValue);
                continue;
            }
            for (int c = 0; c < channels; ++c) {
                const int at = c * plane + sy * side + sx;
                const float m = perPixelMean ? mean[at] : mean[c];
                pixel[c] = (float(src[at]) / 255.0f - m) / std[c];
            }
        }
    }
}

}  // namespace

torch::Tensor trainingBatch(const DeviceSplit& split, const torch::Tensor& index,
                            const Normalizer& norm, at::Generator* generator,
                            std::optional<std::pair<int64_t, int64_t>> rows) {
    const torch::Tensor& images = split.images;
    const bool cpuFast = images.device().is_cpu() && images.is_contiguous() &&
                         images.size(1) == 3 && images.size(2) == kAugmentCrop &&
                         images.size(3) == kAugmentCrop;
    if (!cpuFast) {
        torch::Tensor x = norm(images.index_select(0, index));
        if (generator)
            x = augment(x, *generator);
        if (rows)
            x = x.slice(0, rows->first, rows->first + rows->second);
        return x.contiguous(torch::MemoryFormat::ChannelsLast);
    }
    const int64_t b = index.size(0);
    const int64_t first = rows ? rows->first : 0, count = rows ? rows->second : b;
    TORCH_CHECK(first >= 0 && count >= 0 && first + count <= b, "trainingBatch: rows out of range");
    // The same draws, in the same order, as augment().
    torch::Tensor dy, dx, flip;
    if (generator) {
        const auto cpuLong = torch::TensorOptions().dtype(torch::kLong);
        dy = torch::randint(0, 2 * kAugmentPad + 1, {b}, *generator, cpuLong);
        dx = torch::randint(0, 2 * kAugmentPad + 1, {b}, *generator, cpuLong);
        flip = torch::randint(0, 2, {b}, *generator, cpuLong);
    }
    const torch::Tensor mean = norm.mean.to(torch::kCPU, torch::kFloat).contiguous();
    const torch::Tensor stdDev = norm.std.to(torch::kCPU, torch::kFloat).contiguous();
    TORCH_CHECK(stdDev.numel() == 3 && (mean.numel() == 3 || mean.numel() == 3 * 32 * 32),
                "trainingBatch: a normaliser of 3 channels");
    const torch::Tensor rowIndex = index.to(torch::kCPU, torch::kLong).contiguous();
    torch::Tensor out = torch::empty({count, 3, kAugmentCrop, kAugmentCrop},
                                     torch::TensorOptions().dtype(torch::kFloat),
                                     torch::MemoryFormat::ChannelsLast);
    const int64_t n = images.size(0), imageBytes = images[0].numel();
    const int64_t* row = rowIndex.data_ptr<int64_t>();
    for (int64_t i = 0; i < b; ++i)
        TORCH_CHECK(row[i] >= 0 && row[i] < n, "trainingBatch: image index out of range");
    const uint8_t* src = images.data_ptr<uint8_t>();
    float* dst = out.data_ptr<float>();
    const int64_t* dys = generator ? dy.data_ptr<int64_t>() : nullptr;
    const int64_t* dxs = generator ? dx.data_ptr<int64_t>() : nullptr;
    const int64_t* flips = generator ? flip.data_ptr<int64_t>() : nullptr;
    const float* m = mean.data_ptr<float>();
    const float* s = stdDev.data_ptr<float>();
    const bool perPixel = mean.numel() != 3;
    at::parallel_for(first, first + count, 8, [&](int64_t begin, int64_t end) {
        for (int64_t i = begin; i < end; ++i)
            writeTrainingImage(src + row[i] * imageBytes, dst + (i - first) * imageBytes, m,
                               perPixel, s, dys ? int(dys[i]) : kAugmentPad,
                               dxs ? int(dxs[i]) : kAugmentPad, flips && flips[i] != 0);
    });
    return out;
}

SplitEvaluation evaluateSplit(Network& model, const DeviceSplit& split, const Normalizer& norm,
                              int64_t batchSize, torch::Tensor* logits, const BatchControl& control,
                              const std::vector<bool>& lesioned) {
    torch::InferenceMode inference;
    const bool wasTraining = model->is_training();
    model->foldForInference();  // eval mode, BN folded into the convs; train() undoes it
    SplitEvaluation result;
    double lossSum = 0, errors = 0;
    std::vector<torch::Tensor> all;
    const int64_t n = split.size();
    for (int64_t i = 0; i < n; i += batchSize) {
        if (control.cancelled()) {
            result.complete = false;
            break;
        }
        const int64_t end = std::min<int64_t>(n, i + batchSize);
        const torch::Tensor x = norm(split.images.slice(0, i, end));
        const torch::Tensor out = lesioned.empty()
                                      ? model->forward(x)
                                      : model->forward(x, ForwardProbe{{}, {}, lesioned});
        const torch::Tensor y = split.labels.slice(0, i, end);
        lossSum +=
            torch::nn::functional::cross_entropy(
                out, y, torch::nn::functional::CrossEntropyFuncOptions().reduction(torch::kSum))
                .item<double>();
        errors += out.argmax(1).ne(y).sum().item<double>();
        if (logits)
            all.push_back(out.cpu());
        result.images = end;
        if (control.onBatch)
            control.onBatch(end, n);
    }
    model->train(wasTraining);
    if (logits && result.complete && !all.empty())
        *logits = torch::cat(all);
    const double count = double(std::max<int64_t>(1, result.images));
    result.loss = lossSum / count;
    result.error = 100.0 * errors / count;
    return result;
}

namespace {

// Running sums of each response layer's values over the probe images, for their population std.
struct ResponseMoments {
    std::vector<double> sum, sumSq, count;

    void add(const std::vector<torch::Tensor>& responses) {
        torch::NoGradGuard noGrad;
        if (sum.empty())
            sum.assign(responses.size(), 0), sumSq = count = sum;
        for (size_t l = 0; l < responses.size(); ++l) {
            const torch::Tensor r = responses[l].to(torch::kDouble);
            sum[l] += r.sum().item<double>();
            sumSq[l] += r.pow(2).sum().item<double>();
            count[l] += double(r.numel());
        }
    }
    std::vector<double> std() const {
        std::vector<double> out(sum.size());
        for (size_t l = 0; l < sum.size(); ++l) {
            const double mean = sum[l] / count[l];
            out[l] = std::sqrt(std::max(0.0, sumSq[l] / count[l] - mean * mean));
        }
        return out;
    }
};

}  // namespace

std::vector<double> layerResponseStd(Network& model, const torch::Tensor& probe, int64_t batchSize,
                                     const BatchControl& control) {
    torch::InferenceMode inference;
    const bool wasTraining = model->is_training();
    model->eval();
    ResponseMoments moments;
    bool cancelled = false;
    const int64_t n = probe.size(0);
    for (int64_t i = 0; i < n; i += batchSize) {
        if (control.cancelled()) {
            cancelled = true;
            break;
        }
        const int64_t end = std::min(n, i + batchSize);
        std::vector<torch::Tensor> responses;
        model->forward(probe.slice(0, i, end), &responses);
        moments.add(responses);
        if (control.onBatch)
            control.onBatch(end, n);
    }
    model->train(wasTraining);
    if (cancelled)
        return {};
    return moments.std();
}

BlockDynamicsValues blockDynamics(Network& model, const torch::Tensor& probe,
                                  const torch::Tensor& labels, int64_t batchSize,
                                  const BatchControl& control) {
    const bool wasTraining = model->is_training();
    model->eval();
    const int64_t n = probe.size(0);
    const size_t blocks = model->blocks().size();
    std::vector<double> ratioSum(blocks, 0), gradientSq(blocks, 0);
    ResponseMoments moments;
    bool cancelled = false;
    for (int64_t i = 0; i < n; i += batchSize) {
        if (control.cancelled()) {
            cancelled = true;
            break;
        }
        const int64_t end = std::min(n, i + batchSize);
        std::vector<BlockTap> taps;
        std::vector<torch::Tensor> responses;
        ForwardProbe p;
        p.blocks = &taps;
        p.responses = &responses;
        const torch::Tensor logits = model->forward(probe.slice(0, i, end), p);
        moments.add(responses);
        // The mean over all n probe images, summed batch by batch: each batch's share.
        const torch::Tensor loss =
            torch::nn::functional::cross_entropy(
                logits, labels.slice(0, i, end),
                torch::nn::functional::CrossEntropyFuncOptions().reduction(torch::kSum)) /
            double(n);
        std::vector<torch::Tensor> outputs;
        for (const BlockTap& t : taps)
            outputs.push_back(t.output);
        // Gradients with respect to the block outputs only: the weights' .grad stay untouched.
        const auto grads = torch::autograd::grad({loss}, outputs);
        torch::NoGradGuard noGrad;
        for (size_t b = 0; b < blocks; ++b) {
            gradientSq[b] += grads[b].to(torch::kDouble).pow(2).sum().item<double>();
            const BlockTap& t = taps[b];
            if (!t.residual.defined())
                continue;
            const torch::Tensor f = t.residual.flatten(1).to(torch::kDouble).norm(2, 1);
            const torch::Tensor s = t.shortcut.flatten(1).to(torch::kDouble).norm(2, 1);
            ratioSum[b] += (f / s.clamp_min(1e-12)).sum().item<double>();
        }
        if (control.onBatch)
            control.onBatch(end, n);
    }
    model->train(wasTraining);
    if (cancelled || n == 0)
        return {};
    BlockDynamicsValues v;
    v.responseStd = moments.std();
    for (size_t b = 0; b < blocks; ++b) {
        v.residualRatio.push_back(model->blocks()[b]->isResidual()
                                      ? ratioSum[b] / double(n)
                                      : std::numeric_limits<double>::quiet_NaN());
        v.activationGradient.push_back(std::sqrt(gradientSq[b]));
    }
    return v;
}

void gradientNorms(Network& model, QStringList* layers, QVector<double>* norms) {
    layers->clear();
    norms->clear();
    std::vector<torch::Tensor> parts;
    for (const auto& item : model->named_parameters()) {
        const std::string& name = item.key();
        const torch::Tensor& p = item.value();
        if (!p.grad().defined() || !name.ends_with(".weight"))
            continue;
        if (p.dim() != 4 && name != "fc.weight")
            continue;  // conv and fc weights only
        *layers << QString::fromStdString(name.substr(0, name.size() - 7));
        parts.push_back(p.grad().norm().to(torch::kDouble).view({1}));
    }
    if (parts.empty())
        return;
    // One device-to-host copy for all layers.
    const torch::Tensor all = torch::cat(parts).cpu();
    const double* data = all.data_ptr<double>();
    for (int64_t i = 0; i < all.numel(); ++i)
        *norms << data[i];
}

bool saveCheckpoint(const QString& path, Network& model, torch::optim::Optimizer* optimizer,
                    const Checkpoint& info, QString* error) {
    std::ostringstream bytes;
    try {
        torch::serialize::OutputArchive archive, modelArchive;
        model->save(modelArchive);
        archive.write("model", modelArchive);
        if (optimizer) {
            torch::serialize::OutputArchive optimizerArchive;
            optimizer->save(optimizerArchive);
            archive.write("optimizer", optimizerArchive);
            archive.write("rng_state", at::detail::getDefaultCPUGenerator().get_state());
        }
        archive.write("iteration", torch::tensor(int64_t(info.iteration)));
        if (info.inputMean.defined())
            archive.write("input_mean", info.inputMean.cpu());
        if (info.inputStd.defined())
            archive.write("input_std", info.inputStd.cpu());
        if (info.warmupDone)
            archive.write("warmup_done", torch::tensor(int64_t(*info.warmupDone)));
        archive.save_to(bytes);
    } catch (const std::exception& e) {
        *error = Pipeline::cannotWrite(path, errorText(e));
        return false;
    }
    const std::string data = bytes.str();
    return writeFileAtomically(path, QByteArray(data.data(), qsizetype(data.size())), error);
}

namespace {

QString shapeText(torch::IntArrayRef sizes, c10::ScalarType type) {
    QStringList dims;
    for (const int64_t d : sizes)
        dims << QString::number(d);
    return QStringLiteral("[%1] %2").arg(dims.join(QStringLiteral(", ")),
                                         QLatin1String(c10::toString(type)));
}

// The shape and type of every parameter and buffer of `model`, by name: what a checkpoint must
// give back (LibTorch's Module::load takes whatever tensor the file holds).
std::map<std::string, QString> tensorShapes(Network& model) {
    std::map<std::string, QString> shapes;
    for (const auto& item : model->named_parameters())
        shapes[item.key()] = shapeText(item.value().sizes(), item.value().scalar_type());
    for (const auto& item : model->named_buffers())
        shapes[item.key()] = shapeText(item.value().sizes(), item.value().scalar_type());
    return shapes;
}

// What a loaded checkpoint holds that the network and the trainer cannot use; empty when fine.
QStringList checkpointProblems(Network& model, const std::map<std::string, QString>& shapes,
                               torch::optim::Optimizer* optimizer, const Checkpoint& info) {
    QStringList problems;
    for (const auto& [name, shape] : tensorShapes(model)) {
        const auto expected = shapes.find(name);
        if (expected != shapes.end() && expected->second != shape)
            problems << Pipeline::tr("%1 is %2, the network's is %3")
                            .arg(QString::fromStdString(name), shape, expected->second);
    }
    if (auto* sgd = dynamic_cast<torch::optim::SGD*>(optimizer)) {
        for (const auto& group : sgd->param_groups())
            for (const torch::Tensor& p : group.params()) {
                const auto state = sgd->state().find(c10::guts::to_string(p.unsafeGetTensorImpl()));
                if (state == sgd->state().end())
                    continue;
                const torch::Tensor& buffer =
                    static_cast<const torch::optim::SGDParamState&>(*state->second)
                        .momentum_buffer();
                if (buffer.defined() &&
                    (buffer.sizes() != p.sizes() || buffer.scalar_type() != p.scalar_type()))
                    problems << Pipeline::tr("a momentum buffer is %1, its parameter's is %2")
                                    .arg(shapeText(buffer.sizes(), buffer.scalar_type()),
                                         shapeText(p.sizes(), p.scalar_type()));
            }
    }
    // The normalisation: a [C, H, W] tensor (each size 1 or the input's) of finite numbers, the
    // std's positive.
    const InputSpec& input = model->spec().input;
    const int64_t inputSizes[] = {input.channels, input.height, input.width};
    auto checkNormalization = [&](const torch::Tensor& t, const char* name, bool positive) {
        if (!t.defined())
            return;
        bool fits = t.dim() == 3 && at::isFloatingType(t.scalar_type());
        for (int64_t d = 0; fits && d < 3; ++d)
            fits = t.size(d) == 1 || t.size(d) == inputSizes[d];
        if (fits)
            fits = t.isfinite().all().item<bool>() && (!positive || (t > 0).all().item<bool>());
        if (!fits)
            problems << Pipeline::tr("%1 (%2) does not fit the input %3×%4×%5")
                            .arg(QLatin1String(name), shapeText(t.sizes(), t.scalar_type()))
                            .arg(input.channels)
                            .arg(input.height)
                            .arg(input.width);
    };
    checkNormalization(info.inputMean, "input_mean", false);
    checkNormalization(info.inputStd, "input_std", true);
    return problems;
}

// A file's bytes; false with a message naming `path`.
bool readWhole(const QString& path, QByteArray* data, QString* error) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = Pipeline::cannotRead(path, file.errorString());
        return false;
    }
    *data = file.readAll();
    return true;
}

// Checks a LibTorch archive's bytes (torchArchiveProblem) before LibTorch reads them; false with
// a message naming `path`. The archive's record names go to `records` if given.
bool checkTorchArchive(const QString& path, const QByteArray& data, QString* error,
                       QStringList* records = nullptr) {
    const QString problem =
        torchArchiveProblem(data, caffe2::serialize::kMaxSupportedFileFormatVersion, records);
    if (!problem.isEmpty())
        *error = Pipeline::cannotRead(path, problem);
    return problem.isEmpty();
}

// A checkpoint or libtorch export's checked bytes, read by LibTorch into `model` (and optimizer).
bool loadCheckpointData(const QString& path, const QByteArray& data, Network& model,
                        torch::optim::Optimizer* optimizer, Checkpoint* info, QString* error) {
    const std::map<std::string, QString> shapes = tensorShapes(model);
    Checkpoint read;
    try {
        std::istringstream stream(std::string(data.constData(), size_t(data.size())));
        torch::serialize::InputArchive archive, modelArchive;
        const torch::Device device = model->parameters().front().device();
        archive.load_from(stream, device);
        archive.read("model", modelArchive);
        model->load(modelArchive);
        if (optimizer) {
            torch::serialize::InputArchive optimizerArchive;
            if (archive.try_read("optimizer", optimizerArchive))
                optimizer->load(optimizerArchive);
            torch::Tensor rng;
            if (archive.try_read("rng_state", rng)) {
                at::Generator generator = at::detail::getDefaultCPUGenerator();
                generator.set_state(rng.cpu());
            }
        }
        torch::Tensor t;
        archive.read("iteration", t);
        const int64_t iteration = t.item<int64_t>();
        if (iteration < 0 || iteration > std::numeric_limits<int>::max())
            throw std::out_of_range(
                Pipeline::tr("iteration %1 is out of range").arg(iteration).toStdString());
        read.iteration = static_cast<int>(iteration);
        archive.try_read("input_mean", read.inputMean);
        archive.try_read("input_std", read.inputStd);
        torch::Tensor warmup;
        if (archive.try_read("warmup_done", warmup))
            read.warmupDone = warmup.item<int64_t>() != 0;
        const QStringList problems = checkpointProblems(model, shapes, optimizer, read);
        if (!problems.isEmpty()) {
            *error = Pipeline::stateMismatch(path, problems);
            return false;
        }
    } catch (const std::exception& e) {
        *error = Pipeline::cannotRead(path, errorText(e));
        return false;
    }
    *info = std::move(read);
    return true;
}

}  // namespace

bool loadCheckpoint(const QString& path, Network& model, torch::optim::Optimizer* optimizer,
                    Checkpoint* info, QString* error) {
    QByteArray data;
    return readWhole(path, &data, error) && checkTorchArchive(path, data, error) &&
           loadCheckpointData(path, data, model, optimizer, info, error);
}

namespace {

// A pytorch export (its checked bytes): a pickled dict of tensors, loaded into `model` by name.
// Every parameter and buffer must be there with its shape, and nothing else.
bool loadStateDict(const QString& path, const QByteArray& bytes, Network& model, QString* error) {
    std::map<std::string, torch::Tensor> state;
    try {
        const c10::IValue value = torch::pickle_load(std::vector<char>(bytes.begin(), bytes.end()));
        if (!value.isGenericDict()) {
            *error = Pipeline::notStateDict(path);
            return false;
        }
        for (const auto& item : value.toGenericDict()) {
            if (!item.key().isString() || !item.value().isTensor()) {
                *error = Pipeline::notStateDict(path);
                return false;
            }
            state[item.key().toStringRef()] = item.value().toTensor();
        }
    } catch (const std::exception& e) {
        *error = Pipeline::cannotRead(path, errorText(e));
        return false;
    }
    QStringList problems;
    torch::NoGradGuard noGrad;
    auto take = [&](const std::string& name, torch::Tensor& target) {
        const auto it = state.find(name);
        if (it == state.end()) {
            problems << Pipeline::missingTensor(QString::fromStdString(name));
            return;
        }
        if (it->second.sizes() != target.sizes())
            problems << Pipeline::wrongShape(QString::fromStdString(name));
        else
            target.copy_(it->second);
        state.erase(it);
    };
    for (auto& item : model->named_parameters())
        take(item.key(), item.value());
    for (auto& item : model->named_buffers())
        take(item.key(), item.value());
    for (const auto& [name, tensor] : state)
        problems << Pipeline::unexpectedTensor(QString::fromStdString(name));
    if (!problems.isEmpty()) {
        *error = Pipeline::stateMismatch(path, problems);
        return false;
    }
    return true;
}

torch::Tensor tensorFromJson(const QJsonObject& o, const char* values, const char* shape) {
    std::vector<float> data;
    for (const QJsonValue& v : o.value(QLatin1String(values)).toArray())
        data.push_back(float(v.toDouble()));
    std::vector<int64_t> sizes;
    for (const QJsonValue& v : o.value(QLatin1String(shape)).toArray())
        sizes.push_back(v.toInt());
    if (sizes.empty())
        sizes = {int64_t(data.size()), 1, 1};  // per-channel, as older files wrote std
    int64_t numel = 1;
    for (int64_t size : sizes)
        numel *= size;
    if (data.empty() || numel != int64_t(data.size()))
        return {};
    return torch::tensor(data).view(sizes);
}

// The input normalisation written beside a pytorch export, when it is there.
bool readPreprocessing(const QString& weightsPath, Checkpoint* info, QString* error) {
    const QFileInfo weights(weightsPath);
    QFile file(weights.absoluteDir().filePath(weights.completeBaseName() +
                                              QLatin1String(kPreprocessingFileSuffix)));
    if (!file.exists())
        return true;
    if (!file.open(QIODevice::ReadOnly)) {
        *error = Pipeline::cannotRead(file.fileName(), file.errorString());
        return false;
    }
    const QJsonObject o = QJsonDocument::fromJson(file.readAll()).object();
    info->inputMean = tensorFromJson(o, "mean", "mean_shape");
    info->inputStd = tensorFromJson(o, "std", "std_shape");
    if (!info->inputMean.defined() || !info->inputStd.defined()) {
        *error = Pipeline::badPreprocessing(file.fileName());
        return false;
    }
    return true;
}

}  // namespace

bool loadTrainedModel(const QString& weightsPath, LoadedModel* loaded, QString* error,
                      const NetworkSpec* architecture) {
    QString path = weightsPath;
    if (QFileInfo(path).isDir()) {
        path = QDir(weightsPath).filePath(QLatin1String(kRunCheckpointFile));
        if (!QFileInfo::exists(path)) {
            *error = Pipeline::noCheckpoint(weightsPath);
            return false;
        }
    }
    const QFileInfo info(path);
    if (!info.isFile()) {
        *error = Pipeline::cannotRead(path, Pipeline::noSuchFile());
        return false;
    }
    LoadedModel out;
    if (architecture) {
        out.spec = *architecture;
    } else {
        const QDir dir = info.absoluteDir();
        QString specPath = dir.filePath(info.completeBaseName() + QLatin1String(kSpecFileSuffix));
        if (!QFileInfo::exists(specPath))
            specPath = dir.filePath(QLatin1String(kRunArchitectureFile));
        if (!QFileInfo::exists(specPath)) {
            *error = Pipeline::noArchitecture(path);
            return false;
        }
        if (!loadSpecFile(specPath, &out.spec, error))
            return false;
    }
    try {
        out.model = Network(out.spec);
    } catch (const std::exception& e) {
        *error = Pipeline::invalidArchitecture(errorText(e));
        return false;
    }
    // Both kinds are zip files, read and checked once here before LibTorch sees them; a
    // torch::serialize archive (checkpoint, libtorch export) holds constants.pkl, a pickled
    // state_dict (pytorch export) does not.
    QByteArray data;
    QStringList records;
    if (!readWhole(path, &data, error))
        return false;
    if (!looksLikeZip(data)) {
        *error = Pipeline::notWeights(path);
        return false;
    }
    if (!checkTorchArchive(path, data, error, &records))
        return false;
    if (records.contains(QLatin1String("constants.pkl"))
            ? !loadCheckpointData(path, data, out.model, nullptr, &out.info, error)
            : !loadStateDict(path, data, out.model, error) ||
                  !readPreprocessing(path, &out.info, error))
        return false;
    *loaded = std::move(out);
    return true;
}

Normalizer savedNormalizer(const Checkpoint& info, const torch::Tensor& images) {
    if (info.inputMean.defined() && info.inputStd.defined())
        return Normalizer{info.inputMean.to(images.device()), info.inputStd.to(images.device())};
    return Normalizer::fit(images, Normalization::PerChannel);
}

bool prepareTestBench(const QString& weights, const QString& dataDir, int count,
                      const NetworkSpec* architecture, TestBench* bench, QString* error) {
    CifarSplit test;
    if (!loadTrainedModel(weights, &bench->loaded, error, architecture) ||
        !readCifarBatch(QDir(dataDir).filePath(QStringLiteral("test_batch.bin")), &test, error))
        return false;
    bench->sample = spreadSample(test, 0, test.size(), count > 0 ? count : test.size());
    QString deviceName;
    if (!chooseDevice(DeviceChoice::Auto, &bench->device, &deviceName, error))
        return false;
    bench->loaded.model->to(bench->device);
    bench->split = toDevice(bench->sample, 0, bench->sample.size(), bench->device);
    bench->norm = savedNormalizer(bench->loaded.info, bench->split.images);
    return true;
}

QString cudaDeviceName(int index) {
#ifdef RX_CUDA_DEVICE_NAMES
    if (torch::cuda::is_available() && index < int(torch::cuda::device_count()))
        return QString::fromUtf8(at::cuda::getDeviceProperties(index)->name);
#else
    Q_UNUSED(index);
#endif
    return {};
}

bool chooseDevice(DeviceChoice choice, torch::Device* device, QString* description,
                  QString* error) {
    const bool cuda = torch::cuda::is_available();
    if (choice == DeviceChoice::Cuda && !cuda) {
        *error = Pipeline::noCuda();
        return false;
    }
    if (choice != DeviceChoice::Cpu && cuda) {
        *device = torch::Device(torch::kCUDA, 0);
        const QString name = cudaDeviceName(0);
        *description = name.isEmpty() ? QStringLiteral("CUDA (%1 GPU%2)")
                                            .arg(torch::cuda::device_count())
                                            .arg(torch::cuda::device_count() > 1 ? "s" : "")
                                      : QStringLiteral("CUDA: %1").arg(name);
    } else {
        *device = torch::Device(torch::kCPU);
        *description = QStringLiteral("CPU (%1 threads)").arg(torch::get_num_threads());
    }
    return true;
}

}  // namespace rx
