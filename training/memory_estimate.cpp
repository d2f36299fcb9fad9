#include "memory_estimate.h"

#include "block_kinds.h"
#include "cifar10.h"
#include "conv_kernels.h"

#include <QCoreApplication>
#include <QFile>
#include <QLocale>
#include <QThread>

#include <algorithm>
#include <vector>

namespace rx {

namespace {

class MemoryTexts {
    Q_DECLARE_TR_FUNCTIONS(rx::MemoryEstimate)
public:
    static QString wontFit(const MemoryEstimate& e, int batch, const QString& need,
                           const QString& available) {
        return tr("not enough memory for this run: it needs about %1 (activations of a batch of "
                  "%2: %3; weights, gradients and momentum: %4; data set: %5), but %6 has %7 "
                  "available. Use a smaller batch or a smaller network.")
            .arg(need)
            .arg(batch)
            .arg(memoryText(e.activations + e.workspace),
                 memoryText(e.weights + e.gradients + e.optimizerState), memoryText(e.dataset),
                 e.cuda ? tr("the GPU") : tr("this computer"), available);
    }
};

// The framework's allowance: a fixed part (CUDA: cuDNN's workspace and the caching
// allocator's blocks; CPU: oneDNN's scratch and the OpenMP threads' stacks) and a share of the
// rest (the allocators' rounding and fragmentation).
constexpr qint64 kMiB = 1024 * 1024;
constexpr qint64 kFrameworkCpu = 64 * kMiB;
constexpr qint64 kFrameworkCuda = 256 * kMiB;
constexpr double kFrameworkShare = 0.10;

// Gradients in flight at a layer of the backward pass, in tensors of that layer's output: the
// incoming gradient, the outgoing one and a BN backward's or a shortcut's sum beside them
// (checked against tst_memory's measurements of the counting allocator: +1 % to +5 %).
constexpr double kGradientsInFlight = 3.0;

// The own Winograd kernels' tiles per transform block (conv_kernels.cpp's kTileBlock) and the
// 6×6 Winograd domain of F(4×4, 3×3).
constexpr qint64 kTileBlock = 24;
constexpr qint64 kWinogradPoints = 36;

qint64 elements(const Shape& s) {
    return qint64(s.channels) * s.height * s.width;
}

// One tensor the forward pass leaves for the backward pass, in bytes for the whole batch, and
// the size of the gradient that flows back through it.
struct Kept {
    qint64 bytes = 0;
    qint64 gradient = 0;
};

// The tensors a forward pass keeps for its backward pass, in order. `inPlace`: the training
// step (ReLU and addition in place); else the probe's pass, whose ReLUs and additions make new
// tensors that its taps hold.
struct ForwardPass {
    qint64 batch = 0;
    qint64 element = 4;  // bytes per activation
    bool inPlace = true;
    std::vector<Kept> kept;
    qint64 transient = 0;  // the largest short-lived tensor beside them (a shortcut's output)

    void keep(qint64 perImage, qint64 elementBytes = 0) {
        const qint64 b = batch * perImage * (elementBytes ? elementBytes : element);
        kept.push_back({b, batch * perImage * element});
    }

    void walk(const Analysis& a, const TrainConfig& c) {
        keep(elements(a.blocks.front().input), 4);  // the fp32 batch
        if (c.precision != Precision::Fp32)
            keep(elements(a.blocks.front().input));  // its 16-bit copy under autocast
        for (const BlockInfo& block : a.blocks) {
            if (block.role == BlockInfo::Role::Head) {
                head(block);
                continue;
            }
            if (block.role == BlockInfo::Role::Stem) {
                for (const LayerInfo& layer : block.layers) {
                    keep(elements(layer.output));
                    if (layer.type == LayerType::MaxPool)
                        keep(elements(layer.output), 8);  // its int64 indices
                }
                if (!inPlace)
                    keep(elements(block.output));  // the ReLU's own output
                continue;
            }
            mainPath(block);
        }
    }

    // Every conv and BN output of the main path is kept (a BN keeps its input, a conv its
    // input, an in-place ReLU its output). The probe also keeps each ReLU's and the addition's
    // output.
    void mainPath(const BlockInfo& block) {
        const BlockKindInfo& kind = blockKindInfo(block.kind);
        size_t layer = 0;
        qint64 current = elements(block.input);
        for (const LayerStep& step : kind.plan) {
            switch (step.op) {
                case StepOp::Conv:
                case StepOp::BatchNorm:
                    while (layer < block.layers.size() && block.layers[layer].shortcut)
                        ++layer;
                    if (layer < block.layers.size())
                        current = elements(block.layers[layer++].output);
                    keep(current);
                    break;
                case StepOp::Relu:
                    if (!inPlace)
                        keep(current);
                    break;
                case StepOp::Add:
                    if (block.shortcut != ShortcutKind::None && !inPlace)
                        keep(current);
                    break;
                case StepOp::Branch:
                    break;
            }
        }
        // A projection's conv output is kept by its BN; what reaches the addition (the BN's
        // output, option A's padded input) lives only until the addition.
        bool shortcutBn = false;
        for (const LayerInfo& l : block.layers)
            shortcutBn |= l.shortcut && l.type == LayerType::BatchNorm;
        if (block.shortcut == ShortcutKind::Projection && shortcutBn)
            keep(elements(block.output));
        if (block.shortcut == ShortcutKind::Projection || block.shortcut == ShortcutKind::ZeroPad)
            transient = std::max(transient, batch * elements(block.output) * element);
    }

    void head(const BlockInfo& block) {
        for (const LayerInfo& layer : block.layers)
            if (layer.type == LayerType::BatchNorm)
                keep(elements(layer.output));
        keep(block.inChannels, 4);       // pooled features
        keep(block.outChannels * 2, 4);  // logits, log-softmax
    }

    // The peak of the backward pass: going back from the last layer, the tensors not yet freed
    // and the gradients in flight at that layer.
    qint64 backwardPeak() const {
        qint64 before = 0;
        for (const Kept& k : kept)
            before += k.bytes;
        qint64 peak = before + transient;
        for (auto it = kept.rbegin(); it != kept.rend(); ++it) {
            peak = std::max(peak, before + qint64(kGradientsInFlight * double(it->gradient)));
            before -= it->bytes;
        }
        return peak;
    }
};

// The own kernels' share, on the CPU in fp32 (fast_conv.cpp's planFor): the largest Winograd
// weight transform (a tensor, allocated per conv call) and each thread's buffers (padded image,
// input and output tiles, weight-gradient sums; malloc'd once and kept).
struct KernelBuffers {
    qint64 transform = 0;
    qint64 perThread = 0;
};
KernelBuffers ownKernelBuffers(const Analysis& a) {
    KernelBuffers k;
    if (!kernels::supported())
        return k;
    for (const BlockInfo& block : a.blocks) {
        Shape input = block.input;
        for (const LayerInfo& l : block.layers) {
            const Shape in = l.shortcut ? block.input : input;
            if (!l.shortcut)
                input = l.output;
            if (l.type != LayerType::Conv || l.kernel != 3 || l.inChannels % 16 ||
                l.outChannels % 16 || l.stride > 2)
                continue;
            const qint64 c = l.inChannels, o = l.outChannels;
            const qint64 padded = qint64(in.height + 2) * (in.width + 2) * std::max(c, o);
            if (l.stride == 1 && in.height % 4 == 0 && in.width % 4 == 0) {
                k.transform = std::max(k.transform, kWinogradPoints * c * o * 4);
                k.perThread =
                    std::max(k.perThread, 4 * (padded + kWinogradPoints * kTileBlock * (c + o) +
                                               kWinogradPoints * c * o));
            } else if (l.stride == 2) {
                k.perThread = std::max(k.perThread, 4 * (padded + 9 * c * o));
            }
        }
    }
    return k;
}

// An inference forward pass (the test evaluation: BN folded, ReLU in place): the input, the
// output and the shortcut of the largest layer at once, and the folded weights.
qint64 inferencePeak(const Analysis& a, qint64 batch, qint64 params) {
    qint64 largest = elements(a.blocks.front().input);
    for (const BlockInfo& block : a.blocks)
        for (const LayerInfo& l : block.layers)
            largest = std::max(largest, elements(l.output));
    return 3 * batch * largest * 4 + params * 4;
}

qint64 readNumber(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    bool ok = false;
    const qint64 v = f.readAll().trimmed().toLongLong(&ok);
    return ok ? v : -1;  // "max" (no limit) is not a number
}

}  // namespace

qint64 MemoryEstimate::total() const {
    const qint64 step =
        weights + gradients + optimizerState + std::max(activations + workspace, evaluation);
    return dataset + std::max(loading, step) + framework;
}

MemoryEstimate estimateTrainingMemory(const Analysis& a, const TrainConfig& c, bool cuda) {
    MemoryEstimate e;
    e.cuda = cuda;
    if (!a.ok() || a.blocks.empty())
        return e;
    const bool autocast = c.precision != Precision::Fp32;
    qint64 bnStatistics = 0;  // running mean and var, and the batch counter
    for (const BlockInfo& block : a.blocks)
        for (const LayerInfo& l : block.layers)
            if (l.type == LayerType::BatchNorm)
                bnStatistics += 2 * qint64(l.outChannels) * 4 + 8;
    e.weights = a.params * 4 + bnStatistics + (autocast ? a.params * 2 : 0);
    e.gradients = a.params * 4;
    e.optimizerState = c.momentum > 0 ? a.params * 4 : 0;

    ForwardPass step;
    step.batch = c.batchSize;
    step.element = autocast ? 2 : 4;
    step.walk(a, c);
    e.activations = step.backwardPeak();
    if (!cuda && !autocast) {
        const KernelBuffers k = ownKernelBuffers(a);
        e.activations += k.transform;
        e.workspace = k.perThread * (c.threads > 0 ? c.threads : QThread::idealThreadCount());
    }

    // The data set as the trainer holds it (Session::prepare).
    const qint64 trainSet = qint64(kCifarImagesPerBatch) * 5;
    const qint64 validation =
        c.validationSplit ? std::min<qint64>(c.validationImages, trainSet / 10) : 0;
    qint64 train = trainSet - validation;
    if (c.trainSubset > 0)
        train = std::min<qint64>(train, c.trainSubset);
    qint64 test = c.validationSplit ? validation : kCifarImagesPerBatch;
    if (c.testSubset > 0)
        test = std::min<qint64>(test, c.testSubset);
    const qint64 probeImages = std::min<qint64>(test, c.probeImages);
    e.dataset =
        (train + test) * (kCifarImageBytes + 8) + train * 8 + probeImages * kCifarImageBytes * 4;
    e.loading = cuda ? 0 : (trainSet + kCifarImagesPerBatch) * kCifarRecordBytes;

    // The probe: a backward pass in eval mode whose taps keep every block's tensors, with each
    // block output's gradient; the test: inference passes of testBatchSize images.
    ForwardPass probe;
    probe.batch = std::min<qint64>(probeImages, probeBatchSize(c));
    probe.inPlace = false;
    probe.walk(a, c);
    qint64 blockOutputs = 0;
    for (const BlockInfo& block : a.blocks)
        if (block.role == BlockInfo::Role::Block)
            blockOutputs += probe.batch * elements(block.output) * 4;
    e.evaluation = std::max(probe.backwardPeak() + blockOutputs,
                            inferencePeak(a, std::min<qint64>(test, c.testBatchSize), a.params));

    const qint64 rest =
        e.dataset + std::max(e.loading, e.weights + e.gradients + e.optimizerState +
                                            std::max(e.activations + e.workspace, e.evaluation));
    e.framework = (cuda ? kFrameworkCuda : kFrameworkCpu) + qint64(kFrameworkShare * double(rest));
    return e;
}

qint64 availableHostMemory() {
    qint64 available = -1;
    QFile meminfo(QStringLiteral("/proc/meminfo"));
    if (meminfo.open(QIODevice::ReadOnly)) {
        for (const QByteArray& line : meminfo.readAll().split('\n')) {
            if (!line.startsWith("MemAvailable:"))
                continue;
            const QList<QByteArray> parts = line.simplified().split(' ');
            bool ok = false;
            const qint64 kib = parts.size() >= 2 ? parts[1].toLongLong(&ok) : 0;
            if (ok)
                available = kib * 1024;
        }
    }
    // cgroup v2: the limit of this process's group, less what the group uses already.
    const qint64 limit = readNumber(QStringLiteral("/sys/fs/cgroup/memory.max"));
    if (limit > 0) {
        const qint64 used =
            std::max<qint64>(0, readNumber(QStringLiteral("/sys/fs/cgroup/memory.current")));
        const qint64 left = std::max<qint64>(0, limit - used);
        available = available < 0 ? left : std::min(available, left);
    }
    return available;
}

QString memoryText(qint64 bytes) {
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

bool checkTrainingMemory(const TrainConfig& config, bool cuda, qint64 available, QString* error,
                         MemoryEstimate* estimate) {
    const Analysis analysis = analyze(config.spec);
    const MemoryEstimate e = estimateTrainingMemory(analysis, config, cuda);
    if (estimate)
        *estimate = e;
    if (!analysis.ok() || available < 0 || e.total() <= available)
        return true;
    if (error)
        *error =
            MemoryTexts::wontFit(e, config.batchSize, memoryText(e.total()), memoryText(available));
    return false;
}

}  // namespace rx
