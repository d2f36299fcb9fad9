#include "presets.h"

#include <QCoreApplication>

#include <functional>

namespace rx {

NetworkSpec cifarNet(const QString& name, BlockKind kind, int n, ShortcutOption shortcut) {
    NetworkSpec spec;
    spec.name = name;
    spec.stem = {StemKind::Cifar, 16};
    const int widths[] = {16, 32, 64};
    const int strides[] = {1, 2, 2};
    for (int i = 0; i < 3; ++i)
        spec.stages.push_back({kind, n, widths[i], strides[i], shortcut});
    return spec;
}

NetworkSpec imagenetNet(const QString& name, BlockKind kind, std::vector<int> blocks) {
    NetworkSpec spec;
    spec.name = name;
    spec.stem = {StemKind::ImageNet, 64};
    const int widths[] = {64, 128, 256, 512};
    for (int i = 0; i < 4; ++i)
        spec.stages.push_back(
            {kind, blocks[i], widths[i], i == 0 ? 1 : 2, ShortcutOption::ProjectOnChange});
    return spec;
}

namespace {

struct Preset {
    const char* name;
    const char* description;
    std::function<NetworkSpec(const QString&)> make;
};

// The one table of presets; adding a preset means adding a row here.
const std::vector<Preset>& presetTable() {
    using K = BlockKind;
    using S = ShortcutOption;
    auto cifar = [](K kind, int n, S shortcut) {
        return [=](const QString& name) { return cifarNet(name, kind, n, shortcut); };
    };
    static const std::vector<Preset> table = {
        {"plain-20", QT_TRANSLATE_NOOP("Presets", "20-layer plain net (paper Fig. 6, left)"),
         cifar(K::PlainBasic, 3, S::ZeroPad)},
        {"plain-32", QT_TRANSLATE_NOOP("Presets", "32-layer plain net (paper Fig. 6, left)"),
         cifar(K::PlainBasic, 5, S::ZeroPad)},
        {"plain-44", QT_TRANSLATE_NOOP("Presets", "44-layer plain net (paper Fig. 6, left)"),
         cifar(K::PlainBasic, 7, S::ZeroPad)},
        {"plain-56", QT_TRANSLATE_NOOP("Presets", "56-layer plain net (paper Fig. 6, left)"),
         cifar(K::PlainBasic, 9, S::ZeroPad)},
        {"plain-110", QT_TRANSLATE_NOOP("Presets", "110-layer plain net: fails to train well"),
         cifar(K::PlainBasic, 18, S::ZeroPad)},
        {"resnet-20", QT_TRANSLATE_NOOP("Presets", "ResNet-20, option A shortcuts (Table 6)"),
         cifar(K::Basic, 3, S::ZeroPad)},
        {"resnet-32", QT_TRANSLATE_NOOP("Presets", "ResNet-32, option A shortcuts (Table 6)"),
         cifar(K::Basic, 5, S::ZeroPad)},
        {"resnet-44", QT_TRANSLATE_NOOP("Presets", "ResNet-44, option A shortcuts (Table 6)"),
         cifar(K::Basic, 7, S::ZeroPad)},
        {"resnet-56", QT_TRANSLATE_NOOP("Presets", "ResNet-56, option A shortcuts (Table 6)"),
         cifar(K::Basic, 9, S::ZeroPad)},
        {"resnet-110", QT_TRANSLATE_NOOP("Presets", "ResNet-110, option A shortcuts (Table 6)"),
         cifar(K::Basic, 18, S::ZeroPad)},
        {"resnet-1202",
         QT_TRANSLATE_NOOP("Presets", "ResNet-1202, option A shortcuts: overfits (Table 6)"),
         cifar(K::Basic, 200, S::ZeroPad)},
        {"resnet-20-b", QT_TRANSLATE_NOOP("Presets", "ResNet-20 with option B projections"),
         cifar(K::Basic, 3, S::ProjectOnChange)},
        {"resnet-32-b", QT_TRANSLATE_NOOP("Presets", "ResNet-32 with option B projections"),
         cifar(K::Basic, 5, S::ProjectOnChange)},
        {"resnet-32-c",
         QT_TRANSLATE_NOOP("Presets", "ResNet-32 with option C: projections on every shortcut"),
         cifar(K::Basic, 5, S::ProjectAll)},
        {"preact-resnet-110",
         QT_TRANSLATE_NOOP("Presets", "Pre-activation ResNet-110 (Identity Mappings, 2016)"),
         cifar(K::PreActBasic, 18, S::ProjectOnChange)},
        {"preact-resnet-164",
         QT_TRANSLATE_NOOP("Presets",
                           "Pre-activation ResNet-164, bottleneck, 9n+2 with n = 18 (2016)"),
         cifar(K::PreActBottleneck, 18, S::ProjectOnChange)},
        {"resnet-18", QT_TRANSLATE_NOOP("Presets", "ResNet-18, ImageNet stem (Table 1)"),
         [](const QString& n) {
             return imagenetNet(n, K::Basic, {2, 2, 2, 2});
         }},
        {"resnet-34", QT_TRANSLATE_NOOP("Presets", "ResNet-34, ImageNet stem (Table 1)"),
         [](const QString& n) {
             return imagenetNet(n, K::Basic, {3, 4, 6, 3});
         }},
        {"resnet-50",
         QT_TRANSLATE_NOOP("Presets", "ResNet-50, bottleneck, ImageNet stem (Table 1)"),
         [](const QString& n) {
             return imagenetNet(n, K::Bottleneck, {3, 4, 6, 3});
         }},
        {"resnet-34-cifar",
         QT_TRANSLATE_NOOP("Presets", "ResNet-34 adapted to CIFAR: 3×3 stem, widths 16–128"),
         [](const QString& n) {
             NetworkSpec spec;
             spec.name = n;
             spec.stem = {StemKind::Cifar, 16};
             const int widths[] = {16, 32, 64, 128}, blocks[] = {3, 4, 6, 3};
             for (int i = 0; i < 4; ++i)
                 spec.stages.push_back(
                     {K::Basic, blocks[i], widths[i], i == 0 ? 1 : 2, S::ProjectOnChange});
             return spec;
         }},
    };
    return table;
}

}  // namespace

QStringList presetNames() {
    QStringList names;
    for (const auto& p : presetTable())
        names << QLatin1String(p.name);
    return names;
}

std::optional<NetworkSpec> preset(const QString& name) {
    for (const auto& p : presetTable()) {
        if (name == QLatin1String(p.name)) {
            NetworkSpec spec = p.make(name);
            spec.description = QCoreApplication::translate("Presets", p.description);
            return spec;
        }
    }
    return std::nullopt;
}

int blocksPerStageForDepth(BlockKind kind, int depth) {
    return depthRule(kind, 3).blocksFor(depth);
}

}  // namespace rx
