#include "pytorch_code.h"

#include "analysis.h"

#include <QStringList>

#include <algorithm>
#include <map>
#include <set>

namespace rx {

namespace {

// Python source, a line at a time, four spaces an indent level.
class Source {
public:
    void line(int indent, const QString& text) {
        lines_ << (text.isEmpty() ? QString() : QString(4 * indent, QLatin1Char(' ')) + text);
    }
    void blank(int count = 1) {
        for (int i = 0; i < count; ++i)
            lines_ << QString();
    }
    // A docstring, its words wrapped at kWidth columns.
    void docstring(int indent, const QString& text) {
        constexpr int kWidth = 96;
        const int room = kWidth - 4 * indent - 3;  // the closing quotes
        QString current = QStringLiteral("\"\"\"");
        bool first = true;
        for (const QString& word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            if (!first && current.size() + 1 + word.size() > room) {
                line(indent, current);
                current = word;
            } else {
                current += (first ? QString() : QStringLiteral(" ")) + word;
            }
            first = false;
        }
        line(indent, current + QStringLiteral("\"\"\""));
    }
    QByteArray text() const { return lines_.join(QLatin1Char('\n')).toUtf8() + '\n'; }

private:
    QStringList lines_;
};

QString number(float v) {
    return QString::number(double(v), 'g', 9);  // 9 digits: the float exactly
}

// What the network uses, from its analysis: the kinds in order of first use, which shortcuts
// each residual kind's blocks take, the options and the conv kernels.
struct Uses {
    std::vector<BlockKind> kinds;
    std::map<BlockKind, std::set<ShortcutKind>> shortcuts;
    std::set<ShortcutOption> options;  // of residual stages
    std::set<int> kernels;             // of the block convs (and 1 for a projection)
    bool plain = false, residual = false;

    bool uses(ShortcutKind s) const {
        for (const auto& [kind, set] : shortcuts)
            if (set.contains(s))
                return true;
        return false;
    }
    bool uses(BlockKind kind, ShortcutKind s) const {
        const auto it = shortcuts.find(kind);
        return it != shortcuts.end() && it->second.contains(s);
    }
};

Uses usesOf(const NetworkSpec& spec, const Analysis& analysis) {
    Uses u;
    for (const StageSpec& stage : spec.stages) {
        const BlockKindInfo& kind = blockKindInfo(stage.block);
        if (std::find(u.kinds.begin(), u.kinds.end(), stage.block) == u.kinds.end())
            u.kinds.push_back(stage.block);
        (kind.residual ? u.residual : u.plain) = true;
        if (kind.residual)
            u.options.insert(stage.shortcut);
        for (const LayerStep& step : kind.plan)
            if (step.op == StepOp::Conv)
                u.kernels.insert(step.kernel);
    }
    for (const BlockInfo& info : analysis.blocks)
        if (info.role == BlockInfo::Role::Block && info.shortcut != ShortcutKind::None)
            u.shortcuts[info.kind].insert(info.shortcut);
    if (u.uses(ShortcutKind::Projection))
        u.kernels.insert(1);
    return u;
}

void convHelpers(Source& py, const Uses& uses) {
    for (int k : uses.kernels) {
        py.line(0, QStringLiteral("def conv%1x%1(in_planes, out_planes, stride=1):").arg(k));
        py.line(
            1,
            k > 1
                ? QStringLiteral("\"\"\"%1x%1 convolution with padding, without bias.\"\"\"").arg(k)
                : QStringLiteral("\"\"\"1x1 convolution, without bias.\"\"\""));
        py.line(1, QStringLiteral("return nn.Conv2d(in_planes, out_planes, kernel_size=%1, "
                                  "stride=stride, %2bias=False)")
                       .arg(k)
                       .arg(k > 1 ? QStringLiteral("padding=%1, ").arg(k / 2) : QString()));
        py.blank(2);
    }
}

void zeroPadShortcut(Source& py) {
    py.line(0, QStringLiteral("class ZeroPadShortcut(nn.Module):"));
    py.docstring(1, QStringLiteral(
                        "Option A (paper §3.3): the identity, subsampled by the stride, with zero "
                        "channels appended, [x, 0]. No parameters."));
    py.blank();
    py.line(1, QStringLiteral("def __init__(self, stride, extra_channels):"));
    py.line(2, QStringLiteral("super().__init__()"));
    py.line(2, QStringLiteral("self.stride = stride"));
    py.line(2, QStringLiteral("self.extra_channels = extra_channels"));
    py.blank();
    py.line(1, QStringLiteral("def forward(self, x):"));
    py.line(2, QStringLiteral("if self.stride > 1:"));
    py.line(3, QStringLiteral("x = x[:, :, :: self.stride, :: self.stride]"));
    py.line(2, QStringLiteral("return F.pad(x, (0, 0, 0, 0, 0, self.extra_channels))"));
    py.blank(2);
}

// One block class, written from its kind's plan: the layers named as the LibTorch module names
// them (conv1, bn1, … in plan order; downsample), forward in the plan's order.
void blockClass(Source& py, BlockKind kindId, const Uses& uses, bool preactivationAttribute) {
    const BlockKindInfo& kind = blockKindInfo(kindId);
    const QString output =
        kind.expansion == 1 ? QStringLiteral("planes") : QStringLiteral("planes * self.expansion");
    py.line(0, QStringLiteral("class %1(nn.Module):").arg(QLatin1String(kind.pythonClass)));
    py.docstring(1, QString::fromUtf8(kind.tooltip));
    py.blank();
    py.line(1, QStringLiteral("expansion = %1").arg(kind.expansion));
    if (kind.residual && preactivationAttribute)
        py.line(1, QStringLiteral("preactivation = %1")
                       .arg(kind.preActivation ? QStringLiteral("True") : QStringLiteral("False")));
    py.blank();
    py.line(1,
            kind.residual
                ? QStringLiteral("def __init__(self, inplanes, planes, stride=1, downsample=None):")
                : QStringLiteral("def __init__(self, inplanes, planes, stride=1):"));
    py.line(2, QStringLiteral("super().__init__()"));
    QString channels = QStringLiteral("inplanes");
    int convs = 0, bns = 0;
    bool relu = false;
    for (const LayerStep& step : kind.plan) {
        if (step.op == StepOp::Conv) {
            const QString to = step.to == StepWidth::Output ? output : QStringLiteral("planes");
            py.line(
                2, QStringLiteral("self.conv%1 = conv%2x%2(%3, %4%5)")
                       .arg(++convs)
                       .arg(step.kernel)
                       .arg(channels, to, step.strided() ? QStringLiteral(", stride") : QString()));
            channels = to;
        } else if (step.op == StepOp::BatchNorm) {
            py.line(2, QStringLiteral("self.bn%1 = nn.BatchNorm2d(%2)").arg(++bns).arg(channels));
        }
        relu = relu || step.op == StepOp::Relu;
    }
    if (relu)
        py.line(2, QStringLiteral("self.relu = nn.ReLU(inplace=True)"));
    if (kind.residual)
        py.line(2, QStringLiteral("self.downsample = downsample"));
    py.blank();

    py.line(1, QStringLiteral("def forward(self, x):"));
    if (kind.residual) {
        py.line(2, QStringLiteral("identity = x"));
        py.blank();
    }
    const bool projects = uses.uses(kindId, ShortcutKind::Projection);
    const bool pads = uses.uses(kindId, ShortcutKind::ZeroPad);
    bool branched = false;
    QString in = QStringLiteral("x");
    convs = bns = 0;
    for (const LayerStep& step : kind.plan) {
        switch (step.op) {
            case StepOp::BatchNorm:
                py.line(2, QStringLiteral("out = self.bn%1(%2)").arg(++bns).arg(in));
                break;
            case StepOp::Conv:
                py.line(2, QStringLiteral("out = self.conv%1(%2)").arg(++convs).arg(in));
                break;
            case StepOp::Relu:
                py.line(2, QStringLiteral("out = self.relu(%1)").arg(in));
                break;
            case StepOp::Branch:
                if (kind.residual && projects) {
                    py.line(2,
                            QStringLiteral("normalised = out  # what a projection shortcut sees"));
                    branched = true;
                }
                break;
            case StepOp::Add:
                if (!kind.residual)
                    continue;
                py.blank();
                if (branched && pads) {
                    py.line(2, QStringLiteral("if isinstance(self.downsample, ZeroPadShortcut):"));
                    py.line(3, QStringLiteral("identity = self.downsample(x)"));
                    py.line(2, QStringLiteral("elif self.downsample is not None:"));
                    py.line(3, QStringLiteral("identity = self.downsample(normalised)"));
                } else {
                    py.line(2, QStringLiteral("if self.downsample is not None:"));
                    py.line(
                        3, QStringLiteral("identity = self.downsample(%1)")
                               .arg(branched ? QStringLiteral("normalised") : QStringLiteral("x")));
                }
                py.line(2, QStringLiteral("out += identity"));
                break;
        }
        in = QStringLiteral("out");
    }
    py.line(2, QStringLiteral("return out"));
    py.blank(2);
}

// The stem's or the head's layers (analysis names: conv1, bn1, maxpool; final_bn, avgpool, fc):
// their modules, or their forward lines. A BN there is followed by a ReLU (spec.h).
void stemOrHeadModules(Source& py, const BlockInfo& info, bool stem) {
    for (const LayerInfo& layer : info.layers) {
        switch (layer.type) {
            case LayerType::Conv:
                py.line(2, QStringLiteral("self.inplanes = %1").arg(layer.outChannels));
                py.line(2, QStringLiteral("self.%1 = nn.Conv2d(%2, self.inplanes, kernel_size=%3, "
                                          "stride=%4, padding=%5, bias=False)")
                               .arg(layer.name)
                               .arg(layer.inChannels)
                               .arg(layer.kernel)
                               .arg(layer.stride)
                               .arg(layer.kernel / 2));
                break;
            case LayerType::BatchNorm:
                py.line(2,
                        QStringLiteral("self.%1 = nn.BatchNorm2d(self.inplanes)").arg(layer.name));
                if (stem)
                    py.line(2, QStringLiteral("self.relu = nn.ReLU(inplace=True)"));
                break;
            case LayerType::MaxPool:
                py.line(2, QStringLiteral("self.%1 = nn.MaxPool2d(kernel_size=%2, stride=%3, "
                                          "padding=%4)")
                               .arg(layer.name)
                               .arg(layer.kernel)
                               .arg(layer.stride)
                               .arg(layer.kernel / 2));
                break;
            case LayerType::AvgPool:
                py.line(2,
                        QStringLiteral("self.%1 = nn.AdaptiveAvgPool2d((1, 1))").arg(layer.name));
                break;
            case LayerType::Linear:
                py.line(2, QStringLiteral("self.%1 = nn.Linear(self.inplanes, num_classes)")
                               .arg(layer.name));
                break;
        }
    }
}

void stemOrHeadForward(Source& py, const BlockInfo& info) {
    for (const LayerInfo& layer : info.layers) {
        py.line(2, QStringLiteral("x = self.%1(x)").arg(layer.name));
        if (layer.type == LayerType::BatchNorm)
            py.line(2, QStringLiteral("x = self.relu(x)"));
        if (layer.type == LayerType::AvgPool)
            py.line(2, QStringLiteral("x = torch.flatten(x, 1)"));
    }
}

void makeLayer(Source& py, const Uses& uses) {
    py.line(1, QStringLiteral("def _make_layer(self, block, planes, blocks, stride=1%1):")
                   .arg(uses.residual ? QStringLiteral(", shortcut=None") : QString()));
    py.docstring(2, uses.residual ? QStringLiteral("A stage: `blocks` blocks of width `planes`, "
                                                   "the first with `stride`; `shortcut` is the "
                                                   "paper's option (A, B or C) of residual "
                                                   "blocks, None for plain ones.")
                                  : QStringLiteral("A stage: `blocks` blocks of width `planes`, "
                                                   "the first with `stride`."));
    py.line(2, QStringLiteral("layers = []"));
    py.line(2, QStringLiteral("for i in range(blocks):"));
    py.line(3, QStringLiteral("block_stride = stride if i == 0 else 1"));
    const QString plainCall =
        QStringLiteral("layers.append(block(self.inplanes, planes, block_stride))");
    const QString residualCall =
        QStringLiteral("layers.append(block(self.inplanes, planes, block_stride, downsample))");
    const QString shortcut =
        QStringLiteral("downsample = self._make_shortcut(block, planes, block_stride, shortcut)");
    if (uses.residual && uses.plain) {
        py.line(3, QStringLiteral("if shortcut is None:"));
        py.line(4, plainCall);
        py.line(3, QStringLiteral("else:"));
        py.line(4, shortcut);
        py.line(4, residualCall);
    } else if (uses.residual) {
        py.line(3, shortcut);
        py.line(3, residualCall);
    } else {
        py.line(3, plainCall);
    }
    py.line(3, QStringLiteral("self.inplanes = planes * block.expansion"));
    py.line(2, QStringLiteral("return nn.Sequential(*layers)"));
}

void makeShortcut(Source& py, const Uses& uses) {
    const bool a = uses.options.contains(ShortcutOption::ZeroPad);
    const bool b = uses.options.contains(ShortcutOption::ProjectOnChange);
    const bool c = uses.options.contains(ShortcutOption::ProjectAll);
    py.blank();
    py.line(1, QStringLiteral("def _make_shortcut(self, block, planes, stride, option):"));
    py.docstring(2, QStringLiteral("A residual block's shortcut (paper §3.3): None for the "
                                   "identity, option A's zero padding, or a 1x1 projection where "
                                   "the shape changes (B) or on every block (C)."));
    py.line(2, QStringLiteral("out_planes = planes * block.expansion"));
    py.line(2, QStringLiteral("changes_shape = stride != 1 or self.inplanes != out_planes"));
    if (a) {
        py.line(2, QStringLiteral("if option == \"A\":"));
        py.line(3, QStringLiteral("return ZeroPadShortcut(stride, out_planes - self.inplanes) if "
                                  "changes_shape else None"));
    }
    if (b) {
        py.line(2, QStringLiteral("if option == \"B\" and not changes_shape:"));
        py.line(3, QStringLiteral("return None"));
    }
    if (!b && !c)
        return;
    py.line(2, QStringLiteral("layers = [conv1x1(self.inplanes, out_planes, stride)]"));
    // Pre-activated blocks project their normalised input: no BN of their own.
    bool preact = false, post = false;
    for (BlockKind kind : uses.kinds)
        if (uses.uses(kind, ShortcutKind::Projection))
            (blockKindInfo(kind).preActivation ? preact : post) = true;
    if (preact && post) {
        py.line(2, QStringLiteral("if not block.preactivation:  # else it sees normalised input"));
        py.line(3, QStringLiteral("layers.append(nn.BatchNorm2d(out_planes))"));
    } else if (post) {
        py.line(2, QStringLiteral("layers.append(nn.BatchNorm2d(out_planes))"));
    }
    py.line(2, QStringLiteral("return nn.Sequential(*layers)"));
}

void valuesLiteral(Source& py, const char* name, const FloatTensor& t) {
    QStringList sizes;
    for (std::int64_t s : t.sizes)
        sizes << QString::number(s);
    const QString view = QStringLiteral(").view(%1)").arg(sizes.join(QStringLiteral(", ")));
    QStringList values;
    for (float v : t.values)
        values << number(v);
    if (values.size() <= 4) {
        py.line(0, QStringLiteral("%1 = torch.tensor([%2]%3")
                       .arg(QLatin1String(name), values.join(QStringLiteral(", ")), view));
        return;
    }
    py.line(0, QStringLiteral("%1 = torch.tensor([").arg(QLatin1String(name)));
    constexpr int kPerLine = 8;
    for (int i = 0; i < values.size(); i += kPerLine)
        py.line(1, values.mid(i, kPerLine).join(QStringLiteral(", ")) + QLatin1Char(','));
    py.line(0, QLatin1Char(']') + view);
}

}  // namespace

QByteArray pytorchCode(const NetworkSpec& spec, const FloatTensor& inputMean,
                       const FloatTensor& inputStd, const QString& module) {
    const Analysis analysis = analyze(spec);
    const Uses uses = usesOf(spec, analysis);
    const InputSpec& in = spec.input;
    Source py;
    py.line(0, QStringLiteral("\"\"\"%1, as exported by ResNet Explorer.").arg(spec.name));
    py.blank();
    if (!spec.description.isEmpty()) {
        py.line(0, spec.description);
        py.blank();
    }
    py.line(0, QStringLiteral("A self-contained, torchvision-style definition of the network. Its "
                              "module names are those"));
    py.line(0, QStringLiteral("of the `pytorch` export's state_dict, so that export loads with "
                              "strict=True:"));
    py.blank();
    py.line(1, QStringLiteral("import torch"));
    py.line(1, QStringLiteral("from %1 import build_model, preprocess").arg(module));
    py.blank();
    py.line(
        1,
        QStringLiteral("model = build_model(\"%1.pth\")  # export --format pytorch").arg(module));
    py.line(1,
            QStringLiteral("pixels = torch.rand(8, %1, %2, %3)  # RGB, N x %1 x %2 x %3, in [0, 1]")
                .arg(in.channels)
                .arg(in.height)
                .arg(in.width));
    py.line(1, QStringLiteral("with torch.no_grad():"));
    py.line(2, QStringLiteral("logits = model(preprocess(pixels))"));
    py.blank();
    py.line(0, QStringLiteral("Like torchvision's models, the network takes normalised input: "
                              "preprocess() applies the"));
    py.line(0, QStringLiteral("normalisation it was trained with (INPUT_MEAN and INPUT_STD, at the "
                              "end of this file)."));
    py.line(0, QStringLiteral("\"\"\""));
    py.line(0, QStringLiteral("import torch"));
    py.line(0, QStringLiteral("import torch.nn as nn"));
    if (uses.uses(ShortcutKind::ZeroPad))
        py.line(0, QStringLiteral("import torch.nn.functional as F"));
    py.blank(2);
    convHelpers(py, uses);
    if (uses.uses(ShortcutKind::ZeroPad))
        zeroPadShortcut(py);
    bool projectedPreact = false, projectedPost = false;
    for (BlockKind kind : uses.kinds)
        if (uses.uses(kind, ShortcutKind::Projection))
            (blockKindInfo(kind).preActivation ? projectedPreact : projectedPost) = true;
    for (BlockKind kind : uses.kinds)
        blockClass(py, kind, uses, projectedPreact && projectedPost);

    py.line(0, QStringLiteral("class ResNet(nn.Module):"));
    py.docstring(
        1, spec.name +
               (spec.description.isEmpty() ? QString() : QStringLiteral(": ") + spec.description));
    py.blank();
    py.line(1, QStringLiteral("def __init__(self, num_classes=%1):").arg(in.classes));
    py.line(2, QStringLiteral("super().__init__()"));
    stemOrHeadModules(py, analysis.blocks.front(), true);
    for (size_t s = 0; s < spec.stages.size(); ++s) {
        const StageSpec& stage = spec.stages[s];
        const BlockKindInfo& kind = blockKindInfo(stage.block);
        py.line(2, QStringLiteral("self.layer%1 = self._make_layer(%2, %3, blocks=%4, stride=%5%6)")
                       .arg(s + 1)
                       .arg(QLatin1String(kind.pythonClass))
                       .arg(stage.width)
                       .arg(stage.blocks)
                       .arg(stage.stride)
                       .arg(kind.residual ? QStringLiteral(", shortcut=\"%1\"")
                                                .arg(QLatin1Char(shortcutLetter(stage.shortcut)))
                                          : QString()));
    }
    const BlockInfo& head = analysis.blocks.back();
    stemOrHeadModules(py, head, false);
    if (!spec.stemHasBatchNorm() && spec.headHasBatchNorm())
        py.line(2, QStringLiteral("self.relu = nn.ReLU(inplace=True)"));
    py.blank();
    makeLayer(py, uses);
    if (uses.residual)
        makeShortcut(py, uses);
    py.blank();
    py.line(1, QStringLiteral("def forward(self, x):"));
    stemOrHeadForward(py, analysis.blocks.front());
    py.blank();
    for (size_t s = 0; s < spec.stages.size(); ++s)
        py.line(2, QStringLiteral("x = self.layer%1(x)").arg(s + 1));
    py.blank();
    stemOrHeadForward(py, head);
    py.line(2, QStringLiteral("return x"));
    py.blank(2);

    py.line(0, QStringLiteral("def build_model(weights=None):"));
    py.docstring(1, QStringLiteral("The network; with `weights` (the file of `export --format "
                                   "pytorch`) loaded with strict=True, in eval mode."));
    py.line(1, QStringLiteral("model = ResNet()"));
    py.line(1, QStringLiteral("if weights is not None:"));
    py.line(2, QStringLiteral("model.load_state_dict(torch.load(weights, map_location=\"cpu\"), "
                              "strict=True)"));
    py.line(2, QStringLiteral("model.eval()"));
    py.line(1, QStringLiteral("return model"));
    py.blank(2);

    py.line(0, QStringLiteral("def preprocess(pixels):"));
    py.docstring(1, QStringLiteral("RGB pixels scaled to [0, 1] (N x C x H x W floats), "
                                   "normalised as in training."));
    py.line(1, QStringLiteral("return (pixels - INPUT_MEAN) / INPUT_STD"));
    py.blank(2);
    py.line(0, QStringLiteral("# The input normalisation the network was trained with (the "
                              "pytorch export's"));
    py.line(0, QStringLiteral("# FILE.preprocessing.json holds the same numbers): pixels / 255, "
                              "minus INPUT_MEAN, divided"));
    py.line(0, QStringLiteral("# by INPUT_STD."));
    valuesLiteral(py, "INPUT_MEAN", inputMean);
    valuesLiteral(py, "INPUT_STD", inputStd);
    return py.text();
}

}  // namespace rx
