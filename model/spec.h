// The description of a network that the GUI edits, the trainer builds and files store.
// Plain values only: no torch, no Qt Widgets.
#pragma once

#include "block_kinds.h"
#include "enum_table.h"

#include <QString>

#include <vector>

namespace rx {

// How the input is first processed before the stages.
enum class StemKind {
    Cifar,     // 3×3 conv, stride 1 (paper §4.2)
    ImageNet,  // 7×7 conv, stride 2, then 3×3 max-pool, stride 2 (paper Table 1)
};

// `id` in files, `text` for the properties (context kStemContext).
struct StemKindInfo : EnumEntry<StemKind> {
    const char* paletteLabel;  // context kStemContext
    const char* tooltip;       // context kStemContext
    int kernel;                // the stem conv's kernel and stride
    int stride;
    bool maxPool;   // a 3×3 max-pool, stride 2, after the conv
    bool response;  // the stem conv's response is reported for Fig. 7 (3×3 convs only)
};

inline constexpr const char* kStemContext = "StemKind";

inline constexpr StemKindInfo kStemKinds[] = {
    {{StemKind::Cifar, "cifar", QT_TRANSLATE_NOOP("StemKind", "CIFAR: 3×3 conv")},
     QT_TRANSLATE_NOOP("StemKind", "CIFAR stem"),
     QT_TRANSLATE_NOOP("StemKind",
                       "3×3 conv, 16 filters, stride 1: the first layer of the paper's CIFAR-10 "
                       "nets."),
     3,
     1,
     false,
     true},
    {{StemKind::ImageNet, "imagenet",
      QT_TRANSLATE_NOOP("StemKind", "ImageNet: 7×7 conv /2, max pool /2")},
     QT_TRANSLATE_NOOP("StemKind", "ImageNet stem"),
     QT_TRANSLATE_NOOP("StemKind",
                       "7×7 conv, stride 2, then 3×3 max-pool, stride 2: the first layers of "
                       "ResNet-18…152."),
     7,
     2,
     true,
     false},
};

const StemKindInfo& stemKindInfo(StemKind kind);

// What a residual block's shortcut does where the shape changes (paper §3.3).
enum class ShortcutOption {
    ZeroPad,          // A: identity; subsample and append zero channels, [x, 0]; no parameters
    ProjectOnChange,  // B: 1×1 conv + BN projection only where the shape changes
    ProjectAll,       // C: 1×1 conv + BN projection on every shortcut
};

// `id` is the letter in files, `text` the choice in the properties (context kShortcutContext).
struct ShortcutOptionInfo : EnumEntry<ShortcutOption> {
    const char* arcLabel;  // beside a non-identity shortcut on the canvas (kShortcutContext)
};

inline constexpr const char* kShortcutContext = "ShortcutOption";

inline constexpr ShortcutOptionInfo kShortcutOptions[] = {
    {{ShortcutOption::ZeroPad, "A",
      QT_TRANSLATE_NOOP("ShortcutOption", "A: identity, zero-padded channels")},
     QT_TRANSLATE_NOOP("ShortcutOption", "A: [x, 0]")},
    {{ShortcutOption::ProjectOnChange, "B",
      QT_TRANSLATE_NOOP("ShortcutOption", "B: projection where the shape changes")},
     QT_TRANSLATE_NOOP("ShortcutOption", "B: 1×1 conv")},
    {{ShortcutOption::ProjectAll, "C",
      QT_TRANSLATE_NOOP("ShortcutOption", "C: projection on every shortcut")},
     QT_TRANSLATE_NOOP("ShortcutOption", "C: 1×1 conv")},
};

const ShortcutOptionInfo& shortcutOptionInfo(ShortcutOption option);
// 'A', 'B' or 'C' (for text output; files use idOf(kShortcutOptions, …)).
char shortcutLetter(ShortcutOption option);

struct InputSpec {
    int channels = 3;
    int height = 32;
    int width = 32;
    int classes = 10;
    bool operator==(const InputSpec&) const = default;
};

struct StemSpec {
    StemKind kind = StemKind::Cifar;
    int width = 16;
    bool operator==(const StemSpec&) const = default;
};

struct StageSpec {
    BlockKind block = BlockKind::Basic;
    int blocks = 3;
    int width = 16;  // "planes": the 3×3 width; outputs are width × expansion
    int stride = 1;  // stride of the stage's first block
    ShortcutOption shortcut = ShortcutOption::ZeroPad;
    bool operator==(const StageSpec&) const = default;
};

struct NetworkSpec {
    QString name;
    QString description;
    InputSpec input;
    StemSpec stem;
    std::vector<StageSpec> stages;  // then global average pooling and fc to input.classes
    bool operator==(const NetworkSpec&) const = default;

    // Pre-activation nets have no BN-ReLU after the stem conv and a final BN-ReLU before the
    // pooling (ECCV 2016); both are derived from the first and last stage's block kind.
    bool stemHasBatchNorm() const;
    bool headHasBatchNorm() const;
    int totalBlocks() const;
};

// The paper's depth rule (6n+2 for three stages of basic blocks, 9n+2 for bottlenecks): a net
// whose stages all hold n blocks of kinds with the same weighted layers per block has
// step·n + 2 layers (the stem conv and the fc), step = weightedLayers × stages.
struct DepthRule {
    int step = 0;    // 0: the net is not uniform
    int blocks = 0;  // n
    int depth() const { return step * blocks + 2; }
    // n for `depth`, or -1 when depth is not step·n + 2 with n ≥ 1.
    int blocksFor(int depth) const;
};
DepthRule depthRule(BlockKind kind, int stages, int blocks = 0);
DepthRule depthRule(const NetworkSpec& spec);

}  // namespace rx
