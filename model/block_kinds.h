// Every block kind, in one table: what a kind is (its layers in order, widths, shortcut,
// pre-activation, colour, label and tooltip). The analysis, the LibTorch builder, the canvas, the
// palette and the icons all read it; adding a kind means adding an enumerator and a row here
// (and its translations), nothing else.
#pragma once

#include "enum_table.h"

#include <cstdint>
#include <span>

namespace rx {

// The residual (or plain) unit repeated inside a stage.
enum class BlockKind {
    Basic,                  // 3×3, 3×3 with an identity/projection shortcut
    Bottleneck,             // 1×1, 3×3, 1×1 (expansion 4) with a shortcut
    PreActBasic,            // BN-ReLU-conv ×2, pure identity shortcut (ECCV 2016)
    PreActBottleneck,       // BN-ReLU-conv ×3, expansion 4
    PlainBasic,             // Basic without the shortcut
    PlainBottleneck,        // Bottleneck without the shortcut
    PlainPreActBasic,       // PreActBasic without the shortcut
    PlainPreActBottleneck,  // PreActBottleneck without the shortcut
};

// One step of a block's main path. Convs are named conv1, conv2, … and BNs bn1, bn2, … in plan
// order (torchvision's names); a projection shortcut is downsample.0 (1×1 conv) and, unless the
// block is pre-activated, downsample.1 (BN).
enum class StepOp {
    BatchNorm,  // BN over the current channels
    Relu,
    Conv,    // k×k conv, no bias
    Branch,  // the projection shortcut takes its input here (pre-activation: the normalised x)
    Add,     // the shortcut joins the main path here (residual kinds only; plain kinds skip it)
};

// A conv's output channels: the stage's width, or width × expansion (the block's output).
enum class StepWidth { Width, Output };

enum StepFlag : unsigned {
    kNoFlag = 0,
    kStrided = 1,   // this conv carries the block's stride (the stage's first block)
    kResponse = 2,  // this conv's response is reported for Fig. 7: after its BN when one
                    // follows directly, before the addition and ReLU
};

struct LayerStep {
    StepOp op = StepOp::Relu;
    int kernel = 0;                   // Conv only
    StepWidth to = StepWidth::Width;  // Conv only
    unsigned flags = kNoFlag;
    constexpr bool strided() const { return flags & kStrided; }
    constexpr bool response() const { return flags & kResponse; }
};

namespace plan {
inline constexpr LayerStep BN{StepOp::BatchNorm};
inline constexpr LayerStep ReLU{StepOp::Relu};
inline constexpr LayerStep Branch{StepOp::Branch};
inline constexpr LayerStep Add{StepOp::Add};
constexpr LayerStep conv(int kernel, StepWidth to, unsigned flags = kNoFlag) {
    return {StepOp::Conv, kernel, to, flags};
}
using enum StepWidth;

// clang-format off
// Paper Fig. 2 and Fig. 5: conv-BN(-ReLU) per layer; the addition, then ReLU.
inline constexpr LayerStep kBasic[] = {
    conv(3, Width, kStrided | kResponse), BN, ReLU,
    conv(3, Output, kResponse), BN,
    Add, ReLU};
inline constexpr LayerStep kBottleneck[] = {
    conv(1, Width), BN, ReLU,
    conv(3, Width, kStrided | kResponse), BN, ReLU,
    conv(1, Output), BN,
    Add, ReLU};
// Identity Mappings (ECCV 2016): BN-ReLU before each conv, nothing after the addition; a
// projection shortcut sees the normalised input.
inline constexpr LayerStep kPreActBasic[] = {
    BN, ReLU, Branch,
    conv(3, Width, kStrided | kResponse), BN, ReLU,
    conv(3, Output, kResponse),
    Add};
inline constexpr LayerStep kPreActBottleneck[] = {
    BN, ReLU, Branch,
    conv(1, Width), BN, ReLU,
    conv(3, Width, kStrided | kResponse), BN, ReLU,
    conv(1, Output),
    Add};
// clang-format on
}  // namespace plan

struct Rgb {
    std::uint8_t r, g, b;
};

// EnumEntry's `value`, `id` (the name in .resnet.json files) and `text` (the short label,
// context kBlockKindContext), so idOf / fromId / textOf / idList work on blockKinds().
struct BlockKindInfo : EnumEntry<BlockKind> {
    const char* tooltip;  // one sentence for the palette (context kBlockKindContext)
    int expansion;        // output channels = width × expansion
    bool residual;        // has a shortcut
    bool preActivation;   // BN-ReLU before each conv, nothing after the addition; such nets have
                          // no BN after the stem conv and a final BN-ReLU before the pooling
    std::span<const LayerStep> plan;  // the main path, in order
    Rgb color;                        // palette and canvas
    const char* pythonClass;          // the class of the pytorch-code export (torchvision's
                                      // names where torchvision has the kind: "BasicBlock")
};

inline constexpr const char* kBlockKindContext = "BlockKind";

// The one table of block kinds; adding a kind means adding a row here (and its enumerator).
// Plain kinds share their residual counterpart's plan; their colour is the same hue, washed out.
// clang-format off
inline constexpr BlockKindInfo kBlockKinds[] = {
    {{BlockKind::Basic, "basic", QT_TRANSLATE_NOOP("BlockKind", "Basic")},
     QT_TRANSLATE_NOOP("BlockKind",
                       "Two 3×3 convs with BN and ReLU; the input is added back before the last "
                       "ReLU (paper Fig. 2)."),
     /*expansion=*/1, /*residual=*/true, /*preActivation=*/false, plan::kBasic, {150, 196, 240},
     "BasicBlock"},
    {{BlockKind::Bottleneck, "bottleneck", QT_TRANSLATE_NOOP("BlockKind", "Bottleneck")},
     QT_TRANSLATE_NOOP("BlockKind",
                       "1×1 reduces, 3×3 works, 1×1 restores 4× the width; the input is added "
                       "back (paper Fig. 5, right)."),
     /*expansion=*/4, /*residual=*/true, /*preActivation=*/false,
     plan::kBottleneck, {246, 190, 120}, "Bottleneck"},
    {{BlockKind::PreActBasic, "preact_basic",
      QT_TRANSLATE_NOOP("BlockKind", "Pre-activation basic")},
     QT_TRANSLATE_NOOP("BlockKind",
                       "BN-ReLU before each of two 3×3 convs, a pure identity shortcut and "
                       "nothing after the addition (ECCV 2016)."),
     /*expansion=*/1, /*residual=*/true, /*preActivation=*/true,
     plan::kPreActBasic, {170, 214, 160}, "PreActBasicBlock"},
    {{BlockKind::PreActBottleneck, "preact_bottleneck",
      QT_TRANSLATE_NOOP("BlockKind", "Pre-activation bottleneck")},
     QT_TRANSLATE_NOOP("BlockKind",
                       "Pre-activation 1×1, 3×3, 1×1 bottleneck used by ResNet-164 and "
                       "ResNet-1001 (ECCV 2016)."),
     /*expansion=*/4, /*residual=*/true, /*preActivation=*/true,
     plan::kPreActBottleneck, {236, 160, 190}, "PreActBottleneck"},
    {{BlockKind::PlainBasic, "plain_basic", QT_TRANSLATE_NOOP("BlockKind", "Plain basic")},
     QT_TRANSLATE_NOOP("BlockKind",
                       "Two 3×3 convs with BN and ReLU and no shortcut: the plain nets of Fig. 6 "
                       "that degrade with depth."),
     /*expansion=*/1, /*residual=*/false, /*preActivation=*/false, plan::kBasic, {219, 235, 250},
     "PlainBasicBlock"},
    {{BlockKind::PlainBottleneck, "plain_bottleneck",
      QT_TRANSLATE_NOOP("BlockKind", "Plain bottleneck")},
     QT_TRANSLATE_NOOP("BlockKind",
                       "A bottleneck without its shortcut."),
     /*expansion=*/4, /*residual=*/false, /*preActivation=*/false,
     plan::kBottleneck, {255, 236, 212}, "PlainBottleneck"},
    {{BlockKind::PlainPreActBasic, "plain_preact_basic",
      QT_TRANSLATE_NOOP("BlockKind", "Plain pre-activation basic")},
     QT_TRANSLATE_NOOP("BlockKind",
                       "A pre-activation basic block without its shortcut."),
     /*expansion=*/1, /*residual=*/false, /*preActivation=*/true,
     plan::kPreActBasic, {209, 224, 206}, "PlainPreActBasicBlock"},
    {{BlockKind::PlainPreActBottleneck, "plain_preact_bottleneck",
      QT_TRANSLATE_NOOP("BlockKind", "Plain pre-activation bottleneck")},
     QT_TRANSLATE_NOOP("BlockKind",
                       "A pre-activation bottleneck without its shortcut."),
     /*expansion=*/4, /*residual=*/false, /*preActivation=*/true,
     plan::kPreActBottleneck, {246, 220, 230}, "PlainPreActBottleneck"},
};
// clang-format on

constexpr std::span<const BlockKindInfo> blockKinds() {
    return kBlockKinds;
}

constexpr const BlockKindInfo& blockKindInfo(BlockKind kind) {
    for (const auto& info : kBlockKinds)
        if (info.value == kind)
            return info;
    return kBlockKinds[0];  // unreachable: every enumerator has a row (checked below)
}

// Weighted layers per block (the paper's depth convention: main-path convs).
constexpr int weightedLayers(BlockKind kind) {
    int n = 0;
    for (const LayerStep& step : blockKindInfo(kind).plan)
        n += step.op == StepOp::Conv;
    return n;
}

// The same block with (residual = true) or without (false) the shortcut.
constexpr BlockKind withResidual(BlockKind kind, bool residual) {
    const auto& from = blockKindInfo(kind);
    for (const auto& info : kBlockKinds)
        if (info.plan.data() == from.plan.data() && info.preActivation == from.preActivation &&
            info.residual == residual)
            return info.value;
    return kind;
}

namespace detail {
// A row is well formed: the plan starts with BN exactly when the kind is pre-activated, has one
// strided conv, a Branch only when pre-activated, and one Add.
constexpr bool wellFormed(const BlockKindInfo& info) {
    int strided = 0, adds = 0, branches = 0;
    for (const LayerStep& step : info.plan) {
        strided += step.strided();
        adds += step.op == StepOp::Add;
        branches += step.op == StepOp::Branch;
    }
    return !info.plan.empty() &&
           (info.plan.front().op == StepOp::BatchNorm) == info.preActivation && strided == 1 &&
           adds == 1 && branches == (info.preActivation ? 1 : 0) && info.expansion >= 1;
}
constexpr bool sameText(const char* a, const char* b) {
    while (*a && *a == *b)
        ++a, ++b;
    return *a == *b;
}
constexpr bool tableIsWellFormed() {
    for (std::size_t i = 0; i < std::size(kBlockKinds); ++i) {
        if (!wellFormed(kBlockKinds[i]) || kBlockKinds[i].value != BlockKind(i))
            return false;
        for (std::size_t j = 0; j < i; ++j)
            if (sameText(kBlockKinds[i].pythonClass, kBlockKinds[j].pythonClass))
                return false;
    }
    return true;
}
static_assert(tableIsWellFormed(),
              "every BlockKind has one well-formed row, in enum order, with its own Python class");
}  // namespace detail

}  // namespace rx
