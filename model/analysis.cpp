#include "analysis.h"

#include <QCoreApplication>
#include <QLocale>

namespace rx {

QString shapeText(const Shape& shape) {
    return QStringLiteral("%1×%2×%3").arg(shape.channels).arg(shape.height).arg(shape.width);
}

QString layerText(LayerType type, int kernel, int outChannels, int stride) {
    QString s;
    switch (type) {
        case LayerType::Conv:
            s = QStringLiteral("%1×%1 conv, %2").arg(kernel).arg(outChannels);
            break;
        case LayerType::BatchNorm:
            s = QStringLiteral("BN, %1").arg(outChannels);
            break;
        case LayerType::MaxPool:
            s = QStringLiteral("%1×%1 max pool").arg(kernel);
            break;
        case LayerType::AvgPool:
            s = QStringLiteral("global avg pool");
            break;
        case LayerType::Linear:
            s = QStringLiteral("fc, %1").arg(outChannels);
            break;
    }
    if (stride > 1)
        s += QStringLiteral(", /%1").arg(stride);
    return s;
}

QString LayerInfo::text() const {
    return layerText(type, kernel, outChannels, stride);
}

QStringList Analysis::errorMessages() const {
    QStringList out;
    for (const auto& e : errors)
        out << e.message;
    return out;
}

QStringList Analysis::responseLayers() const {
    QStringList names;
    for (const auto& block : blocks) {
        for (const auto& layer : block.layers) {
            if (layer.response)
                names << layer.name;
        }
    }
    return names;
}

QString groupedNumber(std::int64_t value) {
    return QLocale(QLocale::English).toString(static_cast<qlonglong>(value));
}

QString shortNumber(std::int64_t value) {
    const double v = static_cast<double>(value);
    if (value < 100000)
        return groupedNumber(value);
    if (value < 10000000)
        return QString::number(v / 1e6, 'f', 2) + QLatin1Char('M');
    if (value < 1000000000)
        return QString::number(v / 1e6, 'f', 1) + QLatin1Char('M');
    return QString::number(v / 1e9, 'f', 2) + QLatin1Char('G');
}

namespace {

class Analyzer {
    Q_DECLARE_TR_FUNCTIONS(rx::Analyzer)

public:
    explicit Analyzer(const NetworkSpec& spec) : spec_(spec) {}

    Analysis run() {
        checkSizes();
        if (!result_.errors.empty())
            return std::move(result_);
        Shape shape{spec_.input.channels, spec_.input.height, spec_.input.width};
        addStem(shape);
        for (int s = 0; s < static_cast<int>(spec_.stages.size()); ++s) {
            const StageSpec& stage = spec_.stages[s];
            StageSummary summary;
            summary.stage = s;
            summary.kind = stage.block;
            summary.blocks = stage.blocks;
            summary.width = stage.width;
            for (int b = 0; b < stage.blocks; ++b) {
                addBlock(s, b, stage, shape);
                const BlockInfo& info = result_.blocks.back();
                summary.params += info.params;
                summary.macs += info.macs;
                summary.weightedLayers += info.weightedLayers;
            }
            summary.outChannels = shape.channels;
            summary.output = shape;
            result_.stages.push_back(summary);
        }
        addHead(shape);
        for (const auto& block : result_.blocks) {
            result_.params += block.params;
            result_.macs += block.macs;
            result_.depth += block.weightedLayers;
        }
        result_.output = shape;
        return std::move(result_);
    }

private:
    using Location = ValidationError::Location;

    // The prefix that says where: "stem: ", "stage 2: ", "stage 2, block 1: " or nothing (the
    // field name says it, e.g. "stem width …").
    static QString where(Location location, int stage, int block) {
        switch (location) {
            case Location::Block:
                return tr("stage %1, block %2: ").arg(stage + 1).arg(block + 1);
            case Location::Stage:
                return tr("stage %1: ").arg(stage + 1);
            default:
                return {};
        }
    }

    void error(Location location, int stage, int block, const QString& what) {
        result_.errors.push_back({location, stage, block, where(location, stage, block) + what});
    }
    void stageError(int stage, const QString& what) { error(Location::Stage, stage, -1, what); }
    void networkError(const QString& what) { error(Location::Network, -1, -1, what); }

    // Reports a value outside [low, high]; `field` names it for the user.
    void checkRange(Location location, int stage, const QString& field, int value, int low,
                    int high) {
        if (value < low)
            error(location, stage, -1,
                  tr("%1 must be at least %2, got %3").arg(field).arg(low).arg(value));
        else if (value > high)
            error(
                location, stage, -1,
                tr("%1 of %2 is absurd; at most %3 is supported").arg(field).arg(value).arg(high));
    }

    void checkSizes() {
        const InputSpec& in = spec_.input;
        checkRange(Location::Input, -1, tr("input channels"), in.channels, 1, kMaxInputChannels);
        checkRange(Location::Input, -1, tr("input height"), in.height, 1, kMaxInputSize);
        checkRange(Location::Input, -1, tr("input width"), in.width, 1, kMaxInputSize);
        checkRange(Location::Head, -1, tr("number of classes"), in.classes, 1, kMaxClasses);
        checkRange(Location::Stem, -1, tr("stem width"), spec_.stem.width, 1, kMaxWidth);
        if (spec_.stages.empty())
            networkError(tr("the network has no stages; add at least one"));
        if (static_cast<int>(spec_.stages.size()) > kMaxStages)
            networkError(tr("the network has %1 stages; at most %2 are supported")
                             .arg(spec_.stages.size())
                             .arg(kMaxStages));
        for (int s = 0; s < static_cast<int>(spec_.stages.size()); ++s) {
            const StageSpec& stage = spec_.stages[s];
            checkRange(Location::Stage, s, tr("number of blocks"), stage.blocks, 1,
                       kMaxTotalBlocks);
            checkRange(Location::Stage, s, tr("width"), stage.width, 1,
                       kMaxWidth / blockKindInfo(stage.block).expansion);
            checkRange(Location::Stage, s, tr("stride"), stage.stride, 1, kMaxStride);
        }
        if (spec_.totalBlocks() > kMaxTotalBlocks)
            networkError(tr("the network has %1 blocks; at most %2 are supported")
                             .arg(groupedNumber(spec_.totalBlocks()))
                             .arg(groupedNumber(kMaxTotalBlocks)));
    }

    // Applies a spatial stride; false (with an error) when the map would fall below 1×1. Stage
    // −1 is the stem.
    bool downsample(int stage, int block, Shape& shape, int stride, const QString& layer) {
        if (stride <= 1)
            return true;
        if (shape.height < stride || shape.width < stride) {
            const QString what =
                tr("the spatial size would fall below 1×1: %1 downsamples a %2×%3 feature map by "
                   "stride %4")
                    .arg(layer)
                    .arg(shape.height)
                    .arg(shape.width)
                    .arg(stride);
            if (stage < 0)
                error(Location::Stem, -1, -1, tr("stem: ") + what);
            else
                error(Location::Block, stage, block, what);
            shape.height = shape.width = 1;
            return false;
        }
        shape.height = (shape.height - 1) / stride + 1;
        shape.width = (shape.width - 1) / stride + 1;
        return true;
    }

    static void addLayer(BlockInfo& info, const LayerInfo& layer) {
        info.layers.push_back(layer);
        info.params += layer.params;
        info.macs += layer.macs;
        if (layer.type == LayerType::Conv && !layer.shortcut)
            info.weightedLayers += 1;
    }

    static void addConv(BlockInfo& info, const QString& name, int kernel, int in, int out,
                        int stride, const Shape& output, bool shortcut = false,
                        bool response = false) {
        LayerInfo l;
        l.type = LayerType::Conv;
        l.name = name;
        l.kernel = kernel;
        l.inChannels = in;
        l.outChannels = out;
        l.stride = stride;
        l.shortcut = shortcut;
        l.response = response;
        l.output = output;
        l.params = std::int64_t(kernel) * kernel * in * out;
        l.macs = l.params * output.height * output.width;
        addLayer(info, l);
    }

    static void addBatchNorm(BlockInfo& info, const QString& name, int features,
                             const Shape& output, bool shortcut = false) {
        LayerInfo l;
        l.type = LayerType::BatchNorm;
        l.name = name;
        l.inChannels = l.outChannels = features;
        l.shortcut = shortcut;
        l.output = output;
        l.params = 2 * std::int64_t(features);
        addLayer(info, l);
    }

    static void addPool(BlockInfo& info, LayerType type, const QString& name, int kernel,
                        int stride, const Shape& output) {
        LayerInfo l;
        l.type = type;
        l.name = name;
        l.kernel = kernel;
        l.stride = stride;
        l.inChannels = l.outChannels = output.channels;
        l.output = output;
        addLayer(info, l);
    }

    void addStem(Shape& shape) {
        const StemKindInfo& stem = stemKindInfo(spec_.stem.kind);
        BlockInfo info;
        info.role = BlockInfo::Role::Stem;
        info.name = QStringLiteral("conv1");
        info.input = shape;
        info.inChannels = shape.channels;
        info.width = info.outChannels = spec_.stem.width;
        info.stride = stem.stride;
        downsample(-1, -1, shape, stem.stride, tr("the stem's %1×%1 conv").arg(stem.kernel));
        shape.channels = spec_.stem.width;
        addConv(info, QStringLiteral("conv1"), stem.kernel, info.inChannels, shape.channels,
                stem.stride, shape, false, stem.response);
        if (spec_.stemHasBatchNorm())
            addBatchNorm(info, QStringLiteral("bn1"), shape.channels, shape);
        if (stem.maxPool) {
            downsample(-1, -1, shape, 2, tr("the stem's max pool"));
            addPool(info, LayerType::MaxPool, QStringLiteral("maxpool"), 3, 2, shape);
        }
        info.output = shape;
        result_.blocks.push_back(std::move(info));
    }

    // Follows the kind's layer plan (block_kinds.h), as BlockImpl builds it.
    void addBlock(int s, int b, const StageSpec& stage, Shape& shape) {
        const BlockKindInfo& kind = blockKindInfo(stage.block);
        BlockInfo info;
        info.role = BlockInfo::Role::Block;
        info.stage = s;
        info.block = b;
        info.kind = stage.block;
        info.name = QStringLiteral("layer%1.%2").arg(s + 1).arg(b);
        info.input = shape;
        info.inChannels = shape.channels;
        info.width = stage.width;
        info.outChannels = stage.width * kind.expansion;
        info.stride = b == 0 ? stage.stride : 1;
        const QString p = info.name + QLatin1Char('.');
        const int out = info.outChannels;

        Shape inner = shape;  // shape after each main-path layer
        int convs = 0, bns = 0;
        for (const LayerStep& step : kind.plan) {
            if (step.op == StepOp::BatchNorm) {
                addBatchNorm(info, p + QStringLiteral("bn%1").arg(++bns), inner.channels, inner);
            } else if (step.op == StepOp::Conv) {
                const QString name = p + QStringLiteral("conv%1").arg(++convs);
                const int stride = step.strided() ? info.stride : 1;
                downsample(s, b, inner, stride,
                           tr("its %1×%1 conv (%2)").arg(step.kernel).arg(name));
                const int from = inner.channels;
                inner.channels = step.to == StepWidth::Output ? out : info.width;
                addConv(info, name, step.kernel, from, inner.channels, stride, inner, false,
                        step.response());
            }
        }
        if (kind.residual)
            addShortcut(info, stage.shortcut, kind, inner);
        shape = inner;
        info.output = shape;
        result_.blocks.push_back(std::move(info));
    }

    void addShortcut(BlockInfo& info, ShortcutOption option, const BlockKindInfo& kind,
                     const Shape& output) {
        const int in = info.inChannels, out = info.outChannels;
        const bool changes = info.stride != 1 || in != out;
        switch (option) {
            case ShortcutOption::ZeroPad:
                info.shortcut = changes ? ShortcutKind::ZeroPad : ShortcutKind::Identity;
                if (changes && out < in)
                    error(Location::Block, info.stage, info.block,
                          tr("shortcut option A can only add channels (zero padding), but the "
                             "block maps %1 channels to %2; use option B or C")
                              .arg(in)
                              .arg(out));
                break;
            case ShortcutOption::ProjectOnChange:
                info.shortcut = changes ? ShortcutKind::Projection : ShortcutKind::Identity;
                break;
            case ShortcutOption::ProjectAll:
                info.shortcut = ShortcutKind::Projection;
                break;
        }
        if (info.shortcut != ShortcutKind::Projection)
            return;
        const QString p = info.name + QLatin1Char('.');
        addConv(info, p + QStringLiteral("downsample.0"), 1, in, out, info.stride, output, true);
        // Pre-activation projections act on the already normalised input: no BN.
        if (!kind.preActivation)
            addBatchNorm(info, p + QStringLiteral("downsample.1"), out, output, true);
    }

    void addHead(Shape& shape) {
        BlockInfo info;
        info.role = BlockInfo::Role::Head;
        info.name = QStringLiteral("fc");
        info.input = shape;
        info.inChannels = shape.channels;
        info.outChannels = spec_.input.classes;
        if (spec_.headHasBatchNorm())
            addBatchNorm(info, QStringLiteral("final_bn"), shape.channels, shape);
        addPool(info, LayerType::AvgPool, QStringLiteral("avgpool"), 0, 1,
                Shape{shape.channels, 1, 1});
        LayerInfo fc;
        fc.type = LayerType::Linear;
        fc.name = QStringLiteral("fc");
        fc.inChannels = shape.channels;
        fc.outChannels = spec_.input.classes;
        fc.output = Shape{spec_.input.classes, 1, 1};
        fc.params = std::int64_t(fc.inChannels) * fc.outChannels + fc.outChannels;
        fc.macs = std::int64_t(fc.inChannels) * fc.outChannels;
        addLayer(info, fc);
        info.weightedLayers += 1;
        shape = fc.output;
        info.output = shape;
        result_.blocks.push_back(std::move(info));
    }

    const NetworkSpec& spec_;
    Analysis result_;
};

}  // namespace

Analysis analyze(const NetworkSpec& spec) {
    return Analyzer(spec).run();
}

}  // namespace rx
